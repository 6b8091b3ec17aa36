//! The team's approval rules, kept in the ledger and audited: how many approvals a version
//! needs, who the leads are, and a request for changes that blocks its version until the one
//! who asked approves or withdraws it, or a lead overrides it with a reason.

use super::trail::{self, Lift};
use super::{ArticleState, Decision, Ledger, LedgerError, Verdict, write::audit};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use std::collections::HashMap;

/// The rules in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// How many reviewers must approve a version (1 unless set).
    pub approvals: usize,
    /// The accounts that may override a request for changes and change the policy (when
    /// there are none, anyone may set the policy, and nobody overrides).
    pub leads: Vec<String>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy { approvals: 1, leads: Vec::new() }
    }
}

/// Why a policy change or a lift was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Only a lead may do this.
    NotLead,
    /// The reviewer has no request for changes on the article to lift.
    NoRequest,
}

/// Where an article stands under the policy, at its current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The article's current version.
    pub version: String,
    /// Its state: approved only with enough approvals of this version and nobody blocking.
    pub state: ArticleState,
    /// Each reviewer's latest decision, the latest last.
    pub decisions: Vec<Decision>,
    /// Who approved this very version.
    pub approvals: Vec<String>,
    /// How many approvals it needs.
    pub needed: usize,
    /// The requests for changes on this version that block it (not withdrawn nor overridden).
    pub blockers: Vec<Decision>,
    /// The requests on this version that were lifted, and how.
    pub lifted: Vec<(Decision, Lift)>,
    /// The slugs whose history this article carries (renamed from), and whether someone
    /// said so.
    pub renamed_from: Vec<(String, bool)>,
}

impl Ledger {
    /// The policy in force.
    pub fn policy(&self) -> Result<Policy, LedgerError> {
        policy(&self.conn)
    }

