//! `kompass comments`: the comments of a returned draft, each on its field; the review file
//! beside the evaluation; the answer to the municipality (`--reply`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kompass::base::messages::msg;
use kompass::review::file::{self, Entry, State};
use kompass::review::{Comment, Review, text};

use super::{Failure, Run, Strictness};

/// What `kompass comments` was asked.
#[derive(clap::Args)]
pub struct Args {
    /// The draft as it came back, with the municipality's comments.
    pdf: PathBuf,
    /// The evaluation (TOML): keep the review file beside it.
    evaluation: Option<PathBuf>,
    /// `text` for people, `json` for tools, `csv` for a spreadsheet.
    #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json", "csv"])]
    format: String,
    /// Write the answer to the municipality (bemötande) from the review file.
    #[arg(long, requires = "evaluation")]
    reply: bool,
    /// Where to write the answer: `.pdf` or `.md` (default: `<evaluation>-bemotande.pdf`).
    #[arg(short, long, requires = "reply")]
    output: Option<PathBuf>,
}

pub fn run(args: &Args) -> Run {
    let bytes = kompass::files::read::bytes(&args.pdf, kompass::files::read::MAX_PDF_BYTES)
        .map_err(|e| super::cannot_read(&args.pdf, e.to_string()))?;
    let review = kompass::review::read_comments(&bytes).map_err(|e| {
        Failure::trouble(msg!(
            "with-reason",
            what = args.pdf.display().to_string(),
            reason = e.message()
        ))
    })?;
    let pdf_name = name_of(&args.pdf);
    let Some(evaluation) = args.evaluation.as_deref() else {
        if args.reply {
            return Err(Failure::trouble(msg!("comments-reply-needs-evaluation")));
        }
        print!("{}", listed(&review, &[], &pdf_name, &args.format));
        return Ok(ExitCode::SUCCESS);
    };
    let now = quiet_load(evaluation)?;
    same_municipality(&now, &review, evaluation)?;
    let entries = review_file(evaluation, &review, &pdf_name)?;
    if args.reply {
        let target = args.output.as_deref();
        return write_reply(evaluation, &now, &review, &entries, target, &args.pdf);
    }
    print!("{}", listed(&review, &entries, &pdf_name, &args.format));
    Ok(ExitCode::SUCCESS)
}

/// The comments in the format asked for.
fn listed(review: &Review, entries: &[Entry], pdf_name: &str, format: &str) -> String {
    match format {
        "json" => format!("{}\n", json(review, entries, pdf_name)),
        "csv" => csv(review, entries),
        _ => text_list(review, entries, pdf_name),
    }
}

