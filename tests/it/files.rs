//! Files written and read safely (issue 21, "Writes that follow links", "Hangs", "Outputs that
//! collide"): temporary files that no planted symlink redirects, modes kept, read-only files
//! refused, a compare-and-swap save that never loses a save from elsewhere, new files that appear
//! whole or not at all, folders kompass names itself never followed when they are links, only
//! regular files read (never a hang on a FIFO), `.ods` repeat counts written as character
//! references, two reports into one file refused, one evaluation exported once.
//!
//! The tests run as root here, where the system lets every write through: they check the mode
//! bits and kompass's own refusals, not the system's.
#![cfg(unix)]

use crate::support;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use kompass::write::{self, Replaced};
use support::{EXAMPLE, kompass, scratch};

/// Far above what any of these commands needs (well under a second): reached only by a run
/// that waits forever, which is then killed and fails the test.
const HANG: Duration = Duration::from_secs(20);

/// Run the binary with `args`, killed (and the test failed) if it has not ended within
/// [`HANG`].
fn bounded(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kompass"));
    command.args(args).env("NO_COLOR", "1");
    bounded_command(command)
}

fn bounded_command(mut command: Command) -> Output {
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kompass");
    let pid = child.id();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(child.wait_with_output());
    });
    match receive.recv_timeout(HANG) {
        Ok(output) => output.expect("kompass's output"),
        Err(_) => {
            // SAFETY: kill(2) on the pid of our own child, which has not been waited for.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            panic!("{command:?} was still running after {HANG:?}: it hangs");
        }
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The names in `dir` that start with a dot: temporary files left behind.
fn hidden(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// A named pipe at `path`.
fn fifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo(3) with a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// An empty scratch folder (without the register `scratch` copies in).
fn empty(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::remove_file(dir.join("register.csv")).unwrap();
    dir
}

// --- atomic_write -------------------------------------------------------------------------

#[test]
fn a_symlink_planted_at_the_temporary_name_is_never_followed() {
    let dir = empty("files-planted");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "the victim's own file\n").unwrap();
    let target = dir.join("report.pdf");
    std::fs::write(&target, "%PDF-old").unwrap();
    // kompass once wrote to `.<name>.<pid>.tmp` with File::create, which follows a link there.
    let pid = std::process::id();
    symlink(&victim, dir.join(format!(".report.pdf.{pid}.tmp"))).unwrap();
    write::atomic_write(&target, b"%PDF-new").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-new");
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the victim's own file\n",
        "written through the planted link"
    );
}

#[test]
fn a_symlink_at_the_target_is_replaced_not_followed() {
    let dir = empty("files-target-link");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "the victim's own file\n").unwrap();
    let target = dir.join("chart.svg");
    symlink(&victim, &target).unwrap();
    write::atomic_write(&target, b"<svg/>").unwrap();
    assert!(!std::fs::symlink_metadata(&target).unwrap().is_symlink());
    assert_eq!(std::fs::read(&target).unwrap(), b"<svg/>");
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the victim's own file\n"
    );
}

#[test]
fn a_replaced_file_keeps_its_mode_and_a_new_one_gets_the_usual_one() {
    let dir = empty("files-modes");
    for kept in [0o600, 0o640, 0o604, 0o700] {
        let target = dir.join(format!("e-{kept:o}.toml"));
        std::fs::write(&target, "old\n").unwrap();
        set_mode(&target, kept);
        write::atomic_write(&target, b"new\n").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new\n");
        assert_eq!(mode(&target), kept, "{}", target.display());
    }
    // A new file: as any program creates one (0666 less the umask).
    let usual = dir.join("usual");
    std::fs::File::create(&usual).unwrap();
    let new = dir.join("new.toml");
    write::atomic_write(&new, b"new\n").unwrap();
    assert_eq!(mode(&new), mode(&usual));
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
}

