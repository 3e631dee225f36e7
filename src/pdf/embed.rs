//! The PDF carries its own data: the evaluation it was made from (without the evaluator's TOML
//! comments) and a small provenance record (kompass version, framework, render options) are
//! attached to the PDF as associated files (PDF/A-3). `extract` gets the evaluation back and
//! `verify` renders it again to prove the PDF is what those inputs produce.

use crate::files::read::find;
use serde::{Deserialize, Serialize};

/// File name of the provenance record inside the PDF.
pub const PROVENANCE_NAME: &str = "kompass.json";

/// What besides the evaluation decides a PDF's bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// The kompass version that made the PDF.
    pub kompass: String,
    /// The framework id and a fingerprint of its text.
    pub framework: String,
    pub framework_fingerprint: String,
    /// The PDF standards, as given to `--standard`.
    pub standards: String,
    pub draft: bool,
    /// For a draft with a page of changes: the name of the earlier evaluation, attached too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes_since: Option<String>,
    /// What the evaluation's results register gave (computed profiles, earlier evaluations),
    /// so that the report can be made again without the register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<crate::checks::compare::Frozen>,
    /// The same for the earlier evaluation of a draft's page of changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes_since_register: Option<crate::checks::compare::Frozen>,
    /// The fact-check's counts a draft's page of changes states, so that `verify` makes the
    /// same page again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes_review: Option<crate::report::diff::ReviewCounts>,
}

impl Provenance {
    pub fn new(framework_id: &str, standards: &str, draft: bool) -> Self {
        let text = crate::input::load::FRAMEWORKS
            .iter()
            .find(|(id, _)| *id == framework_id)
            .map_or("", |(_, t)| *t);
        Provenance {
            kompass: env!("CARGO_PKG_VERSION").to_string(),
            framework: framework_id.to_string(),
            framework_fingerprint: fingerprint(text.as_bytes()),
            standards: standards.to_string(),
            draft,
            changes_since: None,
            register: None,
            changes_since_register: None,
            changes_review: None,
        }
    }
}

/// A 64-bit FNV-1a fingerprint as hex: enough to tell whether a text changed (not a security
/// measure), and stable across platforms and Rust versions.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The evaluation as it is attached: the same TOML without any comment (comments are the
/// evaluator's own notes and never reach a published file). Everything else stays as written,
/// so the text renders to the same report.
pub fn without_comments(text: &str) -> crate::base::error::Result<String> {
    use toml_edit::visit_mut::{self, VisitMut};
    struct Strip;
    impl VisitMut for Strip {
        fn visit_table_mut(&mut self, node: &mut toml_edit::Table) {
            node.decor_mut().clear();
            for (mut key, _) in node.iter_mut() {
                key.leaf_decor_mut().clear();
                key.dotted_decor_mut().clear();
            }
            visit_mut::visit_table_mut(self, node);
        }
        fn visit_inline_table_mut(&mut self, node: &mut toml_edit::InlineTable) {
            node.decor_mut().clear();
            node.set_trailing("");
            for (mut key, _) in node.iter_mut() {
                key.leaf_decor_mut().clear();
                key.dotted_decor_mut().clear();
            }
            visit_mut::visit_inline_table_mut(self, node);
        }
        fn visit_array_mut(&mut self, node: &mut toml_edit::Array) {
            node.decor_mut().clear();
            node.set_trailing("");
            visit_mut::visit_array_mut(self, node);
            // A list of texts (strengths, improvements) one element per line, as `kompass
            // new` writes it, so that an extracted evaluation reads as one written by hand.
            if !node.is_empty() && node.iter().all(toml_edit::Value::is_str) {
                for value in node.iter_mut() {
                    value.decor_mut().set_prefix("\n  ");
                }
                node.set_trailing_comma(true);
                node.set_trailing("\n");
            }
        }
        fn visit_value_mut(&mut self, node: &mut toml_edit::Value) {
            node.decor_mut().clear();
            visit_mut::visit_value_mut(self, node);
        }
    }
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        crate::base::error::Error::Invalid(crate::base::messages::msg!(
            "plain",
            text = e.to_string()
        ))
    })?;
    Strip.visit_document_mut(&mut doc);
    doc.set_trailing("");
    let mut out = doc.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// The name the evaluation has inside the PDF: `leksand-2023-11-23.toml`.
pub fn source_name(r: &crate::report::Report) -> String {
    let name: String = r
        .municipality
        .name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("{name}-{}.toml", r.date.iso())
}

