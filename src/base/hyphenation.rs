//! Swedish hyphenation that pattern hyphenation gets wrong, and names it must not touch.
//!
//! Typst hyphenates Swedish by patterns, which do not know compounds: it broke
//! "brukarinflytande" as "bruka-rinflytande". As LaTeX's `\hyphenation{}` does, kompass ships
//! the compounds this genre uses with their joints, and puts a soft hyphen at the joint of each
//! one in the report's text (inflected forms too: "medborgardialogen"). Names – the
//! municipality's, the evaluators', their organisations', Kommunkompassen – are never
//! hyphenated: the templates get them as one pattern ([`protected`]) that they set without
//! hyphenation.

/// Compounds with their joints marked by `|`, as the first part of a word: the rest of the
/// word may be an ending ("förtroende|vald" also matches "förtroendevaldas").
pub const COMPOUNDS: &[&str] = &[
    "brukar|inflytande",
    "brukar|undersökning",
    "brukar|involvering",
    "brukar|fokus",
    "förtroende|vald",
    "medborgar|dialog",
    "medborgar|inflytande",
    "medborgar|budget",
    "medarbetar|undersökning",
    "medarbetar|samtal",
    "kvalitets|utveckling",
    "kvalitets|arbete",
    "kvalitets|ledning",
    "samhälls|utveckling",
    "samhälls|byggnad",
    "verksamhets|plan",
    "verksamhets|utveckling",
    "verksamhets|styrning",
    "demokrati|utveckling",
    "demokrati|beredning",
    "kommun|fullmäktige",
    "kommun|styrelse",
    "kommun|ledning",
    "kommun|direktör",
    "kommun|koncern",
    "mål|styrning",
    "resultat|styrning",
    "resultat|redovisning",
    "invånar|dialog",
    "invånar|service",
    "kompetens|försörjning",
    "kompetens|utveckling",
    "ledar|utveckling",
    "personal|politik",
    "förbättrings|arbete",
    "förbättrings|möjlighet",
    "uppföljnings|system",
    "styr|dokument",
    "tjänste|person",
    "närings|liv",
    "jämförelse|grupp",
];

/// A listed compound as the search needs it: its letters without the marks, the length of the
/// marked form (the longest match wins, as written), and the number of letters of each part
/// but the last.
struct Compound {
    plain: String,
    marked_len: usize,
    parts: Vec<usize>,
}

/// The compounds that begin with one letter, and the fewest bytes any of them has.
#[derive(Default)]
struct Letter {
    compounds: Vec<Compound>,
    shortest: usize,
}

/// The compounds, prepared once per process, by their first letter (each begins with an ASCII
/// letter in lower case: `a` to `z`).
fn by_letter() -> &'static [Letter] {
    static BY_LETTER: std::sync::OnceLock<Vec<Letter>> = std::sync::OnceLock::new();
    BY_LETTER.get_or_init(|| {
        let mut by_letter: Vec<Letter> = (0..26).map(|_| Letter::default()).collect();
        for c in COMPOUNDS {
            let plain = c.replace('|', "");
            let mut parts: Vec<usize> = c.split('|').map(|p| p.chars().count()).collect();
            parts.pop();
            let slot = plain
                .bytes()
                .next()
                .map(|b| usize::from(b.wrapping_sub(b'a')));
            if let Some(letter) = slot.and_then(|i| by_letter.get_mut(i)) {
                if letter.compounds.is_empty() || plain.len() < letter.shortest {
                    letter.shortest = plain.len();
                }
                letter.compounds.push(Compound {
                    plain,
                    marked_len: c.len(),
                    parts,
                });
            }
        }
        by_letter
    })
}

