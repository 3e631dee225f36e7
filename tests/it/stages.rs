//! The stages only look down: every `crate::` path in `src/` names a module listed before the
//! module that uses it in the stage table of `src/lib.rs`, whose rows are the folders of `src/`
//! (`base/`, `files/`, `input/`, `checks/`, `report/`, `pdf/`) and, on top, the pipeline and
//! the front ends. Read as text, as rustc's tidy reads the compiler's sources; the test also
//! insists that it saw what it must, so a broken scanner cannot pass by finding nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The modules of the stage table, lowest first, as paths (`base::messages`, `report`).
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

/// The stage a row of the table names (its first cell): the folder its modules sit in.
fn stage_names(lib: &str) -> Vec<String> {
    lib.lines()
        .filter(|l| l.starts_with("//! |") && l.contains('`'))
        .filter_map(|l| l.split('|').nth(1).map(|c| c.trim().to_string()))
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

/// The paths a source text names as `crate::a::b`, each with at most two steps (`a::b`, or `a`
/// alone); the caller ranks `a::b` when the table knows it, else `a`.
fn used(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut add = |path: &str| {
        let first = ident(path);
        if first.is_empty() {
            return;
        }
        let rest = &path[first.len()..];
        match rest.strip_prefix("::").map(ident) {
            Some(second) if !second.is_empty() => out.insert(format!("{first}::{second}")),
            _ => out.insert(first),
        };
    };
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 7..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        add(rest);
    }
    // `use crate::{a, b::c}`
    for group in code.split("crate::{").skip(1) {
        let inner = group.split('}').next().unwrap_or("");
        for part in inner.split(',') {
            add(part.trim());
        }
    }
    out
}

/// Every source file of a module: `src/a/b.rs`, or everything under `src/a/b/`; a folder whose
/// submodules are listed in the table on their own (`report`) is only its `mod.rs`.
fn files_of(module: &str, order: &[String]) -> Vec<PathBuf> {
    let rel = module.replace("::", "/");
    let file = Path::new(SRC).join(format!("{rel}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let dir = Path::new(SRC).join(&rel);
    let has_children = order.iter().any(|o| o.starts_with(&format!("{module}::")));
    if has_children {
        let own = dir.join("mod.rs");
        assert!(own.is_file(), "module {module} has no source");
        return vec![own];
    }
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|_| panic!("module {module} has no source"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    out.sort();
    out
}

/// The modules `lib.rs` and each folder's `mod.rs` declare, as paths.
fn declared() -> BTreeSet<String> {
    let mods = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix("pub mod "))
            .map(|m| m.trim_end_matches(';').to_string())
            .collect()
    };
    let lib = std::fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    let mut out = BTreeSet::new();
    for top in mods(&lib) {
        let folder = Path::new(SRC).join(&top).join("mod.rs");
        let inner = std::fs::read_to_string(&folder)
            .map(|t| mods(&t))
            .unwrap_or_default();
        // A folder that only gathers its modules (`base/`) is not a module of its own; one
        // with code of its own (`report/`) is both.
        let gathers = std::fs::read_to_string(&folder).is_ok_and(|t| {
            code_of(&t)
                .lines()
                .all(|l| l.trim().is_empty() || l.starts_with("pub mod "))
        });
        let stage = ["base", "files", "input", "checks", "report", "pdf"].contains(&top.as_str());
        if !stage || !gathers {
            out.insert(top.clone());
        }
        if stage {
            out.extend(inner.into_iter().map(|m| format!("{top}::{m}")));
        }
    }
    out
}

#[test]
fn every_module_uses_only_the_stages_below_it() {
    let lib = std::fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    let order = stage_order(&lib);
    let ranked: BTreeSet<String> = order.iter().cloned().collect();
    assert_eq!(
        ranked.len(),
        order.len(),
        "a module is listed twice: {order:?}"
    );
    assert_eq!(
        ranked,
        declared(),
        "every module of lib.rs and of the stage folders has its place in the stage table, and only those"
    );
    // Each folder is one row of the table, and holds what that row lists.
    for (stage, row) in stage_names(&lib).iter().zip(
        lib.lines()
            .filter(|l| l.starts_with("//! |") && l.contains('`')),
    ) {
        let folder = stage.trim_matches('`').trim_end_matches('/');
        if Path::new(SRC).join(folder).is_dir() && !row.contains("pipeline") {
            for m in stage_order(row) {
                assert!(
                    m == folder || m.starts_with(&format!("{folder}::")),
                    "{m} is listed in the row of {folder}/ but is not in that folder"
                );
            }
        }
    }
    let rank = |m: &str| order.iter().position(|o| o == m);
    let mut wrong = Vec::new();
    let mut edges = 0;
    for (i, module) in order.iter().enumerate() {
        for file in files_of(module, &order) {
            let code = code_of(&std::fs::read_to_string(&file).unwrap());
            for used_path in used(&code) {
                // `crate::base::messages::msg` is `base::messages`; `crate::report::Report` is
                // `report`.
                let first = used_path.split("::").next().unwrap_or("").to_string();
                let name = if rank(&used_path).is_some() {
                    &used_path
                } else {
                    &first
                };
                if name == module || module.starts_with(&format!("{name}::")) || (name == "msg") {
                    // `msg!` is defined in messages.rs; `#[macro_export]` puts it at the crate
                    // root, and messages.rs re-exports it for the stages above.
                    continue;
                }
                match rank(name) {
                    Some(r) if r < i => edges += 1,
                    Some(_) => wrong.push(format!(
                        "{}: `crate::{name}` is not below `{module}` in the stage table",
                        file.strip_prefix(SRC).unwrap().display()
                    )),
                    None if ["base", "files", "input", "checks", "pdf"]
                        .contains(&name.as_str()) =>
                    {
                        wrong.push(format!(
                            "{}: `crate::{name}` names a stage folder, not a module of it",
                            file.strip_prefix(SRC).unwrap().display()
                        ))
                    }
                    // The crate root sits on top: a module uses `crate::base::error::Error`,
                    // not the root's re-export `crate::Error`.
                    None => wrong.push(format!(
                        "{}: `crate::{name}` is the crate root's, above every stage",
                        file.strip_prefix(SRC).unwrap().display()
                    )),
                }
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
    let report = code_of(&std::fs::read_to_string(Path::new(SRC).join("report/mod.rs")).unwrap());
    assert!(used(&report).contains("checks::prepared") && used(&report).contains("checks::scores"));
}

#[test]
fn the_scanner_finds_paths_and_groups() {
    let found = used(
        "use crate::{input::load::Loaded, report};\nfn f() { crate::pdf::typeset::x(); notcrate::y(); }\n// crate::pdf::write\n",
    );
    assert!(found.contains("input::load") && found.contains("report"));
    assert!(found.contains("pdf::typeset") && found.contains("pdf::write"));
    assert!(!found.contains("y") && !found.contains("notcrate"));
    assert!(!used(&code_of("// crate::pdf::write\n")).contains("pdf::write"));
    let order = stage_order("//! | a | `x`, `y` |\n//! | b | `z` |\n");
    assert_eq!(order, ["x", "y", "z"]);
}
