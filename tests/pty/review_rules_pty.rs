//! The team's rules in the real reader on a pseudo-terminal: the account it records, a
//! reason it will not do without, an override by a lead, a write that waits for the ledger,
//! and a folder copy of a bundled article that is one article, not two.

use crate::common;
use crate::team;

use common::Session;
use std::time::Duration;
use team::{Team, out, path};

fn account() -> String {
    let o = std::process::Command::new("id").arg("-un").output().expect("id");
    String::from_utf8(o.stdout).expect("UTF-8").trim().to_string()
}

/// The reader on the team's copy of `knaesmerter`, as `account` (`None`: the process's own
/// account) with the display name `ARTIKEL_USER=mallory`.
fn reader(team: &Team, account: Option<&str>) -> Session {
    let args = ["--articles", path(team.articles.path()), "open", "knaesmerter"];
    let env =
        [("ARTIKEL_USER", "mallory"), ("ARTIKEL_ACCOUNT", account.unwrap_or("")), ("ARTIKEL_LEDGER", "")];
    let s = Session::start_with(&args, 100, 30, team.data.path(), &env);
    // The marks are known once the ledger is open and the versions worked out.
    s.wait_for("the ledger's marks", |rows| {
        rows.iter().any(|r| r.contains(" Library ")) && !rows.iter().any(|r| r.contains("Library …"))
    });
    s
}

fn quit(s: &mut Session) {
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

/// The Library's rows of `knaesmerter` (its mark, then its title): the pane left of the
/// reader's border.
fn knae_rows(rows: &[String]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.contains('│'))
        .filter_map(|r| r.split('│').next())
        .filter(|cell| cell.chars().skip(1).collect::<String>().starts_with("Knæsmerter"))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_forged_artikel_user_in_the_reader_records_the_real_account() {
    let team = Team::new();
    let me = account();
    assert_ne!(me, "mallory");
    let mut s = reader(&team, None);
    s.send("ra");
    s.wait_text("Approve. Comment (optional):");
    s.send("Fint\r");
    s.wait_text("Approved version");
    quit(&mut s);
    let log: serde_json::Value =
        serde_json::from_slice(&team.bare(&["review", "log", "--json"]).output().expect("run").stdout)
            .expect("JSON");
    let actors: Vec<&str> =
        log.as_array().expect("rows").iter().map(|e| e["actor"].as_str().unwrap_or("")).collect();
    assert_eq!(actors, [me.as_str()]);
    let status = out(&team.bare(&["review", "status", "knaesmerter"]).output().expect("run"));
    assert!(status.contains(&format!("    {me} approved ")) && !status.contains("mallory"), "{status}");
}

#[test]
fn enter_without_a_reason_keeps_the_prompt_and_the_keys_typed_after_it_are_text() {
    let team = Team::new();
    let me = account();
    let mut s = reader(&team, None);
    s.send("rc");
    s.wait_text("What should change (required):");
    s.send("\r");
    s.wait_text("A reason is required");
    // q would quit the reader: here it is typed into the reason.
    s.send("q kilde mangler\r");
    s.wait_text("Changes requested on version");
    s.wait_for("the ! mark", |rows| knae_rows(rows).iter().any(|r| r.starts_with('!')));
    quit(&mut s);
    let status = out(&team.bare(&["review", "status", "knaesmerter"]).output().expect("run"));
    assert!(status.contains(&format!("blocked by {me}: q kilde mangler")), "{status}");
}

#[test]
fn a_lead_overrides_a_request_in_the_reader_with_a_reason() {
    let team = Team::new();
    out(&team.run(&["review", "policy", "--leads", "anne", "-m", "leder"]));
    out(&team.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "Kilde?"]));
    let mut s = reader(&team, Some("anne"));
    s.send("r");
    s.wait_text("blocked by bo: Kilde?");
    s.send("o");
    s.wait_text("Override bo's request for changes. Why (required):");
    s.send("\r");
    s.wait_text("A reason is required");
    s.send("Kilden er god nok\r");
    s.wait_text("anne overrode bo's request for changes: Kilden er god nok");
    quit(&mut s);
    let status = out(&team.bare(&["review", "status", "knaesmerter"]).output().expect("run"));
    assert!(status.contains("anne overrode bo's request for changes: Kilden er god nok"), "{status}");
    assert!(!status.contains("blocked by"), "{status}");
}

#[test]
fn a_decision_waiting_for_a_locked_ledger_is_said_at_once_and_pending_until_saved() {
    let team = Team::new();
    let mut s = reader(&team, None);
    let lock = rusqlite::Connection::open(team.ledger()).expect("open");
    lock.execute_batch("BEGIN IMMEDIATE").expect("lock");
    s.send("ra");
    s.wait_text("Approve. Comment (optional):");
    let sent = std::time::Instant::now();
    s.send("Fint\r");
    s.wait_text("Waiting for the ledger");
    // Said at once: not after the ledger's five-second busy timeout.
    assert!(sent.elapsed() < Duration::from_secs(2), "said after {:?}", sent.elapsed());
    s.wait_for("the pending mark", |rows| knae_rows(rows).iter().any(|r| r.starts_with('⋯')));
    assert!(knae_rows(&s.rows()).iter().all(|r| !r.starts_with('✓')), "{}", s.rows().join("\n"));
    lock.execute_batch("COMMIT").expect("unlock");
    s.wait_text("Approved version");
    s.wait_for("the ✓ mark", |rows| knae_rows(rows).iter().any(|r| r.starts_with('✓')));
    quit(&mut s);
    let status = out(&team.bare(&["review", "status", "knaesmerter"]).output().expect("run"));
    assert!(status.starts_with("✓ knaesmerter"), "{status}");
}

#[test]
fn a_folder_copy_of_a_bundled_article_is_one_article_in_the_library_and_in_review_status() {
    let team = Team::new();
    team.edit("metaTitle: Knæsmerter – Årsager", "metaTitle: Knæsmerter lokalt – Årsager");
    let status = out(&team.bare(&["review", "status"]).output().expect("run"));
    let listed: Vec<&str> = status.lines().filter(|l| l.contains(" knaesmerter ")).collect();
    assert_eq!(listed.len(), 1, "{status}");
    let mut s = Session::start_with(
        &["--articles", path(team.articles.path())],
        100,
        30,
        team.data.path(),
        &[("ARTIKEL_LEDGER", "")],
    );
    s.wait_text("Knæsmerter lokalt");
    let rows = s.rows();
    let knae = knae_rows(&rows);
    assert_eq!(knae.len(), 1, "one row, not the bundled copy beside it:\n{}", rows.join("\n"));
    assert!(knae[0].contains("Knæsmerter lokalt"), "the folder's copy:\n{}", rows.join("\n"));
    quit(&mut s);
}

#[test]
fn a_decision_made_just_before_quitting_waits_a_moment_for_a_busy_ledger() {
    let team = Team::new();
    let mut s = reader(&team, None);
    let lock = rusqlite::Connection::open(team.ledger()).expect("open");
    lock.execute_batch("BEGIN IMMEDIATE").expect("lock");
    s.send("ra");
    s.wait_text("Approve. Comment (optional):");
    s.send("Fint\r");
    s.wait_text("Waiting for the ledger");
    s.send("q");
    // The other session is done within the two seconds the reader waits on its way out.
    std::thread::sleep(Duration::from_millis(500));
    lock.execute_batch("COMMIT").expect("unlock");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
    let status = out(&team.bare(&["review", "status", "knaesmerter"]).output().expect("run"));
    assert!(status.starts_with("✓ knaesmerter"), "saved on the way out: {status}");
}
