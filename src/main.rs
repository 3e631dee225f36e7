//! The `kompass` command line. It parses arguments and hands each subcommand to its module in
//! `cmd/`, which maps outcomes to exit codes; the work happens in the library's pipeline.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use kompass::messages::{Lang, lookup, msg};

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
    Render {
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
        #[arg(long, value_name = "LIST", default_value = kompass::typeset::DEFAULT_STANDARDS)]
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
    },
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
        #[arg(long, value_name = "FORMAT", default_value = "svg", value_parser = ["svg", "png"])]
        format: String,
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
        #[arg(long, value_name = "LIST", default_value = kompass::typeset::DEFAULT_STANDARDS)]
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
        #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
        format: String,
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
        #[arg(long, value_name = "LIST", default_value = kompass::typeset::DEFAULT_STANDARDS)]
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

fn main() -> ExitCode {
    // Interrupted (Ctrl-C, kill): remove a half-written temporary PDF; the previous PDF was
    // never touched.
    let _ = ctrlc::set_handler(|| {
        kompass::write::clean_up_interrupted();
        std::process::exit(130);
    });
    let lang = language(std::env::args());
    kompass::messages::set_lang(lang);
    if let Some(code) = a_file_for_a_command() {
        return code;
    }
    dispatch(parse(lang).command).unwrap_or_else(cmd::Failure::report)
}

/// Each command to its module.
fn dispatch(command: Command) -> cmd::Run {
    match command {
        Command::Render {
            evaluations,
            output,
            all,
            out_dir,
            standard,
            deny_warnings,
            draft,
            changes_since,
        } => {
            let strict = cmd::Strictness {
                deny_warnings,
                draft,
            };
            match (&evaluations[..], &all, &out_dir) {
                ([one], None, None) => {
                    cmd::render::run(one, output, &standard, strict, changes_since.as_deref())
                }
                _ => cmd::render::run_many(
                    &evaluations,
                    all.as_deref(),
                    out_dir.as_deref().or(output.as_deref()),
                    &standard,
                    strict,
                    changes_since.is_some(),
                ),
            }
        }
        Command::Check {
            evaluation,
            deny_warnings,
            draft,
        } => cmd::check::run(
            &evaluation,
            cmd::Strictness {
                deny_warnings,
                draft,
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
        } => cmd::watch::run(&evaluation, output, final_report, &standard),
        Command::Slides {
            evaluation,
            output,
            draft,
            standard,
        } => cmd::slides::run(&evaluation, output, draft, &standard),
        Command::Typst {
            evaluation,
            dir,
            draft,
            standard,
            overwrite,
        } => cmd::typst::run(&evaluation, &dir, draft, &standard, overwrite),
        Command::Synthetic { dir, count, seed } => synthetic(&dir, count, seed),
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
        } => cmd::charts::run(&evaluation, &out_dir, format == "png", scale),
        Command::Diff { old, new, format } => cmd::diff::run(&old, &new, format == "json"),
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

/// `kompass handbok`: the Swedish handbook, as Markdown on standard output.
fn handbook() -> cmd::Run {
    print!("{}", kompass::messages::HANDBOOK);
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

/// The command line, parsed with its help in `lang` (clap prints help or a usage error and
/// exits).
fn parse(lang: Lang) -> Cli {
    let matches = localised(Cli::command(), lang)
        .try_get_matches()
        .unwrap_or_else(|e| usage_error(e, lang));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage_error(e, lang))
}

/// A command line kompass cannot take: in Swedish, the usual mistakes said in Swedish (clap
/// says the rest, and everything in English); help and version as clap prints them.
fn usage_error(e: clap::Error, lang: Lang) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    let context = |kind: ContextKind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let message = match (lang, e.kind()) {
        (Lang::En, _) => e.exit(),
        (_, ErrorKind::UnknownArgument) => {
            msg!(
                "usage-unknown-argument",
                arg = context(ContextKind::InvalidArg)
            )
        }
        (_, ErrorKind::InvalidSubcommand) => msg!(
            "usage-unknown-command",
            command = context(ContextKind::InvalidSubcommand)
        ),
        (_, ErrorKind::MissingRequiredArgument) => {
            let count = match e.get(ContextKind::InvalidArg) {
                Some(clap::error::ContextValue::Strings(names)) => names.len(),
                _ => 1,
            };
            msg!(
                "usage-missing",
                args = context(ContextKind::InvalidArg),
                count = count
            )
        }
        (_, ErrorKind::MissingSubcommand) => msg!("usage-missing-command"),
        (_, ErrorKind::InvalidValue | ErrorKind::ValueValidation) => {
            let valid = context(ContextKind::ValidValue);
            let value = context(ContextKind::InvalidValue);
            let arg = context(ContextKind::InvalidArg);
            if valid.is_empty() {
                msg!("usage-invalid-value", value = value, arg = arg)
            } else {
                msg!(
                    "usage-invalid-choice",
                    value = value,
                    arg = arg,
                    valid = valid
                )
            }
        }
        (_, ErrorKind::ArgumentConflict) => msg!(
            "usage-conflict",
            arg = context(ContextKind::InvalidArg),
            other = context(ContextKind::PriorArg)
        ),
        _ => e.exit(),
    };
    eprintln!("{}", msg!("failure", message = message));
    eprintln!("{}", msg!("usage-see-help"));
    std::process::exit(2)
}

/// The language of this run: `--lang sv|en` when given (before `--`), else the locale's.
fn language(args: impl Iterator<Item = String>) -> Lang {
    let args: Vec<String> = args.take_while(|a| a != "--").collect();
    let given = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    given
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_else(Lang::from_env)
}

/// The command line in `lang`: in Swedish every command, option and heading from
/// `messages/sv-help.ftl`; in English as the doc comments above say.
fn localised(mut command: clap::Command, lang: Lang) -> clap::Command {
    if lang == Lang::En {
        return command;
    }
    command.build();
    let usage = lookup(lang, "cli-heading-usage").unwrap_or_default();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
    );
    swedish(command, "cli", lang, &template)
}

