// The page's words: `t()` fills in the catalogue's messages as Fluent would, every id the page
// uses is in both catalogues, and no Swedish is left written in the page's scripts or HTML.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { messages } from "./catalogue.mjs";
import { t, load, has } from "../../src/serve/assets/i18n.js";

const ASSETS = new URL("../../src/serve/assets/", import.meta.url);
const scripts = readdirSync(ASSETS).filter((f) => f.endsWith(".js"))
  .map((f) => [f, readFileSync(new URL(f, ASSETS), "utf8")]);
const html = readFileSync(new URL("index.html", ASSETS), "utf8");

test("placeables, plural categories, exact numbers, text selectors and nesting", () => {
  const sv = messages("sv");
  load(sv, "sv");
  assert.equal(t("editor-status", { how: "Sparad", errors: 0 }), "Sparad – inga fel");
  assert.equal(t("editor-status", { how: "Sparad", errors: 3 }), "Sparad – 3 fel");
  assert.equal(t("editor-blocking", { count: 1 }), "En slutlig PDF kan inte göras ännu: en sak stoppar den.");
  assert.equal(t("editor-blocking", { count: 2 }), "En slutlig PDF kan inte göras ännu: 2 saker stoppar den.");
  assert.equal(t("editor-file-state", { errors: 0, warnings: 1 }), "en varning");
  assert.equal(t("editor-file-state", { errors: 0, warnings: 4 }), "4 varningar");
  assert.match(t("editor-conflict-said", { where: "disk" }), /på disken\. Din version/);
  assert.match(t("editor-conflict-said", { where: "tab" }), /i en annan flik/);
  assert.match(t("editor-conflict-said", { where: "okänt" }), /i en annan flik/, "the default variant");
  assert.equal(t("editor-score-range", { max: 20 }), "Poängen ska vara 0–20.");
  assert.equal(t("no-such-message"), "no-such-message");
  assert.equal(t("editor-not-saved", {}), "Inte sparad: {$reason}", "a missing argument shows its name");
  load(messages("en"), "en");
  assert.equal(t("editor-status", { how: "Saved", errors: 1 }), "Saved – one error");
  assert.equal(t("editor-status", { how: "Saved", errors: 2 }), "Saved – 2 errors");
  load(sv, "sv");
});

// Every "editor-…" literal of the scripts (t("…") and the ids chosen between) and every
// {{editor-…}} of the page.
function idsUsed() {
  const ids = new Set();
  for (const [file, code] of scripts) {
    for (const m of code.matchAll(/["'`](editor-[a-z0-9-]+)["'`]/g)) ids.add(`${file}: ${m[1]}`);
  }
  for (const m of html.matchAll(/\{\{(editor-[a-z0-9-]+)\}\}/g)) ids.add(`index.html: ${m[1]}`);
  return [...ids];
}

test("every message the page uses is in both catalogues, and every editor message is used", () => {
  const used = idsUsed();
  assert.ok(used.length > 80, `only ${used.length} ids found`);
  for (const lang of ["sv", "en"]) {
    const catalogue = messages(lang);
    const missing = used.filter((u) => !(u.split(": ")[1] in catalogue));
    assert.deepEqual(missing, [], `${lang} lacks these`);
  }
  const names = new Set(used.map((u) => u.split(": ")[1]));
  const unused = Object.keys(messages("sv")).filter((id) => !names.has(id));
  assert.deepEqual(unused, [], "messages no page uses");
  assert.ok(has("editor-undo"));
});

// The string literals of a script, without its comments.
function literals(code) {
  const out = [];
  const re = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|\/(?![*/])(?:[^/\\\n[]|\\.|\[(?:[^\]\\]|\\.)*\])+\/[gimsuy]*/g;
  for (const m of code.matchAll(re)) {
    const s = m[0];
    if (s[0] === '"' || s[0] === "'" || s[0] === "`") out.push(s.slice(1, -1).replace(/\$\{[^}]*\}/g, " "));
  }
  return out;
}

// Swedish in a literal: å, ä, ö, or one of the small words every Swedish sentence has.
const SWEDISH = /[åäöÅÄÖ]|\b(och|inte|att|som|det|till|av|med|för|ingen|inga|fel|ska|Skriv|Lägg|Ta bort|Flytta)\b/;

test("no Swedish words are left written in the page's scripts", () => {
  const found = [];
  for (const [file, code] of scripts) {
    for (const s of literals(code)) if (SWEDISH.test(s)) found.push(`${file}: ${s}`);
  }
  assert.deepEqual(found, []);
  // The scanner sees what it must.
  assert.deepEqual(literals('x("Lägg till") // ingen\n/"a"/.test(y); `Område ${a}`').filter((s) => SWEDISH.test(s)), ["Lägg till", "Område  "]);
});

test("no words are left written in the page's HTML: each is a {{message}}", () => {
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/\{\{[a-z0-9-]+\}\}/g, " ")
    .replace(/<!doctype html>/i, " ");
  // What is between the tags, and the attributes a reader hears or sees.
  const words = [...text.matchAll(/>([^<]+)</g)].map((m) => m[1].trim()).filter((w) => w && w !== "kompass");
  const attributes = [...text.matchAll(/\s(aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[2].trim()).filter((w) => w);
  assert.deepEqual([...words, ...attributes], []);
  assert.ok(html.includes('<html lang="{{lang}}">'));
});
