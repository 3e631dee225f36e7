//! The fact-check in the editor: a returned draft is read into the page, each comment shown at
//! its field with what was done with it, and the answer to the municipality made.
//!
//! - `GET /api/review`: the review file beside the evaluation (`<eval>.granskning.toml`, see
//!   [`crate::review::file`]) as the page shows it, and the page's words for it.
//! - `POST /api/review` `{name, pdf}`: a returned PDF (base64, at most [`MAX_PDF`] bytes). Its
//!   comments are read and placed ([`crate::review::read_comments`]) outside the session's lock,
//!   and those the review file lacks are added to it, as `kompass comments` adds them.
//! - `POST /api/review/state` `{id, state, reply}`: what was done with one comment.
//! - `POST /api/review/reply`: the answer (bemötande) as `<eval>-bemotande.pdf` beside the
//!   evaluation, as `kompass comments --reply` writes it, and its text for the page.
//!
//! The review file is never part of the evaluation, and nothing here writes the evaluation.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;
use serde_json::{Value as Json, json};

use super::api::{self, ApiError};
use super::outputs::Snapshot;
use crate::base::messages::{Message, msg};
use crate::pipeline::{self, Outcome, RegisterSource, Stage};
use crate::review::Note;
use crate::review::file::{self, Entry, State};

/// The largest returned PDF the page may send.
pub const MAX_PDF: usize = 24 * 1024 * 1024;
/// The largest body of `POST /api/review`: the PDF as base64 (a third more) in a little JSON.
pub const MAX_BODY: usize = MAX_PDF / 3 * 4 + 64 * 1024;

/// `POST /api/review`.
#[derive(Debug, Deserialize)]
pub struct Returned {
    /// The file's name, as the page's file input or drop gave it (only shown and recorded).
    pub name: String,
    /// The PDF as base64.
    pub pdf: String,
}

/// `POST /api/review/state`.
#[derive(Debug, Deserialize)]
pub struct SetState {
    pub id: String,
    /// `open`, `done` or `no-change`.
    pub state: String,
    #[serde(default)]
    pub reply: String,
}

/// One review file is read and written at a time (two tabs, two PDFs).
static WRITING: Mutex<()> = Mutex::new(());

/// The evaluation the last returned PDF carried, per evaluation file: the draft the answer
/// compares with (its text) and its version.
static CARRIED: Mutex<Option<HashMap<PathBuf, Carried>>> = Mutex::new(None);

/// The evaluation a draft carries (its text) and the draft's version.
type Carried = (String, Option<i64>);

/// The review state for the page: the file's entries, and the page's words.
pub fn state(snap: &Snapshot) -> Result<Json, ApiError> {
    let entries = read_entries(&snap.path)?;
    Ok(page_json(&snap.path, entries.as_deref().unwrap_or(&[])))
}

/// Read a returned PDF's comments, place them, add the new ones to the review file.
pub fn read(snap: &Snapshot, body: &[u8]) -> Result<Json, ApiError> {
    let returned: Returned = api::body(body)?;
    let pdf = base64(&returned.pdf).ok_or(ApiError::BadRequest("the PDF is not base64"))?;
    if pdf.len() > MAX_PDF {
        return Err(ApiError::refused(msg!(
            "editor-review-too-large",
            mb = MAX_PDF / (1024 * 1024)
        )));
    }
    let name = crate::review::text::one_line(&crate::review::text::clean(&returned.name));
    let review = crate::review::read_comments(&pdf).map_err(|e| {
        ApiError::refused(msg!(
            "with-reason",
            what = name.clone(),
            reason = e.message()
        ))
    })?;
    same_municipality(&snap.text, &review, &name)?;
    if let Some((_, source)) = &review.evaluation {
        let mut kept = CARRIED.lock().unwrap_or_else(|p| p.into_inner());
        kept.get_or_insert_with(HashMap::new)
            .insert(snap.path.clone(), (source.clone(), review.version));
    }
    let _one = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let path = file::path_for(&snap.path);
    let old = read_text(&path)?;
    let (new, added) =
        file::add(old.as_deref(), &review.comments, &name).map_err(|m| cannot_read(&path, &m))?;
    if old.as_deref() != Some(new.as_str()) {
        write(&path, new.as_bytes())?;
    }
    let entries = file::entries(&new).map_err(|m| cannot_read(&path, &m))?;
    let mut out = page_json(&snap.path, &entries);
    let mut said: Vec<String> = review
        .content
        .message()
        .map(|m| m.text())
        .into_iter()
        .collect();
    said.extend(review.notes.iter().map(|n| note(n).text()));
    out["read"] = json!({
        "name": name,
        "count": review.comments.len(),
        "added": added,
        "notes": said,
    });
    Ok(out)
}

