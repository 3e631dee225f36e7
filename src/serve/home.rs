//! What `kompass serve` keeps between runs, in a folder only the user can read and enter
//! (0700; each file in it 0600):
//! - per served evaluation or folder, its port and its secrets, so that the same command started
//!   again (after a closed terminal, a crash, a laptop that slept) listens on the same address
//!   with the same keys, and an open tab simply reconnects;
//! - the opener page: a small HTML file that sends the browser on to the launch address, so the
//!   token never stands on a command line where `ps` shows it to every local user (the way
//!   Jupyter opens its browser).
//!
//! The folder is `KOMPASS_STATE_DIR`, else `$XDG_STATE_HOME/kompass`, else
//! `~/.local/state/kompass` (on Windows `%LOCALAPPDATA%\kompass`). Without any of them nothing
//! is kept, and each start has new secrets and a new port.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::guard::{Keys, hex};

/// A served file's saved port and secrets.
pub struct Saved {
    pub port: u16,
    pub keys: Keys,
}

/// The folder of kept state, when the environment names one.
pub fn dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(d) = var("KOMPASS_STATE_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = var("XDG_STATE_HOME") {
        return Some(PathBuf::from(d).join("kompass"));
    }
    if cfg!(windows) {
        return var("LOCALAPPDATA").map(|d| PathBuf::from(d).join("kompass"));
    }
    var("HOME").map(|h| PathBuf::from(h).join(".local/state/kompass"))
}

/// The folder, made if needed, private to the user. A symlink or a file there is refused.
fn private_dir() -> std::io::Result<PathBuf> {
    let dir = dir().ok_or_else(|| std::io::Error::other("no folder for kompass's state"))?;
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = std::fs::symlink_metadata(&dir)?;
    if !meta.is_dir() {
        return Err(std::io::Error::other(
            "kompass's state folder is not a folder",
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(dir)
}

/// A short name for what is served: its canonical path, hashed (no path is written out).
fn entry(served: &Path) -> String {
    let path = served
        .canonicalize()
        .unwrap_or_else(|_| served.to_path_buf());
    hex(&Sha256::digest(path.to_string_lossy().as_bytes())[..12])
}

/// The port and secrets kept for `served`, if any (and readable as kompass wrote them).
pub fn load(served: &Path) -> Option<Saved> {
    let file = dir()?.join(format!("serve-{}.json", entry(served)));
    let bytes = crate::files::read::bytes(&file, 4096).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let port = u16::try_from(v["port"].as_u64()?).ok()?;
    let keys = Keys::from_hex(v["launch"].as_str()?, v["secret"].as_str()?)?;
    Some(Saved { port, keys })
}

/// Keep the port and secrets for `served`.
pub fn save(served: &Path, saved: &Saved) -> std::io::Result<()> {
    let text = serde_json::json!({
        "port": saved.port,
        "launch": saved.keys.launch(),
        "secret": saved.keys.secret_hex(),
    })
    .to_string();
    write_private(&format!("serve-{}.json", entry(served)), text.as_bytes()).map(|_| ())
}

/// The opener page for `url`: a private file whose address can go on a command line.
pub fn opener(served: &Path, url: &str) -> std::io::Result<PathBuf> {
    let page = format!(
        "<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"refresh\" content=\"0;url={url}\"><title>kompass</title></head>\
         <body><p><a href=\"{url}\">Öppna kompass</a></p></body></html>\n"
    );
    write_private(&format!("open-{}.html", entry(served)), page.as_bytes())
}

/// Write a file of the private folder: a new file readable by the user only (tempfile makes it
/// 0600 with an unpredictable name), then renamed into place.
fn write_private(name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = private_dir()?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let target = dir.join(name);
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(target)
}