/// The listed compound `word` begins with (in lower case; the longest as written, and of
/// equally long ones the last), if any.
fn compound_of(word: &str) -> Option<&'static Compound> {
    // Those that begin with the word's first letter in lower case, found without lowering the
    // word for the common case of an ASCII first letter.
    let first = match *word.as_bytes().first()? {
        b if b.is_ascii() => b.to_ascii_lowercase(),
        _ => {
            let c = word.chars().next()?.to_lowercase().next()?;
            u8::try_from(c).ok().filter(u8::is_ascii)?
        }
    };
    let letter = by_letter().get(usize::from(first.wrapping_sub(b'a')))?;
    if letter.compounds.is_empty() {
        return None;
    }
    // Most words are in lower case already: then they are compared as they are, and one
    // shorter than every candidate is none. The others are lowered (a copy) to compare.
    let lowered;
    let lower = if in_lower_case(word) {
        if word.len() < letter.shortest {
            return None;
        }
        word
    } else {
        lowered = word.to_lowercase();
        &lowered
    };
    let mut best: Option<&Compound> = None;
    for c in &letter.compounds {
        if lower.starts_with(&c.plain) && best.is_none_or(|b| c.marked_len >= b.marked_len) {
            best = Some(c);
        }
    }
    best
}

/// Whether a word is in lower case as it is (ASCII, or å ä ö é ü): most words are.
fn in_lower_case(word: &str) -> bool {
    let mut bytes = word.bytes();
    while let Some(b) = bytes.next() {
        let lower = b.is_ascii_lowercase()
            || (b == 0xC3 && matches!(bytes.next(), Some(0xA5 | 0xA4 | 0xB6 | 0xA9 | 0xBC)));
        if !lower {
            return false;
        }
    }
    true
}

/// `word` with a soft hyphen after each part but the last of `compound`, counted in letters
/// of the word as given, appended to `out`.
fn push_joined(word: &str, compound: &Compound, out: &mut String) {
    let mut chars = word.char_indices();
    let mut from = 0;
    for &letters in &compound.parts {
        let to = chars
            .by_ref()
            .take(letters)
            .last()
            .map_or(from, |(i, c)| i + c.len_utf8());
        out.push_str(&word[from..to]);
        out.push('\u{ad}');
        from = to;
    }
    out.push_str(&word[from..]);
}

/// A text with a soft hyphen at the joint of every listed compound in it.
pub fn soft_hyphens(text: &str) -> String {
    joined(text).unwrap_or_else(|| text.to_string())
}

/// [`soft_hyphens`] in place: a text without a listed compound is left as it is, uncopied.
pub fn add_soft_hyphens(text: &mut String) {
    if let Some(new) = joined(text) {
        *text = new;
    }
}

/// The text with a soft hyphen at the joint of every listed compound, when it has one.
fn joined(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    // What of `text` is in `out` already: only words that get a soft hyphen are copied apart.
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (letter, len) = letter_at(text, i);
        i += len;
        if !letter {
            continue;
        }
        // A word: a run of letters (ASCII ones taken a byte at a time).
        let start = i - len;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            match letter_at(text, i) {
                (true, len) => i += len,
                (false, _) => break,
            }
        }
        let word = &text[start..i];
        if let Some(compound) = compound_of(word) {
            out.push_str(&text[copied..start]);
            push_joined(word, compound, &mut out);
            copied = i;
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Whether the character at byte `i` of `text` (a character boundary) is a letter, and its
/// length in bytes.
fn letter_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    match bytes[i] {
        b if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
        // U+00C0 to U+00FF (Å, ä, é …) are letters, but for × and ÷.
        0xC3 => (!matches!(bytes.get(i + 1), Some(0x97 | 0xB7)), 2),
        _ => text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8())),
    }
}

