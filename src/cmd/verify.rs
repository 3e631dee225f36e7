//! `kompass verify`: is this PDF byte for byte what its inputs produce?

use std::path::Path;
use std::process::ExitCode;

use super::{INVALID, Register, Strictness, TROUBLE, checked_text, refused};

pub fn run(pdf_path: &Path, evaluation: Option<&Path>) -> ExitCode {
    let pdf = match kompass::read::bytes(pdf_path, kompass::read::MAX_PDF_BYTES) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", pdf_path.display());
            return ExitCode::from(TROUBLE);
        }
    };
    let embedded = match kompass::embed::read(&pdf) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: {}: {e}", pdf_path.display());
            return ExitCode::from(TROUBLE);
        }
    };
    let p = &embedded.provenance;
    // The evaluation: the given file (as it would be attached, without comments) or the PDF's own.
    let (name, text) = match evaluation {
        None => (
            format!("{} (attached)", embedded.source_name),
            embedded.source.clone(),
        ),
        Some(path) => {
            let read = kompass::read::bytes(path, kompass::read::MAX_EVALUATION_BYTES)
                .map_err(|e| e.to_string())
                .and_then(|b| String::from_utf8(b).map_err(|_| "it is not UTF-8 text".into()))
                .and_then(|t| kompass::embed::without_comments(&t).map_err(|e| e.to_string()));
            match read {
                Ok(t) => (path.display().to_string(), t),
                Err(e) => {
                    eprintln!("error: cannot read {}: {e}", path.display());
                    return ExitCode::from(TROUBLE);
                }
            }
        }
    };
    let strict = Strictness {
        draft: p.draft,
        ..Default::default()
    };
    let register = match evaluation {
        None => Register::Kept(p.register.as_ref()),
        Some(path) => Register::Folder(path.parent().unwrap_or(Path::new("")), p.register.as_ref()),
    };
    let loaded = match checked_text(&name, &text, strict, register) {
        Ok((l, _)) => l,
        Err(Some(outcome)) => {
            refused(
                Path::new(&name),
                &outcome,
                "; it cannot be rendered to compare",
            );
            return ExitCode::from(INVALID);
        }
        Err(None) => return ExitCode::from(TROUBLE),
    };
    let standards = match kompass::typeset::parse_standards(&p.standards) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: the PDF names standards kompass does not know: {e}");
            return ExitCode::from(TROUBLE);
        }
    };
    let changes = match &embedded.previous {
        None => None,
        Some(previous) => match kompass::check::load_str("previous", previous)
            .map(|mut old| {
                if let Some(fr) = &p.changes_since_register {
                    old.set_register(kompass::compare::RegisterData::Frozen(fr.clone()));
                }
                old
            })
            .map_err(|_| "the attached earlier evaluation cannot be read".to_string())
            .and_then(|old| kompass::changes_page(&old, &loaded).map_err(|e| e.to_string()))
        {
            Ok(page) => Some(page),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(TROUBLE);
            }
        },
    };
    let options = kompass::typeset::Options {
        draft: p.draft,
        changes,
        ..Default::default()
    };
    let again = match kompass::render_with(&loaded, &standards, &options) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: the report could not be typeset:\n{e}");
            return ExitCode::from(TROUBLE);
        }
    };
    if again == pdf {
        println!(
            "{}: verified – byte for byte what {name} renders to with kompass {} ({}, {}{})",
            pdf_path.display(),
            p.kompass,
            p.framework,
            p.standards,
            if p.draft { ", draft" } else { "" }
        );
        return ExitCode::SUCCESS;
    }
    println!(
        "{}: NOT what {name} renders to; what differs:",
        pdf_path.display()
    );
    let mut explained = false;
    let now = kompass::embed::Provenance::new(&p.framework, &p.standards, p.draft);
    if p.kompass != now.kompass {
        println!(
            "- the kompass version: the PDF was made by kompass {}, this is kompass {}",
            p.kompass, now.kompass
        );
        explained = true;
    }
    if p.framework_fingerprint != now.framework_fingerprint {
        println!(
            "- the framework {} has changed since the PDF was made",
            p.framework
        );
        explained = true;
    }
    let register_now = loaded.compared().0.frozen.clone();
    if register_now != p.register {
        println!(
            "- the results register: {}",
            kompass::compare::describe_change(p.register.as_ref(), register_now.as_ref())
        );
        explained = true;
    }
    if evaluation.is_some() && text != embedded.source {
        match kompass::check::load_str("attached", &embedded.source).map(|mut l| {
            if let Some(fr) = &p.register {
                l.set_register(kompass::compare::RegisterData::Frozen(fr.clone()));
            }
            l
        }) {
            Ok(attached) => {
                let before = kompass::report::Report::build(&attached);
                let after = kompass::report::Report::build(&loaded);
                let changes = kompass::diff::compare(&before, &after);
                if changes.is_empty() {
                    println!(
                        "- the evaluation's text differs from the attached one, though not in anything the report shows (its layout in the file)"
                    );
                } else {
                    println!("- the evaluation: from the PDF's to {name}:\n");
                    print!("{}", kompass::diff::to_text(&changes));
                }
            }
            Err(_) => println!("- the evaluation differs from the attached one"),
        }
        explained = true;
    }
    if !explained {
        println!(
            "- none of its inputs: the PDF itself was changed after kompass made it (edited, signed or saved again by another program)"
        );
    }
    ExitCode::from(INVALID)
}
