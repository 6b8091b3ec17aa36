//! The ledger's files as found before SQLite opens them: each must be a regular file (a FIFO
//! or a device is refused, never waited on); a side file this user owns but cannot write is
//! made writable again; and a file SQLite refuses is told apart: a damaged database is moved
//! aside under a name of its own, anything else is not a ledger and is left as it is.

use std::fs;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The first 16 bytes of every SQLite database.
const MAGIC: &[u8] = b"SQLite format 3\0";

/// The files SQLite keeps beside a WAL database `path`.
fn side_files(path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|tail| {
        let mut name = path.as_os_str().to_owned();
        name.push(tail);
        PathBuf::from(name)
    })
}

/// What the ledger's files are like, before SQLite opens them.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// Regular files, as SQLite needs them.
    Fine,
    /// This file (the ledger, or one of its side files) is not a regular file.
    NotAFile(PathBuf),
    /// This side file cannot be written by this user, who may not make it writable: the
    /// ledger can only be read until it is removed or made writable.
    SideReadOnly(PathBuf),
}

/// Looks at the ledger `path` (which exists) and its side files. A side file this user owns
/// but cannot write, while they can write the ledger (one left by a session run while the
/// ledger was read-only: SQLite gives side files the ledger's mode), gets the ledger's write
/// permissions back; changing a file's mode leaves it as every other session has it open.
pub(super) fn look(path: &Path) -> Found {
    // The ledger may be a link (to a shared one); what it points at must be a file.
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Found::NotAFile(path.to_path_buf());
    }
    let ledger_mode = writable(path).then(|| fs::metadata(path).map(|m| m.mode()).ok()).flatten();
    for side in side_files(path) {
        // SQLite makes these itself, never as links.
        let Ok(meta) = fs::symlink_metadata(&side) else { continue };
        if !meta.file_type().is_file() {
            return Found::NotAFile(side);
        }
        let Some(mode) = ledger_mode.filter(|_| !writable(&side)) else { continue };
        let fixed = fs::Permissions::from_mode((meta.mode() | (mode & 0o222)) & 0o7777);
        if fs::set_permissions(&side, fixed).is_err() || !writable(&side) {
            return Found::SideReadOnly(side);
        }
    }
    Found::Fine
}

/// Whether this user may write `path` (opened without waiting, and without changing it).
fn writable(path: &Path) -> bool {
    fs::OpenOptions::new().write(true).custom_flags(libc::O_NONBLOCK).open(path).is_ok()
}

/// The identity of a file: its device and inode.
pub(super) type Identity = (u64, u64);

/// What a file SQLite refused to read is: a damaged database (it starts as every SQLite
/// database does), with its identity, or `None`: not a ledger at all.
pub(super) fn damaged(path: &Path) -> Option<Identity> {
    match crate::regular_file::start(path, MAGIC.len() as u64) {
        Ok((head, meta)) if head == MAGIC => Some((meta.dev(), meta.ino())),
        _ => None,
    }
}

/// Moves the damaged ledger `path` (still the file `id`), its `-wal` and its `-shm` aside
/// to `<name>.corrupt-<time>` (a name no file has), and says where.
pub(super) fn move_aside(path: &Path, id: Identity) -> std::io::Result<PathBuf> {
    let aside = crate::store::move_aside_if(path, |m| (m.dev(), m.ino()) == id)?;
    for (side, moved) in side_files(path).into_iter().zip(side_files(&aside)) {
        if fs::symlink_metadata(&side).is_ok() && fs::symlink_metadata(&moved).is_err() {
            let _ = fs::rename(&side, &moved);
        }
    }
    Ok(aside)
}

/// Whether `path` is a ledger file as it is, read without changing anything (no file made,
/// no schema brought up to date, nothing moved aside): for `review migrate`'s source.
pub fn existing(path: &std::path::Path) -> Result<(), super::LedgerError> {
    use crate::strings as s;
    let refused = |why: String| super::LedgerError::Other(s::ledger_source_unusable(path, &why));
    if !path.is_file() {
        return Err(refused(s::NO_SUCH_LEDGER_FILE.to_string()));
    }
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let db = rusqlite::Connection::open_with_flags(path, flags).map_err(|e| refused(e.to_string()))?;
    let tables: i64 = db
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit'", [], |r| {
            r.get(0)
        })
        .map_err(|e| refused(e.to_string()))?;
    if tables == 0 {
        return Err(refused(s::NOT_A_LEDGER_FILE.to_string()));
    }
    Ok(())
}
