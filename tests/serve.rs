//! `kompass serve` driven through its HTTP API in process: edits round-trip to TOML with the
//! file's comments kept and one changed line per change, findings come back with their key
//! paths, a file changed on disk is not overwritten, and every security rule refuses what it
//! should.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;

use kompass::messages::Lang;
use kompass::serve::Server;

struct Served {
    addr: SocketAddr,
    token: String,
    file: PathBuf,
    _dir: TempDir,
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn serve(name: &str) -> Served {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("kompass-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("leksand-2023.toml");
    let text = std::fs::read_to_string(format!("{root}/examples/leksand-2023.toml")).unwrap();
    // A comment after a value, which an edit of that value must keep.
    let text = text.replacen("\"4.2\" = 11", "\"4.2\" = 11  # enligt intervjuerna", 1);
    std::fs::write(&file, text).unwrap();
    std::fs::copy(
        format!("{root}/examples/register.csv"),
        dir.join("register.csv"),
    )
    .unwrap();
    let server = Server::start(&file, 0, Lang::Sv).unwrap();
    let (addr, token) = server.spawn();
    Served {
        addr,
        token,
        file,
        _dir: TempDir(dir),
    }
}

/// A raw request; the status, the head and the body.
fn request(addr: SocketAddr, raw: &[u8]) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    // A server that refuses early may close before all is written; its answer still counts.
    let _ = s.write_all(raw);
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

impl Served {
    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.addr.port())
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        let raw = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: kompass_token={}\r\n\r\n",
            self.host(),
            self.token
        );
        request(self.addr, raw.as_bytes())
    }

    fn post_with(&self, path: &str, body: &str, origin: &str, kind: &str) -> (u16, String, String) {
        let raw = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nCookie: kompass_token={}\r\nOrigin: {origin}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n{body}",
            self.host(),
            self.token,
            body.len()
        );
        request(self.addr, raw.as_bytes())
    }

    fn post(&self, path: &str, body: &str) -> (u16, String, String) {
        let origin = format!("http://{}", self.host());
        self.post_with(path, body, &origin, "application/json")
    }

    fn edit(&self, edits: serde_json::Value) -> (u16, serde_json::Value) {
        let (status, _, body) = self.post(
            "/api/edit",
            &serde_json::json!({ "edits": edits }).to_string(),
        );
        (
            status,
            serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
        )
    }

    fn text(&self) -> String {
        std::fs::read_to_string(&self.file).unwrap()
    }
}

/// The lines that differ between two texts of the same length in lines.
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(before.lines().count(), after.lines().count(), "{after}");
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn an_edit_is_one_changed_line_with_its_comment_kept() {
    let s = serve("edit");
    let before = s.text();
    let (status, state) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 12}
    ]));
    assert_eq!(status, 200, "{state}");
    assert_eq!(
        changed_lines(&before, &s.text()),
        [(
            "\"4.2\" = 11  # enligt intervjuerna".to_string(),
            "\"4.2\" = 12  # enligt intervjuerna".to_string()
        )]
    );
    // The totals the page shows are kompass's own sums.
    assert_eq!(state["totals"]["areas"][3], 49, "{}", state["totals"]);
    // A sentence of an analysis: that one string changes.
    let before = s.text();
    let (status, _) = s.edit(serde_json::json!([
        {"op": "set", "path": "municipality.genitive", "value": "Leksands"},
        {"op": "set", "path": "report.publisher", "value": "SKR"}
    ]));
    assert_eq!(status, 200);
    let changed = changed_lines(&before, &s.text());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(
        changed[0].1.starts_with("publisher = \"SKR\""),
        "{changed:?}"
    );
    // A strength added to a list lands on a line of its own, like the others.
    let (status, _) = s.edit(serde_json::json!([
        {"op": "insert", "path": "area[1].strengths", "index": 0, "value": "En ny styrka"}
    ]));
    assert_eq!(status, 200);
    assert!(s.text().contains("\n  \"En ny styrka\",\n"), "{}", s.text());
}

