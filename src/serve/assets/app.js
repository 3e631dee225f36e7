// kompass serve: the evaluation as a form. Plain JavaScript, no build step; the server is the
// only one that reads or writes the file.
"use strict";
window.addEventListener("error", (e) => { window.kompassError = String(e.message); });
window.addEventListener("unhandledrejection", (e) => { window.kompassError = String(e.reason); });

const $ = (sel, root = document) => root.querySelector(sel);

// The tab's key. The launch address's token (`/?token=…`) is traded once for it and removed
// from the address bar; the key is kept for this tab only (sessionStorage is per origin, port
// included) and sent in a header with every request. A browser never sends it on its own, so no
// page of another site or another local port can use it, as it could a cookie.
const KEY = "kompass-key";
async function connect() {
  const launch = new URLSearchParams(location.search).get("token");
  if (launch) {
    history.replaceState(null, "", "/");
    const r = await api("/api/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Kompass-Launch": launch },
      body: "{}",
    }).catch(() => null);
    if (r && r.ok) sessionStorage.setItem(KEY, (await r.json()).key);
  }
  return sessionStorage.getItem(KEY);
}

// Every request to kompass goes through here, with the tab's key.
function api(url, opts = {}) {
  const headers = Object.assign({}, opts.headers, { "X-Kompass-Key": sessionStorage.getItem(KEY) || "" });
  return fetch(url, Object.assign({}, opts, { headers }));
}
let state = null;
let built = false;
const munis = [];

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

function fieldId(path) {
  return "f-" + path.replace(/[^A-Za-z0-9_-]/g, (c) => "_" + c.charCodeAt(0).toString(16));
}

function get(path) {
  // Reads a value of state.data by the same key paths findings use.
  let v = state.data;
  const re = /"([^"]*)"|([^.[\]]+)|\[(\d+)\]/g;
  let m;
  while ((m = re.exec(path)) && v !== undefined && v !== null) {
    if (m[3]) v = v[Number(m[3]) - 1];
    else v = v[m[1] !== undefined ? m[1] : m[2]];
  }
  return v;
}

function setStatus(text) {
  $("#status").textContent = text;
}

async function send(edits) {
  setStatus("Sparar …");
  const r = await api("/api/edit", {
    method: "POST",
    keepalive: true,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ edits }),
  });
  const body = await r.json().catch(() => ({}));
  if (r.status === 409) return showConflict(body);
  if (!r.ok) {
    if (body.path) fieldMessage(body.path, body.refused, "error");
    setStatus("Inte sparad: " + (body.refused || r.status));
    return;
  }
  body.text = state.text;
  update(body);
  const text = await (await api("/api/state")).json();
  $("#toml").textContent = text.text;
  state.text = text.text;
}

const timers = new Map();
const pending = new Map();
function later(key, fn, ms = 400) {
  clearTimeout(timers.get(key));
  pending.set(key, fn);
  timers.set(key, setTimeout(() => { pending.delete(key); fn(); }, ms));
}

// A tab closed while typing: what waits for its pause is sent at once (fetch with keepalive
// outlives the page), so at most the last keystrokes' pause is lost, never a field.
window.addEventListener("pagehide", () => {
  for (const [key, fn] of pending) { clearTimeout(timers.get(key)); fn(); }
  pending.clear();
});

function fieldMessage(path, text, severity) {
  const box = document.getElementById(fieldId(path) + "-msg");
  const input = document.getElementById(fieldId(path));
  if (box) {
    box.textContent = text || "";
    box.className = "msg " + (severity || "");
  }
  if (input) input.setAttribute("aria-invalid", text && severity === "error" ? "true" : "false");
}

