//! The extra layer: the rendered PDFs read by independent tools – poppler (`pdftotext`,
//! `pdfinfo`) and `qpdf` – rather than by the Rust readers the other tests use. Skipped with a
//! note when the tools are missing; `.ci/run` installs them and sets `KOMPASS_REQUIRE_TOOLS=1`,
//! which makes their absence a failure.

use crate::support;

use std::path::Path;
use std::process::Command;

use support::*;

fn tool(args: &[&str]) -> String {
    let o = Command::new(args[0])
        .args(&args[1..])
        .output()
        .expect("tool runs");
    assert!(
        o.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn poppler_and_qpdf_read_the_report_as_the_rust_readers_do() {
    if !external_tools(&["pdftotext", "pdfinfo", "qpdf"]) {
        return;
    }
    let dir = scratch("pdf-tools");
    let pdf = dir.join("leksand.pdf");
    render(Path::new(EXAMPLE), &pdf);
    let p = pdf.to_str().unwrap();
    // Structure: no damage qpdf can find.
    let check = Command::new("qpdf").args(["--check", p]).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // pdfinfo: pages, title, authors as the Rust reader sees them.
    let info = tool(&["pdfinfo", p]);
    let field = |k: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}:")))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(field("Pages").parse::<usize>().unwrap(), page_count(&pdf));
    assert_eq!(field("Title"), pdf_info(&pdf, "Title"));
    assert_eq!(field("Author"), pdf_info(&pdf, "Author"));
    // pdftotext finds every heading and score the report must hold.
    let text = poppler_text(&pdf);
    let loaded = kompass::checks::prepared::load_path(Path::new(EXAMPLE))
        .map_err(|_| "loads")
        .unwrap();
    let r = kompass::report::Report::build(&loaded);
    assert!(text.contains(&format!("Analys av {}", r.municipality.official_name)));
    for a in &r.areas {
        assert!(
            text.contains(&format!("Område {} {}", a.id, a.title)),
            "area {}",
            a.id
        );
        assert!(
            text.contains(&format!("{} av {} poäng", a.score, a.max)),
            "score {}",
            a.id
        );
    }
    // qpdf sees the evaluation attached, and it is what `kompass extract` writes.
    let list = tool(&["qpdf", "--list-attachments", p]);
    assert!(
        list.contains("leksand-2023-11-23.toml") && list.contains("kompass.json"),
        "{list}"
    );
    let attached = tool(&["qpdf", "--show-attachment=leksand-2023-11-23.toml", p]);
    let out = dir.join("extracted.toml");
    let o = kompass(&["extract", p, "-o", out.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(attached, std::fs::read_to_string(&out).unwrap());
}
