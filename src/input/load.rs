//! Read the evaluation TOML and the framework it names into typed data.
//!
//! Problems come back as diagnostics that point into the file; I/O problems (a missing file)
//! are a different kind of failure and come back as [`LoadError::Io`].

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::base::diagnostics::{At, Diagnostic, FileId, Sources};
use crate::base::keypath::KeyPath;
use crate::base::messages::Message;
use crate::base::messages::msg;
use crate::input::model::{Evaluation, Framework};
pub use crate::input::structure::{TextEdit, edit_distance, map_span};

/// The frameworks kompass knows, embedded from `data/frameworks/`.
/// The first is the current revision, the one `kompass new` uses.
pub const FRAMEWORKS: &[(&str, &str)] = &[
    (
        "kommunkompassen-2020",
        include_str!("../../data/frameworks/kommunkompassen-2020.toml"),
    ),
    (
        "kommunkompassen-2016",
        include_str!("../../data/frameworks/kommunkompassen-2016.toml"),
    ),
];

/// One area of a framework, as a register row needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaInfo {
    pub id: u32,
    pub title: String,
    pub max: i64,
}

/// The areas of a built-in framework, parsed once per process.
pub fn framework_areas(id: &str) -> Option<Vec<AreaInfo>> {
    built_in()
        .iter()
        .find(|(fid, _, _)| fid == id)
        .map(|(_, a, _)| a.clone())
}

/// The built-in frameworks, parsed once per process: id, areas, name.
fn built_in() -> &'static [(String, Vec<AreaInfo>, String)] {
    static PARSED: std::sync::OnceLock<Vec<(String, Vec<AreaInfo>, String)>> =
        std::sync::OnceLock::new();
    PARSED.get_or_init(|| {
        FRAMEWORKS
            .iter()
            .filter_map(|(id, _)| {
                let f = parse_framework(id)?;
                let areas = f
                    .areas
                    .iter()
                    .map(|a| {
                        let a = a.get_ref();
                        AreaInfo {
                            id: a.id,
                            title: a.title.clone(),
                            max: *a.max.get_ref(),
                        }
                    })
                    .collect();
                Some((id.to_string(), areas, f.name))
            })
            .collect()
    })
}

/// "known frameworks: kommunkompassen-2020, kommunkompassen-2016", for a help line.
pub fn known_frameworks() -> Message {
    let ids: Vec<&str> = FRAMEWORKS.iter().map(|(id, _)| *id).collect();
    msg!("help-known-frameworks", ids = ids.join(", "))
}

/// The human name of a built-in framework: "Kommunkompassen 2016".
pub fn framework_name(id: &str) -> Option<String> {
    built_in()
        .iter()
        .find(|(fid, _, _)| fid == id)
        .map(|(_, _, name)| name.clone())
}

/// Largest input accepted, in bytes. Real evaluations are around 60 kB.
pub const MAX_INPUT_BYTES: u64 = crate::files::read::MAX_EVALUATION_BYTES;

#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all (exit code 2).
    Io(Message),
    /// The file was read but its content is not a valid evaluation (exit code 1).
    Invalid(Vec<Diagnostic>),
}

/// The evaluation together with its framework, and the texts both were read from.
pub struct Loaded {
    pub sources: Sources,
    /// Structural errors found while loading (unknown keys, wrong types, missing keys). They were
    /// repaired with placeholders so that every other check could still run; any of them makes
    /// the evaluation invalid.
    pub load_errors: Vec<Diagnostic>,
    /// The placeholder edits made to the text, to map positions back to the file.
    pub edits: Vec<TextEdit>,
    /// Key paths that hold placeholders after repairs.
    pub repaired: Vec<KeyPath>,
    pub evaluation: Evaluation,
    pub eval_file: FileId,
    pub framework: Framework,
    pub framework_file: FileId,
    /// Every string value of the evaluation as written, found once for all the checks that
    /// read them (see [`Loaded::strings`]).
    strings: std::sync::OnceLock<Vec<Found>>,
}

