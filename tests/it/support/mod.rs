//! Helpers shared by the integration tests: run the real binary, read PDFs in Rust (lopdf and
//! the small text reader in `pdftext.rs`), and the poppler/qpdf layer that `.ci/run` always runs.
#![allow(dead_code)]

pub mod annotate;
pub mod hostile;
pub mod pdftext;
pub mod process;

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
    // The example computes its peer group from the register beside it: a copy of the example
    // written here finds it too.
    std::fs::copy(REGISTER, dir.join("register.csv")).expect("copy the example register");
    dir
}

/// The example's results register.
pub const REGISTER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/register.csv");

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

/// The text of a PDF in reading order, with all runs of whitespace collapsed to one space and
/// words broken by hyphenation joined again.
pub fn pdf_text(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).expect("the PDF");
    let lines: Vec<String> = pdftext::read(&bytes)
        .iter()
        .flat_map(pdftext::reading)
        .map(|(_, l)| l)
        .collect();
    normalise(&lines.join("\n"))
}

/// The lines of a PDF as laid out on the page, whitespace collapsed: a table row is one line
/// (a wrapped cell continues on the next).
pub fn pdf_lines_layout(pdf: &Path) -> Vec<String> {
    read_pdf(pdf)
        .into_iter()
        .flat_map(|p| p.lines.into_iter().map(|(_, l)| normalise(&l)))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Collapse whitespace and join words that hyphenation broke over a line (the line ends with a
/// soft hyphen, U+00AD).
pub fn normalise(s: &str) -> String {
    s.replace("\u{ad}\n", "")
        .replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn page_count(pdf: &Path) -> usize {
    lopdf::Document::load(pdf)
        .expect("a readable PDF")
        .get_pages()
        .len()
}

/// One page: its height and every word with its baseline, measured from the top (points).
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
    let bytes = std::fs::read(pdf).expect("the PDF");
    pdftext::read(&bytes)
        .iter()
        .map(|p| Page {
            height: p.height,
            // Words in reading order, each with the baseline of its line.
            words: pdftext::reading(p)
                .into_iter()
                .flat_map(|(y, l)| {
                    l.split_whitespace()
                        .map(|w| (y, w.to_string()))
                        .collect::<Vec<_>>()
                })
                .collect(),
        })
        .collect()
}

/// A page as read from the PDF: height and lines (baseline from the top, text).
struct TextPage {
    height: f64,
    lines: Vec<(f64, String)>,
}

fn read_pdf(pdf: &Path) -> Vec<TextPage> {
    let bytes = std::fs::read(pdf).expect("the PDF");
    pdftext::read(&bytes)
        .iter()
        .map(|p| TextPage {
            height: p.height,
            lines: pdftext::lines(p),
        })
        .collect()
}

/// The pages whose content draws text at `size` pt (e.g. the draft's watermark, 120 pt).
pub fn pages_with_text_size(pdf: &Path, size: f64) -> Vec<usize> {
    use lopdf::content::Content;
    let doc = lopdf::Document::load(pdf).expect("a readable PDF");
    doc.get_pages()
        .into_iter()
        .filter(|(_, id)| {
            doc.get_page_content(*id)
                .ok()
                .and_then(|c| Content::decode(&c).ok())
                .is_some_and(|c| {
                    c.operations.iter().any(|op| {
                        op.operator == "Tf"
                            && op
                                .operands
                                .get(1)
                                .and_then(|o| o.as_float().ok())
                                .is_some_and(|s| (f64::from(s) - size).abs() < 0.01)
                    })
                })
        })
        .map(|(n, _)| n as usize)
        .collect()
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

/// The PDF's document information: the value of `key`, e.g. "Title".
pub fn pdf_info(pdf: &Path, key: &str) -> String {
    let doc = lopdf::Document::load(pdf).expect("a readable PDF");
    let info = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok(),
        lopdf::Object::Dictionary(d) => Some(d),
        _ => None,
    });
    info.and_then(|d| d.get(key.as_bytes()).ok())
        .map(pdf_string)
        .unwrap_or_default()
}

/// A PDF text string: UTF-16BE with a byte order mark, else its bytes as characters.
pub fn pdf_string(o: &lopdf::Object) -> String {
    match o {
        lopdf::Object::String(bytes, _) => kompass::embed::pdf_text_string(bytes),
        _ => String::new(),
    }
}

/// Every object of a PDF in the shape of `qpdf --json=2`: `"N 0 R"` → `{"value": …}` or
/// `{"stream": {"dict": …, "data": <base64 of the decoded data>}}`, names as `"/Name"`, text
/// strings as `"u:…"`, references as `"N 0 R"`.
pub fn pdf_objects(pdf: &Path) -> std::collections::HashMap<String, serde_json::Value> {
    use lopdf::Object;
    use serde_json::{Value, json};
    fn convert(o: &Object) -> Value {
        match o {
            Object::Null => Value::Null,
            Object::Boolean(b) => Value::Bool(*b),
            Object::Integer(i) => json!(i),
            Object::Real(r) => json!(r),
            Object::Name(n) => Value::String(format!("/{}", String::from_utf8_lossy(n))),
            Object::String(..) => Value::String(format!("u:{}", pdf_string(o))),
            Object::Array(a) => Value::Array(a.iter().map(convert).collect()),
            Object::Dictionary(d) => dict(d),
            Object::Stream(s) => dict(&s.dict),
            Object::Reference((n, g)) => Value::String(format!("{n} {g} R")),
        }
    }
    fn dict(d: &lopdf::Dictionary) -> Value {
        Value::Object(
            d.iter()
                .map(|(k, v)| (format!("/{}", String::from_utf8_lossy(k)), convert(v)))
                .collect(),
        )
    }
    let doc = lopdf::Document::load(pdf).expect("a readable PDF");
    doc.objects
        .iter()
        .map(|((n, g), o)| {
            let v = match o {
                Object::Stream(s) => {
                    let data = s
                        .decompressed_content()
                        .unwrap_or_else(|_| s.content.clone());
                    json!({"stream": {"dict": dict(&s.dict), "data": base64(&data)}})
                }
                other => json!({"value": convert(other)}),
            };
            (format!("{n} {g} R"), v)
        })
        .collect()
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Whether the external tools of the extra layer are here (poppler's `pdftotext`/`pdfinfo`,
/// `qpdf`, util-linux's `script`): they are not needed for the default tests, so without them a
/// test of that layer is skipped with a note – except in CI, where `.ci/run` installs them and
/// sets `KOMPASS_REQUIRE_TOOLS=1`, so that their absence fails instead of passing silently.
pub fn external_tools(tools: &[&str]) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|t| {
            Command::new("sh")
                .args(["-c", &format!("command -v {t}")])
                .output()
                .map_or(true, |o| !o.status.success())
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("KOMPASS_REQUIRE_TOOLS").is_none_or(|v| v != "1"),
        "KOMPASS_REQUIRE_TOOLS=1 but {missing:?} not installed"
    );
    eprintln!(
        "skipped: {missing:?} not installed (the extra layer of checks; .ci/run installs them)"
    );
    false
}

/// `pdftotext` of a PDF (poppler), whitespace collapsed.
pub fn poppler_text(pdf: &Path) -> String {
    let o = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext");
    assert!(o.status.success(), "pdftotext failed");
    normalise(&String::from_utf8_lossy(&o.stdout))
}

/// Pairs of glyphs drawn on the same line that overlap by more than a quarter of the font size:
/// text that runs into other text, e.g. a table cell too narrow for its content. (Kerning, as in
/// ”, or 7., moves glyphs together by about a tenth of the size.) Each finding is the page
/// number from 1, the two glyphs' texts and the overlap in points.
pub fn overlapping_glyphs(pdf: &Path) -> Vec<(usize, String, String, f64)> {
    let bytes = std::fs::read(pdf).expect("the PDF");
    let mut out = Vec::new();
    for (n, page) in pdftext::read(&bytes).iter().enumerate() {
        let mut glyphs: Vec<&pdftext::Glyph> = page
            .glyphs
            .iter()
            .filter(|g| !g.text.trim().is_empty())
            .collect();
        glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        for pair in glyphs.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let overlap = a.x + a.advance - b.x;
            if (a.y - b.y).abs() < 0.5 && overlap > 0.25 * a.size {
                out.push((n + 1, a.text.clone(), b.text.clone(), overlap));
            }
        }
    }
    out
}
