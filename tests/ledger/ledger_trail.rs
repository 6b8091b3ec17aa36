//! The trail proves itself: `review verify` checks the chain of hashes, every table against
//! the rows that made it and every kept text against its version, and names the first row
//! that does not hold; a head hash copied earlier catches a tail cut off.

use crate::support;
use crate::team;

use team::{Team, out};

/// A week of reviewing, and what someone with write access to the file could do to it.
trait Week {
    fn week(&self) -> String;
    fn tamper(&self, sql: &str);
    fn verify(&self, extra: &[&str]) -> (bool, String);
}

impl Week for Team {
    /// A week of reviewing: decisions, a comment added and resolved, another added.
    fn week(&self) -> String {
        out(&self.run(&["review", "approve", "knaesmerter", "-m", "fint"]));
        out(&self.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "dosis"]));
        let added = out(&self.run(&["notes", "add", "knaesmerter", "-m", "Nævn hævelse"]));
        let id = added.trim().trim_start_matches("Comment added (#").trim_end_matches(')').to_string();
        out(&self.as_user("bo", &["notes", "resolve", &id]));
        out(&self.run(&["notes", "add", "knaesmerter", "-m", "Kilde?"]));
        id
    }

    /// Runs `sql` on the ledger as someone with write access to the file would, guards
    /// dropped first.
    fn tamper(&self, sql: &str) {
        let conn = rusqlite::Connection::open(self.ledger()).expect("open");
        for t in [
            "audit_no_update",
            "audit_no_delete",
            "decisions_no_update",
            "decisions_no_delete",
            "versions_no_update",
            "versions_no_delete",
            "comments_no_delete",
        ] {
            conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {t}")).expect("drop");
        }
        conn.execute_batch(sql).expect(sql);
    }

    fn verify(&self, extra: &[&str]) -> (bool, String) {
        let mut args = vec!["review", "verify"];
        args.extend_from_slice(extra);
        let o = self.run(&args);
        let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        (o.status.success(), text)
    }
}

fn head(text: &str) -> String {
    text.lines().find_map(|l| l.strip_prefix("Head: ")).expect("head").to_string()
}

#[test]
fn an_untouched_ledger_verifies_and_names_its_head() {
    let team = Team::new();
    team.week();
    let (ok, text) = team.verify(&[]);
    assert!(ok, "{text}");
    assert!(text.starts_with("The trail holds: 5 rows"), "{text}");
    let head = head(&text);
    assert_eq!(head.len(), 64);
    let (ok, text) = team.verify(&["--head", &head]);
    assert!(ok, "the head is the last row: {text}");
}

/// Each edit a `sqlite3` user could make, and the row `review verify` names for it.
#[test]
fn every_edit_of_every_table_is_caught_and_the_first_row_named() {
    let cases: &[(&str, &str)] = &[
        // A decision's reason rewritten: the row that recorded it no longer holds.
        ("UPDATE decisions SET comment = 'ok' WHERE reviewer = 'bo'", "at row 2 "),
        ("UPDATE decisions SET verdict = 'approved' WHERE reviewer = 'bo'", "at row 2 "),
        ("DELETE FROM decisions WHERE reviewer = 'bo'", "the decisions row"),
        (
            "INSERT INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
             SELECT 'forged', slug, version, 'cecilie', 'approved', '', at FROM decisions LIMIT 1",
            "no row of the trail made it",
        ),
        // The comment as its last change (the resolve) left it.
        ("UPDATE comments SET text = 'Nævn ikke hævelse' WHERE text = 'Nævn hævelse'", "at row 4 "),
        ("UPDATE comments SET resolved = 0", "at row 4 "),
        ("DELETE FROM comments WHERE text = 'Kilde?'", "at row 5 "),
        ("UPDATE versions SET text = text || 'Tag 4 g paracetamol.'", "does not match its version"),
        ("DELETE FROM versions", "is gone"),
        // The trail itself: a row changed, a row removed, a hash recomputed by hand.
        ("UPDATE audit SET actor = 'cecilie' WHERE seq = 2", "at row 2 ("),
    ];
    for (sql, named) in cases {
        let team = Team::new();
        team.week();
        team.tamper(sql);
        let (ok, text) = team.verify(&[]);
        assert!(!ok, "{sql}: {text}");
        assert!(text.contains("The trail does not hold"), "{sql}: {text}");
        assert!(text.contains(named), "{sql}: expected {named:?} in {text}");
    }
}

