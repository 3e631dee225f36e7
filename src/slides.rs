//! The deck for the feedback meeting: the same report model, charts, fonts and colours as the
//! report, typeset from `report-templates/slides.typ` as 16:9 slides. Texts that would not fit
//! a slide are shortened here, by a budget of lines, so that nothing overflows.

use serde_json::json;

use crate::charts::{Chart, ChartKind};
use crate::format::{int, join_och};
use crate::markup;
use crate::report::Report;
use crate::typeset::{Bundle, Options, evaluators_line, to_json};

/// Lines a column of bullets may fill on an area slide (20 pt text).
const COLUMN_LINES: usize = 9;
/// Characters that fit on one line of such a column.
const LINE_CHARS: usize = 38;
/// Lines one bullet may take before it is shortened.
const BULLET_LINES: usize = 2;

/// `text` cut at a word boundary to at most `max` characters, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    crate::phrases::shortened(out.trim_end_matches('.'))
}

/// The bullets that fit a column, each shortened to its line budget, and how many were left out.
pub fn fit(items: &[String]) -> (Vec<String>, usize) {
    let mut kept = Vec::new();
    let mut lines = 0;
    for (i, item) in items.iter().enumerate() {
        let short = shorten(item, LINE_CHARS * BULLET_LINES);
        let cost = short.chars().count().div_ceil(LINE_CHARS).max(1);
        // Keep a line for "+ N till i rapporten" when items remain.
        let reserve = usize::from(i + 1 < items.len());
        if lines + cost + reserve > COLUMN_LINES {
            return (kept, items.len() - i);
        }
        lines += cost;
        kept.push(short);
    }
    (kept, 0)
}

/// The summary's main points: the first sentence of each paragraph of the comments, shortened.
fn points(comments: &str) -> Vec<String> {
    comments
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|p| {
            let end = p
                .char_indices()
                .find(|(i, c)| {
                    matches!(c, '.' | '?' | '!')
                        && p[i + c.len_utf8()..].starts_with(' ')
                        && p[i + c.len_utf8()..]
                            .trim_start()
                            .starts_with(|n: char| n.is_uppercase())
                })
                .map_or(p.len(), |(i, c)| i + c.len_utf8());
            shorten(&p[..end], 150)
        })
        .take(5)
        .collect()
}

/// The virtual files of the deck.
pub fn bundle(r: &Report, charts: &[Chart], options: &Options) -> Bundle {
    let official = &r.municipality.official_name;
    let mut title = format!("Kommunkompassen – återkoppling till {official}");
    if options.draft {
        title.push_str(" (utkast)");
    }
    let (version, version_date) = r.version();
    let interviews = crate::phrases::interviews(r.interviews, r.interviews_approximate);
    let titles: Vec<String> = r.areas.iter().map(|a| a.title.clone()).collect();
    let intro = vec![
        "Granskar hur kommunen styrs och leds, sett från kommunfullmäktiges perspektiv".to_string(),
        format!(
            "{} områden med {} poäng vardera: en totalpoäng på högst {}",
            crate::format::count_word(r.areas.len()).to_uppercase_first(),
            int(r.areas.first().map_or(100, |a| a.max)),
            int(r.total_max)
        ),
        format!(
            "Underlag: styrdokument, webbplats och intervjuer med {interviews} ({})",
            r.evaluated
        ),
    ];
    let chart_json: Vec<serde_json::Value> = charts.iter().map(|c| chart_slide(r, c)).collect();
    let areas: Vec<serde_json::Value> = r.areas.iter().map(area_slide).collect();
    let deck = json!({
        "meta": {
            "title": title,
            "subtitle": format!("Analys av {official}"),
            "official_name": official,
            "date": r.meeting.map_or(r.date, |d| d).iso(),
            "date_label": if r.meeting.is_some() { "Återkoppling" } else { "Rapportens datum" },
            "version": if options.draft || !r.revisions.is_empty() {
                Some(format!("{version} ({})", version_date.iso()))
            } else {
                None
            },
            "evaluators": r.evaluator_names(),
            "evaluators_line": evaluators_line(&r.evaluators),
            "publisher": r.publisher,
            "draft": options.draft,
            "footer": format!("Kommunkompassen – {official}{}", if options.draft { " – utkast" } else { "" }),
            "keywords": ["Kommunkompassen", r.municipality.name.as_str(), "återkoppling"],
            "subject": format!("Återkoppling av utvärderingen av {official} med {}", r.framework_name),
        },
        "intro": intro,
        "area_titles": r.areas.iter().map(|a| json!({"id": a.id, "title": a.title})).collect::<Vec<_>>(),
        "area_list": join_och(&titles),
        "charts": chart_json,
        "areas": areas,
        "points": points(&r.comments).iter().map(|p| markup::parse_inline(p)).collect::<Vec<_>>(),
    });
    let mut files = vec![("/data/slides.json".to_string(), to_json(&deck))];
    for c in charts {
        files.push((format!("/charts/{}.svg", c.id), c.svg.clone().into_bytes()));
    }
    let d = r.date;
    Bundle {
        main: "/slides.typ",
        files,
        title,
        date: (d.year, d.month, d.day),
        ident: format!("kompass-slides/{}/{}", r.municipality.name, d.iso()),
        attached: Vec::new(),
    }
}

