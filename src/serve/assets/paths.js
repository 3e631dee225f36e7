// Key paths as kompass writes them (`area[4].scores."4.2"`, `evaluators[2].name`): the id of a
// path's field in the page, and the value at a path in the evaluation's data. Pure functions,
// tested under `node --test` (tests/js/).

// The element id of a key path's field: every character outside [A-Za-z0-9_-] escaped.
export function fieldId(path) {
  return "f-" + path.replace(/[^A-Za-z0-9_-]/g, (c) => "_" + c.charCodeAt(0).toString(16));
}

// A key as it stands in a path, written as kompass writes it (src/base/keypath.rs): bare when
// it is letters, digits, `_` and `-`, else quoted with `"`, `\\` and unseen characters escaped.
export function keyText(key) {
  if (/^[A-Za-z0-9_-]+$/.test(key)) return key;
  const escaped = [...key].map((c) => {
    if (c === '"' || c === "\\") return "\\" + c;
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    if (c === "\0") return "\\0";
    const code = c.codePointAt(0);
    return code < 0x20 || (code >= 0x7f && code < 0xa0) ? `\\u{${code.toString(16)}}` : c;
  });
  return `"${escaped.join("")}"`;
}

// The key `key` below `path`.
export function at(path, key) {
  return path ? `${path}.${keyText(key)}` : keyText(key);
}

// The `n`-th item (from 1) of the list at `path`.
export function nth(path, n) {
  return `${path}[${n}]`;
}

// The steps of a key path: keys and 1-based list places; read as kompass reads them.
export function steps(path) {
  const out = [];
  let i = 0;
  const escapes = { n: "\n", t: "\t", r: "\r", 0: "\0" };
  while (i < path.length) {
    if (path[i] === ".") i++;
    if (path[i] === "[") {
      const close = path.indexOf("]", i);
      out.push(Number(path.slice(i + 1, close)));
      i = close + 1;
    } else if (path[i] === '"') {
      let key = "";
      for (i++; i < path.length && path[i] !== '"'; i++) {
        if (path[i] !== "\\") { key += path[i]; continue; }
        const e = path[++i];
        if (e === "u") {
          const close = path.indexOf("}", i);
          key += String.fromCodePoint(parseInt(path.slice(i + 2, close), 16));
          i = close;
        } else key += escapes[e] ?? e;
      }
      out.push(key);
      i++;
    } else {
      const m = /^[^.[]+/.exec(path.slice(i));
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out;
}

// The value at a key path of `data`, or undefined.
export function valueAt(data, path) {
  let v = data;
  for (const s of steps(path)) {
    if (v === undefined || v === null) return undefined;
    v = typeof s === "number" ? v[s - 1] : v[s];
  }
  return v;
}

// The path of the list a list element's path names, and the element's 1-based place.
export function listOf(path) {
  const m = /^(.*)\[(\d+)\]$/.exec(path);
  return m ? { list: m[1], place: Number(m[2]) } : null;
}
