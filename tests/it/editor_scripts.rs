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
