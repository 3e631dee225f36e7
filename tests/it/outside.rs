//! Files from outside: a PDF or workbook someone sends is hostile. Names inside a PDF never
//! decide where kompass writes; decompression bombs are refused at a limit, under a 1 GiB
//! address-space limit, with exit 2 and never an abort; a batch writes where `-o` says and a
//! draft never replaces a final report.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::hostile::*;
use support::*;

/// Run kompass in a folder.
fn kompass_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kompass"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run kompass")
}

/// Run kompass with at most 1 GiB of address space (`ulimit -v`), as a small laptop would
/// have of free memory: a process that tried to inflate a bomb would abort here.
fn kompass_limited(dir: &Path, args: &[&str]) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_kompass"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run kompass under ulimit")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The example rendered once per test binary.
fn example_pdf() -> &'static PathBuf {
    static PDF: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PDF.get_or_init(|| {
        let dir = scratch("outside-example");
        let pdf = dir.join("leksand.pdf");
        render(Path::new(EXAMPLE), &pdf);
        pdf
    })
}

/// `bytes` with every `from` replaced by `to`.
fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn an_attachment_name_that_leaves_the_folder_is_written_here_under_a_safe_name() {
    let pdf = std::fs::read(example_pdf()).unwrap();
    let root = scratch("outside-names");
    let absolute = root.join("absolute-target.toml");
    let hostile: Vec<(String, PathBuf)> = vec![
        ("../climbed.toml".into(), root.join("climbed.toml")),
        (
            "../../outside-names-escaped.toml".into(),
            root.parent().unwrap().join("outside-names-escaped.toml"),
        ),
        (absolute.display().to_string(), absolute.clone()),
        ("sub/../../x.toml".into(), root.join("x.toml")),
        ("C:\\\\evil.toml".into(), root.join("evil.toml")),
        (".hidden.toml".into(), root.join("work/.hidden.toml")),
        ("CON.toml".into(), root.join("work/CON.toml")),
        (
            "line\\nbreak.toml".into(),
            root.join("work/line\nbreak.toml"),
        ),
    ];
    for (name, escape) in hostile {
        let work = root.join("work");
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work).unwrap();
        // Both names of the attachment (/F and /UF) say where to write.
        let evil = replace_all(
            &pdf,
            b"(leksand-2023-11-23.toml)",
            format!("({name})").as_bytes(),
        );
        assert_ne!(evil, pdf);
        std::fs::write(root.join("evil.pdf"), &evil).unwrap();
        let o = kompass_in(&work, &["extract", "../evil.pdf"]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("not a plain file name")
                && stderr(&o).contains("leksand-2023-11-23.toml"),
            "{name}: {}",
            stderr(&o)
        );
        assert!(!escape.exists(), "{name} wrote {}", escape.display());
        let written: Vec<String> = std::fs::read_dir(&work)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(written, ["leksand-2023-11-23.toml"], "{name}");
        let text = std::fs::read_to_string(work.join("leksand-2023-11-23.toml")).unwrap();
        assert!(text.contains("[municipality]"));
    }
}

