//! Messages are data until printed, in the reader's language: every message id the code uses
//! has a text in both catalogues, the locale and `--lang` choose the language, and `--help`
//! speaks Swedish too.

use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every `msg!("id"` and `Message::new("id"` of `src/`; every `"editor-…"` of the editor's
/// scripts and `{{editor-…}}` of its page; every label of a key of the data format.
fn ids_used() -> Vec<(String, String)> {
    let mut out = editor_ids();
    let mut stack = vec![std::path::PathBuf::from(format!("{ROOT}/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            for opener in ["msg!(\"", "msg!(\n", "Message::new(\""] {
                for (i, _) in code.match_indices(opener) {
                    let rest = code[i + opener.len()..]
                        .trim_start()
                        .trim_start_matches('"');
                    let id: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    // The macro's own definition and doc examples name no real message.
                    if !id.is_empty() && id != "id" && !id.starts_with("no-such") {
                        out.push((path.display().to_string(), id));
                    }
                }
            }
        }
    }
    out
}

/// The editor's files in `src/serve/assets/`: `(name, text)`.
fn editor_files() -> Vec<(String, String)> {
    let dir = format!("{ROOT}/src/serve/assets");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "js" || e == "html"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                format!(
                    "src/serve/assets/{}",
                    p.file_name().unwrap().to_string_lossy()
                ),
                text,
            )
        })
        .collect();
    files.sort();
    files
}

/// The message ids the editor uses: its scripts' `"editor-…"` literals, its page's
/// `{{editor-…}}`, and the label of every key of the data format (`field-report-date`).
fn editor_ids() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, text) in editor_files() {
        for quote in ["\"editor-", "'editor-", "`editor-", "{{editor-"] {
            for (i, _) in text.match_indices(quote) {
                let id: String = text[i + quote.len() - "editor-".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                // A comment's `editor-…` names no message.
                if !id.ends_with('-') {
                    out.push((name.clone(), id));
                }
            }
        }
    }
    for (table, fields) in kompass::input::structure::TABLES {
        for f in *fields {
            let id = kompass::input::structure::label_id(table, f.key);
            out.push(("src/structure.rs".into(), id));
        }
    }
    out
}

#[test]
fn every_message_the_code_uses_has_an_english_and_a_swedish_text() {
    use kompass::base::messages::{CATALOGUES, catalogue_ids};
    let used = ids_used();
    assert!(used.len() > 200, "only {} uses found", used.len());
    let editor = editor_ids();
    assert!(editor.len() > 150, "only {} editor ids found", editor.len());
    for (lang, text) in CATALOGUES {
        let ids: Vec<String> = catalogue_ids(text).into_iter().map(|(id, _)| id).collect();
        let missing: Vec<String> = used
            .iter()
            .filter(|(_, id)| !ids.contains(id))
            .map(|(file, id)| format!("{file}: {id}"))
            .collect();
        assert!(missing.is_empty(), "{lang:?} lacks: {missing:#?}");
    }
}

