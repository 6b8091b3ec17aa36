//! Bringing a reviewer's `notes.yaml` into the ledger, once: its notes become comments, its
//! review statuses decisions (on an unknown version, since the file never said which text was
//! reviewed). The file itself is left as it was.

use super::{Ledger, LedgerError, Verdict};
use crate::store::{ReviewStatus, Store};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use std::path::Path;

impl Ledger {
    /// Imports `notes` unless this file was imported before. Returns how many notes and
    /// reviews came in, or `None` when there was nothing to do.
    pub fn import(&mut self, notes: &Path, user: &str) -> Result<Option<usize>, LedgerError> {
        if std::fs::symlink_metadata(notes).is_err() {
            return Ok(None);
        }
        let key =
            format!("imported:{}", std::fs::canonicalize(notes).unwrap_or(notes.to_path_buf()).display());
        let done: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [&key], |r| r.get(0)).optional()?;
        if done.is_some() {
            return Ok(None);
        }
        // Read as the store reads it (its limits, its messages); never moved aside from here.
        let dir = notes.parent().unwrap_or(Path::new("."));
        let store: Store = match crate::store::Disk::new(dir).peek() {
            Ok(Some(store)) => store,
            Ok(None) => return Ok(None),
            Err(e) => return Err(LedgerError::Import(e.to_string())),
        };
        // The reader writes this file itself (where each article was left, bookmarks): one
        // with no notes and no review status is not an import. Nothing is recorded, so
        // notes written to it later still come in.
        if store.notes.is_empty() && store.reviews.values().all(|r| r.status == ReviewStatus::Unreviewed) {
            return Ok(None);
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let again: Option<String> =
            tx.query_row("SELECT value FROM meta WHERE key = ?1", [&key], |r| r.get(0)).optional()?;
        if again.is_some() {
            return Ok(None);
        }
        let now = crate::store::now();
        let mut count = 0;
        // Everything comes in as the importer's, on the day of the import: a file can say
        // any name and any date.
        for n in &store.notes {
            let c = super::Comment {
                id: n.id.clone(),
                slug: n.anchor.slug.clone(),
                heading: n.anchor.heading.clone(),
                position: n.anchor.position,
                section: String::new(),
                version: String::new(),
                author: user.to_string(),
                text: n.text.clone(),
                resolved: false,
                created: now.clone(),
                updated: now.clone(),
                revision: 1,
            };
            let added = tx.execute(
                "INSERT OR IGNORE INTO comments(id, slug, heading, position, section, version, author,
                     text, resolved, created, updated, revision)
                 VALUES (?1, ?2, ?3, ?4, '', '', ?5, ?6, 0, ?7, ?7, 1)",
                params![c.id, c.slug, c.heading, c.position as i64, c.author, c.text, c.created],
            )?;
            if added > 0 {
                let state = super::trail::comment_state(&c, false);
                super::write::audit(&tx, &now, user, "import", &c.slug, "", &c.id, &c.text, state)?;
                count += 1;
            }
        }
        for (slug, review) in &store.reviews {
            let verdict = match review.status {
                ReviewStatus::Reviewed => Verdict::Approved,
                ReviewStatus::NeedsChanges => Verdict::ChangesRequested,
                ReviewStatus::Unreviewed => continue,
            };
            let uid = format!("import:{key}:{slug}");
            let d = super::Decision {
                slug: slug.clone(),
                version: String::new(),
                reviewer: user.to_string(),
                verdict,
                comment: String::new(),
                at: now.clone(),
            };
            let added = tx.execute(
                "INSERT OR IGNORE INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
                 VALUES (?1, ?2, '', ?3, ?4, '', ?5)",
                params![uid, d.slug, d.reviewer, verdict.label(), d.at],
            )?;
            if added > 0 {
                let state = super::trail::decision_state(&uid, &d);
                super::write::audit(&tx, &now, user, "import", slug, "", &uid, verdict.label(), state)?;
                count += 1;
            }
        }
        tx.execute("INSERT INTO meta(key, value) VALUES (?1, ?2)", params![key, now])?;
        tx.commit()?;
        Ok(Some(count))
    }
}
