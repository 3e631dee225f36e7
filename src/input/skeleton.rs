//! `kompass new`: a complete evaluation skeleton generated from the framework, so an evaluator
//! starts from a file that already passes `kompass check` (with warnings for the empty texts).

use crate::input::model::Framework;

use crate::base::messages::{Message, msg};
use crate::base::municipalities;

/// The word that marks what `kompass new` left to fill in, in texts and in comments.
pub const PLACEHOLDER: &str = "PLACEHOLDER";
/// The evaluator's name in a new skeleton.
pub const PLACEHOLDER_NAME: &str = "Förnamn Efternamn";
/// `report.evaluated` in a new skeleton.
pub const PLACEHOLDER_EVALUATED: &str = "månad år";

/// TOML basic string with the characters TOML requires escaped.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The skeleton for `municipality` (a place name, or an official name such as "Öckerö
/// kommun"), dated `date` (ISO). A municipality in the table of Sweden's municipalities gets its
/// two name forms and population from there; another gets the forms by the common rule and a
/// placeholder population.
pub fn skeleton(framework: &Framework, municipality: &str, date: &str) -> String {
    let mut t = String::new();
    let place = municipalities::place_name(municipality);
    let known = municipalities::find(&place);
    let (genitive, official) = match known {
        Some(m) => (m.genitive.to_string(), m.official_name.to_string()),
        None => (
            municipalities::genitive(&place),
            municipalities::official_name_by_rule(&place),
        ),
    };
    t.push_str(&format!("# Kommunkompassen – utvärdering av {official}.\n"));
    // The comments speak the reader's language; the keys and the report stay as they are.
    t.push_str(&format!("# {}\n", msg!("skel-fill").text()));
    t.push_str(&format!("# {}\n\n", msg!("skel-markup").text()));
    t.push_str(&format!("framework = {}\n\n", quoted(&framework.id)));
    t.push_str("[municipality]\n");
    t.push_str(&format!("name = {}\n", quoted(&place)));
    let as_in = |example: String| msg!("skel-as-in", example = example).text();
    t.push_str(&format!(
        "genitive = {}  # {}\n",
        quoted(&genitive),
        as_in(format!("{genitive} poäng"))
    ));
    t.push_str(&format!(
        "official_name = {}  # {}\n",
        quoted(&official),
        as_in(format!("Analys av {official}"))
    ));
    match known {
        Some(m) => t.push_str(&format!(
            "population = {}  # {}\n\n",
            crate::base::format::toml_thousands(m.population),
            municipalities::POPULATION_SOURCE
        )),
        None => t.push_str(&format!(
            "population = 10_000  # {}\n\n",
            msg!("skel-population-unknown", place = place.as_str()).text()
        )),
    }
    t.push_str("[report]\n");
    t.push_str(&format!("date = {date}  # {}\n", msg!("skel-date").text()));
    t.push_str(&format!(
        "evaluated = \"månad år\"  # {}\n",
        msg!("skel-evaluated").text()
    ));
    t.push_str("first_evaluation = true\n");
    t.push_str(&format!(
        "interviews = 40  # {}\n",
        msg!("skel-interviews").text()
    ));
    t.push_str(&format!(
        "interviews_approximate = true  # {}\n",
        msg!("skel-approximate").text()
    ));
    t.push_str("publisher = \"Sveriges Kommuner och Regioner\"\n\n");
    t.push_str(
        "[[evaluators]]\nname = \"Förnamn Efternamn\"  # PLACEHOLDER\norganisation = \"SKR\"\n\n",
    );
    t.push_str("[summary]\n");
    t.push_str(&format!(
        "evaluation = \"\"  # {}\n",
        msg!("skel-evaluation").text()
    ));
    t.push_str("comments = \"\"\"\nPLACEHOLDER: Sammanfattande kommentarer.\n\"\"\"\n");
    for area in &framework.areas {
        let a = area.get_ref();
        t.push_str(&format!("\n# {}\n", "-".repeat(94)));
        t.push_str(&format!(
            "[[area]]\nid = {}  # {} (max {})\n",
            a.id,
            a.title,
            a.max.get_ref()
        ));
        t.push_str(
            "analysis = \"\"\"\n\"\"\"\nstrengths = []\nimprovements = []\n\n[area.scores]\n",
        );
        for s in &a.subareas {
            let s = s.get_ref();
            t.push_str(&format!(
                "{} = 0  # {} (0–{})\n",
                quoted(&s.id),
                s.title,
                s.max
            ));
        }
    }
    t.push('\n');
    for line in [
        "skel-comparisons-1",
        "skel-comparisons-2",
        "skel-comparisons-3",
    ] {
        t.push_str(&format!("# {}\n", Message::new(line).text()));
    }
    t.push_str("# [comparison.national]\n# label = \"Nationellt medelvärde\"\n# description = \"medelvärdet av alla utvärderingar sedan 2020\"\n# source = \"…\"\n");
    t.push_str(&format!(
        "# values = [{}]\n",
        vec!["0"; framework.areas.len()].join(", ")
    ));
    t.push_str("#\n# [comparison.peer]\n# from_register = { population_max = 20_000, first_evaluation = true }\n");
    t
}

