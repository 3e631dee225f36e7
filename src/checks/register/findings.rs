//! A register's findings as diagnostics: how it was read, and its problems at their cells.

use crate::base::diagnostics::{At, Cell, Diagnostic, FileId, Severity, Sources};
use crate::base::messages::msg;

use super::{Problem, RegisterError, Table};

/// How a register file was read, when not as plain CSV: notes in `file`.
pub fn notes(file: FileId, table: &Table) -> Vec<Diagnostic> {
    table
        .read_as
        .iter()
        .map(|how| Diagnostic::note(file, None, At::file(), how.clone()))
        .collect()
}

/// Register problems as diagnostics in `file`.
pub fn diagnostics(file: FileId, sheet: Option<&str>, problems: &[Problem]) -> Vec<Diagnostic> {
    problems
        .iter()
        .map(|p| {
            let cell = Cell {
                sheet: sheet.map(str::to_string),
                row: p.place.row,
                column: p
                    .place
                    .column
                    .as_ref()
                    .map(|(c, name)| (super::column_letters(*c), name.clone())),
            };
            let severity = if p.warning {
                Severity::Warning
            } else {
                Severity::Error
            };
            let d = Diagnostic::new(
                severity,
                file,
                p.place.span.clone(),
                cell,
                p.message.clone(),
            );
            match &p.help {
                Some(h) => d.with_help(h.clone()),
                None => d,
            }
        })
        .collect()
}

/// Check a register file on its own (`kompass check register.csv`): its sources and findings.
pub fn check_file(name: &str, bytes: &[u8]) -> Result<(Sources, Vec<Diagnostic>), RegisterError> {
    let mut sources = Sources::default();
    let read = super::read(name, bytes);
    let file = sources.add(name, read.text);
    match read.result {
        Ok((table, problems)) => {
            let mut d = notes(file, &table);
            d.extend(diagnostics(file, table.sheet.as_deref(), &problems));
            Ok((sources, d))
        }
        Err(e @ RegisterError::Refused(_)) => Err(e),
        Err(e) => {
            let d = Diagnostic::error(file, None, At::file(), msg!("plain", text = e.to_string()));
            Ok((sources, vec![d]))
        }
    }
}
