//! What Typst gets for a report: the embedded templates, and the report's data and charts as
//! virtual files (one JSON file per area, one SVG per chart), which the templates read with
//! `json()` and `image()`, so no text from the evaluation is ever parsed as Typst code. The
//! Typst world that compiles them is `world`; the standards, `standards`; the project written
//! out for plain Typst, `project`.

use serde::Serialize;
use serde_json::json;

use crate::base::format::{int, iso_date, join_och, long_date};
use crate::base::markup;
use crate::report::charts::Chart;
use crate::report::{Date, Evaluator, Report};

/// The templates, embedded from `report-templates/`.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "/report.typ",
        include_str!("../../report-templates/report.typ"),
    ),
    (
        "/style.typ",
        include_str!("../../report-templates/style.typ"),
    ),
    (
        "/slides.typ",
        include_str!("../../report-templates/slides.typ"),
    ),
    (
        "/markup.typ",
        include_str!("../../report-templates/markup.typ"),
    ),
    // Placement markers for `kompass comments`: the identity in every render (src/review/).
    (
        "/place.typ",
        include_str!("../../report-templates/place.typ"),
    ),
];

/// Everything Typst gets: virtual path → bytes.
pub struct Bundle {
    /// The template to compile: `/report.typ` or `/slides.typ`.
    pub main: &'static str,
    pub files: Vec<(String, Vec<u8>)>,
    pub title: String,
    pub date: (i32, u8, u8),
    pub ident: String,
    /// The names of the files attached to the PDF (their `/F` is made ASCII afterwards).
    pub attached: Vec<String>,
}

/// How a report is rendered, beyond its data.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A draft for fact-checking: "UTKAST" across every page, the version in the header, and
    /// "(utkast)" after the title.
    pub draft: bool,
    /// Files attached to the PDF (PDF/A-3 associated files).
    pub attach: Option<Attached>,
    /// A draft's closing page "Ändringar sedan version N": that version and the changes.
    pub changes: Option<ChangesPage>,
}

/// What a draft's page of changes lists.
#[derive(Debug, Clone)]
pub struct ChangesPage {
    /// The earlier version's number and date.
    pub version: i64,
    pub date: String,
    pub changes: Vec<crate::report::diff::Change>,
    /// The earlier evaluation, attached beside the current one: (name, text without comments).
    pub previous: Option<(String, String)>,
    /// What the earlier evaluation's register gave, kept in the PDF for `verify`.
    pub previous_register: Option<crate::checks::compare::Frozen>,
    /// How many comments the fact-check of that version gave, and how many are handled (from
    /// the review file beside the evaluation); none without one.
    pub review: Option<crate::report::diff::ReviewCounts>,
}

/// The evaluation a PDF is made from, and the record of how it was made.
#[derive(Debug, Clone)]
pub struct Attached {
    /// `leksand-2023-11-23.toml`
    pub name: String,
    /// The evaluation without comments.
    pub source: String,
    /// [`crate::pdf::embed::Provenance`] as JSON.
    pub provenance: String,
}