/// A string value of a file: its key path, its byte range and the value.
pub type Found = (KeyPath, std::ops::Range<usize>, String);

impl Loaded {
    /// Every string value of the evaluation file as written: key path, byte range, value.
    pub fn strings(&self) -> &[Found] {
        self.strings
            .get_or_init(|| strings(self.sources.text(self.eval_file)))
    }
}

/// Read an evaluation file from disk and load it with its framework.
pub fn load_path(path: &Path) -> Result<Loaded, (Sources, LoadError)> {
    let name = path.display().to_string();
    let mut sources = Sources::default();
    // Read at most one byte past the limit, so that neither a huge file nor one that keeps
    // growing is read to the end.
    let too_big = |what: Message| {
        let mut sources = Sources::default();
        let file = sources.add(name.clone(), String::new());
        let d =
            Diagnostic::error(file, None, At::file(), what).with_help(msg!("help-file-too-big"));
        (sources, LoadError::Invalid(vec![d]))
    };
    let io = |reason: Message| {
        (
            Sources::default(),
            LoadError::Io(msg!("cannot-read", path = &name, reason = reason)),
        )
    };
    let io_error = |e: std::io::Error| io(crate::base::messages::io_reason(&e));
    // Only a regular file (a FIFO or a device could keep the read waiting forever), read
    // within the bound.
    use crate::files::read::ReadError;
    let bytes = crate::files::read::bytes(path, MAX_INPUT_BYTES).map_err(|e| match e {
        ReadError::Io(e) => io_error(e),
        ReadError::TooLarge {
            size: Some(size), ..
        } => too_big(msg!("file-too-big", size = size, max = MAX_INPUT_BYTES)),
        ReadError::TooLarge { size: None, .. } => {
            too_big(msg!("input-too-long", max = MAX_INPUT_BYTES))
        }
        other => io(other.message()),
    })?;
    if let Some((message, help)) = not_an_evaluation(&bytes) {
        // Named for what it is; its bytes are never quoted.
        let file = sources.add(name, String::new());
        let d = Diagnostic::error(file, None, At::file(), message).with_help(help);
        return Err((sources, LoadError::Invalid(vec![d])));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = sources.add(name, lossy);
            let d = Diagnostic::error(file, Some(valid..valid + 1), At::file(), msg!("not-utf8"))
                .with_help(msg!("help-save-as-utf8"));
            return Err((sources, LoadError::Invalid(vec![d])));
        }
    };
    load_str(&name, &text)
}

/// What a file that is not an evaluation's text is, and the command that takes it.
fn not_an_evaluation(bytes: &[u8]) -> Option<(Message, Message)> {
    use crate::files::read::Content;
    Some(match crate::files::read::content(bytes) {
        Content::Text => return None,
        Content::Zip => (msg!("file-is-zip"), msg!("help-file-is-zip")),
        Content::Pdf => (msg!("file-is-pdf"), msg!("help-file-is-pdf")),
        Content::Utf16 => (msg!("file-is-utf16"), msg!("help-save-as-utf8")),
        Content::Binary => (msg!("file-is-binary"), msg!("help-file-is-binary")),
    })
}

/// `official_name`, added to the data format after the first evaluations were written: when a
/// file leaves it out and kompass knows the municipality, the name comes from the table, with a
/// note saying what to add; else the missing key is an error at the municipality's name.
fn fill_official_name(
    evaluation: &mut Evaluation,
    file: FileId,
    map: &dyn Fn(std::ops::Range<usize>) -> Option<std::ops::Range<usize>>,
    findings: &mut Vec<Diagnostic>,
) {
    let m = &mut evaluation.municipality;
    if !crate::input::model::is_missing(&m.official_name) {
        return;
    }
    // A [municipality] kompass put in itself (the file has none): already reported missing.
    let Some(at) = map(m.name.span()) else {
        return;
    };
    let at = Some(at);
    match crate::base::municipalities::find(m.name.get_ref()) {
        Some(known) => {
            findings.push(
                Diagnostic::note(
                    file,
                    at,
                    KeyPath::keys(["municipality", "official_name"]),
                    msg!("official-name-filled-in", name = known.official_name),
                )
                .with_help(msg!(
                    "help-official-name-filled-in",
                    name = known.official_name
                )),
            );
            m.official_name = toml::Spanned::new(0..0, known.official_name.to_string());
        }
        None => findings.push(
            Diagnostic::error(
                file,
                at,
                KeyPath::keys(["municipality", "official_name"]),
                msg!("official-name-missing"),
            )
            .with_help(msg!("help-official-name-missing")),
        ),
    }
}

