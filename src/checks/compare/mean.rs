//! A profile computed from the register: the filter with its defaults, the rows that match,
//! the mean per area, and the source in words.

use std::path::Path;

use toml::Spanned;

use crate::base::diagnostics::Diagnostic;
use crate::base::keypath::KeyPath;
use crate::base::messages::msg;
use crate::base::messages::{Arg, Message};
use crate::checks::register::{Table, TableRow};
use crate::input::load::Loaded;
use crate::input::model::Filter;

use super::*;

/// A register filter as given, with its defaults filled in.
struct Criteria {
    framework: String,
    year_from: Option<i64>,
    year_to: i64,
    pop_min: Option<i64>,
    pop_max: Option<i64>,
    first: Option<bool>,
    exclude_self: bool,
}

/// The filter of a computed profile, with its defaults, or the error at the key that is wrong.
fn criteria(
    l: &Loaded,
    path: &KeyPath,
    filter: &Spanned<Filter>,
) -> Result<Criteria, Box<Diagnostic>> {
    let fl = filter.get_ref();
    let err = |span: Option<std::ops::Range<usize>>, key: Option<&str>, message: Message| {
        Box::new(Diagnostic::error(
            l.eval_file,
            Some(span.unwrap_or(filter.span())),
            match key {
                Some(key) => path.at("from_register").at(key),
                None => path.at("from_register"),
            },
            message,
        ))
    };
    let report_year = l
        .evaluation
        .report
        .date
        .get_ref()
        .date
        .map_or(0, |d| i64::from(d.year));
    let framework = fl
        .framework
        .as_ref()
        .map_or(l.framework.id.clone(), |s| s.get_ref().clone());
    if crate::input::load::framework_areas(&framework).is_none() {
        let span = fl.framework.as_ref().map(Spanned::span);
        let d = err(
            span,
            Some("framework"),
            msg!("unknown-framework", framework = &framework),
        );
        return Err(Box::new(
            (*d).with_help(crate::input::load::known_frameworks()),
        ));
    }
    let c = Criteria {
        framework,
        year_from: fl.year_from.as_ref().map(|y| *y.get_ref()),
        year_to: fl.year_to.as_ref().map_or(report_year, |y| *y.get_ref()),
        pop_min: fl.population_min.as_ref().map(|v| *v.get_ref()),
        pop_max: fl.population_max.as_ref().map(|v| *v.get_ref()),
        first: fl.first_evaluation.as_ref().map(|v| *v.get_ref()),
        exclude_self: fl.exclude_self.as_ref().is_none_or(|v| *v.get_ref()),
    };
    if let Some(from) = c.year_from
        && from > c.year_to
    {
        let span = fl.year_from.as_ref().map(Spanned::span);
        let message = msg!("year-from-after-to", from = from, to = c.year_to);
        return Err(err(span, Some("year_from"), message));
    }
    if let (Some(a), Some(b)) = (c.pop_min, c.pop_max)
        && a > b
    {
        let span = fl.population_min.as_ref().map(Spanned::span);
        let message = msg!("population-min-above-max", min = a, max = b);
        return Err(err(span, Some("population_min"), message));
    }
    Ok(c)
}

/// The rows that match, and after each condition how many were left (to explain too few).
fn matching<'t>(
    table: &'t Table,
    c: &Criteria,
    name: &str,
) -> (Vec<&'t TableRow>, Vec<(Message, usize)>) {
    let mut steps: Vec<(Message, usize)> = Vec::new();
    let mut rows: Vec<&TableRow> = table.entries.iter().collect();
    rows.retain(|x| x.row.framework == c.framework);
    // The framework by its name in prose ("Kommunkompassen 2020"), its id only when unknown.
    let framework = crate::input::load::framework_name(&c.framework).unwrap_or(c.framework.clone());
    steps.push((msg!("step-framework", framework = framework), rows.len()));
    rows.retain(|x| {
        let y = i64::from(x.row.year);
        y <= c.year_to && c.year_from.is_none_or(|from| y >= from)
    });
    steps.push((
        match c.year_from {
            Some(from) => msg!("step-years", from = from, to = c.year_to),
            None => msg!("step-up-to", to = c.year_to),
        },
        rows.len(),
    ));
    if c.pop_min.is_some() || c.pop_max.is_some() {
        rows.retain(|x| {
            c.pop_min.is_none_or(|m| x.row.population >= m)
                && c.pop_max.is_none_or(|m| x.row.population <= m)
        });
        steps.push((msg!("step-population"), rows.len()));
    }
    if let Some(first) = c.first {
        rows.retain(|x| x.row.first_evaluation == first);
        let what = if first {
            msg!("step-first")
        } else {
            msg!("step-not-first")
        };
        steps.push((what, rows.len()));
    }
    if c.exclude_self {
        rows.retain(|x| !is_of(&x.row, name));
        steps.push((msg!("step-not-own", name = name), rows.len()));
    }
    (rows, steps)
}

/// The error for fewer rows than a mean needs, with how many each condition left.
fn too_few(
    l: &Loaded,
    path: &KeyPath,
    filter: &Spanned<Filter>,
    register: &str,
    (rows, steps, total): (&[&TableRow], &[(Message, usize)], usize),
) -> Box<Diagnostic> {
    let listed: Vec<String> = rows.iter().map(|x| x.number.to_string()).collect();
    let trail: Vec<Message> = steps
        .iter()
        .map(|(what, left)| msg!("step-left", left = *left, what = what.clone()))
        .collect();
    Box::new(
        Diagnostic::error(
            l.eval_file,
            Some(filter.span()),
            path.at("from_register"),
            msg!(
                "too-few-rows",
                count = rows.len(),
                rows = crate::base::messages::and_list(&listed),
                register = register,
                min = MIN_ROWS
            ),
        )
        .with_help(msg!(
            "help-too-few-rows",
            total = total,
            steps = Arg::List(trail, "list-then")
        )),
    )
}

