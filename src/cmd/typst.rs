//! `kompass typst`: the self-contained Typst project a report is made from, for a last manual
//! touch with plain Typst.

use std::path::Path;
use std::process::ExitCode;

use kompass::base::messages::msg;

use super::{Failure, Run, Stage, Strictness, load, standards};

pub fn run(evaluation: &Path, dir: &Path, stage: Stage, standard: &str, overwrite: bool) -> Run {
    let standards = standards(standard)?;
    // The project is for manual touches: a folder that holds one (or anything else) is not
    // written over without being asked, or those touches would be lost.
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied && !overwrite {
        return Err(Failure::trouble(msg!(
            "typst-folder-not-empty",
            path = dir.display().to_string()
        )));
    }
    if dir.is_file() {
        return Err(Failure::trouble(msg!(
            "is-a-file",
            path = dir.display().to_string()
        )));
    }
    let loaded = load(
        evaluation,
        Strictness::at(stage),
        msg!("consequence-nothing-written"),
    )?;
    let bundle = kompass::pipeline::bundle(&loaded, &kompass::Request::report(stage, &standards))?;
    let files = kompass::pdf::project::write_project(
        &bundle,
        &kompass::pdf::standards::standards_name(&standards),
        dir,
    )?;
    super::say(msg!(
        "typst-wrote",
        count = files.len(),
        path = dir.display().to_string()
    ));
    Ok(ExitCode::SUCCESS)
}
