//! `kompass typst`: the self-contained Typst project a report is made from, for a last manual
//! touch with plain Typst.

use std::path::Path;
use std::process::ExitCode;

use super::{Strictness, TROUBLE, load_or_exit, standards_or_exit};

pub fn run(
    evaluation: &Path,
    dir: &Path,
    draft: bool,
    standard: &str,
    overwrite: bool,
) -> ExitCode {
    let standards = match standards_or_exit(standard) {
        Ok(list) => list,
        Err(code) => return code,
    };
    // The project is for manual touches: a folder that holds one (or anything else) is not
    // written over without being asked, or those touches would be lost.
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied && !overwrite {
        eprintln!(
            "error: {} is not empty; kompass typst would replace report.typ and the other files it writes there, with any changes made to them\n  hint: name a new folder, or add --overwrite",
            dir.display()
        );
        return ExitCode::from(TROUBLE);
    }
    if dir.is_file() {
        eprintln!("error: {} is a file, not a folder", dir.display());
        return ExitCode::from(TROUBLE);
    }
    let strict = Strictness {
        draft,
        ..Default::default()
    };
    let loaded = match load_or_exit(evaluation, strict, "; nothing was written") {
        Ok(l) => l,
        Err(code) => return code,
    };
    let options = kompass::typeset::Options {
        draft,
        ..Default::default()
    };
    let written = kompass::report_bundle(&loaded, &standards, &options).and_then(|bundle| {
        kompass::typeset::write_project(&bundle, &kompass::typeset::standards_name(&standards), dir)
    });
    match written {
        Ok(files) => {
            eprintln!(
                "wrote {} files to {}; README.txt has the typst compile command",
                files.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(TROUBLE)
        }
    }
}
