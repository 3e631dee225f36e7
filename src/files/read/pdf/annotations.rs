//! The comments (annotations) of a PDF someone sends back, read with bounds.
//!
//! A draft comes back from the municipality's fact-check with comments made in whatever PDF
//! reader they have: Acrobat and Edge append them as an incremental update, a "Save as"
//! rewrites the file with object streams, others write plain objects. This reader finds them
//! through the objects `pdf/objects.rs` reads, the same reader as the attachments', without
//! trusting the PDF's index:
//! - The file is scanned for its objects (`12 0 obj … endobj`, also inside object streams);
//!   the last definition of an object number in the file wins, which is what an incremental
//!   update means. An object is parsed again, with the same bounds, when it is looked up.
//! - From the catalogue the trailers name it follows the page tree (bounded depth, each node
//!   once) and each page's `/Annots`; from an annotation nothing else is followed: `/IRT` and
//!   `/Popup` are kept as object numbers, so a cycle through them costs nothing here.
//! - Bounds: those of [`PdfLimits`] (inflation, objects, nesting, values per object) and of
//!   [`AnnotationLimits`] (pages, annotations, the length of a comment, quad points).
//! - Nothing in the file runs: JavaScript, actions and rich text are not read, and a comment's
//!   text is returned as plain text.

use std::collections::HashSet;
use std::fmt;

use sha2::{Digest, Sha256};

use super::objects::Objects;
use super::syntax::{Value, text_string};
use super::{PdfError, PdfLimits};

/// The bounds of reading comments, beyond those of [`PdfLimits`].
#[derive(Debug, Clone, Copy)]
pub struct AnnotationLimits {
    /// Pages in the document.
    pub pages: usize,
    /// Entries of all pages' `/Annots` together (links and popups included).
    pub annotations: usize,
    /// Characters of one text (a comment, an author's name); longer is cut.
    pub text: usize,
    /// Quadrilaterals of one annotation (8 numbers each); more are left out.
    pub quads: usize,
}

impl Default for AnnotationLimits {
    fn default() -> Self {
        AnnotationLimits {
            pages: 5_000,
            annotations: 20_000,
            text: 20_000,
            quads: 2_000,
        }
    }
}

/// Why the comments of a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnotationError {
    /// Not a PDF, or over one of the bounds of [`PdfLimits`].
    Pdf(PdfError),
    /// Encrypted: its texts cannot be read without decrypting it.
    Encrypted,
    /// No catalogue or no pages found.
    NoPages,
    /// More pages than the limit.
    TooManyPages { limit: usize },
    /// More annotations than the limit.
    TooManyAnnotations { limit: usize },
}

impl AnnotationError {
    /// What went wrong, as data.
    pub fn message(&self) -> crate::base::messages::Message {
        use crate::base::messages::msg;
        match self {
            AnnotationError::Pdf(e) => e.message(),
            AnnotationError::Encrypted => msg!("annots-encrypted"),
            AnnotationError::NoPages => msg!("annots-no-pages"),
            AnnotationError::TooManyPages { limit } => {
                msg!("annots-too-many-pages", limit = *limit)
            }
            AnnotationError::TooManyAnnotations { limit } => {
                msg!("annots-too-many", limit = *limit)
            }
        }
    }
}

impl fmt::Display for AnnotationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for AnnotationError {}

/// How an annotation relates to the one its `/IRT` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyType {
    /// A reply in its thread (`/RT /R`, the default).
    Reply,
    /// One annotation with it (`/RT /Group`): Acrobat's "replace text" is a strike-out
    /// grouped with a caret.
    Group,
}