    /// Sets the policy's `approvals` and/or `leads`, as `by` for `reason`, one audited row
    /// each. Once there are leads, only a lead may change it.
    pub fn set_policy(
        &mut self,
        approvals: Option<usize>,
        leads: Option<&[String]>,
        by: &str,
        reason: &str,
    ) -> Result<Result<(), Refusal>, LedgerError> {
        if self.read_only {
            return Err(self.refusal());
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let now = policy(&tx)?;
        if !now.may_change(by) {
            return Ok(Err(Refusal::NotLead));
        }
        let at = crate::store::now();
        for (key, value) in Policy::changes(approvals, leads) {
            tx.execute("INSERT OR REPLACE INTO policy(key, value) VALUES (?1, ?2)", params![key, value])?;
            let detail = format!("{key} = {value}: {reason}");
            audit(&tx, &at, by, "policy", "", "", key, &detail, trail::policy_state(key, &value))?;
        }
        tx.commit()?;
        Ok(Ok(()))
    }

    /// Lifts `reviewer`'s request for changes on `slug` (their latest decision on it): as
    /// themselves, a withdrawal; as a lead, an override. Both need a reason.
    pub fn lift(
        &mut self,
        slug: &str,
        reviewer: &str,
        by: &str,
        reason: &str,
    ) -> Result<Result<Lift, Refusal>, LedgerError> {
        if self.read_only {
            return Err(self.refusal());
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let lifted = lift_in(&tx, slug, reviewer, by, reason)?;
        if lifted.is_ok() {
            tx.commit()?;
        }
        Ok(lifted)
    }

    /// Where each of `articles` stands under the policy, in their order; an article renamed
    /// from a slug gone from `library` carries that slug's decisions.
    pub fn judge(
        &self,
        articles: &[crate::library::Article],
        library: &[crate::library::Article],
    ) -> Result<Vec<Judged>, LedgerError> {
        self.judge_known(articles, library, None)
    }

    /// [`Ledger::judge`] with the library's versions when they are known already (the
    /// reader's, hashed once), so that looking for renamed articles hashes nothing again.
    pub fn judge_known(
        &self,
        articles: &[crate::library::Article],
        library: &[crate::library::Article],
        hashed: Option<&[String]>,
    ) -> Result<Vec<Judged>, LedgerError> {
        let slug = match articles {
            [one] => Some(one.slug.as_str()),
            _ => None,
        };
        let (versions, latest) = super::read::versions_while(articles, || self.latest_with_uids(slug));
        let mut latest = latest?;
        let known = (articles.len() == library.len())
            .then_some(versions.as_slice())
            .or(hashed.filter(|h| h.len() == library.len()));
        // The slugs decided on that are gone from the library (only theirs are looked up).
        let decided: Option<Vec<String>> = slug.is_none().then(|| {
            let present: std::collections::HashSet<&str> = library.iter().map(|a| a.slug.as_str()).collect();
            latest.keys().filter(|s| !present.contains(s.as_str())).cloned().collect()
        });
        let followed = self.follow(library, known, decided.as_deref())?;
        if slug.is_some() && !followed.is_empty() {
            // One article: the decisions of the slugs it was renamed from too.
            for old in followed.iter().filter(|(_, f)| Some(f.new.as_str()) == slug).map(|(o, _)| o) {
                latest.extend(self.latest_with_uids(Some(old))?);
            }
        }
        let from = merge_history(&mut latest, &followed);
        let mut lifts: HashMap<String, Lift> = HashMap::new();
        {
            let sql = format!("{} WHERE ?1 IS NULL OR slug = ?1", trail::LIFT_COLUMNS);
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([slug.filter(|_| followed.is_empty())], trail::lift_from)?;
            for l in rows {
                let l = l?;
                lifts.insert(l.uid.clone(), l);
            }
        }
        let policy = self.policy()?;
        Ok(articles
            .iter()
            .zip(versions)
            .map(|(a, version)| {
                let mut j = judge(latest.remove(&a.slug).unwrap_or_default(), &lifts, &policy, version);
                for old in from.get(&a.slug).into_iter().flatten() {
                    j.renamed_from.push((old.clone(), followed.get(old).is_some_and(|f| f.said)));
                }
                j
            })
            .collect())
    }

    /// Each reviewer's latest decision on each article (or on `slug`), with its uid if it
    /// was lifted (else empty: only a lifted decision's uid is ever looked up).
    fn latest_with_uids(
        &self,
        slug: Option<&str>,
    ) -> Result<HashMap<String, Vec<(String, Decision)>>, LedgerError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT (SELECT l.uid FROM lifts l WHERE l.uid = d.uid), slug, version, reviewer, verdict,
                 comment, at FROM decisions d
             WHERE ?1 IS NULL OR slug = ?1 ORDER BY id",
        )?;
        let mut rows = stmt.query([slug])?;
        let mut out: HashMap<String, Vec<(String, Decision)>> = HashMap::new();
        while let Some(r) = rows.next()? {
            let d = Decision {
                slug: r.get(1)?,
                version: r.get(2)?,
                reviewer: r.get(3)?,
                verdict: Verdict::parse(super::read::text(r, 4)?),
                comment: r.get(5)?,
                at: r.get(6)?,
            };
            let uid: String = r.get::<_, Option<String>>(0)?.unwrap_or_default();
            if let Some(mine) = out.get_mut(&d.slug) {
                mine.retain(|(_, earlier)| earlier.reviewer != d.reviewer);
                mine.push((uid, d));
            } else {
                out.insert(d.slug.clone(), vec![(uid, d)]);
            }
        }
        Ok(out)
    }
}

fn policy(conn: &rusqlite::Connection) -> Result<Policy, LedgerError> {
    let mut stmt = conn.prepare_cached("SELECT key, value FROM policy")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    Ok(Policy::from_pairs(rows.collect::<Result<Vec<_>, _>>()?))
}

impl Policy {
    /// The policy the `policy` table's keys and values make, whichever engine keeps them.
    pub(super) fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Policy {
        let mut policy = Policy::default();
        for (key, value) in pairs {
            match key.as_str() {
                "approvals" => policy.approvals = value.parse().unwrap_or(1).max(1),
                "leads" => {
                    policy.leads = value.split(',').filter(|l| !l.is_empty()).map(String::from).collect()
                }
                _ => {}
            }
        }
        policy
    }

    /// The rows of the `policy` table a change of `approvals` and/or `leads` writes.
    pub(super) fn changes(approvals: Option<usize>, leads: Option<&[String]>) -> Vec<(&'static str, String)> {
        let mut changes = Vec::new();
        if let Some(n) = approvals {
            changes.push(("approvals", n.max(1).to_string()));
        }
        if let Some(leads) = leads {
            changes.push(("leads", leads.join(",")));
        }
        changes
    }

