//! `kompass new`: an evaluation skeleton.

use std::path::PathBuf;
use std::process::ExitCode;

use kompass::base::messages::msg;

use super::{Run, say};

pub fn run(municipality: &str, output: Option<PathBuf>) -> Run {
    let output = output.unwrap_or_else(|| kompass::input::skeleton::default_path(municipality));
    kompass::input::skeleton::create(&output, municipality)?;
    say(msg!("wrote", path = output.display().to_string()));
    Ok(ExitCode::SUCCESS)
}
