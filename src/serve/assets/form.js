// The form: one field per key of the evaluation, bound to its key path, filled from kompass's
// state without ever touching what someone is typing.

import { at, fieldId, nth } from "./paths.js";
import { parse, show } from "./values.js";
import { reinsert } from "./sync.js";
import { ctx, $, el, get, setStatus, later, fieldMessage, focusId } from "./dom.js";
import { t } from "./i18n.js";

// Save a field's value: based on what the field showed, merged with other changes by kompass.
function save(path, kind, value, also) {
  const before = get(path);
  return ctx.sync.set(path, value, before === undefined ? null : before, { also });
}

// One labelled field bound to a key path.
export function field(path, label, kind, opts = {}) {
  const id = fieldId(path);
  const wrap = el("div", { class: "field", id: id + "-field" });
  let input;
  if (kind === "textarea") {
    input = el("textarea", { id, "aria-describedby": id + "-msg" });
    wrap.append(el("label", { for: id, text: label }), toolbar(input), input);
  } else if (kind === "bool") {
    input = el("input", { id, type: "checkbox", "aria-describedby": id + "-msg" });
    wrap.append(el("label", { for: id }, input, document.createTextNode(label)));
  } else {
    // Numbers are typed as text: the page sees exactly what was typed (a number field would
    // make 4 of "4o" and 125 of "12,5", silently).
    const type = kind === "date" ? "date" : "text";
    input = el("input", { id, type, "aria-describedby": id + "-msg", list: opts.list,
      inputmode: kind === "whole" ? "numeric" : kind === "number" ? "decimal" : undefined,
      autocomplete: "off" });
    wrap.append(el("label", { for: id, text: label }), input);
  }
  if (opts.hint) wrap.append(el("p", { class: "hint", text: opts.hint }));
  wrap.append(el("p", { id: id + "-msg", class: "msg" }));
  input.dataset.path = path;
  input.dataset.kind = kind;
  // What the report does when the key is left out (exclude_self is true then).
  if (opts.dflt !== undefined) input.dataset.dflt = String(opts.dflt);
  const commit = () => {
    const raw = kind === "bool" ? input.checked : input.value;
    const value = parse(kind === "textarea" ? "text" : kind, raw, opts);
    if (value.error) {
      ctx.refused.set(path, value.error);
      setStatus(t("editor-not-saved-field", { field: label, reason: value.error }));
      return fieldMessage(path, value.error, "error");
    }
    ctx.refused.delete(path);
    fieldMessage(path, "", "");
    // An emptied text goes as null: kompass removes an optional key, keeps "" for a required.
    const v = (kind === "text" || kind === "textarea") && value.ok === "" ? null : value.ok;
    if (opts.onvalue) opts.onvalue(v);
    save(path, kind, v, opts.also ? opts.also(v) : []);
  };
  input.addEventListener(kind === "bool" || kind === "date" ? "change" : "input", () =>
    later(path, commit, kind === "bool" ? 0 : 450));
  return wrap;
}

// Bold, italic and a bullet list for a text with the report's markup; Ctrl+B and Ctrl+I too.
function toolbar(textarea) {
  const wrapSel = (mark) => {
    const { selectionStart: a, selectionEnd: b, value } = textarea;
    textarea.value = value.slice(0, a) + mark + value.slice(a, b) + mark + value.slice(b);
    textarea.setSelectionRange(a + mark.length, b + mark.length);
    textarea.dispatchEvent(new Event("input"));
    textarea.focus();
  };
  const bullet = () => {
    const { selectionStart: a, value } = textarea;
    const start = value.lastIndexOf("\n", a - 1) + 1;
    textarea.value = value.slice(0, start) + "- " + value.slice(start);
    textarea.dispatchEvent(new Event("input"));
    textarea.focus();
  };
  textarea.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "b") { e.preventDefault(); wrapSel("**"); }
    if ((e.ctrlKey || e.metaKey) && e.key === "i") { e.preventDefault(); wrapSel("*"); }
  });
  return el("div", { class: "toolbar", role: "toolbar", "aria-label": t("editor-formatting") },
    el("button", { type: "button", text: t("editor-bold"), title: t("editor-bold-key"), onclick: () => wrapSel("**") }),
    el("button", { type: "button", text: t("editor-italic"), title: t("editor-italic-key"), onclick: () => wrapSel("*") }),
    el("button", { type: "button", text: t("editor-bullets"), onclick: bullet }));
}

