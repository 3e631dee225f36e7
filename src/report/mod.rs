//! The report model: every fact about one evaluation that the report, the charts and the other
//! commands need, built once after validation. It holds plain values – no spans, no TOML – with
//! every score already summed by [`crate::checks::scores`], the area texts next to their framework
//! titles, and the areas in framework order. Charts, typesetting and `diff` read this, never the
//! raw TOML structures.

pub mod charts;
pub mod diff;

use serde::Serialize;

use crate::input::model::AreaEvaluation;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `2023-11-23`
    pub fn iso(&self) -> String {
        crate::base::format::iso_date(self.year, self.month, self.day)
    }

    fn from_toml(d: Option<toml::value::Date>) -> Self {
        let d = d.unwrap_or(toml::value::Date {
            year: 1970,
            month: 1,
            day: 1,
        });
        Date {
            year: i32::from(d.year),
            month: d.month,
            day: d.day,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Names {
    /// "Öckerö"
    pub name: String,
    /// "Öckerös", as in "Öckerös poäng".
    pub genitive: String,
    /// "Öckerö kommun", as in "Analys av Öckerö kommun".
    pub official_name: String,
    pub population: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluator {
    pub name: String,
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubArea {
    /// "4.2"
    pub id: String,
    pub title: String,
    pub score: i64,
    pub max: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Area {
    pub id: u32,
    pub title: String,
    /// The framework's "Allmänt" text (markup).
    pub general: String,
    /// The sum of the sub-scores.
    pub score: i64,
    pub max: i64,
    pub subareas: Vec<SubArea>,
    /// "Sammanfattande analys" (markup).
    pub analysis: String,
    pub strengths: Vec<String>,
    pub improvements: Vec<String>,
}

pub use crate::checks::compare::{Basis, Earlier, ResolvedProfile};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    pub version: i64,
    pub date: Date,
    pub changes: String,
    pub by: String,
}

/// One evaluation, ready to be shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub framework_id: String,
    /// "Kommunkompassen 2020"
    pub framework_name: String,
    /// Chapter 1 before and after the list of areas (markup).
    pub introduction: String,
    pub introduction_end: String,
    pub municipality: Names,
    pub date: Date,
    /// "augusti 2023"
    pub evaluated: String,
    pub first_evaluation: bool,
    pub interviews: i64,
    pub interviews_approximate: bool,
    pub publisher: String,
    /// The day of the feedback meeting, when given.
    pub meeting: Option<Date>,
    pub evaluators: Vec<Evaluator>,
    /// Added after the generated paragraphs under "Utvärderingen" (markup).
    pub summary_evaluation: String,
    /// The text under "Jämförelser": the evaluation's own, or the framework's (markup).
    pub comparisons: String,
    /// "Sammanfattande kommentarer" (markup).
    pub comments: String,
    /// In framework order.
    pub areas: Vec<Area>,
    pub total: i64,
    pub total_max: i64,
    pub national: Option<ResolvedProfile>,
    pub peer: Option<ResolvedProfile>,
    pub history: Vec<Earlier>,
    /// Notes on earlier evaluations made with another framework revision, e.g. where an area's
    /// name changed.
    pub history_notes: Vec<String>,
    /// Oldest first; the last is the current version.
    pub revisions: Vec<Revision>,
}

impl Report {
    /// Build the model of a loaded evaluation. Expects data that passed validation.
    /// The report's row in the results register (area scores and total as derived).
    pub fn register_row(&self) -> crate::checks::register::Row {
        crate::checks::register::Row {
            municipality: self.municipality.name.clone(),
            code: crate::base::municipalities::find(&self.municipality.name)
                .map_or(String::new(), |m| m.code.to_string()),
            year: self.date.year,
            date: self.date.iso(),
            framework: self.framework_id.clone(),
            first_evaluation: self.first_evaluation,
            population: self.municipality.population,
            areas: self.areas.iter().map(|a| a.score).collect(),
            total: self.total,
            note: String::new(),
            public_note: String::new(),
        }
    }

    pub fn build(l: &crate::checks::prepared::Prepared) -> Report {
        let e = &l.loaded.evaluation;
        let fw = &l.loaded.framework;
        let scores = crate::checks::scores::derive(&l.loaded);
        let areas = areas(l, &scores);
        let compared = l.compared().0.clone();
        Report {
            framework_id: fw.id.clone(),
            framework_name: fw.name.clone(),
            introduction: fw.introduction.clone(),
            introduction_end: fw.introduction_end.clone(),
            municipality: Names {
                name: e.municipality.name.get_ref().trim().to_string(),
                genitive: e.municipality.genitive.get_ref().trim().to_string(),
                official_name: e.municipality.official_name.get_ref().trim().to_string(),
                population: *e.municipality.population.get_ref(),
            },
            date: Date::from_toml(e.report.date.get_ref().date),
            evaluated: e.report.evaluated.clone(),
            first_evaluation: *e.report.first_evaluation.get_ref(),
            interviews: *e.report.interviews.get_ref(),
            interviews_approximate: e.report.interviews_approximate,
            publisher: e.report.publisher.clone(),
            meeting: e
                .report
                .meeting
                .as_ref()
                .and_then(|m| m.get_ref().date)
                .map(|d| Date::from_toml(Some(d))),
            evaluators: e
                .evaluators
                .get_ref()
                .iter()
                .map(|v| Evaluator {
                    name: v.name.get_ref().trim().to_string(),
                    organisation: v.organisation.trim().to_string(),
                })
                .collect(),
            summary_evaluation: e.summary.evaluation.clone(),
            comparisons: e
                .summary
                .comparisons
                .clone()
                .unwrap_or_else(|| fw.comparisons.clone()),
            comments: e.summary.comments.clone(),
            areas,
            total: scores.total,
            total_max: scores.total_max,
            history_notes: crate::checks::compare::history_notes(&fw.id, &compared.history),
            national: compared.national,
            peer: compared.peer,
            history: compared.history,
            revisions: e
                .revisions
                .iter()
                .map(|r| {
                    let r = r.get_ref();
                    Revision {
                        version: *r.version.get_ref(),
                        date: Date::from_toml(r.date.get_ref().date),
                        changes: r.changes.get_ref().trim().to_string(),
                        by: r.by.trim().to_string(),
                    }
                })
                .collect(),
        }
    }

    /// The current version and its date: the last revision, or version 1 of the report date.
    pub fn version(&self) -> (i64, Date) {
        self.revisions
            .last()
            .map_or((1, self.date), |r| (r.version, r.date))
    }

    /// The evaluators' names in the file's order (the PDF's authors).
    pub fn evaluator_names(&self) -> Vec<String> {
        self.evaluators.iter().map(|v| v.name.clone()).collect()
    }
}

/// The report's areas: the framework's, with the scores derived and the evaluation's texts.
fn areas(
    l: &crate::checks::prepared::Prepared,
    scores: &crate::checks::scores::Scores,
) -> Vec<Area> {
    let e = &l.loaded.evaluation;
    l.loaded
        .framework
        .areas
        .iter()
        .map(|f| f.get_ref())
        .zip(&scores.areas)
        .map(|(fa, a)| {
            let eval = e
                .areas
                .iter()
                .map(|x| x.get_ref())
                .find(|x| *x.id.get_ref() == i64::from(fa.id));
            let bullets = |list: Option<&Option<toml::Spanned<Vec<toml::Spanned<String>>>>>| {
                list.map(|l| {
                    AreaEvaluation::bullets(l)
                        .iter()
                        .map(|s| s.get_ref().clone())
                        .collect()
                })
                .unwrap_or_default()
            };
            Area {
                id: a.id,
                title: a.title.clone(),
                general: fa.general.clone(),
                score: a.score,
                max: a.max,
                subareas: a
                    .subs
                    .iter()
                    .map(|s| SubArea {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        score: s.score,
                        max: s.max,
                    })
                    .collect(),
                analysis: eval.map_or(String::new(), |x| x.analysis.get_ref().clone()),
                strengths: bullets(eval.map(|x| &x.strengths)),
                improvements: bullets(eval.map(|x| &x.improvements)),
            }
        })
        .collect()
}
