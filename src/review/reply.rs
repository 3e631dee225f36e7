//! The answer to the municipality (bemötande): each comment with the words it marked, what was
//! done, and the changed text ("Ändrat till …"), from the review file. As PDF (typeset by Typst
//! with the report's fonts and colours) or as Markdown. It names no persons.

use serde::Serialize;
use serde_json::json;

use super::fields::{self, FieldRef};
use super::file::{Entry, State};
use crate::base::keypath::KeyPath;
use crate::checks::prepared::Prepared;

/// One comment in the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub n: usize,
    pub page: Option<i64>,
    pub place: String,
    pub marked: String,
    /// What the municipality wrote.
    pub said: String,
    pub state: State,
    /// "Åtgärdad", "Ingen ändring" or "Ännu inte behandlad", and the evaluator's reply.
    pub done: String,
    pub reply: String,
    /// The field's text now, when it differs from the text in the draft.
    pub changed_to: Option<String>,
}

/// The whole answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub title: String,
    /// "Kommunkompassen – Analys av Leksands kommun"
    pub report: String,
    /// "Svar på synpunkterna på utkast version 1 (2023-11-23), 2026-12-01"
    pub line: String,
    /// "12 synpunkter: 9 åtgärdade, 2 utan ändring, 1 ännu inte behandlad."
    pub summary: String,
    pub items: Vec<Item>,
    /// The date of the answer (year, month, day).
    #[serde(skip)]
    pub date: (i32, u8, u8),
}

/// The answer from the review file's entries, comparing each field's text in the draft's
/// evaluation (`before`) with the evaluation now.
pub fn answer(
    entries: &[Entry],
    before: Option<&Prepared>,
    now: &Prepared,
    version: Option<i64>,
    date: (i32, u8, u8),
) -> Answer {
    let report = crate::report::Report::build(now);
    let (v, v_date) = report.version();
    let draft = version.unwrap_or(v);
    let today = crate::base::format::iso_date(date.0, date.1, date.2);
    let items: Vec<Item> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| item(i + 1, e, before, now))
        .collect();
    let count = |s: State| items.iter().filter(|i| i.state == s).count();
    Answer {
        title: "Bemötande av faktagranskningen".into(),
        report: format!(
            "Kommunkompassen – Analys av {}",
            report.municipality.official_name
        ),
        line: format!(
            "Svar på synpunkterna på utkast version {draft}{}, {today}",
            if version.is_none() || version == Some(v) {
                format!(" ({})", v_date.iso())
            } else {
                String::new()
            }
        ),
        summary: summary(
            items.len(),
            count(State::Done),
            count(State::NoChange),
            count(State::Open),
        ),
        items,
        date,
    }
}

fn item(n: usize, e: &Entry, before: Option<&Prepared>, now: &Prepared) -> Item {
    // A field the review file names in words kompass does not write is no field.
    let field = e
        .field
        .parse()
        .ok()
        .filter(|p: &KeyPath| !p.is_empty())
        .map(|path| FieldRef {
            path,
            paragraph: e.paragraph,
            item: e.item,
        });
    let changed_to = field.as_ref().and_then(|f| {
        let then = before.and_then(|b| fields::value_of(b, f));
        let now = fields::value_of(now, f);
        match (then, now) {
            (Some(a), Some(b)) if a != b => Some(b),
            (None, Some(b)) if before.is_some() => Some(b),
            _ => None,
        }
    });
    let done = match e.state {
        State::Done => "Åtgärdad",
        State::NoChange => "Ingen ändring",
        State::Open => "Ännu inte behandlad",
    };
    Item {
        n,
        page: e.page,
        place: e.place.clone(),
        marked: e.marked.clone(),
        said: match e.kind.as_str() {
            "replacement" if !e.text.is_empty() => format!("Ersätt med ”{}”.", e.text),
            "insertion" if !e.text.is_empty() => format!("Infoga ”{}”.", e.text),
            _ => e.text.clone(),
        },
        state: e.state,
        done: done.into(),
        reply: e.reply.clone(),
        changed_to: changed_to.filter(|_| e.state != State::NoChange),
    }
}

