//! Stage 2: check the loaded data against the framework before anything is drawn or typeset.
//!
//! Every finding is collected; nothing stops at the first problem.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;
use crate::load::{Loaded, map_span, quote_key};
use crate::model::Profile;

/// Bullets longer than this many characters draw a warning: the table cell gets hard to read.
pub const LONG_BULLET: usize = 300;

/// Check framework and evaluation; returns errors and warnings.
pub fn check(l: &crate::check::Checked) -> Vec<Diagnostic> {
    let mut out = check_framework(l);
    if out.iter().any(Diagnostic::is_error) {
        return out;
    }
    out.extend(l.load_errors.iter().cloned());
    let mut found = Vec::new();
    check_evaluation(l, &mut found);
    // Positions refer to the text as loaded; when structural errors were repaired with
    // placeholders, map them back and drop findings about the placeholders themselves.
    for mut d in found {
        let about_placeholder = l.repaired.iter().any(|p| {
            d.path == *p
                || d.path.starts_with(&format!("{p}."))
                || d.path.starts_with(&format!("{p}["))
        });
        if about_placeholder {
            continue;
        }
        if d.file == l.eval_file
            && let Some(span) = d.span.clone()
        {
            match map_span(&l.edits, span) {
                Some(mapped) => d.span = Some(mapped),
                None => continue,
            }
        }
        out.push(d);
    }
    // Markup nested deeper than the report can typeset.
    out.extend(check_nesting(l));
    // Characters the report cannot print: found in the file as written.
    out.extend(crate::glyphs::check_strings(
        l.eval_file,
        l.sources.text(l.eval_file),
        l.strings(),
    ));
    // In file order, so every finding can be read top to bottom beside the file.
    out.sort_by_key(|d| (d.file, d.span.as_ref().map_or(usize::MAX, |s| s.start)));
    out
}

fn check_framework(l: &Loaded) -> Vec<Diagnostic> {
    let f = l.framework_file;
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    if l.framework.areas.is_empty() {
        out.push(Diagnostic::error(
            f,
            None,
            "area",
            "the framework has no areas",
        ));
    }
    for (i, area) in l.framework.areas.iter().enumerate() {
        let path = format!("area[{}]", i + 1);
        let a = area.get_ref();
        if !ids.insert(a.id) {
            out.push(Diagnostic::error(
                f,
                Some(area.span()),
                &path,
                format!("area {} is defined twice", a.id),
            ));
        }
        if a.id as usize != i + 1 {
            out.push(Diagnostic::error(
                f,
                Some(area.span()),
                format!("{path}.id"),
                format!(
                    "areas must be numbered 1, 2, 3 … in order; expected {}, found {}",
                    i + 1,
                    a.id
                ),
            ));
        }
        let sum: i64 = a.subareas.iter().map(|s| s.get_ref().max).sum();
        if sum != *a.max.get_ref() {
            out.push(Diagnostic::error(
                f,
                Some(a.max.span()),
                format!("{path}.max"),
                format!(
                    "the sub-area maxima of area {} add up to {sum}, but the area maximum is {}",
                    a.id,
                    a.max.get_ref()
                ),
            ));
        }
        let mut sub_ids = BTreeSet::new();
        for (j, s) in a.subareas.iter().enumerate() {
            let sp = format!("{path}.subarea[{}]", j + 1);
            let sv = s.get_ref();
            if !sub_ids.insert(sv.id.clone()) {
                out.push(Diagnostic::error(
                    f,
                    Some(s.span()),
                    &sp,
                    format!("sub-area {} is defined twice", sv.id),
                ));
            }
            if !sv.id.starts_with(&format!("{}.", a.id)) {
                out.push(Diagnostic::error(
                    f,
                    Some(s.span()),
                    format!("{sp}.id"),
                    format!(
                        "sub-area ids of area {} must start with `{}.`; found `{}`",
                        a.id, a.id, sv.id
                    ),
                ));
            }
            if sv.max <= 0 {
                out.push(Diagnostic::error(
                    f,
                    Some(s.span()),
                    format!("{sp}.max"),
                    format!("a sub-area maximum must be positive; found {}", sv.max),
                ));
            }
        }
    }
    out
}

