//! An article's history on PostgreSQL: renames said with `review rename`, and slugs gone
//! from the library whose kept text is an article's current text (as the SQLite ledger
//! finds them), so decisions and comments follow the text.

use super::super::policy::Followed;
use super::super::trail;
use super::{PgLedger, error};
use crate::library::Article;
use std::collections::{HashMap, HashSet};

use super::super::LedgerError;

impl PgLedger {
    /// See [`super::super::Engine::rename`].
    pub(super) fn add_rename(
        &mut self,
        old: &str,
        new: &str,
        by: &str,
        reason: &str,
    ) -> Result<(), LedgerError> {
        if self.read_only {
            return Err(LedgerError::ReadOnly(self.message.clone().unwrap_or_default()));
        }
        let by = self.account.clone().unwrap_or_else(|| by.to_string());
        let mut client = self.client();
        let mut tx = super::begin(&mut client)?;
        let at = crate::store::now();
        let added = tx
            .execute(
                r#"INSERT INTO renames(old, new, "by", reason, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"#,
                &[&old, &new, &by, &reason, &at],
            )
            .map_err(error)?;
        if added > 0 {
            let state = trail::rename_state(old, new, &by, reason, &at);
            super::write::audit_row(&mut tx, &at, &by, "rename", new, "", old, reason, state)?;
        }
        tx.commit().map_err(error)
    }

    /// See [`super::super::Engine::follow`].
    pub(super) fn followed(
        &self,
        library: &[Article],
        versions: Option<&[String]>,
    ) -> Result<HashMap<String, Followed>, LedgerError> {
        let present: HashSet<&str> = library.iter().map(|a| a.slug.as_str()).collect();
        let mut client = self.client();
        let mut out = HashMap::new();
        for r in client.query("SELECT old, new FROM renames ORDER BY at", &[]).map_err(error)? {
            out.insert(r.get(0), Followed { new: r.get(1), said: true });
        }
        // The kept versions of slugs decided on that are gone from the library.
        let mut gone: HashMap<String, String> = HashMap::new();
        let rows = client
            .query(
                "SELECT DISTINCT v.slug, v.version FROM versions v JOIN decisions d ON d.slug = v.slug",
                &[],
            )
            .map_err(error)?;
        for r in &rows {
            let slug: String = r.get(0);
            if !present.contains(slug.as_str()) && !out.contains_key(&slug) {
                gone.insert(r.get(1), slug);
            }
        }
        if !gone.is_empty() {
            let hashed;
            let versions = match versions {
                Some(v) => v,
                None => {
                    hashed = super::super::versions(library);
                    &hashed
                }
            };
            for (a, v) in library.iter().zip(versions) {
                if let Some(old) = gone.get(v) {
                    out.entry(old.clone()).or_insert(Followed { new: a.slug.clone(), said: false });
                }
            }
        }
        Ok(out)
    }
}
