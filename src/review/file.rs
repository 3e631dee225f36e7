//! The review file beside the evaluation: what was done with each comment.
//!
//! `leksand-2023.toml` gets `leksand-2023.granskning.toml`. It is never part of the evaluation,
//! since the published PDF carries the evaluation and must not carry the municipality's staff's
//! names and comments. One `[[comment]]` table per comment, keyed by [`super::Comment::id`]:
//!
//! ```toml
//! [[comment]]
//! id = "8f3c…"
//! state = "åtgärdad"          # "öppen", "åtgärdad" or "ingen ändring"
//! reply = "Rättat till 2023." # a short answer, above all for "ingen ändring"
//! page = 12
//! place = "Område 4, Sammanfattande analys, stycke 2"
//! field = "area[4].analysis"
//! …
//! ```
//!
//! `kompass comments` adds the comments it has not seen (as "öppen") and never changes a
//! table that is there: the states and replies are the evaluator's. Several returned PDFs (one
//! per reader) gather in one file. [`set_state`] is what an editor calls to change one.

use std::path::{Path, PathBuf};

use serde::Serialize;
use toml_edit::{DocumentMut, Item, Table, value};

use super::{Comment, Reply};
use crate::base::messages::{Message, msg};

/// What was done with a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Not yet handled.
    Open,
    /// Done: the report was changed.
    Done,
    /// Handled without a change (the reply says why).
    NoChange,
}

impl State {
    /// As the file writes it.
    pub fn word(self) -> &'static str {
        match self {
            State::Open => "öppen",
            State::Done => "åtgärdad",
            State::NoChange => "ingen ändring",
        }
    }

    /// As the file may write it: Swedish or English, any case.
    pub fn parse(word: &str) -> Option<State> {
        match word.trim().to_lowercase().as_str() {
            "öppen" | "oppen" | "open" | "" => Some(State::Open),
            "åtgärdad" | "atgardad" | "done" | "fixed" => Some(State::Done),
            "ingen ändring" | "ingen andring" | "no change" | "no-change" => Some(State::NoChange),
            _ => None,
        }
    }

    pub fn message(self) -> Message {
        match self {
            State::Open => msg!("review-state-open"),
            State::Done => msg!("review-state-done"),
            State::NoChange => msg!("review-state-no-change"),
        }
    }
}

/// One comment's entry in the review file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: String,
    pub state: State,
    pub reply: String,
    /// What the file recorded of the comment when it was added (for a file read alone).
    pub page: Option<i64>,
    pub place: String,
    pub field: String,
    pub paragraph: Option<usize>,
    pub item: Option<usize>,
    pub marked: String,
    pub text: String,
    /// The comment's kind as the file names it (`highlight`, `replacement` …).
    pub kind: String,
    /// Who wrote it and when (`2026-11-20 14:03`), as the PDF said; for the evaluator only.
    pub author: String,
    pub date: String,
    /// The replies in its thread.
    pub replies: Vec<Reply>,
}

pub use crate::report::diff::ReviewCounts as Counts;

/// The counts of some entries.
pub fn counts(entries: &[Entry]) -> Counts {
    let n = |s: State| entries.iter().filter(|e| e.state == s).count();
    Counts {
        received: entries.len(),
        done: n(State::Done),
        no_change: n(State::NoChange),
    }
}

/// The counts of the review file beside an evaluation: `None` without a file, with no comments
/// in it, or when it cannot be read (a draft is still made; it then says nothing of them).
pub fn counts_beside(evaluation: &Path) -> Option<Counts> {
    let bytes = crate::files::read::bytes(
        &path_for(evaluation),
        crate::files::read::MAX_EVALUATION_BYTES,
    )
    .ok()?;
    let entries = entries(std::str::from_utf8(&bytes).ok()?).ok()?;
    (!entries.is_empty()).then(|| counts(&entries))
}

/// The review file beside an evaluation: `<name>.granskning.toml`.
pub fn path_for(evaluation: &Path) -> PathBuf {
    let stem = evaluation.file_stem().map_or_else(
        || "utvardering".into(),
        |s| s.to_string_lossy().into_owned(),
    );
    evaluation.with_file_name(format!("{stem}.granskning.toml"))
}

