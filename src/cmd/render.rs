//! `kompass render`: check, typeset, write.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{INVALID, Strictness, TROUBLE, checked, refused};

pub fn run(
    evaluation: &Path,
    output: Option<PathBuf>,
    standard: &str,
    strict: Strictness,
    changes_since: Option<&Path>,
) -> ExitCode {
    if changes_since.is_some() && !strict.draft {
        eprintln!(
            "error: --changes-since adds a page for the municipality's fact-check to a draft; add --draft"
        );
        return ExitCode::from(TROUBLE);
    }
    let standards = match kompass::typeset::parse_standards(standard)
        .and_then(|list| kompass::typeset::standards(&list).map(|_| list))
    {
        Ok(list) => list,
        Err(e) => {
            eprintln!("error: --standard {standard}: {e}");
            return ExitCode::from(TROUBLE);
        }
    };
    // Where the PDF goes is settled before any work, so a wrong -o costs nothing.
    let output = match kompass::write::output_path(evaluation, output.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(TROUBLE);
        }
    };
    let (loaded, _) = match checked(evaluation, strict) {
        Ok(l) => l,
        Err(Some(outcome)) => {
            refused(evaluation, &outcome, "; no PDF was written");
            return ExitCode::from(INVALID);
        }
        Err(None) => return ExitCode::from(TROUBLE),
    };
    let start = std::time::Instant::now();
    let changes = match changes_since {
        None => None,
        Some(old) => match checked(old, strict) {
            Ok((previous, _)) => match kompass::changes_page(&previous, &loaded) {
                Ok(page) => Some(page),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(TROUBLE);
                }
            },
            Err(Some(outcome)) => {
                refused(old, &outcome, "; no PDF was written");
                return ExitCode::from(INVALID);
            }
            Err(None) => return ExitCode::from(TROUBLE),
        },
    };
    let options = kompass::typeset::Options {
        draft: strict.draft,
        changes,
        ..Default::default()
    };
    let pdf = match kompass::render_with(&loaded, &standards, &options) {
        Ok(pdf) => pdf,
        Err(e) => {
            eprintln!("error: the report could not be typeset:\n{e}");
            return ExitCode::from(TROUBLE);
        }
    };
    if let Err(e) = kompass::write::atomic_write(&output, &pdf) {
        eprintln!("error: cannot write {}: {e}", output.display());
        return ExitCode::from(TROUBLE);
    }
    eprintln!(
        "wrote {} ({} kB) in {:.2} s",
        output.display(),
        pdf.len() / 1024,
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
