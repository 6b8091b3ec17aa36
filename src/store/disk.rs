//! The store's file: reading it (moving a broken one aside), locking, and writing only what
//! reads back.

use super::error::{ErrorKind, Problem, StoreError};
use super::files::{lock, move_aside, problem, read_data, write_atomic_using};
use super::{Change, Store, VERSION};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The most notes, bookmarks, reviews and positions the store keeps: a change that would
/// grow it past this is refused with [`ErrorKind::TooLarge`]. The parser's budget is set to
/// read twice as much, so a file edited by hand past the limit still loads.
pub const MAX_ENTRIES: usize = 50_000;
/// The largest the store's file may grow (64 MiB), for the same reason.
pub const MAX_BYTES: usize = 64 << 20;

/// How long [`Disk::update`] waits for another process to release the lock.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// The store's folder on disk.
#[derive(Debug, Clone)]
pub struct Disk {
    dir: PathBuf,
    /// [`MAX_ENTRIES`], smaller in tests.
    max_entries: usize,
}

/// A store as read, with what the user should be told about it.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The data (empty when there was none, or it could not be read).
    pub store: Store,
    /// What went wrong reading it: a file moved aside ([`ErrorKind::Corrupt`]: the store
    /// starts empty), or why it must not be written ([`ErrorKind::ReadOnly`]).
    pub problem: Option<StoreError>,
}

impl Loaded {
    /// Whether the store must not be written in this session.
    pub fn read_only(&self) -> bool {
        self.problem.as_ref().is_some_and(|p| p.kind() == ErrorKind::ReadOnly)
    }
}

/// What reading the file found.
enum Read {
    Missing,
    Parsed(Store),
    Corrupt { why: String, at: Option<(u64, u64)> },
}