/// The placeholders of an option that takes a value (`<EVALUATION>`), each with the id of its
/// Swedish text (`cli-value-evaluation`).
fn placeholders(arg: &clap::Arg) -> Vec<(String, String)> {
    let takes = matches!(
        arg.get_action(),
        clap::ArgAction::Set | clap::ArgAction::Append
    );
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) if takes => names.iter().map(|n| n.to_string()).collect(),
        None if takes => vec![arg.get_id().to_string()],
        _ => Vec::new(),
    };
    names
        .into_iter()
        .map(|n| {
            let id = format!("cli-value-{}", n.to_lowercase().replace(['.', '|'], "-"));
            (n, id)
        })
        .collect()
}

/// One command and its subcommands in Swedish, `key` naming it in the catalogue.
fn swedish(mut command: clap::Command, key: &str, lang: Lang, template: &str) -> clap::Command {
    let text = |id: &str| lookup(lang, id);
    let heading = |id: &str| text(id).unwrap_or_default();
    if let Some(about) = text(key) {
        command = command.about(about);
    }
    // The long help opens with the summary, as the English doc comments do.
    command = match (text(key), text(&format!("{key}-long"))) {
        (Some(about), Some(long)) => command.long_about(format!("{about}\n\n{long}")),
        _ => command.long_about(None::<&'static str>),
    };
    command = command
        .help_template(template.to_string())
        .subcommand_help_heading(heading("cli-heading-commands"));
    if let Some(after) = text(&format!("{key}-after")) {
        command = command.after_help(after);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for (order, id) in ids.into_iter().enumerate() {
        let help = match id.as_str() {
            "help" | "version" | "lang" => text(&format!("cli-{id}")),
            _ => text(&format!("{key}-{id}")),
        };
        command = command.mut_arg(&id, |arg| {
            let mut help = help.unwrap_or_default();
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty()
                && !arg.is_hide_default_value_set()
                && arg.get_action().takes_values()
            {
                help.push_str(&format!(
                    " [{}: {}]",
                    heading("cli-default"),
                    defaults.join(",")
                ));
            }
            let possible: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect();
            if !possible.is_empty() {
                help.push_str(&format!(
                    " [{}: {}]",
                    heading("cli-possible"),
                    possible.join(", ")
                ));
            }
            let group = if arg.is_positional() {
                "cli-heading-arguments"
            } else {
                "cli-heading-options"
            };
            // The placeholders too: <UTVÄRDERING>, <MAPP>.
            let names: Vec<String> = placeholders(&arg)
                .iter()
                .map(|(n, id)| lookup(lang, id).unwrap_or_else(|| n.to_uppercase()))
                .collect();
            let arg = if names.is_empty() {
                arg
            } else {
                arg.value_names(names)
            };
            // In the order they are declared: `<GAMMAL> <NY>`, never sorted by name.
            arg.help(help)
                .display_order(order)
                .long_help(None::<&'static str>)
                .hide_default_value(true)
                .hide_possible_values(true)
                .help_heading(heading(group))
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_key = if name == "help" {
            "cli-help-cmd".to_string()
        } else {
            format!("cli-{name}")
        };
        command = command.mut_subcommand(&name, |s| swedish(s, &sub_key, lang, template));
    }
    // The usage line's own words: `[FLAGGOR]`, `<KOMMANDO>`.
    let usage = command.render_usage().to_string();
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, u)| u)
        .replace("[OPTIONS]", &format!("[{}]", heading("cli-usage-options")))
        .replace("<COMMAND>", &format!("<{}>", heading("cli-usage-command")));
    command.override_usage(usage)
}

/// `kompass synthetic`: one synthetic evaluation per municipality, for tests and benchmarks.
fn synthetic(dir: &std::path::Path, count: usize, seed: u64) -> cmd::Run {
    let write = std::fs::create_dir_all(dir).and_then(|()| {
        for m in kompass::municipalities::all().iter().take(count) {
            let name = format!(
                "{}-{}.toml",
                m.code,
                m.name.to_lowercase().replace(' ', "-")
            );
            std::fs::write(dir.join(name), kompass::synthetic::evaluation(m, seed))?;
        }
        Ok(())
    });
    write.map_err(|e| cmd::Failure::text(format!("{}: {e}", dir.display())))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

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
                for (_, value) in placeholders(arg) {
                    if lookup(Lang::Sv, &value).is_none() {
                        missing.push(value);
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no Swedish help for {missing:?}");
    }

    #[test]
    fn lang_overrides_the_locale() {
        let args = |a: &[&str]| {
            a.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            language(args(&["kompass", "--lang", "sv", "check"])),
            Lang::Sv
        );
        assert_eq!(language(args(&["kompass", "check", "--lang=en"])), Lang::En);
        // After `--` it is a file name.
        assert_eq!(
            language(args(&["kompass", "check", "--", "--lang=sv"])),
            Lang::from_env()
        );
    }
}
