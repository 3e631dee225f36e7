//! What a register must hold beyond its form, row by row and across rows: a known framework
//! and municipality, scores within range that add up, dates in their year, each evaluation once,
//! and first evaluations that are first.

use crate::base::messages::Message;
use crate::base::messages::msg;

use super::{Location, Problem, Table, TableRow};

/// Whether an SCB code as read is the code `known`, also when a spreadsheet dropped its leading
/// zeros (0115 → 115).
pub fn same_code(read: &str, known: &str) -> bool {
    let read = read.trim();
    read == known
        || (!read.is_empty()
            && read.len() < known.len()
            && read.chars().all(|c| c.is_ascii_digit())
            && format!("{read:0>width$}", width = known.len()) == known)
}

/// What a register must hold beyond its form: a framework kompass knows, one score per area of
/// that framework and within its maximum, the total as their sum, a known municipality with its
/// SCB code, a date in the row's year, and each evaluation once.
pub fn check_rows(table: &Table) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen: Vec<(String, String, usize)> = Vec::new();
    for e in &table.entries {
        check_municipality(table, e, &mut out);
        check_scores(table, e, &mut out);
        check_dates(table, e, &mut out);
        check_note_and_population(table, e, &mut out);
        check_once(table, e, &mut seen, &mut out);
    }
    check_first_evaluations(table, &mut out);
    out
}

fn problem(place: Location, message: Message, help: Option<Message>, warning: bool) -> Problem {
    Problem {
        place,
        message,
        help,
        warning,
    }
}

/// A known municipality (or a note saying why not), with its own SCB code.
fn check_municipality(table: &Table, e: &TableRow, out: &mut Vec<Problem>) {
    let r = &e.row;
    if r.municipality.is_empty() {
        out.push(problem(
            table.place(e, "municipality"),
            msg!("register-empty-municipality"),
            None,
            false,
        ));
        return;
    }
    match crate::base::municipalities::find(&r.municipality) {
        // A name kompass does not know is a warning, unless the row's note explains it (an
        // invented example row, a merged municipality).
        None if !r.note.trim().is_empty() || !r.public_note.trim().is_empty() => {}
        None => out.push(problem(
            table.place(e, "municipality"),
            msg!("unknown-municipality", name = &r.municipality),
            Some(msg!("help-register-unknown-municipality")),
            true,
        )),
        Some(m) if !r.code.is_empty() && r.code != m.code && same_code(&r.code, m.code) => {
            out.push(problem(
                table.place(e, "code"),
                msg!(
                    "register-lost-zero",
                    found = &r.code,
                    name = m.name,
                    code = m.code
                ),
                Some(msg!("help-register-lost-zero")),
                true,
            ));
        }
        Some(m) if !r.code.is_empty() && r.code != m.code => out.push(problem(
            table.place(e, "code"),
            msg!(
                "register-wrong-code",
                name = m.name,
                code = m.code,
                found = &r.code
            ),
            None,
            false,
        )),
        Some(_) => {}
    }
}

/// A known framework, one score per area within its maximum, and the total as their sum.
fn check_scores(table: &Table, e: &TableRow, out: &mut Vec<Problem>) {
    let r = &e.row;
    match crate::input::load::framework_areas(&r.framework) {
        None => out.push(problem(
            table.place(e, "framework"),
            msg!("register-unknown-framework", framework = &r.framework),
            Some(crate::input::load::known_frameworks()),
            false,
        )),
        Some(areas) => {
            if r.areas.len() < areas.len() || r.areas.iter().skip(areas.len()).any(|v| *v != 0) {
                out.push(problem(
                    table.place(e, &format!("area_{}", r.areas.len().min(areas.len()) + 1)),
                    msg!(
                        "register-area-count",
                        framework = crate::input::load::framework_name(&r.framework)
                            .unwrap_or(r.framework.clone()),
                        areas = areas.len(),
                        found = r.areas.len()
                    ),
                    None,
                    false,
                ));
            }
            for (k, (v, a)) in r.areas.iter().zip(&areas).enumerate() {
                if !(0..=a.max).contains(v) {
                    out.push(problem(
                        table.place(e, &format!("area_{}", k + 1)),
                        msg!(
                            "register-area-range",
                            value = *v,
                            max = a.max,
                            area = a.id,
                            title = &a.title
                        ),
                        None,
                        false,
                    ));
                }
            }
        }
    }
    let sum = r.areas.iter().fold(0i64, |a, v| a.saturating_add(*v));
    if sum != r.total {
        out.push(problem(
            table.place(e, "total"),
            msg!("register-total", total = r.total, sum = sum),
            Some(msg!("help-register-total")),
            false,
        ));
    }
}

