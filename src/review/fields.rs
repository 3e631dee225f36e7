//! What a placement marker names: the field of the evaluation, as a key path
//! (`area[4].analysis`, `area[3].strengths[1]`, `area[4].scores."4.2"`, `report.date`) and in
//! the report's Swedish words ("Område 4, Sammanfattande analys, stycke 2").

use std::collections::HashMap;

use serde::Serialize;

use super::place::KeyPart;
use crate::base::keypath::{KeyPath, Seg};
use crate::checks::prepared::Prepared;
use crate::report::Report;

/// A field of the evaluation file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldRef {
    /// Its key path, as `check` names it: `area[4]` is the fourth `[[area]]` table of the file.
    pub path: KeyPath,
    /// The paragraph of a text field (from 1), when the text has paragraphs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// The item of a list inside that paragraph (from 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
}

/// Where a marker lies: the field (none for a text kompass or the framework writes) and the
/// place in the report's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub field: Option<FieldRef>,
    pub words: String,
}

/// What the markers need to be named: the report and where each area is in the file.
pub struct Names {
    /// Area id → its `[[area]]` table's number in the file (from 1).
    area_index: HashMap<i64, usize>,
    /// Area id → title, and sub-area id → title.
    area_titles: HashMap<i64, String>,
    subarea_titles: HashMap<String, String>,
    /// How many paragraphs of "Utvärderingen" kompass writes before the evaluation's own.
    pub opening: usize,
    /// Whether "Jämförelser" is the evaluation's own text (else the framework's).
    own_comparisons: bool,
    /// The number of `[[revision]]` tables.
    revisions: usize,
}

