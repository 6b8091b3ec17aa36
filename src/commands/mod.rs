//! The commands that print: a typed [`Request`], run on a [`Shelf`] (the library, its index,
//! the review ledger) with its output written to an [`Io`] (a writer, a sink for warnings,
//! and whether it reaches a terminal). The command line runs them on its stdout and stderr;
//! `artikel serve` runs them for a client into buffers. Neither is known here.

pub mod args;
mod failure;
pub mod line;
mod lookup;
mod notes;
mod print;
pub mod review;

pub use failure::Failure;
pub use print::{StyledOut, write_to};

use crate::ledger::Options as LedgerOptions;
use crate::library::Library;
use crate::search::Index;
use crate::strings::{self, DataDirFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// What to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// One line per article, or (`json`) an array of them; then the library's warnings.
    List {
        /// As JSON.
        json: bool,
    },
    /// Each article's slug, one a line.
    Slugs,
    /// An article's outline.
    Toc {
        /// The article.
        slug: String,
        /// As JSON.
        json: bool,
    },
    /// An article laid out as text.
    Show {
        /// The article.
        slug: String,
        /// The columns asked for (else the terminal's, else 80).
        width: Option<usize>,
    },
    /// The best answer to a question.
    Faq {
        /// The question's words.
        words: Vec<String>,
        /// The ten best questions instead.
        all: bool,
        /// As JSON.
        json: bool,
        /// Why the answer won, too.
        explain: bool,
        /// The columns asked for.
        width: Option<usize>,
    },
    /// Every place words are found.
    Search {
        /// The words.
        words: Vec<String>,
        /// As JSON.
        json: bool,
        /// The columns asked for.
        width: Option<usize>,
    },
    /// What the review ledger holds.
    Ledger(Reading),
}

/// A command that only reads the review ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// `review status`.
    Status {
        /// Only this article.
        slug: Option<String>,
        /// As JSON.
        json: bool,
        /// Only what waits for the account running it.
        mine: bool,
        /// Fail while any article listed is not approved.
        check: bool,
    },
    /// `review log`.
    Log {
        /// Only this article.
        slug: Option<String>,
        /// As JSON.
        json: bool,
    },
    /// `review diff`.
    Diff {
        /// The article.
        slug: String,
        /// Against this reviewer's last approval.
        reviewer: Option<String>,
    },
    /// `review verify`.
    Verify {
        /// A head hash that must still be in the trail.
        head: Option<String>,
    },
    /// `notes`: the comments.
    Notes {
        /// Only this article's.
        slug: Option<String>,
        /// Resolved ones too.
        resolved: bool,
        /// As JSON.
        json: bool,
    },
    /// `notes export`: the review report.
    Export {
        /// Its format.
        format: args::ReportFormat,
    },
}

/// Where a command's output goes.
pub struct Io<'a> {
    /// Its standard output.
    pub out: &'a mut dyn std::io::Write,
    /// Each warning line, without its end (to standard error, or kept).
    pub warn: &'a mut dyn FnMut(&str),
    /// Whether the output reaches a terminal: styled then, and cut to its width.
    pub terminal: bool,
    /// The terminal's width, when there is one and it is known.
    pub columns: Option<usize>,
}

impl Io<'_> {
    /// Writes `text`; a closed pipe is not an error.
    pub fn write(&mut self, text: &str) -> Result<(), Failure> {
        write_to(&mut *self.out, text)
    }

    /// Says a warning.
    pub fn warn(&mut self, line: &str) {
        (self.warn)(line);
    }

    /// The width to print at: the one asked for, else the terminal's, else 80.
    pub fn width(&self, asked: Option<usize>) -> usize {
        asked.or(if self.terminal { self.columns } else { None }).unwrap_or(80).max(1)
    }
}

/// What the commands read.
pub struct Shelf<'a> {
    /// The articles.
    pub library: &'a Library,
    /// The library's index, built by the first lookup that needs it.
    pub index: &'a OnceLock<Arc<Index>>,
    /// Where the review ledger is, or why it cannot be said; asked only by a [`Reading`].
    pub ledger: &'a dyn Fn() -> Result<LedgerOptions, Failure>,
}

impl Shelf<'_> {
    fn index(&self) -> &Index {
        self.index.get_or_init(|| Arc::new(Index::of(self.library)))
    }
}

/// Runs `request` on `shelf`, printing to `io`; the exit code, or why it failed.
pub fn run(request: &Request, shelf: &Shelf, io: &mut Io) -> Result<i32, Failure> {
    let library = shelf.library;
    match request {
        Request::List { json } => print::list(library, *json, io),
        Request::Slugs => print::slugs(library, io),
        Request::Toc { slug, json } => print::toc(library, find(library, slug)?, *json, io),
        Request::Show { slug, width } => {
            let index = find(library, slug)?;
            let width = io.width(*width);
            print::show(library, index, width, io)
        }
        Request::Faq { words, all, json, explain, width } => {
            let how = lookup::Faq { all: *all, json: *json, explain: *explain, width: io.width(*width) };
            lookup::faq(library, shelf.index(), words, how, io)
        }
        Request::Search { words, json, width } => {
            let width = io.width(*width);
            lookup::search(library, shelf.index(), words, *json, width, io)
        }
        Request::Ledger(reading) => {
            let options = (shelf.ledger)()?;
            if crate::ledger::postgres::is_url(&options.path) {
                let url = options.path.to_string_lossy();
                let shared = crate::ledger::PgLedger::connect(&url, options.account)
                    .map_err(|e| review::fail(e.reason()))?;
                return review::read_shared(reading, library, &shared, io);
            }
            review::read_on(reading, library, crate::ledger::Ledger::open(&options), io)
        }
    }
}

/// The article `slug` names, or why none.
pub fn find(library: &Library, slug: &str) -> Result<usize, Failure> {
    library.find_or_say(slug).map_err(Failure::failed)
}

/// The data folder `dir` (named by `from`) as a store, or what is wrong with it: it is there
/// and not a folder, or cannot be looked at (a missing one is made when written to).
pub fn data_folder(dir: PathBuf, from: DataDirFrom) -> Result<crate::store::Disk, Failure> {
    let shown = dir.display().to_string();
    match std::fs::metadata(&dir) {
        Ok(m) if !m.is_dir() => Err(Failure::failed(strings::data_dir_not_a_folder(&shown, from))),
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(Failure::failed(strings::data_dir_unusable(&shown, from, &e.to_string())))
        }
        _ => Ok(crate::store::Disk::new(dir)),
    }
}

/// Where the ledger is and how it opens: `named`, else `review.db` in the data folder `data`
/// (created when missing). Every write is recorded as the operating-system account. The data
/// folder's `notes.yaml` is imported once, and only into that default ledger (the importer's
/// own), never into a named one.
pub fn ledger_options(named: Option<PathBuf>, data: &Path) -> LedgerOptions {
    let create_dirs = named.is_none();
    let import = named.is_none().then(|| data.join("notes.yaml"));
    let path = named.unwrap_or_else(|| data.join("review.db"));
    let account = crate::store::account();
    LedgerOptions {
        create_dirs,
        import,
        user: account.clone(),
        account: Some(account),
        ..LedgerOptions::new(path)
    }
}

#[cfg(test)]
mod tests;