#[test]
fn findings_come_back_with_their_key_paths_in_swedish() {
    let s = serve("findings");
    let (status, state) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 99}
    ]));
    assert_eq!(status, 200, "{state}");
    let findings = state["findings"].as_array().unwrap();
    let f = findings
        .iter()
        .find(|f| f["path"] == "area[4].scores.\"4.2\"")
        .unwrap_or_else(|| panic!("{findings:#?}"));
    assert_eq!(f["severity"], "error");
    assert_eq!(f["kind"], "score-out-of-range");
    assert!(
        f["message"].as_str().unwrap().contains("ska vara 0–"),
        "{f}"
    );
    assert!(f["line"].as_u64().unwrap() > 100, "{f}");
    // What stops a final PDF is listed.
    assert!(!state["blocking"].as_array().unwrap().is_empty());
}

#[test]
fn a_value_of_the_wrong_kind_or_a_path_outside_is_refused_and_nothing_is_written() {
    let s = serve("refused");
    let before = s.text();
    for edit in [
        serde_json::json!({"op": "set", "path": "area[4].scores.\"4.2\"", "value": "12"}),
        serde_json::json!({"op": "set", "path": "../../etc/passwd", "value": 1}),
        serde_json::json!({"op": "set", "path": "area[40].id", "value": 1}),
        serde_json::json!({"op": "set", "path": "report.date", "value": "igår"}),
        serde_json::json!({"op": "remove", "path": "area[1].strengths[99]"}),
    ] {
        let (status, body) = s.edit(serde_json::json!([edit.clone()]));
        assert_eq!(status, 422, "{edit}: {body}");
        assert!(body["refused"].is_string(), "{body}");
    }
    assert_eq!(s.text(), before);
    let (status, _, _) = s.get("/api/page/..%2F..%2Fetc%2Fpasswd");
    assert_eq!(status, 404);
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let s = serve("disk");
    let theirs =
        s.text().replacen("\"4.1\" = ", "\"4.1\" =  ", 1) + "# ändrad i en annan redigerare\n";
    std::fs::write(&s.file, &theirs).unwrap();
    let (status, body) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 12}
    ]));
    assert_eq!(status, 409, "{body}");
    assert!(
        body["diff"].as_array().is_some_and(|d| !d.is_empty()),
        "{body}"
    );
    assert_eq!(s.text(), theirs, "the file on disk was overwritten");
    // The user keeps the file on disk: it is read again, and the next edit applies to it.
    let (status, _, _) = s.post("/api/resolve", r#"{"keep": "disk"}"#);
    assert_eq!(status, 200);
    let (status, _) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 12}
    ]));
    assert_eq!(status, 200);
    assert!(s.text().ends_with("# ändrad i en annan redigerare\n"));
}

