//! Where every field of the evaluation landed: the placement compile.
//!
//! The report is typeset again from the evaluation the PDF carries, exactly as it was made,
//! except that `/place.typ` – whose `field(key, body)` is the identity in a normal render – is
//! replaced by one that puts two invisible metadata markers around each field's content. Typst
//! lays them out as tags in its frames, so walking the pages' frames in order tells which words
//! lie between a field's start and end markers, and where each word is: a rectangle per word,
//! in the page's coordinates. The normal render is not touched: it never sees this file.

use std::collections::HashMap;

use typst::diag::FileResult;
use typst::foundations::{Bytes, Content, Datetime, Duration, Value};
use typst::introspection::{MetadataElem, Tag};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::model::HeadingElem;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, TextItem};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_layout::PagedDocument;

use crate::base::error::{Error, Result};
use crate::pdf::typeset::Bundle;
use crate::pdf::world::ReportWorld;

/// The placement compile's `/place.typ`: each field between two labelled markers.
const PLACE_TEMPLATE: &str = "#let field(key, body) = [#metadata(key)<kompass-field>#body#metadata(key)<kompass-field-end>]\n";

/// One part of a marker's key, as the template wrote it: `("analysis", 4, 1)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyPart {
    Str(String),
    Int(i64),
}

/// A rectangle in a page's coordinates as Typst lays it out: points from the top left corner,
/// y growing downwards. `[x0, y0, x1, y1]` with x0 ≤ x1 and y0 ≤ y1.
pub type Rect = [f64; 4];

/// A word as it landed: its text, its box, its baseline, and the field it belongs to (an index
/// into [`Layout::keys`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub rect: Rect,
    pub baseline: f64,
    pub field: Option<usize>,
    /// Hyphenated at the end of its line: it goes on in the next word.
    pub hyphen: bool,
}

/// A heading as it landed: where it starts, its level and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub y: f64,
    pub level: usize,
    pub text: String,
}

/// One page of the placement layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageLayout {
    pub width: f64,
    pub height: f64,
    /// In reading order, as Typst laid them out.
    pub words: Vec<Word>,
    pub headings: Vec<Heading>,
}

/// Where the report's words and fields landed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub pages: Vec<PageLayout>,
    /// Every field key the markers named, each once.
    pub keys: Vec<Vec<KeyPart>>,
}

