//! One engine for every command: `render`, the batch, `watch`, `verify`, `slides`, `typst`
//! and the coming server all go through it.
//!
//! The engine holds what renders share – the fonts, the templates and Typst's standard library
//! (prepared once per process) and Typst's caches, which live as long as the process and are
//! trimmed with [`Engine::forget_older_than`] – and, for a long-running caller, the evaluations
//! it was given by name ([`Engine::update`]): the latest text of each, loaded and checked once.
//! Its answers are data: the findings as [`Diagnostic`]s, the PDF as bytes; printing them is
//! the caller's business.

use std::collections::HashMap;
use std::path::Path;

use crate::check::Checked;
use crate::compare::{Frozen, RegisterData};
use crate::diagnostics::{Diagnostic, Sources};
use crate::error::{Error, Result};
use crate::load::LoadError;
use typst_pdf::PdfStandard;

/// The engine. Cheap to make: what it shares is built once per process, on first use (or
/// ahead of it, with [`Engine::prepare`] on another thread).
#[derive(Default)]
pub struct Engine {
    /// The evaluations given by name, with the text each was last given.
    evaluations: HashMap<String, (String, Outcome)>,
    /// How many times [`Engine::update`] loaded and checked an evaluation.
    checks: usize,
}

/// Where the results register of an evaluation given as text comes from.
#[derive(Clone, Copy)]
pub enum RegisterSource<'a> {
    /// Nowhere: a register the evaluation names is unavailable.
    None,
    /// What a PDF kept of it.
    Kept(Option<&'a Frozen>),
    /// A folder (the evaluation file's); when the register is not found there, what a PDF
    /// kept of it, if given.
    Folder(&'a Path, Option<&'a Frozen>),
}

/// An evaluation loaded and checked.
pub enum Outcome {
    /// It could be loaded; the findings may still hold errors.
    Loaded {
        evaluation: Box<Checked>,
        findings: Vec<Diagnostic>,
    },
    /// It could not be loaded: the findings say why, in these sources.
    Invalid {
        sources: Sources,
        findings: Vec<Diagnostic>,
    },
}

impl Outcome {
    /// Every finding, errors and warnings.
    pub fn findings(&self) -> &[Diagnostic] {
        match self {
            Outcome::Loaded { findings, .. } | Outcome::Invalid { findings, .. } => findings,
        }
    }

    /// The sources the findings point into.
    pub fn sources(&self) -> &Sources {
        match self {
            Outcome::Loaded { evaluation, .. } => &evaluation.sources,
            Outcome::Invalid { sources, .. } => sources,
        }
    }

    /// The evaluation, when it was loaded and nothing blocks a report of it.
    pub fn renderable(&self) -> Option<&Checked> {
        match self {
            Outcome::Loaded {
                evaluation,
                findings,
            } if !findings.iter().any(Diagnostic::is_error) => Some(evaluation),
            _ => None,
        }
    }

    /// The evaluation, when it was loaded, whatever the findings.
    pub fn into_evaluation(self) -> Option<Checked> {
        match self {
            Outcome::Loaded { evaluation, .. } => Some(*evaluation),
            Outcome::Invalid { .. } => None,
        }
    }
}

impl Engine {
    pub fn new() -> Self {
        Self::default()
    }

    /// Build what every render shares now (fonts, library, templates), e.g. on a second core
    /// while the evaluation is loaded and checked.
    pub fn prepare() {
        crate::typeset::prepare();
    }

    /// Load an evaluation file, with the register it names from its folder, and check it: a
    /// draft may still hold what `kompass new` left to fill in, a final report may not.
    pub fn check_path(&self, path: &Path, draft: bool) -> Result<Outcome> {
        outcome(crate::check::load_path(path), draft)
    }

    /// Load and check an evaluation given as text (`name` is used in the findings).
    pub fn check_text(
        &self,
        name: &str,
        text: &str,
        register: RegisterSource<'_>,
        draft: bool,
    ) -> Result<Outcome> {
        let loaded = crate::check::load_str(name, text).map(|mut l| {
            set_register(&mut l, register);
            l
        });
        outcome(loaded, draft)
    }

