// kompass serve: the evaluation as a form. Plain JavaScript modules, no build step; the server
// is the only one that reads or writes the file.
//
// Never lose a word: every edit waits in a queue kept in the browser until kompass has it
// (sync.js), is merged there with everyone else's changes, and a change made elsewhere comes in
// through the event stream without ever touching a field someone is typing in (form.js).

import { connect, call, listen } from "./api.js";
import { at, fieldId, nth } from "./paths.js";
import { Sync } from "./sync.js";
import { ctx, $, el, setStatus, flushTyping, fieldMessage, labelOf } from "./dom.js";
import { field, part, fill } from "./form.js";
import { t } from "./i18n.js";
import { fillEvaluators, fillRevisions, fillHistory, fillComparisons, showRows } from "./tables.js";
import { showPages, forgetPages, followPages, showFindings } from "./pages.js";
import { startReview, showReview, refreshReview } from "./review.js";

window.addEventListener("error", (e) => { window.kompassError = String(e.message); });
window.addEventListener("unhandledrejection", (e) => { window.kompassError = String(e.reason); });

let built = false;
const offline = () => t("editor-offline");

// The parts of the form that are more than their keys: the lists of tables, and the
// comparison profiles (tables.js), and the areas with their scores from the framework.
const SPECIAL = {
  evaluators: (key) => box("evaluators", key),
  comparison: (key) => box("comparisons", key),
  history: (key) => box("history", key),
  revision: (key) => box("revisions", key),
  area: () => buildAreas(),
};

function box(id, key) {
  return el("fieldset", { id }, el("legend", { text: key.label }));
}

// The form, from the data format's schema (GET /api/schema): its keys in the format's order,
// labelled and explained as the catalogue has them.
function build() {
  const form = $("#form");
  form.replaceChildren();
  const datalist = el("datalist", { id: "munis" });
  for (const m of ctx.municipalities) datalist.append(el("option", { value: m.name }));
  form.append(datalist);
  const fw = ctx.state.framework;
  const known = (name) => ctx.municipalities.find((m) => m.name === name);
  const extra = {
    framework: { text: t("editor-framework", { name: fw ? fw.name : ctx.state.data.framework, id: ctx.state.data.framework }) },
    "municipality.name": { list: "munis",
      also: (name) => {
        const m = known(name);
        return m ? [
          { op: "set", path: "municipality.genitive", value: m.genitive },
          { op: "set", path: "municipality.official_name", value: m.official_name },
          { op: "set", path: "municipality.population", value: m.population },
        ] : [];
      } },
  };
  const { tables, root } = ctx.schema;
  for (const key of tables[root]) {
    const made = SPECIAL[key.key] ? SPECIAL[key.key](key) : part(key, key.key, extra);
    // A key of the file's top level that is one field gets a box of its own.
    const single = made && made.classList && made.classList.contains("field");
    if (made) form.append(single ? el("div", { class: "single" }, made) : made);
  }
  built = true;
}

// The areas of the framework that the file has: each with its keys as the schema has them,
// the scores of its sub-areas (from the framework) and their sum.
function buildAreas() {
  const out = document.createDocumentFragment();
  const fw = ctx.state.framework;
  const areas = ctx.state.data.area || [];
  for (const a of (fw && fw.areas) || []) {
    const k = areas.findIndex((x) => x.id === a.id);
    if (k < 0) continue;
    const p = nth("area", k + 1);
    const fs = el("fieldset", { id: `area-${a.id}`, "data-title": a.title },
      el("legend", { text: t("editor-area-name", { id: a.id, title: a.title }) }));
    for (const key of ctx.schema.tables.area) {
      fs.append(key.kind === "scores" ? scores(a, key, at(p, key.key)) : part(key, at(p, key.key)) || "");
    }
    fs.addEventListener("focusin", () => followPages(a.title));
    out.append(fs);
  }
  return out;
}

function scores(a, key, path) {
  const box = el("div", { class: "score" });
  for (const s of a.subareas) {
    box.append(field(at(path, s.id), t("editor-subarea", { id: s.id, title: s.title, max: s.max }), "whole",
      { max: s.max, onvalue: () => showSums() }));
  }
  const out = document.createDocumentFragment();
  out.append(el("h3", { text: key.label }), box, el("p", { class: "sum", id: `sum-${a.id}` }));
  return out;
}

function showSums() {
  // The area sums and the total as you type, from the fields as they stand.
  let total = 0;
  for (const fs of document.querySelectorAll("#form fieldset[id^=area-]")) {
    let sum = 0;
    fs.querySelectorAll("input[data-kind=whole]").forEach((i) => { sum += /^\d+$/.test(i.value.trim()) ? Number(i.value) : 0; });
    total += sum;
    const id = fs.id.slice(5);
    const a = ctx.state.framework.areas.find((x) => String(x.id) === id);
    $(`#sum-${id}`).textContent = t("editor-area-sum", { sum, max: a.max });
  }
  const max = ctx.state.framework.areas.reduce((m, a) => m + a.max, 0);
  $("#total").textContent = t("editor-total", { total, max });
}

