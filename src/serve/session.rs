//! The evaluation the editor has open: its text as kompass last read or wrote it, the edits made
//! to it, merged with what changed on disk or in another tab, and what the page is shown. No
//! sockets here: every method returns a typed result ([`super::api`] makes responses of them).

use std::path::{Path, PathBuf};

use serde_json::{Value as Json, json};
use toml_edit::DocumentMut;

use super::api::ApiError;
use super::edit::{self, Edit, Merged};
use super::outputs::Snapshot;
use crate::base::diagnostics::Diagnostic;
use crate::base::error::{Error, Result};
use crate::base::messages::msg;
use crate::pipeline::{self, Outcome, RegisterSource, Stage};

/// The open evaluation.
pub struct OpenEvaluation {
    /// In folder mode, the folder; `path` is then the evaluation open in the page.
    pub folder: Option<PathBuf>,
    /// Whether an evaluation is open (a folder without a readable one has none).
    pub has_file: bool,
    pub path: PathBuf,
    /// The text as kompass last read or wrote it.
    pub text: String,
    /// What was on disk then: different bytes on disk since are someone else's change.
    pub disk: Vec<u8>,
    engine: pipeline::Session,
    /// Counts the versions of the text: every save, and every change taken in from disk.
    pub version: u64,
    /// The text when the page first opened it: "what changed" without a draft to compare with.
    pub opened: String,
    /// Why the file on disk cannot be taken in just now (a syntax error while someone edits it
    /// elsewhere): nothing is written until it can.
    pub disk_problem: Option<String>,
    /// Where each key's last change came from: the disk (someone else's save) or a tab.
    origin: std::collections::HashMap<String, Origin>,
}

/// Where a change came from, as a conflict names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Disk,
    Tab,
}

/// What became of a page's edits.
#[derive(Debug, Default)]
pub struct EditReport {
    /// The keys that changed on disk and were taken in first.
    pub disk: Vec<String>,
    /// The edits not made because the same words were changed differently meanwhile.
    pub conflicts: Vec<Json>,
}

/// Why a save must be tried again: the file changed on disk between reading and writing.
pub struct Retry(pub Vec<u8>);

impl OpenEvaluation {
    /// What is served at the start: the file, or in a folder its first evaluation that can be
    /// read (one that cannot is listed with its problem); a folder without one opens with none.
    pub fn serving(path: &Path) -> Result<OpenEvaluation> {
        let folder = path.is_dir().then(|| path.to_path_buf());
        let mut session = OpenEvaluation {
            has_file: false,
            path: folder.clone().unwrap_or_default(),
            folder,
            text: String::new(),
            disk: Vec::new(),
            engine: pipeline::Session::new(),
            version: 0,
            opened: String::new(),
            disk_problem: None,
            origin: std::collections::HashMap::new(),
        };
        let first = match &session.folder {
            Some(folder) => evaluations_in(folder)
                .into_iter()
                .find_map(|p| read_text(&p).ok().map(|t| (p, t))),
            None => Some((path.to_path_buf(), read_text(path)?)),
        };
        if let Some((path, (text, bytes))) = first {
            session.load(path, text, bytes);
        }
        Ok(session)
    }

