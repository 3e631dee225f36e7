//! From a comment's rectangle or quad points to the words under it and the field they belong
//! to: the words a highlight covers; the paragraph a note in the margin stands beside.

use serde::Serialize;

use super::place::{PageLayout, Rect};

/// How a comment found its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// It marks or covers the field's words.
    Under,
    /// It stands beside them, on the same line (a note in the margin).
    Beside,
    /// The nearest line above or below it.
    Near,
    /// Found by the words it quotes, not by where it is (the layout was not available).
    Quoted,
    /// Nowhere: no words near it.
    Nowhere,
}

/// What a comment covers, in the page's layout coordinates (points from the top left).
#[derive(Debug, Clone, Default)]
pub struct Shape {
    /// The marked lines (highlight, strike-out, underline).
    pub quads: Vec<Rect>,
    /// Its rectangle, or a point it points at (a text box's callout, an insertion mark).
    pub rect: Option<Rect>,
    /// The words inside its rectangle count as marked (a drawn box or circle around them).
    pub encloses: bool,
}

/// Where a comment landed on its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The words it marks, as indices into the page's words, in reading order.
    pub marked: Vec<usize>,
    /// The field it belongs to (an index into the layout's keys), when its words have one.
    pub field: Option<usize>,
    /// The word that decided the field (also when that word is on no field).
    pub word: Option<usize>,
    pub how: How,
    /// Where it is, for the order of the list: the top of its shape.
    pub y: f64,
    pub x: f64,
}

/// How far a note may stand from the line it belongs to, above or below (points).
const NEAR: f64 = 18.0;

/// Place a shape on a page.
pub fn locate(page: &PageLayout, shape: &Shape) -> Located {
    let bounds = shape
        .quads
        .iter()
        .copied()
        .chain(shape.rect)
        .reduce(union)
        .unwrap_or([0.0; 4]);
    let mut out = Located {
        marked: Vec::new(),
        field: None,
        word: None,
        how: How::Nowhere,
        y: bounds[1],
        x: bounds[0],
    };
    if !shape.quads.is_empty() {
        out.marked = words_where(page, |w| {
            shape
                .quads
                .iter()
                .any(|q| contains(&grow(*q, 1.0), centre(w)))
        });
        if !out.marked.is_empty() {
            out.how = How::Under;
            (out.field, out.word) = majority(page, &out.marked);
            return out;
        }
    }
    let Some(rect) = shape.rect.or_else(|| shape.quads.first().copied()) else {
        return out;
    };
    if shape.encloses {
        out.marked = words_where(page, |w| contains(&rect, centre(w)));
    }
    let covered = words_where(page, |w| overlaps(w, &rect));
    if !covered.is_empty() {
        out.how = How::Under;
        (out.field, out.word) = majority(page, &covered);
        return out;
    }
    if let Some(i) = beside(page, &rect) {
        out.how = How::Beside;
        (out.field, out.word) = (page.words[i].field, Some(i));
    } else if let Some(i) = near(page, &rect) {
        out.how = How::Near;
        (out.field, out.word) = (page.words[i].field, Some(i));
    }
    out
}

fn words_where(page: &PageLayout, keep: impl Fn(&Rect) -> bool) -> Vec<usize> {
    page.words
        .iter()
        .enumerate()
        .filter(|(_, w)| keep(&w.rect))
        .map(|(i, _)| i)
        .collect()
}

/// The field most of these words (by their letters) belong to, and its first word.
fn majority(page: &PageLayout, words: &[usize]) -> (Option<usize>, Option<usize>) {
    let mut counts: Vec<(Option<usize>, usize, usize)> = Vec::new();
    for &i in words {
        let w = &page.words[i];
        let letters = w.text.chars().count();
        match counts.iter_mut().find(|(f, _, _)| *f == w.field) {
            Some((_, n, _)) => *n += letters,
            None => counts.push((w.field, letters, i)),
        }
    }
    // Words on a field weigh more than the running text around it: a highlight that takes a
    // heading's last word with a paragraph belongs to the paragraph.
    counts
        .iter()
        .max_by_key(|(f, n, first)| (f.is_some(), *n, std::cmp::Reverse(*first)))
        .map_or((None, None), |(f, _, first)| (*f, Some(*first)))
}

/// The word on the same line as the rectangle, nearest to it sideways.
fn beside(page: &PageLayout, rect: &Rect) -> Option<usize> {
    let (top, bottom) = (rect[1] - 2.0, rect[3] + 2.0);
    page.words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.rect[1] < bottom && w.rect[3] > top)
        // A word of a field before the marks beside it (a bullet, a list number).
        .min_by(|(_, a), (_, b)| {
            (a.field.is_none(), gap_x(&a.rect, rect))
                .partial_cmp(&(b.field.is_none(), gap_x(&b.rect, rect)))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(i, _)| i)
}

