//! A small PDF text reader over lopdf, enough for the PDFs Typst writes: it follows the content
//! streams (and form XObjects) with their graphics and text state, maps glyph codes to text with
//! each font's /ToUnicode map and advances by its /W widths, and so knows where every glyph is.
//! The tests use it instead of poppler, so that `cargo test` needs nothing but Rust.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// One glyph: position of its origin (points, y from the top of the page), size, advance.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub advance: f64,
    pub text: String,
}

/// One page: its height and its upright glyphs in the order they are drawn.
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

type Matrix = [f64; 6];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

struct Font {
    /// Bytes per code: 2 for Type0 (Identity-H), 1 for simple fonts.
    bytes: usize,
    to_unicode: HashMap<u32, String>,
    widths: HashMap<u32, f64>,
    default_width: f64,
}

fn number(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => 0.0,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, o) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn hex_value(s: &str) -> Option<Vec<u8>> {
    let s: String = s.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

fn code(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |acc, b| (acc << 8) | u32::from(*b))
}

/// `bfchar` and `bfrange` entries of a ToUnicode CMap.
fn parse_cmap(text: &str) -> HashMap<u32, String> {
    let mut map = HashMap::new();
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    let hex = |t: &str| hex_value(t.trim_matches(|c| c == '<' || c == '>'));
    while i < tokens.len() {
        match tokens[i] {
            "beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && tokens[i] != "endbfchar" {
                    if let (Some(src), Some(dst)) = (hex(tokens[i]), hex(tokens[i + 1])) {
                        map.insert(code(&src), utf16(&dst));
                    }
                    i += 2;
                }
            }
            "beginbfrange" => {
                i += 1;
                while i + 2 < tokens.len() && tokens[i] != "endbfrange" {
                    let (lo, hi) = (hex(tokens[i]), hex(tokens[i + 1]));
                    if tokens[i + 2].starts_with('[') {
                        // An array of destinations, one per code.
                        let mut j = i + 2;
                        let mut k = 0;
                        let lo = lo.as_deref().map_or(0, code);
                        loop {
                            let t = tokens[j].trim_start_matches('[');
                            let end = t.ends_with(']');
                            if let Some(dst) = hex(t.trim_end_matches(']')) {
                                map.insert(lo + k, utf16(&dst));
                                k += 1;
                            }
                            j += 1;
                            if end || j >= tokens.len() {
                                break;
                            }
                        }
                        i = j;
                    } else {
                        if let (Some(lo), Some(hi), Some(dst)) = (lo, hi, hex(tokens[i + 2])) {
                            let (lo, hi) = (code(&lo), code(&hi));
                            let base = utf16(&dst);
                            let first = base.chars().last().map_or(0, |c| c as u32);
                            let stem: String = base
                                .chars()
                                .take(base.chars().count().saturating_sub(1))
                                .collect();
                            for (k, c) in (lo..=hi.min(lo + 0xFFFF)).enumerate() {
                                if let Some(ch) = char::from_u32(first + k as u32) {
                                    map.insert(c, format!("{stem}{ch}"));
                                }
                            }
                        }
                        i += 3;
                    }
                }
            }
            _ => i += 1,
        }
    }
    map
}

fn load_font(doc: &Document, font: &Dictionary) -> Font {
    let to_unicode = font
        .get(b"ToUnicode")
        .ok()
        .and_then(|o| match deref(doc, o) {
            Object::Stream(s) => s.decompressed_content().ok().or(Some(s.content.clone())),
            _ => None,
        })
        .map(|b| parse_cmap(&String::from_utf8_lossy(&b)))
        .unwrap_or_default();
    let type0 = font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0".as_slice());
    let mut widths = HashMap::new();
    let mut default_width = 500.0;
    if type0 {
        let cid = font
            .get(b"DescendantFonts")
            .ok()
            .and_then(|o| match deref(doc, o) {
                Object::Array(a) => a.first(),
                _ => None,
            })
            .and_then(|o| dict(doc, o));
        if let Some(cid) = cid {
            default_width = cid.get(b"DW").map(number).unwrap_or(1000.0);
            if let Ok(Object::Array(w)) = cid.get(b"W").map(|o| deref(doc, o)) {
                let mut i = 0;
                while i < w.len() {
                    let first = number(&w[i]) as u32;
                    match w.get(i + 1).map(|o| deref(doc, o)) {
                        Some(Object::Array(list)) => {
                            for (k, v) in list.iter().enumerate() {
                                widths.insert(first + k as u32, number(v));
                            }
                            i += 2;
                        }
                        Some(last) => {
                            let last = number(last) as u32;
                            let v = w.get(i + 2).map_or(default_width, number);
                            for c in first..=last {
                                widths.insert(c, v);
                            }
                            i += 3;
                        }
                        None => break,
                    }
                }
            }
        }
    } else {
        let first = font.get(b"FirstChar").map(number).unwrap_or(0.0) as u32;
        if let Ok(Object::Array(w)) = font.get(b"Widths").map(|o| deref(doc, o)) {
            for (k, v) in w.iter().enumerate() {
                widths.insert(first + k as u32, number(v));
            }
        }
    }
    Font {
        bytes: if type0 { 2 } else { 1 },
        to_unicode,
        widths,
        default_width,
    }
}

