//! The results register: one row per evaluation with its area scores and total (always the
//! derived sums, never retyped), as CSV (RFC 4180, UTF-8) or JSON – the table evaluators keep
//! of all evaluations.
//!
//! One file per job:
//! - `mod.rs`: the row model ([`Row`], [`Table`], [`TableRow`], [`Location`], [`Problem`],
//!   [`RegisterError`]), the limits, and a file read by its kind and checked ([`read`]);
//! - `csv.rs`: the CSV dialects, the CSV grid with each cell's byte range, and writing CSV;
//! - `workbook.rs`: the grids of workbooks (`.xlsx`, `.ods`), their sheets, Excel's serial
//!   dates, and writing `.xlsx`;
//! - `rows.rs`: a grid into a table: the header and its columns, each row read;
//! - `rules.rs`: what a register must hold beyond its form ([`check_rows`]);
//! - `findings.rs`: how a register was read and its problems, as diagnostics at their cells
//!   ([`check_file`]).

mod csv;
mod findings;
mod rows;
mod rules;
mod workbook;

use std::ops::Range;

use crate::base::messages::Message;
use crate::base::messages::msg;

use serde::{Deserialize, Serialize};

pub use csv::{Dialect, csv_text, dialect_of, parse_csv, to_csv, to_csv_as};
pub use findings::{check_file, diagnostics, notes};
pub use rules::{check_rows, same_code};
pub use workbook::{SHEET, parse_xlsx, sheet_names, to_xlsx};

/// One evaluation in the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The place name, "Leksand".
    pub municipality: String,
    /// SCB's municipality code when the name is known, else empty.
    pub code: String,
    pub year: i32,
    /// The report date, ISO.
    pub date: String,
    pub framework: String,
    pub first_evaluation: bool,
    pub population: i64,
    /// One score per area, in framework order.
    pub areas: Vec<i64>,
    pub total: i64,
    /// Free text, e.g. that a row is an invented example.
    pub note: String,
    /// Text for the readers of a report whose mean uses the row, printed under its chart: that
    /// a row is an invented example, say. `note` is the evaluators' own and never printed.
    pub public_note: String,
}

impl Row {
    /// Which evaluation a row is: its municipality (in any case) and its date, or its year when
    /// it has no date. A register holds each evaluation once (`check` says so of a second row),
    /// and `export` gives one evaluation one row, replacing the row of the same evaluation.
    pub fn identity(&self) -> (String, String) {
        (
            self.municipality.to_lowercase(),
            if self.date.is_empty() {
                self.year.to_string()
            } else {
                self.date.clone()
            },
        )
    }
}

/// One cell as read: its text, and for CSV where it stands in the file (byte range).
#[derive(Debug, Clone, Default)]
pub struct GridCell {
    pub text: String,
    pub span: Option<Range<usize>>,
}

/// The largest table read from a register, CSV or workbook: rows (the header included),
/// columns, and cells (each row counted up to its last used column).
pub const MAX_ROWS: usize = 100_000;
pub const MAX_COLUMNS: usize = 256;
pub const MAX_CELLS: usize = 2_000_000;

/// Why a register file was not read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterError {
    /// Refused before reading: over kompass's bounds for files from outside.
    Refused(Message),
    /// Not a register kompass can read (not a workbook, not UTF-8, the wrong kind of file).
    Unreadable(Message),
    /// Read, with these errors in its rows.
    Problems(Vec<Problem>),
}

impl std::fmt::Display for RegisterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RegisterError::Refused(e) | RegisterError::Unreadable(e) => write!(f, "{e}"),
            RegisterError::Problems(list) => {
                let lines: Vec<String> = list.iter().map(Problem::to_string).collect();
                write!(f, "{}", lines.join("\n"))
            }
        }
    }
}

impl std::error::Error for RegisterError {}

/// A spreadsheet column's letters: 0 → A, 26 → AA.
pub fn column_letters(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Where a finding about the register stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based, the header is row 1 (as a spreadsheet numbers them).
    pub row: usize,
    /// 0-based column index and the column's name, when the finding concerns one cell.
    pub column: Option<(usize, String)>,
    /// Byte range in a CSV file.
    pub span: Option<Range<usize>>,
}

impl Location {
    /// "row 5, column G (population)"
    pub fn describe(&self) -> String {
        match &self.column {
            Some((c, name)) => format!("row {}, column {} ({name})", self.row, column_letters(*c)),
            None => format!("row {}", self.row),
        }
    }
}

/// One finding about a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Location,
    pub message: Message,
    pub help: Option<Message>,
    pub warning: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place.describe(), self.message)
    }
}

/// One row read from a register, with where its cells stand.
#[derive(Debug, Clone)]
pub struct TableRow {
    pub row: Row,
    /// 1-based row number (the header is row 1).
    pub number: usize,
    /// Per column index: the cell's byte range in a CSV file.
    spans: Vec<Option<Range<usize>>>,
}

/// A register as read from a file.
#[derive(Debug, Clone)]
pub struct Table {
    /// "Register" for a workbook's sheet; none for CSV.
    pub sheet: Option<String>,
    /// How the file was read when it was not plain RFC 4180 UTF-8 CSV (Swedish Excel's
    /// semicolons, Windows-1252): said in a note.
    pub read_as: Vec<Message>,
    pub header: Vec<String>,
    pub entries: Vec<TableRow>,
}