#[test]
fn the_ascii_name_of_an_attachment_and_its_unicode_name() {
    let dir = scratch("outside-ascii");
    let toml = dir.join("strängnäs.toml");
    std::fs::write(
        &toml,
        example_as("Strängnäs", "Strängnäs", "Strängnäs kommun"),
    )
    .unwrap();
    let pdf = dir.join("strängnäs.pdf");
    render(&toml, &pdf);
    let bytes = std::fs::read(&pdf).unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    // /F is the ASCII form; the UTF-8 bytes are nowhere as a name.
    assert!(has(b"/F(strangnas-2023-11-23.toml)"));
    let utf8_hex: String = "strängnäs-2023-11-23.toml"
        .bytes()
        .map(|b| format!("{b:02X}"))
        .collect();
    assert!(!has(utf8_hex.as_bytes()), "raw UTF-8 name left in the PDF");
    // /UF keeps the Unicode name, which extract uses.
    let embedded = kompass::embed::read(&bytes).unwrap();
    assert_eq!(embedded.source_name, "strängnäs-2023-11-23.toml");
    let o = kompass(&["verify", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    if external_tools(&["qpdf"]) {
        let list = Command::new("qpdf")
            .args(["--list-attachments", pdf.to_str().unwrap()])
            .output()
            .unwrap();
        let list = String::from_utf8_lossy(&list.stdout);
        assert!(list.contains("strangnas-2023-11-23.toml"), "{list}");
        assert!(!list.contains('Ã'), "{list}");
        let check = Command::new("qpdf")
            .args(["--check", pdf.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
}

#[test]
fn a_pdf_whose_evaluation_inflates_to_gigabytes_is_refused_by_extract_verify_and_export() {
    let dir = scratch("outside-pdf-bomb");
    let bomb = zlib_bomb(2 << 30);
    // A real bomb: its first 64 MiB inflate in full, from a file of a few megabytes.
    let mut head = Vec::new();
    let inflated = std::io::Read::read_to_end(
        &mut std::io::Read::take(flate2::read::ZlibDecoder::new(&bomb[..]), 64 << 20),
        &mut head,
    )
    .unwrap();
    assert_eq!(inflated, 64 << 20);
    assert!(bomb.len() < 8 << 20, "{}", bomb.len());
    std::fs::write(
        dir.join("bomb.pdf"),
        pdf_with_evaluation_stream("e.toml", &bomb),
    )
    .unwrap();
    for args in [
        &["extract", "bomb.pdf"][..],
        &["verify", "bomb.pdf"],
        &["export", "bomb.pdf"],
    ] {
        let o = kompass_limited(&dir, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("inflates to more than 8 MiB"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    assert!(!dir.join("e.toml").exists());
    // The same PDF with a small evaluation is read: the limit is what refused it.
    let small = pdf_with_evaluation_stream("e.toml", &zlib(b"framework = \"x\"\n"));
    std::fs::write(dir.join("small.pdf"), small).unwrap();
    let o = kompass_limited(&dir, &["extract", "small.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.join("e.toml")).unwrap(),
        "framework = \"x\"\n"
    );
}

/// The example register as a workbook, as `kompass export -o register.xlsx` writes it.
fn example_workbook() -> Vec<u8> {
    let rows = kompass::register::from_csv(&std::fs::read_to_string(REGISTER).unwrap()).unwrap();
    kompass::register::to_xlsx(&rows).unwrap()
}

#[test]
fn a_workbook_whose_sheet_inflates_to_gigabytes_is_refused_by_check() {
    let dir = scratch("outside-xlsx-bomb");
    let good = example_workbook();
    std::fs::write(dir.join("good.xlsx"), &good).unwrap();
    let o = kompass_limited(&dir, &["check", "good.xlsx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bomb = workbook_bomb(&good, 2 << 30);
    assert!(bomb.len() < 8 << 20, "{}", bomb.len());
    std::fs::write(dir.join("bomb.xlsx"), &bomb).unwrap();
    let o = kompass_limited(&dir, &["check", "bomb.xlsx"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("xl/worksheets/sheet1.xml inflates to more than 64 MiB"),
        "{}",
        stderr(&o)
    );
    // An evaluation that names it gets the same answer at its `register` key.
    let toml = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace("register = \"register.csv\"", "register = \"bomb.xlsx\"");
    std::fs::write(dir.join("e.toml"), toml).unwrap();
    let o = kompass_limited(&dir, &["check", "e.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("inflates to more than 64 MiB"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_sheet_whose_cells_claim_the_whole_grid_is_refused_at_its_cell() {
    // Two cells, A1 and the last cell of a sheet: read as one dense block this is 17 billion
    // cells; read one by one it is refused at the far cell.
    let dir = scratch("outside-xlsx-far");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "municipality").unwrap();
    sheet.write_number(1_048_575, 16_383, 1.0).unwrap();
    std::fs::write(dir.join("far.xlsx"), book.save_to_buffer().unwrap()).unwrap();
    let o = kompass_limited(&dir, &["check", "far.xlsx"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("goes on past row 100000"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_batch_writes_into_the_folder_o_names_and_refuses_a_file() {
    let dir = scratch("outside-batch");
    for name in ["a.toml", "b.toml"] {
        std::fs::copy(EXAMPLE, dir.join(name)).unwrap();
    }
    let o = kompass_in(
        &dir,
        &["render", "--draft", "a.toml", "b.toml", "-o", "utkast/"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("utkast/a-utkast.pdf").is_file());
    assert!(dir.join("utkast/b-utkast.pdf").is_file());
    assert!(!dir.join("a.pdf").exists() && !dir.join("a-utkast.pdf").exists());
    // One file cannot hold two reports.
    let o = kompass_in(&dir, &["render", "a.toml", "b.toml", "-o", "x.pdf"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("names the folder"), "{}", stderr(&o));
    assert!(!dir.join("x.pdf").exists() && !dir.join("a.pdf").exists());
    // --all with -o too.
    let o = kompass_in(&dir, &["render", "--all", ".", "-o", "final/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("final/a.pdf").is_file() && dir.join("final/b.pdf").is_file());
}

#[test]
fn a_draft_never_replaces_the_final_report() {
    let dir = scratch("outside-draft");
    std::fs::copy(EXAMPLE, dir.join("a.toml")).unwrap();
    let o = kompass_in(&dir, &["render", "a.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let final_pdf = std::fs::read(dir.join("a.pdf")).unwrap();
    // By default a draft has its own name, beside the evaluation and in a folder.
    for args in [
        &["render", "--draft", "a.toml"][..],
        &["render", "--draft", "a.toml", "b.toml"],
    ] {
        if args.len() == 4 {
            std::fs::copy(EXAMPLE, dir.join("b.toml")).unwrap();
        }
        let o = kompass_in(&dir, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(dir.join("a-utkast.pdf").is_file());
        assert_eq!(std::fs::read(dir.join("a.pdf")).unwrap(), final_pdf);
    }
    assert!(dir.join("b-utkast.pdf").is_file() && !dir.join("b.pdf").exists());
    // Named on purpose, a final report is still not replaced by a draft.
    let o = kompass_in(&dir, &["render", "--draft", "a.toml", "-o", "a.pdf"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("is a final report"), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.join("a.pdf")).unwrap(), final_pdf);
    // A draft replaces a draft, and a final replaces a final.
    let o = kompass_in(&dir, &["render", "--draft", "a.toml", "-o", "a-utkast.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = kompass_in(&dir, &["render", "a.toml", "-o", "a.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The draft's deck has its own name too.
    let o = kompass_in(&dir, &["slides", "--draft", "a.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("a-presentation-utkast.pdf").is_file());
    assert!(!dir.join("a-presentation.pdf").exists());
}