/// Load an evaluation given as text (`name` is used in diagnostics).
pub fn load_str(name: &str, text: &str) -> Result<Loaded, (Sources, LoadError)> {
    load_str_with(name, text, FRAMEWORKS)
}

/// Load an evaluation against the given frameworks (id, TOML text) instead of the built-in ones.
pub fn load_str_with(
    name: &str,
    text: &str,
    frameworks: &[(&str, &str)],
) -> Result<Loaded, (Sources, LoadError)> {
    let mut sources = Sources::default();
    let eval_file = sources.add(name, text);
    let recovered = parse_evaluation(eval_file, text);
    let Some(mut evaluation) = recovered.value else {
        return Err((sources, LoadError::Invalid(recovered.errors)));
    };
    let (mut load_errors, edits, repaired) =
        (recovered.errors, recovered.edits, recovered.repaired);
    let map = |span: std::ops::Range<usize>| map_span(&edits, span).unwrap_or(0..0);
    fill_official_name(
        &mut evaluation,
        eval_file,
        &|span| map_span(&edits, span),
        &mut load_errors,
    );
    let framework_id = evaluation.framework.get_ref().clone();
    let Some((fw_name, fw_text)) = frameworks.iter().find(|(id, _)| *id == framework_id) else {
        let known: Vec<&str> = frameworks.iter().map(|(id, _)| *id).collect();
        let d = Diagnostic::error(
            eval_file,
            Some(map(evaluation.framework.span())),
            KeyPath::top("framework"),
            msg!("unknown-framework", framework = &framework_id),
        )
        .with_help(msg!("help-known-frameworks", ids = known.join(", ")));
        let mut errors = load_errors;
        if map_span(&edits, evaluation.framework.span()).is_some() {
            errors.push(d);
        }
        return Err((sources, LoadError::Invalid(errors)));
    };
    let framework_file = sources.add(format!("data/frameworks/{fw_name}.toml"), *fw_text);
    let framework: Framework = match parse(framework_file, fw_text) {
        Ok(f) => f,
        Err(d) => return Err((sources, LoadError::Invalid(vec![d]))),
    };
    if framework.area_level_only() {
        let usable: Vec<&str> = frameworks
            .iter()
            .filter(|(_, t)| parse::<Framework>(0, t).is_ok_and(|f| !f.area_level_only()))
            .map(|(id, _)| *id)
            .collect();
        let d = Diagnostic::error(
            eval_file,
            Some(map(evaluation.framework.span())),
            KeyPath::top("framework"),
            msg!("framework-area-level-only", name = &framework.name),
        )
        .with_help(msg!("help-report-frameworks", ids = usable.join(", ")));
        let mut errors = load_errors;
        errors.push(d);
        return Err((sources, LoadError::Invalid(errors)));
    }
    Ok(Loaded {
        sources,
        load_errors,
        edits,
        repaired,
        evaluation,
        eval_file,
        framework,
        framework_file,
        strings: std::sync::OnceLock::new(),
    })
}

/// Parse a framework file on its own (used by tests and `kompass new`).
pub fn parse_framework(id: &str) -> Option<Framework> {
    let (_, text) = FRAMEWORKS.iter().find(|(fid, _)| *fid == id)?;
    parse(0, text).ok()
}

