//! Draw the charts of chapter 2 as SVG with plotters, and describe each in Swedish.
//!
//! Charts are drawn on a large integer canvas (1 px ≈ 0.1 mm once placed on the page) with the
//! embedded Inter font, so their text is real text in the report's own font. Every value comes
//! from [`Scores`] and the comparison profiles; the alt text is generated from the same values.

use std::sync::Once;

use plotters::element::DashedPathElement;
use plotters::prelude::*;
pub use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

use crate::fonts;
use crate::format::{int, number};
use crate::report::Report;

/// Canvas width of every chart in px.
pub const WIDTH: u32 = 1600;

/// Colours: dark blue, orange and mid grey stay apart for colour-blind readers and in greyscale
/// print (luminance about 0.07, 0.16 and 0.25); each series also has its own line style and
/// marker.
pub const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
pub const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
pub const GRID: RGBColor = RGBColor(0xc8, 0xcd, 0xd3);
pub const TRACK: RGBColor = RGBColor(0xe8, 0xec, 0xf1);
pub const PRIMARY: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
pub const COMPARE: RGBColor = RGBColor(0xb3, 0x54, 0x00);
pub const HISTORY: RGBColor = RGBColor(0x8a, 0x8a, 0x8a);
pub const TOTAL: RGBColor = RGBColor(0x0e, 0x5c, 0x4a);

/// Which chart of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Chapter 2's bars: the score of every area.
    Bars,
    /// The profile against the national average and the earlier evaluations.
    Profile,
    /// The profile against the peer group.
    PeerProfile,
}

impl ChartKind {
    /// The chart's file stem.
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Bars => "poang-per-omrade",
            ChartKind::Profile => "profil-jamforelse",
            ChartKind::PeerProfile => "profil-jamforelsegrupp",
        }
    }
}

/// A drawn chart with what the report prints around it.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    #[serde(skip)]
    pub kind: ChartKind,
    /// File stem ([`ChartKind::id`]): the SVG is handed to Typst as `/charts/<id>.svg`.
    pub id: String,
    /// What a profile is compared with ("Sverigesnittet …"), as its caption says it.
    #[serde(skip)]
    pub against: Option<String>,
    #[serde(skip)]
    pub svg: String,
    /// Swedish text that can replace the picture.
    pub alt: String,
    pub caption: String,
    /// Sentence that introduces the chart in the text.
    pub intro: String,
    /// Source line printed under the chart.
    pub source: Option<String>,
    /// Values in the chart, for the small table printed beside radar charts.
    pub table: Option<ChartTable>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One series of a profile chart.
#[derive(Debug, Clone)]
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
    pub style: SeriesStyle,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SeriesStyle {
    Primary,
    Compare,
    /// The k-th earlier evaluation (0 = the most recent): each its own grey, dash and marker,
    /// so that four or five of them stay apart in colour and in greyscale.
    History(usize),
}

/// Dash and gap lengths of earlier evaluations' lines, one pattern each.
pub const HISTORY_DASHES: [(u32, u32); 4] = [(6, 8), (2, 6), (12, 6), (4, 4)];

/// Greys of earlier evaluations, each at least 3:1 against white.
pub const HISTORY_GREYS: [RGBColor; 3] = [
    HISTORY,
    RGBColor(0x5f, 0x5f, 0x5f),
    RGBColor(0x76, 0x76, 0x76),
];

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = plotters::style::register_font(fonts::FAMILY, FontStyle::Normal, fonts::REGULAR);
        let _ = plotters::style::register_font(fonts::FAMILY, FontStyle::Bold, fonts::BOLD);
    });
}

/// plotters' SVG backend writes `font-size` as the style's size divided by 1.24; sizes here are
/// the px sizes that end up in the SVG (1 px ≈ 0.1 mm on the page, so 32 px ≈ 9 pt).
const SVG_SIZE_FACTOR: f64 = 1.24;