impl Names {
    pub fn new(checked: &Prepared, report: &Report) -> Self {
        let e = &checked.loaded.evaluation;
        let area_index = e
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| (*a.get_ref().id.get_ref(), i + 1))
            .collect();
        let earlier: Vec<String> = report.history.iter().map(|h| h.year.to_string()).collect();
        let interviews =
            crate::base::phrases::interviews(report.interviews, report.interviews_approximate);
        let opening = crate::base::markup::parse(&crate::base::phrases::evaluation_opening(
            &report.municipality.official_name,
            &report.evaluated,
            report.first_evaluation,
            &earlier,
            &interviews,
        ))
        .len();
        Names {
            area_index,
            area_titles: report
                .areas
                .iter()
                .map(|a| (i64::from(a.id), a.title.clone()))
                .collect(),
            subarea_titles: report
                .areas
                .iter()
                .flat_map(|a| a.subareas.iter().map(|s| (s.id.clone(), s.title.clone())))
                .collect(),
            opening,
            own_comparisons: e.summary.comparisons.is_some(),
            revisions: e.revisions.len(),
        }
    }

    /// The place a marker's key names.
    pub fn place(&self, key: &[KeyPart]) -> Option<Place> {
        let (kind, rest) = key.split_first()?;
        let KeyPart::Str(kind) = kind else {
            return None;
        };
        let ints: Vec<i64> = rest
            .iter()
            .filter_map(|p| match p {
                KeyPart::Int(n) => Some(*n),
                KeyPart::Str(_) => None,
            })
            .collect();
        match kind.as_str() {
            "margin" => None,
            "title" | "date" | "version" | "evaluators" | "framework" | "publisher" => {
                Some(self.cover(kind))
            }
            "revision" => Some(self.revision(&ints)),
            "evaluation" | "comparisons" | "comments" => Some(self.summary(kind, &ints)),
            "totalpoäng" => Some(outside(
                "Kapitel 4, Totalpoäng (summan av alla delområdens poäng)",
            )),
            _ => self.area(kind, rest),
        }
    }

    fn cover(&self, kind: &str) -> Place {
        let (path, words) = match kind {
            "title" => (
                KeyPath::keys(["municipality", "official_name"]),
                "Framsidan, rapportens titel",
            ),
            "date" => (
                KeyPath::keys(["report", "date"]),
                "Framsidan, rapportens datum",
            ),
            "evaluators" => (KeyPath::top("evaluators"), "Framsidan, utvärderarna"),
            "framework" => (KeyPath::top("framework"), "Framsidan, ramverket"),
            "publisher" => (
                KeyPath::keys(["report", "publisher"]),
                "Framsidan, utgivaren",
            ),
            _ if self.revisions == 0 => {
                return outside("Framsidan, versionen (version 1 av rapportens datum)");
            }
            _ => {
                return field(
                    KeyPath::top("revision").nth(self.revisions).at("version"),
                    None,
                    None,
                    "Framsidan, versionen".into(),
                );
            }
        };
        field(path, None, None, words.into())
    }

    fn revision(&self, ints: &[i64]) -> Place {
        let (Some(k), Some(column)) = (
            ints.first().and_then(|k| usize::try_from(*k).ok()),
            ints.get(1),
        ) else {
            return outside("Versionshistorik");
        };
        let (key, what) = match column {
            0 => ("version", "versionsnumret"),
            1 => ("date", "datumet"),
            2 => ("changes", "ändringen"),
            _ => ("by", "vem som gjorde den"),
        };
        field(
            KeyPath::top("revision").nth(k + 1).at(key),
            None,
            None,
            format!("Versionshistorik, version {}, {what}", k + 1),
        )
    }

    fn summary(&self, kind: &str, ints: &[i64]) -> Place {
        let at = ints.first().map_or(0, |i| usize::try_from(*i).unwrap_or(0));
        let item = ints.get(1).map(|j| usize::try_from(*j).unwrap_or(0) + 1);
        match kind {
            "evaluation" if at < self.opening => field(
                KeyPath::top("report"),
                None,
                None,
                "Kapitel 2, Utvärderingen, inledningen (kompass skriver den ur [report]: evaluated, interviews, first_evaluation)".into(),
            ),
            "evaluation" => paragraphs(
                KeyPath::keys(["summary", "evaluation"]),
                "Kapitel 2, Utvärderingen",
                at - self.opening,
                item,
            ),
            "comparisons" if !self.own_comparisons => {
                outside("Kapitel 2, Jämförelser (text från ramverket)")
            }
            "comparisons" => paragraphs(
                KeyPath::keys(["summary", "comparisons"]),
                "Kapitel 2, Jämförelser",
                at,
                item,
            ),
            _ => paragraphs(
                KeyPath::keys(["summary", "comments"]),
                "Kapitel 2, Sammanfattande kommentarer",
                at,
                item,
            ),
        }
    }

    fn area(&self, kind: &str, rest: &[KeyPart]) -> Option<Place> {
        let Some(KeyPart::Int(id)) = rest.first() else {
            return None;
        };
        let ints: Vec<usize> = rest[1..]
            .iter()
            .filter_map(|p| match p {
                KeyPart::Int(n) => usize::try_from(*n).ok(),
                KeyPart::Str(_) => None,
            })
            .collect();
        let table = self
            .area_index
            .get(id)
            .map(|i| KeyPath::top("area").nth(*i));
        let title = self.area_titles.get(id).cloned().unwrap_or_default();
        let in_area = |what: &str| format!("Område {id}, {what}");
        let with_table =
            |at: &dyn Fn(&KeyPath) -> KeyPath, words: String, paragraph, item| match &table {
                Some(t) => field(at(t), paragraph, item, words),
                None => outside(&words),
            };
        let place = match kind {
            "general" => outside(&in_area("Allmänt (text från ramverket)")),
            "subareas" => outside(&in_area("Utvärderade delområden (från ramverket)")),
            "analysis" => {
                let at = ints.first().copied().unwrap_or(0);
                let item = ints.get(1).map(|j| j + 1);
                let words = in_area(&paragraph_words("Sammanfattande analys", at, item));
                with_table(&|t| t.at("analysis"), words, Some(at + 1), item)
            }
            "strengths" | "improvements" => {
                let j = ints.first().copied().unwrap_or(0) + 1;
                let list = if kind == "strengths" {
                    "Styrkor"
                } else {
                    "Förbättringsmöjligheter"
                };
                with_table(
                    &|t| t.at(kind).nth(j),
                    in_area(&format!("{list}, punkt {j}")),
                    None,
                    None,
                )
            }
            "score" => with_table(
                &|t| t.at("scores"),
                in_area("Poäng (summan av delområdenas poäng)"),
                None,
                None,
            ),
            "areascore" => with_table(
                &|t| t.at("scores"),
                format!("Kapitel 4, Område {id} {title} (summan av delområdenas poäng)"),
                None,
                None,
            ),
            "subscore" => {
                let Some(KeyPart::Str(sub)) = rest.get(1) else {
                    return None;
                };
                let sub_title = self.subarea_titles.get(sub).cloned().unwrap_or_default();
                with_table(
                    &|t| t.at("scores").at(sub.as_str()),
                    format!("Kapitel 4, Område {id}, poängen för {sub} {sub_title}"),
                    None,
                    None,
                )
            }
            _ => return None,
        };
        Some(place)
    }
}

