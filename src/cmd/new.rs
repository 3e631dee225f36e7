//! `kompass new`: an evaluation skeleton.

use std::path::PathBuf;
use std::process::ExitCode;

use super::TROUBLE;

pub fn run(municipality: &str, output: Option<PathBuf>) -> ExitCode {
    let output = output.unwrap_or_else(|| kompass::skeleton::default_path(municipality));
    match kompass::skeleton::create(&output, municipality) {
        Ok(()) => {
            eprintln!("wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(TROUBLE)
        }
    }
}
