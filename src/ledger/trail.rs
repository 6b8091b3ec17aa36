//! The trail: every decision, comment, change to a comment, policy change and lift of a
//! request is one row of the append-only audit log, and each row's hash chains the row
//! before it. A row carries the state it left (the decision, the comment as it now stands,
//! the policy's value) with the hash of the article text kept for a decision, so the tables
//! can be checked against the log, and the log against itself.
//!
//! The hash input is a canonical byte encoding of the row's fields ([`encode`]), defined here
//! and nowhere else, with nothing of SQLite in it: another store can carry the same rows and
//! the same hashes.

use super::verify::{Found, Verified};
use super::{Comment, Decision};
use rusqlite::{OptionalExtension, params};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// One row of the trail, as hashed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// Its place: the row before it has `seq - 1`; the first is 1.
    pub seq: i64,
    /// When (RFC 3339).
    pub at: String,
    /// The account that acted.
    pub actor: String,
    /// What was done: approved, changes-requested, comment, edit, delete, resolve, reopen,
    /// import, policy, withdraw, override, chain.
    pub action: String,
    /// The article (empty for a policy change).
    pub slug: String,
    /// The article's version it was done on (may be empty).
    pub version: String,
    /// The comment, decision or policy key it concerns.
    pub target: String,
    /// The text: a decision's reason, a comment's text, a policy's value.
    pub detail: String,
    /// The state the row left, as JSON: `{"table": …, "key": …, "row": {…}}` (empty for a
    /// row written before the trail was chained).
    pub state: String,
}

/// The tag that opens every row's hash input: the encoding's name and version.
const TAG: &[u8] = b"artikel-trail-v1";

/// The canonical bytes a row's hash is taken of: the tag, then the previous row's hash and
/// each field in a fixed order, each as its length (8 bytes, big-endian) and its UTF-8 bytes;
/// `seq` as its decimal digits.
pub fn encode(prev: &str, row: &Row) -> Vec<u8> {
    let seq = row.seq.to_string();
    let fields: [&str; 10] = [
        prev,
        &seq,
        &row.at,
        &row.actor,
        &row.action,
        &row.slug,
        &row.version,
        &row.target,
        &row.detail,
        &row.state,
    ];
    let mut out = Vec::with_capacity(TAG.len() + fields.iter().map(|f| f.len() + 8).sum::<usize>());
    out.extend_from_slice(TAG);
    for field in fields {
        out.extend_from_slice(&(field.len() as u64).to_be_bytes());
        out.extend_from_slice(field.as_bytes());
    }
    out
}

/// The row's hash (SHA-256 of [`encode`], in lowercase hex), chaining `prev`.
pub fn hash(prev: &str, row: &Row) -> String {
    hex(&Sha256::digest(encode(prev, row)))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Appends `row` (its `seq` is given here) after the last row, in the caller's transaction.
pub(super) fn append(conn: &rusqlite::Connection, mut row: Row) -> rusqlite::Result<()> {
    let (seq, prev): (i64, String) = conn
        .query_row("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .unwrap_or((0, String::new()));
    row.seq = seq + 1;
    let hash = hash(&prev, &row);
    conn.execute(
        "INSERT INTO audit(seq, at, actor, action, slug, version, target, detail, state, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            row.seq,
            row.at,
            row.actor,
            row.action,
            row.slug,
            row.version,
            row.target,
            row.detail,
            row.state,
            hash
        ],
    )?;
    Ok(())
}

/// The state a row leaves in table `table` under `key`.
fn state(table: &str, key: &str, row: Value) -> String {
    json!({"table": table, "key": key, "row": row}).to_string()
}

pub(super) fn decision_row(d: &Decision) -> Value {
    json!({"slug": d.slug, "version": d.version, "reviewer": d.reviewer, "verdict": d.verdict.label(),
        "comment": d.comment, "at": d.at, "text": d.version})
}

/// The state a decision leaves: the decision, and the hash of the text kept for it (its
/// version: the version is the hash of the normalised text).
pub(super) fn decision_state(uid: &str, d: &Decision) -> String {
    state("decisions", uid, decision_row(d))
}

pub(super) fn comment_row(c: &Comment, deleted: bool) -> Value {
    json!({"slug": c.slug, "heading": c.heading, "position": c.position, "section": c.section,
        "version": c.version, "author": c.author, "text": c.text, "resolved": c.resolved,
        "deleted": deleted, "created": c.created, "updated": c.updated, "revision": c.revision})
}

/// The state a change to a comment leaves: the comment as it now stands.
pub(super) fn comment_state(c: &Comment, deleted: bool) -> String {
    state("comments", &c.id, comment_row(c, deleted))
}

/// The state a policy change leaves.
pub(super) fn policy_state(key: &str, value: &str) -> String {
    state("policy", key, json!({"value": value}))
}

/// A lifted request for changes, as the `lifts` table holds it: its uid is the uid of the
/// decision it lifts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lift {
    /// Unique.
    pub uid: String,
    /// The article.
    pub slug: String,
    /// The version the request was on.
    pub version: String,
    /// Who had asked for changes.
    pub reviewer: String,
    /// Who lifted it: the reviewer (withdrawn) or a lead (overridden).
    pub by: String,
    /// Why.
    pub reason: String,
    /// When.
    pub at: String,
}

