//! Comparisons: the profiles the charts of chapter 2 set the municipality against, and its
//! earlier evaluations. A profile is either fixed values with their source, or computed from
//! the results register (the mean of the rows matching a filter); earlier evaluations come from
//! `[[history]]` and from the municipality's own earlier rows in the register.
//!
//! What the register gave is kept in the PDF (see [`Frozen`]), so that `verify` and `extract`
//! reproduce a report without the register at hand.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::base::diagnostics::{At, Cell, Diagnostic, FileId, Severity, Sources};
use crate::base::keypath::KeyPath;
use crate::base::messages::msg;
use crate::base::messages::{Arg, Message};
use crate::checks::register::{Entry, Problem, Row, Table};
use crate::input::load::Loaded;
use crate::input::model::{Filter, ProfileKind};

/// The fewest rows a computed profile may be the mean of: a mean of one or two municipalities
/// would show their own results.
pub const MIN_ROWS: usize = 3;

/// The register an evaluation names, as far as it could be had.
#[derive(Debug, Clone, Default)]
pub enum RegisterData {
    /// The evaluation names no register.
    #[default]
    None,
    /// Read from its file.
    Read {
        /// The file name as the evaluation gives it.
        name: String,
        /// The file in the diagnostics' sources (a CSV file's text, so findings show the line).
        file: FileId,
        table: Table,
        problems: Vec<Problem>,
    },
    /// The file could not be read: why, and a hint.
    Failed(Message, Option<Message>),
    /// The evaluation was given as text (from a PDF) and nothing says where its register is.
    Unavailable,
    /// What the register gave when a PDF was made, as the PDF keeps it.
    Frozen(Frozen),
}

/// What a report took from its register: kept in the PDF's provenance record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Frozen {
    /// The register's file name.
    pub register: String,
    /// The computed profiles, by key (`national`, `peer`).
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
    /// The municipality's earlier evaluations from the register.
    #[serde(default)]
    pub history: Vec<Earlier>,
}

/// A comparison profile: fixed values with their source, or the mean of register rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub label: String,
    pub source: String,
    /// How the text names the profile after "jämfört med"; the label when not given.
    pub description: String,
    pub values: Vec<f64>,
    /// For a profile computed from the register: what it is the mean of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
}

/// What a computed comparison profile is the mean of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    /// The register's file name.
    pub register: String,
    /// How many rows (evaluations) the mean covers.
    pub count: usize,
    /// The years of the first and the last of them.
    pub years: (i32, i32),
    /// The register's row numbers used.
    pub rows: Vec<usize>,
}

/// One earlier evaluation of the municipality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Earlier {
    pub year: i64,
    /// Area scores matched by area number to the current framework.
    pub values: Vec<f64>,
    /// The framework it was made with.
    pub framework: String,
    /// The register row it comes from; none for a `[[history]]` entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register_row: Option<usize>,
}

/// The comparisons of one evaluation, resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub national: Option<Profile>,
    pub peer: Option<Profile>,
    /// Oldest first.
    pub history: Vec<Earlier>,
    /// What came from the register, to keep in the PDF.
    pub frozen: Option<Frozen>,
}

/// How a register file was read, when not as plain CSV: notes in `file`.
pub fn notes(file: FileId, table: &Table) -> Vec<Diagnostic> {
    table
        .read_as
        .iter()
        .map(|how| Diagnostic::note(file, None, At::file(), how.clone()))
        .collect()
}

/// Register problems as diagnostics in `file`.
pub fn diagnostics(file: FileId, sheet: Option<&str>, problems: &[Problem]) -> Vec<Diagnostic> {
    problems
        .iter()
        .map(|p| {
            let cell =
                Cell {
                    sheet: sheet.map(str::to_string),
                    row: p.place.row,
                    column: p.place.column.as_ref().map(|(c, name)| {
                        (crate::checks::register::column_letters(*c), name.clone())
                    }),
                };
            let severity = if p.warning {
                Severity::Warning
            } else {
                Severity::Error
            };
            let d = Diagnostic::new(
                severity,
                file,
                p.place.span.clone(),
                cell,
                p.message.clone(),
            );
            match &p.help {
                Some(h) => d.with_help(h.clone()),
                None => d,
            }
        })
        .collect()
}

