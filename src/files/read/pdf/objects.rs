//! The objects of a PDF, found by scanning: the one reader of a PDF's objects that both the
//! attachments ([`super::attachments`]) and the comments ([`super::annotations`]) use.
//!
//! - The file is scanned for its objects (`12 0 obj … endobj`), as a PDF reader does to repair
//!   a file; the cross-reference table or stream is never read, so a broken or hostile index
//!   costs nothing. The objects inside object streams (`/Type /ObjStm`) are found too.
//! - The last definition of an object number in the file wins, which is what an incremental
//!   update means: a reader appends the objects it changed after the original.
//! - Only where each object starts is kept; an object is parsed again, with the same bounds,
//!   when it is looked up ([`Objects::get`]). Nothing is followed here: a user follows the
//!   references it needs, so an object cycle costs this reader nothing.
//! - Bounds, from [`PdfLimits`]: the objects counted (object streams included); nesting and
//!   values per object ([`Parser`]); each object stream inflates to at most
//!   [`PdfLimits::object_stream`], and everything inflated from one file, object streams and
//!   the streams users ask for alike, to [`PdfLimits::total`], counted while inflating.

use std::collections::HashMap;
use std::fmt;

use super::syntax::{Parser, Value, ends_token, is_space, object_number_before};
use super::{PdfError, PdfLimits};
use crate::files::read::{Inflate, find, inflate};

/// Where an object is defined: just after `obj` in the file, or inside a decoded object stream.
/// Each definition is at its own place, so it also tells one definition from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Loc {
    File(usize),
    Packed { stream: usize, at: usize },
}

/// Where a stream's data lies, and what its dictionary says about decoding it.
#[derive(Debug, Clone)]
pub(super) struct StreamAt {
    data: (usize, usize),
    filters: Vec<Vec<u8>>,
    predictor: bool,
    object_stream: Option<(usize, usize)>,
}

/// Why a stream's data was not had.
#[derive(Debug)]
pub(super) enum Decode {
    /// Over the limit asked for.
    TooLarge,
    /// Over what is left of [`PdfLimits::total`].
    Total,
    /// Damaged, or in a form kompass does not read.
    Unread(Unread),
}

/// A stream kompass cannot decode.
#[derive(Debug)]
pub(super) enum Unread {
    Damaged,
    /// Filters other than one FlateDecode without a predictor.
    Filters {
        names: Vec<String>,
        predictor: bool,
    },
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::Damaged => write!(f, "its compressed data is damaged"),
            Unread::Filters { names, predictor } => write!(
                f,
                "it is stored with {}{}, which kompass does not read",
                names.join(" + "),
                if *predictor { " and a predictor" } else { "" }
            ),
        }
    }
}

/// What the trailers say: the catalogue, and whether the file is encrypted.
pub(super) struct Trailer {
    /// The catalogue named by the last trailer (or cross-reference stream) when that object is
    /// there, else the last object that says `/Type /Catalog`.
    pub(super) catalogue: Option<u32>,
    pub(super) encrypted: bool,
}

/// The objects of a PDF by number: the last definition of each.
pub(super) struct Objects<'a> {
    pdf: &'a [u8],
    limits: &'a PdfLimits,
    locs: HashMap<u32, Loc>,
    streams: HashMap<u32, StreamAt>,
    packed: Vec<Vec<u8>>,
    /// What all streams have inflated to so far.
    inflated: usize,
    /// Objects counted so far (object streams included).
    counted: usize,
    /// The catalogue named by the last cross-reference stream, with where that was.
    xref_root: Option<(usize, u32)>,
    xref_encrypted: bool,
    /// The last object that says `/Type /Catalog`, for a file without a readable trailer.
    catalog: Option<u32>,
    /// Values read so far, every object and every reading together ([`PdfLimits::parsed`]).
    spent: std::rc::Rc<std::cell::Cell<usize>>,
}

