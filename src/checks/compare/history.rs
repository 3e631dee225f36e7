//! Earlier evaluations: `[[history]]` and the municipality's own earlier rows in the register,
//! their areas matched by number, and the notes the report prints about them.

use crate::base::diagnostics::{Cell, Diagnostic, FileId};
use crate::base::keypath::KeyPath;
use crate::base::messages::Message;
use crate::base::messages::msg;
use crate::checks::register::{Table, TableRow};
use crate::input::load::Loaded;

use super::*;

/// The earlier evaluations: `[[history]]` entries and the municipality's earlier rows in the
/// register, oldest first.
pub(super) fn history(
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
fn row_of(table: &Table, entry: &TableRow) -> Cell {
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
    entry: &TableRow,
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
