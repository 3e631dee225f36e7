//! The editor's scripts that hold no page (key paths, reading typed values, the queue of edits
//! with its offline storage and undo) under Node's own test runner: `node --test tests/js/`.
//! `.ci/run` has Node (it installs axe-core with npm) and sets `KOMPASS_REQUIRE_TOOLS=1`, which
//! turns a missing `node` into a failure; elsewhere the test is skipped with a note.

#[test]
fn the_editor_scripts_pass_their_node_tests() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = std::process::Command::new("node")
        .args(["--test", "tests/js/"])
        .current_dir(root)
        .output();
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
    assert!(passed >= 10, "{text}");
}