pub(super) fn lift_row(l: &Lift) -> Value {
    json!({"slug": l.slug, "version": l.version, "reviewer": l.reviewer, "by": l.by, "reason": l.reason, "at": l.at})
}

pub(super) fn rename_row(new: &str, by: &str, reason: &str, at: &str) -> Value {
    json!({"new": new, "by": by, "reason": reason, "at": at})
}

/// The state a rename leaves: `old`'s history is `new`'s.
pub(super) fn rename_state(old: &str, new: &str, by: &str, reason: &str, at: &str) -> String {
    state("renames", old, rename_row(new, by, reason, at))
}

/// The state a reply leaves: comment `id` answers `parent`.
pub(super) fn reply_state(id: &str, parent: &str) -> String {
    state("replies", id, json!({"parent": parent}))
}

/// The state a lift leaves.
pub(super) fn lift_state(l: &Lift) -> String {
    state("lifts", &l.uid, lift_row(l))
}

/// The guards that keep the tables append-only where they should be: restored whenever a
/// writable ledger opens.
pub(super) const GUARDS: &[(&str, &str)] = &[
    (
        "audit_no_update",
        "BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ),
    (
        "audit_no_delete",
        "BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ),
    (
        "decisions_no_update",
        "BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END",
    ),
    (
        "decisions_no_delete",
        "BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END",
    ),
    (
        "versions_no_update",
        "BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'kept texts are append-only'); END",
    ),
    (
        "versions_no_delete",
        "BEFORE DELETE ON versions BEGIN SELECT RAISE(ABORT, 'kept texts are append-only'); END",
    ),
    (
        "comments_no_delete",
        "BEFORE DELETE ON comments BEGIN SELECT RAISE(ABORT, 'comments are marked deleted, never removed'); END",
    ),
    (
        "renames_no_update",
        "BEFORE UPDATE ON renames BEGIN SELECT RAISE(ABORT, 'renames are append-only'); END",
    ),
    (
        "renames_no_delete",
        "BEFORE DELETE ON renames BEGIN SELECT RAISE(ABORT, 'renames are append-only'); END",
    ),
    (
        "replies_no_update",
        "BEFORE UPDATE ON replies BEGIN SELECT RAISE(ABORT, 'replies are append-only'); END",
    ),
    (
        "replies_no_delete",
        "BEFORE DELETE ON replies BEGIN SELECT RAISE(ABORT, 'replies are append-only'); END",
    ),
    ("lifts_no_update", "BEFORE UPDATE ON lifts BEGIN SELECT RAISE(ABORT, 'lifts are append-only'); END"),
    ("lifts_no_delete", "BEFORE DELETE ON lifts BEGIN SELECT RAISE(ABORT, 'lifts are append-only'); END"),
];

/// Creates the guards that are missing; returns how many were.
pub(super) fn restore_guards(conn: &rusqlite::Connection) -> rusqlite::Result<usize> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table')")?;
    let present: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut restored = 0;
    for (name, body) in GUARDS {
        // The guard's table: the word after ON (a table a later migration makes: not yet).
        let table = body.split(" ON ").nth(1).and_then(|t| t.split(' ').next()).unwrap_or("");
        if !present.iter().any(|p| p == name) && present.iter().any(|p| p == table) {
            conn.execute_batch(&format!("CREATE TRIGGER IF NOT EXISTS {name} {body}"))?;
            restored += 1;
        }
    }
    Ok(restored)
}

/// Chains the rows written before the trail was (they carry no state), then records the
/// state of every decision and comment the ledger holds, one `chain` row each, so that from
/// here on the tables are checked against the trail. In the caller's transaction; returns
/// how many rows were chained.
pub(super) fn chain_earlier(conn: &rusqlite::Connection) -> rusqlite::Result<usize> {
    let rows = read_rows(conn, "WHERE hash = ''")?;
    if rows.is_empty() {
        return Ok(0);
    }
    conn.execute_batch("DROP TRIGGER IF EXISTS audit_no_update")?;
    let mut prev = String::new();
    for row in &rows {
        let h = hash(&prev, row);
        conn.execute("UPDATE audit SET hash = ?2 WHERE seq = ?1", params![row.seq, h])?;
        prev = h;
    }
    let now = crate::store::now();
    let chain = |target: &str, slug: &str, version: &str, state: String| {
        append(
            conn,
            Row {
                at: now.clone(),
                actor: String::new(),
                action: "chain".into(),
                slug: slug.into(),
                version: version.into(),
                target: target.into(),
                state,
                ..Row::default()
            },
        )
    };
    for (uid, d) in decisions(conn)? {
        chain(&uid, &d.slug, &d.version, decision_state(&uid, &d))?;
    }
    for (c, deleted) in comments(conn)? {
        chain(&c.id, &c.slug, &c.version, comment_state(&c, deleted))?;
    }
    let count = rows.len();
    restore_guards(conn)?;
    Ok(count)
}

const ROW_COLUMNS: &str =
    "SELECT seq, at, actor, action, slug, version, target, detail, state, hash FROM audit";

/// A row of the trail as read, and its stored hash.
fn trail_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Row, String)> {
    Ok((
        Row {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            slug: r.get(4)?,
            version: r.get(5)?,
            target: r.get(6)?,
            detail: r.get(7)?,
            state: r.get(8)?,
        },
        r.get(9)?,
    ))
}

