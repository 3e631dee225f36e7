//! Sweden's 290 municipalities (`data/municipalities.csv`, embedded): code, name, the two name
//! forms a report needs, county and population. `kompass new` fills an evaluation from it and
//! `kompass check` warns about a name or name form that differs from it.
//!
//! A municipality has two name forms that differ for a third of them:
//! - the **official name** of the organisation: "Öckerö kommun", "Göteborgs Stad",
//!   "Region Gotland", "Falu kommun" – used in the title and wherever the report names the
//!   organisation ("Analys av Öckerö kommun");
//! - the **genitive** of the place name: "Öckerös", "Göteborgs", "Kramfors" – used for
//!   "Öckerös poäng", "Öckerös poängprofil".

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    /// SCB's four-digit municipality code, e.g. "2029".
    pub code: &'static str,
    /// The place name: "Leksand".
    pub name: &'static str,
    /// Genitive of the place name: "Leksands".
    pub genitive: &'static str,
    /// The organisation's name: "Leksands kommun".
    pub official_name: &'static str,
    pub county_code: &'static str,
    /// "Dalarnas län".
    pub county: &'static str,
    /// Inhabitants on [`POPULATION_DATE`].
    pub population: i64,
}

/// The date of the population column.
pub const POPULATION_DATE: &str = "2024-12-31";

/// Where the population column comes from.
pub const POPULATION_SOURCE: &str = "SCB, folkmängd per kommun 31 december 2024";

const CSV: &str = include_str!("../../data/municipalities.csv");

/// Every municipality, in code order. The table is embedded and checked by the tests; a row
/// that does not parse is left out rather than stopping the program.
pub fn all() -> &'static [Municipality] {
    static ALL: std::sync::OnceLock<Vec<Municipality>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| CSV.lines().skip(1).filter_map(parse_row).collect())
}

fn parse_row(line: &'static str) -> Option<Municipality> {
    let mut f = line.split(',');
    let m = Municipality {
        code: f.next()?,
        name: f.next()?,
        genitive: f.next()?,
        official_name: f.next()?,
        county_code: f.next()?,
        county: f.next()?,
        population: f.next()?.trim().parse().ok()?,
    };
    f.next().is_none().then_some(m)
}

/// The municipality with this place name or official name ("Öckerö", "öckerö kommun").
pub fn find(name: &str) -> Option<&'static Municipality> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, usize>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = std::collections::HashMap::new();
        // Official names first, so that a place name wins where the two coincide.
        for (i, m) in all().iter().enumerate() {
            index.insert(m.official_name.to_lowercase(), i);
        }
        for (i, m) in all().iter().enumerate() {
            index.insert(m.name.to_lowercase(), i);
        }
        index
    });
    index.get(&name.trim().to_lowercase()).map(|&i| &all()[i])
}

/// The place name in `text` when it is written with a word for the organisation: "Öckerö
/// kommun" → "Öckerö", "Göteborgs stad" → "Göteborg", "Region Gotland" → "Gotland". Known
/// municipalities come from the table; otherwise "kommun"/"stad" and a genitive -s are removed.
pub fn place_name(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(m) = find(&text) {
        return m.name.to_string();
    }
    let lower = text.to_lowercase();
    let stem = ["kommun", "stad"].iter().find_map(|word| {
        lower
            .strip_suffix(word)
            .filter(|s| s.ends_with(' '))
            .map(|s| text[..s.len()].trim_end().to_string())
    });
    let stem = stem.or_else(|| {
        lower
            .strip_prefix("region ")
            .map(|_| text["region ".len()..].to_string())
    });
    match stem {
        // "Leksands kommun": the table knows "Leksand".
        Some(s) => s
            .strip_suffix('s')
            .and_then(find)
            .map_or(s.clone(), |m| m.name.to_string()),
        None => text,
    }
}

/// The genitive of a Swedish place name: "Leksand" → "Leksands", "Öckerö" → "Öckerös",
/// "Borås" → "Borås".
pub fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z', 'S', 'X', 'Z']) {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

/// The official name of a municipality the table does not know, by the common rule: "<genitive>
/// kommun" after a consonant ("Leksands kommun"), "<name> kommun" after a vowel ("Öckerö
/// kommun"). Irregular names ("Falu kommun", "Göteborgs Stad") are only right from the table.
pub fn official_name_by_rule(name: &str) -> String {
    let vowel = name
        .chars()
        .last()
        .is_some_and(|c| "aeiouyåäöAEIOUYÅÄÖ".contains(c));
    if vowel {
        format!("{name} kommun")
    } else {
        format!("{} kommun", genitive(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_municipality_once() {
        let all = all();
        assert_eq!(all.len(), 290);
        assert_eq!(CSV.lines().count(), 291, "a row did not parse");
        let mut codes: Vec<&str> = all.iter().map(|m| m.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), 290);
        // SCB's total for Sweden on 31 December 2024.
        assert_eq!(all.iter().map(|m| m.population).sum::<i64>(), 10_587_710);
        let counties: std::collections::BTreeSet<&str> = all.iter().map(|m| m.county).collect();
        assert_eq!(counties.len(), 21);
    }

    #[test]
    fn both_name_forms() {
        let forms = |n: &str| {
            let m = find(n).unwrap();
            (m.official_name, m.genitive)
        };
        assert_eq!(forms("Öckerö"), ("Öckerö kommun", "Öckerös"));
        assert_eq!(forms("Täby"), ("Täby kommun", "Täbys"));
        assert_eq!(forms("Vallentuna"), ("Vallentuna kommun", "Vallentunas"));
        assert_eq!(forms("Leksand"), ("Leksands kommun", "Leksands"));
        assert_eq!(forms("Kramfors"), ("Kramfors kommun", "Kramfors"));
        assert_eq!(
            forms("Malung-Sälen"),
            ("Malung-Sälens kommun", "Malung-Sälens")
        );
        assert_eq!(forms("Göteborg"), ("Göteborgs Stad", "Göteborgs"));
        assert_eq!(forms("Gotland"), ("Region Gotland", "Gotlands"));
        assert_eq!(forms("Falun"), ("Falu kommun", "Faluns"));
        assert_eq!(forms("Upplands Väsby").1, "Upplands Väsbys");
        // Every row but the irregular ones follows the rule.
        let irregular: Vec<&str> = all()
            .iter()
            .filter(|m| m.official_name != official_name_by_rule(m.name))
            .map(|m| m.name)
            .collect();
        assert_eq!(irregular.len(), 16, "{irregular:?}");
        assert!(all().iter().all(|m| m.genitive == genitive(m.name)));
    }

    #[test]
    fn place_names_from_what_people_type() {
        assert_eq!(place_name("Öckerö kommun"), "Öckerö");
        assert_eq!(place_name("  öckerö  KOMMUN "), "Öckerö");
        assert_eq!(place_name("Leksands kommun"), "Leksand");
        assert_eq!(place_name("Göteborgs stad"), "Göteborg");
        assert_eq!(place_name("Region Gotland"), "Gotland");
        assert_eq!(place_name("Falu kommun"), "Falun");
        assert_eq!(place_name("Påhittad kommun"), "Påhittad");
        assert_eq!(place_name("Vallentuna"), "Vallentuna");
        assert_eq!(official_name_by_rule("Påhittad"), "Påhittads kommun");
        assert_eq!(official_name_by_rule("Nyby"), "Nyby kommun");
    }
}
