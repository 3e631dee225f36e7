//! Stage 1: read the evaluation TOML and the framework it names into typed data.
//!
//! Problems come back as diagnostics that point into the file; I/O problems (a missing file)
//! are a different kind of failure and come back as [`LoadError::Io`].

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, FileId, Sources};
use crate::messages::msg;
use crate::messages::{Arg, Message};
use crate::model::{Evaluation, Framework};

/// The frameworks kompass knows, embedded from `data/frameworks/`.
/// The first is the current revision, the one `kompass new` uses.
pub const FRAMEWORKS: &[(&str, &str)] = &[
    (
        "kommunkompassen-2020",
        include_str!("../data/frameworks/kommunkompassen-2020.toml"),
    ),
    (
        "kommunkompassen-2016",
        include_str!("../data/frameworks/kommunkompassen-2016.toml"),
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
    static PARSED: std::sync::OnceLock<Vec<(String, Vec<AreaInfo>, String)>> =
        std::sync::OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
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
    });
    parsed
        .iter()
        .find(|(fid, _, _)| fid == id)
        .map(|(_, a, _)| a.clone())
}

/// "known frameworks: kommunkompassen-2020, kommunkompassen-2016", for a help line.
pub fn known_frameworks() -> Message {
    let ids: Vec<&str> = FRAMEWORKS.iter().map(|(id, _)| *id).collect();
    msg!("help-known-frameworks", ids = ids.join(", "))
}

/// The human name of a built-in framework: "Kommunkompassen 2016".
pub fn framework_name(id: &str) -> Option<String> {
    parse_framework(id).map(|f| f.name)
}

/// Largest input accepted, in bytes. Real evaluations are around 60 kB.
pub const MAX_INPUT_BYTES: u64 = crate::read::MAX_EVALUATION_BYTES;

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
    pub edits: Vec<Edit>,
    /// Key paths that hold placeholders after repairs.
    pub repaired: Vec<String>,
    pub evaluation: Evaluation,
    pub eval_file: FileId,
    pub framework: Framework,
    pub framework_file: FileId,
    /// Every string value of the evaluation as written, found once for all the checks that
    /// read them (see [`Loaded::strings`]).
    strings: std::sync::OnceLock<Vec<(String, std::ops::Range<usize>, String)>>,
}

impl Loaded {
    /// Every string value of the evaluation file as written: key path, byte range, value.
    pub fn strings(&self) -> &[(String, std::ops::Range<usize>, String)] {
        self.strings
            .get_or_init(|| strings(self.sources.text(self.eval_file)))
    }
}

/// Read an evaluation file from disk and load it with its framework.
pub fn load_path(path: &Path) -> Result<Loaded, (Sources, LoadError)> {
    let name = path.display().to_string();
    let mut sources = Sources::default();
    // Read at most one byte past the limit, so that neither a huge file nor an endless source
    // (`/dev/zero`, a pipe) is read to the end.
    let too_big = |what: Message| {
        let mut sources = Sources::default();
        let file = sources.add(name.clone(), String::new());
        let d = Diagnostic::error(file, None, "", what).with_help(msg!("help-file-too-big"));
        (sources, LoadError::Invalid(vec![d]))
    };
    let io = |reason: Message| {
        (
            Sources::default(),
            LoadError::Io(msg!("cannot-read", path = &name, reason = reason)),
        )
    };
    let io_error = |e: std::io::Error| io(crate::messages::io_reason(&e));
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_dir() {
            return Err(io(msg!("reason-folder")));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(too_big(msg!(
                "file-too-big",
                size = meta.len(),
                max = MAX_INPUT_BYTES
            )));
        }
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            std::fs::File::open(path).map_err(io_error)?,
            MAX_INPUT_BYTES + 1,
        ),
        &mut bytes,
    )
    .map_err(io_error)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big(msg!("input-too-long", max = MAX_INPUT_BYTES)));
    }
    if let Some((message, help)) = not_an_evaluation(&bytes) {
        // Named for what it is; its bytes are never quoted.
        let file = sources.add(name, String::new());
        let d = Diagnostic::error(file, None, "", message).with_help(help);
        return Err((sources, LoadError::Invalid(vec![d])));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = sources.add(name, lossy);
            let d = Diagnostic::error(file, Some(valid..valid + 1), "", msg!("not-utf8"))
                .with_help(msg!("help-save-as-utf8"));
            return Err((sources, LoadError::Invalid(vec![d])));
        }
    };
    load_str(&name, &text)
}