fn check_evaluation(l: &crate::check::Checked, out: &mut Vec<Diagnostic>) {
    check_facts(l, out);
    let seen = check_areas(l, out);
    check_total(l, out);
    check_missing_areas(l, &seen, out);
    check_comparisons(l, out);
}

/// Report facts: the date, the versions, the evaluators, interviews, population, the names.
fn check_facts(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let e = &l.evaluation;
    let f = l.eval_file;
    // Report facts.
    if let Some(d) = check_date(f, &e.report.date, "report.date", out) {
        check_report_date(l, d, out);
    }
    if let Some(meeting) = &e.report.meeting {
        check_date(f, meeting, "report.meeting", out);
    }
    check_revisions(l, out);
    if e.evaluators.get_ref().is_empty() {
        out.push(
            Diagnostic::error(
                f,
                Some(e.evaluators.span()),
                "evaluators",
                "at least one evaluator is needed",
            )
            .with_help("add [[evaluators]] with name and organisation"),
        );
    }
    for (i, ev) in e.evaluators.get_ref().iter().enumerate() {
        if ev.name.get_ref().trim().is_empty() {
            out.push(Diagnostic::error(
                f,
                Some(ev.name.span()),
                format!("evaluators[{}].name", i + 1),
                "an evaluator needs a name",
            ));
        }
    }
    if *e.report.interviews.get_ref() <= 0 {
        out.push(Diagnostic::error(
            f,
            Some(e.report.interviews.span()),
            "report.interviews",
            format!(
                "expected a positive number of interviews, found {}",
                e.report.interviews.get_ref()
            ),
        ));
    }
    if *e.municipality.population.get_ref() <= 0 {
        out.push(Diagnostic::error(
            f,
            Some(e.municipality.population.span()),
            "municipality.population",
            format!(
                "expected a positive population, found {}",
                e.municipality.population.get_ref()
            ),
        ));
    }
    check_names(l, out);
    if e.report.first_evaluation.get_ref() == &true && !e.history.is_empty() {
        let years: Vec<String> = e
            .history
            .iter()
            .map(|h| h.get_ref().year.to_string())
            .collect();
        out.push(
            Diagnostic::error(
                f,
                Some(e.report.first_evaluation.span()),
                "report.first_evaluation",
                format!(
                    "`first_evaluation = true`, but [[history]] lists earlier evaluations ({})",
                    crate::format::join_och(&years)
                ),
            )
            .with_help(
                "the report would print \"kommunens första utvärdering\" beside a chart of earlier ones: set `first_evaluation = false` or remove the [[history]] entries",
            ),
        );
    }
}

/// Each `[[area]]`: a framework area, given once, every sub-area scored within its range, a
/// stated score equal to the sum, its texts. Returns the area ids seen.
fn check_areas(l: &Loaded, out: &mut Vec<Diagnostic>) -> BTreeMap<i64, usize> {
    let e = &l.evaluation;
    let f = l.eval_file;
    let fw = &l.framework;
    // Stated sums are compared with the sums of the scores stage, the one place that adds.
    let derived = crate::scores::derive(l);

    // Areas: each framework area exactly once, every sub-area scored within its range.
    let by_id: BTreeMap<i64, usize> = fw
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.get_ref().id as i64, i))
        .collect();
    let mut seen: BTreeMap<i64, usize> = BTreeMap::new();
    for (i, area) in e.areas.iter().enumerate() {
        let path = format!("area[{}]", i + 1);
        let a = area.get_ref();
        let id = *a.id.get_ref();
        let Some(&fi) = by_id.get(&id) else {
            out.push(Diagnostic::error(
                f,
                Some(a.id.span()),
                format!("{path}.id"),
                format!(
                    "the framework `{}` has no area {id}; it has areas 1–{}",
                    fw.id,
                    fw.areas.len()
                ),
            ));
            continue;
        };
        if let Some(first) = seen.insert(id, i) {
            out.push(Diagnostic::error(
                f,
                Some(a.id.span()),
                format!("{path}.id"),
                format!("area {id} is given twice (first as area[{}])", first + 1),
            ));
            continue;
        }
        let fa = fw.areas[fi].get_ref();
        check_area(l, &path, a, fa, &derived.areas[fi], out);
    }
    seen
}

