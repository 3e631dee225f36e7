//! The results register: evaluation files and kompass PDFs → CSV/JSON → read back.

use crate::support;

use std::path::Path;

use support::*;

#[test]
fn the_register_round_trips_with_the_derived_scores() {
    let dir = scratch("register");
    let ockero = dir.join("ockero.toml");
    std::fs::write(&ockero, example_as("Öckerö", "Öckerös", "Öckerö kommun")).unwrap();
    let pdf = dir.join("leksand.pdf");
    render(Path::new(EXAMPLE), &pdf);
    let csv = dir.join("exported.csv");
    let o = kompass(&[
        "export",
        EXAMPLE,
        ockero.to_str().unwrap(),
        pdf.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let text = std::fs::read_to_string(&csv).unwrap();
    let (table, problems) = kompass::checks::register::parse_csv(&text);
    assert!(problems.is_empty(), "{problems:?}");
    let rows = table.rows();
    // The example and its PDF are the same evaluation: one row, where the example's stood.
    assert_eq!(rows.len(), 2);
    assert!(err.contains("is the same evaluation as"), "{err}");
    assert!(kompass::checks::register::from_csv(&text).is_ok());
    let loaded = kompass::checks::prepared::load_path(Path::new(EXAMPLE))
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
        ["2029", "1407"]
    );
    // JSON carries the same rows.
    let json = dir.join("register.json");
    let o = kompass(&["export", EXAMPLE, "-o", json.to_str().unwrap()]);
    assert!(o.status.success());
    let back: Vec<kompass::checks::register::Row> =
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

/// The example, named `name`, written into `dir` with a register and these comparison lines
/// instead of the example's own.
fn with_register(dir: &Path, file: &str, register: &str, comparison: &str, first: bool) -> PathBuf {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let cut = text.find("[comparison.national]").unwrap();
    let text = format!("{}{comparison}\n", &text[..cut])
        .replacen(
            "register = \"register.csv\"",
            &format!("register = \"{register}\""),
            1,
        )
        .replacen(
            "first_evaluation = true",
            &format!("first_evaluation = {first}"),
            1,
        );
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    path
}

use std::path::PathBuf;

/// One invented register row: (municipality, year, framework, first, population, areas).
type TestRow = (&'static str, i32, &'static str, bool, i64, [i64; 8]);

/// The invented rows of [`small_register`].
const SMALL_REGISTER: &[TestRow] = &[
    (
        "Ydre",
        2020,
        "kommunkompassen-2020",
        true,
        3_700,
        [40, 45, 50, 55, 60, 41, 42, 43],
    ),
    (
        "Boxholm",
        2021,
        "kommunkompassen-2020",
        true,
        5_500,
        [51, 52, 53, 54, 55, 56, 57, 58],
    ),
    (
        "Åtvidaberg",
        2022,
        "kommunkompassen-2020",
        false,
        11_500,
        [61, 62, 63, 64, 65, 66, 67, 68],
    ),
    (
        "Kinda",
        2022,
        "kommunkompassen-2020",
        true,
        10_000,
        [33, 44, 55, 66, 77, 30, 40, 50],
    ),
    (
        "Vadstena",
        2023,
        "kommunkompassen-2020",
        true,
        7_500,
        [70, 60, 50, 40, 30, 20, 10, 5],
    ),
    (
        "Motala",
        2021,
        "kommunkompassen-2020",
        true,
        43_000,
        [90, 90, 90, 90, 90, 90, 90, 90],
    ),
    (
        "Mjölby",
        2024,
        "kommunkompassen-2020",
        true,
        28_000,
        [80, 80, 80, 80, 80, 80, 80, 80],
    ),
    (
        "Ödeshög",
        2017,
        "kommunkompassen-2016",
        true,
        5_300,
        [20, 20, 20, 20, 20, 20, 20, 20],
    ),
    (
        "Leksand",
        2016,
        "kommunkompassen-2016",
        true,
        15_500,
        [31, 32, 33, 34, 35, 36, 37, 38],
    ),
    (
        "Leksand",
        2004,
        "kommunkompassen-2016",
        true,
        15_100,
        [20, 22, 24, 26, 28, 30, 32, 34],
    ),
    (
        "Leksand",
        2007,
        "kommunkompassen-2016",
        false,
        15_200,
        [25, 25, 25, 25, 25, 25, 25, 25],
    ),
    (
        "Leksand",
        2010,
        "kommunkompassen-2016",
        false,
        15_300,
        [28, 29, 30, 31, 32, 33, 34, 35],
    ),
    (
        "Leksand",
        2013,
        "kommunkompassen-2016",
        false,
        15_400,
        [30, 30, 30, 30, 30, 30, 30, 30],
    ),
    (
        "Leksand",
        2019,
        "kommunkompassen-2020",
        false,
        15_800,
        [41, 42, 43, 44, 45, 46, 47, 48],
    ),
];

/// A register of invented rows, as CSV and as the rows.
fn small_register() -> (String, Vec<TestRow>) {
    let rows = SMALL_REGISTER.to_vec();
    let csv = kompass::checks::register::to_csv(
        &rows
            .iter()
            .map(
                |(m, y, fw, first, pop, areas)| kompass::checks::register::Row {
                    municipality: m.to_string(),
                    code: kompass::base::municipalities::find(m)
                        .unwrap()
                        .code
                        .to_string(),
                    year: *y,
                    date: String::new(),
                    framework: fw.to_string(),
                    first_evaluation: *first,
                    population: *pop,
                    areas: areas.to_vec(),
                    total: areas.iter().sum(),
                    note: String::new(),
                    public_note: "Påhittad testrad".into(),
                },
            )
            .collect::<Vec<_>>(),
    );
    (csv, rows)
}

#[test]
fn a_computed_profile_is_the_mean_of_the_rows_the_filter_selects() {
    let dir = scratch("register-computed");
    let (csv, rows) = small_register();
    std::fs::write(dir.join("r.csv"), csv).unwrap();
    let comparison = "[comparison.peer]\nfrom_register = { year_from = 2020, population_max = 20_000, first_evaluation = true }\n\n[comparison.national]\nlabel = \"Alla\"\nfrom_register = {}\n";
    let eval = with_register(&dir, "leksand.toml", "r.csv", comparison, false);
    let loaded = kompass::checks::prepared::load_path(&eval)
        .map_err(|_| "loads")
        .unwrap();
    let found = kompass::checks::validate::check(&loaded);
    assert!(!found.iter().any(|d| d.is_error()), "{found:?}");
    let r = kompass::report::Report::build(&loaded);
    // By hand: the rows the filter means, and their mean per area to one decimal.
    let mean = |pick: &dyn Fn(&TestRow) -> bool| {
        let picked: Vec<_> = rows.iter().filter(|r| pick(r)).collect();
        // Row numbers as a spreadsheet shows them: the header is row 1.
        let numbers: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| pick(r))
            .map(|(i, _)| i + 2)
            .collect();
        let values: Vec<f64> = (0..8)
            .map(|k| {
                let sum: i64 = picked.iter().map(|r| r.5[k]).sum();
                (sum as f64 / picked.len() as f64 * 10.0).round() / 10.0
            })
            .collect();
        (numbers, values)
    };
    let (picked, values) = mean(&|r| {
        r.2 == "kommunkompassen-2020"
            && (2020..=2023).contains(&r.1)
            && r.4 <= 20_000
            && r.3
            && r.0 != "Leksand"
    });
    // Ydre, Boxholm, Kinda and Vadstena: Åtvidaberg is not a first evaluation, Motala too large,
    // Mjölby after 2023, Ödeshög made with the 2016 framework.
    assert_eq!(picked, [2, 3, 5, 6]);
    let peer = r.peer.as_ref().unwrap();
    assert_eq!(peer.values, values);
    let basis = peer.basis.as_ref().unwrap();
    assert_eq!(basis.rows, picked);
    assert_eq!(basis.years, (2020, 2023));
    assert_eq!(peer.label, "Medelvärde av 4 utvärderingar 2020–2023");
    let most = kompass::base::format::int(20_000);
    assert!(
        peer.source.contains(&format!("högst {most} invånare")),
        "{}",
        peer.source
    );
    // No filter: every 2020 row up to the report's year (2023), Leksand's own left out.
    let (all_rows, all) =
        mean(&|r| r.2 == "kommunkompassen-2020" && r.1 <= 2023 && r.0 != "Leksand");
    let national = r.national.as_ref().unwrap();
    assert_eq!(national.basis.as_ref().unwrap().rows, all_rows);
    assert_eq!(national.values, all);
    assert_eq!(national.label, "Alla");
}

#[test]
fn too_few_rows_is_an_error_and_earlier_rows_appear_in_chart_and_table() {
    let dir = scratch("register-history");
    let (csv, _) = small_register();
    std::fs::write(dir.join("r.csv"), &csv).unwrap();
    // Fewer than 3 rows: refused, at the filter, with how many each step left.
    let few = with_register(
        &dir,
        "few.toml",
        "r.csv",
        "[comparison.peer]\nfrom_register = { population_max = 4_000 }\n",
        false,
    );
    let o = kompass(&["check", few.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "only one evaluation (row 2) in r.csv meets the conditions; a mean needs at least 3"
        ),
        "{err}"
    );
    assert!(err.contains("comparison.peer.from_register"), "{err}");
    // A first evaluation with earlier rows in the register is a contradiction.
    let first = with_register(&dir, "first.toml", "r.csv", "", true);
    let o = kompass(&["check", first.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("the register has an earlier evaluation of Leksand (2004, row 11)"),
        "{err}"
    );

    // Leksand's rows of 2016 (the 2016 framework) and 2019 are drawn beside 2023.
    let eval = with_register(
        &dir,
        "leksand.toml",
        "r.csv",
        "[comparison.national]\nfrom_register = {}\n",
        false,
    );
    let pdf = dir.join("leksand.pdf");
    render(&eval, &pdf);
    let text = normalise(&pdf_text(&pdf));
    for expected in [
        "tidigare utvärderats enligt Kommunkompassen åren 2004, 2007, 2010, 2013, 2016 och 2019",
        "Leksand (2016)",
        "Leksand (2019)",
        "område 2 hette ”Brukarfokus, tillgänglighet och bemötande” och område 7 ”Ständiga förbättringar”",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // The value table of the profile chart holds the 2016 row's scores, matched by area number.
    let loaded = kompass::checks::prepared::load_path(&eval)
        .map_err(|_| "loads")
        .unwrap();
    let r = kompass::report::Report::build(&loaded);
    let years: Vec<i64> = r.history.iter().map(|h| h.year).collect();
    assert_eq!(years, [2004, 2007, 2010, 2013, 2016, 2019]);
    assert_eq!(
        r.history[4].values,
        [31.0, 32.0, 33.0, 34.0, 35.0, 36.0, 37.0, 38.0]
    );
    assert_eq!(r.history[4].framework, "kommunkompassen-2016");
    // Eight series beside the areas in the value table: every cell's text stays in its cell.
    let collisions = overlapping_glyphs(&pdf);
    assert!(
        collisions.is_empty(),
        "text runs into other text: {collisions:?}"
    );
    let charts = kompass::report::charts::draw_all(&r).unwrap();
    let profile = charts.iter().find(|c| c.id == "profil-jamforelse").unwrap();
    let table = profile.table.as_ref().unwrap();
    assert!(table.columns.iter().any(|c| c == "Leksand (2016)"));

    // The PDF keeps what the register gave: verified without the register …
    std::fs::remove_file(dir.join("r.csv")).unwrap();
    let o = kompass(&["verify", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    // … also with the evaluation file given, whose register is gone: what the PDF kept counts.
    let o = kompass(&["verify", pdf.to_str().unwrap(), eval.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    // … and when the register has changed, verify with the file says so.
    std::fs::write(
        dir.join("r.csv"),
        csv.replace(",15500,31,32,33,", ",15500,39,32,33,")
            .replace(",38,276,", ",38,284,"),
    )
    .unwrap();
    let o = kompass(&["verify", pdf.to_str().unwrap(), eval.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("the results register: r.csv has changed"),
        "{out}"
    );
}

#[test]
fn the_register_round_trips_through_excel_and_is_checked_row_by_row() {
    let dir = scratch("register-xlsx");
    let ockero = dir.join("ockero.toml");
    std::fs::write(&ockero, example_as("Öckerö", "Öckerös", "Öckerö kommun")).unwrap();
    let xlsx = dir.join("register.xlsx");
    let csv = dir.join("register-out.csv");
    for out in [&xlsx, &csv] {
        let o = kompass(&[
            "export",
            EXAMPLE,
            ockero.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let from_xlsx = kompass::checks::register::from_xlsx(&std::fs::read(&xlsx).unwrap()).unwrap();
    let from_csv =
        kompass::checks::register::from_csv(&std::fs::read_to_string(&csv).unwrap()).unwrap();
    assert_eq!(from_xlsx, from_csv);
    assert_eq!(from_xlsx[1].municipality, "Öckerö");
    assert_eq!(from_xlsx[1].areas.iter().sum::<i64>(), from_xlsx[1].total);
    // The same rows give the same workbook.
    let again = dir.join("again.xlsx");
    kompass(&[
        "export",
        EXAMPLE,
        ockero.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read(&xlsx).unwrap(),
        std::fs::read(&again).unwrap()
    );
    assert!(kompass(&["check", xlsx.to_str().unwrap()]).status.success());

    // Problems are located: file:line:column for CSV, sheet and cell for Excel.
    let bad_rows = vec![kompass::checks::register::Row {
        municipality: "Leksand".into(),
        code: "2030".into(),
        year: 2023,
        date: "2023-11-23".into(),
        framework: "kommunkompassen-2021".into(),
        first_evaluation: true,
        population: 16_113,
        areas: vec![52, 57, 54, 48, 152, 48, 48, 53],
        total: 412,
        note: String::new(),
        public_note: String::new(),
    }];
    let bad_csv = dir.join("bad.csv");
    std::fs::write(&bad_csv, kompass::checks::register::to_csv(&bad_rows)).unwrap();
    let o = kompass(&["check", bad_csv.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for expected in [
        "Leksand has SCB code 2029, not 2030",
        "unknown framework \"kommunkompassen-2021\"",
        "412 is not the sum of the area scores, 512",
        "bad.csv:2:",
        "row 2, column P (total)",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in {err}");
    }
    let bad_xlsx = dir.join("bad.xlsx");
    std::fs::write(
        &bad_xlsx,
        kompass::checks::register::to_xlsx(&bad_rows).unwrap(),
    )
    .unwrap();
    let o = kompass(&["check", bad_xlsx.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("sheet Register, cell P2 (total)"), "{err}");
}

#[test]
fn export_never_replaces_a_register_unless_told_and_appends_keeping_the_rest() {
    let dir = scratch("register-append");
    let ockero = dir.join("ockero.toml");
    std::fs::write(&ockero, example_as("Öckerö", "Öckerös", "Öckerö kommun")).unwrap();
    // The evaluators' register: the example's own, with its notes and invented rows.
    let register = dir.join("register.csv");
    let before = std::fs::read_to_string(&register).unwrap();
    let rows_before = kompass::checks::register::from_csv(&before).unwrap();
    let o = kompass(&[
        "export",
        ockero.to_str().unwrap(),
        "-o",
        register.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--append"));
    assert_eq!(
        std::fs::read_to_string(&register).unwrap(),
        before,
        "touched"
    );
    // --append: Öckerö is added, and Leksand 2023 (already there) replaced in place, its note kept.
    let o = kompass(&[
        "export",
        ockero.to_str().unwrap(),
        EXAMPLE,
        "-o",
        register.to_str().unwrap(),
        "--append",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("1 added, 1 replaced"), "{err}");
    let after =
        kompass::checks::register::from_csv(&std::fs::read_to_string(&register).unwrap()).unwrap();
    assert_eq!(after.len(), rows_before.len() + 1);
    assert_eq!(after[..rows_before.len()], rows_before[..]);
    assert_eq!(after.last().unwrap().municipality, "Öckerö");
    // --overwrite: only what was exported.
    let o = kompass(&[
        "export",
        ockero.to_str().unwrap(),
        "-o",
        register.to_str().unwrap(),
        "--overwrite",
    ]);
    assert!(o.status.success());
    let only =
        kompass::checks::register::from_csv(&std::fs::read_to_string(&register).unwrap()).unwrap();
    assert_eq!(only.len(), 1);

    // A note the report cannot print is an error at its cell.
    let emoji = before.replacen("Påhittad exempelrad", "Påhittad exempelrad 😀", 1);
    let bad = dir.join("emoji.csv");
    std::fs::write(&bad, emoji).unwrap();
    let o = kompass(&["check", bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot print U+1F600 in this public note"),
        "{err}"
    );
    assert!(err.contains("column R (public_note)"), "{err}");
}

/// The example register as Swedish Excel saves it: semicolons, Windows-1252, the leading zero
/// of Vallentuna's SCB code dropped, and a population with a decimal comma.
fn as_swedish_excel() -> Vec<u8> {
    let csv = std::fs::read_to_string(REGISTER).unwrap();
    let rows = kompass::checks::register::from_csv(&csv).unwrap();
    let field = |s: &str| {
        if s.contains([';', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::from(
        "municipality;code;year;date;framework;first_evaluation;population;area_1;area_2;area_3;area_4;area_5;area_6;area_7;area_8;total;note;public_note\r\n",
    );
    for r in &rows {
        let mut cells = vec![
            field(&r.municipality),
            r.code.trim_start_matches('0').to_string(),
            r.year.to_string(),
            r.date.clone(),
            r.framework.clone(),
            if r.first_evaluation { "SANT" } else { "FALSKT" }.to_string(),
            format!("{},0", r.population),
        ];
        cells.extend(r.areas.iter().map(i64::to_string));
        cells.push(r.total.to_string());
        cells.push(field(&r.note));
        cells.push(field(&r.public_note));
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&out);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test file must not be UTF-8"
    );
    bytes.into_owned()
}

#[test]
fn a_register_saved_by_swedish_excel_is_read_with_notes() {
    let dir = scratch("register-swedish-excel");
    std::fs::write(dir.join("excel.csv"), as_swedish_excel()).unwrap();
    let o = kompass(&["check", dir.join("excel.csv").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("note: read as CSV with semicolons"), "{err}");
    assert!(err.contains("note: read as Windows-1252"), "{err}");
    assert!(
        err.contains("warning: the SCB code 115 has lost its leading zero: Vallentuna is 0115"),
        "{err}"
    );
    assert!(err.contains("valid, with 1 warning"), "{err}");
    // The same comparison as from the register as kompass writes it.
    let mean = |register: &str| {
        let path = with_register(
            &dir,
            "e.toml",
            register,
            "[comparison.peer]\nfrom_register = { population_max = 40_000 }\n\n[comparison.national]\nlabel = \"Alla\"\nsource = \"x\"\nvalues = [50, 50, 50, 50, 50, 50, 50, 50]\n",
            true,
        );
        let loaded = kompass::checks::prepared::load_path(&path)
            .map_err(|_| "loads")
            .unwrap();
        let report = kompass::report::Report::build(&loaded);
        let peer = report.peer.expect("a computed peer profile");
        (peer.values, peer.basis.unwrap().rows)
    };
    let (from_excel, rows) = mean("excel.csv");
    assert_eq!((from_excel, rows), mean("register.csv"));
}

#[test]
fn a_code_that_lost_its_leading_zero_is_the_same_code() {
    assert!(kompass::checks::register::same_code("115", "0115"));
    assert!(kompass::checks::register::same_code("0115", "0115"));
    assert!(!kompass::checks::register::same_code("116", "0115"));
    assert!(!kompass::checks::register::same_code("", "0115"));
    assert!(!kompass::checks::register::same_code("1150", "0115"));
}

#[test]
fn export_writes_csv_for_swedish_excel_and_appends_in_the_register_s_own_dialect() {
    let dir = scratch("register-export-excel");
    let out = dir.join("r.csv");
    let o = kompass(&["export", EXAMPLE, "-o", out.to_str().unwrap(), "--excel"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}municipality;code;year;".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains(";Leksand;") || text.contains("\nLeksand;"),
        "{text}"
    );
    // Appending keeps the semicolons; the rows read back are the same.
    let other = dir.join("öckerö.toml");
    std::fs::write(&other, example_as("Öckerö", "Öckerös", "Öckerö kommun")).unwrap();
    let o = kompass(&[
        "export",
        other.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--append",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with('\u{feff}') && text.contains("\nÖckerö;"),
        "{text}"
    );
    let rows = kompass::checks::register::from_csv(&text).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].municipality, "Öckerö");
    // Without --excel: RFC 4180, for tools.
    let o = kompass(&["export", EXAMPLE]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("municipality,code,year,"));
}

/// The example register as content.xml rows, as LibreOffice saves it: numbers as floats,
/// booleans as booleans, and empty rows and columns repeated to the sheet's end.
fn register_rows() -> String {
    let csv = std::fs::read_to_string(REGISTER).unwrap();
    let rows = kompass::checks::register::from_csv(&csv).unwrap();
    let text = |s: &str| {
        let s = s.replace('&', "&amp;").replace('<', "&lt;");
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
        )
    };
    let number = |n: i64| {
        format!(
            r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
        )
    };
    let empty = r#"<table:table-cell table:number-columns-repeated="1000"/>"#;
    let mut out = String::from("<table:table-row>");
    for h in csv.lines().next().unwrap().split(',') {
        out.push_str(&text(h));
    }
    out.push_str(empty);
    out.push_str("</table:table-row>");
    for r in &rows {
        out.push_str("<table:table-row>");
        out.push_str(&text(&r.municipality));
        out.push_str(&text(&r.code));
        out.push_str(&number(i64::from(r.year)));
        out.push_str(&text(&r.date));
        out.push_str(&text(&r.framework));
        out.push_str(&format!(
            r#"<table:table-cell office:value-type="boolean" office:boolean-value="{}"/>"#,
            r.first_evaluation
        ));
        out.push_str(&number(r.population));
        for a in &r.areas {
            out.push_str(&number(*a));
        }
        out.push_str(&number(r.total));
        out.push_str(&text(&r.note));
        out.push_str(&text(&r.public_note));
        out.push_str(empty);
        out.push_str("</table:table-row>");
    }
    out.push_str(r#"<table:table-row table:number-rows-repeated="1048560"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#);
    out
}

#[test]
fn an_opendocument_spreadsheet_is_read_and_one_that_claims_millions_of_cells_is_refused() {
    let dir = scratch("register-ods");
    std::fs::write(dir.join("r.ods"), support::hostile::ods(&register_rows())).unwrap();
    let o = kompass(&["check", dir.join("r.ods").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    // The same rows as the CSV it was made from.
    let from_ods =
        kompass::checks::register::parse_file("r.ods", &std::fs::read(dir.join("r.ods")).unwrap())
            .unwrap()
            .0
            .rows();
    let from_csv =
        kompass::checks::register::from_csv(&std::fs::read_to_string(REGISTER).unwrap()).unwrap();
    assert_eq!(from_ods.len(), from_csv.len());
    for (a, b) in from_ods.iter().zip(&from_csv) {
        assert_eq!(
            (&a.municipality, &a.code, a.year, &a.areas, a.total),
            (&b.municipality, &b.code, b.year, &b.areas, b.total)
        );
        assert_eq!(a.public_note, b.public_note);
    }
    // A few bytes that claim 100 million cells with a value: refused before they are expanded,
    // under a 1 GiB address-space limit.
    let bomb = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/></table:table-row>"#;
    std::fs::write(dir.join("bomb.ods"), support::hostile::ods(bomb)).unwrap();
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_kompass"))
        .args(["check", dir.join("bomb.ods").to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("more than 2000000 cells"), "{err}");
}

#[test]
fn a_register_saved_by_libreoffice_is_read() {
    let csv =
        kompass::checks::register::from_csv(&std::fs::read_to_string(REGISTER).unwrap()).unwrap();
    for name in ["register-libreoffice.ods", "register-libreoffice.xlsx"] {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let o = kompass(&["check", &path]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{name}: {err}");
        assert!(
            err.contains("the SCB code 115 has lost its leading zero"),
            "{name}: {err}"
        );
        assert!(err.contains("valid, with 1 warning"), "{name}: {err}");
        let (table, _) =
            kompass::checks::register::parse_file(name, &std::fs::read(&path).unwrap()).unwrap();
        let rows = table.rows();
        assert_eq!(rows.len(), csv.len(), "{name}");
        for (a, b) in rows.iter().zip(&csv) {
            assert_eq!(
                (
                    &a.municipality,
                    a.year,
                    &a.date,
                    &a.areas,
                    a.total,
                    a.first_evaluation
                ),
                (
                    &b.municipality,
                    b.year,
                    &b.date,
                    &b.areas,
                    b.total,
                    b.first_evaluation
                ),
                "{name}"
            );
            assert!(
                kompass::checks::register::same_code(&a.code, &b.code) || a.code == b.code,
                "{name}: {} {}",
                a.code,
                b.code
            );
            assert_eq!(
                (&a.note, &a.public_note),
                (&b.note, &b.public_note),
                "{name}"
            );
        }
    }
}
