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

pub mod api;
pub mod edit;
pub mod guard;
pub mod home;
pub mod http;
pub mod merge;
pub mod outputs;
pub mod preview;
pub mod review;
pub mod session;
pub mod words;

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value as Json, json};

use crate::base::error::{Error, Result};
use crate::base::messages::{Lang, msg};
use api::ApiError;
use guard::{Denied, Keys};
use http::{Request, Response};
use preview::{Job, Preview};
use session::{OpenEvaluation, Retry, evaluations_in, read_text};

const INDEX: &str = include_str!("assets/index.html");
const STYLE: &str = include_str!("assets/app.css");
/// The page's script: ES modules, served as they are (no build step).
const SCRIPTS: &[(&str, &str)] = &[
    ("/app.js", include_str!("assets/app.js")),
    ("/api.js", include_str!("assets/api.js")),
    ("/dom.js", include_str!("assets/dom.js")),
    ("/form.js", include_str!("assets/form.js")),
    ("/pages.js", include_str!("assets/pages.js")),
    ("/paths.js", include_str!("assets/paths.js")),
    ("/i18n.js", include_str!("assets/i18n.js")),
    ("/review.js", include_str!("assets/review.js")),
    ("/sync.js", include_str!("assets/sync.js")),
    ("/tables.js", include_str!("assets/tables.js")),
    ("/values.js", include_str!("assets/values.js")),
];

/// A running editor server.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
}

struct Shared {
    keys: Keys,
    port: u16,
    lang: Lang,
    session: Mutex<OpenEvaluation>,
    /// The report's pages, typeset on their own thread.
    preview: Preview,
    /// Rings on every change, for the tabs' event streams.
    bell: Bell,
    /// The folder's listing, each file's counts kept by its identity (size, time, inode), so a
    /// listing reads again only what changed, and never under the session's lock.
    listing: Mutex<HashMap<PathBuf, (FileId, Json)>>,
    /// Open event streams.
    streams: AtomicUsize,
}

