//! What the reader, the command line and `serve` ask of a review ledger, whichever engine
//! keeps it: SQLite (one file, the default) or PostgreSQL (one database several hosts share).
//!
//! A trait object: every operation takes and returns plain values, so `Box<dyn Engine>`
//! stands for either, chosen at run time by what `--ledger` names.

use super::verify::{Found, Verified};
use super::{
    Comment, Decision, Entry, Followed, Head, Judged, Ledger, LedgerError, Outcome, Policy, Refusal, Write,
};
use crate::library::Article;
use std::collections::HashMap;
use std::time::Duration;

/// The most trail rows [`Engine::news_since`] reads at once: catching up on a big ledger
/// from its first row holds one page at a time, not the whole trail.
pub const NEWS_PAGE: usize = 1_000;

/// Reads what was written after the trail row `seq`, a page ([`NEWS_PAGE`]) at a time,
/// oldest first, handing each page to `page` as it comes: the last row read (`seq` when there
/// was none). Only one page is held at once, however far behind `seq` is.
pub fn news_pages(
    engine: &dyn Engine,
    seq: i64,
    mut page: impl FnMut(Vec<Entry>),
) -> Result<i64, LedgerError> {
    let mut after = seq;
    loop {
        let rows = engine.news_since(after)?;
        let full = rows.len() >= NEWS_PAGE;
        match rows.last() {
            Some(last) => after = last.seq,
            None => return Ok(after),
        }
        page(rows);
        if !full {
            return Ok(after);
        }
    }
}

/// A review ledger's operations.
pub trait Engine {
    /// Where it is, as the user named it (a file, or a URL without its password).
    fn place(&self) -> String;

    /// Whether writes are refused here.
    fn read_only(&self) -> bool;

    /// Makes `writes`, in order, each in its own transaction: what became of each one saved,
    /// and why the next was not (it and the rest are not saved).
    fn record(&mut self, writes: &[Write]) -> (Vec<Outcome>, Option<LedgerError>);

    /// Each reviewer's latest decision on each article (or on `slug`), by article, the latest
    /// decision last: what marks and `review status` are judged from.
    fn latest(&self, slug: Option<&str>) -> Result<HashMap<String, Vec<Decision>>, LedgerError>;

    /// The latest approval of `slug` (by `reviewer`, or by anyone).
    fn last_approval(&self, slug: &str, reviewer: Option<&str>) -> Result<Option<Decision>, LedgerError>;

    /// The text kept for a version of `slug`, if a decision was made on it.
    fn text_of(&self, slug: &str, version: &str) -> Result<Option<String>, LedgerError>;

    /// The comments (of `slug`, or all), not deleted; resolved ones only when asked.
    fn comments(&self, slug: Option<&str>, resolved_too: bool) -> Result<Vec<Comment>, LedgerError>;

    /// The audit log (of `slug`, or all), oldest first, without the rows that only chained an
    /// earlier ledger's state.
    fn log(&self, slug: Option<&str>) -> Result<Vec<Entry>, LedgerError>;

    /// The policy in force.
    fn policy(&self) -> Result<Policy, LedgerError>;

    /// Sets the policy's `approvals` and/or `leads`, as `by` for `reason` (once there are
    /// leads, only a lead may).
    fn set_policy(
        &mut self,
        approvals: Option<usize>,
        leads: Option<&[String]>,
        by: &str,
        reason: &str,
    ) -> Result<Result<(), Refusal>, LedgerError>;

    /// What was written after the trail row `seq` (0: everything), oldest first, at most
    /// [`NEWS_PAGE`] rows: how a host learns what other sessions or hosts did since it last
    /// looked. A full page may have more after it: ask again after its last row.
    fn news_since(&self, seq: i64) -> Result<Vec<Entry>, LedgerError>;

    /// Checks the trail and the tables against it (`review verify`).
    fn verify(&self) -> Result<Verified, LedgerError>;

    /// Whether `head` (a whole hash, or its first 12 digits or more) is the hash of a row of
    /// the trail.
    fn holds_head(&self, head: &str) -> Result<bool, LedgerError>;

    /// Where each of `articles` stands under the policy (`review status`, the marks), in their
    /// order; `library` is every article, for the history of renamed ones.
    fn judge(&self, articles: &[Article], library: &[Article]) -> Result<Vec<Judged>, LedgerError>;