/// Deserialize TOML into `T`, turning the first problem into a diagnostic with its key path.
#[allow(clippy::result_large_err)] // frameworks are kompass's own and parse
pub fn parse<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, Diagnostic> {
    parse_raw(file, text)
}

/// A key path as an evaluator reads it: tables by name, the n-th `[[area]]` counted from 1,
/// keys with dots quoted: `area[4].scores."4.2"`.
pub fn key_path(path: &serde_path_to_error::Path) -> KeyPath {
    use serde_path_to_error::Segment;
    let mut out = KeyPath::root();
    for seg in path.iter() {
        out = match seg {
            Segment::Seq { index } => out.nth(index + 1),
            // serde_spanned's private wrapper keys are not part of the file.
            Segment::Map { key } if key.starts_with("$__") => out,
            Segment::Map { key } | Segment::Enum { variant: key } => out.at(key.as_str()),
            Segment::Unknown => out,
        };
    }
    out
}

/// The kinds of toml's syntax messages, by the words they begin with: each has its message in
/// both catalogues, so that a message toml adds later still reads in Swedish
/// (`toml-other`, with toml's own words only in English).
const TOML_KINDS: &[(&str, &str)] = &[
    ("duplicate key", "toml-duplicate-key"),
    ("string values must be quoted", "toml-unquoted-string"),
    ("unexpected key or value", "toml-expected-newline"),
    ("unexpected content", "toml-expected-newline"),
    ("missing comma between array elements", "toml-missing-comma"),
    ("unexpected `=` in array", "toml-equals-in-list"),
    ("extra comma in array", "toml-extra-comma"),
    ("unclosed array table", "toml-unclosed-header"),
    ("unclosed table", "toml-unclosed-header"),
    ("unclosed array", "toml-unclosed-list"),
    ("unclosed inline table", "toml-unclosed-inline-table"),
    (
        "missing comma between key-value pairs",
        "toml-inline-table-comma",
    ),
    (
        "extra assignment between key-value pairs",
        "toml-inline-table-comma",
    ),
    (
        "missing assignment between key-value pairs",
        "toml-missing-equals",
    ),
    ("missing key for inline table element", "toml-inline-table"),
    ("invalid inline table element", "toml-inline-table"),
    ("extra comma in inline table", "toml-inline-table"),
    ("missing value", "toml-missing-value"),
    ("key with no value", "toml-missing-equals"),
    ("missing assignment", "toml-missing-equals"),
    ("extra `=`", "toml-extra-equals"),
    ("extra assignment", "toml-extra-equals"),
    ("invalid unquoted key", "toml-invalid-key"),
    ("unquoted keys cannot be empty", "toml-invalid-key"),
    ("keys cannot be", "toml-invalid-key"),
    ("invalid key", "toml-invalid-key"),
    ("invalid basic string", "toml-invalid-string"),
    ("invalid literal string", "toml-invalid-string"),
    ("invalid multi-line", "toml-invalid-multiline"),
    ("missing opening quote", "toml-invalid-string"),
    ("missing escaped value", "toml-escape"),
    ("too few unicode value digits", "toml-escape"),
    ("invalid value", "toml-escape"),
    ("unexpected leading zero", "toml-leading-zero"),
    ("`_` may only go between digits", "toml-underscore"),
    ("unexpected sign", "toml-sign"),
    ("redundant numeric sign", "toml-sign"),
    ("integers with a radix", "toml-sign"),
    ("radix must be lowercase", "toml-invalid-number"),
    ("redundant integer number prefix", "toml-invalid-number"),
    ("invalid integer", "toml-invalid-number"),
    ("invalid float", "toml-invalid-number"),
    ("invalid hexadecimal", "toml-invalid-number"),
    ("invalid octal", "toml-invalid-number"),
    ("invalid binary", "toml-invalid-number"),
    ("invalid mantissa", "toml-invalid-number"),
    ("invalid fraction", "toml-invalid-number"),
    ("invalid exponent", "toml-invalid-number"),
    ("invalid boolean", "toml-unquoted-string"),
    ("missing table open", "toml-stray-bracket"),
    ("invalid date, expected month", "toml-invalid-month"),
    (
        "invalid date, expected day between 01 and",
        "toml-invalid-day",
    ),
    ("invalid time", "toml-invalid-time"),
    ("invalid offset", "toml-invalid-time"),
    ("invalid date", "toml-invalid-date"),
    ("invalid datetime", "toml-invalid-date"),
    ("invalid date-time", "toml-invalid-date"),
    ("carriage return", "toml-carriage-return"),
    ("invalid comment character", "toml-comment"),
    ("missing comment start", "toml-comment"),
    ("cannot recurse further", "toml-too-deep"),
    ("recursion limit", "toml-too-deep"),
    ("cannot extend", "toml-dotted-key"),
];

