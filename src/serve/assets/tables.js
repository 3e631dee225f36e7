// The parts of the form that are lists of tables or optional tables: the evaluators, the
// report's versions, earlier evaluations and the comparison profiles. Each can be added,
// edited and removed, each change undoable; a new one takes the focus.

import { fieldId } from "./paths.js";
import { ctx, $, el, get, focusId } from "./dom.js";
import { field, put } from "./form.js";

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
  const at = `${list}[${count}]`;
  const sets = Object.entries(table).map(([k, v]) => ({ op: "set", path: `${at}.${k}`, value: v }));
  return [{ op: "add", path: list }, ...sets, { op: "move", path: list, from: count - 1, to: i }];
}

export function fillEvaluators() {
  const box = $("#evaluators");
  const people = get("evaluators") || [];
  rows(box, ".evaluator", people.length, () => {
    people.forEach((e, i) => {
      const p = `evaluators[${i + 1}]`;
      const id = fieldId(p);
      const move = (to) => async () => {
        const moved = people.slice();
        moved.splice(to, 0, moved.splice(i, 1)[0]);
        await ctx.sync.edit([{ op: "move", path: "evaluators", from: i, to, base: people }],
          [{ op: "move", path: "evaluators", from: to, to: i, base: moved }]);
        const which = to < i ? "up" : "down";
        const target = `${fieldId(`evaluators[${to + 1}]`)}-${which}`;
        const b = document.getElementById(target);
        focusId(b && !b.disabled ? target : `${fieldId(`evaluators[${to + 1}]`)}-${which === "up" ? "down" : "up"}`);
      };
      box.append(el("div", { class: "evaluator" },
        field(`${p}.name`, `Utvärderare ${i + 1}: namn`, "text"),
        field(`${p}.organisation`, `Utvärderare ${i + 1}: organisation`, "text"),
        el("button", { type: "button", id: id + "-up", text: `Flytta utvärderare ${i + 1} upp`, disabled: i === 0, onclick: move(i - 1) }),
        el("button", { type: "button", id: id + "-down", text: `Flytta utvärderare ${i + 1} ner`, disabled: i === people.length - 1, onclick: move(i + 1) }),
        el("button", { type: "button", text: `Ta bort utvärderare ${i + 1}`, onclick: () =>
          ctx.sync.edit([{ op: "remove", path: p, base: e }], restore("evaluators", i, e, people.length)) })));
    });
    box.append(el("button", { type: "button", class: "add", text: "Lägg till utvärderare", onclick: async () => {
      const n = (get("evaluators") || []).length;
      await ctx.sync.edit([{ op: "add", path: "evaluators" }], [{ op: "remove", path: `evaluators[${n + 1}]` }]);
      focusId(fieldId(`evaluators[${n + 1}].name`));
    } }));
  });
}

