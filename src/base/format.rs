//! Swedish formatting of numbers, dates and lists, done once in Rust so the templates only print.

/// The Swedish month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// A number the Swedish way: decimal comma, a space between thousands, a real minus sign.
/// At most `decimals` decimals; trailing zeros are dropped (`52,0` prints as `52`).
pub fn number(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() > 4 {
            grouped.push('\u{00A0}');
        }
        grouped.push(*c);
    }
    let negative =
        x < 0.0 && (grouped.chars().any(|c| c != '0' && c != '\u{00A0}') || !frac.is_empty());
    let mut out = String::new();
    if negative {
        out.push('\u{2212}');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// A number with exactly `decimals` decimals, the Swedish way: for a column of a table, where
/// every number has as many decimals ("65,0" beside "63,7").
pub fn number_fixed(x: f64, decimals: usize) -> String {
    let rounded = number(x, decimals);
    if decimals == 0 {
        return rounded;
    }
    let have = rounded.split_once(',').map_or(0, |(_, f)| f.len());
    let mut out = rounded;
    if have == 0 {
        out.push(',');
    }
    out.extend(std::iter::repeat_n('0', decimals - have));
    out
}

/// An integer the Swedish way ("15 900").
pub fn int(x: i64) -> String {
    number(x as f64, 0)
}

/// A whole number as TOML writes it readably: `16137` → `16_137`, `-100000` → `-100_000` (the
/// sign is never grouped).
pub fn toml_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// ISO date, e.g. `2023-11-23`.
pub fn iso_date(year: i32, month: u8, day: u8) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// Long Swedish date, e.g. `23 november 2023`.
pub fn long_date(year: i32, month: u8, day: u8) -> String {
    let m = MONTHS
        .get(usize::from(month.max(1)) - 1)
        .copied()
        .unwrap_or("");
    format!("{day} {m} {year}")
}

/// A small count of ett-words in words, as Swedish prose writes it ("åtta områden"); digits
/// from 13 up.
pub fn count_word(n: usize) -> String {
    [
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ]
    .get(n)
    .map_or_else(|| n.to_string(), |s| s.to_string())
}

/// The month and year a text such as "september 2026" names (Swedish month names, a four-digit
/// year), if it names both.
pub fn month_year(text: &str) -> Option<(i32, u8)> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month = words
        .iter()
        .find_map(|w| MONTHS.iter().position(|m| m == w))?;
    let year = words
        .iter()
        .find_map(|w| (w.len() == 4).then(|| w.parse::<i32>().ok()).flatten())?;
    Some((year, month as u8 + 1))
}

/// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// "A", "A och B", "A, B och C".
pub fn join_och(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

/// The ISO date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
pub fn iso_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_thousands_never_groups_the_sign() {
        assert_eq!(toml_thousands(16137), "16_137");
        assert_eq!(toml_thousands(-100000), "-100_000");
        assert_eq!(toml_thousands(-999), "-999");
        assert_eq!(toml_thousands(0), "0");
    }

    #[test]
    fn fixed_decimals_for_a_column() {
        assert_eq!(number_fixed(65.0, 1), "65,0");
        assert_eq!(number_fixed(63.7, 1), "63,7");
        assert_eq!(number_fixed(63.66, 1), "63,7");
        assert_eq!(number_fixed(65.0, 0), "65");
        assert_eq!(number_fixed(-0.5, 1), "\u{2212}0,5");
    }

    #[test]
    fn decimal_comma_and_grouping() {
        assert_eq!(number(52.0, 1), "52");
        assert_eq!(number(49.26, 1), "49,3");
        assert_eq!(number(63.5, 1), "63,5");
        assert_eq!(int(15_900), "15\u{00A0}900");
        assert_eq!(int(1234), "1234");
        assert_eq!(int(1_234_567), "1\u{00A0}234\u{00A0}567");
        assert_eq!(number(-3.0, 0), "\u{2212}3");
        assert_eq!(number(-0.0, 0), "0");
    }

    #[test]
    fn dates_and_lists() {
        assert_eq!(iso_date(2023, 11, 23), "2023-11-23");
        assert_eq!(long_date(2023, 8, 1), "1 augusti 2023");
        assert_eq!(
            join_och(&["A".into(), "B".into(), "C".into()]),
            "A, B och C"
        );
        assert_eq!(join_och(&["A".into()]), "A");
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn month_and_year_in_words() {
        assert_eq!(month_year("september 2026"), Some((2026, 9)));
        assert_eq!(month_year("i slutet av Oktober 2023"), Some((2023, 10)));
        assert_eq!(month_year("hösten 2026"), None);
        assert_eq!(month_year("maj"), None);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2023, 11, 23), 19_684);
    }
}
