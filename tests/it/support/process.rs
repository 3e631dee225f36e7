//! `kompass serve` run as a process, as a person starts it (shared by the serve and browser tests).

/// `kompass serve` as a process, with kompass's kept state in `state` and `path` first on
/// `PATH`: the child, and the address it printed.
#[cfg(unix)]
#[allow(dead_code)]
pub fn serve_process(
    file: &std::path::Path,
    state: &std::path::Path,
    path: &std::path::Path,
    args: &[&str],
) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kompass"))
        .arg("serve")
        .arg(file)
        .args(args)
        .env("KOMPASS_STATE_DIR", state)
        .env(
            "PATH",
            format!(
                "{}:{}",
                path.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("LANG", "sv_SE.UTF-8")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    err.read_line(&mut line).unwrap();
    // The rest is read on, so that the server never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    (child, url)
}
