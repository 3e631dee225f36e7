//! The report's pages beside the form, typeset on a thread of their own: a save never waits for
//! them, and when several changes come while a page is being typeset, the next run takes only the
//! newest text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use serde_json::{Value as Json, json};

use crate::pipeline::{self, Outcome, RegisterSource, Session, Stage};

/// What to typeset: the text of one version of the evaluation.
#[derive(Debug, Clone)]
pub struct Job {
    pub version: u64,
    pub path: PathBuf,
    pub text: String,
}

/// One page: its hash, its SVG and the headings on it.
#[derive(Clone)]
struct Page {
    hash: String,
    svg: Arc<String>,
    headings: Vec<String>,
}

#[derive(Default)]
struct Pages {
    /// The version of the text they show, and the file.
    version: u64,
    path: PathBuf,
    list: Vec<Page>,
}

/// The pages, and the next job.
#[derive(Default)]
pub struct Preview {
    next: Mutex<Option<Job>>,
    wake: Condvar,
    pages: Mutex<Pages>,
}

impl Preview {
    /// Ask for the pages of this text; an older job still waiting is dropped.
    pub fn want(&self, job: Job) {
        *self.next.lock().unwrap_or_else(|p| p.into_inner()) = Some(job);
        self.wake.notify_all();
    }

    /// Typeset jobs as they come, for ever; `done` is called with each version typeset.
    pub fn run(&self, done: &dyn Fn(u64)) {
        // One session for the thread's life: a text already checked is not checked again.
        let mut engine = Session::new();
        loop {
            let job = {
                let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
                loop {
                    if let Some(job) = next.take() {
                        break job;
                    }
                    next = self.wake.wait(next).unwrap_or_else(|p| p.into_inner());
                }
            };
            self.typeset_with(&mut engine, &job);
            done(job.version);
        }
    }

    /// Typeset one job now (also used once before the server answers, so the first page shows
    /// at once).
    pub fn typeset(&self, job: &Job) {
        self.typeset_with(&mut Session::new(), job);
    }

    fn typeset_with(&self, engine: &mut Session, job: &Job) {
        let known: HashMap<String, Arc<String>> = {
            let pages = self.pages.lock().unwrap_or_else(|p| p.into_inner());
            pages
                .list
                .iter()
                .map(|p| (p.hash.clone(), Arc::clone(&p.svg)))
                .collect()
        };
        let Some(list) = render(engine, job, &known) else {
            return;
        };
        let mut pages = self.pages.lock().unwrap_or_else(|p| p.into_inner());
        *pages = Pages {
            version: job.version,
            path: job.path.clone(),
            list,
        };
    }

    /// The pages as the state lists them, for the file `path`.
    pub fn json(&self, path: &Path) -> Json {
        let pages = self.pages.lock().unwrap_or_else(|p| p.into_inner());
        if pages.path != path {
            return json!({"version": null, "list": []});
        }
        json!({
            "version": pages.version,
            "list": pages.list.iter().map(|p| json!({"hash": p.hash, "headings": p.headings})).collect::<Vec<_>>(),
        })
    }

    /// A page's SVG and hash.
    pub fn page(&self, n: usize) -> Option<(String, Arc<String>)> {
        let pages = self.pages.lock().unwrap_or_else(|p| p.into_inner());
        pages
            .list
            .get(n)
            .map(|p| (p.hash.clone(), Arc::clone(&p.svg)))
    }

    /// Forget the pages (another file is opened).
    pub fn clear(&self) {
        *self.pages.lock().unwrap_or_else(|p| p.into_inner()) = Pages::default();
    }
}

/// Check the text and, when it can be drawn, typeset it as a draft: only the pages whose hash is
/// new are drawn as SVG again.
fn render(
    engine: &mut Session,
    job: &Job,
    known: &HashMap<String, Arc<String>>,
) -> Option<Vec<Page>> {
    let dir = job.path.parent().unwrap_or(Path::new("")).to_path_buf();
    let key = job.path.display().to_string();
    let outcome = engine.update(
        &key,
        &job.text,
        RegisterSource::Folder(&dir, None),
        Stage::Draft,
    );
    let Ok(Outcome::Loaded { evaluation, .. }) = outcome else {
        return None;
    };
    let has = |h: u128| known.contains_key(&format!("{h:032x}"));
    let pages = pipeline::pages(evaluation, Stage::Draft, &has);
    // Typst's caches are the process's: what the last few renders did not use goes, so a long
    // session keeps its memory bounded.
    pipeline::forget_older_than(3);
    let pages = pages.ok()?;
    Some(
        pages
            .into_iter()
            .map(|p| {
                let hash = format!("{:032x}", p.hash);
                let svg = match p.svg {
                    Some(svg) => Arc::new(svg),
                    None => known.get(&hash).cloned().unwrap_or_default(),
                };
                Page {
                    hash,
                    svg,
                    headings: p.headings,
                }
            })
            .collect(),
    )
}
