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
        for n in &store.notes {
            let added = tx.execute(
                "INSERT OR IGNORE INTO comments(id, slug, heading, position, section, version, author,
                     text, resolved, created, updated, revision)
                 VALUES (?1, ?2, ?3, ?4, '', '', ?5, ?6, 0, ?7, ?8, 1)",
                params![
                    n.id,
                    n.anchor.slug,
                    n.anchor.heading,
                    n.anchor.position as i64,
                    n.author,
                    n.text,
                    n.created,
                    n.updated
                ],
            )?;
            if added > 0 {
                let c = super::Comment {
                    id: n.id.clone(),
                    slug: n.anchor.slug.clone(),
                    heading: n.anchor.heading.clone(),
                    position: n.anchor.position,
                    section: String::new(),
                    version: String::new(),
                    author: n.author.clone(),
                    text: n.text.clone(),
                    resolved: false,
                    created: n.created.clone(),
                    updated: n.updated.clone(),
                    revision: 1,
                };
                let state = super::trail::comment_state(&c, false);
                super::write::audit(&tx, &now, user, "import", &n.anchor.slug, "", &n.id, &n.text, state)?;
                count += 1;
            }
        }
        for (slug, review) in &store.reviews {
            let verdict = match review.status {
                ReviewStatus::Reviewed => Verdict::Approved,
                ReviewStatus::NeedsChanges => Verdict::ChangesRequested,
                ReviewStatus::Unreviewed => continue,
            };
            let reviewer = if review.user.is_empty() { user } else { &review.user };
            let uid = format!("import:{key}:{slug}");
            let added = tx.execute(
                "INSERT OR IGNORE INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
                 VALUES (?1, ?2, '', ?3, ?4, '', ?5)",
                params![uid, slug, reviewer, verdict.label(), review.date],
            )?;
            if added > 0 {
                let d = super::Decision {
                    slug: slug.clone(),
                    version: String::new(),
                    reviewer: reviewer.to_string(),
                    verdict,
                    comment: String::new(),
                    at: review.date.clone(),
                };
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