    /// Show `path`, with its text and bytes as just read.
    pub fn load(&mut self, path: PathBuf, text: String, bytes: Vec<u8>) {
        self.has_file = true;
        self.path = path;
        self.opened = text.clone();
        self.text = text;
        self.disk = bytes;
        self.disk_problem = None;
        self.origin.clear();
        self.version += 1;
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            path: self.path.clone(),
            text: self.text.clone(),
        }
    }

    /// Take in a change made on disk: the keys that changed. A file that cannot be read as TOML
    /// just now is not taken in (nothing is lost: the text kompass has stays, and edits wait).
    pub fn adopt(&mut self, bytes: Vec<u8>) -> std::result::Result<Vec<String>, ApiError> {
        if bytes == self.disk {
            return Ok(Vec::new());
        }
        let unreadable = |why: &str| {
            ApiError::DiskUnreadable(msg!("serve-disk-unreadable", reason = why.to_string()))
        };
        let text = String::from_utf8(bytes.clone()).map_err(|_| unreadable("UTF-8"))?;
        let new = text.parse::<DocumentMut>().map_err(|e| {
            let why = e.message().to_string();
            self.disk_problem = Some(why.clone());
            unreadable(&why)
        })?;
        let old = self.text.parse::<DocumentMut>().ok();
        if let Some(old) = &old
            && !looks_whole(old, &new)
        {
            // Most likely a file caught half-written by a program that writes in place: taken
            // in, it would lose the rest of the file at the next save.
            let why = msg!("serve-disk-partial").text();
            self.disk_problem = Some(why.clone());
            return Err(unreadable(&why));
        }
        let changed = old.map_or_else(Vec::new, |old| changed_paths(&old, &new));
        for p in &changed {
            self.origin.insert(p.clone(), Origin::Disk);
        }
        self.text = text;
        self.disk = bytes;
        self.disk_problem = None;
        self.version += 1;
        Ok(changed)
    }

    /// Apply the page's edits to the file as it is now (`disk_now`: its bytes, read just before),
    /// each merged with what changed meanwhile, and save through a compare-and-swap: when the
    /// file changed again between reading and writing, nothing is written and [`Retry`] says so.
    pub fn edit(
        &mut self,
        edits: &[Edit],
        disk_now: Vec<u8>,
    ) -> std::result::Result<std::result::Result<EditReport, Retry>, ApiError> {
        let mut report = EditReport {
            disk: self.adopt(disk_now)?,
            ..EditReport::default()
        };
        let mut doc = self
            .text
            .parse::<DocumentMut>()
            .map_err(|_| ApiError::refused(msg!("serve-syntax-first")))?;
        for e in edits {
            match edit::apply_merged(&mut doc, e) {
                Ok(Merged::Conflict { mine, theirs }) => {
                    let from_disk = self
                        .origin
                        .iter()
                        .any(|(p, o)| *o == Origin::Disk && e.path().starts_with(p.as_str()));
                    report.conflicts.push(json!({
                        "path": e.path(), "mine": mine, "theirs": theirs,
                        "where": if from_disk { "disk" } else { "tab" },
                    }));
                }
                Ok(Merged::Made | Merged::Already) => {
                    self.origin.insert(e.path().to_string(), Origin::Tab);
                }
                Err(m) => {
                    return Err(ApiError::Refused {
                        message: m,
                        path: Some(e.path().to_string()),
                    });
                }
            }
        }
        let text = doc.to_string();
        if text == self.text {
            return Ok(Ok(report));
        }
        match crate::pdf::write::replace_if_unchanged(&self.path, text.as_bytes(), &self.disk) {
            Ok(()) => {}
            Err(crate::pdf::write::Replaced::Changed(now)) => return Ok(Err(Retry(now))),
            Err(crate::pdf::write::Replaced::Gone) => {
                let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
                return Err(ApiError::Write(crate::pdf::write::failure(
                    &self.path, &gone,
                )));
            }
            Err(crate::pdf::write::Replaced::Failed(e)) => {
                return Err(ApiError::Write(crate::pdf::write::failure(&self.path, &e)));
            }
        }
        self.disk = text.clone().into_bytes();
        self.text = text;
        self.version += 1;
        Ok(Ok(report))
    }

    /// In folder mode: a new evaluation of a municipality (as `kompass new` writes it): its path.
    pub fn create(&self, municipality: &str) -> std::result::Result<PathBuf, ApiError> {
        let Some(folder) = self.folder.clone() else {
            return Err(ApiError::NotFound("not serving a folder"));
        };
        // Only the file name is taken from the municipality's name, and only when it is a plain
        // name: the file goes into the served folder and nowhere else.
        let file = crate::input::skeleton::default_path(municipality);
        let plain = file
            .to_str()
            .is_some_and(crate::files::read::safe_file_name);
        if !plain {
            return Err(ApiError::refused(msg!("new-without-name")));
        }
        let path = folder.join(file);
        crate::input::skeleton::create(&path, municipality).map_err(|e| {
            ApiError::refused(msg!(
                "with-reason",
                what = msg!("serve-not-made"),
                reason = e.to_string()
            ))
        })?;
        Ok(path)
    }

    /// The state the page shows: the data, the findings with their fields, what stops a final
    /// PDF, the totals, the pages; with `full`, the TOML text too.
    pub fn json(&mut self, full: bool, pages: Json) -> Json {
        if !self.has_file {
            return json!({
                "version": self.version, "file": null, "data": null, "framework": null,
                "findings": [], "blocking": [], "totals": null, "pages": pages,
                "folder": self.folder.is_some(), "text": "",
            });
        }
        let dir = self.path.parent().unwrap_or(Path::new("")).to_path_buf();
        let key = self.path.display().to_string();
        let outcome = self.engine.update(
            &key,
            &self.text,
            RegisterSource::Folder(&dir, None),
            Stage::Draft,
        );
        let (findings, totals, blocking) = match &outcome {
            Ok(o) => checked_json(o),
            Err(e) => (
                json!([{"severity": "error", "path": "", "message": e.to_string()}]),
                Json::Null,
                json!([{"severity": "error", "path": "", "message": e.to_string()}]),
            ),
        };
        let data = toml::from_str::<toml::Table>(&self.text)
            .map(|t| to_json(&toml::Value::Table(t)))
            .unwrap_or(Json::Null);
        let mut out = json!({
            "version": self.version,
            "file": self.path.file_name().map(|n| n.to_string_lossy().into_owned()),
            "data": data,
            "framework": framework_json(&self.text),
            "findings": findings,
            "blocking": blocking,
            "totals": totals,
            "pages": pages,
            "folder": self.folder.is_some(),
            "disk_problem": self.disk_problem,
        });
        if full {
            out["text"] = Json::String(self.text.clone());
        }
        out
    }
}

