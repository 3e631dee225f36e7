//! `kompass export`: the results register from evaluations and kompass PDFs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{INVALID, Register, Strictness, TROUBLE, checked, checked_text, refused};

/// The register row of one evaluation file or kompass PDF.
fn row(path: &Path) -> Result<kompass::register::Row, ExitCode> {
    let strict = Strictness {
        draft: true,
        ..Default::default()
    };
    let loaded = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        let embedded = super::read_pdf(path)?;
        let name = format!("{} (in {})", embedded.source_name, path.display());
        checked_text(
            &name,
            &embedded.source,
            strict,
            Register::Kept(embedded.provenance.register.as_ref()),
        )
    } else {
        checked(path, strict)
    };
    match loaded {
        Ok((l, _)) => Ok(kompass::report::Report::build(&l).register_row()),
        Err(Some(outcome)) => {
            refused(path, &outcome, "; it is not in the register");
            Err(ExitCode::from(INVALID))
        }
        Err(None) => Err(ExitCode::from(TROUBLE)),
    }
}

/// What to do with an output file that exists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse: it may be the evaluators' own register.
    Refuse,
    /// Add the rows to it, replacing the rows of the same evaluations and keeping the others.
    Append,
    /// Replace it.
    Overwrite,
}

/// The rows of an existing register with the new ones merged in: a row of the same evaluation
/// (municipality and date, or year) is replaced where it stands, others are added at the end.
fn merged(
    path: &Path,
    new: Vec<kompass::register::Row>,
) -> Result<(Vec<kompass::register::Row>, usize), ExitCode> {
    let name = path.display().to_string();
    let bytes = kompass::read::bytes(path, kompass::read::MAX_REGISTER_BYTES).map_err(|e| {
        eprintln!("error: cannot read {name}: {e}");
        ExitCode::from(TROUBLE)
    })?;
    if kompass::register::is_xlsx(&name) {
        match kompass::register::sheet_names(&bytes) {
            Ok(sheets) if sheets.len() > 1 => {
                eprintln!(
                    "error: {name} has other sheets besides the register ({}), which kompass would not keep; export to a new file and copy the rows over",
                    sheets.join(", ")
                );
                return Err(ExitCode::from(TROUBLE));
            }
            _ => {}
        }
    }
    let (sources, diagnostics) =
        kompass::compare::check_register_file(&name, &bytes).map_err(|e| {
            eprintln!("error: {name}: {e}");
            ExitCode::from(TROUBLE)
        })?;
    if diagnostics.iter().any(|d| d.is_error()) {
        sources.emit(&diagnostics);
        eprintln!("error: {name} has errors; nothing was added to it");
        return Err(ExitCode::from(INVALID));
    }
    let (table, _) = kompass::register::parse_file(&name, &bytes).map_err(|e| {
        eprintln!("error: {name}: {e}");
        ExitCode::from(TROUBLE)
    })?;
    let mut rows = table.rows();
    let key = |r: &kompass::register::Row| {
        (
            r.municipality.to_lowercase(),
            if r.date.is_empty() {
                r.year.to_string()
            } else {
                r.date.clone()
            },
        )
    };
    let mut replaced = 0;
    for row in new {
        match rows.iter_mut().find(|old| key(old) == key(&row)) {
            Some(old) => {
                // The note is the evaluators' own: it stays.
                let note = std::mem::take(&mut old.note);
                *old = kompass::register::Row { note, ..row };
                replaced += 1;
            }
            None => rows.push(row),
        }
    }
    Ok((rows, replaced))
}

pub fn run(inputs: &[PathBuf], output: Option<&Path>, existing: Existing) -> ExitCode {
    let kind = match output
        .and_then(|o| o.extension())
        .map(|e| e.to_string_lossy().to_lowercase())
    {
        None => "csv".to_string(),
        Some(e) if e == "csv" || e == "json" || e == "xlsx" => e,
        Some(e) => {
            eprintln!(
                "error: a register is written as .csv (RFC 4180, UTF-8), .xlsx (an Excel workbook) or .json, not .{e}"
            );
            return ExitCode::from(TROUBLE);
        }
    };
    // An existing register may be the evaluators' own: never replaced unless asked.
    let exists = output.is_some_and(Path::exists);
    if exists && existing == Existing::Refuse {
        eprintln!(
            "error: {} exists; --append adds the evaluations to it (a row of the same evaluation is replaced, the others stay), --overwrite replaces the file",
            output.map_or(String::new(), |o| o.display().to_string())
        );
        return ExitCode::from(TROUBLE);
    }
    if existing == Existing::Append && kind == "json" {
        eprintln!("error: --append works on a .csv or .xlsx register");
        return ExitCode::from(TROUBLE);
    }
    let mut rows = Vec::new();
    let mut failed = None;
    for path in inputs {
        match row(path) {
            Ok(r) => rows.push(r),
            Err(code) => failed = Some(code),
        }
    }
    if let Some(code) = failed {
        return code;
    }
    let exported = rows.len();
    let mut replaced = 0;
    if let (true, Existing::Append, Some(o)) = (exists, existing, output) {
        match merged(o, rows) {
            Ok((all, r)) => {
                rows = all;
                replaced = r;
            }
            Err(code) => return code,
        }
    }
    let bytes = match kind.as_str() {
        "json" => serde_json::to_string_pretty(&rows)
            .map(|s| (s + "\n").into_bytes())
            .map_err(|e| e.to_string()),
        "xlsx" => kompass::register::to_xlsx(&rows).map_err(|e| e.to_string()),
        _ => Ok(kompass::register::to_csv(&rows).into_bytes()),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(TROUBLE);
        }
    };
    match output {
        None => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&bytes);
            ExitCode::SUCCESS
        }
        Some(o) => match kompass::write::atomic_write(o, &bytes) {
            Ok(()) => {
                let plural = |n: usize| if n == 1 { "evaluation" } else { "evaluations" };
                let n = rows.len();
                if existing == Existing::Append && exists {
                    eprintln!(
                        "wrote {} ({n} {}: {} added, {replaced} replaced)",
                        o.display(),
                        plural(n),
                        exported - replaced
                    );
                } else {
                    eprintln!("wrote {} ({n} {})", o.display(), plural(n));
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", o.display());
                ExitCode::from(TROUBLE)
            }
        },
    }
}
