//! Help for the mistakes people make when they write what they mean rather than TOML: a date in
//! words, a number with spaces, `ja` for true, a Swedish key name, a key below the wrong table
//! header, a `"""` that is never closed, a `"` inside a string.

use crate::messages::Message;
use crate::messages::msg;

/// Swedish (and English) month names, for dates written in words.
const MONTHS: [(&str, &str, u8); 12] = [
    ("januari", "january", 1),
    ("februari", "february", 2),
    ("mars", "march", 3),
    ("april", "april", 4),
    ("maj", "may", 5),
    ("juni", "june", 6),
    ("juli", "july", 7),
    ("augusti", "august", 8),
    ("september", "september", 9),
    ("oktober", "october", 10),
    ("november", "november", 11),
    ("december", "december", 12),
];

/// A date written as "27 november 2026", "27/11/2026" or "27.11.2026", as ISO text.
pub fn date_in_words(text: &str) -> Option<String> {
    let t = text.trim().trim_matches('"').trim();
    let parts: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '/' || c == '.' || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let day: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
    let year: u16 = y.parse().ok().filter(|y| (1900..=2200).contains(y))?;
    let lower = m.to_lowercase();
    let month = MONTHS
        .iter()
        .find(|(sv, en, _)| {
            *sv == lower || *en == lower || (lower.len() >= 3 && sv.starts_with(&lower))
        })
        .map(|(_, _, n)| *n)
        .or_else(|| lower.parse().ok().filter(|m| (1..=12).contains(m)))?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Help for a value written the way people write, not the way TOML does. `value` is the value's
/// text as written (quotes included).
pub fn value_hint(key: &str, value: &str) -> Option<Message> {
    let v = value.trim();
    let unquoted = v.trim_matches('"').trim();
    if let Some(iso) = date_in_words(v) {
        return Some(msg!("help-date-as-toml", key = key, iso = iso));
    }
    let iso_date = unquoted.len() == 10
        && unquoted.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso_date && v.starts_with('"') {
        return Some(msg!("help-quoted-date", key = key, date = unquoted));
    }
    let grouped = unquoted.contains(' ')
        && unquoted.split(' ').enumerate().all(|(i, g)| {
            g.chars().all(|c| c.is_ascii_digit())
                && (if i == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                })
        });
    if grouped {
        return Some(msg!(
            "help-number-with-spaces",
            key = key,
            number = unquoted.replace(' ', "_")
        ));
    }
    let yes = [
        "ja", "j", "yes", "y", "sant", "true", "True", "TRUE", "Ja", "JA",
    ];
    let no = [
        "nej", "n", "no", "falskt", "false", "False", "FALSE", "Nej", "NEJ",
    ];
    // "9,5": a decimal comma, as a Swede writes it.
    let comma = unquoted.split_once(',').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    });
    if comma && is_score_key(key) {
        let whole: u32 = unquoted
            .split(',')
            .next()
            .unwrap_or("0")
            .parse()
            .unwrap_or(0);
        return Some(msg!(
            "help-score-decimal-comma",
            key = key,
            low = whole,
            high = whole + 1
        ));
    }
    if comma {
        return Some(msg!(
            "help-decimal-comma",
            key = key,
            number = unquoted.replace(',', ".")
        ));
    }
    if yes.contains(&unquoted) || no.contains(&unquoted) {
        let b = if yes.contains(&unquoted) {
            "true"
        } else {
            "false"
        };
        return Some(msg!("help-yes-no", key = key, value = b));
    }
    None
}

/// Whether a key is a sub-area's score (`"4.2"`, quoted or not).
pub fn is_score_key(key: &str) -> bool {
    let k = key.trim().trim_matches('"');
    k.split_once('.').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && (a.to_string() + b).chars().all(|c| c.is_ascii_digit())
    })
}

/// For a key written with letters a bare TOML key cannot hold (å, ä, ö): the English key meant,
/// or how to write it.
pub fn non_ascii_key(key: &str) -> Option<Message> {
    if key.is_ascii() || key.starts_with(['"', '\'']) {
        return None;
    }
    let lower = key.to_lowercase();
    Some(match SWEDISH_KEYS.iter().find(|(sv, _)| *sv == lower) {
        Some((_, en)) => msg!("help-english-key", english = *en, key = key),
        None => msg!("help-bare-key-letters", key = key),
    })
}