/// Check a register file on its own (`kompass check register.csv`): its sources and findings.
pub fn check_register_file(
    name: &str,
    bytes: &[u8],
) -> Result<(Sources, Vec<Diagnostic>), crate::checks::register::RegisterError> {
    let mut sources = Sources::default();
    let read = crate::checks::register::read(name, bytes);
    let file = sources.add(name, read.text);
    match read.result {
        Ok((table, problems)) => {
            let mut d = notes(file, &table);
            d.extend(diagnostics(file, table.sheet.as_deref(), &problems));
            Ok((sources, d))
        }
        Err(e @ crate::checks::register::RegisterError::Refused(_)) => Err(e),
        Err(e) => {
            let d = Diagnostic::error(file, None, At::file(), msg!("plain", text = e.to_string()));
            Ok((sources, vec![d]))
        }
    }
}

/// Whether a register row is of the municipality with this name: by SCB code when both are
/// known, else by name.
fn is_of(row: &Row, name: &str) -> bool {
    let known = crate::base::municipalities::find(name);
    match known {
        Some(m) if !row.code.is_empty() => crate::checks::register::same_code(&row.code, m.code),
        _ => {
            row.municipality.trim().eq_ignore_ascii_case(name.trim())
                || row.municipality.trim().to_lowercase() == name.trim().to_lowercase()
        }
    }
}

/// The comparisons of a loaded evaluation, and what is wrong with them. Always gives what it
/// can, so that the report model can be built from data with errors too.
pub fn resolve(l: &Loaded, register: &RegisterData) -> (Resolved, Vec<Diagnostic>) {
    let e = &l.evaluation;
    let mut out = Vec::new();
    let mut res = Resolved::default();
    let mut frozen = register_state(l, register, &mut out);
    let usable_table = match register {
        RegisterData::Read {
            table, problems, ..
        } if !problems.iter().any(|p| !p.warning) => Some(table),
        _ => None,
    };
    for (kind, profile) in e.comparison.profiles() {
        let Some(p) = profile else { continue };
        let key = kind.key();
        let path = KeyPath::keys(["comparison", key]);
        let pr = p.get_ref();
        let resolved = match (&pr.values, &pr.from_register) {
            (Some(values), from) => Some(fixed(l, &path, p, values, from.as_ref(), &mut out)),
            (None, Some(filter)) => {
                let computed = Computed {
                    key,
                    path: &path,
                    profile: pr,
                    filter,
                    usable_table,
                };
                computed_profile(l, register, &computed, &mut frozen, &mut out)
            }
            (None, None) => {
                out.push(
                    Diagnostic::error(
                        l.eval_file,
                        Some(p.span()),
                        &path,
                        msg!("profile-without-values"),
                    )
                    .with_help(msg!("help-profile-without-values")),
                );
                None
            }
        };
        match kind {
            ProfileKind::National => res.national = resolved,
            ProfileKind::Peer => res.peer = resolved,
        }
    }
    res.history = history(l, register, usable_table, &mut frozen, &mut out);
    res.frozen = frozen;
    (res, out)
}

/// What the register's state says (its own problems, why it is missing), and the record of
/// what it gives to keep in the PDF.
fn register_state(
    l: &Loaded,
    register: &RegisterData,
    out: &mut Vec<Diagnostic>,
) -> Option<Frozen> {
    let f = l.eval_file;
    let register_span = l.evaluation.register.as_ref().map(Spanned::span);
    match register {
        RegisterData::Read {
            name,
            file,
            table,
            problems,
        } => {
            out.extend(notes(*file, table));
            out.extend(diagnostics(*file, table.sheet.as_deref(), problems));
            Some(Frozen {
                register: name.clone(),
                ..Default::default()
            })
        }
        RegisterData::Failed(message, help) => {
            let d = Diagnostic::error(f, register_span, KeyPath::top("register"), message.clone());
            out.push(match help {
                Some(h) => d.with_help(h.clone()),
                None => d,
            });
            None
        }
        RegisterData::Unavailable => {
            out.push(
                Diagnostic::error(
                    f,
                    register_span,
                    KeyPath::top("register"),
                    msg!("register-unavailable"),
                )
                .with_help(msg!("help-register-unavailable")),
            );
            None
        }
        RegisterData::Frozen(fr) => Some(fr.clone()),
        RegisterData::None => None,
    }
}

