//! What the reader shows of the ledger: each article's state in the Library (✓ ~ !) and how
//! many approvals the text has outgrown. The two halves come separately — each article's
//! latest decision (one query) and each article's version (its text hashed, on another
//! thread) — and a mark is shown only once both halves it needs are known.

use super::{ArticleState, Head, Ledger, LedgerError, Verdict};
use crate::library::Library;
use std::collections::HashMap;

/// Each article's state, by its place in the library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Desk {
    /// Each article's current version, once hashed (`None`: not yet).
    versions: Option<Vec<String>>,
    /// Each article's latest decision, once read (`None`: not yet).
    heads: Option<Vec<Option<Head>>>,
    /// Set while waiting for either half: marks not known yet are left out.
    waiting: bool,
    /// Versions learnt from decisions made here before the versions came: (article, version).
    decided: Vec<(usize, String)>,
}

impl Desk {
    /// The states of `library`'s articles as `ledger` has them now (both halves at once).
    pub fn load(ledger: &Ledger, library: &Library) -> Result<Desk, LedgerError> {
        let mut desk = Desk::waiting();
        desk.set_heads(ledger.heads()?, library);
        desk.set_versions(super::versions(&library.articles));
        Ok(desk)
    }

    /// A desk that knows nothing yet and says so: no marks until the halves come.
    pub fn waiting() -> Desk {
        Desk { versions: None, heads: None, waiting: true, decided: Vec::new() }
    }

    /// Takes each article's latest decision, by slug (as [`Ledger::heads`] reads them).
    pub fn set_heads(&mut self, mut heads: HashMap<String, Head>, library: &Library) {
        self.heads = Some(library.articles.iter().map(|a| heads.remove(&a.slug)).collect());
    }

    /// Takes each article's current version, in the library's order.
    pub fn set_versions(&mut self, versions: Vec<String>) {
        self.versions = Some(versions);
    }

    /// Records a decision just made on article `i` at `version`, so its mark changes at once.
    pub fn record(&mut self, i: usize, verdict: Verdict, version: &str) {
        if let Some(head) = self.heads.as_mut().and_then(|h| h.get_mut(i)) {
            *head = Some(Head { verdict, version: version.to_string() });
        }
        // The decision was made on the text as it is now.
        match self.versions.as_mut().and_then(|v| v.get_mut(i)) {
            Some(v) => *v = version.to_string(),
            None => self.decided.push((i, version.to_string())),
        }
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
        if head.verdict == Verdict::ChangesRequested {
            return Some(ArticleState::ChangesRequested);
        }
        let version = self.version(i)?;
        Some(if head.version == version { ArticleState::Approved } else { ArticleState::Stale })
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