#[test]
fn a_row_removed_from_the_middle_or_changed_is_named() {
    let team = Team::new();
    team.week();
    team.tamper("DELETE FROM audit WHERE seq = 3");
    let (ok, text) = team.verify(&[]);
    assert!(!ok);
    assert!(text.contains("at row 4 ") && text.contains("row 3 before it is gone"), "{text}");
    let team = Team::new();
    team.week();
    team.tamper("UPDATE audit SET detail = 'fint nok' WHERE seq = 1");
    let (ok, text) = team.verify(&[]);
    assert!(!ok);
    assert!(text.contains("at row 1 (") && text.contains("its hash is not that of its fields"), "{text}");
}

#[test]
fn a_cut_tail_is_caught_by_a_head_copied_before() {
    let team = Team::new();
    team.week();
    let copied = head(&team.verify(&[]).1);
    // The last two rows cut off: the chain that is left holds by itself…
    team.tamper(
        "DELETE FROM audit WHERE seq > 3; DELETE FROM comments WHERE text = 'Kilde?';
                 UPDATE comments SET resolved = 0, revision = 1, updated = created",
    );
    let (ok, text) = team.verify(&[]);
    assert!(ok, "{text}");
    // …but not against the head copied before.
    let (ok, text) = team.verify(&["--head", &copied]);
    assert!(!ok, "{text}");
    assert!(text.contains("is not in the trail"), "{text}");
    // A head copied when the trail was shorter is still in it: fine (12 digits are enough).
    let conn = rusqlite::Connection::open(team.ledger()).expect("open");
    let earlier: String =
        conn.query_row("SELECT hash FROM audit WHERE seq = 2", [], |r| r.get(0)).expect("row");
    let (ok, text) = team.verify(&["--head", &earlier[..12]]);
    assert!(ok, "{text}");
}