fn check(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kompass"));
    command
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_locale_chooses_the_language_and_lang_overrides_it() {
    let broken = "tests/broken/11-score-above-max.toml";
    let swedish = check(&["check", broken], &[("LANG", "sv_SE.UTF-8")]);
    assert!(swedish.contains("fel: poängen för"), "{swedish}");
    let by_lc_all = check(
        &["check", broken],
        &[("LC_ALL", "sv_SE.UTF-8"), ("LANG", "en_GB")],
    );
    assert!(by_lc_all.contains("fel: poängen för"), "{by_lc_all}");
    let english = check(
        &["check", broken, "--lang", "en"],
        &[("LANG", "sv_SE.UTF-8")],
    );
    assert!(english.contains("error: expected a score"), "{english}");
    let forced = check(&["--lang=sv", "check", broken], &[("LANG", "C")]);
    assert!(forced.contains("fel: poängen för"), "{forced}");
    let unset = check(&["check", broken], &[]);
    assert!(unset.contains("error: expected a score"), "{unset}");
    // The summary line and a failure of the command line itself.
    assert!(swedish.contains(": 1 fel"), "{swedish}");
    let file_first = check(&["leksand-2023.toml"], &[("LANG", "sv_SE.UTF-8")]);
    assert!(
        file_first.contains("är en fil, inte ett kommando")
            && file_first.contains("kompass render leksand-2023.toml"),
        "{file_first}"
    );
}

#[test]
fn help_speaks_swedish_for_every_command() {
    let top = check(&["--help"], &[("LANG", "sv_SE.UTF-8")]);
    assert!(
        top.contains("Användning:") && top.contains("Kommandon:"),
        "{top}"
    );
    assert!(!top.contains("Print help"), "{top}");
    for command in [
        "render", "check", "slides", "charts", "typst", "export", "diff", "extract", "verify",
        "watch", "new",
    ] {
        let help = check(&[command, "--help"], &[("LANG", "sv_SE.UTF-8")]);
        assert!(help.contains("Flaggor:"), "{command}: {help}");
        // Every option and argument has its Swedish text: none is left without one, and no
        // English doc comment shows through.
        for english in [
            "The evaluation file",
            "Where to write",
            "PDF standards",
            "Print help",
        ] {
            assert!(!help.contains(english), "{command}: `{english}` in {help}");
        }
        for line in help.lines().filter(|l| l.trim_start().starts_with("--")) {
            let text = line
                .trim_start()
                .split_once("  ")
                .map_or("", |(_, t)| t)
                .trim();
            let next_has_text = help
                .lines()
                .skip_while(|l| *l != line)
                .nth(1)
                .is_some_and(|l| !l.trim().is_empty());
            assert!(
                !text.is_empty() || next_has_text,
                "{command}: `{line}` has no help"
            );
        }
    }
    // The usual mistakes on the command line, in Swedish too, with exit code 2.
    let unknown = check(&["check", "--bogus"], &[("LANG", "sv_SE.UTF-8")]);
    assert!(
        unknown.contains("fel: okänt argument '--bogus'"),
        "{unknown}"
    );
    let choice = check(
        &["charts", "x.toml", "--out-dir", "d", "--format", "gif"],
        &[("LANG", "sv_SE.UTF-8")],
    );
    assert!(choice.contains("möjliga värden: svg, png"), "{choice}");
    let status = Command::new(env!("CARGO_BIN_EXE_kompass"))
        .args(["check", "--bogus", "--lang", "sv"])
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(2));
    let english = check(&["render", "--help"], &[("LANG", "C")]);
    assert!(english.contains("Where to write the PDF"), "{english}");
}

