// The page's words from the message catalogue (messages/sv.ftl, en.ftl): kompass sends them
// (resolved in the reader's language, a variable as `{ $name }`), `t()` fills them in. An id
// without a text shows the id, so a missing word is seen, never hidden.

let messages = {};

export function setMessages(m) {
  messages = Object.assign({}, messages, m);
}

export function t(id, args = {}) {
  const s = messages[id] ?? id;
  // One pass: a value holding `{ $x }` is put in as it is.
  return s.replace(/\{ \$([A-Za-z0-9_-]+) \}/g, (m, k) => (k in args ? String(args[k]) : m));
}
