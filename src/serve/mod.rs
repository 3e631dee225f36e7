//! `kompass serve`: the evaluation as a form in the browser, the report's pages beside it, every
//! finding at its field, saved to the same TOML file.
//!
//! A small HTTP server on 127.0.0.1 ([`http`]) that treats the browser as a hostile neighbour
//! ([`guard`]): the `Host` must be the server's own (no DNS rebinding); the launch address's token
//! is only the way in, traded by the page's script for a tab key that goes with every `/api/`
//! request in a header (never a cookie: browsers send cookies to every port of a host); writes
//! are `application/json` only and from the server's own `Origin`; every request is bounded in
//! size and time; no CORS header is sent; and the only files it writes are the served evaluation
//! (and its PDFs and charts beside it). Edits are applied with toml_edit ([`edit`]) so that
//! comments and layout survive; the file is written through a temporary file and a rename. A
//! file changed on disk while the page is open is never overwritten: the page is told, with what
//! differs, and the user chooses. What is kept between runs (port, secrets) is in [`home`].

pub mod edit;
pub mod guard;
pub mod home;
pub mod http;

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::{Value as Json, json};

use crate::engine::{Engine, Outcome, RegisterSource};
use crate::error::{Error, Result};
use crate::messages::{Lang, msg};
use guard::{Denied, Keys};
use http::{Request, Response};

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");

/// A running editor server.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
}

struct Shared {
    keys: Keys,
    port: u16,
    lang: Lang,
    state: Mutex<State>,
    /// The folder's listing, each file's counts kept by its identity (size, time, inode), so a
    /// listing reads again only what changed, and never under the state's lock.
    listing: Mutex<HashMap<PathBuf, (FileId, Json)>>,
}

/// The served evaluation as the server knows it.
struct State {
    /// In folder mode, the folder; `path` is then the evaluation open in the page.
    folder: Option<PathBuf>,
    /// Whether an evaluation is open (a folder without a readable one has none).
    has_file: bool,
    path: PathBuf,
    /// The text as kompass last read or wrote it.
    text: String,
    /// What was on disk then: a change on disk since is someone else's.
    disk: Vec<u8>,
    engine: Engine,
    /// Each page's hash and SVG, from the last render that succeeded.
    pages: Vec<(String, Arc<String>, Vec<String>)>,
    /// Counts saved changes.
    version: u64,
    /// The text when the page first opened it: "what changed" without a draft to compare with.
    opened: String,
    /// The texts before each saved change, for undo; and those undone, for redo.
    undo: Vec<String>,
    redo: Vec<String>,
}

/// How many changes can be undone.
const UNDO_DEPTH: usize = 200;

/// At most this many connections are answered at once.
const MAX_CONNECTIONS: usize = 32;

impl Server {
    /// Serve `path` (an evaluation file) on `127.0.0.1:port` (0: any free port), with new
    /// secrets. A folder serves every evaluation (`.toml`) in it, one at a time: the page lists
    /// them and makes new ones there.
    pub fn start(path: &Path, port: u16, lang: Lang) -> Result<Server> {
        let listener = listen(port)?;
        Server::with(path, listener, Keys::random(), lang)
    }

    /// As [`Server::start`], but with the port and secrets kept from the last time the same
    /// file or folder was served ([`home`]), so that an open tab reconnects after a restart.
    /// `port` overrides the kept one; a kept port now taken by another program gives way to a
    /// free one.
    pub fn start_kept(path: &Path, port: Option<u16>, lang: Lang) -> Result<Server> {
        let saved = home::load(path);
        let keys = saved.as_ref().map_or_else(Keys::random, |s| s.keys.clone());
        let listener = match (port, saved.as_ref().map(|s| s.port)) {
            (Some(p), _) => listen(p)?,
            (None, Some(p)) => listen(p).or_else(|_| listen(0))?,
            (None, None) => listen(0)?,
        };
        let server = Server::with(path, listener, keys, lang)?;
        let kept = home::Saved {
            port: server.shared.port,
            keys: server.shared.keys.clone(),
        };
        // Without a place to keep them the server still works; a restart then needs the new
        // address.
        let _ = home::save(path, &kept);
        Ok(server)
    }

    fn with(path: &Path, listener: TcpListener, keys: Keys, lang: Lang) -> Result<Server> {
        let port = listener.local_addr().map_or(0, |a| a.port());
        let mut state = State::serving(path)?;
        state.refresh();
        Ok(Server {
            listener,
            shared: Arc::new(Shared {
                keys,
                port,
                lang,
                state: Mutex::new(state),
                listing: Mutex::new(HashMap::new()),
            }),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.shared.port))
    }