/// Build the virtual files of one report.
pub fn bundle(r: &Report, charts: &[Chart], options: &Options) -> Bundle {
    let Date {
        year: y,
        month: m,
        day: dd,
    } = r.date;
    // Two name forms: the organisation ("Öckerö kommun") and the place's genitive ("Öckerös").
    let official = &r.municipality.official_name;
    let mut title = format!("Kommunkompassen – Analys av {official}");
    if options.draft {
        title.push_str(" (utkast)");
    }
    let chart_json: Vec<serde_json::Value> = charts
        .iter()
        .map(|c| json!({"file": format!("/charts/{}.svg", c.id), "chart": c}))
        .collect();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let area_files = area_files(r, &mut files);
    let mut report = json!({
        "meta": meta(r, options, &title),
        "attach": options.attach.as_ref().map(|a| json!({
            "source": a.name,
            "provenance": crate::pdf::embed::PROVENANCE_NAME,
            "previous": options.changes.as_ref().and_then(|c| c.previous.as_ref()).map(|p| &p.0),
        })),
        "changes": options.changes.as_ref().map(changes_json),
        "areas_intro": crate::base::phrases::areas_intro(r.areas.len()),
        "area_titles": r.areas.iter().map(|a| json!({"id": a.id, "title": a.title})).collect::<Vec<_>>(),
        "charts": chart_json,
        "areas": area_files,
        "total": int(r.total),
        "total_max": int(r.total_max),
    });
    soft_hyphens(&mut report);
    // The texts, parsed and with their soft hyphens (see `blocks`).
    let texts = [
        ("intro", blocks(&r.introduction)),
        ("intro_end", blocks(&r.introduction_end)),
        ("evaluation", evaluation_text(r)),
        ("comparisons", blocks(&r.comparisons)),
        ("comments", blocks(&r.comments)),
        ("revisions", revisions(r)),
    ];
    if let Some(map) = report.as_object_mut() {
        map.extend(texts.map(|(key, value)| (key.to_string(), value)));
    }
    files.push(("/data/report.json".into(), json_bytes(&report)));
    let attached = attached_files(options, &mut files);
    for c in charts {
        files.push((format!("/charts/{}.svg", c.id), c.svg.clone().into_bytes()));
    }
    let ident = format!("kompass/{}/{}", r.municipality.name, iso_date(y, m, dd));
    Bundle {
        main: "/report.typ",
        files,
        title,
        date: (y, m, dd),
        ident,
        attached,
    }
}

/// The report's facts for the cover, the headers and the PDF's metadata.
fn meta(r: &Report, options: &Options, title: &str) -> serde_json::Value {
    let d = r.date;
    let official = &r.municipality.official_name;
    let (version, version_date) = r.version();
    let version_line = format!("version {version}, {}", version_date.iso());
    let (header_left, header_right) = if options.draft {
        (
            format!("Utkast för faktagranskning – {version_line}"),
            official.clone(),
        )
    } else if r.revisions.is_empty() {
        (title.to_string(), d.iso())
    } else {
        (
            title.to_string(),
            format!("Version {version}, {}", version_date.iso()),
        )
    };
    json!({
        "title": title,
        "subtitle": format!("Analys av {official}"),
        "municipality": r.municipality.name,
        "official_name": official,
        "official_genitive": crate::base::municipalities::genitive(official),
        "genitive": r.municipality.genitive,
        "date": d.iso(),
        "date_long": long_date(d.year, d.month, d.day),
        "evaluators": r.evaluator_names(),
        "evaluators_line": evaluators_line(&r.evaluators),
        "publisher": r.publisher,
        "framework": r.framework_name,
        "keywords": ["Kommunkompassen", r.municipality.name.as_str(), "utvärdering", "styrning och ledning"],
        "subject": format!("Utvärdering av {official} med {} ({})", r.framework_name, r.evaluated),
        "draft": options.draft,
        "protect": protected_names(r),
        "title_lead": "Analys av",
        "header_left": header_left,
        "header_right": header_right,
        "version": if options.draft || !r.revisions.is_empty() {
            Some(format!("{version} ({})", version_date.iso()))
        } else {
            None
        },
    })
}

/// The names the report never hyphenates, as one pattern for the templates' show rule.
pub fn protected_names(r: &Report) -> String {
    let m = &r.municipality;
    let official_genitive = crate::base::municipalities::genitive(&m.official_name);
    let mut names = vec![
        m.official_name.as_str(),
        official_genitive.as_str(),
        m.genitive.as_str(),
        m.name.as_str(),
        r.publisher.as_str(),
    ];
    for e in &r.evaluators {
        names.push(&e.name);
        names.push(&e.organisation);
    }
    crate::base::hyphenation::protected(&names)
}

/// A text's markup as the templates read it, with soft hyphens (see [`soft_hyphens`]). Kept by
/// comemo as Typst keeps its own work, and let go with it ([`evict_caches_older_than`]): a
/// render after an edit parses only the texts that changed.
#[comemo::memoize]
fn blocks(text: &str) -> serde_json::Value {
    let mut value = serde_json::to_value(markup::parse(text)).unwrap_or_default();
    soft_hyphens(&mut value);
    value
}

