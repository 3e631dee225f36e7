//! `kompass watch`: render again whenever the evaluation, or the results register it names, is
//! saved.
//!
//! The folder of the evaluation is watched (not the file: many editors save by writing a new file
//! and renaming it over the old one, which would end a watch on the file itself). Events are
//! gathered until 100 ms pass without one (at most 500 ms), so that one save builds once; a save
//! that leaves the text as it was builds nothing. Typst's caches live as long as the process, so
//! a build after a small change reuses the layout of everything it did not touch; old entries
//! are evicted after every build so memory stays bounded over a long session.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use kompass::messages::msg;
use kompass::pipeline::{self, Request, Stage};

use super::{Failure, Run, Strictness, output, standards};

pub fn run(evaluation: &Path, out: Option<PathBuf>, stage: Stage, standard: &str) -> Run {
    let standards = standards(standard)?;
    let output = output(evaluation, out.as_deref(), stage)?;
    let strict = Strictness::at(stage);
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| Failure::trouble(msg!("watch-unavailable", reason = e.to_string())))?;
    let folder = match evaluation.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    watcher
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(|e| {
            Failure::trouble(msg!(
                "watch-cannot",
                path = folder.display().to_string(),
                reason = e.to_string()
            ))
        })?;
    eprintln!(
        "{}",
        msg!(
            "watching",
            evaluation = evaluation.display().to_string(),
            output = output.display().to_string(),
            kind = if stage.is_draft() { "draft" } else { "final" }
        )
    );
    let mut builds = 0;
    let mut last: Option<(Vec<u8>, Option<Vec<u8>>)> = None;
    let mut watched_register: Option<PathBuf> = None;
    loop {
        let register = register_of(evaluation);
        // A register in another folder is watched too (from the first time it is named).
        if let Some(r) = &register
            && watched_register.as_ref() != Some(r)
        {
            let dir = r.parent().map_or(PathBuf::from("."), Path::to_path_buf);
            if dir.canonicalize().ok() != folder.canonicalize().ok() {
                let _ = watcher.watch(&dir, RecursiveMode::NonRecursive);
            }
            watched_register = Some(r.clone());
        }
        let now = snapshot(evaluation, kompass::read::MAX_EVALUATION_BYTES).map(|text| {
            let register = register
                .as_ref()
                .and_then(|r| snapshot(r, kompass::read::MAX_REGISTER_BYTES));
            (text, register)
        });
        if now.is_some() && now != last {
            builds += 1;
            build(builds, evaluation, &output, &standards, strict);
            last = now;
            pipeline::forget_older_than(10);
        }
        // Wait for an event about the evaluation or its register, then for the save to settle.
        let names: Vec<_> = std::iter::once(evaluation)
            .chain(register.as_deref())
            .filter_map(|p| p.file_name().map(|n| n.to_os_string()))
            .collect();
        loop {
            let Ok(event) = rx.recv() else {
                return Ok(ExitCode::SUCCESS);
            };
            let ours = event.is_ok_and(|e| {
                e.paths.iter().any(|p| {
                    p.file_name()
                        .is_some_and(|n| names.iter().any(|x| x.as_os_str() == n))
                })
            });
            if ours {
                break;
            }
        }
        let started = Instant::now();
        while started.elapsed() < Duration::from_millis(500) {
            if rx.recv_timeout(Duration::from_millis(100)).is_err() {
                break;
            }
        }
    }
}

/// What a file holds now, to tell whether it changed: its bytes, read within the bound; for a
/// file over the bound its size and time (the build then says what is wrong with it).
fn snapshot(path: &Path, limit: u64) -> Option<Vec<u8>> {
    match kompass::read::bytes(path, limit) {
        Ok(bytes) => Some(bytes),
        Err(kompass::read::ReadError::TooLarge { .. }) => {
            let meta = std::fs::metadata(path).ok()?;
            Some(format!("over the bound: {} {:?}", meta.len(), meta.modified().ok()).into_bytes())
        }
        Err(_) => None,
    }
}

/// The results register an evaluation names, if any, as a path beside the evaluation.
fn register_of(evaluation: &Path) -> Option<PathBuf> {
    let bytes = kompass::read::bytes(evaluation, kompass::read::MAX_EVALUATION_BYTES).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    let name = table.get("register")?.as_str()?;
    Some(evaluation.parent().unwrap_or(Path::new("")).join(name))
}

/// One build: check, render, write; one line for a success, the diagnostics for a failure.
fn build(
    n: usize,
    evaluation: &Path,
    output: &Path,
    standards: &[kompass::PdfStandard],
    strict: Strictness,
) {
    let start = Instant::now();
    let found = match pipeline::check_path(evaluation, strict.stage) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("{}", msg!("build-error", n = n, reason = e.to_string()));
            return;
        }
    };
    let d = found.findings();
    let Some(loaded) = found.renderable() else {
        let outcome = super::present(&found);
        eprintln!("{}", msg!("build-invalid", n = n, errors = outcome.errors));
        return;
    };
    let result = pipeline::render(loaded, &Request::report(strict.stage, standards))
        .map_err(|e| e.to_string())
        .and_then(|pdf| {
            kompass::write::atomic_write(output, &pdf)
                .map(|()| pdf)
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(pdf) => {
            let warnings = kompass::diagnostics::counts(d).1;
            eprintln!(
                "{}",
                msg!(
                    "build-done",
                    n = n,
                    pages = kompass::embed::page_count(&pdf).unwrap_or(0),
                    seconds = kompass::messages::Arg::Fixed(start.elapsed().as_secs_f64(), 2),
                    output = output.display().to_string(),
                    warnings = warnings
                )
            );
        }
        Err(e) => eprintln!("{}", msg!("build-failed", n = n, reason = e)),
    }
}