/// The findings, the totals and what stops a final PDF (every error, and a final report's own
/// checks).
fn checked_json(o: &Outcome) -> (Json, Json, Json) {
    let findings = findings_json(o, o.findings());
    let totals = o.renderable().map(totals_json).unwrap_or(Json::Null);
    // What stops a final PDF: every error, and for an evaluation that can be drawn a final
    // report's own checks.
    let errors = |list: &[Diagnostic]| -> Vec<Diagnostic> {
        list.iter().filter(|d| d.is_error()).cloned().collect()
    };
    let blocking = match o.renderable() {
        Some(ev) => findings_json(o, &errors(&pipeline::findings(ev, Stage::Final))),
        None => findings_json(o, &errors(o.findings())),
    };
    (findings, totals, blocking)
}

/// Whether a text read from disk can be the whole of what `old` was: every top-level key still
/// there, and no area fewer. A file cut short while being written fails this.
fn looks_whole(old: &DocumentMut, new: &DocumentMut) -> bool {
    let areas = |d: &DocumentMut| {
        d.get("area")
            .and_then(|a| a.as_array_of_tables())
            .map_or(0, |a| a.len())
    };
    old.iter().all(|(k, _)| new.contains_key(k)) && areas(new) >= areas(old)
}

/// The key paths whose values differ between two texts, as findings write them
/// (`area[4].scores."4.2"`, `report.date`, `area[1].strengths`).
pub fn changed_paths(old: &DocumentMut, new: &DocumentMut) -> Vec<String> {
    let (a, b) = (
        edit::value_at(old.as_item(), &[]).unwrap_or(Json::Null),
        edit::value_at(new.as_item(), &[]).unwrap_or(Json::Null),
    );
    let mut out = Vec::new();
    walk_changes(&a, &b, String::new(), &mut out);
    out
}