/// A profile with fixed values: they need a label and a source, and no filter beside them.
fn fixed(
    l: &Loaded,
    path: &KeyPath,
    p: &Spanned<crate::input::model::Profile>,
    values: &Spanned<Vec<Spanned<f64>>>,
    from: Option<&Spanned<Filter>>,
    out: &mut Vec<Diagnostic>,
) -> Profile {
    let f = l.eval_file;
    let pr = p.get_ref();
    if let Some(from) = from {
        out.push(
            Diagnostic::error(
                f,
                Some(from.span()),
                path.at("from_register"),
                msg!("profile-values-and-register"),
            )
            .with_help(msg!("help-profile-values-and-register")),
        );
    }
    for (k, what) in [("label", &pr.label), ("source", &pr.source)] {
        if what.is_none() {
            out.push(Diagnostic::error(
                f,
                Some(p.span()),
                path,
                msg!("profile-needs", key = k),
            ));
        }
    }
    let label = pr
        .label
        .as_ref()
        .map_or(String::new(), |s| s.get_ref().clone());
    Profile {
        description: pr
            .description
            .clone()
            .unwrap_or_else(|| crate::base::phrases::in_running_text(&label)),
        label,
        source: pr
            .source
            .as_ref()
            .map_or(String::new(), |s| s.get_ref().clone()),
        values: crate::input::model::numbers(values),
        basis: None,
    }
}

/// One profile to compute from the register.
struct Computed<'a> {
    key: &'a str,
    path: &'a KeyPath,
    profile: &'a crate::input::model::Profile,
    filter: &'a Spanned<Filter>,
    usable_table: Option<&'a Table>,
}

/// A profile computed from the register: from the register read now, or what a PDF kept.
fn computed_profile(
    l: &Loaded,
    register: &RegisterData,
    c: &Computed<'_>,
    frozen: &mut Option<Frozen>,
    out: &mut Vec<Diagnostic>,
) -> Option<Profile> {
    let at = |message: Message| {
        Diagnostic::error(
            l.eval_file,
            Some(c.filter.span()),
            c.path.at("from_register"),
            message,
        )
    };
    match register {
        RegisterData::None => {
            out.push(
                at(msg!("profile-without-register"))
                    .with_help(msg!("help-profile-without-register")),
            );
            None
        }
        RegisterData::Frozen(fr) => {
            let kept = fr.profiles.get(c.key).cloned();
            if kept.is_none() {
                out.push(at(msg!("profile-not-kept")));
            }
            kept
        }
        RegisterData::Read { name, .. } => {
            let table = c.usable_table?;
            match compute(l, c.path, c.profile, c.filter, table, name) {
                Ok(p) => {
                    if let Some(fr) = frozen.as_mut() {
                        fr.profiles.insert(c.key.to_string(), p.clone());
                    }
                    Some(p)
                }
                Err(d) => {
                    out.push(*d);
                    None
                }
            }
        }
        RegisterData::Failed(..) | RegisterData::Unavailable => None,
    }
}