// One labelled field bound to a key path.
function field(path, label, kind, opts = {}) {
  const id = fieldId(path);
  const wrap = el("div", { class: "field" });
  let input;
  if (kind === "textarea") {
    input = el("textarea", { id, "aria-describedby": id + "-msg" });
    wrap.append(el("label", { for: id, text: label }), toolbar(input), input);
  } else if (kind === "bool") {
    input = el("input", { id, type: "checkbox", "aria-describedby": id + "-msg" });
    wrap.append(el("label", { for: id }, input, document.createTextNode(label)));
  } else {
    const type = kind === "date" ? "date" : kind === "whole" ? "number" : "text";
    input = el("input", { id, type, "aria-describedby": id + "-msg", list: opts.list,
      min: opts.min, max: opts.max, step: kind === "whole" ? 1 : undefined,
      inputmode: kind === "whole" ? "numeric" : kind === "number" ? "decimal" : undefined });
    wrap.append(el("label", { for: id, text: label }), input);
  }
  if (opts.hint) wrap.append(el("p", { class: "hint", text: opts.hint }));
  wrap.append(el("p", { id: id + "-msg", class: "msg" }));
  input.dataset.path = path;
  input.dataset.kind = kind;
  // What the report does when the key is left out (exclude_self is true then).
  if (opts.dflt !== undefined) input.dataset.dflt = String(opts.dflt);
  const commit = () => {
    const value = read(input, kind, opts);
    if (value.error) {
      setStatus(`Inte sparad: ${label} – ${value.error}`);
      return fieldMessage(path, value.error, "error");
    }
    fieldMessage(path, "", "");
    if (opts.onvalue) opts.onvalue(value.ok);
    send([{ op: "set", path, value: value.ok }].concat(opts.also ? opts.also(value.ok) : []));
  };
  input.addEventListener(kind === "bool" || kind === "date" ? "change" : "input", () =>
    later(path, commit, kind === "bool" ? 0 : 450));
  return wrap;
}

// What a field holds, or why it cannot be saved yet (a half-typed number stays in the page).
function read(input, kind, opts) {
  if (kind === "bool") return { ok: input.checked };
  const text = input.value;
  if (kind === "whole") {
    if (!/^-?\d+$/.test(text.trim())) return { error: "Skriv ett heltal." };
    const n = Number(text.trim());
    if (opts.max !== undefined && (n < 0 || n > opts.max))
      return { error: `Poängen ska vara 0–${opts.max}.` };
    return { ok: n };
  }
  if (kind === "number") {
    const t = text.trim().replace(",", ".");
    if (!/^\d+(\.\d+)?$/.test(t)) return { error: "Skriv ett tal, t.ex. 63,7." };
    const n = Number(t);
    if (opts.max !== undefined && n > opts.max) return { error: `Värdet ska vara 0–${opts.max}.` };
    return { ok: n };
  }
  if (kind === "date") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { error: "Skriv datumet som ÅÅÅÅ-MM-DD." };
    return { ok: text };
  }
  return { ok: text };
}

// Bold, italic and a bullet list for a text with the report's markup; Ctrl+B and Ctrl+I too.
function toolbar(textarea) {
  const wrapSel = (mark) => {
    const { selectionStart: a, selectionEnd: b, value } = textarea;
    textarea.value = value.slice(0, a) + mark + value.slice(a, b) + mark + value.slice(b);
    textarea.setSelectionRange(a + mark.length, b + mark.length);
    textarea.dispatchEvent(new Event("input"));
    textarea.focus();
  };
  const bullet = () => {
    const { selectionStart: a, value } = textarea;
    const start = value.lastIndexOf("\n", a - 1) + 1;
    textarea.value = value.slice(0, start) + "- " + value.slice(start);
    textarea.dispatchEvent(new Event("input"));
    textarea.focus();
  };
  textarea.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "b") { e.preventDefault(); wrapSel("**"); }
    if ((e.ctrlKey || e.metaKey) && e.key === "i") { e.preventDefault(); wrapSel("*"); }
  });
  return el("div", { class: "toolbar", role: "toolbar", "aria-label": "Formatering" },
    el("button", { type: "button", text: "Fet", title: "Fet (Ctrl+B)", onclick: () => wrapSel("**") }),
    el("button", { type: "button", text: "Kursiv", title: "Kursiv (Ctrl+I)", onclick: () => wrapSel("*") }),
    el("button", { type: "button", text: "Punktlista", onclick: bullet }));
}