    /// Whether `by` may change the policy: anyone while there are no leads, then a lead.
    pub(super) fn may_change(&self, by: &str) -> bool {
        self.leads.is_empty() || self.leads.iter().any(|l| l == by)
    }
}

/// Lifts `reviewer`'s latest request for changes on `slug` in `tx`, as `by` for `reason`
/// (see [`Ledger::lift`]); the command line and the reader both come here.
pub(super) fn lift_in(
    tx: &Transaction<'_>,
    slug: &str,
    reviewer: &str,
    by: &str,
    reason: &str,
) -> Result<Result<Lift, Refusal>, LedgerError> {
    if by != reviewer && !policy(tx)?.leads.iter().any(|l| l == by) {
        return Ok(Err(Refusal::NotLead));
    }
    let latest: Option<(String, String, String)> = tx
        .query_row(
            "SELECT uid, version, verdict FROM decisions WHERE slug = ?1 AND reviewer = ?2
             ORDER BY id DESC LIMIT 1",
            params![slug, reviewer],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((uid, version, _)) = latest.filter(|(_, _, v)| v == Verdict::ChangesRequested.label()) else {
        return Ok(Err(Refusal::NoRequest));
    };
    let lift = Lift {
        uid,
        slug: slug.into(),
        version,
        reviewer: reviewer.into(),
        by: by.into(),
        reason: reason.into(),
        at: crate::store::now(),
    };
    let added = tx.execute(
        "INSERT OR IGNORE INTO lifts(uid, slug, version, reviewer, by, reason, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![lift.uid, lift.slug, lift.version, lift.reviewer, lift.by, lift.reason, lift.at],
    )?;
    if added > 0 {
        let action = if by == reviewer { "withdraw" } else { "override" };
        let state = trail::lift_state(&lift);
        audit(tx, &lift.at, by, action, slug, &lift.version, reviewer, reason, state)?;
    }
    Ok(Ok(lift))
}

/// Where each of `articles` stands at `versions` (theirs, in their order), from each
/// reviewer's latest decision with its uid (by article: every article's, for the history of
/// renamed ones), where renamed slugs' history went, the lifts by uid and the policy: for an
/// engine that reads these in its own way.
pub(super) fn judge_each(
    articles: &[crate::library::Article],
    versions: Vec<String>,
    mut latest: HashMap<String, Vec<(String, Decision)>>,
    followed: &HashMap<String, Followed>,
    lifts: &HashMap<String, Lift>,
    policy: &Policy,
) -> Vec<Judged> {
    let from = merge_history(&mut latest, followed);
    articles
        .iter()
        .zip(versions)
        .map(|(a, version)| {
            let mut j = judge(latest.remove(&a.slug).unwrap_or_default(), lifts, policy, version);
            for old in from.get(&a.slug).into_iter().flatten() {
                j.renamed_from.push((old.clone(), followed.get(old).is_some_and(|f| f.said)));
            }
            j
        })
        .collect()
}

/// Where an article with these latest decisions stands at `version` under `policy`.
fn judge(
    latest: Vec<(String, Decision)>,
    lifts: &HashMap<String, Lift>,
    policy: &Policy,
    version: String,
) -> Judged {
    let mut approvals = Vec::new();
    let mut blockers = Vec::new();
    let mut lifted = Vec::new();
    for (uid, d) in &latest {
        if d.version != version {
            continue;
        }
        match (d.verdict, lifts.get(uid)) {
            (Verdict::Approved, _) => approvals.push(d.reviewer.clone()),
            (Verdict::ChangesRequested, Some(l)) => lifted.push((d.clone(), l.clone())),
            (Verdict::ChangesRequested, None) => blockers.push(d.clone()),
        }
    }
    // The latest decision that still stands: a request lifted on an older version no longer
    // speaks for the article (withdrawn after the text was edited).
    let last = latest
        .iter()
        .rev()
        .find(|(uid, d)| !(d.verdict == Verdict::ChangesRequested && lifts.contains_key(uid)))
        .map(|(_, d)| d);
    let state = if !blockers.is_empty() {
        ArticleState::ChangesRequested
    } else if approvals.len() >= policy.approvals {
        ArticleState::Approved
    } else if !approvals.is_empty() {
        ArticleState::Partly
    } else {
        match ArticleState::of(last, &version) {
            // A request on this version that was lifted no longer stands.
            ArticleState::ChangesRequested if !lifted.is_empty() => ArticleState::Unreviewed,
            other => other,
        }
    };
    let decisions: Vec<Decision> = latest.into_iter().map(|(_, d)| d).collect();
    Judged {
        version,
        state,
        decisions,
        approvals,
        needed: policy.approvals,
        blockers,
        lifted,
        renamed_from: Vec::new(),
    }
}

/// Where an article's history went: the slug it goes by now, and whether someone said so
/// (`review rename`) or the ledger found its text under the new slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Followed {
    /// The slug it goes by now.
    pub new: String,
    /// Said with `review rename` (else found: the text is a version kept under the old slug).
    pub said: bool,
}

