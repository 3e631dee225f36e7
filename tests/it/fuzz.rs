//! A bounded fuzz run of the loader and the checker (proptest): mutated evaluations and arbitrary
//! text must give diagnostics inside the file, never a panic, and anything that passes the checks
//! must have consistent totals.

use proptest::prelude::*;

use kompass::input::load::LoadError;
use kompass::{checks::scores, checks::validate};

const SEED: &str = include_str!("../broken/30-warnings-only.toml");

/// Characters that matter to TOML and to our data, plus some ordinary ones.
const ALPHABET: &[char] = &[
    '[', ']', '{', '}', '=', '"', '\'', '#', '\n', '.', ',', '0', '1', '9', '-', '+', ' ', 'a',
    'å', 'x', '\\', 't', 'T', ':',
];

#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, char),
    Insert(usize, char),
    Delete(usize, usize),
    DuplicateLine(usize),
    DeleteLine(usize),
    RenameKey(usize),
    ChangeNumber(usize, i64),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pos = 0usize..SEED.chars().count();
    let ch = proptest::sample::select(ALPHABET);
    prop_oneof![
        1 => (pos.clone(), ch.clone()).prop_map(|(p, c)| Mutation::Replace(p, c)),
        1 => (pos.clone(), ch).prop_map(|(p, c)| Mutation::Insert(p, c)),
        1 => (pos.clone(), 1usize..40).prop_map(|(p, n)| Mutation::Delete(p, n)),
        2 => (0usize..200).prop_map(Mutation::DuplicateLine),
        3 => (0usize..200).prop_map(Mutation::DeleteLine),
        3 => (0usize..200).prop_map(Mutation::RenameKey),
        6 => (0usize..80, -5i64..120).prop_map(|(k, v)| Mutation::ChangeNumber(k, v)),
        1 => pos.prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let len = chars.len();
        match *m {
            Mutation::Replace(p, c) if p < len => chars[p] = c,
            Mutation::Insert(p, c) => chars.insert(p.min(len), c),
            Mutation::Delete(p, n) if p < len => {
                chars.drain(p..(p + n).min(len));
            }
            Mutation::DuplicateLine(l) => {
                let s: String = chars.iter().collect();
                let lines: Vec<&str> = s.split_inclusive('\n').collect();
                if let Some(line) = lines.get(l % lines.len().max(1)) {
                    let at = lines[..l % lines.len().max(1)]
                        .iter()
                        .map(|x| x.chars().count())
                        .sum::<usize>();
                    let copy: Vec<char> = line.chars().collect();
                    chars.splice(at..at, copy);
                }
            }
            Mutation::DeleteLine(l) | Mutation::RenameKey(l) => {
                let s: String = chars.iter().collect();
                let mut lines: Vec<String> = s.split_inclusive('\n').map(str::to_string).collect();
                if lines.is_empty() {
                    continue;
                }
                let i = l % lines.len();
                if matches!(m, Mutation::DeleteLine(_)) {
                    lines.remove(i);
                } else if let Some(eq) = lines[i].find(" = ") {
                    lines[i].insert(eq, 'x');
                }
                chars = lines.concat().chars().collect();
            }
            Mutation::ChangeNumber(k, v) => {
                // The k-th run of digits (wrapping around) becomes v.
                let mut runs = Vec::new();
                let mut i = 0;
                while i < chars.len() {
                    if chars[i].is_ascii_digit() {
                        let start = i;
                        while i < chars.len() && chars[i].is_ascii_digit() {
                            i += 1;
                        }
                        runs.push(start..i);
                    } else {
                        i += 1;
                    }
                }
                if !runs.is_empty() {
                    let r = runs[k % runs.len()].clone();
                    chars.splice(r, v.to_string().chars());
                }
            }
            Mutation::Truncate(p) => chars.truncate(p),
            _ => {}
        }
    }
    chars.into_iter().collect()
}

fn fuzz_cases() -> u32 {
    std::env::var("KOMPASS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// Load and check; assert the invariants that must hold whatever the input.
fn drive(text: &str) {
    match kompass::checks::prepared::load_str("fuzz.toml", text) {
        Ok(mut l) => {
            // As if beside the example: a `register` key finds the example register.
            l.read_register(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples"
            )));
            let found = validate::check(&l);
            for d in &found {
                if let Some(span) = &d.span {
                    let len = if d.file == l.loaded.eval_file {
                        text.len()
                    } else {
                        l.loaded.sources.text(d.file).len()
                    };
                    assert!(
                        span.start <= span.end && span.end <= len.max(1),
                        "span {span:?} outside the file: {d:?}"
                    );
                }
                let _ = l.loaded.sources.to_plain(d);
            }
            if !found.iter().any(|d| d.is_error()) {
                let s = scores::derive(&l.loaded);
                assert_eq!(s.total, s.areas.iter().map(|a| a.score).sum::<i64>());
                for a in &s.areas {
                    assert!(
                        a.score >= 0 && a.score <= a.max,
                        "area {} out of range",
                        a.id
                    );
                }
            }
        }
        Err((sources, LoadError::Invalid(ds))) => {
            assert!(!ds.is_empty(), "invalid without a diagnostic");
            for d in &ds {
                if let Some(span) = &d.span {
                    assert!(
                        span.start <= span.end && span.end <= text.len().max(1),
                        "span {span:?} outside the file"
                    );
                }
                let _ = sources.to_plain(d);
            }
        }
        Err((_, LoadError::Io(_))) => panic!("text input cannot give an I/O error"),
    }
}

proptest! {
    // 2 000 cases each in the test suite (well under a second); set KOMPASS_FUZZ_CASES for a
    // longer campaign.
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_evaluations_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        drive(&apply(SEED, &mutations));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        drive(&text);
    }

    #[test]
    fn mutated_registers_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        drive_register(&apply(REGISTER_SEED, &mutations));
    }
}

const REGISTER_SEED: &str = include_str!("../../examples/register.csv");

/// Read and check a register; every problem must stand inside the text, and a register without
/// errors must hold only valid rows.
fn drive_register(text: &str) {
    let (table, mut problems) = kompass::checks::register::parse_csv(text);
    problems.extend(kompass::checks::register::check_rows(&table));
    for p in &problems {
        if let Some(span) = &p.place.span {
            assert!(span.start <= span.end && span.end <= text.len(), "{p:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        let _ = p.to_string();
    }
    if !problems.iter().any(|p| !p.warning) {
        for r in table.rows() {
            assert_eq!(r.total, r.areas.iter().sum::<i64>());
        }
    }
    // Written as a workbook and read back, the rows that were read give no panic either.
    if let Ok(bytes) = kompass::checks::register::to_xlsx(&table.rows()) {
        let _ = kompass::checks::register::from_xlsx(&bytes);
    }
}

#[test]
fn broken_workbooks_are_errors_not_panics() {
    let good = kompass::checks::register::to_xlsx(&[]).unwrap();
    for cut in [0, 1, 10, good.len() / 2, good.len() - 1] {
        assert!(kompass::checks::register::from_xlsx(&good[..cut]).is_err());
    }
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    let _ = kompass::checks::register::from_xlsx(&flipped);
}

#[test]
fn the_seed_is_valid() {
    let mut l = kompass::checks::prepared::load_str("seed.toml", SEED)
        .map_err(|_| "seed loads")
        .unwrap();
    l.read_register(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples"
    )));
    assert!(!validate::check(&l).iter().any(|d| d.is_error()));
}
