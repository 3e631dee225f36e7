//! `kompass extract`: the evaluation a kompass PDF carries.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::TROUBLE;

pub fn run(pdf: &Path, output: Option<PathBuf>) -> ExitCode {
    let embedded = match std::fs::read(pdf)
        .map_err(|e| format!("cannot read {}: {e}", pdf.display()))
        .and_then(|bytes| kompass::embed::read(&bytes))
    {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: {}: {e}", pdf.display());
            return ExitCode::from(TROUBLE);
        }
    };
    let output = output.unwrap_or_else(|| PathBuf::from(&embedded.source_name));
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
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; kompass extract never overwrites a file\n  hint: name another file with -o",
                output.display()
            );
            ExitCode::from(TROUBLE)
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", output.display());
            ExitCode::from(TROUBLE)
        }
    }
}
