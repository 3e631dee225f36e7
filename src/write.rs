//! Put the reports on disk. Where a PDF goes ([`output_path`]: the default name
//! beside the evaluation, or what `-o` names, checked before any work), and how any file is
//! written: whole, through a temporary file and a rename, never through a planted link, never
//! over a read-only file ([`crate::disk`], whose functions are used through this module too).

use std::io::Read;
use std::path::{Path, PathBuf};

pub use crate::disk::{
    Linked, ReadOnly, Replaced, atomic_write, clean_up_interrupted, create_new, error, failure,
    is_linked, is_read_only, own_dir, replace_if_unchanged, replaceable,
};
use crate::messages::Message;
use crate::messages::msg;

/// Which stage a report is made at: the final report, or a draft (marked UTKAST, for the
/// municipality's fact-check), whose default name differs from the final's so that making a
/// draft never replaces the published file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Final,
    Draft,
}

impl Stage {
    /// `Draft` when `draft`, else `Final`.
    pub fn from_draft(draft: bool) -> Self {
        if draft { Stage::Draft } else { Stage::Final }
    }

    pub fn is_draft(self) -> bool {
        self == Stage::Draft
    }

    /// What a file name of this stage ends with before `.pdf`: `-utkast` for a draft.
    fn suffix(self) -> &'static str {
        match self {
            Stage::Final => "",
            Stage::Draft => "-utkast",
        }
    }
}

/// The stem of an evaluation file's name (`leksand-2023` of `leksand-2023.toml`).
pub fn stem(evaluation: &Path) -> String {
    evaluation
        .file_stem()
        .map_or("report".into(), |s| s.to_string_lossy().into_owned())
}

/// The default file name of an evaluation's report: `<evaluation>.pdf`, or for a draft
/// `<evaluation>-utkast.pdf`.
pub fn default_name(evaluation: &Path, stage: Stage) -> PathBuf {
    PathBuf::from(format!("{}{}.pdf", stem(evaluation), stage.suffix()))
}

/// The default path of an evaluation's slides: `<evaluation>-presentation.pdf` beside it (a
/// draft: `<evaluation>-presentation-utkast.pdf`, so that it never replaces the final deck).
pub fn slides_path(evaluation: &Path, stage: Stage) -> PathBuf {
    evaluation.with_file_name(format!(
        "{}-presentation{}.pdf",
        stem(evaluation),
        stage.suffix()
    ))
}

/// Where `render` writes: the default name ([`default_name`]) beside the evaluation, the file
/// `-o` names, or the default name inside the folder `-o` names. Refused before any work: a
/// folder that does not exist, a name that does not end in `.pdf`, the evaluation itself, an
/// existing file that is not a PDF – kompass only ever replaces a PDF – and, for a draft, a
/// final kompass report: a draft never takes the published report's place.
pub fn output_path(
    evaluation: &Path,
    output: Option<&Path>,
    stage: Stage,
) -> crate::error::Result<PathBuf> {
    refusal(evaluation, output, stage).map_err(crate::error::Error::Refused)
}

fn refusal(evaluation: &Path, output: Option<&Path>, stage: Stage) -> Result<PathBuf, Message> {
    let shown = |p: &Path| p.display().to_string();
    let own_name = || default_name(evaluation, stage);
    let target = match output {
        None => match evaluation.parent() {
            Some(dir) => dir.join(own_name()),
            None => own_name(),
        },
        Some(o) if o.is_dir() => o.join(own_name()),
        Some(o) => {
            let text = o.as_os_str().to_string_lossy();
            if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
                return Err(msg!("output-folder-missing", folder = shown(o)));
            }
            o.to_path_buf()
        }
    };
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(msg!(
            "output-parent-missing",
            folder = shown(dir),
            target = shown(&target)
        ));
    }
    let is_pdf_name = target
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if same_file(&target, evaluation) {
        return Err(msg!("output-is-evaluation", target = shown(&target)));
    }
    if !is_pdf_name {
        return Err(msg!("output-not-pdf-name", target = shown(&target)));
    }
    if target.is_dir() {
        return Err(msg!("output-is-folder", target = shown(&target)));
    }
    if target.exists() && !starts_like_pdf(&target) {
        return Err(msg!("output-not-pdf", target = shown(&target)));
    }
    if stage == Stage::Draft && is_final_report(&target) {
        return Err(msg!(
            "output-is-final",
            target = shown(&target),
            draft = shown(&target.with_file_name(default_name(evaluation, Stage::Draft)))
        ));
    }
    Ok(target)
}

/// Whether a file is a final report made by kompass (its attached record says so).
fn is_final_report(path: &Path) -> bool {
    crate::read::bytes(path, crate::read::MAX_PDF_BYTES)
        .ok()
        .and_then(|pdf| crate::embed::read(&pdf).ok())
        .is_some_and(|e| !e.provenance.draft)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Whether a file begins as a PDF does; only a regular file is opened (a FIFO at the output's
/// name would otherwise make `render` wait forever).
fn starts_like_pdf(path: &Path) -> bool {
    let mut head = [0u8; 5];
    crate::read::open_regular(path)
        .is_ok_and(|(mut f, _)| f.read_exact(&mut head).is_ok() && &head == b"%PDF-")
}
