//! Every message kompass prints, as data until it is printed.
//!
//! A finding or a failure carries a [`Message`]: the id of its kind (`score-out-of-range`) and
//! its arguments (`max = 10`, `found = 12`). The text is made only when it is printed, from the
//! message catalogue of the reader's language: `messages/en.ftl` or `messages/sv.ftl`, in
//! Fluent's format (as rustc's diagnostics are), which handles plural forms and keeps word
//! order free. The language comes from `--lang`, else from the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`: Swedish when it starts with `sv`), else English.

use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The catalogues, embedded: `(language, Fluent text)`.
pub const CATALOGUES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../messages/en.ftl")),
    (Lang::Sv, include_str!("../messages/sv.ftl")),
];

/// `kompass --help` in Swedish: one message per command and option (`cli-render`,
/// `cli-render-output`), checked against the command line by a test of the binary.
pub const SWEDISH_HELP: &str = include_str!("../messages/sv-help.ftl");

/// The evaluators' handbook in Swedish (`kompass handbok`), checked against the data format by
/// `tests/it/handbook.rs`.
pub const HANDBOOK: &str = include_str!("../docs/handbok.md");

/// A language kompass speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Sv,
}

impl Lang {
    /// `sv`, `sv_SE.UTF-8`, `sv-FI`, `en`, `en_GB`… (case does not matter); `None` for other
    /// languages and for `C`/`POSIX`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        let language = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match language {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the locale, as C programs choose it: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides. Swedish when it names
    /// Swedish, else English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::En)
    }

    /// The language of this process's locale.
    pub fn from_env() -> Lang {
        Lang::from_locale(|name| std::env::var(name).ok())
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Set the language messages are printed in, for the whole process (the command line does this
/// once, from `--lang` or the locale).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

thread_local! {
    /// A thread's own language (a server's threads: the served page's), over the process's.
    static THREAD: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Set the language of the messages this thread prints, whatever the process's is (a server
/// sets it on each of its threads, so that two servers in one process – tests – each speak
/// their own).
pub fn set_thread_lang(lang: Lang) {
    THREAD.with(|t| t.set(Some(lang)));
}

/// The language messages are printed in: this thread's, else the process's.
pub fn lang() -> Lang {
    if let Some(lang) = THREAD.with(std::cell::Cell::get) {
        return lang;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Sv,
        _ => Lang::En,
    }
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A number with decimals, written as Rust writes it (`63.7`, `100`), with a decimal comma
    /// in Swedish.
    Decimal(f64),
    /// A number with a fixed number of decimals (`0.46 s`), with a decimal comma in Swedish.
    Fixed(f64, usize),
    /// Another message, made in the same language when this one is printed.
    Message(Box<Message>),
    /// Messages joined by the text of the message `separator` (`list-comma`, `list-then`).
    List(Vec<Message>, &'static str),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i64, i32, u32, u8, u16, usize, u64);

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}
impl From<Vec<Message>> for Arg {
    /// Joined with commas.
    fn from(items: Vec<Message>) -> Self {
        Arg::List(items, "list-comma")
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(Box::new(m))
    }
}

impl Eq for Arg {}

impl From<f64> for Arg {
    fn from(x: f64) -> Self {
        Arg::Decimal(x)
    }
}

/// A message as data: the id of its kind in the catalogues, and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The text in `lang`. A message the catalogue lacks (a test makes sure none does) prints
    /// its id and arguments rather than nothing.
    pub fn text_in(&self, lang: Lang) -> String {
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            return self.fallback();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Decimal(x) => FluentValue::from(decimal(*x, lang)),
                Arg::Fixed(x, places) => FluentValue::from(fixed(*x, *places, lang)),
                Arg::Message(m) => FluentValue::from(m.text_in(lang)),
                Arg::List(items, separator) => FluentValue::from(join(items, separator, lang)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if errors.is_empty() {
            text.into_owned()
        } else {
            self.fallback()
        }
    }

    /// The text in the language of this run.
    pub fn text(&self) -> String {
        self.text_in(lang())
    }

    fn fallback(&self) -> String {
        let args: Vec<String> = self
            .args
            .iter()
            .map(|(n, v)| match v {
                Arg::Text(s) => format!("{n}={s:?}"),
                Arg::Number(x) => format!("{n}={x}"),
                Arg::Decimal(x) => format!("{n}={x}"),
                Arg::Fixed(x, places) => format!("{n}={x:.places$}"),
                Arg::Message(m) => format!("{n}=({})", m.fallback()),
                Arg::List(items, _) => {
                    let items: Vec<String> = items.iter().map(Message::fallback).collect();
                    format!("{n}=[{}]", items.join(", "))
                }
            })
            .collect();
        format!("{} {}", self.id, args.join(" "))
    }
}

/// The texts of `items` joined by the text of the message `separator`; `list-and` joins the
/// last two with "och"/"and" and the others with commas ("2.1, 2.2, 2.3 och 2.4").
fn join(items: &[Message], separator: &'static str, lang: Lang) -> String {
    let texts: Vec<String> = items.iter().map(|m| m.text_in(lang)).collect();
    let text_of = |id: &'static str| Message::new(id).text_in(lang);
    match (separator, texts.as_slice()) {
        ("list-and", [rest @ .., last]) if !rest.is_empty() => {
            format!(
                "{}{}{last}",
                rest.join(&text_of("list-comma")),
                text_of("list-and")
            )
        }
        ("list-and", _) => texts.join(""),
        _ => texts.join(&text_of(separator)),
    }
}

/// Texts as a list that reads as a sentence does: "2.1, 2.2, 2.3 och 2.4" in Swedish, "2.1,
/// 2.2, 2.3 and 2.4" in English.
pub fn and_list<S: ToString>(items: &[S]) -> Arg {
    let items = items
        .iter()
        .map(|s| Message::new("plain").arg("text", s.to_string()))
        .collect();
    Arg::List(items, "list-and")
}

/// `0.46` in English, `0,46` in Swedish.
fn fixed(x: f64, places: usize, lang: Lang) -> String {
    let text = format!("{x:.places$}");
    match lang {
        Lang::En => text,
        Lang::Sv => text.replace('.', ","),
    }
}

/// `63.7` in English, `63,7` in Swedish; `-2` with a real minus sign in Swedish.
fn decimal(x: f64, lang: Lang) -> String {
    let text = x.to_string();
    match lang {
        Lang::En => text,
        Lang::Sv => text.replace('.', ",").replace('-', "−"),
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Why a file could not be read or written, as data: the kind of I/O error, with the system's
/// own words (English) as the English text.
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    let id = match e.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        ErrorKind::StorageFull => "io-storage-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        _ => "io-other",
    };
    Message::new(id).arg("text", e.to_string())
}

/// A message: `msg!("score-out-of-range", max = 10, found = value)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// The text of a message without arguments, by an id made at run time (the command line's help
/// texts, `cli-render-output`); `None` when the catalogue has no such message.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The macro, reached through this module like the rest of the stage.
pub use crate::msg;

/// The catalogue of one language, read when a message is first printed in it.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| make_bundle(lang, CATALOGUES[lang as usize].1))
}

fn make_bundle(lang: Lang, text: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the text goes to a terminal and to tests.
    bundle.set_use_isolating(false);
    // A catalogue that does not parse keeps what did (a test makes sure both parse).
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    // The command line's help in Swedish (in English it is the doc comments of main.rs).
    if lang == Lang::Sv {
        let help = FluentResource::try_new(SWEDISH_HELP.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(help);
    }
    bundle
}

/// Every message id of a catalogue, with the names of the variables its text uses.
pub fn catalogue_ids(text: &str) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    let Ok(resource) = fluent_syntax::parser::parse(text) else {
        return Vec::new();
    };
    fn variables(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expression_vars(expression, out);
            }
        }
    }
    fn expression_vars(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Inline(i) => inline_vars(i, out),
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
    fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match i {
            ast::InlineExpression::VariableReference { id }
                if !out.iter().any(|v| v == id.name) =>
            {
                out.push(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut vars = Vec::new();
                if let Some(v) = &m.value {
                    variables(v, &mut vars);
                }
                vars.sort();
                Some((m.id.name.to_string(), vars))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_decides_in_c_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "sv_SE.UTF-8")])), Lang::Sv);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "sv_SE.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "sv_FI"),
                ("LANG", "en")
            ])),
            Lang::Sv
        );
        assert_eq!(Lang::parse("SV"), Some(Lang::Sv));
        assert_eq!(Lang::parse("de_DE"), None);
    }

    #[test]
    fn both_catalogues_parse_and_hold_the_same_messages_with_the_same_arguments() {
        for (lang, text) in CATALOGUES {
            if let Err((_, errors)) = fluent_syntax::parser::parse(text) {
                panic!("{lang:?} catalogue: {errors:?}");
            }
        }
        let en = catalogue_ids(CATALOGUES[0].1);
        let sv = catalogue_ids(CATALOGUES[1].1);
        assert!(en.len() > 100, "only {} English messages", en.len());
        for (id, vars) in &en {
            let Some((_, sv_vars)) = sv.iter().find(|(s, _)| s == id) else {
                panic!("`{id}` has no Swedish text");
            };
            for v in sv_vars {
                assert!(
                    vars.contains(v),
                    "Swedish `{id}` uses ${v}, which English does not get"
                );
            }
        }
        for (id, _) in &sv {
            assert!(en.iter().any(|(e, _)| e == id), "`{id}` is only in Swedish");
        }
    }

    #[test]
    fn a_message_is_made_in_the_language_asked_for() {
        let m = msg!(
            "score-out-of-range",
            min = 0,
            max = 10,
            sub = "1.4",
            title = "Transparens",
            found = -2
        );
        assert_eq!(
            m.text_in(Lang::En),
            "expected a score from 0 to 10 for 1.4 Transparens, found -2"
        );
        assert!(
            m.text_in(Lang::Sv).contains("0–10"),
            "{}",
            m.text_in(Lang::Sv)
        );
        // An unknown id prints itself and its arguments, never an empty line.
        assert_eq!(
            msg!("no-such-message", n = 3).text_in(Lang::Sv),
            "no-such-message n=3"
        );
    }
}
