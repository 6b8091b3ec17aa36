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
        self.followed_among(library, versions, None)
    }

    /// [`PgLedger::followed`], `decided` the slugs with decisions when they are known
    /// already (else asked).
    pub(super) fn followed_among(
        &self,
        library: &[Article],
        versions: Option<&[String]>,
        decided: Option<&[String]>,
    ) -> Result<HashMap<String, Followed>, LedgerError> {
        let (mut out, gone) = self.renamed_and_gone(library, decided)?;
        if !gone.is_empty() {
            let hashed;
            let versions = match versions {
                Some(v) => v,
                None => {
                    hashed = super::super::versions(library);
                    &hashed
                }
            };
            found_under(&mut out, &gone, library, versions);
        }
        Ok(out)
    }

    /// The renames said, and the kept versions (each with its slug) of the slugs decided on
    /// that are gone from `library` and were not renamed: only those slugs' versions are
    /// read, none at all while every decided slug is in the library. `decided`: the slugs
    /// with decisions, when known already (else asked).
    pub(super) fn renamed_and_gone(
        &self,
        library: &[Article],
        decided: Option<&[String]>,
    ) -> Result<(HashMap<String, Followed>, Gone), LedgerError> {
        let present: HashSet<&str> = library.iter().map(|a| a.slug.as_str()).collect();
        let mut client = self.client();
        let mut out = HashMap::new();
        for r in client.query("SELECT old, new FROM renames ORDER BY at", &[]).map_err(error)? {
            out.insert(r.get(0), Followed { new: r.get(1), said: true });
        }
        let asked: Vec<String>;
        let decided = match decided {
            Some(slugs) => slugs,
            None => {
                let rows = client.query("SELECT DISTINCT slug FROM decisions", &[]).map_err(error)?;
                asked = rows.iter().map(|r| r.get(0)).collect();
                &asked
            }
        };
        let gone_slugs: Vec<&str> = decided
            .iter()
            .map(String::as_str)
            .filter(|s| !present.contains(s) && !out.contains_key(*s))
            .collect();
        let mut gone = Gone::new();
        if !gone_slugs.is_empty() {
            let rows = client
                .query("SELECT slug, version FROM versions WHERE slug = ANY($1)", &[&gone_slugs])
                .map_err(error)?;
            for r in &rows {
                gone.insert(r.get(1), r.get(0));
            }
        }
        Ok((out, gone))
    }
}

/// The kept versions of slugs gone from the library, each with its slug.
pub(super) type Gone = HashMap<String, String>;

/// Adds to `out` each slug of `gone` (kept version → slug) whose kept version is the current
/// text of an article of `library` (at `versions`) under another slug: found, not said.
pub(super) fn found_under(
    out: &mut HashMap<String, Followed>,
    gone: &HashMap<String, String>,
    library: &[Article],
    versions: &[String],
) {
    for (a, v) in library.iter().zip(versions) {
        if let Some(old) = gone.get(v) {
            out.entry(old.clone()).or_insert(Followed { new: a.slug.clone(), said: false });
        }
    }
}
