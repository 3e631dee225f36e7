//! The `kompass` command line. It only parses arguments and maps outcomes to exit codes; the
//! work happens in the library's pipeline.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kompass::diagnostics::{Diagnostic, Sources, counts};
use kompass::load::{self, LoadError, Loaded};

/// Kommunkompassen evaluation reports as PDF, from one TOML file.
#[derive(Parser)]
#[command(name = "kompass", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check an evaluation and typeset its report as PDF.
    Render {
        /// The evaluation file (TOML).
        evaluation: PathBuf,
        /// Where to write the PDF (default: the evaluation's name with `.pdf`, beside it).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// PDF standards to conform to, comma-separated (`a-2a`, `a-2b`, `a-3a`, `ua-1`, …), or `none`.
        #[arg(long, value_name = "LIST", default_value = kompass::typeset::DEFAULT_STANDARDS)]
        standard: String,
    },
    /// Check an evaluation without rendering it.
    ///
    /// Runs every check `render` runs: TOML syntax, unknown keys, types, score ranges, missing
    /// or unknown sub-areas, stated sums, comparison profiles, dates, evaluators. Exit code 0
    /// when valid (warnings allowed), 1 when the data is invalid, 2 for usage or I/O problems.
    /// Every key of the data format is documented in docs/data-format.md.
    #[command(after_help = "The data format: docs/data-format.md in the kompass repository.")]
    Check {
        /// The evaluation file (TOML).
        evaluation: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write a complete evaluation skeleton for a municipality, from the framework.
    New {
        /// The municipality's name, e.g. Vallentuna.
        municipality: String,
        /// Where to write it (default: <name>.toml in the current directory). Never overwrites.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Exit codes: 0 success, 1 invalid data, 2 usage or I/O problem.
const INVALID: u8 = 1;
const TROUBLE: u8 = 2;

/// The most diagnostics printed in one run.
const MAX_SHOWN: usize = 100;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Render {
            evaluation,
            output,
            standard,
        } => {
            let standards = match kompass::typeset::parse_standards(&standard)
                .and_then(|list| kompass::typeset::standards(&list).map(|_| list))
            {
                Ok(list) => list,
                Err(e) => {
                    eprintln!("error: --standard {standard}: {e}");
                    return ExitCode::from(TROUBLE);
                }
            };
            let loaded = match checked(&evaluation, false) {
                Ok(l) => l,
                Err(code) => return ExitCode::from(code),
            };
            let output = output.unwrap_or_else(|| evaluation.with_extension("pdf"));
            let start = std::time::Instant::now();
            let pdf = match kompass::render(&loaded, &standards) {
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
        Command::Check {
            evaluation,
            deny_warnings,
        } => match checked(&evaluation, deny_warnings) {
            Ok(_) => {
                eprintln!("{}: ok", evaluation.display());
                ExitCode::SUCCESS
            }
            Err(code) => ExitCode::from(code),
        },
        Command::New {
            municipality,
            output,
        } => {
            let output = output.unwrap_or_else(|| kompass::skeleton::default_path(&municipality));
            match kompass::skeleton::create(&output, &municipality) {
                Ok(()) => {
                    eprintln!("wrote {}", output.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(TROUBLE)
                }
            }
        }
    }
}

/// Load and validate, printing every diagnostic. On failure, the exit code to use.
fn checked(path: &Path, deny_warnings: bool) -> Result<Loaded, u8> {
    let (loaded, diagnostics): (Result<Loaded, Sources>, Vec<Diagnostic>) =
        match load::load_path(path) {
            Ok(l) => {
                let d = kompass::validate::check(&l);
                (Ok(l), d)
            }
            Err((_, LoadError::Io(msg))) => {
                eprintln!("error: {msg}");
                return Err(TROUBLE);
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
    if errors > 0 || (deny_warnings && warnings > 0) {
        eprintln!(
            "{}: {errors} error(s), {warnings} warning(s); nothing was written",
            path.display()
        );
        return Err(INVALID);
    }
    if warnings > 0 {
        eprintln!("{}: {warnings} warning(s)", path.display());
    }
    loaded.map_err(|_| INVALID)
}
