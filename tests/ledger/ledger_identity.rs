//! Who the ledger says acted: the operating-system account, whatever `ARTIKEL_USER` or a
//! `notes.yaml` says; a team's ledger in a shared folder is the group's, a personal one
//! stays private; a ledger that cannot be opened is an error, never an empty status.

use crate::team;

use std::os::unix::fs::PermissionsExt;
use team::{Team, out, path};

fn account() -> String {
    let o = std::process::Command::new("id").arg("-un").output().expect("id");
    String::from_utf8(o.stdout).expect("UTF-8").trim().to_string()
}

#[test]
fn a_forged_display_name_is_not_who_the_ledger_says_acted() {
    let team = Team::new();
    let me = account();
    assert_ne!(me, "cecilie");
    let o = team
        .bare(&["review", "approve", "knaesmerter"])
        .env("ARTIKEL_USER", "cecilie")
        .output()
        .expect("run");
    let said = out(&o);
    assert!(said.starts_with("knaesmerter: approved ") && said.ends_with(&format!(" {me}\n")), "{said}");
    let o = team
        .bare(&["notes", "add", "knaesmerter", "-m", "Se her"])
        .env("USER", "cecilie")
        .output()
        .expect("run");
    out(&o);
    let log: serde_json::Value =
        serde_json::from_slice(&team.bare(&["review", "log", "--json"]).output().expect("run").stdout)
            .expect("JSON");
    let actors: Vec<&str> =
        log.as_array().expect("rows").iter().map(|e| e["actor"].as_str().unwrap_or("")).collect();
    assert_eq!(actors, [me.as_str(), me.as_str()]);
    let status = out(&team.bare(&["review", "status", "knaesmerter"]).output().expect("run"));
    assert!(status.contains(&format!("    {me} approved ")) && !status.contains("cecilie"), "{status}");
}

#[test]
fn a_ledger_in_a_shared_folder_is_the_groups_and_a_personal_one_stays_private() {
    let team = Team::new();
    let folder = team.data.path().join("team");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o2770)).expect("setgid");
    let ledger = folder.join("team.db");
    out(&team.run(&["--ledger", path(&ledger), "review", "approve", "knaesmerter"]));
    out(&team.run(&["review", "approve", "knaesmerter"]));
    let mode = |p: &std::path::Path| std::fs::metadata(p).expect("file").permissions().mode() & 0o777;
    assert_eq!(mode(&ledger), 0o660, "group-readable and -writable");
    // Its -wal and -shm, made by whoever opens it next, alike.
    let conn = rusqlite::Connection::open(&ledger).expect("open");
    let n: i64 = conn.query_row("SELECT count(*) FROM decisions", [], |r| r.get(0)).expect("read");
    assert_eq!(n, 1);
    for side in ["team.db-wal", "team.db-shm"] {
        assert_eq!(mode(&folder.join(side)), 0o660, "{side}");
    }
    assert_eq!(mode(&team.ledger()), 0o600, "the personal ledger stays private");
}

#[test]
fn a_ledger_that_cannot_be_opened_is_an_error_never_an_empty_status() {
    let team = Team::new();
    // A ledger in a folder that is not there, and (as another account, where one can be
    // taken) a colleague's private ledger.
    let missing = team.data.path().join("gone").join("team.db");
    let o = team.run(&["--ledger", path(&missing), "review", "status"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "no status at all");
    assert!(String::from_utf8_lossy(&o.stderr).contains("team.db"), "says which");
    if account() != "root" || std::process::Command::new("setpriv").arg("--version").output().is_err() {
        return;
    }
    let shared = tempfile::tempdir().expect("temp");
    std::fs::set_permissions(shared.path(), std::fs::Permissions::from_mode(0o777)).expect("open folder");
    let ledger = shared.path().join("team.db");
    out(&team.run(&["--ledger", path(&ledger), "review", "approve", "knaesmerter"]));
    std::fs::set_permissions(&ledger, std::fs::Permissions::from_mode(0o600)).expect("private");
    let bin = shared.path().join("artikel");
    std::fs::copy(env!("CARGO_BIN_EXE_artikel"), &bin).expect("copy");
    let o = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&bin)
        .args(["--data-dir", path(&shared.path().join("nobody")), "--ledger", path(&ledger)])
        .args(["review", "status", "--articles", path(team.articles.path())])
        .env("ARTIKEL_LANG", "en")
        .env("HOME", shared.path())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty(), "never every article as unreviewed");
}
