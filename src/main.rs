//! The `kompass` command line. It parses arguments and hands each subcommand to its module in
//! `cmd/`, which maps outcomes to exit codes; the work happens in the library's pipeline.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kompass::Stage;
use kompass::base::messages::msg;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Kommunkompassen evaluation reports as PDF, from one TOML file.
#[derive(Parser)]
#[command(name = "kompass", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages and help: sv or en (else chosen by LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_name = "sv|en", value_parser = ["sv", "en"])]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Check an evaluation and typeset its report as PDF; or many, in parallel.
    ///
    /// With several files, or `--all <folder>`, every report is rendered in parallel on all
    /// cores; a failing file does not stop the others, and the run ends with a summary (exit 1
    /// when any failed).
    Render(RenderArgs),
    /// Check an evaluation, or a results register, without rendering.
    ///
    /// Runs every check `render` runs: TOML syntax, unknown keys, types, score ranges, missing
    /// or unknown sub-areas, stated sums, comparison profiles (and the register they are
    /// computed from), dates, evaluators, the municipality's name forms. A register (`.csv` or
    /// `.xlsx`) is checked row by row: columns, numbers, frameworks, area maxima, totals, known
    /// municipalities and their SCB codes, dates, each evaluation once. Exit code 0 when valid
    /// (warnings allowed), 1 when the data is invalid, 2 for usage or I/O problems. Every key of
    /// the data format is documented in docs/data-format.md.
    #[command(after_help = "The data format: docs/data-format.md in the kompass repository.")]
    Check {
        /// The evaluation file (TOML), or a results register (.csv, .xlsx).
        evaluation: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Check as for a draft: placeholders from `kompass new` are allowed.
        #[arg(long)]
        draft: bool,
    },
    /// The deck for the feedback meeting (återkoppling): 16:9 slides from the same evaluation.
    ///
    /// Title, what Kommunkompassen is, the result with the bar chart, the profile charts, one
    /// slide per area (score, its sub-areas, strengths and improvements shortened to fit), the
    /// summary's main points and a closing slide. Accessible like the report (PDF/UA-1).
    Slides {
        /// The evaluation file (TOML).
        evaluation: PathBuf,
        /// Where to write the PDF (default: `<evaluation>-presentation.pdf` beside it).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A draft: "UTKAST" on every slide; placeholders allowed.
        #[arg(long)]
        draft: bool,
        /// PDF standards, as for render.
        #[arg(long, value_name = "LIST", default_value = "ua-1")]
        standard: String,
    },
    /// Every chart of the report as a standalone file, with its alt text beside it.
    ///
    /// For slides or web pages made elsewhere: `<chart>.svg` (or `.png`, drawn from the same SVG
    /// with the report's fonts) and `<chart>.txt` with the chart's Swedish alt text.
    Charts {
        /// The evaluation file (TOML).
        evaluation: PathBuf,
        /// The folder to write into (created when missing).
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
        /// `svg` or `png`.
        #[arg(long, value_name = "FORMAT", value_enum, default_value_t = cmd::charts::Format::Svg)]
        format: cmd::charts::Format,
        /// For PNG: the size relative to the chart's canvas (1600 px wide at 1).
        #[arg(long, value_name = "N", default_value_t = 1.0)]
        scale: f32,
    },
    /// Write the self-contained Typst project the report is made from, for a last manual touch.
    ///
    /// The templates, the data and chart files, the fonts, and README.txt with the `typst
    /// compile` command that makes the same report with the Typst CLI.
    Typst {
        /// The evaluation file (TOML).
        evaluation: PathBuf,
        /// The folder to write the project into: new or empty (created when missing).
        dir: PathBuf,
        /// A draft, as for render.
        #[arg(long)]
        draft: bool,
        /// PDF standards, as for render.
        #[arg(long, value_name = "LIST", default_value = kompass::pdf::standards::DEFAULT_STANDARDS)]
        standard: String,
        /// Write into a folder that is not empty, replacing the project's files there.
        #[arg(long)]
        overwrite: bool,
    },
    /// Write synthetic evaluations (for tests and benchmarks): one per municipality.
    #[command(hide = true)]
    Synthetic {
        /// The folder to write into (created when missing).
        dir: PathBuf,
        /// How many (at most 290).
        #[arg(long, default_value_t = 290)]
        count: usize,
        /// Varies scores and texts.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The results register: one row per evaluation (area scores and total as derived).
    ///
    /// From evaluation files and from kompass PDFs (the evaluation they carry). CSV (RFC 4180,
    /// UTF-8) by default or with `-o register.csv`; JSON with `-o register.json`.
    Export {
        /// Evaluation files (TOML) or kompass PDFs.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the register: .csv (RFC 4180, UTF-8), .xlsx (an Excel workbook) or
        /// .json (default: CSV on standard output). An existing file is not touched without
        /// --append or --overwrite.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Add the evaluations to the existing register: a row of the same evaluation
        /// (municipality and date, or year) is replaced (its note kept), the others stay.
        #[arg(long, requires = "output", conflicts_with = "overwrite")]
        append: bool,
        /// Replace an existing file.
        #[arg(long, requires = "output")]
        overwrite: bool,
        /// CSV for Swedish Excel: semicolons (the comma is Excel's decimal sign there) and
        /// UTF-8 with a byte order mark. Without it, RFC 4180 for tools. A workbook
        /// (-o register.xlsx) keeps everything best.
        #[arg(long)]
        excel: bool,
    },
    /// What changed between two versions of an evaluation.
    ///
    /// Every score change with its effect on the area score and the total, strengths and
    /// improvements added, removed or changed, paragraphs changed word by word, changed facts.
    /// Exit code 0 when they are the same, 1 when they differ, 2 when one cannot be read.
    Diff {
        /// The earlier version (TOML).
        old: PathBuf,
        /// The later version (TOML).
        new: PathBuf,
        /// `text` for people, `json` for tools.
        #[arg(long, value_name = "FORMAT", value_enum, default_value_t = cmd::diff::Format::Text)]
        format: cmd::diff::Format,
    },
    /// Write out the evaluation a kompass PDF carries (without the evaluator's comments).
    Extract {
        /// A PDF made by kompass.
        pdf: PathBuf,
        /// Where to write it (default: its name inside the PDF). Never overwrites.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Prove that a PDF is byte for byte what its evaluation renders to, or say what differs.
    ///
    /// Renders again from the evaluation attached to the PDF, or from the given file, with the
    /// options the PDF records, and compares. When they differ it names the cause: the
    /// evaluation (with its changes), the framework, or the kompass version. Exit code 0 when
    /// verified, 1 when not, 2 when the PDF cannot be read.
    Verify {
        /// A PDF made by kompass.
        pdf: PathBuf,
        /// The evaluation to compare with (default: the one inside the PDF).
        evaluation: Option<PathBuf>,
    },
    /// List the comments of a draft returned from the fact-check, each on its field.
    ///
    /// Every comment (note, highlight, strike-out, replacement, text box, underline, drawing)
    /// with its author, date, page, the words it marks, its replies and the field of the
    /// evaluation it belongs to, found by typesetting the evaluation the draft carries again
    /// and laying each comment over the words under it. With the evaluation, the review file
    /// beside it (`<evaluation>.granskning.toml`) gets the new comments and keeps each one's
    /// state; `--reply` writes the answer to the municipality from it.
    Comments(cmd::comments::Args),
    /// Render again whenever the evaluation is saved (a draft unless --final).
    ///
    /// One line per build (pages and time), or the diagnostics; keeps running after an error
    /// and recovers when the file is fixed. Ctrl-C stops it.
    Watch {
        /// The evaluation file (TOML).
        evaluation: PathBuf,
        /// Where to write the PDF (as for render).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Render the final report instead of a draft.
        #[arg(long = "final")]
        final_report: bool,
        /// PDF standards, as for render.
        #[arg(long, value_name = "LIST", default_value = kompass::pdf::standards::DEFAULT_STANDARDS)]
        standard: String,
    },
    /// Edit the evaluation in the browser: a form, the report's pages beside it, every finding
    /// at its field.
    ///
    /// Starts a local web server on 127.0.0.1 and prints its address with a token (the browser
    /// opens it unless --no-open). Every change is checked and saved to the same TOML file at
    /// once, keeping its comments and layout; a file changed on disk meanwhile is never
    /// overwritten. Ctrl-C stops it.
    Serve {
        /// The evaluation file (TOML), or a folder of evaluations to choose from.
        evaluation: PathBuf,
        /// The port on 127.0.0.1 (default: the one used the last time this file or folder was
        /// served, so that an open page reconnects; the first time, any free port).
        #[arg(long)]
        port: Option<u16>,
        /// Do not open the browser.
        #[arg(long)]
        no_open: bool,
    },
    /// The evaluators' handbook, in Swedish: writing an evaluation, the register, drafts and
    /// versions, the commands (Markdown, on standard output).
    #[command(alias = "handbook")]
    Handbok,
    /// Write a complete evaluation skeleton for a municipality, from the framework.
    ///
    /// For any of Sweden's 290 municipalities the name forms and the population come from
    /// kompass's table (SCB, 31 December 2024).
    New {
        /// The municipality, e.g. Öckerö or "Öckerö kommun".
        municipality: String,
        /// Where to write it (default: <name>-<year>.toml in the current directory). Never overwrites.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// `kompass render`'s arguments.
#[derive(clap::Args)]
struct RenderArgs {
    /// The evaluation file(s) (TOML).
    #[arg(required_unless_present = "all")]
    evaluations: Vec<PathBuf>,
    /// Where to write the PDF: a file, or a folder to write `<evaluation>.pdf` into
    /// (default: the evaluation's name with `.pdf`, beside it; a draft's with
    /// `-utkast.pdf`, so that a draft never replaces the final report). With several
    /// evaluations, the folder to write into (as --out-dir); a name ending in / is created.
    #[arg(short, long, conflicts_with = "out_dir")]
    output: Option<PathBuf>,
    /// Render every `.toml` file in this folder.
    #[arg(long, value_name = "FOLDER")]
    all: Option<PathBuf>,
    /// For many evaluations: the folder to write the PDFs into (created when missing).
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// PDF standards to conform to, comma-separated (`a-2a`, `a-2b`, `a-3a`, `ua-1`, …), or `none`.
    #[arg(long, value_name = "LIST", default_value = kompass::pdf::standards::DEFAULT_STANDARDS)]
    standard: String,
    /// Refuse to render when the check finds warnings.
    #[arg(long)]
    deny_warnings: bool,
    /// A draft for fact-checking: "UTKAST" across every page, the version in the header;
    /// placeholders from `kompass new` are allowed.
    #[arg(long)]
    draft: bool,
    /// With --draft: end the report with a page "Ändringar sedan version N" listing what
    /// changed since this earlier version of the evaluation.
    #[arg(long, value_name = "OLD.toml")]
    changes_since: Option<PathBuf>,
}

fn main() -> ExitCode {
    // Interrupted (Ctrl-C, kill): remove a half-written temporary PDF; the previous PDF was
    // never touched.
    let _ = ctrlc::set_handler(|| {
        kompass::pdf::write::clean_up_interrupted();
        std::process::exit(130);
    });
    let lang = cmd::help::language(std::env::args());
    kompass::base::messages::set_lang(lang);
    if let Some(code) = a_file_for_a_command() {
        return code;
    }
    dispatch(cmd::help::parse::<Cli>(lang).command).unwrap_or_else(cmd::Failure::report)
}

/// Each command to its module.
fn dispatch(command: Command) -> cmd::Run {
    match command {
        Command::Render(args) => render(args),
        Command::Check {
            evaluation,
            deny_warnings,
            draft,
        } => cmd::check::run(
            &evaluation,
            cmd::Strictness {
                deny_warnings,
                stage: Stage::from_draft(draft),
            },
        ),
        Command::New {
            municipality,
            output,
        } => cmd::new::run(&municipality, output),
        Command::Watch {
            evaluation,
            output,
            final_report,
            standard,
        } => cmd::watch::run(
            &evaluation,
            output,
            Stage::from_draft(!final_report),
            &standard,
        ),
        Command::Slides {
            evaluation,
            output,
            draft,
            standard,
        } => cmd::slides::run(&evaluation, output, Stage::from_draft(draft), &standard),
        Command::Typst {
            evaluation,
            dir,
            draft,
            standard,
            overwrite,
        } => cmd::typst::run(
            &evaluation,
            &dir,
            Stage::from_draft(draft),
            &standard,
            overwrite,
        ),
        Command::Synthetic { dir, count, seed } => cmd::synthetic::run(&dir, count, seed),
        Command::Export {
            inputs,
            output,
            append,
            overwrite,
            excel,
        } => {
            let existing = if append {
                cmd::export::Existing::Append
            } else if overwrite {
                cmd::export::Existing::Overwrite
            } else {
                cmd::export::Existing::Refuse
            };
            cmd::export::run(&inputs, output.as_deref(), existing, excel)
        }
        Command::Charts {
            evaluation,
            out_dir,
            format,
            scale,
        } => cmd::charts::run(&evaluation, &out_dir, format, scale),
        Command::Diff { old, new, format } => cmd::diff::run(&old, &new, format),
        Command::Extract { pdf, output } => cmd::extract::run(&pdf, output),
        Command::Serve {
            evaluation,
            port,
            no_open,
        } => cmd::serve::run(&evaluation, port, !no_open),
        Command::Verify { pdf, evaluation } => cmd::verify::run(&pdf, evaluation.as_deref()),
        Command::Comments(args) => cmd::comments::run(&args),
        Command::Handbok => handbook(),
    }
}

/// `kompass render`: one evaluation, or many in parallel.
fn render(args: RenderArgs) -> cmd::Run {
    let strict = cmd::Strictness {
        deny_warnings: args.deny_warnings,
        stage: Stage::from_draft(args.draft),
    };
    match (&args.evaluations[..], &args.all, &args.out_dir) {
        ([one], None, None) => cmd::render::run(
            one,
            args.output,
            &args.standard,
            strict,
            args.changes_since.as_deref(),
        ),
        _ => cmd::render::run_many(
            &args.evaluations,
            args.all.as_deref(),
            args.out_dir.as_deref().or(args.output.as_deref()),
            &args.standard,
            strict,
            args.changes_since.is_some(),
        ),
    }
}

/// `kompass handbok`: the Swedish handbook, as Markdown on standard output.
fn handbook() -> cmd::Run {
    print!("{}", kompass::base::messages::HANDBOOK);
    Ok(ExitCode::SUCCESS)
}

/// `kompass strängnäs.toml`: a file where a command belongs. The commands that take it, instead
/// of clap's "unrecognized subcommand".
fn a_file_for_a_command() -> Option<ExitCode> {
    let first = std::env::args_os().nth(1)?;
    let first = first.to_string_lossy();
    let lower = first.to_lowercase();
    let suggestions: &[&str] = if lower.ends_with(".toml") {
        &["render", "check"]
    } else if lower.ends_with(".pdf") {
        &["verify", "extract", "comments"]
    } else if lower.ends_with(".csv") || lower.ends_with(".xlsx") {
        &["check"]
    } else {
        return None;
    };
    let commands: Vec<String> = suggestions
        .iter()
        .map(|c| format!("  kompass {c} {first}"))
        .collect();
    let message = msg!(
        "file-not-command",
        file = first.to_string(),
        commands = commands.join("\n")
    );
    eprintln!("{}", msg!("failure", message = message));
    Some(ExitCode::from(2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use kompass::base::messages::{Lang, lookup};

    #[test]
    fn every_command_and_option_has_its_swedish_help() {
        let mut missing = Vec::new();
        let mut command = Cli::command();
        command.build();
        for sub in command.get_subcommands() {
            let key = format!("cli-{}", sub.get_name());
            if lookup(Lang::Sv, &key).is_none() {
                missing.push(key.clone());
            }
            if sub.get_long_about().is_some() && lookup(Lang::Sv, &format!("{key}-long")).is_none()
            {
                missing.push(format!("{key}-long"));
            }
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                let own = !matches!(id, "lang" | "help" | "version");
                if own && lookup(Lang::Sv, &format!("{key}-{id}")).is_none() {
                    missing.push(format!("{key}-{id}"));
                }
                for (_, value) in cmd::help::placeholders(arg) {
                    if lookup(Lang::Sv, &value).is_none() {
                        missing.push(value);
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no Swedish help for {missing:?}");
    }
}
