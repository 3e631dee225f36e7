// kompass serve: the evaluation as a form. Plain JavaScript modules, no build step; the server
// is the only one that reads or writes the file.
//
// Never lose a word: every edit waits in a queue kept in the browser until kompass has it
// (sync.js), is merged there with everyone else's changes, and a change made elsewhere comes in
// through the event stream without ever touching a field someone is typing in (form.js).

import { connect, call, listen } from "./api.js";
import { fieldId } from "./paths.js";
import { Sync } from "./sync.js";
import { ctx, $, el, setStatus, flushTyping, fieldMessage, labelOf } from "./dom.js";
import { field, list, section, fill } from "./form.js";
import { fillEvaluators, fillRevisions, fillHistory, fillComparisons, showRows } from "./tables.js";
import { showPages, forgetPages, followPages, showFindings } from "./pages.js";
import { startReview, showReview, refreshReview } from "./review.js";

window.addEventListener("error", (e) => { window.kompassError = String(e.message); });
window.addEventListener("unhandledrejection", (e) => { window.kompassError = String(e.reason); });

let built = false;
const OFFLINE = "Inte ansluten – det du skriver sparas när kompass är igång igen.";

function build() {
  const form = $("#form");
  form.replaceChildren();
  const datalist = el("datalist", { id: "munis" });
  for (const m of ctx.municipalities) datalist.append(el("option", { value: m.name }));
  form.append(datalist);
  const known = (name) => ctx.municipalities.find((m) => m.name === name);
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
  form.append(el("fieldset", { id: "evaluators" }, el("legend", { text: "Utvärderare" })));
  form.append(section("Sammanfattning",
    field("summary.evaluation", "Utvärderingen (efter de genererade styckena)", "textarea"),
    field("summary.comparisons", "Jämförelser (ersätter ramverkets text, om ifylld)", "textarea"),
    field("summary.comments", "Sammanfattande kommentarer", "textarea")));
  form.append(section("Ramverk och register",
    el("p", { text: `Ramverk: ${ctx.state.framework ? ctx.state.framework.name : ctx.state.data.framework} (${ctx.state.data.framework})` }),
    field("register", "Resultatregistret (filnamn bredvid utvärderingen, .csv, .xlsx eller .ods)", "text")));
  form.append(el("fieldset", { id: "comparisons" }, el("legend", { text: "Jämförelser" })));
  form.append(el("fieldset", { id: "revisions" }, el("legend", { text: "Versioner" })));
  form.append(el("fieldset", { id: "history" }, el("legend", { text: "Tidigare utvärderingar" })));
  buildAreas(form);
  built = true;
}

