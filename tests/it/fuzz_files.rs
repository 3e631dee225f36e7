//! A bounded fuzz run of the readers of files from outside (proptest): mutated kompass PDFs
//! (byte flips, truncation, altered streams, object cycles, decompression bombs) through what
//! `extract`, `verify` and `export` read, and mutated workbooks (zip and XML mutations) through
//! what `check` reads. Each case ends in a result or an error, never a panic or an abort, and
//! within a bounded time. `KOMPASS_FUZZ_CASES` scales the runs like the other fuzz tests.

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::support;

use proptest::prelude::*;

/// A case that takes longer than this hangs: the bound is far above what any case needs
/// (milliseconds), so it fails only on a loop that does not end.
const HANG: Duration = Duration::from_secs(20);

fn fuzz_cases() -> u32 {
    std::env::var("KOMPASS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// The example report, rendered once by the real binary.
fn seed_pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-files");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        std::fs::copy(format!("{examples}/register.csv"), dir.join("register.csv")).unwrap();
        let toml = dir.join("leksand.toml");
        std::fs::copy(format!("{examples}/leksand-2023.toml"), &toml).unwrap();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_kompass"))
            .args(["render", toml.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read(dir.join("leksand.pdf")).unwrap()
    })
}

/// A zlib stream that inflates to 64 MiB: past every limit of the PDF reader.
fn bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..64 {
            e.write_all(&zeros).unwrap();
        }
        e.finish().unwrap()
    })
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// PDF tokens that matter to a reader.
const PDF_TOKENS: &[&str] = &[
    " obj ",
    "endobj",
    "stream\n",
    "\nendstream",
    "<<",
    ">>",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    " R ",
    "0 ",
    "12 0 R",
    "/Filter/FlateDecode",
    "/Type/ObjStm/N 3/First 0",
    "/Length 99999999",
    "/EF<</F 1 0 R>>",
    "/Type/Filespec",
    "\\",
    "%",
    "/DecodeParms<</Predictor 12>>",
];

#[derive(Debug, Clone)]
enum PdfMutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, usize),
    /// Replace the start of the k-th stream's data: random bytes, or a bomb.
    Stream(usize, Option<Vec<u8>>),
    /// Point an attachment at another object (a font, a page, itself).
    Retarget(usize, u32),
    /// Add objects that refer to each other and to themselves, and an object stream that
    /// holds a file specification pointing at the object stream.
    Cycle,
    /// Deeply nested arrays.
    Deep(usize),
}

fn pdf_mutation() -> impl Strategy<Value = PdfMutation> {
    let len = 400_000usize;
    prop_oneof![
        3 => (0..len, 1u8..=255).prop_map(|(p, x)| PdfMutation::Flip(p, x)),
        1 => (0..len).prop_map(PdfMutation::Truncate),
        2 => (0..len, 0..PDF_TOKENS.len()).prop_map(|(p, t)| PdfMutation::Insert(p, t)),
        2 => (0usize..200, proptest::option::of(proptest::collection::vec(any::<u8>(), 1..64)))
            .prop_map(|(k, b)| PdfMutation::Stream(k, b)),
        2 => (0usize..4, 0u32..1500).prop_map(|(k, n)| PdfMutation::Retarget(k, n)),
        1 => Just(PdfMutation::Cycle),
        1 => (1usize..200_000).prop_map(PdfMutation::Deep),
    ]
}