/// The entries of a review file's text. An entry whose state kompass does not know is an
/// error that names it.
pub fn entries(text: &str) -> Result<Vec<Entry>, Message> {
    let doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| msg!("plain", text = e.to_string()))?;
    let Some(list) = doc.get("comment") else {
        return Ok(Vec::new());
    };
    let Some(tables) = list.as_array_of_tables() else {
        return Err(msg!("review-not-tables"));
    };
    let mut out = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        let s = |key: &str| t.get(key).and_then(Item::as_str).unwrap_or("").to_string();
        let number = |key: &str| {
            t.get(key)
                .and_then(Item::as_integer)
                .and_then(|n| usize::try_from(n).ok())
        };
        let id = s("id");
        if id.is_empty() {
            return Err(msg!("review-no-id", n = i + 1));
        }
        let state_word = s("state");
        let state = State::parse(&state_word).ok_or_else(|| {
            msg!(
                "review-bad-state",
                n = i + 1,
                state = super::text::one_line(&state_word)
            )
        })?;
        out.push(Entry {
            id,
            state,
            reply: s("reply"),
            page: t.get("page").and_then(Item::as_integer),
            place: s("place"),
            field: s("field"),
            paragraph: number("paragraph"),
            item: number("item"),
            marked: s("marked"),
            text: s("text"),
            kind: s("kind"),
            author: s("author"),
            date: s("date"),
            replies: replies_of(t),
        });
    }
    Ok(out)
}

/// The replies a table records: `replies = [{ author = "…", date = "…", text = "…" }]`.
fn replies_of(t: &Table) -> Vec<Reply> {
    let Some(list) = t.get("replies").and_then(Item::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|v| v.as_inline_table())
        .map(|r| {
            let s = |key: &str| {
                r.get(key)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            let date = s("date");
            Reply {
                author: s("author"),
                date: (!date.is_empty()).then_some(date),
                text: s("text"),
            }
        })
        .collect()
}

/// The review file's text with the comments it does not have yet added as "öppen" (the text
/// of a new file when `text` is `None`), and how many were added. Nothing there is changed.
pub fn add(
    text: Option<&str>,
    comments: &[Comment],
    pdf_name: &str,
) -> Result<(String, usize), Message> {
    let mut doc: DocumentMut = text
        .unwrap_or("")
        .parse()
        .map_err(|e: toml_edit::TomlError| msg!("plain", text = e.to_string()))?;
    let known: Vec<String> = entries(&doc.to_string())?
        .into_iter()
        .map(|e| e.id)
        .collect();
    if doc.get("comment").is_none() {
        doc.insert(
            "comment",
            Item::ArrayOfTables(toml_edit::ArrayOfTables::new()),
        );
    }
    let list = doc
        .get_mut("comment")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| msg!("review-not-tables"))?;
    let mut added = 0;
    for c in comments.iter().filter(|c| !known.contains(&c.id)) {
        list.push(table_of(c, pdf_name));
        added += 1;
    }
    let out = match text {
        Some(_) => doc.to_string(),
        None => format!("{HEADER}\n{doc}"),
    };
    Ok((out, added))
}

const HEADER: &str = "# Faktagranskningen: kommunens kommentarer och vad som gjordes med var och en.\n# kompass comments lägger till nya kommentarer; ändra state och reply här (eller i kompass serve).\n# state: \"öppen\", \"åtgärdad\" eller \"ingen ändring\"; reply: ett kort svar till kommunen.\n# Filen publiceras aldrig: den bär kommunens kommentarer och namn, som inte hör hemma i rapporten.\n";

