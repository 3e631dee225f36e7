//! The fact-check comes back: the comments of a returned draft, each on its field.
//!
//! A draft goes to the municipality for its fact-check (faktagranskning) and comes back with
//! comments made in Acrobat, Edge, Preview, Foxit or Firefox. [`read_comments`] reads them and
//! puts each on the field of the evaluation it belongs to:
//! 1. The PDF's comments are read within bounds ([`crate::files::read::pdf::annotations`]); replies
//!    (`/IRT`) join their thread, and a strike-out grouped with a caret (`/RT /Group`) is one
//!    replacement.
//! 2. The evaluation the draft carries is typeset again, as it was made, in a *placement*
//!    compile ([`place`]): every field's content sits between invisible markers, and the
//!    layout tells where each word of each field landed.
//! 3. Each comment's quad points or rectangle is laid over those words ([`locate`]): the words a
//!    highlight covers, the line a note in the margin stands beside.
//! 4. The draft is also rendered again as it was sent, and its pages compared with the PDF's:
//!    a page whose own content changed (a comment flattened into it by a careless tool) is
//!    named, since such a comment can no longer be read.
//!
//! # For the editor
//! ```no_run
//! let pdf = std::fs::read("leksand-2023-utkast-granskad.pdf").unwrap();
//! let review = kompass::review::read_comments(&pdf).unwrap();
//! for c in &review.comments {
//!     let at = c.field.as_ref().map_or("–".to_string(), |f| f.path.to_string());
//!     println!("{} {}: {} ({at})", c.page, c.place, c.text);
//! }
//! ```
//! [`Comment::id`] is stable for the same comment in the same or a re-saved PDF, and keys the
//! review file ([`file`]), where each comment's state is kept beside the evaluation.

pub mod fields;
pub mod file;
pub mod locate;
pub mod place;
pub mod reply;
pub mod text;

use crate::pipeline::{self, Stage};
use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::base::messages::{Message, msg};
use crate::checks::prepared::Prepared;
use crate::files::read::pdf::annotations::{
    self, Annotated, Annotation, AnnotationError, ReplyType,
};
use crate::pdf::embed::Embedded;
pub use fields::FieldRef;
use fields::{Names, Place};
use locate::{How, Located, Shape};
use place::Layout;

/// The kind of a comment, as the evaluator thinks of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommentKind {
    /// A sticky note (`/Text`).
    Note,
    Highlight,
    /// Underline or squiggly underline.
    Underline,
    StrikeOut,
    /// Strike-out with the text to put instead (Acrobat's "replace text").
    Replacement,
    /// Text to insert (a caret alone).
    Insertion,
    /// A text box (`/FreeText`).
    TextBox,
    /// A drawing: ink, a box, a circle, a line, a polygon.
    Drawing,
    Stamp,
    /// Any other annotation (a file, a sound …).
    Other,
}

impl CommentKind {
    fn of(subtypes: &[&str]) -> CommentKind {
        if subtypes.contains(&"StrikeOut") && subtypes.contains(&"Caret") {
            return CommentKind::Replacement;
        }
        match subtypes.first().copied().unwrap_or("") {
            "Text" => CommentKind::Note,
            "Highlight" => CommentKind::Highlight,
            "Underline" | "Squiggly" => CommentKind::Underline,
            "StrikeOut" => CommentKind::StrikeOut,
            "Caret" => CommentKind::Insertion,
            "FreeText" => CommentKind::TextBox,
            "Ink" | "Square" | "Circle" | "Line" | "Polygon" | "PolyLine" => CommentKind::Drawing,
            "Stamp" => CommentKind::Stamp,
            _ => CommentKind::Other,
        }
    }

    /// Its name in the reader's language ("markering").
    pub fn message(self) -> Message {
        match self {
            CommentKind::Note => msg!("comment-kind-note"),
            CommentKind::Highlight => msg!("comment-kind-highlight"),
            CommentKind::Underline => msg!("comment-kind-underline"),
            CommentKind::StrikeOut => msg!("comment-kind-strike-out"),
            CommentKind::Replacement => msg!("comment-kind-replacement"),
            CommentKind::Insertion => msg!("comment-kind-insertion"),
            CommentKind::TextBox => msg!("comment-kind-text-box"),
            CommentKind::Drawing => msg!("comment-kind-drawing"),
            CommentKind::Stamp => msg!("comment-kind-stamp"),
            CommentKind::Other => msg!("comment-kind-other"),
        }
    }