/// What a file that is not an evaluation's text is, and the command that takes it.
fn not_an_evaluation(bytes: &[u8]) -> Option<(Message, Message)> {
    use crate::read::Content;
    Some(match crate::read::content(bytes) {
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
    map: &dyn Fn(std::ops::Range<usize>) -> std::ops::Range<usize>,
    findings: &mut Vec<Diagnostic>,
) {
    let m = &mut evaluation.municipality;
    if !crate::model::is_missing(&m.official_name) {
        return;
    }
    let at = Some(map(m.name.span()));
    match crate::municipalities::find(m.name.get_ref()) {
        Some(known) => {
            findings.push(
                Diagnostic::note(
                    file,
                    at,
                    "municipality.official_name",
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
                "municipality.official_name",
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
    let recovered = parse_recovering::<Evaluation>(eval_file, text);
    let Some(mut evaluation) = recovered.value else {
        return Err((sources, LoadError::Invalid(recovered.errors)));
    };
    let (mut load_errors, edits, repaired) =
        (recovered.errors, recovered.edits, recovered.repaired);
    let map = |span: std::ops::Range<usize>| map_span(&edits, span).unwrap_or(0..0);
    fill_official_name(&mut evaluation, eval_file, &map, &mut load_errors);
    let framework_id = evaluation.framework.get_ref().clone();
    let Some((fw_name, fw_text)) = frameworks.iter().find(|(id, _)| *id == framework_id) else {
        let known: Vec<&str> = frameworks.iter().map(|(id, _)| *id).collect();
        let d = Diagnostic::error(
            eval_file,
            Some(map(evaluation.framework.span())),
            "framework",
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
            "framework",
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
pub fn parse<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, Diagnostic> {
    parse_raw(file, text).map_err(|(d, _)| d)
}

/// A key path as an evaluator reads it: tables by name, the n-th `[[area]]` counted from 1,
/// keys with dots quoted: `area[4].scores."4.2"`.
pub fn key_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{}]", index + 1)),
            // serde_spanned's private wrapper keys are not part of the file.
            Segment::Map { key } if key.starts_with("$__") => {}
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&quote_key(key));
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Quote a TOML key when it is not a bare key.
pub fn quote_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_string()
    } else {
        format!("{key:?}")
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" the closest known key, if any is
/// close enough to be a typo.
pub fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|k| (edit_distance(unknown, k), k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 4))
        .min()
        .map(|(_, k)| k.to_string())
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A structural error as data, from serde's message: the one place that reads serde's wording
/// (`serde_wording_is_what_kompass_reads` pins it, so that an upgrade that rewords it fails a
/// test instead of changing what users see).
fn structural(message: &str) -> Message {
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((key, expected)) = rest.split_once("`, ")
    {
        if let Some(keys) = expected.strip_prefix("expected one of ") {
            return msg!("unknown-key", key = key, expected = keys);
        }
        if let Some(keys) = expected.strip_prefix("expected ") {
            return msg!("unknown-key-one", key = key, expected = keys);
        }
    }
    if let Some(key) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return msg!("missing-key", key = key);
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|r| r.split_once(", expected "))
    {
        return msg!(
            "wrong-type",
            found = found_value(found),
            expected = expected_type(expected)
        );
    }
    msg!("structural", text = describe(message))
}

/// What serde found, as data: `string "x"`, ``floating point `9.5` ``, …
fn found_value(found: &str) -> Arg {
    let tagged = [
        ("string ", "found-string"),
        ("floating point ", "found-float"),
        ("integer ", "found-integer"),
        ("boolean ", "found-boolean"),
    ];
    for (prefix, id) in tagged {
        if let Some(value) = found.strip_prefix(prefix) {
            return Message::new(id).arg("value", value).into();
        }
    }
    match found {
        "sequence" => msg!("found-list").into(),
        "map" => msg!("found-table").into(),
        other => other.into(),
    }
}

/// What serde expected, as data.
fn expected_type(expected: &str) -> Arg {
    match expected {
        "i64" | "u32" | "i32" | "u8" => msg!("expected-whole-number").into(),
        "f64" => msg!("expected-number").into(),
        "a sequence" => msg!("expected-list").into(),
        "a TOML datetime" => msg!("expected-date").into(),
        "a boolean" => msg!("expected-boolean").into(),
        "a string" => msg!("expected-string").into(),
        other => describe(other).into(),
    }
}

/// A TOML syntax message as data where kompass knows it; else toml's own words.
fn toml_message(message: &str) -> Arg {
    let known = [
        ("duplicate key", "toml-duplicate-key"),
        (
            "string values must be quoted, expected literal string",
            "toml-unquoted-string",
        ),
        (
            "unexpected key or value, expected newline, `#`",
            "toml-expected-newline",
        ),
        (
            "missing comma between array elements, expected `,`",
            "toml-missing-comma",
        ),
        (
            "invalid unquoted key, expected letters, numbers, `-`, `_`",
            "toml-invalid-key",
        ),
        ("invalid basic string, expected `\"`", "toml-invalid-string"),
    ];
    if let Some((_, id)) = known.iter().find(|(m, _)| *m == message) {
        return Message::new(id).into();
    }
    if let Some(last) = message.strip_prefix("invalid date, expected day between 01 and ") {
        return msg!("toml-invalid-day", last = last).into();
    }
    message.into()
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

/// A placeholder edit: at `pos` (in the text as it was when the edit was made), `removed` bytes
/// were replaced by `inserted` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    pub pos: usize,
    pub removed: usize,
    pub inserted: usize,
}

/// Map a span of the repaired text back to the file. `None` when the span lies in text that
/// kompass inserted itself: a finding there is a consequence of a repair, not of the file.
pub fn map_span(edits: &[Edit], span: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let mut start = span.start;
    let mut end = span.end;
    for e in edits.iter().rev() {
        if start >= e.pos && start < e.pos + e.inserted && e.inserted != e.removed {
            return None;
        }
        let shift = |off: usize| {
            if off >= e.pos + e.inserted {
                off - e.inserted + e.removed
            } else {
                off.min(e.pos + e.removed)
            }
        };
        start = shift(start);
        end = shift(end).max(start);
    }
    Some(start..end)
}

/// The most structural errors collected before giving up on a file.
pub const MAX_LOAD_ERRORS: usize = 50;

pub struct Recovered<T> {
    pub value: Option<T>,
    pub errors: Vec<Diagnostic>,
    pub edits: Vec<Edit>,
    /// Key paths that hold placeholders: findings about them are consequences of the repair.
    pub repaired: Vec<String>,
}

/// Record one structural error of a parse (once, mapped back to the file) and what it says about
/// keys: a suggested key ("did you mean") holds a placeholder after the repair, and a key
/// reported missing right after its misspelling was suggested is the same mistake.
fn note_error(
    diag: &Diagnostic,
    raw: &str,
    edits: &[Edit],
    errors: &mut Vec<Diagnostic>,
    repaired: &mut Vec<String>,
    suggested_keys: &mut Vec<String>,
) {
    let span = diag.span.clone().unwrap_or(0..0);
    // A key reported missing right after a misspelling of it was suggested is the same mistake.
    let suggested = raw
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
        .is_some_and(|key| {
            let full = if diag.path.is_empty() {
                key.to_string()
            } else {
                format!("{}.{}", diag.path, quote_key(key))
            };
            suggested_keys.contains(&full)
        });
    if let Some(key) = suggested_key(raw, &diag.path) {
        let parent = diag.path.rsplit_once('.').map_or("", |(p, _)| p);
        let full = if parent.is_empty() {
            key
        } else {
            format!("{parent}.{key}")
        };
        repaired.push(full.clone());
        suggested_keys.push(full);
    }
    if let (false, Some(mapped)) = (suggested, map_span(edits, span.clone())) {
        let mut d = diag.clone();
        // A key missing at the top level has no place in the file.
        let nowhere = diag.path.is_empty() && span.is_empty();
        d.span = if nowhere {
            None
        } else {
            diag.span.as_ref().map(|_| mapped)
        };
        if nowhere
            && let Some(key) = raw
                .strip_prefix("missing field `")
                .and_then(|r| r.split('`').next())
        {
            d.path = key.to_string();
        }
        if !errors.contains(&d) {
            errors.push(d);
        }
    }
}

/// Deserialize, reporting every structural error rather than the first: each error is recorded
/// and repaired in a working copy of the text (an unknown key is blanked out, a missing key or a
/// value of the wrong type gets a placeholder), and deserialization runs again. Syntax errors
/// are all reported at once from the recovering parser, without repair.
pub fn parse_recovering<T: DeserializeOwned>(file: FileId, text: &str) -> Recovered<T> {
    let (_, syntax) = toml::de::DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Recovered {
            value: None,
            errors: syntax_errors(file, text, &syntax),
            edits: Vec::new(),
            repaired: Vec::new(),
        };
    }
    let mut work = text.to_string();
    let mut edits: Vec<Edit> = Vec::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut repaired: Vec<String> = Vec::new();
    quote_dotted_score_keys(file, &mut work, &mut edits, &mut errors);
    // Keys suggested for an unknown key ("did you mean"): findings about them follow from it.
    let mut suggested_keys: Vec<String> = Vec::new();
    for _ in 0..MAX_LOAD_ERRORS * 3 {
        let (diag, raw) = match parse_raw::<T>(file, &work) {
            Ok(value) => {
                return Recovered {
                    value: Some(value),
                    errors,
                    edits,
                    repaired,
                };
            }
            Err(x) => x,
        };
        let span = diag.span.clone().unwrap_or(0..0);
        note_error(
            &diag,
            &raw,
            &edits,
            &mut errors,
            &mut repaired,
            &mut suggested_keys,
        );
        if errors.len() >= MAX_LOAD_ERRORS {
            errors.push(Diagnostic::error(
                file,
                None,
                "",
                msg!("stopped-after", count = MAX_LOAD_ERRORS),
            ));
            break;
        }
        let Some(edit) = repair(&mut work, &raw, span, diag.path.is_empty()) else {
            break;
        };
        if let Some(key) = raw
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            repaired.push(if diag.path.is_empty() {
                key.to_string()
            } else {
                format!("{}.{}", diag.path, quote_key(key))
            });
        } else if !raw.starts_with("unknown field") {
            repaired.push(diag.path.clone());
        }
        edits.push(edit);
    }
    if errors.is_empty() {
        errors.push(Diagnostic::error(file, None, "", msg!("not-an-evaluation")));
    }
    Recovered {
        value: None,
        errors,
        edits,
        repaired,
    }
}

/// Deserialize once; on failure the diagnostic and serde's own message.
#[allow(clippy::result_large_err)] // a failed parse is the slow path; it is built once per repair
fn parse_raw<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, (Diagnostic, String)> {
    let de = toml::de::Deserializer::parse(text).map_err(|e| {
        let d = Diagnostic::error(
            file,
            e.span(),
            "",
            msg!("toml-syntax", message = toml_message(e.message().trim())),
        );
        (d, String::new())
    })?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let mut path = key_path(e.path());
        let inner = e.into_inner();
        let message = inner.message().trim().to_string();
        // Entries of tables with free keys (the scores) are not named by serde: find the key
        // whose value is at the error's place.
        if let Some(span) = inner.span()
            && let Some(key) = key_of_value(text, &span)
        {
            let quoted = quote_key(&key);
            if !path.ends_with(&quoted) && !message.starts_with("unknown field") {
                path = if path.is_empty() {
                    quoted
                } else {
                    format!("{path}.{quoted}")
                };
            }
        }
        let help = help_for(&message, &path, inner.span().and_then(|s| text.get(s)));
        let mut d = Diagnostic::error(file, inner.span(), path, structural(&message));
        if let Some(help) = help {
            d = d.with_help(help);
        }
        (d, message)
    })
}

/// The keys serde lists after "expected one of" in an unknown-key message.
fn expected_keys(message: &str) -> Vec<&str> {
    message
        .split_once("expected")
        .map(|(_, rest)| rest.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default()
}

/// The key an unknown key stands for, if kompass can tell: a misspelling or a Swedish name.
fn suggested_key(message: &str, _path: &str) -> Option<String> {
    let unknown = message.strip_prefix("unknown field `")?.split('`').next()?;
    did_you_mean(message)
        .or_else(|| crate::hints::swedish_key(unknown, &expected_keys(message)).map(String::from))
}

/// Help for serde's `message` about the key at `path` whose value is written as `value`.
fn help_for(message: &str, path: &str, value: Option<&str>) -> Option<Message> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next()?;
        if let Some(h) = crate::hints::misplaced_key(unknown, path) {
            return Some(h);
        }
        if let Some(en) = crate::hints::swedish_key(unknown, &expected_keys(message)) {
            return Some(msg!("help-english-key", english = en, key = unknown));
        }
        return did_you_mean(message).map(|key| msg!("help-did-you-mean-key", key = key));
    }
    if message.starts_with("invalid type") {
        // A score with decimals: `"4.2" = 9.5`.
        if message.contains("floating point") && path.contains(".scores.") {
            return Some(msg!("help-whole-points"));
        }
        let key = path.rsplit('.').next().unwrap_or(path);
        if message.contains("expected a sequence")
            && let Some(h) = value.and_then(|v| crate::hints::list_from_bullets(key, v))
        {
            return Some(h);
        }
        return value.and_then(|v| crate::hints::value_hint(key, v));
    }
    None
}

