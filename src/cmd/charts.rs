//! `kompass charts`: every chart of the report as a standalone file, with its alt text beside it.

use std::path::Path;
use std::process::ExitCode;

use kompass::charts::ImageFormat;
use kompass::messages::msg;

use super::{Run, Stage, Strictness, load, write};

/// The format of the chart files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Svg,
    Png,
}

pub fn run(evaluation: &Path, out_dir: &Path, format: Format, scale: f32) -> Run {
    let loaded = load(
        evaluation,
        Strictness::at(Stage::Draft),
        msg!("consequence-no-chart"),
    )?;
    let report = kompass::report::Report::build(&loaded);
    let charts = kompass::charts::draw_all(&report)?;
    let format = match format {
        Format::Svg => ImageFormat::Svg,
        Format::Png => ImageFormat::Png { scale },
    };
    let files = kompass::charts::files(&charts, format)?;
    super::create_folder(out_dir)?;
    for (name, data) in &files {
        write(&out_dir.join(name), data)?;
        if !name.ends_with(".txt") {
            super::say(msg!(
                "chart-wrote",
                path = format!("{}/{name}", out_dir.display())
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}
