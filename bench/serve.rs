//! Benchmark: `kompass serve` driven as the page drives it. The example is served from a
//! temporary folder; then, 15 times each, one score and one sentence are changed to a value
//! never seen before: the edit is posted over HTTP, the tab's event stream says when the pages
//! of that version are typeset, and the first page whose hash changed is fetched. The time from
//! sending the edit to having that page's SVG is what the user waits for. Then, 15 times, a save
//! posted while the preview of the save before it is being typeset: the time until it is
//! answered (the preview must not hold it up). Then 1 000 edits more, and the process's resident
//! memory after them against after the first (Linux, /proc/self/statm).
//!
//! Run: `cargo bench --bench serve` (release profile). Prints the medians and the memory ratio.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Instant;

const RUNS: usize = 15;

/// A tab's event stream, read line by line.
struct Events(std::io::BufReader<TcpStream>);

impl Events {
    fn open(addr: SocketAddr, key: &str) -> Events {
        let mut s = TcpStream::connect(addr).unwrap();
        let raw = format!(
            "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Kompass-Key: {key}\r\n\r\n",
            addr.port()
        );
        s.write_all(raw.as_bytes()).unwrap();
        Events(std::io::BufReader::new(s))
    }

    /// Read events until the pages of `version` (or a later one) are typeset.
    fn pages_of(&mut self, version: u64) {
        use std::io::BufRead;
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                self.0.read_line(&mut line).unwrap() > 0,
                "the event stream ended"
            );
            let Some(data) = line.strip_prefix("data: ") else {
                continue;
            };
            let event: serde_json::Value = serde_json::from_str(data).unwrap();
            if event["pages"].as_u64().unwrap_or(0) >= version {
                return;
            }
        }
    }
}

fn request(addr: SocketAddr, token: &str, method: &str, path: &str, body: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    let raw = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Kompass-Key: {token}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len(),
        port = addr.port()
    );
    s.write_all(raw.as_bytes()).unwrap();
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out.split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default()
}

fn hashes(state: &serde_json::Value) -> Vec<String> {
    state["pages"]["list"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| p["hash"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Post one edit, wait for its pages, and fetch the first changed page: milliseconds.
fn change(
    addr: SocketAddr,
    token: &str,
    events: &mut Events,
    before: &mut Vec<String>,
    edit: serde_json::Value,
) -> f64 {
    let t = Instant::now();
    let body = serde_json::json!({ "edits": [edit] }).to_string();
    let saved: serde_json::Value =
        serde_json::from_str(&request(addr, token, "POST", "/api/edit", &body)).unwrap();
    events.pages_of(saved["version"].as_u64().unwrap());
    let state: serde_json::Value =
        serde_json::from_str(&request(addr, token, "GET", "/api/state", "")).unwrap();
    let now = hashes(&state);
    let changed = now
        .iter()
        .zip(before.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    let svg = request(addr, token, "GET", &format!("/api/page/{changed}.svg"), "");
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    let elapsed = t.elapsed().as_secs_f64() * 1000.0;
    *before = now;
    elapsed
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4)
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("kompass-bench-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("leksand-2023.toml");
    std::fs::copy(format!("{root}/examples/leksand-2023.toml"), &file).unwrap();
    std::fs::copy(
        format!("{root}/examples/register.csv"),
        dir.join("register.csv"),
    )
    .unwrap();
    let server =
        kompass::serve::Server::start(&file, 0, kompass::base::messages::Lang::Sv).unwrap();
    let (addr, token) = server.spawn();
    let state: serde_json::Value =
        serde_json::from_str(&request(addr, &token, "GET", "/api/state", "")).unwrap();
    let mut before = hashes(&state);
    let mut events = Events::open(addr, &token);
    let mut scores = Vec::new();
    let mut sentences = Vec::new();
    for i in 0..RUNS {
        // 4.2 takes 0..=15 in turn; each value differs from the one before.
        let score = serde_json::json!({"op": "set", "path": "area[4].scores.\"4.2\"", "value": i as i64 % 16});
        scores.push(change(addr, &token, &mut events, &mut before, score));
        let sentence = format!(
            "Kommunen har under år {} infört en ny rutin för uppföljning.",
            2000 + i
        );
        let edit =
            serde_json::json!({"op": "set", "path": "area[2].strengths[1]", "value": sentence});
        sentences.push(change(addr, &token, &mut events, &mut before, edit));
    }
    println!(
        "serve: one score changed → its page's SVG: median {:.1} ms of {RUNS}",
        median(scores)
    );
    println!(
        "serve: one sentence changed → its page's SVG: median {:.1} ms of {RUNS}",
        median(sentences)
    );
    // A save while the preview of the one before is being typeset.
    let mut during = Vec::new();
    for i in 0..RUNS {
        let first = serde_json::json!({"edits": [{"op": "set", "path": "area[5].scores.\"5.1\"", "value": i as i64 % 16}]});
        request(addr, &token, "POST", "/api/edit", &first.to_string());
        let second = serde_json::json!({"edits": [{"op": "set", "path": "area[2].strengths[2]", "value": format!("Under år {} ökade samverkan.", 1990 + i)}]});
        let t = Instant::now();
        request(addr, &token, "POST", "/api/edit", &second.to_string());
        during.push(t.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    println!(
        "serve: a save answered while a preview is typeset: median {:.1} ms of {RUNS}",
        median(during)
    );
    let after_first = resident_kib();
    for i in 0..1000 {
        let edit = serde_json::json!({"op": "set", "path": "area[4].scores.\"4.2\"", "value": i as i64 % 16});
        let body = serde_json::json!({ "edits": [edit] }).to_string();
        request(addr, &token, "POST", "/api/edit", &body);
    }
    let after = resident_kib();
    println!(
        "serve: resident memory {} MiB after the first edits, {} MiB after 1 000 more ({:.2}×)",
        after_first / 1024,
        after / 1024,
        after as f64 / after_first.max(1) as f64
    );
    let _ = std::fs::remove_dir_all(&dir);
}
