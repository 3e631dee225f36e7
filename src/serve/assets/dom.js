// What every part of the page shares: the state from kompass, the edits in flight, and small
// helpers for elements and messages.

import { fieldId, valueAt } from "./paths.js";

export const ctx = {
  // The state as kompass last sent it.
  state: null,
  // The edits' queue (sync.js), made once the file is known.
  sync: null,
  // What was typed in a field and waits for its pause (path → the function that saves it).
  pending: new Map(),
  timers: new Map(),
  // Values refused in the page (path → message): they stay in their field, with the message,
  // until fixed or undone.
  refused: new Map(),
  // Conflicts shown at their fields (path → {mine, theirs, where}).
  conflicts: new Map(),
  municipalities: [],
};

export const $ = (sel, root = document) => root.querySelector(sel);

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

// The value at a key path of the evaluation as kompass last sent it.
export function get(path) {
  return ctx.state && ctx.state.data ? valueAt(ctx.state.data, path) : undefined;
}

export function setStatus(text) {
  $("#status").textContent = text;
}

// Run `fn` after a pause in typing (`ms`), once; a later call for the same key replaces it.
export function later(key, fn, ms = 400) {
  clearTimeout(ctx.timers.get(key));
  ctx.pending.set(key, fn);
  ctx.timers.set(key, setTimeout(() => {
    ctx.pending.delete(key);
    fn();
  }, ms));
}

// Everything that waits for a pause in typing, now (the tab is closing).
export function flushTyping() {
  for (const [key, fn] of ctx.pending) {
    clearTimeout(ctx.timers.get(key));
    fn();
  }
  ctx.pending.clear();
}

export function fieldMessage(path, text, severity) {
  const box = document.getElementById(fieldId(path) + "-msg");
  const input = document.getElementById(fieldId(path));
  if (box) {
    box.textContent = text || "";
    box.className = "msg " + (severity || "");
  }
  if (input) input.setAttribute("aria-invalid", text && severity === "error" ? "true" : "false");
}

// The words a field is known by in the page: its label, or its group's legend.
export function labelOf(path) {
  let p = path;
  while (p) {
    const id = fieldId(p);
    const label = document.querySelector(`label[for="${id}"]`);
    if (label) return label.textContent.trim();
    const box = document.getElementById(id);
    const legend = box && box.querySelector("legend");
    if (legend) return legend.textContent.trim();
    const parent = p.replace(/(\.[^.]*|\[\d+\])$/, "");
    p = parent === p ? "" : parent;
  }
  return path;
}

// Focus an element by id, if it is there, without scrolling the page under the pointer more
// than needed.
export function focusId(id) {
  const e = document.getElementById(id);
  if (e) e.focus({ preventScroll: false });
  return !!e;
}
