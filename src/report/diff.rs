//! What changed between two versions of an evaluation, in the evaluator's terms: every score
//! change with its effect on the area score and the total, strengths and improvements added,
//! removed or changed, paragraphs changed word by word, and changed facts. Both sides are
//! [`Report`] models, so every number is the derived one.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, DiffOp, TextDiff};

use crate::base::format::number;
use crate::report::Report;

/// One piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Piece {
    /// "equal", "delete" or "insert"
    pub op: &'static str,
    pub text: String,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Where, in the report's Swedish terms: "Poäng", "Område 4 Effektivitet – Styrkor".
    pub section: String,
    /// "score", "added", "removed", "changed"
    pub kind: &'static str,
    /// What, e.g. "4.2 Långsiktig planering", "Datum", "stycke 3".
    pub label: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// For a score: its effect, "område 4: 48 → 50, totalt 412 → 414".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<String>,
    /// For changed text: the words, old and new.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Piece>,
}

impl Change {
    fn new(section: &str, kind: &'static str, label: impl Into<String>) -> Self {
        Change {
            section: section.to_string(),
            kind,
            label: label.into(),
            old: None,
            new: None,
            effect: None,
            words: Vec::new(),
        }
    }
}

/// Every change from `old` to `new`, in report order.
pub fn compare(old: &Report, new: &Report) -> Vec<Change> {
    let mut out = Vec::new();
    facts(old, new, &mut out);
    profiles(old, new, &mut out);
    revisions(old, new, &mut out);
    scores(old, new, &mut out);
    paragraphs(
        "Utvärderingen",
        &old.summary_evaluation,
        &new.summary_evaluation,
        &mut out,
    );
    paragraphs("Jämförelser", &old.comparisons, &new.comparisons, &mut out);
    paragraphs(
        "Sammanfattande kommentarer",
        &old.comments,
        &new.comments,
        &mut out,
    );
    for (a, b) in old.areas.iter().zip(&new.areas) {
        let area = format!("Område {} {}", b.id, b.title);
        paragraphs(
            &format!("{area} – Sammanfattande analys"),
            &a.analysis,
            &b.analysis,
            &mut out,
        );
        items(
            &format!("{area} – Styrkor"),
            &a.strengths,
            &b.strengths,
            &mut out,
        );
        items(
            &format!("{area} – Förbättringsmöjligheter"),
            &a.improvements,
            &b.improvements,
            &mut out,
        );
    }
    out
}

fn fact(out: &mut Vec<Change>, label: &str, old: String, new: String) {
    if old != new {
        let mut c = Change::new("Uppgifter", "changed", label);
        c.old = Some(old);
        c.new = Some(new);
        out.push(c);
    }
}

fn facts(a: &Report, b: &Report, out: &mut Vec<Change>) {
    let yes_no = |x: bool| if x { "ja" } else { "nej" }.to_string();
    let evaluators = |r: &Report| {
        r.evaluators
            .iter()
            .map(|e| format!("{} ({})", e.name, e.organisation))
            .collect::<Vec<_>>()
            .join(", ")
    };
    fact(
        out,
        "Ramverk",
        a.framework_name.clone(),
        b.framework_name.clone(),
    );
    fact(
        out,
        "Kommun",
        a.municipality.name.clone(),
        b.municipality.name.clone(),
    );
    fact(
        out,
        "Officiellt namn",
        a.municipality.official_name.clone(),
        b.municipality.official_name.clone(),
    );
    fact(
        out,
        "Namnform (genitiv)",
        a.municipality.genitive.clone(),
        b.municipality.genitive.clone(),
    );
    fact(
        out,
        "Invånare",
        crate::base::format::int(a.municipality.population),
        crate::base::format::int(b.municipality.population),
    );
    fact(out, "Datum", a.date.iso(), b.date.iso());
    fact(
        out,
        "Utvärderingen gjordes",
        a.evaluated.clone(),
        b.evaluated.clone(),
    );
    fact(
        out,
        "Första utvärderingen",
        yes_no(a.first_evaluation),
        yes_no(b.first_evaluation),
    );
    fact(
        out,
        "Intervjuer",
        crate::base::phrases::interviews_short(a.interviews, a.interviews_approximate),
        crate::base::phrases::interviews_short(b.interviews, b.interviews_approximate),
    );
    fact(out, "Utgivare", a.publisher.clone(), b.publisher.clone());
    let meeting = |r: &Report| r.meeting.map_or(String::new(), |d| d.iso());
    fact(out, "Återkoppling", meeting(a), meeting(b));
    fact(out, "Utvärderare", evaluators(a), evaluators(b));
}

