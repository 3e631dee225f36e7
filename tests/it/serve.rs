//! `kompass serve` driven through its HTTP API in process: edits round-trip to TOML with the
//! file's comments kept and one changed line per change, findings come back with their key
//! paths, a file changed on disk is not overwritten, and every security rule refuses what it
//! should.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;

use kompass::base::messages::Lang;
use kompass::serve::Server;

use crate::support::process;
use process::serve_process;

struct Served {
    addr: SocketAddr,
    /// A tab's key, sent in the `X-Kompass-Key` header.
    key: String,
    /// The launch address's token.
    launch: String,
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
    let launch = server.token().to_string();
    let (addr, key) = server.spawn();
    Served {
        addr,
        key,
        launch,
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
            "GET {path} HTTP/1.1\r\nHost: {}\r\nX-Kompass-Key: {}\r\n\r\n",
            self.host(),
            self.key
        );
        request(self.addr, raw.as_bytes())
    }

    fn post_with(&self, path: &str, body: &str, origin: &str, kind: &str) -> (u16, String, String) {
        let raw = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nX-Kompass-Key: {}\r\nOrigin: {origin}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n{body}",
            self.host(),
            self.key,
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
fn a_change_on_disk_to_another_key_is_taken_in_and_both_are_kept() {
    let s = serve("disk");
    // A colleague's save: another score, and a comment of their own.
    let theirs =
        s.text().replacen("\"4.1\" = 7", "\"4.1\" = 8", 1) + "# ändrad i en annan redigerare\n";
    assert_ne!(theirs, s.text());
    std::fs::write(&s.file, &theirs).unwrap();
    let (status, body) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 12, "base": 11}
    ]));
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["disk_changes"],
        serde_json::json!(["area[4].scores.\"4.1\""]),
        "{body}"
    );
    assert_eq!(body["conflicts"], serde_json::json!([]));
    let now = s.text();
    assert!(now.contains("\"4.1\" = 8"), "their change was lost");
    assert!(
        now.contains("\"4.2\" = 12  # enligt intervjuerna"),
        "mine was lost"
    );
    assert!(now.ends_with("# ändrad i en annan redigerare\n"));
}

#[test]
fn two_edits_of_one_text_are_merged_by_words_and_only_the_same_words_conflict() {
    let s = serve("words");
    let path = "summary.comments";
    let (_, _, body) = s.get("/api/state");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    let base = state["data"]["summary"]["comments"]
        .as_str()
        .unwrap()
        .to_string();
    let first = base.split_whitespace().next().unwrap().to_string();
    // One tab appends a sentence; the other, from the same base, fixes the first word.
    let appended = format!("{} Nämnderna rapporterar varje kvartal.", base.trim_end());
    let (status, _) =
        s.edit(serde_json::json!([{"op": "set", "path": path, "value": appended, "base": base}]));
    assert_eq!(status, 200);
    let fixed = base.replacen(&first, "Sammantaget", 1);
    let (status, body) =
        s.edit(serde_json::json!([{"op": "set", "path": path, "value": fixed, "base": base}]));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["conflicts"], serde_json::json!([]), "{body}");
    let (_, _, body) = s.get("/api/state");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    let merged = state["data"]["summary"]["comments"].as_str().unwrap();
    assert!(merged.starts_with("Sammantaget"), "{merged}");
    assert!(
        merged.contains("Nämnderna rapporterar varje kvartal."),
        "{merged}"
    );
    // The same words changed differently: a conflict at the field, nothing written, both texts
    // in the answer.
    let before = s.text();
    // A third tab, still on the first text, changes the first word too.
    let mine = base.replacen(&first, "Kort sagt", 1);
    let (status, body) =
        s.edit(serde_json::json!([{"op": "set", "path": path, "value": mine, "base": base}]));
    assert_eq!(status, 200, "{body}");
    let conflict = &body["conflicts"][0];
    assert_eq!(conflict["path"], path, "{body}");
    assert_eq!(conflict["mine"], serde_json::json!(mine));
    assert_eq!(conflict["theirs"], serde_json::json!(merged));
    assert_eq!(conflict["where"], "tab");
    assert_eq!(s.text(), before, "a conflicting edit was written");
}

