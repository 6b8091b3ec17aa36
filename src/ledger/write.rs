//! Writing to the ledger: each write one transaction with its audit line, queued in memory
//! while the ledger cannot take it, and never reported saved unless it was.

use super::{Decision, Ledger, LedgerError, Verdict, new_id, trail};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

/// A change to the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Record a decision; `text` is the normalised text of the version, kept for diffs.
    Decide {
        /// Unique, so a write retried after an unclear failure is not recorded twice.
        uid: String,
        /// The decision.
        decision: Decision,
        /// The version's text.
        text: String,
    },
    /// Add a comment (its `id` unique; a second add of the same id does nothing).
    Comment(super::Comment),
    /// Change a comment's text, if nobody changed it since `revision`.
    Edit {
        /// The comment.
        id: String,
        /// The revision the editor started from.
        revision: i64,
        /// The new text.
        text: String,
        /// Who.
        by: String,
        /// When.
        at: String,
    },
    /// Delete a comment, if nobody changed it since `revision` (authors only).
    Delete {
        /// The comment.
        id: String,
        /// The revision the deleter saw.
        revision: i64,
        /// Who.
        by: String,
        /// When.
        at: String,
    },
    /// Mark a comment resolved or open again (anyone).
    Resolve {
        /// The comment.
        id: String,
        /// Resolved (true) or open.
        resolved: bool,
        /// Who.
        by: String,
        /// When.
        at: String,
    },
    /// Lift a request for changes on `slug`: `whose` (`None`: the one lifting it, a
    /// withdrawal; another reviewer: a lead's override), for `reason`. The same rules as
    /// [`Ledger::lift`]: a refusal is the write's [`Outcome::Refused`].
    Lift {
        /// The article.
        slug: String,
        /// Whose request (`None`: `by`'s own).
        whose: Option<String>,
        /// Who lifts it.
        by: String,
        /// Why (not blank).
        reason: String,
    },
}

/// What became of a write that was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Saved as asked.
    Saved,
    /// The comment had changed since it was opened: both texts are kept, the edit as a new
    /// comment with this id.
    KeptBoth(String),
    /// The comment had changed (or gone) since it was seen: it was not deleted.
    NotDeleted,
    /// Only a comment's author may edit or delete it.
    NotAuthor,
    /// No such comment (deleted by someone else).
    Missing,
    /// A lift the rules refuse (not a lead, or no request standing): nothing was written.
    Refused(super::Refusal),
}

impl Write {
    /// A decision by `reviewer` on the version of `text` (normalised), now.
    pub fn decide(slug: &str, text: String, reviewer: &str, verdict: Verdict, comment: &str) -> Write {
        let decision = Decision {
            slug: slug.to_string(),
            version: super::version_of(&text),
            reviewer: reviewer.to_string(),
            verdict,
            comment: comment.to_string(),
            at: crate::store::now(),
        };
        Write::Decide { uid: new_id(), decision, text }
    }
}

impl Ledger {
    /// Queues `write` and saves everything queued, in order. Returns what became of
    /// `write`, or why it (and whatever is still queued) was not saved.
    pub fn submit(&mut self, write: Write) -> Result<Outcome, LedgerError> {
        self.pending.push(write);
        self.flush()?.pop().ok_or(LedgerError::Other(String::new()))
    }

    /// Saves the queued writes, in order; stops at the first that fails (it and the rest
    /// stay queued). Returns what became of each one saved.
    pub fn flush(&mut self) -> Result<Vec<Outcome>, LedgerError> {
        if self.read_only && !self.pending.is_empty() {
            return Err(self.refusal());
        }
        let mut done = Vec::new();
        while let Some(write) = self.pending.first() {
            let outcome = apply(&self.conn, &stamped(write, self.account.as_deref()))?;
            self.pending.remove(0);
            done.push(outcome);
        }
        Ok(done)
    }
}

impl Ledger {
    /// Makes `writes`, in order, without queueing them here (the caller keeps its own
    /// queue): what became of each one saved, and why the next one was not (it and the rest
    /// are not saved).
    pub fn write_all(&mut self, writes: &[Write]) -> (Vec<Outcome>, Option<LedgerError>) {
        if self.read_only && !writes.is_empty() {
            return (Vec::new(), Some(self.refusal()));
        }
        let mut done = Vec::new();
        for write in writes {
            match apply(&self.conn, &stamped(write, self.account.as_deref())) {
                Ok(outcome) => done.push(outcome),
                Err(e) => return (done, Some(e)),
            }
        }
        (done, None)
    }
}