/// New versions are expected: each new revision is listed once, as it reads in the report's
/// version history ("version 3: 2026-12-04 – Faktagranskade uppgifter rättade").
fn revisions(a: &Report, b: &Report, out: &mut Vec<Change>) {
    let line = |v: &crate::report::Revision| {
        let by = if v.by.trim().is_empty() {
            String::new()
        } else {
            format!(" ({})", v.by.trim())
        };
        format!("{} – {}{by}", v.date.iso(), v.changes.trim())
    };
    for v in &b.revisions {
        let label = format!("version {}", v.version);
        match a.revisions.iter().find(|o| o.version == v.version) {
            None => {
                let mut c = Change::new("Versionshistorik", "added", label);
                c.new = Some(line(v));
                out.push(c);
            }
            Some(o) if line(o) != line(v) => {
                let mut c = Change::new("Versionshistorik", "changed", label);
                c.old = Some(line(o));
                c.new = Some(line(v));
                c.words = words(&line(o), &line(v));
                out.push(c);
            }
            Some(_) => {}
        }
    }
    for o in a
        .revisions
        .iter()
        .filter(|o| !b.revisions.iter().any(|v| v.version == o.version))
    {
        let mut c = Change::new(
            "Versionshistorik",
            "removed",
            format!("version {}", o.version),
        );
        c.old = Some(line(o));
        out.push(c);
    }
}

/// Each changed sub-score with its own effect ("+2 poäng"), then each changed area's score and
/// the total once.
fn scores(a: &Report, b: &Report, out: &mut Vec<Change>) {
    for (x, y) in a.areas.iter().zip(&b.areas) {
        for (s, t) in x.subareas.iter().zip(&y.subareas) {
            if s.score != t.score {
                let mut c = Change::new("Poäng", "score", format!("{} {}", t.id, t.title));
                c.old = Some(s.score.to_string());
                c.new = Some(t.score.to_string());
                let delta = t.score - s.score;
                let sign = if delta > 0 { "+" } else { "\u{2212}" };
                c.effect = Some(format!("{sign}{} poäng", delta.abs()));
                out.push(c);
            }
        }
    }
    for (x, y) in a.areas.iter().zip(&b.areas) {
        if x.score != y.score {
            let mut c = Change::new("Poäng", "changed", format!("Område {} {}", y.id, y.title));
            c.old = Some(x.score.to_string());
            c.new = Some(y.score.to_string());
            out.push(c);
        }
    }
    if a.total != b.total {
        let mut c = Change::new("Poäng", "changed", "Totalpoäng");
        c.old = Some(a.total.to_string());
        c.new = Some(b.total.to_string());
        out.push(c);
    }
}

