//! The reader's line to the ledger: opened when first needed and kept while the reader
//! runs; the reader's writes go through it, it reads what one article needs, and it tells
//! cheaply whether another session wrote since it last looked (`PRAGMA data_version`).

use super::{Comment, Decision, Head, Judged, Ledger, LedgerError, Options, Outcome, Write};
use std::collections::HashMap;
use std::time::Duration;

/// How long a write of the reader's waits for another session's before it is handed back
/// as busy: the reader says it waits and tries again, instead of freezing for the busy timeout.
pub const WRITE_WAIT: Duration = Duration::from_millis(150);

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
    /// Where it stands under the team's rules (approvals, who blocks), as `review status`
    /// says it; `None` until read.
    pub judged: Option<Judged>,
    /// The leads (who may override a request for changes).
    pub leads: Vec<String>,
    /// Each reply's id and the comment it answers.
    pub replies: Vec<(String, String)>,
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
    /// A write waits at most [`WRITE_WAIT`] for another session's (then it is busy).
    pub fn write(&mut self, writes: &[Write]) -> (Vec<Outcome>, Option<LedgerError>) {
        let full = self.options.busy_timeout;
        let ledger = self.ledger();
        let _ = ledger.conn.busy_timeout(full.min(WRITE_WAIT));
        let done = ledger.write_all(writes);
        let _ = ledger.conn.busy_timeout(full);
        done
    }

    /// Each article's latest decision, by slug, history following renames (see
    /// [`Ledger::heads_in`]).
    pub fn heads(
        &mut self,
        library: &[crate::library::Article],
        versions: Option<&[String]>,
    ) -> Result<HashMap<String, Head>, LedgerError> {
        self.ledger().heads_in(library, versions)
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
        let ids: std::collections::HashSet<&str> = comments.iter().map(|c| c.id.as_str()).collect();
        let mut replies = ledger.replies()?;
        replies.retain(|(id, _)| ids.contains(id.as_str()));
        let leads = ledger.policy()?.leads;
        Ok(ArticleView { slug: slug.to_string(), comments, mine, anyone, judged: None, leads, replies })
    }

    /// [`Link::view`] with where the article stands under the rules, judged as `review
    /// status` judges it (`library`: the whole library, for renamed articles; `hashed`: its
    /// versions, if known).
    pub fn view_judged(
        &mut self,
        slug: &str,
        reviewer: &str,
        library: &[crate::library::Article],
        hashed: Option<&[String]>,
    ) -> Result<ArticleView, LedgerError> {
        let mut view = self.view(slug, reviewer)?;
        if let Some(article) = library.iter().find(|a| a.slug == slug) {
            let one = std::slice::from_ref(article);
            view.judged = self.ledger().judge_known(one, library, hashed)?.pop();
        }
        Ok(view)
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