    /// The token of the launch address (`/?token=…`), which a tab trades for its key.
    pub fn token(&self) -> &str {
        self.shared.keys.launch()
    }

    /// A new tab's key, as `POST /api/session` gives one (for tests and benchmarks).
    pub fn tab_key(&self) -> String {
        self.shared.keys.tab_key()
    }

    /// The launch URL: the page, with the token.
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}/?token={}",
            self.shared.port,
            self.shared.keys.launch()
        )
    }

    /// Answer requests until the process ends, one thread per connection, at most
    /// [`MAX_CONNECTIONS`] at once. When all are taken, the one that has waited longest for
    /// its request head is closed to make room: clients that send their head slowly (or never)
    /// cannot keep the page out, since the page's own requests arrive whole at once.
    pub fn run(self) {
        let slots = Arc::new(Slots::default());
        for stream in self.listener.incoming().flatten() {
            let Some(id) = slots.admit(&stream) else {
                continue;
            };
            let shared = Arc::clone(&self.shared);
            let slots = Arc::clone(&slots);
            std::thread::spawn(move || {
                serve_one(&shared, stream, &|| slots.head_read(id));
                slots.leave(id);
            });
        }
    }

    /// Answer requests on a thread of its own (for tests and benchmarks): the address, and a
    /// tab's key.
    pub fn spawn(self) -> (SocketAddr, String) {
        let (addr, key) = (self.addr(), self.tab_key());
        std::thread::spawn(move || self.run());
        (addr, key)
    }
}

fn listen(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|source| Error::Io {
        what: msg!("serve-cannot-listen", port = port),
        source,
    })
}

/// The connections being answered.
#[derive(Default)]
struct Slots {
    list: Mutex<Vec<Slot>>,
    next: AtomicU64,
}

struct Slot {
    id: u64,
    since: Instant,
    /// Still reading its request head.
    reading: bool,
    stream: TcpStream,
}

impl Slots {
    /// Take a slot for a new connection, closing the oldest one still sending its head when
    /// all are taken; `None` when every slot is busy answering.
    fn admit(&self, stream: &TcpStream) -> Option<u64> {
        let mut list = self.list.lock().unwrap_or_else(|p| p.into_inner());
        if list.len() >= MAX_CONNECTIONS {
            let oldest = list
                .iter()
                .enumerate()
                .filter(|(_, s)| s.reading)
                .min_by_key(|(_, s)| s.since)
                .map(|(i, _)| i)?;
            let slow = list.swap_remove(oldest);
            let _ = slow.stream.shutdown(std::net::Shutdown::Both);
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        list.push(Slot {
            id,
            since: Instant::now(),
            reading: true,
            stream: stream.try_clone().ok()?,
        });
        Some(id)
    }

    fn head_read(&self, id: u64) {
        let mut list = self.list.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(s) = list.iter_mut().find(|s| s.id == id) {
            s.reading = false;
        }
    }

    fn leave(&self, id: u64) {
        let mut list = self.list.lock().unwrap_or_else(|p| p.into_inner());
        list.retain(|s| s.id != id);
    }
}

/// A file's identity as the folder listing keeps it: size, modification time, inode.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileId(u64, Option<std::time::SystemTime>, u64);

impl FileId {
    fn of(meta: &std::fs::Metadata) -> FileId {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        FileId(meta.len(), meta.modified().ok(), inode)
    }
}

/// The text of an evaluation file, and its bytes as read.
fn read_text(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = crate::read::bytes(path, crate::read::MAX_EVALUATION_BYTES).map_err(|e| {
        Error::Read(msg!(
            "cannot-read",
            path = path.display().to_string(),
            reason = e.message()
        ))
    })?;
    let text = String::from_utf8(bytes.clone()).map_err(|_| Error::Read(msg!("not-utf8")))?;
    Ok((text, bytes))
}

/// The evaluation files of a folder: every regular `.toml` file in it (not below), in name
/// order. A symlink is never listed, so a link to a file outside the folder is not opened.
fn evaluations_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| {
                    let e = e.ok()?;
                    let regular = e.file_type().ok()?.is_file();
                    let path = e.path();
                    (regular && path.extension().is_some_and(|x| x == "toml")).then_some(path)
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn serve_one(shared: &Shared, mut stream: TcpStream, head_read: &dyn Fn()) {
    crate::messages::set_lang(shared.lang);
    match http::read_request(&mut stream) {
        Ok(request) => {
            head_read();
            http::write_response(&mut stream, &respond(shared, &request));
        }
        Err(http::Refused(status)) => {
            http::write_response(&mut stream, &Response::refuse(status, "bad request"));
            // What the client still sends is read and dropped (within a bound), so that the
            // refusal reaches it instead of a reset connection.
            let _ = stream.shutdown(std::net::Shutdown::Write);
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(1)));
            let _ = std::io::copy(
                &mut std::io::Read::take(&mut stream, 4 * http::MAX_BODY as u64),
                &mut std::io::sink(),
            );
        }
    }
}