#[test]
fn new_writes_its_guidance_in_the_readers_language_and_the_placeholders_still_count() {
    let dir = std::env::temp_dir().join(format!("kompass-new-sv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut counts = Vec::new();
    for (locale, name) in [("sv_SE.UTF-8", "sv.toml"), ("C", "en.toml")] {
        let file = dir.join(name);
        let file = file.to_str().unwrap();
        check(&["new", "Ydre", "-o", file], &[("LANG", locale)]);
        let text = std::fs::read_to_string(file).unwrap();
        let guidance = if locale == "C" {
            "# Fill in every placeholder"
        } else {
            "# Fyll i alla platshållare"
        };
        assert!(text.contains(guidance), "{text}");
        let out = check(&["check", file], &[("LANG", "C")]);
        counts.push(
            out.lines()
                .last()
                .unwrap_or("")
                .split(": ")
                .nth(1)
                .unwrap_or("")
                .to_string(),
        );
    }
    // A final check finds the same placeholders in both.
    assert_eq!(counts[0], counts[1]);
    assert!(counts[0].contains("errors"), "{counts:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// One row of `messages/glossary.md`: the concept, its term and the variants not to use.
struct Entry {
    concept: String,
    variants: Vec<String>,
}

/// The glossary's table, between its `<!-- glossary -->` marks.
fn glossary() -> Vec<Entry> {
    let text = std::fs::read_to_string(format!("{ROOT}/messages/glossary.md")).unwrap();
    let table = text
        .split("<!-- glossary -->")
        .nth(1)
        .and_then(|t| t.split("<!-- /glossary -->").next())
        .expect("the glossary's table");
    table
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let variants = cells[3]
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            Entry {
                concept: cells[1].to_string(),
                variants,
            }
        })
        .collect()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-')
}

/// Where a variant stands in `text` as whole words, case aside; `#` in a variant is a number,
/// a `{ $placeable }` (made `0` before) or a Typst `#a.id`.
fn find_variant(text: &str, variant: &str) -> Option<usize> {
    let text: Vec<char> = text.to_lowercase().chars().collect();
    let (before, after) = variant.split_once('#').unwrap_or((variant, ""));
    let before: Vec<char> = before.to_lowercase().chars().collect();
    let after: Vec<char> = after.to_lowercase().chars().collect();
    let wildcard = variant.contains('#');
    let starts_word = before.first().is_some_and(|c| is_word(*c));
    (0..text.len()).find(|&i| {
        if !text[i..].starts_with(&before) {
            return false;
        }
        if starts_word && i > 0 && is_word(text[i - 1]) {
            return false;
        }
        let mut j = i + before.len();
        if wildcard {
            let start = j;
            if text.get(j) == Some(&'#') {
                j += 1;
                while j < text.len() && (text[j].is_alphanumeric() || text[j] == '.') {
                    j += 1;
                }
            } else {
                while j < text.len() && text[j].is_ascii_digit() {
                    j += 1;
                }
            }
            if j == start || !text[j..].starts_with(&after) {
                return false;
            }
            j += after.len();
        }
        let ends_word = (if wildcard { &after } else { &before })
            .last()
            .is_some_and(|c| is_word(*c));
        !(ends_word && j < text.len() && is_word(text[j]) && text[j] != '.')
    })
}

/// A Fluent catalogue as the prose it prints: no comments, no ids, no variant keys, each
/// placeable a `0`, and text in backticks (keys and values of the file) left out.
fn catalogue_prose(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with('#'))
        .map(|(n, l)| {
            let l = match l.split_once(" = ") {
                Some((id, rest)) if !id.starts_with(' ') => rest,
                _ => l,
            };
            let l = l.trim_start();
            let l = if l.starts_with('[') || l.starts_with("*[") {
                l.split_once(']').map_or(l, |(_, rest)| rest)
            } else {
                l
            };
            (n + 1, without(&without_placeables(l), '`'))
        })
        .collect()
}

/// `{ … }` as `0`.
fn without_placeables(line: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in line.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    out.push('0');
                }
                depth += 1;
            }
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text outside pairs of `mark`.
fn without(line: &str, mark: char) -> String {
    line.split(mark).step_by(2).collect::<Vec<_>>().join(" ")
}

/// A template's text without its comments.
fn template_prose(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.split("//").next().unwrap_or("").to_string()))
        .collect()
}

/// The sentences of a Rust file: string literals with a space in them, outside comments and
/// the tests (single words in a list, such as the legends `in_running_text` recognises, are
/// data, not prose).
fn rust_prose(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut literal: Option<String> = None;
        let mut escaped = false;
        for c in line.chars() {
            match (&mut literal, c) {
                (None, '"') => literal = Some(String::new()),
                (Some(s), '"') if !escaped => {
                    if s.contains(' ') {
                        out.push((n + 1, without_placeables(s)));
                    }
                    literal = None;
                }
                (Some(s), c) => {
                    escaped = c == '\\' && !escaped;
                    s.push(c);
                }
                _ => {}
            }
        }
    }
    out
}

/// Every forbidden variant of the glossary in `prose`, as `file:line: variant (concept)`.
fn variants_in(name: &str, prose: &[(usize, String)], entries: &[Entry]) -> Vec<String> {
    let mut found = Vec::new();
    for (line, text) in prose {
        for e in entries {
            for v in &e.variants {
                if find_variant(text, v).is_some() {
                    found.push(format!("{name}:{line}: `{v}` ({}) in {text:?}", e.concept));
                }
            }
        }
    }
    found
}