/// Typeset the bundle with the placement markers and read where everything landed.
pub fn layout(bundle: &Bundle) -> Result<Layout> {
    let world = PlaceWorld::new(bundle)?;
    let compiled = typst::compile::<PagedDocument>(&world);
    let doc = compiled.output.map_err(|errs| {
        Error::Typeset(
            errs.iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    let mut walk = FrameWalk::default();
    let mut pages = Vec::with_capacity(doc.pages().len());
    for page in doc.pages() {
        let frame = &page.frame;
        walk.page = PageLayout {
            width: frame.width().to_pt(),
            height: frame.height().to_pt(),
            ..PageLayout::default()
        };
        walk.frame(frame, Transform::identity());
        pages.push(std::mem::take(&mut walk.page));
    }
    Ok(Layout {
        pages,
        keys: walk.keys,
    })
}

/// The state of a walk over the frames: the fields open at this point, the keys seen.
#[derive(Default)]
struct FrameWalk {
    page: PageLayout,
    open: Vec<usize>,
    keys: Vec<Vec<KeyPart>>,
    index: HashMap<Vec<KeyPart>, usize>,
}

impl FrameWalk {
    fn frame(&mut self, frame: &Frame, ts: Transform) {
        for (pos, item) in frame.items() {
            let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
            match item {
                FrameItem::Group(group) => {
                    self.frame(&group.frame, here.pre_concat(group.transform));
                }
                FrameItem::Text(text) => self.text(text, here),
                FrameItem::Tag(Tag::Start(content, _)) => self.tag(content, here),
                _ => {}
            }
        }
    }

    fn tag(&mut self, content: &Content, ts: Transform) {
        if content.to_packed::<HeadingElem>().is_some() {
            let level = match content.get_by_name("level") {
                Ok(Value::Int(n)) => usize::try_from(n).unwrap_or(1),
                _ => 1,
            };
            let y = Point::zero().transform(ts).y.to_pt();
            self.page.headings.push(Heading {
                y,
                level,
                text: match content.get_by_name("body") {
                    Ok(Value::Content(body)) => body.plain_text().to_string(),
                    _ => content.plain_text().to_string(),
                },
            });
            return;
        }
        let Some(meta) = content.to_packed::<MetadataElem>() else {
            return;
        };
        let label = content.label().map(|l| l.resolve().to_string());
        let start = match label.as_deref() {
            Some("kompass-field") => true,
            Some("kompass-field-end") => false,
            _ => return,
        };
        let Some(key) = key_of(&meta.value) else {
            return;
        };
        let next = self.keys.len();
        let index = *self.index.entry(key.clone()).or_insert(next);
        if index == next {
            self.keys.push(key);
        }
        if start {
            self.open.push(index);
        } else if let Some(at) = self.open.iter().rposition(|i| *i == index) {
            self.open.remove(at);
        }
    }

    /// The words of a run of text, each with its box. The running heads and the draft mark
    /// are left out: no comment is about them.
    fn text(&mut self, text: &TextItem, ts: Transform) {
        let size = text.size.to_pt();
        let field = self.open.last().copied();
        if field.is_some_and(|f| self.keys[f] == [KeyPart::Str("margin".into())]) {
            return;
        }
        let (top, bottom) = (-0.8 * size, 0.25 * size);
        let mut cursor = 0.0;
        let mut word = String::new();
        let mut from = 0.0;
        let mut soft = false;
        let push = |word: &mut String, x0: f64, x1: f64, hyphen: bool, page: &mut PageLayout| {
            if word.is_empty() {
                return;
            }
            let a = Point::new(abs(x0), abs(top)).transform(ts);
            let b = Point::new(abs(x1), abs(bottom)).transform(ts);
            let base = Point::new(abs(x0), abs(0.0)).transform(ts);
            page.words.push(Word {
                text: std::mem::take(word),
                rect: [
                    a.x.to_pt().min(b.x.to_pt()),
                    a.y.to_pt().min(b.y.to_pt()),
                    a.x.to_pt().max(b.x.to_pt()),
                    a.y.to_pt().max(b.y.to_pt()),
                ],
                baseline: base.y.to_pt(),
                field,
                hyphen,
            });
        };
        for glyph in &text.glyphs {
            let x0 = cursor + glyph.x_offset.at(text.size).to_pt();
            let advance = glyph.x_advance.at(text.size).to_pt();
            let chars = text.text.get(glyph.range()).unwrap_or("");
            for c in chars.chars() {
                if c.is_whitespace() {
                    push(&mut word, from, x0, false, &mut self.page);
                } else if c == '\u{AD}' {
                    soft = !word.is_empty();
                } else if matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
                {
                    // Invisible: a word joiner before a page number, a zero-width space.
                } else {
                    if word.is_empty() {
                        from = x0;
                    }
                    word.push(c);
                    soft = false;
                }
            }
            cursor += advance;
        }
        push(&mut word, from, cursor, soft, &mut self.page);
    }
}

fn abs(pt: f64) -> typst::layout::Abs {
    typst::layout::Abs::pt(pt)
}

/// A marker's key: an array of strings and integers.
fn key_of(value: &Value) -> Option<Vec<KeyPart>> {
    let Value::Array(parts) = value else {
        return None;
    };
    parts
        .iter()
        .map(|p| match p {
            Value::Str(s) => Some(KeyPart::Str(s.to_string())),
            Value::Int(n) => Some(KeyPart::Int(*n)),
            _ => None,
        })
        .collect()
}

/// The report's world with the placement markers' `/place.typ`.
struct PlaceWorld {
    inner: ReportWorld,
    place: FileId,
    source: Source,
}

impl PlaceWorld {
    fn new(bundle: &Bundle) -> Result<Self> {
        let inner = ReportWorld::new(bundle)?;
        let place = VirtualPath::new("/place.typ")
            .map(|p| RootedPath::new(VirtualRoot::Project, p).intern())
            .map_err(|_| Error::Typeset("bad placement path".into()))?;
        Ok(PlaceWorld {
            inner,
            place,
            source: Source::new(place, PLACE_TEMPLATE.to_string()),
        })
    }
}

impl World for PlaceWorld {
    fn library(&self) -> &LazyHash<Library> {
        self.inner.library()
    }
    fn book(&self) -> &LazyHash<FontBook> {
        self.inner.book()
    }
    fn main(&self) -> FileId {
        self.inner.main()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.place {
            return Ok(self.source.clone());
        }
        self.inner.source(id)
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.place {
            return Ok(Bytes::from_string(PLACE_TEMPLATE.to_string()));
        }
        self.inner.file(id)
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.inner.font(index)
    }
    fn today(&self, offset: Option<Duration>) -> Option<Datetime> {
        self.inner.today(offset)
    }
}