/// The security rules ([`guard`]), then the route.
fn respond(shared: &Shared, r: &Request) -> Response {
    match checked(shared, r) {
        Ok(()) => route(shared, r),
        Err(denied) => Response::refuse(denied.status(), denied.reason()),
    }
}

/// The page itself (no data in it) needs only the right `Host`; a tab's key is asked for with
/// the launch token; everything else under `/api/` needs a tab's key, and a write the server's
/// own `Origin` and JSON.
fn checked(shared: &Shared, r: &Request) -> std::result::Result<(), Denied> {
    let host = guard::own_host(r, shared.port)?;
    let is_api = r.path.starts_with("/api/");
    if r.method == "POST" {
        guard::own_write(r, host)?;
    }
    match (r.method.as_str(), r.path.as_str()) {
        ("POST", "/api/session") => guard::launch(r, &shared.keys),
        _ if is_api => guard::tab(r, &shared.keys),
        _ => Ok(()),
    }
}

fn route(shared: &Shared, r: &Request) -> Response {
    let page = |body: &str, kind: &'static str| {
        Response::new(200, kind, body.to_string()).with("Cache-Control", "no-store")
    };
    match (r.method.as_str(), r.path.as_str()) {
        ("GET", "/") => page(INDEX, "text/html; charset=utf-8").with(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
        ),
        ("GET", "/app.js") => page(SCRIPT, "text/javascript; charset=utf-8"),
        ("GET", "/app.css") => page(STYLE, "text/css; charset=utf-8"),
        ("POST", "/api/session") => {
            Response::json(200, &json!({"key": shared.keys.tab_key()}))
                .with("Cache-Control", "no-store")
        }
        ("GET", "/api/state") => with_state(shared, |s| Response::json(200, &s.json(true))),
        ("GET", "/api/municipalities") => Response::json(200, &municipalities()),
        ("GET", "/api/files") => files(shared),
        ("POST", "/api/open") => open(shared, &r.body),
        ("POST", "/api/new") => with_state(shared, |s| s.create(&r.body)),
        ("GET", "/api/disk") => disk(shared),
        ("GET", "/api/changes") => changes(shared),
        ("GET" | "POST", p) if p.starts_with("/api/") => with_file(shared, r),
        ("GET" | "POST", _) => Response::refuse(404, "not found"),
        _ => Response::refuse(405, "method not allowed"),
    }
}

/// The routes that need an open evaluation.
fn with_file(shared: &Shared, r: &Request) -> Response {
    with_state(shared, |s| {
        if !s.has_file {
            return Response::refuse(404, "no evaluation is open");
        }
        match (r.method.as_str(), r.path.as_str()) {
            ("POST", "/api/undo") => s.undo_redo(true),
            ("POST", "/api/redo") => s.undo_redo(false),
            ("GET", p) if p.starts_with("/api/page/") => s.page(p),
            ("POST", "/api/edit") => s.edit(&r.body),
            ("POST", "/api/resolve") => s.resolve(&r.body),
            ("POST", "/api/pdf") => s.pdf(&r.body),
            _ => Response::refuse(404, "not found"),
        }
    })
}

/// Whether the file on disk is still what kompass last read or wrote: read without the
/// state's lock, compared under it.
fn disk(shared: &Shared) -> Response {
    let Some(path) = with_state_ref(shared, |s| s.has_file.then(|| s.path.clone())) else {
        return Response::json(200, &json!({"changed": false}));
    };
    let now = crate::read::bytes(&path, crate::read::MAX_EVALUATION_BYTES).unwrap_or_default();
    with_state(shared, |s| {
        if s.path != path || now == s.disk {
            Response::json(200, &json!({"changed": false}))
        } else {
            s.conflict(&now)
        }
    })
}

fn with_state<T>(shared: &Shared, f: impl FnOnce(&mut State) -> T) -> T {
    match shared.state.lock() {
        Ok(mut s) => f(&mut s),
        Err(poisoned) => f(&mut poisoned.into_inner()),
    }
}

fn with_state_ref<T>(shared: &Shared, f: impl FnOnce(&State) -> T) -> T {
    with_state(shared, |s| f(s))
}