/// "12 synpunkter: 9 åtgärdade, 2 utan ändring, 1 ännu inte behandlad."
pub fn summary(total: usize, done: usize, no_change: usize, open: usize) -> String {
    if total == 0 {
        return "Inga synpunkter.".into();
    }
    let n = |k: usize, one: &str, many: &str| {
        format!(
            "{} {}",
            crate::base::phrases::number(k, crate::base::phrases::Gender::Common),
            if k == 1 { one } else { many }
        )
    };
    let mut parts = Vec::new();
    if done > 0 {
        parts.push(format!(
            "{done} {}",
            if done == 1 {
                "åtgärdad"
            } else {
                "åtgärdade"
            }
        ));
    }
    if no_change > 0 {
        parts.push(format!("{no_change} utan ändring"));
    }
    if open > 0 {
        parts.push(format!(
            "{open} ännu inte {}",
            if open == 1 { "behandlad" } else { "behandlade" }
        ));
    }
    let head = crate::base::phrases::capitalised(&n(total, "synpunkt", "synpunkter"));
    format!("{head}: {}.", crate::base::format::join_och(&parts))
}

/// The answer as Markdown.
pub fn markdown(a: &Answer) -> String {
    let mut out = format!(
        "# {}\n\n{}  \n{}\n\n{}\n",
        a.title, a.report, a.line, a.summary
    );
    for it in &a.items {
        let page = it.page.map_or(String::new(), |p| format!("Sidan {p} – "));
        out.push_str(&format!("\n## {}. {page}{}\n\n", it.n, it.place));
        if !it.marked.is_empty() {
            out.push_str(&format!("- Markerat: ”{}”\n", it.marked));
        }
        if !it.said.is_empty() {
            out.push_str(&format!("- Synpunkt: {}\n", it.said.replace('\n', " ")));
        }
        let reply = if it.reply.is_empty() {
            String::new()
        } else {
            format!(": {}", it.reply)
        };
        out.push_str(&format!("- {}{reply}\n", it.done));
        if let Some(to) = &it.changed_to {
            out.push_str(&format!("- Ändrat till: ”{}”\n", to.replace('\n', " ")));
        }
    }
    out
}

/// The template of the answer as PDF: the report's fonts and colours, every text from the data.
const TEMPLATE: &str = include_str!("reply.typ");

/// The answer as PDF (PDF/A-3a and PDF/UA-1, like the report). A character the report's
/// fonts cannot print (an emoji in a comment) is printed as "?".
pub fn pdf(a: &Answer) -> crate::base::error::Result<Vec<u8>> {
    let mut value = json!(a);
    printable(&mut value);
    let data = crate::pdf::typeset::to_json(&value);
    let (y, m, d) = a.date;
    let bundle = crate::pdf::typeset::Bundle {
        main: "/reply.typ",
        files: vec![
            ("/reply.typ".into(), TEMPLATE.as_bytes().to_vec()),
            ("/data/reply.json".into(), data),
        ],
        title: a.title.clone(),
        date: (y, m, d),
        ident: format!(
            "kompass/bemotande/{}",
            crate::base::format::iso_date(y, m, d)
        ),
        attached: Vec::new(),
    };
    let standards =
        crate::pdf::standards::parse_standards(crate::pdf::standards::DEFAULT_STANDARDS)?;
    crate::pdf::world::typeset(&bundle, crate::pdf::standards::standards(&standards)?)
}

/// Every string of the answer in characters the embedded fonts have.
fn printable(value: &mut serde_json::Value) {
    let fits = |c: char| c.is_whitespace() || crate::checks::glyphs::printable(c);
    match value {
        serde_json::Value::String(s) if !s.chars().all(fits) => {
            *s = s.chars().map(|c| if fits(c) { c } else { '?' }).collect();
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(printable),
        serde_json::Value::Object(map) => map.values_mut().for_each(printable),
        _ => {}
    }
}

/// Today's date, in the machine's UTC.
pub fn today() -> (i32, u8, u8) {
    let iso = crate::input::skeleton::today_iso();
    let part = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<u32>().ok());
    match (part(0..4), part(5..7), part(8..10)) {
        (Some(y), Some(m), Some(d)) => (y as i32, m as u8, d as u8),
        _ => (2026, 1, 1),
    }
}
