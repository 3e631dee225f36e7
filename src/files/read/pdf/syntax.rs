//! The syntax of PDF: one value read with bounds ([`Parser`]: nesting and values per object,
//! from [`PdfLimits`]), the tokens around it, and text strings.

use super::PdfLimits;

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

/// A PDF text string: UTF-16BE (or UTF-16LE, as some tools write) with its byte order mark,
/// UTF-8 with its mark, else PDFDocEncoding.
pub fn text_string(bytes: &[u8]) -> String {
    let utf16 = |rest: &[u8], be: bool| {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if be {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, false)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|b| pdf_doc_char(*b)).collect()
    }
}

/// One byte of PDFDocEncoding (ISO 32000-1, Annex D): Latin-1, except the typographic marks
/// at 0x18–0x1F and 0x80–0x9F.
fn pdf_doc_char(b: u8) -> char {
    const HIGH: [char; 32] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}',
    ];
    const LOW: [char; 8] = ['˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'];
    match b {
        0x18..=0x1F => LOW[usize::from(b - 0x18)],
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        0xA0 => '€',
        0xAD => '\u{FFFD}',
        _ => char::from(b),
    }
}

/// A reader of one PDF value, with bounded nesting and size.
pub(super) struct Parser<'a> {
    pdf: &'a [u8],
    pub(super) at: usize,
    limits: &'a PdfLimits,
    values: usize,
    /// The values read in the whole file so far, against [`PdfLimits::parsed`].
    spent: Option<&'a std::cell::Cell<usize>>,
}

pub(super) struct Unreadable;

impl<'a> Parser<'a> {
    pub(super) fn new(pdf: &'a [u8], at: usize, limits: &'a PdfLimits) -> Self {
        Parser {
            pdf,
            at,
            limits,
            values: 0,
            spent: None,
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

    /// A parser whose values count against the file's budget `spent` too.
    pub(super) fn counted(
        pdf: &'a [u8],
        at: usize,
        limits: &'a PdfLimits,
        spent: &'a std::cell::Cell<usize>,
    ) -> Self {
        Parser {
            spent: Some(spent),
            ..Parser::new(pdf, at, limits)
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
        if let Some(spent) = self.spent {
            spent.set(spent.get() + 1);
            if spent.get() > self.limits.parsed {
                return Err(Unreadable);
            }
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

    #[test]
    fn pdf_doc_encoding_has_its_own_marks() {
        assert_eq!(
            text_string(b"\x8dHej\x8e \x85 \xe5\xe4\xf6 \x93"),
            "“Hej” – åäö ﬁ"
        );
        assert_eq!(text_string(b"\xff\xfeH\x00"), "H");
        assert_eq!(text_string(b"\xef\xbb\xbfs\xc3\xa4"), "sä");
        assert_eq!(text_string(b"\xfe\xff\x00s\x00\xe4"), "sä");
    }
}