    /// The comments (not deleted) whose id starts with `id`: one, none, or several (at most
    /// ten) that `id` does not tell apart.
    fn comments_starting(&self, id: &str) -> Result<Vec<Comment>, LedgerError>;

    /// Each reply's id and the comment it answers, in the order they were written.
    fn replies(&self) -> Result<Vec<(String, String)>, LedgerError>;

    /// Adds `comment` as a reply to the comment `parent`, in one transaction.
    fn reply(&mut self, parent: &str, comment: Comment) -> Result<(), LedgerError>;

    /// Makes `writes` in one transaction: all of them, or (on an error) none.
    fn record_together(&mut self, writes: &[Write]) -> Result<Vec<Outcome>, LedgerError>;

    /// Everything the ledger holds: the trail with its hashes, and every table.
    fn dump(&self) -> Result<Found, LedgerError>;

    /// Fills an empty ledger with `all`, in one transaction, the trail's rows and hashes as
    /// they are (a ledger holding anything refuses).
    fn load(&mut self, all: &Found) -> Result<(), LedgerError>;

    /// Tells the ledger that `old`'s history is `new`'s, as `by` for `reason` (audited).
    fn rename(&mut self, old: &str, new: &str, by: &str, reason: &str) -> Result<(), LedgerError>;

    /// Where the history of slugs no longer in `library` went: renamed (said so), or found
    /// by their kept text being an article's current text (`versions`: the library's, if
    /// known).
    fn follow(
        &self,
        library: &[Article],
        versions: Option<&[String]>,
    ) -> Result<HashMap<String, Followed>, LedgerError>;

    /// What the Library's mark for each article should say, by slug (see [`Ledger::heads`]).
    fn heads(&self) -> Result<HashMap<String, Head>, LedgerError>;

    /// The trail's last row (0: none): news is what comes after it.
    fn last_seq(&self) -> Result<i64, LedgerError>;

    /// What the user should be told about how it opened, the first time asked.
    fn take_message(&mut self) -> Option<String> {
        None
    }

    /// The ledger file, when it is one (for tests and reports).
    fn as_file(&self) -> Option<&Ledger> {
        None
    }

    /// Whether the connection to the ledger is gone (the database stopped, or the network
    /// failed): it must be opened again. Asked after an operation failed (it may cost a
    /// round trip).
    fn lost(&self) -> bool {
        false
    }

    /// [`Engine::record`], waiting at most `wait` for another session's write (`full`: how
    /// long it waits otherwise).
    fn record_waiting(
        &mut self,
        writes: &[Write],
        _wait: Duration,
        _full: Duration,
    ) -> (Vec<Outcome>, Option<LedgerError>) {
        self.record(writes)
    }

    /// [`Engine::heads`], the history of a slug no longer in `library` carried to the slug
    /// it went to (see [`Engine::follow`]); `versions` are the library's, if known.
    fn heads_in(
        &self,
        library: &[Article],
        versions: Option<&[String]>,
    ) -> Result<HashMap<String, Head>, LedgerError> {
        let mut heads = self.heads()?;
        let present: std::collections::HashSet<&str> = library.iter().map(|a| a.slug.as_str()).collect();
        if heads.keys().all(|slug| present.contains(slug.as_str())) {
            return Ok(heads);
        }
        for (old, followed) in self.follow(library, versions)? {
            if let Some(head) = heads.get(&old).cloned() {
                heads.entry(followed.new).or_insert(head);
            }
        }
        Ok(heads)
    }

    /// [`Engine::judge`], with the library's versions when they are known already.
    fn judge_known(
        &self,
        articles: &[Article],
        library: &[Article],
        _hashed: Option<&[String]>,
    ) -> Result<Vec<Judged>, LedgerError> {
        self.judge(articles, library)
    }

    /// Makes one write: what became of it, or why it was not saved.
    fn record_one(&mut self, write: Write) -> Result<Outcome, LedgerError> {
        let (mut done, error) = self.record(std::slice::from_ref(&write));
        match error {
            Some(e) => Err(e),
            None => done.pop().ok_or_else(|| LedgerError::Other(String::new())),
        }
    }
}

impl Engine for Ledger {
    fn place(&self) -> String {
        self.path().display().to_string()
    }

    fn read_only(&self) -> bool {
        Ledger::read_only(self)
    }

