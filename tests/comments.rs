//! `kompass comments`: a draft comes back from the fact-check with comments, and each is put
//! on its field. The commented drafts are made the way readers save them – here an
//! incremental update written the way Acrobat writes one (`common/annotate.rs`), with each
//! comment placed over words found by the tests' own text reader, never by kompass – and the
//! field of every comment is pinned.

mod common;

use std::path::{Path, PathBuf};

use common::annotate::{self, Update, bounds, find, pdf_doc, quads, utf16};
use common::{EXAMPLE, kompass, pdftext, scratch};
use kompass::review::{Kind, read_comments};

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
        "<</Type/Annot/Subtype/Highlight/Rect[{:.2} {:.2} {:.2} {:.2}]/QuadPoints[{}]/T (Per Ek)/Contents (Bra!)/F 4>>",
        r[0], r[1], r[2], r[3], quads(&lines)
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
    let got: Vec<(usize, Kind, Option<String>, &str, &str)> = review
        .comments
        .iter()
        .map(|c| {
            let field = c.field.as_ref().map(|f| match (f.paragraph, f.item) {
                (Some(p), Some(i)) => format!("{} ¶{p} •{i}", f.path),
                (Some(p), None) => format!("{} ¶{p}", f.path),
                _ => f.path.clone(),
            });
            (c.page, c.kind, field, c.marked.as_str(), c.text.as_str())
        })
        .collect();
    let fields: Vec<(Kind, Option<&str>)> = got.iter().map(|g| (g.1, g.2.as_deref())).collect();
    assert_eq!(
        fields,
        vec![
            (Kind::TextBox, Some("report.date")),
            (Kind::Highlight, None),
            (Kind::Highlight, Some("area[2].analysis ¶2")),
            (Kind::Replacement, Some("area[2].strengths[2]")),
            (Kind::Note, Some("area[3].analysis ¶3")),
            (Kind::Note, Some("area[4].scores.\"4.2\"")),
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