/// One area's scores, stated score and texts.
fn check_area(
    l: &Loaded,
    path: &str,
    a: &crate::model::AreaEvaluation,
    fa: &crate::model::FrameworkArea,
    derived: &crate::scores::AreaScore,
    out: &mut Vec<Diagnostic>,
) {
    let f = l.eval_file;
    let id = *a.id.get_ref();
    for (key, value) in a.scores.get_ref() {
        let kp = format!("{path}.scores.{}", quote_key(key.get_ref()));
        match fa
            .subareas
            .iter()
            .find(|s| s.get_ref().id == *key.get_ref())
        {
            None => {
                let ids: Vec<&str> = fa
                    .subareas
                    .iter()
                    .map(|s| s.get_ref().id.as_str())
                    .collect();
                let help = crate::hints::misplaced_key(key.get_ref(), &kp)
                    .unwrap_or_else(|| format!("its sub-areas are {}", ids.join(", ")));
                out.push(
                    Diagnostic::error(
                        f,
                        Some(key.span()),
                        kp,
                        format!("area {id} has no sub-area `{}`", key.get_ref()),
                    )
                    .with_help(help),
                );
            }
            Some(s) => {
                let s = s.get_ref();
                let v = *value.get_ref();
                if v < 0 || v > s.max {
                    out.push(Diagnostic::error(
                        f,
                        Some(value.span()),
                        kp,
                        format!(
                            "expected a score from 0 to {} for {} {}, found {v}",
                            s.max, s.id, s.title
                        ),
                    ));
                }
            }
        }
    }
    for s in &fa.subareas {
        let s = s.get_ref();
        if !a.scores.get_ref().keys().any(|k| *k.get_ref() == s.id) {
            out.push(
                Diagnostic::error(
                    f,
                    Some(a.scores.span()),
                    format!("{path}.scores"),
                    format!("no score for sub-area {} {} (0–{})", s.id, s.title, s.max),
                )
                .with_help(format!(
                    "add `\"{}\" = <points>` under the area's scores",
                    s.id
                )),
            );
        }
    }
    if let Some(stated) = &a.score {
        let sum = derived.score;
        if *stated.get_ref() != sum {
            out.push(
                Diagnostic::error(
                    f,
                    Some(stated.span()),
                    format!("{path}.score"),
                    format!(
                        "area {id} is stated as {} but its sub-scores add up to {sum}",
                        stated.get_ref()
                    ),
                )
                .with_help("remove `score` (kompass derives it) or correct the sub-scores"),
            );
        }
    }
    check_area_texts(l, path, a, out);
}

/// An area's analysis and its lists of strengths and improvements.
fn check_area_texts(
    l: &Loaded,
    path: &str,
    a: &crate::model::AreaEvaluation,
    out: &mut Vec<Diagnostic>,
) {
    let f = l.eval_file;
    let id = *a.id.get_ref();
    if a.analysis.get_ref().trim().is_empty() {
        out.push(Diagnostic::warning(
            f,
            Some(a.analysis.span()),
            format!("{path}.analysis"),
            format!("area {id} has an empty analysis"),
        ));
    }
    for (list, name) in [
        (&a.strengths, "strengths"),
        (&a.improvements, "improvements"),
    ] {
        let items = crate::model::AreaEvaluation::bullets(list);
        if items.is_empty() {
            let what = if name == "strengths" {
                "strengths (Styrkor)"
            } else {
                "improvement opportunities (Förbättringsmöjligheter)"
            };
            // At the empty list when it is written, at the area's id when it is left out.
            let (span, message) = match list {
                Some(l) => (l.span(), format!("area {id} lists no {what}")),
                None => (
                    a.id.span(),
                    format!("area {id} has no `{name}` list, so it lists no {what}"),
                ),
            };
            out.push(
                Diagnostic::warning(f, Some(span), format!("{path}.{name}"), message)
                    .with_help("the report prints \"Inga angivna.\" in that column"),
            );
        }
        for (k, item) in items.iter().enumerate() {
            let chars = item.get_ref().chars().count();
            if chars > LONG_BULLET {
                out.push(Diagnostic::warning(
                    f,
                    Some(item.span()),
                    format!("{path}.{name}[{}]", k + 1),
                    format!("a bullet of {chars} characters is hard to read in the table (aim for under {LONG_BULLET})"),
                ));
            }
        }
    }
}