impl<'a> Objects<'a> {
    /// Scan a PDF for its objects. `visit` sees every definition read, in the order of the file
    /// (superseded ones too; [`Objects::defined_at`] tells which is the last).
    pub(super) fn scan(
        pdf: &'a [u8],
        limits: &'a PdfLimits,
        visit: &mut dyn FnMut(u32, Loc, &Value),
    ) -> Result<Self, PdfError> {
        let head = &pdf[..pdf.len().min(1024)];
        if !head.windows(5).any(|w| w == b"%PDF-") {
            return Err(PdfError::NotPdf);
        }
        let mut objects = Objects {
            pdf,
            limits,
            locs: HashMap::new(),
            streams: HashMap::new(),
            packed: Vec::new(),
            inflated: 0,
            counted: 0,
            xref_root: None,
            xref_encrypted: false,
            catalog: None,
            spent: std::rc::Rc::default(),
        };
        objects.objects_of(visit)?;
        objects.within_budget()?;
        Ok(objects)
    }

    /// Every `N G obj` in the file, in order; the objects of object streams too.
    fn objects_of(&mut self, visit: &mut dyn FnMut(u32, Loc, &Value)) -> Result<(), PdfError> {
        let pdf = self.pdf;
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
            self.count()?;
            let spent = self.spent.clone();
            let mut p = Parser::counted(pdf, k + 3, self.limits, &spent);
            let Ok(value) = p.value() else {
                // Go on after what could not be read, so that the scan stays linear.
                at = at.max(p.at);
                continue;
            };
            self.locs.insert(id, Loc::File(k + 3));
            self.streams.remove(&id);
            self.note(&value, id, k);
            visit(id, Loc::File(k + 3), &value);
            p.skip_space();
            if !p.keyword(b"stream") {
                at = p.at;
                continue;
            }
            let Some((data, after)) = stream_data(pdf, p.at, value.get(b"Length")) else {
                continue;
            };
            at = after;
            let stream = stream_at(&value, data);
            if stream.object_stream.is_some() {
                self.object_stream(&stream, visit)?;
            }
            self.streams.insert(id, stream);
        }
        Ok(())
    }

    /// An error once more values were read than [`PdfLimits::parsed`]: what was read after
    /// that is not the file.
    pub(super) fn within_budget(&self) -> Result<(), PdfError> {
        if self.spent.get() > self.limits.parsed {
            return Err(PdfError::TooMuchToRead {
                limit: self.limits.parsed,
            });
        }
        Ok(())
    }

    fn count(&mut self) -> Result<(), PdfError> {
        self.counted += 1;
        if self.counted > self.limits.objects {
            return Err(PdfError::TooManyObjects {
                limit: self.limits.objects,
            });
        }
        Ok(())
    }

    /// What an object says about the document: a catalogue, a cross-reference stream's root.
    fn note(&mut self, value: &Value, id: u32, at: usize) {
        match value.get(b"Type") {
            Some(Value::Name(t)) if t == b"Catalog" => self.catalog = Some(id),
            Some(Value::Name(t)) if t == b"XRef" => {
                trailer(value, at, &mut self.xref_root, &mut self.xref_encrypted);
            }
            _ => {}
        }
    }

    /// The objects inside an object stream (`/Type /ObjStm`). One that inflates past
    /// [`PdfLimits::object_stream`] or the total refuses the file; a damaged one, or one in a
    /// form kompass does not read, holds nothing.
    fn object_stream(
        &mut self,
        stream: &StreamAt,
        visit: &mut dyn FnMut(u32, Loc, &Value),
    ) -> Result<(), PdfError> {
        let Some((count, first)) = stream.object_stream else {
            return Ok(());
        };
        let limit = self.limits.object_stream;
        let data = match self.decode_at(stream, limit) {
            Ok(data) => data,
            Err(Decode::TooLarge) => return Err(PdfError::InflatesTooMuch { limit }),
            Err(Decode::Total) => {
                return Err(PdfError::InflatesTooMuch {
                    limit: self.limits.total,
                });
            }
            Err(Decode::Unread(_)) => return Ok(()),
        };
        // The header, before `/First`: pairs of object number and offset, at most `/N` of them.
        let spent = self.spent.clone();
        let mut header = Parser::counted(&data[..first.min(data.len())], 0, self.limits, &spent);
        let mut entries = Vec::new();
        for _ in 0..count.min(self.limits.objects) {
            let (Ok(Value::Number(id)), Ok(Value::Number(offset))) =
                (header.value(), header.value())
            else {
                break;
            };
            let (Ok(id), Ok(offset)) = (u32::try_from(id), usize::try_from(offset)) else {
                break;
            };
            entries.push((id, first.saturating_add(offset)));
        }
        let index = self.packed.len();
        for (id, at) in entries {
            self.count()?;
            if at >= data.len() {
                continue;
            }
            let loc = Loc::Packed { stream: index, at };
            if let Ok(value) = Parser::counted(&data, at, self.limits, &spent).value() {
                self.note(&value, id, 0);
                visit(id, loc, &value);
            }
            self.locs.insert(id, loc);
            self.streams.remove(&id);
        }
        self.packed.push(data);
        Ok(())
    }

    /// Where the last definition of object `id` is.
    pub(super) fn defined_at(&self, id: u32) -> Option<Loc> {
        self.locs.get(&id).copied()
    }

    /// The value of object `id` (its last definition), parsed again from where it is defined.
    pub(super) fn get(&self, id: u32) -> Option<Value> {
        match *self.locs.get(&id)? {
            Loc::File(at) => Parser::counted(self.pdf, at, self.limits, &self.spent)
                .value()
                .ok(),
            Loc::Packed { stream, at } => {
                Parser::counted(&self.packed[stream], at, self.limits, &self.spent)
                    .value()
                    .ok()
            }
        }
    }

    /// A value, or the object a reference points to.
    pub(super) fn resolve(&self, v: &Value) -> Option<Value> {
        match v {
            Value::Ref(id) => self.get(*id),
            other => Some(other.clone()),
        }
    }

    /// The data of stream `id` (its last definition), decoded within `limit` and what is left of
    /// the total; `None` when that object is not a stream.
    pub(super) fn stream(&mut self, id: u32, limit: usize) -> Option<Result<Vec<u8>, Decode>> {
        let stream = self.streams.get(&id)?.clone();
        Some(self.decode_at(&stream, limit))
    }

    /// A stream's data, decoded: FlateDecode (the only filter kompass's PDFs use) or none.
    fn decode_at(&mut self, stream: &StreamAt, limit: usize) -> Result<Vec<u8>, Decode> {
        let raw = &self.pdf[stream.data.0..stream.data.1];
        let out = match stream.filters.as_slice() {
            [] if raw.len() > limit => return Err(Decode::TooLarge),
            // A stream without a filter is copied out: it counts against the total as an
            // inflated one does, or one stream named by a thousand file specifications (or
            // pages) would be copied a thousand times.
            [] if raw.len() > self.limits.total.saturating_sub(self.inflated) => {
                return Err(Decode::Total);
            }
            [] => raw.to_vec(),
            [f] if f == b"FlateDecode" && !stream.predictor => {
                let room = limit.min(self.limits.total.saturating_sub(self.inflated));
                match inflate(raw, room) {
                    Ok(out) => out,
                    Err(Inflate::TooLarge) if room < limit => return Err(Decode::Total),
                    Err(Inflate::TooLarge) => return Err(Decode::TooLarge),
                    Err(Inflate::Damaged) => return Err(Decode::Unread(Unread::Damaged)),
                }
            }
            other => {
                return Err(Decode::Unread(Unread::Filters {
                    names: other
                        .iter()
                        .map(|n| String::from_utf8_lossy(n).into_owned())
                        .collect(),
                    predictor: stream.predictor,
                }));
            }
        };
        self.inflated += out.len();
        Ok(out)
    }

    /// The trailers: the classic ones (`trailer << … >>`) and the cross-reference streams'.
    /// The last one in the file names the catalogue; any one with `/Encrypt` encrypts the file.
    pub(super) fn trailer(&self) -> Trailer {
        let pdf = self.pdf;
        let mut root = self.xref_root;
        let mut encrypted = self.xref_encrypted;
        let mut at = 0;
        while let Some(found) = find(&pdf[at..], b"trailer") {
            let k = at + found;
            at = k + 7;
            let mut p = Parser::new(pdf, k + 7, self.limits);
            if let Ok(dict @ Value::Dict(_)) = p.value() {
                trailer(&dict, k, &mut root, &mut encrypted);
                at = at.max(p.at);
            }
        }
        Trailer {
            catalogue: root
                .map(|(_, id)| id)
                .filter(|id| self.locs.contains_key(id))
                .or(self.catalog),
            encrypted,
        }
    }
}

