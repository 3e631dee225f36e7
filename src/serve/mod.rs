//! `kompass serve`: the evaluation as a form in the browser, the report's pages beside it, every
//! finding at its field, saved to the same TOML file.
//!
//! A small HTTP server on 127.0.0.1 ([`http`]) that treats the browser as a hostile neighbour:
//! the `Host` must be the server's own (no DNS rebinding), the launch URL's random token is
//! swapped for an `HttpOnly; SameSite=Strict` cookie that every request must carry, writes are
//! `application/json` only and from the server's own `Origin`, every request is bounded, no CORS
//! header is sent, and the only file it writes is the served evaluation (and its PDFs beside
//! it). Edits are applied with toml_edit ([`edit`]) so that comments and layout survive; the
//! file is written through a temporary file and a rename. A file changed on disk while the page
//! is open is never overwritten: the page is told, with what differs, and the user chooses.

pub mod edit;
pub mod http;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::{Value as Json, json};

use crate::engine::{Engine, Outcome, RegisterSource};
use crate::error::{Error, Result};
use crate::messages::{Lang, msg};
use http::{Request, Response};

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");

/// The cookie that carries the token.
const COOKIE: &str = "kompass_token";

/// A running editor server.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
}

struct Shared {
    token: String,
    port: u16,
    lang: Lang,
    state: Mutex<State>,
}

/// The served evaluation as the server knows it.
struct State {
    /// In folder mode, the folder; `path` is then the evaluation open in the page.
    folder: Option<PathBuf>,
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

impl Server {
    /// Serve `path` (an evaluation file) on `127.0.0.1:port` (0: any free port).
    /// A folder serves every evaluation (`.toml`) in it, one at a time: the page lists them and
    /// makes new ones there.
    pub fn start(path: &Path, port: u16, lang: Lang) -> Result<Server> {
        let (folder, path) = if path.is_dir() {
            let first = evaluations_in(path).into_iter().next().ok_or_else(|| {
                Error::Read(msg!(
                    "serve-empty-folder",
                    path = path.display().to_string()
                ))
            })?;
            (Some(path.to_path_buf()), first)
        } else {
            (None, path.to_path_buf())
        };
        let (text, bytes) = read_text(&path)?;
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|source| Error::Io {
            what: msg!("serve-cannot-listen", port = port),
            source,
        })?;
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
        let mut state = State {
            folder,
            path,
            opened: text.clone(),
            text,
            disk: bytes,
            engine: Engine::new(),
            pages: Vec::new(),
            version: 0,
            undo: Vec::new(),
            redo: Vec::new(),
        };
        state.refresh();
        Ok(Server {
            listener,
            shared: Arc::new(Shared {
                token: token(),
                port,
                lang,
                state: Mutex::new(state),
            }),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.shared.port))
    }

    /// The token a first request must bring (`/?token=…`).
    pub fn token(&self) -> &str {
        &self.shared.token
    }