/// A stated total equal to the sum of all sub-scores.
fn check_total(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let e = &l.evaluation;
    let f = l.eval_file;
    let derived = crate::scores::derive(l);
    if let Some(stated) = &e.total {
        let sum = derived.total;
        if *stated.get_ref() != sum {
            out.push(
                Diagnostic::error(
                    f,
                    Some(stated.span()),
                    "total",
                    format!(
                        "the total is stated as {} but the sub-scores add up to {sum}",
                        stated.get_ref()
                    ),
                )
                .with_help("remove `total` (kompass derives it) or correct the sub-scores"),
            );
        }
    }
}

/// Every framework area given.
fn check_missing_areas(l: &Loaded, seen: &BTreeMap<i64, usize>, out: &mut Vec<Diagnostic>) {
    let f = l.eval_file;
    let fw = &l.framework;
    for fa in &fw.areas {
        let fa = fa.get_ref();
        if !seen.contains_key(&(fa.id as i64)) {
            out.push(
                Diagnostic::error(
                    f,
                    None,
                    "area",
                    format!("area {} {} is missing", fa.id, fa.title),
                )
                .with_help(format!("add an [[area]] table with id = {}", fa.id)),
            );
        }
    }
}

/// Comparison profiles and earlier evaluations: one value per area, each in its range.
fn check_comparisons(l: &crate::check::Checked, out: &mut Vec<Diagnostic>) {
    let e = &l.evaluation;
    let fw = &l.framework;
    // Comparison profiles.
    let maxima: Vec<f64> = fw
        .areas
        .iter()
        .map(|a| *a.get_ref().max.get_ref() as f64)
        .collect();
    for (name, profile) in [
        ("national", &e.comparison.national),
        ("peer", &e.comparison.peer),
    ] {
        if let Some(p) = profile {
            if let Some(values) = &p.get_ref().values {
                check_values(
                    l,
                    out,
                    &format!("comparison.{name}.values"),
                    values,
                    &maxima,
                );
            }
            check_profile_text(l, out, &format!("comparison.{name}"), p.get_ref());
        }
    }
    // Fixed or computed, with the register and the earlier evaluations in it.
    out.extend(l.compared().1.iter().cloned());
    for (i, h) in e.history.iter().enumerate() {
        check_values(
            l,
            out,
            &format!("history[{}].values", i + 1),
            &h.get_ref().values,
            &maxima,
        );
    }
}

/// The municipality's names: not empty, and the same as in the table of Sweden's
/// municipalities when the name is one it knows (a warning: names do change).
fn check_names(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let f = l.eval_file;
    let m = &l.evaluation.municipality;
    let mut empty = false;
    for (key, text) in [
        ("name", &m.name),
        ("genitive", &m.genitive),
        ("official_name", &m.official_name),
    ] {
        // A key left out was reported (or filled in) when the file was loaded.
        if text.get_ref().trim().is_empty() && !crate::model::is_missing(text) {
            empty = true;
            out.push(Diagnostic::error(
                f,
                Some(text.span()),
                format!("municipality.{key}"),
                "must not be empty",
            ));
        }
    }
    if empty {
        return;
    }
    let name = m.name.get_ref().trim();
    let Some(known) = crate::municipalities::find(name) else {
        let place = crate::municipalities::place_name(name);
        let help = match crate::municipalities::find(&place) {
            Some(k) if k.name != name => format!("`name` is the place name alone: \"{}\"", k.name),
            _ => closest_municipality(name).map_or(
                "check the spelling; for a name kompass does not know, make sure `genitive` and `official_name` are right".to_string(),
                |k| format!("did you mean \"{k}\"?"),
            ),
        };
        out.push(
            Diagnostic::warning(
                f,
                Some(m.name.span()),
                "municipality.name",
                format!("kompass does not know a Swedish municipality named \"{name}\""),
            )
            .with_help(help),
        );
        return;
    };
    if name != known.name {
        let (message, help) = if name.eq_ignore_ascii_case(known.official_name)
            || name.to_lowercase() == known.official_name.to_lowercase()
        {
            (
                format!(
                    "`name` holds the official name; the place name is \"{}\"",
                    known.name
                ),
                format!(
                    "write `name = \"{}\"`; \"{}\" belongs in `official_name`",
                    known.name, known.official_name
                ),
            )
        } else {
            (
                format!("the municipality is written \"{}\"", known.name),
                "`name` is the place name, as SCB writes it".to_string(),
            )
        };
        out.push(
            Diagnostic::warning(f, Some(m.name.span()), "municipality.name", message)
                .with_help(help),
        );
    }
    check_name_forms(l, known, out);
}

