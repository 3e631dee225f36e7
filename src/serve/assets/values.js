// What a field holds, read as the evaluation's data: exactly what was typed, never what a
// browser's number field makes of it ("4o" is not 4, "12,5" is not 125). Pure, tested under
// `node --test` (tests/js/).

import { t } from "./i18n.js";

const WHOLE = /^-?\d+$/;
// Thousands grouped with spaces, as Swedish writes them: "15 000".
const GROUPED = /^-?\d{1,3}( \d{3})+$/;

// `{ ok: value }` to save (null empties an optional field), or `{ error: text }` for the field.
export function parse(kind, raw, opts = {}) {
  if (kind === "bool") return { ok: !!raw };
  const text = String(raw).trim().replace(/\u00a0/g, " ");
  if (kind === "whole") return whole(text, opts);
  if (kind === "number") return number(text, opts);
  if (kind === "date") {
    if (text === "") return { ok: null };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { error: t("editor-date-format") };
    return { ok: text };
  }
  return { ok: String(raw) };
}

function whole(text, opts) {
  if (text === "") return { ok: null };
  if (/^-?\d+[,.]\d+$/.test(text))
    return { error: t("editor-whole-decimals", { text, whole: text.split(/[,.]/)[0] }) };
  let n;
  if (WHOLE.test(text)) n = Number(text);
  else if (GROUPED.test(text) && opts.max === undefined) n = Number(text.replace(/ /g, ""));
  else return { error: t("editor-not-whole", { text }) };
  if (opts.max !== undefined && (n < 0 || n > opts.max)) return { error: t("editor-score-range", { max: opts.max }) };
  if (n < 0) return { error: t("editor-negative") };
  return { ok: n };
}

function number(text, opts) {
  if (text === "") return { ok: null };
  if (!/^\d+([,.]\d+)?$/.test(text)) return { error: t("editor-not-number", { text }) };
  const n = Number(text.replace(",", "."));
  if (opts.max !== undefined && n > opts.max) return { error: t("editor-value-range", { max: opts.max }) };
  return { ok: n };
}

// A value as its field shows it: decimal comma, nothing for a missing value.
export function show(kind, value) {
  if (value === undefined || value === null) return "";
  if (kind === "number" && typeof value === "number") return String(value).replace(".", ",");
  return String(value);
}