// A list of texts (strengths, improvements): add, remove and move, all by keyboard too.
function list(path, label, itemLabel) {
  const id = fieldId(path);
  const box = el("fieldset", { id, class: "list" }, el("legend", { text: label }));
  const items = el("div");
  const render = () => {
    const values = get(path) || [];
    const inputs = items.querySelectorAll("input");
    if (inputs.length === values.length && items.contains(document.activeElement)) {
      // Typing in the list: only the other items take the saved values.
      inputs.forEach((input, i) => {
        if (input !== document.activeElement && !pending.has(input.dataset.path)) input.value = values[i];
      });
      return;
    }
    items.replaceChildren();
    values.forEach((v, i) => {
      const p = `${path}[${i + 1}]`;
      const iid = fieldId(p);
      const input = el("input", { id: iid, type: "text", "aria-describedby": iid + "-msg" });
      input.value = v;
      input.dataset.path = p;
      input.addEventListener("input", () => later(p, () => send([{ op: "set", path: p, value: input.value }])));
      items.append(el("div", { class: "item" },
        el("label", { for: iid, class: "visually-hidden", text: `${itemLabel} ${i + 1}` }), input,
        el("button", { type: "button", text: "Upp", "aria-label": `Flytta ${itemLabel.toLowerCase()} ${i + 1} upp`, disabled: i === 0,
          onclick: () => send([{ op: "move", path, from: i, to: i - 1 }]) }),
        el("button", { type: "button", text: "Ner", "aria-label": `Flytta ${itemLabel.toLowerCase()} ${i + 1} ner`, disabled: i === values.length - 1,
          onclick: () => send([{ op: "move", path, from: i, to: i + 1 }]) }),
        el("button", { type: "button", text: "Ta bort", "aria-label": `Ta bort ${itemLabel.toLowerCase()} ${i + 1}`,
          onclick: () => send([{ op: "remove", path: p }]) })),
        el("p", { id: iid + "-msg", class: "msg" }));
    });
  };
  box.append(items, el("p", { id: id + "-msg", class: "msg" }),
    el("button", { type: "button", text: `Lägg till ${itemLabel.toLowerCase()}`, onclick: async () => {
      const n = (get(path) || []).length;
      await send([{ op: "insert", path, index: n, value: "" }]);
      const added = document.getElementById(fieldId(`${path}[${n + 1}]`));
      if (added) added.focus();
    } }));
  box.render = render;
  return box;
}

function section(title, ...children) {
  return el("fieldset", {}, el("legend", { text: title }), ...children);
}

// The comparison profiles: their texts, and fixed values or the register filter with how many
// evaluations the mean covers now.
function comparisons() {
  const box = el("fieldset", { id: "comparisons" }, el("legend", { text: "Jämförelser" }));
  const names = { national: "Nationell jämförelse", peer: "Jämförelsegrupp" };
  for (const key of ["national", "peer"]) {
    const profile = (state.data.comparison || {})[key];
    if (!profile) continue;
    const p = `comparison.${key}`;
    const part = el("fieldset", {}, el("legend", { text: names[key] }),
      field(`${p}.label`, "Förklaring i diagrammet", "text"),
      field(`${p}.description`, "Hur texten nämner jämförelsen (efter ”jämfört med”)", "text"),
      field(`${p}.source`, "Källa under diagrammet", "text"));
    if (profile.from_register) {
      const f = `${p}.from_register`;
      part.append(
        field(`${f}.year_from`, "Från och med år", "whole"),
        field(`${f}.year_to`, "Till och med år", "whole"),
        field(`${f}.population_min`, "Minst antal invånare", "whole"),
        field(`${f}.population_max`, "Högst antal invånare", "whole"),
        field(`${f}.first_evaluation`, "Bara kommunernas första utvärdering", "bool"),
        field(`${f}.exclude_self`, "Utan kommunens egna utvärderingar", "bool", { dflt: true }),
        field(`${f}.framework`, "Ramverk (tomt: utvärderingens eget)", "text"),
        el("p", { class: "sum", id: `rows-${key}`, "aria-live": "polite" }));
    } else if (Array.isArray(profile.values)) {
      const fw = state.framework;
      profile.values.forEach((v, i) => {
        const a = fw.areas[i];
        part.append(field(`${p}.values[${i + 1}]`, `Område ${a ? a.id + " " + a.title : i + 1}`, "number", { max: a && a.max }));
      });
    }
    box.append(part);
  }
  return box;
}

