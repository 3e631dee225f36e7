//! Synthetic evaluations for tests and benchmarks: valid, with varied scores and texts from short
//! to long, one per municipality of the table, the same for the same seed. Their prose is made
//! of stock sentences and says nothing true about any municipality.

use crate::base::municipalities::Municipality;

/// Stock sentences of an analysis.
const SENTENCES: &[&str] = &[
    "Kommunen har en tydlig styrmodell som är känd i hela organisationen.",
    "Uppföljningen av målen sker två gånger per år och redovisas för fullmäktige.",
    "Flera verksamheter arbetar med brukarundersökningar, men resultaten används olika mycket.",
    "Samverkan med civilsamhället är väl utvecklad inom kultur och fritid.",
    "Det saknas en gemensam strategi för digitalisering som omfattar alla förvaltningar.",
    "Medarbetarna beskriver ett öppet klimat där det är lätt att föra fram idéer.",
    "Chefernas förutsättningar varierar mellan förvaltningarna, särskilt när det gäller antalet medarbetare per chef.",
    "Kommunen publicerar protokoll och handlingar på webbplatsen, men resultaten redovisas sällan samlat.",
    "Arbetet med hållbarhet utgår främst från miljö och klimat; de sociala frågorna har ännu inte samma tyngd.",
    "Investeringsprocessen är dokumenterad, och uppföljningen av nyttan kan utvecklas.",
];

const BULLETS: &[&str] = &[
    "En tydlig och känd styrmodell",
    "Regelbunden uppföljning av mål och resultat",
    "Väl utvecklad samverkan med föreningslivet",
    "Ett öppet klimat för nya idéer",
    "Utveckla en gemensam strategi för digitalisering som omfattar alla förvaltningar och de kommunala bolagen",
    "Redovisa resultaten samlat och lättillgängligt för invånarna, gärna i jämförelse med andra kommuner",
    "Stärk chefernas förutsättningar",
    "Följ upp nyttan av investeringar, inte bara kostnaderna",
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A valid evaluation of `m` with the built-in framework, varied by `seed`.
pub fn evaluation(m: &Municipality, seed: u64) -> String {
    let framework = crate::input::load::parse_framework(crate::input::load::FRAMEWORKS[0].0)
        .expect("the built-in framework");
    let mut rng = Rng(seed
        ^ m.code
            .parse::<u64>()
            .unwrap_or(1)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        | 1);
    let year = 2020 + rng.below(6);
    let mut t = String::new();
    t.push_str(&format!("framework = {}\n\n", quoted(&framework.id)));
    t.push_str(&format!(
        "[municipality]\nname = {}\ngenitive = {}\nofficial_name = {}\npopulation = {}\n\n",
        quoted(m.name),
        quoted(m.genitive),
        quoted(m.official_name),
        m.population
    ));
    // The evaluation is made in the month of the report or up to two months before it.
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let evaluated_month = month - rng.below(month.min(3));
    let evaluated = crate::base::format::long_date(year as i32, evaluated_month as u8, 1);
    let evaluated = evaluated.split_once(' ').map_or("", |(_, rest)| rest);
    t.push_str(&format!(
        "[report]\ndate = {year}-{month:02}-{day:02}\nevaluated = \"{evaluated}\"\nfirst_evaluation = {}\ninterviews = {}\ninterviews_approximate = true\npublisher = \"Sveriges Kommuner och Regioner\"\n\n",
        rng.below(2) == 0,
        20 + rng.below(40),
    ));
    t.push_str("[[evaluators]]\nname = \"Anna Exempel\"\norganisation = \"SKR\"\n\n[[evaluators]]\nname = \"Erik Exempel\"\norganisation = \"SKR\"\n\n");
    let paragraph = |rng: &mut Rng| -> String {
        (0..2 + rng.below(5))
            .map(|_| SENTENCES[rng.below(SENTENCES.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = |rng: &mut Rng, paragraphs: u64| -> String {
        (0..paragraphs)
            .map(|_| paragraph(rng))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let paragraphs = 2 + rng.below(5);
    t.push_str(&format!(
        "[summary]\ncomments = \"\"\"\n{}\n\"\"\"\n",
        text(&mut rng, paragraphs)
    ));
    // A level per municipality, spread per area and sub-area.
    let level = 25 + rng.below(50);
    for a in &framework.areas {
        let a = a.get_ref();
        let paragraphs = 1 + rng.below(6);
        t.push_str(&format!(
            "\n[[area]]\nid = {}\nanalysis = \"\"\"\n{}\n\"\"\"\n",
            a.id,
            text(&mut rng, paragraphs)
        ));
        for key in ["strengths", "improvements"] {
            let n = rng.below(9);
            let items: Vec<String> = (0..n)
                .map(|_| quoted(BULLETS[rng.below(BULLETS.len() as u64) as usize]))
                .collect();
            t.push_str(&format!("{key} = [{}]\n", items.join(", ")));
        }
        t.push_str("\n[area.scores]\n");
        for s in &a.subareas {
            let s = s.get_ref();
            let share = (level as i64 + rng.below(41) as i64 - 20).clamp(5, 100);
            let score = (s.max * share / 100).clamp(0, s.max);
            t.push_str(&format!("{} = {score}\n", quoted(&s.id)));
        }
    }
    t.push_str("\n[comparison.national]\nlabel = \"Sverigesnitt\"\nsource = \"Syntetiska exempelvärden\"\nvalues = [63, 65, 73, 64, 61, 59, 68, 64]\n");
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_synthetic_evaluation_is_valid_and_final() {
        for m in crate::base::municipalities::all().iter().step_by(29) {
            let text = evaluation(m, 7);
            assert_eq!(text, evaluation(m, 7), "the same for the same seed");
            let l = crate::checks::prepared::load_str("s.toml", &text)
                .map_err(|_| "loads")
                .unwrap();
            let mut d = crate::checks::validate::check(&l);
            d.extend(crate::checks::validate::check_final(&l.loaded));
            assert!(!d.iter().any(|x| x.is_error()), "{}: {:?}", m.name, d);
        }
    }
}