/// Set what was done with one comment.
pub fn set_state(snap: &Snapshot, body: &[u8]) -> Result<Json, ApiError> {
    let set: SetState = api::body(body)?;
    let state = match set.state.as_str() {
        "open" => State::Open,
        "done" => State::Done,
        "no-change" => State::NoChange,
        _ => return Err(ApiError::BadRequest("unknown state")),
    };
    let _one = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let path = file::path_for(&snap.path);
    let old = read_text(&path)?.ok_or(ApiError::NotFound("no review file"))?;
    let reply = set.reply.trim();
    let new = file::set_state(&old, &set.id, state, reply)
        .map_err(|m| cannot_read(&path, &m))?
        .ok_or(ApiError::NotFound("no such comment"))?;
    if new != old {
        write(&path, new.as_bytes())?;
    }
    let entries = file::entries(&new).map_err(|m| cannot_read(&path, &m))?;
    Ok(page_json(&snap.path, &entries))
}

/// Write the answer to the municipality beside the evaluation, as `--reply` does; its name
/// and its text (Markdown) for the page.
pub fn reply(snap: &Snapshot) -> Result<Json, ApiError> {
    let entries = read_entries(&snap.path)?.unwrap_or_default();
    if entries.is_empty() {
        return Err(ApiError::refused(msg!("review-nothing-read")));
    }
    let dir = snap.path.parent().unwrap_or(Path::new("")).to_path_buf();
    let key = snap.path.display().to_string();
    let now = pipeline::check_text(
        &key,
        &snap.text,
        RegisterSource::Folder(&dir, None),
        Stage::Draft,
    )
    .ok()
    .filter(|o| o.renderable().is_some())
    .and_then(Outcome::into_evaluation)
    .ok_or_else(|| ApiError::refused(msg!("serve-not-renderable")))?;
    let (before, version) = carried(&snap.path).unzip();
    let before = before.and_then(|text| {
        pipeline::check_text("utkast.toml", &text, RegisterSource::None, Stage::Draft)
            .ok()
            .and_then(Outcome::into_evaluation)
    });
    let answer = crate::review::reply::answer(
        &entries,
        before.as_ref(),
        &now,
        version.flatten(),
        crate::review::reply::today(),
    );
    let pdf = crate::review::reply::pdf(&answer).map_err(|e| ApiError::from_error(&e))?;
    let stem = snap.path.file_stem().map_or_else(
        || "utvardering".into(),
        |s| s.to_string_lossy().into_owned(),
    );
    let target = snap.path.with_file_name(format!("{stem}-bemotande.pdf"));
    write(&target, &pdf)?;
    Ok(json!({
        "written": target.file_name().map(|n| n.to_string_lossy().into_owned()),
        "text": crate::review::reply::markdown(&answer),
        "count": answer.items.len(),
    }))
}

/// The draft the comments were made on: the evaluation the last returned PDF carried, else the
/// one the draft sent for fact-checking carries (the newest kept draft, else the draft beside
/// the evaluation), and its version.
fn carried(evaluation: &Path) -> Option<Carried> {
    let kept = CARRIED.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(c) = kept.as_ref().and_then(|k| k.get(evaluation)) {
        return Some(c.clone());
    }
    drop(kept);
    let draft = super::outputs::newest_kept_draft(evaluation).unwrap_or_else(|| {
        evaluation.with_file_name(crate::pdf::write::default_name(evaluation, Stage::Draft))
    });
    let pdf = crate::files::read::bytes(&draft, crate::files::read::MAX_PDF_BYTES).ok()?;
    let source = crate::pdf::embed::read(&pdf).ok()?.source;
    let version = crate::checks::prepared::load_str("utkast.toml", &source)
        .ok()
        .map(|l| crate::report::Report::build(&l).version().0);
    Some((source, version))
}