/// The genitive and the official name as the table of municipalities gives them.
fn check_name_forms(
    l: &Loaded,
    known: &crate::municipalities::Municipality,
    out: &mut Vec<Diagnostic>,
) {
    let f = l.eval_file;
    let m = &l.evaluation.municipality;
    for (key, value, expected, example) in [
        (
            "genitive",
            &m.genitive,
            known.genitive,
            format!("as in \"{} poäng\"", known.genitive),
        ),
        (
            "official_name",
            &m.official_name,
            known.official_name,
            format!("as in \"Analys av {}\"", known.official_name),
        ),
    ] {
        if value.get_ref().trim() != expected {
            out.push(
                Diagnostic::warning(
                    f,
                    Some(value.span()),
                    format!("municipality.{key}"),
                    format!(
                        "{} is \"{expected}\" in the table of Sweden's municipalities, not \"{}\"",
                        if key == "genitive" {
                            format!("the genitive of {}", known.name)
                        } else {
                            format!("the official name of {}", known.name)
                        },
                        value.get_ref().trim()
                    ),
                )
                .with_help(format!("write `{key} = \"{expected}\"` ({example})")),
            );
        }
    }
}

/// The known municipality whose name is closest to `name`, if close enough to be a typo.
fn closest_municipality(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    crate::municipalities::all()
        .iter()
        .map(|m| {
            (
                crate::load::edit_distance(&lower, &m.name.to_lowercase()),
                m.name,
            )
        })
        .filter(|(d, n)| *d <= 2.max(n.chars().count() / 4))
        .min()
        .map(|(_, n)| n)
}

fn check_profile_text(l: &Loaded, out: &mut Vec<Diagnostic>, path: &str, p: &Profile) {
    // Missing keys are `compare`'s findings; here, keys given but empty.
    if let Some(label) = &p.label
        && label.get_ref().trim().is_empty()
    {
        out.push(Diagnostic::error(
            l.eval_file,
            Some(label.span()),
            format!("{path}.label"),
            "a comparison profile needs a label for the legend",
        ));
    }
    if let Some(source) = &p.source
        && source.get_ref().trim().is_empty()
        && p.from_register.is_none()
    {
        out.push(Diagnostic::error(
            l.eval_file,
            Some(source.span()),
            format!("{path}.source"),
            "a comparison profile needs a source, printed under the chart",
        ));
    }
}

fn check_values(
    l: &Loaded,
    out: &mut Vec<Diagnostic>,
    path: &str,
    values: &toml::Spanned<Vec<toml::Spanned<f64>>>,
    maxima: &[f64],
) {
    let v = values.get_ref();
    if v.len() != maxima.len() {
        out.push(Diagnostic::error(
            l.eval_file,
            Some(values.span()),
            path,
            format!(
                "expected {} values (one per area), found {}",
                maxima.len(),
                v.len()
            ),
        ));
        return;
    }
    for (i, (value, max)) in v.iter().zip(maxima).enumerate() {
        let x = *value.get_ref();
        if !x.is_finite() || x < 0.0 || x > *max {
            out.push(Diagnostic::error(
                l.eval_file,
                Some(value.span()),
                format!("{path}[{}]", i + 1),
                format!(
                    "expected a value from 0 to {max} for area {}, found {x}",
                    i + 1
                ),
            ));
        }
    }
}

