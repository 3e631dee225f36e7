//! `kompass render` of many evaluations: in parallel on all cores, sharing fonts, templates and
//! Typst's caches; a progress bar on a terminal, a line per report otherwise; it goes on past a
//! failing file and ends with a summary.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use kompass::diagnostics::Diagnostic;
use kompass::engine::Outcome;

use kompass::messages::msg;

use super::{Failure, INVALID, Run, Strictness};

/// The evaluation files of `folder`: every `.toml` in it (not below), in name order.
pub fn evaluations_in(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| {
            msg!(
                "with-reason",
                what = msg!("cannot-read-folder", path = folder.display().to_string()),
                reason = kompass::messages::io_reason(&e)
            )
            .text()
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Render one evaluation; on failure the first finding (or the error), in one line.
fn one(
    path: &Path,
    out_dir: Option<&Path>,
    standards: &[kompass::PdfStandard],
    strict: Strictness,
) -> Result<PathBuf, String> {
    let kind = if strict.draft {
        kompass::write::Kind::Draft
    } else {
        kompass::write::Kind::Final
    };
    let output = kompass::write::output_path(path, out_dir, kind).map_err(|e| e.to_string())?;
    let engine = kompass::Engine::new();
    let found = engine
        .check_path(path, strict.draft)
        .map_err(|e| e.to_string())?;
    let d = found.findings();
    let Outcome::Loaded { evaluation, .. } = &found else {
        return Err(d.first().map_or(msg!("not-an-evaluation").text(), |d| {
            found.sources().to_short(d)
        }));
    };
    let failing = |x: &&Diagnostic| {
        x.is_error()
            || (strict.deny_warnings && x.severity == kompass::diagnostics::Severity::Warning)
    };
    if let Some(first) = d.iter().find(failing) {
        let count = d.iter().filter(failing).count();
        let more = if count > 1 {
            msg!("and-more", count = count - 1).text()
        } else {
            String::new()
        };
        return Err(format!("{}{more}", found.sources().to_short(first)));
    }
    let options = kompass::typeset::Options {
        draft: strict.draft,
        ..Default::default()
    };
    let pdf = engine
        .render(evaluation, standards, &options)
        .map_err(|e| e.to_string())?;
    kompass::write::atomic_write(&output, &pdf)
        .map_err(|e| kompass::write::failure(&output, &e).text())?;
    Ok(output)
}

/// Two evaluations whose reports would go to one file (`a/leksand.toml` and `b/leksand.toml`
/// into one `--out-dir`, or one file given twice): refused before any work, naming both, since
/// one report would replace the other.
fn same_outputs(files: &[PathBuf], out_dir: Option<&Path>, draft: bool) -> Result<(), Failure> {
    let kind = if draft {
        kompass::write::Kind::Draft
    } else {
        kompass::write::Kind::Final
    };
    let mut seen: Vec<(PathBuf, &Path)> = Vec::new();
    for path in files {
        let dir = match out_dir {
            Some(d) => d,
            None => path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        };
        let output = dir.join(kompass::write::default_name(path, kind));
        // The same folder however it is written (`./x` and `x`), where it exists.
        let key = dir
            .canonicalize()
            .unwrap_or_else(|_| dir.to_path_buf())
            .join(kompass::write::default_name(path, kind));
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(Failure::trouble(msg!(
                "batch-same-output",
                first = first.display().to_string(),
                second = path.display().to_string(),
                output = output.display().to_string()
            )));
        }
        seen.push((key, path));
    }
    Ok(())
}

pub fn run(
    files: &[PathBuf],
    out_dir: Option<&Path>,
    standards: &[kompass::PdfStandard],
    strict: Strictness,
) -> Run {
    same_outputs(files, out_dir, strict.draft)?;
    if let Some(dir) = out_dir {
        super::create_folder(dir)?;
    }
    let start = std::time::Instant::now();
    let terminal = std::io::stderr().is_terminal();
    let bar = if terminal {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
        {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    let failures: Mutex<Vec<(PathBuf, String)>> = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, files.len().max(1));
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = files.get(i) else { break };
            let result = one(path, out_dir, standards, strict);
            // Keep memory bounded: after each report, Typst's cached results that none of the
            // last few reports used are dropped (a few: as many as run at once, and one more, so
            // that a report still running keeps what it laid out). What all reports share
            // (chapter 1, the "Allmänt" texts, the fonts) is used by every report and stays.
            // Measured on 80 synthetic reports with 2 workers: 4.3 s and 155–175 MiB, against
            // 5.0–5.4 s when keeping only what the last report used, and 474 MiB when evicting
            // only every 25 reports.
            kompass::Engine::new().forget_older_than(workers + 1);
            let line = match &result {
                Ok(out) => msg!(
                    "batch-ok",
                    path = path.display().to_string(),
                    output = out.display().to_string()
                ),
                Err(e) => msg!(
                    "batch-failed",
                    path = path.display().to_string(),
                    reason = e
                ),
            }
            .text();
            match &bar {
                Some(b) => {
                    b.set_message(path.display().to_string());
                    b.inc(1);
                    if result.is_err() {
                        b.println(line);
                    }
                }
                None => eprintln!("{line}"),
            }
            if let Err(e) = result
                && let Ok(mut f) = failures.lock()
            {
                f.push((path.clone(), e));
            }
        }
    };
    // One report per core at a time, each on a plain thread that takes the next file when it is
    // done. Typst lays out pages in parallel on rayon's pool; were the reports rayon jobs too, a
    // worker waiting for its pages would start further reports on the same stack, and dozens
    // would be in flight at once (1.6 GB for 290 reports, and stacks that overflowed).
    let started = std::thread::scope(|scope| {
        (0..workers)
            .map(|_| {
                std::thread::Builder::new()
                    // Typst's layout recurses deeply: the main thread's stack size.
                    .stack_size(16 << 20)
                    .spawn_scoped(scope, work)
                    .map(|_| ())
            })
            .collect::<Result<Vec<()>, _>>()
    });
    started.map_err(|e| Failure::trouble(msg!("no-threads", reason = e.to_string())))?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut failures = failures.into_inner().unwrap_or_default();
    failures.sort();
    eprintln!(
        "{}",
        msg!(
            "batch-summary",
            rendered = files.len() - failures.len(),
            failed = failures.len(),
            seconds = kompass::messages::Arg::Fixed(start.elapsed().as_secs_f64(), 1)
        )
    );
    for (path, e) in &failures {
        eprintln!("  {}: {e}", path.display());
    }
    if failures.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(INVALID))
    }
}
