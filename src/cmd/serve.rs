//! `kompass serve`: the evaluation editor in the browser (see `kompass::serve`).

use std::path::Path;
use std::process::ExitCode;

use kompass::base::messages::msg;

use super::{Run, say};

pub fn run(evaluation: &Path, port: Option<u16>, open: bool) -> Run {
    let server =
        kompass::serve::Server::start_kept(evaluation, port, kompass::base::messages::lang())?;
    let url = server.url();
    say(msg!("serve-listening", url = url.as_str()));
    if open {
        open_browser(evaluation, &url);
    }
    server.run();
    Ok(ExitCode::SUCCESS)
}

/// Open the page in the user's browser, through a private opener page that sends it on to the
/// address: the token never stands on the opener's command line, where `ps` shows it to every
/// local user. Without a place for that page (or a program to open it) the printed address does.
fn open_browser(evaluation: &Path, url: &str) {
    let Ok(page) = kompass::serve::home::opener(evaluation, url) else {
        return;
    };
    let page = page.as_os_str();
    let (program, args): (&str, Vec<&std::ffi::OsStr>) = if cfg!(target_os = "macos") {
        ("open", vec![page])
    } else if cfg!(windows) {
        (
            "cmd",
            vec!["/C".as_ref(), "start".as_ref(), "".as_ref(), page],
        )
    } else {
        ("xdg-open", vec![page])
    };
    let _ = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
