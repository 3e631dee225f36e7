//! A grid of cells into a table: the header and its columns (those a register cannot do
//! without, those kompass does not read), and each row read with a problem for every cell that
//! is not what its column holds.

use crate::base::messages::Message;
use crate::base::messages::msg;

use super::{GridCell, Location, Problem, Row, Table, TableRow};

/// The fixed columns before the area scores, and after them.
const HEAD: [&str; 7] = [
    "municipality",
    "code",
    "year",
    "date",
    "framework",
    "first_evaluation",
    "population",
];
const TAIL: [&str; 3] = ["total", "note", "public_note"];

/// The header row: the fixed columns, `area_1` … `area_N`, then total and the notes.
pub(super) fn header(areas: usize) -> Vec<String> {
    let mut header: Vec<String> = HEAD.iter().map(|s| s.to_string()).collect();
    header.extend((1..=areas).map(|i| format!("area_{i}")));
    header.extend(TAIL.iter().map(|s| s.to_string()));
    header
}

/// A grid of cells read as a table: the first row with any text is the header, every later
/// row with any text an entry; with every problem of its form.
pub(super) fn from_grid(sheet: Option<String>, grid: Vec<Vec<GridCell>>) -> (Table, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut table = Table {
        sheet,
        read_as: Vec::new(),
        header: Vec::new(),
        entries: Vec::new(),
    };
    let Some(first) = grid
        .iter()
        .position(|r| r.iter().any(|c| !c.text.trim().is_empty()))
    else {
        problems.push(Problem {
            place: Location {
                row: 1,
                column: None,
                span: None,
            },
            message: msg!("register-empty"),
            help: Some(msg!("help-register-empty", columns = header(8).join(", "))),
            warning: false,
        });
        return (table, problems);
    };
    let header_row = first + 1;
    table.header = grid[first]
        .iter()
        .map(|c| c.text.trim().to_string())
        .collect();
    let col = |name: &str| table.header.iter().position(|h| h == name);
    let area_cols: Vec<usize> = (1..).map_while(|i| col(&format!("area_{i}"))).collect();
    if let Some(p) = missing_columns(&table.header, &area_cols, header_row, &grid[first]) {
        problems.push(p);
        return (table, problems);
    }
    problems.extend(unknown_columns(
        &table.header,
        &area_cols,
        header_row,
        &grid[first],
    ));
    for (i, rec) in grid.iter().enumerate().skip(first + 1) {
        if rec.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        let entry = read_row(&table.header, &area_cols, rec, i + 1, &mut problems);
        table.entries.push(entry);
    }
    if table.entries.is_empty() {
        problems.push(Problem {
            place: Location {
                row: header_row,
                column: None,
                span: None,
            },
            message: msg!("register-no-rows"),
            help: None,
            warning: false,
        });
    }
    (table, problems)
}

/// The columns a register cannot do without, when the header lacks any.
fn missing_columns(
    header_names: &[String],
    area_cols: &[usize],
    header_row: usize,
    cells: &[GridCell],
) -> Option<Problem> {
    let col = |name: &str| header_names.iter().position(|h| h == name);
    let mut missing: Vec<&str> = HEAD
        .iter()
        .chain(&TAIL)
        .copied()
        .filter(|c| col(c).is_none() && !matches!(*c, "note" | "public_note" | "code" | "date"))
        .collect();
    if area_cols.is_empty() {
        missing.push("area_1");
    }
    (!missing.is_empty()).then(|| Problem {
        place: Location {
            row: header_row,
            column: None,
            span: cells.first().and_then(|c| c.span.clone()),
        },
        message: msg!(
            "register-missing-columns",
            count = missing.len(),
            columns = missing.join(", ")
        ),
        help: Some(msg!(
            "help-register-columns",
            columns = header(8).join(", ")
        )),
        warning: false,
    })
}

