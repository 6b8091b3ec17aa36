//! Writing to the ledger on PostgreSQL: each write one transaction under the writers'
//! advisory lock, with its row of the trail chained by [`trail::hash`] and a notice on
//! [`super::CHANNEL`] that goes out when it commits.

use super::super::trail::{self, Lift, Row};
use super::super::write::stamped;
use super::super::{Comment, LedgerError, Outcome, Policy, Refusal, Verdict, Write, new_id};
use super::{CHANNEL, PgLedger, error};
use postgres::Transaction;

impl PgLedger {
    /// Makes each of `writes` in its own transaction, in order (see [`super::super::Engine::record`]).
    pub(super) fn write_all(&mut self, writes: &[Write]) -> (Vec<Outcome>, Option<LedgerError>) {
        if self.read_only && !writes.is_empty() {
            return (Vec::new(), Some(LedgerError::ReadOnly(self.message.clone().unwrap_or_default())));
        }
        let account = self.account.clone();
        let mut client = self.client();
        let mut done = Vec::new();
        for write in writes {
            let write = stamped(write, account.as_deref());
            let made = super::begin(&mut client).and_then(|mut tx| {
                let outcome = apply(&mut tx, &write)?;
                tx.commit().map_err(error)?;
                Ok(outcome)
            });
            match made {
                Ok(outcome) => done.push(outcome),
                Err(e) => return (done, Some(e)),
            }
        }
        (done, None)
    }

    /// Makes `writes` in one transaction (see [`super::super::Engine::record_together`]).
    pub(super) fn write_batch(&mut self, writes: &[Write]) -> Result<Vec<Outcome>, LedgerError> {
        if self.read_only {
            return Err(LedgerError::ReadOnly(self.message.clone().unwrap_or_default()));
        }
        let account = self.account.clone();
        let mut client = self.client();
        let mut tx = super::begin(&mut client)?;
        let mut done = Vec::with_capacity(writes.len());
        for write in writes {
            done.push(apply(&mut tx, &stamped(write, account.as_deref()))?);
        }
        tx.commit().map_err(error)?;
        Ok(done)
    }

    /// Adds `comment` as a reply to `parent` (see [`super::super::Engine::reply`]).
    pub(super) fn add_reply(&mut self, parent: &str, comment: Comment) -> Result<(), LedgerError> {
        if self.read_only {
            return Err(LedgerError::ReadOnly(self.message.clone().unwrap_or_default()));
        }
        let write = stamped(&Write::Comment(comment), self.account.as_deref());
        let Write::Comment(c) = &write else { return Ok(()) };
        let mut client = self.client();
        let mut tx = super::begin(&mut client)?;
        apply(&mut tx, &write)?;
        let added = tx
            .execute(
                "INSERT INTO replies(id, parent) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&c.id, &parent],
            )
            .map_err(error)?;
        if added > 0 {
            let state = trail::reply_state(&c.id, parent);
            audit(&mut tx, row(&c.created, &c.author, "reply", &c.slug, &c.version, &c.id, parent, state))?;
        }
        tx.commit().map_err(error)
    }

    /// Sets the policy (see [`super::super::Engine::set_policy`]).
    pub(super) fn change_policy(
        &mut self,
        approvals: Option<usize>,
        leads: Option<&[String]>,
        by: &str,
        reason: &str,
    ) -> Result<Result<(), Refusal>, LedgerError> {
        if self.read_only {
            return Err(LedgerError::ReadOnly(self.message.clone().unwrap_or_default()));
        }
        let mut client = self.client();
        let mut tx = super::begin(&mut client)?;
        let rows = tx.query("SELECT key, value FROM policy", &[]).map_err(error)?;
        let now = Policy::from_pairs(rows.iter().map(|r| (r.get(0), r.get(1))));
        if !now.may_change(by) {
            return Ok(Err(Refusal::NotLead));
        }
        let at = crate::store::now();
        for (key, value) in Policy::changes(approvals, leads) {
            tx.execute(
                "INSERT INTO policy(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2",
                &[&key, &value],
            )
            .map_err(error)?;
            let detail = format!("{key} = {value}: {reason}");
            let state = trail::policy_state(key, &value);
            audit(&mut tx, row(&at, by, "policy", "", "", key, &detail, state))?;
        }
        tx.commit().map_err(error)?;
        Ok(Ok(()))
    }
}

