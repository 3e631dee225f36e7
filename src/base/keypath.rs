//! Key paths: where a value sits in an evaluation file, `area[4].scores."4.2"`. One type, written
//! and read one way, for the checks and their findings, the editor, the fact-check's comments
//! and `diff`: keys joined by `.`, a list's items numbered from 1 in brackets, a key that is not
//! bare (`4.2`, `year from`) in quotes.

use std::fmt;
use std::str::FromStr;

/// One step of a key path: a key, or the n-th item (from 1) of a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A key path. The empty path is the whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyPath(Vec<Seg>);

/// A text that is not a key path, and where it stops being one (a byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPathError {
    pub at: usize,
}

impl fmt::Display for KeyPathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a key path (at byte {})", self.at)
    }
}

impl std::error::Error for KeyPathError {}

impl KeyPath {
    /// The whole file.
    pub fn root() -> Self {
        KeyPath(Vec::new())
    }

    /// A key at the top of the file.
    pub fn top(key: impl Into<String>) -> Self {
        KeyPath(vec![Seg::Key(key.into())])
    }

    /// Keys from the top down: `keys(["report", "date"])` is `report.date`.
    pub fn keys<const N: usize>(keys: [&str; N]) -> Self {
        KeyPath(keys.iter().map(|k| Seg::Key((*k).to_string())).collect())
    }

    /// The key `key` below this path.
    pub fn at(&self, key: impl Into<String>) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.into()));
        KeyPath(segs)
    }

    /// The `n`-th item (from 1) of the list at this path.
    pub fn nth(&self, n: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(n));
        KeyPath(segs)
    }

    pub fn segs(&self) -> &[Seg] {
        &self.0
    }

    pub fn into_segs(self) -> Vec<Seg> {
        self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The path without its last step (the root stays the root).
    pub fn parent(&self) -> Self {
        let mut segs = self.0.clone();
        segs.pop();
        KeyPath(segs)
    }

    /// The last key, if the path ends in one.
    pub fn last_key(&self) -> Option<&str> {
        match self.0.last() {
            Some(Seg::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// The last key of the path, past any list places: `strengths` for `area[1].strengths[2]`.
    pub fn nearest_key(&self) -> Option<&str> {
        self.0.iter().rev().find_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
    }

    /// Whether this path is `other` or lies below it.
    pub fn starts_with(&self, other: &KeyPath) -> bool {
        self.0.starts_with(&other.0)
    }
}

impl From<Vec<Seg>> for KeyPath {
    fn from(segs: Vec<Seg>) -> Self {
        KeyPath(segs)
    }
}

impl From<&KeyPath> for KeyPath {
    fn from(path: &KeyPath) -> Self {
        path.clone()
    }
}

/// Whether a key is written bare in a path (and in TOML): letters, digits, `_` and `-`.
fn bare(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    if bare(k) {
                        f.write_str(k)?;
                    } else {
                        // Quoted, with `"`, `\\` and control characters escaped, so that a
                        // path reads on one line (the editor's paths.js writes keys alike).
                        f.write_str("\"")?;
                        for c in k.chars() {
                            match c {
                                '"' | '\\' => write!(f, "\\{c}")?,
                                '\n' => f.write_str("\\n")?,
                                '\t' => f.write_str("\\t")?,
                                '\r' => f.write_str("\\r")?,
                                '\0' => f.write_str("\\0")?,
                                c if c.is_control() => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                                c => write!(f, "{c}")?,
                            }
                        }
                        f.write_str("\"")?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl FromStr for KeyPath {
    type Err = KeyPathError;

    /// `area[4].scores."4.2"` → `area`, 4, `scores`, `4.2`; the empty text is the root.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut segs = Vec::new();
        let mut rest = text;
        let at = |rest: &str| KeyPathError {
            at: text.len() - rest.len(),
        };
        while !rest.is_empty() {
            if !segs.is_empty() {
                rest = rest.strip_prefix('.').ok_or_else(|| at(rest))?;
            }
            let (key, after) = key(rest).ok_or_else(|| at(rest))?;
            segs.push(Seg::Key(key));
            rest = after;
            while let Some(inner) = rest.strip_prefix('[') {
                let close = inner.find(']').ok_or_else(|| at(rest))?;
                let n = inner[..close]
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| at(rest))?;
                segs.push(Seg::Index(n));
                rest = &inner[close + 1..];
            }
        }
        Ok(KeyPath(segs))
    }
}

/// The character an escape stands for, after its `\\`: as Rust writes strings (`\\n`, `\\"`,
/// `\\u{7f}`).
fn unescape(chars: &mut std::str::CharIndices<'_>) -> Option<char> {
    Some(match chars.next()?.1 {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'u' => {
            if chars.next()?.1 != '{' {
                return None;
            }
            let mut hex = String::new();
            loop {
                match chars.next()?.1 {
                    '}' => break,
                    c => hex.push(c),
                }
            }
            char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
        }
        c => c,
    })
}

/// A key at the start of `text` (bare, or quoted with `\` escapes) and what follows it.
fn key(text: &str) -> Option<(String, &str)> {
    if let Some(quoted) = text.strip_prefix('"') {
        let mut key = String::new();
        let mut chars = quoted.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((key, &quoted[i + 1..])),
                '\\' => key.push(unescape(&mut chars)?),
                c => key.push(c),
            }
        }
        return None;
    }
    let end = text.find(['.', '[']).unwrap_or(text.len());
    let key = &text[..end];
    (!key.is_empty() && !key.contains(['"', ']'])).then(|| (key.to_string(), &text[end..]))
}

impl serde::Serialize for KeyPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for KeyPath {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn paths_are_written_and_read_one_way() {
        let p = KeyPath::top("area").nth(4).at("scores").at("4.2");
        assert_eq!(p.to_string(), "area[4].scores.\"4.2\"");
        assert_eq!("area[4].scores.\"4.2\"".parse::<KeyPath>(), Ok(p.clone()));
        assert_eq!(p.parent().to_string(), "area[4].scores");
        assert_eq!(p.last_key(), Some("4.2"));
        assert!(p.starts_with(&KeyPath::top("area").nth(4)));
        assert_eq!(KeyPath::root().to_string(), "");
        assert_eq!("".parse::<KeyPath>(), Ok(KeyPath::root()));
        for bad in ["area[0]", "area[", "a..b", ".a", "a[x]", "\"open", "a]"] {
            assert!(bad.parse::<KeyPath>().is_err(), "{bad}");
        }
    }

    fn seg() -> impl Strategy<Value = Seg> {
        prop_oneof![
            "[a-z_\\-]{1,6}|[0-9. \"\\\\å\n\t\u{7f}\u{301}]{1,5}".prop_map(Seg::Key),
            (1usize..40).prop_map(Seg::Index),
        ]
    }

    proptest! {
        #[test]
        fn every_path_reads_back_as_written(first in "[a-z]{1,6}", rest in proptest::collection::vec(seg(), 0..6)) {
            let mut segs = vec![Seg::Key(first)];
            segs.extend(rest);
            let p = KeyPath::from(segs);
            prop_assert_eq!(p.to_string().parse::<KeyPath>(), Ok(p.clone()));
            let json = serde_json::to_string(&p).unwrap();
            prop_assert_eq!(serde_json::from_str::<KeyPath>(&json).unwrap(), p);
        }
    }
}
