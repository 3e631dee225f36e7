//! `kompass render`: check, typeset, write.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kompass::base::messages::msg;
use kompass::pipeline::{self, Request, Stage};

use super::{Failure, Run, Strictness, load, output, say, standards, write};

pub fn run(
    evaluation: &Path,
    out: Option<PathBuf>,
    standard: &str,
    strict: Strictness,
    changes_since: Option<&Path>,
) -> Run {
    if changes_since.is_some() && strict.stage == Stage::Final {
        return Err(Failure::trouble(msg!("changes-since-needs-draft")));
    }
    let standards = standards(standard)?;
    // Where the PDF goes is settled before any work, so a wrong -o costs nothing.
    let out = output(evaluation, out.as_deref(), strict.stage)?;
    // Typst's fonts, library and templates are made ready on a second core while the
    // evaluation is loaded and checked.
    std::thread::spawn(pipeline::prepare);
    let loaded = load(evaluation, strict, msg!("consequence-no-pdf"))?;
    let start = std::time::Instant::now();
    let changes = match changes_since {
        None => None,
        Some(old) => {
            let previous = load(old, strict, msg!("consequence-no-pdf"))?;
            // After the fact-check, the page says how many comments came and were handled.
            Some(kompass::pdf::typeset::ChangesPage {
                review: kompass::review::file::counts_beside(evaluation),
                ..pipeline::changes_page(&previous, &loaded)?
            })
        }
    };
    let request = Request::report(strict.stage, &standards).with_changes(changes);
    let pdf = pipeline::render(&loaded, &request)
        .map_err(|e| Failure::trouble(msg!("not-typeset", reason = e.to_string())))?;
    write(&out, &pdf)?;
    say(msg!(
        "wrote-pdf",
        path = out.display().to_string(),
        kb = pdf.len() / 1024,
        seconds = kompass::base::messages::Arg::Fixed(start.elapsed().as_secs_f64(), 2)
    ));
    Ok(ExitCode::SUCCESS)
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
) -> Run {
    if changes_since {
        return Err(Failure::trouble(msg!("changes-since-one-at-a-time")));
    }
    if let Some(dir) = out_dir
        && !dir.is_dir()
        && !names_folder(dir)
    {
        return Err(Failure::trouble(msg!(
            "batch-output-not-folder",
            path = dir.display().to_string()
        )));
    }
    let standards = standards(standard)?;
    let mut files = files.to_vec();
    if let Some(folder) = all {
        files.extend(kompass::files::read::evaluations_in(folder).map_err(|e| {
            super::io_failure(
                msg!("cannot-read-folder", path = folder.display().to_string()),
                &e,
            )
        })?);
    }
    if files.is_empty() {
        return Err(Failure::trouble(msg!("nothing-to-render")));
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