/// The launch address gives the page and no cookie; the page's script trades the token for a key.
fn launch_gives_a_key_and_no_cookie(s: &Served) {
    let host = s.host();
    // The launch address gives the page, and no cookie: a cookie would go to every port.
    let (status, head, body) = request(
        s.addr,
        format!("GET /?token={} HTTP/1.1\r\nHost: {host}\r\n\r\n", s.launch).as_bytes(),
    );
    assert_eq!(status, 200);
    assert!(body.contains("<html lang=\"sv\">"));
    assert!(!head.to_lowercase().contains("set-cookie"), "{head}");
    // The page's script trades the token for a tab key, sent in a header from then on.
    let session = |launch: &str, origin: &str| {
        let raw = format!(
            "POST /api/session HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\nX-Kompass-Launch: {launch}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}"
        );
        request(s.addr, raw.as_bytes())
    };
    let own = format!("http://{host}");
    let (status, head, body) = session(&s.launch, &own);
    assert_eq!(status, 200, "{body}");
    assert!(!head.to_lowercase().contains("set-cookie"), "{head}");
    let key: serde_json::Value = serde_json::from_str(&body).unwrap();
    let key = key["key"].as_str().unwrap().to_string();
    assert_ne!(key, s.key, "each tab has its own key");
    let with_key =
        format!("GET /api/state HTTP/1.1\r\nHost: {host}\r\nX-Kompass-Key: {key}\r\n\r\n");
    assert_eq!(request(s.addr, with_key.as_bytes()).0, 200);
    // A wrong launch token, or the right one from a foreign Origin, gets no key.
    assert_eq!(session(&"0".repeat(32), &own).0, 403);
    assert_eq!(session(&s.launch, "http://127.0.0.1:1").0, 403);
    assert_eq!(session(&s.launch, "null").0, 403);
}