/// The earlier evaluations: `[[history]]` entries and the municipality's earlier rows in the
/// register, oldest first.
fn history(
    l: &Loaded,
    register: &RegisterData,
    table: Option<&Table>,
    frozen: &mut Option<Frozen>,
    out: &mut Vec<Diagnostic>,
) -> Vec<Earlier> {
    let e = &l.evaluation;
    let f = l.eval_file;
    let own_fw = l.framework.id.clone();
    let mut all: Vec<Earlier> = e
        .history
        .iter()
        .map(|h| {
            let h = h.get_ref();
            Earlier {
                year: h.year,
                values: crate::input::model::numbers(&h.values),
                framework: h
                    .framework
                    .as_ref()
                    .map_or(own_fw.clone(), |s| s.get_ref().clone()),
                register_row: None,
            }
        })
        .collect();
    for (i, h) in e.history.iter().enumerate() {
        if let Some(fw) = &h.get_ref().framework
            && crate::input::load::framework_areas(fw.get_ref()).is_none()
        {
            out.push(
                Diagnostic::error(
                    f,
                    Some(fw.span()),
                    KeyPath::top("history").nth(i + 1).at("framework"),
                    msg!("unknown-framework", framework = fw.get_ref()),
                )
                .with_help(crate::input::load::known_frameworks()),
            );
        }
    }
    let from_register: Vec<Earlier> = match (register, table) {
        (RegisterData::Frozen(fr), _) => fr.history.clone(),
        (RegisterData::Read { file, .. }, Some(table)) => register_history(l, *file, table, out),
        _ => Vec::new(),
    };
    if let Some(fr) = frozen.as_mut() {
        fr.history = from_register.clone();
    }
    for h in &from_register {
        if let Some((i, typed)) = e
            .history
            .iter()
            .enumerate()
            .find(|(_, t)| t.get_ref().year == h.year)
        {
            out.push(
                Diagnostic::error(
                    f,
                    Some(typed.span()),
                    KeyPath::top("history").nth(i + 1),
                    msg!(
                        "history-also-in-register",
                        year = h.year,
                        row = h.register_row.unwrap_or(0)
                    ),
                )
                .with_help(msg!("help-history-also-in-register")),
            );
        }
    }
    if *e.report.first_evaluation.get_ref()
        && let Some(h) = from_register.first()
    {
        out.push(
            Diagnostic::error(
                f,
                Some(e.report.first_evaluation.span()),
                KeyPath::keys(["report", "first_evaluation"]),
                msg!(
                    "not-the-first-evaluation",
                    name = e.municipality.name.get_ref().trim(),
                    year = h.year,
                    row = h.register_row.unwrap_or(0)
                ),
            )
            .with_help(msg!("help-not-the-first-evaluation")),
        );
    }
    all.extend(
        from_register
            .into_iter()
            .filter(|h| !e.history.iter().any(|t| t.get_ref().year == h.year)),
    );
    all.sort_by_key(|h| h.year);
    all
}

/// The municipality's earlier rows in the register, with area scores matched by area number;
/// a row of this very evaluation whose scores differ is a warning at the row.
fn register_history(
    l: &Loaded,
    file: FileId,
    table: &Table,
    out: &mut Vec<Diagnostic>,
) -> Vec<Earlier> {
    let e = &l.evaluation;
    let name = e.municipality.name.get_ref().trim();
    let date = e.report.date.get_ref().date;
    let iso = date.map_or(String::new(), |d| {
        crate::base::format::iso_date(i32::from(d.year), d.month, d.day)
    });
    let year = date.map_or(0, |d| i64::from(d.year));
    let own_scores = crate::checks::scores::derive(l);
    let own: Vec<i64> = own_scores.areas.iter().map(|a| a.score).collect();
    let mut found = Vec::new();
    for entry in &table.entries {
        let r = &entry.row;
        if !is_of(r, name) {
            continue;
        }
        let same = if r.date.is_empty() {
            i64::from(r.year) == year
        } else {
            r.date == iso
        };
        if same {
            if r.areas != own && r.framework == l.framework.id {
                let differ: Vec<Message> = own
                    .iter()
                    .zip(&r.areas)
                    .enumerate()
                    .filter(|(_, (a, b))| a != b)
                    .map(|(k, (a, b))| {
                        msg!("register-row-area", area = k + 1, register = *b, own = *a)
                    })
                    .collect();
                out.push(
                    Diagnostic::warning(
                        file,
                        table.place(entry, "municipality").span,
                        row_of(table, entry),
                        msg!("register-row-differs", areas = differ),
                    )
                    .with_help(msg!("help-register-row-differs")),
                );
            }
            continue;
        }
        let earlier = if r.date.is_empty() || iso.is_empty() {
            i64::from(r.year) < year
        } else {
            r.date < iso
        };
        if earlier {
            found.push(earlier_row(l, file, table, entry, out));
        }
    }
    let mut found: Vec<Earlier> = found.into_iter().flatten().collect();
    found.sort_by_key(|h| h.year);
    found
}