/// One annotation as the PDF has it. Coordinates are PDF points (origin bottom left).
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// Its object number, when it is an object of its own (what `/IRT` points to).
    pub object: Option<u32>,
    /// The page it is on, from 1.
    pub page: usize,
    /// `/Subtype`: `Text`, `Highlight`, `StrikeOut`, `FreeText` …
    pub subtype: String,
    /// `/Rect`: x0, y0, x1, y1 (normalised: x0 ≤ x1, y0 ≤ y1).
    pub rect: Option<[f64; 4]>,
    /// `/QuadPoints`, 8 numbers per quadrilateral (at most [`AnnotationLimits::quads`]).
    pub quads: Vec<[f64; 8]>,
    /// A free text's callout line's first point (`/CL`): what the arrow points at.
    pub callout: Option<[f64; 2]>,
    /// `/Contents` as text.
    pub contents: String,
    /// `/T`, the author.
    pub author: String,
    /// `/Subj`, the subject ("Highlight", "Replace Text" …).
    pub subject: String,
    /// `/M` and `/CreationDate`, as the PDF writes dates (`D:20261120140312+01'00'`).
    pub modified: String,
    pub created: String,
    /// `/NM`, the annotation's name, unique on its page when given.
    pub name: String,
    /// `/IRT`: the object number of the annotation this one answers or belongs to.
    pub in_reply_to: Option<u32>,
    pub reply_type: ReplyType,
    /// `/IT`, the intent (`FreeTextCallout`, `StrikeOutTextEdit` …).
    pub intent: String,
    /// The hidden flag (`/F` bit 2).
    pub hidden: bool,
    /// A text or the quad points were cut at a bound.
    pub cut: bool,
}

/// A page: its size and the fingerprint of what it draws.
#[derive(Debug, Clone, PartialEq)]
pub struct PageInfo {
    /// `/MediaBox` (inherited when the page does not say), in points: x0, y0, x1, y1.
    pub media_box: [f64; 4],
    /// `/Rotate`, degrees.
    pub rotate: i64,
    /// SHA-256 of the page's content streams, decoded and joined; `None` when one of them
    /// could not be decoded (a filter kompass does not read, damaged data, over a bound).
    pub content: Option<[u8; 32]>,
    /// Entries of its `/Annots` that could not be read (damaged, or over a bound).
    pub unreadable: usize,
}

/// What a PDF holds of comments.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotated {
    pub pages: Vec<PageInfo>,
    /// Every annotation except links, popups, form fields and printer's marks.
    pub annotations: Vec<Annotation>,
}

/// Subtypes that are not comments: left out of [`Annotated::annotations`].
const NOT_COMMENTS: &[&str] = &["Link", "Popup", "Widget", "PrinterMark", "TrapNet"];

/// Read the pages and annotations of a PDF.
pub fn read(
    pdf: &[u8],
    limits: &PdfLimits,
    bounds: &AnnotationLimits,
) -> Result<Annotated, AnnotationError> {
    let mut objects =
        Objects::scan(pdf, limits, &mut |_, _, _| {}).map_err(AnnotationError::Pdf)?;
    let trailer = objects.trailer();
    if trailer.encrypted {
        return Err(AnnotationError::Encrypted);
    }
    let pages = pages(&objects, trailer.catalogue, limits, bounds)?;
    objects.within_budget().map_err(AnnotationError::Pdf)?;
    let mut out = Annotated {
        pages: Vec::with_capacity(pages.len()),
        annotations: Vec::new(),
    };
    let mut seen = 0usize;
    for (i, page) in pages.iter().enumerate() {
        // Every object read counts against one budget; past it, stop.
        objects.within_budget().map_err(AnnotationError::Pdf)?;
        let mut info = PageInfo {
            media_box: page.media_box,
            rotate: page.rotate,
            content: content_of(&mut objects, &page.dict, limits.object_stream),
            unreadable: 0,
        };
        let entries = match page.dict.get(b"Annots") {
            Some(Value::Ref(id)) => objects.get(*id),
            Some(v) => Some(v.clone()),
            None => None,
        };
        let Some(Value::Array(entries)) = entries else {
            out.pages.push(info);
            continue;
        };
        seen += entries.len();
        if seen > bounds.annotations {
            return Err(AnnotationError::TooManyAnnotations {
                limit: bounds.annotations,
            });
        }
        for entry in &entries {
            let (object, dict) = match entry {
                Value::Ref(id) => (Some(*id), objects.get(*id)),
                v @ Value::Dict(_) => (None, Some(v.clone())),
                _ => (None, None),
            };
            match dict
                .as_ref()
                .and_then(|d| annotation(d, object, i + 1, bounds))
            {
                Some(a) if NOT_COMMENTS.contains(&a.subtype.as_str()) => {}
                Some(a) => out.annotations.push(a),
                None => info.unreadable += 1,
            }
        }
        out.pages.push(info);
    }
    objects.within_budget().map_err(AnnotationError::Pdf)?;
    Ok(out)
}

