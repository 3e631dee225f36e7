//! The files attached to a PDF, read with bounds.
//!
//! kompass needs one thing from a PDF someone sends: the files attached to it (the evaluation
//! and `kompass.json`). This reader finds them without trusting the PDF's structure:
//! - It scans the file for its objects (`12 0 obj … endobj`), as a PDF reader does to repair a
//!   file, and never reads the cross-reference table or stream, so a broken or hostile index
//!   costs nothing.
//! - It follows exactly one kind of link: from a file specification (`/EF /F 12 0 R`) to the
//!   stream that holds the file. No other reference is followed, so an object cycle is harmless.
//! - Every compressed stream it reads (an object stream, an attached file) is inflated with a
//!   limit checked while inflating; the whole file has a limit on what all its streams may
//!   inflate to, on its objects and on their nesting.

use std::collections::HashMap;
use std::fmt;

use super::Inflate;

pub mod annotations;

/// The bounds of one PDF read.
#[derive(Debug, Clone, Copy)]
pub struct PdfLimits {
    /// What one attached file may inflate to.
    pub attachment: usize,
    /// What one object stream may inflate to.
    pub object_stream: usize,
    /// What all streams together may inflate to.
    pub total: usize,
    /// Objects in the file (object streams included).
    pub objects: usize,
    /// Arrays and dictionaries inside each other.
    pub depth: usize,
    /// Values in one object (all its arrays and dictionaries together).
    pub values: usize,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            attachment: super::MAX_EVALUATION_BYTES as usize,
            object_stream: 16 << 20,
            total: 64 << 20,
            objects: 500_000,
            depth: 64,
            values: 200_000,
        }
    }
}

/// Why the attachments of a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// It does not begin like a PDF.
    NotPdf,
    /// An attached file inflates past its limit.
    AttachmentTooLarge { name: String, limit: usize },
    /// All streams together inflate past the limit.
    InflatesTooMuch { limit: usize },
    /// More objects than the limit.
    TooManyObjects { limit: usize },
    /// An attached file that cannot be read: damaged, or in a form kompass does not read.
    Attachment { name: String, why: String },
}