/// What one trailer dictionary at `at` says: its `/Root` replaces one found before it.
fn trailer(dict: &Value, at: usize, root: &mut Option<(usize, u32)>, encrypted: &mut bool) {
    if let Some(Value::Ref(id)) = dict.get(b"Root")
        && root.is_none_or(|(before, _)| before <= at)
    {
        *root = Some((at, *id));
    }
    if dict.get(b"Encrypt").is_some_and(|e| *e != Value::Null) {
        *encrypted = true;
    }
}

/// What a stream's dictionary says.
fn stream_at(dict: &Value, data: (usize, usize)) -> StreamAt {
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
fn stream_data(pdf: &[u8], at: usize, length: Option<&Value>) -> Option<((usize, usize), usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::read::pdf::sample::{stream, zlib};

    /// A PDF whose object 5 is defined in the file and again inside an object stream after it.
    fn packed() -> Vec<u8> {
        let objects = b"5 0 6 8 (packed)<< /Type /Catalog >>";
        let data = zlib(objects);
        let mut pdf = b"%PDF-1.7\n5 0 obj\n(plain)\nendobj\n".to_vec();
        let dict = "/Type /ObjStm /N 2 /First 8 /Filter /FlateDecode";
        pdf.extend_from_slice(&stream(9, dict, &data));
        pdf.extend_from_slice(b"%%EOF\n");
        pdf
    }

    #[test]
    fn objects_in_object_streams_are_found_and_the_last_definition_wins() {
        let pdf = packed();
        let limits = PdfLimits::default();
        let mut seen = Vec::new();
        let objects = Objects::scan(&pdf, &limits, &mut |id, _, _| seen.push(id)).unwrap();
        assert_eq!(
            seen,
            [5, 9, 5, 6],
            "every definition, in the order of the file"
        );
        assert_eq!(objects.get(5), Some(Value::Str(b"packed".to_vec())));
        assert!(matches!(objects.defined_at(5), Some(Loc::Packed { .. })));
        let trailer = objects.trailer();
        assert_eq!((trailer.catalogue, trailer.encrypted), (Some(6), false));
    }

    #[test]
    fn an_object_stream_over_its_bound_refuses_the_file() {
        let pdf = packed();
        let limits = PdfLimits {
            object_stream: 10,
            ..PdfLimits::default()
        };
        let e = Objects::scan(&pdf, &limits, &mut |_, _, _| {}).err();
        assert_eq!(e, Some(PdfError::InflatesTooMuch { limit: 10 }));
        let limits = PdfLimits {
            objects: 3,
            ..PdfLimits::default()
        };
        let e = Objects::scan(&pdf, &limits, &mut |_, _, _| {}).err();
        assert_eq!(e, Some(PdfError::TooManyObjects { limit: 3 }));
    }

    /// Entries of an object stream that all point at one large array: each is read, so the
    /// file is read many times over; one budget for the whole file refuses it (5 000 such
    /// entries at 200 000 values each took minutes).
    #[test]
    fn one_object_read_again_and_again_is_refused_by_one_budget() {
        let n = 50;
        let header: String = (0..n).map(|i| format!("{} 0 ", 100 + i)).collect();
        let body = format!("[{}]", "0 ".repeat(1000));
        let data = zlib(format!("{header}{body}").as_bytes());
        let mut pdf = b"%PDF-1.7\n".to_vec();
        let dict = format!(
            "/Type /ObjStm /N {n} /First {} /Filter /FlateDecode",
            header.len()
        );
        pdf.extend_from_slice(&stream(9, &dict, &data));
        pdf.extend_from_slice(b"%%EOF\n");
        let limits = PdfLimits {
            parsed: 20_000,
            ..PdfLimits::default()
        };
        let e = Objects::scan(&pdf, &limits, &mut |_, _, _| {}).err();
        assert_eq!(e, Some(PdfError::TooMuchToRead { limit: 20_000 }));
        // Read fewer times, within the budget, it is read.
        let limits = PdfLimits {
            parsed: 100_000,
            ..PdfLimits::default()
        };
        let mut seen = 0;
        Objects::scan(&pdf, &limits, &mut |_, _, _| seen += 1).unwrap();
        assert_eq!(seen, n + 1);
    }
}
