//! A review ledger on PostgreSQL from the shell: two hosts (two data folders, two copies of
//! the articles) on one database, on a throwaway cluster the test starts and stops.

use crate::team;

use crate::cluster;

use team::{Team, err, out};

/// `args` run on `host` as `user`, the ledger named by `--ledger`.
fn on(host: &Team, user: &str, url: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--ledger", url];
    all.extend_from_slice(args);
    host.as_user(user, &all)
}

#[test]
fn two_hosts_on_one_database_share_decisions_notes_policy_and_one_chain() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let url = pg.database();
    let (a, b) = (Team::new(), Team::new());
    let approved = out(&on(&a, "anne", &url, &["review", "approve", "knaesmerter", "-m", "fint"]));
    assert!(approved.starts_with("knaesmerter: approved "), "{approved}");
    // Host B, the ledger named by ARTIKEL_LEDGER, sees it.
    let status = out(&b
        .command("bo", &["review", "status", "knaesmerter"])
        .env("ARTIKEL_LEDGER", &url)
        .output()
        .expect("run"));
    assert!(status.starts_with("✓ knaesmerter ") && status.contains("anne approved "), "{status}");
    // Bo sends it back from B; A sees the request blocking it.
    out(&on(&b, "bo", &url, &["review", "request-changes", "knaesmerter", "-m", "kilder mangler"]));
    let status = out(&on(&a, "anne", &url, &["review", "status", "knaesmerter"]));
    assert!(status.starts_with("! knaesmerter ") && status.contains("kilder mangler"), "{status}");
    // A note and a policy change, each from one host, in the log the other reads.
    let added = out(&on(&a, "anne", &url, &["notes", "add", "knaesmerter", "-m", "Se kilden"]));
    let id = added.split('#').nth(1).and_then(|t| t.get(..8)).expect("an id").to_string();
    let policy = out(&on(&b, "bo", &url, &["review", "policy", "--approvals", "2", "-m", "to læsere"]));
    assert!(policy.contains('2'), "{policy}");
    // Bo answers Anne's note from B, and resolves the thread.
    out(&on(&b, "bo", &url, &["notes", "reply", &id, "-m", "Tilføjet"]));
    let resolved = out(&on(&b, "bo", &url, &["notes", "resolve", &id]));
    assert!(resolved.starts_with(&format!("#{id} ")), "{resolved}");
    // The thread is listed from A, with the resolved ones when asked.
    let listed = out(&on(&a, "anne", &url, &["notes", "knaesmerter", "--resolved"]));
    assert!(listed.contains("Se kilden") && listed.contains("Tilføjet"), "{listed}");
    let report = out(&on(&b, "bo", &url, &["notes", "export", "--format", "json"]));
    assert!(report.contains("Se kilden") && report.contains("knaesmerter"), "{report}");
    // Bo withdraws his request from A: it no longer blocks.
    out(&on(&a, "bo", &url, &["review", "withdraw", "knaesmerter", "-m", "rettet"]));
    let status = out(&on(&b, "anne", &url, &["review", "status", "knaesmerter"]));
    assert!(!status.starts_with('!') && status.contains("rettet"), "{status}");
    let log = out(&on(&a, "anne", &url, &["review", "log"]));
    let actions: Vec<&str> = log.lines().filter_map(|l| l.split(' ').nth(2)).collect();
    assert_eq!(
        actions,
        [
            "approved",
            "changes-requested",
            "comment",
            "policy",
            "comment",
            "reply",
            "resolve",
            "resolve",
            "withdraw"
        ],
        "{log}"
    );
    // One chain: verify holds from both hosts, with the same head.
    let held_a = out(&on(&a, "anne", &url, &["review", "verify"]));
    let held_b = out(&on(&b, "bo", &url, &["review", "verify"]));
    assert_eq!(held_a, held_b);
    assert!(held_a.contains('9'), "nine rows: {held_a}");
    // B's copy of the text changes: the diff against Anne's approval, made on A, shows it.
    b.edit("Knæet er et af kroppens største led", "Knæet er et af kroppens største og stærkeste led");
    let diff = out(&on(&b, "bo", &url, &["review", "diff", "knaesmerter"]));
    assert!(diff.contains("{+og stærkeste+}"), "{diff}");
    // No file ledger was made on either host.
    assert!(!a.ledger().exists() && !b.ledger().exists());
}

