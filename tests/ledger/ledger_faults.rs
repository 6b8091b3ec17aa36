//! The review ledger under load and faults: eight processes writing at once, processes killed
//! mid-write, a read-only file, a full disk, a lock held past the busy timeout.
//!
//! The writers are this test binary run again (`child_writer`, ignored in a plain run), told
//! what to do through the environment, so they are real processes with their own connections.

use artikel::ledger::{Comment, Ledger, LedgerError, Options, Verdict, Write, new_id, normalise};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const TEXT: &str = "---\nmetaTitle: Knæ\n---\nIntro.\n\n## Hjælp?\n\nHvil.\n";

/// Not a test of its own: the writer process the other tests start (so it is ignored, and
/// they run it with `--ignored`). It writes `N` times (decisions and comments in turn, or
/// forever when `N` is 0) and prints `ok ID` after each write the ledger reported saved.
#[test]
#[ignore = "the writer process the other tests start, not a test"]
fn child_writer() {
    let db = std::env::var_os("LEDGER_CHILD_DB").expect("run by a test that sets LEDGER_CHILD_DB");
    let n: usize = std::env::var("LEDGER_CHILD_N").ok().and_then(|n| n.parse().ok()).unwrap_or(0);
    let who = std::env::var("LEDGER_CHILD_WHO").unwrap_or_default();
    let mut ledger = Ledger::open(&Options { busy_timeout: Duration::from_secs(30), ..Options::new(db) });
    assert!(!ledger.read_only(), "{:?}", ledger.message);
    let mut i = 0;
    while n == 0 || i < n {
        let (write, id) = if i % 2 == 0 {
            // Each decision on its own text, so the kept versions grow as well.
            let text = normalise(&format!("{TEXT}\n{who} {i}\n"));
            let w = Write::decide("knae", text, &who, Verdict::Approved, &format!("{who} {i}"));
            let Write::Decide { uid, .. } = &w else { unreachable!() };
            let uid = uid.clone();
            (w, uid)
        } else {
            let c = comment(&who, &format!("{who} {i}"));
            let id = c.id.clone();
            (Write::Comment(c), id)
        };
        ledger.submit(write).expect("saved");
        println!("ok {id}");
        i += 1;
    }
}

fn comment(author: &str, text: &str) -> Comment {
    Comment {
        id: new_id(),
        slug: "knae".into(),
        heading: "Hjælp?".into(),
        position: 0,
        section: String::new(),
        version: String::new(),
        author: author.into(),
        text: text.into(),
        resolved: false,
        created: "2026-11-30T08:00:00Z".into(),
        updated: "2026-11-30T08:00:00Z".into(),
        revision: 1,
    }
}

fn writer(db: &Path, who: &str, n: usize) -> std::process::Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "ledger_faults::child_writer",
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
            "-q",
        ])
        .env("LEDGER_CHILD_DB", db)
        .env("LEDGER_CHILD_N", n.to_string())
        .env("LEDGER_CHILD_WHO", who)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer")
}

fn reported(child: std::process::Child) -> Vec<String> {
    let out = child.wait_with_output().expect("writer output");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("ok ").map(str::to_string))
        .collect()
}

/// Every id in the ledger: decisions' and comments'.
fn ids(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt =
        conn.prepare("SELECT uid FROM decisions UNION ALL SELECT id FROM comments").expect("query");
    stmt.query_map([], |r| r.get(0)).expect("rows").collect::<Result<_, _>>().expect("ids")
}

#[test]
fn eight_processes_writing_at_once_lose_and_duplicate_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("review.db");
    // All eight open a ledger that does not exist yet: creating and migrating race too.
    let children: Vec<_> = (0..8).map(|k| writer(&db, &format!("r{k}"), 300)).collect();
    let mut sent = Vec::new();
    for child in children {
        let ids = reported(child);
        assert_eq!(ids.len(), 300, "every write of a writer reported saved");
        sent.extend(ids);
    }
    let mut stored = ids(&db);
    assert_eq!(stored.len(), 2_400);
    stored.sort();
    stored.dedup();
    assert_eq!(stored.len(), 2_400, "none duplicated");
    sent.sort();
    assert_eq!(stored, sent, "exactly what was reported");
    let ledger = Ledger::open(&Options::new(&db));
    assert_eq!(ledger.counts().expect("counts"), (1_200, 1_200, 2_400), "one audit line each");
    assert_eq!(ledger.integrity().expect("check"), "ok");
}

