//! `kompass slides`: the deck for the feedback meeting.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{INVALID, Strictness, TROUBLE, checked, refused};

pub fn run(evaluation: &Path, output: Option<PathBuf>, draft: bool, standard: &str) -> ExitCode {
    let standards = match kompass::typeset::parse_standards(standard)
        .and_then(|list| kompass::typeset::standards(&list).map(|_| list))
    {
        Ok(list) => list,
        Err(e) => {
            eprintln!("error: --standard {standard}: {e}");
            return ExitCode::from(TROUBLE);
        }
    };
    // Default: `<evaluation>-presentation.pdf` beside the evaluation.
    let output = output.unwrap_or_else(|| {
        let stem = evaluation
            .file_stem()
            .map_or("evaluation".into(), |s| s.to_string_lossy().into_owned());
        evaluation.with_file_name(format!("{stem}-presentation.pdf"))
    });
    let output = match kompass::write::output_path(evaluation, Some(&output)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(TROUBLE);
        }
    };
    let strict = Strictness {
        draft,
        ..Default::default()
    };
    let loaded = match checked(evaluation, strict) {
        Ok((l, _)) => l,
        Err(Some(outcome)) => {
            refused(evaluation, &outcome, "; no PDF was written");
            return ExitCode::from(INVALID);
        }
        Err(None) => return ExitCode::from(TROUBLE),
    };
    let options = kompass::typeset::Options {
        draft,
        ..Default::default()
    };
    let pdf = match kompass::slides(&loaded, &standards, &options) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: the slides could not be typeset:\n{e}");
            return ExitCode::from(TROUBLE);
        }
    };
    if let Err(e) = kompass::write::atomic_write(&output, &pdf) {
        eprintln!("error: cannot write {}: {e}", output.display());
        return ExitCode::from(TROUBLE);
    }
    eprintln!("wrote {} ({} kB)", output.display(), pdf.len() / 1024);
    ExitCode::SUCCESS
}
