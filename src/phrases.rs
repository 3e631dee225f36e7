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
        _ => crate::format::int(n as i64),
    }
}

/// With its first letter in upper case, to begin a sentence.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// How many were interviewed, in running text: "ett 40-tal personer" for an approximate round
/// ten, "cirka 45 personer" for another approximate number, "38 personer" exactly.
pub fn interviews(n: i64, approximate: bool) -> String {
    format!("{} personer", interviews_number(n, approximate))
}

/// The number of interviews alone: "ett 40-tal", "cirka 45", "38".
pub fn interviews_number(n: i64, approximate: bool) -> String {
    let digits = crate::format::int(n);
    match (approximate, n % 10 == 0 && n >= 10) {
        (true, true) => format!("ett {digits}-tal"),
        (true, false) => format!("cirka {digits}"),
        (false, _) => digits,
    }
}

/// The same, short, for a table of changes: "ca 40", "38".
pub fn interviews_short(n: i64, approximate: bool) -> String {
    let digits = crate::format::int(n);
    if approximate {
        format!("ca {digits}")
    } else {
        digits
    }
}

/// The sentence on a note that `k` of the `n` register rows a mean uses carry: "Alla sex
/// raderna har anmärkningen ”…”.", "En av de tre raderna har …", "Två av de tre raderna …".
pub fn rows_noted(k: usize, n: usize, note: &str) -> String {
    let note = note.trim().trim_end_matches('.');
    if k == n && n == 1 {
        format!("Raden har anmärkningen ”{note}”.")
    } else if k == n {
        format!(
            "Alla {} raderna har anmärkningen ”{note}”.",
            number(n, Gender::Common)
        )
    } else {
        format!(
            "{} av de {} raderna har anmärkningen ”{note}”.",
            capitalised(&number(k, Gender::Common)),
            number(n, Gender::Common)
        )
    }
}

/// What a computed profile is the mean of, in running text: "genomsnittet av sex utvärderingar
/// 2020–2023".
pub fn mean_of(n: usize, years: &str) -> String {
    let what = if n == 1 {
        "utvärdering"
    } else {
        "utvärderingar"
    };
    format!(
        "genomsnittet av {} {what} {years}",
        number(n, Gender::Common)
    )
}

