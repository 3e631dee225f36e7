//! The cover of every one of Sweden's 290 municipalities, typeset with the report's own cover
//! template in one document: no name is hyphenated, a title too long for its line breaks
//! before the name, and nothing stands outside its box – also for an evaluator's name of 61
//! characters.

use crate::support;

use serde_json::json;
use support::pdftext;

/// The cover's text block: 25 mm from the left edge, 160 mm wide (in points).
const LEFT: f64 = 25.0 * 72.0 / 25.4;
const RIGHT: f64 = (25.0 + 160.0) * 72.0 / 25.4;

const LONG_EVALUATOR: &str = "Anna-Karin Wilhelmsdotter Lindqvist-Bergström af Ekenstierna";

#[test]
fn every_municipality_s_cover_keeps_its_name_whole_and_inside_its_box() {
    let all = kompass::base::municipalities::all();
    assert_eq!(all.len(), 290);
    let covers: Vec<serde_json::Value> = all
        .iter()
        .map(|m| {
            json!({
                "subtitle": format!("Analys av {}", m.official_name),
                "title_lead": "Analys av",
                "official_name": m.official_name,
                "date": "2026-11-20",
                "version": null,
                "evaluators_line": format!("{LONG_EVALUATOR}, Sveriges Kommuner och Regioner; Lisa Berg, SKR"),
                "framework": "Kommunkompassen 2020",
                "draft": false,
                "publisher": "Sveriges Kommuner och Regioner",
            })
        })
        .collect();
    let main = "#import \"/style.typ\": *\n#set text(font: body-font, size: 10.5pt, lang: \"sv\", region: \"SE\", hyphenate: true)\n#for m in json(\"/data/covers.json\") { cover(m) }\n";
    let bundle = kompass::pdf::typeset::Bundle {
        main: "/covers.typ",
        files: vec![
            ("/covers.typ".into(), main.as_bytes().to_vec()),
            (
                "/data/covers.json".into(),
                serde_json::to_vec(&covers).unwrap(),
            ),
        ],
        title: "Omslag".into(),
        date: (2026, 11, 20),
        ident: "covers".into(),
        attached: Vec::new(),
    };
    let standards = kompass::pdf::standards::standards(&[]).unwrap();
    let pdf = kompass::pdf::world::typeset(&bundle, standards).expect("the covers typeset");
    let pages = pdftext::read(&pdf);
    assert_eq!(pages.len(), 290);
    for (page, m) in pages.iter().zip(all) {
        let name = m.official_name;
        // No hyphen that is not in the text: Typst marks one it inserts with U+00AD.
        let inserted: Vec<&pdftext::Glyph> = page
            .glyphs
            .iter()
            .filter(|g| g.text.contains('\u{ad}'))
            .collect();
        assert!(
            inserted.is_empty(),
            "{name}: a word was hyphenated on its cover"
        );
        // Every name whole: read line by line, the cover holds each as it was written (a word
        // broken over two lines would read "Ekensti- erna").
        let lines: Vec<String> = pdftext::lines(page).into_iter().map(|(_, l)| l).collect();
        let text = lines
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for whole in [
            format!("Analys av {name}"),
            LONG_EVALUATOR.to_string(),
            "Sveriges Kommuner och Regioner".to_string(),
        ] {
            assert!(
                text.contains(&whole),
                "{name}: {whole:?} is not whole in {lines:?}"
            );
        }
        // Nothing outside its box (a space at a line's end is no ink).
        for g in page.glyphs.iter().filter(|g| !g.text.trim().is_empty()) {
            assert!(
                g.x >= LEFT - 0.5 && g.x + g.advance <= RIGHT + 0.5,
                "{name}: {:?} at {:.1}–{:.1} pt is outside the cover's block ({LEFT:.1}–{RIGHT:.1})",
                g.text,
                g.x,
                g.x + g.advance
            );
        }
        // The title names the municipality whole, on one line or after "Analys av".
        let title = lines
            .iter()
            .position(|l| l.starts_with("Analys av"))
            .unwrap();
        let whole = lines[title] == format!("Analys av {name}")
            || (lines[title] == "Analys av" && lines[title + 1] == name);
        assert!(whole, "{name}: title lines {:?}", &lines[title..title + 2]);
    }
}