    /// Whether it marks words of the text (so its marked words are the point of it).
    pub fn marks_text(self) -> bool {
        matches!(
            self,
            CommentKind::Highlight
                | CommentKind::Underline
                | CommentKind::StrikeOut
                | CommentKind::Replacement
        )
    }
}

/// A reply in a comment's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    pub author: String,
    /// `2026-11-20 14:03`, when the PDF gives it.
    pub date: Option<String>,
    pub text: String,
}

/// One comment of a returned draft, on its field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    /// Stable for the same comment: its `/NM` when the PDF gives one, else a fingerprint of
    /// its page, kind, place, author, date and text.
    pub id: String,
    /// The page, from 1.
    pub page: usize,
    pub kind: CommentKind,
    pub author: String,
    /// `2026-11-20 14:03` (the last change, else the creation), when the PDF gives it.
    pub date: Option<String>,
    /// The words it marks (under a highlight, strike-out or underline; inside a drawn box).
    pub marked: String,
    /// What the comment says (for a replacement or an insertion: the text to put in).
    pub text: String,
    pub replies: Vec<Reply>,
    /// The field it belongs to; none for a text kompass or the framework writes, or a place
    /// outside the text.
    pub field: Option<FieldRef>,
    /// Where it is, in the report's Swedish words: "Område 4, Sammanfattande analys, stycke 2".
    pub place: String,
    /// The heading it stands under ("Område 4 Effektivitet", "Sammanfattande analys …").
    pub section: Option<String>,
    /// How the place was found.
    pub how: How,
    /// Its rectangle on the page, in PDF points (origin bottom left).
    pub rect: Option<[f64; 4]>,
    /// A text or its quad points were cut at one of the reader's bounds.
    pub cut: bool,
}

/// Whether the pages of the PDF are still those kompass made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state", content = "pages")]
pub enum Pages {
    /// Every page draws what it drew when kompass made it: only comments were added.
    Unchanged,
    /// These pages (from 1) draw something else: a comment flattened into the page, or an edit.
    Changed(Vec<usize>),
    /// Every page differs: the file was written anew by another program, which may also have
    /// flattened comments; kompass cannot tell.
    Rewritten,
    /// Not known: the draft could not be made again to compare.
    Unknown,
}

/// Page numbers as the messages list them: "3, 7, 12".
pub fn page_numbers(pages: &[usize]) -> String {
    pages
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Pages {
    /// What the reader is told of the pages ("the pages are as kompass made them", "pages 3
    /// and 7 draw something else"); nothing when it is not known.
    pub fn message(&self) -> Option<Message> {
        Some(match self {
            Pages::Unchanged => msg!("comments-pages-unchanged"),
            Pages::Changed(pages) => msg!(
                "comments-pages-changed",
                count = pages.len(),
                pages = page_numbers(pages)
            ),
            Pages::Rewritten => msg!("comments-pages-rewritten"),
            Pages::Unknown => return None,
        })
    }
}

/// Something the reader should know about the comments as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The PDF carries no evaluation from kompass: the comments have no fields.
    NotKompass,
    /// The evaluation it carries could not be typeset again here (why).
    CannotRemake(String),
    /// Made with another kompass version, whose layout may differ.
    OtherVersion { then: String },
    /// The PDF's pages are not those of the remade report (count or size).
    OtherLayout,
    /// Annotations on a page that could not be read (damaged, over a bound).
    Unreadable { page: usize, count: usize },
    /// Comments whose text was cut at the reader's bound.
    Cut { count: usize },
}

impl Note {
    pub fn message(&self) -> Message {
        match self {
            Note::NotKompass => msg!("comments-not-kompass"),
            Note::CannotRemake(why) => msg!("comments-cannot-remake", reason = why),
            Note::OtherVersion { then } => msg!(
                "comments-other-version",
                then = then,
                now = env!("CARGO_PKG_VERSION")
            ),
            Note::OtherLayout => msg!("comments-other-layout"),
            Note::Unreadable { page, count } => {
                msg!("comments-unreadable", page = *page, count = *count)
            }
            Note::Cut { count } => msg!("comments-cut", count = *count),
        }
    }
}

