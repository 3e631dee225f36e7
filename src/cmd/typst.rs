//! `kompass typst`: the self-contained Typst project a report is made from, for a last manual
//! touch with plain Typst.

use std::path::Path;
use std::process::ExitCode;

use super::{Failure, Run, Strictness, load, standards};

pub fn run(evaluation: &Path, dir: &Path, draft: bool, standard: &str, overwrite: bool) -> Run {
    let standards = standards(standard)?;
    // The project is for manual touches: a folder that holds one (or anything else) is not
    // written over without being asked, or those touches would be lost.
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied && !overwrite {
        return Err(Failure::trouble(format!(
            "{} is not empty; kompass typst would replace report.typ and the other files it writes there, with any changes made to them\n  hint: name a new folder, or add --overwrite",
            dir.display()
        )));
    }
    if dir.is_file() {
        return Err(Failure::trouble(format!(
            "{} is a file, not a folder",
            dir.display()
        )));
    }
    let strict = Strictness {
        draft,
        ..Default::default()
    };
    let loaded = load(evaluation, strict, "; nothing was written")?;
    let options = kompass::typeset::Options {
        draft,
        ..Default::default()
    };
    let bundle = kompass::report_bundle(&loaded, &standards, &options)?;
    let files = kompass::typeset::write_project(
        &bundle,
        &kompass::typeset::standards_name(&standards),
        dir,
    )?;
    eprintln!(
        "wrote {} files to {}; README.txt has the typst compile command",
        files.len(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