/// Swedish key names people write, and the key kompass reads.
const SWEDISH_KEYS: &[(&str, &str)] = &[
    ("styrkor", "strengths"),
    ("förbättringsmöjligheter", "improvements"),
    ("förbättringar", "improvements"),
    ("forbattringsmojligheter", "improvements"),
    ("analys", "analysis"),
    ("sammanfattande_analys", "analysis"),
    ("poäng", "scores"),
    ("poang", "scores"),
    ("namn", "name"),
    ("genitiv", "genitive"),
    ("officiellt_namn", "official_name"),
    ("befolkning", "population"),
    ("invånare", "population"),
    ("folkmängd", "population"),
    ("datum", "date"),
    ("utvärderad", "evaluated"),
    ("första_utvärdering", "first_evaluation"),
    ("intervjuer", "interviews"),
    ("utgivare", "publisher"),
    ("återkoppling", "meeting"),
    ("utvärderare", "evaluators"),
    ("organisation", "organisation"),
    ("kommun", "municipality"),
    ("rapport", "report"),
    ("sammanfattning", "summary"),
    ("kommentarer", "comments"),
    ("utvärdering", "evaluation"),
    ("jämförelser", "comparisons"),
    ("område", "area"),
    ("omrade", "area"),
    ("totalt", "total"),
    ("totalpoäng", "total"),
    ("jämförelse", "comparison"),
    ("historik", "history"),
    ("tidigare", "history"),
    ("värden", "values"),
    ("källa", "source"),
    ("etikett", "label"),
    ("beskrivning", "description"),
    ("år", "year"),
];

/// For an unknown key: the English key meant by a Swedish one, when it is one of `expected`.
pub fn swedish_key(unknown: &str, expected: &[&str]) -> Option<&'static str> {
    let lower = unknown.to_lowercase();
    SWEDISH_KEYS
        .iter()
        .find(|(sv, en)| *sv == lower && expected.contains(en))
        .map(|(_, en)| *en)
}

/// Keys of the top of the file and of the single tables, for a key written below the wrong
/// header (the commonest case: `total = 412` after the last `[[area]]`).
const HOMES: &[(&str, &str)] = &[
    ("framework", ""),
    ("total", ""),
    ("genitive", "[municipality]"),
    ("official_name", "[municipality]"),
    ("population", "[municipality]"),
    ("date", "[report]"),
    ("evaluated", "[report]"),
    ("first_evaluation", "[report]"),
    ("interviews", "[report]"),
    ("interviews_approximate", "[report]"),
    ("publisher", "[report]"),
    ("meeting", "[report]"),
    ("comments", "[summary]"),
];

/// For an unknown key: where it belongs when it is a key of another place.
pub fn misplaced_key(unknown: &str, path: &str) -> Option<Message> {
    let (_, home) = HOMES.iter().find(|(k, _)| *k == unknown)?;
    let here = path.rsplit_once('.').map_or("", |(parent, _)| parent);
    if home.is_empty() {
        (!here.is_empty()).then(|| msg!("help-key-belongs-at-top", key = unknown))
    } else {
        let table = home.trim_matches(|c| c == '[' || c == ']');
        (here != table).then(|| msg!("help-key-belongs-under", key = unknown, table = *home))
    }
}

/// Every key of the evaluation format, to recognise the start of the next key.
const KEYS: &[&str] = &[
    "id",
    "score",
    "analysis",
    "strengths",
    "improvements",
    "evaluation",
    "comparisons",
    "comments",
    "label",
    "source",
    "description",
    "values",
    "year",
    "name",
    "organisation",
    "genitive",
    "official_name",
    "population",
    "date",
    "evaluated",
    "first_evaluation",
    "interviews",
    "interviews_approximate",
    "publisher",
    "meeting",
    "framework",
    "total",
];

/// 1-based line of a byte offset.
fn line_of(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].matches('\n').count() + 1
}

/// A `"""` string that is never closed, or that runs on over lines which look like the next
/// key (its closing `"""` is missing and a later string's opening closed it): the byte range of
/// its opening `"""` and a message saying where it opened and where it was expected to end.
pub fn unclosed_multiline(text: &str) -> Option<(std::ops::Range<usize>, Message)> {
    let mut pos = 0;
    while let Some(found) = text[pos..].find("\"\"\"") {
        let open = pos + found;
        // Only an opening right after `=` starts a string; skip comments.
        let line_start = text[..open].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..open];
        if before.contains('#') || !before.trim_end().ends_with('=') {
            pos = open + 3;
            continue;
        }
        let body_start = open + 3;
        let Some(close) = text[body_start..].find("\"\"\"").map(|i| body_start + i) else {
            return Some((
                open..open + 3,
                msg!("text-never-closed", line = line_of(text, open)),
            ));
        };
        // A line inside the string that looks like `key = ` or a [table] header means the
        // string should have ended before it.
        let mut offset = body_start;
        for line in text[body_start..close].split_inclusive('\n') {
            let t = line.trim_start();
            let key_like = t.split_once('=').is_some_and(|(k, _)| {
                let k = k.trim();
                KEYS.contains(&k)
                    || (k.starts_with('"') && k[1..].starts_with(|c: char| c.is_ascii_digit()))
            });
            if offset > body_start
                && (key_like
                    || t.starts_with("[[")
                    || t.starts_with("[area")
                    || t.starts_with("[report"))
            {
                return Some((
                    open..open + 3,
                    msg!(
                        "text-not-closed-before",
                        line = line_of(text, open),
                        next = line_of(text, offset)
                    ),
                ));
            }
            offset += line.len();
        }
        pos = close + 3;
    }
    None
}

