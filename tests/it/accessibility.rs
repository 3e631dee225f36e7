//! The rendered report as a screen reader and an archive see it: tags, headings, alt texts,
//! tables, fonts, metadata and colour contrast. The PDF is read with lopdf, in the shape of
//! qpdf's JSON; `qpdf --check` is part of the poppler/qpdf layer (tests/it/pdf_tools.rs).

use crate::support;

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use support::*;

struct Pdf {
    objects: HashMap<String, Value>,
}

impl Pdf {
    fn open(path: &Path) -> Self {
        Pdf {
            objects: pdf_objects(path),
        }
    }

    /// The dictionary of an object (a stream's dictionary for streams), following references.
    fn dict<'a>(&'a self, v: &'a Value) -> Option<&'a serde_json::Map<String, Value>> {
        match v {
            Value::String(r) if r.ends_with(" R") => {
                let o = self.objects.get(r)?;
                o.get("value")
                    .and_then(Value::as_object)
                    .or_else(|| o["stream"]["dict"].as_object())
            }
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    fn stream_text(&self, r: &str) -> String {
        use std::io::Read;
        let data = self.objects[r]["stream"]["data"]
            .as_str()
            .unwrap_or_default();
        let bytes = base64_decode(data);
        let mut s = String::new();
        let _ = bytes.as_slice().read_to_string(&mut s);
        s
    }

    fn catalog(&self) -> &serde_json::Map<String, Value> {
        self.objects
            .values()
            .filter_map(|o| o["value"].as_object())
            .find(|d| d.get("/Type").and_then(Value::as_str) == Some("/Catalog"))
            .expect("catalog")
    }

    /// Every structure element below the root, depth first, as (type, dictionary).
    fn structure(&self) -> Vec<(String, serde_json::Map<String, Value>)> {
        let root = self
            .dict(&self.catalog()["/StructTreeRoot"])
            .expect("structure tree");
        let mut out = Vec::new();
        self.walk(&root["/K"], &mut out, 0);
        out
    }

    fn walk(
        &self,
        k: &Value,
        out: &mut Vec<(String, serde_json::Map<String, Value>)>,
        depth: usize,
    ) {
        assert!(depth < 200, "structure tree too deep");
        match k {
            Value::Array(items) => items.iter().for_each(|i| self.walk(i, out, depth + 1)),
            _ => {
                let Some(d) = self.dict(k) else { return };
                if let Some(s) = d.get("/S").and_then(Value::as_str) {
                    out.push((s.trim_start_matches('/').to_string(), d.clone()));
                    if let Some(kids) = d.get("/K") {
                        self.walk(kids, out, depth + 1);
                    }
                }
            }
        }
    }
}

fn text_of(v: &Value) -> String {
    v.as_str()
        .unwrap_or_default()
        .trim_start_matches("u:")
        .to_string()
}

fn base64_decode(s: &str) -> Vec<u8> {
    let table = |c: u8| -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some((c - b'A') as u32),
            b'a'..=b'z' => Some((c - b'a' + 26) as u32),
            b'0'..=b'9' => Some((c - b'0' + 52) as u32),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter_map(table) {
        acc = (acc << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// The example, rendered once for all tests of this file (they run in parallel: each rendering
/// into a fresh scratch folder would delete the others' PDF).
fn rendered() -> (std::path::PathBuf, Pdf) {
    static ONCE: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let pdf = ONCE
        .get_or_init(|| {
            let pdf = scratch("accessibility").join("leksand.pdf");
            render(Path::new(EXAMPLE), &pdf);
            pdf
        })
        .clone();
    let parsed = Pdf::open(&pdf);
    (pdf, parsed)
}

#[test]
fn tagged_archival_pdf_with_swedish_metadata() {
    let (_, pdf) = rendered();
    let cat = pdf.catalog();
    assert_eq!(cat["/MarkInfo"]["/Marked"], Value::Bool(true), "not tagged");
    assert_eq!(text_of(&cat["/Lang"]), "sv-SE");
    assert_eq!(
        cat["/ViewerPreferences"]["/DisplayDocTitle"],
        Value::Bool(true)
    );
    let xmp = pdf.stream_text(cat["/Metadata"].as_str().unwrap());
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "no PDF/A-3a identification"
    );
    assert!(
        xmp.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "no PDF/UA-1 identification"
    );
    assert!(
        xmp.contains("Kommunkompassen – Analys av Leksands kommun"),
        "title missing from XMP"
    );
}

#[test]
fn headings_tables_and_figures_are_structured() {
    let (_, pdf) = rendered();
    let loaded = kompass::checks::prepared::load_path(Path::new(EXAMPLE))
        .map_err(|_| "example must load")
        .unwrap();
    let scores = kompass::checks::scores::derive(&loaded.loaded);
    let areas = scores.areas.len();
    let elements = pdf.structure();
    let count = |t: &str| elements.iter().filter(|(s, _)| s == t).count();

    // One H1 per chapter (and the contents title), H2 for the four sections of chapter 2 and
    // one per area, H3 for the four parts of every area.
    assert_eq!(count("H1"), 5, "H1 count");
    assert_eq!(count("H2"), 4 + areas, "H2 count");
    assert_eq!(count("H3"), 4 * areas, "H3 count");

    // Every figure carries alt text naming every area with its score.
    let figures: Vec<_> = elements.iter().filter(|(s, _)| s == "Figure").collect();
    assert_eq!(figures.len(), 3, "three charts");
    for (_, f) in &figures {
        let alt = text_of(f.get("/Alt").expect("figure without /Alt"));
        for a in &scores.areas {
            assert!(
                alt.contains(&a.title),
                "alt text lacks area {}: {alt}",
                a.id
            );
            assert!(
                alt.contains(&format!(" {}", a.score)),
                "alt text lacks the score of area {}: {alt}",
                a.id
            );
        }
    }

    // Every table has header cells; lists are lists.
    let tables = count("Table");
    assert!(
        tables > 2 * areas,
        "expected a Styrkor table and a score table per area, found {tables}"
    );
    for (_, table) in elements.iter().filter(|(s, _)| s == "Table") {
        let mut inside = Vec::new();
        pdf.walk(&table["/K"], &mut inside, 0);
        assert!(
            inside.iter().any(|(s, _)| s == "TH"),
            "a table without header cells"
        );
        assert!(
            inside.iter().any(|(s, _)| s == "TD"),
            "a table without data cells"
        );
    }
    assert!(
        count("L") >= 2 * areas && count("LI") > 0,
        "lists are not tagged as lists"
    );
    // Row labels are header cells too: every sub-area, area and sum row of chapter 4 and every
    // area row of the two chart value tables.
    let row_headers = elements
        .iter()
        .filter(|(s, d)| {
            s == "TH" && {
                let attrs = match d.get("/A") {
                    Some(Value::Array(a)) => a.clone(),
                    Some(v) => vec![v.clone()],
                    None => vec![],
                };
                attrs
                    .iter()
                    .any(|a| a.get("/Scope").and_then(Value::as_str) == Some("/Row"))
            }
        })
        .count();
    let subareas: usize = scores.areas.iter().map(|a| a.subs.len()).sum();
    assert_eq!(
        row_headers,
        subareas + areas + (areas + 1) + 2 * areas,
        "row header cells"
    );
    // The contents list every chapter and every H2, each entry a link.
    assert_eq!(
        count("TOCI"),
        count("H1") - 1 + count("H2"),
        "contents entries"
    );
    assert!(
        count("Link") >= count("TOCI"),
        "contents entries are not links"
    );
}

#[test]
fn every_font_is_embedded_with_a_unicode_map() {
    let (_, pdf) = rendered();
    let fonts: Vec<_> = pdf
        .objects
        .values()
        .filter_map(|o| o["value"].as_object())
        .filter(|d| d.get("/Type").and_then(Value::as_str) == Some("/Font"))
        .collect();
    assert!(!fonts.is_empty());
    for f in fonts {
        let subtype = f["/Subtype"].as_str().unwrap_or_default();
        if subtype == "/Type0" {
            assert!(
                f.contains_key("/ToUnicode"),
                "Type0 font without /ToUnicode: {f:?}"
            );
        } else {
            let fd = pdf.dict(&f["/FontDescriptor"]).expect("font descriptor");
            assert!(
                fd.contains_key("/FontFile2")
                    || fd.contains_key("/FontFile3")
                    || fd.contains_key("/FontFile"),
                "font not embedded: {f:?}"
            );
        }
    }
}

/// WCAG 2.1 relative luminance and contrast ratio.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let c = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
}

fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn rgb(c: kompass::report::charts::RGBColor) -> (u8, u8, u8) {
    (c.0, c.1, c.2)
}

#[test]
fn text_colours_meet_wcag_aa_contrast() {
    use kompass::report::charts::*;
    // Template colours, read from the style sheet itself.
    let style = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/report-templates/style.typ"
    ))
    .unwrap();
    let colour = |name: &str| -> (u8, u8, u8) {
        let line = style
            .lines()
            .find(|l| l.starts_with(&format!("#let {name} = rgb(")))
            .unwrap_or_else(|| panic!("colour {name} not in style.typ"));
        let hex = line.split('"').nth(1).unwrap().trim_start_matches('#');
        let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
        (v(0), v(2), v(4))
    };
    let white = (255, 255, 255);
    let pairs = [
        ("body text on white", colour("ink"), white),
        (
            "captions and running heads on white",
            colour("muted"),
            white,
        ),
        ("headings on white", colour("primary"), white),
        ("cover title on the cover band", white, colour("primary")),
        (
            "table header text on its tint",
            colour("ink"),
            colour("tint"),
        ),
        (
            "score number on its tint",
            colour("primary"),
            colour("tint"),
        ),
        ("chart labels on white", rgb(INK), white),
        ("chart axis values on white", rgb(MUTED), white),
        ("bar values on the bar track", rgb(INK), rgb(TRACK)),
    ];
    for (what, fg, bg) in pairs {
        let ratio = contrast(fg, bg);
        assert!(ratio >= 4.5, "{what}: contrast {ratio:.2} is below 4.5:1");
    }
    // Chart series are graphics: WCAG asks 3:1 against the background, and they must differ
    // from each other in greyscale too.
    for (what, c) in [
        ("municipality series", PRIMARY),
        ("comparison series", COMPARE),
        ("earlier evaluations", HISTORY),
        ("total bar", TOTAL),
    ] {
        assert!(contrast(rgb(c), white) >= 3.0, "{what} too light");
    }
    let series = [PRIMARY, COMPARE, HISTORY];
    for (i, a) in series.iter().enumerate() {
        for b in &series[i + 1..] {
            let gap = (luminance(rgb(*a)) - luminance(rgb(*b))).abs();
            assert!(
                gap > 0.05,
                "series {a:?} and {b:?} alike in greyscale ({gap:.3})"
            );
        }
    }
}

#[test]
fn the_evaluation_is_an_associated_file_without_comments() {
    let (_, pdf) = rendered();
    let af = pdf.catalog()["/AF"]
        .as_array()
        .expect("the catalog lists associated files (/AF)");
    let mut seen = Vec::new();
    for spec in af {
        let spec = pdf.dict(spec).expect("file specification");
        assert_eq!(text_of(&spec["/Type"]), "/Filespec");
        let name = text_of(&spec["/UF"]);
        let relationship = text_of(&spec["/AFRelationship"]);
        let stream_ref = spec["/EF"]["/F"].as_str().expect("embedded file stream");
        let stream = pdf.dict(&spec["/EF"]["/F"]).unwrap();
        let mime = text_of(&stream["/Subtype"]);
        let data = pdf.stream_text(stream_ref);
        if name.ends_with(".toml") {
            assert_eq!(relationship, "/Source");
            assert!(mime.contains("toml"), "MIME type {mime}");
            // Every comment of the example is the evaluator's own: none reaches the PDF.
            let example = std::fs::read_to_string(EXAMPLE).unwrap();
            for line in example.lines() {
                if let Some((_, comment)) = line.split_once('#') {
                    let comment = comment.trim();
                    if comment.len() > 8 && !line.trim_start().starts_with('"') {
                        assert!(!data.contains(comment), "comment {comment:?} is in the PDF");
                    }
                }
            }
            assert!(data.contains("official_name = \"Leksands kommun\""));
        } else {
            assert_eq!(name, "kompass.json");
            assert_eq!(relationship, "/Supplement");
            assert!(mime.contains("json"), "MIME type {mime}");
            assert!(data.contains("\"kompass\""));
        }
        seen.push(name);
    }
    seen.sort();
    assert_eq!(seen, ["kompass.json", "leksand-2023-11-23.toml"]);
}

#[test]
fn no_text_runs_into_other_text() {
    // Every line of the example, the cover to the score tables: no glyph drawn over another
    // on the same line (a cell too narrow, a label over a value).
    let (path, _) = rendered();
    let collisions = overlapping_glyphs(&path);
    assert!(collisions.is_empty(), "{collisions:?}");
}