/// What a final report may not contain: anything still as `kompass new` left it – the
/// evaluator "Förnamn Efternamn", "månad år", a text with "PLACEHOLDER", an area whose
/// sub-scores are all 0, a number still marked `# PLACEHOLDER` with the skeleton's value. A draft
/// renders with them.
pub fn check_final(l: &Loaded) -> Vec<Diagnostic> {
    use crate::skeleton::{PLACEHOLDER, PLACEHOLDER_EVALUATED, PLACEHOLDER_NAME};
    let f = l.eval_file;
    let e = &l.evaluation;
    let text = l.sources.text(f);
    let help = "fill it in, or render a draft with --draft";
    let mut out = Vec::new();
    for (path, span, s) in l.strings() {
        let (path, span) = (path.as_str(), span.clone());
        let reason = if s.trim() == PLACEHOLDER_NAME && path.starts_with("evaluators") {
            format!("the evaluator's name is still the placeholder \"{PLACEHOLDER_NAME}\"")
        } else if s.trim() == PLACEHOLDER_EVALUATED && path == "report.evaluated" {
            format!("`evaluated` is still the placeholder \"{PLACEHOLDER_EVALUATED}\"")
        } else if s.contains(PLACEHOLDER) {
            format!("the text still holds \"{PLACEHOLDER}\" from kompass new")
        } else {
            continue;
        };
        out.push(
            Diagnostic::error(
                f,
                Some(span),
                path,
                format!("{reason}; a final report cannot be published with it"),
            )
            .with_help(help),
        );
    }
    for (i, a) in e.areas.iter().enumerate() {
        let scores = a.get_ref().scores.get_ref();
        if !scores.is_empty() && scores.values().all(|v| *v.get_ref() == 0) {
            out.push(
                Diagnostic::error(
                    f,
                    Some(a.get_ref().scores.span()),
                    format!("area[{}].scores", i + 1),
                    format!(
                        "every sub-score of area {} is 0, as kompass new leaves them",
                        a.get_ref().id.get_ref()
                    ),
                )
                .with_help("enter the scores, or render a draft with --draft"),
            );
        }
    }
    // Numbers the skeleton marks with a `# PLACEHOLDER` comment, still at its value.
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some((code, comment)) = line.split_once('#')
            && comment.trim_start().starts_with(PLACEHOLDER)
            && let Some((key, value)) = code.split_once('=')
        {
            let key = key.trim();
            let value = value.trim();
            let unchanged = matches!(
                (key, value),
                ("population", "10_000") | ("interviews", "40")
            );
            if unchanged {
                let start = offset + line.find(value).unwrap_or(0);
                let path = if key == "population" {
                    "municipality.population"
                } else {
                    "report.interviews"
                };
                out.push(
                    Diagnostic::error(
                        f,
                        Some(start..start + value.len()),
                        path,
                        format!("`{key} = {value}` is still marked PLACEHOLDER, as kompass new wrote it"),
                    )
                    .with_help("enter the real number and remove the `# PLACEHOLDER` comment, or render a draft with --draft"),
                );
            }
        }
        offset += line.len();
    }
    out.sort_by_key(|d| d.span.as_ref().map_or(usize::MAX, |s| s.start));
    out
}

/// The deepest lists and emphasis a text may nest: far beyond any report, and well within what
/// Typst reads back (deeper structures exceed its JSON recursion limit and would fail the render).
pub const MAX_NESTING: usize = 8;

/// Text fields whose lists or emphasis nest deeper than [`MAX_NESTING`].
fn check_nesting(l: &Loaded) -> Vec<Diagnostic> {
    let markup = |path: &str| {
        let last = path.rsplit('.').next().unwrap_or(path);
        let key = last.split('[').next().unwrap_or(last);
        matches!(
            key,
            "analysis"
                | "evaluation"
                | "comparisons"
                | "comments"
                | "strengths"
                | "improvements"
                | "changes"
        )
    };
    let mut out = Vec::new();
    for (path, span, text) in l.strings() {
        let (path, span) = (path.as_str(), span.clone());
        if !markup(path) {
            continue;
        }
        let (lists, emphasis) = crate::markup::nesting(&crate::markup::parse(text));
        for (depth, what) in [(lists, "lists"), (emphasis, "emphasis")] {
            if depth > MAX_NESTING {
                out.push(
                    Diagnostic::error(
                        l.eval_file,
                        Some(span.clone()),
                        path,
                        format!("{what} nested {depth} levels deep; the report typesets at most {MAX_NESTING}"),
                    )
                    .with_help("indent less: a deeper level is rarely what a reader can follow"),
                );
            }
        }
    }
    out
}