function showRows() {
  for (const key of ["national", "peer"]) {
    const out = document.getElementById(`rows-${key}`);
    if (!out) continue;
    const basis = state.totals && state.totals.comparison && state.totals.comparison[key];
    out.textContent = basis ? `Medelvärdet omfattar ${basis.count} utvärderingar i registret (rad ${basis.rows.join(", ")}).`
      : "Registret ger inget medelvärde med det här urvalet (se iakttagelserna).";
  }
}

function build() {
  const form = $("#form");
  form.replaceChildren();
  const datalist = el("datalist", { id: "munis" });
  for (const m of munis) datalist.append(el("option", { value: m.name }));
  form.append(datalist);
  const known = (name) => munis.find((m) => m.name === name);
  form.append(section("Kommunen",
    field("municipality.name", "Kommunens namn (ortnamnet)", "text", { list: "munis",
      hint: "Välj en av Sveriges 290 kommuner: namnformerna och invånarantalet fylls i.",
      also: (name) => {
        const m = known(name);
        return m ? [
          { op: "set", path: "municipality.genitive", value: m.genitive },
          { op: "set", path: "municipality.official_name", value: m.official_name },
          { op: "set", path: "municipality.population", value: m.population },
        ] : [];
      } }),
    field("municipality.genitive", "Genitiv (som i ”Leksands poäng”)", "text"),
    field("municipality.official_name", "Officiellt namn (som i ”Analys av Leksands kommun”)", "text"),
    field("municipality.population", "Invånare", "whole")));
  form.append(section("Rapporten",
    field("report.date", "Rapportens datum", "date"),
    field("report.evaluated", "När utvärderingen gjordes (som det ska stå, t.ex. ”augusti 2023”)", "text"),
    field("report.first_evaluation", "Kommunens första utvärdering", "bool"),
    field("report.interviews", "Antal intervjuade", "whole"),
    field("report.interviews_approximate", "Skriv antalet ungefärligt (”ett 40-tal”)", "bool"),
    field("report.publisher", "Utgivare", "text"),
    field("report.meeting", "Återkopplingsmötets datum (för bilderna)", "date")));
  const evaluators = el("fieldset", { id: "evaluators" }, el("legend", { text: "Utvärderare" }));
  form.append(evaluators);
  form.append(section("Sammanfattning",
    field("summary.evaluation", "Utvärderingen (efter de genererade styckena)", "textarea"),
    field("summary.comparisons", "Jämförelser (ersätter ramverkets text, om ifylld)", "textarea"),
    field("summary.comments", "Sammanfattande kommentarer", "textarea")));
  form.append(section("Ramverk och register",
    el("p", { text: `Ramverk: ${state.framework ? state.framework.name : state.data.framework} (${state.data.framework})` }),
    field("register", "Resultatregistret (filnamn bredvid utvärderingen, .csv, .xlsx eller .ods)", "text")));
  form.append(comparisons());
  form.append(el("fieldset", { id: "revisions" }, el("legend", { text: "Versioner" })));
  form.append(el("fieldset", { id: "history" }, el("legend", { text: "Tidigare utvärderingar" })));
  const fw = state.framework;
  const areas = state.data.area || [];
  for (const a of (fw && fw.areas) || []) {
    const k = areas.findIndex((x) => x.id === a.id);
    if (k < 0) continue;
    const p = `area[${k + 1}]`;
    const sum = el("p", { class: "sum", id: `sum-${a.id}` });
    const scores = el("div", { class: "score" });
    for (const s of a.subareas) {
      const sp = `${p}.scores."${s.id}"`;
      const f = field(sp, `${s.id} ${s.title} (0–${s.max})`, "whole", { max: s.max,
        onvalue: () => showSums() });
      scores.append(f);
    }
    const fs = el("fieldset", { id: `area-${a.id}`, "data-title": a.title },
      el("legend", { text: `Område ${a.id}: ${a.title}` }),
      field(`${p}.analysis`, "Sammanfattande analys", "textarea"),
      list(`${p}.strengths`, "Styrkor", "Styrka"),
      list(`${p}.improvements`, "Förbättringsmöjligheter", "Förbättringsmöjlighet"),
      el("h3", { text: "Poäng per delområde" }), scores, sum);
    fs.addEventListener("focusin", () => followPages(a.title));
    form.append(fs);
  }
  built = true;
}

