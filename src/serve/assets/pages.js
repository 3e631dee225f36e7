// Beside the form: the report's pages (fetched with the tab's key, shown from memory), and the
// findings, each at its field and in a list; what stops a final PDF listed in full.

import { api } from "./api.js";
import { fieldId } from "./paths.js";
import { ctx, $, el, fieldMessage } from "./dom.js";
import { t } from "./i18n.js";

const shown = [];

export function showPages() {
  const box = $("#pages");
  const pages = (ctx.state.pages && ctx.state.pages.list) || [];
  pages.forEach((p, i) => {
    let img = box.children[i];
    if (!img) {
      img = el("img", { alt: t("editor-page-n", { n: i + 1 }) });
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

// A finding's words, with its help.
const words = (f) => (f.help ? t("editor-finding-help", { message: f.message, help: f.help }) : f.message);

function entry(f, kind) {
  const at = target(f.path);
  return el("li", { class: f.severity }, el("button", { type: "button", text: t("editor-finding", { kind: t("editor-severity", { severity: kind }), text: words(f) }),
    onclick: () => { const i = document.getElementById(fieldId(at || "")); if (i) i.focus(); } }));
}

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
    if (at) fieldMessage(at, words(f), f.severity);
    ul.append(entry(f, f.severity));
  }
  const blockers = $("#blockers");
  blockers.replaceChildren();
  for (const f of ctx.state.blocking) {
    const at = target(f.path);
    const box = at && document.getElementById(fieldId(at) + "-msg");
    if (box && !box.textContent) fieldMessage(at, t("editor-blocks-final", { message: f.message }), "blocker");
    blockers.append(entry(f, "blocker"));
  }
  for (const [path, message] of ctx.refused) fieldMessage(path, message, "error");
  const n = ctx.state.blocking.length;
  $("#blocking").textContent = t("editor-blocking", { count: n });
  $("#make-final").disabled = n > 0;
}