/// The word nearest to the rectangle above or below it, within [`NEAR`].
fn near(page: &PageLayout, rect: &Rect) -> Option<usize> {
    page.words
        .iter()
        .enumerate()
        .map(|(i, w)| (i, gap_y(&w.rect, rect), gap_x(&w.rect, rect)))
        .filter(|(_, dy, _)| *dy <= NEAR)
        .min_by(|a, b| {
            (a.1, a.2)
                .partial_cmp(&(b.1, b.2))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(i, _, _)| i)
}

fn gap_x(a: &Rect, b: &Rect) -> f64 {
    (a[0] - b[2]).max(b[0] - a[2]).max(0.0)
}

fn gap_y(a: &Rect, b: &Rect) -> f64 {
    (a[1] - b[3]).max(b[1] - a[3]).max(0.0)
}

fn centre(r: &Rect) -> [f64; 2] {
    [(r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0]
}

fn contains(r: &Rect, p: [f64; 2]) -> bool {
    r[0] <= p[0] && p[0] <= r[2] && r[1] <= p[1] && p[1] <= r[3]
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn grow(r: Rect, by: f64) -> Rect {
    [r[0] - by, r[1] - by, r[2] + by, r[3] + by]
}

fn union(a: Rect, b: Rect) -> Rect {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// A rectangle in PDF points (origin bottom left) in the layout's coordinates (origin top
/// left), on a page whose media box is `media`.
pub fn from_pdf(media: [f64; 4], r: [f64; 4]) -> Rect {
    let (left, top) = (media[0], media[3]);
    [r[0] - left, top - r[3], r[2] - left, top - r[1]]
}

/// A quadrilateral's bounding rectangle (8 numbers in any of the orders readers write them).
pub fn quad_bounds(q: &[f64; 8]) -> [f64; 4] {
    let xs = [q[0], q[2], q[4], q[6]];
    let ys = [q[1], q[3], q[5], q[7]];
    let min = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
    let max = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
    [min(xs), min(ys), max(xs), max(ys)]
}

/// The marked words as text: hyphenated words joined again.
pub fn words_text(page: &PageLayout, marked: &[usize]) -> String {
    let mut out = String::new();
    let mut joins = false;
    for &i in marked {
        let w = &page.words[i];
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(&w.text);
        joins = w.hyphen;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::place::Word;

    fn page() -> PageLayout {
        let word = |text: &str, x: f64, y: f64, field: Option<usize>| Word {
            text: text.into(),
            rect: [x, y - 8.0, x + 30.0, y + 2.0],
            baseline: y,
            field,
            hyphen: false,
        };
        PageLayout {
            width: 595.0,
            height: 842.0,
            words: vec![
                word("Rubrik", 70.0, 100.0, None),
                word("Första", 70.0, 130.0, Some(0)),
                word("raden", 110.0, 130.0, Some(0)),
                word("Andra", 70.0, 160.0, Some(1)),
                word("stycket", 110.0, 160.0, Some(1)),
            ],
            headings: Vec::new(),
        }
    }

    #[test]
    fn a_highlight_takes_the_words_under_it() {
        let shape = Shape {
            quads: vec![[68.0, 121.0, 142.0, 133.0]],
            ..Shape::default()
        };
        let at = locate(&page(), &shape);
        assert_eq!(at.marked, vec![1, 2]);
        assert_eq!((at.field, at.how), (Some(0), How::Under));
        assert_eq!(words_text(&page(), &at.marked), "Första raden");
    }

    #[test]
    fn a_note_in_the_margin_belongs_to_the_line_beside_it() {
        let shape = Shape {
            rect: Some([520.0, 150.0, 540.0, 170.0]),
            ..Shape::default()
        };
        let at = locate(&page(), &shape);
        assert_eq!((at.field, at.how, at.word), (Some(1), How::Beside, Some(4)));
        let between = Shape {
            rect: Some([520.0, 176.0, 540.0, 186.0]),
            ..Shape::default()
        };
        assert_eq!(locate(&page(), &between).how, How::Near);
        let far = Shape {
            rect: Some([520.0, 600.0, 540.0, 620.0]),
            ..Shape::default()
        };
        assert_eq!(locate(&page(), &far).how, How::Nowhere);
    }

    #[test]
    fn pdf_rectangles_turn_upside_down() {
        assert_eq!(
            from_pdf([0.0, 0.0, 595.0, 842.0], [10.0, 800.0, 20.0, 812.0]),
            [10.0, 30.0, 20.0, 42.0]
        );
    }
}