/// The help for a straight quote inside a quoted text.
fn stray_quote() -> Message {
    msg!("help-stray-quote")
}

/// A list opened on a line of its own (`strengths = [`) whose `]` never comes before the next
/// key or table: where it opened, and the line where the next key begins.
pub fn unclosed_list(text: &str) -> Option<(std::ops::Range<usize>, Message)> {
    let mut offset = 0;
    let mut open: Option<(usize, String)> = None;
    for line in text.split_inclusive('\n') {
        let code = line.split(" #").next().unwrap_or(line).trim();
        match &open {
            None => {
                if let Some((key, rest)) = code.split_once('=')
                    && rest.trim() == "["
                {
                    let at = offset + line.find('[').unwrap_or(0);
                    open = Some((at, key.trim().to_string()));
                }
            }
            Some((at, key)) => {
                let quotes = code.matches('"').count() - code.matches("\\\"").count();
                let next_key = code
                    .split_once('=')
                    .is_some_and(|(k, _)| KEYS.contains(&k.trim()));
                if code.starts_with('[') || next_key {
                    return Some((
                        *at..*at + 1,
                        msg!(
                            "list-not-closed-before",
                            key = key,
                            line = line_of(text, *at),
                            next = line_of(text, offset)
                        ),
                    ));
                } else if (code.ends_with(']') || code.ends_with("],")) && quotes % 2 == 0 {
                    open = None;
                }
            }
        }
        offset += line.len();
    }
    None
}

/// For a text where a list is expected, that already holds "- " bullets: the list to write.
pub fn list_from_bullets(key: &str, value: &str) -> Option<Message> {
    let inner = value.trim().trim_matches('"').trim_matches('\'');
    let items: Vec<&str> = inner
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if items.is_empty()
        || !items
            .iter()
            .all(|l| l.starts_with("- ") || l.starts_with("* "))
    {
        return None;
    }
    let lines: Vec<String> = items
        .iter()
        .map(|l| format!("  {:?},", l[2..].trim()))
        .collect();
    Some(msg!(
        "help-list-from-bullets",
        list = format!("\n{key} = [\n{}\n]", lines.join("\n"))
    ))
}