/// Every syntax error once per line, with help where the line shows what was meant. A `"""`
/// text that is not closed is named at its opening, and the errors it causes further down are
/// left out.
fn syntax_errors(file: FileId, text: &str, syntax: &[toml::de::Error]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let unclosed = crate::hints::unclosed_multiline(text)
        .map(|(span, m)| (span, m, msg!("help-end-text")))
        .or_else(|| {
            crate::hints::unclosed_list(text).map(|(span, m)| (span, m, msg!("help-end-list")))
        });
    if let Some((span, message, help)) = &unclosed {
        errors.push(
            Diagnostic::error(
                file,
                Some(span.clone()),
                "",
                msg!("toml-syntax", message = message.clone()),
            )
            .with_help(help.clone()),
        );
    }
    let mut lines_seen = Vec::new();
    for e in syntax {
        let span = e.span();
        let start = span.as_ref().map_or(0, |s| s.start.min(text.len()));
        if unclosed.as_ref().is_some_and(|(u, _, _)| start >= u.start) {
            continue;
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        if lines_seen.contains(&line_start) {
            continue;
        }
        lines_seen.push(line_start);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let mut d = Diagnostic::error(
            file,
            span,
            "",
            msg!("toml-syntax", message = toml_message(e.message().trim())),
        );
        if let Some(h) = crate::hints::syntax_hint(&text[line_start..line_end]) {
            d = d.with_help(h);
        }
        errors.push(d);
    }
    errors
}

/// `1.1 = 11` under `[area.scores]` is, to TOML, a table `1` holding a key `1`. Report each
/// such key once, with the fix, and quote it in the working copy so the rest can be checked.
fn quote_dotted_score_keys(
    file: FileId,
    work: &mut String,
    edits: &mut Vec<Edit>,
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
                format!("area[{area}].scores"),
                msg!(
                    "dotted-score-key",
                    key = &key,
                    table = key.split('.').next().unwrap_or("")
                ),
            )
            .with_help(msg!("help-dotted-score-key", key = &key)),
        );
        work.replace_range(span.clone(), &format!("\"{key}\""));
        edits.push(Edit {
            pos: span.start,
            removed: key.len(),
            inserted: key.len() + 2,
        });
    }
    errors.reverse();
}