/// The kind of one of toml's syntax messages (`toml-other` for one kompass does not know).
pub fn toml_kind(message: &str) -> &'static str {
    TOML_KINDS
        .iter()
        .find(|(start, _)| message.starts_with(start))
        .map_or("toml-other", |(_, id)| *id)
}

/// A TOML syntax message as data, translated by its kind; toml's own words travel along for
/// the English catalogue's `toml-other`.
fn toml_message(message: &str) -> Message {
    let id = toml_kind(message);
    let mut m = Message::new(id).arg("message", message);
    if id == "toml-invalid-day" {
        let last = message.get(message.len().saturating_sub(2)..).unwrap_or("");
        m = m.arg("last", last);
    }
    m
}

/// Make serde's messages read a little better for evaluators.
fn describe(message: &str) -> String {
    message
        .replace("invalid type: ", "wrong type: found ")
        .replace("missing field", "missing key")
        .replace("unknown field", "unknown key")
        .replace("expected i64", "expected a whole number")
        .replace(
            "expected a sequence",
            "expected a list, like [\"…\", \"…\"]",
        )
        .replace(
            "expected a TOML datetime",
            "expected a date, like 2023-11-23",
        )
        .replace("expected f64", "expected a number")
}

pub struct Recovered<T> {
    pub value: Option<T>,
    pub errors: Vec<Diagnostic>,
    pub edits: Vec<TextEdit>,
    /// Key paths that hold placeholders: findings about them are consequences of the repair.
    pub repaired: Vec<KeyPath>,
}

/// Read an evaluation, reporting every structural error at once: the structural walk
/// ([`crate::input::structure::walk`]) finds each unknown key, missing key and value of the wrong type
/// in toml's spanned tree, its repairs are made to a working copy of the text (an unknown item
/// blanked out, a placeholder for the others), and the copy is deserialized once. Syntax errors
/// are all reported at once from the recovering parser, without repair.
pub fn parse_evaluation(file: FileId, text: &str) -> Recovered<Evaluation> {
    let (doc, syntax) = toml::de::DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Recovered {
            value: None,
            errors: syntax_errors(file, text, &syntax),
            edits: Vec::new(),
            repaired: Vec::new(),
        };
    }
    let mut work = text.to_string();
    let mut edits: Vec<TextEdit> = Vec::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    quote_dotted_score_keys(file, &mut work, &mut edits, &mut errors);
    // The tree is parsed again only when score keys were quoted.
    let walked = if edits.is_empty() {
        crate::input::structure::walk(file, &work, &doc)
    } else {
        let (doc, _) = toml::de::DeTable::parse_recoverable(&work);
        crate::input::structure::walk(file, &work, &doc)
    };
    for mut d in walked.errors {
        d.span = d.span.and_then(|s| map_span(&edits, s));
        errors.push(d);
    }
    let (repaired_text, more) = crate::input::structure::apply(&work, &walked.repairs);
    edits.extend(more);
    match parse_raw::<Evaluation>(file, &repaired_text) {
        Ok(value) => Recovered {
            value: Some(value),
            errors,
            edits,
            repaired: walked.repaired,
        },
        Err(mut d) => {
            // What the walk does not know (it knows every key of the format): serde's own words.
            if errors.is_empty() {
                d.span = d.span.and_then(|s| map_span(&edits, s));
                errors.push(d);
            }
            Recovered {
                value: None,
                errors,
                edits,
                repaired: walked.repaired,
            }
        }
    }
}