#[test]
fn every_security_rule_refuses_what_it_should() {
    let s = serve("security");
    let host = s.host();
    // The launch token becomes an HttpOnly, SameSite=Strict cookie.
    let (status, head, _) = request(
        s.addr,
        format!("GET /?token={} HTTP/1.1\r\nHost: {host}\r\n\r\n", s.token).as_bytes(),
    );
    assert_eq!(status, 303);
    assert!(head.contains("HttpOnly; SameSite=Strict"), "{head}");
    // The page with the cookie, in Swedish.
    let (status, _, body) = s.get("/");
    assert_eq!(status, 200);
    assert!(body.contains("<html lang=\"sv\">"));
    // A wrong token, no token, a wrong Host (DNS rebinding), also for localhost's other ports.
    for raw in [
        format!("GET /?token=0000 HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        format!("GET /api/state HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        format!(
            "GET /api/state HTTP/1.1\r\nHost: evil.example:{}\r\nCookie: kompass_token={}\r\n\r\n",
            s.addr.port(),
            s.token
        ),
        format!(
            "GET /api/state HTTP/1.1\r\nHost: localhost:1\r\nCookie: kompass_token={}\r\n\r\n",
            s.token
        ),
        format!(
            "GET /api/state HTTP/1.1\r\nCookie: kompass_token={}\r\n\r\n",
            s.token
        ),
    ] {
        let (status, _, _) = request(s.addr, raw.as_bytes());
        assert_eq!(status, 403, "{raw}");
    }
    let edit = r#"{"edits":[{"op":"set","path":"report.publisher","value":"X"}]}"#;
    let before = s.text();
    // A foreign Origin, no Origin, a form post.
    assert_eq!(
        s.post_with("/api/edit", edit, "http://evil.example", "application/json")
            .0,
        403
    );
    assert_eq!(
        s.post_with("/api/edit", edit, "null", "application/json").0,
        403
    );
    let own = format!("http://{host}");
    assert_eq!(
        s.post_with(
            "/api/edit",
            "publisher=X",
            &own,
            "application/x-www-form-urlencoded"
        )
        .0,
        415
    );
    assert_eq!(s.post_with("/api/edit", edit, &own, "text/plain").0, 415);
    // An oversized body, a malformed request, a body shorter than it says.
    let big = "x".repeat(kompass::serve::http::MAX_BODY + 1);
    assert_eq!(s.post("/api/edit", &big).0, 413);
    assert_eq!(request(s.addr, b"NONSENSE\r\n\r\n").0, 400);
    let (status, _, _) = request(
        s.addr,
        format!("POST /api/edit HTTP/1.1\r\nHost: {host}\r\nContent-Length: 10\r\n\r\n{{")
            .as_bytes(),
    );
    assert_eq!(status, 400);
    let huge_head = format!(
        "GET / HTTP/1.1\r\nHost: {host}\r\nX: {}\r\n\r\n",
        "y".repeat(20_000)
    );
    assert_eq!(request(s.addr, huge_head.as_bytes()).0, 431);
    assert_eq!(s.text(), before, "a refused request wrote");
    // No CORS header, ever.
    for path in ["/", "/api/state", "/app.js"] {
        let (_, head, _) = s.get(path);
        assert!(
            !head.to_lowercase().contains("access-control"),
            "{path}: {head}"
        );
    }
}

#[test]
fn undo_and_redo_restore_the_file_exactly() {
    let s = serve("undo");
    let original = s.text();
    let (status, _) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 12}
    ]));
    assert_eq!(status, 200);
    let edited = s.text();
    assert_ne!(edited, original);
    let (status, _, body) = s.post("/api/undo", "{}");
    assert_eq!(status, 200, "{body}");
    assert_eq!(s.text(), original);
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(state["redo"], true);
    let (status, _, _) = s.post("/api/redo", "{}");
    assert_eq!(status, 200);
    assert_eq!(s.text(), edited);
}

#[test]
fn a_change_on_disk_is_noticed_without_an_edit() {
    let s = serve("notice");
    assert_eq!(s.get("/api/disk").0, 200);
    std::fs::write(&s.file, s.text() + "# ändrad\n").unwrap();
    let (status, _, body) = s.get("/api/disk");
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("# ändrad"), "{body}");
}

#[test]
fn the_register_filter_shows_how_many_rows_it_covers_as_it_is_edited() {
    let s = serve("filter");
    let (_, _, body) = s.get("/api/state");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    let before = state["totals"]["comparison"]["peer"]["count"]
        .as_u64()
        .unwrap();
    assert!(before >= 3, "{}", state["totals"]);
    let (status, state) = s.edit(serde_json::json!([
        {"op": "set", "path": "comparison.peer.from_register.population_max", "value": 100_000}
    ]));
    assert_eq!(status, 200, "{state}");
    let after = state["totals"]["comparison"]["peer"]["count"]
        .as_u64()
        .unwrap();
    assert!(after > before, "{before} → {after}");
    // The inline table keeps its one line.
    assert!(
        s.text()
            .contains("from_register = { population_max = 100_000, first_evaluation = true }"),
        "{}",
        s.text()
    );
}