fn font(px: u32) -> TextStyle<'static> {
    TextStyle::from((fonts::FAMILY, px as f64 * SVG_SIZE_FACTOR).into_font()).color(&INK)
}

fn bold(px: u32) -> TextStyle<'static> {
    TextStyle::from((fonts::FAMILY, px as f64 * SVG_SIZE_FACTOR, FontStyle::Bold).into_font())
        .color(&INK)
}

/// ab_glyph (plotters' text measurer) scales a font so that ascender − descender equals the
/// requested size, while SVG `font-size` is the em size. For Inter that span is 1.21 em
/// (ascender 0.969, descender −0.242).
const MEASURE_SCALE: f64 = 1.21;

/// Width of `text` set at `px` (SVG font-size) in the embedded regular face.
fn text_width(text: &str, px: u32) -> u32 {
    (fonts::FAMILY, px as f64 * MEASURE_SCALE)
        .into_font()
        .box_size(text)
        .map(|(w, _)| w)
        .unwrap_or((text.chars().count() as u32) * px * 6 / 10)
}

/// Break `text` into lines no wider than `width` px.
fn wrap(text: &str, size: u32, width: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size) > width {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

type Res<T> = crate::error::Result<T>;

fn err<E: std::fmt::Debug>(e: E) -> crate::error::Error {
    crate::error::Error::Chart(format!("chart drawing failed: {e:?}"))
}

/// Bar chart: the score of every area and the total.
pub fn bars(who: &str, scores: &Report) -> Res<Chart> {
    register_fonts();
    let n = scores.areas.len() as i32;
    let row = 100;
    let top = 20;
    let label_right = 650;
    let x0 = 680;
    let x1 = 1480;
    let total_y = top + n * row + 36;
    let axis_y = total_y + row + 10;
    let height = (axis_y + 60) as u32;
    let scale =
        |v: f64, max: f64| x0 + ((x1 - x0) as f64 * (v / max).clamp(0.0, 1.0)).round() as i32;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        // A bar on its track (the maximum), with its value after the end.
        let bar = |mid: i32, value: f64, max: f64, colour: RGBColor| -> Res<()> {
            root.draw(&Rectangle::new(
                [(x0, mid - 28), (x1, mid + 28)],
                TRACK.filled(),
            ))
            .map_err(err)?;
            let end = scale(value, max);
            root.draw(&Rectangle::new(
                [(x0, mid - 28), (end, mid + 28)],
                colour.filled(),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                number(value, 0),
                (end + 12, mid),
                bold(32).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
            Ok(())
        };
        // Grid and axis labels (points per area).
        for tick in (0..=100).step_by(20) {
            let x = scale(tick as f64, 100.0);
            root.draw(&PathElement::new(
                vec![(x, top - 6), (x, axis_y - 14)],
                GRID.stroke_width(2),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                int(tick),
                (x, axis_y),
                font(28)
                    .color(&MUTED)
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;
        }
        for (i, a) in scores.areas.iter().enumerate() {
            let y = top + i as i32 * row;
            let mid = y + row / 2;
            let label = format!("{} {}", a.id, a.title);
            let lines = wrap(&label, 32, (label_right - 10) as u32);
            let first = mid - (lines.len() as i32 - 1) * 19;
            for (k, line) in lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (label_right, first + k as i32 * 38),
                    font(32).pos(Pos::new(HPos::Right, VPos::Center)),
                ))
                .map_err(err)?;
            }
            bar(mid, a.score as f64, a.max as f64, PRIMARY)?;
        }
        // The total, on its own scale (of the total maximum).
        let sep = total_y - 18;
        root.draw(&PathElement::new(
            vec![(40, sep), (x1, sep)],
            GRID.stroke_width(2),
        ))
        .map_err(err)?;
        let mid = total_y + row / 2;
        root.draw(&Text::new(
            crate::phrases::bars_total_label(&int(scores.total_max)),
            (label_right, mid),
            bold(32).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
        bar(mid, scores.total as f64, scores.total_max as f64, TOTAL)?;
        root.present().map_err(err)?;
    }
    Ok(bars_chart(who, scores, svg))
}

/// The bar chart with its alt text, caption and introduction.
fn bars_chart(who: &str, scores: &Report, svg: String) -> Chart {
    let parts: Vec<String> = scores
        .areas
        .iter()
        .map(|a| format!("{} {} av {}", a.title, int(a.score), int(a.max)))
        .collect();
    let (total, total_max) = (int(scores.total), int(scores.total_max));
    let area_max = int(scores.areas.first().map_or(100, |a| a.max));
    Chart {
        kind: ChartKind::Bars,
        id: ChartKind::Bars.id().into(),
        against: None,
        svg,
        alt: crate::phrases::bars_alt(who, &parts, &total, &total_max),
        caption: crate::phrases::bars_caption(who, &area_max, &total_max),
        intro: crate::phrases::bars_intro(who, scores.areas.len(), &total, &total_max),
        source: None,
        table: None,
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// The geometry of a radar chart: `n` spokes around a centre, the first pointing up.
#[derive(Clone, Copy)]
struct Polar {
    cx: i32,
    cy: i32,
    r: f64,
    n: usize,
}

impl Polar {
    fn angle(&self, i: usize) -> f64 {
        -std::f64::consts::FRAC_PI_2 + 2.0 * std::f64::consts::PI * i as f64 / self.n as f64
    }

    /// The point on spoke `i` at `frac` of the radius.
    fn point(&self, i: usize, frac: f64) -> (i32, i32) {
        let a = self.angle(i);
        (
            (self.cx as f64 + self.r * frac * libm::cos(a)).round() as i32,
            (self.cy as f64 + self.r * frac * libm::sin(a)).round() as i32,
        )
    }
}

/// Which profile chart, and what it compares with ("Sverigesnittet …").
pub struct Compared {
    pub kind: ChartKind,
    pub against: String,
}

/// Radar chart: the municipality's profile against one or more comparison series.
/// `maxima` gives each axis its scale.
pub fn radar(
    Compared { kind, against }: Compared,
    caption: String,
    intro: String,
    source: Option<String>,
    titles: &[String],
    maxima: &[f64],
    series: &[Series],
) -> Res<Chart> {
    register_fonts();
    let polar = Polar {
        cx: 800,
        cy: 600,
        r: 360.0,
        n: titles.len(),
    };
    let legend_y = polar.cy + polar.r as i32 + 230;
    let rows = legend_rows(series).len().max(1) as i32;
    let height = (legend_y + (rows - 1) * LEGEND_ROW + 60) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        draw_grid(&root, polar)?;
        draw_axis_labels(&root, polar, titles)?;
        draw_series(&root, polar, maxima, series)?;
        draw_ring_values(&root, polar, maxima)?;
        draw_legend(&root, legend_y, series)?;
        root.present().map_err(err)?;
    }
    let (alt, table, decimals) = describe_radar(&caption, titles, series);
    // The rule of the table's numbers, stated where the reader looks for the source.
    let source = match (source, decimals) {
        (s, 0) => s,
        (None, n) => Some(crate::phrases::decimals_rule(n)),
        (Some(s), n) => Some(format!("{s} {}", crate::phrases::decimals_rule(n))),
    };
    Ok(Chart {
        kind,
        id: kind.id().into(),
        against: Some(against),
        svg,
        alt,
        caption,
        intro,
        source,
        table: Some(table),
    })
}

/// Rings at every fifth of the scale, and the spokes.
fn draw_grid(root: &Area, polar: Polar) -> Res<()> {
    for ring in 1..=5 {
        let frac = ring as f64 / 5.0;
        let mut pts: Vec<(i32, i32)> = (0..polar.n).map(|i| polar.point(i, frac)).collect();
        pts.push(pts[0]);
        root.draw(&PathElement::new(pts, GRID.stroke_width(2)))
            .map_err(err)?;
    }
    for i in 0..polar.n {
        root.draw(&PathElement::new(
            vec![(polar.cx, polar.cy), polar.point(i, 1.0)],
            GRID.stroke_width(2),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// Axis labels, wrapped and anchored away from the centre.
fn draw_axis_labels(root: &Area, polar: Polar, titles: &[String]) -> Res<()> {
    for (i, title) in titles.iter().enumerate() {
        let a = polar.angle(i);
        let (c, s) = (libm::cos(a), libm::sin(a));
        let (x, y) = polar.point(i, 1.0);
        let (x, y) = (x + (c * 34.0).round() as i32, y + (s * 34.0).round() as i32);
        let h = if c > 0.2 {
            HPos::Left
        } else if c < -0.2 {
            HPos::Right
        } else {
            HPos::Center
        };
        let width = if matches!(h, HPos::Center) {
            640
        } else {
            (WIDTH as i32 / 2 - polar.r as i32 - 50).max(200) as u32
        };
        let lines = wrap(title, 30, width);
        let lh = 36;
        let block = lh * lines.len() as i32;
        let y_top = if s < -0.5 {
            y - block
        } else if s > 0.5 {
            y
        } else {
            y - block / 2
        };
        for (k, line) in lines.iter().enumerate() {
            root.draw(&Text::new(
                line.clone(),
                (x, y_top + k as i32 * lh + lh / 2),
                font(30).pos(Pos::new(h, VPos::Center)),
            ))
            .map_err(err)?;
        }
    }
    Ok(())
}

/// A series' line through `points` in its own style (solid, long or short dashes).
fn draw_line(root: &Area, style: SeriesStyle, points: Vec<(i32, i32)>) -> Res<()> {
    match style {
        SeriesStyle::Primary => root.draw(&PathElement::new(points, PRIMARY.stroke_width(5))),
        SeriesStyle::Compare => root.draw(&DashedPathElement::new(
            points,
            18,
            10,
            COMPARE.stroke_width(5),
        )),
        SeriesStyle::History(k) => {
            let (dash, gap) = HISTORY_DASHES[k % HISTORY_DASHES.len()];
            let grey = HISTORY_GREYS[k % HISTORY_GREYS.len()];
            root.draw(&DashedPathElement::new(
                points,
                dash,
                gap,
                grey.stroke_width(4),
            ))
        }
    }
    .map_err(err)
}

/// A series' marker at `p`: a circle, a square, or for earlier evaluations a triangle, a
/// diamond, a triangle pointing down or a cross.
fn draw_marker(root: &Area, style: SeriesStyle, p: (i32, i32)) -> Res<()> {
    let (x, y) = p;
    match style {
        SeriesStyle::Primary => root.draw(&Circle::new(p, 10, PRIMARY.filled())),
        SeriesStyle::Compare => root.draw(&Rectangle::new(
            [(x - 9, y - 9), (x + 9, y + 9)],
            COMPARE.filled(),
        )),
        SeriesStyle::History(k) => {
            let grey = HISTORY_GREYS[k % HISTORY_GREYS.len()];
            match k % 4 {
                0 => root.draw(&Polygon::new(
                    vec![(x, y - 11), (x - 10, y + 8), (x + 10, y + 8)],
                    grey.filled(),
                )),
                1 => root.draw(&Polygon::new(
                    vec![(x, y - 11), (x + 11, y), (x, y + 11), (x - 11, y)],
                    grey.filled(),
                )),
                2 => root.draw(&Polygon::new(
                    vec![(x, y + 11), (x - 10, y - 8), (x + 10, y - 8)],
                    grey.filled(),
                )),
                _ => root
                    .draw(&PathElement::new(
                        vec![(x - 9, y - 9), (x + 9, y + 9)],
                        grey.stroke_width(4),
                    ))
                    .and_then(|()| {
                        root.draw(&PathElement::new(
                            vec![(x - 9, y + 9), (x + 9, y - 9)],
                            grey.stroke_width(4),
                        ))
                    }),
            }
        }
    }
    .map_err(err)
}

/// Every series: comparisons first, the municipality on top, its area tinted.
fn draw_series(root: &Area, polar: Polar, maxima: &[f64], series: &[Series]) -> Res<()> {
    let mut order: Vec<&Series> = series.iter().collect();
    order.sort_by_key(|s| s.style == SeriesStyle::Primary);
    for s in &order {
        let pts: Vec<(i32, i32)> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                polar.point(
                    i,
                    (v / maxima.get(i).copied().unwrap_or(100.0)).clamp(0.0, 1.0),
                )
            })
            .collect();
        let mut ring = pts.clone();
        ring.push(pts[0]);
        if s.style == SeriesStyle::Primary {
            root.draw(&Polygon::new(pts.clone(), PRIMARY.mix(0.14).filled()))
                .map_err(err)?;
        }
        draw_line(root, s.style, ring)?;
        for p in &pts {
            draw_marker(root, s.style, *p)?;
        }
    }
    Ok(())
}

/// Ring values along the first spoke, on top of the series with a white ground so that no line
/// crosses a number.
fn draw_ring_values(root: &Area, polar: Polar, maxima: &[f64]) -> Res<()> {
    for ring in 1..=5 {
        let frac = ring as f64 / 5.0;
        let (x, y) = polar.point(0, frac);
        let label = number(maxima.first().copied().unwrap_or(100.0) * frac, 0);
        let w = text_width(&label, 26) as i32;
        root.draw(&Rectangle::new(
            [(x + 6, y - 30), (x + 14 + w, y - 2)],
            WHITE.filled(),
        ))
        .map_err(err)?;
        root.draw(&Text::new(
            label,
            (x + 10, y - 4),
            font(26)
                .color(&MUTED)
                .pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// Height of one row of the legend.
const LEGEND_ROW: i32 = 56;

/// The legend's rows: for each, the series in it with their x and width, centred; a row holds
/// as many entries as fit the canvas with a margin.
fn legend_rows(series: &[Series]) -> Vec<Vec<(usize, i32, u32)>> {
    let room = WIDTH - 2 * 40;
    let widths: Vec<u32> = series
        .iter()
        .map(|s| 70 + 16 + text_width(&s.label, 32) + 60)
        .collect();
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = 0;
    for (i, w) in widths.iter().enumerate() {
        match rows.last_mut() {
            Some(row) if used + w <= room => {
                row.push(i);
                used += w;
            }
            _ => {
                rows.push(vec![i]);
                used = *w;
            }
        }
    }
    rows.into_iter()
        .map(|row| {
            // The last entry's trailing gap is not part of the row's width.
            let total: u32 = row.iter().map(|&i| widths[i]).sum::<u32>() - 60;
            let mut x = (WIDTH.saturating_sub(total) / 2) as i32;
            row.into_iter()
                .map(|i| {
                    let entry = (i, x, widths[i] - 60);
                    x += widths[i] as i32;
                    entry
                })
                .collect()
        })
        .collect()
}

/// The legend, centred under the chart in as many rows as it needs: each series' line and
/// marker, then its label.
fn draw_legend(root: &Area, y: i32, series: &[Series]) -> Res<()> {
    for (r, row) in legend_rows(series).iter().enumerate() {
        let y = y + r as i32 * LEGEND_ROW;
        for &(i, x, _) in row {
            let s = &series[i];
            draw_line(root, s.style, vec![(x, y), (x + 70, y)])?;
            draw_marker(root, s.style, (x + 35, y))?;
            root.draw(&Text::new(
                s.label.clone(),
                (x + 86, y),
                font(32).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
        }
    }
    Ok(())
}

/// How a series' values are written, the same in its every cell: a municipality's scores are
/// whole points, whole; a mean is written with one decimal throughout when any of its values
/// has one ("50,5" and "52,0" in one column, never "52,0" for a score).
fn series_decimals(s: &Series) -> usize {
    let fractional = s
        .values
        .iter()
        .any(|v| ((v * 10.0).round() / 10.0).fract() != 0.0);
    usize::from(s.style == SeriesStyle::Compare && fractional)
}

/// Alt text and value table of a radar chart, from the same numbers written the same way, and
/// how many series have decimals (a rule the source line then states).
fn describe_radar(
    caption: &str,
    titles: &[String],
    series: &[Series],
) -> (String, ChartTable, usize) {
    let decimals: Vec<usize> = series.iter().map(series_decimals).collect();
    let mut parts = Vec::new();
    let mut rows = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        let cells: Vec<String> = series
            .iter()
            .zip(&decimals)
            .map(|(s, d)| crate::format::number_fixed(s.values[i], *d))
            .collect();
        let values: Vec<(String, String)> = series
            .iter()
            .map(|s| s.label.clone())
            .zip(cells.iter().cloned())
            .collect();
        parts.push(crate::phrases::radar_part(title, &values));
        let mut row = vec![title.clone()];
        row.extend(cells);
        rows.push(row);
    }
    let alt = crate::phrases::radar_alt(caption, &parts);
    let mut columns = vec!["Område".to_string()];
    columns.extend(series.iter().map(|s| s.label.clone()));
    (
        alt,
        ChartTable { columns, rows },
        decimals.iter().filter(|d| **d > 0).count(),
    )
}

/// All charts of a report.
pub fn draw_all(r: &Report) -> Res<Vec<Chart>> {
    let who = &r.municipality.genitive;
    let name = &r.municipality.name;
    let year = r.date.year;
    let own = Series {
        label: format!("{name} ({year})"),
        values: r.areas.iter().map(|a| a.score as f64).collect(),
        style: SeriesStyle::Primary,
    };
    let titles: Vec<String> = r
        .areas
        .iter()
        .map(|a| format!("{} {}", a.id, a.title))
        .collect();
    let maxima: Vec<f64> = r.areas.iter().map(|a| a.max as f64).collect();

    let mut charts = vec![bars(who, r)?];
    let mut series: Vec<Series> = r
        .history
        .iter()
        .map(|h| Series {
            label: format!("{name} ({})", h.year),
            values: h.values.clone(),
            // The most recent earlier evaluation gets the first style.
            style: SeriesStyle::History(r.history.iter().filter(|o| o.year > h.year).count()),
        })
        .collect();
    if let Some(p) = &r.national {
        series.push(Series {
            label: p.label.clone(),
            values: p.values.clone(),
            style: SeriesStyle::Compare,
        });
    }
    if !series.is_empty() {
        let mut all = vec![own.clone()];
        all.extend(series);
        let years: Vec<String> = r.history.iter().map(|h| h.year.to_string()).collect();
        let against = crate::phrases::compared_with(
            &years,
            r.national.as_ref().map(|p| p.description.as_str()),
        );
        charts.push(radar(
            Compared {
                kind: ChartKind::Profile,
                against: against.clone(),
            },
            crate::phrases::profile_caption(name, year, &against),
            crate::phrases::profile_intro(who, &against),
            {
                let mut lines: Vec<String> = r.national.iter().map(|p| p.source.clone()).collect();
                lines.extend(r.history_notes.iter().cloned());
                (!lines.is_empty()).then(|| lines.join(" "))
            },
            &titles,
            &maxima,
            &all,
        )?);
    }
    if let Some(p) = &r.peer {
        let all = vec![
            own,
            Series {
                label: p.label.clone(),
                values: p.values.clone(),
                style: SeriesStyle::Compare,
            },
        ];
        charts.push(radar(
            Compared {
                kind: ChartKind::PeerProfile,
                against: p.description.clone(),
            },
            crate::phrases::profile_caption(name, year, &p.description),
            crate::phrases::profile_intro(who, &p.description),
            Some(p.source.clone()),
            &titles,
            &maxima,
            &all,
        )?);
    }
    Ok(charts)
}

/// A chart as PNG: its SVG drawn by resvg with the embedded fonts only (never the system's), so
/// How a chart is written as a file of its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ImageFormat {
    Svg,
    /// Drawn from the SVG with the report's fonts, `scale` times the canvas (1600 px wide at 1).
    Png {
        scale: f32,
    },
}

/// Every chart as files of their own, the one way `kompass charts` and the editor write them:
/// `<id>.svg` (or `<id>.png`) and `<id>.txt` with its Swedish alt text.
pub fn files(charts: &[Chart], format: ImageFormat) -> Res<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for c in charts {
        out.push(match format {
            ImageFormat::Svg => (format!("{}.svg", c.id), c.svg.clone().into_bytes()),
            ImageFormat::Png { scale } => (format!("{}.png", c.id), png(&c.svg, scale)?),
        });
        out.push((format!("{}.txt", c.id), format!("{}\n", c.alt).into_bytes()));
    }
    Ok(out)
}

/// it looks exactly like the report. `scale` 1 gives the canvas size, 1600 px wide.
pub fn png(svg: &str, scale: f32) -> Res<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    if !(0.1..=8.0).contains(&scale) {
        return Err(crate::error::Error::Usage(crate::messages::msg!(
            "scale-out-of-range",
            scale = f64::from(scale)
        )));
    }
    let mut options = usvg::Options::default();
    for data in fonts::ALL {
        options.fontdb_mut().load_font_data(data.to_vec());
    }
    options.font_family = fonts::FAMILY.to_string();
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| crate::error::Error::Chart(format!("the chart's SVG: {e}")))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| crate::error::Error::Chart("a chart of no size".into()))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| crate::error::Error::Chart("a chart too large to draw".into()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| crate::error::Error::Chart(format!("PNG: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_scores_are_whole_and_a_mean_has_one_rule_per_column() {
        let series = |label: &str, values: Vec<f64>, style| Series {
            label: label.into(),
            values,
            style,
        };
        let titles = vec!["A".to_string(), "B".to_string()];
        let (alt, table, decimals) = describe_radar(
            "Leksand (2023) jämfört med medelvärdet av sex utvärderingar 2020–2023",
            &titles,
            &[
                series("Leksand (2023)", vec![52.0, 57.0], SeriesStyle::Primary),
                series("Leksand (2019)", vec![48.0, 50.0], SeriesStyle::History(0)),
                series(
                    "Medelvärde av 6 utvärderingar 2020–2023",
                    vec![50.5, 65.0],
                    SeriesStyle::Compare,
                ),
            ],
        );
        assert_eq!(table.rows[0], ["A", "52", "48", "50,5"]);
        assert_eq!(table.rows[1], ["B", "57", "50", "65,0"]);
        assert_eq!(decimals, 1);
        assert_eq!(
            alt,
            "Radardiagram: Leksand (2023) jämfört med medelvärdet av sex utvärderingar \
             2020–2023. A – Leksand (2023): 52, Leksand (2019): 48, Medelvärde av 6 \
             utvärderingar 2020–2023: 50,5; B – Leksand (2023): 57, Leksand (2019): 50, \
             Medelvärde av 6 utvärderingar 2020–2023: 65,0."
        );
        let (_, whole, decimals) = describe_radar(
            "x",
            &titles,
            &[
                series("L", vec![52.0, 57.0], SeriesStyle::Primary),
                series("M", vec![50.0, 61.0], SeriesStyle::Compare),
            ],
        );
        assert_eq!(whole.rows[0], ["A", "52", "50"]);
        assert_eq!(decimals, 0);
        // A stated rule under the chart when a column has decimals.
        let mut s = series_of(0);
        s.last_mut().unwrap().values[0] = 60.5;
        let titles: Vec<String> = (1..=8).map(|i| format!("{i} Område")).collect();
        let chart = radar(
            Compared {
                kind: ChartKind::Profile,
                against: String::new(),
            },
            "c".into(),
            String::new(),
            Some("Källa.".into()),
            &titles,
            &[100.0; 8],
            &s,
        )
        .unwrap();
        assert_eq!(
            chart.source.as_deref(),
            Some("Källa. Medelvärdet anges med en decimal.")
        );
    }

    /// A radar chart of 8 areas with `series`.
    fn chart_of(series: &[Series]) -> Chart {
        let titles: Vec<String> = (1..=8).map(|i| format!("{i} Område")).collect();
        radar(
            Compared {
                kind: ChartKind::Profile,
                against: String::new(),
            },
            String::new(),
            String::new(),
            None,
            &titles,
            &[100.0; 8],
            series,
        )
        .unwrap()
    }

    fn series_of(n: usize) -> Vec<Series> {
        series(n)
    }

    fn series(n: usize) -> Vec<Series> {
        let mut v = vec![Series {
            label: "Leksand (2023)".into(),
            values: vec![50.0; 8],
            style: SeriesStyle::Primary,
        }];
        v.extend((0..n).map(|k| Series {
            label: format!("Leksand ({})", 2019 - 2 * k as i32),
            values: vec![40.0; 8],
            style: SeriesStyle::History(k),
        }));
        v.push(Series {
            label: "Medelvärde av alla utvärderingar sedan 2020".into(),
            values: vec![60.0; 8],
            style: SeriesStyle::Compare,
        });
        v
    }

    #[test]
    fn the_legend_wraps_and_every_entry_stays_inside_the_chart() {
        for n in [0, 2, 4, 7] {
            let s = series(n);
            let rows = legend_rows(&s);
            assert_eq!(rows.iter().map(Vec::len).sum::<usize>(), s.len());
            for row in &rows {
                for &(_, x, w) in row {
                    assert!(
                        x >= 0 && x as u32 + w <= WIDTH,
                        "{n} earlier: entry at {x}+{w}"
                    );
                }
            }
            if n >= 2 {
                assert!(rows.len() >= 2, "{n} earlier evaluations on one row");
            }
            // The chart grows to hold its legend.
            let chart = chart_of(&s);
            let height: u32 = chart
                .svg
                .split("height=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
                .and_then(|h| h.parse().ok())
                .unwrap();
            let last_row_y = 600 + 360 + 230 + (rows.len() as u32 - 1) * LEGEND_ROW as u32;
            assert!(
                height >= last_row_y + 40,
                "{n}: legend row at {last_row_y} in a chart {height} high"
            );
        }
    }

    #[test]
    fn ring_values_are_drawn_above_the_series_on_a_white_ground() {
        let chart = chart_of(&series(1));
        let svg = &chart.svg;
        // Ring values are the only 26 px text; the municipality's 8 markers (circles) are the
        // last series drawn, and only the legend's circle comes after the values.
        let values: Vec<usize> = svg
            .match_indices("font-size=\"26")
            .map(|(i, _)| i)
            .collect();
        assert_eq!(values.len(), 5, "five ring values");
        let circles_before = svg[..values[0]].matches("<circle").count();
        assert_eq!(circles_before, 8, "a series is drawn over the ring values");
        assert_eq!(svg.matches("<circle").count(), 9);
        // Each value has its white ground just before it.
        let mut from = svg[..values[0]].rfind("<circle").unwrap();
        for at in values {
            assert!(
                svg[from..at].contains("fill=\"#FFFFFF\""),
                "a ring value without its white ground"
            );
            from = at;
        }
    }

    #[test]
    fn earlier_evaluations_differ_in_grey_dash_and_marker() {
        for (a, da) in HISTORY_DASHES.iter().enumerate() {
            assert!(
                !HISTORY_DASHES[a + 1..].contains(da),
                "two earlier evaluations share {da:?}"
            );
        }
        for g in HISTORY_GREYS {
            let l = |c: u8| {
                let v = c as f64 / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            let lum = 0.2126 * l(g.0) + 0.7152 * l(g.1) + 0.0722 * l(g.2);
            assert!(1.05 / (lum + 0.05) >= 3.0, "{g:?} too light against white");
        }
    }
}
