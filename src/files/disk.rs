//! Files put on disk whole: never a half-written one, never through a link someone else
//! planted, never over a read-only file or a save made elsewhere.
//!
//! Every write goes to a temporary file beside the target, `.<name>.<pid>.<random>.tmp`,
//! created with `O_EXCL` under an unpredictable name (so a symlink planted at a guessed name is
//! never followed), flushed, given the target's mode, and then renamed over the target in one
//! step: the previous file stays intact whenever anything fails before that.
//!
//! - [`atomic_write`] replaces (or creates) a file.
//! - [`replace_if_unchanged`] replaces a file only if it still holds what the caller last read:
//!   the editor's save, a compare-and-swap.
//! - [`create_new`] creates a file that must not exist yet (`kompass new`).
//! - [`own_dir`] makes (or accepts) a folder kompass names itself, refusing a symlink.
//!
//! **Links.** A target that is itself a symlink is replaced by the rename: the link goes and a
//! regular file takes its place; the file the link pointed to is never written. The mode kept
//! is that of the file the link points to. Links in the folders above the target are followed
//! as the user named them.
//!
//! **Modes.** A replaced file keeps its permission bits (`rwx` for owner, group and others;
//! set-user-ID and the like are dropped) and, where the system allows it, its owner and group:
//! only root may give a file to another user, so a save by someone else gives the new file to
//! them (the group is kept when they are in it). A new file gets the usual mode (0666 less the
//! umask). A file without write permission for its owner is refused, even for root: see
//! [`ReadOnly`].
//!
//! **Interrupted writes.** The temporary files in progress are listed, so that Ctrl-C removes
//! them ([`clean_up_interrupted`]). After a kill -9 they stay; on Linux the next write of the
//! same name removes those whose process no longer runs (`/proc/<pid>` is gone). A process of
//! the same pid in another pid namespace or on another machine sharing the folder is not seen,
//! so there a running write of theirs may lose its temporary file and fail (the file it
//! writes is never harmed).

use std::ffi::OsString;
use std::fs::{self, File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::base::messages::{Message, msg};

/// Every temporary file being written now, by any thread (a batch writes from several): all
/// are removed when the process is interrupted.
static IN_PROGRESS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Remove the temporary files of every write in progress. Called from the Ctrl-C / termination
/// handler, so that an interrupted run leaves the previous files and nothing else.
pub fn clean_up_interrupted() {
    let mut list = IN_PROGRESS.lock().unwrap_or_else(PoisonError::into_inner);
    for tmp in list.drain(..) {
        let _ = fs::remove_file(tmp);
    }
}

/// One entry of [`IN_PROGRESS`]: removed again (only this one) when dropped.
struct Tracked(PathBuf);

impl Tracked {
    fn new(path: &Path) -> Self {
        IN_PROGRESS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path.to_path_buf());
        Tracked(path.to_path_buf())
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        let mut list = IN_PROGRESS.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(i) = list.iter().position(|p| *p == self.0) {
            list.swap_remove(i);
        }
    }
}

/// The error inside an [`io::Error`] (of kind `PermissionDenied`) when a write refuses a file
/// that has no write permission for its owner: someone made it read-only, and kompass does not
/// replace it, not even as root (whom the system would let). See [`failure`].
#[derive(Debug)]
pub struct ReadOnly;

impl std::fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", msg!("reason-read-only"))
    }
}

impl std::error::Error for ReadOnly {}

/// The error inside an [`io::Error`] when [`own_dir`] finds a symlink where it would make a
/// folder: kompass does not write through it.
#[derive(Debug)]
pub struct Linked;

impl std::fmt::Display for Linked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", msg!("reason-symlink-folder"))
    }
}

impl std::error::Error for Linked {}

/// Whether an error is the refusal of a read-only target ([`ReadOnly`]).
pub fn is_read_only(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<ReadOnly>())
}

/// Whether an error is [`own_dir`]'s refusal of a symlink ([`Linked`]).
pub fn is_linked(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<Linked>())
}

/// What to print when writing `path` failed: "`leksand.toml` is read-only; kompass does not
/// replace it", "`leksand-diagram` is a symbolic link; …", or "cannot write <path>: <reason>".
pub fn failure(path: &Path, e: &io::Error) -> Message {
    let shown = path.display().to_string();
    if is_read_only(e) {
        msg!("write-read-only", path = shown)
    } else if is_linked(e) {
        msg!("write-symlink-folder", path = shown)
    } else {
        msg!(
            "with-reason",
            what = msg!("cannot-write", path = shown),
            reason = crate::base::messages::io_reason(e)
        )
    }
}

