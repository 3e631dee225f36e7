//! The one pipeline every front end calls: an evaluation is loaded and checked
//! ([`check_path`], [`check_text`]), and a checked one is made into a document ([`render`],
//! [`pages`]). `render`, the batch, `watch`, `verify`, `slides`, `typst`, `comments` and
//! `kompass serve` only present what it gives.
//!
//! What renders share – the fonts, the templates and Typst's standard library (prepared once per
//! process, [`prepare`]) and Typst's caches, which live as long as the process and are trimmed
//! with [`forget_older_than`] – is process-wide. A long-running caller keeps its evaluations in
//! a [`Session`]: the latest text of each, loaded and checked once. The answers are data: the
//! findings as [`Diagnostic`]s, the PDF as bytes; printing them is the caller's business.

use std::collections::HashMap;
use std::path::Path;

use crate::base::diagnostics::{Diagnostic, Sources};
use crate::base::error::{Error, Result};
use crate::checks::compare::{Frozen, RegisterData};
use crate::checks::prepared::Prepared;
use crate::input::load::LoadError;
use crate::pdf::typeset::{ChangesPage, Options};
pub use crate::pdf::write::Stage;
use typst_pdf::PdfStandard;

/// Which document is made of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The report.
    Report,
    /// The deck for the feedback meeting: 16:9 slides from the same data, charts and style.
    Slides,
}

/// What to make of a checked evaluation.
pub struct Request<'a> {
    pub document: Document,
    pub stage: Stage,
    /// The PDF standards; when they allow it, the evaluation (without its comments) and a
    /// provenance record are attached to the report, so that `extract` and `verify` can get
    /// them back.
    pub standards: &'a [PdfStandard],
    /// A draft's page of what changed since an earlier version ([`changes_page`]).
    pub changes: Option<ChangesPage>,
}

impl<'a> Request<'a> {
    /// The report at `stage`, with these standards and no page of changes.
    pub fn report(stage: Stage, standards: &'a [PdfStandard]) -> Self {
        Request {
            document: Document::Report,
            stage,
            standards,
            changes: None,
        }
    }

    /// The slides at `stage`.
    pub fn slides(stage: Stage, standards: &'a [PdfStandard]) -> Self {
        Request {
            document: Document::Slides,
            ..Request::report(stage, standards)
        }
    }

    /// With the page of changes (for a draft).
    pub fn with_changes(mut self, changes: Option<ChangesPage>) -> Self {
        self.changes = changes;
        self
    }

    fn options(&self) -> Options {
        Options {
            draft: self.stage.is_draft(),
            changes: self.changes.clone(),
            ..Default::default()
        }
    }
}

/// The evaluations a long-running front end (`watch`, `kompass serve`) was given by name, with
/// the text each was last given: loaded and checked again only when the text changed.
#[derive(Default)]
pub struct Session {
    evaluations: HashMap<String, (String, Outcome)>,
    /// How many times [`Session::update`] loaded and checked an evaluation.
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
        evaluation: Box<Prepared>,
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
            Outcome::Loaded { evaluation, .. } => &evaluation.loaded.sources,
            Outcome::Invalid { sources, .. } => sources,
        }
    }

    /// The evaluation, when it was loaded and nothing blocks a report of it.
    pub fn renderable(&self) -> Option<&Prepared> {
        match self {
            Outcome::Loaded {
                evaluation,
                findings,
            } if !findings.iter().any(Diagnostic::is_error) => Some(evaluation),
            _ => None,
        }
    }

    /// The evaluation, when it was loaded, whatever the findings.
    pub fn into_evaluation(self) -> Option<Prepared> {
        match self {
            Outcome::Loaded { evaluation, .. } => Some(*evaluation),
            Outcome::Invalid { .. } => None,
        }
    }
}

/// Build what every render shares now (fonts, library, templates), e.g. on a second core
/// while the evaluation is loaded and checked.
pub fn prepare() {
    crate::pdf::world::prepare();
}

/// Load an evaluation file, with the register it names from its folder, and check it: a
/// draft may still hold what `kompass new` left to fill in, a final report may not.
pub fn check_path(path: &Path, stage: Stage) -> Result<Outcome> {
    outcome(crate::checks::prepared::load_path(path), stage)
}

/// Load and check an evaluation given as text (`name` is used in the findings).
pub fn check_text(
    name: &str,
    text: &str,
    register: RegisterSource<'_>,
    stage: Stage,
) -> Result<Outcome> {
    let loaded = crate::checks::prepared::load_str(name, text).map(|mut l| {
        set_register(&mut l, register);
        l
    });
    outcome(loaded, stage)
}

impl Session {
    pub fn new() -> Self {
        Self::default()
    }

    /// The evaluation `key` (a file's path, a page's id) now holds `text`: loaded and checked
    /// again when the text changed, else as it was.
    pub fn update(
        &mut self,
        key: &str,
        text: &str,
        register: RegisterSource<'_>,
        stage: Stage,
    ) -> Result<&Outcome> {
        let stale = self.evaluations.get(key).is_none_or(|(t, _)| t != text);
        if stale {
            self.checks += 1;
            let checked = check_text(key, text, register, stage)?;
            self.evaluations
                .insert(key.to_string(), (text.to_string(), checked));
        }
        Ok(&self.evaluations[key].1)
    }

    /// How many times [`Session::update`] loaded and checked an evaluation (it does not when
    /// the text is the same).
    pub fn checks(&self) -> usize {
        self.checks
    }
}

