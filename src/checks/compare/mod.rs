//! Comparisons: the profiles the charts of chapter 2 set the municipality against, and its
//! earlier evaluations. A profile is either fixed values with their source, or computed from
//! the results register (the mean of the rows matching a filter); earlier evaluations come from
//! `[[history]]` and from the municipality's own earlier rows in the register.
//!
//! What the register gave is kept in the PDF (see [`Frozen`]), so that `verify` and `extract`
//! reproduce a report without the register at hand.
//!
//! One file per job:
//! - `mod.rs`: what the comparisons are ([`Resolved`], [`ResolvedProfile`], [`Frozen`]) and
//!   how they are resolved once ([`resolve`]): fixed values, or a mean of the register;
//! - `mean.rs`: a profile computed from the register: its filter, the rows that match, the
//!   mean and the words of its source;
//! - `history.rs`: earlier evaluations, from `[[history]]` and from the register's own rows;
//! - `change.rs`: what changed in the comparisons between two reports, for `verify`.

mod change;
mod history;
mod mean;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::base::diagnostics::{Diagnostic, FileId};
use crate::base::keypath::KeyPath;
use crate::base::messages::Message;
use crate::base::messages::msg;
use crate::checks::register::{Problem, Row, Table};
use crate::input::load::Loaded;
use crate::input::model::{Filter, ProfileKind};

pub use change::describe_change;
pub use history::history_notes;

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
    pub profiles: BTreeMap<String, ResolvedProfile>,
    /// The municipality's earlier evaluations from the register.
    #[serde(default)]
    pub history: Vec<Earlier>,
}

/// A comparison profile resolved for the report: fixed values with their source, or the mean of
/// register rows. (The file's `[comparison.national]` table, as written, is `model::Profile`.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedProfile {
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
    pub national: Option<ResolvedProfile>,
    pub peer: Option<ResolvedProfile>,
    /// Oldest first.
    pub history: Vec<Earlier>,
    /// What came from the register, to keep in the PDF.
    pub frozen: Option<Frozen>,
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
    res.history = history::history(l, register, usable_table, &mut frozen, &mut out);
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
            out.extend(crate::checks::register::notes(*file, table));
            out.extend(crate::checks::register::diagnostics(
                *file,
                table.sheet.as_deref(),
                problems,
            ));
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
) -> ResolvedProfile {
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
    ResolvedProfile {
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
) -> Option<ResolvedProfile> {
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
            match mean::compute(l, c.path, c.profile, c.filter, table, name) {
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

/// "2020–2023", or "2023" for one year.
fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}