function buildAreas(form) {
  const fw = ctx.state.framework;
  const areas = ctx.state.data.area || [];
  for (const a of (fw && fw.areas) || []) {
    const k = areas.findIndex((x) => x.id === a.id);
    if (k < 0) continue;
    const p = `area[${k + 1}]`;
    const sum = el("p", { class: "sum", id: `sum-${a.id}` });
    const scores = el("div", { class: "score" });
    for (const s of a.subareas) {
      scores.append(field(`${p}.scores."${s.id}"`, `${s.id} ${s.title} (0–${s.max})`, "whole",
        { max: s.max, onvalue: () => showSums() }));
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
}

function showSums() {
  // The area sums and the total as you type, from the fields as they stand.
  let total = 0;
  for (const fs of document.querySelectorAll("#form fieldset[id^=area-]")) {
    let sum = 0;
    fs.querySelectorAll("input[data-kind=whole]").forEach((i) => { sum += /^\d+$/.test(i.value.trim()) ? Number(i.value) : 0; });
    total += sum;
    const id = fs.id.slice(5);
    const a = ctx.state.framework.areas.find((x) => String(x.id) === id);
    $(`#sum-${id}`).textContent = `Områdets poäng: ${sum} av ${a.max}`;
  }
  $("#total").textContent = `Totalt: ${total} av 800`;
}

// A new state from kompass: every field that nobody is typing in takes it.
function update(next, how) {
  const text = ctx.state && ctx.state.text;
  ctx.state = next;
  if (next.text === undefined) ctx.state.text = text;
  if (!built) build();
  fill();
  fillEvaluators();
  fillComparisons();
  fillRevisions();
  fillHistory();
  showSums();
  showRows();
  showFindings();
  showConflicts();
  showPages();
  if (how) {
    const errors = ctx.state.findings.filter((f) => f.severity === "error").length;
    setStatus(`${how} – ${errors ? errors + " fel" : "inga fel"}`);
  }
  $("#title").textContent = `kompass – ${ctx.state.file}`;
  $("#undo").disabled = !ctx.sync.canUndo();
  $("#redo").disabled = !ctx.sync.canRedo();
  if ($("#toml-box").open) showToml();
  showReview();
}

// What the server said of a batch of edits.
function saved(body, batch, status) {
  if (status === 200) {
    for (const c of body.conflicts || []) ctx.conflicts.set(c.path, c);
    // A text merged with another change is shown as merged, unless typed on since.
    for (const e of batch) {
      if (e.op !== "set") continue;
      const input = document.getElementById(fieldId(e.path));
      if (input && input.type !== "checkbox" && !ctx.pending.has(e.path) && !ctx.conflicts.has(e.path)) ctx.sync.seen(e.path, e.value);
    }
    update(body, "Sparad");
    if ((body.disk_changes || []).length) notice(body.disk_changes);
    return;
  }
  if (status === 422) {
    if (body.path) {
      ctx.refused.set(body.path, body.refused);
      fieldMessage(body.path, body.refused, "error");
    }
    setStatus(`Inte sparad: ${body.refused || status}`);
    return;
  }
  if (status === 409) setStatus(`Väntar: ${body.refused}`);
  if (status === 403) setStatus("Den här fliken är inte ansluten till kompass längre. Öppna adressen som kompass serve skrev ut; det du skrev väntar i webbläsaren.");
}

// A quiet line, never a dialog: which fields changed on disk and were taken in.
function notice(paths) {
  const names = [...new Set(paths.map(labelOf))];
  $("#notice").textContent = `Ändrat på disken: ${names.join("; ")}.`;
}

// A conflict at its field: the typed text stays in the field; the other version is shown beside
// it, both selectable. Nothing takes the focus.
function showConflicts() {
  document.querySelectorAll("#form .conflict").forEach((n) => n.remove());
  for (const [path, c] of ctx.conflicts) {
    const wrap = document.getElementById(fieldId(path) + "-field") || document.getElementById(fieldId(path) + "-msg");
    if (!wrap) continue;
    const where = c.where === "disk" ? "på disken" : "i en annan flik";
    const theirs = Array.isArray(c.theirs) ? c.theirs.join("\n") : String(c.theirs ?? "");
    wrap.append(el("div", { class: "conflict", role: "group", "aria-label": `Ändrat på två ställen: ${labelOf(path)}` },
      el("p", { text: `Samma ord ändrades samtidigt ${where}. Din version står kvar i fältet.` }),
      el("p", { class: "label", text: `Versionen ${where}:` }),
      el("blockquote", { tabindex: "0", text: theirs }),
      el("button", { type: "button", text: "Behåll min version", onclick: () => {
        ctx.conflicts.delete(path);
        const input = document.getElementById(fieldId(path));
        ctx.sync.seen(path, c.theirs);
        ctx.sync.set(path, input ? input.value : c.mine, c.theirs);
      } }),
      el("button", { type: "button", text: `Använd versionen ${where}`, onclick: () => {
        ctx.conflicts.delete(path);
        const input = document.getElementById(fieldId(path));
        if (input) input.value = theirs;
        ctx.sync.seen(path, c.theirs);
        showConflicts();
      } })));
  }
}

async function refresh() {
  const r = await call("/api/state").catch(() => null);
  if (r && r.status === 200) update(r.body);
}

let lastPages = null;
function onEvent(e) {
  refreshReview();
  if (!e) return refresh();
  if (e.disk && e.disk.length) notice(e.disk);
  if (e.version !== ctx.state.version || e.pages !== lastPages) {
    lastPages = e.pages;
    refresh();
  }
  if (ctx.state.folder) showFiles();
}

function onLink(up) {
  ctx.sync.setOnline(up);
  if (up) ctx.sync.retry();
}

function onState(online, waiting) {
  document.body.classList.toggle("offline", !online);
  if (!online) setStatus(OFFLINE);
  else setStatus(waiting ? "Ansluten igen – sparar det som väntade …" : "Ansluten igen");
}

async function showToml() {
  const r = await call("/api/state").catch(() => null);
  if (r && r.status === 200) $("#toml").textContent = r.body.text;
}

async function showChanges() {
  const r = await call("/api/changes").catch(() => null);
  const box = $("#changes");
  box.hidden = false;
  const ok = r && r.status === 200;
  $("#changes-title").textContent = ok ? `Ändringar ${r.body.since}` : "Ändringar";
  $("#changes-text").textContent = ok ? (r.body.count ? r.body.text : "Inga ändringar.") : (r ? r.body.refused : OFFLINE);
}

async function pdf(kind) {
  setStatus("Gör PDF …");
  const r = await call("/api/pdf", { kind }).catch(() => null);
  if (!r) return setStatus(OFFLINE);
  if (r.status !== 200) return setStatus(`Ingen PDF: ${r.body.refused || r.status}`);
  const kept = r.body.kept ? ` Utkastet som skickades på granskning finns kvar som ${r.body.kept}.` : "";
  setStatus(`Skrev ${r.body.written}.${kept}`);
}

// In folder mode: the folder's evaluations with their state, and a new one.
async function showFiles() {
  const r = await call("/api/files").catch(() => null);
  if (!r || r.status !== 200) return;
  $("#files").hidden = false;
  const ul = $("#file-list");
  ul.replaceChildren();
  for (const f of r.body.files) {
    const what = f.problem ? f.problem : f.errors ? `${f.errors} fel`
      : f.warnings ? `${f.warnings} ${f.warnings === 1 ? "varning" : "varningar"}` : "inga fel";
    ul.append(el("li", {}, el("button", { type: "button", text: `${f.name} (${what})`,
      "aria-current": f.current ? "true" : false, onclick: () => openFile("/api/open", { name: f.name }) })));
  }
}

async function openFile(url, body) {
  flushTyping();
  const r = await call(url, body).catch(() => null);
  if (!r) return setStatus(OFFLINE);
  if (r.status !== 200) return setStatus("Kunde inte öppna: " + (r.body.refused || r.status));
  built = false;
  forgetPages();
  ctx.refused.clear();
  ctx.conflicts.clear();
  ctx.sync = makeSync(r.body.file);
  update(r.body, "Inläst");
  showFiles();
  startReview();
}

function makeSync(file) {
  return new Sync({
    post: (edits) => call("/api/edit", { edits }),
    storage: window.localStorage,
    key: `kompass-queue:${file}`,
    onResult: saved,
    onState,
  });
}

function wire() {
  $("#new-evaluation").addEventListener("click", () =>
    openFile("/api/new", { municipality: $("#new-municipality").value }));
  $("#make-draft").addEventListener("click", () => pdf("draft"));
  $("#make-final").addEventListener("click", () => pdf("final"));
  $("#make-slides").addEventListener("click", () => pdf("slides"));
  $("#make-charts").addEventListener("click", () => pdf("charts"));
  $("#show-changes").addEventListener("click", showChanges);
  $("#undo").addEventListener("click", () => ctx.sync.undo().then(() => setStatus("Ångrad")));
  $("#redo").addEventListener("click", () => ctx.sync.redo().then(() => setStatus("Gjord igen")));
  $("#toml-box").addEventListener("toggle", () => { if ($("#toml-box").open) showToml(); });
  const toggle = $("#toggle-pages");
  toggle.addEventListener("click", () => {
    const open = $("#preview").classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "Dölj rapportens sidor" : "Visa rapportens sidor";
  });
  // A tab closed while typing: what waits for its pause goes into the queue kept in the
  // browser, and is sent at once too (fetch with keepalive outlives the page).
  window.addEventListener("pagehide", flushTyping);
}

async function start() {
  if (!(await connect())) {
    setStatus("Den här fliken har ingen nyckel. Öppna adressen som kompass serve skrev ut (den med ?token=).");
    return;
  }
  const [munis, s] = await Promise.all([call("/api/municipalities"), call("/api/state")]).catch(() => [null, null]);
  if (!s || s.status !== 200) return setStatus(OFFLINE);
  ctx.municipalities.push(...munis.body);
  wire();
  if (s.body.folder && !s.body.file) {
    // A folder without an evaluation that can be opened: its list, and a new one.
    ctx.state = s.body;
    setStatus("Mappen har ingen utvärdering som kan öppnas. Skapa en ny nedan.");
    return showFiles();
  }
  if (!s.body.data) {
    setStatus("Filen kan inte läsas som en utvärdering; rätta felen nedan i en textredigerare och ladda om sidan.");
    ctx.state = Object.assign(s.body, { data: {}, framework: null });
    ctx.sync = makeSync(s.body.file);
    showFindings();
    $("#toml").textContent = s.body.text;
    return;
  }
  ctx.sync = makeSync(s.body.file);
  update(s.body, "Inläst");
  // What waited in this browser from before (a closed tab, a stopped server) goes now.
  if (ctx.sync.queue.length) ctx.sync.retry();
  if (s.body.folder) showFiles();
  startReview();
  listen(onEvent, onLink);
}

start();
