//! Help for the mistakes people make when they write what they mean rather than TOML: a date in
//! words, a number with spaces, `ja` for true, a Swedish key name, a key below the wrong table
//! header, a `"""` that is never closed, a `"` inside a string.

use crate::base::keypath::KeyPath;
use crate::base::messages::Message;
use crate::base::messages::msg;

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
    // A number in quotes: `interviews = "35"`.
    let number = unquoted.replace('_', "");
    if v.starts_with('"')
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && number.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        return Some(msg!("help-quoted-number", key = key, number = unquoted));
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

/// For an unknown key: where it belongs when it is a key of another place. `homes` are the keys
/// of the top of the file (home `""`) and of the single tables (`"[report]"`), from the data
/// format's schema (`structure::homes`): the commonest case is `total = 412` written after the
/// last `[[area]]`.
pub fn misplaced_key(unknown: &str, path: &KeyPath, homes: &[(&str, String)]) -> Option<Message> {
    let (_, home) = homes.iter().find(|(k, _)| *k == unknown)?;
    let here = path.parent();
    if home.is_empty() {
        (!here.is_empty()).then(|| msg!("help-key-belongs-at-top", key = unknown))
    } else {
        let table = home.trim_matches(|c| c == '[' || c == ']');
        (here != KeyPath::top(table)).then(|| {
            msg!(
                "help-key-belongs-under",
                key = unknown,
                table = home.as_str()
            )
        })
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].matches('\n').count() + 1
}

/// A `"""` string that is never closed, or that runs on over lines which look like the next
/// key (its closing `"""` is missing and a later string's opening closed it): the byte range of
/// its opening `"""` and a message saying where it opened and where it was expected to end.
///
/// `keys` are every key of the data format (`structure::keys`), to recognise the next key.
pub fn unclosed_multiline(text: &str, keys: &[&str]) -> Option<(std::ops::Range<usize>, Message)> {
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
                keys.contains(&k)
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

/// A list or an inline table whose closing bracket never comes: where it opened, what is wrong
/// and where to close it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unclosed {
    /// The opening `[` or `{`.
    pub span: std::ops::Range<usize>,
    pub message: Message,
    pub help: Message,
}

/// An opening bracket still waiting for its closing one.
struct Open {
    bracket: char,
    at: usize,
    line: usize,
    key: String,
}

/// Whether a line (trimmed at the start) begins a `key = …`: a bare key or a quoted one, then `=`.
fn is_key_line(t: &str) -> bool {
    let rest = if let Some(quoted) = t.strip_prefix('"') {
        quoted.find('"').map_or("", |i| &quoted[i + 1..])
    } else {
        let key_len = t
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .unwrap_or(t.len());
        if key_len == 0 {
            return false;
        }
        &t[key_len..]
    };
    let rest = rest.trim_start();
    rest.starts_with('=') && !rest.starts_with("==")
}

/// Whether a line (trimmed at the start) is a table header: `[report]`, `[[area]]`,
/// `[area.scores]` – never an element of a list (a list of bare words is no TOML).
fn is_header(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('[') else {
        return false;
    };
    let inner = inner.strip_prefix('[').unwrap_or(inner);
    let name_len = inner
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | ' ')))
        .unwrap_or(inner.len());
    name_len > 0
        && inner[..name_len]
            .trim()
            .starts_with(|c: char| c.is_alphabetic() || c == '"')
        && inner[name_len..].starts_with(']')
}

