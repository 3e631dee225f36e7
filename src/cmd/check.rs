//! `kompass check`: every check `render` runs, without rendering.

use std::path::Path;
use std::process::ExitCode;

use super::{Failure, INVALID, Run, Strictness, TROUBLE, checked, refused};

pub fn run(evaluation: &Path, strict: Strictness) -> Run {
    let ext = evaluation
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    if matches!(ext.as_deref(), Some("csv" | "xlsx" | "ods")) {
        return register(evaluation, strict);
    }
    match checked(evaluation, strict) {
        Ok((_, outcome)) => {
            if outcome.warnings > 0 {
                eprintln!(
                    "{}: valid, with {}",
                    evaluation.display(),
                    outcome.summary()
                );
            } else {
                eprintln!("{}: ok", evaluation.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(Some(outcome)) => {
            refused(evaluation, &outcome, "");
            Err(Failure::Reported(INVALID))
        }
        Err(None) => Err(Failure::Reported(TROUBLE)),
    }
}

/// `kompass check register.csv|.xlsx`: every problem, located by row and column.
fn register(path: &Path, strict: Strictness) -> Run {
    let bytes = kompass::read::bytes(path, kompass::read::MAX_REGISTER_BYTES)
        .map_err(|e| Failure::trouble(format!("cannot read {}: {e}", path.display())))?;
    let (sources, diagnostics) =
        kompass::compare::check_register_file(&path.display().to_string(), &bytes)
            .map_err(|e| Failure::trouble(format!("{}: {e}", path.display())))?;
    sources.emit(&diagnostics);
    let (errors, warnings) = kompass::diagnostics::counts(&diagnostics);
    let outcome = super::Outcome { errors, warnings };
    if errors > 0 || (strict.deny_warnings && warnings > 0) {
        refused(path, &outcome, "");
        return Err(Failure::Reported(INVALID));
    }
    if warnings > 0 {
        eprintln!("{}: valid, with {}", path.display(), outcome.summary());
    } else {
        eprintln!("{}: ok", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
