//! One module per subcommand, each a `run` that gives its exit code or a [`Failure`], which
//! `main` prints once. Shared here: exit codes, loading with every diagnostic printed, and the
//! steps several commands take (standards, output paths, reading a PDF, writing a file).

pub mod batch;
pub mod charts;
pub mod check;
pub mod comments;
pub mod diff;
pub mod export;
pub mod extract;
pub mod help;
pub mod new;
pub mod render;
pub mod serve;
pub mod slides;
pub mod synthetic;
pub mod typst;
pub mod verify;
pub mod watch;

use std::path::Path;

use kompass::base::diagnostics::counts;
use kompass::base::messages::{Message, msg};
use kompass::checks::prepared::Prepared;
use kompass::pipeline;
pub use kompass::pipeline::{RegisterSource, Stage};

/// Exit codes: 0 success, 1 invalid data, 2 usage or I/O problem.
pub const INVALID: u8 = 1;
pub const TROUBLE: u8 = 2;

/// The most diagnostics printed in one run.
const MAX_SHOWN: usize = 100;

/// What a check found, for the closing line.
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    /// "1 error, 2 warnings"
    pub fn summary(&self) -> Message {
        msg!("summary", errors = self.errors, warnings = self.warnings)
    }
}

/// How strict a check is.
#[derive(Clone, Copy)]
pub struct Strictness {
    /// Warnings fail too.
    pub deny_warnings: bool,
    /// A draft may still hold what `kompass new` left to fill in; a final report may not.
    pub stage: Stage,
}

impl Strictness {
    /// Prepared for this stage, warnings allowed.
    pub fn at(stage: Stage) -> Self {
        Strictness {
            deny_warnings: false,
            stage,
        }
    }
}

/// Why a check stopped a command; what it found is already printed.
pub enum Stopped {
    /// The data is invalid (or has warnings while `deny_warnings` is set): what was found.
    Invalid(Counts),
    /// The file could not be read.
    Unreadable,
}

impl Stopped {
    /// The exit code, after the closing line for invalid data (`consequence`: what was not
    /// done, e.g. "; no PDF was written").
    pub fn report(self, path: &Path, consequence: Option<Message>) -> Failure {
        match self {
            Stopped::Invalid(counts) => {
                refused(path, &counts, consequence);
                Failure::Reported(INVALID)
            }
            Stopped::Unreadable => Failure::Reported(TROUBLE),
        }
    }
}

/// Load and validate, printing every diagnostic: the evaluation and what was found, or why it
/// stops here.
pub fn checked(path: &Path, strict: Strictness) -> Result<(Prepared, Counts), Stopped> {
    printed(pipeline::check_path(path, strict.stage), strict)
}

/// [`checked`] for an evaluation given as text (`name` is used in diagnostics); `register` says
/// where its results register comes from, when it names one.
pub fn checked_text(
    name: &str,
    text: &str,
    strict: Strictness,
    register: RegisterSource,
) -> Result<(Prepared, Counts), Stopped> {
    printed(
        pipeline::check_text(name, text, register, strict.stage),
        strict,
    )
}

/// Print what the engine found; the evaluation when nothing (with `--deny-warnings`: not even a
/// warning) stands in the way.
fn printed(
    found: kompass::Result<pipeline::Outcome>,
    strict: Strictness,
) -> Result<(Prepared, Counts), Stopped> {
    let found = found.map_err(|e| {
        eprintln!(
            "{}",
            msg!("failure", message = msg!("plain", text = e.to_string()))
        );
        Stopped::Unreadable
    })?;
    let outcome = present(&found);
    let (errors, warnings) = (outcome.errors, outcome.warnings);
    match found.into_evaluation() {
        Some(l) if errors == 0 && !(strict.deny_warnings && warnings > 0) => Ok((l, outcome)),
        _ => Err(Stopped::Invalid(outcome)),
    }
}

/// Print what a check found, the one way every command prints findings: errors first, then
/// warnings, then notes, each in the order found, at most [`MAX_SHOWN`] of them.
pub fn present(found: &pipeline::Outcome) -> Counts {
    let mut diagnostics: Vec<&kompass::base::diagnostics::Diagnostic> =
        found.findings().iter().collect();
    diagnostics.sort_by_key(|d| d.severity as u8);
    let diagnostics: Vec<kompass::base::diagnostics::Diagnostic> =
        diagnostics.into_iter().cloned().collect();
    // A file with thousands of mistakes is not helped by thousands of messages.
    found
        .sources()
        .emit(&diagnostics[..diagnostics.len().min(MAX_SHOWN)]);
    if diagnostics.len() > MAX_SHOWN {
        eprintln!(
            "{}",
            msg!("more-not-shown", count = diagnostics.len() - MAX_SHOWN)
        );
    }
    let (errors, warnings) = counts(&diagnostics);
    Counts { errors, warnings }
}

