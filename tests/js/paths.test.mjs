import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { at, fieldId, nth, steps, valueAt, listOf } from "../../src/serve/assets/paths.js";

test("key paths read as kompass writes them", () => {
  assert.deepEqual(steps('area[4].scores."4.2"'), ["area", 4, "scores", "4.2"]);
  const data = { area: [{ id: 1, scores: { "1.1": 5 } }], evaluators: [{ name: "A" }, { name: "B" }] };
  assert.equal(valueAt(data, 'area[1].scores."1.1"'), 5);
  assert.equal(valueAt(data, "evaluators[2].name"), "B");
  assert.equal(valueAt(data, "evaluators[3].name"), undefined);
  assert.equal(valueAt(data, "nothing.here"), undefined);
  assert.deepEqual(listOf("area[1].strengths[3]"), { list: "area[1].strengths", place: 3 });
  assert.equal(listOf("report.date"), null);
});

test("field ids are valid and distinct", () => {
  const a = fieldId('area[4].scores."4.2"');
  const b = fieldId('area[4].scores."42"');
  assert.match(a, /^f-[A-Za-z0-9_-]+$/);
  assert.notEqual(a, b);
});

// kompass's own paths (written by tests/it/editor_scripts.rs from src/base/keypath.rs): read
// into the same steps, and written back from them to the same text.
test("key paths read and written as kompass does", { skip: !process.env.KOMPASS_KEY_PATHS }, () => {
  const vectors = JSON.parse(readFileSync(process.env.KOMPASS_KEY_PATHS, "utf8"));
  assert.ok(vectors.length > 20);
  for (const { text, steps: expected } of vectors) {
    assert.deepEqual(steps(text), expected, text);
    const written = expected.reduce((p, s) => (typeof s === "number" ? nth(p, s) : at(p, s)), "");
    assert.equal(written, text);
  }
});
