//! The example report, rendered by the real binary and read back from the PDF.

use crate::support;

use std::path::Path;

use kompass::checks::scores;
use support::*;

/// The example rendered once for the tests of this file, and its text.
fn example_pdf() -> (std::path::PathBuf, String) {
    static PDF: std::sync::OnceLock<(std::path::PathBuf, String)> = std::sync::OnceLock::new();
    PDF.get_or_init(|| {
        let dir = scratch("render-example");
        let pdf = dir.join("leksand.pdf");
        render(Path::new(EXAMPLE), &pdf);
        let text = pdf_text(&pdf);
        (pdf, text)
    })
    .clone()
}

#[test]
fn example_report_holds_every_heading_title_and_score() {
    let (pdf, text) = example_pdf();
    let lines = pdf_lines_layout(&pdf);
    // A table row: a line that starts with `start` and ends with the given numbers.
    let row = |start: &str, numbers: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(start) && l.ends_with(numbers))
    };
    let pages = page_count(&pdf);
    assert!(
        (25..=45).contains(&pages),
        "expected 25–45 pages, got {pages}"
    );

    let loaded = kompass::checks::prepared::load_path(Path::new(EXAMPLE))
        .map_err(|_| "example must load")
        .unwrap();
    let s = scores::derive(&loaded.loaded);
    let who = loaded
        .loaded
        .evaluation
        .municipality
        .official_name
        .get_ref();

    for heading in [
        "Innehåll".to_string(),
        "1 Vad är Kommunkompassen?".to_string(),
        format!("2 {who} i förhållande till Kommunkompassen: En sammanfattande genomgång"),
        "Utvärderingen".into(),
        "Sammanfattning av resultat".into(),
        "Jämförelser".into(),
        "Sammanfattande kommentarer".into(),
        "3 Detaljerad genomgång per område".into(),
        "4 Översikt av poängfördelning".into(),
        "Allmänt".into(),
        "Utvärderade delområden".into(),
        "Styrkor".into(),
        "Förbättringsmöjligheter".into(),
        "Uppnått".into(),
        "Max".into(),
        format!("Analys av {who}"),
    ] {
        assert!(text.contains(&heading), "missing heading {heading:?}");
    }
    for a in &s.areas {
        assert!(
            text.contains(&format!("Område {} {}", a.id, a.title)),
            "missing area heading {}",
            a.id
        );
        assert!(
            text.contains(&format!(
                "Sammanfattande analys av område {} – {}",
                a.id, a.title
            )),
            "missing analysis heading {}",
            a.id
        );
        // Chapter 3 score box and chapter 4 sum row print the derived area score.
        assert!(
            text.contains(&format!("{} av {} poäng", a.score, a.max)),
            "missing score box of area {}",
            a.id
        );
        assert!(
            row(
                &format!("Summa område {}", a.id),
                &format!(" {} {}", a.score, a.max)
            ),
            "missing sum row of area {}",
            a.id
        );
        for sub in &a.subs {
            let title = format!("{} {}", sub.id, sub.title);
            assert!(text.contains(&title), "missing sub-area {title:?}");
            assert!(
                row(
                    &format!("{} ", sub.id),
                    &format!(" {} {}", sub.score, sub.max)
                ),
                "missing the score row of {title:?} ({} of {})",
                sub.score,
                sub.max
            );
        }
    }
    assert!(
        row("Totalpoäng", &format!(" {} {}", s.total, s.total_max)),
        "missing total row"
    );
}

#[test]
fn example_report_charts_are_text_with_their_sources() {
    let (_, text) = example_pdf();
    let loaded = kompass::checks::prepared::load_path(Path::new(EXAMPLE))
        .map_err(|_| "example must load")
        .unwrap();
    let s = scores::derive(&loaded.loaded);
    // Chart labels are real text.
    assert!(
        text.contains(&format!("Totalpoäng (av {})", s.total_max)),
        "bar chart labels are not text"
    );
    let model = kompass::report::Report::build(&loaded);
    let national = model
        .national
        .as_ref()
        .expect("example has a national profile");
    assert!(text.contains(&national.label), "radar legend is not text");
    assert!(
        text.contains(&format!("Källa: {}", normalise(&national.source))),
        "missing source line"
    );
    // The peer group is computed from the example register: its legend says how many
    // evaluations it covers, and its source line that the rows are invented examples.
    let peer = model.peer.as_ref().expect("example has a peer profile");
    assert!(peer.label.starts_with("Medelvärde av "), "{}", peer.label);
    assert!(text.contains(&peer.label), "peer legend is not text");
    assert!(
        text.contains("utvärderingarna har anmärkningen ”Påhittad exempelrad"),
        "the invented rows are not named under the chart"
    );
}