// Put a value from kompass into a field, unless someone is typing there: a field whose typing
// waits for its pause, a refused value, or a focused field whose text differs from what it last
// showed keep what they hold. A focused field that is only being looked at takes the new text,
// with its caret where it was.
export function put(input, v) {
  const path = input.dataset.path;
  const kind = input.dataset.kind;
  if (ctx.pending.has(path) || ctx.refused.has(path) || ctx.conflicts.has(path) || ctx.sync.waiting(path)) return;
  if (v === undefined && input.dataset.dflt !== undefined) v = input.dataset.dflt === "true";
  if (input.type === "checkbox") {
    input.checked = !!v;
    ctx.sync.seen(path, v === undefined ? null : v);
    return;
  }
  const text = show(kind, v);
  const focused = input === document.activeElement;
  if (focused && input.value !== show(kind, ctx.sync.base(path, v))) return;
  if (input.value !== text) {
    const caret = focused ? [input.selectionStart, input.selectionEnd, input.value.length] : null;
    input.value = text;
    if (caret && caret[0] !== null) {
      // The caret keeps its distance from the end when the change came before it.
      const shift = text.length - caret[2];
      const kept = (n) => Math.max(0, Math.min(text.length, text.slice(0, n) === input.value.slice(0, n) ? n : n + shift));
      input.setSelectionRange(kept(caret[0]), kept(caret[1]));
    }
  }
  ctx.sync.seen(path, v === undefined ? null : v);
}

// A list of texts (strengths, improvements): add, remove and move, all by keyboard too. The
// focus stays on what it was on: a moved item keeps it, a new item takes it.
export function list(path, label, itemLabel) {
  const id = fieldId(path);
  const box = el("fieldset", { id, class: "list" }, el("legend", { text: label }));
  const items = el("div");
  const render = () => {
    const values = get(path) || [];
    const inputs = items.querySelectorAll("input");
    if (inputs.length === values.length) {
      inputs.forEach((input, i) => put(input, values[i]));
      return;
    }
    const focused = document.activeElement && items.contains(document.activeElement) ? document.activeElement.id : null;
    const typed = new Map([...inputs].filter((i) => ctx.pending.has(i.dataset.path)).map((i) => [i.dataset.path, i.value]));
    items.replaceChildren();
    values.forEach((v, i) => items.append(item(path, itemLabel, values, i, typed)));
    if (focused) focusId(focused);
  };
  box.append(items, el("p", { id: id + "-msg", class: "msg" }),
    el("button", { type: "button", class: "add-item", text: t("editor-list-add", { item: lower(itemLabel) }), onclick: async () => {
      const values = get(path) || [];
      const n = values.length;
      await ctx.sync.edit([{ op: "insert", path, index: n, value: "", base: values }],
        [{ op: "remove", path: nth(path, n + 1), base: "" }]);
      focusId(fieldId(nth(path, n + 1)));
    } }));
  box.render = render;
  return box;
}

function item(path, itemLabel, values, i, typed) {
  const p = nth(path, i + 1);
  const iid = fieldId(p);
  const input = el("input", { id: iid, type: "text", "aria-describedby": iid + "-msg" });
  input.dataset.path = p;
  input.dataset.kind = "text";
  if (typed.has(p)) {
    input.value = typed.get(p);
  } else {
    input.value = values[i];
    ctx.sync.seen(p, values[i]);
  }
  input.addEventListener("input", () => later(p, () => save(p, "text", input.value)));
  const item = lower(itemLabel);
  const move = (to, which) => async () => {
    const moved = values.slice();
    moved.splice(to, 0, moved.splice(i, 1)[0]);
    await ctx.sync.edit([{ op: "move", path, from: i, to, base: values }],
      [{ op: "move", path, from: to, to: i, base: moved }]);
    const target = `${fieldId(nth(path, to + 1))}-${which}`;
    const b = document.getElementById(target);
    focusId(b && !b.disabled ? target : `${fieldId(nth(path, to + 1))}-${which === "up" ? "down" : "up"}`);
  };
  return el("div", { class: "item" },
    el("label", { for: iid, class: "visually-hidden", text: t("editor-list-item", { item: itemLabel, n: i + 1 }) }), input,
    el("button", { type: "button", id: iid + "-up", text: t("editor-up"), "aria-label": t("editor-list-up", { item, n: i + 1 }), disabled: i === 0, onclick: move(i - 1, "up") }),
    el("button", { type: "button", id: iid + "-down", text: t("editor-down"), "aria-label": t("editor-list-down", { item, n: i + 1 }), disabled: i === values.length - 1, onclick: move(i + 1, "down") }),
    el("button", { type: "button", text: t("editor-remove"), "aria-label": t("editor-list-remove", { item, n: i + 1 }),
      onclick: () => ctx.sync.edit([{ op: "remove", path: p, base: values[i] }], [reinsert(p, values[i])]) }),
    el("p", { id: iid + "-msg", class: "msg" }));
}

