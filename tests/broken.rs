//! Every file in `tests/broken/` is a small evaluation with mistakes. `kompass check` must answer
//! each with exactly the diagnostics pinned in `tests/snapshots/` (exit code, every message with
//! file:line:column, key path, the quoted source line and the help), and never panic. Each is
//! pinned twice: in English (the C locale) and in Swedish (`LANG=sv_SE.UTF-8`), under
//! `tests/snapshots/broken__sv-*.snap`.

use std::process::Command;

#[test]
fn every_broken_file_gets_its_pinned_diagnostics() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files: Vec<String> = std::fs::read_dir(format!("{root}/tests/broken"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "only {} broken files", files.len());
    for (name, locale) in files.iter().flat_map(|n| [(n, "C"), (n, "sv_SE.UTF-8")]) {
        let rel = format!("tests/broken/{name}");
        let out = Command::new(env!("CARGO_BIN_EXE_kompass"))
            .args(["check", &rel])
            .current_dir(root)
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", locale)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "{name}: exit {code:?} (a crash?)"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{name} panicked");
        let report = format!("exit code: {}\n\n{}", code.unwrap_or(-1), stderr);
        let stem = name.trim_end_matches(".toml");
        let snapshot = if locale == "C" {
            stem.to_string()
        } else {
            format!("sv-{stem}")
        };
        insta::assert_snapshot!(snapshot, report);
    }
}
