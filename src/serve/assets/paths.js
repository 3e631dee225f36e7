// Key paths as kompass writes them (`area[4].scores."4.2"`, `evaluators[2].name`): the id of a
// path's field in the page, and the value at a path in the evaluation's data. Pure functions,
// tested under `node --test` (tests/js/).

// The element id of a key path's field: every character outside [A-Za-z0-9_-] escaped.
export function fieldId(path) {
  return "f-" + path.replace(/[^A-Za-z0-9_-]/g, (c) => "_" + c.charCodeAt(0).toString(16));
}

// The steps of a key path: keys and 1-based list places.
export function steps(path) {
  const out = [];
  const re = /"([^"]*)"|([^.[\]"]+)|\[(\d+)\]/g;
  let m;
  while ((m = re.exec(path))) {
    if (m[3]) out.push(Number(m[3]));
    else out.push(m[1] !== undefined ? m[1] : m[2]);
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
