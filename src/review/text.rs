//! Texts and dates from a PDF someone sent, made safe to show: a comment is shown as text,
//! never as markup or a terminal's control sequence.

/// A text from a comment as it may be shown: line breaks as `\n` (Acrobat writes `\r`),
/// control characters and the invisible characters that reorder or hide text (bidirectional
/// overrides, zero-width marks) dropped, trailing space trimmed.
pub fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = text
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !(c.is_control() || invisible(*c)))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    kept.trim().to_string()
}

/// Characters that change how text around them reads without being seen.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{AD}')
}

/// One line: the text with its line breaks as spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text shortened to at most `max` characters, at a word when it can, with "…".
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at = cut
        .rfind(' ')
        .filter(|at| *at > cut.len() / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// A PDF date (`D:20261120140312+01'00'`, any tail left out) as `2026-11-20 14:03`, or the
/// date alone when the time is not given. `None` when it is not a date.
pub fn date(raw: &str) -> Option<String> {
    let s = raw.trim().strip_prefix("D:").unwrap_or(raw.trim());
    let digits: String = s
        .chars()
        .take_while(char::is_ascii_digit)
        .take(14)
        .collect();
    let part = |from: usize, len: usize| -> Option<u32> {
        digits.get(from..from + len).and_then(|d| d.parse().ok())
    };
    let year = part(0, 4)?;
    let month = part(4, 2).unwrap_or(1);
    let day = part(6, 2).unwrap_or(1);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut out = format!("{year:04}-{month:02}-{day:02}");
    if let (Some(h), Some(m)) = (part(8, 2), part(10, 2))
        && h < 24
        && m < 60
    {
        out.push_str(&format!(" {h:02}:{m:02}"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_shown_as_text() {
        assert_eq!(clean("Rad 1\rRad 2\r\n"), "Rad 1\nRad 2");
        assert_eq!(clean("a\u{1b}[31mröd\u{7}"), "a[31mröd");
        assert_eq!(clean("exe.\u{202E}fdp"), "exe.fdp");
        assert_eq!(one_line(" a\n b  c "), "a b c");
        assert_eq!(shorten("ett två tre fyra", 10), "ett två…");
        assert_eq!(shorten("kort", 10), "kort");
    }

    #[test]
    fn dates_are_read_as_far_as_they_go() {
        assert_eq!(
            date("D:20261120140312+01'00'").as_deref(),
            Some("2026-11-20 14:03")
        );
        assert_eq!(date("D:20261120").as_deref(), Some("2026-11-20"));
        assert_eq!(date("2026").as_deref(), Some("2026-01-01"));
        assert_eq!(date("D:20261399"), None);
        assert_eq!(date("igår"), None);
    }
}
