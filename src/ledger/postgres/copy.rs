//! Filling an empty ledger on PostgreSQL with what another ledger holds (`review migrate`):
//! the trail's rows with their hashes as they are, and every table, in one transaction
//! under the writers' lock.

use super::super::LedgerError;
use super::super::verify::Found;
use super::{PgLedger, error};
use crate::strings as s;

impl PgLedger {
    /// See [`super::super::Engine::load`].
    pub(super) fn fill(&mut self, all: &Found) -> Result<(), LedgerError> {
        if self.read_only {
            return Err(LedgerError::ReadOnly(self.message.clone().unwrap_or_default()));
        }
        let mut client = self.client();
        let mut tx = super::begin(&mut client)?;
        let held: i64 = tx
            .query_one(
                "SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM decisions)
                     + (SELECT count(*) FROM comments)",
                &[],
            )
            .map_err(error)?
            .get(0);
        if held > 0 {
            return Err(LedgerError::Other(s::LEDGER_NOT_EMPTY.to_string()));
        }
        let now = crate::store::now();
        let mut run = |sql: &str, values: &[&(dyn postgres::types::ToSql + Sync)]| {
            tx.execute(sql, values).map(|_| ()).map_err(error)
        };
        for (r, hash) in &all.rows {
            run(
                "INSERT INTO audit(seq, at, actor, action, slug, version, target, detail, state, hash)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                &[
                    &r.seq, &r.at, &r.actor, &r.action, &r.slug, &r.version, &r.target, &r.detail, &r.state,
                    hash,
                ],
            )?;
        }
        for (uid, d) in &all.decisions {
            run(
                "INSERT INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[uid, &d.slug, &d.version, &d.reviewer, &d.verdict.label(), &d.comment, &d.at],
            )?;
        }
        for (c, deleted) in &all.comments {
            let position = i64::try_from(c.position).unwrap_or(i64::MAX);
            run(
                "INSERT INTO comments(id, slug, heading, position, section, version, author, text, resolved,
                     deleted, created, updated, revision)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
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
                    deleted,
                    &c.created,
                    &c.updated,
                    &c.revision,
                ],
            )?;
        }
        for (slug, version, text) in &all.texts {
            run(
                "INSERT INTO versions(slug, version, text, first_seen) VALUES ($1, $2, $3, $4)",
                &[slug, version, text, &now],
            )?;
        }
        for (key, value) in &all.policy {
            run("INSERT INTO policy(key, value) VALUES ($1, $2)", &[key, value])?;
        }
        for l in &all.lifts {
            run(
                r#"INSERT INTO lifts(uid, slug, version, reviewer, "by", reason, at)
                   VALUES ($1, $2, $3, $4, $5, $6, $7)"#,
                &[&l.uid, &l.slug, &l.version, &l.reviewer, &l.by, &l.reason, &l.at],
            )?;
        }
        for (old, new, by, reason, at) in &all.renames {
            run(
                r#"INSERT INTO renames(old, new, "by", reason, at) VALUES ($1, $2, $3, $4, $5)"#,
                &[old, new, by, reason, at],
            )?;
        }
        for (id, parent) in &all.replies {
            run("INSERT INTO replies(id, parent) VALUES ($1, $2)", &[id, parent])?;
        }
        tx.commit().map_err(error)
    }
}
