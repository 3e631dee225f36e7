//! The Swedish sentences and labels kompass writes itself into reports, slides and the page of
//! changes, in one place: each right in the singular, the plural and zero, in gender and in the
//! definite form, with numbers up to twelve in words in running text. Each has its cases tested
//! below.

/// A noun's gender: en-words (utrum) and ett-words (neutrum).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// En-words: "en rad", "en punkt".
    Common,
    /// Ett-words: "ett stycke".
    Neuter,
}

/// A number in running text: up to twelve in words ("en", "ett", "två" … "tolv"), above it in
/// digits (with a thin space between thousands).
pub fn number(n: usize, gender: Gender) -> String {
    const WORDS: [&str; 13] = [
        "noll", "", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
    ];
    match n {
        1 if gender == Gender::Common => "en".into(),
        1 => "ett".into(),
        0 | 2..=12 => WORDS[n].into(),
        _ => crate::base::format::int(n as i64),
    }
}

/// With its first letter in upper case, to begin a sentence.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// A count with its noun, agreeing: "inga personer", "en person", "sju personer", "13
/// personer"; "ett stycke", "två stycken".
pub fn counted(n: usize, gender: Gender, one: &str, other: &str) -> String {
    match n {
        0 => format!("inga {other}"),
        1 => format!("{} {one}", number(1, gender)),
        _ => format!("{} {other}", number(n, gender)),
    }
}

/// A round number as Swedish says it roughly: "ett tiotal", "ett 40-tal", "ett hundratal", "ett
/// 200-tal", "ett tusental"; `None` for a number that is not round.
fn round_number(n: usize) -> Option<String> {
    match n {
        10 => Some("ett tiotal".into()),
        100 => Some("ett hundratal".into()),
        1000 => Some("ett tusental".into()),
        20..=990 if n.is_multiple_of(10) => Some(format!("ett {n}-tal")),
        _ => None,
    }
}

/// How many were interviewed, in running text: "ett 40-tal personer" for an approximate round
/// number, "cirka 45 personer" or "cirka sju personer" for another approximate number, "38
/// personer", "sju personer" and "en person" exactly.
pub fn interviews(n: i64, approximate: bool) -> String {
    let Ok(k) = usize::try_from(n) else {
        return format!("{} personer", crate::base::format::int(n));
    };
    let people = counted(k, Gender::Common, "person", "personer");
    match (approximate, k) {
        (_, 0) | (false, _) => people,
        (true, _) => match round_number(k) {
            Some(round) => format!("{round} personer"),
            None => format!("cirka {people}"),
        },
    }
}

/// The same, short, for a table of changes: "ca 40", "38".
pub fn interviews_short(n: i64, approximate: bool) -> String {
    let digits = crate::base::format::int(n);
    if approximate {
        format!("ca {digits}")
    } else {
        digits
    }
}

/// The sentence on a note that `k` of the `n` evaluations a mean uses carry in the register:
/// "Alla sex utvärderingarna har anmärkningen ”…”.", "Båda utvärderingarna …", "En av de tre
/// utvärderingarna …". The reader sees evaluations, never the register's rows.
pub fn rows_noted(k: usize, n: usize, note: &str) -> String {
    let note = note.trim().trim_end_matches('.');
    let who = match (k, n) {
        (1, 1) => "Utvärderingen har".to_string(),
        (0, 1) => "Utvärderingen har inte".to_string(),
        (2, 2) => "Båda utvärderingarna har".to_string(),
        (0, 2) => "Ingen av de två utvärderingarna har".to_string(),
        _ if k == n => format!("Alla {} utvärderingarna har", number(n, Gender::Common)),
        (0, _) => format!(
            "Ingen av de {} utvärderingarna har",
            number(n, Gender::Common)
        ),
        _ => format!(
            "{} av de {} utvärderingarna har",
            capitalised(&number(k, Gender::Common)),
            number(n, Gender::Common)
        ),
    };
    format!("{who} anmärkningen ”{note}”.")
}

/// What a computed profile is the mean of, in running text: "medelvärdet av sex utvärderingar
/// 2020–2023" (`years` may be empty).
pub fn mean_of(n: usize, years: &str) -> String {
    let what = match n {
        0 => "noll utvärderingar".to_string(),
        _ => counted(n, Gender::Common, "utvärdering", "utvärderingar"),
    };
    format!("medelvärdet av {what} {years}")
        .trim_end()
        .to_string()
}