/// Makes `write` in `tx`.
fn apply(tx: &mut Transaction<'_>, write: &Write) -> Result<Outcome, LedgerError> {
    let outcome = match write {
        Write::Decide { uid, decision: d, text } => {
            tx.execute(
                "INSERT INTO versions(slug, version, text, first_seen) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                &[&d.slug, &d.version, text, &d.at],
            )
            .map_err(error)?;
            let added = tx
                .execute(
                    "INSERT INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (uid) DO NOTHING",
                    &[uid, &d.slug, &d.version, &d.reviewer, &d.verdict.label(), &d.comment, &d.at],
                )
                .map_err(error)?;
            if added > 0 {
                let state = trail::decision_state(uid, d);
                let r =
                    row(&d.at, &d.reviewer, d.verdict.label(), &d.slug, &d.version, uid, &d.comment, state);
                audit(tx, r)?;
            }
            Outcome::Saved
        }
        Write::Comment(c) => {
            if insert_comment(tx, c)? {
                let state = trail::comment_state(&Comment { revision: 1, ..c.clone() }, false);
                audit(tx, row(&c.created, &c.author, "comment", &c.slug, &c.version, &c.id, &c.text, state))?;
            }
            Outcome::Saved
        }
        Write::Edit { id, revision, text, by, at } => match comment(tx, id)? {
            None => Outcome::Missing,
            Some(now) if now.author != *by => Outcome::NotAuthor,
            // This very edit, made already: a retry after the connection dropped before the
            // commit was acknowledged saves nothing twice.
            Some(now) if now.revision == *revision + 1 && now.text == *text && now.updated == *at => {
                Outcome::Saved
            }
            Some(now) if now.revision == *revision => {
                tx.execute(
                    "UPDATE comments SET text = $2, updated = $3, revision = revision + 1 WHERE id = $1",
                    &[id, text, at],
                )
                .map_err(error)?;
                let after =
                    Comment { text: text.clone(), updated: at.clone(), revision: now.revision + 1, ..now };
                let state = trail::comment_state(&after, false);
                audit(tx, row(at, by, "edit", &after.slug, &after.version, id, text, state))?;
                Outcome::Saved
            }
            Some(now) => {
                // Someone changed it since: keep theirs, and this text beside it.
                let copy = Comment {
                    id: new_id(),
                    text: text.clone(),
                    created: at.clone(),
                    updated: at.clone(),
                    resolved: false,
                    revision: 1,
                    author: by.clone(),
                    ..now
                };
                insert_comment(tx, &copy)?;
                let state = trail::comment_state(&copy, false);
                audit(tx, row(at, by, "comment", &copy.slug, &copy.version, &copy.id, text, state))?;
                Outcome::KeptBoth(copy.id)
            }
        },
        Write::Delete { id, revision, by, at } => match comment(tx, id)? {
            // This very deletion, made already (a retry): nothing twice.
            None if deleted_by(tx, id, *revision, at)? => Outcome::Saved,
            None => Outcome::Missing,
            Some(now) if now.author != *by => Outcome::NotAuthor,
            Some(now) if now.revision != *revision => Outcome::NotDeleted,
            Some(now) => {
                tx.execute(
                    "UPDATE comments SET deleted = true, updated = $2, revision = revision + 1 WHERE id = $1",
                    &[id, at],
                )
                .map_err(error)?;
                let after = Comment { updated: at.clone(), revision: now.revision + 1, ..now };
                let state = trail::comment_state(&after, true);
                audit(tx, row(at, by, "delete", &after.slug, &after.version, id, &after.text, state))?;
                Outcome::Saved
            }
        },
        Write::Resolve { id, resolved, by, at } => match comment(tx, id)? {
            None => Outcome::Missing,
            Some(now) => {
                if now.resolved != *resolved {
                    tx.execute(
                        "UPDATE comments SET resolved = $2, updated = $3, revision = revision + 1 WHERE id = $1",
                        &[id, resolved, at],
                    )
                    .map_err(error)?;
                    let action = if *resolved { "resolve" } else { "reopen" };
                    let after = Comment {
                        resolved: *resolved,
                        updated: at.clone(),
                        revision: now.revision + 1,
                        ..now
                    };
                    let state = trail::comment_state(&after, false);
                    audit(tx, row(at, by, action, &after.slug, &after.version, id, "", state))?;
                }
                Outcome::Saved
            }
        },
        Write::Lift { slug, whose, by, reason } => {
            match lift(tx, slug, whose.as_deref().unwrap_or(by), by, reason)? {
                Ok(()) => Outcome::Saved,
                Err(refusal) => Outcome::Refused(refusal),
            }
        }
    };
    Ok(outcome)
}