#[test]
fn a_read_only_file_is_refused_and_left_as_it_is() {
    let dir = empty("files-read-only");
    for ro in [0o444, 0o400, 0o464] {
        let target = dir.join(format!("e-{ro:o}.toml"));
        std::fs::write(&target, "the evaluator's\n").unwrap();
        set_mode(&target, ro);
        let e = write::atomic_write(&target, b"replaced\n").unwrap_err();
        assert!(write::is_read_only(&e), "{e}");
        assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied);
        assert!(
            write::failure(&target, &e)
                .text()
                .contains("is read-only; kompass does not replace it"),
            "{}",
            write::failure(&target, &e)
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"the evaluator's\n");
        assert_eq!(mode(&target), ro);
        let refused = write::replace_if_unchanged(&target, b"x", b"the evaluator's\n");
        assert!(
            matches!(&refused, Err(Replaced::Failed(e)) if write::is_read_only(e)),
            "{refused:?}"
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"the evaluator's\n");
    }
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
}

#[test]
fn render_keeps_a_private_pdf_private_and_refuses_a_read_only_one() {
    let dir = scratch("files-render-modes");
    let toml = dir.join("leksand.toml");
    std::fs::copy(EXAMPLE, &toml).unwrap();
    let pdf = dir.join("leksand.pdf");
    support::render(&toml, &pdf);
    set_mode(&pdf, 0o600);
    support::render(&toml, &pdf);
    assert_eq!(mode(&pdf), 0o600);
    set_mode(&pdf, 0o444);
    let before = std::fs::read(&pdf).unwrap();
    for lang in ["en", "sv"] {
        let o = kompass(&["render", toml.to_str().unwrap(), "--lang", lang]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let expected = if lang == "en" {
            "leksand.pdf is read-only; kompass does not replace it"
        } else {
            "leksand.pdf är skrivskyddad; kompass ersätter den inte"
        };
        assert!(stderr(&o).contains(expected), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
    assert_eq!(mode(&pdf), 0o444);
}

#[cfg(target_os = "linux")]
#[test]
fn temporary_files_of_killed_processes_are_removed_at_the_next_write() {
    let dir = empty("files-stale");
    // A process that has ended: its pid runs nothing now.
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    assert!(!Path::new(&format!("/proc/{dead}")).exists());
    let stale = [
        format!(".e.toml.{dead}.AbC123.tmp"),
        // As kompass named them before.
        format!(".e.toml.{dead}.tmp"),
    ];
    let kept = [
        // pid 1 runs.
        ".e.toml.1.AbC123.tmp".to_string(),
        // Another file's, and names that are not kompass's.
        format!(".f.toml.{dead}.AbC123.tmp"),
        format!(".e.toml.{dead}.AbC123.bak"),
        ".e.toml.x.tmp".to_string(),
        format!(".e.toml.1.{dead}.AbC123.tmp"),
    ];
    for name in stale.iter().chain(&kept) {
        std::fs::write(dir.join(name), "left behind").unwrap();
    }
    write::atomic_write(&dir.join("e.toml"), b"new\n").unwrap();
    let mut expected: Vec<String> = kept.to_vec();
    expected.sort();
    assert_eq!(hidden(&dir), expected);
}

// --- replace_if_unchanged and create_new -------------------------------------------------

#[test]
fn replace_if_unchanged_writes_only_over_what_the_caller_read() {
    let dir = empty("files-cas");
    let target = dir.join("e.toml");
    std::fs::write(&target, "read by the page\n").unwrap();
    set_mode(&target, 0o600);
    write::replace_if_unchanged(&target, b"saved\n", b"read by the page\n").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"saved\n");
    assert_eq!(mode(&target), 0o600);
    // Saved from elsewhere since: not written, and told what is there now.
    std::fs::write(&target, "saved from elsewhere\n").unwrap();
    match write::replace_if_unchanged(&target, b"page\n", b"saved\n") {
        Err(Replaced::Changed(now)) => assert_eq!(now, b"saved from elsewhere\n"),
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&target).unwrap(), b"saved from elsewhere\n");
    std::fs::remove_file(&target).unwrap();
    assert!(matches!(
        write::replace_if_unchanged(&target, b"page\n", b"saved from elsewhere\n"),
        Err(Replaced::Gone)
    ));
    assert!(!target.exists());
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
}

/// Another program saves the file as fast as it can, while `replace_if_unchanged` saves over
/// what it last read, again and again. No version of the other program's may disappear unseen:
/// each is replaced by a later save of its own (it records what each of its saves displaced),
/// is the last one in place, or is exactly what a successful save expected. Two exceptions are
/// counted, not assumed, each superseding one version: the other program saved over ours in the
/// moment before ours was taken out again (then its save is the newer), or it found the name
/// empty while ours was being taken out and saved into it.
#[cfg(target_os = "linux")]
#[test]
fn a_save_from_elsewhere_is_never_silently_overwritten() {
    use std::collections::HashSet;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = empty("files-cas-race");
    let target = dir.join("e.toml");
    std::fs::write(&target, "outside 0\n").unwrap();
    let stop = AtomicBool::new(false);
    let (outside, results) = std::thread::scope(|scope| {
        let outside = scope.spawn(|| other_program(&dir, &target, &stop));
        let mut results = Vec::new();
        for k in 0..1500 {
            let seen = std::fs::read(&target).unwrap();
            let ours = format!("ours {k}\n");
            let result = write::replace_if_unchanged(&target, ours.as_bytes(), &seen);
            let failed = matches!(result, Err(Replaced::Gone | Replaced::Failed(_)));
            results.push((
                ours,
                String::from_utf8(seen).unwrap(),
                format!("{result:?}"),
            ));
            if failed {
                break;
            }
        }
        stop.store(true, Ordering::Relaxed);
        (outside.join().unwrap(), results)
    });
    let (superseded, written, into_empty) = outside;
    let failed: Vec<&String> = results
        .iter()
        .map(|r| &r.2)
        .filter(|r| *r != "Ok(())" && !r.starts_with("Err(Changed"))
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
    let last = std::fs::read_to_string(&target).unwrap();
    let saved = |r: &&(String, String, String)| r.2 == "Ok(())";
    let expected_by_ok: HashSet<&String> = results.iter().filter(saved).map(|r| &r.1).collect();
    let refused: HashSet<&String> = results.iter().filter(|r| !saved(r)).map(|r| &r.0).collect();
    let taken_back_late = superseded.iter().filter(|s| refused.contains(s)).count();
    let lost: Vec<String> = (0..written)
        .map(|n| format!("outside {n}\n"))
        .filter(|v| !superseded.contains(v) && *v != last && !expected_by_ok.contains(v))
        .collect();
    let ok = results.iter().filter(saved).count();
    assert!(
        ok > 0 && ok < results.len(),
        "{ok} of {} saved: no race",
        results.len()
    );
    assert!(
        lost.len() <= taken_back_late + into_empty,
        "{} of {written} saves from elsewhere lost ({taken_back_late} taken back late, \
         {into_empty} into an empty name): {:?}",
        lost.len(),
        &lost[..lost.len().min(5)]
    );
    assert_eq!(hidden(&dir), Vec::<String>::new());
}

/// The other program of [`a_save_from_elsewhere_is_never_silently_overwritten`]: saves by
/// swapping its new file with the target, so that it knows exactly which version each save
/// replaced; into an empty name, by a rename that never replaces. Gives the versions it
/// replaced, how many it wrote, and how many went into an empty name.
#[cfg(target_os = "linux")]
fn other_program(
    dir: &Path,
    target: &Path,
    stop: &std::sync::atomic::AtomicBool,
) -> (std::collections::HashSet<String>, usize, usize) {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    let mut superseded = std::collections::HashSet::new();
    let (mut n, mut into_empty) = (1, 0);
    let tmp = dir.join("other-program.tmp");
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        std::fs::write(&tmp, format!("outside {n}\n")).unwrap();
        loop {
            match renameat_with(CWD, &tmp, CWD, target, RenameFlags::EXCHANGE) {
                Ok(()) => {
                    superseded.insert(std::fs::read_to_string(&tmp).unwrap());
                    break;
                }
                Err(rustix::io::Errno::NOENT) => {
                    match renameat_with(CWD, &tmp, CWD, target, RenameFlags::NOREPLACE) {
                        Ok(()) => {
                            into_empty += 1;
                            break;
                        }
                        Err(rustix::io::Errno::EXIST) => {}
                        Err(e) => panic!("{e}"),
                    }
                }
                Err(e) => panic!("{e}"),
            }
        }
        n += 1;
    }
    (superseded, n, into_empty)
}

