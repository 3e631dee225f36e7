//! Helpers shared by the integration tests: run the real binary, read PDFs with poppler-utils.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/leksand-2023.toml");

pub fn kompass(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kompass"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run kompass")
}

/// A fresh directory under the target directory, removed and recreated.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Render `toml` to `out` and insist that it worked.
pub fn render(toml: &Path, out: &Path) {
    let o = kompass(&[
        "render",
        toml.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        o.status.success(),
        "render failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The text of a PDF in reading order, with all runs of whitespace collapsed to one space.
pub fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf, &[])
}

/// The lines of a PDF as laid out on the page (`pdftotext -layout`), whitespace collapsed: a
/// table row is one line (a wrapped cell continues on the next).
pub fn pdf_lines_layout(pdf: &Path) -> Vec<String> {
    let o = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(o.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(normalise)
        .filter(|l| !l.is_empty())
        .collect()
}

fn pdftotext(pdf: &Path, options: &[&str]) -> String {
    let o = Command::new("pdftotext")
        .args(options)
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(o.status.success(), "pdftotext failed");
    normalise(&String::from_utf8_lossy(&o.stdout))
}

/// Collapse whitespace and join words that hyphenation broke over a line (pdftotext keeps the
/// soft hyphen, U+00AD, at the end of the line).
pub fn normalise(s: &str) -> String {
    s.replace("\u{ad}\n", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn page_count(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) must be installed");
    let info = String::from_utf8_lossy(&o.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

/// One page as `pdftotext -bbox` sees it: its height and every word with its bottom edge (y
/// grows downwards, in points).
pub struct Page {
    pub height: f64,
    pub words: Vec<(f64, String)>,
}

impl Page {
    pub fn text(&self) -> String {
        self.words
            .iter()
            .map(|(_, w)| w.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Every page of a PDF with its words and their positions.
pub fn pdf_pages(pdf: &Path) -> Vec<Page> {
    let o = Command::new("pdftotext")
        .args(["-bbox", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(o.status.success(), "pdftotext -bbox failed");
    let html = String::from_utf8_lossy(&o.stdout);
    let attr = |tag: &str, name: &str| -> f64 {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let height = attr(chunk, "height");
        let words = chunk
            .split("<word ")
            .skip(1)
            .filter_map(|w| {
                let (tag, rest) = w.split_once('>')?;
                let text = rest.split("</word>").next()?;
                Some((attr(tag, "yMax"), text.replace("&amp;", "&")))
            })
            .collect();
        pages.push(Page { height, words });
    }
    pages
}

/// The example with the municipality's names replaced.
pub fn example_as(name: &str, genitive: &str, official: &str) -> String {
    let src = std::fs::read_to_string(EXAMPLE).unwrap();
    let start = src.find("[municipality]").unwrap();
    let end = start + src[start..].find("population").unwrap();
    format!(
        "{}[municipality]\nname = \"{name}\"\ngenitive = \"{genitive}\"\nofficial_name = \"{official}\"\n{}",
        &src[..start],
        &src[end..]
    )
}

/// The PDF's document information (`pdfinfo`): the value of `key`, e.g. "Title".
pub fn pdf_info(pdf: &Path, key: &str) -> String {
    let o = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) must be installed");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}
