//! The team's approval rules: a request for changes blocks its version until the one who
//! asked approves or withdraws it, or a lead overrides it with a reason; a version may need
//! more than one approval; `review status --check` is a gate for CI.

use crate::team;

use team::{Team, err, out};

fn first_line(team: &Team, user: &str) -> String {
    let text = out(&team.as_user(user, &["review", "status", "knaesmerter"]));
    text.lines().next().unwrap_or("").to_string()
}

fn check(team: &Team, args: &[&str]) -> Option<i32> {
    let mut all = vec!["review", "status", "knaesmerter", "--check"];
    all.extend_from_slice(args);
    team.run(&all).status.code()
}

#[test]
fn a_request_for_changes_is_not_overruled_by_another_reviewers_approval() {
    let team = Team::new();
    out(&team.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "dosis forkert"]));
    out(&team.as_user("cecilie", &["review", "approve", "knaesmerter"]));
    let status = out(&team.run(&["review", "status", "knaesmerter"]));
    assert!(status.starts_with("! knaesmerter "), "{status}");
    assert!(status.contains("\n    blocked by bo: dosis forkert\n"), "{status}");
    assert_eq!(check(&team, &[]), Some(1), "the gate stays shut");
    assert_eq!(check(&team, &["--json"]), Some(1), "with --json too");
    let json: serde_json::Value =
        serde_json::from_slice(&team.run(&["review", "status", "knaesmerter", "--json"]).stdout)
            .expect("JSON");
    assert_eq!(json[0]["approved"], false);
    assert_eq!(json[0]["blocked_by"][0]["reviewer"], "bo");
    // Another approval does not lift it either; the one who asked does.
    out(&team.as_user("dorte", &["review", "approve", "knaesmerter"]));
    assert!(first_line(&team, "anne").starts_with("! "));
    out(&team.as_user("bo", &["review", "approve", "knaesmerter", "-m", "rettet"]));
    assert!(first_line(&team, "anne").starts_with("✓ "));
    assert_eq!(check(&team, &[]), Some(0));
}

#[test]
fn a_request_is_withdrawn_by_its_reviewer_or_overridden_by_a_lead_with_a_reason() {
    let team = Team::new();
    out(&team.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "dosis"]));
    out(&team.as_user("cecilie", &["review", "approve", "knaesmerter"]));
    // Nobody else withdraws it, and without leads nobody overrides it.
    let o = team.as_user("cecilie", &["review", "override", "knaesmerter", "--reviewer", "bo", "-m", "ok"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("only a lead may do that"), "{}", err(&o));
    let o = team.as_user("bo", &["review", "withdraw", "knaesmerter", "-m", " "]);
    assert_eq!(o.status.code(), Some(2), "a reason is required: {}", err(&o));
    assert_eq!(
        out(&team.as_user("bo", &["review", "withdraw", "knaesmerter", "-m", "misforstod"])),
        "bo withdrew their request for changes: misforstod\n"
    );
    assert!(first_line(&team, "anne").starts_with("✓ "));
    // A new request blocks again; a lead overrides it.
    out(&team.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "igen"]));
    assert!(first_line(&team, "anne").starts_with("! "));
    out(&team.as_user("anne", &["review", "policy", "--leads", "anne", "-m", "anne leder"]));
    let o = team.as_user("cecilie", &["review", "policy", "--approvals", "1", "-m", "mig"]);
    assert_eq!(o.status.code(), Some(1), "only a lead changes the rules now");
    let said =
        out(&team
            .as_user("anne", &["review", "override", "knaesmerter", "--reviewer", "bo", "-m", "kilde ok"]));
    assert_eq!(said, "anne overrode bo's request for changes: kilde ok\n");
    let status = out(&team.run(&["review", "status", "knaesmerter"]));
    assert!(status.starts_with("✓ ") && status.contains("anne overrode bo's request for changes: kilde ok"));
    let log = out(&team.run(&["review", "log", "knaesmerter"]));
    assert!(
        log.contains(" bo withdraw knaesmerter ") && log.contains(" anne override knaesmerter "),
        "{log}"
    );
    assert!(team.run(&["review", "verify"]).status.success());
}