    /// The evaluation `key` (a file's path, a page's id) now holds `text`: loaded and checked
    /// again when the text changed, else as it was.
    pub fn update(
        &mut self,
        key: &str,
        text: &str,
        register: RegisterSource<'_>,
        draft: bool,
    ) -> Result<&Outcome> {
        let stale = self.evaluations.get(key).is_none_or(|(t, _)| t != text);
        if stale {
            self.checks += 1;
            let checked = self.check_text(key, text, register, draft)?;
            self.evaluations
                .insert(key.to_string(), (text.to_string(), checked));
        }
        Ok(&self.evaluations[key].1)
    }

    /// How many times [`Engine::update`] loaded and checked an evaluation (it does not when the
    /// text is the same).
    pub fn checks(&self) -> usize {
        self.checks
    }

    /// The findings of a loaded evaluation: every check, and for a final report (when nothing
    /// else is wrong) the placeholders `kompass new` left.
    pub fn findings(&self, evaluation: &Checked, draft: bool) -> Vec<Diagnostic> {
        findings(evaluation, draft)
    }

    /// The report as PDF.
    pub fn render(
        &self,
        evaluation: &Checked,
        standards: &[PdfStandard],
        options: &crate::typeset::Options,
    ) -> Result<Vec<u8>> {
        render_with(evaluation, standards, options)
    }

    /// The report's pages as SVG, for the editor's preview (no PDF is made); pages whose hash
    /// `known` has come without their SVG.
    pub fn pages(
        &self,
        evaluation: &Checked,
        options: &crate::typeset::Options,
        known: &dyn Fn(u128) -> bool,
    ) -> Result<Vec<crate::typeset::PageImage>> {
        crate::typeset::pages(&report_bundle(evaluation, &[], options)?, known)
    }

    /// The deck for the feedback meeting as PDF.
    pub fn slides(
        &self,
        evaluation: &Checked,
        standards: &[PdfStandard],
        options: &crate::typeset::Options,
    ) -> Result<Vec<u8>> {
        slides(evaluation, standards, options)
    }

    /// Forget Typst's cached results that none of the last `age` renders used, so that a long
    /// session or a batch keeps its memory bounded.
    pub fn forget_older_than(&self, age: usize) {
        crate::typeset::evict_caches_older_than(age);
    }
}

fn outcome(
    loaded: std::result::Result<Checked, (Sources, LoadError)>,
    draft: bool,
) -> Result<Outcome> {
    match loaded {
        Ok(evaluation) => {
            let findings = findings(&evaluation, draft);
            Ok(Outcome::Loaded {
                evaluation: Box::new(evaluation),
                findings,
            })
        }
        Err((sources, LoadError::Invalid(findings))) => Ok(Outcome::Invalid { sources, findings }),
        Err((_, LoadError::Io(message))) => Err(Error::Read(message)),
    }
}

fn findings(evaluation: &Checked, draft: bool) -> Vec<Diagnostic> {
    let mut d = crate::validate::check(evaluation);
    if !draft && !d.iter().any(Diagnostic::is_error) {
        d.extend(crate::validate::check_final(evaluation));
    }
    d
}

fn set_register(l: &mut Checked, register: RegisterSource<'_>) {
    match register {
        RegisterSource::None => {}
        RegisterSource::Kept(Some(frozen)) if l.evaluation.register.is_some() => {
            l.set_register(RegisterData::Frozen(frozen.clone()));
        }
        RegisterSource::Kept(_) => {}
        RegisterSource::Folder(dir, kept) => {
            l.read_register(dir);
            // A register no longer beside the evaluation: what the PDF kept of it.
            if let (RegisterData::Failed(_, Some(_)), Some(frozen)) = (l.register(), kept) {
                l.set_register(RegisterData::Frozen(frozen.clone()));
            }
        }
    }
}

/// Render a loaded and validated evaluation to PDF bytes.
pub fn render(loaded: &Checked, standards: &[PdfStandard]) -> Result<Vec<u8>> {
    render_with(loaded, standards, &crate::typeset::Options::default())
}

