//! `kompass diff`: what changed between two versions of an evaluation.

use std::path::Path;
use std::process::ExitCode;

use kompass::base::messages::msg;

use super::{Failure, Run, Stage, Strictness, TROUBLE, checked};

/// How `diff` writes what changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For tools.
    Json,
}

pub fn run(old: &Path, new: &Path, format: Format) -> Run {
    // Both sides must be valid evaluations (drafts allowed); the diff compares their models.
    let strict = Strictness::at(Stage::Draft);
    let mut reports = Vec::new();
    for path in [old, new] {
        match checked(path, strict) {
            Ok((l, _)) => reports.push(kompass::report::Report::build(&l)),
            // Exit 2 either way: the two versions could not be compared.
            Err(stop) => {
                stop.report(path, Some(msg!("consequence-nothing-to-compare")));
                return Err(Failure::Reported(TROUBLE));
            }
        }
    }
    let changes = kompass::report::diff::compare(&reports[0], &reports[1]);
    if format == Format::Json {
        let text =
            serde_json::to_string_pretty(&changes).map_err(|e| Failure::text(e.to_string()))?;
        println!("{text}");
    } else if changes.is_empty() {
        super::say(msg!(
            "no-differences",
            old = old.display().to_string(),
            new = new.display().to_string()
        ));
    } else {
        print!("{}", kompass::report::diff::to_text(&changes));
    }
    // Like diff(1): 0 when equal, 1 when they differ.
    Ok(ExitCode::from(u8::from(!changes.is_empty())))
}