/// An annotation dictionary as data; `None` when it is not a dictionary with a subtype.
fn annotation(
    d: &Value,
    object: Option<u32>,
    page: usize,
    bounds: &AnnotationLimits,
) -> Option<Annotation> {
    let subtype = name(d.get(b"Subtype")?)?;
    let mut cut = false;
    let mut text = |key: &[u8]| match d.get(key) {
        Some(Value::Str(s)) => {
            let (t, was_cut) = bounded_text(s, bounds.text);
            cut |= was_cut;
            t
        }
        _ => String::new(),
    };
    let contents = text(b"Contents");
    let author = text(b"T");
    let subject = text(b"Subj");
    let modified = text(b"M");
    let created = text(b"CreationDate");
    let name_ = text(b"NM");
    let numbers = |key: &[u8]| match d.get(key) {
        Some(Value::Array(items)) => items.iter().map(number).collect::<Option<Vec<f64>>>(),
        _ => None,
    };
    let rect = numbers(b"Rect").and_then(|n| {
        let [a, b, c, e] = <[f64; 4]>::try_from(n.get(..4)?).ok()?;
        Some([a.min(c), b.min(e), a.max(c), b.max(e)])
    });
    let mut quads: Vec<[f64; 8]> = numbers(b"QuadPoints")
        .unwrap_or_default()
        .chunks_exact(8)
        .filter_map(|q| <[f64; 8]>::try_from(q).ok())
        .collect();
    if quads.len() > bounds.quads {
        quads.truncate(bounds.quads);
        cut = true;
    }
    let callout = numbers(b"CL").and_then(|n| Some([*n.first()?, *n.get(1)?]));
    let flags = match d.get(b"F") {
        Some(Value::Number(n)) => *n,
        _ => 0,
    };
    Some(Annotation {
        object,
        page,
        subtype,
        rect,
        quads,
        callout,
        contents,
        author,
        subject,
        modified,
        created,
        name: name_,
        in_reply_to: match d.get(b"IRT") {
            Some(Value::Ref(id)) => Some(*id),
            _ => None,
        },
        reply_type: match d.get(b"RT").and_then(name).as_deref() {
            Some("Group") => ReplyType::Group,
            _ => ReplyType::Reply,
        },
        intent: d.get(b"IT").and_then(name).unwrap_or_default(),
        hidden: flags & 2 != 0,
        cut,
    })
}