function fill() {
  // Values from the state, except in the field being typed in.
  for (const input of document.querySelectorAll("#form [data-path]")) {
    // The field being typed in, and any whose typing waits for its pause, keep what was typed.
    if (input === document.activeElement || pending.has(input.dataset.path)) continue;
    let v = get(input.dataset.path);
    if (v === undefined && input.dataset.dflt !== undefined) v = input.dataset.dflt === "true";
    if (input.type === "checkbox") input.checked = !!v;
    else if (input.dataset.kind === "number" && typeof v === "number") input.value = String(v).replace(".", ",");
    else input.value = v === undefined || v === null ? "" : v;
  }
  for (const box of document.querySelectorAll("#form fieldset.list")) box.render();
  const ev = $("#evaluators");
  const people = state.data.evaluators || [];
  if (ev.querySelectorAll(".evaluator").length === people.length && ev.contains(document.activeElement)) {
    ev.querySelectorAll("[data-path]").forEach((input) => {
      if (input !== document.activeElement) input.value = get(input.dataset.path) || "";
    });
    showSums();
    return;
  }
  ev.querySelectorAll(".evaluator, .add").forEach((n) => n.remove());
  people.forEach((e, i) => {
    const p = `evaluators[${i + 1}]`;
    const box = el("div", { class: "evaluator" },
      field(`${p}.name`, `Utvärderare ${i + 1}: namn`, "text"),
      field(`${p}.organisation`, `Utvärderare ${i + 1}: organisation`, "text"),
      el("button", { type: "button", text: `Flytta utvärderare ${i + 1} upp`, disabled: i === 0,
        onclick: () => send([{ op: "move", path: "evaluators", from: i, to: i - 1 }]) }),
      el("button", { type: "button", text: `Flytta utvärderare ${i + 1} ner`, disabled: i === people.length - 1,
        onclick: () => send([{ op: "move", path: "evaluators", from: i, to: i + 1 }]) }),
      el("button", { type: "button", text: `Ta bort utvärderare ${i + 1}`, onclick: () => send([{ op: "remove", path: p }]) }));
    ev.append(box);
    box.querySelectorAll("[data-path]").forEach((input) => { input.value = get(input.dataset.path) || ""; });
  });
  ev.append(el("button", { type: "button", class: "add", text: "Lägg till utvärderare",
    onclick: () => send([{ op: "add", path: "evaluators" }]) }));
  fillRevisions();
  fillHistory();
  showSums();
  showRows();
}