#[test]
fn two_renders_are_byte_identical() {
    let dir = scratch("render-twice");
    let (a, b) = (dir.join("a.pdf"), dir.join("b.pdf"));
    render(Path::new(EXAMPLE), &a);
    render(Path::new(EXAMPLE), &b);
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert!(a.len() > 10_000);
    assert!(a == b, "two renders of the same input differ");
}

/// A re-render in the same process (watch, the editor) reuses Typst's caches and kompass's own
/// memoized markup and hyphenation; it must give the bytes a first render gives, after a change
/// and back too.
#[test]
fn a_re_render_in_the_same_process_gives_the_same_bytes() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let changed = text.replacen("\"4.2\" = 11", "\"4.2\" = 10", 1);
    assert_ne!(text, changed, "the example changed; update this test");
    let standards =
        kompass::pdf::standards::parse_standards(kompass::pdf::standards::DEFAULT_STANDARDS)
            .unwrap();
    let request = kompass::Request::report(kompass::Stage::Final, &standards);
    let render = |text: &str| {
        let mut l = kompass::checks::prepared::load_str("leksand-2023.toml", text)
            .map_err(|_| "loads")
            .unwrap();
        l.read_register(Path::new(EXAMPLE).parent().unwrap());
        kompass::pipeline::render(&l, &request).unwrap()
    };
    let first = render(&text);
    let again = render(&text);
    let other = render(&changed);
    let back = render(&text);
    assert!(first.len() > 10_000);
    assert!(first == again, "a re-render differs from the first render");
    assert!(first != other, "a changed score gave the same PDF");
    assert!(first == back, "a re-render after a change and back differs");
}

#[test]
fn markup_in_data_prints_literally() {
    let attack = r#"#read("/etc/passwd") $x$ @ref <lbl> \ ] *"#;
    let src = std::fs::read_to_string(EXAMPLE).unwrap();
    // Put the string into a Styrkor bullet, a paragraph of chapter 2 and a chart label.
    let bullet = "\"En resursstark befolkning som vill ha kontakt med kommunen\",";
    let paragraph = "evaluation = \"\"\"\nBland de intervjuade";
    assert!(
        src.contains(bullet) && src.contains(paragraph),
        "the example changed; update this test"
    );
    let label = "label = \"Nationellt medelvärde\"";
    assert!(src.contains(label), "the example changed; update this test");
    let src = src
        .replacen(label, &format!("label = '''{attack}'''"), 1)
        .replacen(bullet, &format!("'''{attack}''',"), 1)
        .replacen(
            paragraph,
            &format!(
                "evaluation = \"\"\"\n{}\n\nBland de intervjuade",
                attack.replace('\\', "\\\\")
            ),
            1,
        );
    let dir = scratch("render-attack");
    let toml = dir.join("attack.toml");
    std::fs::write(&toml, &src).unwrap();
    let pdf = dir.join("attack.pdf");
    render(&toml, &pdf);
    // pdftotext drops some spaces around narrow glyphs at a line start, so compare without
    // whitespace: any interpretation as Typst markup would still remove or change characters.
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squash(&pdf_text(&pdf));
    // A Styrkor bullet, a paragraph, and as a comparison label: the chart legend (SVG text)
    // and the header of the chart's value table.
    assert_eq!(
        text.matches(&squash(attack)).count(),
        4,
        "the markup attack string did not print literally in all four places"
    );
    assert!(!text.contains("root:"), "a file was read");
}