/// `<name>.toml` in the current directory: the place name in lower case, spaces as hyphens
/// ("Öckerö kommun" → `öckerö.toml`).
pub fn default_path(municipality: &str) -> std::path::PathBuf {
    let year = today_iso()[..4].parse().unwrap_or(2026);
    default_path_in(municipality, year)
}

/// The default file name of the evaluation of `municipality` made in `year`, as the example's
/// is named: `strängnäs-2026.toml`.
pub fn default_path_in(municipality: &str, year: i32) -> std::path::PathBuf {
    format!(
        "{}-{year}.toml",
        municipalities::place_name(municipality)
            .to_lowercase()
            .replace(' ', "-")
    )
    .into()
}

/// Write a new skeleton for `municipality` to `output`, dated today; never overwrites a file
/// (nor a symlink), and never leaves a part of one.
pub fn create(output: &std::path::Path, municipality: &str) -> crate::base::error::Result<()> {
    let name = municipality.trim();
    if name.is_empty() {
        return Err(crate::base::error::Error::Usage(msg!("new-without-name")));
    }
    let (id, _) = crate::input::load::FRAMEWORKS[0];
    let framework = crate::input::load::parse_framework(id)
        .ok_or_else(|| crate::base::error::Error::Invalid(msg!("framework-does-not-load")))?;
    let text = skeleton(&framework, name, &today_iso());
    // Written whole or not at all (a temporary file, then a rename that never replaces): a full
    // disk leaves no truncated skeleton behind to block the next attempt.
    crate::files::disk::create_new(output, text.as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            crate::base::error::Error::Refused(msg!(
                "new-exists",
                path = output.display().to_string(),
                name = name,
                other = sibling_name(output)
            ))
        } else {
            crate::files::disk::error(output, e)
        }
    })
}

/// A free file name beside `path` to suggest: `öckerö-2.toml`, `öckerö-3.toml`, …
fn sibling_name(path: &std::path::Path) -> String {
    let stem = path
        .file_stem()
        .map_or("evaluation".into(), |s| s.to_string_lossy());
    (2..100)
        .map(|i| path.with_file_name(format!("{stem}-{i}.toml")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_file_name(format!("{stem}-ny.toml")))
        .display()
        .to_string()
}

/// Today's date (UTC) as ISO text, from the system clock.
pub fn today_iso() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::base::format::iso_from_days((secs / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_thousands_separators() {
        assert_eq!(crate::base::format::toml_thousands(16_137), "16_137");
        assert_eq!(crate::base::format::toml_thousands(995_574), "995_574");
        assert_eq!(crate::base::format::toml_thousands(2_387), "2_387");
        assert_eq!(crate::base::format::toml_thousands(999), "999");
        assert_eq!(crate::base::format::toml_thousands(1_000_000), "1_000_000");
    }

    #[test]
    fn today_is_a_plausible_iso_date() {
        let t = today_iso();
        assert_eq!(t.len(), 10);
        let year: i32 = t[..4].parse().unwrap();
        assert!(year >= 2024, "{t}");
        assert!(t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-');
    }
}
