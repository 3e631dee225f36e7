//! The results register: evaluation files and kompass PDFs → CSV/JSON → read back.

mod common;

use std::path::Path;

use common::*;

#[test]
fn the_register_round_trips_with_the_derived_scores() {
    let dir = scratch("register");
    let ockero = dir.join("ockero.toml");
    std::fs::write(&ockero, example_as("Öckerö", "Öckerös", "Öckerö kommun")).unwrap();
    let pdf = dir.join("leksand.pdf");
    render(Path::new(EXAMPLE), &pdf);
    let csv = dir.join("register.csv");
    let o = kompass(&[
        "export",
        EXAMPLE,
        ockero.to_str().unwrap(),
        pdf.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = kompass::register::from_csv(&std::fs::read_to_string(&csv).unwrap()).unwrap();
    assert_eq!(rows.len(), 3);
    let loaded = kompass::load::load_path(Path::new(EXAMPLE))
        .map_err(|_| "loads")
        .unwrap();
    let r = kompass::report::Report::build(&loaded);
    let scores: Vec<i64> = r.areas.iter().map(|a| a.score).collect();
    for row in &rows {
        assert_eq!(row.areas, scores, "{}", row.municipality);
        assert_eq!(row.total, r.total);
        assert_eq!(row.framework, "kommunkompassen-2020");
    }
    assert_eq!(
        rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
        ["2029", "1407", "2029"]
    );
    // JSON carries the same rows.
    let json = dir.join("register.json");
    let o = kompass(&["export", EXAMPLE, "-o", json.to_str().unwrap()]);
    assert!(o.status.success());
    let back: Vec<kompass::register::Row> =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(back[0], rows[0]);
    // An invalid evaluation is not exported.
    let broken = dir.join("broken.toml");
    std::fs::write(
        &broken,
        std::fs::read_to_string(EXAMPLE)
            .unwrap()
            .replacen("\"4.2\" = 11", "\"4.2\" = 99", 1),
    )
    .unwrap();
    let o = kompass(&["export", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}
