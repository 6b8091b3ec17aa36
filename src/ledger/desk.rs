//! What the reader shows of the ledger: each article's state in the Library (✓ ~ !) and how
//! many approvals the text has outgrown. The two halves come separately — each article's
//! latest decision (one query) and each article's version (its text hashed, on another
//! thread) — and a mark is shown only once both halves it needs are known. Versions hashed
//! for a desk that has since been replaced (the library reloaded meanwhile) are dropped.

use super::{ArticleState, Head, LedgerError};
use crate::library::{Article, Library};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Tells desks apart, so versions hashed for one are not taken by another.
static DESKS: AtomicU64 = AtomicU64::new(1);

fn next_desk() -> u64 {
    DESKS.fetch_add(1, Ordering::Relaxed)
}

/// Each article's state, by its place in the library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Desk {
    /// Each article's current version, once hashed (`None`: not yet).
    versions: Option<Vec<String>>,
    /// Each article's latest decision, once read (`None`: not yet).
    heads: Option<Vec<Option<Head>>>,
    /// Set while waiting for either half: marks not known yet are left out.
    waiting: bool,
    /// Versions learnt one article at a time before the whole library's came (a decision
    /// made here, an article reloaded): (article, version), the latest last. They stand
    /// over the library's when it comes, which was hashed from the texts before.
    decided: Vec<(usize, String)>,
    /// Which desk this is (0 for one that reads no ledger).
    id: u64,
}

/// A promise of versions for one desk: hash the library it shows with [`Ticket::hash`] (on
/// any thread) and hand them back with [`Desk::take`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

/// Every article's version, hashed for one desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hashed {
    desk: u64,
    versions: Vec<String>,
}

impl Ticket {
    /// Hashes every article's text (see [`super::versions`]).
    pub fn hash(self, articles: &[Article]) -> Hashed {
        Hashed { desk: self.0, versions: super::versions(articles) }
    }
}

impl Desk {
    /// The states of `library`'s articles as `ledger` has them now (both halves at once).
    pub fn load(ledger: &dyn super::Engine, library: &Library) -> Result<Desk, LedgerError> {
        let mut desk = Desk::waiting();
        desk.set_heads(ledger.heads_in(&library.articles, None)?, library);
        let hashed = desk.ticket().hash(&library.articles);
        desk.take(hashed);
        Ok(desk)
    }

    /// A desk that knows nothing yet and says so: no marks until the halves come.
    pub fn waiting() -> Desk {
        Desk { versions: None, heads: None, waiting: true, decided: Vec::new(), id: next_desk() }
    }

    /// What to hash this desk's library with, on another thread.
    pub fn ticket(&self) -> Ticket {
        Ticket(self.id)
    }

    /// Takes versions hashed with this desk's ticket; versions hashed for another desk (the
    /// one before a reload, of the texts before it) are dropped. Whether they were taken.
    pub fn take(&mut self, hashed: Hashed) -> bool {
        if hashed.desk != self.id {
            return false;
        }
        self.set_versions(hashed.versions);
        true
    }

    /// Takes each article's latest decision, by slug (as [`super::Ledger::heads`] reads them).
    pub fn set_heads(&mut self, mut heads: HashMap<String, Head>, library: &Library) {
        self.heads = Some(library.articles.iter().map(|a| heads.remove(&a.slug)).collect());
    }

    /// Takes each article's current version, in the library's order; versions learnt one
    /// article at a time since the hashing began stand over them.
    pub fn set_versions(&mut self, mut versions: Vec<String>) {
        for (i, version) in self.decided.drain(..) {
            if let Some(v) = versions.get_mut(i) {
                *v = version;
            }
        }
        self.versions = Some(versions);
    }

    /// Article `i`'s text changed (reloaded from disk): its version is worked out again, so
    /// its mark says whether an approval still covers it.
    pub fn rehash(&mut self, i: usize, article: &Article) {
        self.learn(i, super::version_of_article(article));
    }

    /// A decision on article `i` at `version` was saved: it was made on the text as it is
    /// now, so that is its version (its mark follows once the heads are read again).
    pub fn learn_version(&mut self, i: usize, version: &str) {
        self.learn(i, version.to_string());
    }

    fn learn(&mut self, i: usize, version: String) {
        match self.versions.as_mut() {
            Some(versions) => {
                if let Some(v) = versions.get_mut(i) {
                    *v = version;
                }
            }
            None => self.decided.push((i, version)),
        }
    }

    /// Every article's current version, once hashed.
    pub fn versions(&self) -> Option<&[String]> {
        self.versions.as_deref()
    }

    /// Article `i`'s current version, if hashed yet.
    pub fn version(&self, i: usize) -> Option<&str> {
        match &self.versions {
            Some(v) => v.get(i).map(String::as_str),
            None => self.decided.iter().rev().find(|(at, _)| *at == i).map(|(_, v)| v.as_str()),
        }
    }

    /// Whether both halves are in (or no ledger is being read).
    pub fn known(&self) -> bool {
        !self.waiting || (self.versions.is_some() && self.heads.is_some())
    }

    /// The state of article `i`, if known: unreviewed when the ledger knows nothing of it;
    /// `None` while the half it needs is still coming.
    pub fn state(&self, i: usize) -> Option<ArticleState> {
        let Some(heads) = &self.heads else {
            return (!self.waiting).then_some(ArticleState::Unreviewed);
        };
        let Some(head) = heads.get(i).cloned().flatten() else { return Some(ArticleState::Unreviewed) };
        match self.version(i) {
            Some(version) => Some(head.state(version)),
            None => head.blocked().then_some(ArticleState::ChangesRequested),
        }
    }

    /// The Library's mark for article `i`: `✓`, `~`, `!`, or a space (unreviewed, or not
    /// known yet: never a mark that may be wrong).
    pub fn mark(&self, i: usize) -> char {
        self.state(i).map_or(' ', ArticleState::mark)
    }

    /// How many articles were approved at an earlier version and changed since (of those
    /// known).
    pub fn stale(&self) -> usize {
        let n = self.heads.as_ref().map_or(0, Vec::len);
        (0..n).filter(|&i| self.state(i) == Some(ArticleState::Stale)).count()
    }

    /// The Library pane's title: with the count of stale reviews when there are any, and
    /// `…` while the marks are still being worked out.
    pub fn title(&self) -> String {
        let title = crate::strings::library_title(self.stale());
        if self.known() { title } else { format!("{title} …") }
    }
}
