//! `kompass slides`: the deck for the feedback meeting.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kompass::Engine;

use kompass::messages::msg;

use super::{Failure, Run, Strictness, load, output, standards, write};

pub fn run(evaluation: &Path, out: Option<PathBuf>, draft: bool, standard: &str) -> Run {
    let standards = standards(standard)?;
    // Default: `<evaluation>-presentation.pdf` beside the evaluation (a draft:
    // `<evaluation>-presentation-utkast.pdf`, so that it never replaces the final deck).
    let out = out.unwrap_or_else(|| {
        let stem = evaluation
            .file_stem()
            .map_or("evaluation".into(), |s| s.to_string_lossy().into_owned());
        let draft = if draft { "-utkast" } else { "" };
        evaluation.with_file_name(format!("{stem}-presentation{draft}.pdf"))
    });
    let out = output(evaluation, Some(&out), draft)?;
    let strict = Strictness {
        draft,
        ..Default::default()
    };
    let loaded = load(evaluation, strict, msg!("consequence-no-pdf"))?;
    let options = kompass::typeset::Options {
        draft,
        ..Default::default()
    };
    let pdf = Engine::new()
        .slides(&loaded, &standards, &options)
        .map_err(|e| Failure::trouble(msg!("slides-not-typeset", reason = e.to_string())))?;
    write(&out, &pdf)?;
    super::say(msg!(
        "wrote-kb",
        path = out.display().to_string(),
        kb = pdf.len() / 1024
    ));
    Ok(ExitCode::SUCCESS)
}
