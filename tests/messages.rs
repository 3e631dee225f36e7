//! Messages are data until printed, in the reader's language: every message id the code uses
//! has a text in both catalogues, the locale and `--lang` choose the language, and `--help`
//! speaks Swedish too.

use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every `msg!("id"` and `Message::new("id"` of `src/`.
fn ids_used() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(format!("{ROOT}/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
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

#[test]
fn every_message_the_code_uses_has_an_english_and_a_swedish_text() {
    use kompass::messages::{CATALOGUES, catalogue_ids};
    let used = ids_used();
    assert!(used.len() > 200, "only {} uses found", used.len());
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
