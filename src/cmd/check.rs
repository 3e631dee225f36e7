//! `kompass check`: every check `render` runs, without rendering.

use std::path::Path;
use std::process::ExitCode;

use super::{INVALID, Strictness, TROUBLE, checked, refused};

pub fn run(evaluation: &Path, strict: Strictness) -> ExitCode {
    let ext = evaluation
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    if matches!(ext.as_deref(), Some("csv" | "xlsx")) {
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
            ExitCode::SUCCESS
        }
        Err(Some(outcome)) => {
            refused(evaluation, &outcome, "");
            ExitCode::from(INVALID)
        }
        Err(None) => ExitCode::from(TROUBLE),
    }
}

/// `kompass check register.csv|.xlsx`: every problem, located by row and column.
fn register(path: &Path, strict: Strictness) -> ExitCode {
    let bytes = match kompass::read::bytes(path, kompass::read::MAX_REGISTER_BYTES) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::from(TROUBLE);
        }
    };
    let (sources, diagnostics) =
        match kompass::compare::check_register_file(&path.display().to_string(), &bytes) {
            Ok(found) => found,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                return ExitCode::from(TROUBLE);
            }
        };
    sources.emit(&diagnostics);
    let (errors, warnings) = kompass::diagnostics::counts(&diagnostics);
    let outcome = super::Outcome { errors, warnings };
    if errors > 0 || (strict.deny_warnings && warnings > 0) {
        refused(path, &outcome, "");
        return ExitCode::from(INVALID);
    }
    if warnings > 0 {
        eprintln!("{}: valid, with {}", path.display(), outcome.summary());
    } else {
        eprintln!("{}: ok", path.display());
    }
    ExitCode::SUCCESS
}
