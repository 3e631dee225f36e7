// The page's edits on their way to the file: never lost, merged with everyone else's.
//
// - Every edit says what the page saw before it (`base`): the server merges it with whatever
//   changed meanwhile on disk or in another tab (different keys never conflict; the same text
//   is merged by words; only the same words changed differently come back as a conflict).
// - Edits wait in a queue kept in the browser's storage until the server has them: a closed
//   tab, a stopped server or a sleeping laptop loses nothing; they go when kompass is back.
// - Undo and redo are this tab's own changes, sent as their inverse edits and merged like any
//   edit: an undo never takes back a colleague's change.
//
// No DOM here: tested under `node --test` (tests/js/) with a fake server and storage.

import { listOf } from "./paths.js";

export class Sync {
  // post(edits) → Promise<{ status, body }> (throws when the server cannot be reached);
  // storage: localStorage-like; key: where this file's queue is kept; onResult(body, batch)
  // after each saved batch; onState(online, waiting) when either changes.
  constructor({ post, storage, key, onResult, onState }) {
    this.post = post;
    this.storage = storage;
    this.key = key;
    this.onResult = onResult || (() => {});
    this.onState = onState || (() => {});
    this.synced = new Map();
    this.undos = [];
    this.redos = [];
    this.online = true;
    this.flushing = null;
    this.queue = this.load();
  }

  load() {
    try {
      const q = JSON.parse(this.storage.getItem(this.key) || "[]");
      return Array.isArray(q) ? q : [];
    } catch {
      return [];
    }
  }

  keep() {
    try {
      if (this.queue.length) this.storage.setItem(this.key, JSON.stringify(this.queue));
      else this.storage.removeItem(this.key);
    } catch {
      // A full storage keeps the queue in the page only.
    }
  }

  // The value the page's field last showed from the file (what its next edit is based on).
  base(path, fallback) {
    return this.synced.has(path) ? this.synced.get(path) : fallback;
  }

  // Whether an edit of `path` waits to be saved or is on its way: the field is then ahead of
  // the file, and nothing from the file may be put into it until its answer comes.
  waiting(path) {
    return this.queue.some((batch) => batch.some((e) => e.path === path));
  }

  // The field now shows `value` from the file.
  seen(path, value) {
    this.synced.set(path, value === undefined ? null : value);
  }

  // Set a key: an edit based on what the field showed; undoable unless said otherwise.
  set(path, value, before, { undoable = true, also = [] } = {}) {
    const base = this.base(path, before);
    const edits = [{ op: "set", path, value, base }, ...also];
    this.synced.set(path, value);
    if (undoable && base !== value) {
      this.record({ op: "set", path, value, base }, { op: "set", path, value: base, base: value });
    }
    return this.send(edits);
  }

  // Any other edits, with their inverse for undo (or none).
  edit(edits, inverse) {
    if (inverse) this.record(edits, inverse);
    return this.send(edits);
  }

  record(forward, inverse) {
    this.undos.push({ forward: [].concat(forward), inverse: [].concat(inverse) });
    if (this.undos.length > 200) this.undos.shift();
    this.redos = [];
  }

  canUndo() {
    return this.undos.length > 0;
  }

  canRedo() {
    return this.redos.length > 0;
  }

  // Take back this tab's last change, merged like any edit.
  undo() {
    const step = this.undos.pop();
    if (!step) return Promise.resolve();
    this.redos.push(step);
    this.resync(step.inverse);
    return this.send(step.inverse);
  }

  redo() {
    const step = this.redos.pop();
    if (!step) return Promise.resolve();
    this.undos.push(step);
    this.resync(step.forward);
    return this.send(step.forward);
  }

  resync(edits) {
    for (const e of edits) if (e.op === "set") this.synced.set(e.path, e.value);
  }

  send(edits) {
    this.queue.push(edits);
    this.keep();
    return this.flush();
  }

  // Send what waits, in order; stop at the first failure to reach the server (it is tried again
  // by `retry`). A refusal of a batch (a value of the wrong kind) drops that batch only.
  flush() {
    if (this.flushing) return this.flushing.then(() => (this.queue.length ? this.flush() : undefined));
    this.flushing = (async () => {
      while (this.queue.length) {
        const batch = this.queue[0];
        let answer;
        try {
          answer = await this.post(batch);
        } catch {
          this.setOnline(false);
          break;
        }
        if (answer.status === 409 || answer.status === 403 || answer.status >= 500) {
          // The file cannot be read just now, or the server is not ours yet: keep waiting.
          this.setOnline(answer.status !== 403, answer);
          this.onResult(answer.body, batch, answer.status);
          break;
        }
        this.queue.shift();
        this.keep();
        this.setOnline(true);
        this.onResult(answer.body, batch, answer.status);
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  setOnline(online) {
    if (online !== this.online) {
      this.online = online;
      this.onState(online, this.queue.length);
    }
  }

  retry() {
    return this.queue.length ? this.flush() : Promise.resolve();
  }
}

// The inverse of removing a list element the page showed as `value` at `path`.
export function reinsert(path, value) {
  const at = listOf(path);
  return { op: "insert", path: at.list, index: at.place - 1, value };
}