/// The comments of a returned draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// In the order of the report: page by page, top to bottom.
    pub comments: Vec<Comment>,
    /// The PDF's number of pages.
    pub pages: usize,
    /// The evaluation the draft carries (its name in the PDF) and its text.
    pub evaluation: Option<(String, String)>,
    /// The draft's version, when the evaluation could be read.
    pub version: Option<i64>,
    /// Whether the pages are still those kompass made.
    pub content: Pages,
    pub notes: Vec<Note>,
}

/// Why the comments of a PDF could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    Pdf(AnnotationError),
}

impl ReviewError {
    pub fn message(&self) -> Message {
        match self {
            ReviewError::Pdf(e) => e.message(),
        }
    }
}

impl std::fmt::Display for ReviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for ReviewError {}

/// Read every comment of a returned draft and put each on its field.
///
/// Only a PDF that cannot be read at all is an error. A PDF kompass did not make, or whose
/// evaluation cannot be typeset again, still has its comments listed, with the page and
/// without a field, and [`Review::notes`] says why.
pub fn read_comments(pdf: &[u8]) -> Result<Review, ReviewError> {
    let limits = crate::files::read::pdf::PdfLimits::default();
    let annotated = annotations::read(pdf, &limits, &annotations::AnnotationLimits::default())
        .map_err(ReviewError::Pdf)?;
    let mut notes = Vec::new();
    let embedded = crate::pdf::embed::read(pdf).ok();
    if embedded.is_none() {
        notes.push(Note::NotKompass);
    }
    let made = embedded.as_ref().and_then(|e| remake(e, &mut notes));
    let (layout, reference) = match &made {
        Some(m) => placement(m, &mut notes),
        None => (None, None),
    };
    let content = compare_pages(&annotated, reference.as_ref());
    let layout = layout.filter(|l| {
        let fits = same_pages(l, &annotated);
        if !fits {
            notes.push(Note::OtherLayout);
        }
        fits
    });
    let names = made
        .as_ref()
        .map(|m| Names::new(&m.checked, &crate::report::Report::build(&m.checked)));
    let mut comments = comments(&annotated, layout.as_ref(), names.as_ref());
    if layout.is_none()
        && let Some(m) = &made
    {
        fields::quoted(&mut comments, &m.checked);
    }
    for (i, page) in annotated.pages.iter().enumerate() {
        if page.unreadable > 0 {
            notes.push(Note::Unreadable {
                page: i + 1,
                count: page.unreadable,
            });
        }
    }
    let cut = comments.iter().filter(|c| c.cut).count();
    if cut > 0 {
        notes.push(Note::Cut { count: cut });
    }
    Ok(Review {
        comments,
        pages: annotated.pages.len(),
        evaluation: embedded
            .as_ref()
            .map(|e| (e.source_name.clone(), e.source.clone())),
        version: made
            .as_ref()
            .map(|m| crate::report::Report::build(&m.checked).version().0),
        content,
        notes,
    })
}

/// The draft as it was made: its evaluation checked, and what it was rendered with.
pub struct Made {
    pub checked: Prepared,
    pub stage: Stage,
    pub changes: Option<crate::pdf::typeset::ChangesPage>,
    pub standards: Vec<typst_pdf::PdfStandard>,
}

