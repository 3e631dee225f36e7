// The page's words: every text it shows is a message of kompass's catalogue
// (`messages/sv.ftl`, ids `editor-…`), put into the page by kompass as it serves it (the JSON
// block `#kompass-messages`), each as Fluent's parser read it: texts, `{ $name }`, and selectors
// on a number (exact numbers, then plural categories) or on a text. No DOM needed once loaded:
// tested under `node --test` (tests/js/).

let catalogue = null;
let plurals = null;
let numbers = null;

// Use `messages` ({id: tree}) in `language` (`sv`, `en`).
export function load(messages, language = "sv") {
  catalogue = messages;
  plurals = new Intl.PluralRules(language);
  numbers = new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 6 });
}

function ready() {
  if (catalogue) return;
  const block = typeof document !== "undefined" && document.getElementById("kompass-messages");
  const data = block ? JSON.parse(block.textContent) : { messages: {}, lang: "sv" };
  load(data.messages, data.lang);
}

// The text of message `id` with its arguments; a message the catalogue lacks shows its id (a
// test makes sure every id the page uses is there).
export function t(id, args = {}) {
  ready();
  const tree = catalogue[id];
  return tree ? fill(tree, args) : id;
}

// Whether the catalogue has message `id`.
export function has(id) {
  ready();
  return Object.prototype.hasOwnProperty.call(catalogue, id);
}

function fill(tree, args) {
  let out = "";
  for (const part of tree) {
    if (typeof part === "string") out += part;
    else if (part.var !== undefined) out += show(args[part.var], part.var);
    else out += fill(choose(part, args[part.select]), args);
  }
  return out;
}

function show(value, name) {
  if (value === undefined || value === null) return `{$${name}}`;
  return typeof value === "number" ? numbers.format(value) : String(value);
}

// A selector's variant: the one whose key is the value itself (`[0]`, `[disk]`), else the
// number's plural category (`[one]`), else the default.
function choose(select, value) {
  const by = (key) => select.variants.find(([k]) => k === key);
  const exact = value === undefined || value === null ? undefined : by(String(value));
  const category = typeof value === "number" ? by(plurals.select(value)) : undefined;
  return (exact || category || by(select.default))[1];
}
