// The editor's reading of typed values: what was typed is what is saved, or refused with a
// message at the field. Run by tests/editor_scripts.rs (node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import "./catalogue.mjs";
import { parse, show } from "../../src/serve/assets/values.js";

test("a typo in a number is refused, never saved as something else", () => {
  for (const typed of ["4o", "ca 40", "40 st", "4 0", "--4", "0x10", "1e3"]) {
    const r = parse("whole", typed, { max: 40 });
    assert.ok(r.error, `${typed} was read as ${r.ok}`);
    assert.match(r.error, /heltal|siffror/);
  }
});

test("a decimal comma in a whole-number field gets the decimal-comma hint", () => {
  const r = parse("whole", "12,5", { max: 20 });
  assert.equal(r.ok, undefined);
  assert.match(r.error, /decimalkomma/);
  assert.match(r.error, /12\b/);
});

test("scores within their bounds; grouped thousands where no bound is set", () => {
  assert.deepEqual(parse("whole", " 12 ", { max: 20 }), { ok: 12 });
  assert.match(parse("whole", "21", { max: 20 }).error, /0–20/);
  assert.deepEqual(parse("whole", "15 000"), { ok: 15000 });
  assert.ok(parse("whole", "15 000", { max: 20 }).error);
});

test("numbers take a decimal comma; an empty field is empty (null)", () => {
  assert.deepEqual(parse("number", "63,7"), { ok: 63.7 });
  assert.deepEqual(parse("number", "63.7"), { ok: 63.7 });
  assert.ok(parse("number", "ca 60").error);
  assert.deepEqual(parse("number", ""), { ok: null });
  assert.deepEqual(parse("whole", "  "), { ok: null });
  assert.deepEqual(parse("date", ""), { ok: null });
  assert.ok(parse("date", "20 maj 2024").error);
  assert.equal(show("number", 63.7), "63,7");
  assert.equal(show("whole", null), "");
});