/// The findings of a loaded evaluation: every check, and for a final report (when nothing
/// else is wrong) the placeholders `kompass new` left.
pub fn findings(evaluation: &Prepared, stage: Stage) -> Vec<Diagnostic> {
    let mut d = crate::checks::validate::check(evaluation);
    if !stage.is_draft() && !d.iter().any(Diagnostic::is_error) {
        d.extend(crate::checks::validate::check_final(&evaluation.loaded));
    }
    d
}

/// The document a request asks for, as PDF.
pub fn render(evaluation: &Prepared, request: &Request) -> Result<Vec<u8>> {
    let standards = crate::pdf::standards::standards(request.standards)?;
    let bundle = match request.document {
        Document::Report => bundle(evaluation, request)?,
        Document::Slides => {
            let r = crate::report::Report::build(evaluation);
            let charts = crate::report::charts::draw_all(&r)?;
            crate::pdf::slides::bundle(&r, &charts, &request.options())
        }
    };
    crate::pdf::world::typeset(&bundle, standards)
}

/// The report's pages as SVG, for the editor's preview (no PDF is made); pages whose hash
/// `known` has come without their SVG.
pub fn pages(
    evaluation: &Prepared,
    stage: Stage,
    known: &dyn Fn(u128) -> bool,
) -> Result<Vec<crate::pdf::world::PageImage>> {
    crate::pdf::world::pages(&bundle(evaluation, &Request::report(stage, &[]))?, known)
}

/// Forget Typst's cached results that none of the last `age` renders used, so that a long
/// session or a batch keeps its memory bounded.
pub fn forget_older_than(age: usize) {
    crate::pdf::world::evict_caches_older_than(age);
}

fn outcome(
    loaded: std::result::Result<Prepared, (Sources, LoadError)>,
    stage: Stage,
) -> Result<Outcome> {
    match loaded {
        Ok(evaluation) => {
            let findings = findings(&evaluation, stage);
            Ok(Outcome::Loaded {
                evaluation: Box::new(evaluation),
                findings,
            })
        }
        Err((sources, LoadError::Invalid(findings))) => Ok(Outcome::Invalid { sources, findings }),
        Err((_, LoadError::Io(message))) => Err(Error::Read(message)),
    }
}

fn set_register(l: &mut Prepared, register: RegisterSource<'_>) {
    match register {
        RegisterSource::None => {}
        RegisterSource::Kept(Some(frozen)) if l.loaded.evaluation.register.is_some() => {
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

/// Everything Typst gets for the report of a loaded evaluation: data, charts and, when the
/// standards allow, the attachments.
pub fn bundle(loaded: &Prepared, request: &Request) -> Result<crate::pdf::typeset::Bundle> {
    let r = crate::report::Report::build(loaded);
    let standards = request.standards;
    let mut options = request.options();
    if crate::pdf::standards::allows_attachments(standards) {
        let source = crate::pdf::embed::without_comments(
            loaded.loaded.sources.text(loaded.loaded.eval_file),
        )?;
        let mut provenance = crate::pdf::embed::Provenance::new(
            &r.framework_id,
            &crate::pdf::standards::standards_name(standards),
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
        options.attach = Some(crate::pdf::typeset::Attached {
            name: crate::pdf::embed::source_name(&r),
            source,
            provenance: serde_json::to_string_pretty(&provenance).map_err(|e| {
                Error::Invalid(crate::base::messages::msg!("plain", text = e.to_string()))
            })?,
        });
    }
    let charts = crate::report::charts::draw_all(&r)?;
    Ok(crate::pdf::typeset::bundle(&r, &charts, &options))
}

/// The page of changes a draft gets with `--changes-since`: what changed from the earlier
/// evaluation `old` to `new`, and the earlier version's number and date.
pub fn changes_page(old: &Prepared, new: &Prepared) -> Result<ChangesPage> {
    let before = crate::report::Report::build(old);
    let after = crate::report::Report::build(new);
    let (version, date) = before.version();
    Ok(ChangesPage {
        version,
        date: date.iso(),
        changes: crate::report::diff::compare(&before, &after),
        previous: Some((
            format!("tidigare-{}", crate::pdf::embed::source_name(&before)),
            crate::pdf::embed::without_comments(old.loaded.sources.text(old.loaded.eval_file))?,
        )),
        previous_register: old.compared().0.frozen.clone(),
        review: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../examples/leksand-2023.toml");

    #[test]
    fn an_update_checks_again_only_when_the_text_changed() {
        let mut engine = Session::new();
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"));
        let source = RegisterSource::Folder(dir, None);
        let first = engine.update("e", EXAMPLE, source, Stage::Final).unwrap();
        assert!(first.renderable().is_some(), "{:?}", first.findings());
        let edited = EXAMPLE.replacen("\"4.2\" = 11", "\"4.2\" = 99", 1);
        assert_ne!(edited, EXAMPLE);
        let second = engine.update("e", &edited, source, Stage::Final).unwrap();
        assert!(second.renderable().is_none());
        assert!(
            second
                .findings()
                .iter()
                .any(|d| d.is_error() && d.at.key().and_then(|k| k.last_key()) == Some("4.2")),
            "{:?}",
            second.findings()
        );
        assert_eq!(engine.checks(), 2);
        let again = engine.update("e", &edited, source, Stage::Final).unwrap();
        assert!(again.renderable().is_none());
        assert_eq!(engine.checks(), 2, "the same text is not checked again");
    }
}
