// The fact-check in the editor: the PDF the municipality sent back is read in (a file input,
// or dropped anywhere on the page), and each of its comments is shown at its field with what
// was done with it ("Åtgärdad", "Ingen ändring" with a short answer, or open). What is still
// open is listed with links to the fields; a comment outside every field is shown in the list's
// section. The answer to the municipality (bemötande) is made as a PDF beside the evaluation.
//
// Every text from the PDF is shown as text (textContent), never as markup. Nothing here takes
// the focus, except a link the user follows to a comment.

import { call } from "./api.js";
import { fieldId } from "./paths.js";
import { $, el } from "./dom.js";
import { t } from "./i18n.js";

// As the server's bound (src/serve/review.rs).
const MAX_PDF = 24 * 1024 * 1024;

// The last answer from /api/review.
let review = null;
let built = false;
// A reply typed in a comment waits for a pause (comment id → timer).
const typing = new Map();

// Ask kompass for the review file's state (at start and when another file is opened).
export async function startReview() {
  const r = await call("/api/review").catch(() => null);
  if (!r || r.status !== 200) return;
  take(r.body);
}

// After any change (another tab set a state, a PDF was read in there): the review file again.
export function refreshReview() {
  if (built) startReview();
}

function take(body) {
  review = body;
  if (!built) build();
  showReview();
}

// The section at the top: the file input, the counts, the open comments, the answer.
function build() {
  const box = $("#review");
  if (!box) return;
  const input = el("input", { type: "file", id: "review-file", accept: "application/pdf,.pdf",
    "aria-describedby": "review-hint" });
  input.addEventListener("change", () => {
    if (input.files && input.files[0]) send(input.files[0]);
    input.value = "";
  });
  box.replaceChildren(
    el("h2", { id: "review-title", text: t("editor-review-title") }),
    el("label", { for: "review-file", text: t("editor-review-read") }), input,
    el("p", { id: "review-hint", class: "hint", text: t("editor-review-hint", { file: review.file || "" }) }),
    el("p", { id: "review-status", role: "status", "aria-live": "polite" }),
    el("p", { id: "review-summary" }),
    el("h3", { id: "review-open-title", text: t("editor-review-open-title") }),
    el("ul", { id: "review-open", "aria-labelledby": "review-open-title" }),
    el("div", { id: "review-outside" },
      el("h3", { id: "review-outside-title", text: t("editor-review-outside-title") })),
    el("button", { type: "button", id: "review-make-reply", text: t("editor-review-make-reply"), onclick: makeReply }),
    el("div", { id: "review-reply", hidden: true },
      el("h3", { id: "review-reply-title", text: t("editor-review-reply-title") }),
      el("pre", { id: "review-reply-text", tabindex: "0", "aria-labelledby": "review-reply-title" })));
  box.hidden = false;
  // A PDF dropped anywhere on the page is read in; nothing else dropped is taken.
  document.addEventListener("dragover", (e) => {
    if (e.dataTransfer && [...e.dataTransfer.types].includes("Files")) e.preventDefault();
  });
  document.addEventListener("drop", (e) => {
    const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (!f) return;
    e.preventDefault();
    send(f);
  });
  built = true;
}

function status(text) {
  const p = $("#review-status");
  if (p) p.textContent = text;
}

