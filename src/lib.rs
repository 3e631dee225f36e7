//! kompass: Kommunkompassen evaluation reports as PDF, from one TOML file.
//!
//! The pipeline, one module per stage:
//! [`load`] → [`validate`] → [`scores`] → [`report`] (the validated model) → [`charts`] →
//! [`typeset`] → [`write`].
//! Supporting modules: [`model`] (the data format), [`markup`] (the safe text markup),
//! [`format`] (Swedish numbers and dates), [`fonts`] (embedded fonts), [`diagnostics`].

pub mod charts;
pub mod diagnostics;
pub mod fonts;
pub mod format;
pub mod glyphs;
pub mod hints;
pub mod load;
pub mod markup;
pub mod model;
pub mod municipalities;
pub mod report;
pub mod scores;
pub mod skeleton;
pub mod typeset;
pub mod validate;
pub mod write;

pub use typst_pdf::PdfStandard;

/// Render a loaded and validated evaluation to PDF bytes.
pub fn render(loaded: &load::Loaded, standards: &[PdfStandard]) -> Result<Vec<u8>, String> {
    render_with(loaded, standards, &typeset::Options::default())
}

/// Render with options (a draft …).
pub fn render_with(
    loaded: &load::Loaded,
    standards: &[PdfStandard],
    options: &typeset::Options,
) -> Result<Vec<u8>, String> {
    render_report(&report::Report::build(loaded), standards, options)
}

/// Render a report model to PDF bytes.
pub fn render_report(
    r: &report::Report,
    standards: &[PdfStandard],
    options: &typeset::Options,
) -> Result<Vec<u8>, String> {
    let standards = typeset::standards(standards)?;
    let charts = charts::draw_all(r)?;
    let bundle = typeset::bundle(r, &charts, options);
    typeset::typeset(&bundle, standards)
}