/// Make the draft again from what it carries, as `verify` does; `None` (with a note) when the
/// evaluation cannot be loaded or rendered here.
pub fn remake(embedded: &Embedded, notes: &mut Vec<Note>) -> Option<Made> {
    let p = &embedded.provenance;
    if p.kompass != env!("CARGO_PKG_VERSION") {
        notes.push(Note::OtherVersion {
            then: p.kompass.clone(),
        });
    }
    let fail = |notes: &mut Vec<Note>, why: String| {
        notes.push(Note::CannotRemake(why));
        None
    };
    let standards = match crate::pdf::standards::parse_standards(&p.standards) {
        Ok(s) => s,
        Err(e) => return fail(notes, e.to_string()),
    };
    let register = pipeline::RegisterSource::Kept(p.register.as_ref());
    let stage = Stage::from_draft(p.draft);
    let outcome = pipeline::check_text(&embedded.source_name, &embedded.source, register, stage);
    let checked = match outcome.map(|o| (o.renderable().is_some(), o)) {
        Ok((true, o)) => o.into_evaluation()?,
        Ok((false, o)) => {
            let first = o.findings().iter().find(|d| d.is_error());
            let why = first.map_or_else(String::new, |d| d.message.text());
            return fail(notes, why);
        }
        Err(e) => return fail(notes, e.to_string()),
    };
    let changes = match &embedded.previous {
        None => None,
        Some(previous) => {
            let Ok(mut old) = crate::checks::prepared::load_str("previous", previous) else {
                return fail(notes, msg!("verify-previous-unreadable").text());
            };
            if let Some(fr) = &p.changes_since_register {
                old.set_register(crate::checks::compare::RegisterData::Frozen(fr.clone()));
            }
            match pipeline::changes_page(&old, &checked) {
                Ok(page) => Some(crate::pdf::typeset::ChangesPage {
                    review: p.changes_review,
                    ..page
                }),
                Err(e) => return fail(notes, e.to_string()),
            }
        }
    };
    Some(Made {
        checked,
        stage,
        changes,
        standards,
    })
}

impl Made {
    fn request(&self) -> pipeline::Request<'_> {
        pipeline::Request::report(self.stage, &self.standards).with_changes(self.changes.clone())
    }

    /// The draft's PDF as kompass makes it from these inputs.
    pub fn render(&self) -> crate::base::error::Result<Vec<u8>> {
        pipeline::render(&self.checked, &self.request())
    }

    /// Where every field landed.
    pub fn layout(&self) -> crate::base::error::Result<Layout> {
        place::layout(&pipeline::bundle(&self.checked, &self.request())?)
    }
}

/// The placement layout and the draft rendered again, side by side on two threads.
fn placement(made: &Made, notes: &mut Vec<Note>) -> (Option<Layout>, Option<Annotated>) {
    let (layout, pdf) = std::thread::scope(|s| {
        let render = s.spawn(|| made.render());
        let layout = made.layout();
        (layout, render.join())
    });
    let layout = match layout {
        Ok(l) => Some(l),
        Err(e) => {
            notes.push(Note::CannotRemake(e.to_string()));
            None
        }
    };
    let reference = match pdf {
        Ok(Ok(pdf)) => annotations::read(
            &pdf,
            &crate::files::read::pdf::PdfLimits::default(),
            &annotations::AnnotationLimits::default(),
        )
        .ok(),
        _ => None,
    };
    (layout, reference)
}

/// Which pages draw something other than the remade draft's.
pub fn compare_pages(pdf: &Annotated, reference: Option<&Annotated>) -> Pages {
    let Some(reference) = reference else {
        return Pages::Unknown;
    };
    let changed: Vec<usize> = (0..pdf.pages.len().max(reference.pages.len()))
        .filter(|i| {
            let a = pdf.pages.get(*i).and_then(|p| p.content);
            let b = reference.pages.get(*i).and_then(|p| p.content);
            a.is_none() || a != b
        })
        .map(|i| i + 1)
        .collect();
    match changed.len() {
        0 => Pages::Unchanged,
        n if n == reference.pages.len().max(pdf.pages.len()) && n > 1 => Pages::Rewritten,
        _ => Pages::Changed(changed),
    }
}

/// Whether the layout has the PDF's pages: as many, of the same size.
fn same_pages(layout: &Layout, pdf: &Annotated) -> bool {
    layout.pages.len() == pdf.pages.len()
        && layout.pages.iter().zip(&pdf.pages).all(|(l, p)| {
            let w = p.media_box[2] - p.media_box[0];
            let h = p.media_box[3] - p.media_box[1];
            (l.width - w).abs() < 1.5 && (l.height - h).abs() < 1.5
        })
}

/// A thread: the annotation that starts it, those grouped with it, and the replies.
struct Thread {
    root: usize,
    group: Vec<usize>,
    replies: Vec<usize>,
}