fn field(path: KeyPath, paragraph: Option<usize>, item: Option<usize>, words: String) -> Place {
    Place {
        field: Some(FieldRef {
            path,
            paragraph,
            item,
        }),
        words,
    }
}

/// A place on no field: a text kompass or the framework writes.
pub fn outside(words: &str) -> Place {
    Place {
        field: None,
        words: words.to_string(),
    }
}

/// A paragraph of a text field: its number from 1 and the list item in it.
fn paragraphs(path: KeyPath, section: &str, at: usize, item: Option<usize>) -> Place {
    field(
        path,
        Some(at + 1),
        item,
        format!("{section}, {}", paragraph_words_lower(at, item)),
    )
}

fn paragraph_words(section: &str, at: usize, item: Option<usize>) -> String {
    format!("{section}, {}", paragraph_words_lower(at, item))
}

fn paragraph_words_lower(at: usize, item: Option<usize>) -> String {
    match item {
        Some(j) => format!("stycke {}, punkt {j}", at + 1),
        None => format!("stycke {}", at + 1),
    }
}

/// Every text field of an evaluation as the report prints it, paragraph by paragraph and item
/// by item, with its place: what a comment can quote, and what `--reply` compares.
pub fn texts(checked: &Prepared) -> Vec<(Place, String)> {
    use crate::base::markup::{Block, parse, plain};
    let report = Report::build(checked);
    let names = Names::new(checked, &report);
    let mut out = Vec::new();
    let s = |t: &str| KeyPart::Str(t.to_string());
    let i = |n: usize| KeyPart::Int(n as i64);
    let mut blocks = |key: Vec<KeyPart>, offset: usize, src: &str| {
        for (at, b) in parse(src).iter().enumerate() {
            let mut push = |key: Vec<KeyPart>, text: String| {
                if let Some(place) = names.place(&key) {
                    out.push((place, text));
                }
            };
            match b {
                Block::Par { c } => push([key.clone(), vec![i(offset + at)]].concat(), plain(c)),
                Block::List { items, .. } => {
                    for (j, item) in items.iter().enumerate() {
                        let text = item
                            .iter()
                            .map(|b| match b {
                                Block::Par { c } => plain(c),
                                Block::List { .. } => String::new(),
                            })
                            .collect::<Vec<_>>()
                            .join("\n");
                        push([key.clone(), vec![i(offset + at), i(j)]].concat(), text);
                    }
                }
            }
        }
    };
    blocks(
        vec![s("evaluation")],
        names.opening,
        &report.summary_evaluation,
    );
    blocks(vec![s("comparisons")], 0, &report.comparisons);
    blocks(vec![s("comments")], 0, &report.comments);
    for a in &report.areas {
        blocks(
            vec![s("analysis"), KeyPart::Int(i64::from(a.id))],
            0,
            &a.analysis,
        );
    }
    for a in &report.areas {
        let id = KeyPart::Int(i64::from(a.id));
        for (kind, list) in [
            ("strengths", &a.strengths),
            ("improvements", &a.improvements),
        ] {
            for (j, bullet) in list.iter().enumerate() {
                let key = vec![s(kind), id.clone(), i(j)];
                if let Some(place) = names.place(&key) {
                    out.push((place, plain(&crate::base::markup::parse_inline(bullet))));
                }
            }
        }
    }
    out
}