/// A returned PDF of another municipality is refused: its comments are not this evaluation's.
fn same_municipality(
    text: &str,
    review: &crate::review::Review,
    pdf: &str,
) -> Result<(), ApiError> {
    let name = |t: &str| {
        let table = t.parse::<toml::Table>().ok()?;
        let m = table.get("municipality")?.get("name")?.as_str()?;
        Some(m.trim().to_string())
    };
    let Some(then) = review.evaluation.as_ref().and_then(|(_, t)| name(t)) else {
        return Ok(());
    };
    match name(text) {
        Some(now) if now != then => Err(ApiError::refused(msg!(
            "comments-other-municipality",
            evaluation = pdf,
            now = now,
            then = then
        ))),
        _ => Ok(()),
    }
}

/// What the page gets: the review file's name, every entry with its kind in words, and the
/// counts. (The page's own words come with the page, as every `editor-…` message does.)
fn page_json(evaluation: &Path, entries: &[Entry]) -> Json {
    let lang = crate::base::messages::lang();
    let comments: Vec<Json> = entries
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(e).unwrap_or_default();
            let kind = crate::base::messages::lookup(lang, &format!("comment-kind-{}", e.kind))
                .unwrap_or_else(|| e.kind.clone());
            v["kind_name"] = json!(kind);
            v
        })
        .collect();
    let counts = file::counts(entries);
    json!({
        "file": file::path_for(evaluation).file_name().map(|n| n.to_string_lossy().into_owned()),
        "comments": comments,
        "counts": {
            "received": counts.received,
            "done": counts.done,
            "no_change": counts.no_change,
            "open": counts.received - counts.done - counts.no_change,
        },
    })
}

fn note(n: &Note) -> Message {
    msg!("comments-note", message = n.message())
}

/// The review file's entries; `None` when there is no file yet.
fn read_entries(evaluation: &Path) -> Result<Option<Vec<Entry>>, ApiError> {
    let path = file::path_for(evaluation);
    match read_text(&path)? {
        None => Ok(None),
        Some(text) => file::entries(&text)
            .map(Some)
            .map_err(|m| cannot_read(&path, &m)),
    }
}

/// The review file's text (bounded, a regular file only); `None` when there is none.
fn read_text(path: &Path) -> Result<Option<String>, ApiError> {
    match crate::files::read::bytes(path, crate::files::read::MAX_EVALUATION_BYTES) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| cannot_read(path, &msg!("not-utf8"))),
        Err(crate::files::read::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(e) => Err(cannot_read(path, &e.message())),
    }
}

fn cannot_read(path: &Path, why: &Message) -> ApiError {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    ApiError::refused(msg!("with-reason", what = name, reason = why.clone()))
}

fn write(target: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    crate::pdf::write::atomic_write(target, bytes)
        .map_err(|e| ApiError::Write(crate::pdf::write::failure(target, &e)))
}

/// Standard base64 (RFC 4648, padding optional, no line breaks); `None` for anything else.
fn base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let bytes = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 3);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        match chunk.len() {
            4 => out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]),
            3 => out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8]),
            2 => out.push((n >> 16) as u8),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_as_browsers_write_it() {
        assert_eq!(base64("").unwrap(), b"");
        assert_eq!(base64("JVBERg==").unwrap(), b"%PDF");
        assert_eq!(base64("JVBERi0").unwrap(), b"%PDF-");
        assert_eq!(base64("JVBERi0x").unwrap(), b"%PDF-1");
        assert!(base64("JVB ERg==").is_none());
        assert!(base64("J").is_none());
    }
}