struct State<'a> {
    doc: &'a Document,
    fonts: HashMap<ObjectId, Font>,
    out: Vec<Glyph>,
    height: f64,
}

impl State<'_> {
    fn font_of(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<ObjectId> {
        let fonts = resources?
            .get(b"Font")
            .ok()
            .and_then(|o| dict(self.doc, o))?;
        let id = match fonts.get(name).ok()? {
            Object::Reference(id) => *id,
            _ => return None,
        };
        if !self.fonts.contains_key(&id) {
            let object = Object::Reference(id);
            let d = dict(self.doc, &object)?;
            let f = load_font(self.doc, d);
            self.fonts.insert(id, f);
        }
        Some(id)
    }

    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>, base: Matrix, depth: usize) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let mut ctm = base;
        let mut stack: Vec<Matrix> = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        let mut font: Option<ObjectId> = None;
        // Marked content: an /ActualText replaces the text of the glyphs inside it (Typst marks
        // a hyphen it inserts as U+00AD this way). `Some(text)` until a glyph has taken it.
        let mut marked: Vec<Option<Option<String>>> = Vec::new();
        let (mut size, mut tc, mut tw, mut th, mut tl) = (0.0, 0.0, 0.0, 1.0, 0.0);
        for op in &content.operations {
            let a = &op.operands;
            let n = |i: usize| a.get(i).map_or(0.0, number);
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(base),
                "cm" => ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &ctm),
                "BMC" => marked.push(None),
                "BDC" => marked.push(actual_text(a)),
                "EMC" => {
                    marked.pop();
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    size = n(1);
                    font = a
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font_of(resources, name));
                }
                "Tc" => tc = n(0),
                "Tw" => tw = n(0),
                "Tz" => th = n(0) / 100.0,
                "TL" => tl = n(0),
                "Tm" | "Td" | "TD" | "T*" => {
                    (tm, tlm) = move_text(&op.operator, &n, tlm, &mut tl);
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    let items: Vec<&Object> = match (op.operator.as_str(), a.first()) {
                        ("TJ", Some(Object::Array(list))) => list.iter().collect(),
                        ("\"", _) => a.get(2).into_iter().collect(),
                        _ => a.first().into_iter().collect(),
                    };
                    if op.operator != "Tj" && op.operator != "TJ" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -tl], &tlm);
                        tm = tlm;
                    }
                    let Some(f) = font.and_then(|id| self.fonts.get(&id)) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                for chunk in bytes.chunks(f.bytes) {
                                    let c = code(chunk);
                                    let w = f.widths.get(&c).copied().unwrap_or(f.default_width)
                                        / 1000.0;
                                    let m = mul(&tm, &ctm);
                                    let upright = m[1].abs() < 1e-6 && m[2].abs() < 1e-6;
                                    let scale = m[3].abs();
                                    let advance = (w * size + tc) * th;
                                    if upright {
                                        let mut text =
                                            f.to_unicode.get(&c).cloned().unwrap_or_default();
                                        if let Some(scope) =
                                            marked.iter_mut().rev().find_map(|m| m.as_mut())
                                        {
                                            text = scope.take().unwrap_or_default();
                                        }
                                        self.out.push(Glyph {
                                            x: m[4],
                                            y: self.height - m[5],
                                            size: size * scale,
                                            advance: advance * m[0].abs(),
                                            text,
                                        });
                                    }
                                    let space = if f.bytes == 1 && c == 32 { tw } else { 0.0 };
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, advance + space * th, 0.0], &tm);
                                }
                            }
                            other => {
                                let adjust = -number(other) / 1000.0 * size * th;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, adjust, 0.0], &tm);
                            }
                        }
                    }
                }
                "Do" if depth < 8 => {
                    if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
                        self.form(name, resources, &ctm, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// A form XObject drawn with `Do`: its content, in its own matrix and resources.
    fn form(&mut self, name: &[u8], resources: Option<&Dictionary>, ctm: &Matrix, depth: usize) {
        let xobject = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| dict(self.doc, o))
            .and_then(|x| x.get(name).ok())
            .map(|o| deref(self.doc, o));
        let Some(Object::Stream(s)) = xobject else {
            return;
        };
        if s.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        let matrix = match s.dict.get(b"Matrix") {
            Ok(Object::Array(m)) if m.len() == 6 => [
                number(&m[0]),
                number(&m[1]),
                number(&m[2]),
                number(&m[3]),
                number(&m[4]),
                number(&m[5]),
            ],
            _ => IDENTITY,
        };
        let data = s
            .decompressed_content()
            .unwrap_or_else(|_| s.content.clone());
        let inner = s
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| dict(self.doc, o))
            .or(resources);
        self.run(&data, inner, mul(&matrix, ctm), depth + 1);
    }
}