/// In folder mode: every evaluation of the folder, with how many errors and warnings a draft of
/// it has, or why it cannot be read. Checked without the state's lock, and each file only again
/// when it changed.
fn files(shared: &Shared) -> Response {
    let (folder, current) = with_state_ref(shared, |s| {
        (s.folder.clone(), s.has_file.then(|| s.path.clone()))
    });
    let Some(folder) = folder else {
        return Response::json(200, &json!({"folder": null, "files": []}));
    };
    let paths = evaluations_in(&folder);
    let lock = || shared.listing.lock().unwrap_or_else(|p| p.into_inner());
    let files: Vec<Json> = paths
        .iter()
        .map(|p| {
            let id = std::fs::metadata(p).ok().map(|m| FileId::of(&m));
            let kept = id.as_ref().and_then(|id| {
                lock()
                    .get(p)
                    .filter(|(i, _)| i == id)
                    .map(|(_, j)| j.clone())
            });
            let mut entry = kept.unwrap_or_else(|| {
                let entry = file_entry(p);
                if let Some(id) = id {
                    lock().insert(p.clone(), (id, entry.clone()));
                }
                entry
            });
            entry["current"] = Json::Bool(current.as_ref() == Some(p));
            entry
        })
        .collect();
    lock().retain(|p, _| paths.contains(p));
    Response::json(
        200,
        &json!({"folder": folder.file_name().map(|n| n.to_string_lossy().into_owned()), "files": files}),
    )
}

/// One file of the listing: its name and counts, or its problem.
fn file_entry(p: &Path) -> Json {
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
    match Engine::new().check_path(p, true) {
        Ok(o) => {
            let (errors, warnings) = crate::diagnostics::counts(o.findings());
            // A file that cannot be drawn at all says why, with its first error.
            let problem = o.renderable().is_none().then(|| {
                o.findings()
                    .iter()
                    .find(|d| d.severity == crate::diagnostics::Severity::Error)
                    .map(|d| d.message.text())
            });
            json!({"name": name, "errors": errors, "warnings": warnings, "problem": problem.flatten()})
        }
        Err(e) => json!({"name": name, "errors": 1, "warnings": 0, "problem": e.to_string()}),
    }
}

/// In folder mode: open another evaluation of the folder, named as the list names it. No path
/// from the page is used: only a name that is in the list. The file is read without the lock.
fn open(shared: &Shared, body: &[u8]) -> Response {
    let name = serde_json::from_slice::<Json>(body)
        .ok()
        .and_then(|v| v["name"].as_str().map(str::to_string));
    let Some(folder) = with_state_ref(shared, |s| s.folder.clone()) else {
        return Response::refuse(404, "not serving a folder");
    };
    let Some(path) = evaluations_in(&folder)
        .into_iter()
        .find(|p| name.as_deref() == p.file_name().and_then(|n| n.to_str()))
    else {
        return Response::refuse(404, "no such evaluation in the folder");
    };
    match read_text(&path) {
        Ok((text, bytes)) => with_state(shared, |s| s.switch_to(path, text, bytes)),
        Err(e) => Response::json(422, &json!({"refused": e.to_string()})),
    }
}