/// A plausible year, and a date as YYYY-MM-DD in that year.
fn check_dates(table: &Table, e: &TableRow, out: &mut Vec<Problem>) {
    let r = &e.row;
    if !(1990..=2100).contains(&r.year) {
        out.push(problem(
            table.place(e, "year"),
            msg!("register-year", year = r.year),
            None,
            false,
        ));
    }
    if r.date.is_empty() {
        return;
    }
    let ok = r.date.len() == 10
        && r.date.as_bytes()[4] == b'-'
        && r.date.as_bytes()[7] == b'-'
        && r.date[..4].parse::<i32>().is_ok()
        && r.date[5..7]
            .parse::<u8>()
            .is_ok_and(|m| (1..=12).contains(&m))
        && r.date[8..]
            .parse::<u8>()
            .is_ok_and(|d| (1..=31).contains(&d));
    if !ok {
        out.push(problem(
            table.place(e, "date"),
            msg!("register-date", date = &r.date),
            None,
            false,
        ));
    } else if r.date[..4].parse::<i32>() != Ok(r.year) {
        out.push(problem(
            table.place(e, "date"),
            msg!("register-date-year", date = &r.date, year = r.year),
            None,
            false,
        ));
    }
}

/// A public note the report's font can print (it is printed under the charts that use the
/// row), and a positive population.
fn check_note_and_population(table: &Table, e: &TableRow, out: &mut Vec<Problem>) {
    let r = &e.row;
    let unprintable: Vec<String> = r
        .public_note
        .chars()
        .filter(|c| !crate::checks::glyphs::printable(*c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    if !unprintable.is_empty() {
        out.push(problem(
            table.place(e, "public_note"),
            msg!("register-note-glyphs", characters = unprintable.join(", ")),
            Some(msg!("help-register-note-glyphs")),
            false,
        ));
    }
    if r.population <= 0 {
        out.push(problem(
            table.place(e, "population"),
            msg!("register-population", population = r.population),
            None,
            false,
        ));
    }
}

/// Each evaluation (municipality and date, or year) once.
fn check_once(
    table: &Table,
    e: &TableRow,
    seen: &mut Vec<(String, String, usize)>,
    out: &mut Vec<Problem>,
) {
    let r = &e.row;
    let key = r.identity();
    if let Some((_, _, before)) = seen.iter().find(|(m, d, _)| (m, d) == (&key.0, &key.1)) {
        out.push(problem(
            table.place(e, "municipality"),
            msg!(
                "register-twice",
                name = &r.municipality,
                when = &key.1,
                row = *before
            ),
            Some(msg!("help-register-twice")),
            false,
        ));
    } else {
        seen.push((key.0, key.1, e.number));
    }
}

/// A first evaluation has no earlier one of the same municipality.
fn check_first_evaluations(table: &Table, out: &mut Vec<Problem>) {
    for e in &table.entries {
        let r = &e.row;
        if !r.first_evaluation {
            continue;
        }
        let earlier = table.entries.iter().find(|o| {
            o.row.municipality.to_lowercase() == r.municipality.to_lowercase()
                && (o.row.year < r.year
                    || (o.row.year == r.year && !o.row.date.is_empty() && o.row.date < r.date))
        });
        if let Some(o) = earlier {
            out.push(problem(
                table.place(e, "first_evaluation"),
                msg!(
                    "register-first-evaluation",
                    name = &r.municipality,
                    year = r.year,
                    row = o.number,
                    earlier = o.row.year
                ),
                Some(msg!("help-register-first-evaluations")),
                true,
            ));
        }
    }
}
