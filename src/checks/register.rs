//! The results register: one row per evaluation with its area scores and total (always the
//! derived sums, never retyped), as CSV (RFC 4180, UTF-8) or JSON – the table evaluators keep
//! of all evaluations.

use std::ops::Range;

use crate::base::messages::Message;
use crate::base::messages::msg;

use serde::{Deserialize, Serialize};

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

/// One cell as read: its text, and for CSV where it stands in the file (byte range).
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub span: Option<Range<usize>>,
}

/// The cells of a CSV text, row by row (RFC 4180: quoted fields may hold commas, quotes and
/// line breaks), each with its byte range.
fn csv_grid(text: &str, separator: char) -> Result<Vec<Vec<Cell>>, CsvError> {
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
                record.push(Cell {
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
                record.push(Cell {
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
        record.push(Cell {
            text: cell,
            span: Some(start..text.len()),
        });
        out.push(record);
    }
    Ok(out)
}

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

/// The name of the sheet kompass writes, and reads first when a workbook has it.
pub const SHEET: &str = "Register";

/// The cells of the register's sheet in an Excel workbook (`Register`, or the first sheet).
///
/// The workbook's parts are inflated once within [`crate::files::read::workbook::WorkbookLimits`] before
/// calamine opens it; the cells are then read one at a time into a sparse grid, bounded by
/// [`MAX_ROWS`], [`MAX_COLUMNS`] and [`MAX_CELLS`]: a cell the file places at row 1 000 000
/// costs nothing until it is refused.
fn xlsx_grid(bytes: &[u8]) -> Result<(String, Vec<Vec<Cell>>), RegisterError> {
    use calamine::{Reader, Xlsx};
    crate::files::read::workbook::check(
        bytes,
        &crate::files::read::workbook::WorkbookLimits::default(),
    )
    .map_err(|e| RegisterError::Refused(e.message()))?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(
        |e: calamine::XlsxError| {
            RegisterError::Unreadable(msg!("not-a-workbook", reason = e.to_string()))
        },
    )?;
    let sheet = register_sheet(book.sheet_names())?;
    let unreadable =
        |e: calamine::XlsxError| RegisterError::Unreadable(sheet_reason(&sheet, e.to_string()));
    let mut reader = book.worksheet_cells_reader(&sheet).map_err(unreadable)?;
    let mut grid = Grid::default();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, column) = cell.get_position();
        grid.put(row as usize, column as usize, text)
            .map_err(|e| RegisterError::Refused(sheet_reason(&sheet, e.text())))?;
    }
    Ok((sheet, grid.rows))
}

/// The cells of the register's sheet in an OpenDocument spreadsheet (`.ods`, LibreOffice's own
/// format): `Register`, or the first sheet. Its parts are inflated within the workbook limits,
/// and its repeated rows and columns counted ([`crate::files::read::workbook::ods_cells`]) before
/// calamine expands them.
fn ods_grid(bytes: &[u8]) -> Result<(String, Vec<Vec<Cell>>), RegisterError> {
    use calamine::{Ods, Reader};
    use std::io::Read;
    crate::files::read::workbook::check(
        bytes,
        &crate::files::read::workbook::WorkbookLimits::default(),
    )
    .map_err(|e| RegisterError::Refused(e.message()))?;
    let unreadable = |e: String| RegisterError::Unreadable(msg!("not-an-ods", reason = e));
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let mut content = Vec::new();
    zip.by_name("content.xml")
        .map_err(|e| unreadable(e.to_string()))?
        .read_to_end(&mut content)
        .map_err(|e| unreadable(e.to_string()))?;
    let cells = crate::files::read::workbook::ods_cells(&content)
        .map_err(|m| RegisterError::Unreadable(msg!("not-an-ods", reason = m)))?;
    if cells > MAX_CELLS {
        return Err(RegisterError::Refused(msg!(
            "ods-too-many-cells",
            max = MAX_CELLS
        )));
    }
    let mut book: Ods<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::OdsError| unreadable(e.to_string()))?;
    let sheet = register_sheet(book.sheet_names())?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| RegisterError::Unreadable(sheet_reason(&sheet, e.to_string())))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut grid = Grid::default();
    for (r, c, data) in range.used_cells() {
        let text = cell_text(data);
        if text.is_empty() {
            continue;
        }
        grid.put(row0 as usize + r, col0 as usize + c, text)
            .map_err(|e| RegisterError::Refused(sheet_reason(&sheet, e.text())))?;
    }
    Ok((sheet, grid.rows))
}

/// The sheet a register is read from: `Register`, or the first sheet.
fn register_sheet(names: Vec<String>) -> Result<String, RegisterError> {
    names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(SHEET))
        .or(names.first())
        .cloned()
        .ok_or(RegisterError::Unreadable(msg!("workbook-no-sheet")))
}

/// "sheet Register: <why>".
fn sheet_reason(sheet: &str, why: String) -> Message {
    msg!(
        "with-reason",
        what = msg!("place-sheet", sheet = sheet),
        reason = why
    )
}