#[test]
fn killed_writers_leave_a_whole_ledger_with_every_reported_write() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("review.db");
    drop(Ledger::open(&Options::new(&db)));
    // The moments of the kills are random; the seed is printed, and LEDGER_KILL_SEED replays it.
    let seed = std::env::var("LEDGER_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    }) | 1;
    eprintln!("killed writers: seed {seed} (LEDGER_KILL_SEED={seed} replays it)");
    let mut state = seed;
    let mut random = move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    };
    let mut all = Vec::new();
    for round in 0..200 {
        let mut child = writer(&db, &format!("k{round}"), 0);
        let mut lines = BufReader::new(child.stdout.take().expect("stdout"));
        // Wait for the first write (the child is past its start), then kill it at a random
        // moment among its writes.
        let mut first = String::new();
        while !first.starts_with("ok ") {
            first.clear();
            assert!(lines.read_line(&mut first).expect("first write") > 0, "the writer wrote nothing");
        }
        std::thread::sleep(Duration::from_micros(random(20_000)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut lines, &mut rest).expect("rest");
        let reported: Vec<String> = format!("{first}{rest}")
            .lines()
            .filter_map(|l| l.strip_prefix("ok ").map(str::to_string))
            .collect();
        assert!(!reported.is_empty());
        all.extend(reported);
        let check = rusqlite::Connection::open(&db).expect("open");
        let ok: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
        assert_eq!(ok, "ok", "after kill {round} (seed {seed})");
    }
    let stored: std::collections::HashSet<String> = ids(&db).into_iter().collect();
    let lost: Vec<&String> = all.iter().filter(|id| !stored.contains(*id)).collect();
    assert!(lost.is_empty(), "{} reported writes missing, e.g. {:?} (seed {seed})", lost.len(), lost.first());
}

#[test]
fn a_lock_held_past_the_busy_timeout_keeps_the_write_queued() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("review.db");
    let options = Options { busy_timeout: Duration::from_millis(100), ..Options::new(&db) };
    let mut ledger = Ledger::open(&options);
    let other = rusqlite::Connection::open(&db).expect("open");
    other.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let write = Write::decide("knae", normalise(TEXT), "anne", Verdict::Approved, "");
    let err = ledger.submit(write).expect_err("locked");
    assert_eq!(err, LedgerError::Busy);
    assert!(err.to_string().contains("another session is writing"), "{err}");
    assert_eq!(ledger.pending().len(), 1, "kept in memory");
    assert!(ledger.latest(Some("knae")).expect("still readable").is_empty(), "not reported, not there");
    other.execute_batch("COMMIT").expect("unlock");
    ledger.flush().expect("saved now");
    assert!(ledger.pending().is_empty());
    assert_eq!(ledger.counts().expect("counts").0, 1);
}

#[test]
fn a_full_disk_refuses_the_write_and_keeps_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ledger = Ledger::open(&Options::new(dir.path().join("review.db")));
    ledger.simulate_full_disk().expect("limit");
    let big = normalise(&format!("{TEXT}{}", "ord ".repeat(50_000)));
    let err = ledger.submit(Write::decide("knae", big, "anne", Verdict::Approved, "")).expect_err("full");
    assert_eq!(err, LedgerError::Full);
    assert!(err.to_string().contains("disk is full"), "{err}");
    assert_eq!(ledger.pending().len(), 1);
    assert_eq!(ledger.counts().expect("counts"), (0, 0, 0), "nothing half-written");
    ledger.end_full_disk().expect("space again");
    assert_eq!(ledger.flush().expect("saved").len(), 1);
    assert_eq!(ledger.counts().expect("counts"), (1, 0, 1));
    assert_eq!(ledger.integrity().expect("check"), "ok");
}

#[test]
fn two_sessions_see_each_others_changes_on_their_next_read() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("review.db");
    let mut anne = Ledger::open(&Options::new(&db));
    let bo = Ledger::open(&Options::new(&db));
    assert!(bo.comments(Some("knae"), false).expect("read").is_empty());
    anne.submit(Write::Comment(comment("anne", "se her"))).expect("saved");
    assert_eq!(bo.comments(Some("knae"), false).expect("read").len(), 1);
}

#[test]
fn a_ledger_this_user_cannot_write_is_read_only_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path();
    let artikel = |args: &[&str], as_nobody: bool| {
        let mut cmd = if as_nobody {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_artikel")]);
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_artikel"))
        };
        cmd.env("ARTIKEL_LANG", "en")
            .args(["--data-dir", data.to_str().expect("path")])
            .args(args)
            .output()
            .expect("run")
    };
    assert!(artikel(&["review", "approve", "knaesmerter"], false).status.success());
    // Root writes any file, so the other user is `nobody` when these tests run as root.
    let root = unsafe { libc::geteuid() } == 0;
    use std::os::unix::fs::PermissionsExt;
    let mode = if root { 0o644 } else { 0o444 };
    std::fs::set_permissions(data.join("review.db"), std::fs::Permissions::from_mode(mode)).expect("chmod");
    std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let status = artikel(&["review", "status", "knaesmerter"], root);
    let said = String::from_utf8_lossy(&status.stderr).to_string();
    assert!(said.contains("is read-only: the file cannot be written here"), "{said}");
    assert!(String::from_utf8_lossy(&status.stdout).starts_with("✓ knaesmerter"), "still read");
    let refused = artikel(&["review", "request-changes", "knaesmerter", "-m", "nej"], root);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Not saved: "));
    let after = artikel(&["review", "status", "knaesmerter"], false);
    assert!(String::from_utf8_lossy(&after.stdout).starts_with("✓ knaesmerter"), "nothing written");
}

#[test]
fn a_ledger_in_a_folder_that_does_not_exist_says_so() {
    let out = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .args(["--ledger", "/nonexistent/team/review.db", "review", "approve", "knaesmerter"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("/nonexistent/team/review.db is read-only: "), "{said}");
    assert!(said.contains("Not saved: "), "{said}");
}
