//! `kompass extract`: the evaluation a kompass PDF carries.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kompass::base::messages::{Message, msg};

use super::{Failure, Run, read_pdf, say};

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
            say(msg!(
                "extract-wrote",
                path = output.display().to_string(),
                pdf = pdf.display().to_string(),
                version = &embedded.provenance.kompass
            ));
            if let Some(fr) = &embedded.provenance.register {
                note_register(fr);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Failure::trouble(msg!(
            "extract-exists",
            path = output.display().to_string()
        ))),
        Err(e) => Err(super::io_failure(
            msg!("cannot-write", path = output.display().to_string()),
            &e,
        )),
    }
}

/// The file name to write without `-o`: the attachment's name when it is a plain file name
/// (never a path: a PDF decides nothing about where kompass writes), else one made from the
/// municipality and the date inside the evaluation.
fn name_to_write(embedded: &kompass::pdf::embed::Embedded) -> String {
    let name = &embedded.source_name;
    if kompass::files::read::safe_file_name(name) && name.ends_with(".toml") {
        return name.clone();
    }
    let safe = kompass::pdf::embed::fallback_name(&embedded.source);
    let shown: String = name
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(120)
        .collect();
    say(msg!(
        "extract-unsafe-name",
        name = format!("{shown:?}"),
        safe = &safe
    ));
    safe
}

fn note_register(fr: &kompass::checks::compare::Frozen) {
    let computed: Vec<Message> = fr
        .profiles
        .iter()
        .map(|(k, p)| {
            msg!(
                "extract-computed",
                key = k,
                rows = p.basis.as_ref().map_or(0, |b| b.count)
            )
        })
        .collect();
    let computed = if computed.is_empty() {
        String::new()
    } else {
        format!("{}; ", msg!("plain-list", items = computed))
    };
    say(msg!(
        "extract-register",
        register = &fr.register,
        computed = computed,
        earlier = fr.history.len()
    ));
}