/// A text as paragraphs: blocks separated by blank lines, each on one line.
fn split_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn words(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::from_words(old, new);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match pieces.last_mut() {
            Some(p) if p.op == op => p.text.push_str(change.value()),
            _ => pieces.push(Piece {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    pieces
}

/// Lists compared item by item: added, removed, and changed (a removed item replaced in place).
fn sequence(section: &str, what: &str, old: &[String], new: &[String], out: &mut Vec<Change>) {
    let removed = |out: &mut Vec<Change>, i: usize| {
        let mut c = Change::new(section, "removed", format!("{what} {}", i + 1));
        c.old = Some(old[i].clone());
        out.push(c);
    };
    let added = |out: &mut Vec<Change>, i: usize| {
        let mut c = Change::new(section, "added", format!("{what} {}", i + 1));
        c.new = Some(new[i].clone());
        out.push(c);
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index..old_index + old_len).for_each(|i| removed(out, i)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (new_index..new_index + new_len).for_each(|i| added(out, i)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let pairs = old_len.min(new_len);
                for k in 0..pairs {
                    let (o, n) = (&old[old_index + k], &new[new_index + k]);
                    let mut c =
                        Change::new(section, "changed", format!("{what} {}", new_index + k + 1));
                    c.old = Some(o.clone());
                    c.new = Some(n.clone());
                    c.words = words(o, n);
                    out.push(c);
                }
                (old_index + pairs..old_index + old_len).for_each(|i| removed(out, i));
                (new_index + pairs..new_index + new_len).for_each(|i| added(out, i));
            }
        }
    }
}

fn paragraphs(section: &str, old: &str, new: &str, out: &mut Vec<Change>) {
    sequence(
        section,
        "stycke",
        &split_paragraphs(old),
        &split_paragraphs(new),
        out,
    );
}

fn items(section: &str, old: &[String], new: &[String], out: &mut Vec<Change>) {
    let clean = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    sequence(section, "punkt", &clean(old), &clean(new), out);
}

fn profiles(a: &Report, b: &Report, out: &mut Vec<Change>) {
    let show = |p: &Option<crate::report::ResolvedProfile>| {
        p.as_ref().map_or("–".to_string(), |p| {
            format!(
                "{}: {}",
                p.label,
                p.values
                    .iter()
                    .map(|v| number(*v, 1))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        })
    };
    fact(
        out,
        "Jämförelse (riket)",
        show(&a.national),
        show(&b.national),
    );
    fact(out, "Jämförelsegrupp", show(&a.peer), show(&b.peer));
    let history = |r: &Report| {
        r.history
            .iter()
            .map(|h| {
                format!(
                    "{}: {}",
                    h.year,
                    h.values
                        .iter()
                        .map(|v| number(*v, 1))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    fact(out, "Tidigare utvärderingar", history(a), history(b));
}

/// Unchanged words around a change, shortened to a few on each side.
fn context(text: &str, first: bool, last: bool) -> String {
    const KEEP: usize = 6;
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() <= 2 * KEEP + 1 {
        return text.to_string();
    }
    let head = words[..KEEP].join(" ");
    let tail = words[words.len() - KEEP..].join(" ");
    match (first, last) {
        (true, true) => text.to_string(),
        (true, false) => format!("… {tail}"),
        (false, true) => format!("{head} …"),
        (false, false) => format!("{head} … {tail}"),
    }
}

/// The changes as text for a terminal: one heading per section, `+` added, `-` removed, `~`
/// changed with `[-old-]{+new+}` words.
pub fn to_text(changes: &[Change]) -> String {
    let mut out = String::new();
    let mut section = "";
    for c in changes {
        if c.section != section {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&c.section);
            out.push('\n');
            section = &c.section;
        }
        let old = c.old.as_deref().unwrap_or("");
        let new = c.new.as_deref().unwrap_or("");
        let line = match c.kind {
            "score" => format!(
                "  {}: {old} → {new} ({})",
                c.label,
                c.effect.as_deref().unwrap_or("")
            ),
            "added" => format!("  + {}: {new}", c.label),
            "removed" => format!("  - {}: {old}", c.label),
            _ if !c.words.is_empty() => {
                let last = c.words.len().saturating_sub(1);
                let text: String = c
                    .words
                    .iter()
                    .enumerate()
                    .map(|(i, p)| match p.op {
                        "delete" => format!("[-{}-]", p.text),
                        "insert" => format!("{{+{}+}}", p.text),
                        _ => context(&p.text, i == 0, i == last),
                    })
                    .collect();
                format!("  ~ {}: {text}", c.label)
            }
            _ => format!("  {}: {old} → {new}", c.label),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}
/// How many comments the fact-check of a version gave, and how many are handled: what a later
/// draft's page of changes says (kept in the review file beside the evaluation). No names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCounts {
    pub received: usize,
    pub done: usize,
    pub no_change: usize,
}

impl ReviewCounts {
    /// What a later draft's page of changes says of them: "Faktagranskningen av version 1 gav
    /// sex kommentarer: 4 åtgärdade, 1 utan ändring och 1 ännu inte behandlad."
    pub fn sentence(&self, version: i64) -> String {
        let open = self.received.saturating_sub(self.done + self.no_change);
        let one = |n: usize, singular: &str, plural: &str| {
            format!("{n} {}", if n == 1 { singular } else { plural })
        };
        let mut parts = vec![
            one(self.done, "åtgärdad", "åtgärdade"),
            format!("{} utan ändring", self.no_change),
        ];
        if open > 0 {
            parts.push(one(open, "ännu inte behandlad", "ännu inte behandlade"));
        }
        let last = parts.pop().unwrap_or_default();
        format!(
            "Faktagranskningen av version {version} gav {}: {} och {last}.",
            one(self.received, "kommentar", "kommentarer"),
            parts.join(", ")
        )
    }
}
