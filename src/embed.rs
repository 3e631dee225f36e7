//! The PDF carries its own data: the evaluation it was made from (without the evaluator's TOML
//! comments) and a small provenance record (kompass version, framework, render options) are
//! attached to the PDF as associated files (PDF/A-3). `extract` gets the evaluation back and
//! `verify` renders it again to prove the PDF is what those inputs produce.

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
    pub register: Option<crate::compare::Frozen>,
    /// The same for the earlier evaluation of a draft's page of changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes_since_register: Option<crate::compare::Frozen>,
}

impl Provenance {
    pub fn new(framework_id: &str, standards: &str, draft: bool) -> Self {
        let text = crate::load::FRAMEWORKS
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
pub fn without_comments(text: &str) -> Result<String, String> {
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
        }
        fn visit_value_mut(&mut self, node: &mut toml_edit::Value) {
            node.decor_mut().clear();
            visit_mut::visit_value_mut(self, node);
        }
    }
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
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

/// The number of pages of a PDF.
pub fn page_count(pdf: &[u8]) -> Option<usize> {
    lopdf::Document::load_mem(pdf)
        .ok()
        .map(|d| d.get_pages().len())
}

/// The files attached to a PDF: (file name, bytes), in the order the PDF lists them.
pub fn attachments(pdf: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Filespec".as_slice()) {
            continue;
        }
        let name = dict
            .get(b"UF")
            .or_else(|_| dict.get(b"F"))
            .ok()
            .and_then(|o| match o {
                Object::String(bytes, _) => Some(pdf_text_string(bytes)),
                _ => None,
            })
            .unwrap_or_default();
        let Some(stream_ref) = dict
            .get(b"EF")
            .and_then(Object::as_dict)
            .and_then(|ef| ef.get(b"F"))
            .ok()
        else {
            continue;
        };
        let stream = match stream_ref {
            Object::Reference(id) => doc.get_object(*id).ok(),
            other => Some(other),
        };
        if let Some(Object::Stream(s)) = stream {
            let bytes = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            out.push((name, bytes));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// A PDF text string: UTF-16BE with a byte order mark, or (for ASCII names) bytes as they are.
pub fn pdf_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|b| char::from(*b)).collect()
    }
}

/// The evaluation and the provenance record attached to a kompass PDF.
pub struct Embedded {
    pub source_name: String,
    pub source: String,
    pub provenance: Provenance,
    /// The earlier evaluation of a draft's page of changes.
    pub previous: Option<String>,
}

/// Read what kompass attached to a PDF.
pub fn read(pdf: &[u8]) -> Result<Embedded, String> {
    let files = attachments(pdf)?;
    let provenance = files
        .iter()
        .find(|(n, _)| n == PROVENANCE_NAME)
        .ok_or("the PDF carries no kompass data: it was not made by kompass with the evaluation attached (PDF/A-3, the default since kompass 0.1)")?;
    let provenance: Provenance = serde_json::from_slice(&provenance.1)
        .map_err(|e| format!("the PDF's {PROVENANCE_NAME} cannot be read: {e}"))?;
    let text = |bytes: &[u8]| {
        String::from_utf8(bytes.to_vec())
            .map_err(|_| "the attached evaluation is not UTF-8 text".to_string())
    };
    let previous_name = provenance.changes_since.clone().unwrap_or_default();
    let (source_name, source) = files
        .iter()
        .find(|(n, _)| n.ends_with(".toml") && *n != previous_name)
        .ok_or("the PDF carries no evaluation")?;
    let previous = files
        .iter()
        .find(|(n, _)| !previous_name.is_empty() && *n == previous_name)
        .map(|(_, b)| text(b))
        .transpose()?;
    Ok(Embedded {
        source_name: source_name.clone(),
        source: text(source)?,
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
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "af63dc4c8601ec8c");
    }
}