/// The annotations as threads. A reply joins the thread of the annotation it answers (through
/// any number of replies); a cycle of `/IRT` is cut at its first annotation; an annotation
/// that answers one not in the file starts a thread of its own. Hidden replies (Acrobat's
/// review states, "Accepted set by …") are left out.
fn threads(annots: &[Annotation]) -> Vec<Thread> {
    let by_object: HashMap<u32, usize> = annots
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.object.map(|o| (o, i)))
        .collect();
    let parent = |i: usize| {
        annots[i]
            .in_reply_to
            .and_then(|o| by_object.get(&o).copied())
    };
    let root_of = |i: usize| {
        let mut seen = HashSet::new();
        let mut at = i;
        while seen.insert(at) {
            match parent(at) {
                Some(p) => at = p,
                None => return at,
            }
        }
        // A cycle: cut it at its first annotation in the file.
        *seen.iter().min().unwrap_or(&i)
    };
    let mut out: Vec<Thread> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    let roots: Vec<usize> = (0..annots.len()).map(root_of).collect();
    for (i, &root) in roots.iter().enumerate() {
        if root == i {
            index.insert(i, out.len());
            out.push(Thread {
                root: i,
                group: Vec::new(),
                replies: Vec::new(),
            });
        }
    }
    for (i, &root) in roots.iter().enumerate() {
        let Some(&t) = index.get(&root) else { continue };
        if root == i {
            continue;
        }
        let a = &annots[i];
        if a.reply_type == ReplyType::Group && parent(i) == Some(root) {
            out[t].group.push(i);
        } else if !a.hidden {
            out[t].replies.push(i);
        }
    }
    out
}

/// How many comments a PDF's annotations make (a thread with its replies and grouped
/// annotations is one), without placing them: what `verify` counts.
pub fn count_comments(pdf: &Annotated) -> usize {
    threads(&pdf.annotations).len()
}