function toBase64(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

// Send a returned PDF to kompass: its comments are placed and added to the review file.
export async function send(file) {
  if (!/\.pdf$/i.test(file.name) && file.type !== "application/pdf") return status(t("editor-review-not-pdf", { name: file.name }));
  if (file.size > MAX_PDF) return status(t("editor-review-too-large", { mb: MAX_PDF / 1024 / 1024 }));
  status(t("editor-review-reading", { name: file.name }));
  const pdf = toBase64(new Uint8Array(await file.arrayBuffer()));
  const r = await call("/api/review", { name: file.name, pdf }).catch(() => null);
  if (!r) return status(t("editor-review-offline"));
  if (r.status !== 200) return status(t("editor-review-failed", { reason: r.body.refused || r.status }));
  take(r.body);
  const read = r.body.read;
  status([t("editor-review-read-done", { name: read.name, count: read.count, added: read.added }), ...read.notes].join(" "));
}

// Every comment at its field (or in the section when it has none), the counts and the list of
// open ones. Called after every new state of the form too: a box that is there is updated in
// place (never a field someone types in), one the form lost is made again.
export function showReview() {
  if (!review || !built) return;
  const ids = new Set();
  for (const c of review.comments) {
    const id = "rc-" + fieldId(c.id);
    ids.add(id);
    let box = document.getElementById(id);
    if (box && !box.isConnected) box = null;
    if (!box) {
      box = comment(c, id);
      const anchor = c.field ? anchorOf(c.field) : null;
      (anchor || $("#review-outside")).append(box);
    }
    update(box, c);
  }
  document.querySelectorAll(".review-comment").forEach((b) => { if (!ids.has(b.id)) b.remove(); });
  $("#review-outside").hidden = !$("#review-outside .review-comment");
  summary();
}

// Where a field's comments go: its field's box, or the box of the nearest field above it.
function anchorOf(path) {
  let p = path;
  while (p) {
    const wrap = document.getElementById(fieldId(p) + "-field");
    if (wrap) return wrap;
    const box = document.getElementById(fieldId(p));
    if (box && box.tagName === "FIELDSET") return box;
    const parent = p.replace(/(\.[^.[\]]*|\[\d+\])$/, "");
    p = parent === p ? "" : parent;
  }
  return null;
}

function who(c) {
  const kind = c.kind_name ? c.kind_name[0].toUpperCase() + c.kind_name.slice(1) : "";
  const by = c.author ? t("editor-review-by", { kind, author: c.author }) : kind;
  return c.date ? t("editor-review-dated", { what: by, date: c.date }) : by;
}

function place(c) {
  return c.page ? t("editor-review-place", { page: c.page, place: c.place }) : c.place;
}

// One comment's box: who, where, the marked words, what was said, the thread, and its state.
function comment(c, id) {
  const said = c.kind === "replacement" ? "editor-review-replace-with"
    : c.kind === "insertion" ? "editor-review-insert" : "editor-review-said";
  const replies = el("ul", { class: "review-replies" });
  for (const r of c.replies || []) {
    const author = [r.author, r.date].filter(Boolean).join(", ") || t("editor-review-unnamed");
    replies.append(el("li", {}, el("strong", { text: t("editor-review-reply-from", { author }) }), ` ${r.text}`));
  }
  const states = el("fieldset", { class: "review-state" }, el("legend", { text: t("editor-review-state") }));
  for (const [value, label] of [["open", "editor-review-state-open"], ["done", "editor-review-state-done"], ["no-change", "editor-review-state-no-change"]]) {
    const radio = el("input", { type: "radio", name: id + "-state", id: `${id}-${value}`, value });
    radio.addEventListener("change", () => save(c.id, id));
    states.append(el("label", { for: `${id}-${value}` }, radio, document.createTextNode(t(label))));
  }
  const reply = el("input", { type: "text", id: id + "-reply", autocomplete: "off", "aria-describedby": id + "-msg" });
  reply.addEventListener("input", () => {
    clearTimeout(typing.get(c.id));
    typing.set(c.id, setTimeout(() => { typing.delete(c.id); save(c.id, id); }, 600));
  });
  return el("div", { class: "review-comment", id, role: "group", tabindex: "-1",
    "aria-label": t("editor-review-comment-label", { place: place(c) }) },
    el("p", { class: "review-place", text: place(c) }),
    el("p", { class: "review-by", text: who(c) }),
    c.marked ? el("p", {}, el("strong", { text: t("editor-review-marked") }), " ", el("mark", { text: c.marked })) : null,
    c.text ? el("p", { class: "review-text" }, el("strong", { text: t(said) }), ` ${c.text}`) : null,
    (c.replies || []).length ? replies : null,
    states,
    el("label", { for: id + "-reply", text: t("editor-review-answer") }), reply,
    el("p", { class: "msg", id: id + "-msg", role: "status" }));
}

// A box takes the state kompass sent, except for an answer being typed.
function update(box, c) {
  box.dataset.state = c.state;
  const radio = document.getElementById(`${box.id}-${c.state}`);
  if (radio && !radio.checked) radio.checked = true;
  const reply = document.getElementById(box.id + "-reply");
  if (reply && reply !== document.activeElement && !typing.has(c.id) && reply.value !== c.reply) reply.value = c.reply;
}

async function save(commentId, id) {
  const checked = document.querySelector(`input[name="${id}-state"]:checked`);
  const reply = document.getElementById(id + "-reply");
  const msg = document.getElementById(id + "-msg");
  const r = await call("/api/review/state", { id: commentId, state: checked ? checked.value : "open", reply: reply ? reply.value : "" }).catch(() => null);
  if (!r) { msg.textContent = t("editor-review-offline"); return; }
  if (r.status !== 200) { msg.textContent = t("editor-review-not-saved", { reason: r.body.refused || r.status }); return; }
  msg.textContent = t("editor-review-saved", { file: r.body.file });
  take(r.body);
}

// The counts, and the open comments with links to their boxes.
function summary() {
  const n = review.counts;
  $("#review-summary").textContent = n.received
    ? t("editor-review-summary", { received: n.received, done: n.done, nochange: n.no_change, open: n.open })
    : t("editor-review-none");
  const ul = $("#review-open");
  ul.replaceChildren();
  for (const c of review.comments.filter((x) => x.state === "open")) {
    const id = "rc-" + fieldId(c.id);
    const text = (c.text || c.marked || "").replace(/\s+/g, " ");
    const short = text.length > 80 ? text.slice(0, 79) + "…" : text;
    ul.append(el("li", {}, el("a", { href: "#" + id, text: t("editor-review-open-link", { where: place(c), text: short }),
      onclick: (e) => {
        e.preventDefault();
        const box = document.getElementById(id);
        if (box) { box.scrollIntoView({ block: "center" }); box.focus({ preventScroll: true }); }
      } })));
  }
  if (n.received && !n.open) ul.append(el("li", { text: t("editor-review-all-handled") }));
  $("#review-open-title").hidden = !n.received;
  $("#review-make-reply").hidden = !n.received;
}

async function makeReply() {
  status(t("editor-review-making-reply"));
  const r = await call("/api/review/reply", {}).catch(() => null);
  if (!r) return status(t("editor-review-offline"));
  if (r.status !== 200) return status(t("editor-review-failed", { reason: r.body.refused || r.status }));
  status(t("editor-review-reply-written", { file: r.body.written }));
  $("#review-reply").hidden = false;
  $("#review-reply-text").textContent = r.body.text;
}
