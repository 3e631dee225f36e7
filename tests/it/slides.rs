//! The deck for the feedback meeting and the standalone charts.

use crate::support;

use std::path::Path;

use support::*;

fn deck(toml: &Path, pdf: &Path) -> Vec<pdftext::Page> {
    let o = kompass(&[
        "slides",
        toml.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    pdftext::read(&std::fs::read(pdf).unwrap())
}

/// Every glyph lies inside its slide: nothing runs off a page.
fn nothing_overflows(pages: &[pdftext::Page]) {
    for (i, p) in pages.iter().enumerate() {
        for g in &p.glyphs {
            assert!(
                g.x >= -0.5 && g.x + g.advance <= p.width + 0.5 && g.y >= 0.0 && g.y <= p.height,
                "slide {}: {:?} at ({:.0}, {:.0}) runs off the {:.0} × {:.0} page",
                i + 1,
                g.text,
                g.x,
                g.y,
                p.width,
                p.height
            );
        }
    }
}

fn text(p: &pdftext::Page) -> String {
    normalise(
        &pdftext::reading(p)
            .into_iter()
            .map(|(_, l)| l)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

#[test]
fn the_deck_has_a_slide_per_area_the_total_and_every_chart_described() {
    let dir = scratch("slides");
    let pdf = dir.join("deck.pdf");
    let pages = deck(Path::new(EXAMPLE), &pdf);
    let loaded = kompass::checks::prepared::load_path(Path::new(EXAMPLE))
        .map_err(|_| "loads")
        .unwrap();
    let r = kompass::report::Report::build(&loaded);
    // Title, what it is, three charts, one per area, the main points, the closing slide.
    assert_eq!(pages.len(), 2 + 3 + r.areas.len() + 2);
    for (i, p) in pages.iter().enumerate() {
        assert!(
            (p.width / p.height - 16.0 / 9.0).abs() < 0.01,
            "slide {} is {:.0} × {:.0}",
            i + 1,
            p.width,
            p.height
        );
    }
    nothing_overflows(&pages);
    let texts: Vec<String> = pages.iter().map(text).collect();
    assert!(texts[0].contains(&format!("Analys av {}", r.municipality.official_name)));
    assert!(texts[0].contains(&r.date.iso()));
    for a in &r.areas {
        let heading = format!("Område {} {}", a.id, a.title);
        let slides: Vec<&String> = texts.iter().filter(|t| t.starts_with(&heading)).collect();
        assert_eq!(slides.len(), 1, "one slide for area {}", a.id);
        assert!(
            slides[0].contains(&format!("{} av {}", a.score, a.max)),
            "{}",
            slides[0]
        );
        for s in &a.subareas {
            assert!(
                slides[0].contains(&s.id)
                    && slides[0].contains(&format!("{} av {}", s.score, s.max)),
                "sub-area {} on the slide of area {}",
                s.id,
                a.id
            );
        }
        // Body text at 20 pt: the bullets of the area's slide.
        let page = &pages[texts.iter().position(|t| t.starts_with(&heading)).unwrap()];
        let body = page
            .glyphs
            .iter()
            .filter(|g| (g.size - 20.0).abs() < 0.1)
            .count();
        assert!(body > 100, "area {} has little 20 pt text", a.id);
        assert!(page.glyphs.iter().all(|g| g.size >= 12.0 - 0.01));
    }
    assert!(
        texts
            .iter()
            .any(|t| t.contains(&format!("{} av {} poäng", r.total, r.total_max))),
        "the total"
    );
    // Every chart is a figure with alt text naming every area.
    let objects = pdf_objects(&pdf);
    let alts: Vec<String> = objects
        .values()
        .filter_map(|o| o["value"].as_object())
        .filter(|d| d.get("/S").and_then(|v| v.as_str()) == Some("/Figure"))
        .filter_map(|d| d.get("/Alt").and_then(|v| v.as_str()))
        .map(|s| s.trim_start_matches("u:").to_string())
        .collect();
    assert_eq!(alts.len(), 3, "three charts with alt text");
    for alt in &alts {
        for a in &r.areas {
            assert!(alt.contains(&a.title), "{alt}");
        }
    }
    // Reproducible.
    let again = dir.join("again.pdf");
    deck(Path::new(EXAMPLE), &again);
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&pdf).unwrap());
}

#[test]
fn twelve_long_strengths_still_fit_their_slide() {
    let dir = scratch("slides-long");
    let src = std::fs::read_to_string(EXAMPLE).unwrap();
    let start = src.find("strengths = [").unwrap();
    let end = start + src[start..].find("]\n").unwrap();
    let items: Vec<String> = (1..=12)
        .map(|i| format!("  \"Styrka {i}: kommunen arbetar systematiskt och långsiktigt med uppföljning av sina mål, och resultaten används i nästa års planering av hela verksamheten\""))
        .collect();
    let src = format!(
        "{}strengths = [\n{},\n{}",
        &src[..start],
        items.join(",\n"),
        &src[end..]
    );
    let toml = dir.join("long.toml");
    std::fs::write(&toml, src).unwrap();
    let pages = deck(&toml, &dir.join("long.pdf"));
    assert_eq!(
        pages.len(),
        2 + 3 + 8 + 2,
        "a slide spilled onto another page"
    );
    nothing_overflows(&pages);
    let area1 = pages
        .iter()
        .map(text)
        .find(|t| t.starts_with("Område 1 "))
        .unwrap();
    assert!(
        area1.contains("Styrka 1:") && area1.contains("…"),
        "{area1}"
    );
    assert!(area1.contains(" …"), "a space before the ellipsis: {area1}");
    assert!(
        text(&pages[0]).contains("Rapportens datum"),
        "without a meeting date the first slide names the report's date"
    );
    assert!(area1.contains("punkter i rapporten"), "{area1}");
    // Each sub-area's bar is named by its title, not its number alone.
    assert!(
        area1.contains("1.1 Strategi för demokratiutveckling"),
        "{area1}"
    );
}

#[test]
fn a_draft_deck_says_so_on_every_slide() {
    let dir = scratch("slides-draft");
    let pdf = dir.join("draft.pdf");
    let o = kompass(&["slides", "--draft", EXAMPLE, "-o", pdf.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(
        pages_with_text_size(&pdf, 120.0),
        (1..=page_count(&pdf)).collect::<Vec<_>>()
    );
    assert!(pdf_info(&pdf, "Title").ends_with("(utkast)"));
}

#[test]
fn every_chart_as_svg_and_png_with_its_alt_text_beside_it() {
    let dir = scratch("charts");
    let loaded = kompass::checks::prepared::load_path(Path::new(EXAMPLE))
        .map_err(|_| "loads")
        .unwrap();
    let r = kompass::report::Report::build(&loaded);
    let ids = [
        "poang-per-omrade",
        "profil-jamforelse",
        "profil-jamforelsegrupp",
    ];
    for (format, scale) in [("svg", "1"), ("png", "0.5")] {
        let out = dir.join(format);
        let o = kompass(&[
            "charts",
            EXAMPLE,
            "--out-dir",
            out.to_str().unwrap(),
            "--format",
            format,
            "--scale",
            scale,
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for id in ids {
            let file = std::fs::read(out.join(format!("{id}.{format}"))).unwrap();
            if format == "svg" {
                let svg = String::from_utf8(file).unwrap();
                assert!(
                    svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
                    "{id}"
                );
            } else {
                assert_eq!(&file[..8], b"\x89PNG\r\n\x1a\n", "{id} is not a PNG");
                let width = u32::from_be_bytes([file[16], file[17], file[18], file[19]]);
                assert_eq!(width, 800, "{id}: 1600 px at scale 0.5");
            }
            let alt = std::fs::read_to_string(out.join(format!("{id}.txt"))).unwrap();
            for a in &r.areas {
                assert!(
                    alt.contains(&a.title) && alt.contains(&a.score.to_string()),
                    "{id}: {alt}"
                );
            }
        }
        let bars = std::fs::read_to_string(out.join("poang-per-omrade.txt")).unwrap();
        for a in &r.areas {
            assert!(bars.contains(&format!("{} {} av {}", a.title, a.score, a.max)));
        }
        assert!(bars.contains(&format!("Totalpoäng {} av {}", r.total, r.total_max)));
    }
}

#[test]
fn the_first_slide_has_the_meeting_s_day_when_given() {
    let dir = scratch("slides-meeting");
    let src = std::fs::read_to_string(EXAMPLE).unwrap().replacen(
        "publisher = \"Sveriges Kommuner och Regioner\"",
        "publisher = \"Sveriges Kommuner och Regioner\"\nmeeting = 2023-12-05",
        1,
    );
    assert!(
        src.contains("meeting = 2023-12-05"),
        "the example changed; update this test"
    );
    let toml = dir.join("m.toml");
    std::fs::write(&toml, src).unwrap();
    let pages = deck(&toml, &dir.join("m.pdf"));
    let first = text(&pages[0]);
    assert!(first.contains("Återkoppling 2023-12-05"), "{first}");
    assert!(!first.contains("2023-11-23"), "{first}");
}
