//! `kompass charts`: every chart of the report as a standalone file, with its alt text beside it.

use std::path::Path;
use std::process::ExitCode;

use super::{Strictness, TROUBLE, load_or_exit};

pub fn run(evaluation: &Path, out_dir: &Path, png: bool, scale: f32) -> ExitCode {
    let strict = Strictness {
        draft: true,
        ..Default::default()
    };
    let loaded = match load_or_exit(evaluation, strict, "; no chart was written") {
        Ok(l) => l,
        Err(code) => return code,
    };
    let report = kompass::report::Report::build(&loaded);
    let charts = match kompass::charts::draw_all(&report) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(TROUBLE);
        }
    };
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        eprintln!("error: cannot create {}: {e}", out_dir.display());
        return ExitCode::from(TROUBLE);
    }
    for c in &charts {
        let (file, bytes) = if png {
            match kompass::charts::png(&c.svg, scale) {
                Ok(b) => (format!("{}.png", c.id), b),
                Err(e) => {
                    eprintln!("error: {}: {e}", c.id);
                    return ExitCode::from(TROUBLE);
                }
            }
        } else {
            (format!("{}.svg", c.id), c.svg.clone().into_bytes())
        };
        let alt = format!("{}\n", c.alt);
        for (name, data) in [(file, bytes), (format!("{}.txt", c.id), alt.into_bytes())] {
            let path = out_dir.join(&name);
            if let Err(e) = kompass::write::atomic_write(&path, &data) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(TROUBLE);
            }
        }
        eprintln!(
            "wrote {}/{}.{} and its alt text",
            out_dir.display(),
            c.id,
            if png { "png" } else { "svg" }
        );
    }
    ExitCode::SUCCESS
}