/// [`blocks`] for a text of one paragraph's inline markup (a bullet, a version's changes).
#[comemo::memoize]
fn inlines(text: &str) -> serde_json::Value {
    let mut value = serde_json::to_value(markup::parse_inline(text)).unwrap_or_default();
    soft_hyphens(&mut value);
    value
}

/// The report's versions as the table of them reads them.
fn revisions(r: &Report) -> serde_json::Value {
    r.revisions
        .iter()
        .map(|v| {
            json!({
                "version": v.version.to_string(),
                "date": v.date.iso(),
                "changes": inlines(&v.changes),
                "by": v.by,
            })
        })
        .collect()
}

/// Chapter 2's opening: when and how the evaluation was made, then the evaluator's summary.
fn evaluation_text(r: &Report) -> serde_json::Value {
    let official = &r.municipality.official_name;
    let interviews = crate::base::phrases::interviews(r.interviews, r.interviews_approximate);
    let earlier: Vec<String> = r.history.iter().map(|h| h.year.to_string()).collect();
    let opening = blocks(&crate::base::phrases::evaluation_opening(
        official,
        &r.evaluated,
        r.first_evaluation,
        &earlier,
        &interviews,
    ));
    let summary = blocks(&r.summary_evaluation);
    let list = |v: serde_json::Value| match v {
        serde_json::Value::Array(items) => items,
        _ => Vec::new(),
    };
    let mut evaluation = list(opening);
    evaluation.extend(list(summary));
    serde_json::Value::Array(evaluation)
}

/// One JSON file per area; their paths.
fn area_files(r: &Report, files: &mut Vec<(String, Vec<u8>)>) -> Vec<String> {
    r.areas
        .iter()
        .map(|a| {
            let path = format!("/data/area-{}.json", a.id);
            files.push((path.clone(), area_file(AreaInput(a))));
            path
        })
        .collect()
}

/// One area's JSON file. Kept by comemo like [`blocks`]: after an edit, only the areas that
/// changed are made again.
#[comemo::memoize]
fn area_file(input: AreaInput<'_>) -> Vec<u8> {
    let a = input.0;
    let inl = |v: &[String]| -> Vec<serde_json::Value> { v.iter().map(|s| inlines(s)).collect() };
    let mut area = json!({
        "id": a.id,
        "title": a.title,
        "subareas": a.subareas.iter().map(|s| json!({"id": s.id, "title": s.title, "score": int(s.score), "max": int(s.max)})).collect::<Vec<_>>(),
        "score": int(a.score),
        "max": int(a.max),
    });
    soft_hyphens(&mut area);
    if let Some(map) = area.as_object_mut() {
        map.insert("general".into(), blocks(&a.general));
        map.insert("analysis".into(), blocks(&a.analysis));
        map.insert("strengths".into(), inl(&a.strengths).into());
        map.insert("improvements".into(), inl(&a.improvements).into());
    }
    json_bytes(&area)
}

/// An area as [`area_file`] reads it, hashed field by field (the report model has no `Hash`;
/// a field added to it fails to compile here until it is hashed too).
#[derive(Clone, Copy)]
struct AreaInput<'a>(&'a crate::report::Area);

impl std::hash::Hash for AreaInput<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let crate::report::Area {
            id,
            title,
            general,
            score,
            max,
            subareas,
            analysis,
            strengths,
            improvements,
        } = self.0;
        (
            id,
            title,
            general,
            score,
            max,
            analysis,
            strengths,
            improvements,
        )
            .hash(state);
        subareas.len().hash(state);
        for crate::report::SubArea {
            id,
            title,
            score,
            max,
        } in subareas
        {
            (id, title, score, max).hash(state);
        }
    }
}

/// The files to attach to the PDF, among the bundle's files; their names in the PDF.
fn attached_files(options: &Options, files: &mut Vec<(String, Vec<u8>)>) -> Vec<String> {
    let previous = options.changes.as_ref().and_then(|c| c.previous.as_ref());
    let Some(a) = &options.attach else {
        return previous.map(|p| p.0.clone()).into_iter().collect();
    };
    files.push((
        "/data/evaluation.toml".into(),
        a.source.clone().into_bytes(),
    ));
    files.push((
        "/data/kompass.json".into(),
        a.provenance.clone().into_bytes(),
    ));
    if let Some((_, text)) = previous {
        files.push(("/data/previous.toml".into(), text.clone().into_bytes()));
    }
    std::iter::once(a.name.clone())
        .chain(previous.map(|p| p.0.clone()))
        .collect()
}

