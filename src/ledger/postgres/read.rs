//! Reading the ledger on PostgreSQL, and [`Engine`] for it.

use super::super::policy::judge_each;
use super::super::read::take_latest;
use super::super::trail::{Lift, Row};
use super::super::verify::{Found, Verified, check};
use super::super::{
    Comment, Decision, Engine, Entry, Followed, Head, Judged, LedgerError, Outcome, Policy, Refusal, Verdict,
    Write,
};
use super::{PgLedger, error};
use crate::library::Article;
use std::collections::HashMap;
use std::time::Duration;

/// The columns [`comment`] reads.
pub(super) const COMMENT_COLUMNS: &str = "SELECT id, slug, heading, position, section, version, author, text, \
     resolved, created, updated, revision FROM comments";

/// A comment as read with [`COMMENT_COLUMNS`].
pub(super) fn comment(r: &postgres::Row) -> Comment {
    Comment {
        id: r.get(0),
        slug: r.get(1),
        heading: r.get(2),
        position: usize::try_from(r.get::<_, i64>(3)).unwrap_or(0),
        section: r.get(4),
        version: r.get(5),
        author: r.get(6),
        text: r.get(7),
        resolved: r.get(8),
        created: r.get(9),
        updated: r.get(10),
        revision: r.get(11),
    }
}

fn decision(r: &postgres::Row) -> Decision {
    Decision {
        slug: r.get(0),
        version: r.get(1),
        reviewer: r.get(2),
        verdict: Verdict::parse(r.get(3)),
        comment: r.get(4),
        at: r.get(5),
    }
}

fn lift(r: &postgres::Row) -> Lift {
    Lift {
        uid: r.get(0),
        slug: r.get(1),
        version: r.get(2),
        reviewer: r.get(3),
        by: r.get(4),
        reason: r.get(5),
        at: r.get(6),
    }
}

fn entry(r: &postgres::Row) -> Entry {
    Entry {
        seq: r.get(0),
        at: r.get(1),
        actor: r.get(2),
        action: r.get(3),
        slug: r.get(4),
        version: r.get(5),
        target: r.get(6),
        detail: r.get(7),
        hash: r.get(8),
    }
}

impl PgLedger {
    /// The trail's rows (of `slug`) after `after`, at most `limit` of them (all: `None`).
    fn entries(
        &self,
        slug: Option<&str>,
        after: i64,
        limit: Option<usize>,
    ) -> Result<Vec<Entry>, LedgerError> {
        let limit = limit.and_then(|n| i64::try_from(n).ok());
        let rows = self
            .client()
            .query(
                "SELECT seq, at, actor, action, slug, version, target, detail, hash FROM audit
                 WHERE ($1::text IS NULL OR slug = $1) AND seq > $2 AND action <> 'chain' ORDER BY seq
                 LIMIT $3",
                &[&slug, &after, &limit],
            )
            .map_err(error)?;
        Ok(rows.iter().map(entry).collect())
    }

