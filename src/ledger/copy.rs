//! Filling an empty SQLite ledger with what another ledger holds (`review migrate`): the
//! trail's rows with their hashes as they are, and every table, in one transaction.

use super::verify::Found;
use super::{Ledger, LedgerError};
use crate::strings as s;
use rusqlite::{Transaction, TransactionBehavior, params};

impl Ledger {
    /// See [`super::Engine::load`].
    pub(super) fn fill(&mut self, all: &Found) -> Result<(), LedgerError> {
        if self.read_only() {
            return Err(self.refusal());
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let held: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM decisions) + (SELECT count(*) FROM comments)",
            [],
            |r| r.get(0),
        )?;
        if held > 0 {
            return Err(LedgerError::Other(s::LEDGER_NOT_EMPTY.to_string()));
        }
        for (r, hash) in &all.rows {
            tx.execute(
                "INSERT INTO audit(seq, at, actor, action, slug, version, target, detail, state, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![r.seq, r.at, r.actor, r.action, r.slug, r.version, r.target, r.detail, r.state, hash],
            )?;
        }
        for (uid, d) in &all.decisions {
            tx.execute(
                "INSERT INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![uid, d.slug, d.version, d.reviewer, d.verdict.label(), d.comment, d.at],
            )?;
        }
        for (c, deleted) in &all.comments {
            tx.execute(
                "INSERT INTO comments(id, slug, heading, position, section, version, author, text, resolved,
                     deleted, created, updated, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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
                    deleted,
                    c.created,
                    c.updated,
                    c.revision
                ],
            )?;
        }
        for (slug, version, text) in &all.texts {
            // The first time seen is not kept apart from the decisions: the copy's is now.
            tx.execute(
                "INSERT INTO versions(slug, version, text, first_seen) VALUES (?1, ?2, ?3, ?4)",
                params![slug, version, text, crate::store::now()],
            )?;
        }
        for (key, value) in &all.policy {
            tx.execute("INSERT INTO policy(key, value) VALUES (?1, ?2)", params![key, value])?;
        }
        for l in &all.lifts {
            tx.execute(
                "INSERT INTO lifts(uid, slug, version, reviewer, by, reason, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![l.uid, l.slug, l.version, l.reviewer, l.by, l.reason, l.at],
            )?;
        }
        for (old, new, by, reason, at) in &all.renames {
            tx.execute(
                "INSERT INTO renames(old, new, by, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![old, new, by, reason, at],
            )?;
        }
        for (id, parent) in &all.replies {
            tx.execute("INSERT INTO replies(id, parent) VALUES (?1, ?2)", params![id, parent])?;
        }
        tx.commit()?;
        Ok(())
    }
}
