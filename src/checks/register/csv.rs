//! CSV registers: the dialects kompass writes and reads (RFC 4180, Swedish Excel's semicolons
//! and byte order mark, Windows-1252), the grid of cells with their byte ranges, and writing.

use std::ops::Range;

use crate::base::messages::Message;
use crate::base::messages::msg;

use super::rows::{from_grid, header};
use super::{GridCell, Location, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, Problem, Row, Table};

/// A CSV field, quoted when it holds the separator, a quote or a line break (RFC 4180).
fn field(s: &str, separator: char) -> String {
    if s.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The kinds of CSV kompass writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 4180: commas, UTF-8 without a byte order mark. For tools.
    Rfc4180,
    /// What Swedish Excel opens as it should: semicolons (the comma is its decimal sign) and
    /// UTF-8 with a byte order mark (else Excel reads å, ä and ö as Windows-1252).
    Excel,
}

/// The register as RFC 4180 CSV with a header row; `areas` columns `area_1` … `area_N`.
pub fn to_csv(rows: &[Row]) -> String {
    to_csv_as(rows, Dialect::Rfc4180)
}

/// The register as CSV in a dialect.
pub fn to_csv_as(rows: &[Row], dialect: Dialect) -> String {
    let (sep, mut out) = match dialect {
        Dialect::Rfc4180 => (',', String::new()),
        Dialect::Excel => (';', String::from('\u{feff}')),
    };
    let areas = rows.iter().map(|r| r.areas.len()).max().unwrap_or(8);
    out.push_str(&header(areas).join(&sep.to_string()));
    out.push_str("\r\n");
    for r in rows {
        let mut cells = vec![
            field(&r.municipality, sep),
            field(&r.code, sep),
            r.year.to_string(),
            field(&r.date, sep),
            field(&r.framework, sep),
            r.first_evaluation.to_string(),
            r.population.to_string(),
        ];
        cells.extend((0..areas).map(|i| r.areas.get(i).map_or(String::new(), i64::to_string)));
        cells.push(r.total.to_string());
        cells.push(field(&r.note, sep));
        cells.push(field(&r.public_note, sep));
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// The dialect a CSV register was written in (to append to it in the same one).
pub fn dialect_of(text: &str) -> Dialect {
    if separator(text.trim_start_matches('\u{feff}')) == ';' {
        Dialect::Excel
    } else {
        Dialect::Rfc4180
    }
}

/// The cells of a CSV text, row by row (RFC 4180: quoted fields may hold commas, quotes and
/// line breaks), each with its byte range.
fn csv_grid(text: &str, separator: char) -> Result<Vec<Vec<GridCell>>, CsvError> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut cell = String::new();
    let mut start = 0;
    let mut quoted = false;
    let mut opened = 0;
    let mut cells = 0usize;
    let mut chars = text.char_indices().peekable();
    let too_many = |i: usize, what: Message| CsvError {
        message: what,
        span: i..i + 1,
        quote: false,
    };
    while let Some((i, c)) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek().map(|p| p.1) == Some('"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => {
                quoted = true;
                opened = i;
            }
            (false, c) if c == separator => {
                record.push(GridCell {
                    text: std::mem::take(&mut cell),
                    span: Some(start..i),
                });
                start = i + 1;
                if record.len() >= MAX_COLUMNS {
                    return Err(too_many(
                        i,
                        msg!("register-too-many-columns", max = MAX_COLUMNS),
                    ));
                }
            }
            (false, '\r') => {}
            (false, '\n') => {
                let end = if text[..i].ends_with('\r') { i - 1 } else { i };
                record.push(GridCell {
                    text: std::mem::take(&mut cell),
                    span: Some(start..end),
                });
                cells += record.len();
                out.push(std::mem::take(&mut record));
                start = i + 1;
                if out.len() >= MAX_ROWS || cells > MAX_CELLS {
                    return Err(too_many(
                        i,
                        msg!("register-too-long", rows = MAX_ROWS, cells = MAX_CELLS),
                    ));
                }
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            message: msg!("register-quote-never-closed"),
            span: opened..opened + 1,
            quote: true,
        });
    }
    if !cell.is_empty() || !record.is_empty() {
        record.push(GridCell {
            text: cell,
            span: Some(start..text.len()),
        });
        out.push(record);
    }
    Ok(out)
}

/// The separator of a CSV text: `;` when its first line has more semicolons than commas (Swedish
/// Excel saves CSV so, since the comma is its decimal sign), else `,` (RFC 4180).
fn separator(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.chars().filter(|x| *x == c).count();
    if count(';') > count(',') { ';' } else { ',' }
}

/// The text of a CSV register: UTF-8, or else Windows-1252 (what Excel on Windows saves as
/// "CSV"), with a note saying so.
pub fn csv_text(bytes: &[u8]) -> (String, Option<Message>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), Some(msg!("register-read-windows-1252")))
        }
    }
}

/// Why a CSV text could not be split into cells, and where.
struct CsvError {
    message: Message,
    span: Range<usize>,
    /// About quoting (the help says how quotes are written).
    quote: bool,
}

/// Read a register from CSV text: the rows that could be read, and every problem found.
pub fn parse_csv(text: &str) -> (Table, Vec<Problem>) {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let separator = separator(&text[bom..]);
    match csv_grid(&text[bom..], separator) {
        Ok(mut grid) => {
            for cell in grid.iter_mut().flatten() {
                cell.span = cell.span.take().map(|s| s.start + bom..s.end + bom);
            }
            let (mut table, problems) = from_grid(None, grid);
            if separator == ';' {
                table.read_as.push(msg!("register-read-semicolons"));
            }
            (table, problems)
        }
        Err(CsvError {
            message,
            span,
            quote,
        }) => (
            Table {
                sheet: None,
                read_as: Vec::new(),
                header: Vec::new(),
                entries: Vec::new(),
            },
            vec![Problem {
                place: Location {
                    row: text[..span.start + bom].matches('\n').count() + 1,
                    column: None,
                    span: Some(span.start + bom..span.end + bom),
                },
                message,
                help: quote.then(|| msg!("help-csv-quote")),
                warning: false,
            }],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::from_csv;
    use super::super::tests::row;
    use super::*;

    #[test]
    fn csv_round_trips_with_quotes_commas_and_line_breaks() {
        let rows = vec![
            row("Leksand", ""),
            row("Malung-Sälen", "påhittad rad, \"exempel\"\nrad två"),
        ];
        let csv = to_csv(&rows);
        assert!(csv.starts_with(
            "municipality,code,year,date,framework,first_evaluation,population,area_1,"
        ));
        assert_eq!(from_csv(&csv).unwrap(), rows);
    }
}