/// A computed profile's legend, short: "Medelvärde av 6 utvärderingar 2020–2023" (a legend
/// keeps its digits).
pub fn mean_label(n: usize, years: &str) -> String {
    let what = if n == 1 {
        "utvärdering"
    } else {
        "utvärderingar"
    };
    format!("Medelvärde av {n} {what} {years}")
        .trim_end()
        .to_string()
}

/// A comparison profile's legend as running text, when the profile has no `description` of
/// its own: a legend begins with a capital ("Nationellt medelvärde"), a sentence goes on in
/// lower case ("jämfört med nationellt medelvärde"). Only common words are lowered; a name
/// ("Dalarnas kommuner", "SKR:s urval") stays as written.
pub fn in_running_text(label: &str) -> String {
    const COMMON: &[&str] = &[
        "nationellt",
        "nationella",
        "medelvärde",
        "medelvärdet",
        "genomsnitt",
        "genomsnittet",
        "alla",
        "riket",
        "rikets",
        "kommuner",
        "kommunerna",
        "jämförbara",
        "liknande",
        "små",
        "stora",
        "övriga",
        "andra",
        "tidigare",
        "förstagångsutvärderade",
        "landets",
        "länets",
        "regionens",
        "samtliga",
    ];
    let first = label.split_whitespace().next().unwrap_or("");
    if COMMON.contains(&first.to_lowercase().as_str()) {
        let mut chars = label.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
    } else {
        label.to_string()
    }
}

/// What the municipality's profile is compared with: the earlier evaluations, then the
/// comparison profile's description – "utvärderingen 2019", "utvärderingarna 2017 och 2020
/// samt med medelvärdet av alla utvärderingar sedan 2020".
pub fn compared_with(earlier_years: &[String], profile: Option<&str>) -> String {
    let earlier = match earlier_years {
        [] => None,
        [one] => Some(format!("utvärderingen {one}")),
        more => Some(format!(
            "utvärderingarna {}",
            crate::base::format::join_och(more)
        )),
    };
    match (earlier, profile) {
        (Some(e), Some(p)) => format!("{e} samt med {p}"),
        (Some(e), None) => e,
        (None, Some(p)) => p.to_string(),
        (None, None) => String::new(),
    }
}

/// A change on the page of changes, agreeing with what changed: "Tillagd" (en punkt),
/// "Tillagt" (ett stycke).
pub fn change_word(kind: &str, gender: Gender) -> &'static str {
    match (kind, gender) {
        ("added", Gender::Common) => "Tillagd",
        ("added", Gender::Neuter) => "Tillagt",
        ("removed", Gender::Common) => "Borttagen",
        ("removed", Gender::Neuter) => "Borttaget",
        (_, Gender::Common) => "Ändrad",
        (_, Gender::Neuter) => "Ändrat",
    }
}

/// The gender of what a change's label names ("stycke 3" is neuter, "punkt 2" common).
pub fn gender_of_label(label: &str) -> Gender {
    if label.starts_with("stycke") {
        Gender::Neuter
    } else {
        Gender::Common
    }
}

/// A bullet shortened to fit a slide: at a word, with a space before the ellipsis ("så …").
pub fn shortened(words: &str) -> String {
    format!("{} …", words.trim_end_matches([' ', ',', ';', ':', '–']))
}

/// The line under a slide's list when bullets were left out: "Ytterligare en punkt i
/// rapporten", "Ytterligare tre punkter i rapporten".
pub fn more_in_report(k: usize) -> String {
    if k == 0 {
        return "Inga fler punkter i rapporten".into();
    }
    format!(
        "Ytterligare {} i rapporten",
        counted(k, Gender::Common, "punkt", "punkter")
    )
}