impl Disk {
    /// The store in folder `dir` (created, private to the user, when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Disk {
        Disk { dir: dir.into(), max_entries: MAX_ENTRIES }
    }

    /// The same store with a smaller limit, so tests can reach it quickly.
    #[cfg(test)]
    pub(super) fn with_max_entries(self, max_entries: usize) -> Disk {
        Disk { max_entries: max_entries.min(MAX_ENTRIES), ..self }
    }

    /// The store's file.
    pub fn path(&self) -> PathBuf {
        self.dir.join("notes.yaml")
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join("notes.lock")
    }

    /// Reads the store. A missing file is an empty store; a broken one is moved aside
    /// (`notes.yaml.corrupt-<time>`) and the store starts empty; a newer or unreadable one
    /// is read-only.
    pub fn load(&self) -> Loaded {
        match self.read() {
            // Moving a file aside takes the lock, so it is never one another session just wrote.
            Ok(Read::Corrupt { .. }) => match lock(&self.lock_path(), &self.dir, &self.path(), LOCK_WAIT) {
                Ok(_lock) => self.load_locked(),
                Err(e) => {
                    let why = match e.kind() {
                        ErrorKind::Busy => {
                            io::Error::new(io::ErrorKind::WouldBlock, crate::strings::LOCK_HELD.as_str())
                        }
                        _ => io::Error::other(e.to_string()),
                    };
                    self.finish(self.read(), || Err(why))
                }
            },
            // Not broken: nothing to move aside.
            read => self.finish(read, || Err(io::Error::other(crate::strings::LOCK_HELD.as_str()))),
        }
    }

    /// Reads the store as it is, changing nothing (no file is moved aside): for importing it
    /// elsewhere. `None` when there is no file; a file that cannot be parsed is an error of
    /// kind [`ErrorKind::ReadOnly`] (it was not moved) with its line and column.
    pub fn peek(&self) -> Result<Option<Store>, StoreError> {
        match self.read()? {
            Read::Missing => Ok(None),
            Read::Parsed(store) => Ok(Some(store)),
            Read::Corrupt { why, at } => {
                let not_moved = io::Error::other(crate::strings::NOT_MOVED_WHEN_PEEKING.as_str());
                Err(StoreError::new(Problem::Corrupt { why, at, moved: Err(not_moved) }, self.path()))
            }
        }
    }

    /// Reads the store while holding the lock.
    fn load_locked(&self) -> Loaded {
        self.finish(self.read(), || move_aside(&self.path()))
    }

    /// What the user gets from `read`; a broken file is moved by `aside`.
    fn finish(&self, read: Result<Read, StoreError>, aside: impl FnOnce() -> io::Result<PathBuf>) -> Loaded {
        match read {
            Ok(Read::Parsed(store)) if store.version > VERSION => {
                let problem = StoreError::new(Problem::Newer { version: store.version }, self.path());
                Loaded { store, problem: Some(problem) }
            }
            Ok(Read::Parsed(store)) => Loaded { store, problem: None },
            Ok(Read::Missing) => Loaded::default(),
            Ok(Read::Corrupt { why, at }) => {
                let problem = StoreError::new(Problem::Corrupt { why, at, moved: aside() }, self.path());
                Loaded { store: Store::default(), problem: Some(problem) }
            }
            Err(problem) => Loaded { store: Store::default(), problem: Some(problem) },
        }
    }

    fn read(&self) -> Result<Read, StoreError> {
        let path = self.path();
        let bytes = match read_data(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Read::Missing),
            Err(e) => return Err(StoreError::new(problem(e, &self.dir, Problem::Unreadable), path)),
        };
        Ok(match parse::<Store>(&bytes) {
            Ok(store) => Read::Parsed(store),
            Err((why, at)) => Read::Corrupt { why, at },
        })
    }

    /// Applies `changes` to the latest store on disk, under the lock (waiting a few seconds
    /// for another artikel to let it go, then [`ErrorKind::Busy`]), and writes it back
    /// atomically. Returns the store as written. Nothing is written when it fails.
    pub fn update(&self, changes: &[Change]) -> Result<Store, StoreError> {
        self.update_within(changes, LOCK_WAIT)
    }

    /// As [`Disk::update`], but returns [`ErrorKind::Busy`] at once when another process
    /// holds the lock, so the caller can keep answering keys and try again.
    pub fn try_update(&self, changes: &[Change]) -> Result<Store, StoreError> {
        self.update_within(changes, Duration::ZERO)
    }

    fn update_within(&self, changes: &[Change], wait: Duration) -> Result<Store, StoreError> {
        let _lock = lock(&self.lock_path(), &self.dir, &self.path(), wait)?;
        let loaded = self.load_locked();
        // A broken file was just moved aside: say so before writing a new one (the next
        // attempt starts from an empty store).
        if let Some(problem) = loaded.problem {
            return Err(problem);
        }
        let before = loaded.store.entries();
        let mut store = loaded.store;
        changes.iter().for_each(|c| store.apply(c));
        let text =
            serde_saphyr::to_string(&store).map_err(|e| self.write_error(io::Error::other(e.to_string())))?;
        let entries = store.entries();
        if (entries > self.max_entries || text.len() > MAX_BYTES) && entries >= before {
            let problem = Problem::TooLarge { entries, bytes: text.len(), max_entries: self.max_entries };
            return Err(StoreError::new(problem, self.path()));
        }
        // Never write what cannot be read back: the counts above keep the file inside the
        // parser's budget, and what is new in it (all the rest was just read back from disk)
        // must read back as written. Parsing only the new part keeps a save of a large store
        // from paying for a second full parse.
        let mut new = Store::default();
        changes.iter().for_each(|c| new.apply(c));
        let probe =
            serde_saphyr::to_string(&new).map_err(|e| self.write_error(io::Error::other(e.to_string())))?;
        match parse::<Store>(probe.as_bytes()) {
            Ok(back) if back == new => {}
            Ok(_) => return Err(self.write_error(io::Error::other(crate::strings::NOT_READ_BACK.as_str()))),
            Err((why, _)) => {
                return Err(self.write_error(io::Error::other(format!(
                    "{}: {why}",
                    crate::strings::NOT_READ_BACK.as_str()
                ))));
            }
        }
        write_atomic_using(&self.path(), |f| f.write_all(text.as_bytes()))
            .map_err(|e| self.write_error(e))?;
        Ok(store)
    }

    fn write_error(&self, e: io::Error) -> StoreError {
        StoreError::new(problem(e, &self.dir, Problem::Write), self.path())
    }
}

/// The parser's options: a budget sized to read twice [`MAX_ENTRIES`] of the largest kind
/// (a note: 17 nodes, 19 events) and twice [`MAX_BYTES`].
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 2 * MAX_ENTRIES * 17 + 1_000;
    budget.max_events = 2 * MAX_ENTRIES * 19 + 1_000;
    budget.max_total_scalar_bytes = 2 * MAX_BYTES;
    serde_saphyr::options! { budget: Some(budget) }
}

/// Parses a store (or a draft), or says why not (and where, when the parser knows).
pub(super) fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, (String, Option<(u64, u64)>)> {
    let text = std::str::from_utf8(bytes).map_err(|e| (e.to_string(), None))?;
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
        let at = e.location().map(|l| (l.line(), l.column())).filter(|&(line, _)| line > 0);
        let why = e.to_string();
        let why = why.lines().next().unwrap_or("").trim_start_matches("error:").trim();
        (strip_location(why).to_string(), at)
    })
}

/// The parser's message without its own "line N column M:" prefix (we say where ourselves).
fn strip_location(why: &str) -> &str {
    match why.find(": ") {
        Some(i) if why[..i].starts_with("line ") => &why[i + 2..],
        _ => why,
    }
}