/// A safe file name for an evaluation whose attached name cannot be used (a path, a hidden
/// file, a device name): `<municipality>-<date>.toml` as kompass names it, from the
/// `[municipality] name` and `[report] date` lines of the text (read line by line, not parsed:
/// the text is not trusted yet). Only letters, digits and `-` are kept.
pub fn fallback_name(source: &str) -> String {
    let mut table = String::new();
    let (mut name, mut date) = (String::new(), String::new());
    for line in source.lines().take(100_000) {
        let line = line.trim();
        if line.starts_with('[') {
            table = line
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value
            .split('#')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        match (table.as_str(), key.trim()) {
            ("municipality", "name") if name.is_empty() => name = value.to_string(),
            ("report", "date") if date.is_empty() => date = value.to_string(),
            _ => {}
        }
    }
    let name: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(60)
        .collect();
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .take(10)
        .collect();
    let made = match (name.trim_matches('-'), date.trim_matches('-')) {
        ("", "") => "utvardering.toml".to_string(),
        (n, "") => format!("{n}-utvardering.toml"),
        ("", d) => format!("utvardering-{d}.toml"),
        (n, d) => format!("{n}-{d}.toml"),
    };
    if crate::files::read::safe_file_name(&made) {
        made
    } else {
        "utvardering.toml".into()
    }
}

/// The number of pages of a PDF.
pub fn page_count(pdf: &[u8]) -> Option<usize> {
    lopdf::Document::load_mem(pdf)
        .ok()
        .map(|d| d.get_pages().len())
}

/// A PDF text string: UTF-16 or UTF-8 with a byte order mark, else PDFDocEncoding.
pub fn pdf_text_string(bytes: &[u8]) -> String {
    crate::files::read::pdf::text_string(bytes)
}

/// Give the attached files' byte-string names an ASCII form in a PDF kompass just made.
///
/// Per the PDF specification `/F` is a byte string and `/UF` the Unicode name. Typst writes the
/// same UTF-8 bytes into `/F` and into the key of the document's list of attached files, so
/// other programs show `strÃ¤ngnÃ¤s-….toml`. Both are replaced by the ASCII form
/// ([`crate::files::read::ascii_file_name`]) padded with spaces to the same length, so no byte offset
/// in the file moves (the list is sorted again by its new keys); `/UF` keeps the name.
pub fn ascii_attachment_names(pdf: &mut [u8], names: &[&str]) {
    if names.iter().all(|n| n.is_ascii()) {
        return;
    }
    for name in names.iter().filter(|n| !n.is_ascii()) {
        let hex: String = name.bytes().map(|b| format!("{b:02X}")).collect();
        let ascii = crate::files::read::ascii_file_name(name);
        let from = format!("/F<{hex}>");
        let Some(at) = find(pdf, from.as_bytes()) else {
            continue;
        };
        let mut replaced = format!("/F({ascii})").into_bytes();
        replaced.resize(from.len(), b' ');
        pdf[at..at + from.len()].copy_from_slice(&replaced);
    }
    ascii_name_tree(pdf);
}

/// The `/EmbeddedFiles` list (`/Names[(key)12 0 R …]`) with ASCII keys, sorted, padded.
fn ascii_name_tree(pdf: &mut [u8]) {
    let open = b"/EmbeddedFiles<</Names[";
    let Some(start) = find(pdf, open).map(|at| at + open.len()) else {
        return;
    };
    let Some(len) = pdf[start..].iter().position(|b| *b == b']') else {
        return;
    };
    let list = String::from_utf8_lossy(&pdf[start..start + len]).into_owned();
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut rest = list.as_str();
    while !rest.is_empty() {
        let (key, after) = if let Some(r) = rest.strip_prefix('(') {
            let Some(end) = r.find(')') else { return };
            (r[..end].to_string(), &r[end + 1..])
        } else if let Some(r) = rest.strip_prefix('<') {
            let Some(end) = r.find('>') else { return };
            let bytes: Option<Vec<u8>> = (0..end / 2)
                .map(|i| u8::from_str_radix(r.get(2 * i..2 * i + 2)?, 16).ok())
                .collect();
            let Some(text) = bytes.and_then(|b| String::from_utf8(b).ok()) else {
                return;
            };
            (crate::files::read::ascii_file_name(&text), &r[end + 1..])
        } else {
            return;
        };
        let end = after.find(['(', '<']).unwrap_or(after.len());
        entries.push((key, after[..end].to_string()));
        rest = &after[end..];
    }
    entries.sort();
    let mut out: Vec<u8> = entries
        .iter()
        .flat_map(|(k, r)| format!("({k}){r}").into_bytes())
        .collect();
    if out.len() <= len && entries.windows(2).all(|w| w[0].0 != w[1].0) {
        out.resize(len, b' ');
        pdf[start..start + len].copy_from_slice(&out);
    }
}

/// Why a PDF's kompass data could not be read.
#[derive(Debug)]
pub enum EmbedError {
    /// The PDF itself (see [`crate::files::read::pdf::PdfError`]).
    Pdf(crate::files::read::pdf::PdfError),
    /// No `kompass.json`: not made by kompass, or without its data.
    NotKompass,
    /// `kompass.json` is there but cannot be read.
    Provenance(String),
    /// No evaluation attached.
    NoEvaluation,
    /// An attached evaluation that is not UTF-8 text.
    NotText,
}

impl EmbedError {
    /// What went wrong, as data.
    pub fn message(&self) -> crate::base::messages::Message {
        use crate::base::messages::msg;
        match self {
            EmbedError::Pdf(e) => e.message(),
            EmbedError::NotKompass => msg!("embed-not-kompass"),
            EmbedError::Provenance(e) => {
                msg!("embed-provenance", name = PROVENANCE_NAME, why = e)
            }
            EmbedError::NoEvaluation => msg!("embed-no-evaluation"),
            EmbedError::NotText => msg!("embed-not-text"),
        }
    }
}

impl std::fmt::Display for EmbedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for EmbedError {}

/// The evaluation and the provenance record attached to a kompass PDF.
pub struct Embedded {
    pub source_name: String,
    pub source: String,
    pub provenance: Provenance,
    /// The earlier evaluation of a draft's page of changes.
    pub previous: Option<String>,
}

/// Read what kompass attached to a PDF, within [`crate::files::read::pdf::PdfLimits`]: no attached file
/// may inflate to more than an evaluation file may hold (8 MiB).
pub fn read(pdf: &[u8]) -> Result<Embedded, EmbedError> {
    let files =
        crate::files::read::pdf::attachments(pdf, &crate::files::read::pdf::PdfLimits::default())
            .map_err(EmbedError::Pdf)?;
    let provenance = files
        .iter()
        .find(|a| a.name == PROVENANCE_NAME)
        .ok_or(EmbedError::NotKompass)?;
    let provenance: Provenance = serde_json::from_slice(&provenance.bytes)
        .map_err(|e| EmbedError::Provenance(e.to_string()))?;
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).map_err(|_| EmbedError::NotText);
    let previous_name = provenance.changes_since.clone().unwrap_or_default();
    let source = files
        .iter()
        .find(|a| a.name.ends_with(".toml") && a.name != previous_name)
        .ok_or(EmbedError::NoEvaluation)?;
    let previous = files
        .iter()
        .find(|a| !previous_name.is_empty() && a.name == previous_name)
        .map(|a| text(&a.bytes))
        .transpose()?;
    Ok(Embedded {
        source_name: source.name.clone(),
        source: text(&source.bytes)?,
        provenance,
        previous,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_removed_and_nothing_else() {
        let text = "# a note\nframework = \"x\" # why\n\n[report] # table note\ndate = 2023-11-23\nlist = [ # first\n  \"a # not a comment\", # second\n  \"b\",\n  # last\n]\ntext = \"\"\"\n# kept: inside a string\n\"\"\"\n# the end\n";
        let out = without_comments(text).unwrap();
        assert!(!out.contains("note") && !out.contains("why") && !out.contains("first"));
        assert!(!out.contains("second") && !out.contains("last") && !out.contains("the end"));
        assert!(out.contains("\"a # not a comment\"") && out.contains("# kept: inside a string"));
        let a: toml::Value = toml::from_str(text).unwrap();
        let b: toml::Value = toml::from_str(&out).unwrap();
        assert_eq!(a, b, "{out}");
        assert_eq!(without_comments(&out).unwrap(), out, "idempotent");
        assert!(
            out.contains("list = [\n  \"a # not a comment\",\n  \"b\",\n]"),
            "one element per line: {out}"
        );
    }

    #[test]
    fn fallback_names_are_plain() {
        let text = "[municipality]\nname = \"../../Strängnäs\" # x\n[report]\ndate = 2026-11-20\n";
        assert_eq!(fallback_name(text), "strängnäs-2026-11-20.toml");
        assert_eq!(fallback_name(""), "utvardering.toml");
        assert_eq!(
            fallback_name("[municipality]\nname = \"con\""),
            "con-utvardering.toml"
        );
        assert_eq!(
            fallback_name("[report]\ndate = 2026-11-20"),
            "utvardering-2026-11-20.toml"
        );
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "af63dc4c8601ec8c");
    }
}