#[test]
fn one_swedish_term_per_concept_in_messages_help_report_and_slides() {
    let entries = glossary();
    assert!(entries.len() >= 20, "only {} glossary rows", entries.len());
    assert!(entries.iter().all(|e| !e.variants.is_empty()));
    // The scanner finds what it must, and leaves data alone.
    let planted = catalogue_prose(
        "a = Totalt { $n } poäng\nb = ta bort `total`\nc = Område { $area }: x\nd = { $x ->\n    [one] bygge\n   *[other] x\n}",
    );
    let hits = variants_in("planted", &planted, &entries);
    assert_eq!(hits.len(), 3, "{hits:#?}");
    assert!(find_variant("text(r.total)", "total").is_none());
    assert!(find_variant("[Område #a.id: x]", "Område #:").is_some());
    assert!(find_variant("[Område #a.id #a.title]", "Område #:").is_none());
    assert!(find_variant("totalpoängen", "total").is_none());
    let mut sources: Vec<(String, Vec<(usize, String)>)> = Vec::new();
    for file in ["messages/sv.ftl", "messages/sv-help.ftl"] {
        let text = std::fs::read_to_string(format!("{ROOT}/{file}")).unwrap();
        sources.push((file.into(), catalogue_prose(&text)));
    }
    for file in ["report.typ", "slides.typ", "style.typ", "markup.typ"] {
        let path = format!("report-templates/{file}");
        let text = std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap();
        sources.push((path, template_prose(&text)));
    }
    // The files that write Swedish sentences themselves; the comparisons' folder whole.
    let mut files: Vec<String> = [
        "base/phrases.rs",
        "pdf/slides.rs",
        "report/charts.rs",
        "pdf/typeset.rs",
        "report/diff.rs",
        "report/mod.rs",
        "input/skeleton.rs",
    ]
    .map(String::from)
    .to_vec();
    let compare = std::fs::read_dir(format!("{ROOT}/src/checks/compare")).unwrap();
    for entry in compare {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        files.push(format!("checks/compare/{name}"));
    }
    assert!(files.len() >= 10, "{files:?}");
    for file in files {
        let path = format!("src/{file}");
        let text = std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap();
        sources.push((path, rust_prose(&text)));
    }
    // The editor: its words are in sv.ftl (read above); what its scripts and page still
    // write themselves is read too, so that a word put back there is held to the glossary.
    for (name, text) in editor_files() {
        sources.push((name, rust_prose(&text)));
    }
    // The handbook, without its examples and the keys and values in backticks.
    let handbook = std::fs::read_to_string(format!("{ROOT}/docs/handbok.md")).unwrap();
    let prose: String = handbook
        .split("```")
        .step_by(2)
        .collect::<Vec<_>>()
        .join("\n");
    let prose = prose
        .lines()
        .enumerate()
        .map(|(n, l)| (n + 1, without(l, '`')))
        .collect();
    sources.push(("docs/handbok.md (without examples)".into(), prose));
    let lines: usize = sources.iter().map(|(_, p)| p.len()).sum();
    assert!(lines > 1000, "only {lines} lines of Swedish read");
    let found: Vec<String> = sources
        .iter()
        .flat_map(|(name, prose)| variants_in(name, prose, &entries))
        .collect();
    assert!(
        found.is_empty(),
        "words the glossary forbids:\n{}",
        found.join("\n")
    );
}

/// The keys of a message's variants (`[strengths]`, `[genitive]`), to try as its text arguments.
fn variant_keys(catalogue: &str, id: &str) -> Vec<String> {
    let start = catalogue
        .lines()
        .position(|l| l.starts_with(&format!("{id} =")))
        .unwrap_or(0);
    catalogue
        .lines()
        .skip(start)
        .enumerate()
        .take_while(|(i, l)| *i == 0 || l.starts_with(' '))
        .flat_map(|(_, l)| {
            l.split('[')
                .skip(1)
                .filter_map(|p| p.split_once(']').map(|(k, _)| k.to_string()))
                .collect::<Vec<_>>()
        })
        .filter(|k| k.chars().all(|c| c.is_ascii_alphabetic()) && k != "one" && k != "other")
        .collect()
}