/// What the mean covers, as the source line says it: one sentence on which evaluations the
/// register gave, and one saying that the municipality's own are left out.
fn covered(l: &Loaded, c: &Criteria, n: usize) -> Vec<String> {
    let fw_name = crate::input::load::framework_name(&c.framework).unwrap_or(c.framework.clone());
    let register = register_name(&l.evaluation.report.publisher);
    let mut conditions = vec![format!("gjorda enligt {fw_name}")];
    conditions.push(match c.year_from {
        Some(from) => format!("åren {}", years(from as i32, c.year_to as i32)),
        None => format!("till och med {}", c.year_to),
    });
    let int = crate::base::format::int;
    match (c.pop_min, c.pop_max) {
        (Some(a), Some(b)) => {
            conditions.push(format!("i kommuner med {}–{} invånare", int(a), int(b)))
        }
        (None, Some(b)) => conditions.push(format!("i kommuner med högst {} invånare", int(b))),
        (Some(a), None) => conditions.push(format!("i kommuner med minst {} invånare", int(a))),
        (None, None) => {}
    }
    let mut sentence = format!(
        "{} i {register}, {}",
        crate::base::phrases::capitalised(&crate::base::phrases::mean_of(n, "")),
        conditions.join(" ")
    );
    match c.first {
        Some(true) => sentence.push_str(", som var kommunernas första utvärdering"),
        Some(false) => sentence.push_str(", som inte var kommunernas första utvärdering"),
        None => {}
    }
    sentence.push('.');
    let mut out = vec![sentence];
    if c.exclude_self {
        let genitive = l.evaluation.municipality.genitive.get_ref().trim();
        out.push(format!("{genitive} egna utvärderingar är inte medräknade."));
    }
    out
}

/// The register named as its publisher's: "SKR:s resultatregister för Kommunkompassen" for the
/// report of Sveriges Kommuner och Regioner, else "resultatregistret för Kommunkompassen".
fn register_name(publisher: &str) -> String {
    let p = publisher.trim();
    if p.eq_ignore_ascii_case("Sveriges Kommuner och Regioner") || p.eq_ignore_ascii_case("SKR") {
        "SKR:s resultatregister för Kommunkompassen".into()
    } else {
        "resultatregistret för Kommunkompassen".into()
    }
}

/// The sentences on the notes the register gives for the rows used (e.g. that a row is an
/// invented example): one per distinct note.
fn note_sentences(rows: &[&TableRow]) -> Vec<String> {
    let n = rows.len();
    let mut notes: Vec<(String, usize)> = Vec::new();
    for x in rows {
        let note = x.row.public_note.trim();
        if note.is_empty() {
            continue;
        }
        match notes.iter_mut().find(|(t, _)| t == note) {
            Some((_, k)) => *k += 1,
            None => notes.push((note.to_string(), 1)),
        }
    }
    notes
        .iter()
        .map(|(note, k)| {
            let note = note.trim_end_matches('.');
            crate::base::phrases::rows_noted(*k, n, note)
        })
        .collect()
}

/// A computed profile: the mean per area of the register's rows that match the filter.
pub(super) fn compute(
    l: &Loaded,
    path: &KeyPath,
    p: &crate::input::model::Profile,
    filter: &Spanned<Filter>,
    table: &Table,
    register: &str,
) -> Result<ResolvedProfile, Box<Diagnostic>> {
    let c = criteria(l, path, filter)?;
    let name = l.evaluation.municipality.name.get_ref().trim();
    let (rows, steps) = matching(table, &c, name);
    let n = rows.len();
    if n < MIN_ROWS {
        let total = table.entries.len();
        return Err(too_few(l, path, filter, register, (&rows, &steps, total)));
    }
    let values: Vec<f64> = (0..l.framework.areas.len())
        .map(|k| {
            let sum: i64 = rows
                .iter()
                .map(|x| x.row.areas.get(k).copied().unwrap_or(0))
                .sum();
            (sum as f64 / n as f64 * 10.0).round() / 10.0
        })
        .collect();
    let first_year = rows.iter().map(|x| x.row.year).min().unwrap_or(0);
    let last_year = rows.iter().map(|x| x.row.year).max().unwrap_or(0);
    let span_years = years(first_year, last_year);
    let generated = crate::base::phrases::mean_label(n, &span_years);
    // The source line: the evaluator's own words, then what the mean covers, then the notes.
    let file_name = Path::new(register)
        .file_name()
        .map_or(register.to_string(), |s| s.to_string_lossy().into_owned());
    let mut source = Vec::new();
    if let Some(s) = p
        .source
        .as_ref()
        .map(|s| s.get_ref().trim())
        .filter(|s| !s.is_empty())
    {
        source.push(if s.ends_with(['.', '!', '?']) {
            s.to_string()
        } else {
            format!("{s}.")
        });
    }
    source.extend(covered(l, &c, n));
    source.extend(note_sentences(&rows));
    let label = p
        .label
        .as_ref()
        .map(|s| s.get_ref().trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or(generated.clone());
    Ok(ResolvedProfile {
        description: p
            .description
            .clone()
            .unwrap_or_else(|| crate::base::phrases::mean_of(n, &span_years)),
        label,
        source: source.join(" "),
        values,
        basis: Some(Basis {
            register: file_name,
            count: n,
            years: (first_year, last_year),
            rows: rows.iter().map(|x| x.number).collect(),
        }),
    })
}
