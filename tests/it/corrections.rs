//! Correcting a report: diff between versions, the evaluation carried inside the PDF, extract,
//! verify, and a draft's page of changes.

use crate::support;

use std::path::{Path, PathBuf};

use support::*;

/// The example with edits applied, written to `dir/name`.
fn edited(dir: &Path, name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let mut src = std::fs::read_to_string(EXAMPLE).unwrap();
    for (from, to) in edits {
        assert!(src.contains(from), "the example lacks {from:?}");
        src = src.replacen(from, to, 1);
    }
    let path = dir.join(name);
    std::fs::write(&path, src).unwrap();
    path
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let o = kompass(args);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn diff_names_every_change_in_the_evaluators_terms() {
    let dir = scratch("diff");
    let old = edited(&dir, "old.toml", &[]);
    let new = edited(
        &dir,
        "new.toml",
        &[
            ("\"4.2\" = 11", "\"4.2\" = 13"),
            (
                "\"En politikerhandbok som stöd för de förtroendevalda i deras uppdrag\",",
                "\"En politikerhandbok som stöd för alla förtroendevalda i deras uppdrag\",\n  \"Korta filmer om besluten efter varje sammanträde\",",
            ),
            (
                "Sedan 2022 finns en kommunikationspolicy",
                "Sedan år 2022 finns en ny kommunikationspolicy",
            ),
            (
                "evaluated = \"augusti 2023\"",
                "evaluated = \"september 2023\"",
            ),
        ],
    );
    let (code, out, err) = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    let loaded = kompass::checks::prepared::load_path(&old)
        .map_err(|_| "loads")
        .unwrap();
    let r = kompass::report::Report::build(&loaded);
    let area4 = &r.areas[3];
    let sub = &area4.subareas[1];
    for expected in [
        format!("{} {}: 11 → 13 (+2 poäng)", sub.id, sub.title),
        format!("Område 4 {}: {} → {}", area4.title, area4.score, area4.score + 2),
        format!("Totalpoäng: {} → {}", r.total, r.total + 2),
        "~ punkt 4: En politikerhandbok som stöd för [-de-]{+alla+} förtroendevalda i deras uppdrag"
            .to_string(),
        "+ punkt 5: Korta filmer om besluten efter varje sammanträde".to_string(),
        "~ stycke 3: Sedan {+år +}2022 finns en {+ny +}kommunikationspolicy".to_string(),
        "Utvärderingen gjordes: augusti 2023 → september 2023".to_string(),
        "Område 1 Samspel mellan förtroendevalda och medborgare – Styrkor".to_string(),
    ] {
        assert!(out.contains(&expected), "missing {expected:?} in\n{out}");
    }
    // The same file: no difference, exit 0, like diff(1).
    let (code, out, _) = run(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (Some(0), ""));
    // JSON for tools.
    let (code, out, _) = run(&[
        "diff",
        "--format",
        "json",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let changes = json.as_array().unwrap();
    let score = changes.iter().find(|c| c["kind"] == "score").unwrap();
    assert_eq!(
        (score["old"].as_str(), score["new"].as_str()),
        (Some("11"), Some("13"))
    );
    assert_eq!(changes.iter().filter(|c| c["kind"] == "added").count(), 1);
    // An invalid side cannot be compared.
    let broken = edited(&dir, "broken.toml", &[("\"4.2\" = 11", "\"4.2\" = 99")]);
    let (code, _, err) = run(&["diff", old.to_str().unwrap(), broken.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("expected a score from 0 to"), "{err}");
}

#[test]
fn the_pdf_carries_its_evaluation_and_extract_gets_it_back() {
    let dir = scratch("extract");
    let toml = edited(&dir, "leksand.toml", &[]);
    let pdf = dir.join("leksand.pdf");
    render(&toml, &pdf);
    let out = dir.join("back.toml");
    let (code, _, err) = run(&[
        "extract",
        pdf.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let back = std::fs::read_to_string(&out).unwrap();
    assert!(!back.contains('#') || back.lines().all(|l| !l.trim_start().starts_with('#')));
    // It renders to the identical PDF.
    let again = dir.join("again.pdf");
    render(&out, &again);
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&pdf).unwrap());
    // It never overwrites.
    let (code, _, err) = run(&[
        "extract",
        pdf.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("never overwrites"), "{err}");
    // A PDF without kompass data says so.
    let plain = dir.join("plain.pdf");
    let o = kompass(&[
        "render",
        toml.to_str().unwrap(),
        "-o",
        plain.to_str().unwrap(),
        "--standard",
        "a-2a,ua-1",
    ]);
    assert!(o.status.success());
    let (code, _, err) = run(&[
        "extract",
        plain.to_str().unwrap(),
        "-o",
        dir.join("x.toml").to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("carries no kompass data"), "{err}");
    // verify and extract read a PDF one way, and say why they cannot in the same words.
    let (code, _, verified) = run(&["verify", plain.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert_eq!(
        verified, err,
        "verify and extract word the same failure alike"
    );
}

#[test]
fn verify_accepts_an_untouched_pdf_and_names_what_differs() {
    let dir = scratch("verify");
    let toml = edited(&dir, "leksand.toml", &[]);
    let pdf = dir.join("leksand.pdf");
    render(&toml, &pdf);
    // From the attached evaluation, and from the file.
    let (code, out, err) = run(&["verify", pdf.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("verified"));
    let (code, out, _) = run(&["verify", pdf.to_str().unwrap(), toml.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    // A comment is not part of the evaluation: still verified.
    let commented = edited(
        &dir,
        "commented.toml",
        &[("[report]", "# a new note\n[report]")],
    );
    let (code, _, _) = run(&["verify", pdf.to_str().unwrap(), commented.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    // One character changed in the evaluation: named, with the change.
    let changed = edited(&dir, "changed.toml", &[("\"4.2\" = 11", "\"4.2\" = 12")]);
    let (code, out, _) = run(&["verify", pdf.to_str().unwrap(), changed.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("NOT what") && out.contains("- the evaluation"),
        "{out}"
    );
    assert!(
        out.contains(": 11 → 12 (+1 poäng)") && out.contains("Område 4 "),
        "{out}"
    );
    // The PDF changed after it was made: none of its inputs differ.
    let mut bytes = std::fs::read(&pdf).unwrap();
    let at = bytes.windows(8).position(|w| w == b"/Creator").unwrap();
    bytes.splice(at + 10..at + 11, [b'K']);
    let tampered = dir.join("tampered.pdf");
    std::fs::write(&tampered, &bytes).unwrap();
    let (code, out, _) = run(&["verify", tampered.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("the PDF itself was changed"), "{out}");
}

#[test]
fn a_draft_can_end_with_the_changes_since_the_version_the_municipality_saw() {
    let dir = scratch("changes-since");
    let old = edited(&dir, "v1.toml", &[]);
    let new = edited(
        &dir,
        "v2.toml",
        &[
            ("\"4.2\" = 11", "\"4.2\" = 13"),
            (
                "Sedan 2022 finns en kommunikationspolicy",
                "Sedan 2022 finns en ny kommunikationspolicy",
            ),
        ],
    );
    let pdf = dir.join("v2.pdf");
    // Only for a draft.
    let (code, _, err) = run(&[
        "render",
        new.to_str().unwrap(),
        "--changes-since",
        old.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--draft"), "{err}");
    let (code, _, err) = run(&[
        "render",
        "--draft",
        new.to_str().unwrap(),
        "--changes-since",
        old.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let pages = pdf_pages(&pdf);
    let last = pages.last().unwrap().text();
    assert!(last.contains("Ändringar sedan version 1"), "{last}");
    assert!(last.contains("11 → 13"), "{last}");
    assert!(last.contains("Tidigare:") && last.contains("Nu:"), "{last}");
    // The draft with its page of changes still verifies.
    let (code, out, _) = run(&["verify", pdf.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_watch_session_picks_up_a_change_and_recovers_from_an_invalid_edit() {
    use std::io::BufRead;
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = scratch("watch");
    let toml = edited(&dir, "w.toml", &[]);
    let pdf = dir.join("w.pdf");
    /// Ends the watch session however the test ends.
    struct Session(std::process::Child);
    impl Drop for Session {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = Session(
        std::process::Command::new(env!("CARGO_BIN_EXE_kompass"))
            .args(["watch", toml.to_str().unwrap(), "-o", pdf.to_str().unwrap()])
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stderr = child.0.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // The next line that starts with `build`, within a generous time.
    let next_build = || -> String {
        loop {
            let line = rx
                .recv_timeout(Duration::from_secs(30))
                .expect("watch printed no build line in 30 s");
            if line.starts_with("build ") {
                return line;
            }
        }
    };
    let first = next_build();
    assert!(
        first.starts_with("build 1:") && first.contains("pages"),
        "{first}"
    );
    // A draft unless told otherwise.
    assert!(pdf_info(&pdf, "Title").ends_with("(utkast)"));
    let src = std::fs::read_to_string(&toml).unwrap();
    // A change: a new score.
    std::fs::write(&toml, src.replacen("\"4.2\" = 11", "\"4.2\" = 13", 1)).unwrap();
    let second = next_build();
    assert!(
        second.starts_with("build 2:") && second.contains("pages"),
        "{second}"
    );
    let lines = pdf_lines_layout(&pdf);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("4.2 ") && l.ends_with(" 13 20")),
        "the new score is not in the PDF"
    );
    let before_error = std::fs::read(&pdf).unwrap();
    // An invalid edit: reported, the PDF left alone, the session goes on.
    std::fs::write(&toml, src.replacen("\"4.2\" = 11", "\"4.2\" = 99", 1)).unwrap();
    let third = next_build();
    assert!(
        third.starts_with("build 3:") && third.contains("1 error"),
        "{third}"
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), before_error);
    // Fixed, saved the way many editors save: a new file renamed over the old one.
    let tmp = dir.join("w.toml.tmp");
    std::fs::write(&tmp, src.replacen("\"4.2\" = 11", "\"4.2\" = 12", 1)).unwrap();
    std::fs::rename(&tmp, &toml).unwrap();
    let fourth = next_build();
    assert!(
        fourth.starts_with("build 4:") && fourth.contains("pages"),
        "{fourth}"
    );
    // The register the evaluation computes its peer group from is followed too: a seventh
    // first evaluation of a small municipality changes the mean and the count in the legend.
    let register = dir.join("register.csv");
    let rows = std::fs::read_to_string(&register).unwrap();
    let extra = "Exempelkommun X,,2023,,kommunkompassen-2020,true,5000,80,80,80,80,80,80,80,80,640,Påhittad testrad\n";
    std::fs::write(&register, format!("{rows}{extra}")).unwrap();
    let fifth = next_build();
    assert!(
        fifth.starts_with("build 5:") && fifth.contains("pages"),
        "{fifth}"
    );
    assert!(
        normalise(&pdf_text(&pdf)).contains("Medelvärde av 7 utvärderingar 2020–2023"),
        "the new register row is not in the PDF"
    );
    drop(child);
}

#[test]
fn a_new_version_is_listed_once_and_facts_have_one_heading() {
    let dir = scratch("diff-versions");
    let one = "\n[[revision]]\nversion = 1\ndate = 2023-10-20\nchanges = \"Utkast för faktagranskning\"\nby = \"Fredrik Carlsson\"\n";
    let two = "\n[[revision]]\nversion = 2\ndate = 2023-11-23\nchanges = \"Faktagranskade uppgifter rättade\"\nby = \"Linda Nordberg\"\n";
    let example = std::fs::read_to_string(EXAMPLE).unwrap();
    let old = dir.join("v1.toml");
    std::fs::write(&old, format!("{example}{one}")).unwrap();
    let new = dir.join("v2.toml");
    let changed = example
        .replacen("interviews = 40", "interviews = 42", 1)
        .replacen("label = \"Nationellt medelvärde\"", "label = \"Riket\"", 1);
    std::fs::write(&new, format!("{changed}{one}{two}")).unwrap();
    let (code, out, err) = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        out.contains("+ version 2: 2023-11-23 – Faktagranskade uppgifter rättade (Linda Nordberg)"),
        "{out}"
    );
    assert!(
        !out.contains("version 1"),
        "an unchanged version is not listed: {out}"
    );
    assert_eq!(out.matches("Uppgifter\n").count(), 1, "{out}");
    assert!(out.contains("Intervjuer: ca 40 → ca 42"), "{out}");
}