/// Deserialize once; on failure serde's message, with its key path.
#[allow(clippy::result_large_err)] // a failed parse is the rare path
fn parse_raw<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, Diagnostic> {
    let de = toml::de::Deserializer::parse(text).map_err(|e| {
        Diagnostic::error(
            file,
            e.span(),
            At::file(),
            msg!("toml-syntax", message = toml_message(e.message().trim())),
        )
    })?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = key_path(e.path());
        let inner = e.into_inner();
        let message = describe(inner.message().trim());
        Diagnostic::error(file, inner.span(), path, msg!("structural", text = message))
    })
}

/// Every syntax error once, at the place the mistake was made, saying what is wrong and then
/// the fix. A `"""` text, a list or an inline table that is never closed is named once at its
/// opening, and the errors it causes further down are left out; so are the errors after a
/// table header that is not closed.
fn syntax_errors(file: FileId, text: &str, syntax: &[toml::de::Error]) -> Vec<Diagnostic> {
    use crate::input::hints::Unclosed;
    let unclosed = crate::input::hints::unclosed_multiline(text, crate::input::structure::keys())
        .map(|(span, message)| Unclosed {
            span,
            message,
            help: msg!("help-end-text"),
        })
        .or_else(|| crate::input::hints::unclosed_bracket(text));
    let mut errors = Vec::new();
    let mut lines_seen = Vec::new();
    let mut table_twice: Option<(usize, usize)> = None;
    for e in syntax {
        let span = e.span();
        let start = span.as_ref().map_or(0, |s| s.start.min(text.len()));
        if unclosed.as_ref().is_some_and(|u| start >= u.span.start) {
            continue;
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        if lines_seen.contains(&line_start) {
            continue;
        }
        lines_seen.push(line_start);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[line_start..line_end];
        let raw = e.message().trim();
        let kind = toml_kind(raw);
        // A table given twice: its keys are then given twice too, one mistake.
        if kind == "toml-duplicate-key"
            && table_twice.is_some_and(|(from, to)| (from..to).contains(&start))
        {
            continue;
        }
        if kind == "toml-duplicate-key"
            && crate::input::hints::first_definition(text, start).is_some_and(|(_, table)| table)
        {
            let end = text[line_end..]
                .find("\n[")
                .map_or(text.len(), |i| line_end + i);
            table_twice = Some((line_end, end));
        }
        let (message, help) = syntax_finding(text, start, line, kind, raw);
        let mut d = Diagnostic::error(
            file,
            span,
            At::file(),
            msg!("toml-syntax", message = message),
        );
        if let Some(h) = help {
            d = d.with_help(h);
        }
        errors.push(d);
        // After a header that is not closed, toml reads the tables that follow wrongly.
        if kind == "toml-unclosed-header" {
            break;
        }
    }
    if let Some(u) = unclosed {
        let at = errors
            .iter()
            .position(|d| d.span.as_ref().is_some_and(|s| s.start > u.span.start))
            .unwrap_or(errors.len());
        let d = Diagnostic::error(
            file,
            Some(u.span),
            At::file(),
            msg!("toml-syntax", message = u.message),
        )
        .with_help(u.help);
        errors.insert(at, d);
    }
    errors
}

/// What is wrong on a line with a syntax error of `kind` (toml's words: `raw`), and the fix
/// where the line shows it. `at` is where toml found it.
fn syntax_finding(
    text: &str,
    at: usize,
    line: &str,
    kind: &'static str,
    raw: &str,
) -> (Message, Option<Message>) {
    let (key, value) = line.split_once('=').unwrap_or((line, ""));
    let key = key.trim();
    let value_kind = crate::input::structure::kind_of(key).unwrap_or("text");
    let of_kind = |value: &str| {
        let value = value.trim_matches('"');
        msg!(
            "help-value-of-kind",
            key = key,
            kind = value_kind,
            value = if value.is_empty() { "…" } else { value }
        )
    };
    let code = line.split(" #").next().unwrap_or(line).trim();
    let generic = || crate::input::hints::syntax_hint(line);
    match kind {
        "toml-duplicate-key" => {
            let name: String = text
                .get(at..)
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"'))
                .collect();
            match crate::input::hints::first_definition(text, at) {
                Some((first, true)) => (
                    msg!("toml-duplicate-table", table = code, line = first),
                    Some(msg!("help-duplicate-table", table = code)),
                ),
                first => (
                    msg!(
                        "toml-duplicate-key",
                        key = name,
                        line = first.map_or(0, |(l, _)| l)
                    ),
                    Some(msg!("help-duplicate-key")),
                ),
            }
        }
        "toml-unquoted-string" | "toml-missing-value" => {
            if let Some(h) = crate::input::hints::non_ascii_key(key) {
                return (toml_message(raw), Some(h));
            }
            let (message, help) = crate::input::hints::unquoted_value(key, value);
            let help =
                help.unwrap_or_else(|| of_kind(value.split(" #").next().unwrap_or("").trim()));
            (message, Some(help))
        }
        "toml-invalid-string" => (
            toml_message(raw),
            Some(generic().unwrap_or_else(|| msg!("help-end-string"))),
        ),
        "toml-expected-newline"
        | "toml-missing-comma"
        | "toml-invalid-key"
        | "toml-equals-in-list"
        | "toml-other" => {
            // What the line shows was meant decides what is said to be wrong.
            let help = generic();
            let message = match help.as_ref().map(|h| h.id) {
                Some("help-stray-quote") => msg!("toml-stray-quote"),
                Some("help-decimal-comma" | "help-score-decimal-comma") => {
                    let v = value.split(" #").next().unwrap_or(value).trim();
                    msg!("toml-decimal-comma", value = v)
                }
                _ => toml_message(raw),
            };
            (message, help.or_else(|| kind_help(kind)))
        }
        _ => (
            toml_message(raw),
            corrected_line(kind, key, value, code).or_else(|| kind_help(kind)),
        ),
    }
}

/// For a mistake the line itself shows how to mend (`interviews 35`, `interviews = = 35`,
/// `035`, `12_000_`, a time after a date, `[report`): the line as it should be.
fn corrected_line(kind: &str, key: &str, value: &str, code: &str) -> Option<Message> {
    let v = value.split(" #").next().unwrap_or(value).trim();
    let fixed = match kind {
        "toml-missing-equals" => {
            let (k, v) = code.split_once(char::is_whitespace).unwrap_or((code, ""));
            format!("{k} = {}", v.trim())
        }
        "toml-extra-equals" => format!("{key} = {}", v.trim_start_matches('=').trim()),
        "toml-leading-zero" => {
            let digits = v.trim_start_matches('0');
            format!("{key} = {}", if digits.is_empty() { "0" } else { digits })
        }
        "toml-underscore" => {
            let groups: Vec<&str> = v.split('_').filter(|g| !g.is_empty()).collect();
            format!("{key} = {}", groups.join("_"))
        }
        "toml-invalid-time" => {
            let date = v.split(['T', 't', ' ']).next().unwrap_or(v);
            return Some(msg!("help-date-only", fixed = format!("{key} = {date}")));
        }
        "toml-unclosed-header" => {
            let name = code.trim_start_matches('[').trim_end_matches(']');
            if code.starts_with("[[") {
                format!("[[{name}]]")
            } else {
                format!("[{name}]")
            }
        }
        _ => return None,
    };
    Some(msg!("help-write-line", fixed = fixed))
}

/// The help of a kind of syntax error when the line shows nothing more.
fn kind_help(kind: &str) -> Option<Message> {
    let id = match kind {
        "toml-expected-newline" => "help-one-value-per-line",
        "toml-missing-comma" => "help-missing-comma",
        "toml-equals-in-list" | "toml-extra-comma" => "help-list-values",
        "toml-inline-table" | "toml-inline-table-comma" | "toml-unclosed-inline-table" => {
            "help-inline-table"
        }
        "toml-invalid-key" => "help-bare-key",
        "toml-escape" => "help-escape",
        "toml-underscore" | "toml-sign" | "toml-invalid-number" => "help-number",
        "toml-invalid-month" | "toml-invalid-day" | "toml-invalid-date" | "toml-invalid-time" => {
            "help-date"
        }
        "toml-carriage-return" => "help-line-endings",
        "toml-comment" | "toml-invalid-multiline" => "help-control-character",
        "toml-stray-bracket" => "help-stray-bracket",
        "toml-too-deep" => "help-too-deep",
        "toml-dotted-key" => "help-dotted-key",
        _ => return None,
    };
    Some(Message::new(id))
}

/// `1.1 = 11` under `[area.scores]` is, to TOML, a table `1` holding a key `1`. Report each
/// such key once, with the fix, and quote it in the working copy so the rest can be checked.
fn quote_dotted_score_keys(
    file: FileId,
    work: &mut String,
    edits: &mut Vec<TextEdit>,
    errors: &mut Vec<Diagnostic>,
) {
    let mut found: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    let mut areas = 0;
    let mut in_scores = false;
    let mut in_text = false;
    let mut offset = 0;
    for line in work.split_inclusive('\n') {
        let t = line.trim();
        if line.matches("\"\"\"").count() % 2 == 1 {
            in_text = !in_text;
        } else if !in_text && t.starts_with('[') {
            let header: String = t
                .split('#')
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            in_scores = header == "[area.scores]";
            areas += usize::from(header == "[[area]]");
        } else if !in_text && in_scores {
            let lead = line.len() - line.trim_start().len();
            let key: String = t
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let rest = t[key.len()..].trim_start();
            if key.contains('.')
                && key.starts_with(|c: char| c.is_ascii_digit())
                && rest.starts_with('=')
            {
                found.push((offset + lead..offset + lead + key.len(), areas));
            }
        }
        offset += line.len();
    }
    for (span, area) in found.iter().rev() {
        let key = work[span.clone()].to_string();
        errors.push(
            Diagnostic::error(
                file,
                Some(span.clone()),
                KeyPath::top("area").nth(*area).at("scores"),
                msg!(
                    "dotted-score-key",
                    key = &key,
                    table = key.split('.').next().unwrap_or("")
                ),
            )
            .with_help(msg!("help-dotted-score-key", key = &key)),
        );
        work.replace_range(span.clone(), &format!("\"{key}\""));
        edits.push(TextEdit {
            pos: span.start,
            removed: key.len(),
            inserted: key.len() + 2,
        });
    }
    errors.reverse();
}

/// Every string value in a TOML text with its key path (`area[1].strengths[2]`) and span, in
/// file order. Keys are not included.
pub fn strings(text: &str) -> Vec<Found> {
    use toml::de::DeValue;
    fn table(t: &toml::de::DeTable<'_>, path: &KeyPath, out: &mut Vec<Found>) {
        for (k, v) in t {
            value(v, &path.at(k.get_ref().as_ref()), out);
        }
    }
    fn value(v: &toml::Spanned<DeValue<'_>>, path: &KeyPath, out: &mut Vec<Found>) {
        match v.get_ref() {
            DeValue::String(s) => out.push((path.clone(), v.span(), s.to_string())),
            DeValue::Table(t) => table(t, path, out),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    value(item, &path.nth(i + 1), out);
                }
            }
            _ => {}
        }
    }
    let (doc, _) = toml::de::DeTable::parse_recoverable(text);
    let mut out = Vec::new();
    table(doc.get_ref(), &KeyPath::root(), &mut out);
    out.sort_by_key(|(_, span, _)| span.start);
    out
}