// A new state from kompass: every field that nobody is typing in takes it.
function update(next, how) {
  const text = ctx.state && ctx.state.text;
  ctx.state = next;
  if (next.text === undefined) ctx.state.text = text;
  if (!built) build();
  fill();
  fillEvaluators();
  fillComparisons();
  fillRevisions();
  fillHistory();
  showSums();
  showRows();
  showFindings();
  showConflicts();
  showPages();
  if (how) {
    const errors = ctx.state.findings.filter((f) => f.severity === "error").length;
    setStatus(t("editor-status", { how, errors }));
  }
  $("#title").textContent = t("editor-title", { file: ctx.state.file });
  $("#undo").disabled = !ctx.sync.canUndo();
  $("#redo").disabled = !ctx.sync.canRedo();
  if ($("#toml-box").open) showToml();
  showReview();
}

// What the server said of a batch of edits.
function saved(body, batch, status) {
  if (status === 200) {
    for (const c of body.conflicts || []) ctx.conflicts.set(c.path, c);
    // A text merged with another change is shown as merged, unless typed on since.
    for (const e of batch) {
      if (e.op !== "set") continue;
      const input = document.getElementById(fieldId(e.path));
      if (input && input.type !== "checkbox" && !ctx.pending.has(e.path) && !ctx.conflicts.has(e.path)) ctx.sync.seen(e.path, e.value);
    }
    update(body, t("editor-saved"));
    if ((body.disk_changes || []).length) notice(body.disk_changes);
    return;
  }
  if (status === 422) {
    if (body.path) {
      ctx.refused.set(body.path, body.refused);
      fieldMessage(body.path, body.refused, "error");
    }
    setStatus(t("editor-not-saved", { reason: body.refused || status }));
    return;
  }
  if (status === 409) setStatus(t("editor-waiting", { reason: body.refused }));
  if (status === 403) setStatus(t("editor-tab-disconnected"));
}

// A quiet line, never a dialog: which fields changed on disk and were taken in.
function notice(paths) {
  const names = [...new Set(paths.map(labelOf))];
  $("#notice").textContent = t("editor-changed-on-disk", { fields: names.join("; ") });
}

// A conflict at its field: the typed text stays in the field; the other version is shown beside
// it, both selectable. Nothing takes the focus.
function showConflicts() {
  document.querySelectorAll("#form .conflict").forEach((n) => n.remove());
  for (const [path, c] of ctx.conflicts) {
    const wrap = document.getElementById(fieldId(path) + "-field") || document.getElementById(fieldId(path) + "-msg");
    if (!wrap) continue;
    const where = c.where === "disk" ? "disk" : "tab";
    const theirs = Array.isArray(c.theirs) ? c.theirs.join("\n") : String(c.theirs ?? "");
    wrap.append(el("div", { class: "conflict", role: "group", "aria-label": t("editor-conflict", { field: labelOf(path) }) },
      el("p", { text: t("editor-conflict-said", { where }) }),
      el("p", { class: "label", text: t("editor-conflict-theirs", { where }) }),
      el("blockquote", { tabindex: "0", text: theirs }),
      el("button", { type: "button", text: t("editor-conflict-keep"), onclick: () => {
        ctx.conflicts.delete(path);
        const input = document.getElementById(fieldId(path));
        ctx.sync.seen(path, c.theirs);
        ctx.sync.set(path, input ? input.value : c.mine, c.theirs);
      } }),
      el("button", { type: "button", text: t("editor-conflict-take", { where }), onclick: () => {
        ctx.conflicts.delete(path);
        const input = document.getElementById(fieldId(path));
        if (input) input.value = theirs;
        ctx.sync.seen(path, c.theirs);
        showConflicts();
      } })));
  }
}

async function refresh() {
  const r = await call("/api/state").catch(() => null);
  if (r && r.status === 200) update(r.body);
}

let lastPages = null;
function onEvent(e) {
  refreshReview();
  if (!e) return refresh();
  if (e.disk && e.disk.length) notice(e.disk);
  if (e.version !== ctx.state.version || e.pages !== lastPages) {
    lastPages = e.pages;
    refresh();
  }
  if (ctx.state.folder) showFiles();
}

function onLink(up) {
  ctx.sync.setOnline(up);
  if (up) ctx.sync.retry();
}

function onState(online, waiting) {
  document.body.classList.toggle("offline", !online);
  if (!online) setStatus(offline());
  else setStatus(t(waiting ? "editor-online-sending" : "editor-online"));
}

async function showToml() {
  const r = await call("/api/state").catch(() => null);
  if (r && r.status === 200) $("#toml").textContent = r.body.text;
}

