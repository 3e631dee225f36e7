//! What the page makes from the evaluation as it stands (PDFs, slides, charts, "what changed"):
//! each from a copy of the text, outside the lock that saving needs.

use std::path::{Path, PathBuf};

use serde_json::{Value as Json, json};

use super::api::{ApiError, Make};
use crate::base::messages::msg;
use crate::pipeline::{self, RegisterSource, Request, Stage};

/// The evaluation to make something of: its file and its text now.
pub struct Snapshot {
    pub path: PathBuf,
    pub text: String,
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn write_error(target: &Path, e: &std::io::Error) -> ApiError {
    ApiError::Write(crate::pdf::write::failure(target, e))
}

/// Make a draft, the final report, the slides or the charts beside the evaluation. A final
/// report (and final slides) only when nothing stops it; slides follow the report: final when
/// the report can be.
pub fn make(snap: &Snapshot, kind: Make) -> Result<Json, ApiError> {
    let dir = snap.path.parent().unwrap_or(Path::new("")).to_path_buf();
    let key = snap.path.display().to_string();
    let check = |stage: Stage| {
        pipeline::check_text(&key, &snap.text, RegisterSource::Folder(&dir, None), stage).map_err(
            |e| {
                ApiError::refused(msg!(
                    "with-reason",
                    what = msg!("serve-not-renderable"),
                    reason = e.to_string()
                ))
            },
        )
    };
    let final_ok = check(Stage::Final)?.renderable().is_some();
    let stage = match kind {
        Make::Final if !final_ok => return Err(ApiError::refused(msg!("serve-not-renderable"))),
        Make::Final => Stage::Final,
        Make::Slides => Stage::from_draft(!final_ok),
        Make::Draft | Make::Charts => Stage::Draft,
    };
    let outcome = check(stage)?;
    let Some(ev) = outcome.renderable() else {
        return Err(ApiError::refused(msg!("serve-not-renderable")));
    };
    if kind == Make::Charts {
        return charts(&snap.path, ev);
    }
    let standards =
        crate::pdf::standards::parse_standards(crate::pdf::standards::DEFAULT_STANDARDS)
            .unwrap_or_default();
    let (target, kept, request) = match kind {
        // Checked as `kompass slides` checks it: only a PDF is ever replaced, and never a final
        // one by a draft.
        Make::Slides => (
            crate::pdf::write::output_path(
                &snap.path,
                Some(&crate::pdf::write::slides_path(&snap.path, stage)),
                stage,
            ),
            None,
            Request::slides(stage, &[]),
        ),
        _ => {
            let target = crate::pdf::write::output_path(&snap.path, None, stage);
            let kept = match (&target, stage) {
                (Ok(t), Stage::Draft) => keep_sent_draft(t, &snap.text)?,
                _ => None,
            };
            (target, kept, Request::report(stage, &standards))
        }
    };
    let target = target.map_err(|e| {
        ApiError::refused(msg!(
            "with-reason",
            what = msg!("serve-not-made"),
            reason = e.to_string()
        ))
    })?;
    // After the fact-check, the page of changes says how many comments came and were handled.
    let changes = kept
        .as_ref()
        .and_then(|(_, old)| changes_page(&dir, old, ev))
        .map(|page| crate::pdf::typeset::ChangesPage {
            review: crate::review::file::counts_beside(&snap.path),
            ..page
        });
    let pdf = pipeline::render(ev, &request.with_changes(changes)).map_err(|e| {
        ApiError::refused(msg!(
            "with-reason",
            what = msg!("serve-not-made"),
            reason = e.to_string()
        ))
    })?;
    crate::pdf::write::atomic_write(&target, &pdf).map_err(|e| write_error(&target, &e))?;
    Ok(json!({
        "written": name_of(&target),
        "kept": kept.map(|(p, _)| name_of(&p)),
    }))
}

/// A draft already beside the evaluation whose evaluation differs from the one now is the one
/// sent for fact-checking: it is kept under a versioned name (`-utkast-v2.pdf`), never replaced
/// without a word. Its name and evaluation text.
fn keep_sent_draft(target: &Path, text: &str) -> Result<Option<(PathBuf, String)>, ApiError> {
    let Some(sent) = crate::files::read::bytes(target, crate::files::read::MAX_PDF_BYTES)
        .ok()
        .and_then(|pdf| crate::pdf::embed::read(&pdf).ok())
    else {
        return Ok(None);
    };
    // The PDF carries its evaluation without comments: the same evaluation is the same data.
    let data = |t: &str| t.parse::<toml::Table>().ok();
    if sent.source == text || data(&sent.source).is_some_and(|d| Some(d) == data(text)) {
        return Ok(None);
    }
    let version = crate::checks::prepared::load_str("evaluation.toml", &sent.source)
        .ok()
        .map_or(1, |l| crate::report::Report::build(&l).version().0);
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let free = (0..100)
        .map(|n| {
            let extra = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            target.with_file_name(format!("{stem}-v{version}{extra}.pdf"))
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .ok_or_else(|| ApiError::refused(msg!("serve-not-made")))?;
    std::fs::rename(target, &free).map_err(|e| write_error(&free, &e))?;
    Ok(Some((free, sent.source)))
}

/// The newest kept draft beside the evaluation (`<name>-utkast-vN.pdf`, highest N), if any.
pub fn newest_kept_draft(path: &Path) -> Option<PathBuf> {
    let stem = format!("{}-utkast-v", crate::pdf::write::stem(path));
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&stem)?.strip_suffix(".pdf")?;
            let (n, extra) = rest.split_once('-').unwrap_or((rest, "0"));
            Some((
                (n.parse::<u32>().ok()?, extra.parse::<u32>().ok()?),
                e.path(),
            ))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, p)| p)
}

