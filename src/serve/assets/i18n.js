// The page's words from the message catalogue (messages/sv.ftl, en.ftl): kompass sends them
// (resolved in the reader's language, a variable as `{ $name }`), `t()` fills them in. An id
// without a text shows the id, so a missing word is seen, never hidden.

let messages = {};

export function setMessages(m) {
  messages = Object.assign({}, messages, m);
}

export function t(id, args = {}) {
  let s = messages[id] ?? id;
  for (const [k, v] of Object.entries(args)) s = s.replaceAll(`{ $${k} }`, String(v));
  return s;
}