async function showChanges() {
  const r = await call("/api/changes").catch(() => null);
  const box = $("#changes");
  box.hidden = false;
  const ok = r && r.status === 200;
  $("#changes-title").textContent = ok ? t("editor-changes-since", { since: r.body.since }) : t("editor-changes");
  $("#changes-text").textContent = ok ? (r.body.count ? r.body.text : t("editor-no-changes")) : (r ? r.body.refused : offline());
}

async function pdf(kind) {
  setStatus(t("editor-making-pdf"));
  const r = await call("/api/pdf", { kind }).catch(() => null);
  if (!r) return setStatus(offline());
  if (r.status !== 200) return setStatus(t("editor-no-pdf", { reason: r.body.refused || r.status }));
  setStatus(r.body.kept ? t("editor-pdf-written-kept", { file: r.body.written, kept: r.body.kept })
    : t("editor-pdf-written", { file: r.body.written }));
}

// In folder mode: the folder's evaluations with their state, and a new one.
async function showFiles() {
  const r = await call("/api/files").catch(() => null);
  if (!r || r.status !== 200) return;
  $("#files").hidden = false;
  const ul = $("#file-list");
  ul.replaceChildren();
  for (const f of r.body.files) {
    const what = f.problem ? f.problem : t("editor-file-state", { errors: f.errors, warnings: f.warnings });
    ul.append(el("li", {}, el("button", { type: "button", text: t("editor-file", { name: f.name, state: what }),
      "aria-current": f.current ? "true" : false, onclick: () => openFile("/api/open", { name: f.name }) })));
  }
}

async function openFile(url, body) {
  flushTyping();
  const r = await call(url, body).catch(() => null);
  if (!r) return setStatus(offline());
  if (r.status !== 200) return setStatus(t("editor-cannot-open", { reason: r.body.refused || r.status }));
  built = false;
  forgetPages();
  ctx.refused.clear();
  ctx.conflicts.clear();
  ctx.sync = makeSync(r.body.file);
  update(r.body, t("editor-loaded"));
  showFiles();
  startReview();
}

function makeSync(file) {
  return new Sync({
    post: (edits) => call("/api/edit", { edits }),
    storage: window.localStorage,
    key: `kompass-queue:${file}`,
    onResult: saved,
    onState,
  });
}

function wire() {
  $("#new-evaluation").addEventListener("click", () =>
    openFile("/api/new", { municipality: $("#new-municipality").value }));
  $("#make-draft").addEventListener("click", () => pdf("draft"));
  $("#make-final").addEventListener("click", () => pdf("final"));
  $("#make-slides").addEventListener("click", () => pdf("slides"));
  $("#make-charts").addEventListener("click", () => pdf("charts"));
  $("#show-changes").addEventListener("click", showChanges);
  $("#undo").addEventListener("click", () => ctx.sync.undo().then(() => setStatus(t("editor-undone"))));
  $("#redo").addEventListener("click", () => ctx.sync.redo().then(() => setStatus(t("editor-redone"))));
  $("#toml-box").addEventListener("toggle", () => { if ($("#toml-box").open) showToml(); });
  const toggle = $("#toggle-pages");
  toggle.addEventListener("click", () => {
    const open = $("#preview").classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = t(open ? "editor-hide-pages" : "editor-show-pages");
  });
  // A tab closed while typing: what waits for its pause goes into the queue kept in the
  // browser, and is sent at once too (fetch with keepalive outlives the page).
  window.addEventListener("pagehide", flushTyping);
}

async function start() {
  if (!(await connect())) {
    setStatus(t("editor-no-key"));
    return;
  }
  const [munis, schema, s] = await Promise.all([call("/api/municipalities"), call("/api/schema"), call("/api/state")])
    .catch(() => [null, null, null]);
  if (!s || s.status !== 200 || schema.status !== 200) return setStatus(offline());
  ctx.municipalities.push(...munis.body);
  ctx.schema = schema.body;
  wire();
  if (s.body.folder && !s.body.file) {
    // A folder without an evaluation that can be opened: its list, and a new one.
    ctx.state = s.body;
    setStatus(t("editor-empty-folder"));
    return showFiles();
  }
  if (!s.body.data) {
    setStatus(t("editor-unreadable"));
    ctx.state = Object.assign(s.body, { data: {}, framework: null });
    ctx.sync = makeSync(s.body.file);
    showFindings();
    $("#toml").textContent = s.body.text;
    return;
  }
  ctx.sync = makeSync(s.body.file);
  update(s.body, t("editor-loaded"));
  // What waited in this browser from before (a closed tab, a stopped server) goes now.
  if (ctx.sync.queue.length) ctx.sync.retry();
  if (s.body.folder) showFiles();
  startReview();
  listen(onEvent, onLink);
}

start();