/// The draft's page "Ändringar sedan version N", against the draft sent for fact-checking.
fn changes_page(
    dir: &Path,
    old: &str,
    new: &crate::checks::prepared::Prepared,
) -> Option<crate::pdf::typeset::ChangesPage> {
    let previous = pipeline::check_text(
        "evaluation.toml",
        old,
        RegisterSource::Folder(dir, None),
        Stage::Draft,
    )
    .ok()?
    .into_evaluation()?;
    pipeline::changes_page(&previous, new).ok()
}

/// Every chart of the report as SVG with its alt text, in `<evaluation>-diagram/` beside it. The
/// folder is one kompass names itself: a symlink there is refused, never written through.
fn charts(path: &Path, ev: &crate::checks::prepared::Prepared) -> Result<Json, ApiError> {
    let dir = path.with_file_name(format!("{}-diagram", crate::pdf::write::stem(path)));
    let not_made = |e: crate::base::error::Error| {
        ApiError::refused(msg!(
            "with-reason",
            what = msg!("serve-not-made"),
            reason = e.to_string()
        ))
    };
    let report = crate::report::Report::build(ev);
    let charts = crate::report::charts::draw_all(&report).map_err(not_made)?;
    let files = crate::report::charts::files(&charts, crate::report::charts::ImageFormat::Svg)
        .map_err(not_made)?;
    crate::pdf::write::own_dir(&dir).map_err(|e| write_error(&dir, &e))?;
    for (name, data) in &files {
        let target = dir.join(name);
        crate::pdf::write::atomic_write(&target, data).map_err(|e| write_error(&target, &e))?;
    }
    Ok(json!({"written": format!("{} ({})", name_of(&dir), charts.len())}))
}

/// What changed, as `kompass diff` says it: since the draft sent for fact-checking (the newest
/// kept draft, else the draft beside the evaluation: it carries its evaluation), or else since
/// the page opened the file.
pub fn changes(snap: &Snapshot, opened: &str) -> Result<Json, ApiError> {
    let draft = newest_kept_draft(&snap.path).unwrap_or_else(|| {
        snap.path
            .with_file_name(crate::pdf::write::default_name(&snap.path, Stage::Draft))
    });
    let sent = crate::files::read::bytes(&draft, crate::files::read::MAX_PDF_BYTES)
        .ok()
        .and_then(|pdf| crate::pdf::embed::read(&pdf).ok());
    let (since, old) = match &sent {
        Some(e) => (
            msg!("serve-since-draft", file = name_of(&draft)),
            e.source.clone(),
        ),
        None => (msg!("serve-since-opened"), opened.to_string()),
    };
    let report = |text: &str| {
        crate::checks::prepared::load_str("evaluation.toml", text)
            .ok()
            .map(|l| crate::report::Report::build(&l))
    };
    let (Some(before), Some(after)) = (report(&old), report(&snap.text)) else {
        return Err(ApiError::refused(msg!("serve-not-renderable")));
    };
    let changes = crate::report::diff::compare(&before, &after);
    let lines: Vec<String> = changes.iter().map(in_words).collect();
    Ok(json!({"since": since.text(), "text": lines.join("\n"), "count": changes.len()}))
}

/// One change as the page says it: in fields and words, not in diff notation
/// ("Område 4 Effektivitet – Styrkor, punkt 2: ”…” blev ”…”").
fn in_words(c: &crate::report::diff::Change) -> String {
    let quoted = |t: &Option<String>| format!("”{}”", t.as_deref().unwrap_or(""));
    let place = if c.label.is_empty() {
        c.section.clone()
    } else {
        format!("{}, {}", c.section, c.label)
    };
    match c.kind {
        "score" => format!(
            "{place}: {} blev {}{}",
            c.old.as_deref().unwrap_or(""),
            c.new.as_deref().unwrap_or(""),
            c.effect
                .as_deref()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default()
        ),
        "added" => format!("{place}: tillagt {}", quoted(&c.new)),
        "removed" => format!("{place}: borttaget {}", quoted(&c.old)),
        _ => format!("{place}: {} blev {}", quoted(&c.old), quoted(&c.new)),
    }
}