/// Change `work` so that the error described by serde's `message` at `span` goes away.
fn repair(
    work: &mut String,
    message: &str,
    span: std::ops::Range<usize>,
    at_root: bool,
) -> Option<Edit> {
    if message.starts_with("unknown field") {
        let (doc, _) = toml::de::DeTable::parse_recoverable(work);
        let mut ranges = Vec::new();
        find_item(work, doc.get_ref(), &span, &mut ranges);
        if ranges.is_empty() {
            return None;
        }
        let mut bytes = std::mem::take(work).into_bytes();
        for r in ranges {
            for b in &mut bytes[r] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        // Only ASCII bytes were replaced by spaces, and only whole items: still valid UTF-8.
        *work = String::from_utf8(bytes).unwrap_or_default();
        return Some(Edit {
            pos: span.start,
            removed: 0,
            inserted: 0,
        });
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next()?;
        let (pos, insert) = if at_root && span.start == 0 && span.end == 0 {
            (0, format!("{key} = \"\"\n"))
        } else if work[span.start..].starts_with('{') {
            (span.start + 1, format!(" {key} = \"\","))
        } else {
            let eol = work[span.end..]
                .find('\n')
                .map_or(work.len(), |i| span.end + i);
            if eol == work.len() {
                (eol, format!("\n{key} = \"\""))
            } else {
                (eol + 1, format!("{key} = \"\"\n"))
            }
        };
        work.insert_str(pos, &insert);
        return Some(Edit {
            pos,
            removed: 0,
            inserted: insert.len(),
        });
    }
    if message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.starts_with("invalid length")
    {
        if span.start >= span.end
            || span.end > work.len()
            || !work.is_char_boundary(span.start)
            || !work.is_char_boundary(span.end)
        {
            return None;
        }
        let expected = message.rsplit("expected").next().unwrap_or_default();
        let placeholder = if expected.contains("string") || expected.contains("str") {
            "\"\""
        } else if expected.contains("i64")
            || expected.contains("u32")
            || expected.contains("integer")
            || expected.contains("i32")
        {
            "0"
        } else if expected.contains("f64") || expected.contains("float") {
            "0.0"
        } else if expected.contains("bool") {
            "false"
        } else if expected.contains("datetime") || expected.contains("date") {
            "2000-01-01"
        } else if expected.contains("sequence") || expected.contains("array") {
            "[]"
        } else if expected.contains("struct")
            || expected.contains("map")
            || expected.contains("table")
        {
            "{}"
        } else {
            return None;
        };
        if work[span.start..].starts_with('[') {
            return None;
        }
        work.replace_range(span.clone(), placeholder);
        return Some(Edit {
            pos: span.start,
            removed: span.len(),
            inserted: placeholder.len(),
        });
    }
    None
}

/// The byte ranges that make up the item whose key has `key_span`: the key and its value, or
/// for a table written with a `[header]` the header line and every item inside it.
fn find_item(
    text: &str,
    table: &toml::de::DeTable<'_>,
    key_span: &std::ops::Range<usize>,
    out: &mut Vec<std::ops::Range<usize>>,
) -> bool {
    use toml::de::DeValue;
    for (k, v) in table {
        if k.span() == *key_span {
            whole_item(text, k.span(), v, out);
            return true;
        }
        let found = match v.get_ref() {
            DeValue::Table(t) => find_item(text, t, key_span, out),
            DeValue::Array(a) => a.iter().any(|item| match item.get_ref() {
                DeValue::Table(t) => find_item(text, t, key_span, out),
                _ => false,
            }),
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

fn whole_item(
    text: &str,
    key: std::ops::Range<usize>,
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    out: &mut Vec<std::ops::Range<usize>>,
) {
    use toml::de::DeValue;
    let header = |span: std::ops::Range<usize>| -> bool { text[span.start..].starts_with('[') };
    let line = |pos: usize| -> std::ops::Range<usize> {
        let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        start..end
    };
    match value.get_ref() {
        DeValue::Table(t) if header(value.span()) => {
            out.push(line(value.span().start));
            for (k, v) in t {
                whole_item(text, k.span(), v, out);
            }
        }
        DeValue::Array(a)
            if a.iter()
                .any(|i| matches!(i.get_ref(), DeValue::Table(_)) && header(i.span())) =>
        {
            for item in a.iter() {
                if let DeValue::Table(t) = item.get_ref() {
                    out.push(line(item.span().start));
                    for (k, v) in t {
                        whole_item(text, k.span(), v, out);
                    }
                }
            }
        }
        _ => out.push(key.start..value.span().end.max(key.end)),
    }
}

/// The key of the value written at `span`, if a key/value pair has its value exactly there.
fn key_of_value(text: &str, span: &std::ops::Range<usize>) -> Option<String> {
    use toml::de::DeValue;
    fn walk(t: &toml::de::DeTable<'_>, span: &std::ops::Range<usize>) -> Option<String> {
        for (k, v) in t {
            if v.span() == *span {
                return Some(k.get_ref().to_string());
            }
            let inner = match v.get_ref() {
                DeValue::Table(t) => walk(t, span),
                DeValue::Array(a) => a.iter().find_map(|i| match i.get_ref() {
                    DeValue::Table(t) => walk(t, span),
                    _ => None,
                }),
                _ => None,
            };
            if inner.is_some() {
                return inner;
            }
        }
        None
    }
    let (doc, _) = toml::de::DeTable::parse_recoverable(text);
    walk(doc.get_ref(), span)
}

/// Every string value in a TOML text with its key path (`area[1].strengths[2]`) and span, in
/// file order. Keys are not included.
pub fn strings(text: &str) -> Vec<(String, std::ops::Range<usize>, String)> {
    use toml::de::DeValue;
    fn table(
        t: &toml::de::DeTable<'_>,
        path: &str,
        out: &mut Vec<(String, std::ops::Range<usize>, String)>,
    ) {
        for (k, v) in t {
            let key = quote_key(k.get_ref());
            let p = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            value(v, &p, out);
        }
    }
    fn value(
        v: &toml::Spanned<DeValue<'_>>,
        path: &str,
        out: &mut Vec<(String, std::ops::Range<usize>, String)>,
    ) {
        match v.get_ref() {
            DeValue::String(s) => out.push((path.to_string(), v.span(), s.to_string())),
            DeValue::Table(t) => table(t, path, out),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    value(item, &format!("{path}[{}]", i + 1), out);
                }
            }
            _ => {}
        }
    }
    let (doc, _) = toml::de::DeTable::parse_recoverable(text);
    let mut out = Vec::new();
    table(doc.get_ref(), "", &mut out);
    out.sort_by_key(|(_, span, _)| span.start);
    out
}
