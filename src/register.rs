//! The results register: one row per evaluation with its area scores and total (always the
//! derived sums, never retyped), as CSV (RFC 4180, UTF-8) or JSON – the table evaluators keep
//! of all evaluations.

use serde::{Deserialize, Serialize};

use crate::report::Report;

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
}

impl Row {
    /// The register row of a report.
    pub fn of(r: &Report) -> Row {
        Row {
            municipality: r.municipality.name.clone(),
            code: crate::municipalities::find(&r.municipality.name)
                .map_or(String::new(), |m| m.code.to_string()),
            year: r.date.year,
            date: r.date.iso(),
            framework: r.framework_id.clone(),
            first_evaluation: r.first_evaluation,
            population: r.municipality.population,
            areas: r.areas.iter().map(|a| a.score).collect(),
            total: r.total,
            note: String::new(),
        }
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
const TAIL: [&str; 2] = ["total", "note"];

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The register as CSV with a header row; `areas` columns `area_1` … `area_N`.
pub fn to_csv(rows: &[Row]) -> String {
    let areas = rows.iter().map(|r| r.areas.len()).max().unwrap_or(8);
    let mut header: Vec<String> = HEAD.iter().map(|s| s.to_string()).collect();
    header.extend((1..=areas).map(|i| format!("area_{i}")));
    header.extend(TAIL.iter().map(|s| s.to_string()));
    let mut out = header.join(",");
    out.push_str("\r\n");
    for r in rows {
        let mut cells = vec![
            field(&r.municipality),
            field(&r.code),
            r.year.to_string(),
            field(&r.date),
            field(&r.framework),
            r.first_evaluation.to_string(),
            r.population.to_string(),
        ];
        cells.extend((0..areas).map(|i| r.areas.get(i).map_or(String::new(), i64::to_string)));
        cells.push(r.total.to_string());
        cells.push(field(&r.note));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The records of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks).
fn records(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut cell));
                out.push(std::mem::take(&mut record));
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is never closed".into());
    }
    if !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        out.push(record);
    }
    Ok(out)
}

/// A register read back from CSV. Every problem is reported with its row and column (1-based,
/// the header is row 1).
pub fn from_csv(text: &str) -> Result<Vec<Row>, Vec<String>> {
    let records = records(text.trim_start_matches('\u{feff}')).map_err(|e| vec![e])?;
    let Some((header, body)) = records.split_first() else {
        return Err(vec!["the register is empty".into()]);
    };
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let mut errors = Vec::new();
    let mut missing: Vec<&str> = HEAD
        .iter()
        .chain(&TAIL)
        .copied()
        .filter(|c| col(c).is_none())
        .collect();
    let area_cols: Vec<usize> = (1..).map_while(|i| col(&format!("area_{i}"))).collect();
    if area_cols.is_empty() {
        missing.push("area_1");
    }
    if !missing.is_empty() {
        return Err(vec![format!(
            "row 1: missing columns {}",
            missing.join(", ")
        )]);
    }
    let mut rows = Vec::new();
    for (i, rec) in body.iter().enumerate() {
        let row_no = i + 2;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |name: &str| col(name).and_then(|c| rec.get(c)).map_or("", |s| s.trim());
        let mut number = |name: &str, c: usize| -> i64 {
            let v = rec.get(c).map_or("", |s| s.trim());
            v.parse().unwrap_or_else(|_| {
                errors.push(format!(
                    "row {row_no}, column {} ({name}): expected a whole number, found \"{v}\"",
                    c + 1
                ));
                0
            })
        };
        let year = number("year", col("year").unwrap_or(0)) as i32;
        let population = number("population", col("population").unwrap_or(0));
        let total = number("total", col("total").unwrap_or(0));
        let areas: Vec<i64> = area_cols
            .iter()
            .enumerate()
            .map(|(k, &c)| number(&format!("area_{}", k + 1), c))
            .collect();
        let first = match get("first_evaluation") {
            "true" | "ja" => true,
            "false" | "nej" | "" => false,
            other => {
                errors.push(format!(
                    "row {row_no}, column {} (first_evaluation): expected true or false, found \"{other}\"",
                    col("first_evaluation").unwrap_or(0) + 1
                ));
                false
            }
        };
        if areas.iter().sum::<i64>() != total {
            errors.push(format!(
                "row {row_no}, column {} (total): {total} is not the sum of the area scores, {}",
                col("total").unwrap_or(0) + 1,
                areas.iter().sum::<i64>()
            ));
        }
        rows.push(Row {
            municipality: get("municipality").to_string(),
            code: get("code").to_string(),
            year,
            date: get("date").to_string(),
            framework: get("framework").to_string(),
            first_evaluation: first,
            population,
            areas,
            total,
            note: get("note").to_string(),
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, note: &str) -> Row {
        Row {
            municipality: name.into(),
            code: "2029".into(),
            year: 2023,
            date: "2023-11-23".into(),
            framework: "kommunkompassen-2020".into(),
            first_evaluation: true,
            population: 16_113,
            areas: vec![52, 57, 54, 48, 52, 48, 48, 53],
            total: 412,
            note: note.into(),
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
            .replace(",16113,", ",16 113,");
        let errors = from_csv(&csv).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("row 2, column 7 (population)")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("row 2, column 16 (total): 413 is not the sum")),
            "{errors:?}"
        );
        assert!(from_csv("municipality,year\n").unwrap_err()[0].contains("missing columns"));
    }
}