impl PdfError {
    /// What went wrong, as data.
    pub fn message(&self) -> crate::base::messages::Message {
        use crate::base::messages::msg;
        let size = |n: usize| super::size(n as u64);
        match self {
            PdfError::NotPdf => msg!("pdf-not-pdf"),
            PdfError::AttachmentTooLarge { name, limit } => {
                msg!("pdf-attachment-too-large", name = name, size = size(*limit))
            }
            PdfError::InflatesTooMuch { limit } => msg!("pdf-inflates", size = size(*limit)),
            PdfError::TooManyObjects { limit } => msg!("pdf-objects", limit = *limit),
            PdfError::Attachment { name, why } => {
                msg!("pdf-attachment-unreadable", name = name, why = why)
            }
        }
    }
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for PdfError {}

/// A file attached to a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its name as the PDF gives it (`/UF`, else `/F`): data, not yet a safe file name.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files attached to a PDF, sorted by name.
pub fn attachments(pdf: &[u8], limits: &PdfLimits) -> Result<Vec<Attachment>, PdfError> {
    let head = &pdf[..pdf.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let mut scan = Scan {
        pdf,
        limits,
        inflated: 0,
        objects: 0,
        streams: HashMap::new(),
        specs: Vec::new(),
    };
    scan.objects_of(pdf)?;
    let specs = std::mem::take(&mut scan.specs);
    let mut out: Vec<Attachment> = Vec::new();
    for spec in specs {
        let Some(stream) = scan.streams.get(&spec.target).cloned() else {
            continue;
        };
        let bytes = scan
            .decode(&stream, limits.attachment)
            .map_err(|e| match e {
                Decode::TooLarge => PdfError::AttachmentTooLarge {
                    name: spec.name.clone(),
                    limit: limits.attachment,
                },
                Decode::Total => PdfError::InflatesTooMuch {
                    limit: limits.total,
                },
                Decode::Other(why) => PdfError::Attachment {
                    name: spec.name.clone(),
                    why,
                },
            })?;
        // The same file specification again (a PDF saved incrementally): the last one counts.
        out.retain(|a| a.name != spec.name);
        out.push(Attachment {
            name: spec.name,
            bytes,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// A PDF value. Strings and names are bytes, as in the file.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Null,
    Bool(bool),
    Number(i64),
    Real(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Value>),
    Dict(Vec<(Vec<u8>, Value)>),
    Ref(u32),
}

impl Value {
    pub(super) fn get(&self, key: &[u8]) -> Option<&Value> {
        match self {
            Value::Dict(pairs) => pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Where a stream's data lies, and what its dictionary says about decoding it.
#[derive(Debug, Clone)]
pub(super) struct StreamAt {
    pub(super) data: (usize, usize),
    pub(super) filters: Vec<Vec<u8>>,
    pub(super) predictor: bool,
    pub(super) object_stream: Option<(usize, usize)>,
}

/// A file specification found: the attached file's name and the stream that holds it.
struct Spec {
    name: String,
    target: u32,
}

enum Decode {
    TooLarge,
    Total,
    Other(String),
}

struct Scan<'a> {
    pdf: &'a [u8],
    limits: &'a PdfLimits,
    inflated: usize,
    objects: usize,
    streams: HashMap<u32, StreamAt>,
    specs: Vec<Spec>,
}

impl Scan<'_> {
    /// Every `N G obj` in the file, in order; objects inside object streams too.
    fn objects_of(&mut self, pdf: &[u8]) -> Result<(), PdfError> {
        let mut at = 0;
        while let Some(found) = find(&pdf[at..], b"obj") {
            let k = at + found;
            at = k + 3;
            if !ends_token(pdf, k + 3) {
                continue;
            }
            let Some(id) = object_number_before(pdf, k) else {
                continue;
            };
            self.objects += 1;
            if self.objects > self.limits.objects {
                return Err(PdfError::TooManyObjects {
                    limit: self.limits.objects,
                });
            }
            let mut p = Parser::new(pdf, k + 3, self.limits);
            let Ok(value) = p.value() else {
                // Go on after what could not be read, so that the scan stays linear.
                at = at.max(p.at);
                continue;
            };
            self.note_specs(&value, 0);
            p.skip_space();
            if p.keyword(b"stream") {
                let Some((data, after)) = stream_data(pdf, p.at, value.get(b"Length")) else {
                    continue;
                };
                at = after;
                let stream = stream_at(&value, data);
                if stream.object_stream.is_some() {
                    self.object_stream(&stream)?;
                }
                self.streams.insert(id, stream);
            } else {
                at = p.at;
            }
        }
        Ok(())
    }

    /// The objects inside an object stream (`/Type /ObjStm`): only file specifications matter.
    fn object_stream(&mut self, stream: &StreamAt) -> Result<(), PdfError> {
        let Some((count, first)) = stream.object_stream else {
            return Ok(());
        };
        let data = match self.decode(stream, self.limits.object_stream) {
            Ok(d) => d,
            Err(Decode::TooLarge) => {
                return Err(PdfError::InflatesTooMuch {
                    limit: self.limits.object_stream,
                });
            }
            Err(Decode::Total) => {
                return Err(PdfError::InflatesTooMuch {
                    limit: self.limits.total,
                });
            }
            // A damaged object stream holds nothing kompass can use.
            Err(Decode::Other(_)) => return Ok(()),
        };
        let header = &data[..first.min(data.len())];
        let numbers: Vec<usize> = header
            .split(|b| is_space(*b))
            .filter(|t| !t.is_empty())
            .filter_map(|t| std::str::from_utf8(t).ok()?.parse().ok())
            .collect();
        for pair in numbers.chunks(2).take(count) {
            let [_, offset] = pair else { break };
            self.objects += 1;
            if self.objects > self.limits.objects {
                return Err(PdfError::TooManyObjects {
                    limit: self.limits.objects,
                });
            }
            let Some(start) = first.checked_add(*offset).filter(|s| *s < data.len()) else {
                continue;
            };
            if let Ok(value) = Parser::new(&data, start, self.limits).value() {
                self.note_specs(&value, 0);
            }
        }
        Ok(())
    }

    /// File specifications anywhere in a value: a dictionary with `/EF` naming a stream.
    fn note_specs(&mut self, value: &Value, depth: usize) {
        if depth > self.limits.depth {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.note_specs(v, depth + 1)),
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
                    self.specs.push(Spec { name, target });
                }
                for (_, v) in pairs {
                    self.note_specs(v, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// A stream's data, decoded: FlateDecode (the only filter kompass's PDFs use) or none.
    fn decode(&mut self, stream: &StreamAt, limit: usize) -> Result<Vec<u8>, Decode> {
        let raw = &self.pdf[stream.data.0..stream.data.1];
        let out = match stream.filters.as_slice() {
            [] if raw.len() > limit => return Err(Decode::TooLarge),
            [] => raw.to_vec(),
            [f] if f == b"FlateDecode" && !stream.predictor => {
                let room = limit.min(self.limits.total.saturating_sub(self.inflated));
                match super::inflate(raw, room) {
                    Ok(out) => out,
                    Err(Inflate::TooLarge) if room < limit => return Err(Decode::Total),
                    Err(Inflate::TooLarge) => return Err(Decode::TooLarge),
                    Err(Inflate::Damaged) => {
                        return Err(Decode::Other("its compressed data is damaged".into()));
                    }
                }
            }
            other => {
                let names: Vec<String> = other
                    .iter()
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .collect();
                return Err(Decode::Other(format!(
                    "it is stored with {}{}, which kompass does not read",
                    names.join(" + "),
                    if stream.predictor {
                        " and a predictor"
                    } else {
                        ""
                    }
                )));
            }
        };
        self.inflated += out.len();
        Ok(out)
    }
}

/// What a stream's dictionary says.
pub(super) fn stream_at(dict: &Value, data: (usize, usize)) -> StreamAt {
    let filters = match dict.get(b"Filter") {
        Some(Value::Name(n)) => vec![n.clone()],
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| match v {
                Value::Name(n) => n.clone(),
                _ => b"?".to_vec(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let predictor = match dict.get(b"DecodeParms") {
        Some(parms @ Value::Dict(_)) => {
            matches!(parms.get(b"Predictor"), Some(Value::Number(n)) if *n > 1)
        }
        Some(Value::Null) | None => false,
        Some(_) => true,
    };
    let number = |k: &[u8]| match dict.get(k) {
        Some(Value::Number(n)) => usize::try_from(*n).ok(),
        _ => None,
    };
    let object_stream = match dict.get(b"Type") {
        Some(Value::Name(t)) if t == b"ObjStm" => number(b"N").zip(number(b"First")),
        _ => None,
    };
    StreamAt {
        data,
        filters,
        predictor,
        object_stream,
    }
}

/// The byte range of a stream's data, starting after the keyword `stream` at `at`, and where
/// scanning goes on: after `endstream`. The length is taken from a direct `/Length` when
/// `endstream` follows it, else from where `endstream` is.
pub(super) fn stream_data(
    pdf: &[u8],
    at: usize,
    length: Option<&Value>,
) -> Option<((usize, usize), usize)> {
    let mut start = at;
    if pdf.get(start) == Some(&b'\r') {
        start += 1;
    }
    if pdf.get(start) == Some(&b'\n') {
        start += 1;
    }
    if let Some(Value::Number(n)) = length
        && let Some(end) = usize::try_from(*n).ok().and_then(|n| start.checked_add(n))
        && end <= pdf.len()
    {
        let mut after = end;
        while after < pdf.len() && is_space(pdf[after]) {
            after += 1;
        }
        if pdf[after..].starts_with(b"endstream") {
            return Some(((start, end), after + 9));
        }
    }
    let found = start + find(&pdf[start..], b"endstream")?;
    let mut end = found;
    if end > start && pdf[end - 1] == b'\n' {
        end -= 1;
    }
    if end > start && pdf[end - 1] == b'\r' {
        end -= 1;
    }
    Some(((start, end), found + 9))
}

/// The object number of `N G obj` whose keyword starts at `k`.
pub(super) fn object_number_before(pdf: &[u8], k: usize) -> Option<u32> {
    let mut i = k;
    let back_space = |i: &mut usize| {
        let from = *i;
        while *i > 0 && is_space(pdf[*i - 1]) {
            *i -= 1;
        }
        *i < from
    };
    let back_digits = |i: &mut usize| {
        let end = *i;
        while *i > 0 && pdf[*i - 1].is_ascii_digit() && end - *i < 10 {
            *i -= 1;
        }
        (*i < end).then(|| &pdf[*i..end])
    };
    if !back_space(&mut i) {
        return None;
    }
    back_digits(&mut i)?;
    if !back_space(&mut i) {
        return None;
    }
    let number = back_digits(&mut i)?;
    // An update appended right after an `%%EOF` without a line break (as pypdf appends one to a
    // file that ends so) is still the object its cross-reference table says it is.
    if i > 0 && !is_space(pdf[i - 1]) && !is_delimiter(pdf[i - 1]) && !pdf[..i].ends_with(b"%%EOF")
    {
        return None;
    }
    std::str::from_utf8(number).ok()?.parse().ok()
}

pub(super) use crate::files::read::find;

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

pub(super) fn ends_token(pdf: &[u8], at: usize) -> bool {
    pdf.get(at).is_none_or(|b| is_space(*b) || is_delimiter(*b))
}

/// A PDF text string: UTF-16BE or UTF-8 with a byte order mark, else PDFDocEncoding (read as
/// Latin-1, which it equals for the letters of a file name).
pub fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|b| char::from(*b)).collect()
    }
}

/// A reader of one PDF value, with bounded nesting and size.
pub(super) struct Parser<'a> {
    pdf: &'a [u8],
    pub(super) at: usize,
    limits: &'a PdfLimits,
    values: usize,
}

pub(super) struct Unreadable;

impl<'a> Parser<'a> {
    pub(super) fn new(pdf: &'a [u8], at: usize, limits: &'a PdfLimits) -> Self {
        Parser {
            pdf,
            at,
            limits,
            values: 0,
        }
    }

    pub(super) fn skip_space(&mut self) {
        while let Some(&b) = self.pdf.get(self.at) {
            if is_space(b) {
                self.at += 1;
            } else if b == b'%' {
                while self
                    .pdf
                    .get(self.at)
                    .is_some_and(|b| *b != b'\n' && *b != b'\r')
                {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    pub(super) fn keyword(&mut self, word: &[u8]) -> bool {
        if self.pdf[self.at.min(self.pdf.len())..].starts_with(word)
            && ends_token(self.pdf, self.at + word.len())
        {
            self.at += word.len();
            true
        } else {
            false
        }
    }

    pub(super) fn value(&mut self) -> Result<Value, Unreadable> {
        self.nested(0)
    }

    fn nested(&mut self, depth: usize) -> Result<Value, Unreadable> {
        self.values += 1;
        if depth > self.limits.depth || self.values > self.limits.values {
            return Err(Unreadable);
        }
        self.skip_space();
        let Some(&b) = self.pdf.get(self.at) else {
            return Err(Unreadable);
        };
        match b {
            b'/' => Ok(Value::Name(self.name())),
            b'(' => self.literal().map(Value::Str),
            b'<' if self.pdf.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                let mut pairs = Vec::new();
                loop {
                    self.skip_space();
                    match self.pdf.get(self.at) {
                        Some(b'>') if self.pdf.get(self.at + 1) == Some(&b'>') => {
                            self.at += 2;
                            return Ok(Value::Dict(pairs));
                        }
                        Some(b'/') => {
                            let key = self.name();
                            let value = self.nested(depth + 1)?;
                            pairs.push((key, value));
                        }
                        _ => return Err(Unreadable),
                    }
                }
            }
            b'<' => self.hex().map(Value::Str),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.pdf.get(self.at) == Some(&b']') {
                        self.at += 1;
                        return Ok(Value::Array(items));
                    }
                    items.push(self.nested(depth + 1)?);
                }
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => Ok(self.number()),
            _ if self.keyword(b"true") => Ok(Value::Bool(true)),
            _ if self.keyword(b"false") => Ok(Value::Bool(false)),
            _ if self.keyword(b"null") => Ok(Value::Null),
            _ => Err(Unreadable),
        }
    }

    /// A number, or a reference `N G R`.
    fn number(&mut self) -> Value {
        let start = self.at;
        while self
            .pdf
            .get(self.at)
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.'))
        {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.pdf[start..self.at]).unwrap_or("");
        let Ok(n) = text.parse::<i64>() else {
            // `12.5`, `-.5`; what is not a number at all reads as NaN, which no caller uses.
            return Value::Real(text.parse::<f64>().unwrap_or(f64::NAN));
        };
        // `12 0 R`: look ahead without losing the number when it is not a reference.
        let back = self.at;
        self.skip_space();
        let generation_start = self.at;
        while self.pdf.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        if self.at > generation_start && self.at - generation_start < 6 {
            self.skip_space();
            if self.keyword(b"R")
                && let Ok(id) = u32::try_from(n)
            {
                return Value::Ref(id);
            }
        }
        self.at = back;
        Value::Number(n)
    }

    fn name(&mut self) -> Vec<u8> {
        self.at += 1;
        let mut out = Vec::new();
        while let Some(&b) = self.pdf.get(self.at) {
            if is_space(b) || is_delimiter(b) {
                break;
            }
            self.at += 1;
            let hex = |c: Option<&u8>| c.and_then(|c| (*c as char).to_digit(16));
            match (
                b,
                hex(self.pdf.get(self.at)),
                hex(self.pdf.get(self.at + 1)),
            ) {
                (b'#', Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    self.at += 2;
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn literal(&mut self) -> Result<Vec<u8>, Unreadable> {
        self.at += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        loop {
            let &b = self.pdf.get(self.at).ok_or(Unreadable)?;
            self.at += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(out);
                    }
                    out.push(b);
                }
                b'\\' => self.escape(&mut out)?,
                _ => out.push(b),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), Unreadable> {
        let &e = self.pdf.get(self.at).ok_or(Unreadable)?;
        self.at += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match self.pdf.get(self.at) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            self.at += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xFF) as u8);
            }
            b'\r' => {
                if self.pdf.get(self.at) == Some(&b'\n') {
                    self.at += 1;
                }
            }
            b'\n' => {}
            other => out.push(other),
        }
        Ok(())
    }

    fn hex(&mut self) -> Result<Vec<u8>, Unreadable> {
        self.at += 1;
        let mut digits = Vec::new();
        loop {
            let &b = self.pdf.get(self.at).ok_or(Unreadable)?;
            self.at += 1;
            match b {
                b'>' => break,
                _ if is_space(b) => {}
                _ => digits.push((b as char).to_digit(16).ok_or(Unreadable)? as u8),
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(0);
        }
        Ok(digits.chunks(2).map(|p| p[0] * 16 + p[1]).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zlib(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// A small PDF with one attached file, its stream compressed or not.
    fn pdf_with(name: &str, data: &[u8], compress: bool) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /AF [2 0 R] >>\nendobj\n".to_vec();
        pdf.extend_from_slice(
            format!("2 0 obj\n<< /Type /Filespec /F ({name}) /EF << /F 3 0 R >> >>\nendobj\n")
                .as_bytes(),
        );
        let body = if compress { zlib(data) } else { data.to_vec() };
        let filter = if compress {
            "/Filter /FlateDecode "
        } else {
            ""
        };
        pdf.extend_from_slice(
            format!(
                "3 0 obj\n<< /Type /EmbeddedFile {filter}/Length {} >>\nstream\n",
                body.len()
            )
            .as_bytes(),
        );
        pdf.extend_from_slice(&body);
        pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        pdf
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
}