/// The text matrix and line matrix after a text-positioning operator (`Tm`, `Td`, `TD`, `T*`).
fn move_text(
    operator: &str,
    n: &dyn Fn(usize) -> f64,
    tlm: Matrix,
    tl: &mut f64,
) -> (Matrix, Matrix) {
    let tlm = match operator {
        "Tm" => [n(0), n(1), n(2), n(3), n(4), n(5)],
        "T*" => mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -*tl], &tlm),
        _ => {
            if operator == "TD" {
                *tl = -n(1);
            }
            mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm)
        }
    };
    (tlm, tlm)
}

/// The /ActualText of a marked-content sequence (`BDC`), which replaces the text of its glyphs.
fn actual_text(operands: &[Object]) -> Option<Option<String>> {
    let actual = operands.get(1).and_then(|o| match o {
        Object::Dictionary(d) => d.get(b"ActualText").ok(),
        _ => None,
    });
    actual.map(|o| match o {
        Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => Some(utf16(&b[2..])),
        Object::String(b, _) => Some(b.iter().map(|c| char::from(*c)).collect()),
        _ => Some(String::new()),
    })
}

/// Every page of a PDF with its upright glyphs.
pub fn read(bytes: &[u8]) -> Vec<Page> {
    let doc = Document::load_mem(bytes).expect("a readable PDF");
    let mut state = State {
        doc: &doc,
        fonts: HashMap::new(),
        out: Vec::new(),
        height: 0.0,
    };
    let mut pages = Vec::new();
    for (_, id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(id) else {
            continue;
        };
        let (width, height) = match page.get(b"MediaBox").map(|o| deref(&doc, o)) {
            Ok(Object::Array(b)) if b.len() == 4 => {
                (number(&b[2]) - number(&b[0]), number(&b[3]) - number(&b[1]))
            }
            _ => (595.0, 842.0),
        };
        let resources = page.get(b"Resources").ok().and_then(|o| dict(&doc, o));
        let content = doc.get_page_content(id).unwrap_or_default();
        state.height = height;
        state.out.clear();
        state.run(&content, resources, IDENTITY, 0);
        pages.push(Page {
            width,
            height,
            glyphs: std::mem::take(&mut state.out),
        });
    }
    pages
}

/// A page's text as lines: glyphs on one baseline, left to right, a space where the gap
/// between two glyphs is wider than a sixth of their size. Each line with its baseline.
pub fn lines(page: &Page) -> Vec<(f64, String)> {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().filter(|g| !g.text.is_empty()).collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= 0.25 * g.size.min(row[0].size).max(1.0) => {
                row.push(g)
            }
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let y = row[0].y;
            let mut text = String::new();
            let mut end: Option<f64> = None;
            for g in row {
                if let Some(e) = end
                    && g.x - e > g.size / 6.0
                    && !text.ends_with(' ')
                    && g.text != " "
                {
                    text.push(' ');
                }
                text.push_str(&g.text);
                end = Some(g.x + g.advance);
            }
            (y, text)
        })
        .collect()
}

/// A page's text in the order it is drawn – Typst draws in reading order, a table cell whole
/// before the next – broken into lines where the baseline changes, with a space where the gap
/// between two glyphs is wider than a sixth of their size.
pub fn reading(page: &Page) -> Vec<(f64, String)> {
    let mut lines: Vec<(f64, String)> = Vec::new();
    let mut current = String::new();
    let mut last: Option<&Glyph> = None;
    let mut y = 0.0;
    for g in page.glyphs.iter().filter(|g| !g.text.is_empty()) {
        if let Some(p) = last {
            let same_line = (p.y - g.y).abs() <= 0.25 * g.size.min(p.size).max(1.0);
            if !same_line {
                lines.push((y, std::mem::take(&mut current)));
                y = g.y;
            } else if (g.x - (p.x + p.advance)).abs() > g.size / 6.0
                && !current.ends_with(' ')
                && g.text != " "
            {
                current.push(' ');
            }
        }
        if last.is_none() {
            y = g.y;
        }
        current.push_str(&g.text);
        last = Some(g);
    }
    lines.push((y, current));
    lines.retain(|(_, l)| !l.trim().is_empty());
    lines
}
