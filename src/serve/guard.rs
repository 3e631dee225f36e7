//! The request checks of `kompass serve`: whose request is this, and may it do what it asks?
//!
//! A browser sends cookies to every port of a host (RFC 6265 §8.5; `SameSite` compares sites,
//! not ports), so a cookie would reach any other local server the browser visits, and any page
//! on such a port could replace it. The credential is therefore something the browser never
//! sends on its own:
//! - the **launch token** is only the way in: the page's script takes it from the address
//!   (`/?token=…`), removes it from the address bar, and trades it for a tab key
//!   (`POST /api/session` with the token in the `X-Kompass-Launch` header);
//! - the **tab key** lives in the page's script and its `sessionStorage` (kept per origin, port
//!   included) and goes with every `/api/` request in the `X-Kompass-Key` header. A custom
//!   header makes every cross-origin request a CORS preflight, which this server never grants,
//!   and forms, `<img>`, `sendBeacon` and WebSockets cannot set it.
//!
//! A tab key is a random nonce and its HMAC-SHA-256 under the server's secret, so the server
//! keeps no list of tabs, and a tab's key stays good after a restart that keeps the secret
//! (see [`super::home`]). Every comparison of secrets is constant-time.

use sha2::{Digest, Sha256};

use super::http::Request;

/// The header that carries the launch token when a tab asks for its key.
pub const LAUNCH_HEADER: &str = "x-kompass-launch";
/// The header that carries a tab's key on every `/api/` request.
pub const KEY_HEADER: &str = "x-kompass-key";

/// The server's secrets.
#[derive(Clone)]
pub struct Keys {
    /// The token in the launch address.
    launch: String,
    /// The key that signs tab keys.
    secret: [u8; 32],
}

impl Keys {
    /// New random secrets.
    pub fn random() -> Keys {
        let mut launch = [0u8; 16];
        let mut secret = [0u8; 32];
        fill_random(&mut launch);
        fill_random(&mut secret);
        Keys {
            launch: hex(&launch),
            secret,
        }
    }

    /// Secrets as saved: the launch token and the secret as hex. `None` when either is not
    /// what [`Keys::random`] makes.
    pub fn from_hex(launch: &str, secret: &str) -> Option<Keys> {
        let launch_ok = launch.len() == 32 && launch.bytes().all(|b| b.is_ascii_hexdigit());
        let secret = unhex(secret)?;
        (launch_ok && secret.len() == 32).then(|| Keys {
            launch: launch.to_ascii_lowercase(),
            secret: secret.try_into().unwrap_or([0; 32]),
        })
    }

    pub fn launch(&self) -> &str {
        &self.launch
    }

    pub fn secret_hex(&self) -> String {
        hex(&self.secret)
    }

    /// A new tab's key: a random nonce, a dot, and the nonce's HMAC.
    pub fn tab_key(&self) -> String {
        let mut nonce = [0u8; 16];
        fill_random(&mut nonce);
        let nonce = hex(&nonce);
        let mac = hex(&hmac(&self.secret, nonce.as_bytes()));
        format!("{nonce}.{mac}")
    }

    /// Whether `given` is the launch token.
    pub fn is_launch(&self, given: &str) -> bool {
        constant_time_eq::constant_time_eq(given.as_bytes(), self.launch.as_bytes())
    }

    /// Whether `given` is a tab key this server (or one with the same secret) issued.
    pub fn is_tab_key(&self, given: &str) -> bool {
        let Some((nonce, mac)) = given.split_once('.') else {
            return false;
        };
        if nonce.len() != 32 || !nonce.bytes().all(|b| b.is_ascii_hexdigit()) {
            return false;
        }
        let expected = hex(&hmac(&self.secret, nonce.as_bytes()));
        constant_time_eq::constant_time_eq(mac.as_bytes(), expected.as_bytes())
    }
}

