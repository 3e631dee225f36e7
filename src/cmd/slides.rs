//! `kompass slides`: the deck for the feedback meeting.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Strictness, TROUBLE, load_or_exit, output_or_exit, standards_or_exit};

pub fn run(evaluation: &Path, output: Option<PathBuf>, draft: bool, standard: &str) -> ExitCode {
    let standards = match standards_or_exit(standard) {
        Ok(list) => list,
        Err(code) => return code,
    };
    // Default: `<evaluation>-presentation.pdf` beside the evaluation (a draft:
    // `<evaluation>-presentation-utkast.pdf`, so that it never replaces the final deck).
    let output = output.unwrap_or_else(|| {
        let stem = evaluation
            .file_stem()
            .map_or("evaluation".into(), |s| s.to_string_lossy().into_owned());
        let draft = if draft { "-utkast" } else { "" };
        evaluation.with_file_name(format!("{stem}-presentation{draft}.pdf"))
    });
    let output = match output_or_exit(evaluation, Some(&output), draft) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let strict = Strictness {
        draft,
        ..Default::default()
    };
    let loaded = match load_or_exit(evaluation, strict, "; no PDF was written") {
        Ok(l) => l,
        Err(code) => return code,
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
