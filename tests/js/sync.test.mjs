// The edits' queue against a fake kompass that merges as the real one does for whole values:
// nothing typed is lost when the server is away, and undo sends this tab's own inverse edits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Sync, reinsert } from "../../src/serve/assets/sync.js";

function storage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, v), removeItem: (k) => m.delete(k), m };
}

// A server holding key → value; `up` says whether it answers.
function server() {
  const s = { up: true, data: {}, seen: [] };
  s.post = async (edits) => {
    if (!s.up) throw new TypeError("Failed to fetch");
    s.seen.push(edits);
    for (const e of edits) if (e.op === "set") s.data[e.path] = e.value;
    return { status: 200, body: { conflicts: [] } };
  };
  return s;
}

test("edits made while kompass is away wait in the browser and go when it is back", async () => {
  const srv = server();
  const store = storage();
  const states = [];
  const sync = new Sync({ post: srv.post, storage: store, key: "q", onState: (on) => states.push(on) });
  srv.up = false;
  await sync.set("report.publisher", "SKR", "");
  await sync.set("report.interviews", 41, 40);
  assert.deepEqual(states, [false]);
  assert.equal(JSON.parse(store.getItem("q")).length, 2, "kept in the browser's storage");
  // The tab is closed; a new one finds the queue and sends it.
  const again = new Sync({ post: srv.post, storage: store, key: "q" });
  srv.up = true;
  await again.retry();
  assert.deepEqual(srv.data, { "report.publisher": "SKR", "report.interviews": 41 });
  assert.equal(store.getItem("q"), null);
});

test("each edit carries what the field showed; the next is based on the last", async () => {
  const srv = server();
  const sync = new Sync({ post: srv.post, storage: storage(), key: "q" });
  sync.seen("summary.comments", "Ett.");
  await sync.set("summary.comments", "Ett. Två.", "ignored");
  await sync.set("summary.comments", "Ett. Två. Tre.", "ignored");
  assert.deepEqual(srv.seen.map((b) => b[0].base), ["Ett.", "Ett. Två."]);
});

test("undo sends the inverse of this tab's own change, based on what it set", async () => {
  const srv = server();
  const sync = new Sync({ post: srv.post, storage: storage(), key: "q" });
  sync.seen('area[1].scores."1.1"', 5);
  await sync.set('area[1].scores."1.1"', 7, 5);
  await sync.undo();
  assert.deepEqual(srv.seen[1], [{ op: "set", path: 'area[1].scores."1.1"', value: 5, base: 7 }]);
  await sync.redo();
  assert.deepEqual(srv.seen[2], [{ op: "set", path: 'area[1].scores."1.1"', value: 7, base: 5 }]);
  assert.ok(sync.canUndo() && !sync.canRedo());
  assert.deepEqual(reinsert("area[1].strengths[2]", "Bra"), { op: "insert", path: "area[1].strengths", index: 1, value: "Bra" });
});

test("a refused batch is dropped, the rest goes on", async () => {
  const store = storage();
  const seen = [];
  const post = async (edits) => {
    seen.push(edits);
    return edits[0].value === "bad" ? { status: 422, body: { refused: "nej" } } : { status: 200, body: {} };
  };
  const results = [];
  const sync = new Sync({ post, storage: store, key: "q", onResult: (b, batch, status) => results.push(status) });
  await sync.set("a", "bad", null);
  await sync.set("b", "good", null);
  assert.deepEqual(results, [422, 200]);
  assert.equal(store.getItem("q"), null);
});
