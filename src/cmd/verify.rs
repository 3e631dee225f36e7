//! `kompass verify`: is this PDF byte for byte what its inputs produce?

use std::path::Path;
use std::process::ExitCode;

use kompass::checks::prepared::Prepared;
use kompass::pdf::embed::{Embedded, Provenance};
use kompass::review::Pages;

use kompass::base::messages::msg;
use kompass::pipeline::{self, Request, Stage};

use super::{Failure, INVALID, RegisterSource, Run, Strictness, checked_text};

pub fn run(pdf_path: &Path, evaluation: Option<&Path>) -> Run {
    let (pdf, embedded) = super::read_pdf_bytes(pdf_path)?;
    let p = &embedded.provenance;
    let (name, text) = evaluation_text(&embedded, evaluation)?;
    let loaded = load(&name, &text, p, evaluation)?;
    let standards = kompass::pdf::standards::parse_standards(&p.standards)
        .map_err(|e| Failure::trouble(msg!("verify-standards", reason = e.to_string())))?;
    let request = Request::report(Stage::from_draft(p.draft), &standards)
        .with_changes(changes_page(&embedded, &loaded)?);
    let again = pipeline::render(&loaded, &request)
        .map_err(|e| Failure::trouble(msg!("not-typeset", reason = e.to_string())))?;
    if again == pdf {
        println!(
            "{}",
            msg!(
                "verified",
                pdf = pdf_path.display().to_string(),
                name = &name,
                version = &p.kompass,
                framework = kompass::input::load::framework_name(&p.framework)
                    .unwrap_or(p.framework.clone()),
                standards = &p.standards,
                draft = if p.draft { "yes" } else { "no" }
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    let comments = commented(&pdf, &again);
    if let Some(Commented {
        count,
        pages: Pages::Unchanged,
    }) = comments
        && count > 0
        && (evaluation.is_none() || text == embedded.source)
    {
        println!(
            "{}",
            msg!(
                "verified-comments",
                pdf = pdf_path.display().to_string(),
                count = count,
                name = &name,
                version = &p.kompass
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}",
        msg!(
            "not-verified",
            pdf = pdf_path.display().to_string(),
            name = &name
        )
    );
    if let Some(c) = &comments {
        explain_comments(c);
    }
    explain(&embedded, &loaded, &name, &text, evaluation.is_some());
    Ok(ExitCode::from(INVALID))
}

/// What a PDF has that the one made again has not: its comments, and pages that draw
/// something else.
struct Commented {
    count: usize,
    pages: Pages,
}

/// The comments of the PDF and whether its pages are those made again; `None` when either
/// cannot be read.
fn commented(pdf: &[u8], again: &[u8]) -> Option<Commented> {
    use kompass::files::read::pdf::annotations::{AnnotationLimits, read};
    let limits = kompass::files::read::pdf::PdfLimits::default();
    let sent = read(pdf, &limits, &AnnotationLimits::default()).ok()?;
    let made = read(again, &limits, &AnnotationLimits::default()).ok()?;
    Some(Commented {
        count: kompass::review::count_comments(&sent),
        pages: kompass::review::compare_pages(&sent, Some(&made)),
    })
}

/// The comments added and the pages changed, as lines of the explanation.
fn explain_comments(c: &Commented) {
    if c.count > 0 {
        println!("{}", msg!("differs-comments", count = c.count));
    }
    match &c.pages {
        Pages::Changed(pages) => println!(
            "{}",
            msg!(
                "differs-pages",
                count = pages.len(),
                pages = kompass::review::page_numbers(pages)
            )
        ),
        Pages::Unchanged if c.count > 0 => println!("{}", msg!("differs-pages-same")),
        _ => {}
    }
}

/// The evaluation to render: the given file (as it would be attached, without comments) or
/// the PDF's own; with the name it is shown by.
fn evaluation_text(
    embedded: &Embedded,
    evaluation: Option<&Path>,
) -> Result<(String, String), Failure> {
    let Some(path) = evaluation else {
        return Ok((
            msg!("attached-name", name = &embedded.source_name).text(),
            embedded.source.clone(),
        ));
    };
    let read = kompass::files::read::bytes(path, kompass::files::read::MAX_EVALUATION_BYTES)
        .map_err(|e| e.to_string())
        .and_then(|b| String::from_utf8(b).map_err(|_| msg!("not-utf8").text()))
        .and_then(|t| kompass::pdf::embed::without_comments(&t).map_err(|e| e.to_string()));
    match read {
        Ok(t) => Ok((path.display().to_string(), t)),
        Err(e) => Err(super::cannot_read(path, e)),
    }
}

/// Load and check the evaluation with its register: beside the given file, else what the PDF
/// kept of it.
fn load(
    name: &str,
    text: &str,
    p: &Provenance,
    evaluation: Option<&Path>,
) -> Result<Prepared, Failure> {
    let strict = Strictness::at(kompass::Stage::from_draft(p.draft));
    let register = match evaluation {
        None => RegisterSource::Kept(p.register.as_ref()),
        Some(path) => {
            RegisterSource::Folder(path.parent().unwrap_or(Path::new("")), p.register.as_ref())
        }
    };
    checked_text(name, text, strict, register)
        .map(|(l, _)| l)
        .map_err(|stop| stop.report(Path::new(name), Some(msg!("consequence-cannot-compare"))))
}

/// The page of changes of a draft that has one, from the earlier evaluation it carries.
fn changes_page(
    embedded: &Embedded,
    loaded: &Prepared,
) -> Result<Option<kompass::pdf::typeset::ChangesPage>, Failure> {
    let Some(previous) = &embedded.previous else {
        return Ok(None);
    };
    let mut old = kompass::checks::prepared::load_str("previous", previous)
        .map_err(|_| Failure::trouble(msg!("verify-previous-unreadable")))?;
    if let Some(fr) = &embedded.provenance.changes_since_register {
        old.set_register(kompass::checks::compare::RegisterData::Frozen(fr.clone()));
    }
    Ok(Some(kompass::pdf::typeset::ChangesPage {
        review: embedded.provenance.changes_review,
        ..pipeline::changes_page(&old, loaded)?
    }))
}

/// Say why a PDF is not what its inputs render to: the kompass version, the framework, the
/// register, the evaluation – or, when none of them changed, the PDF itself.
fn explain(embedded: &Embedded, loaded: &Prepared, name: &str, text: &str, given: bool) {
    let p = &embedded.provenance;
    let mut explained = false;
    let now = Provenance::new(&p.framework, &p.standards, p.draft);
    if p.kompass != now.kompass {
        println!(
            "{}",
            msg!("differs-version", then = &p.kompass, now = &now.kompass)
        );
        explained = true;
    }
    if p.framework_fingerprint != now.framework_fingerprint {
        let name =
            kompass::input::load::framework_name(&p.framework).unwrap_or(p.framework.clone());
        println!("{}", msg!("differs-framework", framework = name));
        explained = true;
    }
    let register_now = loaded.compared().0.frozen.clone();
    if register_now != p.register {
        println!(
            "{}",
            msg!(
                "differs-register",
                change = kompass::checks::compare::describe_change(
                    p.register.as_ref(),
                    register_now.as_ref()
                )
            )
        );
        explained = true;
    }
    if given && text != embedded.source {
        explain_evaluation(embedded, loaded, name);
        explained = true;
    }
    if !explained {
        println!("{}", msg!("differs-pdf-itself"));
    }
}

/// What changed from the attached evaluation to the given one, as `diff` shows it.
fn explain_evaluation(embedded: &Embedded, loaded: &Prepared, name: &str) {
    let attached =
        kompass::checks::prepared::load_str("attached", &embedded.source).map(|mut l| {
            if let Some(fr) = &embedded.provenance.register {
                l.set_register(kompass::checks::compare::RegisterData::Frozen(fr.clone()));
            }
            l
        });
    let Ok(attached) = attached else {
        println!("{}", msg!("differs-evaluation"));
        return;
    };
    let before = kompass::report::Report::build(&attached);
    let after = kompass::report::Report::build(loaded);
    let changes = kompass::report::diff::compare(&before, &after);
    if changes.is_empty() {
        println!("{}", msg!("differs-layout"));
    } else {
        println!("{}\n", msg!("differs-evaluation-to", name = name));
        print!("{}", kompass::report::diff::to_text(&changes));
    }
}