impl Table {
    /// The place of one cell of an entry, by column name (the row alone for an unknown column).
    pub fn place(&self, entry: &TableRow, column: &str) -> Location {
        let c = self.header.iter().position(|h| h.trim() == column);
        Location {
            row: entry.number,
            column: c.map(|c| (c, column.to_string())),
            span: c.and_then(|c| entry.spans.get(c).cloned().flatten()),
        }
    }

    pub fn rows(&self) -> Vec<Row> {
        self.entries.iter().map(|e| e.row.clone()).collect()
    }
}

/// A register file read and checked, as `kompass check register.csv` and an evaluation that
/// names its register read it.
#[derive(Debug, Clone)]
pub struct Read {
    /// The file as diagnostics show it: a CSV's text (UTF-8, else Windows-1252); empty for a
    /// workbook, whose findings are placed by sheet and cell. Also when the file was not read.
    pub text: String,
    /// The table and every problem, those of its form first and then those of its rows
    /// ([`check_rows`]); or why the file was not read at all.
    pub result: Result<(Table, Vec<Problem>), RegisterError>,
}

/// Read a register file, CSV or workbook by its extension, and check its rows: the one read of
/// a register file with its findings.
pub fn read(name: &str, bytes: &[u8]) -> Read {
    let (text, parsed) = parse(name, bytes);
    let result = parsed.map(|(table, mut problems)| {
        problems.extend(check_rows(&table));
        (table, problems)
    });
    Read { text, result }
}

/// Read a register file, CSV or Excel by its extension.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<(Table, Vec<Problem>), RegisterError> {
    parse(name, bytes).1
}

/// A register file read by its extension, with its text as diagnostics show it (see [`Read`]);
/// a CSV file is decoded once for both.
fn parse(name: &str, bytes: &[u8]) -> (String, Result<(Table, Vec<Problem>), RegisterError>) {
    if is_xlsx(name) {
        return (String::new(), parse_xlsx(bytes));
    }
    if is_workbook(name) {
        return (String::new(), workbook::parse_ods(bytes));
    }
    let (text, note) = csv_text(bytes);
    if !name.to_lowercase().ends_with(".csv") {
        let kinds = RegisterError::Unreadable(msg!("register-file-kinds"));
        return (text, Err(kinds));
    }
    let (mut table, problems) = parse_csv(&text);
    table.read_as.extend(note);
    (text, Ok((table, problems)))
}

/// Whether a file name is a spreadsheet's (an Excel workbook or an OpenDocument spreadsheet),
/// read by cells rather than as text.
pub fn is_workbook(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".xlsx") || lower.ends_with(".ods")
}

/// Whether a file name is an Excel workbook's.
pub fn is_xlsx(name: &str) -> bool {
    name.to_lowercase().ends_with(".xlsx")
}

/// A register read back from CSV: its rows, or every problem as "row R, column C (name): …".
pub fn from_csv(text: &str) -> Result<Vec<Row>, RegisterError> {
    checked(parse_csv(text))
}

/// A register read back from an Excel workbook, like [`from_csv`].
pub fn from_xlsx(bytes: &[u8]) -> Result<Vec<Row>, RegisterError> {
    checked(parse_xlsx(bytes)?)
}

/// The rows of a register that was read, or its errors (form and content).
fn checked((table, mut problems): (Table, Vec<Problem>)) -> Result<Vec<Row>, RegisterError> {
    problems.extend(check_rows(&table));
    let errors: Vec<Problem> = problems.into_iter().filter(|p| !p.warning).collect();
    if errors.is_empty() {
        Ok(table.rows())
    } else {
        Err(RegisterError::Problems(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of the Leksand report, for the tests of this module's files.
    pub(super) fn row(name: &str, note: &str) -> Row {
        Row {
            municipality: name.into(),
            code: crate::base::municipalities::find(name).map_or(String::new(), |m| m.code.into()),
            year: 2023,
            date: "2023-11-23".into(),
            framework: "kommunkompassen-2020".into(),
            first_evaluation: true,
            population: 16_113,
            areas: vec![52, 57, 54, 48, 52, 48, 48, 53],
            total: 412,
            note: note.into(),
            public_note: String::new(),
        }
    }

    #[test]
    fn a_read_has_the_text_to_show_and_the_problems_of_form_and_rows() {
        let csv = to_csv(&[row("Leksand", "")])
            .replace(",412,", ",413,")
            .replace(",16113,", ",16 1x3,");
        let csv_read = read("register.csv", csv.as_bytes());
        assert_eq!(csv_read.text, csv);
        let (table, problems) = csv_read.result.unwrap();
        assert_eq!(table.entries.len(), 1);
        let found: Vec<String> = problems.iter().map(Problem::to_string).collect();
        // The row's form (a cell that is no number) before its rules (the sum).
        assert!(
            found[0].starts_with("row 2, column G (population)"),
            "{found:?}"
        );
        assert!(found[1].starts_with("row 2, column P (total)"), "{found:?}");
        // A file not read at all still has its text; a workbook has none.
        let other = read("register.json", b"[]");
        assert_eq!(other.text, "[]");
        assert!(matches!(other.result, Err(RegisterError::Unreadable(_))));
        let broken = read("register.xlsx", b"no zip");
        assert_eq!(broken.text, "");
        assert!(broken.result.is_err());
    }
}
