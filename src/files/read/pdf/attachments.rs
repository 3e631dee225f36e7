//! The files attached to a PDF: kompass needs one thing from a PDF someone sends, the files
//! attached to it (the evaluation and `kompass.json`).
//!
//! The PDF's objects are read by [`super::objects`], with its bounds. From them exactly one kind
//! of link is followed: from a file specification (`/EF /F 12 0 R`), found anywhere in the last
//! definition of an object, to the stream that holds the file (that stream's last definition).
//! Each attached file inflates to at most [`PdfLimits::attachment`], within the file's total.

use super::objects::{Decode, Loc, Objects};
use super::syntax::{Value, text_string};
use super::{PdfError, PdfLimits};

/// A file attached to a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its name as the PDF gives it (`/UF`, else `/F`): data, not yet a safe file name.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A file specification found: where it is defined, the attached file's name and the stream
/// that holds it.
struct Spec {
    object: u32,
    at: Loc,
    name: String,
    target: u32,
}

/// The files attached to a PDF, sorted by name.
pub fn attachments(pdf: &[u8], limits: &PdfLimits) -> Result<Vec<Attachment>, PdfError> {
    let mut specs: Vec<Spec> = Vec::new();
    let mut objects = Objects::scan(pdf, limits, &mut |object, at, value| {
        let mut found = Vec::new();
        file_specs(value, 0, limits.depth, &mut found);
        specs.extend(found.into_iter().map(|(name, target)| Spec {
            object,
            at,
            name,
            target,
        }));
    })?;
    let mut out: Vec<Attachment> = Vec::new();
    for spec in specs {
        // A definition an incremental update replaced is no longer what the file says.
        if objects.defined_at(spec.object) != Some(spec.at) {
            continue;
        }
        let Some(data) = objects.stream(spec.target, limits.attachment) else {
            continue;
        };
        let bytes = data.map_err(|e| match e {
            Decode::TooLarge => PdfError::AttachmentTooLarge {
                name: spec.name.clone(),
                limit: limits.attachment,
            },
            Decode::Total => PdfError::InflatesTooMuch {
                limit: limits.total,
            },
            Decode::Unread(why) => PdfError::Attachment {
                name: spec.name.clone(),
                why: why.to_string(),
            },
        })?;
        // The same name again (a PDF saved incrementally): the last one counts.
        out.retain(|a| a.name != spec.name);
        out.push(Attachment {
            name: spec.name,
            bytes,
        });
    }
    objects.within_budget()?;
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// File specifications anywhere in a value, nested at most `limit` deep: a dictionary with `/EF`
/// naming a stream, with the file's name.
fn file_specs(value: &Value, depth: usize, limit: usize, out: &mut Vec<(String, u32)>) {
    if depth > limit {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| file_specs(v, depth + 1, limit, out)),
        Value::Dict(pairs) => {
            let ef = value.get(b"EF");
            let target = ef
                .and_then(|ef| ef.get(b"F").or_else(|| ef.get(b"UF")))
                .and_then(|f| match f {
                    Value::Ref(id) => Some(*id),
                    _ => None,
                });
            if let Some(target) = target {
                let name = [b"UF".as_slice(), b"F"]
                    .iter()
                    .find_map(|k| match value.get(k) {
                        Some(Value::Str(s)) => Some(text_string(s)),
                        _ => None,
                    })
                    .unwrap_or_default();
                out.push((name, target));
            }
            for (_, v) in pairs {
                file_specs(v, depth + 1, limit, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::read::find;
    use crate::files::read::pdf::sample::{stream, zlib};

    /// A small PDF with one attached file, its stream compressed or not.
    fn pdf_with(name: &str, data: &[u8], compress: bool) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /AF [2 0 R] >>\nendobj\n".to_vec();
        pdf.extend_from_slice(
            format!("2 0 obj\n<< /Type /Filespec /F ({name}) /EF << /F 3 0 R >> >>\nendobj\n")
                .as_bytes(),
        );
        let (body, dict) = if compress {
            (zlib(data), "/Type /EmbeddedFile /Filter /FlateDecode")
        } else {
            (data.to_vec(), "/Type /EmbeddedFile")
        };
        pdf.extend_from_slice(&stream(3, dict, &body));
        pdf.extend_from_slice(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
        pdf
    }

    /// One stream without a filter named by many file specifications is copied out once per
    /// name: the copies count against the total, so memory stays bounded (it grew without
    /// limit: 14 GB for 30 000 names of one 8 MB stream).
    #[test]
    fn one_raw_stream_named_many_times_counts_against_the_total() {
        let limits = PdfLimits::default();
        let data = vec![b'x'; limits.attachment / 2];
        let names = limits.total / data.len() + 2;
        let specs: String = (0..names)
            .map(|i| format!("<< /EF << /F 3 0 R >> /F (a{i}.toml) >>"))
            .collect();
        let mut pdf =
            format!("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /AF [{specs}] >>\nendobj\n").into_bytes();
        pdf.extend_from_slice(&stream(3, "/Type /EmbeddedFile", &data));
        pdf.extend_from_slice(b"%%EOF\n");
        assert!(matches!(
            attachments(&pdf, &limits),
            Err(PdfError::InflatesTooMuch { .. })
        ));
        // Named a few times it is read as before.
        let few: String = (0..3)
            .map(|i| format!("<< /EF << /F 3 0 R >> /F (a{i}.toml) >>"))
            .collect();
        let pdf = String::from_utf8_lossy(&pdf).replacen(&specs, &few, 1);
        assert_eq!(attachments(pdf.as_bytes(), &limits).unwrap().len(), 3);
    }

    #[test]
    fn an_attached_file_is_found_compressed_or_not() {
        for compress in [false, true] {
            let pdf = pdf_with("a.toml", b"x = 1\n", compress);
            let files = attachments(&pdf, &PdfLimits::default()).unwrap();
            assert_eq!(files.len(), 1);
            assert_eq!(files[0].name, "a.toml");
            assert_eq!(files[0].bytes, b"x = 1\n");
        }
    }

    #[test]
    fn a_bomb_is_refused_while_inflating() {
        let pdf = pdf_with("a.toml", &vec![b'a'; 20 << 20], true);
        assert!(pdf.len() < 100_000);
        let e = attachments(&pdf, &PdfLimits::default()).unwrap_err();
        assert!(matches!(e, PdfError::AttachmentTooLarge { .. }), "{e}");
    }

    #[test]
    fn nesting_and_cycles_cost_nothing() {
        let mut deep = b"%PDF-1.7\n1 0 obj\n".to_vec();
        deep.extend(std::iter::repeat_n(b'[', 100_000));
        deep.extend_from_slice(b"\nendobj\n");
        assert_eq!(attachments(&deep, &PdfLimits::default()), Ok(Vec::new()));
        // A file specification whose stream is itself: no stream, nothing attached.
        let cycle = b"%PDF-1.7\n1 0 obj\n<< /EF << /F 1 0 R >> /F (x) /Next 1 0 R >>\nendobj\n";
        assert_eq!(attachments(cycle, &PdfLimits::default()), Ok(Vec::new()));
        assert_eq!(
            attachments(b"hello", &PdfLimits::default()),
            Err(PdfError::NotPdf)
        );
    }

    #[test]
    fn names_are_read_as_text_strings() {
        let mut pdf = pdf_with("x", b"1", false);
        let utf16 = "<FEFF007300E4002E0074006F006D006C>";
        let at = find(&pdf, b"/F (x)").unwrap();
        pdf.splice(at..at + 6, format!("/UF {utf16} /F (x)").bytes());
        let files = attachments(&pdf, &PdfLimits::default()).unwrap();
        assert_eq!(files[0].name, "sä.toml");
    }

    #[test]
    fn a_file_specification_an_update_replaced_is_gone() {
        let mut pdf = pdf_with("a.toml", b"old", false);
        pdf.extend_from_slice(
            b"2 0 obj\n<< /Type /Filespec /F (b.toml) /EF << /F 4 0 R >> >>\nendobj\n\
              4 0 obj\n<< /Type /EmbeddedFile /Length 3 >>\nstream\nnew\nendstream\nendobj\n\
              trailer\n<< /Root 1 0 R /Prev 0 >>\n%%EOF\n",
        );
        let files = attachments(&pdf, &PdfLimits::default()).unwrap();
        assert_eq!(files.len(), 1, "{files:?}");
        assert_eq!(
            (files[0].name.as_str(), &files[0].bytes[..]),
            ("b.toml", &b"new"[..])
        );
        // An update that makes the attached file's stream something else: nothing is attached.
        let mut pdf = pdf_with("a.toml", b"old", false);
        pdf.extend_from_slice(b"3 0 obj\n<< /Gone true >>\nendobj\n%%EOF\n");
        assert_eq!(attachments(&pdf, &PdfLimits::default()), Ok(Vec::new()));
    }
}
