//! The stages only look down: every `crate::` path in `src/` names a module listed before the
//! module that uses it in the stage table of `src/lib.rs`. Read as text, as rustc's tidy reads
//! the compiler's sources; the test also insists that it saw what it must, so a broken scanner
//! cannot pass by finding nothing.

use std::collections::BTreeSet;
use std::path::Path;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The modules of the stage table, lowest first.
fn stage_order(lib: &str) -> Vec<String> {
    lib.lines()
        .filter(|l| l.starts_with("//! |") && l.contains('`'))
        .flat_map(|l| {
            let cells: Vec<&str> = l.split('|').collect();
            let modules = cells.get(2).copied().unwrap_or("");
            modules
                .split(',')
                .map(|m| m.trim().trim_matches('`').to_string())
                .filter(|m| !m.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The text of a source file without its comments (doc links are not imports).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a source text names as `crate::module`.
fn used(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 7..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    // `use crate::{a, b::c}`
    for group in code.split("crate::{").skip(1) {
        let inner = group.split('}').next().unwrap_or("");
        for part in inner.split(',') {
            let name: String = part
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// Every source file of a module: `src/m.rs`, or everything under `src/m/`.
fn files_of(module: &str) -> Vec<std::path::PathBuf> {
    let file = Path::new(SRC).join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut out: Vec<_> = std::fs::read_dir(Path::new(SRC).join(module))
        .unwrap_or_else(|_| panic!("module {module} has no source"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_module_uses_only_the_stages_below_it() {
    let lib = std::fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    let order = stage_order(&lib);
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    let ranked: BTreeSet<String> = order.iter().cloned().collect();
    assert_eq!(
        ranked.len(),
        order.len(),
        "a module is listed twice: {order:?}"
    );
    assert_eq!(
        ranked, declared,
        "every module of lib.rs has its place in the stage table, and only those"
    );
    let rank = |m: &str| order.iter().position(|o| o == m);
    let mut wrong = Vec::new();
    let mut edges = 0;
    for (i, module) in order.iter().enumerate() {
        for file in files_of(module) {
            let code = code_of(&std::fs::read_to_string(&file).unwrap());
            for name in used(&code) {
                // `msg!` is defined in messages.rs; `#[macro_export]` puts it at the crate root,
                // and messages.rs re-exports it for the stages above (`crate::messages::msg`).
                if name == *module || (*module == "messages" && name == "msg") {
                    continue;
                }
                match rank(&name) {
                    Some(r) if r < i => edges += 1,
                    Some(_) => wrong.push(format!(
                        "{}: `crate::{name}` is not below `{module}` in the stage table",
                        file.strip_prefix(SRC).unwrap().display()
                    )),
                    // The crate root sits on top: a module uses `crate::error::Error`, not the
                    // root's re-export `crate::Error`.
                    None => wrong.push(format!(
                        "{}: `crate::{name}` is the crate root's, above every stage",
                        file.strip_prefix(SRC).unwrap().display()
                    )),
                }
            }
            // A module's own `super::` is the crate root only from a top-level file.
            if code.contains("super::super::") {
                wrong.push(format!("{}: super::super::", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that look up:\n{}",
        wrong.join("\n")
    );
    // The scanner saw the pipeline: dozens of downward uses, and the ones it must.
    assert!(edges > 60, "only {edges} uses found: the scanner is broken");
    let report = code_of(&std::fs::read_to_string(Path::new(SRC).join("report.rs")).unwrap());
    assert!(used(&report).contains("check") && used(&report).contains("scores"));
}

#[test]
fn the_scanner_finds_paths_and_groups() {
    let found = used(
        "use crate::{load::Loaded, report};\nfn f() { crate::typeset::x(); notcrate::y(); }\n// crate::write\n",
    );
    assert_eq!(
        found,
        ["load", "report", "typeset", "write"]
            .map(String::from)
            .into_iter()
            .collect()
    );
    assert!(!used(&code_of("// crate::write\n")).contains("write"));
    let order = stage_order("//! | a | `x`, `y` |\n//! | b | `z` |\n");
    assert_eq!(order, ["x", "y", "z"]);
}
