//! The evaluators' handbook (`docs/handbok.md`, shipped as `kompass handbok`) stays true to the
//! data format: it names every key, each of its TOML examples holds only keys of the format
//! (and the full example loads), and it describes every command.

use std::process::Command;

use kompass::structure::{EVALUATION, Field, Kind};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn handbook() -> String {
    std::fs::read_to_string(format!("{ROOT}/docs/handbok.md")).unwrap()
}

/// Every key of the format with its path: `report.interviews`, `comparison.peer.from_register.year_from`.
fn keys(fields: &[Field], path: &str, out: &mut Vec<(String, String)>) {
    for f in fields {
        let full = if path.is_empty() {
            f.key.to_string()
        } else {
            format!("{path}.{}", f.key)
        };
        out.push((f.key.to_string(), full.clone()));
        if let Kind::Table(inner) | Kind::Tables(inner) = f.kind {
            keys(inner, &full, out);
        }
    }
}

/// The TOML examples of a Markdown text.
fn toml_blocks(text: &str) -> Vec<String> {
    text.split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or("").to_string())
        .collect()
}

/// Key paths of a parsed example that the format does not have.
fn unknown(table: &toml::Table, fields: &[Field], path: &str, out: &mut Vec<String>) {
    for (k, v) in table {
        let full = format!("{path}{k}");
        let Some(f) = fields.iter().find(|f| f.key == k) else {
            out.push(full);
            continue;
        };
        match (f.kind, v) {
            (Kind::Table(inner), toml::Value::Table(t)) => {
                unknown(t, inner, &format!("{full}."), out)
            }
            (Kind::Tables(inner), toml::Value::Array(items)) => {
                for item in items {
                    if let toml::Value::Table(t) = item {
                        unknown(t, inner, &format!("{full}."), out);
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn the_handbook_names_every_key_of_the_format() {
    let text = handbook();
    let mut all = Vec::new();
    keys(EVALUATION, "", &mut all);
    assert!(all.len() > 40, "only {} keys", all.len());
    let missing: Vec<&String> = all
        .iter()
        .filter(|(key, path)| {
            !text.contains(&format!("`{key}`"))
                && !text.contains(&format!("`{key} ="))
                && !text.contains(&format!("`[{path}"))
                && !text.contains(&format!("`[[{path}"))
        })
        .map(|(_, path)| path)
        .collect();
    assert!(missing.is_empty(), "the handbook does not name {missing:?}");
}

#[test]
fn every_example_holds_keys_of_the_format_and_the_full_one_loads() {
    let blocks = toml_blocks(&handbook());
    assert!(blocks.len() >= 3, "only {} examples", blocks.len());
    for block in &blocks {
        let table: toml::Table = block
            .parse()
            .unwrap_or_else(|e| panic!("an example does not parse: {e}\n{block}"));
        let mut out = Vec::new();
        unknown(&table, EVALUATION, "", &mut out);
        assert!(out.is_empty(), "keys the format lacks: {out:?}\n{block}");
    }
    let full = blocks
        .iter()
        .find(|b| b.starts_with("framework ="))
        .expect("a full example");
    let loaded = kompass::load::load_str("handbok.toml", full)
        .map_err(|_| "the full example does not load")
        .unwrap();
    assert!(loaded.load_errors.is_empty(), "{:?}", loaded.load_errors);
}

#[test]
fn the_handbook_ships_and_describes_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_kompass"))
        .arg("handbok")
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    let text = handbook();
    assert_eq!(printed, text, "`kompass handbok` prints docs/handbok.md");
    let help = Command::new(env!("CARGO_BIN_EXE_kompass"))
        .args(["--help", "--lang", "en"])
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let commands: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .and_then(|c| c.split("Options:").next())
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 12, "{commands:?}");
    for c in commands {
        assert!(
            text.contains(&format!("`kompass {c}")),
            "the handbook does not describe `kompass {c}`"
        );
    }
}