/// What the municipality's profile is compared with: the earlier evaluations, then the
/// comparison profile's description – "utvärderingen 2019", "utvärderingarna 2017 och 2020
/// samt med genomsnittet av alla utvärderingar sedan 2020".
pub fn compared_with(earlier_years: &[String], profile: Option<&str>) -> String {
    let earlier = match earlier_years {
        [] => None,
        [one] => Some(format!("utvärderingen {one}")),
        more => Some(format!("utvärderingarna {}", crate::format::join_och(more))),
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

/// The line under a slide's list when bullets were left out: "+ 1 punkt till i rapporten",
/// "+ 3 punkter till i rapporten".
pub fn more_in_report(k: usize) -> String {
    let what = if k == 1 { "punkt" } else { "punkter" };
    format!("+ {k} {what} till i rapporten")
}

/// Chapter 2's first paragraph: when the evaluation was made, whether it was the first, and
/// what it was based on.
pub fn evaluation_opening(
    official: &str,
    evaluated: &str,
    first: bool,
    earlier_years: &[String],
    interviews: &str,
) -> String {
    let before = if first {
        "Det var kommunens första utvärdering enligt Kommunkompassen.".to_string()
    } else if earlier_years.is_empty() {
        "Kommunen har utvärderats med Kommunkompassen tidigare.".to_string()
    } else {
        format!(
            "Kommunen har tidigare utvärderats med Kommunkompassen år {}.",
            crate::format::join_och(earlier_years)
        )
    };
    format!(
        "Utvärderingen av {official} gjordes i {evaluated}. {before}\n\nUnderlaget består av kommunens styrdokument, webbplats och sociala medier samt intervjuer med {interviews} i organisationen."
    )
}

/// The bar chart's caption: "Leksands poäng per område (av 100) och totalt (av 800)".
pub fn bars_caption(who: &str, area_max: &str, total_max: &str) -> String {
    format!("{who} poäng per område (av {area_max}) och totalt (av {total_max})")
}

/// The sentence before the bar chart.
pub fn bars_intro(who: &str, areas: usize, total: &str, total_max: &str) -> String {
    format!(
        "Diagrammet visar {who} poäng inom vart och ett av de {} områdena och den sammanlagda poängen, {total} av {total_max}.",
        number(areas, Gender::Neuter)
    )
}

/// The bar chart's alt text, from its parts ("Samhällsutveckling 57 av 100").
pub fn bars_alt(who: &str, parts: &[String], total: &str, total_max: &str) -> String {
    format!(
        "Stapeldiagram: {who} poäng per område. {}. Totalt {total} av {total_max}.",
        parts.join("; ")
    )
}

/// A profile chart's caption: "Leksand (2023) jämfört med …".
pub fn profile_caption(name: &str, year: i32, against: &str) -> String {
    format!("{name} ({year}) jämfört med {against}")
}

/// The sentence before a profile chart.
pub fn profile_intro(who: &str, against: &str) -> String {
    format!("I nästa diagram jämförs {who} poängprofil med {against}.")
}

/// A radar chart's alt text: what is compared, then each area's values.
pub fn radar_alt(primary: Option<&str>, others: &[String], parts: &[String]) -> String {
    format!(
        "Radardiagram: {} jämfört med {}. {}.",
        primary.map_or(String::new(), |p| format!("poängprofilen för {p}")),
        crate::format::join_och(others),
        parts.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_up_to_twelve_are_words_in_gender() {
        assert_eq!(number(1, Gender::Common), "en");
        assert_eq!(number(1, Gender::Neuter), "ett");
        assert_eq!(number(0, Gender::Common), "noll");
        assert_eq!(number(6, Gender::Common), "sex");
        assert_eq!(number(12, Gender::Neuter), "tolv");
        assert_eq!(number(13, Gender::Common), "13");
        assert_eq!(capitalised("en"), "En");
        assert_eq!(capitalised("åtta"), "Åtta");
    }

    #[test]
    fn interviews_in_their_cases() {
        assert_eq!(interviews(40, true), "ett 40-tal personer");
        assert_eq!(interviews(45, true), "cirka 45 personer");
        assert_eq!(interviews(45, false), "45 personer");
        assert_eq!(interviews(1000, true), "ett 1000-tal personer");
        assert_eq!(interviews_number(5, true), "cirka 5");
        assert_eq!(interviews_short(42, true), "ca 42");
        assert_eq!(interviews_short(42, false), "42");
    }

    #[test]
    fn rows_with_a_note_in_their_cases() {
        assert_eq!(
            rows_noted(6, 6, "Påhittad exempelrad."),
            "Alla sex raderna har anmärkningen ”Påhittad exempelrad”."
        );
        assert_eq!(
            rows_noted(1, 3, "x"),
            "En av de tre raderna har anmärkningen ”x”."
        );
        assert_eq!(
            rows_noted(2, 3, "x"),
            "Två av de tre raderna har anmärkningen ”x”."
        );
        assert_eq!(rows_noted(1, 1, "x"), "Raden har anmärkningen ”x”.");
        assert_eq!(
            rows_noted(3, 14, "x"),
            "Tre av de 14 raderna har anmärkningen ”x”."
        );
    }

    #[test]
    fn means_and_comparisons_in_their_cases() {
        assert_eq!(
            mean_of(6, "2020–2023"),
            "genomsnittet av sex utvärderingar 2020–2023"
        );
        assert_eq!(mean_of(1, "2021"), "genomsnittet av en utvärdering 2021");
        let national = "genomsnittet av alla utvärderingar sedan 2020";
        assert_eq!(compared_with(&[], Some(national)), national);
        assert_eq!(
            compared_with(&["2019".into()], Some(national)),
            format!("utvärderingen 2019 samt med {national}")
        );
        assert_eq!(
            compared_with(&["2017".into(), "2020".into()], Some(national)),
            format!("utvärderingarna 2017 och 2020 samt med {national}")
        );
        assert_eq!(
            compared_with(&["2017".into(), "2020".into()], None),
            "utvärderingarna 2017 och 2020"
        );
    }

    #[test]
    fn changes_agree_with_what_changed() {
        assert_eq!(change_word("added", gender_of_label("stycke 3")), "Tillagt");
        assert_eq!(
            change_word("removed", gender_of_label("stycke 3")),
            "Borttaget"
        );
        assert_eq!(
            change_word("changed", gender_of_label("stycke 3")),
            "Ändrat"
        );
        assert_eq!(change_word("added", gender_of_label("punkt 2")), "Tillagd");
        assert_eq!(
            change_word("removed", gender_of_label("punkt 2")),
            "Borttagen"
        );
        assert_eq!(change_word("changed", gender_of_label("punkt 2")), "Ändrad");
    }

    #[test]
    fn chapter_2_and_the_charts_in_their_cases() {
        let open = |first, years: &[String]| {
            evaluation_opening(
                "Leksands kommun",
                "augusti 2023",
                first,
                years,
                "ett 40-tal personer",
            )
        };
        assert!(open(true, &[]).starts_with(
            "Utvärderingen av Leksands kommun gjordes i augusti 2023. Det var kommunens första utvärdering enligt Kommunkompassen.\n\nUnderlaget"
        ));
        assert!(
            open(false, &[]).contains(" Kommunen har utvärderats med Kommunkompassen tidigare.")
        );
        assert!(
            open(false, &["2017".into(), "2020".into()])
                .contains("tidigare utvärderats med Kommunkompassen år 2017 och 2020.")
        );
        assert_eq!(
            bars_caption("Leksands", "100", "800"),
            "Leksands poäng per område (av 100) och totalt (av 800)"
        );
        assert!(bars_intro("Leksands", 8, "412", "800").contains("de åtta områdena"));
        assert_eq!(
            bars_alt(
                "Leksands",
                &["A 1 av 2".into(), "B 2 av 2".into()],
                "3",
                "4"
            ),
            "Stapeldiagram: Leksands poäng per område. A 1 av 2; B 2 av 2. Totalt 3 av 4."
        );
        assert_eq!(
            profile_caption("Leksand", 2023, "x"),
            "Leksand (2023) jämfört med x"
        );
        assert_eq!(
            profile_intro("Leksands", "x"),
            "I nästa diagram jämförs Leksands poängprofil med x."
        );
        assert_eq!(
            radar_alt(Some("L"), &["A".into(), "B".into()], &["1: 2".into()]),
            "Radardiagram: poängprofilen för L jämfört med A och B. 1: 2."
        );
    }

    #[test]
    fn slides_shorten_with_a_space_and_count_in_words() {
        assert_eq!(shortened("Kommunen arbetar så"), "Kommunen arbetar så …");
        assert_eq!(shortened("Kommunen arbetar, "), "Kommunen arbetar …");
        assert_eq!(more_in_report(1), "+ 1 punkt till i rapporten");
        assert_eq!(more_in_report(3), "+ 3 punkter till i rapporten");
    }
}