fn read_rows(conn: &rusqlite::Connection, filter: &str) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare(&format!("{ROW_COLUMNS} {filter} ORDER BY seq"))?;
    let rows = stmt.query_map([], |r| Ok(trail_row(r)?.0))?;
    rows.collect()
}

fn decisions(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<(String, Decision)>> {
    let mut stmt =
        conn.prepare("SELECT uid, slug, version, reviewer, verdict, comment, at FROM decisions ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        let verdict: String = r.get(4)?;
        Ok((
            r.get(0)?,
            Decision {
                slug: r.get(1)?,
                version: r.get(2)?,
                reviewer: r.get(3)?,
                verdict: super::Verdict::parse(&verdict),
                comment: r.get(5)?,
                at: r.get(6)?,
            },
        ))
    })?;
    rows.collect()
}

fn comments(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<(Comment, bool)>> {
    let mut stmt = conn.prepare(
        "SELECT id, slug, heading, position, section, version, author, text, resolved, created, updated,
             revision, deleted FROM comments ORDER BY created, id",
    )?;
    let rows = stmt.query_map([], |r| Ok((super::read::comment(r)?, r.get::<_, bool>(12)?)))?;
    rows.collect()
}

/// The columns [`lift_from`] reads.
pub(super) const LIFT_COLUMNS: &str = "SELECT uid, slug, version, reviewer, by, reason, at FROM lifts";

/// A lift as read with [`LIFT_COLUMNS`].
pub(super) fn lift_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<Lift> {
    Ok(Lift {
        uid: r.get(0)?,
        slug: r.get(1)?,
        version: r.get(2)?,
        reviewer: r.get(3)?,
        by: r.get(4)?,
        reason: r.get(5)?,
        at: r.get(6)?,
    })
}

fn lifts(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Lift>> {
    let mut stmt = conn.prepare(LIFT_COLUMNS)?;
    let rows = stmt.query_map([], lift_from)?;
    rows.collect()
}

impl super::Ledger {
    /// Checks the trail: every row's hash, every table against the state the trail left,
    /// every kept text against its version.
    pub fn verify(&self) -> Result<Verified, super::LedgerError> {
        Ok(super::verify::check(found(&self.conn)?))
    }

    /// Everything the ledger holds (see [`super::Engine::dump`]).
    pub(super) fn everything(&self) -> Result<Found, super::LedgerError> {
        Ok(found(&self.conn)?)
    }
}

/// What the SQLite ledger holds that `review verify` checks.
fn found(conn: &rusqlite::Connection) -> rusqlite::Result<Found> {
    let all = |sql: &str| -> rusqlite::Result<Vec<Vec<String>>> {
        let mut stmt = conn.prepare(sql)?;
        let n = stmt.column_count();
        let rows = stmt.query_map([], |r| (0..n).map(|i| r.get(i)).collect())?;
        rows.collect()
    };
    let mut stmt = conn.prepare(&format!("{ROW_COLUMNS} ORDER BY seq"))?;
    let rows = stmt.query_map([], trail_row)?.collect::<Result<_, _>>()?;
    let pair = |mut v: Vec<String>| (v.swap_remove(0), v.pop().unwrap_or_default());
    Ok(Found {
        rows,
        decisions: decisions(conn)?,
        comments: comments(conn)?,
        policy: all("SELECT key, value FROM policy")?.into_iter().map(pair).collect(),
        lifts: lifts(conn)?,
        renames: all("SELECT old, new, by, reason, at FROM renames")?
            .into_iter()
            .map(|v| match <[String; 5]>::try_from(v) {
                Ok([old, new, by, reason, at]) => (old, new, by, reason, at),
                Err(_) => Default::default(),
            })
            .collect(),
        replies: all("SELECT id, parent FROM replies")?.into_iter().map(pair).collect(),
        texts: all("SELECT slug, version, text FROM versions")?
            .into_iter()
            .map(|v| match <[String; 3]>::try_from(v) {
                Ok([slug, version, text]) => (slug, version, text),
                Err(_) => Default::default(),
            })
            .collect(),
    })
}

impl super::Ledger {
    /// Whether `head` (a whole hash, or its first 12 digits or more) is the hash of a row of
    /// the trail: a head copied earlier is still there unless rows were cut or rewritten.
    pub fn holds_head(&self, head: &str) -> Result<bool, super::LedgerError> {
        let head = head.trim().to_ascii_lowercase();
        if head.len() < 12 || !head.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        let found: i64 = self.conn.query_row(
            "SELECT count(*) FROM audit WHERE substr(hash, 1, length(?1)) = ?1",
            [&head],
            |r| r.get(0),
        )?;
        Ok(found == 1)
    }
}