/// Help for a syntax error on `line` (the whole line of the file).
pub fn syntax_hint(line: &str) -> Option<Message> {
    // An element of a list on a line of its own: a straight quote inside it ends it early.
    let element = line.trim();
    if element.starts_with('"') && !element.starts_with("\"\"\"") && !element.contains(" = ") {
        let quotes = element
            .char_indices()
            .filter(|(i, c)| *c == '"' && (*i == 0 || element.as_bytes()[i - 1] != b'\\'))
            .count();
        if quotes > 2 {
            return Some(stray_quote());
        }
    }
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    let value = value.trim();
    if let Some(h) = non_ascii_key(key) {
        return Some(h);
    }
    // A comment after a value that is not quoted.
    let bare = if value.starts_with(['"', '\'']) {
        value
    } else {
        value.split('#').next().unwrap_or(value).trim()
    };
    if let Some(h) = value_hint(key, bare) {
        return Some(h);
    }
    // A straight quote inside a "…" string ends it early.
    if value.starts_with('"') && !value.starts_with("\"\"\"") {
        let quotes = value
            .char_indices()
            .filter(|(i, c)| *c == '"' && (*i == 0 || value.as_bytes()[i - 1] != b'\\'))
            .count();
        if quotes > 2 {
            return Some(stray_quote());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_lists_and_bullets_written_as_text() {
        let text =
            "[[area]]\nstrengths = [\n  \"a ] b\",\n  \"c\",\n\n[area.scores]\n\"1.1\" = 9\n";
        let (span, message) = unclosed_list(text).unwrap();
        let message = message.to_string();
        assert_eq!(&text[span], "[");
        assert!(
            message.contains("on line 2") && message.contains("before line 6"),
            "{message}"
        );
        assert!(unclosed_list("strengths = [\n  \"a\",\n]\nimprovements = []\n").is_none());
        assert!(unclosed_list("strengths = [\n  \"a\"]\n[area.scores]\n").is_none());
        let h = list_from_bullets("strengths", "\"\"\"\n- En\n- Två\n\"\"\"")
            .unwrap()
            .to_string();
        assert!(
            h.ends_with("strengths = [\n  \"En\",\n  \"Två\",\n]"),
            "{h}"
        );
        assert!(list_from_bullets("strengths", "\"Bara text\"").is_none());
        assert_eq!(syntax_hint("  \"Ett \"nytt\" sätt\","), Some(stray_quote()));
        assert_eq!(syntax_hint("  \"Ett sätt\","), None);
    }

    #[test]
    fn decimal_commas_and_swedish_letters_in_keys() {
        let h = value_hint("\"4.2\"", "9,5").unwrap().to_string();
        assert!(
            h.contains("whole points") && h.contains("= 9`") && h.contains("= 10`"),
            "{h}"
        );
        let h = value_hint("population", "13,5").unwrap().to_string();
        assert!(h.contains("`population = 13.5`"), "{h}");
        assert!(value_hint("name", "\"Öckerö, kommun\"").is_none());
        let h = non_ascii_key("förbättringsmöjligheter")
            .unwrap()
            .to_string();
        assert!(h.contains("`improvements`"), "{h}");
        let h = non_ascii_key("påhitt").unwrap().to_string();
        assert!(h.contains("a–z"), "{h}");
        assert!(non_ascii_key("improvements").is_none());
        assert!(non_ascii_key("\"ö\"").is_none());
        assert!(is_score_key("\"4.2\"") && is_score_key("4.2") && !is_score_key("a.b"));
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(
            date_in_words("27 november 2026").as_deref(),
            Some("2026-11-27")
        );
        assert_eq!(
            date_in_words("\"20 maj 2024\"").as_deref(),
            Some("2024-05-20")
        );
        assert_eq!(date_in_words("1 okt 2025").as_deref(), Some("2025-10-01"));
        assert_eq!(date_in_words("27/11/2026").as_deref(), Some("2026-11-27"));
        assert_eq!(date_in_words("27 smörgås 2026"), None);
        assert_eq!(date_in_words("2026-11-27"), None);
    }

    #[test]
    fn values_people_write() {
        assert!(
            value_hint("population", "13 000")
                .unwrap()
                .to_string()
                .contains("`population = 13_000`")
        );
        assert!(
            value_hint("population", "1 234 567")
                .unwrap()
                .to_string()
                .contains("1_234_567")
        );
        assert!(
            value_hint("first_evaluation", "ja")
                .unwrap()
                .to_string()
                .contains("`first_evaluation = true`")
        );
        assert!(
            value_hint("x", "nej")
                .unwrap()
                .to_string()
                .contains("= false")
        );
        assert!(
            value_hint("date", "\"2026-11-27\"")
                .unwrap()
                .to_string()
                .contains("remove the quotes")
        );
        assert_eq!(value_hint("interviews", "40"), None);
        assert_eq!(value_hint("name", "\"Leksand\""), None);
    }

    #[test]
    fn keys_in_the_wrong_place_or_language() {
        assert_eq!(
            swedish_key("Styrkor", &["strengths", "improvements"]),
            Some("strengths")
        );
        assert_eq!(swedish_key("styrkor", &["name"]), None);
        assert!(
            misplaced_key("total", "area[8].total")
                .unwrap()
                .to_string()
                .contains("top of the file")
        );
        assert_eq!(misplaced_key("total", "total"), None);
        assert!(
            misplaced_key("population", "report.population")
                .unwrap()
                .to_string()
                .contains("[municipality]")
        );
    }

    #[test]
    fn unclosed_strings() {
        let t = "a = 1\nb = \"\"\"\ntext\n";
        let (_, m) = unclosed_multiline(t).unwrap();
        let m = m.to_string();
        assert!(m.contains("line 2 is never closed"), "{m}");
        let t = "[[area]]\nanalysis = \"\"\"\nText.\nstrengths = []\n[[area]]\nanalysis = \"\"\"\nMore.\n\"\"\"\n";
        let (_, m) = unclosed_multiline(t).unwrap();
        let m = m.to_string();
        assert!(m.contains("line 2 is not closed before line 4"), "{m}");
        assert_eq!(
            unclosed_multiline("a = \"\"\"\nstrengths = []\n\"\"\"\n").map(|x| x.0),
            Some(4..7)
        );
        // Prose with an equals sign is not a key.
        assert_eq!(
            unclosed_multiline("a = \"\"\"\nResultat = bra\n\"\"\"\n"),
            None
        );
        assert_eq!(
            unclosed_multiline("a = \"\"\"\nText.\n\"\"\"\nb = 1\n"),
            None
        );
    }

    #[test]
    fn comments_after_values() {
        assert!(
            syntax_hint("population = 13 000  # SCB")
                .unwrap()
                .to_string()
                .contains("13_000")
        );
    }

    #[test]
    fn stray_quotes() {
        assert!(
            syntax_hint("analysis = \"Han sa \"hej\" till alla\"")
                .unwrap()
                .to_string()
                .contains("ends it")
        );
        assert_eq!(syntax_hint("analysis = \"Han sa \\\"hej\\\"\""), None);
    }
}
