//! The reader's line to the ledger: opened when first needed and kept while the reader
//! runs; the reader's writes go through it, it reads what one article needs, and it tells
//! cheaply whether another session wrote since it last looked (`PRAGMA data_version`).

use super::{Comment, Decision, Head, Ledger, LedgerError, Options, Outcome, Write};
use std::collections::HashMap;

/// The ledger as the event loop holds it.
#[derive(Debug)]
pub struct Link {
    options: Options,
    ledger: Option<Ledger>,
    /// The data version last seen; another session's commit changes it.
    seen: Option<i64>,
}

/// What the reader holds of one article from the ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleView {
    /// The article.
    pub slug: String,
    /// Its comments, resolved ones too, oldest first.
    pub comments: Vec<Comment>,
    /// The reviewer's own latest approval, with the text it approved (if kept).
    pub mine: Option<(Decision, Option<String>)>,
    /// The latest approval by anyone, with the text it approved (if kept).
    pub anyone: Option<(Decision, Option<String>)>,
}

impl Link {
    /// A line to the ledger `options` name; nothing is opened yet.
    pub fn new(options: Options) -> Link {
        Link { options, ledger: None, seen: None }
    }

    /// A line to a ledger already open (the tests', or one a caller opened itself).
    pub fn with(ledger: Ledger) -> Link {
        let options = Options::new(ledger.path());
        let seen = ledger.data_version().ok();
        Link { options, ledger: Some(ledger), seen }
    }

    /// Opens the ledger if it is not open yet; what to tell the user about how it opened
    /// (moved aside, read-only, imported), the first time only.
    pub fn open(&mut self) -> Option<String> {
        self.ledger().message.take()
    }

    fn ledger(&mut self) -> &mut Ledger {
        if self.ledger.is_none() {
            let ledger = Ledger::open(&self.options);
            self.seen = ledger.data_version().ok();
            self.ledger = Some(ledger);
        }
        let options = &self.options;
        self.ledger.get_or_insert_with(|| Ledger::open(options))
    }

    /// Makes `writes`, in order: what became of each one saved, and why the next was not.
    pub fn write(&mut self, writes: &[Write]) -> (Vec<Outcome>, Option<LedgerError>) {
        self.ledger().write_all(writes)
    }

    /// Each article's latest decision, by slug.
    pub fn heads(&mut self) -> Result<HashMap<String, Head>, LedgerError> {
        self.ledger().heads()
    }

    /// What the reader shows of article `slug` for `reviewer`: its comments and the
    /// approvals a diff starts from.
    pub fn view(&mut self, slug: &str, reviewer: &str) -> Result<ArticleView, LedgerError> {
        let ledger = self.ledger();
        let with_text = |d: Decision| -> Result<(Decision, Option<String>), LedgerError> {
            let text = ledger.text_of(&d.slug, &d.version)?;
            Ok((d, text))
        };
        let mine = ledger.last_approval(slug, Some(reviewer))?.map(with_text).transpose()?;
        let anyone = ledger.last_approval(slug, None)?.map(with_text).transpose()?;
        let comments = ledger.comments(Some(slug), true)?;
        Ok(ArticleView { slug: slug.to_string(), comments, mine, anyone })
    }

    /// Whether another session wrote to the ledger since this was last asked (false until
    /// the ledger is open). One pragma: cheap enough for a timer.
    pub fn changed(&mut self) -> bool {
        let Some(ledger) = &self.ledger else { return false };
        let now = ledger.data_version().ok();
        let changed = now.is_some() && now != self.seen;
        self.seen = now.or(self.seen);
        changed
    }

    /// The ledger, if open (for tests and reports).
    pub fn ledger_ref(&self) -> Option<&Ledger> {
        self.ledger.as_ref()
    }
}
