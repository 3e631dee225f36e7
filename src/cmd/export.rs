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
        let embedded = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| kompass::embed::read(&b));
        let embedded = match embedded {
            Ok(e) => e,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                return Err(ExitCode::from(TROUBLE));
            }
        };
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
        Ok((l, _)) => Ok(kompass::register::Row::of(&kompass::report::Report::build(
            &l,
        ))),
        Err(Some(outcome)) => {
            refused(path, &outcome, "; it is not in the register");
            Err(ExitCode::from(INVALID))
        }
        Err(None) => Err(ExitCode::from(TROUBLE)),
    }
}

pub fn run(inputs: &[PathBuf], output: Option<&Path>) -> ExitCode {
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
    let bytes = match kind.as_str() {
        "json" => serde_json::to_string_pretty(&rows)
            .map(|s| (s + "\n").into_bytes())
            .map_err(|e| e.to_string()),
        "xlsx" => kompass::register::to_xlsx(&rows),
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
                let n = rows.len();
                let what = if n == 1 { "evaluation" } else { "evaluations" };
                eprintln!("wrote {} ({n} {what})", o.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", o.display());
                ExitCode::from(TROUBLE)
            }
        },
    }
}
