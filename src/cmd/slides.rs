//! `kompass slides`: the deck for the feedback meeting.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kompass::messages::msg;
use kompass::pipeline::{self, Request, Stage};

use super::{Failure, Run, Strictness, load, output, standards, write};

pub fn run(evaluation: &Path, out: Option<PathBuf>, stage: Stage, standard: &str) -> Run {
    let standards = standards(standard)?;
    let out = out.unwrap_or_else(|| kompass::write::slides_path(evaluation, stage));
    let out = output(evaluation, Some(&out), stage)?;
    let loaded = load(
        evaluation,
        Strictness::at(stage),
        msg!("consequence-no-pdf"),
    )?;
    let pdf = pipeline::render(&loaded, &Request::slides(stage, &standards))
        .map_err(|e| Failure::trouble(msg!("slides-not-typeset", reason = e.to_string())))?;
    write(&out, &pdf)?;
    super::say(msg!(
        "wrote-kb",
        path = out.display().to_string(),
        kb = pdf.len() / 1024
    ));
    Ok(ExitCode::SUCCESS)
}