#[test]
fn a_team_moves_its_ledger_to_postgres_and_back_and_verify_holds_at_each_end() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let url = pg.database();
    let team = Team::new();
    out(&team.run(&["review", "approve", "knaesmerter", "-m", "fint"]));
    out(&team.as_user("bo", &["notes", "add", "knaesmerter", "-m", "Se kilden"]));
    let file = team.ledger();
    let file = team::path(&file);
    let head = out(&team.run(&["review", "verify"]));
    let moved = out(&team.run(&["review", "migrate", file, &url]));
    assert!(moved.starts_with("Copied 2 rows"), "{moved}");
    // The shared ledger holds the same chain, and says the same.
    assert_eq!(out(&on(&team, "anne", &url, &["review", "verify"])), head);
    let status = out(&on(&team, "anne", &url, &["review", "status", "knaesmerter"]));
    assert!(status.starts_with("✓ knaesmerter "), "{status}");
    // A ledger holding anything takes no copy.
    let again = team.run(&["review", "migrate", file, &url]);
    assert!(!again.status.success() && err(&again).contains("not empty"), "{}", err(&again));
    // The settings file names the shared ledger: a decision goes there, not to the file.
    let settings = team.data.path().join("settings.toml");
    std::fs::write(&settings, format!("ledger = \"{url}\"\n")).expect("settings");
    let mut asked = team.command("bo", &["review", "request-changes", "knaesmerter", "-m", "kilder"]);
    out(&asked.env("ARTIKEL_CONFIG", &settings).output().expect("run"));
    assert!(out(&on(&team, "anne", &url, &["review", "log"])).contains("changes-requested"));
    assert!(!out(&team.run(&["review", "log"])).contains("changes-requested"), "the file is left alone");
    // And back to a new file, the same.
    let back = team.data.path().join("back.db");
    out(&team.run(&["review", "migrate", &url, team::path(&back)]));
    let held = out(&team.run(&["--ledger", team::path(&back), "review", "verify"]));
    assert_eq!(held, out(&on(&team, "anne", &url, &["review", "verify"])));
    assert_ne!(held, head, "the request came along");
}

#[test]
fn a_password_in_the_url_is_refused_and_never_repeated() {
    let team = Team::new();
    let o = on(
        &team,
        "anne",
        "postgres://anne:hemmeligt@127.0.0.1:1/ledger",
        &["review", "approve", "knaesmerter"],
    );
    assert!(!o.status.success());
    let said = err(&o);
    assert!(said.contains("PGPASSWORD") && !said.contains("hemmeligt"), "{said}");
    assert!(!team.ledger().exists(), "no file ledger instead");
}

#[test]
fn migrate_reads_its_source_as_it_is_and_refuses_one_missing_foreign_or_empty() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let team = Team::new();
    let target = pg.database();
    // A mistyped file: said, exit 1, and no ledger made there.
    let typo = team.data.path().join("reveiw.db");
    let o = team.run(&["review", "migrate", team::path(&typo), &target]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("no such file"), "{}", err(&o));
    assert!(!typo.exists(), "nothing made at the mistyped path");
    // A database without artikel's schema: refused, and the schema not made in it.
    let foreign = pg.database();
    let o = team.run(&["review", "migrate", &foreign, &target]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("holds no artikel ledger"), "{}", err(&o));
    let mut raw = postgres::Client::connect(&foreign, postgres::NoTls).expect("connect");
    let made: bool =
        raw.query_one("SELECT to_regclass('artikel_schema') IS NOT NULL", &[]).expect("asked").get(0);
    assert!(!made, "no schema made in the wrong database");
    // A ledger with nothing in it: nothing to copy, and no "Copied 0 rows".
    let empty = pg.database();
    out(&on(&team, "anne", &empty, &["review", "status"]));
    let back = team.data.path().join("back.db");
    let o = team.run(&["review", "migrate", &empty, team::path(&back)]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains("empty") && !String::from_utf8_lossy(&o.stdout).contains("Copied"),
        "{}",
        err(&o)
    );
}