// Earlier evaluations of the municipality: the year and one value per area each.
function fillHistory() {
  const box = $("#history");
  const list = state.data.history || [];
  if (box.querySelectorAll(".earlier").length === list.length && box.contains(document.activeElement)) return;
  box.querySelectorAll(".earlier, .add, .hint").forEach((n) => n.remove());
  const areas = (state.framework && state.framework.areas) || [];
  list.forEach((h, i) => {
    const p = `history[${i + 1}]`;
    const part = el("fieldset", { class: "earlier" }, el("legend", { text: `Utvärderingen ${h.year}` }),
      field(`${p}.year`, "År", "whole"),
      field(`${p}.framework`, "Ramverk (tomt: utvärderingens eget)", "text"));
    areas.forEach((a, k) => part.append(field(`${p}.values[${k + 1}]`, `Område ${a.id} ${a.title}`, "number", { max: a.max })));
    part.append(el("button", { type: "button", text: `Ta bort utvärderingen ${h.year}`, onclick: () => send([{ op: "remove", path: p }]) }));
    box.append(part);
    part.querySelectorAll("[data-path]").forEach((input) => {
      const v = get(input.dataset.path);
      input.value = v === undefined || v === null ? "" : String(v).replace(".", ",");
    });
  });
  if (!list.length) box.append(el("p", { class: "hint", text: "Inga i filen; rader i resultatregistret ritas också." }));
  const year = Number(String((state.data.report || {}).date || "").slice(0, 4)) || new Date().getFullYear();
  box.append(el("button", { type: "button", class: "add", text: "Lägg till en tidigare utvärdering", onclick: () => send([
    { op: "add", path: "history" },
    { op: "set", path: `history[${list.length + 1}].year`, value: year - 3 },
    { op: "set", path: `history[${list.length + 1}].values`, value: areas.map(() => 0) },
  ]) }));
}

async function showChanges() {
  const r = await api("/api/changes");
  const body = await r.json().catch(() => ({}));
  const box = $("#changes");
  box.hidden = false;
  $("#changes-title").textContent = r.ok ? `Ändringar ${body.since}` : "Ändringar";
  $("#changes-text").textContent = r.ok ? (body.count ? body.text : "Inga ändringar.") : body.refused;
  $("#changes-text").focus();
}

// The versions of the report: each one's number, date and what changed; a new one at the end.
function fillRevisions() {
  const box = $("#revisions");
  const revs = state.data.revision || [];
  if (box.querySelectorAll(".revision").length === revs.length && box.contains(document.activeElement)) return;
  box.querySelectorAll(".revision, .add").forEach((n) => n.remove());
  revs.forEach((r, i) => {
    const p = `revision[${i + 1}]`;
    const part = el("div", { class: "revision" },
      field(`${p}.version`, `Version ${i + 1}: nummer`, "whole"),
      field(`${p}.date`, `Version ${i + 1}: datum`, "date"),
      field(`${p}.changes`, `Version ${i + 1}: vad som ändrats`, "text"),
      field(`${p}.by`, `Version ${i + 1}: av vem`, "text"));
    box.append(part);
    part.querySelectorAll("[data-path]").forEach((input) => {
      const v = get(input.dataset.path);
      input.value = v === undefined || v === null ? "" : v;
    });
  });
  const next = revs.reduce((m, r) => Math.max(m, Number(r.version) || 0), 0) + 1;
  box.append(el("button", { type: "button", class: "add", text: `Ny version (${next})`,
    onclick: () => send([
      { op: "add", path: "revision" },
      { op: "set", path: `revision[${revs.length + 1}].version`, value: next },
    ]) }));
}