/// When the evaluation was made, as it follows "Utvärderingen … gjordes": `evaluated` is free
/// text, so the "i" is added only where the text needs it ("i augusti 2023", "i början av
/// 2023"), and a text that brings its own preposition or needs none is taken as it is
/// ("under hösten 2023", "våren 2023", "2023"). The second value is false for a text that
/// cannot stand there either way (`check` warns about it).
pub fn when_evaluated(evaluated: &str) -> (String, bool) {
    const NEEDS_I: &[&str] = &["början", "mitten", "slutet"];
    const AS_IT_IS: &[&str] = &[
        "i",
        "under",
        "på",
        "från",
        "mellan",
        "efter",
        "före",
        "inför",
        "vid",
        "kring",
        "omkring",
        "runt",
        "sedan",
        "våren",
        "sommaren",
        "hösten",
        "vintern",
        "vårvintern",
        "försommaren",
        "sensommaren",
        "senhösten",
        "senvåren",
        "vårterminen",
        "höstterminen",
        "år",
        "åren",
    ];
    let text = evaluated.trim();
    let first: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>();
    let lower = first.to_lowercase();
    let is_year = first.len() == 4 && first.chars().all(|c| c.is_ascii_digit());
    if crate::base::format::MONTHS.contains(&lower.as_str()) || NEEDS_I.contains(&lower.as_str()) {
        (format!("i {text}"), true)
    } else if is_year || AS_IT_IS.contains(&lower.as_str()) {
        (text.to_string(), true)
    } else {
        (text.to_string(), false)
    }
}

/// Chapter 2's first paragraph: when the evaluation was made, whether it was the first, and
/// what it was based on. `interviews` is [`interviews`]'s text.
pub fn evaluation_opening(
    official: &str,
    evaluated: &str,
    first: bool,
    earlier_years: &[String],
    interviews: &str,
) -> String {
    let before = match earlier_years {
        _ if first => "Det var kommunens första utvärdering enligt Kommunkompassen.".to_string(),
        [] => "Kommunen har utvärderats enligt Kommunkompassen tidigare.".to_string(),
        [one] => format!("Kommunen har tidigare utvärderats enligt Kommunkompassen år {one}."),
        more => format!(
            "Kommunen har tidigare utvärderats enligt Kommunkompassen åren {}.",
            crate::base::format::join_och(more)
        ),
    };
    let documents = "Underlaget består av kommunens styrdokument, webbplats och sociala medier";
    let basis = if interviews.starts_with("inga ") {
        format!("{documents}.")
    } else if interviews.ends_with(" person") {
        format!("{documents} samt en intervju med {interviews} i organisationen.")
    } else {
        format!("{documents} samt intervjuer med {interviews} i organisationen.")
    };
    let (when, _) = when_evaluated(evaluated);
    format!("Utvärderingen av {official} gjordes {when}. {before}\n\n{basis}")
}

/// The bar chart's caption: "Leksands poäng per område (av 100) och totalpoäng (av 800)".
pub fn bars_caption(who: &str, area_max: &str, total_max: &str) -> String {
    format!("{who} poäng per område (av {area_max}) och totalpoäng (av {total_max})")
}

/// The bar chart's label for the total: "Totalpoäng (av 800)".
pub fn bars_total_label(total_max: &str) -> String {
    format!("Totalpoäng (av {total_max})")
}

/// The sentence before the bar chart.
pub fn bars_intro(who: &str, areas: usize, total: &str, total_max: &str) -> String {
    let within = match areas {
        0 => return format!("Diagrammet visar {who} totalpoäng, {total} av {total_max}."),
        1 => "inom området".to_string(),
        n => format!(
            "inom vart och ett av de {} områdena",
            number(n, Gender::Neuter)
        ),
    };
    format!("Diagrammet visar {who} poäng {within} och totalpoängen, {total} av {total_max}.")
}

/// The bar chart's alt text, from its parts ("Samhällsutveckling 57 av 100").
pub fn bars_alt(who: &str, parts: &[String], total: &str, total_max: &str) -> String {
    let areas = if parts.is_empty() {
        String::new()
    } else {
        format!(" {}.", parts.join("; "))
    };
    format!("Stapeldiagram: {who} poäng per område.{areas} Totalpoäng {total} av {total_max}.")
}

/// A profile chart's caption: "Leksand (2023) jämfört med …".
pub fn profile_caption(name: &str, year: i32, against: &str) -> String {
    format!("{name} ({year}) jämfört med {against}")
}

/// The line before chapter 1's list of the main areas: "De åtta huvudområdena är:", and for a
/// framework of one area "Huvudområdet är:".
pub fn areas_intro(n: usize) -> String {
    match n {
        1 => "Huvudområdet är:".to_string(),
        n => format!(
            "De {} huvudområdena är:",
            crate::base::format::count_word(n)
        ),
    }
}

/// The sentence before a profile chart.
pub fn profile_intro(who: &str, against: &str) -> String {
    format!("I nästa diagram jämförs {who} poängprofil med {against}.")
}