/// The edge values a message is tried with, each named: the numbers 0, 1, 2 and 13, lists of
/// none, one and three, a text, and each key its variants select on.
fn edge_cases(
    catalogue: &str,
    id: &str,
    lists: &[Vec<kompass::base::messages::Message>],
) -> Vec<(String, kompass::base::messages::Arg)> {
    use kompass::base::messages::Arg;
    let mut cases: Vec<(String, Arg)> = [0, 1, 2, 13]
        .into_iter()
        .map(|n| (format!("{n}"), Arg::Number(n)))
        .collect();
    for list in lists {
        cases.push((
            format!("a list of {}", list.len()),
            Arg::List(list.clone(), "list-and"),
        ));
    }
    cases.push(("a text".into(), Arg::Text("Ydre".into())));
    for key in variant_keys(catalogue, id) {
        cases.push((format!("`{key}`"), Arg::Text(key)));
    }
    cases
}

/// Every message of both catalogues with its arguments set to edge values: the numbers 0, 1, 2
/// and 13, an empty list, a list of one and of three, a text, and each variant key the message
/// selects on. Swedish output must hold none of the English giveaways, and no count of one may
/// stand before a plural noun ("1 filer", "1 files"); no message may fail to format.
#[test]
fn every_message_reads_right_with_edge_values_in_both_languages() {
    use kompass::base::messages::{CATALOGUES, Lang, Message, catalogue_ids};
    let plain = |s: &str| Message::new("plain").arg("text", s);
    let lists = [
        Vec::new(),
        vec![plain("2.1")],
        vec![plain("2.1"), plain("2.2"), plain("2.3")],
    ];
    const ENGLISH: [&str; 5] = ["expected", "invalid", "found", "unexpected", "error"];
    const PLURAL_SV: [&str; 14] = [
        "filer",
        "rader",
        "sidor",
        "områden",
        "iakttagelser",
        "utvärderingar",
        "varningar",
        "kolumner",
        "punkter",
        "personer",
        "klara",
        "misslyckade",
        "tillagda",
        "ersatta",
    ];
    const PLURAL_EN: [&str; 10] = [
        "files",
        "rows",
        "pages",
        "areas",
        "findings",
        "evaluations",
        "warnings",
        "errors",
        "items",
        "points",
    ];
    let mut problems = Vec::new();
    let mut rendered = 0;
    for (lang, catalogue) in CATALOGUES {
        for (id, vars) in catalogue_ids(catalogue) {
            let id: &'static str = Box::leak(id.into_boxed_str());
            let cases = edge_cases(catalogue, id, &lists);
            for (what, value) in cases {
                let mut m = Message::new(id);
                for v in &vars {
                    let name: &'static str = Box::leak(v.clone().into_boxed_str());
                    m = m.arg(name, value.clone());
                }
                let text = m.text_in(lang);
                rendered += 1;
                let words: Vec<String> = text
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect();
                // A message that cannot be made prints its id and `name=value`.
                if vars
                    .first()
                    .is_some_and(|v| text.starts_with(&format!("{id} {v}=")))
                {
                    problems.push(format!("{lang:?} {id} ({what}) does not format: {text}"));
                }
                if lang == Lang::Sv {
                    for giveaway in ENGLISH {
                        if words.iter().any(|w| w == giveaway) {
                            problems.push(format!("sv {id} ({what}): `{giveaway}` in {text:?}"));
                        }
                    }
                }
                if what == "1" {
                    let plurals: &[&str] = if lang == Lang::Sv {
                        &PLURAL_SV
                    } else {
                        &PLURAL_EN
                    };
                    for noun in plurals {
                        if text.contains(&format!(" 1 {noun}"))
                            || text.starts_with(&format!("1 {noun}"))
                        {
                            problems.push(format!("{lang:?} {id} (1): `1 {noun}` in {text:?}"));
                        }
                    }
                }
            }
        }
    }
    assert!(rendered > 2000, "only {rendered} texts made");
    // The parser's own words (`$message`, English) reach only the English catalogue: a kind
    // kompass does not know yet reads as a Swedish general message.
    for (id, vars) in catalogue_ids(CATALOGUES[1].1) {
        if id.starts_with("toml-") && id != "toml-syntax" && vars.iter().any(|v| v == "message") {
            problems.push(format!("sv {id} prints toml's English words"));
        }
    }
    let other = Message::new("toml-other").arg("message", "unexpected content, expected nothing");
    assert!(!other.text_in(Lang::Sv).contains("expected"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
