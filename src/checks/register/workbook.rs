//! Workbook registers: the cells of an Excel workbook (`.xlsx`) or an OpenDocument spreadsheet
//! (`.ods`) read within bounds into a sparse grid, their sheets, Excel's serial dates, and the
//! register written as `.xlsx`.

use crate::base::messages::Message;
use crate::base::messages::msg;

use super::rows::{from_grid, header};
use super::{
    GridCell, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, Problem, RegisterError, Row, Table, column_letters,
};

/// The name of the sheet kompass writes, and reads first when a workbook has it.
pub const SHEET: &str = "Register";

/// The cells of the register's sheet in an Excel workbook (`Register`, or the first sheet).
///
/// The workbook's parts are inflated once within [`crate::files::read::workbook::WorkbookLimits`] before
/// calamine opens it; the cells are then read one at a time into a sparse grid, bounded by
/// [`MAX_ROWS`], [`MAX_COLUMNS`] and [`MAX_CELLS`]: a cell the file places at row 1 000 000
/// costs nothing until it is refused.
fn xlsx_grid(bytes: &[u8]) -> Result<(String, Vec<Vec<GridCell>>), RegisterError> {
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
fn ods_grid(bytes: &[u8]) -> Result<(String, Vec<Vec<GridCell>>), RegisterError> {
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

/// A register's cells as they are read, within the limits above.
#[derive(Default)]
struct Grid {
    rows: Vec<Vec<GridCell>>,
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
            cells.resize_with(column + 1, GridCell::default);
        }
        Ok(())
    }
}

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
    let (sheet, grid) = within_time(bytes, xlsx_grid, WORKBOOK_SECONDS)?;
    Ok(from_grid(Some(sheet), grid))
}

/// Read a register from an OpenDocument spreadsheet.
pub(super) fn parse_ods(bytes: &[u8]) -> Result<(Table, Vec<Problem>), RegisterError> {
    let (sheet, grid) = within_time(bytes, ods_grid, WORKBOOK_SECONDS)?;
    Ok(from_grid(Some(sheet), grid))
}

/// How long a workbook's cells may take to read, in seconds: a real register takes a few
/// milliseconds.
pub const WORKBOOK_SECONDS: u64 = 5;

type Cells = Result<(String, Vec<Vec<GridCell>>), RegisterError>;

/// A workbook's cells read on a thread of their own, given up after [`WORKBOOK_SECONDS`]:
/// calamine's OpenDocument reader can loop for ever on a damaged file (the fuzz test found
/// one), and a register must not hang `check`, `render` or the editor. A thread given up on is
/// left to the process's end.
fn within_time(bytes: &[u8], read: fn(&[u8]) -> Cells, seconds: u64) -> Cells {
    let bytes = bytes.to_vec();
    let (tx, rx) = std::sync::mpsc::channel();
    let started = std::thread::Builder::new()
        .name("workbook".into())
        .spawn(move || {
            let _ = tx.send(read(&bytes));
        });
    let too_slow = || RegisterError::Refused(msg!("register-too-slow", seconds = seconds));
    match started {
        Ok(_) => rx
            .recv_timeout(std::time::Duration::from_secs(seconds))
            .unwrap_or_else(|_| Err(too_slow())),
        Err(_) => Err(too_slow()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_that_takes_too_long_is_given_up() {
        fn endless(_: &[u8]) -> Cells {
            std::thread::sleep(std::time::Duration::from_secs(3));
            Ok((String::new(), Vec::new()))
        }
        let started = std::time::Instant::now();
        let e = within_time(b"", endless, 1).unwrap_err();
        assert!(matches!(e, RegisterError::Refused(m) if m.id == "register-too-slow"));
        assert!(started.elapsed() < std::time::Duration::from_secs(3));
        assert!(within_time(b"", |_| Ok(("R".into(), Vec::new())), 1).is_ok());
    }

    #[test]
    fn a_date_typed_into_excel_reads_as_iso() {
        // Excel counts days from 1899-12-30: 45253 is the day of the Leksand report.
        assert_eq!(serial_date(45_253.0), "2023-11-23");
        assert_eq!(serial_date(45_253.75), "2023-11-23");
        assert_eq!(serial_date(25_569.0), "1970-01-01");
    }
}
