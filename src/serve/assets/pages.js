// Beside the form: the report's pages (fetched with the tab's key, shown from memory), and the
// findings, each at its field and in a list; what stops a final PDF listed in full.

import { api } from "./api.js";
import { fieldId } from "./paths.js";
import { ctx, $, el, fieldMessage } from "./dom.js";

const shown = [];

export function showPages() {
  const box = $("#pages");
  const pages = (ctx.state.pages && ctx.state.pages.list) || [];
  pages.forEach((p, i) => {
    let img = box.children[i];
    if (!img) {
      img = el("img", { alt: `Sida ${i + 1}` });
      box.append(img);
    }
    if (shown[i] !== p.hash) {
      shown[i] = p.hash;
      load(img, i, p.hash);
    }
    img.dataset.headings = p.headings.join("\n");
  });
  while (box.children.length > pages.length) box.lastChild.remove();
  shown.length = pages.length;
}

export function forgetPages() {
  shown.length = 0;
  $("#pages").replaceChildren();
}

async function load(img, i, hash) {
  const r = await api(`/api/page/${i}.svg?h=${hash}`).catch(() => null);
  if (!r || !r.ok || shown[i] !== hash) return;
  const url = URL.createObjectURL(await r.blob());
  if (img.src.startsWith("blob:")) URL.revokeObjectURL(img.src);
  img.src = url;
}

// The preview shows the area being edited: only the preview pane scrolls, never the window, and
// not at all while the pane is folded away (narrow windows, large zoom).
export function followPages(title) {
  const pane = $("#preview");
  if (!pane || getComputedStyle(pane).display === "none" || getComputedStyle(pane).position !== "sticky") return;
  for (const img of $("#pages").children) {
    if ((img.dataset.headings || "").includes(title)) {
      pane.scrollTop = img.offsetTop - pane.offsetTop;
      return;
    }
  }
}

// The nearest field a finding's key path has in the page.
function target(path) {
  let p = path;
  while (p && !document.getElementById(fieldId(p))) {
    const parent = p.replace(/(\.[^.]*|\[\d+\])$/, "");
    p = parent === p ? "" : parent;
  }
  return p;
}

function entry(f, word) {
  const text = f.message + (f.help ? ` (${f.help})` : "");
  const at = target(f.path);
  return el("li", { class: f.severity }, el("button", { type: "button", text: `${word}: ${text}`,
    onclick: () => { const i = document.getElementById(fieldId(at || "")); if (i) i.focus(); } }));
}

const WORDS = { error: "Fel", warning: "Varning", note: "Obs" };

// Every finding at its field and in the list; what stops a final PDF (placeholders too) at its
// field and listed under "what stops a final PDF". Values refused in the page keep their
// message.
export function showFindings() {
  const ul = $("#findings");
  ul.replaceChildren();
  document.querySelectorAll("#form .msg").forEach((m) => { m.textContent = ""; m.className = "msg"; });
  document.querySelectorAll("#form [aria-invalid]").forEach((i) => i.setAttribute("aria-invalid", "false"));
  for (const f of ctx.state.findings) {
    const at = target(f.path);
    if (at) fieldMessage(at, f.message + (f.help ? ` (${f.help})` : ""), f.severity);
    ul.append(entry(f, WORDS[f.severity] || "Obs"));
  }
  const blockers = $("#blockers");
  blockers.replaceChildren();
  for (const f of ctx.state.blocking) {
    const at = target(f.path);
    const box = at && document.getElementById(fieldId(at) + "-msg");
    if (box && !box.textContent) fieldMessage(at, `Stoppar en slutlig PDF: ${f.message}`, "blocker");
    blockers.append(entry(f, "Stoppar"));
  }
  for (const [path, message] of ctx.refused) fieldMessage(path, message, "error");
  const n = ctx.state.blocking.length;
  $("#blocking").textContent = n
    ? `En slutlig PDF kan inte göras ännu: ${n === 1 ? "en sak stoppar" : `${n} saker stoppar`} den.`
    : "Inget hindrar en slutlig PDF.";
  $("#make-final").disabled = n > 0;
}
