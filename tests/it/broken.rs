//! Every file in `tests/broken/` is a small evaluation with mistakes. `kompass check` must answer
//! each with exactly the diagnostics pinned in `tests/it/snapshots/` (exit code, every message
//! with file:line:column, key path, the quoted source line and the help), and never panic. Each
//! is pinned twice: in English (the C locale, `it__broken__en@<file>.snap`) and in Swedish
//! (`LANG=sv_SE.UTF-8`, `it__broken__sv@<file>.snap`). Each file is its own case (insta's
//! `glob!`): every mismatch is reported, not only the first.

use std::path::Path;
use std::process::Command;

/// What `kompass check` says of a broken file in a locale: its exit code and standard error.
fn checked(file: &Path, locale: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let name = file.file_name().unwrap().to_string_lossy();
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
    format!("exit code: {}\n\n{}", code.unwrap_or(-1), stderr)
}

#[test]
fn every_broken_file_gets_its_pinned_diagnostics() {
    let count = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/broken"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".toml"))
        .count();
    assert!(count >= 25, "only {count} broken files");
    insta::glob!("../broken", "*.toml", |file| {
        insta::assert_snapshot!("en", checked(file, "C"));
        insta::assert_snapshot!("sv", checked(file, "sv_SE.UTF-8"));
    });
}
