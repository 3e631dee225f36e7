//! Workbooks (`.xlsx`, `.ods`) read with bounds. A workbook is a zip of XML parts; before a
//! spreadsheet reader sees it, every part is inflated here once into nothing, counting, so
//! that a part that inflates to gigabytes is refused at the limit instead of filling memory.
//! The sheet's cells are then read one by one with limits on rows, columns and cells
//! (`register::MAX_ROWS` and the like), never as one dense block sized by the positions a file
//! claims.

use std::fmt;
use std::io::{Cursor, Read};

/// The bounds of one workbook.
#[derive(Debug, Clone, Copy)]
pub struct WorkbookLimits {
    /// What one part (one XML file inside the zip) may inflate to.
    pub part: u64,
    /// What all parts together may inflate to.
    pub total: u64,
    /// Parts in the zip.
    pub parts: usize,
}

impl Default for WorkbookLimits {
    fn default() -> Self {
        WorkbookLimits {
            part: 64 << 20,
            total: 128 << 20,
            parts: 1_000,
        }
    }
}

/// Why a workbook was refused before it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// Not a zip archive at all.
    NotZip(String),
    /// More parts than the limit.
    TooManyParts { limit: usize },
    /// One part inflates past the limit.
    PartTooLarge { part: String, limit: u64 },
    /// All parts together inflate past the limit.
    TooLarge { limit: u64 },
    /// A part that cannot be inflated (damaged, encrypted, an unknown compression).
    Unreadable { part: String, why: String },
}

impl WorkbookError {
    /// What went wrong, as data.
    pub fn message(&self) -> crate::base::messages::Message {
        use crate::base::messages::msg;
        let size = |n: u64| super::size(n);
        match self {
            WorkbookError::NotZip(why) => msg!("workbook-not-zip", why = why),
            WorkbookError::TooManyParts { limit } => msg!("workbook-parts", limit = *limit),
            WorkbookError::PartTooLarge { part, limit } => {
                msg!("workbook-part-too-large", part = part, size = size(*limit))
            }
            WorkbookError::TooLarge { limit } => msg!("workbook-too-large", size = size(*limit)),
            WorkbookError::Unreadable { part, why } => {
                msg!("workbook-part-unreadable", part = part, why = why)
            }
        }
    }
}

impl fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for WorkbookError {}

