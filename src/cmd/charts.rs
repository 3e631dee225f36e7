//! `kompass charts`: every chart of the report as a standalone file, with its alt text beside it.

use std::path::Path;
use std::process::ExitCode;

use kompass::messages::msg;

use super::{Failure, Run, Strictness, load, write};

pub fn run(evaluation: &Path, out_dir: &Path, png: bool, scale: f32) -> Run {
    let strict = Strictness {
        draft: true,
        ..Default::default()
    };
    let loaded = load(evaluation, strict, msg!("consequence-no-chart"))?;
    let report = kompass::report::Report::build(&loaded);
    let charts = kompass::charts::draw_all(&report)?;
    super::create_folder(out_dir)?;
    for c in &charts {
        let (file, bytes) = if png {
            let bytes = kompass::charts::png(&c.svg, scale)
                .map_err(|e| Failure::text(format!("{}: {e}", c.id)))?;
            (format!("{}.png", c.id), bytes)
        } else {
            (format!("{}.svg", c.id), c.svg.clone().into_bytes())
        };
        let alt = format!("{}\n", c.alt);
        for (name, data) in [(file, bytes), (format!("{}.txt", c.id), alt.into_bytes())] {
            write(&out_dir.join(&name), &data)?;
        }
        super::say(msg!(
            "chart-wrote",
            path = format!(
                "{}/{}.{}",
                out_dir.display(),
                c.id,
                if png { "png" } else { "svg" }
            )
        ));
    }
    Ok(ExitCode::SUCCESS)
}