/// `write` as made by `account`, when the ledger records every write as its account.
pub(super) fn stamped(write: &Write, account: Option<&str>) -> Write {
    let mut write = write.clone();
    let Some(account) = account else { return write };
    match &mut write {
        Write::Decide { decision, .. } => decision.reviewer = account.into(),
        Write::Comment(c) => c.author = account.into(),
        Write::Edit { by, .. }
        | Write::Delete { by, .. }
        | Write::Resolve { by, .. }
        | Write::Lift { by, .. } => *by = account.into(),
    }
    write
}

impl Ledger {
    /// Adds `comment` as a reply to the comment `parent`, in one transaction.
    pub fn reply(&mut self, parent: &str, comment: super::Comment) -> Result<(), LedgerError> {
        if self.read_only {
            return Err(self.refusal());
        }
        let write = stamped(&Write::Comment(comment), self.account.as_deref());
        let Write::Comment(c) = &write else { return Ok(()) };
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        apply_in(&tx, &write)?;
        let added =
            tx.execute("INSERT OR IGNORE INTO replies(id, parent) VALUES (?1, ?2)", params![c.id, parent])?;
        if added > 0 {
            let state = trail::reply_state(&c.id, parent);
            audit(&tx, &c.created, &c.author, "reply", &c.slug, &c.version, &c.id, parent, state)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Each reply's id and the comment it answers, in the order they were written.
    pub fn replies(&self) -> Result<Vec<(String, String)>, LedgerError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, parent FROM replies ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Makes `writes` in one transaction: all of them, or (on an error) none. For bringing in
    /// many at once (a ledger built for measuring, say): one sync instead of one each.
    pub fn write_batch(&mut self, writes: &[Write]) -> Result<Vec<Outcome>, LedgerError> {
        if self.read_only {
            return Err(self.refusal());
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let mut done = Vec::with_capacity(writes.len());
        for write in writes {
            done.push(apply_in(&tx, &stamped(write, self.account.as_deref()))?);
        }
        tx.commit()?;
        Ok(done)
    }
}

fn apply(conn: &rusqlite::Connection, write: &Write) -> Result<Outcome, LedgerError> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let outcome = apply_in(&tx, write)?;
    tx.commit()?;
    Ok(outcome)
}

/// Makes `write` in the transaction `tx`.
fn apply_in(tx: &Transaction<'_>, write: &Write) -> Result<Outcome, LedgerError> {
    let outcome = match write {
        Write::Decide { uid, decision: d, text } => {
            tx.execute(
                "INSERT OR IGNORE INTO versions(slug, version, text, first_seen) VALUES (?1, ?2, ?3, ?4)",
                params![d.slug, d.version, text, d.at],
            )?;
            let added = tx.execute(
                "INSERT OR IGNORE INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![uid, d.slug, d.version, d.reviewer, d.verdict.label(), d.comment, d.at],
            )?;
            if added > 0 {
                let state = trail::decision_state(uid, d);
                audit(
                    tx,
                    &d.at,
                    &d.reviewer,
                    d.verdict.label(),
                    &d.slug,
                    &d.version,
                    uid,
                    &d.comment,
                    state,
                )?;
            }
            Outcome::Saved
        }
        Write::Comment(c) => {
            let added = tx.execute(
                "INSERT OR IGNORE INTO comments(id, slug, heading, position, section, version, author,
                     text, resolved, created, updated, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1)",
                params![
                    c.id,
                    c.slug,
                    c.heading,
                    c.position as i64,
                    c.section,
                    c.version,
                    c.author,
                    c.text,
                    c.resolved,
                    c.created,
                    c.updated
                ],
            )?;
            if added > 0 {
                let state = trail::comment_state(&super::Comment { revision: 1, ..c.clone() }, false);
                audit(tx, &c.created, &c.author, "comment", &c.slug, &c.version, &c.id, &c.text, state)?;
            }
            Outcome::Saved
        }
        Write::Edit { id, revision, text, by, at } => match row(tx, id)? {
            None => Outcome::Missing,
            Some(now) if now.author != *by => Outcome::NotAuthor,
            // This very edit, made already (a retry): nothing twice.
            Some(now) if now.revision == *revision + 1 && now.text == *text && now.updated == *at => {
                Outcome::Saved
            }
            Some(now) if now.revision == *revision => {
                tx.execute(
                    "UPDATE comments SET text = ?2, updated = ?3, revision = revision + 1 WHERE id = ?1",
                    params![id, text, at],
                )?;
                let after = super::Comment {
                    text: text.clone(),
                    updated: at.clone(),
                    revision: now.revision + 1,
                    ..now.clone()
                };
                let state = trail::comment_state(&after, false);
                audit(tx, at, by, "edit", &now.slug, &now.version, id, text, state)?;
                Outcome::Saved
            }
            Some(now) => {
                // Someone changed it since: keep theirs, and this text beside it.
                let copy = super::Comment {
                    id: new_id(),
                    text: text.clone(),
                    created: at.clone(),
                    updated: at.clone(),
                    resolved: false,
                    revision: 1,
                    author: by.clone(),
                    ..now
                };
                tx.execute(
                    "INSERT INTO comments(id, slug, heading, position, section, version, author, text,
                         resolved, created, updated, revision)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?9, 1)",
                    params![
                        copy.id,
                        copy.slug,
                        copy.heading,
                        copy.position as i64,
                        copy.section,
                        copy.version,
                        by,
                        copy.text,
                        at
                    ],
                )?;
                let state = trail::comment_state(&copy, false);
                audit(tx, at, by, "comment", &copy.slug, &copy.version, &copy.id, text, state)?;
                Outcome::KeptBoth(copy.id)
            }
        },
        Write::Delete { id, revision, by, at } => match row(tx, id)? {
            // This very deletion, made already (a retry): nothing twice.
            None if deleted_by(tx, id, *revision, at)? => Outcome::Saved,
            None => Outcome::Missing,
            Some(now) if now.author != *by => Outcome::NotAuthor,
            Some(now) if now.revision != *revision => Outcome::NotDeleted,
            Some(now) => {
                tx.execute(
                    "UPDATE comments SET deleted = 1, updated = ?2, revision = revision + 1 WHERE id = ?1",
                    params![id, at],
                )?;
                let after = super::Comment { updated: at.clone(), revision: now.revision + 1, ..now.clone() };
                let state = trail::comment_state(&after, true);
                audit(tx, at, by, "delete", &now.slug, &now.version, id, &now.text, state)?;
                Outcome::Saved
            }
        },
        Write::Resolve { id, resolved, by, at } => match row(tx, id)? {
            None => Outcome::Missing,
            Some(now) => {
                if now.resolved != *resolved {
                    tx.execute(
                        "UPDATE comments SET resolved = ?2, updated = ?3, revision = revision + 1
                         WHERE id = ?1",
                        params![id, resolved, at],
                    )?;
                    let action = if *resolved { "resolve" } else { "reopen" };
                    let after = super::Comment {
                        resolved: *resolved,
                        updated: at.clone(),
                        revision: now.revision + 1,
                        ..now.clone()
                    };
                    let state = trail::comment_state(&after, false);
                    audit(tx, at, by, action, &now.slug, &now.version, id, "", state)?;
                }
                Outcome::Saved
            }
        },
        Write::Lift { slug, whose, by, reason } => {
            match super::policy::lift_in(tx, slug, whose.as_deref().unwrap_or(by), by, reason)? {
                Ok(_) => Outcome::Saved,
                Err(refusal) => Outcome::Refused(refusal),
            }
        }
    };
    Ok(outcome)
}

