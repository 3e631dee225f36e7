//! Check the loaded data against the framework before anything is drawn or typeset.
//!
//! Every finding is collected; nothing stops at the first problem.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::diagnostics::Diagnostic;
use crate::base::keypath::KeyPath;
use crate::base::messages::msg;
use crate::input::load::{Loaded, map_span};
use crate::input::model::Profile;

/// Bullets longer than this many characters draw a warning: the table cell gets hard to read.
pub const LONG_BULLET: usize = 300;

/// Check framework and evaluation; returns errors and warnings.
pub fn check(prepared: &crate::checks::prepared::Prepared) -> Vec<Diagnostic> {
    let l = &prepared.loaded;
    let mut out = check_framework(l);
    if out.iter().any(Diagnostic::is_error) {
        return out;
    }
    out.extend(l.load_errors.iter().cloned());
    let mut found = Vec::new();
    check_evaluation(prepared, &mut found);
    // Positions refer to the text as loaded; when structural errors were repaired with
    // placeholders, map them back and drop findings about the placeholders themselves.
    for mut d in found {
        let about_placeholder =
            d.at.key()
                .is_some_and(|k| l.repaired.iter().any(|p| k.starts_with(p)));
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
    out.extend(crate::checks::glyphs::check_strings(
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
            KeyPath::top("area"),
            msg!("framework-no-areas"),
        ));
    }
    for (i, area) in l.framework.areas.iter().enumerate() {
        let path = KeyPath::top("area").nth(i + 1);
        let a = area.get_ref();
        if !ids.insert(a.id) {
            out.push(Diagnostic::error(
                f,
                Some(area.span()),
                &path,
                msg!("framework-area-twice", area = a.id),
            ));
        }
        if a.id as usize != i + 1 {
            out.push(Diagnostic::error(
                f,
                Some(area.span()),
                path.at("id"),
                msg!("framework-area-order", expected = i + 1, found = a.id),
            ));
        }
        let sum: i64 = a.subareas.iter().map(|s| s.get_ref().max).sum();
        if sum != *a.max.get_ref() {
            out.push(Diagnostic::error(
                f,
                Some(a.max.span()),
                path.at("max"),
                msg!(
                    "framework-maxima-sum",
                    area = a.id,
                    sum = sum,
                    max = *a.max.get_ref()
                ),
            ));
        }
        let mut sub_ids = BTreeSet::new();
        for (j, s) in a.subareas.iter().enumerate() {
            let sp = path.at("subarea").nth(j + 1);
            let sv = s.get_ref();
            if !sub_ids.insert(sv.id.clone()) {
                out.push(Diagnostic::error(
                    f,
                    Some(s.span()),
                    &sp,
                    msg!("framework-subarea-twice", subarea = &sv.id),
                ));
            }
            if !sv.id.starts_with(&format!("{}.", a.id)) {
                out.push(Diagnostic::error(
                    f,
                    Some(s.span()),
                    sp.at("id"),
                    msg!("framework-subarea-id", area = a.id, found = &sv.id),
                ));
            }
            if sv.max <= 0 {
                out.push(Diagnostic::error(
                    f,
                    Some(s.span()),
                    sp.at("max"),
                    msg!("framework-subarea-max", found = sv.max),
                ));
            }
        }
    }
    out
}

fn check_evaluation(prepared: &crate::checks::prepared::Prepared, out: &mut Vec<Diagnostic>) {
    let l = &prepared.loaded;
    check_facts(l, out);
    let seen = check_areas(l, out);
    check_total(l, out);
    check_missing_areas(l, &seen, out);
    check_comparisons(prepared, out);
}