/// A register row as a finding's place.
fn row_of(table: &Table, entry: &Entry) -> Cell {
    Cell {
        sheet: table.sheet.clone(),
        row: entry.number,
        column: None,
    }
}

/// One earlier register row, its areas matched by number to the evaluation's framework.
fn earlier_row(
    l: &Loaded,
    file: FileId,
    table: &Table,
    entry: &Entry,
    out: &mut Vec<Diagnostic>,
) -> Option<Earlier> {
    let r = &entry.row;
    let mut values = Vec::new();
    for a in &l.framework.areas {
        let id = a.get_ref().id as usize;
        match r.areas.get(id - 1) {
            Some(v) => values.push(*v as f64),
            None => {
                out.push(Diagnostic::error(
                    file,
                    table.place(entry, "framework").span,
                    row_of(table, entry),
                    msg!(
                        "earlier-row-lacks-area",
                        framework = crate::input::load::framework_name(&r.framework)
                            .unwrap_or(r.framework.clone()),
                        area = id,
                        own = &l.framework.name
                    ),
                ));
                return None;
            }
        }
    }
    Some(Earlier {
        year: i64::from(r.year),
        values,
        framework: r.framework.clone(),
        register_row: Some(entry.number),
    })
}

/// "2020–2023", or "2023" for one year.
fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

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
) -> (Vec<&'t Entry>, Vec<(Message, usize)>) {
    let mut steps: Vec<(Message, usize)> = Vec::new();
    let mut rows: Vec<&Entry> = table.entries.iter().collect();
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
    (rows, steps, total): (&[&Entry], &[(Message, usize)], usize),
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
fn note_sentences(rows: &[&Entry]) -> Vec<String> {
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
fn compute(
    l: &Loaded,
    path: &KeyPath,
    p: &crate::input::model::Profile,
    filter: &Spanned<Filter>,
    table: &Table,
    register: &str,
) -> Result<Profile, Box<Diagnostic>> {
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
    Ok(Profile {
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

/// Notes on earlier evaluations made with another framework revision: where an area's name
/// differed, matched by area number. One sentence per revision.
pub fn history_notes(own: &str, history: &[Earlier]) -> Vec<String> {
    let Some(own_areas) = crate::input::load::framework_areas(own) else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for h in history {
        if h.framework == own || seen.contains(&h.framework.as_str()) {
            continue;
        }
        seen.push(&h.framework);
        let Some(theirs) = crate::input::load::framework_areas(&h.framework) else {
            continue;
        };
        let renamed: Vec<String> = theirs
            .iter()
            .filter_map(|a| {
                let now = own_areas.iter().find(|o| o.id == a.id)?;
                (now.title != a.title).then_some(a)
            })
            .enumerate()
            .map(|(i, a)| {
                if i == 0 {
                    format!("område {} hette ”{}”", a.id, a.title)
                } else {
                    format!("område {} ”{}”", a.id, a.title)
                }
            })
            .collect();
        let years: Vec<String> = history
            .iter()
            .filter(|x| x.framework == h.framework)
            .map(|x| x.year.to_string())
            .collect();
        let fw_name =
            crate::input::load::framework_name(&h.framework).unwrap_or(h.framework.clone());
        let which = if years.len() == 1 {
            format!("utvärderingen {}", years[0])
        } else {
            format!("utvärderingarna {}", crate::base::format::join_och(&years))
        };
        notes.push(if renamed.is_empty() {
            format!("I {which} användes {fw_name}; områdena jämförs efter nummer.")
        } else {
            format!(
                "I {which} användes {fw_name}, där {}; områdena jämförs efter nummer.",
                crate::base::format::join_och(&renamed)
            )
        });
    }
    notes
}

/// How a computed profile changed: which register rows it used before and now, and the area
/// means that moved ("rows 3, 5, 7 → rows 3, 5, 8; area 2: 54.3 → 55.0").
fn profile_change(before: Option<&Profile>, after: Option<&Profile>) -> Message {
    let rows = |p: Option<&Profile>| match p.and_then(|p| p.basis.as_ref()) {
        Some(b) => msg!(
            "basis-mean",
            count = b.count,
            rows = crate::base::messages::and_list(&b.rows)
        ),
        None if p.is_some() => msg!("basis-fixed"),
        None => msg!("basis-none"),
    };
    let mut moved: Vec<Message> = Vec::new();
    if let (Some(b), Some(a)) = (before, after) {
        moved = b
            .values
            .iter()
            .zip(&a.values)
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .map(|(i, (x, y))| msg!("area-moved", area = i + 1, before = *x, after = *y))
            .collect();
    }
    let moved = if moved.is_empty() {
        String::new()
    } else {
        format!("; {}", msg!("plain-list", items = moved))
    };
    msg!(
        "basis-change",
        before = rows(before),
        after = rows(after),
        moved = moved
    )
}

/// In words, how what a register gives now differs from what a PDF kept.
pub fn describe_change(before: Option<&Frozen>, after: Option<&Frozen>) -> Message {
    let (Some(before), Some(after)) = (before, after) else {
        return match (before, after) {
            (None, Some(a)) => msg!("register-now-used", register = &a.register),
            (Some(b), None) => msg!("register-no-longer-used", register = &b.register),
            _ => msg!("register-unchanged"),
        };
    };
    let mut parts: Vec<Message> = Vec::new();
    let keys: std::collections::BTreeSet<&String> = before
        .profiles
        .keys()
        .chain(after.profiles.keys())
        .collect();
    for key in keys {
        let (b, a) = (before.profiles.get(key), after.profiles.get(key));
        if b != a {
            parts.push(msg!(
                "profile-changed",
                key = key,
                change = profile_change(b, a)
            ));
        }
    }
    if before.history != after.history {
        let years = |f: &Frozen| {
            f.history
                .iter()
                .map(|h| h.year.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        parts.push(msg!(
            "register-history-changed",
            before = years(before),
            after = years(after),
            same = if years(before) == years(after) {
                "yes"
            } else {
                "no"
            }
        ));
    }
    if parts.is_empty() {
        msg!(
            "register-read-as",
            before = &before.register,
            after = &after.register
        )
    } else {
        msg!(
            "register-changed",
            register = &after.register,
            parts = Arg::List(parts, "list-semicolon")
        )
    }
}

#[cfg(test)]
mod change_tests {
    use super::*;

    fn profile(rows: Vec<usize>, values: Vec<f64>) -> Profile {
        Profile {
            label: "x".into(),
            source: String::new(),
            description: "x".into(),
            values,
            basis: Some(Basis {
                register: "r.csv".into(),
                count: rows.len(),
                years: (2020, 2023),
                rows,
            }),
        }
    }

    #[test]
    fn a_changed_profile_names_its_rows_and_values() {
        let before = profile(vec![3, 5, 7], vec![54.3, 60.0]);
        let after = profile(vec![3, 5, 8], vec![55.0, 60.0]);
        assert_eq!(
            profile_change(Some(&before), Some(&after)).to_string(),
            "was the mean of 3 evaluations (rows 3, 5 and 7), now the mean of 3 evaluations (rows 3, 5 and 8); area 1: 54.3 → 55"
        );
        assert_eq!(
            profile_change(None, Some(&after)).to_string(),
            "was none, now the mean of 3 evaluations (rows 3, 5 and 8)"
        );
    }
}