/// One area of a radar chart's alt text: the area, then each series' value after its legend
/// and a colon, so that a legend ending in a year never runs into the number: "4 Effektivitet –
/// Leksand (2023): 48, Medelvärde av 6 utvärderingar 2020–2023: 46,5".
pub fn radar_part(title: &str, values: &[(String, String)]) -> String {
    let values: Vec<String> = values.iter().map(|(l, v)| format!("{l}: {v}")).collect();
    format!("{title} – {}", values.join(", "))
}

/// The rule of a value table's numbers, under the chart, when `n` of its means have decimals.
pub fn decimals_rule(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "Medelvärdet anges med en decimal.".into(),
        _ => "Medelvärdena anges med en decimal.".into(),
    }
}

/// A radar chart's alt text: its caption (what is compared, in running text), then each
/// area's values ([`radar_part`]).
pub fn radar_alt(caption: &str, parts: &[String]) -> String {
    if parts.is_empty() {
        return format!("Radardiagram: {caption}.");
    }
    format!("Radardiagram: {caption}. {}.", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts every sentence is tried with.
    const COUNTS: [usize; 8] = [0, 1, 2, 7, 12, 13, 40, 45];

    /// Sentences in running text never say "1 personer", never leave a number below 13 in
    /// digits before a noun, and never double a space.
    fn assert_running_text(s: &str) {
        assert!(!s.contains("  "), "double space: {s:?}");
        assert!(!s.contains(" 1 "), "a lone digit one: {s:?}");
        for n in 0..13 {
            for noun in [
                " personer",
                " person",
                " utvärderingar",
                " utvärdering",
                " punkter",
                " områdena",
            ] {
                assert!(
                    !s.contains(&format!(" {n}{noun}")) && !s.starts_with(&format!("{n}{noun}")),
                    "{n} in digits: {s:?}"
                );
            }
        }
    }

    #[test]
    fn the_areas_are_introduced_in_their_number() {
        assert_eq!(areas_intro(8), "De åtta huvudområdena är:");
        assert_eq!(areas_intro(1), "Huvudområdet är:");
        assert_eq!(areas_intro(12), "De tolv huvudområdena är:");
    }

    #[test]
    fn numbers_up_to_twelve_are_words_in_gender() {
        let common: Vec<String> = COUNTS.iter().map(|n| number(*n, Gender::Common)).collect();
        assert_eq!(
            common,
            ["noll", "en", "två", "sju", "tolv", "13", "40", "45"]
        );
        assert_eq!(number(1, Gender::Neuter), "ett");
        assert_eq!(number(1000, Gender::Neuter), "1000");
        assert_eq!(number(15_900, Gender::Neuter), "15\u{a0}900");
        assert_eq!(capitalised("en"), "En");
        assert_eq!(capitalised("åtta"), "Åtta");
        assert_eq!(capitalised(""), "");
        let people: Vec<String> = COUNTS
            .iter()
            .map(|n| counted(*n, Gender::Common, "person", "personer"))
            .collect();
        assert_eq!(
            people,
            [
                "inga personer",
                "en person",
                "två personer",
                "sju personer",
                "tolv personer",
                "13 personer",
                "40 personer",
                "45 personer"
            ]
        );
        assert_eq!(
            counted(1, Gender::Neuter, "stycke", "stycken"),
            "ett stycke"
        );
    }

    #[test]
    fn interviews_agree_in_every_count() {
        let exact: Vec<String> = COUNTS
            .iter()
            .map(|n| interviews(*n as i64, false))
            .collect();
        assert_eq!(
            exact,
            [
                "inga personer",
                "en person",
                "två personer",
                "sju personer",
                "tolv personer",
                "13 personer",
                "40 personer",
                "45 personer"
            ]
        );
        let about: Vec<String> = COUNTS.iter().map(|n| interviews(*n as i64, true)).collect();
        assert_eq!(
            about,
            [
                "inga personer",
                "cirka en person",
                "cirka två personer",
                "cirka sju personer",
                "cirka tolv personer",
                "cirka 13 personer",
                "ett 40-tal personer",
                "cirka 45 personer"
            ]
        );
        assert_eq!(interviews(10, true), "ett tiotal personer");
        assert_eq!(interviews(100, true), "ett hundratal personer");
        assert_eq!(interviews(150, true), "ett 150-tal personer");
        assert_eq!(interviews(1000, true), "ett tusental personer");
        assert_eq!(interviews(2000, true), "cirka 2000 personer");
        assert_eq!(interviews(1000, false), "1000 personer");
        assert_eq!(interviews(-3, false), "\u{2212}3 personer");
        for s in exact.iter().chain(&about) {
            assert_running_text(s);
        }
        assert_eq!(interviews_short(42, true), "ca 42");
        assert_eq!(interviews_short(42, false), "42");
    }

    #[test]
    fn notes_name_evaluations_in_every_count() {
        let all: Vec<String> = COUNTS.iter().map(|n| rows_noted(*n, *n, "x.")).collect();
        assert_eq!(
            all,
            [
                "Alla noll utvärderingarna har anmärkningen ”x”.",
                "Utvärderingen har anmärkningen ”x”.",
                "Båda utvärderingarna har anmärkningen ”x”.",
                "Alla sju utvärderingarna har anmärkningen ”x”.",
                "Alla tolv utvärderingarna har anmärkningen ”x”.",
                "Alla 13 utvärderingarna har anmärkningen ”x”.",
                "Alla 40 utvärderingarna har anmärkningen ”x”.",
                "Alla 45 utvärderingarna har anmärkningen ”x”."
            ]
        );
        let some: Vec<String> = COUNTS.iter().map(|k| rows_noted(*k, 45, "x")).collect();
        assert_eq!(
            some,
            [
                "Ingen av de 45 utvärderingarna har anmärkningen ”x”.",
                "En av de 45 utvärderingarna har anmärkningen ”x”.",
                "Två av de 45 utvärderingarna har anmärkningen ”x”.",
                "Sju av de 45 utvärderingarna har anmärkningen ”x”.",
                "Tolv av de 45 utvärderingarna har anmärkningen ”x”.",
                "13 av de 45 utvärderingarna har anmärkningen ”x”.",
                "40 av de 45 utvärderingarna har anmärkningen ”x”.",
                "Alla 45 utvärderingarna har anmärkningen ”x”."
            ]
        );
        assert_eq!(
            rows_noted(1, 2, "x"),
            "En av de två utvärderingarna har anmärkningen ”x”."
        );
        assert_eq!(
            rows_noted(0, 2, "x"),
            "Ingen av de två utvärderingarna har anmärkningen ”x”."
        );
        assert_eq!(
            rows_noted(0, 1, "x"),
            "Utvärderingen har inte anmärkningen ”x”."
        );
        assert_eq!(
            rows_noted(3, 7, "x"),
            "Tre av de sju utvärderingarna har anmärkningen ”x”."
        );
        for s in all.iter().chain(&some) {
            assert!(!s.contains("rad"), "register language: {s}");
        }
    }

    #[test]
    fn means_agree_in_every_count() {
        let means: Vec<String> = COUNTS.iter().map(|n| mean_of(*n, "2020–2023")).collect();
        assert_eq!(
            means,
            [
                "medelvärdet av noll utvärderingar 2020–2023",
                "medelvärdet av en utvärdering 2020–2023",
                "medelvärdet av två utvärderingar 2020–2023",
                "medelvärdet av sju utvärderingar 2020–2023",
                "medelvärdet av tolv utvärderingar 2020–2023",
                "medelvärdet av 13 utvärderingar 2020–2023",
                "medelvärdet av 40 utvärderingar 2020–2023",
                "medelvärdet av 45 utvärderingar 2020–2023"
            ]
        );
        assert_eq!(mean_of(6, ""), "medelvärdet av sex utvärderingar");
        let labels: Vec<String> = COUNTS.iter().map(|n| mean_label(*n, "2021")).collect();
        assert_eq!(labels[1], "Medelvärde av 1 utvärdering 2021");
        assert_eq!(labels[3], "Medelvärde av 7 utvärderingar 2021");
        assert_eq!(labels[0], "Medelvärde av 0 utvärderingar 2021");
        for s in &means {
            assert_running_text(s);
        }
        assert_eq!(decimals_rule(0), "");
        assert_eq!(decimals_rule(1), "Medelvärdet anges med en decimal.");
        assert_eq!(decimals_rule(2), "Medelvärdena anges med en decimal.");
    }

    #[test]
    fn a_legend_goes_on_in_lower_case_in_running_text() {
        assert_eq!(
            in_running_text("Nationellt medelvärde"),
            "nationellt medelvärde"
        );
        assert_eq!(
            in_running_text("Genomsnitt av alla utvärderingar"),
            "genomsnitt av alla utvärderingar"
        );
        assert_eq!(in_running_text("Dalarnas kommuner"), "Dalarnas kommuner");
        assert_eq!(in_running_text("SKR:s urval"), "SKR:s urval");
        assert_eq!(in_running_text(""), "");
    }

    #[test]
    fn comparisons_with_one_and_several_earlier_evaluations() {
        let national = "medelvärdet av alla utvärderingar sedan 2020";
        let years = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(compared_with(&[], Some(national)), national);
        assert_eq!(compared_with(&[], None), "");
        assert_eq!(
            compared_with(&years(&["2019"]), Some(national)),
            format!("utvärderingen 2019 samt med {national}")
        );
        assert_eq!(compared_with(&years(&["2019"]), None), "utvärderingen 2019");
        assert_eq!(
            compared_with(&years(&["2017", "2020"]), Some(national)),
            format!("utvärderingarna 2017 och 2020 samt med {national}")
        );
        assert_eq!(
            compared_with(&years(&["2011", "2014", "2017"]), None),
            "utvärderingarna 2011, 2014 och 2017"
        );
        assert_eq!(
            profile_caption("Leksand", 2023, "x"),
            "Leksand (2023) jämfört med x"
        );
        assert_eq!(
            profile_intro("Leksands", "x"),
            "I nästa diagram jämförs Leksands poängprofil med x."
        );
    }

    #[test]
    fn changes_agree_with_what_changed() {
        let words: Vec<&str> = ["added", "removed", "changed"]
            .iter()
            .flat_map(|k| {
                [
                    change_word(k, gender_of_label("stycke 3")),
                    change_word(k, gender_of_label("punkt 2")),
                ]
            })
            .collect();
        assert_eq!(
            words,
            [
                "Tillagt",
                "Tillagd",
                "Borttaget",
                "Borttagen",
                "Ändrat",
                "Ändrad"
            ]
        );
    }

    #[test]
    fn when_the_evaluation_was_made_stands_after_gjordes() {
        let cases = [
            ("augusti 2023", "i augusti 2023", true),
            ("augusti–september 2023", "i augusti–september 2023", true),
            ("början av 2023", "i början av 2023", true),
            ("våren 2023", "våren 2023", true),
            ("under hösten 2023", "under hösten 2023", true),
            ("i maj 2023", "i maj 2023", true),
            ("2023", "2023", true),
            ("mellan maj och juni 2023", "mellan maj och juni 2023", true),
            ("v. 34 2023", "v. 34 2023", false),
            ("Q3 2023", "Q3 2023", false),
            ("", "", false),
        ];
        for (text, when, ok) in cases {
            assert_eq!(when_evaluated(text), (when.to_string(), ok), "{text}");
        }
    }

    #[test]
    fn chapter_2_opens_right_in_every_count() {
        let open = |first, years: &[String], n: i64, about: bool| {
            evaluation_opening(
                "Leksands kommun",
                "augusti 2023",
                first,
                years,
                &interviews(n, about),
            )
        };
        assert_eq!(
            open(true, &[], 40, true),
            "Utvärderingen av Leksands kommun gjordes i augusti 2023. Det var kommunens första \
             utvärdering enligt Kommunkompassen.\n\nUnderlaget består av kommunens \
             styrdokument, webbplats och sociala medier samt intervjuer med ett 40-tal personer \
             i organisationen."
        );
        assert!(open(false, &[], 7, false).contains(
            " Kommunen har utvärderats enligt Kommunkompassen tidigare.\n\n\
             Underlaget består av kommunens styrdokument, webbplats och sociala medier samt \
             intervjuer med sju personer i organisationen."
        ));
        assert!(open(false, &["2019".into()], 1, false).contains(
            "tidigare utvärderats enligt Kommunkompassen år 2019.\n\n\
                 Underlaget består av kommunens styrdokument, webbplats och sociala medier samt \
                 en intervju med en person i organisationen."
        ));
        let several: Vec<String> = ["2011", "2014", "2017", "2020"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(open(false, &several, 0, false).contains(
            "tidigare utvärderats enligt Kommunkompassen åren 2011, 2014, 2017 och 2020.\n\n\
                 Underlaget består av kommunens styrdokument, webbplats och sociala medier."
        ));
        for n in COUNTS {
            for about in [false, true] {
                for years in [&[][..], &several[..1], &several[..]] {
                    let s = open(false, years, n as i64, about);
                    assert_running_text(&s);
                    assert!(!s.contains(" år 2011, "), "{s}");
                }
            }
        }
        let free = |evaluated| evaluation_opening("X kommun", evaluated, true, &[], "två personer");
        assert!(free("våren 2023").starts_with("Utvärderingen av X kommun gjordes våren 2023."));
        assert!(
            free("under hösten 2023")
                .starts_with("Utvärderingen av X kommun gjordes under hösten 2023.")
        );
    }

    #[test]
    fn the_bar_chart_in_every_count() {
        assert_eq!(
            bars_caption("Leksands", "100", "800"),
            "Leksands poäng per område (av 100) och totalpoäng (av 800)"
        );
        assert_eq!(bars_total_label("800"), "Totalpoäng (av 800)");
        let intros: Vec<String> = COUNTS
            .iter()
            .map(|n| bars_intro("Leksands", *n, "412", "800"))
            .collect();
        assert_eq!(
            intros[0],
            "Diagrammet visar Leksands totalpoäng, 412 av 800."
        );
        assert_eq!(
            intros[1],
            "Diagrammet visar Leksands poäng inom området och totalpoängen, 412 av 800."
        );
        assert_eq!(
            intros[2],
            "Diagrammet visar Leksands poäng inom vart och ett av de två områdena och \
             totalpoängen, 412 av 800."
        );
        assert!(intros[3].contains("de sju områdena"));
        assert!(intros[4].contains("de tolv områdena"));
        assert!(intros[5].contains("de 13 områdena"));
        for s in &intros {
            assert_running_text(s);
        }
        let parts =
            |n: usize| -> Vec<String> { (1..=n).map(|i| format!("O{i} {i} av 100")).collect() };
        assert_eq!(
            bars_alt("Leksands", &parts(0), "0", "0"),
            "Stapeldiagram: Leksands poäng per område. Totalpoäng 0 av 0."
        );
        assert_eq!(
            bars_alt("Leksands", &parts(1), "1", "100"),
            "Stapeldiagram: Leksands poäng per område. O1 1 av 100. Totalpoäng 1 av 100."
        );
        assert_eq!(
            bars_alt("Leksands", &parts(2), "3", "200"),
            "Stapeldiagram: Leksands poäng per område. O1 1 av 100; O2 2 av 100. Totalpoäng 3 \
             av 200."
        );
    }

    #[test]
    fn the_radar_chart_with_one_and_several_series() {
        let v = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(l, x)| (l.to_string(), x.to_string()))
                .collect()
        };
        assert_eq!(
            radar_part("4 Effektivitet", &v(&[("Leksand (2023)", "48")])),
            "4 Effektivitet – Leksand (2023): 48"
        );
        let several = radar_part(
            "4 Effektivitet",
            &v(&[
                ("Leksand (2023)", "48"),
                ("Medelvärde av 6 utvärderingar 2020–2023", "46,5"),
            ]),
        );
        assert_eq!(
            several,
            "4 Effektivitet – Leksand (2023): 48, Medelvärde av 6 utvärderingar 2020–2023: 46,5"
        );
        assert_eq!(
            radar_alt("L jämfört med x", &[]),
            "Radardiagram: L jämfört med x."
        );
        assert_eq!(
            radar_alt("L jämfört med x", &["a".into(), "b".into()]),
            "Radardiagram: L jämfört med x. a; b."
        );
    }

    #[test]
    fn slides_shorten_with_a_space_and_count_in_words() {
        assert_eq!(shortened("Kommunen arbetar så"), "Kommunen arbetar så …");
        assert_eq!(shortened("Kommunen arbetar, "), "Kommunen arbetar …");
        let more: Vec<String> = COUNTS.iter().map(|k| more_in_report(*k)).collect();
        assert_eq!(
            more,
            [
                "Inga fler punkter i rapporten",
                "Ytterligare en punkt i rapporten",
                "Ytterligare två punkter i rapporten",
                "Ytterligare sju punkter i rapporten",
                "Ytterligare tolv punkter i rapporten",
                "Ytterligare 13 punkter i rapporten",
                "Ytterligare 40 punkter i rapporten",
                "Ytterligare 45 punkter i rapporten"
            ]
        );
    }
}