/// Render with options (a draft …). When the standards allow it, the evaluation (without its
/// comments) and a provenance record are attached to the PDF, so that `extract` and `verify`
/// can get them back.
pub fn render_with(
    loaded: &Checked,
    standards: &[PdfStandard],
    options: &crate::typeset::Options,
) -> Result<Vec<u8>> {
    let checked = crate::typeset::standards(standards)?;
    crate::typeset::typeset(&report_bundle(loaded, standards, options)?, checked)
}

/// Everything Typst gets for the report of a loaded evaluation: data, charts and, when the
/// standards allow, the attachments.
pub fn report_bundle(
    loaded: &Checked,
    standards: &[PdfStandard],
    options: &crate::typeset::Options,
) -> Result<crate::typeset::Bundle> {
    let r = crate::report::Report::build(loaded);
    let mut options = options.clone();
    if crate::typeset::allows_attachments(standards) {
        let source = crate::embed::without_comments(loaded.sources.text(loaded.eval_file))?;
        let mut provenance = crate::embed::Provenance::new(
            &r.framework_id,
            &crate::typeset::standards_name(standards),
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
        provenance.changes_review = options.changes.as_ref().and_then(|c| c.review);
        options.attach = Some(crate::typeset::Attachment {
            name: crate::embed::source_name(&r),
            source,
            provenance: serde_json::to_string_pretty(&provenance).map_err(|e| {
                Error::Invalid(crate::messages::msg!("plain", text = e.to_string()))
            })?,
        });
    }
    let charts = crate::charts::draw_all(&r)?;
    Ok(crate::typeset::bundle(&r, &charts, &options))
}

/// The page of changes a draft gets with `--changes-since`: what changed from the earlier
/// evaluation `old` to `new`, and the earlier version's number and date.
pub fn changes_page(old: &Checked, new: &Checked) -> Result<crate::typeset::ChangesPage> {
    let before = crate::report::Report::build(old);
    let after = crate::report::Report::build(new);
    let (version, date) = before.version();
    Ok(crate::typeset::ChangesPage {
        version,
        date: date.iso(),
        changes: crate::diff::compare(&before, &after),
        previous: Some((
            format!("tidigare-{}", crate::embed::source_name(&before)),
            crate::embed::without_comments(old.sources.text(old.eval_file))?,
        )),
        previous_register: old.compared().0.frozen.clone(),
        review: None,
    })
}

/// The deck for the feedback meeting, as PDF: 16:9 slides from the same data, charts and style.
pub fn slides(
    loaded: &Checked,
    standards: &[PdfStandard],
    options: &crate::typeset::Options,
) -> Result<Vec<u8>> {
    let r = crate::report::Report::build(loaded);
    let standards = crate::typeset::standards(standards)?;
    let charts = crate::charts::draw_all(&r)?;
    let bundle = crate::slides::bundle(&r, &charts, options);
    crate::typeset::typeset(&bundle, standards)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../examples/leksand-2023.toml");

    #[test]
    fn an_update_checks_again_only_when_the_text_changed() {
        let mut engine = Engine::new();
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"));
        let source = RegisterSource::Folder(dir, None);
        let first = engine.update("e", EXAMPLE, source, false).unwrap();
        assert!(first.renderable().is_some(), "{:?}", first.findings());
        let edited = EXAMPLE.replacen("\"4.2\" = 11", "\"4.2\" = 99", 1);
        assert_ne!(edited, EXAMPLE);
        let second = engine.update("e", &edited, source, false).unwrap();
        assert!(second.renderable().is_none());
        assert!(
            second
                .findings()
                .iter()
                .any(|d| d.is_error() && d.path.contains("4.2")),
            "{:?}",
            second.findings()
        );
        assert_eq!(engine.checks(), 2);
        let again = engine.update("e", &edited, source, false).unwrap();
        assert!(again.renderable().is_none());
        assert_eq!(engine.checks(), 2, "the same text is not checked again");
    }
}