#[test]
fn a_folder_lists_its_evaluations_opens_them_by_name_only_and_makes_new_ones() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("kompass-serve-folder-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let _guard = TempDir(dir.clone());
    for name in ["leksand-2023.toml", "rattvik-2023.toml"] {
        std::fs::copy(format!("{root}/examples/leksand-2023.toml"), dir.join(name)).unwrap();
    }
    std::fs::copy(
        format!("{root}/examples/register.csv"),
        dir.join("register.csv"),
    )
    .unwrap();
    let server = Server::start(&dir, 0, Lang::Sv).unwrap();
    let (addr, token) = server.spawn();
    let s = Served {
        addr,
        token,
        file: dir.join("leksand-2023.toml"),
        _dir: TempDir(std::env::temp_dir().join("kompass-serve-folder-none")),
    };
    let (status, _, body) = s.get("/api/files");
    assert_eq!(status, 200);
    let files: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(files["files"].as_array().unwrap().len(), 2, "{files}");
    assert_eq!(files["files"][0]["current"], true);
    // Only a name from the list opens: no path.
    for name in ["../leksand-2023.toml", "/etc/passwd", "register.csv", ""] {
        let (status, _, _) = s.post(
            "/api/open",
            &serde_json::json!({ "name": name }).to_string(),
        );
        assert_eq!(status, 404, "{name}");
    }
    let (status, _, body) = s.post("/api/open", r#"{"name": "rattvik-2023.toml"}"#);
    assert_eq!(status, 200, "{body}");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(state["file"], "rattvik-2023.toml");
    // A new evaluation goes into the folder and nowhere else.
    let (status, _, body) = s.post("/api/new", r#"{"municipality": "Ydre"}"#);
    assert_eq!(status, 200, "{body}");
    let made: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("ydre-"))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    for name in ["../../tmp/x", "a/b", ""] {
        let (status, _, _) = s.post(
            "/api/new",
            &serde_json::json!({ "municipality": name }).to_string(),
        );
        assert_eq!(status, 422, "{name}");
    }
}

#[test]
fn what_changed_charts_and_an_earlier_evaluation() {
    let s = serve("changes");
    let (_, _, body) = s.get("/api/changes");
    let none: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(none["count"], 0, "{none}");
    let (status, _) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 12}
    ]));
    assert_eq!(status, 200);
    let (status, _, body) = s.get("/api/changes");
    assert_eq!(status, 200, "{body}");
    let changes: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(changes["since"], "sedan sidan öppnade filen");
    assert!(
        changes["text"].as_str().unwrap().contains("4.2"),
        "{changes}"
    );
    // The charts beside the evaluation, each with its alt text.
    let (status, _, body) = s.post("/api/pdf", r#"{"kind": "charts"}"#);
    assert_eq!(status, 200, "{body}");
    let dir = s.file.with_file_name("leksand-2023-diagram");
    let svgs = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "svg"))
        })
        .count();
    assert!(svgs >= 3, "{svgs} charts");
    // An earlier evaluation with its eight values, added as the form adds it.
    let before = s.text();
    let (status, state) = s.edit(serde_json::json!([
        {"op": "add", "path": "history"},
        {"op": "set", "path": "history[1].year", "value": 2019},
        {"op": "set", "path": "history[1].values", "value": [50, 51, 52, 53, 54, 55, 56, 57.5]}
    ]));
    assert_eq!(status, 200, "{state}");
    let added = &s.text()[before.len() - 1..];
    assert!(
        added.contains("[[history]]") && added.contains("57.5"),
        "{added}"
    );
    assert_eq!(state["data"]["history"][0]["year"], 2019);
}

#[test]
fn evaluators_change_places_and_only_their_lines_change() {
    let s = serve("reorder");
    let before = s.text();
    let (status, state) = s.edit(serde_json::json!([
        {"op": "move", "path": "evaluators", "from": 0, "to": 1}
    ]));
    assert_eq!(status, 200, "{state}");
    assert_eq!(state["data"]["evaluators"][0]["name"], "Linda Nordberg");
    assert_eq!(state["data"]["evaluators"][1]["name"], "Fredrik Carlsson");
    let changed = changed_lines(&before, &s.text());
    assert!(!changed.is_empty() && changed.len() <= 4, "{changed:?}");
}

#[test]
fn a_flood_of_idle_connections_is_closed_and_the_server_goes_on() {
    let s = serve("flood");
    let idle: Vec<TcpStream> = (0..300)
        .filter_map(|_| TcpStream::connect(s.addr).ok())
        .collect();
    // Beyond the bound the server closes at once: some of these read an end without a word.
    let closed = idle
        .iter()
        .filter(|c| {
            let mut c = *c;
            c.set_read_timeout(Some(std::time::Duration::from_millis(200)))
                .unwrap();
            matches!(c.read(&mut [0u8; 1]), Ok(0))
        })
        .count();
    assert!(closed > 0, "no connection was refused of 300");
    drop(idle);
    // Once the idle ones are gone (each is dropped after at most its read timeout), it answers.
    let t = std::time::Instant::now();
    loop {
        let (status, _, _) = s.get("/api/disk");
        if status == 200 {
            break;
        }
        assert!(
            t.elapsed() < std::time::Duration::from_secs(15),
            "status {status}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
