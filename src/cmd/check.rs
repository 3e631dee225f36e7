//! `kompass check`: every check `render` runs, without rendering.

use std::path::Path;
use std::process::ExitCode;

use super::{INVALID, Strictness, TROUBLE, checked, refused};

pub fn run(evaluation: &Path, strict: Strictness) -> ExitCode {
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