/// The library's error for a failed write of `path`: a refusal (read-only, a symlinked
/// folder) as such, else "cannot write <path>" with the system's reason.
pub fn error(path: &Path, e: io::Error) -> crate::base::error::Error {
    if is_read_only(&e) || is_linked(&e) {
        crate::base::error::Error::Refused(failure(path, &e))
    } else {
        crate::base::error::Error::Io {
            what: msg!("cannot-write", path = path.display().to_string()),
            source: e,
        }
    }
}

/// The folder of `target` and its file name.
fn parts(target: &Path) -> (PathBuf, OsString) {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| OsString::from("file"), ToOwned::to_owned);
    (dir, name)
}

/// What the file being replaced is like (the file a symlink points to, for its mode), or
/// `None` when there is none yet. Refuses a read-only file ([`ReadOnly`]).
fn existing(target: &Path) -> io::Result<Option<Metadata>> {
    let Ok(meta) = fs::metadata(target) else {
        return Ok(None);
    };
    #[cfg(unix)]
    let read_only = {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o200 == 0
    };
    #[cfg(not(unix))]
    let read_only = meta.is_file() && meta.permissions().readonly();
    if read_only {
        return Err(io::Error::new(io::ErrorKind::PermissionDenied, ReadOnly));
    }
    Ok(Some(meta))
}

/// A temporary file beside the target, written and flushed, with the target's mode: removed
/// when dropped unless it was renamed.
struct Temporary {
    file: tempfile::NamedTempFile,
    _tracked: Tracked,
}

impl Temporary {
    /// Write `bytes` to a new temporary file beside `target`, with the mode (and owner, where
    /// allowed) of `like`, the file it replaces, or the usual mode of a new file.
    fn beside(target: &Path, like: Option<&Metadata>, bytes: &[u8]) -> io::Result<Self> {
        let (dir, name) = parts(target);
        remove_stale(&dir, &name);
        let mut prefix = OsString::from(".");
        prefix.push(&name);
        prefix.push(format!(".{}.", std::process::id()));
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp").rand_bytes(6);
        #[cfg(unix)]
        if like.is_none() {
            // A new file: 0666 less the umask, as any program creates one.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let mut file = builder.tempfile_in(&dir)?;
        let tracked = Tracked::new(file.path());
        file.write_all(bytes)?;
        if let Some(like) = like {
            keep_mode(file.as_file(), like, target)?;
        }
        file.as_file().sync_all()?;
        Ok(Temporary {
            file,
            _tracked: tracked,
        })
    }

    fn path(&self) -> &Path {
        self.file.path()
    }
}

/// Give `file` the permission bits of `like`, and its owner and group where the system allows
/// (root; or the group, for a member of it). Not the owner of what a symlink points to.
#[cfg(unix)]
fn keep_mode(file: &File, like: &Metadata, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let own = file.metadata()?;
    let link = fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink());
    if !link && (own.uid(), own.gid()) != (like.uid(), like.gid()) {
        // Owner and group (root), else the group alone; else the new file is the writer's.
        if std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(like.gid()));
        }
    }
    file.set_permissions(fs::Permissions::from_mode(
        like.permissions().mode() & 0o777,
    ))
}

#[cfg(not(unix))]
fn keep_mode(file: &File, like: &Metadata, _target: &Path) -> io::Result<()> {
    file.set_permissions(like.permissions())
}

/// Remove the temporary files of `name` left in `dir` by a kompass that was killed: named
/// `.<name>.<pid>.<random>.tmp` (or `.<name>.<pid>.tmp`, as kompass once named them) for a
/// pid that no longer runs. On Linux only, where `/proc` tells; elsewhere they stay.
#[cfg(target_os = "linux")]
fn remove_stale(dir: &Path, name: &std::ffi::OsStr) {
    use std::os::unix::ffi::OsStrExt;
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut prefix = b".".to_vec();
    prefix.extend_from_slice(name.as_bytes());
    prefix.push(b'.');
    let own = std::process::id().to_string();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .as_bytes()
            .strip_prefix(&prefix[..])
            .and_then(|r| r.strip_suffix(b".tmp"))
        else {
            continue;
        };
        let (pid, random) = match rest.iter().position(|&b| b == b'.') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &b""[..]),
        };
        let plausible = !pid.is_empty()
            && pid.len() <= 10
            && pid.iter().all(u8::is_ascii_digit)
            && (random.is_empty()
                || (random.len() == 6 && random.iter().all(u8::is_ascii_alphanumeric)));
        if !plausible || pid == own.as_bytes() {
            continue;
        }
        let pid = String::from_utf8_lossy(pid);
        let plain = entry
            .file_type()
            .is_ok_and(|t| t.is_file() || t.is_symlink());
        if plain && !Path::new("/proc").join(&*pid).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn remove_stale(_dir: &Path, _name: &std::ffi::OsStr) {}

