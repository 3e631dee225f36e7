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

/// `word` with a soft hyphen at each joint of a listed compound it begins with, keeping its
/// case; `None` when it begins with none.
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

/// A text with a soft hyphen at the joint of every listed compound in it.
pub fn soft_hyphens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match joined(word) {
            Some(j) => out.push_str(&j),
            None => out.push_str(word),
        }
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