#[test]
fn create_new_never_replaces_anything_and_leaves_nothing_on_failure() {
    let dir = empty("files-create-new");
    let target = dir.join("new.toml");
    write::create_new(&target, b"first\n").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"first\n");
    let e = write::create_new(&target, b"second\n").unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(std::fs::read(&target).unwrap(), b"first\n");
    // A dangling link is something too: its target is not created.
    let link = dir.join("link.toml");
    symlink(dir.join("elsewhere.toml"), &link).unwrap();
    let e = write::create_new(&link, b"x").unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
    assert!(!dir.join("elsewhere.toml").exists());
    // A folder that does not exist: an error, and nothing made.
    assert!(write::create_new(&dir.join("no/such.toml"), b"x").is_err());
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
}

/// `kompass new` on a disk that fills up: a file size limit (RLIMIT_FSIZE) far below the
/// skeleton's size. With the limit's signal ignored the write fails with EFBIG; with it, the
/// process is killed mid-write. Either way no part of a skeleton is left to block the retry.
#[test]
fn kompass_new_on_a_full_disk_leaves_nothing_that_blocks_the_retry() {
    let dir = empty("files-new-full");
    let target = dir.join("leksand.toml");
    for (ignore_signal, case) in [(true, "write fails"), (false, "killed mid-write")] {
        let trap = if ignore_signal { "trap '' XFSZ; " } else { "" };
        let mut command = Command::new("bash");
        command
            .arg("-c")
            .arg(format!("{trap}ulimit -f 1 && exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_kompass"))
            .args(["new", "Leksand", "-o", target.to_str().unwrap()]);
        let o = bounded_command(command);
        assert!(!o.status.success(), "{case}: {}", stderr(&o));
        assert!(!target.exists(), "{case}: a part of the skeleton is left");
        if ignore_signal {
            assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
            assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
        }
    }
    let o = kompass(&["new", "Leksand", "-o", target.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::metadata(&target).unwrap().len() > 2048);
    // The killed run's temporary file is gone too, on Linux (its process no longer runs).
    if cfg!(target_os = "linux") {
        assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
    }
    let o = kompass(&["check", "--draft", target.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
}

// --- folders kompass names itself ---------------------------------------------------------

#[test]
fn a_folder_kompass_names_itself_is_never_a_symlink() {
    let dir = empty("files-own-dir");
    let outside = dir.join("outside");
    std::fs::create_dir(&outside).unwrap();
    let charts = dir.join("leksand-diagram");
    symlink(&outside, &charts).unwrap();
    let e = write::own_dir(&charts).unwrap_err();
    assert!(write::is_linked(&e), "{e}");
    assert!(
        write::failure(&charts, &e)
            .text()
            .contains("leksand-diagram is a symbolic link, not a folder"),
        "{}",
        write::failure(&charts, &e)
    );
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    // Missing: made; a real folder: taken as it is; a file: refused.
    let real = dir.join("real-diagram");
    write::own_dir(&real).unwrap();
    assert!(real.is_dir());
    std::fs::write(real.join("kept.txt"), "x").unwrap();
    write::own_dir(&real).unwrap();
    assert!(real.join("kept.txt").exists());
    std::fs::write(dir.join("file-diagram"), "x").unwrap();
    assert!(write::own_dir(&dir.join("file-diagram")).is_err());
    // A link to a folder that does not exist is refused too, and nothing is made there.
    symlink(dir.join("nowhere"), dir.join("dangling-diagram")).unwrap();
    assert!(write::own_dir(&dir.join("dangling-diagram")).is_err());
    assert!(!dir.join("nowhere").exists());
}

#[test]
fn charts_replace_links_inside_their_folder_instead_of_following_them() {
    let dir = scratch("files-charts");
    let toml = dir.join("leksand.toml");
    std::fs::copy(EXAMPLE, &toml).unwrap();
    let out = dir.join("charts");
    std::fs::create_dir(&out).unwrap();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "the victim's own file\n").unwrap();
    let first = kompass(&[
        "charts",
        toml.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert!(first.status.success(), "{}", stderr(&first));
    let names: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(names.len() >= 4, "{names:?}");
    for name in &names {
        std::fs::remove_file(name).unwrap();
        symlink(&victim, name).unwrap();
    }
    let again = kompass(&[
        "charts",
        toml.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the victim's own file\n"
    );
    for name in &names {
        assert!(!std::fs::symlink_metadata(name).unwrap().is_symlink());
    }
}

// --- only regular files are read ----------------------------------------------------------

#[test]
fn a_register_that_is_a_fifo_is_refused_not_waited_for() {
    let dir = empty("files-fifo-register");
    let toml = dir.join("leksand.toml");
    std::fs::copy(EXAMPLE, &toml).unwrap();
    fifo(&dir.join("register.csv"));
    let o = bounded(&["check", toml.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("register.csv"), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    // The register on its own, and in Swedish.
    let reg = dir.join("register.csv");
    let o = bounded(&["check", reg.to_str().unwrap(), "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("inte en vanlig fil"), "{}", stderr(&o));
    // `register` naming /dev/stdin.
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replacen(
        "register = \"register.csv\"",
        "register = \"/dev/stdin\"",
        1,
    );
    std::fs::write(&toml, text).unwrap();
    let o = bounded(&["check", toml.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
}

#[test]
fn an_evaluation_or_a_pdf_that_is_a_fifo_is_refused_not_waited_for() {
    let dir = empty("files-fifo");
    let toml = dir.join("leksand.toml");
    let pdf = dir.join("leksand.pdf");
    fifo(&toml);
    fifo(&pdf);
    let t = toml.to_str().unwrap();
    let p = pdf.to_str().unwrap();
    let other = dir.join("other.pdf");
    for args in [
        vec!["check", t],
        vec!["render", t, "-o", other.to_str().unwrap()],
        vec!["export", t],
        vec!["verify", p],
        vec!["extract", p],
        vec!["export", p],
    ] {
        let o = bounded(&args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
        assert!(err.contains("leksand."), "{args:?}: {err}");
    }
    assert!(!other.exists());
    // A FIFO where the PDF would go: refused as not a PDF, never opened to wait.
    let real = dir.join("real.toml");
    std::fs::copy(EXAMPLE, &real).unwrap();
    std::fs::copy(support::REGISTER, dir.join("register.csv")).unwrap();
    let o = bounded(&["render", real.to_str().unwrap(), "-o", p]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("leksand.pdf exists and is not a PDF"), "{err}");
}

// --- .ods repeat counts -------------------------------------------------------------------

#[test]
fn ods_repeat_counts_written_as_character_references_are_counted() {
    let dir = empty("files-ods-references");
    // "&#49;000000" is 1000000: 100 million cells with a value, once calamine expands them.
    for count in ["&#49;000000", "&#x31;000000", "1&#48;00000"] {
        let bomb = format!(
            r#"<table:table-row table:number-rows-repeated="{count}"><table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/></table:table-row>"#
        );
        let ods = dir.join("bomb.ods");
        std::fs::write(&ods, support::hostile::ods(&bomb)).unwrap();
        let mut command = Command::new("bash");
        command
            .arg("-c")
            .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_kompass"))
            .args(["check", ods.to_str().unwrap()]);
        let o = bounded_command(command);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{count}: {err}");
        assert!(err.contains("more than 2000000 cells"), "{count}: {err}");
    }
    // Columns too, and a count that is no number is refused rather than taken as 1.
    let cell = r#"office:value-type="float" office:value="1""#;
    for (count, row) in [
        (
            "&#49;x",
            format!(
                r#"<table:table-row><table:table-cell table:number-columns-repeated="&#49;x" {cell}/></table:table-row>"#
            ),
        ),
        (
            "1e6",
            format!(
                r#"<table:table-row table:number-rows-repeated="1e6"><table:table-cell {cell}/></table:table-row>"#
            ),
        ),
        (
            "-5",
            format!(
                r#"<table:table-row table:number-rows-repeated="-5"><table:table-cell {cell}/></table:table-row>"#
            ),
        ),
    ] {
        let ods = dir.join("bad.ods");
        std::fs::write(&ods, support::hostile::ods(&row)).unwrap();
        let o = bounded(&["check", ods.to_str().unwrap()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{count}: {err}");
        assert!(err.contains("is not a whole number"), "{count}: {err}");
        assert!(err.contains(count), "{count}: {err}");
    }
}

// --- batches and exports ------------------------------------------------------------------

#[test]
fn two_reports_into_one_file_are_refused_before_any_work() {
    let dir = scratch("files-batch-clash");
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.join(sub)).unwrap();
        std::fs::copy(EXAMPLE, dir.join(sub).join("leksand.toml")).unwrap();
        std::fs::copy(support::REGISTER, dir.join(sub).join("register.csv")).unwrap();
    }
    let a = dir.join("a/leksand.toml");
    let b = dir.join("b/leksand.toml");
    let out = dir.join("out");
    let (a, b, o_dir) = (
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        out.to_str().unwrap(),
    );
    for args in [
        vec!["render", a, b, "--out-dir", o_dir],
        vec!["render", a, b, "-o", &format!("{o_dir}/")],
        vec!["render", a, b, "--draft", "--out-dir", o_dir],
    ] {
        let o = kompass(&args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(a) && err.contains(b), "{err}");
        assert!(err.contains("would both be written to"), "{err}");
        assert!(!out.exists(), "work was done: {args:?}");
    }
    // One file given twice, beside itself.
    let o = kompass(&["render", a, a]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.join("a/leksand.pdf").exists());
    // Different names into one folder are fine.
    std::fs::rename(dir.join("b/leksand.toml"), dir.join("b/leksand-2.toml")).unwrap();
    let b2 = dir.join("b/leksand-2.toml");
    let o = kompass(&["render", a, b2.to_str().unwrap(), "--out-dir", o_dir]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("leksand.pdf").exists() && out.join("leksand-2.pdf").exists());
}

#[test]
fn one_evaluation_given_twice_is_exported_once() {
    let dir = scratch("files-export-twice");
    let toml = dir.join("leksand.toml");
    std::fs::copy(EXAMPLE, &toml).unwrap();
    let pdf = dir.join("leksand.pdf");
    support::render(&toml, &pdf);
    let reg = dir.join("reg.csv");
    let (t, p, r) = (
        toml.to_str().unwrap(),
        pdf.to_str().unwrap(),
        reg.to_str().unwrap(),
    );
    let o = kompass(&["export", t, p, "-o", r]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("is the same evaluation as"), "{err}");
    assert!(err.contains(p) && err.contains(t), "{err}");
    let rows = || std::fs::read_to_string(&reg).unwrap().lines().count() - 1;
    assert_eq!(rows(), 1);
    let o = kompass(&["check", r]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Again, appended: still the one row, and a register `check` passes.
    for input in [t, p] {
        let o = kompass(&["export", input, "-o", r, "--append"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(rows(), 1);
    }
    let o = kompass(&["check", r]);
    assert!(o.status.success(), "{}", stderr(&o));
    // And in JSON.
    let json = dir.join("reg.json");
    let o = kompass(&["export", p, t, "-o", json.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
}

#[test]
fn export_append_keeps_the_register_s_mode_and_refuses_a_read_only_one() {
    let dir = scratch("files-export-modes");
    let reg = dir.join("reg.csv");
    std::fs::copy(support::REGISTER, &reg).unwrap();
    set_mode(&reg, 0o600);
    let r = reg.to_str().unwrap();
    let o = kompass(&["export", EXAMPLE, "-o", r, "--append"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&reg), 0o600);
    set_mode(&reg, 0o444);
    let before = std::fs::read(&reg).unwrap();
    for flag in ["--append", "--overwrite"] {
        let o = kompass(&["export", EXAMPLE, "-o", r, flag]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains("reg.csv is read-only"), "{err}");
        assert_eq!(std::fs::read(&reg).unwrap(), before);
        assert_eq!(mode(&reg), 0o444);
    }
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
}