/// Report facts: the date, the versions, the evaluators, interviews, population, the names.
fn check_facts(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let e = &l.evaluation;
    let f = l.eval_file;
    // Report facts.
    if let Some(d) = check_date(f, &e.report.date, &KeyPath::keys(["report", "date"]), out) {
        check_report_date(l, d, out);
    }
    if let Some(meeting) = &e.report.meeting {
        check_date(f, meeting, &KeyPath::keys(["report", "meeting"]), out);
    }
    check_revisions(l, out);
    check_evaluated(l, out);
    if e.evaluators.get_ref().is_empty() {
        out.push(
            Diagnostic::error(
                f,
                Some(e.evaluators.span()),
                KeyPath::top("evaluators"),
                msg!("no-evaluators"),
            )
            .with_help(msg!("help-no-evaluators")),
        );
    }
    for (i, ev) in e.evaluators.get_ref().iter().enumerate() {
        if ev.name.get_ref().trim().is_empty() {
            out.push(Diagnostic::error(
                f,
                Some(ev.name.span()),
                KeyPath::top("evaluators").nth(i + 1).at("name"),
                msg!("evaluator-without-name"),
            ));
        }
    }
    if *e.report.interviews.get_ref() <= 0 {
        out.push(Diagnostic::error(
            f,
            Some(e.report.interviews.span()),
            KeyPath::keys(["report", "interviews"]),
            msg!(
                "interviews-not-positive",
                found = *e.report.interviews.get_ref()
            ),
        ));
    }
    if *e.municipality.population.get_ref() <= 0 {
        out.push(Diagnostic::error(
            f,
            Some(e.municipality.population.span()),
            KeyPath::keys(["municipality", "population"]),
            msg!(
                "population-not-positive",
                found = *e.municipality.population.get_ref()
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
                KeyPath::keys(["report", "first_evaluation"]),
                msg!(
                    "first-evaluation-with-history",
                    years = crate::base::format::join_och(&years)
                ),
            )
            .with_help(msg!("help-first-evaluation-with-history")),
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
    let derived = crate::checks::scores::derive(l);

    // Areas: each framework area exactly once, every sub-area scored within its range.
    let by_id: BTreeMap<i64, usize> = fw
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.get_ref().id as i64, i))
        .collect();
    let mut seen: BTreeMap<i64, usize> = BTreeMap::new();
    for (i, area) in e.areas.iter().enumerate() {
        let path = KeyPath::top("area").nth(i + 1);
        let a = area.get_ref();
        let id = *a.id.get_ref();
        let Some(&fi) = by_id.get(&id) else {
            out.push(Diagnostic::error(
                f,
                Some(a.id.span()),
                path.at("id"),
                msg!(
                    "unknown-area",
                    framework = &fw.name,
                    area = id,
                    last = fw.areas.len()
                ),
            ));
            continue;
        };
        if let Some(first) = seen.insert(id, i) {
            out.push(Diagnostic::error(
                f,
                Some(a.id.span()),
                path.at("id"),
                msg!("area-twice", area = id, first = first + 1),
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
    path: &KeyPath,
    a: &crate::input::model::AreaEvaluation,
    fa: &crate::input::model::FrameworkArea,
    derived: &crate::checks::scores::AreaScore,
    out: &mut Vec<Diagnostic>,
) {
    let f = l.eval_file;
    let id = *a.id.get_ref();
    for (key, value) in a.scores.get_ref() {
        let kp = path.at("scores").at(key.get_ref().as_str());
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
                let help = crate::input::structure::misplaced_key(key.get_ref(), &kp)
                    .unwrap_or_else(|| {
                        msg!(
                            "help-its-subareas",
                            ids = crate::base::messages::and_list(&ids)
                        )
                    });
                out.push(
                    Diagnostic::error(
                        f,
                        Some(key.span()),
                        kp,
                        msg!("unknown-subarea", area = id, subarea = key.get_ref()),
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
                        msg!(
                            "score-out-of-range",
                            min = 0,
                            max = s.max,
                            sub = &s.id,
                            title = &s.title,
                            found = v
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
                    path.at("scores"),
                    msg!("missing-score", sub = &s.id, title = &s.title, max = s.max),
                )
                .with_help(msg!("help-missing-score", sub = &s.id)),
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
                    path.at("score"),
                    msg!(
                        "stated-score-differs",
                        area = id,
                        stated = *stated.get_ref(),
                        sum = sum
                    ),
                )
                .with_help(msg!("help-stated-differs", key = "score")),
            );
        }
    }
    check_area_texts(l, path, a, out);
}

/// An area's analysis and its lists of strengths and improvements.
fn check_area_texts(
    l: &Loaded,
    path: &KeyPath,
    a: &crate::input::model::AreaEvaluation,
    out: &mut Vec<Diagnostic>,
) {
    let f = l.eval_file;
    let id = *a.id.get_ref();
    if a.analysis.get_ref().trim().is_empty() {
        out.push(Diagnostic::warning(
            f,
            Some(a.analysis.span()),
            path.at("analysis"),
            msg!("empty-analysis", area = id),
        ));
    }
    for (list, name) in [
        (&a.strengths, "strengths"),
        (&a.improvements, "improvements"),
    ] {
        let items = crate::input::model::AreaEvaluation::bullets(list);
        if items.is_empty() {
            // At the empty list when it is written, at the area's id when it is left out.
            let (span, message) = match list {
                Some(l) => (l.span(), msg!("empty-list", area = id, list = name)),
                None => (a.id.span(), msg!("no-list", area = id, list = name)),
            };
            out.push(
                Diagnostic::warning(f, Some(span), path.at(name), message)
                    .with_help(msg!("help-empty-list")),
            );
        }
        for (k, item) in items.iter().enumerate() {
            let chars = item.get_ref().chars().count();
            if chars > LONG_BULLET {
                out.push(Diagnostic::warning(
                    f,
                    Some(item.span()),
                    path.at(name).nth(k + 1),
                    msg!("long-bullet", chars = chars, aim = LONG_BULLET),
                ));
            }
        }
    }
}

/// A stated total equal to the sum of all sub-scores.
fn check_total(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let e = &l.evaluation;
    let f = l.eval_file;
    let derived = crate::checks::scores::derive(l);
    if let Some(stated) = &e.total {
        let sum = derived.total;
        if *stated.get_ref() != sum {
            out.push(
                Diagnostic::error(
                    f,
                    Some(stated.span()),
                    KeyPath::top("total"),
                    msg!(
                        "stated-total-differs",
                        stated = *stated.get_ref(),
                        sum = sum
                    ),
                )
                .with_help(msg!("help-stated-differs", key = "total")),
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
                    KeyPath::top("area"),
                    msg!("area-missing", area = fa.id, title = &fa.title),
                )
                .with_help(msg!("help-area-missing", area = fa.id)),
            );
        }
    }
}

/// Comparison profiles and earlier evaluations: one value per area, each in its range.
fn check_comparisons(prepared: &crate::checks::prepared::Prepared, out: &mut Vec<Diagnostic>) {
    let l = &prepared.loaded;
    let e = &l.evaluation;
    let fw = &l.framework;
    // Comparison profiles.
    let maxima: Vec<f64> = fw
        .areas
        .iter()
        .map(|a| *a.get_ref().max.get_ref() as f64)
        .collect();
    for (kind, profile) in e.comparison.profiles() {
        let name = kind.key();
        if let Some(p) = profile {
            if let Some(values) = &p.get_ref().values {
                check_values(
                    l,
                    out,
                    &KeyPath::keys(["comparison", name, "values"]),
                    values,
                    &maxima,
                );
            }
            check_profile_text(l, out, &KeyPath::keys(["comparison", name]), p.get_ref());
        }
    }
    // Fixed or computed, with the register and the earlier evaluations in it.
    out.extend(prepared.compared().1.iter().cloned());
    for (i, h) in e.history.iter().enumerate() {
        check_values(
            l,
            out,
            &KeyPath::top("history").nth(i + 1).at("values"),
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
        if text.get_ref().trim().is_empty() && !crate::input::model::is_missing(text) {
            empty = true;
            out.push(Diagnostic::error(
                f,
                Some(text.span()),
                KeyPath::keys(["municipality", key]),
                msg!("must-not-be-empty"),
            ));
        }
    }
    if empty {
        return;
    }
    let name = m.name.get_ref().trim();
    let Some(known) = crate::base::municipalities::find(name) else {
        let place = crate::base::municipalities::place_name(name);
        let help = match crate::base::municipalities::find(&place) {
            Some(k) if k.name != name => msg!("help-place-name-alone", name = k.name),
            _ => closest_municipality(name).map_or(msg!("help-unknown-municipality"), |k| {
                msg!("help-did-you-mean-name", name = k)
            }),
        };
        out.push(
            Diagnostic::warning(
                f,
                Some(m.name.span()),
                KeyPath::keys(["municipality", "name"]),
                msg!("unknown-municipality", name = name),
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
                msg!("official-name-as-name", name = known.name),
                msg!(
                    "help-official-name-as-name",
                    name = known.name,
                    official = known.official_name
                ),
            )
        } else {
            (
                msg!("municipality-written", name = known.name),
                msg!("help-municipality-written"),
            )
        };
        out.push(
            Diagnostic::warning(
                f,
                Some(m.name.span()),
                KeyPath::keys(["municipality", "name"]),
                message,
            )
            .with_help(help),
        );
    }
    check_name_forms(l, known, out);
}

/// The genitive and the official name as the table of municipalities gives them.
fn check_name_forms(
    l: &Loaded,
    known: &crate::base::municipalities::Municipality,
    out: &mut Vec<Diagnostic>,
) {
    let f = l.eval_file;
    let m = &l.evaluation.municipality;
    for (key, value, expected, example) in [
        (
            "genitive",
            &m.genitive,
            known.genitive,
            format!("{} poäng", known.genitive),
        ),
        (
            "official_name",
            &m.official_name,
            known.official_name,
            format!("Analys av {}", known.official_name),
        ),
    ] {
        if value.get_ref().trim() != expected {
            out.push(
                Diagnostic::warning(
                    f,
                    Some(value.span()),
                    KeyPath::keys(["municipality", key]),
                    msg!(
                        "name-form-differs",
                        form = key,
                        name = known.name,
                        expected = expected,
                        found = value.get_ref().trim()
                    ),
                )
                .with_help(msg!(
                    "help-name-form",
                    key = key,
                    expected = expected,
                    example = example
                )),
            );
        }
    }
}

/// The known municipality whose name is closest to `name`, if close enough to be a typo.
fn closest_municipality(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    crate::base::municipalities::all()
        .iter()
        .map(|m| {
            (
                crate::input::load::edit_distance(&lower, &m.name.to_lowercase()),
                m.name,
            )
        })
        .filter(|(d, n)| *d <= 2.max(n.chars().count() / 4))
        .min()
        .map(|(_, n)| n)
}

fn check_profile_text(l: &Loaded, out: &mut Vec<Diagnostic>, path: &KeyPath, p: &Profile) {
    // Missing keys are `compare`'s findings; here, keys given but empty.
    if let Some(label) = &p.label
        && label.get_ref().trim().is_empty()
    {
        out.push(Diagnostic::error(
            l.eval_file,
            Some(label.span()),
            path.at("label"),
            msg!("profile-without-label"),
        ));
    }
    if let Some(source) = &p.source
        && source.get_ref().trim().is_empty()
        && p.from_register.is_none()
    {
        out.push(Diagnostic::error(
            l.eval_file,
            Some(source.span()),
            path.at("source"),
            msg!("profile-without-source"),
        ));
    }
}

fn check_values(
    l: &Loaded,
    out: &mut Vec<Diagnostic>,
    path: &KeyPath,
    values: &toml::Spanned<Vec<toml::Spanned<f64>>>,
    maxima: &[f64],
) {
    let v = values.get_ref();
    if v.len() != maxima.len() {
        out.push(Diagnostic::error(
            l.eval_file,
            Some(values.span()),
            path,
            msg!("values-count", expected = maxima.len(), found = v.len()),
        ));
        return;
    }
    for (i, (value, max)) in v.iter().zip(maxima).enumerate() {
        let x = *value.get_ref();
        if !x.is_finite() || x < 0.0 || x > *max {
            out.push(Diagnostic::error(
                l.eval_file,
                Some(value.span()),
                path.nth(i + 1),
                msg!("value-out-of-range", max = *max, area = i + 1, found = x),
            ));
        }
    }
}

/// What a final report may not contain: anything still as `kompass new` left it – the
/// evaluator "Förnamn Efternamn", "månad år", a text with "PLACEHOLDER", an area whose
/// sub-scores are all 0, a number still marked `# PLACEHOLDER` with the skeleton's value. A draft
/// renders with them.
pub fn check_final(l: &Loaded) -> Vec<Diagnostic> {
    use crate::input::skeleton::{PLACEHOLDER, PLACEHOLDER_EVALUATED, PLACEHOLDER_NAME};
    let f = l.eval_file;
    let e = &l.evaluation;
    let text = l.sources.text(f);
    let mut out = Vec::new();
    for (path, span, s) in l.strings() {
        let span = span.clone();
        let evaluated = *path == KeyPath::keys(["report", "evaluated"]);
        let message =
            if s.trim() == PLACEHOLDER_NAME && path.starts_with(&KeyPath::top("evaluators")) {
                msg!("placeholder-evaluator", placeholder = PLACEHOLDER_NAME)
            } else if s.trim() == PLACEHOLDER_EVALUATED && evaluated {
                msg!("placeholder-evaluated", placeholder = PLACEHOLDER_EVALUATED)
            } else if s.contains(PLACEHOLDER) {
                msg!("placeholder-text", placeholder = PLACEHOLDER)
            } else {
                continue;
            };
        out.push(
            Diagnostic::error(f, Some(span), path, message).with_help(msg!("help-placeholder")),
        );
    }
    for (i, a) in e.areas.iter().enumerate() {
        let scores = a.get_ref().scores.get_ref();
        if !scores.is_empty() && scores.values().all(|v| *v.get_ref() == 0) {
            out.push(
                Diagnostic::error(
                    f,
                    Some(a.get_ref().scores.span()),
                    KeyPath::top("area").nth(i + 1).at("scores"),
                    msg!("placeholder-scores", area = *a.get_ref().id.get_ref()),
                )
                .with_help(msg!("help-placeholder-scores")),
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
                    KeyPath::keys(["municipality", "population"])
                } else {
                    KeyPath::keys(["report", "interviews"])
                };
                out.push(
                    Diagnostic::error(
                        f,
                        Some(start..start + value.len()),
                        path,
                        msg!("placeholder-number", key = key, value = value),
                    )
                    .with_help(msg!("help-placeholder-number")),
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
    let markup = |path: &KeyPath| {
        matches!(
            path.nearest_key().unwrap_or_default(),
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
        let span = span.clone();
        if !markup(path) {
            continue;
        }
        let (lists, emphasis) = crate::base::markup::nesting(&crate::base::markup::parse(text));
        for (depth, what) in [(lists, "lists"), (emphasis, "emphasis")] {
            if depth > MAX_NESTING {
                out.push(
                    Diagnostic::error(
                        l.eval_file,
                        Some(span.clone()),
                        path,
                        msg!(
                            "nested-too-deep",
                            what = what,
                            depth = depth,
                            most = MAX_NESTING
                        ),
                    )
                    .with_help(msg!("help-nested-too-deep")),
                );
            }
        }
    }
    out
}

/// A TOML date without time, and a real one: the date a value is, if it is one.
fn check_date(
    f: crate::base::diagnostics::FileId,
    value: &toml::Spanned<toml::value::Datetime>,
    path: &KeyPath,
    out: &mut Vec<Diagnostic>,
) -> Option<toml::value::Date> {
    let date = value.get_ref();
    if date.date.is_none() || date.time.is_some() || date.offset.is_some() {
        out.push(Diagnostic::error(
            f,
            Some(value.span()),
            path,
            msg!("not-a-date", found = date.to_string()),
        ));
        return None;
    }
    let d = date.date?;
    if !(1..=12).contains(&d.month) || d.day == 0 || d.day > days_in_month(d.year as i32, d.month) {
        out.push(Diagnostic::error(
            f,
            Some(value.span()),
            path,
            msg!("not-in-calendar", date = date.to_string()),
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
    let today = crate::input::skeleton::today_iso();
    let today_days = today[..4]
        .parse()
        .ok()
        .zip(today[5..7].parse().ok())
        .zip(today[8..].parse().ok())
        .map_or(0, |((y, m), dd)| {
            crate::base::format::days_from_civil(y, m, dd)
        });
    let days = crate::base::format::days_from_civil(i32::from(d.year), d.month, d.day);
    if days > today_days + 366 {
        out.push(
            Diagnostic::error(
                f,
                span.clone(),
                KeyPath::keys(["report", "date"]),
                msg!("date-far-ahead", date = d.to_string()),
            )
            .with_help(msg!("help-date-far-ahead")),
        );
    } else if days > today_days {
        out.push(Diagnostic::warning(
            f,
            span.clone(),
            KeyPath::keys(["report", "date"]),
            msg!("date-after-today", date = d.to_string()),
        ));
    }
    let evaluated = &l.evaluation.report.evaluated;
    if let Some((year, month)) = crate::base::format::month_year(evaluated)
        && (i32::from(d.year), d.month) < (year, month)
    {
        out.push(
            Diagnostic::error(
                f,
                span,
                KeyPath::keys(["report", "date"]),
                msg!(
                    "date-before-evaluation",
                    date = d.to_string(),
                    evaluated = evaluated
                ),
            )
            .with_help(msg!("help-date-before-evaluation")),
        );
    }
}

/// `evaluated` is free text that the report prints after "Utvärderingen … gjordes": a text that
/// cannot stand there ("v. 34 2023") is named, with what can.
fn check_evaluated(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let evaluated = l.evaluation.report.evaluated.trim();
    if evaluated == crate::input::skeleton::PLACEHOLDER_EVALUATED
        || crate::base::phrases::when_evaluated(evaluated).1
    {
        return;
    }
    let span = l
        .strings()
        .iter()
        .find(|(path, _, _)| *path == KeyPath::keys(["report", "evaluated"]))
        .map(|(_, span, _)| span.clone());
    out.push(
        Diagnostic::warning(
            l.eval_file,
            span,
            KeyPath::keys(["report", "evaluated"]),
            msg!("evaluated-cannot-stand", evaluated = evaluated),
        )
        .with_help(msg!("help-evaluated")),
    );
}

/// Versions increase and are not dated before the one before them.
fn check_revisions(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let f = l.eval_file;
    let mut previous: Option<(i64, Option<toml::value::Date>)> = None;
    for (i, r) in l.evaluation.revisions.iter().enumerate() {
        let path = KeyPath::top("revision").nth(i + 1);
        let r = r.get_ref();
        let version = *r.version.get_ref();
        let date = check_date(f, &r.date, &path.at("date"), out);
        if version < 1 {
            out.push(Diagnostic::error(
                f,
                Some(r.version.span()),
                path.at("version"),
                msg!("version-below-one", found = version),
            ));
        }
        if r.changes.get_ref().trim().is_empty() {
            out.push(Diagnostic::error(
                f,
                Some(r.changes.span()),
                path.at("changes"),
                msg!("revision-without-changes"),
            ));
        }
        if let Some((pv, pd)) = previous {
            if version <= pv {
                out.push(
                    Diagnostic::error(
                        f,
                        Some(r.version.span()),
                        path.at("version"),
                        msg!("version-order", version = version, previous = pv),
                    )
                    .with_help(msg!("help-next-version", next = pv + 1)),
                );
            }
            if let (Some(d), Some(p)) = (date, pd)
                && (d.year, d.month, d.day) < (p.year, p.month, p.day)
            {
                out.push(Diagnostic::error(
                    f,
                    Some(r.date.span()),
                    path.at("date"),
                    msg!(
                        "version-date-order",
                        version = version,
                        date = d.to_string(),
                        previous = pv,
                        previous_date = p.to_string()
                    ),
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