/// Whether [`atomic_write`] would replace `target`: `Err` ([`ReadOnly`]) for a read-only file,
/// so that a command can refuse it before any work.
pub fn replaceable(target: &Path) -> io::Result<()> {
    existing(target).map(|_| ())
}

/// Write `bytes` to `target`, replacing it in one rename, or creating it.
///
/// The bytes go to a temporary file beside the target with an unpredictable name, created with
/// `O_EXCL` (see the module's notes), which takes the target's mode (and owner where allowed)
/// before it is renamed over the target. Refused: a target without write permission for its
/// owner ([`ReadOnly`], kind `PermissionDenied`); [`failure`] says so. A symlink at `target`
/// is replaced, never followed. On any error the target is as it was and the temporary file
/// is gone.
pub fn atomic_write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let like = existing(target)?;
    let tmp = Temporary::beside(target, like.as_ref(), bytes)?;
    tmp.file.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// Create `target` with `bytes`, only if nothing is there yet (not even a symlink): `Err` of
/// kind `AlreadyExists` if something is. The file appears whole or not at all (temporary file,
/// then a rename that never replaces), so a full disk or a kill never leaves a truncated file
/// behind that would block the next attempt.
pub fn create_new(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::symlink_metadata(target).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    let tmp = Temporary::beside(target, None, bytes)?;
    tmp.file.persist_noclobber(target).map_err(|e| e.error)?;
    Ok(())
}

/// Make the folder `dir` for kompass to write into: created when missing (its parent must
/// exist), accepted when it is a real folder. Refused: a symlink in its place (even one to a
/// folder), with [`Linked`] inside the error, and anything else that is not a folder. For the
/// folders kompass names by itself, such as `<evaluation>-diagram/`, where a link planted by
/// someone else would send the files elsewhere.
pub fn own_dir(dir: &Path) -> io::Result<()> {
    match fs::create_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let meta = fs::symlink_metadata(dir)?;
            if meta.file_type().is_symlink() {
                Err(io::Error::other(Linked))
            } else if meta.is_dir() {
                Ok(())
            } else {
                Err(io::Error::from(io::ErrorKind::NotADirectory))
            }
        }
        Err(e) => Err(e),
    }
}

/// Why [`replace_if_unchanged`] did not write.
#[derive(Debug)]
pub enum Replaced {
    /// The file no longer holds what the caller expected: it was saved from elsewhere. Nothing
    /// was written; these are its bytes now (empty when they could not be read).
    Changed(Vec<u8>),
    /// The file is gone (deleted or moved away); nothing was written.
    Gone,
    /// Writing failed, or was refused ([`ReadOnly`]); see [`failure`]. The file is as it was.
    Failed(io::Error),
}

impl From<io::Error> for Replaced {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::NotFound {
            Replaced::Gone
        } else {
            Replaced::Failed(e)
        }
    }
}

