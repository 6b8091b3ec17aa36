//! The team's review ledger: which version of each article who approved or sent back, the
//! text of every version decided on, comments on sections shared by every reviewer, and an
//! append-only audit log — one SQLite file (WAL) that a team on one host shares.
//!
//! Opening never fails: a ledger that cannot be written (read-only, a missing folder, a newer
//! schema) opens read-only with a message; a damaged database is moved aside and said; one
//! that cannot be opened at all (a full disk, a file that is not a ledger, a FIFO) leaves an
//! empty read-only ledger in memory standing in for it, and says why. A write
//! that cannot be made (read-only, a full disk, a lock held past the busy timeout) stays
//! queued in memory, is reported as not saved, and goes in with the next write that can be.

mod copy;
mod desk;
mod diff;
mod engine;
mod file;
mod import;
mod link;
mod open;
mod policy;
pub mod postgres;
mod read;
pub mod report;
mod text;
pub mod trail;
pub mod verify;
mod write;

pub use desk::{Desk, Hashed, Ticket};
pub use diff::{Kind, Piece, SectionDiff, diff, marked, render, section_title};
pub use engine::{Engine, NEWS_PAGE, news_pages};
pub use file::existing as existing_file;
pub use link::{ArticleView, Link, Shared, open_engine};
pub use open::{Options, SCHEMA};
pub use policy::{Followed, Judged, Policy, Refusal};
pub use postgres::PgLedger;
pub use read::{ArticleState, Head, Standing, versions};
pub use text::{normalise, normalised, section_hash, sections, short, version_of, version_of_article};
pub use trail::Lift;
pub use write::{Outcome, Write};

use rusqlite::Connection;
use serde::Serialize;
use std::path::PathBuf;

/// An open ledger.
pub struct Ledger {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    /// What the user should be told about how it opened (moved aside, read-only, imported).
    pub message: Option<String>,
    pending: Vec<Write>,
    opened: Opened,
    /// The account writes are recorded as (see [`Options::account`]).
    account: Option<String>,
}

/// What an open ledger holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// The file as it was found.
    AsFound,
    /// A new file: the one found was a damaged database, moved aside.
    Anew,
    /// Nothing: the file could not be opened, and an empty ledger in memory stands in for it.
    StandIn,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger").field("path", &self.path).field("read_only", &self.read_only).finish()
    }
}

/// A reviewer's decision on one version of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Approved as it is.
    Approved,
    /// Sent back: changes are needed.
    ChangesRequested,
}

impl Verdict {
    /// How the ledger, the command line and reports name it.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::ChangesRequested => "changes-requested",
        }
    }

    fn parse(s: &str) -> Verdict {
        if s == "approved" { Verdict::Approved } else { Verdict::ChangesRequested }
    }
}

/// A decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The article.
    pub slug: String,
    /// The version decided on (a full hash; empty when imported without one).
    pub version: String,
    /// Who decided.
    pub reviewer: String,
    /// What they decided.
    pub verdict: Verdict,
    /// Why, or nothing.
    pub comment: String,
    /// When (RFC 3339).
    pub at: String,
}

/// A comment on a section, shared with every reviewer of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// Unique in the ledger.
    pub id: String,
    /// The article.
    pub slug: String,
    /// The section's heading text (empty for the introduction).
    pub heading: String,
    /// The heading's place in the outline when written, in case its text changes.
    pub position: usize,
    /// The hash of the section's text when the comment was written (empty if unknown).
    pub section: String,
    /// The article's version when the comment was written (empty if unknown).
    pub version: String,
    /// Who wrote it.
    pub author: String,
    /// What it says.
    pub text: String,
    /// Whether someone marked it resolved.
    pub resolved: bool,
    /// When it was written (RFC 3339).
    pub created: String,
    /// When it last changed (RFC 3339).
    pub updated: String,
    /// Goes up with every change, so an edit of a stale copy is noticed.
    pub revision: i64,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Its place in the log.
    pub seq: i64,
    /// When (RFC 3339).
    pub at: String,
    /// Who.
    pub actor: String,
    /// What: approved, changes-requested, comment, edit, delete, resolve, reopen, import.
    pub action: String,
    /// The article.
    pub slug: String,
    /// The article's version it was done on (may be empty).
    pub version: String,
    /// The comment it concerns (empty for decisions).
    pub target: String,
    /// The comment's or decision's text.
    pub detail: String,
    /// The row's hash in the trail, chaining the row before it.
    pub hash: String,
}