/// At most this many connections are answered at once.
const MAX_CONNECTIONS: usize = 32;
/// At most this many tabs hold an event stream; more fall back to asking every two seconds.
const MAX_STREAMS: usize = 16;

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
        let session = OpenEvaluation::serving(path)?;
        let preview = Preview::default();
        // The first pages before the first answer, so the page shows them at once.
        if session.has_file {
            preview.typeset(&job_of(&session));
        }
        Ok(Server {
            listener,
            shared: Arc::new(Shared {
                keys,
                port,
                lang,
                session: Mutex::new(session),
                preview,
                bell: Bell::default(),
                listing: Mutex::new(HashMap::new()),
                streams: AtomicUsize::new(0),
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
    /// cannot keep the page out, since the page's own requests arrive whole at once. Beside
    /// them, a thread typesets the pages and another watches the file on disk.
    pub fn run(self) {
        let shared = Arc::clone(&self.shared);
        std::thread::spawn(move || {
            crate::base::messages::set_thread_lang(shared.lang);
            let bell = |v: u64| {
                shared
                    .bell
                    .ring(shared_version(&shared), Some(v), Vec::new())
            };
            shared.preview.run(&bell);
        });
        let shared = Arc::clone(&self.shared);
        std::thread::spawn(move || {
            crate::base::messages::set_thread_lang(shared.lang);
            watch_disk(&shared);
        });
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

fn job_of(s: &OpenEvaluation) -> Job {
    Job {
        version: s.version,
        path: s.path.clone(),
        text: s.text.clone(),
    }
}

fn shared_version(shared: &Shared) -> u64 {
    with_session(shared, |s| s.version)
}

/// What the tabs' event streams wait on: a count of changes, the versions of the text and of the
/// pages, and the keys changed on disk by the last changes.
#[derive(Default)]
struct Bell {
    state: Mutex<Rung>,
    wake: Condvar,
}

#[derive(Default, Clone)]
struct Rung {
    seq: u64,
    version: u64,
    pages: u64,
    /// (seq, keys changed on disk) of the last changes.
    disk: VecDeque<(u64, Vec<String>)>,
}

impl Bell {
    fn ring(&self, version: u64, pages: Option<u64>, disk: Vec<String>) {
        let mut r = self.state.lock().unwrap_or_else(|p| p.into_inner());
        r.seq += 1;
        r.version = version;
        if let Some(p) = pages {
            r.pages = p;
        }
        if !disk.is_empty() {
            let seq = r.seq;
            r.disk.push_back((seq, disk));
            if r.disk.len() > 32 {
                r.disk.pop_front();
            }
        }
        self.wake.notify_all();
    }

    /// The next change after `seen`, or `None` after `wait` without one.
    fn after(&self, seen: u64, wait: Duration) -> Option<Rung> {
        let r = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (r, _) = self
            .wake
            .wait_timeout_while(r, wait, |r| r.seq <= seen)
            .unwrap_or_else(|p| p.into_inner());
        (r.seq > seen).then(|| r.clone())
    }

    fn seq(&self) -> u64 {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).seq
    }
}

/// After the text changed (a save, a change taken in from disk, another file opened): typeset
/// its pages, and tell every tab.
fn changed(shared: &Shared, s: &OpenEvaluation, disk: Vec<String>) {
    shared.preview.want(job_of(s));
    shared.bell.ring(s.version, None, disk);
}

/// Watch the served file: a change on disk is taken in within half a second (once it holds still) and every tab is
/// told which keys changed. Only the file's identity is looked at without the lock; its bytes
/// are read under it, so a save of kompass's own can never be mistaken for an older change.
fn watch_disk(shared: &Shared) {
    // The identity seen at the last look, and the one last taken in: a change is taken in once
    // the file has held still for one look (a file being written is not read half-way).
    let mut seen: Option<(PathBuf, FileId)> = None;
    let mut taken: Option<(PathBuf, FileId)> = None;
    loop {
        std::thread::sleep(Duration::from_millis(250));
        let Some(path) = with_session(shared, |s| s.has_file.then(|| s.path.clone())) else {
            continue;
        };
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let id = Some((path.clone(), FileId::of(&meta)));
        if id != seen {
            seen = id;
            continue;
        }
        if id == taken {
            continue;
        }
        taken = id;
        with_session(shared, |s| {
            if s.path != path {
                return;
            }
            let Ok(bytes) = read_disk(&s.path) else {
                return;
            };
            if bytes == s.disk {
                return;
            }
            match s.adopt(bytes) {
                Ok(keys) => changed(shared, s, keys),
                Err(_) => shared.bell.ring(s.version, None, Vec::new()),
            }
        });
    }
}

/// The evaluation's bytes on disk: a regular file only (never a FIFO or a device), bounded.
fn read_disk(path: &Path) -> std::result::Result<Vec<u8>, crate::files::read::ReadError> {
    crate::files::read::bytes(path, crate::files::read::MAX_EVALUATION_BYTES)
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

fn serve_one(shared: &Shared, mut stream: TcpStream, head_read: &dyn Fn()) {
    crate::base::messages::set_thread_lang(shared.lang);
    match http::read_request_with(&mut stream, &|r| body_limit(shared, r)) {
        Ok(request) => {
            head_read();
            if request.method == "GET"
                && request.path == "/api/events"
                && checked(shared, &request).is_ok()
            {
                return events(shared, &mut stream);
            }
            http::write_response(&mut stream, &respond(shared, &request));
        }
        Err(http::Refused(status)) => {
            http::write_response(&mut stream, &Response::refuse(status, "bad request"));
            // What the client still sends is read and dropped (within a bound), so that the
            // refusal reaches it instead of a reset connection.
            let _ = stream.shutdown(std::net::Shutdown::Write);
            let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
            let _ = std::io::copy(
                &mut std::io::Read::take(&mut stream, 4 * http::MAX_BODY as u64),
                &mut std::io::sink(),
            );
        }
    }
}

/// How large a request's body may be: a returned PDF (`POST /api/review`) from a tab that
/// passes every check may be larger than any other request; the head is checked first, so no
/// one else can make the server read that much.
fn body_limit(shared: &Shared, r: &Request) -> usize {
    if r.method == "POST" && r.path == "/api/review" && checked(shared, r).is_ok() {
        review::MAX_BODY
    } else {
        http::MAX_BODY
    }
}

/// A tab's event stream (`text/event-stream`, read by the page's script with its key): one
/// event for every change, with the versions of the text and of the pages and the keys changed
/// on disk; a comment every 15 seconds, so a closed tab is noticed.
fn events(shared: &Shared, stream: &mut TcpStream) {
    if shared.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
        shared.streams.fetch_sub(1, Ordering::SeqCst);
        http::write_response(stream, &Response::refuse(503, "too many event streams"));
        return;
    }
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n";
    let mut seen = shared.bell.seq();
    let mut ok =
        stream.write_all(head.as_bytes()).is_ok() && stream.write_all(b": kompass\n\n").is_ok();
    while ok {
        let line = match shared.bell.after(seen, Duration::from_secs(15)) {
            Some(r) => {
                let disk: Vec<&String> = r
                    .disk
                    .iter()
                    .filter(|(s, _)| *s > seen)
                    .flat_map(|(_, k)| k)
                    .collect();
                seen = r.seq;
                format!(
                    "data: {}\n\n",
                    json!({"version": r.version, "pages": r.pages, "disk": disk})
                )
            }
            None => ": ping\n\n".to_string(),
        };
        ok = stream
            .write_all(line.as_bytes())
            .and_then(|()| stream.flush())
            .is_ok();
    }
    shared.streams.fetch_sub(1, Ordering::SeqCst);
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
    let answer = |result: std::result::Result<Json, ApiError>| match result {
        Ok(v) => Response::json(200, &v),
        Err(e) => e.response(),
    };
    match (r.method.as_str(), r.path.as_str()) {
        ("GET", "/") => page(&words::page(INDEX, shared.lang), "text/html; charset=utf-8").with(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
        ),
        ("GET", "/app.css") => page(STYLE, "text/css; charset=utf-8"),
        ("GET", p) if SCRIPTS.iter().any(|(n, _)| *n == p) => {
            let script = SCRIPTS.iter().find(|(n, _)| *n == p).map_or("", |(_, s)| s);
            page(script, "text/javascript; charset=utf-8")
        }
        ("POST", "/api/session") => {
            Response::json(200, &json!({"key": shared.keys.tab_key()}))
                .with("Cache-Control", "no-store")
        }
        ("GET", "/api/state") => Response::json(200, &state(shared, true)),
        ("GET", "/api/municipalities") => Response::json(200, &municipalities()),
        ("GET", "/api/schema") => Response::json(200, &words::schema(shared.lang)),
        ("GET", "/api/files") => files(shared),
        ("POST", "/api/open") => answer(open(shared, &r.body)),
        ("POST", "/api/new") => answer(create(shared, &r.body)),
        ("POST", "/api/edit") => answer(edit(shared, &r.body)),
        ("GET", "/api/changes") => answer(snapshot(shared).and_then(|(snap, opened)| outputs::changes(&snap, &opened))),
        ("POST", "/api/pdf") => answer(api::body::<api::Pdf>(&r.body).and_then(|b| {
            snapshot(shared).and_then(|(snap, _)| outputs::make(&snap, b.kind))
        })),
        ("GET", "/api/review") => answer(snapshot(shared).and_then(|(snap, _)| review::state(&snap))),
        ("POST", "/api/review") => answer(reviewed(shared, snapshot(shared).and_then(|(snap, _)| review::read(&snap, &r.body)))),
        ("POST", "/api/review/state") => answer(reviewed(shared, snapshot(shared).and_then(|(snap, _)| review::set_state(&snap, &r.body)))),
        ("POST", "/api/review/reply") => answer(snapshot(shared).and_then(|(snap, _)| review::reply(&snap))),
        ("GET", p) if p.starts_with("/api/page/") => page_svg(shared, p),
        ("GET" | "POST", _) => Response::refuse(404, "not found"),
        _ => Response::refuse(405, "method not allowed"),
    }
}

/// After the review file was written: every tab hears of it, and shows the comments again.
fn reviewed(
    shared: &Shared,
    result: std::result::Result<Json, ApiError>,
) -> std::result::Result<Json, ApiError> {
    if result.is_ok() {
        shared.bell.ring(shared_version(shared), None, Vec::new());
    }
    result
}

fn with_session<T>(shared: &Shared, f: impl FnOnce(&mut OpenEvaluation) -> T) -> T {
    match shared.session.lock() {
        Ok(mut s) => f(&mut s),
        Err(poisoned) => f(&mut poisoned.into_inner()),
    }
}

/// The state the page shows.
fn state(shared: &Shared, full: bool) -> Json {
    with_session(shared, |s| {
        let pages = shared.preview.json(&s.path);
        s.json(full, pages)
    })
}

/// A copy of the open evaluation, and its text as the page first opened it.
fn snapshot(shared: &Shared) -> std::result::Result<(outputs::Snapshot, String), ApiError> {
    with_session(shared, |s| {
        s.has_file
            .then(|| (s.snapshot(), s.opened.clone()))
            .ok_or(ApiError::NotFound("no evaluation is open"))
    })
}

/// Apply the page's edits, merged with whatever changed meanwhile, and answer with the new state,
/// the keys taken in from disk and the edits that met a conflict. The file is read and written
/// under the session's lock (a regular file only: it cannot block), and written through a
/// compare-and-swap: a change on disk between the two makes the merge run again.
fn edit(shared: &Shared, body: &[u8]) -> std::result::Result<Json, ApiError> {
    let edits: api::Edits = api::body(body)?;
    for _ in 0..5 {
        let done = with_session(shared, |s| {
            if !s.has_file {
                return Err(ApiError::NotFound("no evaluation is open"));
            }
            let unreadable = |e: crate::files::read::ReadError| {
                ApiError::DiskUnreadable(msg!("serve-disk-unreadable", reason = e.message().text()))
            };
            let disk = read_disk(&s.path).map_err(unreadable)?;
            // A file changed on disk is taken in only once it holds still (read twice, the
            // same): a file being written is not merged half-way.
            if disk != s.disk {
                std::thread::sleep(Duration::from_millis(60));
                if read_disk(&s.path).map_err(unreadable)? != disk {
                    return Ok(None);
                }
            }
            let before = s.version;
            match s.edit(&edits.edits, disk)? {
                Err(Retry(_)) => Ok(None),
                Ok(report) => {
                    if s.version != before {
                        changed(shared, s, report.disk.clone());
                    }
                    let mut out = s.json(false, shared.preview.json(&s.path));
                    out["conflicts"] = Json::Array(report.conflicts);
                    out["disk_changes"] = json!(report.disk);
                    Ok(Some(out))
                }
            }
        })?;
        if let Some(out) = done {
            return Ok(out);
        }
    }
    Err(ApiError::DiskUnreadable(msg!("serve-disk-busy")))
}

/// A page of the report as SVG, from the pages typeset last (never waiting for the session).
fn page_svg(shared: &Shared, path: &str) -> Response {
    let n: Option<usize> = path
        .trim_start_matches("/api/page/")
        .trim_end_matches(".svg")
        .parse()
        .ok();
    match n.and_then(|n| shared.preview.page(n)) {
        Some((hash, svg)) => Response::new(200, "image/svg+xml", svg.as_bytes().to_vec())
            .with("ETag", format!("\"{hash}\""))
            .with("Cache-Control", "private, max-age=31536000, immutable"),
        None => Response::refuse(404, "no such page"),
    }
}

/// In folder mode: every evaluation of the folder, with how many errors and warnings a draft of
/// it has, or why it cannot be read. Checked without the state's lock, and each file only again
/// when it changed.
fn files(shared: &Shared) -> Response {
    let (folder, current) = with_session(shared, |s| {
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
    match crate::pipeline::check_path(p, crate::pipeline::Stage::Draft) {
        Ok(o) => {
            let (errors, warnings) = crate::base::diagnostics::counts(o.findings());
            // A file that cannot be drawn at all says why, with its first error.
            let problem = o.renderable().is_none().then(|| {
                o.findings()
                    .iter()
                    .find(|d| d.severity == crate::base::diagnostics::Severity::Error)
                    .map(|d| d.message.text())
            });
            json!({"name": name, "errors": errors, "warnings": warnings, "problem": problem.flatten()})
        }
        Err(e) => json!({"name": name, "errors": 1, "warnings": 0, "problem": e.to_string()}),
    }
}

/// In folder mode: open another evaluation of the folder, named as the list names it. No path
/// from the page is used: only a name that is in the list. The file is read without the lock.
fn open(shared: &Shared, body: &[u8]) -> std::result::Result<Json, ApiError> {
    let name = api::body::<api::Open>(body)?.name;
    let folder = with_session(shared, |s| s.folder.clone())
        .ok_or(ApiError::NotFound("not serving a folder"))?;
    let path = evaluations_in(&folder)
        .into_iter()
        .find(|p| p.file_name().and_then(|n| n.to_str()) == Some(name.as_str()))
        .ok_or(ApiError::NotFound("no such evaluation in the folder"))?;
    switch_to(shared, path)
}

/// In folder mode: a new evaluation of a municipality (as `kompass new` writes it), opened.
fn create(shared: &Shared, body: &[u8]) -> std::result::Result<Json, ApiError> {
    let municipality = api::body::<api::New>(body)?.municipality;
    let path = with_session(shared, |s| s.create(&municipality))?;
    switch_to(shared, path)
}

fn switch_to(shared: &Shared, path: PathBuf) -> std::result::Result<Json, ApiError> {
    let (text, bytes) = read_text(&path).map_err(|e| ApiError::from_error(&e))?;
    Ok(with_session(shared, |s| {
        s.load(path, text, bytes);
        shared.preview.clear();
        changed(shared, s, Vec::new());
        s.json(true, shared.preview.json(&s.path))
    }))
}

/// Sweden's municipalities for the name field's suggestions.
fn municipalities() -> Json {
    Json::Array(
        crate::base::municipalities::all()
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
