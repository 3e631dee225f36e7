//! `kompass serve`: the evaluation editor in the browser (see `kompass::serve`).

use std::path::Path;
use std::process::ExitCode;

use kompass::messages::msg;

use super::{Run, say};

pub fn run(evaluation: &Path, port: u16, open: bool) -> Run {
    let server = kompass::serve::Server::start(evaluation, port, kompass::messages::lang())?;
    let url = server.url();
    say(msg!("serve-listening", url = url.as_str()));
    if open {
        open_browser(&url);
    }
    server.run();
    Ok(ExitCode::SUCCESS)
}

/// Open the page in the user's browser; when none can be started the printed address does.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let _ = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