fn walk_changes(a: &Json, b: &Json, path: String, out: &mut Vec<String>) {
    if a == b {
        return;
    }
    let key = |k: &str| {
        let bare = !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        let k = if bare {
            k.to_string()
        } else {
            format!("\"{k}\"")
        };
        if path.is_empty() {
            k
        } else {
            format!("{path}.{k}")
        }
    };
    match (a, b) {
        (Json::Object(x), Json::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let none = Json::Null;
                walk_changes(
                    x.get(k).unwrap_or(&none),
                    y.get(k).unwrap_or(&none),
                    key(k),
                    out,
                );
            }
        }
        // Lists of tables element by element when their length is the same.
        (Json::Array(x), Json::Array(y))
            if x.len() == y.len() && x.iter().chain(y).all(Json::is_object) =>
        {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                walk_changes(p, q, format!("{path}[{}]", i + 1), out);
            }
        }
        _ => out.push(path),
    }
}

/// The text of an evaluation file, and its bytes as read.
pub fn read_text(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes =
        crate::files::read::bytes(path, crate::files::read::MAX_EVALUATION_BYTES).map_err(|e| {
            Error::Read(msg!(
                "cannot-read",
                path = path.display().to_string(),
                reason = e.message()
            ))
        })?;
    let text = String::from_utf8(bytes.clone()).map_err(|_| Error::Read(msg!("not-utf8")))?;
    Ok((text, bytes))
}

/// The evaluation files of a folder (see [`crate::files::read::evaluations_in`]); none when it cannot
/// be read.
pub fn evaluations_in(folder: &Path) -> Vec<PathBuf> {
    crate::files::read::evaluations_in(folder).unwrap_or_default()
}

/// Findings as the page places them: severity, key path, text, help, line and column.
fn findings_json(o: &Outcome, list: &[Diagnostic]) -> Json {
    let sources = o.sources();
    Json::Array(
        list.iter()
            .map(|d| {
                let (line, column) = d
                    .span
                    .as_ref()
                    .map_or((0, 0), |s| sources.line_col(d.file, s.start));
                json!({
                    "severity": match d.severity {
                        crate::base::diagnostics::Severity::Error => "error",
                        crate::base::diagnostics::Severity::Warning => "warning",
                        crate::base::diagnostics::Severity::Note => "note",
                    },
                    "kind": d.message.id,
                    "path": d.at.key().map(ToString::to_string).unwrap_or_default(),
                    "message": d.message.text(),
                    "help": d.help.as_ref().map(|h| h.text()),
                    "line": line,
                    "column": column,
                })
            })
            .collect(),
    )
}

/// Each area's score and the total, as kompass adds them; and for each comparison profile
/// computed from the register, how many rows its mean covers now.
fn totals_json(ev: &crate::checks::prepared::Prepared) -> Json {
    let derived = crate::checks::scores::derive(&ev.loaded);
    let resolved = &ev.compared().0;
    let rows = |p: &Option<crate::checks::compare::ResolvedProfile>| {
        p.as_ref()
            .and_then(|p| p.basis.as_ref())
            .map(|b| json!({"count": b.count, "rows": b.rows}))
    };
    json!({
        "areas": derived.areas.iter().map(|a| a.score).collect::<Vec<_>>(),
        "total": derived.total,
        "comparison": {"national": rows(&resolved.national), "peer": rows(&resolved.peer)},
    })
}

/// The framework the evaluation names: its areas and sub-areas with titles and maxima.
fn framework_json(text: &str) -> Json {
    let id = toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| {
            t.get("framework")
                .and_then(|f| f.as_str().map(str::to_string))
        })
        .unwrap_or_else(|| crate::input::load::FRAMEWORKS[0].0.to_string());
    let Some(f) = crate::input::load::parse_framework(&id) else {
        return Json::Null;
    };
    json!({
        "id": id,
        "name": f.name,
        "areas": f.areas.iter().map(|a| {
            let a = a.get_ref();
            json!({
                "id": a.id,
                "title": a.title,
                "max": a.max.get_ref(),
                "subareas": a.subareas.iter().map(|s| {
                    let s = s.get_ref();
                    json!({"id": s.id, "title": s.title, "max": s.max})
                }).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    })
}

/// A TOML value as JSON, dates as `YYYY-MM-DD` text.
fn to_json(v: &toml::Value) -> Json {
    match v {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(a) => Json::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Json::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}