/// Lifts `reviewer`'s latest request for changes on `slug`, as `by` for `reason`: their own
/// (a withdrawal) or, by a lead, another's (an override); the rules of the SQLite ledger.
fn lift(
    tx: &mut Transaction<'_>,
    slug: &str,
    reviewer: &str,
    by: &str,
    reason: &str,
) -> Result<Result<(), Refusal>, LedgerError> {
    let pairs = tx.query("SELECT key, value FROM policy", &[]).map_err(error)?;
    let policy = Policy::from_pairs(pairs.iter().map(|r| (r.get(0), r.get(1))));
    if by != reviewer && !policy.leads.iter().any(|l| l == by) {
        return Ok(Err(Refusal::NotLead));
    }
    let latest = tx
        .query_opt(
            "SELECT uid, version, verdict FROM decisions WHERE slug = $1 AND reviewer = $2 ORDER BY id DESC LIMIT 1",
            &[&slug, &reviewer],
        )
        .map_err(error)?;
    let Some(latest) = latest.filter(|r| r.get::<_, &str>(2) == Verdict::ChangesRequested.label()) else {
        return Ok(Err(Refusal::NoRequest));
    };
    let l = Lift {
        uid: latest.get(0),
        slug: slug.into(),
        version: latest.get(1),
        reviewer: reviewer.into(),
        by: by.into(),
        reason: reason.into(),
        at: crate::store::now(),
    };
    let added = tx
        .execute(
            r#"INSERT INTO lifts(uid, slug, version, reviewer, "by", reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
               ON CONFLICT DO NOTHING"#,
            &[&l.uid, &l.slug, &l.version, &l.reviewer, &l.by, &l.reason, &l.at],
        )
        .map_err(error)?;
    if added > 0 {
        let action = if by == reviewer { "withdraw" } else { "override" };
        audit(tx, row(&l.at, by, action, slug, &l.version, reviewer, reason, trail::lift_state(&l)))?;
    }
    Ok(Ok(()))
}

/// Adds `c` unless a comment of its id is there; whether it was added.
fn insert_comment(tx: &mut Transaction<'_>, c: &Comment) -> Result<bool, LedgerError> {
    let position = i64::try_from(c.position).unwrap_or(i64::MAX);
    let added = tx
        .execute(
            "INSERT INTO comments(id, slug, heading, position, section, version, author, text, resolved,
                 created, updated, revision)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1) ON CONFLICT (id) DO NOTHING",
            &[
                &c.id,
                &c.slug,
                &c.heading,
                &position,
                &c.section,
                &c.version,
                &c.author,
                &c.text,
                &c.resolved,
                &c.created,
                &c.updated,
            ],
        )
        .map_err(error)?;
    Ok(added > 0)
}

/// The comment `id` as it is now (not deleted).
fn comment(tx: &mut Transaction<'_>, id: &str) -> Result<Option<Comment>, LedgerError> {
    let sql = format!("{} WHERE id = $1 AND NOT deleted", super::read::COMMENT_COLUMNS);
    let found = tx.query_opt(&sql, &[&id]).map_err(error)?;
    Ok(found.map(|r| super::read::comment(&r)))
}

/// Whether comment `id` was deleted from `revision` at `at` (a deletion made already).
fn deleted_by(tx: &mut Transaction<'_>, id: &str, revision: i64, at: &str) -> Result<bool, LedgerError> {
    let row = tx
        .query_one(
            "SELECT count(*) FROM comments WHERE id = $1 AND deleted AND revision = $2 AND updated = $3",
            &[&id, &(revision + 1), &at],
        )
        .map_err(error)?;
    Ok(row.get::<_, i64>(0) > 0)
}

#[allow(clippy::too_many_arguments)]
fn row(
    at: &str,
    actor: &str,
    action: &str,
    slug: &str,
    version: &str,
    target: &str,
    detail: &str,
    state: String,
) -> Row {
    Row {
        seq: 0,
        at: at.into(),
        actor: actor.into(),
        action: action.into(),
        slug: slug.into(),
        version: version.into(),
        target: target.into(),
        detail: detail.into(),
        state,
    }
}

/// Appends a row of these fields to the trail (see [`audit`]).
#[allow(clippy::too_many_arguments)]
pub(super) fn audit_row(
    tx: &mut Transaction<'_>,
    at: &str,
    actor: &str,
    action: &str,
    slug: &str,
    version: &str,
    target: &str,
    detail: &str,
    state: String,
) -> Result<(), LedgerError> {
    audit(tx, row(at, actor, action, slug, version, target, detail, state))
}

/// Appends `row` after the trail's last row (its `seq` is given here), chained by its hash,
/// and tells the other hosts when the transaction commits.
fn audit(tx: &mut Transaction<'_>, mut row: Row) -> Result<(), LedgerError> {
    let last = tx.query_opt("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &[]).map_err(error)?;
    let (seq, prev): (i64, String) = last.map_or((0, String::new()), |r| (r.get(0), r.get(1)));
    row.seq = seq + 1;
    let hash = trail::hash(&prev, &row);
    tx.execute(
        "INSERT INTO audit(seq, at, actor, action, slug, version, target, detail, state, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        &[
            &row.seq,
            &row.at,
            &row.actor,
            &row.action,
            &row.slug,
            &row.version,
            &row.target,
            &row.detail,
            &row.state,
            &hash,
        ],
    )
    .map_err(error)?;
    tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &row.seq.to_string()]).map_err(error)?;
    Ok(())
}
