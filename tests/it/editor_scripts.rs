//! The editor's scripts that hold no page (key paths, reading typed values, the queue of edits
//! with its offline storage and undo, the page's words) under Node's own test runner:
//! `node --test tests/js/`, with the catalogues' editor messages as the page gets them.
//! `.ci/run` has Node (it installs axe-core with npm) and sets `KOMPASS_REQUIRE_TOOLS=1`, which
//! turns a missing `node` into a failure; elsewhere the test is skipped with a note.

#[test]
fn the_editor_scripts_pass_their_node_tests() {
    use kompass::base::messages::Lang;
    let root = env!("CARGO_MANIFEST_DIR");
    // The messages as the page gets them, for `i18n.js` under Node (tests/js/catalogue.mjs).
    let dir = std::env::temp_dir().join(format!("kompass-editor-scripts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut command = std::process::Command::new("node");
    for lang in [Lang::Sv, Lang::En] {
        let file = dir.join(format!("{}.json", lang.code()));
        let messages = kompass::serve::words::editor_messages(lang).unwrap();
        std::fs::write(&file, messages.to_string()).unwrap();
        command.env(
            format!("KOMPASS_MESSAGES_{}", lang.code().to_uppercase()),
            &file,
        );
    }
    // Key paths as kompass writes them, with their steps: paths.js must read and write each
    // the same way (tests/js/paths.test.mjs).
    let paths = dir.join("paths.json");
    std::fs::write(&paths, key_paths().to_string()).unwrap();
    command.env("KOMPASS_KEY_PATHS", &paths);
    let run = command
        .args(["--test", "tests/js/"])
        .current_dir(root)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = match run {
        Ok(out) => out,
        Err(e) => {
            let required = std::env::var_os("KOMPASS_REQUIRE_TOOLS").is_some_and(|v| v == "1");
            assert!(
                !required,
                "KOMPASS_REQUIRE_TOOLS=1 but node cannot run: {e}"
            );
            eprintln!("note: node not found, the editor's script tests are skipped");
            return;
        }
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The runner's own count, so that a folder without tests cannot pass.
    let passed = text
        .lines()
        .find_map(|l| l.strip_prefix("# pass "))
        .and_then(|n| n.trim().parse::<u32>().ok())
        .unwrap_or(0);
    assert!(passed >= 14, "{text}");
}

/// Key paths with every kind of key: each key of the format, list places, sub-area ids, and
/// keys that must be quoted and escaped. As `[{"text": …, "steps": [key or number, …]}]`.
fn key_paths() -> serde_json::Value {
    use kompass::base::keypath::{KeyPath, Seg};
    let mut paths: Vec<KeyPath> = kompass::input::structure::keys()
        .iter()
        .map(|k| KeyPath::top(*k))
        .collect();
    let area = KeyPath::top("area").nth(4);
    paths.push(area.at("scores").at("4.2"));
    paths.push(area.at("strengths").nth(12));
    paths.push(KeyPath::keys([
        "comparison",
        "national",
        "from_register",
        "year_from",
    ]));
    for odd in [
        "year from",
        "å",
        "a\"b",
        "back\\slash",
        "line\nbreak\ttab\r",
        "\u{7f}\u{85}\0",
        "",
        "x]",
        "[1]",
    ] {
        paths.push(KeyPath::top("municipality").at(odd));
        paths.push(KeyPath::top(odd).nth(2).at(odd));
    }
    serde_json::Value::Array(
        paths
            .iter()
            .map(|p| {
                let steps: Vec<serde_json::Value> = p
                    .segs()
                    .iter()
                    .map(|s| match s {
                        Seg::Key(k) => serde_json::json!(k),
                        Seg::Index(n) => serde_json::json!(n),
                    })
                    .collect();
                serde_json::json!({"text": p.to_string(), "steps": steps})
            })
            .collect(),
    )
}