/// Replace `target` with `bytes` only if it still holds exactly `expected` (what the caller
/// read from it last): a compare-and-swap for the editor's saves, so that a save made by
/// another program in the meantime is never silently overwritten. Mode, owner, links and the
/// read-only refusal as for [`atomic_write`].
///
/// **Where the system can swap two files atomically** (Linux's `renameat2(RENAME_EXCHANGE)`,
/// macOS's `renameatx_np(RENAME_SWAP)`): the new file is swapped with the target in one step,
/// and the file it displaced – exactly what was there at that instant – is compared with
/// `expected`. Equal: it is removed, done; there is no window in which another save could be
/// lost. Not equal: another save came first, and ours is taken out again without ever being
/// put over a newer save (see `take_back`: the newest other version ends up in place, by
/// renames that never replace). So a save by another program that replaces the file (as
/// editors and kompass save) is never lost, however close in time. What remains:
/// - after a conflict, for the few system calls between the swap and taking ours out, a reader
///   of the target may see our bytes, and then, for a few more, no file at all (it is moved
///   aside while the newest version is chosen); a kill in that moment leaves the versions
///   beside it as `.<name>.<pid>.<random>.kept`, never removed by kompass;
/// - a program that writes into the file in place (not by replacing it) and holds it open
///   across the swap writes into the displaced file: a write landing after the comparison is
///   lost.
///
/// **Elsewhere**, and on filesystems without the swap (some network filesystems): the target is
/// read and compared, its identity (device, inode, size, modification time) checked again just
/// before the rename, and then renamed over. A save landing between that last check and the
/// rename (a few microseconds) is overwritten.
pub fn replace_if_unchanged(target: &Path, bytes: &[u8], expected: &[u8]) -> Result<(), Replaced> {
    let Some(like) = existing(target).map_err(Replaced::Failed)? else {
        return Err(Replaced::Gone);
    };
    if !like.is_file() {
        return Err(Replaced::Failed(io::Error::other(
            msg!("reason-not-regular").text(),
        )));
    }
    let tmp = Temporary::beside(target, Some(&like), bytes).map_err(Replaced::Failed)?;
    #[cfg(any(target_os = "linux", target_os = "android", target_os = "macos"))]
    match exchange(tmp.path(), target) {
        Ok(()) => return swapped(tmp, target, bytes, expected),
        // No swap on this filesystem or kernel: the way without it.
        Err(e)
            if matches!(
                e.raw_os_error(),
                Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP)
            ) => {}
        Err(e) => return Err(e.into()),
    }
    checked_rename(tmp, target, expected)
}

/// Swap two files in one step (`RENAME_EXCHANGE`).
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// A file's identity: device and inode (and, where there are none, its size and time).
fn identity(meta: &Metadata) -> (u64, u64, u64, Option<std::time::SystemTime>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino(), meta.len(), meta.modified().ok())
    }
    #[cfg(not(unix))]
    {
        (0, 0, meta.len(), meta.modified().ok())
    }
}

/// The bytes of a file being compared: a regular file, read up to one byte past `limit`.
fn read_back(path: &Path, limit: usize) -> io::Result<(Vec<u8>, Metadata)> {
    let (file, meta) = crate::files::read::open_regular(path).map_err(|e| match e {
        crate::files::read::ReadError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    })?;
    let mut out = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut out)?;
    Ok((out, meta))
}

/// The most read back of a file to compare: an evaluation, or more when `expected` is longer.
fn compare_limit(expected: &[u8]) -> usize {
    (crate::files::read::MAX_EVALUATION_BYTES as usize).max(expected.len())
}

/// After the swap: the displaced file is at the temporary name. Done if it was what the caller
/// expected; else ours is taken out again ([`take_back`]).
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos"))]
fn swapped(tmp: Temporary, target: &Path, ours: &[u8], expected: &[u8]) -> Result<(), Replaced> {
    let displaced = read_back(tmp.path(), compare_limit(expected));
    if let Ok((d, _)) = &displaced
        && d == expected
    {
        // Dropping the temporary file removes the displaced one at its name.
        return Ok(());
    }
    take_back(tmp, target, ours)?;
    match displaced {
        Ok((d, _)) => Err(Replaced::Changed(
            read_back(target, compare_limit(&d)).map_or(d, |(now, _)| now),
        )),
        Err(e) => Err(Replaced::Failed(e)),
    }
}

/// A save from elsewhere came before ours, and ours is in place with the displaced file at the
/// temporary name: take ours out again, and put back the newest of the others, never over a
/// save that lands meanwhile. Whatever holds the name now is moved aside: if it is ours, the
/// displaced file goes back; if it is not (another save replaced ours), that save is the newer
/// and goes back. Either goes back with a rename that never replaces: should yet another save
/// have taken the name meanwhile, it is the newest and stays. While this runs the versions
/// wait under `.<name>.<pid>.<random>.kept` names, which no clean-up removes, so that even a
/// kill in that moment loses nothing.
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos"))]
fn take_back(tmp: Temporary, target: &Path, ours: &[u8]) -> Result<(), Replaced> {
    let ours_id = tmp.file.as_file().metadata().map(|m| identity(&m)).ok();
    let (dir, name) = parts(target);
    let mut prefix = OsString::from(".");
    prefix.push(&name);
    prefix.push(format!(".{}.", std::process::id()));
    let kept = || {
        tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".kept")
            .rand_bytes(6)
            .tempfile_in(&dir)
    };
    let displaced = kept().map_err(Replaced::Failed)?;
    fs::rename(tmp.path(), displaced.path()).map_err(Replaced::Failed)?;
    let keep = |file: tempfile::NamedTempFile, e: io::Error| {
        let path = file.into_temp_path().keep().ok();
        Replaced::Failed(io::Error::other(format!(
            "{e} ({})",
            msg!(
                "write-kept-at",
                path = path.map_or_else(String::new, |p| p.display().to_string())
            )
        )))
    };
    let aside = match kept() {
        Ok(aside) => aside,
        Err(e) => return Err(keep(displaced, e)),
    };
    let back = match fs::rename(target, aside.path()) {
        // The name is empty (someone removed ours): the displaced file goes back.
        Err(e) if e.kind() == io::ErrorKind::NotFound => displaced,
        Err(e) => return Err(keep(displaced, e)),
        Ok(()) => {
            let moved = fs::symlink_metadata(aside.path())
                .map(|m| identity(&m))
                .ok();
            let is_ours = moved.is_some()
                && moved == ours_id
                && read_back(aside.path(), ours.len()).is_ok_and(|(b, _)| b == ours);
            if is_ours { displaced } else { aside }
        }
    };
    match back.persist_noclobber(target) {
        Ok(_) => Ok(()),
        // A newer save took the name meanwhile: it stays, the older version goes.
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(keep(e.file, e.error)),
    }
}

