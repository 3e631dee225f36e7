// The parts of the form that are lists of tables or optional tables: the evaluators, the
// report's versions, earlier evaluations and the comparison profiles. Each can be added,
// edited and removed, each change undoable; a new one takes the focus.

import { at, fieldId, nth } from "./paths.js";
import { ctx, $, el, get, focusId } from "./dom.js";
import { put, fields, lower } from "./form.js";
import { t } from "./i18n.js";

// A key's label in row `row`: "Utvärderare 2: organisation".
const inRow = (row) => (key) => t("editor-row-field", { row, field: lower(key.label) });

// Rebuild a box's rows only when their number changed; else only their values. The focus stays
// on the element that had it, by id.
function rows(box, selector, count, build) {
  const have = box.querySelectorAll(selector).length;
  if (have === count) {
    box.querySelectorAll("[data-path]").forEach((input) => put(input, get(input.dataset.path)));
    return false;
  }
  const focused = box.contains(document.activeElement) ? document.activeElement.id : null;
  box.querySelectorAll(`${selector}, .add, .hint`).forEach((n) => n.remove());
  build();
  box.querySelectorAll("[data-path]").forEach((input) => put(input, get(input.dataset.path)));
  if (focused) focusId(focused);
  return true;
}

// Removing a table, undone: it comes back at the end with its values, then moves to its place.
function restore(list, i, table, count) {
  const item = nth(list, count);
  const sets = Object.entries(table).map(([k, v]) => ({ op: "set", path: at(item, k), value: v }));
  return [{ op: "add", path: list }, ...sets, { op: "move", path: list, from: count - 1, to: i }];
}

export function fillEvaluators() {
  const box = $("#evaluators");
  const people = get("evaluators") || [];
  rows(box, ".evaluator", people.length, () => {
    people.forEach((e, i) => {
      const p = nth("evaluators", i + 1);
      const id = fieldId(p);
      const move = (to) => async () => {
        const moved = people.slice();
        moved.splice(to, 0, moved.splice(i, 1)[0]);
        await ctx.sync.edit([{ op: "move", path: "evaluators", from: i, to, base: people }],
          [{ op: "move", path: "evaluators", from: to, to: i, base: moved }]);
        const which = to < i ? "up" : "down";
        const target = `${fieldId(nth("evaluators", to + 1))}-${which}`;
        const b = document.getElementById(target);
        focusId(b && !b.disabled ? target : `${fieldId(nth("evaluators", to + 1))}-${which === "up" ? "down" : "up"}`);
      };
      box.append(el("div", { class: "evaluator" },
        ...fields("evaluator", p, inRow(t("editor-evaluator-n", { n: i + 1 }))),
        el("button", { type: "button", id: id + "-up", text: t("editor-evaluator-up", { n: i + 1 }), disabled: i === 0, onclick: move(i - 1) }),
        el("button", { type: "button", id: id + "-down", text: t("editor-evaluator-down", { n: i + 1 }), disabled: i === people.length - 1, onclick: move(i + 1) }),
        el("button", { type: "button", text: t("editor-evaluator-remove", { n: i + 1 }), onclick: () =>
          ctx.sync.edit([{ op: "remove", path: p, base: e }], restore("evaluators", i, e, people.length)) })));
    });
    box.append(el("button", { type: "button", class: "add", text: t("editor-evaluator-add"), onclick: async () => {
      const n = (get("evaluators") || []).length;
      await ctx.sync.edit([{ op: "add", path: "evaluators" }], [{ op: "remove", path: nth("evaluators", n + 1) }]);
      focusId(fieldId(at(nth("evaluators", n + 1), "name")));
    } }));
  });
}

// The versions of the report: each one's number, date and what changed; a new one at the end.
export function fillRevisions() {
  const box = $("#revisions");
  const revs = get("revision") || [];
  rows(box, ".revision", revs.length, () => {
    revs.forEach((r, i) => {
      const p = nth("revision", i + 1);
      box.append(el("div", { class: "revision" },
        ...fields("revision", p, inRow(t("editor-revision-n", { n: i + 1 }))),
        el("button", { type: "button", text: t("editor-revision-remove", { n: i + 1 }), onclick: () =>
          ctx.sync.edit([{ op: "remove", path: p, base: r }], restore("revision", i, r, revs.length)) })));
    });
    const next = revs.reduce((m, r) => Math.max(m, Number(r.version) || 0), 0) + 1;
    box.append(el("button", { type: "button", class: "add", text: t("editor-revision-add", { n: next }), onclick: async () => {
      const n = (get("revision") || []).length;
      await ctx.sync.edit([
        { op: "add", path: "revision" },
        { op: "set", path: at(nth("revision", n + 1), "version"), value: next },
      ], [{ op: "remove", path: nth("revision", n + 1) }]);
      focusId(fieldId(at(nth("revision", n + 1), "changes")));
    } }));
  });
}