function showSums() {
  // The area sums and the total as you type, from the fields as they stand.
  let total = 0;
  for (const fs of document.querySelectorAll("#form fieldset[id^=area-]")) {
    let sum = 0;
    fs.querySelectorAll("input[data-kind=whole]").forEach((i) => { sum += Number(i.value) || 0; });
    total += sum;
    const id = fs.id.slice(5);
    const a = state.framework.areas.find((x) => String(x.id) === id);
    $(`#sum-${id}`).textContent = `Områdets poäng: ${sum} av ${a.max}`;
  }
  $("#total").textContent = `Totalt: ${total} av 800`;
}

function showFindings() {
  const ul = $("#findings");
  ul.replaceChildren();
  document.querySelectorAll("#form .msg").forEach((m) => { m.textContent = ""; m.className = "msg"; });
  document.querySelectorAll("#form [aria-invalid]").forEach((i) => i.setAttribute("aria-invalid", "false"));
  for (const f of state.findings) {
    const text = f.message + (f.help ? ` (${f.help})` : "");
    // The field of the finding, or of the nearest table around it that has one.
    let target = f.path;
    while (target && !document.getElementById(fieldId(target))) {
      const parent = target.replace(/(\.[^.]*|\[\d+\])$/, "");
      target = parent === target ? "" : parent;
    }
    if (target) fieldMessage(target, text, f.severity);
    const word = f.severity === "error" ? "Fel" : f.severity === "warning" ? "Varning" : "Obs";
    ul.append(el("li", { class: f.severity }, el("button", { type: "button", text: `${word}: ${text}`,
      onclick: () => { const i = document.getElementById(fieldId(target || "")); if (i) i.focus(); } })));
  }
  const n = state.blocking.length;
  $("#blocking").textContent = n ? `En slutlig PDF kan inte göras ännu: ${n} ${n === 1 ? "sak stoppar" : "saker stoppar"} den (se listan).` : "Inget hindrar en slutlig PDF.";
  $("#make-final").disabled = n > 0;
}

const pageHashes = [];
function showPages() {
  const box = $("#pages");
  state.pages.forEach((p, i) => {
    let img = box.children[i];
    if (!img) {
      img = el("img", { alt: `Sida ${i + 1}`, loading: "lazy" });
      box.append(img);
    }
    if (pageHashes[i] !== p.hash) {
      pageHashes[i] = p.hash;
      loadPage(img, i, p.hash);
    }
    img.dataset.headings = p.headings.join("\n");
  });
  while (box.children.length > state.pages.length) box.lastChild.remove();
}

// A page's image, fetched with the tab's key (an <img> could not send it) and shown from memory.
async function loadPage(img, i, hash) {
  const r = await api(`/api/page/${i}.svg?h=${hash}`).catch(() => null);
  if (!r || !r.ok || pageHashes[i] !== hash) return;
  const url = URL.createObjectURL(await r.blob());
  if (img.src.startsWith("blob:")) URL.revokeObjectURL(img.src);
  img.src = url;
}

function followPages(title) {
  for (const img of $("#pages").children) {
    if ((img.dataset.headings || "").includes(title)) {
      img.scrollIntoView({ block: "start" });
      return;
    }
  }
}

function update(next, how = "Sparad") {
  state = next;
  if (!built) build();
  fill();
  showFindings();
  showPages();
  const errors = state.findings.filter((f) => f.severity === "error").length;
  setStatus(`${how} – ${errors ? errors + " fel" : "inga fel"}`);
  $("#title").textContent = `kompass – ${state.file}`;
  $("#undo").disabled = !state.undo;
  $("#redo").disabled = !state.redo;
}

