//! `kompass diff`: what changed between two versions of an evaluation.

use std::path::Path;
use std::process::ExitCode;

use super::{Strictness, TROUBLE, checked, refused};

pub fn run(old: &Path, new: &Path, json: bool) -> ExitCode {
    // Both sides must be valid evaluations (drafts allowed); the diff compares their models.
    let strict = Strictness {
        draft: true,
        ..Default::default()
    };
    let mut reports = Vec::new();
    for path in [old, new] {
        match checked(path, strict) {
            Ok((l, _)) => reports.push(kompass::report::Report::build(&l)),
            Err(outcome) => {
                if let Some(o) = outcome {
                    refused(path, &o, "; nothing to compare");
                }
                return ExitCode::from(TROUBLE);
            }
        }
    }
    let changes = kompass::diff::compare(&reports[0], &reports[1]);
    if json {
        match serde_json::to_string_pretty(&changes) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(TROUBLE);
            }
        }
    } else if changes.is_empty() {
        eprintln!("{} and {}: no differences", old.display(), new.display());
    } else {
        print!("{}", kompass::diff::to_text(&changes));
    }
    // Like diff(1): 0 when equal, 1 when they differ.
    ExitCode::from(u8::from(!changes.is_empty()))
}