/// What changed, as `kompass diff` says it: since the draft PDF beside the evaluation (the one
/// sent for fact-checking carries its evaluation), or else since the page opened it. The draft
/// is read without the state's lock.
fn changes(shared: &Shared) -> Response {
    let Some((path, opened, text)) = with_state_ref(shared, |s| {
        s.has_file
            .then(|| (s.path.clone(), s.opened.clone(), s.text.clone()))
    }) else {
        return Response::refuse(404, "no evaluation is open");
    };
    let draft = crate::write::default_name(&path, crate::write::Kind::Draft);
    let draft = path.with_file_name(draft);
    let sent = crate::read::bytes(&draft, crate::read::MAX_PDF_BYTES)
        .ok()
        .and_then(|pdf| crate::embed::read(&pdf).ok());
    let (since, old) = match &sent {
        Some(e) => (
            msg!(
                "serve-since-draft",
                file = draft
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            e.source.clone(),
        ),
        None => (msg!("serve-since-opened"), opened),
    };
    let report = |text: &str| {
        crate::check::load_str("evaluation.toml", text)
            .ok()
            .map(|l| crate::report::Report::build(&l))
    };
    let (Some(before), Some(after)) = (report(&old), report(&text)) else {
        return Response::json(
            422,
            &json!({"refused": msg!("serve-not-renderable").text()}),
        );
    };
    let changes = crate::diff::compare(&before, &after);
    Response::json(
        200,
        &json!({"since": since.text(), "text": crate::diff::to_text(&changes), "count": changes.len()}),
    )
}

/// Sweden's municipalities for the name field's suggestions.
fn municipalities() -> Json {
    Json::Array(
        crate::municipalities::all()
            .iter()
            .map(|m| {
                json!({
                    "name": m.name,
                    "genitive": m.genitive,
                    "official_name": m.official_name,
                    "population": m.population,
                })
            })
            .collect(),
    )
}

impl State {
    /// Check the text again and, when it can be drawn, render its pages as a draft.
    fn refresh(&mut self) {
        if !self.has_file {
            return;
        }
        let dir = self.path.parent().unwrap_or(Path::new("")).to_path_buf();
        let key = self.path.display().to_string();
        let outcome =
            self.engine
                .update(&key, &self.text, RegisterSource::Folder(&dir, None), true);
        let Ok(Outcome::Loaded { evaluation, .. }) = outcome else {
            return;
        };
        let options = crate::typeset::Options {
            draft: true,
            ..Default::default()
        };
        // Typst's caches are the process's: a second handle on the engine shares them.
        let known: std::collections::HashMap<String, Arc<String>> = self
            .pages
            .iter()
            .map(|(h, svg, _)| (h.clone(), Arc::clone(svg)))
            .collect();
        let has = |h: u128| known.contains_key(&format!("{h:032x}"));
        if let Ok(pages) = Engine::new().pages(evaluation, &options, &has) {
            self.pages = pages
                .into_iter()
                .map(|p| {
                    let h = format!("{:032x}", p.hash);
                    let svg = match p.svg {
                        Some(svg) => Arc::new(svg),
                        None => known.get(&h).cloned().unwrap_or_default(),
                    };
                    (h, svg, p.headings)
                })
                .collect();
        }
        self.engine.forget_older_than(3);
    }

    /// The state the page shows: the data, the findings with their fields, the totals, the
    /// pages' hashes; with `full`, the TOML text too.
    fn json(&mut self, full: bool) -> Json {
        if !self.has_file {
            return json!({
                "version": self.version, "file": null, "data": null, "framework": null,
                "findings": [], "blocking": [], "totals": null, "pages": [],
                "folder": self.folder.is_some(), "undo": false, "redo": false, "text": "",
            });
        }
        let dir = self.path.parent().unwrap_or(Path::new("")).to_path_buf();
        let key = self.path.display().to_string();
        let outcome =
            self.engine
                .update(&key, &self.text, RegisterSource::Folder(&dir, None), true);
        let (findings, totals, blocking) = match &outcome {
            Ok(o) => {
                let findings = findings_json(o, o.findings());
                let totals = o.renderable().map(totals_json).unwrap_or(Json::Null);
                let errors_of = |list: Json| -> Vec<Json> {
                    list.as_array()
                        .map(|a| {
                            a.iter()
                                .filter(|f| f["severity"] == "error")
                                .cloned()
                                .collect()
                        })
                        .unwrap_or_default()
                };
                // What stops a final PDF: every error, and a final report's own checks.
                let blocking = match o.renderable() {
                    Some(ev) => errors_of(findings_json(o, &Engine::new().findings(ev, false))),
                    None => errors_of(findings.clone()),
                };
                (findings, totals, blocking)
            }
            Err(e) => (
                json!([{"severity": "error", "path": "", "message": e.to_string()}]),
                Json::Null,
                Vec::new(),
            ),
        };
        let data = toml::from_str::<toml::Table>(&self.text)
            .map(|t| to_json(&toml::Value::Table(t)))
            .unwrap_or(Json::Null);
        let mut out = json!({
            "version": self.version,
            "file": self.path.file_name().map(|n| n.to_string_lossy().into_owned()),
            "data": data,
            "framework": framework_json(&self.text),
            "findings": findings,
            "blocking": blocking,
            "totals": totals,
            "pages": self.pages.iter().map(|(h, _, heads)| json!({"hash": h, "headings": heads})).collect::<Vec<_>>(),
            "folder": self.folder.is_some(),
            "undo": !self.undo.is_empty(),
            "redo": !self.redo.is_empty(),
        });
        if full {
            out["text"] = Json::String(self.text.clone());
        }
        out
    }

    fn page(&self, path: &str) -> Response {
        let n: Option<usize> = path
            .trim_start_matches("/api/page/")
            .trim_end_matches(".svg")
            .parse()
            .ok();
        match n.and_then(|n| self.pages.get(n)) {
            Some((hash, svg, _)) => Response::new(200, "image/svg+xml", svg.as_bytes().to_vec())
                .with("ETag", format!("\"{hash}\""))
                .with("Cache-Control", "private, max-age=31536000, immutable"),
            None => Response::refuse(404, "no such page"),
        }
    }

    /// Whether the file on disk is still what kompass last read or wrote.
    fn disk_unchanged(&self) -> std::result::Result<(), Vec<u8>> {
        match crate::read::bytes(&self.path, crate::read::MAX_EVALUATION_BYTES) {
            Ok(now) if now == self.disk => Ok(()),
            Ok(now) => Err(now),
            Err(_) => Err(Vec::new()),
        }
    }

    /// Apply the page's edits, save, and answer with the new state. A file changed on disk is
    /// not written: the answer is 409 with what differs.
    fn edit(&mut self, body: &[u8]) -> Response {
        #[derive(serde::Deserialize)]
        struct Edits {
            edits: Vec<edit::Edit>,
        }
        let Ok(Edits { edits }) = serde_json::from_slice::<Edits>(body) else {
            return Response::refuse(400, "expected {\"edits\": [...]}");
        };
        if let Err(disk) = self.disk_unchanged() {
            return self.conflict(&disk);
        }
        let Ok(mut doc) = self.text.parse::<toml_edit::DocumentMut>() else {
            return Response::json(422, &json!({"refused": msg!("serve-syntax-first").text()}));
        };
        for e in &edits {
            if let Err(m) = edit::apply(&mut doc, e) {
                let path = match e {
                    edit::Edit::Set { path, .. }
                    | edit::Edit::Insert { path, .. }
                    | edit::Edit::Remove { path }
                    | edit::Edit::Move { path, .. }
                    | edit::Edit::Add { path } => path.clone(),
                };
                return Response::json(422, &json!({"refused": m.text(), "path": path}));
            }
        }
        let text = doc.to_string();
        if let Err(e) = crate::write::atomic_write(&self.path, text.as_bytes()) {
            return Response::json(
                500,
                &json!({"refused": msg!("with-reason", what = msg!("cannot-write", path = self.path.display().to_string()), reason = crate::messages::io_reason(&e)).text()}),
            );
        }
        self.disk = text.clone().into_bytes();
        let before = std::mem::replace(&mut self.text, text);
        if before != self.text {
            self.undo.push(before);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        self.version += 1;
        self.refresh();
        Response::json(200, &self.json(false))
    }

    /// Show `path` with its text and bytes as just read: a new start for undo and the pages.
    fn switch_to(&mut self, path: PathBuf, text: String, bytes: Vec<u8>) -> Response {
        self.load(path, text, bytes);
        self.refresh();
        Response::json(200, &self.json(true))
    }

    fn load(&mut self, path: PathBuf, text: String, bytes: Vec<u8>) {
        self.has_file = true;
        self.path = path;
        self.opened = text.clone();
        self.text = text;
        self.disk = bytes;
        self.undo.clear();
        self.redo.clear();
        self.pages.clear();
        self.version += 1;
    }

    /// What is served at the start: the file, or in a folder its first evaluation that can be
    /// read (one that cannot is listed with its problem); a folder without one opens with none.
    fn serving(path: &Path) -> Result<State> {
        let folder = path.is_dir().then(|| path.to_path_buf());
        let mut state = State {
            has_file: false,
            path: folder.clone().unwrap_or_default(),
            folder,
            text: String::new(),
            disk: Vec::new(),
            engine: Engine::new(),
            pages: Vec::new(),
            version: 0,
            opened: String::new(),
            undo: Vec::new(),
            redo: Vec::new(),
        };
        let first = match &state.folder {
            Some(folder) => evaluations_in(folder)
                .into_iter()
                .find_map(|p| read_text(&p).ok().map(|t| (p, t))),
            None => Some((path.to_path_buf(), read_text(path)?)),
        };
        if let Some((path, (text, bytes))) = first {
            state.load(path, text, bytes);
        }
        Ok(state)
    }

    /// In folder mode: a new evaluation of a municipality (as `kompass new` writes it), opened.
    fn create(&mut self, body: &[u8]) -> Response {
        let Some(folder) = self.folder.clone() else {
            return Response::refuse(404, "not serving a folder");
        };
        let name = serde_json::from_slice::<Json>(body)
            .ok()
            .and_then(|v| v["municipality"].as_str().map(str::to_string))
            .unwrap_or_default();
        // Only the file name is taken from the municipality's name, and only when it is a
        // plain name: the file goes into the served folder and nowhere else.
        let file = crate::skeleton::default_path(&name);
        let plain = file.to_str().is_some_and(crate::read::safe_file_name);
        if !plain {
            return Response::json(422, &json!({"refused": msg!("new-without-name").text()}));
        }
        let path = folder.join(file);
        if let Err(e) = crate::skeleton::create(&path, &name) {
            return Response::json(422, &json!({"refused": e.to_string()}));
        }
        match read_text(&path) {
            Ok((text, bytes)) => self.switch_to(path, text, bytes),
            Err(e) => Response::json(422, &json!({"refused": e.to_string()})),
        }
    }

    /// Go back to the text before the last change (or forward again), saved as any change is.
    fn undo_redo(&mut self, undo: bool) -> Response {
        if let Err(disk) = self.disk_unchanged() {
            return self.conflict(&disk);
        }
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(text) = from.pop() else {
            return Response::json(200, &self.json(true));
        };
        to.push(self.text.clone());
        if let Err(e) = crate::write::atomic_write(&self.path, text.as_bytes()) {
            return Response::refuse(500, &e.to_string());
        }
        self.disk = text.clone().into_bytes();
        self.text = text;
        self.version += 1;
        self.refresh();
        Response::json(200, &self.json(true))
    }

    fn conflict(&self, disk: &[u8]) -> Response {
        let theirs = String::from_utf8_lossy(disk).into_owned();
        let diff: Vec<Json> = similar::TextDiff::from_lines(&self.text, &theirs)
            .iter_all_changes()
            .filter(|c| c.tag() != similar::ChangeTag::Equal)
            .map(|c| {
                json!({
                    "tag": if c.tag() == similar::ChangeTag::Insert { "disk" } else { "page" },
                    "line": c.value().trim_end_matches('\n'),
                })
            })
            .collect();
        Response::json(
            409,
            &json!({"conflict": msg!("serve-changed-on-disk").text(), "diff": diff}),
        )
    }

    /// After a conflict: keep the file on disk (read it again) or the page's text (write it).
    fn resolve(&mut self, body: &[u8]) -> Response {
        let keep: Option<String> = serde_json::from_slice::<Json>(body)
            .ok()
            .and_then(|v| v["keep"].as_str().map(str::to_string));
        match keep.as_deref() {
            Some("disk") => {
                let Ok(bytes) = crate::read::bytes(&self.path, crate::read::MAX_EVALUATION_BYTES)
                else {
                    return Response::refuse(409, "the file cannot be read");
                };
                self.text = String::from_utf8_lossy(&bytes).into_owned();
                self.disk = bytes;
            }
            Some("page") => {
                if crate::write::atomic_write(&self.path, self.text.as_bytes()).is_err() {
                    return Response::refuse(500, "the file cannot be written");
                }
                self.disk = self.text.clone().into_bytes();
            }
            _ => return Response::refuse(400, "expected {\"keep\": \"disk\" | \"page\"}"),
        }
        self.version += 1;
        self.refresh();
        Response::json(200, &self.json(true))
    }

    /// Write a draft or final PDF, or the slides, beside the evaluation.
    fn pdf(&mut self, body: &[u8]) -> Response {
        let kind = serde_json::from_slice::<Json>(body)
            .ok()
            .and_then(|v| v["kind"].as_str().map(str::to_string))
            .unwrap_or_default();
        let draft = kind != "final";
        let outcome = match self.engine.check_path(&self.path, draft) {
            Ok(o) => o,
            Err(e) => return Response::json(422, &json!({"refused": e.to_string()})),
        };
        let Some(ev) = outcome.renderable() else {
            return Response::json(
                422,
                &json!({"refused": msg!("serve-not-renderable").text()}),
            );
        };
        let options = crate::typeset::Options {
            draft,
            ..Default::default()
        };
        let standards =
            crate::typeset::parse_standards(crate::typeset::DEFAULT_STANDARDS).unwrap_or_default();
        if kind == "charts" {
            return self.charts(ev);
        }
        let (target, bytes) = match kind.as_str() {
            "slides" => {
                let stem = self
                    .path
                    .file_stem()
                    .map_or("evaluation".into(), |s| s.to_string_lossy().into_owned());
                let out = self
                    .path
                    .with_file_name(format!("{stem}-presentation-utkast.pdf"));
                // Checked as `kompass slides` checks it: only a PDF is ever replaced, and
                // never a final one by a draft.
                let out =
                    crate::write::output_path(&self.path, Some(&out), crate::write::Kind::Draft);
                (out, self.engine.slides(ev, &[], &options))
            }
            _ => {
                let k = if draft {
                    crate::write::Kind::Draft
                } else {
                    crate::write::Kind::Final
                };
                (
                    crate::write::output_path(&self.path, None, k),
                    self.engine.render(ev, &standards, &options),
                )
            }
        };
        let written = target.and_then(|t| {
            let pdf = bytes?;
            crate::write::atomic_write(&t, &pdf).map_err(|source| Error::Io {
                what: msg!("cannot-write", path = t.display().to_string()),
                source,
            })?;
            Ok(t)
        });
        match written {
            Ok(t) => Response::json(
                200,
                &json!({"written": t.file_name().map(|n| n.to_string_lossy().into_owned())}),
            ),
            Err(e) => Response::json(422, &json!({"refused": e.to_string()})),
        }
    }
}

impl State {
    /// Every chart of the report as SVG with its alt text, in `<evaluation>-diagram/` beside it.
    fn charts(&self, ev: &crate::check::Checked) -> Response {
        let stem = self
            .path
            .file_stem()
            .map_or("evaluation".into(), |s| s.to_string_lossy().into_owned());
        let dir = self.path.with_file_name(format!("{stem}-diagram"));
        let report = crate::report::Report::build(ev);
        let written = crate::charts::draw_all(&report).and_then(|charts| {
            std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
                what: msg!("cannot-create", path = dir.display().to_string()),
                source,
            })?;
            for c in &charts {
                for (name, data) in [
                    (format!("{}.svg", c.id), c.svg.as_bytes()),
                    (format!("{}.txt", c.id), c.alt.as_bytes()),
                ] {
                    let target = dir.join(name);
                    crate::write::atomic_write(&target, data).map_err(|source| Error::Io {
                        what: msg!("cannot-write", path = target.display().to_string()),
                        source,
                    })?;
                }
            }
            Ok(charts.len())
        });
        match written {
            Ok(n) => Response::json(
                200,
                &json!({"written": format!("{} ({n})", dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())}),
            ),
            Err(e) => Response::json(422, &json!({"refused": e.to_string()})),
        }
    }
}

