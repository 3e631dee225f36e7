//! kompass: Kommunkompassen evaluation reports as PDF, from one TOML file.
//!
//! The code is a pipeline of stages that only look down: a module uses only the modules listed
//! before it in this table (`tests/stages.rs` reads the table and every `crate::` path of
//! `src/` and fails on any that looks up). One evaluation on its way through `kompass render`
//! walks down the stages once: its file is read within bounds, loaded into typed data with
//! spans, checked with its register and comparisons resolved once, turned into the span-free
//! report model, and then drawn, typeset and written.
//!
//! | stage | modules, lowest first |
//! |---|---|
//! | reference data | `error`, `fonts`, `format`, `municipalities`, `model`, `markup`, `diagnostics`, `hints` |
//! | read: bounded files from outside | `read` |
//! | load: typed data with spans | `load`, `skeleton` |
//! | check: every check, the register and comparisons resolved once | `glyphs`, `scores`, `register`, `compare`, `check`, `validate` |
//! | model: the validated, span-free report | `report` |
//! | outputs | `charts`, `diff`, `embed`, `write`, `typeset`, `slides`, `synthetic` |
//!
//! The functions of this file run the pipeline for the commands (`src/cmd/`), which sit on top.

pub mod charts;
pub mod check;
pub mod compare;
pub mod diagnostics;
pub mod diff;
pub mod embed;
pub mod error;
pub mod fonts;
pub mod format;
pub mod glyphs;
pub mod hints;
pub mod load;
pub mod markup;
pub mod model;
pub mod municipalities;
pub mod read;
pub mod register;
pub mod report;
pub mod scores;
pub mod skeleton;
pub mod slides;
pub mod synthetic;
pub mod typeset;
pub mod validate;
pub mod write;

pub use error::{Error, Result};
pub use typst_pdf::PdfStandard;

/// Render a loaded and validated evaluation to PDF bytes.
pub fn render(loaded: &check::Checked, standards: &[PdfStandard]) -> Result<Vec<u8>> {
    render_with(loaded, standards, &typeset::Options::default())
}

/// Render with options (a draft …). When the standards allow it, the evaluation (without its
/// comments) and a provenance record are attached to the PDF, so that `extract` and `verify`
/// can get them back.
pub fn render_with(
    loaded: &check::Checked,
    standards: &[PdfStandard],
    options: &typeset::Options,
) -> Result<Vec<u8>> {
    let checked = typeset::standards(standards)?;
    typeset::typeset(&report_bundle(loaded, standards, options)?, checked)
}

/// Everything Typst gets for the report of a loaded evaluation: data, charts and, when the
/// standards allow, the attachments.
pub fn report_bundle(
    loaded: &check::Checked,
    standards: &[PdfStandard],
    options: &typeset::Options,
) -> Result<typeset::Bundle> {
    let r = report::Report::build(loaded);
    let mut options = options.clone();
    if typeset::allows_attachments(standards) {
        let source = embed::without_comments(loaded.sources.text(loaded.eval_file))?;
        let mut provenance = embed::Provenance::new(
            &r.framework_id,
            &typeset::standards_name(standards),
            options.draft,
        );
        provenance.changes_since = options
            .changes
            .as_ref()
            .and_then(|c| c.previous.as_ref())
            .map(|p| p.0.clone());
        provenance.register = loaded.compared().0.frozen.clone();
        provenance.changes_since_register = options
            .changes
            .as_ref()
            .and_then(|c| c.previous_register.clone());
        options.attach = Some(typeset::Attachment {
            name: embed::source_name(&r),
            source,
            provenance: serde_json::to_string_pretty(&provenance)
                .map_err(|e| Error::Invalid(e.to_string()))?,
        });
    }
    let charts = charts::draw_all(&r)?;
    Ok(typeset::bundle(&r, &charts, &options))
}

/// The page of changes a draft gets with `--changes-since`: what changed from the earlier
/// evaluation `old` to `new`, and the earlier version's number and date.
pub fn changes_page(old: &check::Checked, new: &check::Checked) -> Result<typeset::ChangesPage> {
    let before = report::Report::build(old);
    let after = report::Report::build(new);
    let (version, date) = before.version();
    Ok(typeset::ChangesPage {
        version,
        date: date.iso(),
        changes: diff::compare(&before, &after),
        previous: Some((
            format!("tidigare-{}", embed::source_name(&before)),
            embed::without_comments(old.sources.text(old.eval_file))?,
        )),
        previous_register: old.compared().0.frozen.clone(),
    })
}

/// The deck for the feedback meeting, as PDF: 16:9 slides from the same data, charts and style.
pub fn slides(
    loaded: &check::Checked,
    standards: &[PdfStandard],
    options: &typeset::Options,
) -> Result<Vec<u8>> {
    let r = report::Report::build(loaded);
    let standards = typeset::standards(standards)?;
    let charts = charts::draw_all(&r)?;
    let bundle = slides::bundle(&r, &charts, options);
    typeset::typeset(&bundle, standards)
}
