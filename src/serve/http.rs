//! Just enough HTTP/1.1 for a local editor: one request per connection, bounded in every
//! dimension, parsed by httparse. Every malformed request gets a status, never a panic.

use crate::files::read::find;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The largest request head (request line and headers).
pub const MAX_HEAD: usize = 16 * 1024;
/// The largest request body: an edit is a few kB; a whole evaluation is at most 8 MiB.
pub const MAX_BODY: usize = 1024 * 1024;
/// The most headers read.
const MAX_HEADERS: usize = 64;

/// A request as read.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub method: String,
    /// The path without the query: `/api/state`.
    pub path: String,
    /// The query string, without `?`.
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// A header's value (names compare without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter's value (not percent-decoded: kompass's own values need none).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }
}

/// A response to write.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        Response::new(status, "application/json", value.to_string())
    }

    /// A refusal, with the reason as plain text.
    pub fn refuse(status: u16, reason: &str) -> Self {
        Response::new(status, "text/plain; charset=utf-8", reason.to_string())
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        _ => "Error",
    }
}

/// Why a request could not be read: the status to answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused(pub u16);

/// The time a client has for the whole request head: a slow client is cut off when it runs
/// out, however it spreads its bytes.
pub const HEAD_TIME: Duration = Duration::from_secs(5);
/// The time a client has for the whole request, body included.
pub const REQUEST_TIME: Duration = Duration::from_secs(30);

/// One read that ends by `deadline` (a read timeout set to the time left).
fn read_by(stream: &mut TcpStream, chunk: &mut [u8], deadline: Instant) -> Result<usize, Refused> {
    let left = deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or(Refused(408))?;
    stream
        .set_read_timeout(Some(left))
        .map_err(|_| Refused(400))?;
    match stream.read(chunk) {
        Ok(n) => Ok(n),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            Err(Refused(408))
        }
        Err(_) => Err(Refused(400)),
    }
}

/// Read one request within the bounds: of size, and of time for the head and for the whole.
pub fn read_request(stream: &mut TcpStream) -> Result<Request, Refused> {
    read_request_with(stream, &|_| MAX_BODY)
}

/// As [`read_request`], with the largest body the request's head allows (`limit`).
pub fn read_request_with(
    stream: &mut TcpStream,
    limit: &dyn Fn(&Request) -> usize,
) -> Result<Request, Refused> {
    let start = Instant::now();
    let (head_by, all_by) = (start + HEAD_TIME, start + REQUEST_TIME);
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = read_by(stream, &mut chunk, head_by)?;
        if n == 0 {
            return Err(Refused(400));
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > MAX_HEAD {
            return Err(Refused(431));
        }
    };
    if head_end > MAX_HEAD {
        return Err(Refused(431));
    }
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(&buf[..head_end]) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => return Err(Refused(431)),
        _ => return Err(Refused(400)),
    }
    let target = parsed.path.unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut request = Request {
        method: parsed.method.unwrap_or("").to_string(),
        path: path.to_string(),
        query: query.to_string(),
        headers: parsed
            .headers
            .iter()
            .map(|h| {
                (
                    h.name.to_string(),
                    String::from_utf8_lossy(h.value).into_owned(),
                )
            })
            .collect(),
        body: Vec::new(),
    };
    if request.header("transfer-encoding").is_some() {
        return Err(Refused(400));
    }
    let length: usize = match request.header("content-length") {
        None => 0,
        Some(v) => v.trim().parse().map_err(|_| Refused(400))?,
    };
    if length > limit(&request) {
        return Err(Refused(413));
    }
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = read_by(stream, &mut chunk, all_by)?;
        if n == 0 {
            return Err(Refused(400));
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    request.body = body;
    Ok(request)
}

/// Write a response and close the connection. No CORS header is ever sent.
pub fn write_response(stream: &mut TcpStream, r: &Response) {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        r.body.len()
    );
    for (name, value) in &r.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&r.body);
    let _ = stream.flush();
}