#[test]
fn every_security_rule_refuses_what_it_should() {
    let s = serve("security");
    let host = s.host();
    let own = format!("http://{host}");
    launch_gives_a_key_and_no_cookie(&s);
    // No key, a forged one, the token or the key as the old cookie (another local server
    // replaying what the browser sent it, with a forged Host and Origin), a wrong Host (DNS
    // rebinding) even with the key, also for localhost's other ports.
    let forged = format!(
        "{}{}",
        &s.key[..s.key.len() - 1],
        if s.key.ends_with('0') { '1' } else { '0' }
    );
    for raw in [
        format!("GET /api/state HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        format!("GET /api/state HTTP/1.1\r\nHost: {host}\r\nX-Kompass-Key: {forged}\r\n\r\n"),
        format!(
            "GET /api/state HTTP/1.1\r\nHost: {host}\r\nX-Kompass-Key: {}\r\n\r\n",
            s.launch
        ),
        format!(
            "GET /api/state HTTP/1.1\r\nHost: {host}\r\nOrigin: {own}\r\nCookie: kompass_token={}\r\n\r\n",
            s.launch
        ),
        format!(
            "GET /api/state HTTP/1.1\r\nHost: {host}\r\nOrigin: {own}\r\nCookie: kompass_token={}\r\n\r\n",
            s.key
        ),
        format!(
            "GET /api/state HTTP/1.1\r\nHost: evil.example:{}\r\nX-Kompass-Key: {}\r\n\r\n",
            s.addr.port(),
            s.key
        ),
        format!(
            "GET /api/state HTTP/1.1\r\nHost: localhost:1\r\nX-Kompass-Key: {}\r\n\r\n",
            s.key
        ),
        format!(
            "GET /api/state HTTP/1.1\r\nX-Kompass-Key: {}\r\n\r\n",
            s.key
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
fn undo_is_an_inverse_edit_that_keeps_a_colleagues_change() {
    let s = serve("undo");
    let original = s.text();
    let score = "area[4].scores.\"4.2\"";
    let (status, _) =
        s.edit(serde_json::json!([{"op": "set", "path": score, "value": 12, "base": 11}]));
    assert_eq!(status, 200);
    // A colleague changes two other scores meanwhile.
    let theirs = s.text().replacen("\"4.1\" = 7", "\"4.1\" = 8", 1).replacen(
        "\"4.3\" = 10",
        "\"4.3\" = 9",
        1,
    );
    std::fs::write(&s.file, &theirs).unwrap();
    // My undo: my score back, as an edit based on what I set.
    let (status, body) =
        s.edit(serde_json::json!([{"op": "set", "path": score, "value": 11, "base": 12}]));
    assert_eq!(status, 200, "{body}");
    let now = s.text();
    assert!(now.contains("\"4.2\" = 11  # enligt intervjuerna"), "{now}");
    assert!(
        now.contains("\"4.1\" = 8") && now.contains("\"4.3\" = 9"),
        "the colleague's scores were undone"
    );
    // Without the colleague, undo gives back the file exactly.
    std::fs::write(&s.file, &original).unwrap();
    let (status, _) =
        s.edit(serde_json::json!([{"op": "set", "path": score, "value": 12, "base": 11}]));
    assert_eq!(status, 200);
    let (status, _) =
        s.edit(serde_json::json!([{"op": "set", "path": score, "value": 11, "base": 12}]));
    assert_eq!(status, 200);
    assert_eq!(s.text(), original);
}

#[test]
fn a_change_on_disk_is_taken_in_without_an_edit_and_every_tab_hears_of_it() {
    let s = serve("notice");
    let (_, _, body) = s.get("/api/state");
    let version = serde_json::from_str::<serde_json::Value>(&body).unwrap()["version"].clone();
    // A tab's event stream.
    let mut events = TcpStream::connect(s.addr).unwrap();
    events
        .write_all(
            format!(
                "GET /api/events HTTP/1.1\r\nHost: {}\r\nX-Kompass-Key: {}\r\n\r\n",
                s.host(),
                s.key
            )
            .as_bytes(),
        )
        .unwrap();
    events
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    std::fs::write(&s.file, s.text().replacen("\"4.1\" = 7", "\"4.1\" = 8", 1)).unwrap();
    let mut got = String::new();
    let mut buf = [0u8; 4096];
    while !got.contains("4.1") {
        let n = events.read(&mut buf).unwrap();
        assert!(n > 0, "the stream ended: {got}");
        got.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    assert!(got.contains("text/event-stream"));
    assert!(
        got.contains(r#""disk":["area[4].scores.\"4.1\""]"#),
        "{got}"
    );
    let (_, _, body) = s.get("/api/state");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_ne!(state["version"], version);
    assert_eq!(state["data"]["area"][3]["scores"]["4.1"], 8);
    // Without the key there is no stream.
    let raw = format!("GET /api/events HTTP/1.1\r\nHost: {}\r\n\r\n", s.host());
    assert_eq!(request(s.addr, raw.as_bytes()).0, 403);
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
    let launch = server.token().to_string();
    let (addr, key) = server.spawn();
    let s = Served {
        addr,
        key,
        launch,
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
        let (status, _, _) = s.get("/api/municipalities");
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

/// Serve `dir` (a folder) with a tab key.
fn serve_folder(dir: &std::path::Path) -> Served {
    let server = Server::start(dir, 0, Lang::Sv).unwrap();
    let launch = server.token().to_string();
    let (addr, key) = server.spawn();
    Served {
        addr,
        key,
        launch,
        file: dir.join("none.toml"),
        _dir: TempDir(std::env::temp_dir().join("kompass-serve-folder-none")),
    }
}

fn temp_folder(name: &str) -> (PathBuf, TempDir) {
    let dir = std::env::temp_dir().join(format!("kompass-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    (dir.clone(), TempDir(dir))
}

#[test]
fn every_api_route_needs_the_tab_key() {
    let s = serve("routes");
    let host = s.host();
    let own = format!("http://{host}");
    let gets = [
        "/api/state",
        "/api/page/0.svg",
        "/api/files",
        "/api/events",
        "/api/changes",
        "/api/municipalities",
        "/api/schema",
        "/api/review",
        "/api/nonexistent",
    ];
    for path in gets {
        // What an <img>, a link or a script tag of another page would send: no key.
        let raw =
            format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nReferer: http://127.0.0.1:1/\r\n\r\n");
        let (status, _, body) = request(s.addr, raw.as_bytes());
        assert_eq!(status, 403, "{path}: {body}");
        assert!(!body.contains("<svg"), "{path}");
    }
    let before = s.text();
    for path in [
        "/api/edit",
        "/api/undo",
        "/api/redo",
        "/api/resolve",
        "/api/pdf",
        "/api/open",
        "/api/new",
        "/api/review",
        "/api/review/state",
        "/api/review/reply",
    ] {
        let body = r#"{"edits":[{"op":"set","path":"report.publisher","value":"X"}],"keep":"page","kind":"draft"}"#;
        let raw = format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: {own}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        assert_eq!(request(s.addr, raw.as_bytes()).0, 403, "{path}");
    }
    assert_eq!(s.text(), before);
    let dir = s.file.parent().unwrap();
    assert!(
        !dir.join("leksand-2023-utkast.pdf").exists(),
        "a PDF was written"
    );
    assert!(
        !dir.join("leksand-2023-bemotande.pdf").exists()
            && !dir.join("leksand-2023.granskning.toml").exists(),
        "the fact-check's files were written"
    );
    // With the key, the page's image is there.
    let (status, _, body) = s.get("/api/page/0.svg");
    assert_eq!(status, 200);
    assert!(body.starts_with("<svg"));
    // The page itself holds no data and needs no key; neither do its script and style.
    for path in ["/", "/app.js", "/app.css"] {
        let raw = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
        let (status, _, body) = request(s.addr, raw.as_bytes());
        assert_eq!(status, 200, "{path}");
        assert!(
            !body.contains("enligt intervjuerna"),
            "{path} shows the evaluation"
        );
    }
}

#[test]
fn clients_that_send_slowly_never_keep_the_page_out() {
    let s = serve("slow");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // 40 connections, each sending one byte of its head a second (more than the server answers
    // at once), for as long as the test runs.
    let slow: Vec<_> = (0..40)
        .map(|_| {
            let addr = s.addr;
            let stop = std::sync::Arc::clone(&stop);
            std::thread::spawn(move || {
                let Ok(mut c) = TcpStream::connect(addr) else {
                    return;
                };
                let head = b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: aaaaaaaaaaaaaaaaaaaa";
                for b in head.iter().cycle().take(600) {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) || c.write_all(&[*b]).is_err() {
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_secs(1));
                }
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(500));
    // The page's requests are answered all the while: twenty of them over several seconds,
    // past the time a slow client has for its head.
    for n in 0..20 {
        let (status, _, body) = s.get("/api/municipalities");
        assert_eq!(status, 200, "request {n}: {body}");
        std::thread::sleep(std::time::Duration::from_millis(400));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for t in slow {
        let _ = t.join();
    }
}

#[cfg(unix)]
#[test]
fn a_folder_lists_no_links_and_every_bad_file_with_its_problem() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (dir, _guard) = temp_folder("links");
    let (outside, _outside_guard) = temp_folder("links-outside");
    let secret = outside.join("secret.toml");
    std::fs::write(&secret, "hemligt = \"utanför mappen\"\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("a-link.toml")).unwrap();
    // Files that sort first and cannot be read: not UTF-8, and too large.
    std::fs::write(dir.join("b-binary.toml"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let big = std::fs::File::create(dir.join("c-huge.toml")).unwrap();
    big.set_len(kompass::files::read::MAX_EVALUATION_BYTES + 1)
        .unwrap();
    std::fs::copy(
        format!("{root}/examples/leksand-2023.toml"),
        dir.join("leksand-2023.toml"),
    )
    .unwrap();
    let s = serve_folder(&dir);
    // It started, with the good one open.
    let (_, _, body) = s.get("/api/state");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(state["file"], "leksand-2023.toml");
    let (_, _, body) = s.get("/api/files");
    let files: serde_json::Value = serde_json::from_str(&body).unwrap();
    let names: Vec<&str> = files["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["b-binary.toml", "c-huge.toml", "leksand-2023.toml"]);
    for bad in &files["files"].as_array().unwrap()[..2] {
        assert!(
            bad["problem"].as_str().is_some_and(|p| !p.is_empty()),
            "{bad}"
        );
    }
    // The link is neither listed nor opened, and its text never reaches the page.
    let (status, _, body) = s.post("/api/open", r#"{"name": "a-link.toml"}"#);
    assert_eq!(status, 404);
    assert!(!body.contains("utanför"));
}

#[test]
fn an_empty_folder_opens_with_a_new_evaluation_to_make() {
    let (dir, _guard) = temp_folder("empty");
    let s = serve_folder(&dir);
    let (status, _, body) = s.get("/api/state");
    assert_eq!(status, 200, "{body}");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(state["file"], serde_json::Value::Null);
    assert_eq!(state["folder"], true);
    // Nothing to edit yet.
    assert_eq!(
        s.edit(serde_json::json!([{"op": "set", "path": "report.publisher", "value": "X"}]))
            .0,
        404
    );
    let (status, _, body) = s.post("/api/new", r#"{"municipality": "Härjedalen"}"#);
    assert_eq!(status, 200, "{body}");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(
        state["file"].as_str().unwrap().starts_with("härjedalen"),
        "{state}"
    );
}

#[test]
fn a_long_folder_listing_holds_up_no_other_request() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (dir, _guard) = temp_folder("listing");
    let text = std::fs::read_to_string(format!("{root}/examples/leksand-2023.toml")).unwrap();
    for n in 0..150 {
        std::fs::write(dir.join(format!("e{n:03}.toml")), &text).unwrap();
    }
    let s = serve_folder(&dir);
    let order = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let (addr, key, host) = (s.addr, s.key.clone(), s.host());
    let get = move |path: &str| {
        let raw = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nX-Kompass-Key: {key}\r\n\r\n");
        request(addr, raw.as_bytes()).0
    };
    let listing = {
        let (order, get) = (std::sync::Arc::clone(&order), get.clone());
        std::thread::spawn(move || {
            let status = get("/api/files");
            order.lock().unwrap().push("files");
            status
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(get("/api/state"), 200);
    order.lock().unwrap().push("state");
    assert_eq!(listing.join().unwrap(), 200);
    // Checking 150 evaluations takes far longer than the state: it came first.
    assert_eq!(*order.lock().unwrap(), ["state", "files"]);
    // The second listing reads nothing again.
    assert_eq!(get("/api/files"), 200);
}

/// A tab's key from a launch address, as the page's script gets it.
fn tab_key_from(url: &str) -> (SocketAddr, String) {
    let rest = url.trim_start_matches("http://");
    let (host, query) = rest.split_once("/?token=").unwrap();
    let addr: SocketAddr = host.parse().unwrap();
    let raw = format!(
        "POST /api/session HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nX-Kompass-Launch: {query}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}"
    );
    let (status, _, body) = request(addr, raw.as_bytes());
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    (addr, v["key"].as_str().unwrap().to_string())
}

#[cfg(unix)]
#[test]
fn the_browser_opens_without_the_token_on_any_command_line() {
    use std::os::unix::fs::PermissionsExt;
    let root = env!("CARGO_MANIFEST_DIR");
    let (dir, _guard) = temp_folder("opener");
    let file = dir.join("leksand-2023.toml");
    std::fs::copy(format!("{root}/examples/leksand-2023.toml"), &file).unwrap();
    // A stand-in for xdg-open that writes down the command line it was given.
    let bin = dir.join("bin");
    std::fs::create_dir(&bin).unwrap();
    let opener = bin.join("xdg-open");
    std::fs::write(&opener, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args.tmp\"\nmv \"$(dirname \"$0\")/args.tmp\" \"$(dirname \"$0\")/args\"\n").unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let state = dir.join("state");
    let (mut child, url) = serve_process(&file, &state, &bin, &[]);
    let token = url.split("token=").nth(1).unwrap().to_string();
    let t = std::time::Instant::now();
    while !bin.join("args").exists() && t.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    let args = std::fs::read_to_string(bin.join("args")).expect("xdg-open was not run");
    assert!(
        !args.contains(&token),
        "the token is on xdg-open's command line: {args}"
    );
    // It was given a page only the user can read, which sends the browser on with the token.
    let page = std::path::PathBuf::from(args.trim());
    assert!(page.starts_with(&state), "{args}");
    let mode = std::fs::metadata(&page).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{}", page.display());
    let state_mode = std::fs::metadata(&state).unwrap().permissions().mode() & 0o777;
    assert_eq!(state_mode, 0o700);
    assert!(std::fs::read_to_string(&page).unwrap().contains(&url));
}

#[cfg(unix)]
#[test]
fn a_restarted_server_keeps_its_address_and_the_open_tab_its_key() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (dir, _guard) = temp_folder("restart");
    let file = dir.join("leksand-2023.toml");
    std::fs::copy(format!("{root}/examples/leksand-2023.toml"), &file).unwrap();
    let state = dir.join("state");
    let (mut first, url) = serve_process(&file, &state, &dir, &["--no-open"]);
    let (addr, key) = tab_key_from(&url);
    let get = |key: &str| {
        let raw =
            format!("GET /api/state HTTP/1.1\r\nHost: {addr}\r\nX-Kompass-Key: {key}\r\n\r\n");
        request(addr, raw.as_bytes()).0
    };
    assert_eq!(get(&key), 200);
    let _ = first.kill();
    let _ = first.wait();
    // The same command again: the same address, and the tab's key still opens it.
    let (mut second, again) = serve_process(&file, &state, &dir, &["--no-open"]);
    assert_eq!(again, url);
    assert_eq!(get(&key), 200);
    let _ = second.kill();
    let _ = second.wait();
    // Another evaluation has its own address and keys: this tab's key does not open it.
    let other = dir.join("rattvik-2023.toml");
    std::fs::copy(&file, &other).unwrap();
    let (mut third, elsewhere) = serve_process(&other, &state, &dir, &["--no-open"]);
    let (other_addr, _) = tab_key_from(&elsewhere);
    let raw =
        format!("GET /api/state HTTP/1.1\r\nHost: {other_addr}\r\nX-Kompass-Key: {key}\r\n\r\n");
    assert_eq!(request(other_addr, raw.as_bytes()).0, 403);
    let _ = third.kill();
    let _ = third.wait();
}

#[test]
fn a_draft_sent_for_fact_checking_is_kept_and_what_changed_speaks_in_fields() {
    let s = serve("drafts");
    let sent = s.file.with_file_name("leksand-2023-utkast.pdf");
    let (status, _, body) = s.post("/api/pdf", r#"{"kind": "draft"}"#);
    assert_eq!(status, 200, "{body}");
    let first = std::fs::read(&sent).unwrap();
    // The same draft again replaces nothing of value: it is the same evaluation.
    let (_, _, body) = s.post("/api/pdf", r#"{"kind": "draft"}"#);
    assert!(body.contains(r#""kept":null"#), "{body}");
    let (status, _) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 12},
        {"op": "set", "path": "area[4].strengths[1]", "value": "En ny styrka efter granskningen"}
    ]));
    assert_eq!(status, 200);
    // A new draft keeps the one sent for fact-checking under a versioned name.
    let (status, _, body) = s.post("/api/pdf", r#"{"kind": "draft"}"#);
    assert_eq!(status, 200, "{body}");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(answer["kept"], "leksand-2023-utkast-v1.pdf", "{answer}");
    let kept = s.file.with_file_name("leksand-2023-utkast-v1.pdf");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        first,
        "the sent draft was not kept as it was"
    );
    // The new draft has its page of changes against the sent one.
    let new = kompass::pdf::embed::read(&std::fs::read(&sent).unwrap()).unwrap();
    assert!(new.provenance.changes_since.is_some(), "no page of changes");
    // What changed: against the kept draft, in fields and words.
    let (_, _, body) = s.get("/api/changes");
    let changes: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(
        changes["since"].as_str().unwrap().contains("utkast-v1"),
        "{changes}"
    );
    let text = changes["text"].as_str().unwrap();
    assert!(
        text.contains("blev ”En ny styrka efter granskningen”"),
        "{text}"
    );
    assert!(text.contains("11 blev 12"), "{text}");
    assert!(
        !text.contains("[-") && !text.contains("{+"),
        "diff notation: {text}"
    );
    // Slides follow the report: final when nothing stops a final report.
    let (status, _, body) = s.post("/api/pdf", r#"{"kind": "slides"}"#);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("leksand-2023-presentation.pdf"), "{body}");
}

/// Random edits from two sides to different keys, applied in either order, merge without losing
/// any, the file always parses, and one changed value is one changed line.
#[test]
fn edits_from_two_sides_to_different_keys_all_survive_in_any_order() {
    let s = serve("interleave");
    let original = s.text();
    let scores: Vec<(String, i64)> = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1", "7.1", "8.1"]
        .iter()
        .enumerate()
        .map(|(i, id)| (format!("area[{}].scores.\"{id}\"", i + 1), 3 + i as i64))
        .collect();
    // Side A saves through kompass with stale bases; side B writes the file on disk in between.
    for (k, (path, value)) in scores.iter().enumerate() {
        if k % 2 == 0 {
            let (status, body) =
                s.edit(serde_json::json!([{"op": "set", "path": path, "value": value}]));
            assert_eq!(status, 200, "{body}");
        } else {
            let text = s.text();
            let id = path.rsplit('"').nth(1).unwrap();
            let line = text
                .lines()
                .find(|l| l.starts_with(&format!("\"{id}\" = ")))
                .unwrap()
                .to_string();
            std::fs::write(
                &s.file,
                text.replacen(&line, &format!("\"{id}\" = {value}"), 1),
            )
            .unwrap();
        }
    }
    let (status, body) =
        s.edit(serde_json::json!([{"op": "set", "path": "report.publisher", "value": "SKR"}]));
    assert_eq!(status, 200, "{body}");
    let now = s.text();
    assert!(now.parse::<toml::Table>().is_ok());
    for (path, value) in &scores {
        let id = path.rsplit('"').nth(1).unwrap();
        assert!(
            now.lines()
                .any(|l| l.starts_with(&format!("\"{id}\" = {value}"))),
            "{path} lost"
        );
    }
    let differing = scores
        .iter()
        .filter(|(path, value)| {
            let id = path.rsplit('"').nth(1).unwrap();
            !original
                .lines()
                .any(|l| l.starts_with(&format!("\"{id}\" = {value}")))
        })
        .count();
    assert!(differing >= 6);
    assert_eq!(changed_lines(&original, &now).len(), differing + 1);
}

/// The page's words are the catalogue's, filled in as it is served; the form's schema is the
/// data format's, in its order, with the catalogue's labels.
#[test]
fn the_page_speaks_from_the_catalogue_and_the_schema_is_the_format() {
    let s = serve("words");
    let raw = format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", s.host());
    let (status, _, page) = request(s.addr, raw.as_bytes());
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"sv\">"), "{page}");
    assert!(!page.contains("{{"), "a word not filled in: {page}");
    assert!(page.contains(">Ångra</button>"), "{page}");
    let block = page
        .split("<script type=\"application/json\" id=\"kompass-messages\">")
        .nth(1)
        .and_then(|b| b.split("</script>").next())
        .expect("the messages' block");
    let words: serde_json::Value = serde_json::from_str(block).unwrap();
    assert_eq!(words["lang"], "sv");
    assert_eq!(
        words["messages"]["editor-offline"],
        serde_json::json!(["Inte ansluten – det du skriver sparas när kompass är igång igen."])
    );
    let (status, _, body) = s.get("/api/schema");
    assert_eq!(status, 200);
    let schema: serde_json::Value = serde_json::from_str(&body).unwrap();
    let tables = &schema["tables"];
    let root = tables[schema["root"].as_str().unwrap()].as_array().unwrap();
    let keys: Vec<&str> = root.iter().filter_map(|k| k["key"].as_str()).collect();
    let declared: Vec<&str> = kompass::input::structure::EVALUATION
        .iter()
        .map(|f| f.key)
        .collect();
    assert_eq!(keys, declared);
    for (name, fields) in kompass::input::structure::TABLES {
        let served = tables[*name].as_array().unwrap();
        assert_eq!(served.len(), fields.len(), "{name}");
        for (k, f) in served.iter().zip(fields.iter()) {
            assert_eq!(k["key"], f.key);
            assert_eq!(k["required"], f.required, "{name}.{}", f.key);
            let label = k["label"].as_str().unwrap();
            assert!(
                !label.is_empty() && label != f.key,
                "{name}.{}: {label}",
                f.key
            );
        }
    }
    let analysis = tables["area"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"] == "analysis")
        .unwrap();
    assert_eq!(analysis["form"], "prose");
    assert_eq!(analysis["label"], "Sammanfattande analys");
    let name = &tables["municipality"][0];
    assert!(
        name["hint"].as_str().unwrap().contains("290 kommuner"),
        "{name}"
    );
    assert_eq!(root[2]["table"], "municipality");
}

/// `kompass --lang en serve`: the page, its messages and the form's labels in English.
#[test]
fn the_page_and_the_schema_speak_the_served_language() {
    let s = serve("english");
    let server = Server::start(&s.file, 0, Lang::En).unwrap();
    let (addr, key) = server.spawn();
    let get = |path: &str| {
        let raw = format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Kompass-Key: {key}\r\n\r\n",
            addr.port()
        );
        request(addr, raw.as_bytes())
    };
    let (_, _, page) = get("/");
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    assert!(
        page.contains(">Undo</button>") && page.contains("\"lang\":\"en\""),
        "{page}"
    );
    let (_, _, body) = get("/api/schema");
    let schema: serde_json::Value = serde_json::from_str(&body).unwrap();
    let analysis = schema["tables"]["area"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"] == "analysis")
        .unwrap();
    assert_eq!(analysis["label"], "Summarising analysis");
}

/// Standard base64, as the page's `btoa` writes it.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The fact-check in the editor: a returned PDF (commented in Firefox) is read in, its comments
/// placed on their fields and added to the review file beside the evaluation (once), each
/// comment's state set, the answer made beside the evaluation, and a new draft's page of
/// changes counts the comments. The evaluation itself is never written.
#[test]
fn a_returned_draft_is_read_in_its_comments_handled_and_answered() {
    let s = serve("review");
    let root = env!("CARGO_MANIFEST_DIR");
    let pdf = std::fs::read(format!("{root}/tests/fixtures/commented/pdfjs.pdf")).unwrap();
    let (status, _, body) = s.post("/api/pdf", r#"{"kind": "draft"}"#);
    assert_eq!(status, 200, "{body}");
    let before = s.text();
    let json = |body: &str| -> serde_json::Value { serde_json::from_str(body).unwrap() };
    // Nothing read yet: no entries. The review's words come with the page, as every editor
    // message does.
    let (status, _, body) = s.get("/api/review");
    assert_eq!(status, 200, "{body}");
    let state = json(&body);
    assert_eq!(state["comments"].as_array().unwrap().len(), 0);
    assert_eq!(state["file"], "leksand-2023.granskning.toml");
    let raw = format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", s.host());
    let (_, _, page) = request(s.addr, raw.as_bytes());
    assert!(
        page.contains("\"editor-review-title\":[\"Faktagranskningen\"]"),
        "the page carries the review's words"
    );
    // The returned PDF, as the page sends it.
    let sent = serde_json::json!({"name": "granskad.pdf", "pdf": base64(&pdf)}).to_string();
    let (status, _, body) = s.post("/api/review", &sent);
    assert_eq!(status, 200, "{body}");
    let state = json(&body);
    assert_eq!(state["read"]["count"], 4, "{state}");
    assert_eq!(state["read"]["added"], 4);
    let comments = state["comments"].as_array().unwrap();
    let fields: Vec<&str> = comments
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "area[2].analysis",
            "area[2].strengths[2]",
            "area[3].analysis",
            "area[4].scores.\"4.2\""
        ]
    );
    assert_eq!(comments[0]["kind_name"], "markering");
    assert_eq!(comments[0]["state"], "open");
    assert_eq!(state["counts"]["open"], 4);
    let review = s.file.with_file_name("leksand-2023.granskning.toml");
    let file = std::fs::read_to_string(&review).unwrap();
    // Read again: nothing new, nothing written.
    let (_, _, body) = s.post("/api/review", &sent);
    assert_eq!(json(&body)["read"]["added"], 0);
    assert_eq!(std::fs::read_to_string(&review).unwrap(), file);
    // States: one done, one without a change and a reply.
    let id = |i: usize| comments[i]["id"].as_str().unwrap().to_string();
    let set = |id: &str, state: &str, reply: &str| {
        s.post(
            "/api/review/state",
            &serde_json::json!({"id": id, "state": state, "reply": reply}).to_string(),
        )
    };
    assert_eq!(set(&id(0), "done", "").0, 200);
    let (status, _, body) = set(&id(3), "no-change", "Poängen står sig.");
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["counts"]["open"], 2);
    let file = std::fs::read_to_string(&review).unwrap();
    assert!(file.contains("state = \"åtgärdad\""), "{file}");
    assert!(file.contains("reply = \"Poängen står sig.\""), "{file}");
    assert_eq!(set(&id(1), "klar", "").0, 400);
    assert_eq!(set("no-such-comment", "done", "").0, 404);
    // The answer, beside the evaluation.
    let (status, _, body) = s.post("/api/review/reply", "{}");
    assert_eq!(status, 200, "{body}");
    let answer = json(&body);
    assert_eq!(answer["written"], "leksand-2023-bemotande.pdf");
    let text = answer["text"].as_str().unwrap();
    assert!(
        text.contains("- Ingen ändring: Poängen står sig."),
        "{text}"
    );
    assert!(text.contains("- Åtgärdad"), "{text}");
    assert!(s.file.with_file_name("leksand-2023-bemotande.pdf").exists());
    assert_eq!(s.text(), before, "the evaluation was written");
    // A new draft after the review: its page of changes counts the comments.
    let (status, _) = s.edit(serde_json::json!([
        {"op": "set", "path": "area[4].scores.\"4.2\"", "value": 12}
    ]));
    assert_eq!(status, 200);
    let (status, _, body) = s.post("/api/pdf", r#"{"kind": "draft"}"#);
    assert_eq!(status, 200, "{body}");
    let draft = s.file.with_file_name("leksand-2023-utkast.pdf");
    let made = kompass::pdf::embed::read(&std::fs::read(draft).unwrap()).unwrap();
    let counts = made.provenance.changes_review.expect("no counts");
    assert_eq!((counts.received, counts.done, counts.no_change), (4, 1, 1));
}

/// A returned PDF may be larger than any other request, but only for a tab with its key: the
/// head is checked before the body is read.
#[test]
fn only_a_tab_with_its_key_may_send_a_large_pdf() {
    let s = serve("review-large");
    let host = s.host();
    let big = format!(
        r#"{{"name":"x.pdf","pdf":"{}"}}"#,
        "A".repeat(2 * 1024 * 1024)
    );
    let without = format!(
        "POST /api/review HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{big}",
        big.len()
    );
    assert_eq!(request(s.addr, without.as_bytes()).0, 413);
    let (status, _, _) = request(
        s.addr,
        format!("GET /api/review HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
    );
    assert_eq!(status, 403);
    // With the key it is read, and refused as what it is: no PDF.
    let (status, _, body) = s.post("/api/review", &big);
    assert_eq!(status, 422, "{body}");
    assert!(
        !s.file
            .with_file_name("leksand-2023.granskning.toml")
            .exists()
    );
    // Beyond the editor's bound, even with the key.
    let huge = "A".repeat(kompass::serve::review::MAX_BODY + 1);
    assert_eq!(s.post("/api/review", &huge).0, 413);
}
