//! kompass: Kommunkompassen evaluation reports as PDF, from one TOML file.
//!
//! The pipeline, one module per stage:
//! [`load`] → [`validate`] → [`scores`] → [`report`] (the validated model) → [`charts`] →
//! [`typeset`] → [`write`].
//! Supporting modules: [`model`] (the data format), [`markup`] (the safe text markup),
//! [`format`] (Swedish numbers and dates), [`fonts`] (embedded fonts), [`diagnostics`].

pub mod charts;
pub mod check;
pub mod compare;
pub mod diagnostics;
pub mod diff;
pub mod embed;
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

pub use typst_pdf::PdfStandard;

/// Render a loaded and validated evaluation to PDF bytes.
pub fn render(loaded: &check::Checked, standards: &[PdfStandard]) -> Result<Vec<u8>, String> {
    render_with(loaded, standards, &typeset::Options::default())
}

/// Render with options (a draft …). When the standards allow it, the evaluation (without its
/// comments) and a provenance record are attached to the PDF, so that `extract` and `verify`
/// can get them back.
pub fn render_with(
    loaded: &check::Checked,
    standards: &[PdfStandard],
    options: &typeset::Options,
) -> Result<Vec<u8>, String> {
    let checked = typeset::standards(standards)?;
    typeset::typeset(&report_bundle(loaded, standards, options)?, checked)
}

/// Everything Typst gets for the report of a loaded evaluation: data, charts and, when the
/// standards allow, the attachments.
pub fn report_bundle(
    loaded: &check::Checked,
    standards: &[PdfStandard],
    options: &typeset::Options,
) -> Result<typeset::Bundle, String> {
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
            provenance: serde_json::to_string_pretty(&provenance).map_err(|e| e.to_string())?,
        });
    }
    let charts = charts::draw_all(&r)?;
    Ok(typeset::bundle(&r, &charts, &options))
}

/// The page of changes a draft gets with `--changes-since`: what changed from the earlier
/// evaluation `old` to `new`, and the earlier version's number and date.
pub fn changes_page(
    old: &check::Checked,
    new: &check::Checked,
) -> Result<typeset::ChangesPage, String> {
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
) -> Result<Vec<u8>, String> {
    let r = report::Report::build(loaded);
    let standards = typeset::standards(standards)?;
    let charts = charts::draw_all(&r)?;
    let bundle = slides::bundle(&r, &charts, options);
    typeset::typeset(&bundle, standards)
}