    /// What `review verify` checks, read in one transaction (one moment of the database).
    fn found(&self) -> Result<Found, postgres::Error> {
        let mut client = self.client();
        let mut tx = client
            .build_transaction()
            .read_only(true)
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .start()?;
        let mut all = |sql: &str| tx.query(sql, &[]);
        let rows = all("SELECT seq, at, actor, action, slug, version, target, detail, state, hash FROM audit ORDER BY seq")?
            .iter()
            .map(|r| {
                let row = Row {
                    seq: r.get(0),
                    at: r.get(1),
                    actor: r.get(2),
                    action: r.get(3),
                    slug: r.get(4),
                    version: r.get(5),
                    target: r.get(6),
                    detail: r.get(7),
                    state: r.get(8),
                };
                (row, r.get(9))
            })
            .collect();
        let decisions =
            all("SELECT uid, slug, version, reviewer, verdict, comment, at FROM decisions ORDER BY id")?
                .iter()
                .map(|r| {
                    let d = Decision {
                        slug: r.get(1),
                        version: r.get(2),
                        reviewer: r.get(3),
                        verdict: Verdict::parse(r.get(4)),
                        comment: r.get(5),
                        at: r.get(6),
                    };
                    (r.get(0), d)
                })
                .collect();
        let comments = all(
            "SELECT id, slug, heading, position, section, version, author, text, resolved, created, updated,
                 revision, deleted FROM comments ORDER BY created, id",
        )?
        .iter()
        .map(|r| (comment(r), r.get(12)))
        .collect();
        let pairs = |rows: Vec<postgres::Row>| rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        let policy = pairs(all("SELECT key, value FROM policy")?);
        let lifts = all(r#"SELECT uid, slug, version, reviewer, "by", reason, at FROM lifts"#)?
            .iter()
            .map(lift)
            .collect();
        let renames = all(r#"SELECT old, new, "by", reason, at FROM renames"#)?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
            .collect();
        let replies = pairs(all("SELECT id, parent FROM replies ORDER BY n")?);
        let texts = all("SELECT slug, version, text FROM versions")?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        tx.commit()?;
        Ok(Found { rows, decisions, comments, policy, lifts, renames, replies, texts })
    }
}

/// What judging reads: each reviewer's latest decision with its uid by article, the renames
/// said and the kept versions of slugs gone from the library (see
/// [`PgLedger::renamed_and_gone`]), the lifts by uid and the policy.
type Read = (
    HashMap<String, Vec<(String, Decision)>>,
    HashMap<String, Followed>,
    super::history::Gone,
    HashMap<String, Lift>,
    Policy,
);

/// Each reviewer's latest decision on each article, its id first (to put them in the order
/// they were made), then its uid, then [`decision`]'s columns from the third on. One walk of
/// the index `decisions_by_reviewer` backwards, the first row of each reviewer and article
/// kept: no join and no sort on the server (`condition` goes in the `WHERE`). Asking for
/// the uid only of a lifted decision costs more on the server (a subquery for each row)
/// than the uids cost to send.
fn latest_sql(condition: &str) -> String {
    format!(
        "SELECT DISTINCT ON (d.slug, d.reviewer) d.id, d.uid, d.slug, d.version, d.reviewer, d.verdict,
             d.comment, d.at
         FROM decisions d {condition}
         ORDER BY d.slug DESC, d.reviewer DESC, d.id DESC"
    )
}

/// The rows of [`latest_sql`] in the order the decisions were made.
fn in_order(mut rows: Vec<postgres::Row>) -> Vec<postgres::Row> {
    rows.sort_by_cached_key(|r| r.get::<_, i64>(0));
    rows
}

/// A decision as [`latest_sql`] reads it.
fn latest_decision(r: &postgres::Row) -> Decision {
    Decision {
        slug: r.get(2),
        version: r.get(3),
        reviewer: r.get(4),
        verdict: Verdict::parse(r.get(5)),
        comment: r.get(6),
        at: r.get(7),
    }
}

impl PgLedger {
    /// What [`Engine::judge_known`] reads, in as few round trips as it can: every article's
    /// latest decisions (for the library, the renames and gone slugs are then looked up
    /// among the slugs decided on), or, for one article, its own and those of the slugs it
    /// came from. `hashed`: the library's versions, if known.
    fn judging(
        &self,
        articles: &[Article],
        library: &[Article],
        hashed: Option<&[String]>,
    ) -> Result<Read, LedgerError> {
        let (slugs, followed, gone) = match articles {
            [one] => {
                // Its decisions and those of the slugs it came from only.
                let followed = self.followed(library, hashed)?;
                let slugs: Vec<String> = std::iter::once(one.slug.clone())
                    .chain(followed.iter().filter(|(_, f)| f.new == one.slug).map(|(old, _)| old.clone()))
                    .collect();
                (Some(slugs), Some(followed), HashMap::new())
            }
            _ => (None, None, HashMap::new()),
        };
        let mut client = self.client();
        let rows = in_order(
            match &slugs {
                Some(slugs) => client.query(&latest_sql("WHERE d.slug = ANY($1)"), &[slugs]),
                None => client.query(&latest_sql(""), &[]),
            }
            .map_err(error)?,
        );
        let mut latest: HashMap<String, Vec<(String, Decision)>> = HashMap::new();
        for r in &rows {
            let d = latest_decision(r);
            let uid = r.get(1);
            match latest.get_mut(&d.slug) {
                Some(mine) => {
                    mine.retain(|(_, earlier)| earlier.reviewer != d.reviewer);
                    mine.push((uid, d));
                }
                None => {
                    latest.insert(d.slug.clone(), vec![(uid, d)]);
                }
            }
        }
        drop(rows);
        let lifts = client
            .query(
                r#"SELECT uid, slug, version, reviewer, "by", reason, at FROM lifts
                   WHERE $1::text[] IS NULL OR slug = ANY($1)"#,
                &[&slugs],
            )
            .map_err(error)?
            .iter()
            .map(|r| (r.get(0), lift(r)))
            .collect();
        let pairs = client.query("SELECT key, value FROM policy", &[]).map_err(error)?;
        let policy = Policy::from_pairs(pairs.iter().map(|r| (r.get(0), r.get(1))));
        drop(client);
        let (followed, gone) = match followed {
            Some(followed) => (followed, gone),
            None => {
                // The slugs decided on that are gone from the library (only theirs are looked up).
                let present: std::collections::HashSet<&str> =
                    library.iter().map(|a| a.slug.as_str()).collect();
                let decided: Vec<String> =
                    latest.keys().filter(|s| !present.contains(s.as_str())).cloned().collect();
                self.renamed_and_gone(library, Some(&decided))?
            }
        };
        Ok((latest, followed, gone, lifts, policy))
    }
}

impl Engine for PgLedger {
    fn place(&self) -> String {
        self.place.clone()
    }

    fn read_only(&self) -> bool {
        self.read_only
    }

    fn record(&mut self, writes: &[Write]) -> (Vec<Outcome>, Option<LedgerError>) {
        self.write_all(writes)
    }

    fn record_waiting(
        &mut self,
        writes: &[Write],
        wait: Duration,
        _full: Duration,
    ) -> (Vec<Outcome>, Option<LedgerError>) {
        // The reader's write waits for another host's only briefly (it says busy and tries
        // again), not the session's five seconds on the thread that draws the screen.
        let ms = wait.as_millis().clamp(1, 5_000);
        let _ = self.client().batch_execute(&format!("SET lock_timeout = '{ms}ms'"));
        let done = self.write_all(writes);
        let _ = self.client().batch_execute(&format!("SET lock_timeout = '{}'", super::WRITE_WAIT_TEXT));
        done
    }

    fn latest(&self, slug: Option<&str>) -> Result<HashMap<String, Vec<Decision>>, LedgerError> {
        let rows = in_order(
            self.client()
                .query(&latest_sql("WHERE ($1::text IS NULL OR d.slug = $1)"), &[&slug])
                .map_err(error)?,
        );
        let mut out = HashMap::new();
        for r in &rows {
            take_latest(&mut out, latest_decision(r));
        }
        Ok(out)
    }

    fn last_approval(&self, slug: &str, reviewer: Option<&str>) -> Result<Option<Decision>, LedgerError> {
        let found = self
            .client()
            .query_opt(
                "SELECT slug, version, reviewer, verdict, comment, at FROM decisions
                 WHERE slug = $1 AND verdict = 'approved' AND ($2::text IS NULL OR reviewer = $2)
                 ORDER BY id DESC LIMIT 1",
                &[&slug, &reviewer],
            )
            .map_err(error)?;
        Ok(found.map(|r| decision(&r)))
    }

    fn text_of(&self, slug: &str, version: &str) -> Result<Option<String>, LedgerError> {
        let found = self
            .client()
            .query_opt("SELECT text FROM versions WHERE slug = $1 AND version = $2", &[&slug, &version])
            .map_err(error)?;
        Ok(found.map(|r| r.get(0)))
    }

    fn comments(&self, slug: Option<&str>, resolved_too: bool) -> Result<Vec<Comment>, LedgerError> {
        let sql = format!(
            r#"{COMMENT_COLUMNS} WHERE NOT deleted AND ($1::text IS NULL OR slug = $1) AND ($2 OR NOT resolved)
             ORDER BY slug COLLATE "C", created COLLATE "C", id COLLATE "C""#
        );
        let rows = self.client().query(&sql, &[&slug, &resolved_too]).map_err(error)?;
        Ok(rows.iter().map(comment).collect())
    }

    fn log(&self, slug: Option<&str>) -> Result<Vec<Entry>, LedgerError> {
        self.entries(slug, 0, None)
    }

    fn policy(&self) -> Result<Policy, LedgerError> {
        let rows = self.client().query("SELECT key, value FROM policy", &[]).map_err(error)?;
        Ok(Policy::from_pairs(rows.iter().map(|r| (r.get(0), r.get(1)))))
    }

    fn set_policy(
        &mut self,
        approvals: Option<usize>,
        leads: Option<&[String]>,
        by: &str,
        reason: &str,
    ) -> Result<Result<(), Refusal>, LedgerError> {
        self.change_policy(approvals, leads, by, reason)
    }

    fn news_since(&self, seq: i64) -> Result<Vec<Entry>, LedgerError> {
        self.entries(None, seq, Some(super::super::engine::NEWS_PAGE))
    }

    fn verify(&self) -> Result<Verified, LedgerError> {
        Ok(check(self.found().map_err(error)?))
    }

    fn judge(&self, articles: &[Article], library: &[Article]) -> Result<Vec<Judged>, LedgerError> {
        self.judge_known(articles, library, None)
    }

    fn judge_known(
        &self,
        articles: &[Article],
        library: &[Article],
        hashed: Option<&[String]>,
    ) -> Result<Vec<Judged>, LedgerError> {
        let hashed = hashed.filter(|h| h.len() == library.len());
        // The articles' texts hashed on other threads while the database answers.
        {
            let (versions, read) =
                super::super::read::versions_while(articles, || self.judging(articles, library, hashed));
            let (latest, mut followed, gone, lifts, policy) = read?;
            if !gone.is_empty() {
                // A slug gone from the library: its kept text may be an article's text now.
                let whole;
                let library_versions = match hashed {
                    Some(h) => h,
                    None if articles.len() == library.len() => versions.as_slice(),
                    None => {
                        whole = super::super::versions(library);
                        whole.as_slice()
                    }
                };
                super::history::found_under(&mut followed, &gone, library, library_versions);
            }
            Ok(judge_each(articles, versions, latest, &followed, &lifts, &policy))
        }
    }

    fn rename(&mut self, old: &str, new: &str, by: &str, reason: &str) -> Result<(), LedgerError> {
        self.add_rename(old, new, by, reason)
    }

    fn follow(
        &self,
        library: &[Article],
        versions: Option<&[String]>,
    ) -> Result<HashMap<String, Followed>, LedgerError> {
        self.followed(library, versions)
    }

    fn comments_starting(&self, id: &str) -> Result<Vec<Comment>, LedgerError> {
        let sql = format!("{COMMENT_COLUMNS} WHERE NOT deleted AND left(id, length($1)) = $1 LIMIT 10");
        let rows = self.client().query(&sql, &[&id]).map_err(error)?;
        Ok(rows.iter().map(comment).collect())
    }

    fn replies(&self) -> Result<Vec<(String, String)>, LedgerError> {
        let rows = self.client().query("SELECT id, parent FROM replies ORDER BY n", &[]).map_err(error)?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn reply(&mut self, parent: &str, comment: Comment) -> Result<(), LedgerError> {
        self.add_reply(parent, comment)
    }

    fn record_together(&mut self, writes: &[Write]) -> Result<Vec<Outcome>, LedgerError> {
        self.write_batch(writes)
    }

    fn dump(&self) -> Result<Found, LedgerError> {
        self.found().map_err(error)
    }

    fn load(&mut self, all: &Found) -> Result<(), LedgerError> {
        self.fill(all)
    }

    fn heads(&self) -> Result<HashMap<String, Head>, LedgerError> {
        let needed = self.policy()?.approvals;
        // As `latest_sql`, only what a mark needs.
        let rows = self
            .client()
            .query(
                "SELECT DISTINCT ON (d.slug, d.reviewer) d.id, d.uid IN (SELECT uid FROM lifts),
                     d.slug, d.verdict, d.version, d.reviewer
                 FROM decisions d ORDER BY d.slug DESC, d.reviewer DESC, d.id DESC",
                &[],
            )
            .map_err(error)?;
        let rows = in_order(rows);
        let decided = rows.iter().map(|r| (r.get(2), Verdict::parse(r.get(3)), r.get(4), r.get(5), r.get(1)));
        Ok(super::super::read::heads_of(decided, needed))
    }

    fn last_seq(&self) -> Result<i64, LedgerError> {
        let row =
            self.client().query_one("SELECT coalesce(max(seq), 0)::bigint FROM audit", &[]).map_err(error)?;
        Ok(row.get(0))
    }

    fn take_message(&mut self) -> Option<String> {
        self.message.take()
    }

    fn lost(&self) -> bool {
        // Asked after an error only: the server ending the connection is first said as its
        // own error, the connection found closed only by the next round trip.
        let mut client = self.client();
        client.is_closed() || client.is_valid(std::time::Duration::from_secs(2)).is_err()
    }

    fn holds_head(&self, head: &str) -> Result<bool, LedgerError> {
        let head = head.trim().to_ascii_lowercase();
        if head.len() < 12 || !head.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        let found: i64 = self
            .client()
            .query_one("SELECT count(*) FROM audit WHERE left(hash, length($1)) = $1", &[&head])
            .map_err(error)?
            .get(0);
        Ok(found == 1)
    }
}