// Earlier evaluations of the municipality: the year and one value per area each.
export function fillHistory() {
  const box = $("#history");
  const list = get("history") || [];
  const areas = (ctx.state.framework && ctx.state.framework.areas) || [];
  rows(box, ".earlier", list.length, () => {
    list.forEach((h, i) => {
      const p = nth("history", i + 1);
      const part = el("fieldset", { class: "earlier" }, el("legend", { text: t("editor-earlier", { year: h.year }) }),
        ...fields("earlier", p));
      part.append(el("button", { type: "button", text: t("editor-earlier-remove", { year: h.year }), onclick: () =>
        ctx.sync.edit([{ op: "remove", path: p, base: h }], restore("history", i, h, list.length)) }));
      box.append(part);
    });
    if (!list.length) box.append(el("p", { class: "hint", text: t("editor-earlier-none") }));
    const year = Number(String(get("report.date") || "").slice(0, 4)) || new Date().getFullYear();
    box.append(el("button", { type: "button", class: "add", text: t("editor-earlier-add"), onclick: async () => {
      const n = (get("history") || []).length;
      await ctx.sync.edit([
        { op: "add", path: "history" },
        { op: "set", path: at(nth("history", n + 1), "year"), value: year - 3 },
        { op: "set", path: at(nth("history", n + 1), "values"), value: areas.map(() => 0) },
      ], [{ op: "remove", path: nth("history", n + 1) }]);
      focusId(fieldId(at(nth("history", n + 1), "year")));
    } }));
  });
}

// A table's values as edits that set them again, key by key (tables inside too).
function sets(path, table) {
  return Object.entries(table).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? sets(at(path, k), v) : [{ op: "set", path: at(path, k), value: v }]);
}

// The comparison profiles, as the schema has them: key → its label.
const profiles = () => Object.fromEntries(ctx.schema.tables.comparison.map((k) => [k.key, k.label]));
// A profile's label as the report prints it (Swedish in a page of any language): what a new
// profile gets as its label in the file.
const inReport = (key) => (ctx.schema.tables.comparison.find((k) => k.key === key) || {}).in_report || profiles()[key];

// The comparison profiles: their texts, and fixed values or the register filter with how many
// evaluations the mean covers now; each can be added (with fixed values or from the register)
// and removed.
export function fillComparisons() {
  const box = $("#comparisons");
  const data = get("comparison") || {};
  const shape = Object.keys(profiles()).map((k) => (data[k] ? (data[k].from_register ? "r" : "v") : "-")).join("");
  if (box.dataset.shape === shape) {
    box.querySelectorAll("[data-path]").forEach((input) => put(input, get(input.dataset.path)));
    return;
  }
  const focused = box.contains(document.activeElement) ? document.activeElement.id : null;
  box.dataset.shape = shape;
  box.querySelectorAll(".profile, .add, .hint").forEach((n) => n.remove());
  for (const key of Object.keys(profiles())) box.append(profile(key, data[key]));
  box.querySelectorAll("[data-path]").forEach((input) => put(input, get(input.dataset.path)));
  if (focused) focusId(focused);
}

function profile(key, data) {
  const p = at("comparison", key);
  const label = profiles()[key];
  const name = lower(label);
  const part = el("fieldset", { class: "profile", id: fieldId(p) }, el("legend", { text: label }));
  if (!data) {
    const areas = (ctx.state.framework && ctx.state.framework.areas) || [];
    const add = (edits, focus) => async () => {
      await ctx.sync.edit(edits, [{ op: "set", path: p, value: null }]);
      focusId(fieldId(focus));
    };
    part.append(el("p", { class: "hint", text: t("editor-profile-none") }),
      el("button", { type: "button", class: "add", text: t("editor-profile-add-values", { profile: name }),
        onclick: add([{ op: "set", path: at(p, "label"), value: inReport(key) },
          { op: "set", path: at(p, "values"), value: areas.map(() => 0) }], nth(at(p, "values"), 1)) }),
      el("button", { type: "button", class: "add", text: t("editor-profile-add-register", { profile: name }),
        onclick: add([{ op: "set", path: at(p, "label"), value: inReport(key) },
          { op: "set", path: at(at(p, "from_register"), "exclude_self"), value: true }], at(at(p, "from_register"), "year_from")) }));
    return part;
  }
  // Its keys as the schema has them: the texts, then the fixed values or the register's filter
  // with how many evaluations its mean covers now.
  part.append(...fields("profile", p));
  if (data.from_register) part.append(el("p", { class: "sum", id: `rows-${key}`, "aria-live": "polite" }));
  part.append(el("button", { type: "button", text: t("editor-profile-remove", { profile: name }), onclick: () => {
    ctx.sync.edit([{ op: "set", path: p, value: null }], sets(p, data));
  } }));
  return part;
}

export function showRows() {
  for (const key of Object.keys(profiles())) {
    const out = document.getElementById(`rows-${key}`);
    if (!out) continue;
    const totals = ctx.state.totals;
    const basis = totals && totals.comparison && totals.comparison[key];
    out.textContent = basis ? t("editor-register-rows", { count: basis.count, rows: basis.rows.join(", ") })
      : t("editor-register-none");
  }
}
