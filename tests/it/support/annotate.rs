//! Comments written into a PDF the way Acrobat and Edge save them: an incremental update
//! appended after the original `%%EOF` – the new annotation objects, each page that gets them
//! written again with its `/Annots` extended, a cross-reference section for those objects and a
//! trailer whose `/Prev` points back. Words are found with the tests' own text reader
//! (`pdftext.rs`, over lopdf), never with kompass's code, so that the place of each comment is
//! known independently of the placement it tests.

use std::collections::BTreeMap;

use super::pdftext;

/// A rectangle in PDF points (origin bottom left): x0, y0, x1, y1.
pub type Rect = [f64; 4];

/// The page (from 1) where a phrase first stands, and the boxes of the lines it takes there,
/// one per line, as a highlight's quad points cover them. The phrase may go on over a line
/// break (not over a hyphenated word).
pub fn find(pages: &[pdftext::Page], phrase: &str) -> Option<(usize, Vec<Rect>)> {
    find_part(pages, phrase, phrase)
}

/// As [`find`], for a part of the phrase (a word of it): the phrase says where.
pub fn find_part(pages: &[pdftext::Page], phrase: &str, part: &str) -> Option<(usize, Vec<Rect>)> {
    pages
        .iter()
        .enumerate()
        .find_map(|(i, p)| on_page(p, phrase, part).map(|lines| (i + 1, lines)))
}

fn on_page(p: &pdftext::Page, phrase: &str, part: &str) -> Option<Vec<Rect>> {
    // The glyphs in drawing order, as one text, each char of it mapped to its glyph.
    let mut text = String::new();
    let mut owner: Vec<usize> = Vec::new();
    let mut last: Option<&pdftext::Glyph> = None;
    for (i, g) in p
        .glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.text.is_empty())
    {
        if let Some(prev) = last {
            let same_line = (prev.y - g.y).abs() <= 0.25 * g.size.max(1.0);
            let gap = g.x - (prev.x + prev.advance);
            if (!same_line || gap > g.size / 6.0) && !text.ends_with(' ') && g.text != " " {
                text.push(' ');
                owner.push(usize::MAX);
            }
        }
        for _ in g.text.chars() {
            owner.push(i);
        }
        text.push_str(&g.text);
        last = Some(g);
    }
    let chars: Vec<char> = text.chars().collect();
    let wanted: Vec<char> = phrase.chars().collect();
    let found = (0..chars.len()).find(|s| chars[*s..].starts_with(&wanted))?;
    let part: Vec<char> = part.chars().collect();
    let start = found + (0..wanted.len()).find(|s| wanted[*s..].starts_with(&part))?;
    let glyphs: Vec<&pdftext::Glyph> = owner[start..start + part.len()]
        .iter()
        .filter(|i| **i != usize::MAX)
        .map(|i| &p.glyphs[*i])
        .collect();
    let mut lines: Vec<Rect> = Vec::new();
    let mut line_y = f64::NAN;
    for g in glyphs {
        let (x0, x1) = (g.x, g.x + g.advance);
        let (top, bottom) = (
            p.height - (g.y - 0.8 * g.size),
            p.height - (g.y + 0.25 * g.size),
        );
        if (g.y - line_y).abs() <= 0.25 * g.size {
            let r = lines.last_mut().expect("a line");
            r[0] = r[0].min(x0);
            r[2] = r[2].max(x1);
        } else {
            lines.push([x0, bottom, x1, top]);
            line_y = g.y;
        }
    }
    Some(lines)
}

/// The quad points of lines, in the order Acrobat writes them: top left, top right, bottom
/// left, bottom right.
pub fn quads(lines: &[Rect]) -> String {
    lines
        .iter()
        .map(|r| {
            format!(
                "{:.2} {:.2} {:.2} {:.2} {:.2} {:.2} {:.2} {:.2}",
                r[0], r[3], r[2], r[3], r[0], r[1], r[2], r[1]
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The bounding box of lines.
pub fn bounds(lines: &[Rect]) -> Rect {
    lines.iter().fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |a, r| {
            [
                a[0].min(r[0]),
                a[1].min(r[1]),
                a[2].max(r[2]),
                a[3].max(r[3]),
            ]
        },
    )
}

/// A text string as Acrobat writes one: UTF-16BE with its byte order mark, as hex.
pub fn utf16(text: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        out.push_str(&format!("{unit:04X}"));
    }
    out.push('>');
    out
}

/// A text string in PDFDocEncoding, as a literal (å, ä, ö are the same bytes as in Latin-1).
pub fn pdf_doc(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => out.extend_from_slice(&[b'\\', c as u8]),
            c if (c as u32) < 256 => out.push(c as u32 as u8),
            '–' => out.push(0x85),
            '”' => out.push(0x8E),
            _ => out.push(b'?'),
        }
    }
    out.push(b')');
    out
}