    /// The launch URL: the page, with the token.
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}/?token={}",
            self.shared.port, self.shared.token
        )
    }

    /// Answer requests until the process ends, one thread per connection.
    pub fn run(self) {
        // At most this many connections are answered at once; more are closed at once, so that
        // a page that opens thousands cannot make thousands of threads.
        const MAX_CONNECTIONS: usize = 32;
        let open = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for stream in self.listener.incoming().flatten() {
            use std::sync::atomic::Ordering;
            if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                open.fetch_sub(1, Ordering::SeqCst);
                drop(stream);
                continue;
            }
            let shared = Arc::clone(&self.shared);
            let open = Arc::clone(&open);
            std::thread::spawn(move || {
                serve_one(&shared, stream);
                open.fetch_sub(1, Ordering::SeqCst);
            });
        }
    }

    /// Answer requests on a thread of its own (for tests and benchmarks).
    pub fn spawn(self) -> (SocketAddr, String) {
        let (addr, token) = (self.addr(), self.shared.token.clone());
        std::thread::spawn(move || self.run());
        (addr, token)
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

/// The evaluation files of a folder (every `.toml` in it, not below), in name order.
fn evaluations_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// 128 random bits as hex.
fn token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No system random source: the time and the process id, still unguessable from a page.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
            ^ u128::from(std::process::id());
        bytes = seed.to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn serve_one(shared: &Shared, mut stream: TcpStream) {
    crate::messages::set_lang(shared.lang);
    match http::read_request(&mut stream) {
        Ok(request) => http::write_response(&mut stream, &respond(shared, &request)),
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

/// The security rules, then the route.
fn respond(shared: &Shared, r: &Request) -> Response {
    let port = shared.port;
    let own_hosts = [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ];
    let Some(host) = r
        .header("host")
        .filter(|h| own_hosts.iter().any(|o| o == h))
    else {
        return Response::refuse(403, "wrong Host");
    };
    let own_origin = format!("http://{host}");
    if r.method == "GET" && r.path == "/" && r.param("token").is_some() {
        if r.param("token") != Some(shared.token.as_str()) {
            return Response::refuse(403, "wrong token");
        }
        return Response::new(303, "text/plain", "")
            .with("Location", "/")
            .with(
                "Set-Cookie",
                format!(
                    "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
                    shared.token
                ),
            );
    }
    if r.cookie(COOKIE) != Some(shared.token.as_str()) {
        return Response::refuse(403, "missing token: open the address kompass serve printed");
    }
    if r.method == "POST" {
        if r.header("origin") != Some(own_origin.as_str()) {
            return Response::refuse(403, "foreign Origin");
        }
        let json_type = r
            .header("content-type")
            .is_some_and(|t| t.split(';').next().unwrap_or("").trim() == "application/json");
        if !json_type {
            return Response::refuse(415, "writes are application/json");
        }
    }
    route(shared, r)
}

fn route(shared: &Shared, r: &Request) -> Response {
    let page = |body: &str, kind: &'static str| {
        Response::new(200, kind, body.to_string()).with("Cache-Control", "no-store")
    };
    match (r.method.as_str(), r.path.as_str()) {
        ("GET", "/") => page(INDEX, "text/html; charset=utf-8").with(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
        ),
        ("GET", "/app.js") => page(SCRIPT, "text/javascript; charset=utf-8"),
        ("GET", "/app.css") => page(STYLE, "text/css; charset=utf-8"),
        ("GET", "/api/state") => with_state(shared, |s| Response::json(200, &s.json(true))),
        ("GET", "/api/municipalities") => Response::json(200, &municipalities()),
        ("GET", "/api/disk") => with_state(shared, |s| match s.disk_unchanged() {
            Ok(()) => Response::json(200, &json!({"changed": false})),
            Err(disk) => s.conflict(&disk),
        }),
        ("GET", "/api/files") => with_state(shared, |s| s.files()),
        ("POST", "/api/open") => with_state(shared, |s| s.open(&r.body)),
        ("POST", "/api/new") => with_state(shared, |s| s.create(&r.body)),
        ("GET", "/api/changes") => with_state(shared, |s| s.changes()),
        ("POST", "/api/undo") => with_state(shared, |s| s.undo_redo(true)),
        ("POST", "/api/redo") => with_state(shared, |s| s.undo_redo(false)),
        ("GET", p) if p.starts_with("/api/page/") => with_state(shared, |s| s.page(p)),
        ("POST", "/api/edit") => with_state(shared, |s| s.edit(&r.body)),
        ("POST", "/api/resolve") => with_state(shared, |s| s.resolve(&r.body)),
        ("POST", "/api/pdf") => with_state(shared, |s| s.pdf(&r.body)),
        ("GET" | "POST", _) => Response::refuse(404, "not found"),
        _ => Response::refuse(405, "method not allowed"),
    }
}

fn with_state(shared: &Shared, f: impl FnOnce(&mut State) -> Response) -> Response {
    match shared.state.lock() {
        Ok(mut s) => f(&mut s),
        Err(poisoned) => f(&mut poisoned.into_inner()),
    }
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

    /// In folder mode: every evaluation of the folder, with how many errors and warnings a
    /// draft of it has.
    fn files(&self) -> Response {
        let Some(folder) = &self.folder else {
            return Response::json(200, &json!({"folder": null, "files": []}));
        };
        let files: Vec<Json> = evaluations_in(folder)
            .iter()
            .map(|p| {
                let (errors, warnings) = Engine::new()
                    .check_path(p, true)
                    .map(|o| crate::diagnostics::counts(o.findings()))
                    .unwrap_or((1, 0));
                json!({
                    "name": p.file_name().map(|n| n.to_string_lossy().into_owned()),
                    "errors": errors,
                    "warnings": warnings,
                    "current": *p == self.path,
                })
            })
            .collect();
        Response::json(
            200,
            &json!({"folder": folder.file_name().map(|n| n.to_string_lossy().into_owned()), "files": files}),
        )
    }

    /// In folder mode: open another evaluation of the folder, named as the list names it. No
    /// path from the page is used: only a name that is in the list.
    fn open(&mut self, body: &[u8]) -> Response {
        let name = serde_json::from_slice::<Json>(body)
            .ok()
            .and_then(|v| v["name"].as_str().map(str::to_string));
        let Some(folder) = &self.folder else {
            return Response::refuse(404, "not serving a folder");
        };
        let Some(path) = evaluations_in(folder)
            .into_iter()
            .find(|p| name.as_deref() == p.file_name().and_then(|n| n.to_str()))
        else {
            return Response::refuse(404, "no such evaluation in the folder");
        };
        self.switch_to(path)
    }

    fn switch_to(&mut self, path: PathBuf) -> Response {
        match read_text(&path) {
            Ok((text, bytes)) => {
                self.path = path;
                self.opened = text.clone();
                self.text = text;
                self.disk = bytes;
                self.undo.clear();
                self.redo.clear();
                self.pages.clear();
                self.version += 1;
                self.refresh();
                Response::json(200, &self.json(true))
            }
            Err(e) => Response::json(422, &json!({"refused": e.to_string()})),
        }
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
        self.switch_to(path)
    }

    /// What changed, as `kompass diff` says it: since the draft PDF beside the evaluation (the
    /// one sent for fact-checking carries its evaluation), or else since the page opened it.
    fn changes(&mut self) -> Response {
        let draft = crate::write::default_name(&self.path, crate::write::Kind::Draft);
        let draft = self.path.with_file_name(draft);
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
            None => (msg!("serve-since-opened"), self.opened.clone()),
        };
        let report = |text: &str| {
            crate::check::load_str("evaluation.toml", text)
                .ok()
                .map(|l| crate::report::Report::build(&l))
        };
        let (Some(before), Some(after)) = (report(&old), report(&self.text)) else {
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