/// Without the swap: compare, check the identity once more, rename.
fn checked_rename(tmp: Temporary, target: &Path, expected: &[u8]) -> Result<(), Replaced> {
    let (now, meta) = read_back(target, compare_limit(expected))?;
    if now != expected {
        return Err(Replaced::Changed(now));
    }
    if fs::metadata(target).map(|m| identity(&m))? != identity(&meta) {
        let (now, _) = read_back(target, compare_limit(expected))?;
        return Err(Replaced::Changed(now));
    }
    tmp.file
        .persist(target)
        .map_err(|e| Replaced::Failed(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kompass-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn in_progress() -> Vec<PathBuf> {
        IN_PROGRESS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Several writes at once (a batch's threads): each is listed, each removes only its own
    /// entry when done, and an interruption removes the temporary files of all.
    #[test]
    fn every_write_in_progress_is_listed_and_removed_on_interruption() {
        let dir = scratch("in-progress");
        let a = Temporary::beside(&dir.join("a.pdf"), None, b"a").unwrap();
        let b = Temporary::beside(&dir.join("b.pdf"), None, b"b").unwrap();
        let c = Temporary::beside(&dir.join("a.pdf"), None, b"c").unwrap();
        let (pa, pb, pc) = (
            a.path().to_path_buf(),
            b.path().to_path_buf(),
            c.path().to_path_buf(),
        );
        assert_ne!(pa, pc, "two writes of one name share no temporary file");
        for p in [&pa, &pb, &pc] {
            assert!(in_progress().contains(p), "{}", p.display());
        }
        // One finishes: its entry goes, the others stay.
        a.file.persist(dir.join("a.pdf")).unwrap();
        drop(a._tracked);
        assert!(!in_progress().contains(&pa));
        assert!(in_progress().contains(&pb) && in_progress().contains(&pc));
        // Interrupted: the others' temporary files are removed.
        clean_up_interrupted();
        assert!(!pb.exists() && !pc.exists());
        assert!(!in_progress().contains(&pb) && !in_progress().contains(&pc));
        drop((b, c));
        assert_eq!(fs::read(dir.join("a.pdf")).unwrap(), b"a");
        let _ = fs::remove_dir_all(&dir);
    }

    /// The way without the atomic swap (other systems and filesystems): compare, then rename.
    #[test]
    fn without_the_swap_a_changed_file_is_not_replaced() {
        let dir = scratch("checked");
        let target = dir.join("e.toml");
        fs::write(&target, "read\n").unwrap();
        let tmp = Temporary::beside(&target, fs::metadata(&target).ok().as_ref(), b"new\n");
        checked_rename(tmp.unwrap(), &target, b"read\n").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new\n");
        fs::write(&target, "elsewhere\n").unwrap();
        let tmp = Temporary::beside(&target, fs::metadata(&target).ok().as_ref(), b"page\n");
        match checked_rename(tmp.unwrap(), &target, b"new\n") {
            Err(Replaced::Changed(now)) => assert_eq!(now, b"elsewhere\n"),
            other => panic!("{other:?}"),
        }
        assert_eq!(fs::read(&target).unwrap(), b"elsewhere\n");
        let left: Vec<_> = fs::read_dir(&dir).unwrap().flatten().collect();
        assert_eq!(left.len(), 1, "{left:?}");
        let _ = fs::remove_dir_all(&dir);
    }
}
