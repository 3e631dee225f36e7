//! Can the report print every character of the evaluation? A character the embedded fonts have
//! no glyph for (an emoji, Arabic or Chinese letters pasted into a bullet), a control character
//! written as an escape (`\u0007`) or U+FFFD "�" (left where a text's encoding broke) would make
//! Typst fail at render time; `check` finds them first and points at the string that holds them.

use typst::text::Font;

use crate::base::diagnostics::{Diagnostic, FileId};
use crate::base::messages::msg;

/// The embedded faces (regular, italic, bold …), for their character coverage.
fn faces() -> &'static [Font] {
    crate::base::fonts::faces()
}

/// Characters that print nothing and need no glyph.
fn invisible(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Whether every face of the report's font can show `c`.
pub fn printable(c: char) -> bool {
    invisible(c)
        || (!c.is_control() && faces().iter().all(|f| f.info().coverage.contains(c as u32)))
}

/// Every character in the string values of `text` (an evaluation's TOML) that the report cannot
/// print: one error per character and string, at the character when it is written as itself.
pub fn check(file: FileId, text: &str) -> Vec<Diagnostic> {
    check_strings(file, text, &crate::input::load::strings(text))
}

/// [`check`] for strings already found in `text` (see `Loaded::strings`).
pub fn check_strings(
    file: FileId,
    text: &str,
    strings: &[crate::input::load::Found],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, span, s) in strings {
        check_string(file, text, s, span.clone(), path, &mut out);
    }
    out
}

fn check_string(
    file: FileId,
    text: &str,
    s: &str,
    span: std::ops::Range<usize>,
    path: &crate::base::keypath::KeyPath,
    out: &mut Vec<Diagnostic>,
) {
    let raw = text.get(span.clone()).unwrap_or("");
    // Where `needle` is written inside the string, or the whole string.
    let locate = |needle: &str| {
        raw.find(needle).map_or(span.clone(), |i| {
            span.start + i..span.start + i + needle.len()
        })
    };
    let mut seen: Vec<String> = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if printable(c) {
            i += 1;
            continue;
        }
        // A run of letters the font lacks (a word in another script) is one finding.
        let mut j = i + 1;
        if !c.is_control() && c != '\u{FFFD}' {
            while j < chars.len()
                && !printable(chars[j])
                && !chars[j].is_control()
                && chars[j] != '\u{FFFD}'
            {
                j += 1;
            }
        }
        let run: String = chars[i..j].iter().collect();
        i = j;
        if seen.contains(&run) {
            continue;
        }
        seen.push(run.clone());
        let code = format!("U+{:04X}", c as u32);
        let d = if c == '\u{FFFD}' {
            Diagnostic::error(
                file,
                Some(locate(&run)),
                path,
                msg!("replacement-character", code = code),
            )
            .with_help(msg!("help-replacement-character"))
        } else if c.is_control() {
            let escape = format!("\\u{:04X}", c as u32);
            let at = if raw.contains(&escape) {
                locate(&escape)
            } else {
                locate(&escape.to_lowercase())
            };
            Diagnostic::error(file, Some(at), path, msg!("control-character", code = code))
                .with_help(msg!("help-control-character"))
        } else {
            let codes: Vec<String> = run
                .chars()
                .take(4)
                .map(|c| format!("U+{:04X}", c as u32))
                .collect();
            let more = if run.chars().count() > 4 { " …" } else { "" };
            Diagnostic::error(
                file,
                Some(locate(&run)),
                path,
                msg!(
                    "missing-glyph",
                    text = run,
                    codes = format!("{}{more}", codes.join(" "))
                ),
            )
            .with_help(msg!("help-missing-glyph"))
        };
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::messages::Lang;

    #[test]
    fn what_the_fonts_print() {
        for c in "AÖåäö–”’…−€§½ÆØßÉçñΩЖ 0123".chars() {
            assert!(printable(c), "{c:?}");
        }
        for c in ['😀', 'م', '中', '\u{7}', '\u{FFFD}'] {
            assert!(!printable(c), "{c:?}");
        }
    }

    #[test]
    fn located_at_the_character() {
        let text = "[[area]]\nstrengths = [\"Bra 😀 arbete\", \"ok\"]\nx = \"a\\u0007b\"\ny = \"och قرار\"\n";
        let d = check(0, text);
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(&text[d[1].span.clone().unwrap()], "\\u0007");
        assert_eq!(&text[d[2].span.clone().unwrap()], "قرار");
        assert!(
            d[2].message
                .to_string()
                .contains("U+0642 U+0631 U+0627 U+0631"),
            "{}",
            d[2].message.to_string()
        );
        assert_eq!(d[0].where_in(Lang::En), "area[1].strengths[1]");
        assert_eq!(&text[d[0].span.clone().unwrap()], "😀");
        assert!(d[0].message.to_string().contains("U+1F600"));
        assert_eq!(d[1].where_in(Lang::En), "area[1].x");
        assert!(d[1].message.to_string().contains("U+0007"));
    }
}