#[test]
fn guards_dropped_are_restored_when_the_ledger_opens() {
    let team = Team::new();
    team.week();
    team.tamper("SELECT 1");
    let o = team.run(&["review", "status", "knaesmerter"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("guards against changing its records were missing"));
    let conn = rusqlite::Connection::open(team.ledger()).expect("open");
    let refused = conn.execute("UPDATE decisions SET comment = 'ok'", []);
    assert!(refused.is_err(), "the guard is back");
    let refused = conn.execute("DELETE FROM comments", []);
    assert!(refused.is_err(), "the guard is back");
    assert!(team.run(&["review", "status"]).stderr.is_empty(), "said once");
}

#[test]
fn a_ledger_from_before_the_trail_is_chained_once_and_then_checked() {
    let team = Team::new();
    // A ledger as the schema before the trail made it, with a decision and a comment.
    let conn = rusqlite::Connection::open(team.ledger()).expect("open");
    conn.execute_batch(
        "CREATE TABLE versions(slug TEXT NOT NULL, version TEXT NOT NULL, text TEXT NOT NULL,
             first_seen TEXT NOT NULL, PRIMARY KEY(slug, version)) WITHOUT ROWID;
         CREATE TABLE decisions(id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, slug TEXT NOT NULL,
             version TEXT NOT NULL, reviewer TEXT NOT NULL,
             verdict TEXT NOT NULL CHECK(verdict IN ('approved', 'changes-requested')),
             comment TEXT NOT NULL, at TEXT NOT NULL);
         CREATE INDEX decisions_by_reviewer ON decisions(slug, reviewer, id);
         CREATE TABLE comments(id TEXT PRIMARY KEY, slug TEXT NOT NULL, heading TEXT NOT NULL,
             position INTEGER NOT NULL, section TEXT NOT NULL, version TEXT NOT NULL,
             author TEXT NOT NULL, text TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0,
             deleted INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, updated TEXT NOT NULL,
             revision INTEGER NOT NULL DEFAULT 1);
         CREATE INDEX comments_by_slug ON comments(slug);
         CREATE TABLE audit(seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
             actor TEXT NOT NULL, action TEXT NOT NULL, slug TEXT NOT NULL, version TEXT NOT NULL,
             target TEXT NOT NULL, detail TEXT NOT NULL);
         CREATE INDEX audit_by_slug ON audit(slug, seq);
         CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
             BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
         CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
             BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
         CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
         INSERT INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
             VALUES ('u1', 'knaesmerter', '', 'anne', 'approved', 'fint', '2026-11-01T08:00:00Z');
         INSERT INTO audit(at, actor, action, slug, version, target, detail)
             VALUES ('2026-11-01T08:00:00Z', 'anne', 'approved', 'knaesmerter', '', '', 'fint');
         INSERT INTO comments(id, slug, heading, position, section, version, author, text, created, updated)
             VALUES ('c1', 'knaesmerter', '', 0, '', '', 'bo', 'Se her', '2026-11-02T08:00:00Z', '2026-11-02T08:00:00Z');
         INSERT INTO audit(at, actor, action, slug, version, target, detail)
             VALUES ('2026-11-02T08:00:00Z', 'bo', 'comment', 'knaesmerter', '', 'c1', 'Se her');
         PRAGMA user_version = 1;",
    )
    .expect("old ledger");
    drop(conn);
    let first = team.run(&["review", "log"]);
    let said = String::from_utf8_lossy(&first.stderr).to_string();
    assert!(said.contains("2 earlier audit rows are now chained"), "{said}");
    assert_eq!(out(&first).lines().count(), 2, "the log shows what people did, not the chaining");
    assert!(team.run(&["review", "log"]).stderr.is_empty(), "said once");
    let (ok, text) = team.verify(&[]);
    assert!(ok, "{text}");
    // The earlier rows are checked from now on.
    team.tamper("UPDATE comments SET text = 'Se ikke her'");
    let (ok, text) = team.verify(&[]);
    assert!(!ok && text.contains("the comments row c1 differs"), "{text}");
}

#[test]
fn the_servers_ledger_shows_its_log_diff_and_trail_over_ssh() {
    let server = support::Server::start_seeded(&[], |data| {
        for (user, args) in [
            ("anne", &["review", "approve", "knaesmerter"][..]),
            ("bo", &["review", "request-changes", "knaesmerter", "-m", "dosis"][..]),
        ] {
            let o = std::process::Command::new(env!("CARGO_BIN_EXE_artikel"))
                .arg("--data-dir")
                .arg(data)
                .args(args)
                .env("ARTIKEL_USER", user)
                .env("ARTIKEL_ACCOUNT", user)
                .env("ARTIKEL_LANG", "en")
                .env_remove("ARTIKEL_LEDGER")
                .output()
                .expect("run");
            out(&o);
        }
    });
    for (args, said) in [
        (&["review", "log", "knaesmerter"][..], " bo changes-requested knaesmerter "),
        (&["review", "diff", "knaesmerter"][..], "No changes."),
        (&["review", "verify"][..], "The trail holds: 2 rows"),
    ] {
        let mut line = vec!["anna@127.0.0.1"];
        line.extend_from_slice(args);
        let o = server.run("anna", &line);
        let text = support::text(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", support::text(&o.stderr));
        assert!(text.contains(said), "{args:?}: {text}");
    }
    let o = server.run("anna", &["anna@127.0.0.1", "review", "approve", "knaesmerter"]);
    assert_eq!(o.status.code(), Some(126), "a decision is the reader's, not a command's");
}