/// The slide of one chart: "Leksand (2023) jämfört med Sverigesnittet …" → "Jämfört med
/// Sverigesnittet …". A comparison too long for a title gets a short title and is said in full
/// below it.
fn chart_slide(r: &Report, c: &Chart) -> serde_json::Value {
    let (slide_title, subtitle, total) = match (c.kind, &c.against) {
        (ChartKind::Bars, _) | (_, None) => ("Resultat per område".to_string(), None, true),
        (kind, Some(against)) => {
            let title = format!("Jämfört med {against}");
            if title.chars().count() <= 52 {
                (title, None, false)
            } else {
                let short = if kind == ChartKind::PeerProfile {
                    "Poängprofilen mot jämförelsegruppen"
                } else {
                    "Poängprofilen i jämförelse"
                };
                let mut chars = against.chars();
                let full = chars.next().map_or(String::new(), |c| {
                    c.to_uppercase().collect::<String>() + chars.as_str()
                });
                (short.to_string(), Some(full), false)
            }
        }
    };
    json!({
        "file": format!("/charts/{}.svg", c.id),
        "alt": c.alt,
        "title": slide_title,
        "subtitle": subtitle,
        "total": if total { Some(int(r.total)) } else { None },
        "total_max": int(r.total_max),
    })
}

/// The slide of one area: its score, its sub-areas, and what fits of its lists.
fn area_slide(a: &crate::report::Area) -> serde_json::Value {
    let (strengths, strengths_more) = fit(&a.strengths);
    let (improvements, improvements_more) = fit(&a.improvements);
    let inl = |v: &[String]| -> Vec<Vec<markup::Inline>> {
        v.iter().map(|s| markup::parse_inline(s)).collect()
    };
    json!({
        "id": a.id,
        "title": a.title,
        "score": int(a.score),
        "max": int(a.max),
        "subareas": a.subareas.iter().map(|s| json!({"id": s.id, "title": s.title, "score": s.score, "max": s.max})).collect::<Vec<_>>(),
        "strengths": inl(&strengths),
        "strengths_more": (strengths_more > 0).then(|| crate::phrases::more_in_report(strengths_more)),
        "improvements": inl(&improvements),
        "improvements_more": (improvements_more > 0).then(|| crate::phrases::more_in_report(improvements_more)),
    })
}

trait UpperFirst {
    fn to_uppercase_first(&self) -> String;
}

impl UpperFirst for String {
    fn to_uppercase_first(&self) -> String {
        let mut c = self.chars();
        c.next()
            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_are_shortened_at_a_word_and_cut_to_the_column() {
        assert_eq!(shorten("Kort punkt", 76), "Kort punkt");
        let long = "Ett mycket långt påstående om hur kommunen arbetar med styrning, uppföljning och analys av resultat";
        let s = shorten(long, 76);
        assert!(s.ends_with(" …") && s.chars().count() <= 76, "{s}");
        assert!(long.starts_with(s.trim_end_matches('…').trim_end()));
        let twelve: Vec<String> = (0..12).map(|i| format!("{i} {long}")).collect();
        let (kept, more) = fit(&twelve);
        assert_eq!(kept.len() + more, 12);
        assert!(more > 0 && kept.len() >= 3, "{} kept", kept.len());
        let (kept, more) = fit(&twelve[..2]);
        assert_eq!((kept.len(), more), (2, 0));
    }

    #[test]
    fn main_points_are_first_sentences() {
        let p = points("Första meningen. Andra meningen.\n\nEn ny tanke? Ja.\n\n");
        assert_eq!(p, ["Första meningen.", "En ny tanke?"]);
    }
}