    fn record(&mut self, writes: &[Write]) -> (Vec<Outcome>, Option<LedgerError>) {
        self.write_all(writes)
    }

    fn latest(&self, slug: Option<&str>) -> Result<HashMap<String, Vec<Decision>>, LedgerError> {
        Ledger::latest(self, slug)
    }

    fn last_approval(&self, slug: &str, reviewer: Option<&str>) -> Result<Option<Decision>, LedgerError> {
        Ledger::last_approval(self, slug, reviewer)
    }

    fn text_of(&self, slug: &str, version: &str) -> Result<Option<String>, LedgerError> {
        Ledger::text_of(self, slug, version)
    }

    fn comments(&self, slug: Option<&str>, resolved_too: bool) -> Result<Vec<Comment>, LedgerError> {
        Ledger::comments(self, slug, resolved_too)
    }

    fn log(&self, slug: Option<&str>) -> Result<Vec<Entry>, LedgerError> {
        Ledger::log(self, slug)
    }

    fn policy(&self) -> Result<Policy, LedgerError> {
        Ledger::policy(self)
    }

    fn set_policy(
        &mut self,
        approvals: Option<usize>,
        leads: Option<&[String]>,
        by: &str,
        reason: &str,
    ) -> Result<Result<(), Refusal>, LedgerError> {
        Ledger::set_policy(self, approvals, leads, by, reason)
    }

    fn news_since(&self, seq: i64) -> Result<Vec<Entry>, LedgerError> {
        self.entries_after(seq)
    }

    fn verify(&self) -> Result<Verified, LedgerError> {
        Ledger::verify(self)
    }

    fn holds_head(&self, head: &str) -> Result<bool, LedgerError> {
        Ledger::holds_head(self, head)
    }

    fn judge(&self, articles: &[Article], library: &[Article]) -> Result<Vec<Judged>, LedgerError> {
        Ledger::judge(self, articles, library)
    }

    fn comments_starting(&self, id: &str) -> Result<Vec<Comment>, LedgerError> {
        Ledger::comments_starting(self, id)
    }

    fn replies(&self) -> Result<Vec<(String, String)>, LedgerError> {
        Ledger::replies(self)
    }

    fn reply(&mut self, parent: &str, comment: Comment) -> Result<(), LedgerError> {
        Ledger::reply(self, parent, comment)
    }

    fn record_together(&mut self, writes: &[Write]) -> Result<Vec<Outcome>, LedgerError> {
        self.write_batch(writes)
    }

    fn rename(&mut self, old: &str, new: &str, by: &str, reason: &str) -> Result<(), LedgerError> {
        Ledger::rename(self, old, new, by, reason)
    }

    fn follow(
        &self,
        library: &[Article],
        versions: Option<&[String]>,
    ) -> Result<HashMap<String, Followed>, LedgerError> {
        Ledger::follow(self, library, versions, None)
    }

    fn dump(&self) -> Result<Found, LedgerError> {
        self.everything()
    }

    fn load(&mut self, all: &Found) -> Result<(), LedgerError> {
        self.fill(all)
    }

    fn heads(&self) -> Result<HashMap<String, Head>, LedgerError> {
        Ledger::heads(self)
    }

    fn last_seq(&self) -> Result<i64, LedgerError> {
        Ok(self.conn.query_row("SELECT coalesce(max(seq), 0) FROM audit", [], |r| r.get(0))?)
    }

    fn take_message(&mut self) -> Option<String> {
        self.message.take()
    }

    fn as_file(&self) -> Option<&Ledger> {
        Some(self)
    }

    fn record_waiting(
        &mut self,
        writes: &[Write],
        wait: Duration,
        full: Duration,
    ) -> (Vec<Outcome>, Option<LedgerError>) {
        let _ = self.conn.busy_timeout(full.min(wait));
        let done = self.write_all(writes);
        let _ = self.conn.busy_timeout(full);
        done
    }

    fn heads_in(
        &self,
        library: &[Article],
        versions: Option<&[String]>,
    ) -> Result<HashMap<String, Head>, LedgerError> {
        Ledger::heads_in(self, library, versions)
    }

    fn judge_known(
        &self,
        articles: &[Article],
        library: &[Article],
        hashed: Option<&[String]>,
    ) -> Result<Vec<Judged>, LedgerError> {
        Ledger::judge_known(self, articles, library, hashed)
    }
}