fn positions(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

fn apply_pdf(seed: &[u8], mutations: &[PdfMutation]) -> Vec<u8> {
    let mut pdf = seed.to_vec();
    for m in mutations {
        let len = pdf.len().max(1);
        match m {
            PdfMutation::Flip(p, x) => {
                let p = p % len;
                if p < pdf.len() {
                    pdf[p] ^= x;
                }
            }
            PdfMutation::Truncate(p) => pdf.truncate(p % len),
            PdfMutation::Insert(p, t) => {
                let p = (p % len).min(pdf.len());
                pdf.splice(p..p, PDF_TOKENS[*t].bytes());
            }
            PdfMutation::Stream(k, bytes) => {
                let starts = positions(&pdf, b"stream\n");
                if let Some(&at) = starts.get(k % starts.len().max(1)) {
                    let at = at + 7;
                    let bytes = bytes.clone().unwrap_or_else(|| bomb().to_vec());
                    let end = (at + bytes.len()).min(pdf.len());
                    pdf.splice(at..end, bytes);
                }
            }
            PdfMutation::Retarget(k, n) => {
                let at = positions(&pdf, b"/EF<</F ");
                if let Some(&at) = at.get(k % at.len().max(1)) {
                    let at = at + 8;
                    let end = at + pdf[at..].iter().take_while(|b| b.is_ascii_digit()).count();
                    pdf.splice(at..end, n.to_string().bytes());
                }
            }
            PdfMutation::Cycle => {
                let inner = b"9003 0 <</Type/Filespec/F(c.toml)/EF<</F 9002 0 R>>>>";
                let packed = zlib(inner);
                let mut add = b"\n9000 0 obj<</Type/Filespec/F(kompass.json)/EF<</F 9000 0 R>>/Next 9001 0 R>>endobj\n9001 0 obj<</Parent 9000 0 R/Kids[9001 0 R 9000 0 R]/EF<</F 9001 0 R>>/UF(x.toml)>>endobj\n".to_vec();
                add.extend_from_slice(
                    format!(
                        "9002 0 obj<</Type/ObjStm/N 1/First 7/Filter/FlateDecode/Length {}>>stream\n",
                        packed.len()
                    )
                    .as_bytes(),
                );
                add.extend_from_slice(&packed);
                add.extend_from_slice(b"\nendstream\nendobj\n");
                let at = positions(&pdf, b"xref")
                    .last()
                    .copied()
                    .unwrap_or(pdf.len());
                pdf.splice(at..at, add);
            }
            PdfMutation::Deep(n) => {
                let mut add = b"\n9100 0 obj\n".to_vec();
                add.extend(std::iter::repeat_n(b'[', *n));
                add.extend_from_slice(b"\nendobj\n");
                let at = pdf.len() / 2;
                pdf.splice(at..at, add);
            }
        }
    }
    pdf
}

/// What `extract`, `verify` and `export` do with a PDF before any typesetting: read its
/// attachments, name the file, load and check the evaluation.
fn drive_pdf(pdf: &[u8]) {
    let start = Instant::now();
    match kompass::pdf::embed::read(pdf) {
        Ok(e) => {
            assert!(e.source.len() <= kompass::files::read::MAX_EVALUATION_BYTES as usize);
            let name = kompass::pdf::embed::fallback_name(&e.source);
            assert!(kompass::files::read::safe_file_name(&name), "{name:?}");
            if let Ok(l) = kompass::checks::prepared::load_str("fuzz.toml", &e.source) {
                let _ = kompass::checks::validate::check(&l);
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    assert!(start.elapsed() < HANG, "a case took {:?}", start.elapsed());
}

/// The example register as a workbook.
fn seed_workbook() -> &'static [u8] {
    static BOOK: OnceLock<Vec<u8>> = OnceLock::new();
    BOOK.get_or_init(|| {
        let csv = include_str!("../../examples/register.csv");
        let rows = kompass::checks::register::from_csv(csv).unwrap();
        kompass::checks::register::to_xlsx(&rows).unwrap()
    })
}

/// A small OpenDocument spreadsheet register: a header and three invented rows, with the
/// repeated empty rows and columns LibreOffice writes.
fn seed_ods() -> Vec<u8> {
    let cell = |s: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
        )
    };
    let num =
        |n: i64| format!(r#"<table:table-cell office:value-type="float" office:value="{n}"/>"#);
    let header = "municipality,code,year,date,framework,first_evaluation,population,area_1,area_2,area_3,area_4,area_5,area_6,area_7,area_8,total,note,public_note";
    let mut rows = format!(
        "<table:table-row>{}</table:table-row>",
        header.split(',').map(cell).collect::<String>()
    );
    for (name, code) in [("Ydre", "0512"), ("Kinda", "0513"), ("Boxholm", "0560")] {
        rows.push_str("<table:table-row>");
        rows.push_str(&cell(name));
        rows.push_str(&cell(code));
        rows.push_str(&num(2021));
        rows.push_str(&cell(""));
        rows.push_str(&cell("kommunkompassen-2020"));
        rows.push_str(
            r#"<table:table-cell office:value-type="boolean" office:boolean-value="true"/>"#,
        );
        rows.push_str(&num(5000));
        for _ in 0..8 {
            rows.push_str(&num(50));
        }
        rows.push_str(&num(400));
        rows.push_str(
            r#"<table:table-cell table:number-columns-repeated="1000"/></table:table-row>"#,
        );
    }
    rows.push_str(r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#);
    support::hostile::ods(&rows)
}

/// Pieces of sheet XML that matter to a reader.
const XML_TOKENS: &[&str] = &[
    "<",
    ">",
    "/",
    "\"",
    "=",
    "<row r=\"1048576\">",
    "<c r=\"XFD1\"><v>1</v></c>",
    "<c r=\"A99999999\" t=\"s\"><v>99999</v></c>",
    "<c t=\"inlineStr\"><is><t>x</t></is></c>",
    "&amp;",
    "&#0;",
    "<![CDATA[",
    "]]>",
    "<v>1e308</v>",
    "<v>-0</v>",
    "t=\"d\"",
    "t=\"b\"",
    "t=\"e\"",
    "<f>SUM(A1:A2)</f>",
    "<dimension ref=\"A1:XFD1048576\"/>",
    "\u{0}",
    "ä",
];

#[derive(Debug, Clone)]
enum BookMutation {
    /// On the zip's bytes.
    Flip(usize, u8),
    Truncate(usize),
    /// A size in a zip header that lies.
    Size(usize, u32),
    /// On the XML of one part (by index), then zipped again.
    Xml(usize, usize, usize),
    XmlDelete(usize, usize, usize),
}

fn book_mutation() -> impl Strategy<Value = BookMutation> {
    prop_oneof![
        2 => (0usize..20_000, 1u8..=255).prop_map(|(p, x)| BookMutation::Flip(p, x)),
        1 => (0usize..20_000).prop_map(BookMutation::Truncate),
        1 => (0usize..20, any::<u32>()).prop_map(|(k, n)| BookMutation::Size(k, n)),
        4 => (0usize..12, 0usize..50_000, 0..XML_TOKENS.len())
            .prop_map(|(f, p, t)| BookMutation::Xml(f, p, t)),
        2 => (0usize..12, 0usize..50_000, 1usize..200)
            .prop_map(|(f, p, n)| BookMutation::XmlDelete(f, p, n)),
    ]
}

/// The parts of a workbook (none when it is no longer a readable zip), and a workbook made of
/// parts.
fn unzip(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).ok()?;
            let name = f.name().ok()?.to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).ok()?;
            Some((name, data))
        })
        .collect()
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(name.as_str(), options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn apply_book(seed: &[u8], mutations: &[BookMutation]) -> Vec<u8> {
    let mut book = seed.to_vec();
    for m in mutations {
        let len = book.len().max(1);
        match m {
            BookMutation::Flip(p, x) => {
                let p = p % len;
                if p < book.len() {
                    book[p] ^= x;
                }
            }
            BookMutation::Truncate(p) => book.truncate(p % len),
            BookMutation::Size(k, n) => {
                let headers = [
                    positions(&book, b"PK\x03\x04"),
                    positions(&book, b"PK\x01\x02"),
                ]
                .concat();
                if let Some(&at) = headers.get(k % headers.len().max(1)) {
                    // The uncompressed size: at 22 in a local header, 24 in a central one.
                    let field = at + if book[at + 2] == 3 { 22 } else { 24 };
                    if field + 4 <= book.len() {
                        book[field..field + 4].copy_from_slice(&n.to_le_bytes());
                    }
                }
            }
            BookMutation::Xml(f, p, t) | BookMutation::XmlDelete(f, p, t) => {
                let Some(mut parts) = unzip(&book) else {
                    continue;
                };
                let part = f % parts.len().max(1);
                if let Some((_, data)) = parts.get_mut(part) {
                    let p = p % data.len().max(1);
                    let p = p.min(data.len());
                    if let BookMutation::Xml(..) = m {
                        data.splice(p..p, XML_TOKENS[*t].bytes());
                    } else {
                        let end = (p + t).min(data.len());
                        data.drain(p..end);
                    }
                }
                book = rezip(&parts);
            }
        }
    }
    book
}

/// What `check register.xlsx` does: read within the bounds, check every row.
fn drive_book(name: &str, bytes: &[u8]) {
    let start = Instant::now();
    match kompass::checks::register::check_file(name, bytes) {
        Ok((sources, diagnostics)) => {
            for d in &diagnostics {
                let _ = sources.to_plain(d);
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    assert!(start.elapsed() < HANG, "a case took {:?}", start.elapsed());
}

proptest! {
    // A quarter of KOMPASS_FUZZ_CASES each (500 by default): a case reads a whole report.
    #![proptest_config(ProptestConfig { cases: fuzz_cases() / 4, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_pdfs_never_panic(mutations in proptest::collection::vec(pdf_mutation(), 1..5)) {
        drive_pdf(&apply_pdf(seed_pdf(), &mutations));
    }

    #[test]
    fn mutated_workbooks_never_panic(mutations in proptest::collection::vec(book_mutation(), 1..5)) {
        drive_book("fuzz.xlsx", &apply_book(seed_workbook(), &mutations));
    }

    #[test]
    fn mutated_opendocument_spreadsheets_never_panic(mutations in proptest::collection::vec(book_mutation(), 1..5)) {
        drive_book("fuzz.ods", &apply_book(&seed_ods(), &mutations));
    }
}

#[test]
fn the_seeds_are_read() {
    let e = kompass::pdf::embed::read(seed_pdf()).unwrap();
    assert_eq!(e.source_name, "leksand-2023-11-23.toml");
    let (_, d) = kompass::checks::register::check_file("seed.xlsx", seed_workbook()).unwrap();
    assert!(!d.iter().any(|d| d.is_error()));
    let (_, d) = kompass::checks::register::check_file("seed.ods", &seed_ods()).unwrap();
    assert!(!d.iter().any(|d| d.is_error()), "{d:?}");
    // A bomb in the attached evaluation's stream is found and refused.
    let starts = positions(seed_pdf(), b"/Type/EmbeddedFile");
    assert!(!starts.is_empty());
    let bombed = apply_pdf(
        seed_pdf(),
        &[PdfMutation::Retarget(0, 1), PdfMutation::Cycle],
    );
    drive_pdf(&bombed);
}

/// Mutated PDFs through the real commands: an exit code of 0, 1 or 2, never a panic (101) or
/// an abort (a signal).
#[test]
fn mutated_pdfs_through_the_commands() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-files-cli");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        vec![PdfMutation::Stream(0, None)],
        vec![PdfMutation::Truncate(200_000)],
        vec![PdfMutation::Cycle, PdfMutation::Retarget(1, 9002)],
        vec![PdfMutation::Deep(100_000), PdfMutation::Flip(1000, 0x55)],
        vec![PdfMutation::Insert(5000, 16)],
    ];
    for (i, case) in cases.iter().enumerate() {
        let pdf = dir.join(format!("m{i}.pdf"));
        std::fs::write(&pdf, apply_pdf(seed_pdf(), case)).unwrap();
        for cmd in ["extract", "verify", "export"] {
            let o = std::process::Command::new(env!("CARGO_BIN_EXE_kompass"))
                .args([cmd, pdf.to_str().unwrap()])
                .current_dir(&dir)
                .output()
                .unwrap();
            assert!(
                matches!(o.status.code(), Some(0..=2)),
                "{cmd} {case:?}: {:?} {}",
                o.status,
                String::from_utf8_lossy(&o.stderr)
            );
            // What extract wrote goes, so that the next case can write again.
            for e in std::fs::read_dir(&dir).unwrap().flatten() {
                if e.path().extension().is_some_and(|x| x == "toml") {
                    std::fs::remove_file(e.path()).unwrap();
                }
            }
        }
    }
}