/// How many cells a spreadsheet reader would hold for an OpenDocument spreadsheet's
/// `content.xml`, at most: repeated rows and columns (`table:number-rows-repeated`,
/// `table:number-columns-repeated`) counted as the reader expands them, so that a few bytes
/// that claim a million rows are refused before they are expanded. A cell with content is
/// counted as one with a value.
pub fn ods_cells(content: &[u8]) -> Result<usize, crate::base::messages::Message> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let (mut most, mut table) = (0usize, OdsTable::default());
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| crate::base::messages::msg!("plain", text = e.to_string()))?;
        let (start, element) = match &event {
            Event::Start(e) => (true, e.clone()),
            Event::Empty(e) => (false, e.clone()),
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                table.end_row();
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        let repeat = |name: &str| repeat_count(&element, name);
        match element.name().as_ref() {
            "table:table" => {
                most = most.max(table.cells());
                table = OdsTable::default();
            }
            "table:table-row" => {
                table.start_row(repeat("table:number-rows-repeated")?);
                if !start {
                    table.end_row();
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let valued = start
                    || element
                        .try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some();
                table.cell(repeat("table:number-columns-repeated")?, valued);
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(most.max(table.cells()))
}

/// A repeat count (`table:number-rows-repeated="1000"`), 1 when there is none. Character and
/// entity references are resolved first, as calamine does before it expands the repeats
/// (`"&#49;000000"` is a million); a count that is not a whole number is refused, never taken
/// as 1.
fn repeat_count(
    element: &quick_xml::events::BytesStart,
    name: &str,
) -> Result<usize, crate::base::messages::Message> {
    let Some(attribute) = element
        .try_get_attribute(name)
        .map_err(|e| crate::base::messages::msg!("plain", text = e.to_string()))?
    else {
        return Ok(1);
    };
    let raw: &str = &attribute.value;
    let bad = || {
        let shown: String = raw.chars().filter(|c| !c.is_control()).take(40).collect();
        crate::base::messages::msg!("ods-bad-repeat", attribute = name, value = shown)
    };
    let value = quick_xml::escape::unescape(raw).map_err(|_| bad())?;
    value.parse().map_err(|_| bad())
}

/// The cells of one table as a reader expands them.
#[derive(Default)]
struct OdsTable {
    /// Cells held row by row (up to each row's last value), and the area from the first row
    /// with a value to the last, each row counted as often as it repeats.
    held: usize,
    width: usize,
    rows_before: usize,
    first_row: Option<usize>,
    last_row_end: usize,
    row_repeat: usize,
    column: usize,
    row_end: usize,
}

impl OdsTable {
    const MAX_COLUMNS: usize = 16_384;

    fn start_row(&mut self, repeat: usize) {
        self.row_repeat = repeat.max(1);
        self.column = 0;
        self.row_end = 0;
    }

    fn cell(&mut self, repeat: usize, valued: bool) {
        self.column = (self.column + repeat).min(Self::MAX_COLUMNS);
        if valued {
            self.row_end = self.column;
        }
    }

    fn end_row(&mut self) {
        self.held = self.held.saturating_add(self.row_end);
        let start = self.rows_before;
        self.rows_before = self.rows_before.saturating_add(self.row_repeat);
        if self.row_end > 0 {
            self.first_row.get_or_insert(start);
            self.last_row_end = self.rows_before;
            self.width = self.width.max(self.row_end);
        }
        self.row_end = 0;
    }

    fn cells(&self) -> usize {
        let rows = self.first_row.map_or(0, |f| self.last_row_end - f);
        self.held.max(rows.saturating_mul(self.width))
    }
}

/// Inflate every part of a workbook once, counting, within `limits`.
pub fn check(bytes: &[u8], limits: &WorkbookLimits) -> Result<(), WorkbookError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookError::NotZip(e.to_string()))?;
    if zip.len() > limits.parts {
        return Err(WorkbookError::TooManyParts {
            limit: limits.parts,
        });
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| WorkbookError::Unreadable {
            part: format!("#{}", i + 1),
            why: e.to_string(),
        })?;
        let name: String = part
            .name()
            .map(|n| n.chars().filter(|c| !c.is_control()).take(100).collect())
            .unwrap_or_else(|_| format!("#{}", i + 1));
        let room = limits.part.min(limits.total - total);
        let read = std::io::copy(&mut (&mut part).take(room + 1), &mut std::io::sink());
        let n = read.map_err(|e| WorkbookError::Unreadable {
            part: name.clone(),
            why: e.to_string(),
        })?;
        if n > room {
            return Err(if room < limits.part {
                WorkbookError::TooLarge {
                    limit: limits.total,
                }
            } else {
                WorkbookError::PartTooLarge {
                    part: name,
                    limit: limits.part,
                }
            });
        }
        total += n;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            w.start_file(*name, options).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_part_that_inflates_past_the_limit_is_refused() {
        let small = WorkbookLimits {
            part: 1 << 20,
            total: 3 << 20,
            parts: 10,
        };
        let big = vec![b' '; 2 << 20];
        let e = check(&zip_of(&[("xl/a.xml", &big)]), &small).unwrap_err();
        assert_eq!(
            e,
            WorkbookError::PartTooLarge {
                part: "xl/a.xml".into(),
                limit: 1 << 20
            }
        );
        let half = vec![b' '; 900 << 10];
        let four: Vec<(&str, &[u8])> = ["a", "b", "c", "d"]
            .iter()
            .map(|n| (*n, &half[..]))
            .collect();
        assert_eq!(
            check(&zip_of(&four), &small),
            Err(WorkbookError::TooLarge { limit: 3 << 20 })
        );
        assert_eq!(check(&zip_of(&four[..2]), &small), Ok(()));
        let many: Vec<(String, &[u8])> = (0..11).map(|i| (format!("p{i}"), &b"x"[..])).collect();
        let many: Vec<(&str, &[u8])> = many.iter().map(|(n, d)| (n.as_str(), *d)).collect();
        assert_eq!(
            check(&zip_of(&many), &small),
            Err(WorkbookError::TooManyParts { limit: 10 })
        );
        assert!(matches!(
            check(b"PK not a zip", &small),
            Err(WorkbookError::NotZip(_))
        ));
    }
}