#[test]
fn a_policy_of_two_approvals_counts_them_and_is_audited() {
    let team = Team::new();
    assert!(out(&team.run(&["review", "policy"])).starts_with("Approvals needed per version: 1\n"));
    let o = team.run(&["review", "policy", "--approvals", "2"]);
    assert_eq!(o.status.code(), Some(2), "a change needs a reason");
    out(&team.run(&["review", "policy", "--approvals", "2", "-m", "to par øjne"]));
    out(&team.run(&["review", "approve", "knaesmerter"]));
    let line = first_line(&team, "anne");
    assert!(
        line.starts_with("+ knaesmerter ") && line.ends_with("partly-approved  (1 of 2 approvals)"),
        "{line}"
    );
    assert_eq!(check(&team, &[]), Some(1));
    // What waits for whom: bo has not approved it, anne has.
    assert!(out(&team.as_user("bo", &["review", "status", "--mine"])).contains(" knaesmerter "));
    assert!(!out(&team.as_user("anne", &["review", "status", "--mine"])).contains(" knaesmerter "));
    out(&team.as_user("bo", &["review", "approve", "knaesmerter"]));
    assert!(first_line(&team, "anne").ends_with("approved  (2 of 2 approvals)"));
    assert_eq!(check(&team, &[]), Some(0));
    // An approval of an earlier text does not count for the new one.
    team.edit("Knæet er et af kroppens største led", "Knæet er et af kroppens stærkeste led");
    assert!(first_line(&team, "anne").starts_with("~ "));
    assert_eq!(check(&team, &[]), Some(1));
    let log = out(&team.run(&["review", "log"]));
    assert!(log.contains(" anne policy - -: approvals = 2: to par øjne"), "{log}");
}

#[test]
fn policy_and_lifts_edited_behind_the_ledgers_back_are_caught() {
    for sql in
        ["UPDATE policy SET value = '1'", "DROP TRIGGER lifts_no_update; UPDATE lifts SET reason = 'x'"]
    {
        let team = Team::new();
        out(&team.run(&["review", "policy", "--approvals", "2", "-m", "to"]));
        out(&team.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "dosis"]));
        out(&team.as_user("bo", &["review", "withdraw", "knaesmerter", "-m", "ok"]));
        let conn = rusqlite::Connection::open(team.ledger()).expect("open");
        conn.execute_batch(sql).expect(sql);
        drop(conn);
        let o = team.run(&["review", "verify"]);
        assert_eq!(o.status.code(), Some(1), "{sql}");
        assert!(err(&o).contains("differs from what this row recorded"), "{sql}: {}", err(&o));
    }
}

#[test]
fn a_request_withdrawn_after_the_text_was_edited_no_longer_blocks() {
    let team = Team::new();
    out(&team.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "dosis?"]));
    team.edit("Knæet er et af kroppens største led", "Knæet er et af kroppens stærkeste led");
    let status = out(&team.run(&["review", "status", "knaesmerter"]));
    assert!(status.contains("changes-requested"), "the request stands until lifted: {status}");
    out(&team.as_user("bo", &["review", "withdraw", "knaesmerter", "-m", "rettet"]));
    let status = out(&team.run(&["review", "status", "knaesmerter"]));
    assert!(status.contains("unreviewed") && !status.contains("  changes-requested"), "{status}");
    let gate = team.run(&["review", "status", "knaesmerter", "--check"]);
    assert_eq!(gate.status.code(), Some(1), "not approved either: the gate stays shut");
    let said = String::from_utf8_lossy(&gate.stdout);
    assert!(said.contains("  unreviewed") && !said.contains("  changes-requested"), "{said}");
}