/// The text of a spreadsheet cell (.xlsx or .ods).
fn cell_text(data: &impl calamine::DataType) -> String {
    if let Some(i) = data.get_int() {
        i.to_string()
    } else if let Some(f) = data.get_float() {
        if f.fract() == 0.0 && f.abs() < 1e15 {
            format!("{}", f as i64)
        } else {
            f.to_string()
        }
    } else if let Some(s) = data.get_string() {
        s.to_string()
    } else if let Some(b) = data.get_bool() {
        b.to_string()
    } else if let Some(d) = data.get_datetime() {
        // A date typed into Excel: the serial number of days since 1899-12-30.
        serial_date(d.as_f64())
    } else if let Some(s) = data.get_datetime_iso() {
        s.chars().take(10).collect()
    } else if let Some(s) = data.get_duration_iso() {
        s.to_string()
    } else if let Some(e) = data.get_error() {
        format!("#{e:?}")
    } else {
        String::new()
    }
}

/// The largest table read from a register, CSV or workbook: rows (the header included),
/// columns, and cells (each row counted up to its last used column).
pub const MAX_ROWS: usize = 100_000;
pub const MAX_COLUMNS: usize = 256;
pub const MAX_CELLS: usize = 2_000_000;

/// A register's cells as they are read, within the limits above.
#[derive(Default)]
struct Grid {
    rows: Vec<Vec<Cell>>,
    cells: usize,
}

impl Grid {
    /// Put a cell at a 0-based place, or say which limit it passes.
    fn put(&mut self, row: usize, column: usize, text: String) -> Result<(), Message> {
        self.place(row, column)?;
        self.rows[row][column].text = text;
        Ok(())
    }

    /// Make room for a cell at a 0-based place.
    fn place(&mut self, row: usize, column: usize) -> Result<(), Message> {
        if row >= MAX_ROWS {
            return Err(msg!("grid-rows", max = MAX_ROWS));
        }
        if column >= MAX_COLUMNS {
            return Err(msg!(
                "grid-columns",
                row = row + 1,
                column = column_letters(column),
                last = column_letters(MAX_COLUMNS - 1),
                max = MAX_COLUMNS
            ));
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            self.cells += column + 1 - cells.len();
            if self.cells > MAX_CELLS {
                return Err(msg!("grid-cells", max = MAX_CELLS));
            }
            cells.resize_with(column + 1, Cell::default);
        }
        Ok(())
    }
}

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

/// An Excel date serial (days since 1899-12-30) as an ISO date.
fn serial_date(serial: f64) -> String {
    // Excel's dates run from 1900 to 9999; anything else is shown as the number it is.
    if !(1.0..2_958_466.0).contains(&serial) {
        return serial.to_string();
    }
    crate::base::format::iso_from_days(serial.floor() as i64 - 25_569)
}

/// The register as an Excel workbook: one sheet `Register`, a bold header row that stays in
/// view, a filter on every column, numbers as numbers and `first_evaluation` as TRUE/FALSE. The
/// same rows give the same bytes (the creation date is fixed).
pub fn to_xlsx(rows: &[Row]) -> crate::base::error::Result<Vec<u8>> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let e = |e: rust_xlsxwriter::XlsxError| {
        crate::base::error::Error::Invalid(msg!("plain", text = e.to_string()))
    };
    let areas = rows.iter().map(|r| r.areas.len()).max().unwrap_or(8);
    let header = header(areas);
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title("Kommunkompassen – resultatregister")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2020, 1, 1).map_err(e)?),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).map_err(e)?;
    let bold = Format::new().set_bold();
    for (c, h) in header.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(e)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let y = i as u32 + 1;
        sheet.write_string(y, 0, &r.municipality).map_err(e)?;
        sheet.write_string(y, 1, &r.code).map_err(e)?;
        sheet.write_number(y, 2, f64::from(r.year)).map_err(e)?;
        sheet.write_string(y, 3, &r.date).map_err(e)?;
        sheet.write_string(y, 4, &r.framework).map_err(e)?;
        sheet.write_boolean(y, 5, r.first_evaluation).map_err(e)?;
        sheet.write_number(y, 6, r.population as f64).map_err(e)?;
        for (k, v) in r.areas.iter().enumerate() {
            sheet.write_number(y, 7 + k as u16, *v as f64).map_err(e)?;
        }
        let after = 7 + areas as u16;
        sheet.write_number(y, after, r.total as f64).map_err(e)?;
        if !r.note.is_empty() {
            sheet.write_string(y, after + 1, &r.note).map_err(e)?;
        }
        if !r.public_note.is_empty() {
            sheet
                .write_string(y, after + 2, &r.public_note)
                .map_err(e)?;
        }
    }
    let last = header.len() as u16 - 1;
    sheet.set_freeze_panes(1, 0).map_err(e)?;
    sheet.autofilter(0, 0, rows.len() as u32, last).map_err(e)?;
    for (c, width) in [(0, 16.0), (3, 11.0), (4, 22.0), (5, 15.0), (6, 11.0)] {
        sheet.set_column_width(c, width).map_err(e)?;
    }
    sheet.set_column_width(last - 1, 48.0).map_err(e)?;
    sheet.set_column_width(last, 48.0).map_err(e)?;
    book.save_to_buffer().map_err(e)
}

