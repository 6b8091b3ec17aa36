//! The store's files on disk: a private folder, a lock, atomic private writes, and moving a
//! broken file aside under a name no other file has.

use super::error::{Problem, StoreError};
use std::fs::{self, DirBuilder, File, Permissions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Files we write are for their user alone.
const FILE_MODE: u32 = 0o600;
/// Folders we create are for their user alone.
const DIR_MODE: u32 = 0o700;

/// Makes the folder `dir` (and any missing parent) private to the user, unless it exists.
pub(super) fn make_dir(dir: &Path) -> Result<(), Problem> {
    make_private_dir(dir).map_err(|e| problem(e, dir, Problem::Write))
}

/// Makes the folder `dir` (and any missing parent) private to the user (0700), unless it
/// exists: a folder the user made is left as it is.
pub fn make_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)
}

/// The most of a data file read: twice the store's limit, as its parser's budget allows.
const MAX_READ: u64 = 2 * super::MAX_BYTES as u64;

/// The bytes of the data file `path`, read as an article is
/// ([`crate::regular_file::read`]): a FIFO, a device or a file past [`MAX_READ`] is an error
/// that says so, at once.
pub(super) fn read_data(path: &Path) -> io::Result<Vec<u8>> {
    use crate::regular_file::{ReadError, read};
    read(path, MAX_READ).map_err(|e| match e {
        ReadError::Io(e) => e,
        ReadError::NotAFile => {
            io::Error::new(io::ErrorKind::InvalidInput, crate::strings::NOT_A_REGULAR_FILE.as_str())
        }
        ReadError::TooLarge { .. } => {
            io::Error::new(io::ErrorKind::FileTooLarge, crate::strings::larger_than(MAX_READ))
        }
    })
}

/// The problem `e` met in the data folder `dir`: a file where a folder should be is said as
/// such; anything else is `other(e)`.
pub(super) fn problem(e: io::Error, dir: &Path, other: fn(io::Error) -> Problem) -> Problem {
    let in_the_way = matches!(e.kind(), io::ErrorKind::NotADirectory | io::ErrorKind::AlreadyExists)
        .then(|| dir.ancestors().find(|a| fs::symlink_metadata(a).is_ok() && !a.is_dir()))
        .flatten();
    match in_the_way {
        Some(file) => Problem::NotAFolder { file: file.to_path_buf() },
        None => other(e),
    }
}

/// Takes the lock file `path` in the data folder `dir`, waiting at most `wait` for another
/// process to let it go (then [`Problem::Busy`], said of `guarded`, the file the lock keeps).
/// Dropping the file releases it.
pub(super) fn lock(path: &Path, dir: &Path, guarded: &Path, wait: Duration) -> Result<File, StoreError> {
    make_dir(dir).map_err(|p| StoreError::new(p, path))?;
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(FILE_MODE)
        .open(path)
        .map_err(|e| StoreError::new(problem(e, dir, Problem::Write), path))?;
    // A lock file made by an older artikel (with the umask's mode) is made private too; if it
    // belongs to someone else the lock still works, so there is nothing to report.
    let _ = file.set_permissions(Permissions::from_mode(FILE_MODE));
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(fs::TryLockError::WouldBlock) if wait.is_zero() => {
            return Err(StoreError::new(Problem::Busy, guarded));
        }
        Err(fs::TryLockError::WouldBlock) => {}
        Err(fs::TryLockError::Error(e)) => return Err(StoreError::new(Problem::Write(e), path)),
    }
    // Wait in line (the kernel hands the lock over in turn, where polling could starve) on
    // another thread, for at most `wait`. If we give up first, the thread's send fails when
    // it gets the lock, and dropping the file lets the lock go again.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let taken = file.lock().map(|()| file);
        let _ = tx.send(taken);
    });
    match rx.recv_timeout(wait) {
        Ok(Ok(file)) => Ok(file),
        Ok(Err(e)) => Err(StoreError::new(Problem::Write(e), path)),
        Err(_) => Err(StoreError::new(Problem::Busy, guarded)),
    }
}

/// Writes `path` atomically and privately (mode 0600): `write` fills a temporary file with a
/// unique name beside it, which is synced, renamed over `path`, and the folder synced. If
/// anything fails, `path` is as it was and the temporary file is gone.
pub fn write_atomic_using(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .permissions(Permissions::from_mode(FILE_MODE))
        .tempfile_in(dir)?;
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    File::open(dir)?.sync_all()
}

/// Moves `path` aside to `<name>.corrupt-<time>` (with `-2`, `-3`… when that name is taken,
/// so two broken files moved aside in the same second both stay), and says where.
pub(super) fn move_aside(path: &Path) -> io::Result<PathBuf> {
    move_aside_if(path, |_| true)
}

/// As [`move_aside`], only while the file at `path` (a link followed) is still the one
/// `same` knows: one put in its place meanwhile (by another session) stays where it is, and
/// the answer is an error.
pub fn move_aside_if(path: &Path, same: impl Fn(&fs::Metadata) -> bool) -> io::Result<PathBuf> {
    let changed = || io::Error::other(crate::strings::FILE_CHANGED.as_str());
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let base = format!("{name}.corrupt-{stamp}");
    for n in 1..=1000 {
        let aside = dir.join(if n == 1 { base.clone() } else { format!("{base}-{n}") });
        // A hard link is made only if the name is free, so no file is ever replaced.
        match fs::hard_link(path, &aside) {
            Ok(()) => {
                let kept = fs::metadata(&aside).is_ok_and(|m| same(&m));
                let removed = if kept { fs::remove_file(path) } else { Err(changed()) };
                if let Err(e) = removed {
                    let _ = fs::remove_file(&aside);
                    return Err(e);
                }
                return Ok(aside);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(e),
            // A file system without hard links: rename, to a name that is free now.
            Err(_) if !exists(&aside) => {
                if !fs::metadata(path).is_ok_and(|m| same(&m)) {
                    return Err(changed());
                }
                fs::rename(path, &aside)?;
                return Ok(aside);
            }
            Err(_) => continue,
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, crate::strings::NO_FREE_NAME.as_str()))
}

fn exists(path: &Path) -> bool {
    !matches!(fs::symlink_metadata(path), Err(e) if e.kind() == io::ErrorKind::NotFound)
}