/// The page of changes as the template reads it: sections, each with its changes; a changed
/// text as "before" and "after" runs with the changed words marked.
fn changes_json(page: &ChangesPage) -> serde_json::Value {
    let mut sections: Vec<serde_json::Value> = Vec::new();
    let mut current = String::new();
    let mut items: Vec<serde_json::Value> = Vec::new();
    let flush =
        |sections: &mut Vec<serde_json::Value>, title: &str, items: &mut Vec<serde_json::Value>| {
            if !items.is_empty() {
                sections.push(json!({"title": title, "items": std::mem::take(items)}));
            }
        };
    for c in &page.changes {
        if c.section != current {
            flush(&mut sections, &current, &mut items);
            current = c.section.clone();
        }
        let old = c.old.clone().unwrap_or_default();
        let new = c.new.clone().unwrap_or_default();
        let runs = |keep: &str| -> Vec<serde_json::Value> {
            c.words
                .iter()
                .filter(|p| p.op == "equal" || p.op == keep)
                .map(|p| json!({"t": p.text, "marked": p.op != "equal"}))
                .collect()
        };
        let item = match c.kind {
            "score" => {
                json!({"kind": "line", "text": format!("{}: {old} → {new} ({})", c.label, c.effect.clone().unwrap_or_default())})
            }
            "added" | "removed" => json!({
                "kind": c.kind,
                "verb": crate::base::phrases::change_word(c.kind, crate::base::phrases::gender_of_label(&c.label)),
                "label": c.label,
                "text": if c.kind == "added" { new } else { old },
            }),
            _ if !c.words.is_empty() => {
                let verb = crate::base::phrases::change_word(
                    "changed",
                    crate::base::phrases::gender_of_label(&c.label),
                );
                json!({"kind": "changed", "verb": verb, "label": c.label, "before": runs("delete"), "after": runs("insert")})
            }
            _ => json!({"kind": "line", "text": format!("{}: {old} → {new}", c.label)}),
        };
        items.push(item);
    }
    flush(&mut sections, &current, &mut items);
    let mut out =
        json!({"version": page.version.to_string(), "date": page.date, "sections": sections});
    // Only a draft made after a fact-check has the key: every other draft stays as it was.
    if let Some(counts) = &page.review {
        out["review"] = json!(counts.sentence(page.version));
    }
    out
}

/// The evaluators as the cover prints them, grouped by organisation in the order they first
/// appear: "Anna Lindqvist och Lisa Berg, SKR; Per-Olof Svensson, KS".
pub fn evaluators_line(evaluators: &[Evaluator]) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for v in evaluators {
        let org = v.organisation.as_str();
        match groups.iter_mut().find(|(o, _)| *o == org) {
            Some((_, names)) => names.push(v.name.clone()),
            None => groups.push((org, vec![v.name.clone()])),
        }
    }
    groups
        .iter()
        .map(|(org, names)| {
            if org.is_empty() {
                join_och(names)
            } else {
                format!("{}, {org}", join_och(names))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    let mut value = serde_json::to_value(v).unwrap_or_default();
    soft_hyphens(&mut value);
    json_bytes(&value)
}

/// A JSON file of the bundle.
fn json_bytes(value: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// Soft hyphens at the joints of the compounds Swedish patterns break wrongly (see
/// [`crate::base::hyphenation`]), in the text the report prints: the markup's text runs and the
/// charts' source lines.
fn soft_hyphens(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let is_text = map.get("k").and_then(Value::as_str) == Some("text");
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s) if (is_text && key == "s") || key == "source" => {
                        crate::base::hyphenation::add_soft_hyphens(s);
                    }
                    _ => soft_hyphens(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(soft_hyphens),
        _ => {}
    }
}
