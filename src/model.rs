//! The two kinds of data kompass reads: a *framework* (the areas and sub-areas of one revision of
//! Kommunkompassen, with the standard texts every report shares) and an *evaluation* (one
//! municipality's scores and texts). Both are plain TOML; these types mirror it one to one.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One revision of Kommunkompassen, e.g. `data/frameworks/kommunkompassen-2020.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Stable reference used by evaluations, e.g. `kommunkompassen-2020`.
    pub id: String,
    /// Human name, e.g. "Kommunkompassen 2020".
    pub name: String,
    /// Chapter 1, "Vad är kommunkompassen?" (markup), up to the list of areas. Empty only in a
    /// framework known at area level (for earlier evaluations in a register).
    #[serde(default)]
    pub introduction: String,
    /// Chapter 1 after the list of areas (markup).
    #[serde(default)]
    pub introduction_end: String,
    /// The text under "Jämförelser" in chapter 2 (markup), unless an evaluation brings its own.
    #[serde(default)]
    pub comparisons: String,
    #[serde(rename = "area")]
    pub areas: Vec<Spanned<FrameworkArea>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkArea {
    pub id: u32,
    pub title: String,
    pub max: Spanned<i64>,
    /// The "Allmänt" text of the area (markup).
    #[serde(default)]
    pub general: String,
    /// None in a framework known at area level only.
    #[serde(default, rename = "subarea")]
    pub subareas: Vec<Spanned<FrameworkSubarea>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkSubarea {
    /// Dotted id such as `4.2`.
    pub id: String,
    pub title: String,
    pub max: i64,
}

/// One evaluation of one municipality, e.g. `examples/leksand-2023.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Which framework the scores refer to, e.g. `kommunkompassen-2020`.
    pub framework: Spanned<String>,
    /// Optional stated total; when given it must equal the sum of all sub-scores.
    #[serde(default)]
    pub total: Option<Spanned<i64>>,
    pub municipality: Municipality,
    pub report: Report,
    pub evaluators: Spanned<Vec<Evaluator>>,
    pub summary: Summary,
    #[serde(rename = "area")]
    pub areas: Vec<Spanned<AreaEvaluation>>,
    /// The results register (CSV or Excel), relative to this file: comparison profiles can be
    /// computed from it, and the municipality's earlier rows in it are drawn in the profile chart.
    #[serde(default)]
    pub register: Option<Spanned<String>>,
    /// Comparison profiles for the charts of chapter 2.
    #[serde(default)]
    pub comparison: Comparisons,
    /// Earlier evaluations of the same municipality (area scores), drawn in the profile chart.
    #[serde(default)]
    pub history: Vec<Spanned<EarlierEvaluation>>,
    /// The versions of this report, oldest first: printed as "Versionshistorik"; the last is
    /// the current version.
    #[serde(default, rename = "revision")]
    pub revisions: Vec<Spanned<Revision>>,
}

/// One version of the report, e.g. the draft sent for fact-checking and the corrected final.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// 1, 2, 3 …: each larger than the one before.
    pub version: Spanned<i64>,
    /// A TOML date, not before the previous revision's.
    pub date: Spanned<toml::value::Datetime>,
    /// What changed, as printed: "Faktagranskade uppgifter rättade i område 4".
    pub changes: Spanned<String>,
    /// Who made the change.
    #[serde(default)]
    pub by: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// The place name: "Leksand", "Öckerö".
    pub name: Spanned<String>,
    /// The genitive of the place name: "Leksands", "Öckerös", as in "Öckerös poäng".
    pub genitive: Spanned<String>,
    /// The organisation's official name: "Leksands kommun", "Öckerö kommun", "Göteborgs Stad",
    /// as in "Analys av Öckerö kommun". Files written before kompass had it may leave it out:
    /// for a municipality kompass knows it is then taken from the table, with a note.
    #[serde(default = "missing_text")]
    pub official_name: Spanned<String>,
    pub population: Spanned<i64>,
}

/// A text key left out: empty, at no place in the file (0..0).
fn missing_text() -> Spanned<String> {
    Spanned::new(0..0, String::new())
}

