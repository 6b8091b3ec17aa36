//! The reviewer's data: notes, bookmarks, review status and reading positions, kept in one
//! human-readable file per user. The only module besides `library` that touches the disk.
//! Notes and review status are written to the team's ledger now: this file's are only read
//! (the ledger imports them once), and what is written here is bookmarks and positions.
//!
//! Every change is an intent ("bookmark this", not "toggle"), replayed on the latest file under
//! a lock, so two readers of the same user (two SSH sessions) merge their changes instead of
//! undoing each other's; every write is atomic (a temporary file, fsync, rename, fsync of the
//! folder) and private to the user, so a dropped connection or a full disk leaves the previous
//! file whole. A file that cannot be parsed is moved aside, never overwritten; one written by a
//! newer version, or one that cannot be read at all, is left alone and used read-only. Nothing is
//! written that would not read back.

mod disk;
mod draft;
mod error;
mod files;
mod hint;

pub use disk::{Disk, Loaded, MAX_BYTES, MAX_ENTRIES};
pub use draft::Draft;
pub use error::{ErrorKind, Problem, StoreError};
pub use files::{make_private_dir, move_aside_if, write_atomic_using};
pub use hint::{dismiss_hint, hint_dismissed, hint_path};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the file format this build writes.
pub const VERSION: u32 = 1;

/// Everything one user keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    /// The format's version.
    pub version: u32,
    /// Notes on sections (written by older versions; read to be imported into the ledger).
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Bookmarked sections.
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// Review status, by article slug (written by older versions; read to be imported).
    #[serde(default)]
    pub reviews: BTreeMap<String, Review>,
    /// Where each article was left, by slug.
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
    /// The article read last.
    #[serde(default)]
    pub last_article: Option<String>,
}

impl Default for Store {
    fn default() -> Store {
        Store {
            version: VERSION,
            notes: Vec::new(),
            bookmarks: Vec::new(),
            reviews: BTreeMap::new(),
            positions: BTreeMap::new(),
            last_article: None,
        }
    }
}

/// Which section a note or bookmark belongs to: the heading's text, and its place in the
/// outline in case the text changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The article's slug.
    pub slug: String,
    /// The heading's text (empty for the introduction).
    pub heading: String,
    /// The heading's position in the outline when the note was written.
    pub position: usize,
}

/// A note on a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Unique within the store.
    pub id: String,
    /// Where it belongs.
    #[serde(flatten)]
    pub anchor: Anchor,
    /// What it says.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// When it was written (RFC 3339).
    pub created: String,
    /// When it was last changed (RFC 3339).
    pub updated: String,
}

/// A bookmarked section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Where it points.
    #[serde(flatten)]
    pub anchor: Anchor,
    /// When it was set (RFC 3339).
    pub created: String,
}

/// Where a reviewer stands on an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewStatus {
    /// Not looked at yet.
    #[default]
    Unreviewed,
    /// Read and found good.
    Reviewed,
    /// Read, and changes are needed.
    NeedsChanges,
}

/// A review: its status, by whom and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The status.
    pub status: ReviewStatus,
    /// Who set it.
    pub user: String,
    /// When (RFC 3339).
    pub date: String,
}

/// Where an article was left: the section's heading text (none for the introduction) and
/// how many lines below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The heading of the section at the top.
    pub heading: Option<String>,
    /// Lines from that heading to the top line.
    pub offset: usize,
}

/// A change to the store: applied to the latest file under the lock, so changes from other
/// sessions are kept. Each says what the user wants to be true afterwards, never "flip
/// whatever is there", so replaying it on a newer file cannot undo another session's change.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Bookmark a section (`on`), or remove its bookmark: the same section is one with the
    /// same article and heading text.
    SetBookmark {
        /// The bookmark (its `created` is kept when it was set already).
        bookmark: Bookmark,
        /// Whether it should be there.
        on: bool,
    },
    /// Remember where an article was left, and that it was read last.
    SetPosition(String, Position),
}

impl Store {
    /// Applies `change`.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::SetBookmark { bookmark: b, on } => {
                let same =
                    |x: &Bookmark| x.anchor.slug == b.anchor.slug && x.anchor.heading == b.anchor.heading;
                match (on, self.bookmarks.iter().any(same)) {
                    (true, false) => self.bookmarks.push(b.clone()),
                    (false, true) => self.bookmarks.retain(|x| !same(x)),
                    _ => {}
                }
            }
            Change::SetPosition(slug, position) => {
                self.positions.insert(slug.clone(), position.clone());
                self.last_article = Some(slug.clone());
            }
        }
    }

    /// How many notes, bookmarks, reviews and positions it holds (see [`MAX_ENTRIES`]).
    pub fn entries(&self) -> usize {
        self.notes.len() + self.bookmarks.len() + self.reviews.len() + self.positions.len()
    }
}

/// Finds the heading an anchor points to in `headings` (their texts, in outline order): the
/// one with its text (the one at its old position if several), else `None`: detached.
pub fn resolve(anchor: &Anchor, headings: &[&str]) -> Option<usize> {
    if anchor.heading.is_empty() {
        return None;
    }
    if headings.get(anchor.position) == Some(&anchor.heading.as_str()) {
        return Some(anchor.position);
    }
    headings.iter().position(|h| *h == anchor.heading)
}

/// The operating-system account this process runs as: the name the system gives the
/// effective user id (never an environment variable: `USER` and `ARTIKEL_USER` can say
/// anything), or `uid N` when the system has no name for it. What the review ledger
/// records as who acted.
///
/// Builds with debug assertions (the test builds) take `ARTIKEL_ACCOUNT` instead when it is
/// set, so that tests can play several reviewers on one account; a release build never does.
pub fn account() -> String {
    #[cfg(debug_assertions)]
    if let Some(test) = std::env::var("ARTIKEL_ACCOUNT").ok().filter(|v| !v.is_empty()) {
        return test;
    }
    os_account()
}

#[cfg(unix)]
fn os_account() -> String {
    // SAFETY: getpwuid_r writes the entry into `entry` and its strings into `buf` (whose
    // length it is given); `found` is null unless the entry was found and filled in.
    unsafe {
        let uid = libc::geteuid();
        let mut entry: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 16 * 1024];
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut entry, buf.as_mut_ptr(), buf.len(), &mut found);
        if rc == 0 && !found.is_null() && !entry.pw_name.is_null() {
            let name = std::ffi::CStr::from_ptr(entry.pw_name).to_string_lossy().into_owned();
            if !name.is_empty() {
                return name;
            }
        }
        format!("uid {uid}")
    }
}

#[cfg(not(unix))]
fn os_account() -> String {
    std::env::var("USERNAME").unwrap_or_else(|_| "unknown".to_string())
}

/// The user's name as shown (a display name): `ARTIKEL_USER`, else the [`account`] (never
/// "unknown"). The review ledger's commands record the account.
pub fn user() -> String {
    std::env::var("ARTIKEL_USER").ok().filter(|v| !v.is_empty()).unwrap_or_else(account)
}

/// Now, as RFC 3339.
pub fn now() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).map(|t| t.to_string()).unwrap_or_default()
}

/// A fresh note id.
pub fn new_id() -> String {
    let nanos = jiff::Timestamp::now().as_nanosecond();
    format!("{:x}-{:x}", nanos, std::process::id())
}

#[cfg(test)]
mod tests;