fn name(v: &Value) -> Option<String> {
    match v {
        Value::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n as f64),
        Value::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A text string, at most `limit` characters: whether it was cut.
fn bounded_text(bytes: &[u8], limit: usize) -> (String, bool) {
    // A character takes at most 4 bytes in any of the encodings; look no further.
    let bytes = &bytes[..bytes.len().min(limit.saturating_mul(4).saturating_add(4))];
    let text = text_string(bytes);
    match text.char_indices().nth(limit) {
        Some((at, _)) => (text[..at].to_string(), true),
        None => (text, false),
    }
}

/// A page found in the page tree, with what it inherits.
struct PageRef {
    dict: Value,
    media_box: [f64; 4],
    rotate: i64,
}

/// The pages in order, each with its inherited media box and rotation.
fn pages(
    objects: &Objects,
    catalogue: Option<u32>,
    limits: &PdfLimits,
    bounds: &AnnotationLimits,
) -> Result<Vec<PageRef>, AnnotationError> {
    let catalogue = catalogue.ok_or(AnnotationError::NoPages)?;
    let catalogue = objects.get(catalogue).ok_or(AnnotationError::NoPages)?;
    let tree = catalogue.get(b"Pages").ok_or(AnnotationError::NoPages)?;
    let mut walk = Walk {
        out: Vec::new(),
        seen: HashSet::new(),
        limit: bounds.pages,
        depth: limits.depth,
    };
    let inherited = PageRef {
        dict: Value::Null,
        media_box: [0.0, 0.0, 612.0, 792.0],
        rotate: 0,
    };
    walk_pages(objects, tree, &inherited, 0, &mut walk)?;
    if walk.out.is_empty() {
        return Err(AnnotationError::NoPages);
    }
    Ok(walk.out)
}

/// Walk the page tree from `node`: each node once, at most [`PdfLimits::depth`] deep.
fn walk_pages(
    objects: &Objects,
    node: &Value,
    inherited: &PageRef,
    depth: usize,
    walk: &mut Walk,
) -> Result<(), AnnotationError> {
    if let Value::Ref(id) = node
        && !walk.seen.insert(*id)
    {
        return Ok(());
    }
    if depth > walk.depth {
        return Ok(());
    }
    let Some(dict) = objects.resolve(node) else {
        return Ok(());
    };
    let media_box = match dict.get(b"MediaBox").and_then(|v| objects.resolve(v)) {
        Some(Value::Array(n)) if n.len() == 4 => {
            let n: Vec<f64> = n.iter().filter_map(number).collect();
            match <[f64; 4]>::try_from(n) {
                Ok([a, b, c, d]) => [a.min(c), b.min(d), a.max(c), b.max(d)],
                Err(_) => inherited.media_box,
            }
        }
        _ => inherited.media_box,
    };
    let rotate = match dict.get(b"Rotate") {
        Some(Value::Number(r)) => r.rem_euclid(360),
        _ => inherited.rotate,
    };
    let here = PageRef {
        dict: Value::Null,
        media_box,
        rotate,
    };
    match dict.get(b"Kids").and_then(|k| objects.resolve(k)) {
        Some(Value::Array(kids)) => {
            for kid in &kids {
                walk_pages(objects, kid, &here, depth + 1, walk)?;
            }
        }
        // A leaf is a page; a catalogue or anything else named where a page belongs is not.
        _ if dict
            .get(b"Type")
            .and_then(name)
            .is_some_and(|t| t != "Page") => {}
        _ => {
            if walk.out.len() >= walk.limit {
                return Err(AnnotationError::TooManyPages { limit: walk.limit });
            }
            walk.out.push(PageRef { dict, ..here });
        }
    }
    Ok(())
}

/// The fingerprint of a page's content streams, decoded and joined.
fn content_of(objects: &mut Objects, page: &Value, limit: usize) -> Option<[u8; 32]> {
    let ids: Vec<u32> = match page.get(b"Contents")? {
        Value::Ref(id) => match objects.get(*id) {
            Some(Value::Array(items)) => items.iter().map(reference).collect::<Option<_>>()?,
            _ => vec![*id],
        },
        Value::Array(items) => items.iter().map(reference).collect::<Option<_>>()?,
        _ => return None,
    };
    let mut hash = Sha256::new();
    for id in ids {
        let data = objects.stream(id, limit)?.ok()?;
        hash.update(&data);
    }
    Some(hash.finalize().into())
}

fn reference(v: &Value) -> Option<u32> {
    match v {
        Value::Ref(id) => Some(*id),
        _ => None,
    }
}

struct Walk {
    out: Vec<PageRef>,
    seen: HashSet<u32>,
    limit: usize,
    /// The deepest a page may be in the tree.
    depth: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_default(pdf: &[u8]) -> Result<Annotated, AnnotationError> {
        read(pdf, &PdfLimits::default(), &AnnotationLimits::default())
    }

    /// A one-page PDF whose page has the given `/Annots` entries, and the extra objects.
    fn pdf_with(annots: &str, extra: &str) -> Vec<u8> {
        format!(
            "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
             2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>\nendobj\n\
             3 0 obj\n<< /Type /Page /Parent 2 0 R /Annots [{annots}] >>\nendobj\n{extra}\
             trailer\n<< /Root 1 0 R /Size 9 >>\n%%EOF\n"
        )
        .into_bytes()
    }

    #[test]
    fn a_highlight_with_its_text_is_read() {
        let pdf = pdf_with(
            "5 0 R 6 0 R",
            "5 0 obj\n<< /Type /Annot /Subtype /Highlight /Rect [10 20.5 100 30] \
             /QuadPoints [10 30 100 30 10 20.5 100 20.5] /T (Anna) \
             /Contents <FEFF00C5007200200032003000320032> /M (D:20261120140312+01'00') >>\nendobj\n\
             6 0 obj\n<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] >>\nendobj\n",
        );
        let a = read_default(&pdf).unwrap();
        assert_eq!(a.pages.len(), 1);
        assert_eq!(a.pages[0].media_box, [0.0, 0.0, 595.0, 842.0]);
        assert_eq!(a.annotations.len(), 1, "the link is not a comment");
        let h = &a.annotations[0];
        assert_eq!(h.subtype, "Highlight");
        assert_eq!(h.contents, "År 2022");
        assert_eq!(h.author, "Anna");
        assert_eq!(h.rect, Some([10.0, 20.5, 100.0, 30.0]));
        assert_eq!(h.quads.len(), 1);
        assert_eq!(h.object, Some(5));
    }

    #[test]
    fn the_last_definition_of_an_object_wins() {
        let mut pdf = pdf_with("", "");
        pdf.extend_from_slice(
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /Annots [7 0 R] >>\nendobj\n\
              7 0 obj\n<< /Subtype /Text /Contents (Ny) /IRT 5 0 R /RT /Group >>\nendobj\n\
              trailer\n<< /Root 1 0 R /Prev 0 >>\n%%EOF\n",
        );
        let a = read_default(&pdf).unwrap();
        assert_eq!(a.annotations.len(), 1);
        assert_eq!(a.annotations[0].contents, "Ny");
        assert_eq!(a.annotations[0].in_reply_to, Some(5));
        assert_eq!(a.annotations[0].reply_type, ReplyType::Group);
    }

    #[test]
    fn long_texts_are_cut() {
        let (t, cut) = bounded_text(&[b'a'; 100], 10);
        assert_eq!((t.len(), cut), (10, true));
    }

    #[test]
    fn cycles_and_floods_are_bounded() {
        // A page tree whose kids point back at it, and annotations answering each other.
        let pdf = pdf_with(
            "5 0 R 6 0 R 2 0 R 3 0 R",
            "5 0 obj\n<< /Subtype /Text /IRT 6 0 R /Popup 6 0 R >>\nendobj\n\
             6 0 obj\n<< /Subtype /Text /IRT 5 0 R /Parent 5 0 R >>\nendobj\n",
        );
        let cyclic = String::from_utf8(pdf)
            .unwrap()
            .replace("/Kids [3 0 R]", "/Kids [3 0 R 2 0 R 1 0 R]");
        let a = read_default(cyclic.as_bytes()).unwrap();
        assert_eq!(a.pages.len(), 1);
        assert_eq!(a.annotations.len(), 2);
        assert_eq!(
            a.pages[0].unreadable, 2,
            "the page tree's nodes are no annotations"
        );
        let many = vec!["5 0 R"; 30_000].join(" ");
        let e = read_default(&pdf_with(&many, "")).unwrap_err();
        assert!(
            matches!(e, AnnotationError::TooManyAnnotations { .. }),
            "{e:?}"
        );
        let quads = vec!["1"; 1_000_000].join(" ");
        let huge = pdf_with(
            "5 0 R",
            &format!("5 0 obj\n<< /Subtype /Highlight /QuadPoints [{quads}] >>\nendobj\n"),
        );
        let a = read_default(&huge).unwrap();
        assert!(a.annotations.is_empty());
        assert_eq!(
            a.pages[0].unreadable, 1,
            "over the values bound: listed as unreadable"
        );
    }

    #[test]
    fn an_encrypted_file_is_named_as_such() {
        let pdf = String::from_utf8(pdf_with("", ""))
            .unwrap()
            .replace("/Size 9", "/Size 9 /Encrypt 8 0 R");
        assert_eq!(
            read_default(pdf.as_bytes()),
            Err(AnnotationError::Encrypted)
        );
        assert_eq!(
            read_default(b"%PDF-1.7\nnothing"),
            Err(AnnotationError::NoPages)
        );
    }
}
