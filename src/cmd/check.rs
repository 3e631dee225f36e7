//! `kompass check`: every check `render` runs, without rendering.

use std::path::Path;
use std::process::ExitCode;

use kompass::base::messages::msg;

use super::{Failure, INVALID, Run, Strictness, cannot_read, checked, refused, say};

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
                say(msg!(
                    "check-valid-with",
                    path = evaluation.display().to_string(),
                    summary = outcome.summary()
                ));
            } else {
                say(msg!("check-ok", path = evaluation.display().to_string()));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(stop) => Err(stop.report(evaluation, None)),
    }
}

/// `kompass check register.csv|.xlsx`: every problem, located by row and column.
fn register(path: &Path, strict: Strictness) -> Run {
    let bytes = kompass::files::read::bytes(path, kompass::files::read::MAX_REGISTER_BYTES)
        .map_err(|e| cannot_read(path, e.to_string()))?;
    let (sources, diagnostics) =
        kompass::checks::register::check_file(&path.display().to_string(), &bytes)
            .map_err(|e| Failure::text(format!("{}: {e}", path.display())))?;
    sources.emit(&diagnostics);
    let (errors, warnings) = kompass::base::diagnostics::counts(&diagnostics);
    let outcome = super::Counts { errors, warnings };
    if errors > 0 || (strict.deny_warnings && warnings > 0) {
        refused(path, &outcome, None);
        return Err(Failure::Reported(INVALID));
    }
    if warnings > 0 {
        say(msg!(
            "check-valid-with",
            path = path.display().to_string(),
            summary = outcome.summary()
        ));
    } else {
        say(msg!("check-ok", path = path.display().to_string()));
    }
    Ok(ExitCode::SUCCESS)
}
