//! The command line in the reader's language: clap's help and usage errors in Swedish from
//! `messages/sv-help.ftl` (in English as the doc comments of `main.rs` say), and the language of
//! a run.

use clap::{CommandFactory, FromArgMatches};
use kompass::messages::{Lang, lookup, msg};

/// The command line, parsed with its help in `lang` (clap prints help or a usage error and
/// exits).
pub fn parse<Cli: CommandFactory + FromArgMatches>(lang: Lang) -> Cli {
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
pub fn language(args: impl Iterator<Item = String>) -> Lang {
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
pub fn placeholders(arg: &clap::Arg) -> Vec<(String, String)> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