#[test]
fn earlier_evaluations_are_drawn_in_the_profile_chart() {
    let src = std::fs::read_to_string(EXAMPLE).unwrap();
    let anchor = "[comparison.national]";
    assert!(
        src.contains(anchor),
        "the example changed; update this test"
    );
    let src = src
        .replacen("first_evaluation = true", "first_evaluation = false", 1)
        .replacen(
            anchor,
            &format!(
                "[[history]]\nyear = 2019\nvalues = [41, 45, 47, 39, 44, 40, 42, 44]\n\n{anchor}"
            ),
            1,
        );
    let dir = scratch("render-history");
    let toml = dir.join("history.toml");
    std::fs::write(&toml, src).unwrap();
    let pdf = dir.join("history.pdf");
    render(&toml, &pdf);
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Kommunen har tidigare utvärderats enligt Kommunkompassen år 2019."),
        "evaluation text: {}",
        &text[text.find("Utvärderingen av").unwrap_or(0)..][..300]
    );
    assert!(text.contains("jämförs Leksands poängprofil med utvärderingen 2019 samt med medelvärdet av alla utvärderingar sedan 2020"), "chart intro");
    assert!(
        text.contains("Leksand (2019)"),
        "legend and value table name the earlier evaluation"
    );
    // The value table has a column for 2019: area 4 reads 48 (2023), 39 (2019), 64 (average).
    assert!(text.contains("4 Effektivitet 48 39 64"), "value table row");
}

#[test]
fn every_municipality_gets_its_official_name_and_its_genitive() {
    let dir = scratch("name-forms");
    // (place, genitive of the place, official name): a vowel ending, an s ending, a hyphen.
    for (name, genitive, official) in [
        ("Öckerö", "Öckerös", "Öckerö kommun"),
        ("Täby", "Täbys", "Täby kommun"),
        ("Leksand", "Leksands", "Leksands kommun"),
        ("Kramfors", "Kramfors", "Kramfors kommun"),
        ("Malung-Sälen", "Malung-Sälens", "Malung-Sälens kommun"),
    ] {
        let toml = dir.join(format!("{name}.toml"));
        std::fs::write(&toml, example_as(name, genitive, official)).unwrap();
        let pdf = dir.join(format!("{name}.pdf"));
        render(&toml, &pdf);
        let text = pdf_text(&pdf);
        assert_eq!(
            pdf_info(&pdf, "Title"),
            format!("Kommunkompassen – Analys av {official}")
        );
        for expected in [
            format!("Analys av {official}"),
            format!("2 {official} i förhållande till Kommunkompassen"),
            format!("Utvärderingen av {official} gjordes"),
            format!("Diagrammet visar {genitive} poäng"),
            format!("Figur 1: {genitive} poäng per område"),
            format!("jämförs {genitive} poängprofil med"),
            format!("Tabellerna visar {official}s resultat"),
        ] {
            assert!(text.contains(&expected), "{name}: missing {expected:?}");
        }
        // The wrong form of either kind does not appear: "Öckerö poäng", "Öckerös kommun".
        if genitive != name {
            assert!(!text.contains(&format!("{name} poäng")), "{name}");
        }
        let wrong_official = format!("{genitive} kommun");
        if official != wrong_official {
            assert!(
                !text.contains(&wrong_official),
                "{name}: {wrong_official:?}"
            );
        }
    }
}

#[test]
fn evaluators_are_grouped_by_organisation_on_the_cover() {
    let dir = scratch("evaluators");
    let src = std::fs::read_to_string(EXAMPLE).unwrap();
    let start = src.find("[[evaluators]]").unwrap();
    let end = src.find("[summary]").unwrap();
    let src = format!(
        "{}[[evaluators]]\nname = \"Anna Lindqvist\"\norganisation = \"SKR\"\n\n[[evaluators]]\nname = \"Per-Olof Svensson\"\norganisation = \"KS\"\n\n[[evaluators]]\nname = \"Lisa Berg\"\norganisation = \"SKR\"\n\n{}",
        &src[..start],
        &src[end..]
    );
    let toml = dir.join("e.toml");
    std::fs::write(&toml, src).unwrap();
    let pdf = dir.join("e.pdf");
    render(&toml, &pdf);
    let cover = pdf_pages(&pdf)[0].text();
    assert!(
        cover.contains("Anna Lindqvist och Lisa Berg, SKR; Per-Olof Svensson, KS"),
        "{cover}"
    );
    // The PDF's authors stay the names, in the file's order.
    assert_eq!(
        pdf_info(&pdf, "Author"),
        "Anna Lindqvist, Per-Olof Svensson, Lisa Berg"
    );
}

