//! Why the store could not be read or written, as types: callers branch on [`StoreError::kind`],
//! never on a message, and the message is made from the type (its sentences live in
//! `crate::strings`).

use std::io;
use std::path::{Path, PathBuf};

/// What kind of trouble, for callers that decide what to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The store must not be written in this session (a newer version, an unreadable file,
    /// a data folder that is not a folder): retrying will not help.
    ReadOnly,
    /// Another artikel holds the lock: try again shortly.
    Busy,
    /// The disk refused a write (full, permissions).
    Io,
    /// A file could not be parsed (and was moved aside when [`StoreError::moved_to`] says so).
    Corrupt,
    /// The store would grow past what it can read back.
    TooLarge,
}

/// What went wrong, with what is known about it.
#[derive(Debug)]
pub enum Problem {
    /// The file was written by a newer version of artikel; it is left as it is.
    Newer {
        /// The file's `version`.
        version: u32,
    },
    /// The file exists but cannot be read (permission denied, a folder, a symlink loop).
    Unreadable(io::Error),
    /// A folder on the way to the data folder (or the data folder itself) is a file.
    NotAFolder {
        /// The file that stands where a folder should be.
        file: PathBuf,
    },
    /// Another artikel held the lock for longer than we waited.
    Busy,
    /// Writing failed.
    Write(io::Error),
    /// The file is not a valid store or draft.
    Corrupt {
        /// What the parser said (without its position).
        why: String,
        /// Line and column (from 1), when the parser knew them.
        at: Option<(u64, u64)>,
        /// Where the file was moved, or why it could not be.
        moved: Result<PathBuf, io::Error>,
    },
    /// The store would hold more than it can read back.
    TooLarge {
        /// Notes, bookmarks, reviews and positions it would hold.
        entries: usize,
        /// Its size in bytes as written.
        bytes: usize,
        /// The most entries it may hold.
        max_entries: usize,
    },
}

/// Why the store (or a draft) could not be read or saved: the problem and the file.
#[derive(Debug)]
pub struct StoreError {
    problem: Problem,
    file: PathBuf,
    draft: bool,
}

impl StoreError {
    /// `problem` with the store's file `file` (or its folder).
    pub fn new(problem: Problem, file: impl Into<PathBuf>) -> StoreError {
        StoreError { problem, file: file.into(), draft: false }
    }

    /// `problem` with the draft's file `file`: a draft that cannot be read leaves the store
    /// writable.
    pub fn draft(problem: Problem, file: impl Into<PathBuf>) -> StoreError {
        StoreError { problem, file: file.into(), draft: true }
    }

    /// What kind of trouble this is.
    pub fn kind(&self) -> ErrorKind {
        match &self.problem {
            Problem::Unreadable(_) | Problem::Corrupt { moved: Err(_), .. } if self.draft => ErrorKind::Io,
            Problem::Newer { .. } | Problem::Unreadable(_) | Problem::NotAFolder { .. } => {
                ErrorKind::ReadOnly
            }
            Problem::Corrupt { moved: Err(_), .. } => ErrorKind::ReadOnly,
            Problem::Corrupt { moved: Ok(_), .. } => ErrorKind::Corrupt,
            Problem::Busy => ErrorKind::Busy,
            Problem::Write(_) => ErrorKind::Io,
            Problem::TooLarge { .. } => ErrorKind::TooLarge,
        }
    }

    /// What went wrong.
    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    /// The file it is about.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Line and column (from 1) of a parse error, when known.
    pub fn line_column(&self) -> Option<(u64, u64)> {
        match &self.problem {
            Problem::Corrupt { at, .. } => *at,
            _ => None,
        }
    }

    /// Where a corrupt file was moved to, if it was.
    pub fn moved_to(&self) -> Option<&Path> {
        match &self.problem {
            Problem::Corrupt { moved: Ok(to), .. } => Some(to),
            _ => None,
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::strings as s;
        let file = shown(&self.file);
        let text = match &self.problem {
            Problem::Newer { version } => s::store_newer(&file, *version),
            Problem::Unreadable(e) if self.draft => s::draft_unreadable(&file, &reason(e)),
            Problem::Unreadable(e) => s::store_unreadable(&file, &reason(e)),
            Problem::NotAFolder { file } => s::store_not_a_folder(&shown(file)),
            Problem::Busy => s::store_busy(&file),
            Problem::Write(e) => s::store_write_failed(&file, &reason(e)),
            Problem::Corrupt { why, at, moved } => {
                let why = crate::sanitize::visible(why);
                let why = match at {
                    Some((line, column)) => s::store_at(*line, *column, &why),
                    None => why.into_owned(),
                };
                match moved {
                    Ok(to) => s::store_moved_aside(&file, &why, &shown(to)),
                    Err(e) if self.draft => s::draft_not_moved(&file, &why, &reason(e)),
                    Err(e) => s::store_not_moved(&file, &why, &reason(e)),
                }
            }
            Problem::TooLarge { entries, bytes, max_entries } => {
                s::store_too_large(&file, *entries, *bytes, *max_entries, super::MAX_BYTES)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.problem {
            Problem::Unreadable(e) | Problem::Write(e) | Problem::Corrupt { moved: Err(e), .. } => Some(e),
            _ => None,
        }
    }
}

/// A path as the user may see it: control characters made visible.
fn shown(path: &Path) -> String {
    crate::sanitize::visible(&path.to_string_lossy()).into_owned()
}

/// What the system said, in words (no raw `os error` number when we have a better name).
fn reason(e: &io::Error) -> String {
    let text = match e.kind() {
        io::ErrorKind::PermissionDenied => crate::strings::PERMISSION_DENIED.to_string(),
        io::ErrorKind::IsADirectory => crate::strings::IS_A_FOLDER.to_string(),
        io::ErrorKind::StorageFull => crate::strings::DISK_FULL.to_string(),
        io::ErrorKind::WouldBlock => crate::strings::LOCK_HELD.to_string(),
        _ => e.to_string(),
    };
    crate::sanitize::visible(&text).into_owned()
}