/// The names a report must never hyphenate, longest first, as one regular expression for a
/// template's show rule (every other character escaped).
pub fn protected(names: &[&str]) -> String {
    let mut names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| n.chars().count() > 2)
        .collect();
    names.push("Kommunkompassen");
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names
        .iter()
        .map(|n| {
            n.chars()
                .map(|c| {
                    // Only ASCII punctuation is escaped: a regex refuses an escaped letter or
                    // whitespace (a tab in a name would otherwise fail the render).
                    if c.is_ascii_punctuation() {
                        format!("\\{c}")
                    } else {
                        c.to_string()
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exception_list_breaks_compounds_at_their_joints() {
        assert_eq!(soft_hyphens("brukarinflytande"), "brukar\u{ad}inflytande");
        assert_eq!(
            soft_hyphens("Förtroendevaldas roll, medborgardialogen."),
            "Förtroende\u{ad}valdas roll, medborgar\u{ad}dialogen."
        );
        assert_eq!(
            soft_hyphens("kvalitetsutveckling"),
            "kvalitets\u{ad}utveckling"
        );
        assert_eq!(
            soft_hyphens("samhällsutveckling"),
            "samhälls\u{ad}utveckling"
        );
        assert_eq!(soft_hyphens("Kommunstyrelsen"), "Kommun\u{ad}styrelsen");
        // Words that only contain a listed compound, or are shorter, stay as they are.
        assert_eq!(soft_hyphens("brukare"), "brukare");
        assert_eq!(soft_hyphens("ombrukarinflytande"), "ombrukarinflytande");
        assert_eq!(soft_hyphens("#read() $x$"), "#read() $x$");
        // Every listed compound is one word with one joint or more, in lower case.
        for c in COMPOUNDS {
            assert!(
                c.contains('|') && !c.contains(' ') && c.to_lowercase() == *c,
                "{c}"
            );
            assert_eq!(soft_hyphens(&c.replace('|', "")), c.replace('|', "\u{ad}"));
        }
    }

    /// The first, plain version of [`soft_hyphens`]: the prepared one must give the same text.
    fn reference(text: &str) -> String {
        fn joined(word: &str) -> Option<String> {
            let lower = word.to_lowercase();
            let compound = COMPOUNDS
                .iter()
                .filter(|c| lower.starts_with(&c.replace('|', "")))
                .max_by_key(|c| c.len())?;
            let mut out = String::new();
            let mut chars = word.chars();
            for part in compound.split('|') {
                if !out.is_empty() {
                    out.push('\u{ad}');
                }
                out.extend(chars.by_ref().take(part.chars().count()));
            }
            out.extend(chars);
            Some(out)
        }
        let mut out = String::new();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            out.push_str(&joined(word).unwrap_or_else(|| word.clone()));
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphabetic() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }

    #[test]
    fn the_prepared_search_gives_what_the_plain_one_gave() {
        let example = include_str!("../../examples/leksand-2023.toml");
        assert_eq!(soft_hyphens(example), reference(example));
        for text in [
            "",
            "KOMMUNSTYRELSEN Kommunstyrelsen kommunstyrelsens",
            "İkommunstyrelse \u{212a}ommunstyrelse \u{212b}\u{212a}\u{1e9e}",
            "brukarinflytande-brukarundersökning, förtroendevald1medborgar",
            "Närings\u{ad}livet näringsliv nÄringslivet",
            "2×kommunstyrelse÷brukarinflytande ÅÄÖ×Ø",
        ] {
            assert_eq!(soft_hyphens(text), reference(text), "{text:?}");
            let mut in_place = text.to_string();
            add_soft_hyphens(&mut in_place);
            assert_eq!(in_place, reference(text), "{text:?}");
        }
        let words: Vec<String> = COMPOUNDS.iter().map(|c| c.replace('|', "")).collect();
        proptest::proptest!(|(picks in proptest::collection::vec((0..words.len(), "[a-zA-ZåäöÅÄÖİ\u{212a} .,-]{0,6}"), 0..8))| {
            let text: String = picks.iter().map(|(i, s)| format!("{}{s}", words[*i])).collect();
            proptest::prop_assert_eq!(soft_hyphens(&text), reference(&text));
        });
        proptest::proptest!(|(text in "\\PC{0,40}")| {
            proptest::prop_assert_eq!(soft_hyphens(&text), reference(&text));
        });
    }

    #[test]
    fn protected_names_are_one_pattern_longest_first() {
        let p = protected(&["Leksand", "Leksands kommun", "Anna-Karin (SKR)", "SKR"]);
        assert_eq!(
            p,
            "Anna\\-Karin \\(SKR\\)|Leksands kommun|Kommunkompassen|Leksand|SKR"
        );
        assert_eq!(protected(&["Öst\tVäst"]), "Kommunkompassen|Öst\tVäst");
    }
}