/// A TOML date without time, and a real one: the date a value is, if it is one.
fn check_date(
    f: crate::diagnostics::FileId,
    value: &toml::Spanned<toml::value::Datetime>,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<toml::value::Date> {
    let date = value.get_ref();
    if date.date.is_none() || date.time.is_some() || date.offset.is_some() {
        out.push(Diagnostic::error(
            f,
            Some(value.span()),
            path,
            format!("expected a date such as 2023-11-23, found `{date}`"),
        ));
        return None;
    }
    let d = date.date?;
    if !(1..=12).contains(&d.month) || d.day == 0 || d.day > days_in_month(d.year as i32, d.month) {
        out.push(Diagnostic::error(
            f,
            Some(value.span()),
            path,
            format!("`{date}` is not a date in the calendar"),
        ));
        return None;
    }
    Some(d)
}

/// A report date that can be right: not before the evaluation (`evaluated`, e.g. "september
/// 2026"), not more than a year from today (a typo such as 2062), and a warning when it is
/// after today.
fn check_report_date(l: &Loaded, d: toml::value::Date, out: &mut Vec<Diagnostic>) {
    let f = l.eval_file;
    let span = Some(l.evaluation.report.date.span());
    let today = crate::skeleton::today_iso();
    let today_days = today[..4]
        .parse()
        .ok()
        .zip(today[5..7].parse().ok())
        .zip(today[8..].parse().ok())
        .map_or(0, |((y, m), dd)| crate::format::days_from_civil(y, m, dd));
    let days = crate::format::days_from_civil(i32::from(d.year), d.month, d.day);
    if days > today_days + 366 {
        out.push(
            Diagnostic::error(
                f,
                span.clone(),
                "report.date",
                format!("the report is dated {d}, more than a year from now"),
            )
            .with_help("the report date is the day it is published; is the year right?"),
        );
    } else if days > today_days {
        out.push(Diagnostic::warning(
            f,
            span.clone(),
            "report.date",
            format!("the report is dated {d}, after today"),
        ));
    }
    let evaluated = &l.evaluation.report.evaluated;
    if let Some((year, month)) = crate::format::month_year(evaluated)
        && (i32::from(d.year), d.month) < (year, month)
    {
        out.push(
            Diagnostic::error(
                f,
                span,
                "report.date",
                format!("the report is dated {d}, before the evaluation was made ({evaluated})"),
            )
            .with_help("the report is written after the evaluation: check `date` and `evaluated`"),
        );
    }
}

/// Versions increase and are not dated before the one before them.
fn check_revisions(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let f = l.eval_file;
    let mut previous: Option<(i64, Option<toml::value::Date>)> = None;
    for (i, r) in l.evaluation.revisions.iter().enumerate() {
        let path = format!("revision[{}]", i + 1);
        let r = r.get_ref();
        let version = *r.version.get_ref();
        let date = check_date(f, &r.date, &format!("{path}.date"), out);
        if version < 1 {
            out.push(Diagnostic::error(
                f,
                Some(r.version.span()),
                format!("{path}.version"),
                format!("versions are numbered from 1; found {version}"),
            ));
        }
        if r.changes.get_ref().trim().is_empty() {
            out.push(Diagnostic::error(
                f,
                Some(r.changes.span()),
                format!("{path}.changes"),
                "a revision needs a line on what changed, printed in the Versionshistorik",
            ));
        }
        if let Some((pv, pd)) = previous {
            if version <= pv {
                out.push(
                    Diagnostic::error(
                        f,
                        Some(r.version.span()),
                        format!("{path}.version"),
                        format!("version {version} follows version {pv}; each revision needs a larger number"),
                    )
                    .with_help(format!("the next version is {}", pv + 1)),
                );
            }
            if let (Some(d), Some(p)) = (date, pd)
                && (d.year, d.month, d.day) < (p.year, p.month, p.day)
            {
                out.push(Diagnostic::error(
                    f,
                    Some(r.date.span()),
                    format!("{path}.date"),
                    format!("version {version} is dated {d}, before version {pv} ({p})"),
                ));
            }
        }
        previous = Some((version, date));
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}