// The versions of the report: each one's number, date and what changed; a new one at the end.
export function fillRevisions() {
  const box = $("#revisions");
  const revs = get("revision") || [];
  rows(box, ".revision", revs.length, () => {
    revs.forEach((r, i) => {
      const p = `revision[${i + 1}]`;
      box.append(el("div", { class: "revision" },
        field(`${p}.version`, `Version ${i + 1}: nummer`, "whole"),
        field(`${p}.date`, `Version ${i + 1}: datum`, "date"),
        field(`${p}.changes`, `Version ${i + 1}: vad som ändrats`, "text"),
        field(`${p}.by`, `Version ${i + 1}: av vem`, "text"),
        el("button", { type: "button", text: `Ta bort version ${i + 1}`, onclick: () =>
          ctx.sync.edit([{ op: "remove", path: p, base: r }], restore("revision", i, r, revs.length)) })));
    });
    const next = revs.reduce((m, r) => Math.max(m, Number(r.version) || 0), 0) + 1;
    box.append(el("button", { type: "button", class: "add", text: `Ny version (${next})`, onclick: async () => {
      const n = (get("revision") || []).length;
      await ctx.sync.edit([
        { op: "add", path: "revision" },
        { op: "set", path: `revision[${n + 1}].version`, value: next },
      ], [{ op: "remove", path: `revision[${n + 1}]` }]);
      focusId(fieldId(`revision[${n + 1}].changes`));
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
      const p = `history[${i + 1}]`;
      const part = el("fieldset", { class: "earlier" }, el("legend", { text: `Utvärderingen ${h.year}` }),
        field(`${p}.year`, "År", "whole"),
        field(`${p}.framework`, "Ramverk (tomt: utvärderingens eget)", "text"));
      areas.forEach((a, k) => part.append(field(`${p}.values[${k + 1}]`, `Område ${a.id} ${a.title}`, "number", { max: a.max })));
      part.append(el("button", { type: "button", text: `Ta bort utvärderingen ${h.year}`, onclick: () =>
        ctx.sync.edit([{ op: "remove", path: p, base: h }], restore("history", i, h, list.length)) }));
      box.append(part);
    });
    if (!list.length) box.append(el("p", { class: "hint", text: "Inga i filen; rader i resultatregistret ritas också." }));
    const year = Number(String(get("report.date") || "").slice(0, 4)) || new Date().getFullYear();
    box.append(el("button", { type: "button", class: "add", text: "Lägg till en tidigare utvärdering", onclick: async () => {
      const n = (get("history") || []).length;
      await ctx.sync.edit([
        { op: "add", path: "history" },
        { op: "set", path: `history[${n + 1}].year`, value: year - 3 },
        { op: "set", path: `history[${n + 1}].values`, value: areas.map(() => 0) },
      ], [{ op: "remove", path: `history[${n + 1}]` }]);
      focusId(fieldId(`history[${n + 1}].year`));
    } }));
  });
}

// A table's values as edits that set them again, key by key (tables inside too).
function sets(path, table) {
  return Object.entries(table).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? sets(`${path}.${k}`, v) : [{ op: "set", path: `${path}.${k}`, value: v }]);
}

const PROFILES = { national: "Nationell jämförelse", peer: "Jämförelsegrupp" };

// The comparison profiles: their texts, and fixed values or the register filter with how many
// evaluations the mean covers now; each can be added (with fixed values or from the register)
// and removed.
export function fillComparisons() {
  const box = $("#comparisons");
  const profiles = get("comparison") || {};
  const shape = Object.keys(PROFILES).map((k) => (profiles[k] ? (profiles[k].from_register ? "r" : "v") : "-")).join("");
  if (box.dataset.shape === shape) {
    box.querySelectorAll("[data-path]").forEach((input) => put(input, get(input.dataset.path)));
    return;
  }
  const focused = box.contains(document.activeElement) ? document.activeElement.id : null;
  box.dataset.shape = shape;
  box.querySelectorAll(".profile, .add, .hint").forEach((n) => n.remove());
  for (const key of Object.keys(PROFILES)) box.append(profile(key, profiles[key]));
  box.querySelectorAll("[data-path]").forEach((input) => put(input, get(input.dataset.path)));
  if (focused) focusId(focused);
}

function profile(key, data) {
  const p = `comparison.${key}`;
  const part = el("fieldset", { class: "profile", id: fieldId(p) }, el("legend", { text: PROFILES[key] }));
  if (!data) {
    const areas = (ctx.state.framework && ctx.state.framework.areas) || [];
    const add = (edits, focus) => async () => {
      await ctx.sync.edit(edits, [{ op: "set", path: p, value: null }]);
      focusId(fieldId(focus));
    };
    part.append(el("p", { class: "hint", text: "Ingen i filen: diagrammen visar den inte." }),
      el("button", { type: "button", class: "add", text: `Lägg till ${PROFILES[key].toLowerCase()} med fasta värden`,
        onclick: add([{ op: "set", path: `${p}.label`, value: PROFILES[key] },
          { op: "set", path: `${p}.values`, value: areas.map(() => 0) }], `${p}.values[1]`) }),
      el("button", { type: "button", class: "add", text: `Lägg till ${PROFILES[key].toLowerCase()} ur resultatregistret`,
        onclick: add([{ op: "set", path: `${p}.label`, value: PROFILES[key] },
          { op: "set", path: `${p}.from_register.exclude_self`, value: true }], `${p}.from_register.year_from`) }));
    return part;
  }
  part.append(
    field(`${p}.label`, "Förklaring i diagrammet", "text"),
    field(`${p}.description`, "Hur texten nämner jämförelsen (efter ”jämfört med”)", "text"),
    field(`${p}.source`, "Källa under diagrammet", "text"));
  if (data.from_register) {
    const f = `${p}.from_register`;
    part.append(
      field(`${f}.year_from`, "Från och med år", "whole"),
      field(`${f}.year_to`, "Till och med år", "whole"),
      field(`${f}.population_min`, "Minst antal invånare", "whole"),
      field(`${f}.population_max`, "Högst antal invånare", "whole"),
      field(`${f}.first_evaluation`, "Bara kommunernas första utvärdering", "bool"),
      field(`${f}.exclude_self`, "Utan kommunens egna utvärderingar", "bool", { dflt: true }),
      field(`${f}.framework`, "Ramverk (tomt: utvärderingens eget)", "text"),
      el("p", { class: "sum", id: `rows-${key}`, "aria-live": "polite" }));
  } else if (Array.isArray(data.values)) {
    const fw = ctx.state.framework;
    data.values.forEach((v, i) => {
      const a = fw && fw.areas[i];
      part.append(field(`${p}.values[${i + 1}]`, `Område ${a ? a.id + " " + a.title : i + 1}`, "number", { max: a && a.max }));
    });
  }
  part.append(el("button", { type: "button", text: `Ta bort ${PROFILES[key].toLowerCase()}`, onclick: () => {
    ctx.sync.edit([{ op: "set", path: p, value: null }], sets(p, data));
  } }));
  return part;
}

export function showRows() {
  for (const key of Object.keys(PROFILES)) {
    const out = document.getElementById(`rows-${key}`);
    if (!out) continue;
    const t = ctx.state.totals;
    const basis = t && t.comparison && t.comparison[key];
    out.textContent = basis ? `Medelvärdet omfattar ${basis.count} utvärderingar i registret (rad ${basis.rows.join(", ")}).`
      : "Registret ger inget medelvärde med det här urvalet (se iakttagelserna).";
  }
}
