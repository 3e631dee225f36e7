//! Benchmark: what a watch session costs. In one process (Typst's caches are process-wide), the
//! example is rendered cold, then re-rendered after one change of each kind, alternating with
//! the original so every measured render follows a real change; and `verify` of the example's
//! PDF (read the attachment, check, render again, compare).
//!
//! Run: `cargo bench --bench rerender` (release profile). Prints the median of each series.
//! `RERENDER_ONLY="one sub-score"` (or the start of another series' name; `none` for the cold
//! render alone) runs one series, e.g. under `valgrind --tool=callgrind` to count its
//! instructions.

use std::time::Instant;

use kompass::pdf::standards;

const RUNS: usize = 15;

fn render(text: &str, draft: bool) -> Vec<u8> {
    let mut l = kompass::checks::prepared::load_str("bench.toml", text)
        .map_err(|_| "the example loads")
        .unwrap();
    // Its register, as `render` reads it: from the evaluation's folder.
    l.read_register(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples"
    )));
    let standards = standards::parse_standards(standards::DEFAULT_STANDARDS).unwrap();
    let stage = kompass::Stage::from_draft(draft);
    kompass::pipeline::render(&l, &kompass::Request::report(stage, &standards)).unwrap()
}

fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/leksand-2023.toml"
    ))
    .unwrap();
    let cold = ms(|| {
        render(&base, true);
    });
    println!("cold render in a new process' first call: {cold:.1} ms");
    // Each measured render follows a change never seen before in this process (Typst's caches
    // would otherwise already hold it), made to the example that was rendered just before.
    let subareas: Vec<(String, i64, i64)> = {
        let l = kompass::checks::prepared::load_str("bench.toml", &base)
            .map_err(|_| "loads")
            .unwrap();
        kompass::report::Report::build(&l)
            .areas
            .iter()
            .flat_map(|a| a.subareas.iter().map(|s| (s.id.clone(), s.score, s.max)))
            .collect()
    };
    let score = |i: usize| {
        let (id, score, max) = &subareas[i % subareas.len()];
        let new = if score < max { score + 1 } else { score - 1 };
        base.replacen(
            &format!("\"{id}\" = {score}\n"),
            &format!("\"{id}\" = {new}\n"),
            1,
        )
    };
    let sentence = |i: usize| {
        base.replacen(
            "Sedan 2022 finns en kommunikationspolicy",
            &format!("Sedan 2022 finns en kommunikationspolicy (version {i})"),
            1,
        )
    };
    let date = |i: usize| {
        base.replacen(
            "date = 2023-11-23",
            &format!("date = 2023-10-{:02}", i + 1),
            1,
        )
    };
    let same = |_: usize| base.clone();
    let kinds: [(&str, &dyn Fn(usize) -> String); 4] = [
        ("one sub-score", &score),
        ("one sentence of area 1's analysis", &sentence),
        ("the report date", &date),
        ("nothing (the same file again)", &same),
    ];
    // `RERENDER_ONLY=<start of a series' name>` runs that series alone (for a profiler);
    // `RERENDER_ONLY=none` the cold render alone.
    let only = std::env::var("RERENDER_ONLY").ok();
    for (what, variant) in kinds {
        if only.as_ref().is_some_and(|o| !what.starts_with(o.as_str())) {
            continue;
        }
        render(&base, true);
        let mut times = Vec::new();
        for i in 0..RUNS {
            let changed = variant(i);
            assert!(
                what.starts_with("nothing") || changed != base,
                "{what}: no change made"
            );
            times.push(ms(|| {
                render(&changed, true);
            }));
            render(&base, true);
        }
        let m = median(times);
        println!(
            "warm re-render after {what}: median {m:.1} ms over {RUNS} ({:.2}× cold)",
            m / cold
        );
    }
    if only.is_some() {
        return;
    }
    // verify: the attached evaluation, checked and rendered again, compared byte for byte.
    let pdf = render(&base, false);
    let mut times = Vec::new();
    for _ in 0..RUNS {
        times.push(ms(|| {
            let embedded = kompass::pdf::embed::read(&pdf).unwrap();
            let again = render(&embedded.source, embedded.provenance.draft);
            assert_eq!(again, pdf);
        }));
    }
    let mut renders = Vec::new();
    for _ in 0..RUNS {
        renders.push(ms(|| {
            render(&base, false);
        }));
    }
    let (v, r) = (median(times), median(renders));
    println!(
        "verify (warm): median {v:.1} ms; a warm render of the same file: {r:.1} ms ({:.2}×)",
        v / r
    );
}