async function undoRedo(which) {
  const r = await api(`/api/${which}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  const body = await r.json().catch(() => ({}));
  if (r.status === 409) return showConflict(body);
  if (r.ok) {
    update(body, which === "undo" ? "Ångrad" : "Gjord igen");
    $("#toml").textContent = body.text;
    state.text = body.text;
  }
}

// A change on disk is noticed within two seconds, also without an edit.
async function watchDisk() {
  if (!$("#conflict").hidden) return;
  const r = await api("/api/disk").catch(() => null);
  if (r && r.status === 409) showConflict(await r.json());
}

function showConflict(body) {
  const box = $("#conflict");
  $("#conflict-diff").textContent = (body.diff || []).map((d) => (d.tag === "disk" ? "disken: " : "sidan:  ") + d.line).join("\n");
  box.hidden = false;
  setStatus("Inte sparad: filen har ändrats på disken.");
  $("#keep-disk").focus();
}

async function resolve(keep) {
  const r = await api("/api/resolve", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ keep }) });
  if (r.ok) {
    $("#conflict").hidden = true;
    const s = await r.json();
    built = false;
    update(s, "Inläst");
    $("#toml").textContent = s.text;
  }
}

async function pdf(kind) {
  setStatus("Gör PDF …");
  const r = await api("/api/pdf", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ kind }) });
  const body = await r.json().catch(() => ({}));
  setStatus(r.ok ? `Skrev ${body.written}` : `Ingen PDF: ${body.refused}`);
}

// In folder mode: the folder's evaluations with their state, and a new one.
async function showFiles() {
  if (!state.folder) return;
  const r = await api("/api/files");
  const body = await r.json();
  $("#files").hidden = false;
  const ul = $("#file-list");
  ul.replaceChildren();
  for (const f of body.files) {
    const what = f.problem ? f.problem : f.errors ? `${f.errors} fel`
      : f.warnings ? `${f.warnings} ${f.warnings === 1 ? "varning" : "varningar"}` : "inga fel";
    ul.append(el("li", {}, el("button", { type: "button", text: `${f.name} (${what})`,
      "aria-current": f.current ? "true" : false, onclick: () => openFile("/api/open", { name: f.name }) })));
  }
}

async function openFile(url, body) {
  const r = await api(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const s = await r.json().catch(() => ({}));
  if (!r.ok) return setStatus("Kunde inte öppna: " + (s.refused || r.status));
  built = false;
  pageHashes.length = 0;
  $("#pages").replaceChildren();
  update(s, "Inläst");
  $("#toml").textContent = s.text;
  state.text = s.text;
  showFiles();
}

function wire() {
  $("#new-evaluation").addEventListener("click", () =>
    openFile("/api/new", { municipality: $("#new-municipality").value }));
  $("#make-draft").addEventListener("click", () => pdf("draft"));
  $("#make-final").addEventListener("click", () => pdf("final"));
  $("#make-slides").addEventListener("click", () => pdf("slides"));
  $("#make-charts").addEventListener("click", () => pdf("charts"));
  $("#show-changes").addEventListener("click", showChanges);
  $("#keep-disk").addEventListener("click", () => resolve("disk"));
  $("#keep-page").addEventListener("click", () => resolve("page"));
  $("#undo").addEventListener("click", () => undoRedo("undo"));
  $("#redo").addEventListener("click", () => undoRedo("redo"));
}

async function start() {
  if (!(await connect())) {
    setStatus("Den här fliken har ingen nyckel. Öppna adressen som kompass serve skrev ut (den med ?token=).");
    return;
  }
  munis.push(...(await (await api("/api/municipalities")).json()));
  const s = await (await api("/api/state")).json();
  wire();
  if (s.folder && !s.file) {
    // A folder without an evaluation that can be opened: its list, and a new one.
    state = s;
    setStatus("Mappen har ingen utvärdering som kan öppnas. Skapa en ny nedan.");
    showFiles();
    return;
  }
  if (!s.data) {
    setStatus("Filen kan inte läsas som en utvärdering; rätta felen nedan i en textredigerare och ladda om sidan.");
    state = Object.assign(s, { data: {}, framework: null });
    showFindings();
    $("#toml").textContent = s.text;
    return;
  }
  update(s, "Inläst");
  $("#toml").textContent = s.text;
  state.text = s.text;
  setInterval(watchDisk, 2000);
  showFiles();
}

start();