#[test]
fn a_long_strengths_list_breaks_across_pages_with_its_header_repeated() {
    let dir = scratch("long-list");
    let src = std::fs::read_to_string(EXAMPLE).unwrap();
    let area = src.find("id = 3\n").unwrap();
    let start = area + src[area..].find("strengths = [").unwrap();
    let end = start + src[start..].find("]\n").unwrap();
    let items: Vec<String> = (1..=25)
        .map(|i| format!("  \"Styrka {i}: kommunen arbetar systematiskt med uppföljning, och resultaten används i nästa års planering av verksamheten\""))
        .collect();
    let area5 = src.find("id = 5\n").unwrap();
    let imp = area5 + src[area5..].find("improvements = [").unwrap();
    let imp_end = imp + src[imp..].find("]\n").unwrap();
    let src = format!(
        "{}strengths = [\n{},\n{}improvements = [{}",
        &src[..start],
        items.join(",\n"),
        &src[end..imp],
        &src[imp_end..]
    );
    let toml = dir.join("long.toml");
    std::fs::write(&toml, src).unwrap();
    let pdf = dir.join("long.pdf");
    render(&toml, &pdf);
    let pages = pdf_pages(&pdf);
    let texts: Vec<String> = pages.iter().map(Page::text).collect();
    let chapter3 = texts
        .iter()
        .rposition(|t| t.contains("3 Detaljerad genomgång per område"))
        .unwrap();
    let first = (chapter3..pages.len())
        .find(|&p| texts[p].contains("Område 3 Styrning"))
        .unwrap();
    let next = (first + 1..pages.len())
        .find(|&p| texts[p].contains("Område 4 Effektivitet"))
        .unwrap();
    let with_header = (first..next)
        .filter(|&p| texts[p].contains("Styrkor Förbättringsmöjligheter"))
        .count();
    assert!(
        with_header >= 2,
        "the table header is on {with_header} page(s)"
    );
    for i in 1..=25 {
        assert!(
            (first..next).any(|p| texts[p].contains(&format!("Styrka {i}:"))),
            "strength {i} is missing from area 3's pages"
        );
    }
    // Every page of the area but its last is filled at least half way down.
    for (p, page) in pages.iter().enumerate().take(next - 1).skip(first) {
        let body_bottom = page.height - 80.0;
        let lowest = page
            .words
            .iter()
            .map(|(y, _)| *y)
            .filter(|y| *y < body_bottom)
            .fold(0.0, f64::max);
        assert!(
            lowest > page.height / 2.0,
            "page {} ends at {lowest:.0} of {:.0} pt",
            p + 1,
            page.height
        );
    }
    // An empty list says so instead of leaving an empty column.
    let area5 = (next..pages.len())
        .find(|&p| texts[p].contains("Område 5 Brukarens fokus"))
        .unwrap();
    assert!(
        texts[area5..area5 + 3]
            .iter()
            .any(|t| t.contains("Inga angivna.")),
        "no 'Inga angivna.' for area 5's improvements"
    );
}