/// Every comment, placed and in the report's order.
fn comments(pdf: &Annotated, layout: Option<&Layout>, names: Option<&Names>) -> Vec<Comment> {
    let annots = &pdf.annotations;
    let mut placed: Vec<(Comment, f64, f64)> = threads(annots)
        .into_iter()
        .map(|t| comment(&t, annots, pdf, layout, names))
        .collect();
    placed.sort_by(|a, b| {
        (a.0.page, a.1, a.2)
            .partial_cmp(&(b.0.page, b.1, b.2))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut ids = HashSet::new();
    placed
        .into_iter()
        .map(|(mut c, _, _)| {
            let mut n = 1;
            let base = c.id.clone();
            while !ids.insert(c.id.clone()) {
                n += 1;
                c.id = format!("{base}-{n}");
            }
            c
        })
        .collect()
}

/// One thread as a comment, with its place (and where it is, for the order).
fn comment(
    t: &Thread,
    annots: &[Annotation],
    pdf: &Annotated,
    layout: Option<&Layout>,
    names: Option<&Names>,
) -> (Comment, f64, f64) {
    let root = &annots[t.root];
    let members: Vec<&Annotation> = std::iter::once(root)
        .chain(t.group.iter().map(|i| &annots[*i]))
        .collect();
    let subtypes: Vec<&str> = members.iter().map(|a| a.subtype.as_str()).collect();
    let kind = CommentKind::of(&subtypes);
    let said = |a: &Annotation| text::clean(&a.contents);
    let text = members
        .iter()
        .map(|a| said(a))
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    let when = |a: &Annotation| text::date(&a.modified).or_else(|| text::date(&a.created));
    let media = pdf
        .pages
        .get(root.page - 1)
        .map_or([0.0, 0.0, 612.0, 792.0], |p| p.media_box);
    let shape = shape(&members, kind, media);
    let page_layout = layout.and_then(|l| l.pages.get(root.page - 1));
    let located = page_layout.map(|p| locate::locate(p, &shape));
    let (place, section) = describe(root.page, located.as_ref(), layout, names);
    let marked = match (page_layout, &located) {
        (Some(p), Some(l)) => locate::words_text(p, &l.marked),
        _ => String::new(),
    };
    let (y, x) = located.as_ref().map_or((0.0, 0.0), |l| (l.y, l.x));
    let comment = Comment {
        id: id_of(root, kind, &text),
        page: root.page,
        kind,
        author: text::one_line(&text::clean(&root.author)),
        date: when(root),
        marked,
        text,
        replies: t
            .replies
            .iter()
            .map(|i| &annots[*i])
            .map(|a| Reply {
                author: text::one_line(&text::clean(&a.author)),
                date: when(a),
                text: said(a),
            })
            .collect(),
        field: place.field,
        place: place.words,
        section,
        how: located.map_or(How::Nowhere, |l| l.how),
        rect: root.rect,
        cut: members.iter().any(|a| a.cut) || t.replies.iter().any(|i| annots[*i].cut),
    };
    (comment, y, x)
}

/// What a comment covers, in the layout's coordinates: a replacement by its strike-out, a text
/// box by what its callout points at, an insertion by its point.
fn shape(members: &[&Annotation], kind: CommentKind, media: [f64; 4]) -> Shape {
    let marking: Vec<&&Annotation> = members.iter().filter(|a| !a.quads.is_empty()).collect();
    let quads = marking
        .iter()
        .flat_map(|a| a.quads.iter())
        .map(|q| locate::from_pdf(media, locate::quad_bounds(q)))
        .collect();
    let root = members[0];
    let rect = match (kind, root.callout) {
        (CommentKind::TextBox, Some([x, y])) => Some([x - 2.0, y - 2.0, x + 2.0, y + 2.0]),
        _ => root.rect,
    };
    Shape {
        quads,
        rect: rect.map(|r| locate::from_pdf(media, r)),
        encloses: kind == CommentKind::Drawing,
    }
}

/// The place in words, and the heading above it.
fn describe(
    page: usize,
    located: Option<&Located>,
    layout: Option<&Layout>,
    names: Option<&Names>,
) -> (Place, Option<String>) {
    let (Some(located), Some(layout)) = (located, layout) else {
        return (fields::outside(&format!("Sidan {page}")), None);
    };
    let section = section(layout, page - 1, located.y);
    if let (Some(key), Some(names)) = (located.field.and_then(|f| layout.keys.get(f)), names)
        && let Some(place) = names.place(key)
    {
        return (place, section);
    }
    let words = match (&section, located.how) {
        (_, How::Nowhere) => format!("Sidan {page}, utanför texten (inget fält)"),
        (None, _) if page == 1 => "Framsidan (inget fält)".to_string(),
        (Some(s), _) => format!("{s} (inget fält)"),
        (None, _) => format!("Sidan {page} (inget fält)"),
    };
    (fields::outside(&words), section)
}

/// The heading a point of a page stands under: its chapter and its nearest heading
/// ("3 Detaljerad genomgång per område, Område 4 Effektivitet, Allmänt" is shortened to the
/// area and the heading).
fn section(layout: &Layout, page: usize, y: f64) -> Option<String> {
    let mut trail: Vec<&place::Heading> = Vec::new();
    for (i, p) in layout.pages.iter().enumerate().take(page + 1) {
        for h in p.headings.iter().filter(|h| i < page || h.y <= y + 2.0) {
            trail.retain(|t| t.level < h.level);
            trail.push(h);
        }
    }
    let last = trail.last()?;
    let area = trail
        .iter()
        .find(|h| h.level == 2 && h.text.starts_with("Område "));
    match area {
        Some(a) if a.level < last.level => Some(format!("{}, {}", a.text, last.text)),
        _ => Some(last.text.clone()),
    }
}

/// A stable id: the annotation's own name, else a fingerprint of what it is.
fn id_of(a: &Annotation, kind: CommentKind, text: &str) -> String {
    let name = text::one_line(&text::clean(&a.name));
    if !name.is_empty() && name.len() <= 100 {
        return name;
    }
    let rect = a.rect.map_or(String::new(), |r| {
        r.iter()
            .map(|v| format!("{v:.0}"))
            .collect::<Vec<_>>()
            .join(",")
    });
    let what = format!(
        "{}|{:?}|{rect}|{}|{}|{}",
        a.page, kind, a.author, a.created, text
    );
    format!(
        "k{}",
        &crate::pdf::embed::fingerprint(what.as_bytes())[..12]
    )
}