/// Findings as the page places them: severity, key path, text, help, line and column.
fn findings_json(o: &Outcome, list: &[crate::diagnostics::Diagnostic]) -> Json {
    let sources = o.sources();
    Json::Array(
        list.iter()
            .map(|d| {
                let (line, column) = d
                    .span
                    .as_ref()
                    .map_or((0, 0), |s| sources.line_col(d.file, s.start));
                json!({
                    "severity": match d.severity {
                        crate::diagnostics::Severity::Error => "error",
                        crate::diagnostics::Severity::Warning => "warning",
                        crate::diagnostics::Severity::Note => "note",
                    },
                    "kind": d.message.id,
                    "path": d.path,
                    "message": d.message.text(),
                    "help": d.help.as_ref().map(|h| h.text()),
                    "line": line,
                    "column": column,
                })
            })
            .collect(),
    )
}

/// Each area's score and the total, as kompass adds them; and for each comparison profile
/// computed from the register, how many rows its mean covers now.
fn totals_json(ev: &crate::check::Checked) -> Json {
    let derived = crate::scores::derive(ev);
    let resolved = &ev.compared().0;
    let rows = |p: &Option<crate::compare::Profile>| {
        p.as_ref()
            .and_then(|p| p.basis.as_ref())
            .map(|b| json!({"count": b.count, "rows": b.rows}))
    };
    json!({
        "areas": derived.areas.iter().map(|a| a.score).collect::<Vec<_>>(),
        "total": derived.total,
        "comparison": {"national": rows(&resolved.national), "peer": rows(&resolved.peer)},
    })
}

/// The framework the evaluation names: its areas and sub-areas with titles and maxima.
fn framework_json(text: &str) -> Json {
    let id = toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| {
            t.get("framework")
                .and_then(|f| f.as_str().map(str::to_string))
        })
        .unwrap_or_else(|| crate::load::FRAMEWORKS[0].0.to_string());
    let Some(f) = crate::load::parse_framework(&id) else {
        return Json::Null;
    };
    json!({
        "id": id,
        "name": f.name,
        "areas": f.areas.iter().map(|a| {
            let a = a.get_ref();
            json!({
                "id": a.id,
                "title": a.title,
                "max": a.max.get_ref(),
                "subareas": a.subareas.iter().map(|s| {
                    let s = s.get_ref();
                    json!({"id": s.id, "title": s.title, "max": s.max})
                }).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    })
}

/// A TOML value as JSON, dates as `YYYY-MM-DD` text.
fn to_json(v: &toml::Value) -> Json {
    match v {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(a) => Json::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Json::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}