/// Whether a text key was left out of the file (see [`missing_text`]).
pub fn is_missing(text: &Spanned<String>) -> bool {
    text.span() == (0..0) && text.get_ref().is_empty()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Date printed on the cover; also the PDF's creation date. A TOML date: `2023-11-23`.
    pub date: Spanned<toml::value::Datetime>,
    /// When the evaluation was made, as it is to be printed: "augusti 2023".
    pub evaluated: String,
    /// Whether this was the municipality's first evaluation with Kommunkompassen.
    pub first_evaluation: Spanned<bool>,
    /// Number of people interviewed.
    pub interviews: Spanned<i64>,
    /// Print the number of interviews as an approximation ("ett 40-tal personer").
    #[serde(default)]
    pub interviews_approximate: bool,
    /// The organisation that publishes the report, in full: "Sveriges Kommuner och Regioner".
    pub publisher: String,
    /// The day of the feedback meeting (återkoppling), for the slides: a TOML date. Optional;
    /// without it the slides show the report's date.
    #[serde(default)]
    pub meeting: Option<Spanned<toml::value::Datetime>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluator {
    pub name: Spanned<String>,
    /// Short name of the evaluator's organisation, e.g. "SKR".
    pub organisation: String,
}

/// Chapter 2 texts (markup).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Added after the generated paragraphs under "Utvärderingen".
    #[serde(default)]
    pub evaluation: String,
    /// Replaces the framework's text under "Jämförelser".
    #[serde(default)]
    pub comparisons: Option<String>,
    /// "Sammanfattande kommentarer".
    pub comments: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaEvaluation {
    pub id: Spanned<i64>,
    /// Optional stated area score; when given it must equal the sum of the sub-scores.
    #[serde(default)]
    pub score: Option<Spanned<i64>>,
    /// "Sammanfattande analys" (markup).
    pub analysis: Spanned<String>,
    /// "Styrkor": one bullet each (inline markup).
    #[serde(default)]
    pub strengths: Option<Spanned<Vec<Spanned<String>>>>,
    /// "Förbättringsmöjligheter": one bullet each (inline markup).
    #[serde(default)]
    pub improvements: Option<Spanned<Vec<Spanned<String>>>>,
    /// Sub-area id → points achieved.
    pub scores: Spanned<BTreeMap<Spanned<String>, Spanned<i64>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparisons {
    /// Drawn against the municipality in the profile chart (e.g. a national average).
    pub national: Option<Spanned<Profile>>,
    /// Drawn against the municipality in the peer-group chart.
    pub peer: Option<Spanned<Profile>>,
}

/// Which comparison profile: the key it has under `[comparison]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileKind {
    National,
    Peer,
}

impl ProfileKind {
    /// Its key under `[comparison]`.
    pub fn key(self) -> &'static str {
        match self {
            ProfileKind::National => "national",
            ProfileKind::Peer => "peer",
        }
    }
}

impl Comparisons {
    /// Each profile with its kind, national first.
    pub fn profiles(&self) -> [(ProfileKind, &Option<Spanned<Profile>>); 2] {
        [
            (ProfileKind::National, &self.national),
            (ProfileKind::Peer, &self.peer),
        ]
    }
}

/// A score per area for comparison: fixed values with their source, or the mean of the rows of
/// the results register that match a filter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Legend text, e.g. "Sverigesnitt". Needed with fixed values; computed from the register by
    /// default: "Genomsnitt av 23 utvärderingar 2020–2023".
    #[serde(default)]
    pub label: Option<Spanned<String>>,
    /// Printed under the chart. Needed with fixed values; with `from_register` it is put before
    /// the line kompass writes about the rows used.
    #[serde(default)]
    pub source: Option<Spanned<String>>,
    /// How the text names the profile after "jämfört med", e.g. "ett genomsnitt av alla
    /// utvärderingar sedan 2020"; the label when not given.
    #[serde(default)]
    pub description: Option<String>,
    /// One value per area, in framework order.
    #[serde(default)]
    pub values: Option<Spanned<Vec<Spanned<f64>>>>,
    /// Instead of `values`: the mean of the register's rows that match.
    #[serde(default)]
    pub from_register: Option<Spanned<Filter>>,
}

/// Which rows of the register a computed comparison profile is the mean of. Every key may be
/// left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// Rows made with this framework; the evaluation's own by default.
    #[serde(default)]
    pub framework: Option<Spanned<String>>,
    /// First year included.
    #[serde(default)]
    pub year_from: Option<Spanned<i64>>,
    /// Last year included; the report's own year by default, so that a report made again later
    /// keeps its comparison.
    #[serde(default)]
    pub year_to: Option<Spanned<i64>>,
    /// Fewest inhabitants.
    #[serde(default)]
    pub population_min: Option<Spanned<i64>>,
    /// Most inhabitants.
    #[serde(default)]
    pub population_max: Option<Spanned<i64>>,
    /// Only first evaluations (true), or none (false).
    #[serde(default)]
    pub first_evaluation: Option<Spanned<bool>>,
    /// Leave out the municipality's own rows; true by default.
    #[serde(default)]
    pub exclude_self: Option<Spanned<bool>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierEvaluation {
    pub year: i64,
    /// The framework it was made with; the evaluation's own when not given.
    #[serde(default)]
    pub framework: Option<Spanned<String>>,
    /// One value per area, in framework order.
    pub values: Spanned<Vec<Spanned<f64>>>,
}

impl Framework {
    /// Whether the framework is known at area level only (no sub-areas): it serves earlier
    /// evaluations in a register, not new reports.
    pub fn area_level_only(&self) -> bool {
        self.areas.iter().any(|a| a.get_ref().subareas.is_empty())
    }
}

impl AreaEvaluation {
    /// The bullets of a list (`strengths` or `improvements`); none when the key is left out.
    pub fn bullets(list: &Option<Spanned<Vec<Spanned<String>>>>) -> &[Spanned<String>] {
        list.as_ref().map_or(&[], |l| l.get_ref().as_slice())
    }
}

/// The plain numbers of a list of values.
pub fn numbers(values: &Spanned<Vec<Spanned<f64>>>) -> Vec<f64> {
    values.get_ref().iter().map(|v| *v.get_ref()).collect()
}