fn table_of(c: &Comment, pdf_name: &str) -> Table {
    let mut t = Table::new();
    t.insert("id", value(c.id.as_str()));
    t.insert("state", value(State::Open.word()));
    t.insert("reply", value(""));
    t.insert("page", value(i64::try_from(c.page).unwrap_or(0)));
    t.insert("place", value(c.place.as_str()));
    if let Some(f) = &c.field {
        t.insert("field", value(f.path.to_string()));
        for (key, n) in [("paragraph", f.paragraph), ("item", f.item)] {
            if let Some(n) = n {
                t.insert(key, value(i64::try_from(n).unwrap_or(0)));
            }
        }
    }
    t.insert(
        "kind",
        value(
            serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default(),
        ),
    );
    t.insert("author", value(c.author.as_str()));
    if let Some(d) = &c.date {
        t.insert("date", value(d.as_str()));
    }
    if !c.marked.is_empty() {
        t.insert("marked", value(c.marked.as_str()));
    }
    t.insert("text", value(c.text.as_str()));
    if !c.replies.is_empty() {
        let mut list = toml_edit::Array::new();
        for r in &c.replies {
            let mut one = toml_edit::InlineTable::new();
            one.insert("author", r.author.as_str().into());
            if let Some(d) = &r.date {
                one.insert("date", d.as_str().into());
            }
            one.insert("text", r.text.as_str().into());
            list.push(one);
        }
        t.insert("replies", value(list));
    }
    t.insert("from", value(pdf_name));
    t
}

/// The review file's text with one comment's state and reply changed (for an editor); the rest
/// of the file, its comments and order stay as they are. `None` when the file has no such id.
pub fn set_state(
    text: &str,
    id: &str,
    state: State,
    reply: &str,
) -> Result<Option<String>, Message> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| msg!("plain", text = e.to_string()))?;
    let Some(list) = doc
        .get_mut("comment")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return Ok(None);
    };
    let Some(t) = list
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
    else {
        return Ok(None);
    };
    t.insert("state", value(state.word()));
    t.insert("reply", value(reply));
    Ok(Some(doc.to_string()))
}

/// A comment's state in the entries (open when it has none).
pub fn state_of<'a>(entries: &'a [Entry], id: &str) -> Option<&'a Entry> {
    entries.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{CommentKind, locate::How};

    fn comment(id: &str) -> Comment {
        Comment {
            id: id.into(),
            page: 3,
            kind: CommentKind::Note,
            author: "Karin".into(),
            date: None,
            marked: String::new(),
            text: "Fel \"år\"\nrad två".into(),
            replies: vec![Reply {
                author: "Per".into(),
                date: Some("2026-11-21 09:12".into()),
                text: "Håller med.".into(),
            }],
            field: None,
            place: "Kapitel 1".into(),
            section: None,
            how: How::Beside,
            rect: None,
            cut: false,
        }
    }

    #[test]
    fn comments_are_added_once_and_states_are_kept() {
        let (text, n) = add(None, &[comment("a"), comment("b")], "x.pdf").unwrap();
        assert_eq!(n, 2);
        let changed = set_state(&text, "b", State::NoChange, "Det stämmer.")
            .unwrap()
            .unwrap();
        let (again, n) = add(Some(&changed), &[comment("b"), comment("c")], "y.pdf").unwrap();
        assert_eq!(n, 1);
        let e = entries(&again).unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(
            (e[1].state, e[1].reply.as_str()),
            (State::NoChange, "Det stämmer.")
        );
        assert_eq!(e[2].state, State::Open);
        assert_eq!(e[0].text, "Fel \"år\"\nrad två");
        assert_eq!((e[0].author.as_str(), e[0].replies.len()), ("Karin", 1));
        assert_eq!(e[0].replies[0].date.as_deref(), Some("2026-11-21 09:12"));
        assert_eq!(
            counts(&e),
            Counts {
                received: 3,
                done: 0,
                no_change: 1
            }
        );
        assert!(again.starts_with("# Faktagranskningen"));
        assert_eq!(set_state(&again, "zz", State::Done, "").unwrap(), None);
        let bad = again.replacen("state = \"öppen\"", "state = \"klar\"", 1);
        assert_eq!(entries(&bad).unwrap_err().id, "review-bad-state");
        assert_eq!(
            path_for(Path::new("a/leksand-2023.toml")),
            Path::new("a/leksand-2023.granskning.toml")
        );
    }
}
