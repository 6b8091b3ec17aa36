//! What the reader shows of the ledger: each article's state in the Library (✓ ~ !) and how
//! many approvals the text has outgrown, read once when the reader starts.

use super::{ArticleState, Ledger, LedgerError};
use crate::library::Library;

/// Each article's state, by its place in the library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Desk {
    states: Vec<ArticleState>,
}

impl Desk {
    /// The states of `library`'s articles as `ledger` has them now.
    pub fn load(ledger: &Ledger, library: &Library) -> Result<Desk, LedgerError> {
        let states = ledger.standings(&library.articles)?.into_iter().map(|s| s.state).collect();
        Ok(Desk { states })
    }

    /// The state of article `i` (unreviewed when the ledger knows nothing of it).
    pub fn state(&self, i: usize) -> ArticleState {
        self.states.get(i).copied().unwrap_or(ArticleState::Unreviewed)
    }

    /// How many articles were approved at an earlier version and changed since.
    pub fn stale(&self) -> usize {
        self.states.iter().filter(|s| **s == ArticleState::Stale).count()
    }

    /// The Library pane's title: with the count of stale reviews when there are any.
    pub fn title(&self) -> String {
        crate::strings::library_title(self.stale())
    }
}