/// The comment `id` as it is now (not deleted).
fn row(tx: &Transaction<'_>, id: &str) -> Result<Option<super::Comment>, LedgerError> {
    Ok(tx
        .query_row(&format!("{} WHERE id = ?1 AND deleted = 0", super::read::COMMENT_COLUMNS), [id], |r| {
            super::read::comment(r)
        })
        .optional()?)
}

/// Whether comment `id` was deleted from `revision` at `at` (a deletion made already).
fn deleted_by(tx: &Transaction<'_>, id: &str, revision: i64, at: &str) -> Result<bool, LedgerError> {
    let sql =
        "SELECT count(*) FROM comments WHERE id = ?1 AND deleted = 1 AND revision = ?2 AND updated = ?3";
    Ok(tx.query_row(sql, params![id, revision + 1, at], |r| r.get::<_, i64>(0))? > 0)
}

/// Appends a row to the trail: what was done, and the state it left.
#[allow(clippy::too_many_arguments)]
pub(super) fn audit(
    tx: &Transaction<'_>,
    at: &str,
    actor: &str,
    action: &str,
    slug: &str,
    version: &str,
    target: &str,
    detail: &str,
    state: String,
) -> Result<(), rusqlite::Error> {
    let row = trail::Row {
        seq: 0,
        at: at.into(),
        actor: actor.into(),
        action: action.into(),
        slug: slug.into(),
        version: version.into(),
        target: target.into(),
        detail: detail.into(),
        state,
    };
    trail::append(tx, row)
}
