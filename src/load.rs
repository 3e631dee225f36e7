//! Stage 1: read the evaluation TOML and the framework it names into typed data.
//!
//! Problems come back as diagnostics that point into the file; I/O problems (a missing file)
//! are a different kind of failure and come back as [`LoadError::Io`].

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, FileId, Sources};
use crate::model::{Evaluation, Framework};

/// The frameworks kompass knows, embedded from `data/frameworks/`.
pub const FRAMEWORKS: &[(&str, &str)] = &[(
    "kommunkompassen-2020",
    include_str!("../data/frameworks/kommunkompassen-2020.toml"),
)];

/// Largest input accepted, in bytes. Real evaluations are around 60 kB.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all (exit code 2).
    Io(String),
    /// The file was read but its content is not a valid evaluation (exit code 1).
    Invalid(Vec<Diagnostic>),
}

/// The evaluation together with its framework, and the texts both were read from.
pub struct Loaded {
    pub sources: Sources,
    pub evaluation: Evaluation,
    pub eval_file: FileId,
    pub framework: Framework,
    pub framework_file: FileId,
}

/// Read an evaluation file from disk and load it with its framework.
pub fn load_path(path: &Path) -> Result<Loaded, (Sources, LoadError)> {
    let name = path.display().to_string();
    let mut sources = Sources::default();
    let meta = std::fs::metadata(path).map_err(|e| {
        (
            Sources::default(),
            LoadError::Io(format!("cannot read {name}: {e}")),
        )
    })?;
    if meta.len() > MAX_INPUT_BYTES {
        return Err((
            sources,
            LoadError::Io(format!(
                "{name} is {} bytes; an evaluation file may be at most {MAX_INPUT_BYTES} bytes",
                meta.len()
            )),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        (
            Sources::default(),
            LoadError::Io(format!("cannot read {name}: {e}")),
        )
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = sources.add(name, lossy);
            let d = Diagnostic::error(
                file,
                Some(valid..valid + 1),
                "",
                "the file is not UTF-8 text",
            )
            .with_help("save the file as UTF-8 (the encoding every TOML file uses)");
            return Err((sources, LoadError::Invalid(vec![d])));
        }
    };
    load_str(&name, &text)
}

/// Load an evaluation given as text (`name` is used in diagnostics).
pub fn load_str(name: &str, text: &str) -> Result<Loaded, (Sources, LoadError)> {
    let mut sources = Sources::default();
    let eval_file = sources.add(name, text);
    let evaluation: Evaluation = match parse(eval_file, text) {
        Ok(e) => e,
        Err(d) => return Err((sources, LoadError::Invalid(vec![d]))),
    };
    let framework_id = evaluation.framework.get_ref().clone();
    let Some((fw_name, fw_text)) = FRAMEWORKS.iter().find(|(id, _)| *id == framework_id) else {
        let known: Vec<&str> = FRAMEWORKS.iter().map(|(id, _)| *id).collect();
        let d = Diagnostic::error(
            eval_file,
            Some(evaluation.framework.span()),
            "framework",
            format!("unknown framework `{framework_id}`"),
        )
        .with_help(format!("known frameworks: {}", known.join(", ")));
        return Err((sources, LoadError::Invalid(vec![d])));
    };
    let framework_file = sources.add(format!("data/frameworks/{fw_name}.toml"), *fw_text);
    let framework: Framework = match parse(framework_file, fw_text) {
        Ok(f) => f,
        Err(d) => return Err((sources, LoadError::Invalid(vec![d]))),
    };
    Ok(Loaded {
        sources,
        evaluation,
        eval_file,
        framework,
        framework_file,
    })
}

/// Parse a framework file on its own (used by tests and `kompass new`).
pub fn parse_framework(id: &str) -> Option<Framework> {
    let (_, text) = FRAMEWORKS.iter().find(|(fid, _)| *fid == id)?;
    parse(0, text).ok()
}

/// Deserialize TOML into `T`, turning the first problem into a diagnostic with its key path.
pub fn parse<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, Diagnostic> {
    let de = match toml::de::Deserializer::parse(text) {
        Ok(de) => de,
        Err(e) => {
            return Err(Diagnostic::error(
                file,
                e.span(),
                "",
                format!("TOML syntax: {}", e.message().trim()),
            ));
        }
    };
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = key_path(e.path());
        let inner = e.into_inner();
        let message = inner.message().trim().to_string();
        let d = Diagnostic::error(file, inner.span(), path, describe(&message));
        match did_you_mean(&message) {
            Some(key) => d.with_help(format!("did you mean `{key}`?")),
            None => d,
        }
    })
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
fn edit_distance(a: &str, b: &str) -> usize {
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

/// Make serde's messages read a little better for evaluators.
fn describe(message: &str) -> String {
    message
        .replace("invalid type: ", "wrong type: found ")
        .replace("missing field", "missing key")
        .replace("unknown field", "unknown key")
        .replace("expected i64", "expected a whole number")
        .replace("expected f64", "expected a number")
}
