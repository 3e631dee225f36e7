//! `kompass render`: check, typeset, write.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Strictness, TROUBLE, load_or_exit, output_or_exit, standards_or_exit};

pub fn run(
    evaluation: &Path,
    output: Option<PathBuf>,
    standard: &str,
    strict: Strictness,
    changes_since: Option<&Path>,
) -> ExitCode {
    if changes_since.is_some() && !strict.draft {
        eprintln!(
            "error: --changes-since adds a page for the municipality's fact-check to a draft; add --draft"
        );
        return ExitCode::from(TROUBLE);
    }
    let standards = match standards_or_exit(standard) {
        Ok(list) => list,
        Err(code) => return code,
    };
    // Where the PDF goes is settled before any work, so a wrong -o costs nothing.
    let output = match output_or_exit(evaluation, output.as_deref(), strict.draft) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // Typst's fonts, library and templates are made ready on a second core while the
    // evaluation is loaded and checked.
    std::thread::spawn(kompass::typeset::prepare);
    let loaded = match load_or_exit(evaluation, strict, "; no PDF was written") {
        Ok(l) => l,
        Err(code) => return code,
    };
    let start = std::time::Instant::now();
    let changes = match changes_since {
        None => None,
        Some(old) => match load_or_exit(old, strict, "; no PDF was written") {
            Ok(previous) => match kompass::changes_page(&previous, &loaded) {
                Ok(page) => Some(page),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(TROUBLE);
                }
            },
            Err(code) => return code,
        },
    };
    let options = kompass::typeset::Options {
        draft: strict.draft,
        changes,
        ..Default::default()
    };
    let pdf = match kompass::render_with(&loaded, &standards, &options) {
        Ok(pdf) => pdf,
        Err(e) => {
            eprintln!("error: the report could not be typeset:\n{e}");
            return ExitCode::from(TROUBLE);
        }
    };
    if let Err(e) = kompass::write::atomic_write(&output, &pdf) {
        eprintln!("error: cannot write {}: {e}", output.display());
        return ExitCode::from(TROUBLE);
    }
    eprintln!(
        "wrote {} ({} kB) in {:.2} s",
        output.display(),
        pdf.len() / 1024,
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// Many evaluations (several files, or every `.toml` of a folder), in parallel. The folder to
/// write into is `--out-dir` or `-o`; with several reports `-o` must name a folder (one that
/// exists, or a name ending in `/`), never a file that each report would replace in turn.
pub fn run_many(
    files: &[PathBuf],
    all: Option<&Path>,
    out_dir: Option<&Path>,
    standard: &str,
    strict: Strictness,
    changes_since: bool,
) -> ExitCode {
    if changes_since {
        eprintln!("error: --changes-since is for one evaluation at a time");
        return ExitCode::from(TROUBLE);
    }
    if let Some(dir) = out_dir
        && !dir.is_dir()
        && !names_folder(dir)
    {
        eprintln!(
            "error: -o {}: with several evaluations -o names the folder to write the reports into; end it with / to have it created (e.g. -o utkast/), or render one evaluation at a time to name its file",
            dir.display()
        );
        return ExitCode::from(TROUBLE);
    }
    let standards = match standards_or_exit(standard) {
        Ok(list) => list,
        Err(code) => return code,
    };
    let mut files = files.to_vec();
    if let Some(folder) = all {
        match super::batch::evaluations_in(folder) {
            Ok(found) => files.extend(found),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(TROUBLE);
            }
        }
    }
    if files.is_empty() {
        eprintln!("error: no evaluation files to render");
        return ExitCode::from(TROUBLE);
    }
    super::batch::run(&files, out_dir, &standards, strict)
}

/// Whether a path is written as a folder: it ends in a separator, or has no extension and is
/// not a file (`-o utkast`).
fn names_folder(path: &Path) -> bool {
    let text = path.as_os_str().to_string_lossy();
    text.ends_with('/')
        || text.ends_with(std::path::MAIN_SEPARATOR)
        || (path.extension().is_none() && !path.exists())
}
