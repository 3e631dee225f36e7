//! One module per subcommand. Shared here: exit codes and loading with every diagnostic printed.

pub mod batch;
pub mod charts;
pub mod check;
pub mod diff;
pub mod export;
pub mod extract;
pub mod new;
pub mod render;
pub mod slides;
pub mod typst;
pub mod verify;
pub mod watch;

use std::path::Path;

use kompass::check::Checked;
use kompass::diagnostics::{Diagnostic, Sources, counts};
use kompass::load::LoadError;

/// Exit codes: 0 success, 1 invalid data, 2 usage or I/O problem.
pub const INVALID: u8 = 1;
pub const TROUBLE: u8 = 2;

/// The most diagnostics printed in one run.
const MAX_SHOWN: usize = 100;

/// What a check found, for the closing line.
pub struct Outcome {
    pub errors: usize,
    pub warnings: usize,
}

impl Outcome {
    /// "1 error, 2 warnings"
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(plural(self.errors, "error", "errors"));
        }
        if self.warnings > 0 {
            parts.push(plural(self.warnings, "warning", "warnings"));
        }
        parts.join(", ")
    }
}

/// How strict a check is.
#[derive(Clone, Copy, Default)]
pub struct Strictness {
    /// Warnings fail too.
    pub deny_warnings: bool,
    /// A draft may still hold what `kompass new` left to fill in; a final report may not.
    pub draft: bool,
}

/// Load and validate, printing every diagnostic. `Err` carries the outcome when the data is
/// invalid (or has warnings while `deny_warnings` is set), or `None` for an I/O problem (already
/// reported).
pub fn checked(path: &Path, strict: Strictness) -> Result<(Checked, Outcome), Option<Outcome>> {
    findings(kompass::check::load_path(path), strict)
}

/// [`checked`] for an evaluation given as text (`name` is used in diagnostics); `register` says
/// where its results register comes from, when it names one.
pub fn checked_text(
    name: &str,
    text: &str,
    strict: Strictness,
    register: Register,
) -> Result<(Checked, Outcome), Option<Outcome>> {
    let loaded = kompass::check::load_str(name, text).map(|mut l| {
        match register {
            Register::Kept(Some(frozen)) if l.evaluation.register.is_some() => {
                l.set_register(kompass::compare::RegisterData::Frozen(frozen.clone()));
            }
            Register::Kept(_) => {}
            Register::Folder(dir, kept) => {
                l.read_register(dir);
                // A register no longer beside the evaluation: what the PDF kept of it.
                if let (kompass::compare::RegisterData::Failed(_, Some(_)), Some(frozen)) =
                    (l.register(), kept)
                {
                    l.set_register(kompass::compare::RegisterData::Frozen(frozen.clone()));
                }
            }
        }
        l
    });
    findings(loaded, strict)
}

/// Where the register of an evaluation given as text comes from.
pub enum Register<'a> {
    /// What a PDF kept of it.
    Kept(Option<&'a kompass::compare::Frozen>),
    /// The folder of the evaluation file; when the register is not found there, what a PDF
    /// kept of it, if given.
    Folder(&'a Path, Option<&'a kompass::compare::Frozen>),
}

fn findings(
    loaded: Result<Checked, (Sources, LoadError)>,
    strict: Strictness,
) -> Result<(Checked, Outcome), Option<Outcome>> {
    let deny_warnings = strict.deny_warnings;
    let (loaded, diagnostics): (Result<Checked, Sources>, Vec<Diagnostic>) = match loaded {
        Ok(l) => {
            let mut d = kompass::validate::check(&l);
            if !strict.draft && !d.iter().any(Diagnostic::is_error) {
                d.extend(kompass::validate::check_final(&l));
            }
            (Ok(l), d)
        }
        Err((_, LoadError::Io(msg))) => {
            eprintln!("error: {msg}");
            return Err(None);
        }
        Err((sources, LoadError::Invalid(d))) => (Err(sources), d),
    };
    // A file with thousands of mistakes is not helped by thousands of messages.
    let shown = &diagnostics[..diagnostics.len().min(MAX_SHOWN)];
    match &loaded {
        Ok(l) => l.sources.emit(shown),
        Err(sources) => sources.emit(shown),
    }
    if diagnostics.len() > MAX_SHOWN {
        eprintln!(
            "… and {} more finding(s) not shown",
            diagnostics.len() - MAX_SHOWN
        );
    }
    let (errors, warnings) = counts(&diagnostics);
    let outcome = Outcome { errors, warnings };
    match loaded {
        Ok(l) if errors == 0 && !(deny_warnings && warnings > 0) => Ok((l, outcome)),
        _ => Err(Some(outcome)),
    }
}

/// The closing line of a run that stopped on the data: what was found and why it failed.
pub fn refused(path: &Path, outcome: &Outcome, consequence: &str) {
    let why = if outcome.errors == 0 {
        " (--deny-warnings makes warnings fail)"
    } else {
        ""
    };
    eprintln!(
        "{}: {}{why}{consequence}",
        path.display(),
        outcome.summary()
    );
}

/// [`checked`] for a command that needs the evaluation: on failure the exit code, with the
/// closing line saying what was not done (`consequence`, e.g. "; no PDF was written").
pub fn load_or_exit(
    path: &Path,
    strict: Strictness,
    consequence: &str,
) -> Result<Checked, std::process::ExitCode> {
    match checked(path, strict) {
        Ok((l, _)) => Ok(l),
        Err(Some(outcome)) => {
            refused(path, &outcome, consequence);
            Err(std::process::ExitCode::from(INVALID))
        }
        Err(None) => Err(std::process::ExitCode::from(TROUBLE)),
    }
}

/// The `--standard` list, checked; on failure the message is printed and the exit code returned.
pub fn standards_or_exit(
    standard: &str,
) -> Result<Vec<kompass::PdfStandard>, std::process::ExitCode> {
    kompass::typeset::parse_standards(standard)
        .and_then(|list| kompass::typeset::standards(&list).map(|_| list))
        .map_err(|e| {
            eprintln!("error: --standard {standard}: {e}");
            std::process::ExitCode::from(TROUBLE)
        })
}

/// What a kompass PDF carries, read within kompass's bounds (see `kompass::read`); on failure the
/// message is printed and the exit code (2) returned.
pub fn read_pdf(path: &Path) -> Result<kompass::embed::Embedded, std::process::ExitCode> {
    let bytes = kompass::read::bytes(path, kompass::read::MAX_PDF_BYTES).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        std::process::ExitCode::from(TROUBLE)
    })?;
    kompass::embed::read(&bytes).map_err(|e| {
        eprintln!("error: {}: {e}", path.display());
        std::process::ExitCode::from(TROUBLE)
    })
}

/// Where a PDF goes, checked before any work (see `kompass::write::output_path`); on failure
/// the message is printed and the exit code returned.
pub fn output_or_exit(
    evaluation: &Path,
    output: Option<&Path>,
    draft: bool,
) -> Result<std::path::PathBuf, std::process::ExitCode> {
    let kind = if draft {
        kompass::write::Kind::Draft
    } else {
        kompass::write::Kind::Final
    };
    kompass::write::output_path(evaluation, output, kind).map_err(|e| {
        eprintln!("error: {e}");
        std::process::ExitCode::from(TROUBLE)
    })
}
