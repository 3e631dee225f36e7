//! `kompass new`: an evaluation skeleton.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Run;

pub fn run(municipality: &str, output: Option<PathBuf>) -> Run {
    let output = output.unwrap_or_else(|| kompass::skeleton::default_path(municipality));
    kompass::skeleton::create(&output, municipality)?;
    eprintln!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}