/// Why a request is refused before it reaches a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// A `Host` other than the server's own (DNS rebinding), or none.
    Host,
    /// No tab key, or one this server did not issue.
    Key,
    /// A wrong launch token.
    Launch,
    /// A write whose `Origin` is not the server's own.
    Origin,
    /// A write that is not `application/json`.
    NotJson,
}

impl Denied {
    pub fn status(self) -> u16 {
        match self {
            Denied::NotJson => 415,
            _ => 403,
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Denied::Host => "wrong Host",
            Denied::Key => "missing or wrong key: open the address kompass serve printed",
            Denied::Launch => "wrong launch token",
            Denied::Origin => "foreign Origin",
            Denied::NotJson => "writes are application/json",
        }
    }
}

/// The request's `Host` if it is one of the server's own names on its port.
pub fn own_host(r: &Request, port: u16) -> Result<&str, Denied> {
    let host = r.header("host").ok_or(Denied::Host)?;
    let own = [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ];
    if own.iter().any(|o| o == host) {
        Ok(host)
    } else {
        Err(Denied::Host)
    }
}

/// A write must come from the server's own page: its `Origin`, and JSON.
pub fn own_write(r: &Request, host: &str) -> Result<(), Denied> {
    let own_origin = format!("http://{host}");
    if r.header("origin") != Some(own_origin.as_str()) {
        return Err(Denied::Origin);
    }
    let json = r
        .header("content-type")
        .is_some_and(|t| t.split(';').next().unwrap_or("").trim() == "application/json");
    if json { Ok(()) } else { Err(Denied::NotJson) }
}

/// An `/api/` request must carry a tab key.
pub fn tab(r: &Request, keys: &Keys) -> Result<(), Denied> {
    match r.header(KEY_HEADER) {
        Some(k) if keys.is_tab_key(k.trim()) => Ok(()),
        _ => Err(Denied::Key),
    }
}

/// The launch token in a tab's request for its key.
pub fn launch(r: &Request, keys: &Keys) -> Result<(), Denied> {
    match r.header(LAUNCH_HEADER) {
        Some(t) if keys.is_launch(t.trim()) => Ok(()),
        _ => Err(Denied::Launch),
    }
}

/// HMAC-SHA-256 (RFC 2104) with a 32-byte key.
fn hmac(key: &[u8; 32], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(key);
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

fn fill_random(bytes: &mut [u8]) {
    if getrandom::fill(bytes).is_err() {
        // No system random source: the time and the process id, still unguessable from a page.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
            ^ u128::from(std::process::id());
        let hash = Sha256::digest(seed.to_le_bytes());
        for (b, h) in bytes.iter_mut().zip(hash.iter().cycle()) {
            *b = *h;
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_an_independent_one() {
        // The value is Python's: hmac.new(b'\x0b' * 32, b'Hi There', hashlib.sha256).
        let key = [0x0b; 32];
        let mac = hex(&hmac(&key, b"Hi There"));
        assert_eq!(
            mac,
            "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7"
        );
    }

    #[test]
    fn tab_keys_are_checked() {
        let keys = Keys::random();
        let key = keys.tab_key();
        assert!(keys.is_tab_key(&key));
        assert_ne!(key, keys.tab_key(), "each tab gets its own key");
        let mut forged = key.clone().into_bytes();
        let last = forged.len() - 1;
        forged[last] = if forged[last] == b'0' { b'1' } else { b'0' };
        assert!(!keys.is_tab_key(std::str::from_utf8(&forged).unwrap()));
        assert!(!Keys::random().is_tab_key(&key), "another server's key");
        assert!(
            !keys.is_tab_key(keys.launch()),
            "the launch token is no tab key"
        );
        assert!(!keys.is_tab_key(""));
        let again = Keys::from_hex(keys.launch(), &keys.secret_hex()).unwrap();
        assert!(again.is_tab_key(&key), "a restart with the saved secret");
        assert!(again.is_launch(keys.launch()));
        assert!(Keys::from_hex("xyz", &keys.secret_hex()).is_none());
    }
}
