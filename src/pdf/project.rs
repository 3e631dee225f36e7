//! The self-contained Typst project a report is made from, written out for a last manual touch
//! with plain Typst (`kompass typst`).

use crate::pdf::typeset::{Bundle, TEMPLATES};

/// Write the self-contained Typst project a report is made from into `dir`: the templates,
/// `report.typ` as the main file, the data and chart files, the fonts, and a README with the
/// `typst compile` command that gives the same report. Existing files of the same names are
/// replaced; nothing else in `dir` is touched.
pub fn write_project(
    bundle: &Bundle,
    standards: &str,
    dir: &std::path::Path,
) -> crate::base::error::Result<Vec<String>> {
    let mut written = Vec::new();
    let mut put = |path: &str, data: &[u8]| -> crate::base::error::Result<()> {
        let target = dir.join(path.trim_start_matches('/'));
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|source| crate::base::error::Error::Io {
                what: crate::base::messages::msg!(
                    "cannot-create",
                    path = parent.display().to_string()
                ),
                source,
            })?;
        }
        crate::pdf::write::atomic_write(&target, data)
            .map_err(|e| crate::pdf::write::error(&target, e))?;
        written.push(path.trim_start_matches('/').to_string());
        Ok(())
    };
    // The templates, but of the two main files only the one this project compiles.
    for (path, text) in TEMPLATES {
        if (*path == "/report.typ" || *path == "/slides.typ") && *path != bundle.main {
            continue;
        }
        put(path, text.as_bytes())?;
    }
    for (path, data) in &bundle.files {
        put(path, data)?;
    }
    let names = [
        "Inter-Regular.otf",
        "Inter-Italic.otf",
        "Inter-SemiBold.otf",
        "Inter-SemiBoldItalic.otf",
        "Inter-Bold.otf",
        "Inter-BoldItalic.otf",
    ];
    for (name, data) in names.iter().zip(crate::base::fonts::ALL) {
        put(&format!("fonts/{name}"), data)?;
    }
    put("fonts/OFL.txt", include_bytes!("../../fonts/OFL.txt"))?;
    let (y, m, d) = bundle.date;
    let stamp = crate::base::format::days_from_civil(y, m, d) * 86_400;
    let main = bundle.main.trim_start_matches('/');
    let pdf = main.replace(".typ", ".pdf");
    let readme = format!(
        "The Typst project of \"{}\", written by kompass {}.\n\nCompile it with the Typst CLI (0.15) to the same report:\n\n    typst compile --root . --font-path fonts --ignore-system-fonts --features a11y-extras --pdf-standard {standards} --creation-timestamp {stamp} {main} {pdf}\n\nreport.typ is the structure, style.typ the look, markup.typ the text markup; data/ holds the report's data and charts/ its charts. Fonts: Inter (SIL Open Font License, fonts/OFL.txt).\n",
        bundle.title,
        env!("CARGO_PKG_VERSION"),
    );
    put("README.txt", readme.as_bytes())?;
    Ok(written)
}