/// The text of a field (a paragraph, an item, a bullet) in an evaluation.
pub fn text_of(checked: &Prepared, field: &FieldRef) -> Option<String> {
    texts(checked)
        .into_iter()
        .find(|(p, _)| p.field.as_ref() == Some(field))
        .map(|(_, t)| t)
}

/// Where the layout could not be had: a comment that quotes the report ("…" or ”…”, at least
/// three words) is put on the one field whose text holds those words. The same words in two
/// fields place it nowhere: this is the fallback, not the method.
pub fn quoted(comments: &mut [super::Comment], checked: &Prepared) {
    let texts: Vec<(Place, String)> = texts(checked)
        .into_iter()
        .map(|(p, t)| (p, super::text::one_line(&t)))
        .collect();
    for c in comments.iter_mut().filter(|c| c.field.is_none()) {
        for quote in quotes(&c.text) {
            let hits: Vec<&(Place, String)> =
                texts.iter().filter(|(_, t)| t.contains(&quote)).collect();
            if let [(place, _)] = hits.as_slice() {
                c.field = place.field.clone();
                c.place = place.words.clone();
                c.marked = quote;
                c.how = super::locate::How::Quoted;
                break;
            }
        }
    }
}

/// The quotations in a comment: text between straight or typographic quotes, of three words or
/// more, on one line.
fn quotes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let line = super::text::one_line(text);
    let mut rest = line.as_str();
    while let Some(open) = rest.find(['"', '”', '“', '«', '»']) {
        let after = &rest[open..];
        let first = after.chars().next().map_or(1, char::len_utf8);
        let body = &after[first..];
        let Some(close) = body.find(['"', '”', '“', '«', '»']) else {
            break;
        };
        let quote = body[..close].trim();
        if quote.split_whitespace().count() >= 3 {
            out.push(quote.to_string());
        }
        let closing = body[close..].chars().next().map_or(1, char::len_utf8);
        rest = &body[close + closing..];
    }
    out
}

/// The value of a field in an evaluation as the report prints it: a paragraph's or a bullet's
/// text, a score ("12 av 20"), a date, a name. `None` when the evaluation has no such field.
pub fn value_of(checked: &Prepared, field: &FieldRef) -> Option<String> {
    if let Some(text) = text_of(checked, field) {
        return Some(text);
    }
    let report = Report::build(checked);
    let path = &field.path;
    let cover = [
        (KeyPath::keys(["report", "date"]), report.date.iso()),
        (
            KeyPath::keys(["report", "publisher"]),
            report.publisher.clone(),
        ),
        (
            KeyPath::keys(["municipality", "official_name"]),
            report.municipality.official_name.clone(),
        ),
        (
            KeyPath::top("evaluators"),
            crate::pdf::typeset::evaluators_line(&report.evaluators),
        ),
        (KeyPath::top("framework"), report.framework_name.clone()),
    ];
    if let Some((_, value)) = cover.into_iter().find(|(p, _)| p == path) {
        return Some(value);
    }
    match path.segs() {
        [Seg::Key(t), Seg::Index(k), Seg::Key(key)] if t == "revision" => {
            let r = report.revisions.get(k.checked_sub(1)?)?;
            Some(match key.as_str() {
                "version" => r.version.to_string(),
                "date" => r.date.iso(),
                "by" => r.by.clone(),
                _ => r.changes.clone(),
            })
        }
        [Seg::Key(t), Seg::Index(k), Seg::Key(scores), rest @ ..]
            if t == "area" && scores == "scores" =>
        {
            let id = *checked
                .loaded
                .evaluation
                .areas
                .get(k.checked_sub(1)?)?
                .get_ref()
                .id
                .get_ref();
            let area = report.areas.iter().find(|a| i64::from(a.id) == id)?;
            match rest {
                [] => Some(format!("{} av {} poäng", area.score, area.max)),
                [Seg::Key(sub)] => {
                    let s = area.subareas.iter().find(|s| &s.id == sub)?;
                    Some(format!("{} av {} poäng", s.score, s.max))
                }
                _ => None,
            }
        }
        _ => None,
    }
}