/// The header row: the fixed columns, `area_1` … `area_N`, then total and the notes.
fn header(areas: usize) -> Vec<String> {
    let mut header: Vec<String> = HEAD.iter().map(|s| s.to_string()).collect();
    header.extend((1..=areas).map(|i| format!("area_{i}")));
    header.extend(TAIL.iter().map(|s| s.to_string()));
    header
}

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
pub struct Place {
    /// 1-based, the header is row 1 (as a spreadsheet numbers them).
    pub row: usize,
    /// 0-based column index and the column's name, when the finding concerns one cell.
    pub column: Option<(usize, String)>,
    /// Byte range in a CSV file.
    pub span: Option<Range<usize>>,
}

impl Place {
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
    pub place: Place,
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
pub struct Entry {
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
    pub entries: Vec<Entry>,
}

impl Table {
    /// The place of one cell of an entry, by column name (the row alone for an unknown column).
    pub fn place(&self, entry: &Entry, column: &str) -> Place {
        let c = self.header.iter().position(|h| h.trim() == column);
        Place {
            row: entry.number,
            column: c.map(|c| (c, column.to_string())),
            span: c.and_then(|c| entry.spans.get(c).cloned().flatten()),
        }
    }

    pub fn rows(&self) -> Vec<Row> {
        self.entries.iter().map(|e| e.row.clone()).collect()
    }
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
                place: Place {
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

/// The names of a workbook's sheets.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, RegisterError> {
    use calamine::{Reader, Xlsx};
    crate::files::read::workbook::check(
        bytes,
        &crate::files::read::workbook::WorkbookLimits::default(),
    )
    .map_err(|e| RegisterError::Refused(e.message()))?;
    let book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(
        |e: calamine::XlsxError| {
            RegisterError::Unreadable(msg!("not-a-workbook", reason = e.to_string()))
        },
    )?;
    Ok(book.sheet_names())
}

/// Read a register from an Excel workbook.
pub fn parse_xlsx(bytes: &[u8]) -> Result<(Table, Vec<Problem>), RegisterError> {
    let (sheet, grid) = xlsx_grid(bytes)?;
    Ok(from_grid(Some(sheet), grid))
}

/// Read a register file, CSV or Excel by its extension.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<(Table, Vec<Problem>), RegisterError> {
    let lower = name.to_lowercase();
    if !lower.ends_with(".csv") && !is_workbook(name) {
        return Err(RegisterError::Unreadable(msg!("register-file-kinds")));
    }
    if lower.ends_with(".ods") {
        let (sheet, grid) = ods_grid(bytes)?;
        Ok(from_grid(Some(sheet), grid))
    } else if is_xlsx(name) {
        parse_xlsx(bytes)
    } else {
        let (text, note) = csv_text(bytes);
        let (mut table, problems) = parse_csv(&text);
        table.read_as.extend(note);
        Ok((table, problems))
    }
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

fn from_grid(sheet: Option<String>, grid: Vec<Vec<Cell>>) -> (Table, Vec<Problem>) {
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
            place: Place {
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
            place: Place {
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
    cells: &[Cell],
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
        place: Place {
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
    cells: &[Cell],
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
            place: Place {
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
    rec: &[Cell],
    number: usize,
    problems: &mut Vec<Problem>,
) -> Entry {
    let col = |name: &str| header_names.iter().position(|h| h == name);
    let text = |name: &str| {
        col(name)
            .and_then(|c| rec.get(c))
            .map_or("", |c| c.text.trim())
    };
    let mut bad = |c: usize, name: &str, message: Message, help: Option<Message>| {
        problems.push(Problem {
            place: Place {
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
    Entry {
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

fn problem(place: Place, message: Message, help: Option<Message>, warning: bool) -> Problem {
    Problem {
        place,
        message,
        help,
        warning,
    }
}

/// A known municipality (or a note saying why not), with its own SCB code.
fn check_municipality(table: &Table, e: &Entry, out: &mut Vec<Problem>) {
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
fn check_scores(table: &Table, e: &Entry, out: &mut Vec<Problem>) {
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
fn check_dates(table: &Table, e: &Entry, out: &mut Vec<Problem>) {
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
fn check_note_and_population(table: &Table, e: &Entry, out: &mut Vec<Problem>) {
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
    e: &Entry,
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

    fn row(name: &str, note: &str) -> Row {
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

    #[test]
    fn a_date_typed_into_excel_reads_as_iso() {
        // Excel counts days from 1899-12-30: 45253 is the day of the Leksand report.
        assert_eq!(serial_date(45_253.0), "2023-11-23");
        assert_eq!(serial_date(45_253.75), "2023-11-23");
        assert_eq!(serial_date(25_569.0), "1970-01-01");
    }
}