/// The key before an opening bracket on its line (`strengths` for `strengths = [`).
fn key_before(line: &str, i: usize) -> String {
    line[..i]
        .rsplit_once('=')
        .map_or("", |(k, _)| k)
        .trim()
        .rsplit([',', '{', '['])
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

/// Scan one line: brackets opened and closed outside strings and comments, and whether a
/// `"""` or `'''` text is still open at its end. Returns the last significant character.
fn scan_line(
    line: &str,
    offset: usize,
    number: usize,
    stack: &mut Vec<Open>,
    text_open: &mut Option<&'static str>,
) -> Option<char> {
    let mut last = None;
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        if let Some(delim) = *text_open {
            let Some(j) = rest.find(delim) else {
                return last;
            };
            *text_open = None;
            i += j + 3;
            last = Some('"');
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '#' => return last,
            '"' | '\'' => {
                let triple = if c == '"' { "\"\"\"" } else { "'''" };
                if rest.starts_with(triple) {
                    *text_open = Some(triple);
                    i += 3;
                    continue;
                }
                // A one-line string, to its closing quote (in "…", `\"` does not close it).
                let mut escaped = false;
                let end = rest[1..].char_indices().find(|&(_, ch)| {
                    let closes = ch == c && !escaped;
                    escaped = c == '"' && ch == '\\' && !escaped;
                    closes
                });
                // Not closed on its line: the parser names that.
                let Some((j, _)) = end else {
                    return Some('"');
                };
                i += j + 2;
                last = Some('"');
                continue;
            }
            // A table header.
            '[' if stack.is_empty() && line[..i].trim().is_empty() => return last,
            '[' | '{' => stack.push(Open {
                bracket: c,
                at: offset + i,
                line: number,
                key: key_before(line, i),
            }),
            ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
        if !c.is_whitespace() {
            last = Some(c);
        }
        i += c.len_utf8();
    }
    last
}

/// A list or inline table that is never closed: the opening line, what closes it, and the
/// line it stops before. Each following line would otherwise be an error of its own ("missing
/// comma"), none of them at the line where the mistake is. A list is unclosed when a line that
/// begins the next key or a table header comes while it is open (`c = [1, 2` and then `d =
/// 4`); an inline table when its line ends without `}` (or without the `,` that continues it).
pub fn unclosed_bracket(text: &str) -> Option<Unclosed> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |offset, line| {
            let at = *offset;
            *offset += line.len();
            Some((at, line.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    let mut stack: Vec<Open> = Vec::new();
    let mut text_open = None;
    for (n, (offset, line)) in lines.iter().enumerate() {
        let t = line.trim_start();
        if text_open.is_none()
            && let Some(open) = stack.last()
            && (is_header(t) || (open.bracket == '[' && is_key_line(t)))
        {
            return Some(unclosed(open, &lines, n + 1));
        }
        let last = scan_line(line, *offset, n + 1, &mut stack, &mut text_open);
        if text_open.is_none()
            && let Some(open) = stack.last()
            && open.bracket == '{'
            && last.is_some_and(|c| c != '{' && c != ',')
        {
            return Some(unclosed(open, &lines, n + 2));
        }
    }
    let open = stack.last()?;
    Some(unclosed(open, &lines, lines.len() + 1))
}

/// The finding for an unclosed bracket; `next` is the 1-based line it stops before.
fn unclosed(open: &Open, lines: &[(usize, &str)], next: usize) -> Unclosed {
    // The last line that belongs to it, where the closing bracket goes.
    let last = (open.line..next.min(lines.len() + 1))
        .rev()
        .find(|&n| {
            let t = lines[n - 1].1.trim();
            !t.is_empty() && !t.starts_with('#')
        })
        .unwrap_or(open.line);
    let code = lines[last - 1].1;
    let code = code.split(" #").next().unwrap_or(code).trim();
    let key = if open.key.is_empty() {
        "…".to_string()
    } else {
        open.key.clone()
    };
    let (message, help) = if open.bracket == '{' {
        (
            msg!("table-not-closed", key = key, line = open.line),
            msg!(
                "help-close-table",
                line = last,
                fixed = format!("{} }}", code.trim_end_matches(','))
            ),
        )
    } else {
        let message = if next > lines.len() {
            msg!("list-never-closed", key = key, line = open.line)
        } else {
            msg!(
                "list-not-closed-before",
                key = key,
                line = open.line,
                next = next
            )
        };
        let fixed = format!("{}]", code.trim_end_matches(','));
        (message, msg!("help-close-list", line = last, fixed = fixed))
    };
    Unclosed {
        span: open.at..open.at + 1,
        message,
        help,
    }
}

/// A key or table given twice: the 1-based line where it first stands, and whether it is a
/// table (`[report]` twice) rather than a key. `at` is where the second one stands.
pub fn first_definition(text: &str, at: usize) -> Option<(usize, bool)> {
    let at = at.min(text.len());
    let lines: Vec<&str> = text.split('\n').collect();
    let here = text[..at].matches('\n').count();
    let normal = |l: &str| -> String {
        let code = l.split('#').next().unwrap_or(l);
        code.chars().filter(|c| !c.is_whitespace()).collect()
    };
    let line = lines.get(here)?.trim_start();
    if is_header(line) {
        let header = normal(line);
        return (0..here)
            .find(|&n| normal(lines[n]) == header)
            .map(|n| (n + 1, true));
    }
    let key: String = text
        .get(at..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"'))
        .collect();
    let table_start = (0..here)
        .rev()
        .find(|&n| is_header(lines[n].trim_start()))
        .map_or(0, |n| n + 1);
    (table_start..here)
        .find(|&n| {
            let t = lines[n].trim_start();
            is_key_line(t) && t.split('=').next().is_some_and(|k| k.trim() == key)
        })
        .map(|n| (n + 1, false))
}

/// For a value TOML cannot read because it is not quoted (`date = 20 maj 2024`, `population =
/// 12 000`, `first_evaluation = ja`, `interviews =`): what is wrong, said first, and the fix
/// when the value shows it.
pub fn unquoted_value(key: &str, value: &str) -> (Message, Option<Message>) {
    let v = value.trim();
    let v = if v.starts_with(['"', '\'']) {
        v
    } else {
        v.split('#').next().unwrap_or(v).trim()
    };
    if v.is_empty() {
        return (msg!("toml-missing-value", key = key), None);
    }
    let help = value_hint(key, v);
    let id = if date_in_words(v).is_some() {
        "toml-date-in-words"
    } else if help
        .as_ref()
        .is_some_and(|h| h.id == "help-number-with-spaces")
    {
        "toml-number-with-spaces"
    } else if help
        .as_ref()
        .is_some_and(|h| matches!(h.id, "help-decimal-comma" | "help-score-decimal-comma"))
    {
        "toml-decimal-comma"
    } else if help.as_ref().is_some_and(|h| h.id == "help-yes-no") {
        "toml-yes-no"
    } else {
        "toml-unquoted-text"
    };
    (Message::new(id).arg("value", v), help)
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
        let u = unclosed_bracket(text).unwrap();
        let message = u.message.to_string();
        assert_eq!(&text[u.span], "[");
        assert!(
            message.contains("on line 2") && message.contains("before line 6"),
            "{message}"
        );
        assert!(
            u.help.to_string().contains("line 4: `\"c\"]`"),
            "{}",
            u.help
        );
        assert!(unclosed_bracket("strengths = [\n  \"a\",\n]\nimprovements = []\n").is_none());
        assert!(unclosed_bracket("strengths = [\n  \"a\"]\n[area.scores]\n").is_none());
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
    fn an_unclosed_bracket_is_named_once_at_its_opening() {
        let at = |text: &str| unclosed_bracket(text).map(|u| (u.span.start, u.message.id));
        // `c = [1, 2` and then `d = 4`: at the opening, not at line 2.
        assert_eq!(
            at("c = [1, 2\nd = 4\n"),
            Some((4, "list-not-closed-before"))
        );
        assert_eq!(at("c = [1, 2,\n  3\n"), Some((4, "list-never-closed")));
        assert_eq!(
            at("f = { a = 1, b = true\nd = 4\n"),
            Some((4, "table-not-closed"))
        );
        // Valid: brackets in strings and comments, nested lists, a list over lines, an inline
        // table continued after its comma, a header after a closed list.
        for valid in [
            "a = \"[ { \\\" ]\"\nb = 'x [ y'\n# [ {\nc = [\n  [1, 2],\n  [3],\n]\n",
            "a = [\n  \"x\", # [\n  \"y\"\n]\n[t]\nb = 1\n",
            "f = { a = 1,\n  b = 2 }\n",
            "s = \"\"\"\ntext [ {\n\"\"\"\n[[area]]\nid = 1\n",
            "v = [63, 65]\n[comparison.peer]\nfrom_register = { population_max = 20_000 }\n",
        ] {
            assert_eq!(at(valid), None, "{valid}");
        }
        let u = unclosed_bracket("x = 1\nc = [1, 2\nd = 4\n").unwrap();
        assert_eq!(
            u.help.to_string(),
            "add `]` at the end of line 2: `c = [1, 2]`"
        );
        let u = unclosed_bracket("f = { a = 1, b = true\n").unwrap();
        assert!(
            u.help.to_string().ends_with("`f = { a = 1, b = true }`"),
            "{}",
            u.help
        );
    }

    #[test]
    fn a_key_given_twice_names_where_it_first_stands() {
        let text = "[report]\ninterviews = 35\ndate = 2024-01-01\ninterviews = 36\n";
        let second = text.rfind("interviews").unwrap();
        assert_eq!(first_definition(text, second), Some((2, false)));
        let text = "[report]\na = 1\n[summary]\nb = 2\n[report]\nc = 3\n";
        let second = text.rfind("[report]").unwrap() + 1;
        assert_eq!(first_definition(text, second), Some((1, true)));
        // The same key under another table is another key.
        let text = "[a]\nx = 1\n[b]\nx = 2\nx = 3\n";
        assert_eq!(
            first_definition(text, text.rfind('x').unwrap()),
            Some((4, false))
        );
    }

    #[test]
    fn an_unquoted_value_is_named_for_what_it_is() {
        let id = |key: &str, value: &str| unquoted_value(key, value).0.id;
        assert_eq!(id("date", " 20 maj 2024"), "toml-date-in-words");
        assert_eq!(id("population", "12 000"), "toml-number-with-spaces");
        assert_eq!(id("first_evaluation", "ja"), "toml-yes-no");
        assert_eq!(id("population", "13,5"), "toml-decimal-comma");
        assert_eq!(id("interviews", ""), "toml-missing-value");
        assert_eq!(id("interviews", "  # antal"), "toml-missing-value");
        assert_eq!(id("interviews", "trettiofem"), "toml-unquoted-text");
        assert_eq!(
            value_hint("interviews", "\"35\"").map(|m| m.id),
            Some("help-quoted-number")
        );
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

    /// A few keys of the data format, as `structure::keys` and `structure::homes` give them.
    const SOME_KEYS: &[&str] = &["strengths", "analysis", "total", "id"];
    fn some_homes() -> Vec<(&'static str, String)> {
        vec![
            ("total", String::new()),
            ("population", "[municipality]".into()),
        ]
    }

    #[test]
    fn keys_in_the_wrong_place_or_language() {
        assert_eq!(
            swedish_key("Styrkor", &["strengths", "improvements"]),
            Some("strengths")
        );
        assert_eq!(swedish_key("styrkor", &["name"]), None);
        assert!(
            misplaced_key("total", &"area[8].total".parse().unwrap(), &some_homes())
                .unwrap()
                .to_string()
                .contains("top of the file")
        );
        assert_eq!(
            misplaced_key("total", &KeyPath::top("total"), &some_homes()),
            None
        );
        assert!(
            misplaced_key(
                "population",
                &KeyPath::keys(["report", "population"]),
                &some_homes()
            )
            .unwrap()
            .to_string()
            .contains("[municipality]")
        );
    }

    #[test]
    fn unclosed_strings() {
        let t = "a = 1\nb = \"\"\"\ntext\n";
        let (_, m) = unclosed_multiline(t, SOME_KEYS).unwrap();
        let m = m.to_string();
        assert!(m.contains("line 2 is never closed"), "{m}");
        let t = "[[area]]\nanalysis = \"\"\"\nText.\nstrengths = []\n[[area]]\nanalysis = \"\"\"\nMore.\n\"\"\"\n";
        let (_, m) = unclosed_multiline(t, SOME_KEYS).unwrap();
        let m = m.to_string();
        assert!(m.contains("line 2 is not closed before line 4"), "{m}");
        assert_eq!(
            unclosed_multiline("a = \"\"\"\nstrengths = []\n\"\"\"\n", SOME_KEYS).map(|x| x.0),
            Some(4..7)
        );
        // Prose with an equals sign is not a key.
        assert_eq!(
            unclosed_multiline("a = \"\"\"\nResultat = bra\n\"\"\"\n", SOME_KEYS),
            None
        );
        assert_eq!(
            unclosed_multiline("a = \"\"\"\nText.\n\"\"\"\nb = 1\n", SOME_KEYS),
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