/// A warning for each column kompass does not read.
fn unknown_columns(
    header_names: &[String],
    area_cols: &[usize],
    header_row: usize,
    cells: &[GridCell],
) -> Vec<Problem> {
    header_names
        .iter()
        .enumerate()
        .filter(|(c, h)| {
            let known =
                HEAD.contains(&h.as_str()) || TAIL.contains(&h.as_str()) || area_cols.contains(c);
            !known && !h.is_empty()
        })
        .map(|(c, h)| Problem {
            place: Location {
                row: header_row,
                column: Some((c, h.clone())),
                span: cells.get(c).and_then(|c| c.span.clone()),
            },
            message: msg!("register-unknown-column", column = h),
            help: None,
            warning: true,
        })
        .collect()
}

/// One row of the register as read, with a problem for each cell that is not what its column
/// holds (the cell then reads as 0 or false).
fn read_row(
    header_names: &[String],
    area_cols: &[usize],
    rec: &[GridCell],
    number: usize,
    problems: &mut Vec<Problem>,
) -> TableRow {
    let col = |name: &str| header_names.iter().position(|h| h == name);
    let text = |name: &str| {
        col(name)
            .and_then(|c| rec.get(c))
            .map_or("", |c| c.text.trim())
    };
    let mut bad = |c: usize, name: &str, message: Message, help: Option<Message>| {
        problems.push(Problem {
            place: Location {
                row: number,
                column: Some((c, name.to_string())),
                span: rec.get(c).and_then(|x| x.span.clone()),
            },
            message,
            help,
            warning: false,
        });
    };
    let mut number_in = |name: &str, c: usize| -> i64 {
        let v = rec.get(c).map_or("", |s| s.text.trim());
        let compact: String = v
            .chars()
            .filter(|ch| !matches!(ch, ' ' | '\u{a0}' | '\u{202f}' | '_'))
            .collect();
        // "16 113", "16_113": a thousands separator is read as the number it means; "45,0"
        // (a decimal comma, as Swedish Excel writes numbers) as the whole number it is.
        let whole = compact
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
            .map(|f| f as i64);
        compact.parse().ok().or(whole).unwrap_or_else(|| {
            let message = if v.is_empty() {
                msg!("register-empty-number")
            } else {
                msg!("register-not-a-number", found = v)
            };
            bad(c, name, message, None);
            0
        })
    };
    let year = number_in("year", col("year").unwrap_or(0)) as i32;
    let population = number_in("population", col("population").unwrap_or(0));
    let total = number_in("total", col("total").unwrap_or(0));
    let areas: Vec<i64> = area_cols
        .iter()
        .enumerate()
        .map(|(k, &c)| number_in(&format!("area_{}", k + 1), c))
        .collect();
    let first_evaluation = match text("first_evaluation").to_lowercase().as_str() {
        "true" | "ja" | "sant" | "1" => true,
        "false" | "nej" | "falskt" | "0" => false,
        other => {
            let message = if other.is_empty() {
                msg!("register-empty-bool")
            } else {
                msg!("register-not-a-bool", found = other)
            };
            let help = Some(msg!("help-register-first-evaluation"));
            bad(
                col("first_evaluation").unwrap_or(0),
                "first_evaluation",
                message,
                help,
            );
            false
        }
    };
    TableRow {
        row: Row {
            municipality: text("municipality").to_string(),
            code: text("code").to_string(),
            year,
            date: text("date").to_string(),
            framework: text("framework").to_string(),
            first_evaluation,
            population,
            areas,
            total,
            note: text("note").to_string(),
            public_note: text("public_note").to_string(),
        },
        number,
        spans: rec.iter().map(|c| c.span.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::row;
    use super::super::{from_csv, to_csv};

    #[test]
    fn problems_are_located_by_row_and_column() {
        let csv = to_csv(&[row("Leksand", "")])
            .replace(",412,", ",413,")
            .replace(",16113,", ",16 1x3,");
        let errors = from_csv(&csv).unwrap_err().to_string();
        let lines: Vec<&str> = errors.lines().collect();
        assert!(
            lines
                .iter()
                .any(|e| e.starts_with("row 2, column G (population)")),
            "{errors}"
        );
        assert!(
            lines
                .iter()
                .any(|e| e.starts_with("row 2, column P (total): 413 is not the sum")),
            "{errors}"
        );
        assert!(
            from_csv("municipality,year\n")
                .unwrap_err()
                .to_string()
                .contains("lacks the columns")
        );
    }
}