/// An incremental update being written.
pub struct Update {
    original: Vec<u8>,
    next: u32,
    /// New objects: number → body (the dictionary, as bytes).
    objects: BTreeMap<u32, Vec<u8>>,
    /// Annotations to add to each page (from 1).
    annots: BTreeMap<usize, Vec<u32>>,
}

impl Update {
    pub fn new(original: &[u8]) -> Self {
        let size = trailer_number(original, b"/Size").expect("a trailer with /Size");
        Update {
            original: original.to_vec(),
            next: size,
            objects: BTreeMap::new(),
            annots: BTreeMap::new(),
        }
    }

    /// Reserve the next object number.
    pub fn reserve(&mut self) -> u32 {
        let n = self.next;
        self.next += 1;
        n
    }

    /// Add an object with a given number (from [`Update::reserve`]).
    pub fn put(&mut self, n: u32, body: impl Into<Vec<u8>>) {
        self.objects.insert(n, body.into());
    }

    /// Add an annotation on a page; its number. `body` is the dictionary without `/P`.
    pub fn annotate(&mut self, page: usize, body: &str) -> u32 {
        let n = self.reserve();
        self.annotate_as(n, page, body.as_bytes());
        n
    }

    /// Add an annotation with a reserved number.
    pub fn annotate_as(&mut self, n: u32, page: usize, body: &[u8]) {
        let page_object = page_objects(&self.original)[page - 1];
        let mut dict = body.to_vec();
        let close = dict.len() - 2;
        dict.splice(close..close, format!("/P {page_object} 0 R ").bytes());
        self.objects.insert(n, dict);
        self.annots.entry(page).or_default().push(n);
    }

    /// The PDF with the update appended.
    pub fn finish(mut self) -> Vec<u8> {
        let pages = page_objects(&self.original);
        for (page, list) in std::mem::take(&mut self.annots) {
            let id = pages[page - 1];
            let body = object_body(&self.original, id).expect("the page object");
            let refs: String = list.iter().map(|n| format!(" {n} 0 R")).collect();
            let body = match body.find("/Annots[") {
                Some(at) => {
                    let end = at + body[at..].find(']').expect("the end of /Annots");
                    format!("{}{refs}{}", &body[..end], &body[end..])
                }
                None => {
                    let close = body.rfind(">>").expect("a dictionary");
                    format!(
                        "{}/Annots[{}]{}",
                        &body[..close],
                        refs.trim(),
                        &body[close..]
                    )
                }
            };
            self.objects.insert(id, body.into_bytes());
        }
        let mut out = self.original.clone();
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        let mut offsets = Vec::new();
        for (n, body) in &self.objects {
            offsets.push((*n, out.len()));
            out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(b"xref\n");
        for (n, at) in &offsets {
            out.extend_from_slice(format!("{n} 1\n{at:010} 00000 n\r\n").as_bytes());
        }
        let prev = startxref(&self.original).expect("startxref");
        let root = trailer_number(&self.original, b"/Root").expect("/Root");
        out.extend_from_slice(
            format!(
                "trailer\n<</Size {}/Root {root} 0 R/Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n",
                self.next
            )
            .as_bytes(),
        );
        out
    }
}

/// The object numbers of the pages, in order (through lopdf).
pub fn page_objects(pdf: &[u8]) -> Vec<u32> {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    doc.get_pages().values().map(|id| id.0).collect()
}

/// The body of object `id` as it stands last in the file (between `obj` and `endobj`).
fn object_body(pdf: &[u8], id: u32) -> Option<String> {
    let text = String::from_utf8_lossy(pdf);
    let head = format!("\n{id} 0 obj\n");
    let at = text.rfind(&head)? + head.len();
    let end = at + text[at..].find("endobj")?;
    Some(text[at..end].trim_end().to_string())
}

fn trailer_number(pdf: &[u8], key: &[u8]) -> Option<u32> {
    let at = pdf.windows(7).rposition(|w| w == b"trailer")?;
    let rest = &pdf[at..];
    let k = rest.windows(key.len()).position(|w| w == key)? + key.len();
    let digits: String = rest[k..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|b| *b as char)
        .collect();
    digits.parse().ok()
}

fn startxref(pdf: &[u8]) -> Option<usize> {
    let at = pdf.windows(9).rposition(|w| w == b"startxref")? + 9;
    let digits: String = pdf[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|b| *b as char)
        .collect();
    digits.parse().ok()
}