/// The evaluation, loaded and checked as a draft, without a word unless it cannot be used
/// (then its findings are printed as `check` prints them).
fn quiet_load(evaluation: &Path) -> Result<kompass::checks::prepared::Prepared, Failure> {
    let quiet = kompass::pipeline::check_path(evaluation, kompass::Stage::Draft);
    if let Ok(outcome) = quiet
        && outcome.renderable().is_some()
        && let Some(checked) = outcome.into_evaluation()
    {
        return Ok(checked);
    }
    super::load(
        evaluation,
        Strictness::at(kompass::Stage::Draft),
        msg!("consequence-no-review"),
    )
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Add the comments the review file lacks (creating it), and give its entries.
fn review_file(evaluation: &Path, review: &Review, pdf_name: &str) -> Result<Vec<Entry>, Failure> {
    let path = file::path_for(evaluation);
    let old = match kompass::files::read::bytes(&path, kompass::files::read::MAX_EVALUATION_BYTES) {
        Ok(bytes) => Some(
            String::from_utf8(bytes)
                .map_err(|_| super::cannot_read(&path, msg!("not-utf8").text()))?,
        ),
        Err(kompass::files::read::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            None
        }
        Err(e) => return Err(super::cannot_read(&path, e.to_string())),
    };
    let bad = |m: kompass::base::messages::Message| super::cannot_read(&path, m.text());
    let (new, added) = file::add(old.as_deref(), &review.comments, pdf_name).map_err(bad)?;
    if old.as_deref() != Some(new.as_str()) {
        super::write(&path, new.as_bytes())?;
    }
    let entries = file::entries(&new).map_err(bad)?;
    let open = entries.iter().filter(|e| e.state == State::Open).count();
    super::say(msg!(
        "comments-review-file",
        file = path.display().to_string(),
        added = added,
        open = open,
        count = entries.len()
    ));
    Ok(entries)
}

/// The evaluation given must be of the municipality the draft is of.
fn same_municipality(
    loaded: &kompass::checks::prepared::Prepared,
    review: &Review,
    evaluation: &Path,
) -> Result<(), Failure> {
    let name = |c: &kompass::checks::prepared::Prepared| {
        c.loaded
            .evaluation
            .municipality
            .name
            .get_ref()
            .trim()
            .to_string()
    };
    let Some(carried) = carried(review) else {
        return Ok(());
    };
    let (then, now) = (name(&carried), name(loaded));
    if then == now {
        return Ok(());
    }
    Err(Failure::trouble(msg!(
        "comments-other-municipality",
        evaluation = evaluation.display().to_string(),
        now = now,
        then = then
    )))
}

/// The evaluation the draft carries, loaded (its register is not needed for its texts).
fn carried(review: &Review) -> Option<kompass::checks::prepared::Prepared> {
    let (name, text) = review.evaluation.as_ref()?;
    use kompass::pipeline::{self, Outcome, RegisterSource, Stage};
    pipeline::check_text(name, text, RegisterSource::None, Stage::Draft)
        .ok()
        .and_then(Outcome::into_evaluation)
}

/// The list for people: one block per comment, in the report's order.
fn text_list(review: &Review, entries: &[Entry], pdf_name: &str) -> String {
    let mut out = String::new();
    if review.comments.is_empty() {
        out.push_str(&format!("{}\n", msg!("comments-none", pdf = pdf_name)));
    } else {
        let placed = review.comments.iter().filter(|c| c.field.is_some()).count();
        out.push_str(&format!(
            "{}\n",
            msg!(
                "comments-heading",
                pdf = pdf_name,
                count = review.comments.len(),
                placed = placed,
                outside = review.comments.len() - placed
            )
        ));
        if let (Some(v), Some((name, _))) = (review.version, &review.evaluation) {
            out.push_str(&format!(
                "{}\n",
                msg!("comments-heading-draft", version = v, name = name)
            ));
        }
    }
    for (i, c) in review.comments.iter().enumerate() {
        out.push('\n');
        out.push_str(&block(i + 1, c, file::state_of(entries, &c.id)));
    }
    out.push('\n');
    let pages = review.content.message().map_or(String::new(), |m| m.text());
    out.push_str(&format!("{pages}\n"));
    for note in &review.notes {
        out.push_str(&format!(
            "{}\n",
            msg!("comments-note", message = note.message())
        ));
    }
    out
}

fn block(n: usize, c: &Comment, entry: Option<&Entry>) -> String {
    let path = c
        .field
        .as_ref()
        .map_or(String::new(), |f| format!(" [{}]", f.path));
    let mut lines = vec![format!(
        "{}{path}",
        msg!(
            "comments-item",
            n = n,
            page = c.page,
            place = c.place.as_str()
        )
    )];
    let kind = kompass::base::phrases::capitalised(&c.kind.message().text());
    let by = if c.author.is_empty() {
        kind
    } else {
        msg!("comments-by", kind = kind, author = c.author.as_str()).text()
    };
    let by = match &c.date {
        Some(d) => msg!("comments-dated", what = by, date = d.as_str()).text(),
        None => by,
    };
    let how = match c.how {
        kompass::review::locate::How::Beside => format!(" {}", msg!("comments-how-beside")),
        kompass::review::locate::How::Near => format!(" {}", msg!("comments-how-near")),
        kompass::review::locate::How::Quoted => format!(" {}", msg!("comments-how-quoted")),
        kompass::review::locate::How::Nowhere if c.field.is_none() => String::new(),
        _ => String::new(),
    };
    lines.push(format!("{by}{how}"));
    if !c.marked.is_empty() {
        lines.push(msg!("comments-marked", text = text::shorten(&c.marked, 300)).text());
    }
    if !c.text.is_empty() {
        let said = text::one_line(&c.text);
        lines.push(match c.kind {
            kompass::review::CommentKind::Replacement => {
                msg!("comments-replace-with", text = said).text()
            }
            kompass::review::CommentKind::Insertion => msg!("comments-insert", text = said).text(),
            _ => msg!("comments-said", text = said).text(),
        });
    }
    for r in &c.replies {
        let who = match (&r.author, &r.date) {
            (a, Some(d)) if !a.is_empty() => format!("{a}, {d}"),
            (a, _) if !a.is_empty() => a.clone(),
            (_, Some(d)) => d.clone(),
            _ => msg!("comments-unnamed").text(),
        };
        lines.push(
            msg!(
                "comments-reply",
                author = who,
                text = text::one_line(&r.text)
            )
            .text(),
        );
    }
    if let Some(e) = entry {
        let reply = if e.reply.is_empty() {
            String::new()
        } else {
            format!(" – {}", text::one_line(&e.reply))
        };
        lines.push(format!(
            "{}{reply}",
            msg!("comments-state", state = e.state.message())
        ));
    }
    let mut out = lines[0].clone();
    out.push('\n');
    for l in &lines[1..] {
        out.push_str(&format!("   {l}\n"));
    }
    out
}

/// The comments for tools: every field of each, its state when the review file has one.
fn json(review: &Review, entries: &[Entry], pdf_name: &str) -> String {
    let comments: Vec<serde_json::Value> = review
        .comments
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c).unwrap_or_default();
            if let (Some(e), Some(map)) = (file::state_of(entries, &c.id), v.as_object_mut()) {
                map.insert(
                    "state".into(),
                    serde_json::to_value(e.state).unwrap_or_default(),
                );
                map.insert("reply".into(), e.reply.clone().into());
            }
            v
        })
        .collect();
    let out = serde_json::json!({
        "pdf": pdf_name,
        "evaluation": review.evaluation.as_ref().map(|e| &e.0),
        "version": review.version,
        "pages": review.pages,
        "content": review.content,
        "notes": review.notes.iter().map(|n| n.message().text()).collect::<Vec<_>>(),
        "comments": comments,
    });
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// The comments as CSV (RFC 4180, UTF-8), a row each, for a spreadsheet. A cell that a
/// spreadsheet would take for a formula (`=`, `+`, `-`, `@`) is kept as text.
fn csv(review: &Review, entries: &[Entry]) -> String {
    let cell = |s: &str| {
        let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let mut out = String::from(
        "nr,sida,plats,fält,typ,författare,datum,markerat,kommentar,svar i tråden,status,svar\n",
    );
    for (i, c) in review.comments.iter().enumerate() {
        let replies: Vec<String> = c
            .replies
            .iter()
            .map(|r| format!("{}: {}", r.author, text::one_line(&r.text)))
            .collect();
        let entry = file::state_of(entries, &c.id);
        let row = [
            (i + 1).to_string(),
            c.page.to_string(),
            c.place.clone(),
            c.field
                .as_ref()
                .map_or(String::new(), |f| f.path.to_string()),
            c.kind.message().text(),
            c.author.clone(),
            c.date.clone().unwrap_or_default(),
            c.marked.clone(),
            c.text.clone(),
            replies.join(" | "),
            entry.map_or(String::new(), |e| e.state.message().text()),
            entry.map_or(String::new(), |e| e.reply.clone()),
        ];
        out.push_str(&row.iter().map(|s| cell(s)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// Write the answer to the municipality: PDF, or Markdown for `.md` / `.txt`.
fn write_reply(
    evaluation: &Path,
    now: &kompass::checks::prepared::Prepared,
    review: &Review,
    entries: &[Entry],
    output: Option<&Path>,
    pdf: &Path,
) -> Run {
    let target = output.map(Path::to_path_buf).unwrap_or_else(|| {
        let stem = evaluation.file_stem().map_or_else(
            || "utvardering".into(),
            |s| s.to_string_lossy().into_owned(),
        );
        evaluation.with_file_name(format!("{stem}-bemotande.pdf"))
    });
    let extension = target
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let review_path = file::path_for(evaluation);
    let same = |a: &Path| {
        std::fs::canonicalize(a)
            .ok()
            .is_some_and(|a| std::fs::canonicalize(&target).ok() == Some(a))
    };
    if !matches!(extension.as_str(), "pdf" | "md" | "txt")
        || same(evaluation)
        || same(pdf)
        || same(&review_path)
    {
        return Err(Failure::trouble(msg!(
            "comments-reply-target",
            target = target.display().to_string()
        )));
    }
    let before = carried(review);
    let answer = kompass::review::reply::answer(
        entries,
        before.as_ref(),
        now,
        review.version,
        kompass::review::reply::today(),
    );
    let bytes = if extension == "pdf" {
        kompass::review::reply::pdf(&answer)?
    } else {
        kompass::review::reply::markdown(&answer).into_bytes()
    };
    super::write(&target, &bytes)?;
    super::say(msg!(
        "comments-reply-written",
        path = target.display().to_string(),
        count = answer.items.len()
    ));
    Ok(ExitCode::SUCCESS)
}
