//! `kompass comments`: a draft comes back from the fact-check with comments, and each is put
//! on its field. The commented drafts are made the way readers save them – here an
//! incremental update written the way Acrobat writes one (`common/annotate.rs`), with each
//! comment placed over words found by the tests' own text reader, never by kompass – and the
//! field of every comment is pinned.

use crate::support;

use std::path::{Path, PathBuf};

use kompass::review::{CommentKind, read_comments};
use support::annotate::{self, Update, bounds, find, pdf_doc, quads, utf16};
use support::{EXAMPLE, kompass, pdftext, scratch};

/// The example's draft, rendered into `dir`.
fn draft(dir: &Path) -> PathBuf {
    let toml = dir.join("leksand-2023.toml");
    std::fs::copy(EXAMPLE, &toml).unwrap();
    let out = dir.join("leksand-2023-utkast.pdf");
    let o = kompass(&[
        "render",
        toml.to_str().unwrap(),
        "--draft",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// Where a phrase stands: its page and its lines.
fn at(pages: &[pdftext::Page], phrase: &str) -> (usize, Vec<annotate::Rect>) {
    find(pages, phrase).unwrap_or_else(|| panic!("the draft has no “{phrase}”"))
}

/// The draft with comments added as Acrobat adds them: a highlight with a note and a reply, a
/// note in the margin, a replacement (strike-out grouped with a caret), a text box on the
/// cover, a note on a score, a highlight on a framework text, and a hidden review state.
fn acrobat(pdf: &[u8]) -> Vec<u8> {
    let pages = pdftext::read(pdf);
    let mut u = Update::new(pdf);
    let when = "/M (D:20261120140312+01'00') /CreationDate (D:20261120140100+01'00')";
    // 1. A highlight over words of area 2's analysis, second paragraph, with a popup and a reply.
    let (page, lines) = at(&pages, "Falkenbergs kommun och Ale kommun");
    let r = bounds(&lines);
    let highlight = u.reserve();
    let popup = u.reserve();
    u.annotate_as(highlight, page, format!(
        "<</Type/Annot/Subtype/Highlight/Rect[{:.2} {:.2} {:.2} {:.2}]/QuadPoints[{}]/C[1 1 0]/T {}/Contents {}/NM (hl-1)/Subj(Markering){when}/Popup {popup} 0 R/F 4>>",
        r[0], r[1], r[2], r[3], quads(&lines), utf16("Karin Öberg"), utf16("Ale har inte lyckats, ta bort Ale.")
    ).as_bytes());
    u.annotate_as(
        popup,
        page,
        format!(
            "<</Type/Annot/Subtype/Popup/Rect[400 600 580 700]/Parent {highlight} 0 R/Open false>>"
        )
        .as_bytes(),
    );
    u.annotate(page, &format!(
        "<</Type/Annot/Subtype/Text/Rect[{:.2} {:.2} {:.2} {:.2}]/T {}/Contents {}/IRT {highlight} 0 R/M (D:20261121091200+01'00')/Name/Comment/F 4>>",
        r[0], r[1], r[0] + 20.0, r[1] + 20.0, utf16("Per Ek"), utf16("Håller med.")
    ));
    // An Acrobat review state: a hidden reply, not a comment.
    u.annotate(page, &format!(
        "<</Type/Annot/Subtype/Text/Rect[0 0 0 0]/T (Karin)/Contents (Accepted set by Karin)/IRT {highlight} 0 R/StateModel/Review/State/Accepted/F 30>>"
    ));
    // 2. A sticky note in the right margin beside area 3's analysis, third paragraph.
    let (page, lines) = at(&pages, "Timrå kommun är ett gott exempel");
    let line = lines[0];
    let note = format!(
        "<</Type/Annot/Subtype/Text/Rect[548 {:.2} 568 {:.2}]/T {}/Contents ",
        line[1] - 6.0,
        line[1] + 14.0,
        utf16("Karin Öberg")
    );
    let mut body = note.into_bytes();
    body.extend(pdf_doc("Timrå heter ”Timrå kommun” – det stämmer."));
    body.extend_from_slice(b"/Name/Note/F 4>>");
    let n = u.reserve();
    u.annotate_as(n, page, &body);
    // 3. Replace a word of area 2's second strength: a strike-out grouped with a caret.
    let (page, word) = annotate::find_part(&pages, "aktivt föreningsliv", "aktivt").unwrap();
    let caret = u.reserve();
    let r = bounds(&word);
    u.annotate_as(caret, page, format!(
        "<</Type/Annot/Subtype/Caret/Rect[{:.2} {:.2} {:.2} {:.2}]/T {}/Contents {}/Subj(Ersätt text){when}/F 4>>",
        r[2] - 3.0, r[1], r[2] + 3.0, r[1] + 6.0, utf16("Karin Öberg"), utf16("livaktigt")
    ).as_bytes());
    u.annotate(page, &format!(
        "<</Type/Annot/Subtype/StrikeOut/Rect[{:.2} {:.2} {:.2} {:.2}]/QuadPoints[{}]/T {}/IRT {caret} 0 R/RT/Group/IT/StrikeOutTextEdit{when}/F 4>>",
        r[0], r[1], r[2], r[3], quads(&word), utf16("Karin Öberg")
    ));
    // 4. A text box on the cover, beside the report's date.
    let (page, lines) = at(&pages, "2023-11-23");
    let r = bounds(&lines);
    u.annotate(page, &format!(
        "<</Type/Annot/Subtype/FreeText/Rect[{:.2} {:.2} {:.2} {:.2}]/T {}/Contents {}/DA(/Helv 10 Tf 0 g)/F 4>>",
        r[2] + 40.0, r[1] - 2.0, r[2] + 200.0, r[3] + 2.0, utf16("Karin Öberg"), utf16("Datumet ska vara 2023-11-24.")
    ));
    // 5. A note on a sub-area's score in chapter 4.
    let (page, lines) = at(&pages, "4.2 Långsiktig planering för ökad effektivitet");
    let r = bounds(&lines);
    u.annotate(
        page,
        &format!(
            "<</Type/Annot/Subtype/Text/Rect[{:.2} {:.2} {:.2} {:.2}]/T (Per Ek)/Contents {}/F 4>>",
            r[2] + 120.0,
            r[1],
            r[2] + 138.0,
            r[1] + 18.0,
            utf16("Borde vara 12 poäng?")
        ),
    );
    // 6. A highlight on chapter 1, a text from the framework: on no field.
    let (page, lines) = at(&pages, "Kommunkompassen är ett verktyg för att granska");
    let r = bounds(&lines);
    u.annotate(page, &format!(
        "<</Type/Annot/Subtype/Highlight/Rect[{:.2} {:.2} {:.2} {:.2}]/QuadPoints[{}]/T (Per Ek)/Contents {}/F 4>>",
        r[0], r[1], r[2], r[3], quads(&lines), utf16("Bra! 👍")
    ));
    u.finish()
}

#[test]
fn every_comment_of_an_acrobat_draft_is_on_its_field() {
    let dir = scratch("comments-acrobat");
    let draft = draft(&dir);
    let commented = acrobat(&std::fs::read(&draft).unwrap());
    std::fs::write(dir.join("granskad.pdf"), &commented).unwrap();
    let review = read_comments(&commented).expect("the comments");
    let got: Vec<(usize, CommentKind, Option<String>, &str, &str)> = review
        .comments
        .iter()
        .map(|c| {
            let field = c.field.as_ref().map(|f| match (f.paragraph, f.item) {
                (Some(p), Some(i)) => format!("{} ¶{p} •{i}", f.path),
                (Some(p), None) => format!("{} ¶{p}", f.path),
                _ => f.path.to_string(),
            });
            (c.page, c.kind, field, c.marked.as_str(), c.text.as_str())
        })
        .collect();
    let fields: Vec<(CommentKind, Option<&str>)> =
        got.iter().map(|g| (g.1, g.2.as_deref())).collect();
    assert_eq!(
        fields,
        vec![
            (CommentKind::TextBox, Some("report.date")),
            (CommentKind::Highlight, None),
            (CommentKind::Highlight, Some("area[2].analysis ¶2")),
            (CommentKind::Replacement, Some("area[2].strengths[2]")),
            (CommentKind::Note, Some("area[3].analysis ¶3")),
            (CommentKind::Note, Some("area[4].scores.\"4.2\"")),
        ],
        "{got:#?}"
    );
    let c = &review.comments;
    assert_eq!(c[0].place, "Framsidan, rapportens datum");
    assert_eq!(c[0].text, "Datumet ska vara 2023-11-24.");
    assert!(
        c[1].place.contains("Vad är Kommunkompassen?") && c[1].place.contains("inget fält"),
        "{}",
        c[1].place
    );
    assert_eq!(c[2].place, "Område 2, Sammanfattande analys, stycke 2");
    assert_eq!(c[2].marked, "Falkenbergs kommun och Ale kommun");
    assert_eq!(c[2].author, "Karin Öberg");
    assert_eq!(c[2].date.as_deref(), Some("2026-11-20 14:03"));
    assert_eq!(c[2].replies.len(), 1, "the hidden review state is no reply");
    assert_eq!(
        (
            c[2].replies[0].author.as_str(),
            c[2].replies[0].text.as_str()
        ),
        ("Per Ek", "Håller med.")
    );
    assert_eq!(c[2].id, "hl-1");
    assert_eq!(
        (c[3].marked.as_str(), c[3].text.as_str()),
        ("aktivt", "livaktigt")
    );
    assert_eq!(c[3].place, "Område 2, Styrkor, punkt 2");
    assert_eq!(
        c[4].text, "Timrå heter ”Timrå kommun” – det stämmer.",
        "PDFDocEncoding"
    );
    assert_eq!(c[4].how, kompass::review::locate::How::Beside);
    assert!(
        c[5].place.contains("4.2 Långsiktig planering"),
        "{}",
        c[5].place
    );
    assert_eq!(review.content, kompass::review::Pages::Unchanged);
    assert!(review.notes.is_empty(), "{:?}", review.notes);
}

/// The Acrobat draft written into `dir` beside the evaluation: (evaluation, draft, commented).
fn commented_in(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let draft = draft(dir);
    let commented = dir.join("leksand-2023-granskad.pdf");
    std::fs::write(&commented, acrobat(&std::fs::read(&draft).unwrap())).unwrap();
    (dir.join("leksand-2023.toml"), draft, commented)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = kompass(args);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn the_list_the_review_file_and_the_answer() {
    let dir = scratch("comments-cli");
    let (toml, _, pdf) = commented_in(&dir);
    let (pdf, toml) = (pdf.to_str().unwrap(), toml.to_str().unwrap());
    let (code, out, err) = run(&["comments", pdf, "--lang", "sv"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("leksand-2023-granskad.pdf: 6 kommentarer (5 på fält, 1 utanför fälten)\nutkast version 1, leksand-2023-11-23.toml\n"), "{out}");
    for line in [
        "3. Sidan 11 – Område 2, Sammanfattande analys, stycke 2 [area[2].analysis]",
        "   Markering av Karin Öberg, 2026-11-20 14:03",
        "   Markerat: ”Falkenbergs kommun och Ale kommun”",
        "   Kommentar: Ale har inte lyckats, ta bort Ale.",
        "   Svar från Per Ek, 2026-11-21 09:12: Håller med.",
        "4. Sidan 12 – Område 2, Styrkor, punkt 2 [area[2].strengths[2]]",
        "   Ersätt med: ”livaktigt”",
        "Sidorna är som kompass gjorde dem: kommentarerna är allt som har lagts till.",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    assert!(
        !dir.join("leksand-2023.granskning.toml").exists(),
        "no review file without the evaluation"
    );
    // With the evaluation: the review file, added to once.
    let (code, out, err) = run(&["comments", pdf, toml, "--lang", "sv"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("leksand-2023.granskning.toml: 6 nya; 6 öppna av 6."),
        "{err}"
    );
    assert!(out.contains("   Status: öppen"), "{out}");
    let review = dir.join("leksand-2023.granskning.toml");
    let text = std::fs::read_to_string(&review).unwrap();
    let (_, _, err) = run(&["comments", pdf, toml, "--lang", "sv"]);
    assert!(err.contains(": 0 nya; 6 öppna av 6."), "{err}");
    assert_eq!(
        std::fs::read_to_string(&review).unwrap(),
        text,
        "nothing changed, nothing written"
    );
    // The evaluator handles two comments and corrects the evaluation.
    let mut handled = text.replacen(
        "state = \"öppen\"\nreply = \"\"",
        "state = \"ingen ändring\"\nreply = \"Rapportens datum är återkopplingsmötets.\"",
        1,
    );
    let at = handled.find("id = \"hl-1\"").unwrap();
    let tail = handled[at..].replacen("state = \"öppen\"", "state = \"åtgärdad\"", 1);
    handled = format!("{}{tail}", &handled[..at]);
    std::fs::write(&review, &handled).unwrap();
    let evaluation = std::fs::read_to_string(toml).unwrap().replace(
        "Falkenbergs kommun och Ale kommun är exempel på kommuner",
        "Falkenbergs kommun är ett exempel på en kommun",
    );
    std::fs::write(toml, evaluation).unwrap();
    let answer = dir.join("svar.md");
    let (code, _, err) = run(&[
        "comments",
        pdf,
        toml,
        "--reply",
        "-o",
        answer.to_str().unwrap(),
        "--lang",
        "sv",
    ]);
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(&answer).unwrap();
    for line in [
        "# Bemötande av faktagranskningen",
        "Sex synpunkter: 1 åtgärdad, 1 utan ändring och 4 ännu inte behandlade.",
        "## 1. Sidan 1 – Framsidan, rapportens datum",
        "- Ingen ändring: Rapportens datum är återkopplingsmötets.",
        "## 3. Sidan 11 – Område 2, Sammanfattande analys, stycke 2",
        "- Markerat: ”Falkenbergs kommun och Ale kommun”",
        "- Åtgärdad\n- Ändrat till: ”Falkenbergs kommun är ett exempel på en kommun som har lyckats väl",
        "- Synpunkt: Ersätt med ”livaktigt”.",
    ] {
        assert!(md.contains(line), "{line}\n{md}");
    }
    assert!(
        !md.contains("Karin") && !md.contains("Per Ek"),
        "the answer names no persons"
    );
    let (code, _, err) = run(&["comments", pdf, toml, "--reply", "--lang", "sv"]);
    assert_eq!(code, 0, "{err}");
    let answer_pdf = dir.join("leksand-2023-bemotande.pdf");
    let text = support::pdf_text(&answer_pdf);
    assert!(
        text.contains("Bemötande av faktagranskningen") && text.contains("Ändrat till"),
        "{text}"
    );
    // The answer never replaces the evaluation, and needs it.
    let (code, _, err) = run(&["comments", pdf, toml, "--reply", "-o", toml, "--lang", "sv"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["comments", pdf, "--reply", "--lang", "sv"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn csv_and_json_for_tools() {
    let dir = scratch("comments-formats");
    let (_, _, pdf) = commented_in(&dir);
    let (code, out, _) = run(&["comments", pdf.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["comments"].as_array().unwrap().len(), 6);
    assert_eq!(v["comments"][2]["field"]["path"], "area[2].analysis");
    assert_eq!(v["comments"][2]["field"]["paragraph"], 2);
    assert_eq!(v["content"]["state"], "unchanged");
    let (code, out, _) = run(&[
        "comments",
        pdf.to_str().unwrap(),
        "--format",
        "csv",
        "--lang",
        "sv",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 7, "{out}");
    assert!(rows[0].starts_with("nr,sida,plats,fält,typ"));
    assert!(
        rows[4].contains("area[2].strengths[2]") && rows[4].contains("textersättning"),
        "{}",
        rows[4]
    );
}

#[test]
fn verify_says_only_comments_were_added_and_names_a_flattened_page() {
    let dir = scratch("comments-verify");
    let (_, draft, pdf) = commented_in(&dir);
    let (code, out, err) = run(&["verify", pdf.to_str().unwrap(), "--lang", "sv"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("PDF-filen har fått 6 kommentarer; rapportens innehåll är oförändrat"),
        "{out}"
    );
    // A careless tool draws a comment into page 11 itself: the page's content gets a second
    // stream, and the comment is lost as a comment.
    let original = std::fs::read(&draft).unwrap();
    let mut u = Update::new(&original);
    let stream = u.reserve();
    u.put(
        stream,
        b"<</Length 26>>\nstream\n1 1 0 rg 70 500 200 12 re f\nendstream".to_vec(),
    );
    let page = annotate::page_objects(&original)[10];
    let text = String::from_utf8_lossy(&original).into_owned();
    let head = format!("\n{page} 0 obj\n");
    let at = text.find(&head).unwrap() + head.len();
    let body = &text[at..at + text[at..].find("endobj").unwrap()];
    let contents = body.find("/Contents ").unwrap() + 10;
    let end = contents + body[contents..].find(" R").unwrap() + 2;
    let changed = format!(
        "{}[{} {stream} 0 R]{}",
        &body[..contents],
        &body[contents..end],
        &body[end..]
    );
    u.put(page, changed.trim_end().as_bytes().to_vec());
    let flattened = dir.join("utplattad.pdf");
    std::fs::write(&flattened, u.finish()).unwrap();
    let (code, out, _) = run(&["verify", flattened.to_str().unwrap(), "--lang", "sv"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("sidan 11 visar något annat än kompass gjorde"),
        "{out}"
    );
    let (code, out, _) = run(&["comments", flattened.to_str().unwrap(), "--lang", "sv"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("inga kommentarer") && out.contains("Sidan 11 visar något annat"),
        "{out}"
    );
}

/// The placement compile lays the report out exactly as the PDF has it: every word it places
/// starts where the PDF (read by the tests' own reader) draws that word's first letter.
#[test]
fn the_placement_layout_is_the_pdf_s() {
    let dir = scratch("comments-layout");
    let draft = std::fs::read(draft(&dir)).unwrap();
    let embedded = kompass::pdf::embed::read(&draft).unwrap();
    let mut notes = Vec::new();
    let made = kompass::review::remake(&embedded, &mut notes).expect("made again");
    assert!(notes.is_empty(), "{notes:?}");
    let layout = made.layout().unwrap();
    let pages = pdftext::read(&draft);
    assert_eq!(layout.pages.len(), pages.len());
    let mut checked = 0;
    for (l, p) in layout.pages.iter().zip(&pages) {
        for w in &l.words {
            let first = w.text.chars().next().unwrap().to_string();
            let hit = p.glyphs.iter().any(|g| {
                g.text == first && (g.x - w.rect[0]).abs() < 0.6 && (g.y - w.baseline).abs() < 0.6
            });
            assert!(hit, "“{}” at {:?} is not in the PDF", w.text, w.rect);
            checked += 1;
        }
    }
    assert!(checked > 5_000, "only {checked} words");
    let fields = layout.keys.len();
    assert!(fields > 150, "only {fields} fields marked");
}

/// Hostile comments cost a bound, never a hang or a panic: a huge comment, replies and popups
/// in a cycle, 100 000 annotations on one page, a million quad point numbers.
#[test]
fn hostile_comments_are_bounded() {
    let dir = scratch("comments-hostile");
    let draft = std::fs::read(draft(&dir)).unwrap();
    let write = |name: &str, pdf: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, pdf).unwrap();
        path
    };
    let timed = |path: &Path| {
        let start = std::time::Instant::now();
        let out = run(&["comments", path.to_str().unwrap(), "--lang", "sv"]);
        assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
        out
    };
    // A comment of 20 MB, and two annotations answering each other, each the other's popup.
    let mut u = Update::new(&draft);
    let huge = "å".repeat(10 << 20);
    u.annotate(
        5,
        &format!(
            "<</Subtype/Text/Rect[500 700 520 720]/Contents {}>>",
            utf16(&huge)
        ),
    );
    let (a, b) = (u.reserve(), u.reserve());
    u.annotate_as(
        a,
        5,
        format!("<</Subtype/Text/Rect[500 600 520 620]/Contents (a)/IRT {b} 0 R/Popup {b} 0 R>>")
            .as_bytes(),
    );
    u.annotate_as(b, 5, format!("<</Subtype/Text/Rect[500 600 520 620]/Contents (b)/IRT {a} 0 R/Popup {a} 0 R/Parent {a} 0 R>>").as_bytes());
    let (code, out, err) = timed(&write("cykel.pdf", u.finish()));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 kommentarer"), "{out}");
    assert!(out.contains("anmärkning: en kommentar kortades"), "{out}");
    assert!(
        out.len() < 200_000,
        "the huge comment is cut: {} bytes",
        out.len()
    );
    // 100 000 annotations on one page: refused.
    let mut u = Update::new(&draft);
    let one = u.annotate(5, "<</Subtype/Text/Rect[1 1 2 2]/Contents (x)>>");
    let page = annotate::page_objects(&draft)[4];
    let refs = vec![format!("{one} 0 R"); 100_000].join(" ");
    let text = String::from_utf8_lossy(&draft).into_owned();
    let head = format!("\n{page} 0 obj\n");
    let at = text.find(&head).unwrap() + head.len();
    let body = text[at..at + text[at..].find("endobj").unwrap()]
        .trim_end()
        .to_string();
    let close = body.rfind(">>").unwrap();
    let flood = write("flod.pdf", {
        let mut pdf = u.finish();
        pdf.extend_from_slice(
            format!(
                "{page} 0 obj\n{}/Annots[{refs}]>>\nendobj\n",
                &body[..close]
            )
            .as_bytes(),
        );
        pdf
    });
    let (code, _, err) = timed(&flood);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("fler än 20000 kommentarer") || err.contains("fler än 20 000 kommentarer"),
        "{err}"
    );
    // A million quad point numbers: that annotation is not read, and the list says so.
    let mut u = Update::new(&draft);
    let quads = vec!["1"; 1_000_000].join(" ");
    u.annotate(
        5,
        &format!("<</Subtype/Highlight/Rect[1 1 2 2]/QuadPoints[{quads}]>>"),
    );
    let (code, out, err) = timed(&write("kvadrater.pdf", u.finish()));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("anmärkning: sidan 5: en kommentar kunde inte läsas"),
        "{out}"
    );
}

/// Not a PDF, an empty file, an encrypted one: a clear message in Swedish and exit 2.
#[test]
fn files_that_are_no_readable_pdf_are_named() {
    let dir = scratch("comments-unreadable");
    let draft = std::fs::read(draft(&dir)).unwrap();
    for (name, bytes) in [
        ("text.pdf", b"hej".to_vec()),
        ("tom.pdf", Vec::new()),
        ("krypterad.pdf", {
            let mut pdf = draft.clone();
            pdf.extend_from_slice(b"\ntrailer\n<</Size 1/Root 1 0 R/Encrypt 9 0 R>>\n%%EOF\n");
            pdf
        }),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, _, err) = run(&["comments", path.to_str().unwrap(), "--lang", "sv"]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.starts_with("fel: ") && !err.contains("panicked"),
            "{name}: {err}"
        );
        if name == "krypterad.pdf" {
            assert!(err.contains("PDF-filen är krypterad"), "{err}");
        }
    }
}

/// Mutated commented drafts (byte flips, truncation, spliced bytes) give comments or an error,
/// never a panic or a hang.
#[test]
fn mutated_commented_drafts_never_panic() {
    use kompass::files::read::pdf::annotations::{AnnotationLimits, read};
    let dir = scratch("comments-mutated");
    let pdf = acrobat(&std::fs::read(draft(&dir)).unwrap());
    let cases: u64 = std::env::var("KOMPASS_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .map_or(300, |n: u64| (n / 10).max(300));
    let limits = kompass::files::read::pdf::PdfLimits::default();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // The comments live in the last part of the file: mutate mostly there.
    let tail = pdf.len() - 8_000;
    let start = std::time::Instant::now();
    for _ in 0..cases {
        let mut m = pdf.clone();
        match next() % 3 {
            0 => {
                for _ in 0..1 + next() % 8 {
                    let at = tail + (next() as usize) % (m.len() - tail);
                    m[at] = next() as u8;
                }
            }
            1 => m.truncate(tail + (next() as usize) % (pdf.len() - tail)),
            _ => {
                let at = tail + (next() as usize) % (m.len() - tail);
                let junk: &[u8] = [
                    b"<<".as_slice(),
                    b"]",
                    b"0 R",
                    b"obj",
                    b"(",
                    b"/IRT 99999 0 R",
                ][(next() % 6) as usize];
                m.splice(at..at, junk.iter().copied());
            }
        }
        let _ = read(&m, &limits, &AnnotationLimits::default());
    }
    assert!(start.elapsed().as_secs() < 120, "{:?}", start.elapsed());
    // A few whole runs, placement included.
    for cut in [pdf.len() - 100, pdf.len() - 3_000] {
        let _ = read_comments(&pdf[..cut]);
    }
}

/// Whether Python with pypdf is here (the extra layer; `.ci/run` installs it).
fn pypdf() -> bool {
    if !support::external_tools(&["python3", "qpdf"]) {
        return false;
    }
    let ok = std::process::Command::new("python3")
        .args(["-c", "import pypdf"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok || std::env::var_os("KOMPASS_REQUIRE_TOOLS").is_none_or(|v| v != "1"),
        "KOMPASS_REQUIRE_TOOLS=1 but Python's pypdf is not installed"
    );
    if !ok {
        eprintln!("skipped: Python's pypdf is not installed (.ci/run installs it)");
    }
    ok
}

/// Comments written by pypdf – as a new file, as an incremental update, and that file saved
/// again by qpdf with object streams and a cross-reference stream – land on the same fields.
#[test]
fn comments_written_by_pypdf_and_saved_by_qpdf_are_on_their_fields() {
    if !pypdf() {
        return;
    }
    let dir = scratch("comments-pypdf");
    let draft = draft(&dir);
    let pages = pdftext::read(&std::fs::read(&draft).unwrap());
    let (p1, lines) = at(&pages, "inom vart och ett av de åtta områdena");
    let (p2, bullet) = at(&pages, "Ett starkt, engagerat och aktivt föreningsliv");
    let (p3, date) = at(&pages, "2023-11-23");
    let (b, d) = (bounds(&bullet), bounds(&date));
    let numbers = |s: String| -> Vec<f64> { s.split(' ').map(|x| x.parse().unwrap()).collect() };
    let spec = serde_json::json!([
        {"kind": "highlight", "page": p1, "rect": bounds(&lines), "quads": numbers(quads(&lines)),
         "text": "Stämmer det för område 8?", "author": "Åsa Lind"},
        {"kind": "note", "page": p2, "rect": [b[0] - 45.0, b[1], b[0] - 25.0, b[1] + 20.0],
         "text": "Föreningslivet är också livaktigt.", "author": "Åsa Lind"},
        {"kind": "text-box", "page": p3, "rect": [d[2] + 60.0, d[1] - 2.0, d[2] + 220.0, d[3] + 2.0],
         "text": "Fel datum – ska vara 24 november.", "author": "Åsa Lind"},
    ]);
    let mut made = write_with_pypdf(&dir, &draft, &spec);
    let packed = dir.join("qpdf-objektstrommar.pdf");
    let o = std::process::Command::new("qpdf")
        .args([
            "--object-streams=generate",
            made[0].to_str().unwrap(),
            packed.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        o.status.code().is_some_and(|c| c == 0 || c == 3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let packed_bytes = std::fs::read(&packed).unwrap();
    assert!(
        packed_bytes.windows(7).any(|w| w == b"/ObjStm"),
        "qpdf wrote object streams"
    );
    made.push(packed);
    for path in &made {
        let review = read_comments(&std::fs::read(path).unwrap()).unwrap();
        let got: Vec<(CommentKind, Option<String>, String, String)> = review
            .comments
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.field.as_ref().map(|f| f.path.to_string()),
                    c.author.clone(),
                    c.text.clone(),
                )
            })
            .collect();
        assert_eq!(
            got.iter()
                .map(|g| (g.0, g.1.as_deref()))
                .collect::<Vec<_>>(),
            vec![
                (CommentKind::TextBox, Some("report.date")),
                (CommentKind::Highlight, None),
                (CommentKind::Note, Some("area[2].strengths[2]")),
            ],
            "{}: {got:#?}",
            path.display()
        );
        assert_eq!(got[0].2, "Åsa Lind");
        assert_eq!(got[0].3, "Fel datum – ska vara 24 november.");
        let c = &review.comments[1];
        assert_eq!(
            c.marked,
            "inom vart och ett av de åtta områdena",
            "{}",
            path.display()
        );
        assert!(
            c.place.starts_with("Sammanfattning av resultat")
                || c.place.contains("Sammanfattning av resultat"),
            "{}",
            c.place
        );
        assert!(
            review.notes.is_empty(),
            "{}: {:?}",
            path.display(),
            review.notes
        );
        assert!(
            matches!(
                review.content,
                kompass::review::Pages::Unchanged | kompass::review::Pages::Rewritten
            ),
            "{}: {:?}",
            path.display(),
            review.content
        );
    }
}

/// The draft with the comments of `spec` written by pypdf: as a new file, and as an
/// incremental update.
fn write_with_pypdf(dir: &Path, draft: &Path, spec: &serde_json::Value) -> Vec<PathBuf> {
    let spec_path = dir.join("spec.json");
    std::fs::write(&spec_path, spec.to_string()).unwrap();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/commented/pypdf_comments.py"
    );
    let mut made = Vec::new();
    for (name, extra) in [
        ("pypdf-ny.pdf", None),
        ("pypdf-tillagd.pdf", Some("--incremental")),
    ] {
        let out = dir.join(name);
        let mut args = vec![
            script,
            draft.to_str().unwrap(),
            out.to_str().unwrap(),
            spec_path.to_str().unwrap(),
        ];
        args.extend(extra);
        let o = std::process::Command::new("python3")
            .args(&args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        made.push(out);
    }
    made
}

/// `area[N]` is the N-th `[[area]]` table of the file, not area N: with area 4 written first, a
/// comment on area 4's analysis is on `area[1].analysis`, and still "Område 4" in words.
#[test]
fn a_key_path_counts_the_tables_of_the_file() {
    let dir = scratch("comments-order");
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let (start, end) = (
        text.find("[[area]]\nid = 4").unwrap(),
        text.find("[[area]]\nid = 5").unwrap(),
    );
    let first = text.find("[[area]]").unwrap();
    let moved = format!(
        "{}{}{}{}",
        &text[..first],
        &text[start..end],
        &text[first..start],
        &text[end..]
    );
    let toml = dir.join("leksand-2023.toml");
    std::fs::write(&toml, moved).unwrap();
    let out = dir.join("utkast.pdf");
    let o = kompass(&[
        "render",
        toml.to_str().unwrap(),
        "--draft",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(&out).unwrap();
    let pages = pdftext::read(&pdf);
    let (page, lines) = at(
        &pages,
        "Att förvaltningen inte är uppdelad i sektorsnämnder",
    );
    let mut u = Update::new(&pdf);
    let r = bounds(&lines);
    u.annotate(page, &format!(
        "<</Subtype/Underline/Rect[{:.2} {:.2} {:.2} {:.2}]/QuadPoints[{}]/Contents (Vilken analys?)>>",
        r[0], r[1], r[2], r[3], quads(&lines)
    ));
    let review = read_comments(&u.finish()).unwrap();
    let c = &review.comments[0];
    assert_eq!(c.kind, CommentKind::Underline);
    assert_eq!(
        c.field.as_ref().map(|f| f.path.to_string()).as_deref(),
        Some("area[1].analysis"),
        "{c:#?}"
    );
    assert!(
        c.place
            .starts_with("Område 4, Sammanfattande analys, stycke "),
        "{}",
        c.place
    );
}

/// A draft commented in Firefox's PDF viewer (PDF.js), saved as Firefox saves it: an
/// incremental update with PDF.js's own highlight, text box and ink annotations, comments in
/// `/Contents` with a `/Popup`, and no author (`tests/fixtures/commented/make-pdfjs.mjs` made
/// it, with pdfjs-dist 5.6.205). Each comment is on its field.
#[test]
fn comments_saved_by_firefox_s_pdf_js_are_on_their_fields() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/commented/pdfjs.pdf"
    );
    let review = read_comments(&std::fs::read(path).unwrap()).unwrap();
    let got: Vec<(CommentKind, Option<String>, &str, &str)> = review
        .comments
        .iter()
        .map(|c| {
            (
                c.kind,
                c.field.as_ref().map(|f| f.path.to_string()),
                c.author.as_str(),
                c.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                CommentKind::Highlight,
                Some("area[2].analysis".to_string()),
                "",
                "Ale har inte lyckats, ta bort Ale."
            ),
            (
                CommentKind::TextBox,
                Some("area[2].strengths[2]".to_string()),
                "",
                "livaktigt, inte aktivt"
            ),
            (
                CommentKind::Highlight,
                Some("area[3].analysis".to_string()),
                "",
                "Timrå heter ”Timrå kommun” – det stämmer."
            ),
            (
                CommentKind::Drawing,
                Some("area[4].scores.\"4.2\"".to_string()),
                "",
                "Borde vara 12 poäng?"
            ),
        ],
        "{:#?}",
        review.comments
    );
    let paragraph = |i: usize| review.comments[i].field.as_ref().unwrap().paragraph;
    assert_eq!((paragraph(0), paragraph(2)), (Some(2), Some(3)));
    assert_eq!(
        review.comments[0].marked,
        "Falkenbergs kommun och Ale kommun är exempel på kommuner som har lyckats väl med"
    );
    assert!(
        review.comments[3]
            .marked
            .starts_with("4.2 Långsiktig planering"),
        "the ring encloses the score's line: {}",
        review.comments[3].marked
    );
    assert_eq!(review.content, kompass::review::Pages::Unchanged);
    let (code, out, err) = run(&["verify", path, "--lang", "sv"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("PDF-filen har fått 4 kommentarer; rapportens innehåll är oförändrat"),
        "{out}"
    );
    assert!(
        review
            .notes
            .iter()
            .all(|n| matches!(n, kompass::review::Note::OtherVersion { .. })),
        "{:?}",
        review.notes
    );
}

/// Version 2 after the fact-check: its page "Ändringar sedan version 1" says how many comments
/// came and how many are handled, from the review file beside the evaluation, and names no
/// one; `verify` makes the same PDF again from what it carries. Without a review file the page
/// says nothing of comments.
#[test]
fn version_two_counts_the_comments_and_names_no_one() {
    let dir = scratch("comments-version-2");
    let (toml, _, pdf) = commented_in(&dir);
    let (pdf, toml) = (pdf.to_str().unwrap(), toml.to_str().unwrap());
    let first = dir.join("leksand-2023-v1.toml");
    std::fs::copy(toml, &first).unwrap();
    let v2 = dir.join("leksand-2023-v2.pdf");
    let render = |out: &Path| {
        let args = [
            "render",
            toml,
            "--draft",
            "--changes-since",
            first.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        let (code, _, err) = run(&args);
        assert_eq!(code, 0, "{err}");
    };
    let without = dir.join("utan-granskning.pdf");
    render(&without);
    assert!(!support::pdf_text(&without).contains("Faktagranskningen av"));
    let (code, _, err) = run(&["comments", pdf, toml, "--lang", "sv"]);
    assert_eq!(code, 0, "{err}");
    let review = dir.join("leksand-2023.granskning.toml");
    let text = std::fs::read_to_string(&review).unwrap();
    let text = text.replacen("state = \"öppen\"", "state = \"åtgärdad\"", 2);
    let text = text.replacen(
        "state = \"öppen\"\nreply = \"\"",
        "state = \"ingen ändring\"\nreply = \"Datumet står fast.\"",
        1,
    );
    std::fs::write(&review, text).unwrap();
    render(&v2);
    let page = support::pdf_text(&v2);
    let said = "Faktagranskningen av version 1 gav 6 kommentarer: 2 åtgärdade, 1 utan ändring och 3 ännu inte behandlade.";
    assert!(
        page.replace('\n', " ").contains(said),
        "{}",
        &page[page.find("Ändringar sedan").unwrap_or(0)..]
    );
    for name in ["Karin", "Öberg", "Per Ek", "står fast"] {
        assert!(!page.contains(name), "{name} in the draft");
    }
    let (code, out, err) = run(&["verify", v2.to_str().unwrap(), "--lang", "sv"]);
    assert_eq!(code, 0, "{out}{err}");
}