/// Why a write was not made. The write stays queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerError {
    /// The ledger cannot be written here (the reason is in the message).
    ReadOnly(String),
    /// Another session held the ledger past the busy timeout.
    Busy,
    /// The disk is full.
    Full,
    /// Anything else the database said.
    Other(String),
    /// The personal notes file to import could not be read (it is left as it is).
    Import(String),
}

impl std::fmt::Display for LedgerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::strings as s;
        match self {
            LedgerError::ReadOnly(why) => write!(f, "{}", s::ledger_not_saved(why)),
            LedgerError::Busy => write!(f, "{}", s::ledger_not_saved(&s::LEDGER_BUSY)),
            LedgerError::Full => write!(f, "{}", s::ledger_not_saved(&s::LEDGER_FULL)),
            LedgerError::Other(e) => write!(f, "{}", s::ledger_not_saved(e)),
            LedgerError::Import(e) => write!(f, "{}", s::ledger_not_imported(e)),
        }
    }
}

impl LedgerError {
    /// Why, without the "not saved" around it.
    pub fn reason(&self) -> String {
        use crate::strings as s;
        match self {
            LedgerError::ReadOnly(why) | LedgerError::Other(why) | LedgerError::Import(why) => why.clone(),
            LedgerError::Busy => s::LEDGER_BUSY.to_string(),
            LedgerError::Full => s::LEDGER_FULL.to_string(),
        }
    }
}

/// Whether SQLite's error `e` means the disk is full: a write found no room, or the
/// shared-memory file SQLite reads a WAL ledger through could not grow.
fn disk_full(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
        || e.sqlite_extended_error_code() == Some(rusqlite::ffi::SQLITE_IOERR_SHMSIZE)
}

impl From<rusqlite::Error> for LedgerError {
    fn from(e: rusqlite::Error) -> LedgerError {
        use rusqlite::ErrorCode as C;
        if disk_full(&e) {
            return LedgerError::Full;
        }
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => LedgerError::Busy,
            Some(C::ReadOnly) => LedgerError::ReadOnly(crate::strings::LEDGER_READ_ONLY_FILE.into()),
            _ => LedgerError::Other(e.to_string()),
        }
    }
}

impl Ledger {
    /// The file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Whether writes are refused here (they stay queued).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// What it holds: the file found, a new one, or nothing of a file.
    pub fn opened(&self) -> Opened {
        self.opened
    }

    /// The writes not saved yet.
    pub fn pending(&self) -> &[Write] {
        &self.pending
    }

    /// Makes the ledger refuse new data as a full disk would (for tests of that case): the
    /// database may not grow past the pages it has now.
    #[doc(hidden)]
    pub fn simulate_full_disk(&self) -> Result<(), LedgerError> {
        let pages: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }

    /// Lifts [`Ledger::simulate_full_disk`].
    #[doc(hidden)]
    pub fn end_full_disk(&self) -> Result<(), LedgerError> {
        self.conn.pragma_update(None, "max_page_count", 1_073_741_823_i64)?;
        Ok(())
    }
}

/// A fresh unique id for a comment or decision: a hash of the time, the process and a
/// counter, so its first eight digits tell it apart.
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let seed = format!("{}-{}-{n}", jiff::Timestamp::now().as_nanosecond(), std::process::id());
    version_of(&seed)[..20].to_string()
}

#[cfg(test)]
mod tests;
