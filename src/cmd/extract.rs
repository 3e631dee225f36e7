//! `kompass extract`: the evaluation a kompass PDF carries.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Failure, Run, read_pdf};

pub fn run(pdf: &Path, output: Option<PathBuf>) -> Run {
    let embedded = read_pdf(pdf)?;
    let output = output.unwrap_or_else(|| PathBuf::from(name_to_write(&embedded)));
    // Never overwrite: the file beside may be the evaluator's own, with its comments.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&output)
        .and_then(|mut f| std::io::Write::write_all(&mut f, embedded.source.as_bytes()));
    match written {
        Ok(()) => {
            eprintln!(
                "wrote {} (the evaluation inside {}, made by kompass {})",
                output.display(),
                pdf.display(),
                embedded.provenance.kompass
            );
            if let Some(fr) = &embedded.provenance.register {
                note_register(fr);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Failure::text(format!(
            "{} already exists; kompass extract never overwrites a file\n  hint: name another file with -o",
            output.display()
        ))),
        Err(e) => Err(Failure::text(format!(
            "cannot write {}: {e}",
            output.display()
        ))),
    }
}

/// The file name to write without `-o`: the attachment's name when it is a plain file name
/// (never a path: a PDF decides nothing about where kompass writes), else one made from the
/// municipality and the date inside the evaluation.
fn name_to_write(embedded: &kompass::embed::Embedded) -> String {
    let name = &embedded.source_name;
    if kompass::read::safe_file_name(name) && name.ends_with(".toml") {
        return name.clone();
    }
    let safe = kompass::embed::fallback_name(&embedded.source);
    let shown: String = name
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(120)
        .collect();
    eprintln!(
        "note: the PDF names its evaluation {shown:?}, which is not a plain file name in this folder; writing {safe} instead"
    );
    safe
}

fn note_register(fr: &kompass::compare::Frozen) {
    let computed: Vec<String> = fr
        .profiles
        .iter()
        .map(|(k, p)| {
            format!(
                "comparison.{k}: {}",
                p.basis
                    .as_ref()
                    .map_or(String::new(), |b| format!("the mean of {} rows", b.count))
            )
        })
        .collect();
    eprintln!(
        "note: the evaluation takes values from the results register {} ({}{} earlier evaluations); render it next to that register. `kompass verify` uses the values the PDF kept.",
        fr.register,
        if computed.is_empty() {
            String::new()
        } else {
            format!("{}; ", computed.join(", "))
        },
        fr.history.len()
    );
}
