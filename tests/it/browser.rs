//! `kompass serve` in a real Chromium, driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`): type a score and see the area sum, the total and a preview page change;
//! type an invalid value and see its message at the field; add a strength by keyboard alone;
//! reload and find everything saved; and run axe-core (npm `axe-core`) on the page: no WCAG 2.1
//! A or AA violation. `.ci/run` installs all three and sets `KOMPASS_REQUIRE_TOOLS=1`, which
//! turns a missing one into a failure; elsewhere the test is skipped with a note. With
//! `KOMPASS_SCREENSHOT=1` it also writes `docs/serve.png`.
//!
//! The WebDriver client is a few plain HTTP requests (std's TcpStream and serde_json).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::process;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn required() -> bool {
    std::env::var_os("KOMPASS_REQUIRE_TOOLS").is_some_and(|v| v == "1")
}

/// axe-core's script: `KOMPASS_AXE`, or `target/axe/node_modules/axe-core/axe.min.js` where
/// `.ci/run` installs it.
fn axe_path() -> Option<PathBuf> {
    let root = env!("CARGO_MANIFEST_DIR");
    std::env::var_os("KOMPASS_AXE")
        .map(PathBuf::from)
        .into_iter()
        .chain([PathBuf::from(format!(
            "{root}/target/axe/node_modules/axe-core/axe.min.js"
        ))])
        .find(|p| p.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

/// One HTTP request to chromedriver: the JSON answer's `value`.
fn wd(port: u16, method: &str, path: &str, body: Option<Value>) -> Value {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let raw = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(raw.as_bytes()).unwrap();
    // chromedriver keeps the connection open: read the head, then as many bytes as it says.
    let mut out = Vec::new();
    let mut buf = [0u8; 65536];
    let head_end = loop {
        let n = s.read(&mut buf).unwrap_or(0);
        if n == 0 {
            return Value::Null;
        }
        out.extend_from_slice(&buf[..n]);
        if let Some(i) = out.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&out[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let body_text = match length {
        Some(n) => {
            while out.len() < head_end + n {
                let got = s.read(&mut buf).unwrap_or(0);
                if got == 0 {
                    return Value::Null;
                }
                out.extend_from_slice(&buf[..got]);
            }
            String::from_utf8_lossy(&out[head_end..head_end + n]).into_owned()
        }
        None => {
            let _ = s.read_to_end(&mut out);
            dechunk(&String::from_utf8_lossy(&out[head_end..]))
        }
    };
    match serde_json::from_str::<Value>(&body_text) {
        Ok(v) => v["value"].clone(),
        Err(e) => {
            eprintln!(
                "chromedriver: {e}: {}",
                &body_text[..body_text.len().min(300)]
            );
            Value::Null
        }
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

struct Browser {
    port: u16,
    session: String,
    driver: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        wd(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Browser {
    fn start() -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let t = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless", "--no-sandbox", "--disable-dev-shm-usage",
                         "--window-size=1400,1000", "--lang=sv-SE", "--hide-scrollbars"]
            }
        }}});
        let v = wd(port, "POST", "/session", Some(caps));
        let session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("{v}"))
            .to_string();
        Browser {
            port,
            session,
            driver,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        wd(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        )
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn js(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    fn element(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    /// Type into a field in place of what it holds, as a person does: focus, select all, type
    /// (WebDriver's "clear" blurs the field, and the page may then fill it in again).
    fn type_into(&self, css: &str, text: &str) {
        let e = self.element(css);
        self.js(
            "const f = document.querySelector(arguments[0]); f.focus(); f.select(); return true;",
            json!([css]),
        );
        self.call(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Keys to whatever has the focus (W3C key codes: Tab \u{E004}, Enter \u{E007}).
    fn keys(&self, text: &str) {
        let actions: Vec<Value> = text
            .chars()
            .flat_map(|c| {
                [
                    json!({"type": "keyDown", "value": c.to_string()}),
                    json!({"type": "keyUp", "value": c.to_string()}),
                ]
            })
            .collect();
        self.call(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// Wait until a script returns true.
    fn until(&self, what: &str, script: &str) {
        eprintln!("waiting: {what}");
        let t = Instant::now();
        loop {
            if self.js(script, json!([])) == Value::Bool(true) {
                return;
            }
            if t.elapsed() > Duration::from_secs(15) {
                let status = self.js(
                    "return document.querySelector('#status').textContent + ' | ' + (window.kompassError || '') + ' | active: ' + document.activeElement.id + ' = ' + document.activeElement.value + ' | ' + [...document.querySelectorAll('#form .msg')].map(m => m.textContent).filter(t => t).join(' / ');",
                    json!([]),
                );
                panic!("timed out: {what} (status: {status})");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn text(&self, css: &str) -> String {
        self.js(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
            json!([css]),
        )
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    /// A new tab at `url`: its handle (the current tab stays current).
    fn new_tab(&self, url: &str) -> Value {
        let here = self.call("GET", "/window", None);
        let tab = self.call("POST", "/window/new", Some(json!({"type": "tab"})))["handle"].clone();
        self.switch(&tab);
        self.go(url);
        self.switch(&here);
        tab
    }

    fn tab(&self) -> Value {
        self.call("GET", "/window", None)
    }

    fn switch(&self, handle: &Value) {
        self.call("POST", "/window", Some(json!({ "handle": handle })));
    }

    fn size(&self, width: u32, height: u32) {
        self.call(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    /// A real click (the pointer moves there, as a person's would).
    fn click(&self, css: &str) {
        let e = self.element(css);
        let answer = self.call("POST", &format!("/element/{e}/click"), Some(json!({})));
        assert!(
            answer.is_null() || answer.get("error").is_none(),
            "click on {css}: {answer}"
        );
    }

    /// Type at the end of a field's text, as a person does, without waiting.
    fn type_at_end(&self, css: &str, text: &str) {
        self.js(
            "const f = document.querySelector(arguments[0]); f.focus(); f.setSelectionRange(f.value.length, f.value.length); return true;",
            json!([css]),
        );
        self.keys(text);
    }

    fn screenshot(&self, to: &Path) {
        let b64 = self.call("GET", "/screenshot", None);
        std::fs::write(to, base64(b64.as_str().unwrap_or(""))).unwrap();
    }
}

/// Wait until the saved file holds `needle`.
fn wait_for_file(file: &Path, needle: &str, what: &str) {
    let t = Instant::now();
    while !std::fs::read_to_string(file).unwrap().contains(needle) {
        assert!(t.elapsed() < Duration::from_secs(10), "{what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Standard base64 to bytes.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut n = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            n |= d << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

/// The page's id for a key path (as `fieldId` in app.js).
fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            id.push(c);
        } else {
            id.push_str(&format!("_{:x}", c as u32));
        }
    }
    id
}

fn served() -> (PathBuf, SocketAddr, String) {
    served_as("editor")
}

fn served_as(name: &str) -> (PathBuf, SocketAddr, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("kompass-browser-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
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
    let launch = server.token().to_string();
    let (addr, _) = server.spawn();
    (file, addr, launch)
}

/// The tools the browser tests need, or a skip (a failure under `KOMPASS_REQUIRE_TOOLS=1`).
fn tools() -> Option<PathBuf> {
    let axe = axe_path();
    let missing: Vec<&str> = [
        (!Path::new(CHROMIUM).exists()).then_some("chromium"),
        (!Path::new(CHROMEDRIVER).exists()).then_some("chromedriver"),
        axe.is_none().then_some("axe-core"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !missing.is_empty() {
        assert!(
            !required(),
            "KOMPASS_REQUIRE_TOOLS=1 but {missing:?} missing"
        );
        eprintln!("note: browser test skipped, {missing:?} not installed (.ci/run installs them)");
    }
    axe
}

#[test]
fn the_editor_in_a_real_browser() {
    let Some(axe) = tools() else {
        return;
    };
    let (file, addr, token) = served();
    let b = Browser::start();
    b.go(&format!("http://127.0.0.1:{}/?token={token}", addr.port()));
    let loaded = "return document.querySelector('#status').textContent.startsWith('Inläst');";
    b.until("the page loads the evaluation", loaded);
    // The token has left the address bar; the tab holds its key.
    assert_eq!(
        b.js("return location.href;", json!([])),
        json!(format!("http://127.0.0.1:{}/", addr.port()))
    );
    b.until(
        "the pages are shown",
        "return document.querySelectorAll('#pages img').length > 20;",
    );

    check_accessibility(&b, &axe);
    let score = type_a_score(&b, &file);
    an_invalid_value_stays_in_the_page(&b, &file);
    a_strength_by_keyboard_alone(&b, &file);
    // Text from the file is data in the page too: markup typed into a field is saved as text
    // and shown as text after the reload, and nothing in it runs.
    b.type_into(
        &format!("#{}", field_id("report.publisher")),
        "<img src=x onerror=\"window.pwned=1\"> & SKR",
    );
    wait_for_file(&file, "> & SKR", "the publisher was not saved");
    // The page has its answer too (else the reloaded page sends the edit again, and says
    // "Sparad" where this test waits for "Inläst").
    b.until(
        "the queue is empty",
        "return !Object.keys(localStorage).some(k => k.startsWith('kompass-queue'));",
    );
    b.go(&format!("http://127.0.0.1:{}/", addr.port()));
    everything_is_there_after_a_reload(&b, loaded, &score);
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

/// The report is Swedish whatever the page's language: a comparison profile added in an
/// English page gets the report's Swedish label in the file, while the page says it in English.
#[test]
fn a_profile_added_in_an_english_page_has_the_report_s_swedish_label() {
    if tools().is_none() {
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("kompass-browser-english-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("leksand-2023.toml");
    let text = std::fs::read_to_string(format!("{root}/examples/leksand-2023.toml")).unwrap();
    let peer = text
        .find("\n[comparison.peer]")
        .expect("the example changed; update this test");
    std::fs::write(&file, &text[..peer + 1]).unwrap();
    let server =
        kompass::serve::Server::start(&file, 0, kompass::base::messages::Lang::En).unwrap();
    let token = server.token().to_string();
    let (addr, _) = server.spawn();
    let b = Browser::start();
    b.go(&format!("http://127.0.0.1:{}/?token={token}", addr.port()));
    b.until(
        "the English page offers to add the peer group",
        "return [...document.querySelectorAll('#comparisons button.add')].some(x => x.textContent.startsWith('Add a peer group'));",
    );
    b.js(
        "[...document.querySelectorAll('#comparisons button.add')].find(x => x.textContent.startsWith('Add a peer group')).click();",
        json!([]),
    );
    wait_for_file(&file, "[comparison.peer]", "the profile was not added");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("label = \"Jämförelsegrupp\""),
        "not the report's label: {}",
        &saved[saved.find("[comparison.peer]").unwrap()..]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// No WCAG 2.1 A or AA violation, by axe-core; a screenshot with `KOMPASS_SCREENSHOT`.
fn check_accessibility(b: &Browser, axe: &Path) {
    axe_finds_nothing(b, axe);
    if std::env::var_os("KOMPASS_SCREENSHOT").is_some() {
        b.screenshot(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/serve.png"));
    }
}

/// No WCAG 2.1 A or AA violation, by axe-core.
fn axe_finds_nothing(b: &Browser, axe: &Path) {
    let source = std::fs::read_to_string(axe).unwrap();
    b.js(&format!("{source}\n;return true;"), json!([]));
    let violations = b.call(
        "POST",
        "/execute/async",
        Some(json!({"script": "const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));", "args": []})),
    );
    assert_eq!(violations, json!([]), "axe-core found violations");
}

/// A score: the area sum and the total change as you type; the file and a page follow. The
/// score field's selector.
fn type_a_score(b: &Browser, file: &Path) -> String {
    let pages_before = b.js(
        "return [...document.querySelectorAll('#pages img')].map(i => i.src);",
        json!([]),
    );
    let score = format!("#{}", field_id("area[4].scores.\"4.2\""));
    b.type_into(&score, "12");
    b.until(
        "the area sum",
        "return document.querySelector('#sum-4').textContent.includes('49 av');",
    );
    b.until(
        "the total",
        "return document.querySelector('#total').textContent.includes('413 av 800');",
    );
    wait_for_file(file, "\"4.2\" = 12", "the score was not saved");
    b.until(
        "a preview page changes",
        &format!(
            "const before = {pages_before}; return [...document.querySelectorAll('#pages img')].some((i, n) => i.src !== before[n]);"
        ),
    );

    score
}

/// An invalid value: its message at the field, and nothing written.
fn an_invalid_value_stays_in_the_page(b: &Browser, file: &Path) {
    let other = field_id("area[4].scores.\"4.3\"");
    let saved = std::fs::read_to_string(file).unwrap();
    // Above the sub-area's maximum: held in the page with its message, never written.
    b.type_into(&format!("#{other}"), "99");
    b.until(
        "the message at the field",
        &format!("const m = document.getElementById('{other}-msg'); return m.textContent.includes('ska vara 0–') && document.getElementById('{other}').getAttribute('aria-invalid') === 'true';"),
    );
    if std::env::var_os("KOMPASS_SCREENSHOT").is_some() {
        b.js(&format!("document.getElementById('{other}').scrollIntoView({{block: 'center'}}); return true;"), json!([]));
        b.screenshot(&Path::new(env!("CARGO_MANIFEST_DIR")).join("target/serve-invalid.png"));
    }
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(
        std::fs::read_to_string(file).unwrap(),
        saved,
        "an invalid value was written"
    );
}

/// A strength, by keyboard alone: Tab to "Lägg till styrka", Enter, type.
fn a_strength_by_keyboard_alone(b: &Browser, file: &Path) {
    let first = field_id("area[1].strengths[1]");
    b.js(
        &format!("document.getElementById('{first}').focus(); return true;"),
        json!([]),
    );
    let mut reached = false;
    for _ in 0..20 {
        b.keys("\u{E004}");
        if b.js(
            "return document.activeElement.textContent === 'Lägg till styrka';",
            json!([]),
        ) == Value::Bool(true)
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the add button");
    b.keys("\u{E007}");
    b.until(
        "a new strength field has the focus",
        "return document.activeElement.tagName === 'INPUT' && document.activeElement.value === '';",
    );
    b.keys("Ny styrka från tangentbordet");
    wait_for_file(
        file,
        "Ny styrka från tangentbordet",
        "the strength was not saved",
    );
}

/// Reload: everything is there.
fn everything_is_there_after_a_reload(b: &Browser, loaded: &str, score: &str) {
    b.until("the page loads again", loaded);
    assert_eq!(
        b.js(
            &format!("return document.querySelector('{score}').value;"),
            json!([])
        ),
        json!("12")
    );
    assert!(b.text("#area-1").contains("") && b.js(
        "return [...document.querySelectorAll('#area-1 input')].some(i => i.value === 'Ny styrka från tangentbordet');",
        json!([])
    ) == Value::Bool(true));
    let publisher = field_id("report.publisher");
    assert_eq!(
        b.js(
            &format!("return [document.getElementById('{publisher}').value, window.pwned === undefined, document.querySelectorAll('img[src=x]').length];"),
            json!([])
        ),
        json!(["<img src=x onerror=\"window.pwned=1\"> & SKR", true, 0])
    );
}

/// A page of another local server, for the cross-site test: `/` is the attack, every request is
/// written down (its head), and anything else gets an empty answer.
fn hostile_server(page: String) -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = std::sync::Arc::clone(&seen);
    std::thread::spawn(move || {
        for mut s in listener.incoming().flatten() {
            let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
            let mut head = Vec::new();
            let mut buf = [0u8; 4096];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let head = String::from_utf8_lossy(&head).into_owned();
            let body = if head.starts_with("GET / ") {
                page.as_str()
            } else {
                ""
            };
            log.lock().unwrap().push(head);
            let _ = s.write_all(
                format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).as_bytes(),
            );
        }
    });
    (port, seen)
}

/// The attack: everything a page of another local port can do to the editor, each outcome in
/// `window.done`.
fn attack_page(editor: u16) -> String {
    let edit = r#"{"edits":[{"op":"set","path":"report.publisher","value":"ANGRIPAREN"}]}"#;
    format!(
        r#"<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>annan sida</title></head><body>
<iframe name="sink" title="sink"></iframe>
<form id="f" method="post" action="http://127.0.0.1:{editor}/api/edit" enctype="text/plain" target="sink">
<input type="hidden" name='{{"edits":[{{"op":"set","path":"report.publisher","value":"ANGRIPAREN"}}],"x":"' value='"}}'></form>
<script>
const E = "http://127.0.0.1:{editor}";
const body = '{edit}';
const out = {{}};
const settle = (name, p) => p.then((v) => {{ out[name] = v; }}, (e) => {{ out[name] = "error: " + e; }});
document.cookie = "kompass_token=tossed; path=/";
document.cookie = "kompass_key=tossed; path=/";
const img = new Image();
const imgDone = new Promise((r) => {{ img.onload = () => r("loaded " + img.naturalWidth); img.onerror = () => r("error"); }});
img.src = E + "/api/page/0.svg";
const ws = new Promise((r) => {{ try {{ const w = new WebSocket("ws://127.0.0.1:{editor}/api/edit"); w.onopen = () => r("open"); w.onerror = () => r("error"); }} catch (e) {{ r("error: " + e); }} }});
Promise.all([
  settle("state", fetch(E + "/api/state", {{ credentials: "include" }}).then((r) => r.status)),
  settle("nocors", fetch(E + "/api/edit", {{ method: "POST", mode: "no-cors", credentials: "include", headers: {{ "Content-Type": "text/plain" }}, body }}).then((r) => r.type)),
  settle("json", fetch(E + "/api/edit", {{ method: "POST", credentials: "include", headers: {{ "Content-Type": "application/json", "X-Kompass-Key": "guess" }}, body }}).then((r) => r.status)),
  settle("session", fetch(E + "/api/session", {{ method: "POST", credentials: "include", headers: {{ "Content-Type": "application/json", "X-Kompass-Launch": "guess" }}, body: "{{}}" }}).then((r) => r.status)),
  settle("beacon", Promise.resolve(navigator.sendBeacon(E + "/api/edit", new Blob([body], {{ type: "text/plain" }})))),
  settle("img", imgDone),
  settle("ws", ws),
  settle("form", new Promise((r) => {{ document.getElementById("f").submit(); setTimeout(() => r("sent"), 1500); }})),
]).then(() => {{ window.done = out; }});
</script></body></html>"#
    )
}

#[test]
fn a_page_on_another_local_port_cannot_reach_the_editor() {
    if tools().is_none() {
        return;
    }
    let (file, addr, token) = served_as("cross");
    let b = Browser::start();
    b.go(&format!("http://127.0.0.1:{}/?token={token}", addr.port()));
    let loaded = "return document.querySelector('#status').textContent.startsWith('Inläst');";
    b.until("the editor loads", loaded);
    let before = std::fs::read(&file).unwrap();
    // The other page, in a second tab of the same browser.
    let (port, seen) = hostile_server(attack_page(addr.port()));
    let editor_tab = b.call("GET", "/window", None);
    let other = b.call("POST", "/window/new", Some(json!({"type": "tab"})));
    b.call("POST", "/window", Some(json!({"handle": other["handle"]})));
    b.go(&format!("http://127.0.0.1:{port}/"));
    b.until("the attack is over", "return window.done !== undefined;");
    let done = b.js("return window.done;", json!([]));
    eprintln!("attack: {done}");
    assert!(
        done["state"]
            .as_str()
            .is_some_and(|s| s.starts_with("error")),
        "read the state: {done}"
    );
    assert!(
        done["json"]
            .as_str()
            .is_some_and(|s| s.starts_with("error")),
        "{done}"
    );
    assert!(
        done["session"]
            .as_str()
            .is_some_and(|s| s.starts_with("error")),
        "{done}"
    );
    assert_eq!(done["img"], "error", "the page's image loaded: {done}");
    assert!(
        done["ws"].as_str().is_some_and(|s| s.starts_with("error")),
        "{done}"
    );
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the attack changed the file"
    );
    // Nothing of the editor's reached the other server: replay what it got, with a forged
    // Host and Origin, from its own process.
    let heads = seen.lock().unwrap().clone();
    assert!(
        heads
            .iter()
            .all(|h| !h.to_lowercase().contains("x-kompass-key"))
    );
    for head in &heads {
        let cookies: Vec<&str> = head
            .lines()
            .filter_map(|l| {
                l.strip_prefix("Cookie: ")
                    .or_else(|| l.strip_prefix("cookie: "))
            })
            .collect();
        for cookie in cookies {
            let raw = format!(
                "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nOrigin: http://127.0.0.1:{p}\r\nCookie: {cookie}\r\n\r\n",
                p = addr.port()
            );
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(raw.as_bytes()).unwrap();
            let mut answer = String::new();
            let _ = s.read_to_string(&mut answer);
            assert!(
                answer.starts_with("HTTP/1.1 403"),
                "replayed {cookie}: {answer}"
            );
        }
    }
    // The editor's tab, with the tossed cookies in the browser, goes on saving.
    b.call("POST", "/window", Some(json!({"handle": editor_tab})));
    b.type_into(
        &format!("#{}", field_id("report.publisher")),
        "Sveriges Kommuner och Regioner (SKR)",
    );
    wait_for_file(
        &file,
        "Sveriges Kommuner och Regioner (SKR)",
        "the editor stopped saving after the attack",
    );
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

/// The page's state of one field: its value, whether it has the focus, its message and any
/// conflict shown at it.
fn field_state(b: &Browser, path: &str) -> Value {
    let id = field_id(path);
    b.js(
        "const id = arguments[0]; const f = document.getElementById(id); const box = document.getElementById(id + '-field');
         return {value: f.value, focused: document.activeElement === f, msg: (document.getElementById(id + '-msg') || {}).textContent || '',
                 conflict: box && box.querySelector('.conflict') ? box.querySelector('.conflict').textContent : null};",
        json!([id]),
    )
}

#[test]
fn no_typed_word_is_lost_to_a_colleague_a_second_tab_or_an_undo() {
    let Some(axe) = tools() else {
        return;
    };
    let (file, addr, token) = served_as("words");
    let url = format!("http://127.0.0.1:{}/?token={token}", addr.port());
    let b = Browser::start();
    b.go(&url);
    let loaded = "return document.querySelector('#status').textContent.startsWith('Inläst');";
    b.until("the editor loads", loaded);
    let comments = "summary.comments";
    let css = format!("#{}", field_id(comments));
    // Typing while a colleague's save of another field lands: the focus and every word stay.
    b.type_at_end(&css, " Första meningen skrivs nu.");
    let theirs = std::fs::read_to_string(&file).unwrap().replace(
        "publisher = \"Sveriges Kommuner och Regioner\"",
        "publisher = \"Kollegans utgivare\"",
    );
    std::fs::write(&file, theirs).unwrap();
    b.keys(" Andra meningen också.");
    b.until(
        "the colleague's change shows",
        &format!(
            "return document.getElementById('{}').value === 'Kollegans utgivare';",
            field_id("report.publisher")
        ),
    );
    b.keys(" Tredje.");
    let now = field_state(&b, comments);
    assert_eq!(now["focused"], true, "the focus moved: {now}");
    assert!(
        now["value"]
            .as_str()
            .unwrap()
            .ends_with("Första meningen skrivs nu. Andra meningen också. Tredje."),
        "{now}"
    );
    wait_for_file(
        &file,
        "Andra meningen också. Tredje.",
        "the typed words were not saved",
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Kollegans utgivare"),
        "the colleague's save was lost"
    );
    assert!(
        b.text("#notice").contains("Utgivare"),
        "no quiet line: {}",
        b.text("#notice")
    );
    assert_eq!(
        b.js(
            "return document.querySelectorAll('[role=alertdialog], dialog[open]').length;",
            json!([])
        ),
        json!(0)
    );
    two_tabs_on_one_text(&b, &url, &file);
    an_overlap_is_shown_at_its_field(&b, &file, &axe);
    undo_keeps_a_colleagues_change(&b, &file);
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

/// Two tabs on one paragraph: one appends, the other fixes its first word; both are kept, and
/// each tab shows the merged text within a second.
fn two_tabs_on_one_text(b: &Browser, url: &str, file: &Path) {
    let path = "area[1].analysis";
    let css = format!("#{}", field_id(path));
    let first = b.tab();
    let second = b.new_tab(url);
    b.switch(&second);
    b.until(
        "the second tab loads",
        "return document.querySelector('#status').textContent.startsWith('Inläst');",
    );
    b.type_at_end(&css, " Tillägg från den andra fliken.");
    b.switch(&first);
    b.js(
        "const f = document.querySelector(arguments[0]); f.focus(); f.setSelectionRange(0, 'Leksands'.length); return true;",
        json!([css]),
    );
    b.keys("Kommunen Leksands");
    wait_for_file(
        file,
        "Tillägg från den andra fliken.",
        "the second tab's words were not saved",
    );
    wait_for_file(
        file,
        "Kommunen Leksands kommun har",
        "the first tab's words were not saved",
    );
    b.keys("\u{E004}");
    b.until(
        "the first tab shows both",
        &format!("const v = document.querySelector('{css}').value; return v.startsWith('Kommunen Leksands') && v.includes('Tillägg från den andra fliken.');"),
    );
    b.switch(&second);
    b.until(
        "the second tab shows both",
        &format!("const v = document.querySelector('{css}').value; return v.startsWith('Kommunen Leksands') && v.includes('Tillägg från den andra fliken.');"),
    );
    b.switch(&first);
}

/// The same words changed on disk while I type them: a conflict at that field only, both texts
/// offered, the typed text kept, nothing modal, and the focus where it was.
fn an_overlap_is_shown_at_its_field(b: &Browser, file: &Path, axe: &Path) {
    let path = "summary.evaluation";
    let css = format!("#{}", field_id(path));
    b.js(&format!("const f = document.querySelector('{css}'); f.focus(); f.setSelectionRange(0, 'Bland'.length); return true;"), json!([]));
    b.keys("Bland flera");
    // Before this tab's typing pause is over, a colleague saves the same word changed otherwise.
    let theirs = std::fs::read_to_string(file).unwrap().replacen(
        "Bland de intervjuade",
        "Bland alla de intervjuade",
        1,
    );
    std::fs::write(file, theirs).unwrap();
    b.until(
        "the conflict at the field",
        &format!(
            "return document.getElementById('{}-field').querySelector('.conflict') !== null;",
            field_id(path)
        ),
    );
    let now = field_state(b, path);
    assert_eq!(now["focused"], true, "the focus moved: {now}");
    assert!(
        now["value"].as_str().unwrap().starts_with("Bland flera de"),
        "the typed text was replaced: {now}"
    );
    let shown = now["conflict"].as_str().unwrap();
    assert!(
        shown.contains("Bland alla de") && shown.contains("på disken"),
        "{now}"
    );
    let text = std::fs::read_to_string(file).unwrap();
    assert!(
        text.contains("Bland alla de") && !text.contains("Bland flera"),
        "a conflict was written"
    );
    check_accessibility(b, axe);
    b.click(&format!("#{}-field .conflict button", field_id(path)));
    wait_for_file(
        file,
        "Bland flera de intervjuade",
        "'keep mine' was not saved",
    );
    b.until(
        "the conflict is gone",
        &format!(
            "return document.getElementById('{}-field').querySelector('.conflict') === null;",
            field_id(path)
        ),
    );
}

/// Undo takes back my own change only: a colleague's change saved meanwhile stays.
fn undo_keeps_a_colleagues_change(b: &Browser, file: &Path) {
    let score = format!("#{}", field_id("area[4].scores.\"4.2\""));
    b.type_into(&score, "12");
    wait_for_file(file, "\"4.2\" = 12", "the score was not saved");
    let theirs = std::fs::read_to_string(file)
        .unwrap()
        .replace("\"4.1\" = 7", "\"4.1\" = 8");
    std::fs::write(file, theirs).unwrap();
    b.until(
        "the colleague's score shows",
        &format!(
            "return document.getElementById('{}').value === '8';",
            field_id("area[4].scores.\"4.1\"")
        ),
    );
    b.click("#undo");
    wait_for_file(file, "\"4.2\" = 11", "undo did not take back my score");
    assert!(
        std::fs::read_to_string(file)
            .unwrap()
            .contains("\"4.1\" = 8"),
        "undo took back the colleague's score"
    );
}

#[cfg(unix)]
#[test]
fn typing_while_kompass_is_away_is_saved_when_it_is_back() {
    let Some(axe) = tools() else {
        return;
    };
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("kompass-browser-away-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("leksand-2023.toml");
    std::fs::copy(format!("{root}/examples/leksand-2023.toml"), &file).unwrap();
    std::fs::copy(
        format!("{root}/examples/register.csv"),
        dir.join("register.csv"),
    )
    .unwrap();
    let state = dir.join("state");
    let (mut server, url) = process::serve_process(&file, &state, &dir, &["--no-open"]);
    let b = Browser::start();
    b.go(&url);
    b.until(
        "the editor loads",
        "return document.querySelector('#status').textContent.startsWith('Inläst');",
    );
    // The server stops (a closed terminal, a laptop asleep): the page says so and keeps typing.
    let _ = server.kill();
    let _ = server.wait();
    b.until(
        "the page knows",
        "return document.querySelector('#status').textContent.startsWith('Inte ansluten');",
    );
    b.type_into(
        &format!("#{}", field_id("report.publisher")),
        "Skrivet medan kompass var borta",
    );
    b.type_into(&format!("#{}", field_id("area[2].scores.\"2.1\"")), "8");
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        b.text("#status").starts_with("Inte ansluten"),
        "{}",
        b.text("#status")
    );
    check_accessibility(&b, &axe);
    // The tab is even closed and opened again on the same address: what waited is still there.
    b.go("about:blank");
    // The same command again: the same address and key; the page sends what waited.
    let (mut again, same) = process::serve_process(&file, &state, &dir, &["--no-open"]);
    assert_eq!(same, url);
    b.go(url.split("/?").next().unwrap());
    wait_for_file(
        &file,
        "Skrivet medan kompass var borta",
        "the words typed offline were lost",
    );
    wait_for_file(&file, "\"2.1\" = 8", "the score typed offline was lost");
    b.until(
        "connected",
        "return !document.querySelector('#status').textContent.startsWith('Inte ansluten');",
    );
    // And without a reload: stopped again, typed, started again.
    let _ = again.kill();
    let _ = again.wait();
    b.until(
        "the page knows again",
        "return document.querySelector('#status').textContent.startsWith('Inte ansluten');",
    );
    b.type_into(
        &format!("#{}", field_id("report.evaluated")),
        "augusti och september 2023",
    );
    let (mut third, _) = process::serve_process(&file, &state, &dir, &["--no-open"]);
    wait_for_file(
        &file,
        "augusti och september 2023",
        "the words typed during the second stop were lost",
    );
    let _ = third.kill();
    let _ = third.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn typos_narrow_windows_and_new_rows_never_lose_or_move_anything() {
    let Some(axe) = tools() else {
        return;
    };
    let (file, addr, token) = served_as("typos");
    let b = Browser::start();
    b.size(1280, 720);
    b.go(&format!("http://127.0.0.1:{}/?token={token}", addr.port()));
    b.until(
        "the editor loads",
        "return document.querySelector('#status').textContent.startsWith('Inläst');",
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    // Typos in numbers are refused at the field, never saved as another number.
    let interviews = "report.interviews";
    for (typed, says) in [
        ("4o", "inget heltal"),
        ("ca 40", "inget heltal"),
        ("12,5", "decimalkomma"),
    ] {
        b.type_into(&format!("#{}", field_id(interviews)), typed);
        b.until(
            typed,
            &format!(
                "return document.getElementById('{}-msg').textContent.includes('{says}');",
                field_id(interviews)
            ),
        );
    }
    // Another field saves meanwhile: the refused value and its message stay.
    b.type_into(&format!("#{}", field_id("report.publisher")), "SKR");
    wait_for_file(&file, "publisher = \"SKR\"", "the publisher was not saved");
    let now = field_state(&b, interviews);
    assert_eq!(now["value"], "12,5", "{now}");
    assert!(
        now["msg"].as_str().unwrap().contains("decimalkomma"),
        "{now}"
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("interviews = 40"),
        "a typo reached the file"
    );
    assert_ne!(std::fs::read_to_string(&file).unwrap(), saved);
    // An optional field emptied: its key goes.
    b.js(
        &format!(
            "const f = document.getElementById('{}'); f.focus(); f.select(); return true;",
            field_id("register")
        ),
        json!([]),
    );
    b.keys("\u{E003}");
    let t = Instant::now();
    while std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .any(|l| l.starts_with("register = "))
    {
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "the emptied register stayed in the file: {} {} {}",
            field_state(&b, "register"),
            b.text("#status"),
            b.js("return window.kompassError || '';", json!([]))
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    new_rows_take_the_focus(&b, &file);
    the_page_holds_still_when_narrow(&b, &axe);
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

/// A new strength, a new evaluator: each takes the focus at the first click, and what is typed
/// next is saved; Upp keeps the focus on the moved row.
fn new_rows_take_the_focus(b: &Browser, file: &Path) {
    // At 1280×720, clicking "Lägg till styrka" after working in an area's scores hits at the
    // first click, and the new strength takes the focus.
    let score = format!("#{}", field_id("area[2].scores.\"2.1\""));
    b.js(
        &format!("document.querySelector('{score}').focus(); return true;"),
        json!([]),
    );
    // Where a person sees it: the button in the middle of the window.
    b.js("document.querySelector('#area-2 fieldset.list .add-item').scrollIntoView({block: 'center'}); return true;", json!([]));
    let y = b.js("return window.scrollY;", json!([]));
    b.click("#area-2 fieldset.list .add-item");
    b.until(
        "a new strength has the focus",
        &format!(
            "return document.activeElement.id === '{}';",
            field_id("area[2].strengths[4]")
        ),
    );
    b.keys("Ny styrka direkt");
    wait_for_file(file, "Ny styrka direkt", "the new strength was not saved");
    assert_eq!(
        b.js("return window.scrollY;", json!([])),
        y,
        "the page moved under the pointer"
    );
    // A new evaluator takes the focus; the name typed is saved.
    b.js("document.querySelector('#evaluators .add').scrollIntoView({block: 'center'}); return true;", json!([]));
    b.click("#evaluators .add");
    b.until(
        "the new evaluator's name has the focus",
        &format!(
            "return document.activeElement.id === '{}';",
            field_id("evaluators[3].name")
        ),
    );
    b.keys("Tredje Utvärderare");
    wait_for_file(
        file,
        "Tredje Utvärderare",
        "the new evaluator's name was lost",
    );
    // Upp keeps the focus on the moved evaluator.
    b.click(&format!("#{}-up", field_id("evaluators[3]")));
    b.until(
        "the focus follows the moved row",
        &format!(
            "return document.activeElement.id === '{}-up';",
            field_id("evaluators[2]")
        ),
    );
}

/// 768 px wide, and 1280×720 at 200 % zoom (640×360 CSS pixels): clicking into a field never
/// moves the page; the preview folds away behind a button; the header covers nothing.
fn the_page_holds_still_when_narrow(b: &Browser, axe: &Path) {
    for (w, h) in [(768, 1000), (640, 360)] {
        b.size(w, h);
        let analysis = format!("#{}", field_id("area[5].analysis"));
        b.js(&format!("document.querySelector('{analysis}').scrollIntoView({{block: 'center'}}); return true;"), json!([]));
        std::thread::sleep(Duration::from_millis(200));
        let before = b.js("return window.scrollY;", json!([]));
        b.click(&analysis);
        b.keys(" Ett ord.");
        std::thread::sleep(Duration::from_millis(700));
        let after = b.js("return window.scrollY;", json!([]));
        assert_eq!(before, after, "the page moved under the pointer at {w}×{h}");
        assert_eq!(
            b.js(
                &format!("return document.activeElement === document.querySelector('{analysis}');"),
                json!([])
            ),
            json!(true)
        );
        assert_eq!(
            b.js(
                "return getComputedStyle(document.querySelector('#preview')).display;",
                json!([])
            ),
            json!("none")
        );
        let header = b.js("const h = document.querySelector('header'); const s = getComputedStyle(h).position; return s === 'sticky' || s === 'fixed' ? h.offsetHeight / window.innerHeight : 0;", json!([]));
        assert!(
            header.as_f64().unwrap_or(1.0) <= 0.2,
            "the header covers {header} of the window at {w}×{h}"
        );
        b.click("#toggle-pages");
        assert_eq!(
            b.js(
                "return getComputedStyle(document.querySelector('#preview')).display;",
                json!([])
            ),
            json!("block")
        );
        assert_eq!(
            b.js(
                "return document.querySelector('#toggle-pages').getAttribute('aria-expanded');",
                json!([])
            ),
            json!("true")
        );
        check_accessibility(b, axe);
        b.click("#toggle-pages");
    }
}

/// The key paths the form must have a field for, from the data format's schema
/// (`kompass::input::structure`) and the file's data, found independently of the page's scripts:
/// every value of a table the file has (given or not), every row of a list of tables, every
/// item of a list, every score; nothing for what the schema hides.
fn schema_paths(
    fields: &[kompass::input::structure::Field],
    data: &toml::Table,
    path: &str,
    out: &mut Vec<String>,
) {
    use kompass::input::structure::{Form, Kind};
    for f in fields {
        let p = if path.is_empty() {
            f.key.to_string()
        } else {
            format!("{path}.{}", f.key)
        };
        if f.form == Form::Hidden {
            continue;
        }
        let value = data.get(f.key);
        match f.kind {
            Kind::Table(inner) => {
                if let Some(toml::Value::Table(t)) = value {
                    schema_paths(inner, t, &p, out);
                }
            }
            Kind::Tables(inner) => {
                for (i, row) in value
                    .and_then(toml::Value::as_array)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    if let toml::Value::Table(t) = row {
                        schema_paths(inner, t, &format!("{p}[{}]", i + 1), out);
                    }
                }
            }
            Kind::Texts | Kind::Numbers => {
                let items = value.and_then(toml::Value::as_array).map_or(0, Vec::len);
                out.extend((1..=items).map(|i| format!("{p}[{i}]")));
            }
            Kind::Scores => {
                if let Some(toml::Value::Table(t)) = value {
                    out.extend(t.keys().map(|k| format!("{p}.\"{k}\"")));
                }
            }
            _ => out.push(p),
        }
    }
}

/// The form is the data format: a file with every table of the format (earlier evaluations
/// and versions added to the example) has a labelled field, by its id, for every key path the
/// schema gives it and none for another; no WCAG 2.1 A or AA violation; and the page at 1280
/// and 768 pixels (screenshots in target/).
#[test]
fn the_form_has_a_field_for_every_key_of_the_format() {
    let Some(axe) = tools() else {
        return;
    };
    let (file, addr, token) = served_as("schema");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("[report]\n", "[report]\nmeeting = 2023-12-05\n", 1)
        .replacen("first_evaluation = true", "first_evaluation = false", 1)
        + "\n[[history]]\nyear = 2019\nvalues = [50, 51, 52, 53, 54, 55, 56, 57]\n\n[[revision]]\nversion = 1\ndate = 2023-11-23\nchanges = \"Första versionen\"\n";
    std::fs::write(&file, &text).unwrap();
    let data: toml::Table = toml::from_str(&text).unwrap();
    let mut paths = Vec::new();
    schema_paths(kompass::input::structure::EVALUATION, &data, "", &mut paths);
    assert!(paths.len() > 120, "{paths:?}");
    for needed in [
        "history[1].values[8]",
        "revision[1].by",
        "comparison.peer.from_register.exclude_self",
    ] {
        assert!(
            paths.iter().any(|p| p == needed),
            "{needed} not in {paths:?}"
        );
    }
    let b = Browser::start();
    b.go(&format!("http://127.0.0.1:{}/?token={token}", addr.port()));
    b.until(
        "the page shows the file with its earlier evaluation",
        &format!(
            "return !!document.getElementById('{}');",
            field_id("history[1].year")
        ),
    );
    let ids: Vec<String> = paths.iter().map(|p| field_id(p)).collect();
    let missing = b.js(
        "return arguments[0].filter(id => !document.getElementById(id));",
        json!([ids]),
    );
    assert_eq!(
        missing,
        json!([]),
        "keys of the format without a field in the form"
    );
    // And no field for a key the file cannot have there (a register filter beside fixed
    // values, a key the format does not know).
    let extra = b.js(
        "return [...document.querySelectorAll('#form [data-path]')].map(i => i.dataset.path).filter(p => !arguments[0].includes(p));",
        json!([paths]),
    );
    assert_eq!(
        extra,
        json!([]),
        "fields the schema does not give this file"
    );
    // Each field is labelled, by the catalogue's words.
    let unlabelled = b.js(
        "return [...document.querySelectorAll('#form [data-path]')].filter(i => !i.labels || !i.labels.length || !i.labels[0].textContent.trim() || /^(editor|field)-/.test(i.labels[0].textContent)).map(i => i.id);",
        json!([]),
    );
    assert_eq!(unlabelled, json!([]));
    // The parts only this file has (earlier evaluations, versions) pass axe-core too.
    axe_finds_nothing(&b, &axe);
    // To look at: the top, an area, the register and comparisons, the earlier evaluations and
    // the versions.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&dir);
    for width in [1280, 768] {
        b.size(width, 900);
        for (n, at) in ["#form", "#area-1", ".single", "#history", "#revisions"]
            .iter()
            .enumerate()
        {
            b.js(
                "document.querySelector(arguments[0]).scrollIntoView(); return true;",
                json!([at]),
            );
            std::thread::sleep(Duration::from_millis(300));
            b.screenshot(&dir.join(format!("serve-{width}-{n}.png")));
        }
    }
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

/// The fact-check in the editor: the PDF the municipality sent back (commented in Firefox) is
/// read in through the page's file input; each comment stands at its field with the words it
/// marks; one is marked "Åtgärdad", which the review file beside the evaluation keeps; the
/// answer to the municipality lists it and names no one; a second open tab shows the new
/// state; axe-core finds nothing with the comments shown. A comment already in the review file,
/// outside every field, is shown in the section as text. A file dropped on the page that is no
/// PDF is named, and nothing else happens.
#[test]
fn the_fact_check_is_read_in_handled_and_answered_in_the_page() {
    let Some(axe) = tools() else {
        return;
    };
    let (file, addr, token) = served_as("review");
    let review = another_readers_comment(&file);
    let b = Browser::start();
    b.go(&format!("http://127.0.0.1:{}/?token={token}", addr.port()));
    b.until(
        "the page loads the evaluation",
        "return document.querySelector('#status').textContent.startsWith('Inläst');",
    );
    the_comment_outside_the_fields_is_shown_as_text(&b);
    b.until(
        "the fact-check's section is there",
        "return !!document.querySelector('#review-file') && !document.querySelector('#review').hidden;",
    );
    assert_eq!(
        b.text("label[for=review-file]"),
        "Läs in kommentarer från granskningen"
    );
    // A file that is no PDF, dropped on the page.
    b.js(
        "const dt = new DataTransfer(); dt.items.add(new File(['hej'], 'anteckningar.txt', {type: 'text/plain'}));
         document.querySelector('#form').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
         return true;",
        json!([]),
    );
    assert_eq!(
        b.text("#review-status"),
        "anteckningar.txt är ingen PDF-fil."
    );
    // The returned PDF, chosen in the file input.
    let pdf = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/commented/pdfjs.pdf"
    );
    let input = b.element("#review-file");
    b.call(
        "POST",
        &format!("/element/{input}/value"),
        Some(json!({ "text": pdf })),
    );
    b.until(
        "the comments are read",
        "return document.querySelector('#review-status').textContent.includes('kommentarer i filen: 4, nya: 4');",
    );
    let analysis = comments_at_their_fields(&b);
    axe_finds_nothing(&b, &axe);
    // Marked "Åtgärdad" with a click: the review file keeps it; the open list loses it.
    let box_id = b.js(
        "return document.querySelector(arguments[0]).id;",
        json!([analysis]),
    );
    let box_id = box_id.as_str().unwrap();
    // A second tab open on the same evaluation hears of the change.
    let first = b.tab();
    let second = b.new_tab(&format!("http://127.0.0.1:{}/?token={token}", addr.port()));
    b.switch(&second);
    b.until(
        "the second tab shows the comments",
        &format!("return !!document.querySelector('#{box_id}-open:checked');"),
    );
    b.switch(&first);
    b.click(&format!("#{box_id}-done"));
    wait_for_file(&review, "state = \"åtgärdad\"", "the state was not saved");
    assert!(
        std::fs::read_to_string(&review)
            .unwrap()
            .starts_with("[[comment]]\nid = \"annan-1\"")
    );
    b.until(
        "the open list has three",
        "return document.querySelectorAll('#review-open li a').length === 4;",
    );
    assert!(
        b.text("#review-summary").contains("Åtgärdade: 1"),
        "{}",
        b.text("#review-summary")
    );
    b.switch(&second);
    b.until(
        "the second tab shows the comment done",
        &format!("return !!document.querySelector('#{box_id}-done:checked');"),
    );
    b.switch(&first);
    // The answer to the municipality lists it as done (its button is in the section at the top).
    b.js("window.scrollTo(0, 0); return true;", json!([]));
    b.click("#review-make-reply");
    b.until(
        "the answer is made",
        "return !document.querySelector('#review-reply').hidden;",
    );
    let answer = b.text("#review-reply-text");
    assert!(
        answer.contains(
            "## 2. Sidan 11 – Område 2, Sammanfattande analys, stycke 2\n\n- Markerat: ”Falkenbergs kommun och Ale kommun"
        ) && answer.contains("- Åtgärdad"),
        "{answer}"
    );
    assert!(!answer.contains("Åsa Lind"), "the answer names a person");
    assert!(file.with_file_name("leksand-2023-bemotande.pdf").exists());
    axe_finds_nothing(&b, &axe);
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

/// Each comment of the PDF commented in Firefox at its field: the highlight in area 2's
/// analysis with its marked words, the text box at the strengths, the ring at the score of
/// 4.2; all four open in the list. The selector of the first one's box.
fn comments_at_their_fields(b: &Browser) -> String {
    // Each comment at its field: the highlight in area 2's analysis, with its marked words.
    let analysis = format!("#{}-field .review-comment", field_id("area[2].analysis"));
    let shown = b.text(&analysis);
    for part in [
        "Sidan 11 – Område 2, Sammanfattande analys, stycke 2",
        "Markering",
        "Ale har inte lyckats, ta bort Ale.",
    ] {
        assert!(shown.contains(part), "{part}: {shown}");
    }
    assert_eq!(
        b.text(&format!("{analysis} mark")),
        "Falkenbergs kommun och Ale kommun är exempel på kommuner som har lyckats väl med"
    );
    for (path, said) in [
        (field_id("area[2].strengths"), "livaktigt, inte aktivt"),
        (
            format!("{}-field", field_id("area[4].scores.\"4.2\"")),
            "Borde vara 12 poäng?",
        ),
    ] {
        let text = b.text(&format!("#{path} .review-comment"));
        assert!(text.contains(said), "{path}: {text}");
    }
    assert_eq!(
        b.js(
            "return document.querySelectorAll('#review-open li a').length;",
            json!([])
        ),
        json!(5)
    );
    analysis
}

/// Another reader's comment, read in before, on a text that is no field (as `kompass comments`
/// writes it): the page lists it in its section, and reading more keeps it. The review file.
fn another_readers_comment(file: &Path) -> PathBuf {
    let review = file.with_file_name("leksand-2023.granskning.toml");
    std::fs::write(
        &review,
        "[[comment]]\nid = \"annan-1\"\nstate = \"öppen\"\nreply = \"\"\npage = 3\nplace = \"1 Inledning (inget fält)\"\nkind = \"note\"\nauthor = \"Åsa Lind\"\ntext = \"<b>Fet?</b> Stämmer inledningen?\"\nfrom = \"lind.pdf\"\n",
    )
    .unwrap();
    review
}

fn the_comment_outside_the_fields_is_shown_as_text(b: &Browser) {
    b.until(
        "the comment outside the fields is listed",
        "return document.querySelectorAll('#review-outside .review-comment').length === 1;",
    );
    let outside = b.text("#review-outside .review-comment");
    assert!(
        outside.contains("Sidan 3 – 1 Inledning (inget fält)")
            && outside.contains("Anteckning av Åsa Lind")
            && outside.contains("<b>Fet?</b> Stämmer inledningen?"),
        "shown as text: {outside}"
    );
    assert_eq!(
        b.js(
            "return document.querySelectorAll('#review-outside b').length;",
            json!([])
        ),
        json!(0)
    );
}