impl Ledger {
    /// Tells the ledger that `old`'s history is `new`'s (an article renamed and edited), as
    /// `by` for `reason`: audited and chained.
    pub fn rename(&mut self, old: &str, new: &str, by: &str, reason: &str) -> Result<(), LedgerError> {
        if self.read_only {
            return Err(self.refusal());
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let at = crate::store::now();
        let added = tx.execute(
            "INSERT OR IGNORE INTO renames(old, new, by, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![old, new, by, reason, at],
        )?;
        if added > 0 {
            let state = trail::rename_state(old, new, by, reason, &at);
            audit(&tx, &at, by, "rename", new, "", old, reason, state)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Where the history of slugs no longer in `library` went: each renamed slug (said so),
    /// and each whose kept text is an article's current text under another slug (found;
    /// `versions` are the library's versions if known, `decided` the slugs with decisions).
    pub fn follow(
        &self,
        library: &[crate::library::Article],
        versions: Option<&[String]>,
        decided: Option<&[String]>,
    ) -> Result<HashMap<String, Followed>, LedgerError> {
        let present: std::collections::HashSet<&str> = library.iter().map(|a| a.slug.as_str()).collect();
        let mut out = HashMap::new();
        let mut stmt = self.conn.prepare_cached("SELECT old, new FROM renames ORDER BY at")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (old, new) = row?;
            out.insert(old, Followed { new, said: true });
        }
        // Slugs decided on (only a decision keeps a text) that are gone from the library, and
        // their kept versions: looked up by slug, never the kept texts read.
        let decided: Vec<String> = match decided {
            Some(slugs) => slugs.to_vec(),
            None => {
                let mut stmt = self.conn.prepare_cached("SELECT DISTINCT slug FROM decisions")?;
                stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
            }
        };
        let mut gone: HashMap<String, String> = HashMap::new();
        let mut stmt = self.conn.prepare_cached("SELECT version FROM versions WHERE slug = ?1")?;
        for slug in decided.iter().filter(|s| !present.contains(s.as_str()) && !out.contains_key(*s)) {
            for version in stmt.query_map([slug], |r| r.get::<_, String>(0))? {
                gone.insert(version?, slug.clone());
            }
        }
        if !gone.is_empty() {
            let hashed;
            let versions = match versions {
                Some(v) => v,
                None => {
                    hashed = super::versions(library);
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

/// The decisions of the slugs whose history is `slug`'s, merged into `slug`'s own: each
/// reviewer's latest, `slug`'s own decisions over the old ones.
fn merge_history(
    latest: &mut HashMap<String, Vec<(String, Decision)>>,
    followed: &HashMap<String, Followed>,
) -> HashMap<String, Vec<String>> {
    let mut from: HashMap<String, Vec<String>> = HashMap::new();
    for (old, f) in followed {
        from.entry(f.new.clone()).or_default().push(old.clone());
        let Some(earlier) = latest.remove(old) else { continue };
        let now = latest.entry(f.new.clone()).or_default();
        let mut merged: Vec<(String, Decision)> =
            earlier.into_iter().filter(|(_, d)| !now.iter().any(|(_, n)| n.reviewer == d.reviewer)).collect();
        merged.append(now);
        *now = merged;
    }
    from
}