#[test]
fn a_draft_says_utkast_on_every_page_and_in_its_title() {
    let dir = scratch("draft");
    let pdf = dir.join("draft.pdf");
    let o = kompass(&["render", "--draft", EXAMPLE, "-o", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pages = page_count(&pdf);
    // The watermark is the only text set at 120 pt.
    assert_eq!(
        pages_with_text_size(&pdf, 120.0),
        (1..=pages).collect::<Vec<_>>()
    );
    assert!(pdf_info(&pdf, "Title").ends_with("(utkast)"));
    let texts: Vec<String> = pdf_pages(&pdf).iter().map(Page::text).collect();
    assert!(texts[0].contains("Utkast för faktagranskning"));
    for (i, t) in texts.iter().enumerate().skip(2) {
        assert!(
            t.contains("Utkast för faktagranskning – version 1, 2023-11-23"),
            "page {}: {t}",
            i + 1
        );
    }
    // The final render has none of it.
    let (final_pdf, text) = example_pdf();
    assert!(pages_with_text_size(&final_pdf, 120.0).is_empty());
    assert!(!text.contains("Utkast"));
}

#[test]
fn the_version_history_prints_and_the_current_version_is_on_cover_and_header() {
    let dir = scratch("revisions");
    let src = std::fs::read_to_string(EXAMPLE).unwrap()
        + "\n[[revision]]\nversion = 1\ndate = 2023-10-20\nchanges = \"Utkast för faktagranskning\"\nby = \"Fredrik Carlsson\"\n\n[[revision]]\nversion = 2\ndate = 2023-11-23\nchanges = \"Faktagranskade uppgifter rättade i område 4\"\nby = \"Linda Nordberg\"\n";
    let toml = dir.join("rev.toml");
    std::fs::write(&toml, src).unwrap();
    let pdf = dir.join("rev.pdf");
    render(&toml, &pdf);
    let lines = pdf_lines_layout(&pdf);
    let texts: Vec<String> = pdf_pages(&pdf).iter().map(Page::text).collect();
    assert!(texts[0].contains("Version 2 (2023-11-23)"), "{}", texts[0]);
    assert!(texts[1].contains("Versionshistorik"));
    for row in [
        "Version Datum Ändring Av",
        "1 2023-10-20 Utkast för faktagranskning Fredrik Carlsson",
        "2 2023-11-23 Faktagranskade uppgifter rättade i område 4 Linda Nordberg",
    ] {
        assert!(lines.iter().any(|l| l == row), "missing row {row:?}");
    }
    assert!(texts[2].contains("Version 2, 2023-11-23"), "{}", texts[2]);
}

#[test]
fn a_batch_renders_every_good_file_and_reports_the_broken_one() {
    let dir = scratch("batch");
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(EXAMPLE, input.join("leksand.toml")).unwrap();
    std::fs::copy(REGISTER, input.join("register.csv")).unwrap();
    std::fs::write(
        input.join("ockero.toml"),
        example_as("Öckerö", "Öckerös", "Öckerö kommun"),
    )
    .unwrap();
    let broken =
        std::fs::read_to_string(EXAMPLE)
            .unwrap()
            .replacen("\"4.2\" = 11", "\"4.2\" = 99", 1);
    std::fs::write(input.join("broken.toml"), broken).unwrap();
    let out = dir.join("out");
    let o = kompass(&[
        "render",
        "--all",
        input.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "exit 1 when any failed");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2 rendered, 1 failed"), "{err}");
    assert!(
        err.contains("broken.toml") && err.contains("expected a score from 0 to 20"),
        "{err}"
    );
    assert!(!out.join("broken.pdf").exists());
    // The same bytes as a report rendered on its own.
    let single = dir.join("single.pdf");
    render(&input.join("ockero.toml"), &single);
    assert_eq!(
        std::fs::read(out.join("ockero.pdf")).unwrap(),
        std::fs::read(&single).unwrap()
    );
    assert!(pdf_text(&out.join("leksand.pdf")).contains("Analys av Leksands kommun"));
}

/// A Typst world that knows nothing of kompass: files from a folder on disk, fonts from its
/// `fonts/`, the features the README's command names.
struct Folder {
    root: std::path::PathBuf,
    library: typst::utils::LazyHash<typst::Library>,
    book: typst::utils::LazyHash<typst::text::FontBook>,
    fonts: Vec<typst::text::Font>,
    main: typst::syntax::FileId,
}

impl Folder {
    fn new(root: &Path) -> Self {
        use typst::LibraryExt;
        let fonts: Vec<typst::text::Font> = std::fs::read_dir(root.join("fonts"))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "otf"))
            .flat_map(|p| {
                typst::text::Font::iter(typst::foundations::Bytes::new(std::fs::read(p).unwrap()))
            })
            .collect();
        Folder {
            root: root.to_path_buf(),
            library: typst::utils::LazyHash::new(
                typst::Library::builder()
                    .with_features([typst::Feature::A11yExtras].into_iter().collect())
                    .build(),
            ),
            book: typst::utils::LazyHash::new(typst::text::FontBook::from_fonts(&fonts)),
            fonts,
            main: Self::id("/report.typ"),
        }
    }

    fn id(path: &str) -> typst::syntax::FileId {
        typst::syntax::RootedPath::new(
            typst::syntax::VirtualRoot::Project,
            typst::syntax::VirtualPath::new(path).unwrap(),
        )
        .intern()
    }

    fn read(&self, id: typst::syntax::FileId) -> typst::diag::FileResult<Vec<u8>> {
        let path = self.root.join(id.vpath().get_without_slash());
        std::fs::read(&path).map_err(|_| typst::diag::FileError::NotFound(path))
    }
}

impl typst::World for Folder {
    fn library(&self) -> &typst::utils::LazyHash<typst::Library> {
        &self.library
    }
    fn book(&self) -> &typst::utils::LazyHash<typst::text::FontBook> {
        &self.book
    }
    fn main(&self) -> typst::syntax::FileId {
        self.main
    }
    fn source(&self, id: typst::syntax::FileId) -> typst::diag::FileResult<typst::syntax::Source> {
        let text = String::from_utf8(self.read(id)?).unwrap();
        Ok(typst::syntax::Source::new(id, text))
    }
    fn file(
        &self,
        id: typst::syntax::FileId,
    ) -> typst::diag::FileResult<typst::foundations::Bytes> {
        Ok(typst::foundations::Bytes::new(self.read(id)?))
    }
    fn font(&self, index: usize) -> Option<typst::text::Font> {
        self.fonts.get(index).cloned()
    }
    fn today(
        &self,
        _: Option<typst::foundations::Duration>,
    ) -> Option<typst::foundations::Datetime> {
        typst::foundations::Datetime::from_ymd(2023, 11, 23)
    }
}

#[test]
fn the_typst_project_compiles_on_its_own_to_the_same_pages() {
    let dir = scratch("typst-project");
    let project = dir.join("project");
    let o = kompass(&["typst", EXAMPLE, project.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        std::fs::read_to_string(project.join("README.txt"))
            .unwrap()
            .contains("typst compile --root . --font-path fonts --ignore-system-fonts")
    );
    let world = Folder::new(&project);
    let doc = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .unwrap_or_else(|e| panic!("the project does not compile: {e:?}"));
    let pdf = dir.join("kompass.pdf");
    render(Path::new(EXAMPLE), &pdf);
    assert_eq!(doc.pages().len(), page_count(&pdf));
    // A manual touch is not lost to a second run, unless it is asked for.
    let touched = "// a manual touch\n";
    std::fs::write(project.join("report.typ"), touched).unwrap();
    let o = kompass(&["typst", EXAMPLE, project.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--overwrite"));
    assert_eq!(
        std::fs::read_to_string(project.join("report.typ")).unwrap(),
        touched
    );
    let o = kompass(&["typst", EXAMPLE, project.to_str().unwrap(), "--overwrite"]);
    assert!(o.status.success());
    assert_ne!(
        std::fs::read_to_string(project.join("report.typ")).unwrap(),
        touched
    );
}

#[test]
fn names_full_of_pattern_characters_render() {
    // Names go into the pattern of names the report never hyphenates: whatever they hold, the
    // report renders where check passed.
    let dir = scratch("render-pattern-names");
    let src = std::fs::read_to_string(EXAMPLE).unwrap().replacen(
        "name = \"Fredrik Carlsson\"",
        "name = \"Fredrik\\tCarlsson (Ö) [x] $y #z \\\\ .* +? |\"",
        1,
    );
    assert!(
        src.contains("(Ö) [x]"),
        "the example changed; update this test"
    );
    let toml = dir.join("p.toml");
    std::fs::write(&toml, src).unwrap();
    let o = kompass(&["check", toml.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = dir.join("p.pdf");
    render(&toml, &pdf);
    assert!(pdf_text(&pdf).contains("Carlsson (Ö) [x] $y #z"));
}