/// The closing line of a run that stopped on the data: what was found and why it failed.
pub fn refused(path: &Path, outcome: &Counts, consequence: Option<Message>) {
    let message = msg!(
        "refused",
        path = path.display().to_string(),
        summary = outcome.summary(),
        denied = if outcome.errors == 0 { "yes" } else { "no" },
        consequence = consequence.map_or(String::new(), |c| c.text())
    );
    eprintln!("{message}");
}

/// Why a command stopped. `main` prints it once and exits with its code.
#[derive(Debug)]
pub enum Failure {
    /// Already printed (the diagnostics and the closing line): only the exit code is left.
    Reported(u8),
    /// To print as `error: <message>`, with the exit code.
    Message(u8, Message),
}

impl Failure {
    /// A usage or I/O problem (exit 2) with its message.
    pub fn trouble(message: Message) -> Self {
        Failure::Message(TROUBLE, message)
    }

    /// A usage or I/O problem whose text comes from elsewhere (a library's own words).
    pub fn text(text: impl Into<String>) -> Self {
        Failure::trouble(msg!("plain", text = text.into()))
    }

    /// Print what is left to print; the exit code.
    pub fn report(self) -> std::process::ExitCode {
        match self {
            Failure::Reported(code) => std::process::ExitCode::from(code),
            Failure::Message(code, message) => {
                eprintln!("{}", msg!("failure", message = message));
                std::process::ExitCode::from(code)
            }
        }
    }
}

impl From<kompass::Error> for Failure {
    fn from(e: kompass::Error) -> Self {
        Failure::text(e.to_string())
    }
}

/// What a command gives back: its exit code, or why it stopped.
pub type Run = Result<std::process::ExitCode, Failure>;

/// [`checked`] for a command that needs the evaluation; on failure the closing line says what
/// was not done (`consequence`, e.g. "; no PDF was written").
pub fn load(path: &Path, strict: Strictness, consequence: Message) -> Result<Prepared, Failure> {
    checked(path, strict)
        .map(|(l, _)| l)
        .map_err(|stop| stop.report(path, Some(consequence)))
}

/// The `--standard` list, checked.
pub fn standards(standard: &str) -> Result<Vec<kompass::PdfStandard>, Failure> {
    kompass::pdf::standards::parse_standards(standard)
        .and_then(|list| kompass::pdf::standards::standards(&list).map(|_| list))
        .map_err(|e| Failure::text(format!("--standard {standard}: {e}")))
}

/// A PDF and what it carries, read within kompass's bounds (see `kompass::files::read`): the
/// one way every command reads a kompass PDF and says why it cannot.
pub fn read_pdf_bytes(path: &Path) -> Result<(Vec<u8>, kompass::pdf::embed::Embedded), Failure> {
    let bytes = kompass::files::read::bytes(path, kompass::files::read::MAX_PDF_BYTES)
        .map_err(|e| cannot_read(path, e.to_string()))?;
    let embedded = kompass::pdf::embed::read(&bytes).map_err(|e| {
        Failure::trouble(msg!(
            "with-reason",
            what = path.display().to_string(),
            reason = e.message()
        ))
    })?;
    Ok((bytes, embedded))
}

/// What a kompass PDF carries ([`read_pdf_bytes`]).
pub fn read_pdf(path: &Path) -> Result<kompass::pdf::embed::Embedded, Failure> {
    read_pdf_bytes(path).map(|(_, embedded)| embedded)
}

/// Where a PDF goes, checked before any work (see `kompass::pdf::write::output_path`).
pub fn output(
    evaluation: &Path,
    output: Option<&Path>,
    stage: Stage,
) -> Result<std::path::PathBuf, Failure> {
    Ok(kompass::pdf::write::output_path(evaluation, output, stage)?)
}

/// Write a file through a temporary file and a rename (see `kompass::pdf::write::atomic_write`); a
/// read-only file is refused with a message that says so.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    kompass::pdf::write::atomic_write(path, bytes)
        .map_err(|e| Failure::trouble(kompass::pdf::write::failure(path, &e)))
}

/// "cannot read <path>: <reason>".
pub fn cannot_read(path: &Path, reason: String) -> Failure {
    Failure::trouble(msg!(
        "cannot-read",
        path = path.display().to_string(),
        reason = reason
    ))
}

/// A file or folder that could not be made: what, and the system's reason.
pub fn io_failure(what: Message, e: &std::io::Error) -> Failure {
    Failure::trouble(msg!(
        "with-reason",
        what = what,
        reason = kompass::base::messages::io_reason(e)
    ))
}

/// Create a folder (and the folders above it) for output.
pub fn create_folder(dir: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir)
        .map_err(|e| io_failure(msg!("cannot-create", path = dir.display().to_string()), &e))
}

/// Print a message on standard error, in the language of this run.
pub fn say(message: Message) {
    eprintln!("{message}");
}
