//! `kompass render` of many evaluations: in parallel on all cores, sharing fonts, templates and
//! Typst's caches; a progress bar on a terminal, a line per report otherwise; it goes on past a
//! failing file and ends with a summary.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use kompass::diagnostics::Diagnostic;
use kompass::pipeline::{self, Outcome, Request, Stage};

use kompass::messages::msg;

use super::{Failure, INVALID, Run, Strictness};

/// Why one evaluation of a batch was not rendered.
enum Failed {
    /// Its findings (every one is printed in the summary, as `check` prints them).
    Findings(Box<Outcome>),
    /// Anything else, as a message.
    Other(String),
}

impl Failed {
    /// One line for the progress: the first failing finding, and how many more there are.
    fn line(&self, strict: Strictness) -> String {
        let found = match self {
            Failed::Other(text) => return text.clone(),
            Failed::Findings(found) => found,
        };
        let failing: Vec<&Diagnostic> = found
            .findings()
            .iter()
            .filter(|d| fails(d, strict))
            .collect();
        let Some(first) = failing.first() else {
            return msg!("not-an-evaluation").text();
        };
        let more = match failing.len() {
            0 | 1 => String::new(),
            n => msg!("and-more", count = n - 1).text(),
        };
        format!("{}{more}", found.sources().to_short(first))
    }
}

/// Whether a finding stops a report: an error, or with `--deny-warnings` a warning.
fn fails(d: &Diagnostic, strict: Strictness) -> bool {
    d.is_error() || (strict.deny_warnings && d.severity == kompass::diagnostics::Severity::Warning)
}

/// Render one evaluation through the pipeline.
fn one(
    path: &Path,
    out_dir: Option<&Path>,
    standards: &[kompass::PdfStandard],
    strict: Strictness,
) -> Result<PathBuf, Failed> {
    let other = |e: kompass::Error| Failed::Other(e.to_string());
    let output = kompass::write::output_path(path, out_dir, strict.stage).map_err(other)?;
    let found = pipeline::check_path(path, strict.stage).map_err(other)?;
    let evaluation = match &found {
        Outcome::Loaded { evaluation, .. }
            if !found.findings().iter().any(|d| fails(d, strict)) =>
        {
            evaluation
        }
        _ => return Err(Failed::Findings(Box::new(found))),
    };
    let pdf =
        pipeline::render(evaluation, &Request::report(strict.stage, standards)).map_err(other)?;
    kompass::write::atomic_write(&output, &pdf)
        .map_err(|e| Failed::Other(kompass::write::failure(&output, &e).text()))?;
    Ok(output)
}

/// Two evaluations whose reports would go to one file (`a/leksand.toml` and `b/leksand.toml`
/// into one `--out-dir`, or one file given twice): refused before any work, naming both, since
/// one report would replace the other.
fn same_outputs(files: &[PathBuf], out_dir: Option<&Path>, stage: Stage) -> Result<(), Failure> {
    let mut seen: Vec<(PathBuf, &Path)> = Vec::new();
    for path in files {
        let dir = match out_dir {
            Some(d) => d,
            None => path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        };
        let output = dir.join(kompass::write::default_name(path, stage));
        // The same folder however it is written (`./x` and `x`), where it exists.
        let key = dir
            .canonicalize()
            .unwrap_or_else(|_| dir.to_path_buf())
            .join(kompass::write::default_name(path, stage));
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
    same_outputs(files, out_dir, strict.stage)?;
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
    let failures: Mutex<Vec<(PathBuf, Failed)>> = Mutex::new(Vec::new());
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
            pipeline::forget_older_than(workers + 1);
            let line = match &result {
                Ok(out) => msg!(
                    "batch-ok",
                    path = path.display().to_string(),
                    output = out.display().to_string()
                ),
                Err(e) => msg!(
                    "batch-failed",
                    path = path.display().to_string(),
                    reason = e.line(strict)
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
    failures.sort_by(|a, b| a.0.cmp(&b.0));
    eprintln!(
        "{}",
        msg!(
            "batch-summary",
            rendered = files.len() - failures.len(),
            failed = failures.len(),
            seconds = kompass::messages::Arg::Fixed(start.elapsed().as_secs_f64(), 1)
        )
    );
    // Each failed file with everything that stopped it, printed as `check` prints it.
    for (path, e) in &failures {
        match e {
            Failed::Findings(found) => {
                eprintln!("  {}:", path.display());
                super::present(found);
            }
            Failed::Other(text) => eprintln!("  {}: {text}", path.display()),
        }
    }
    if failures.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(INVALID))
    }
}