export function section(title, ...children) {
  return el("fieldset", {}, el("legend", { text: title }), ...children);
}

// A label inside a sentence: "Styrka" in "Lägg till styrka".
export function lower(label) {
  return label.charAt(0).toLocaleLowerCase() + label.slice(1);
}

// The kind of field a key of the schema gets.
export function widget(key) {
  if (key.kind === "text") return key.form === "prose" ? "textarea" : "text";
  return key.kind;
}

// The part of the form for a key of the schema at `path`, as the schema describes it: a table
// as a group of its keys, in the format's order; a list of texts as its items; a list of
// numbers (one per area) as a field per value; any other value as one labelled field with its
// hint. What the schema hides has none; what it fixes is shown as a line. `extra` gives a
// path's field what only the page knows (suggestions, what else a value fills in).
export function part(key, path, extra = {}) {
  if (key.form === "hidden") return null;
  if (key.form === "fixed") {
    // Shown with a place for what is said about it (an unknown framework).
    return el("div", { class: "fixed" }, el("p", { id: fieldId(path), text: extra[path] && extra[path].text }),
      el("p", { id: fieldId(path) + "-msg", class: "msg" }));
  }
  if (key.kind === "table") {
    // An optional table the file does not have gets no fields (a profile's register filter
    // beside its fixed values); what adds it builds them.
    if (!key.required && get(path) === undefined) return null;
    const box = section(key.label, ...ctx.schema.tables[key.table].map((k) => part(k, at(path, k.key), extra)));
    box.id = fieldId(path);
    return box;
  }
  if (key.kind === "texts") return list(path, key.label, key.item || key.label);
  if (key.kind === "numbers") return perArea(path, key.label);
  if (key.kind === "tables" || key.kind === "scores") return null;
  const opts = { hint: key.hint || undefined, dflt: key.absent === null ? undefined : key.absent };
  return field(path, key.label, widget(key), Object.assign(opts, extra[path]));
}

// The fields of a table of the schema at `path`, each labelled by `label(key)`.
export function fields(table, path, label = (k) => k.label) {
  return ctx.schema.tables[table].map((k) => part(Object.assign({}, k, { label: label(k) }), at(path, k.key)));
}

// A list of numbers, one per area of the framework (`values = [63.7, 65, …]`): a group with a
// short field for each, beside its area's name.
function perArea(path, label) {
  const values = get(path);
  if (!Array.isArray(values)) return null;
  const areas = (ctx.state.framework && ctx.state.framework.areas) || [];
  const box = el("fieldset", { id: fieldId(path), class: "values" }, el("legend", { text: label }));
  const grid = el("div", { class: "score" });
  values.forEach((v, i) => {
    const a = areas[i];
    const name = a ? t("editor-area-name", { id: a.id, title: a.title }) : t("editor-value-n", { n: i + 1 });
    grid.append(field(nth(path, i + 1), name, "number", { max: a && a.max }));
  });
  box.append(grid, el("p", { id: fieldId(path) + "-msg", class: "msg" }));
  return box;
}

// Fill every field from the state, and the parts that are lists of tables.
export function fill() {
  for (const input of document.querySelectorAll("#form [data-path]")) put(input, get(input.dataset.path));
  for (const box of document.querySelectorAll("#form fieldset.list")) box.render();
}

export { $ };
