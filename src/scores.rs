//! Derive every total from the sub-scores. Nothing downstream adds numbers up itself:
//! chapter 3, chapter 4, the charts and their alt texts all read these values.

use crate::load::Loaded;

#[derive(Debug, Clone, PartialEq)]
pub struct SubScore {
    pub id: String,
    pub title: String,
    pub score: i64,
    pub max: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaScore {
    pub id: u32,
    pub title: String,
    pub score: i64,
    pub max: i64,
    pub subs: Vec<SubScore>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    pub areas: Vec<AreaScore>,
    pub total: i64,
    pub total_max: i64,
}

/// Sum the sub-scores per area and over all areas, in framework order. Expects data that passed
/// validation; a sub-area without a score counts as 0 here (validation reports it as an error).
pub fn derive(l: &Loaded) -> Scores {
    let mut areas = Vec::new();
    for fa in &l.framework.areas {
        let fa = fa.get_ref();
        let eval = l
            .evaluation
            .areas
            .iter()
            .map(|a| a.get_ref())
            .find(|a| *a.id.get_ref() == fa.id as i64);
        let subs: Vec<SubScore> = fa
            .subareas
            .iter()
            .map(|s| {
                let s = s.get_ref();
                let score = eval
                    .and_then(|a| {
                        a.scores
                            .get_ref()
                            .iter()
                            .find(|(k, _)| *k.get_ref() == s.id)
                    })
                    .map_or(0, |(_, v)| *v.get_ref());
                SubScore {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    score,
                    max: s.max,
                }
            })
            .collect();
        let score = subs.iter().map(|s| s.score).sum();
        areas.push(AreaScore {
            id: fa.id,
            title: fa.title.clone(),
            score,
            max: *fa.max.get_ref(),
            subs,
        });
    }
    let total = areas.iter().map(|a| a.score).sum();
    let total_max = areas.iter().map(|a| a.max).sum();
    Scores {
        areas,
        total,
        total_max,
    }
}
