//! The details a reviewer trips over: a blank reason, a section named loosely, an id that
//! names several comments, a ledger where it is not safe.

use crate::team;

use team::{Team, err, out, path};

#[test]
fn a_blank_reason_or_comment_is_refused_everywhere() {
    let team = Team::new();
    for args in [
        &["review", "request-changes", "knaesmerter", "-m", ""][..],
        &["review", "request-changes", "knaesmerter", "-m", "  \n"],
        &["notes", "add", "knaesmerter", "-m", " "],
        &["review", "withdraw", "knaesmerter", "-m", ""],
        &["review", "policy", "--approvals", "2", "-m", ""],
    ] {
        let o = team.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(err(&o).contains("a reason is required"), "{args:?}: {}", err(&o));
    }
    assert!(out(&team.run(&["review", "log"])).is_empty(), "nothing was recorded");
}

#[test]
fn a_section_is_named_by_its_anchor_or_whole_heading_and_an_ambiguous_one_is_listed() {
    let team = Team::new();
    for section in ["#hvordan-undersøges-knæsmerter", "kan knæbind hjælpe?"] {
        out(&team.run(&["notes", "add", "knaesmerter", "--section", section, "-m", section]));
    }
    let notes = out(&team.run(&["notes"]));
    assert!(
        notes.contains("knaesmerter › Hvordan undersøges knæsmerter?: #hvordan-undersøges-knæsmerter "),
        "{notes}"
    );
    assert!(notes.contains("knaesmerter › Kan knæbind hjælpe?: kan knæbind hjælpe? "), "{notes}");
    // "Hvordan" starts two headings: neither is taken, both are offered.
    let o = team.run(&["notes", "add", "knaesmerter", "--section", "Hvordan", "-m", "c"]);
    assert_eq!(o.status.code(), Some(1));
    let said = err(&o);
    assert!(said.contains("several headings contain “Hvordan”"), "{said}");
    assert!(said.contains("#hvordan-undersøges-knæsmerter  Hvordan undersøges knæsmerter?"), "{said}");
    assert!(said.contains("  Hvordan kan fysioterapi hjælpe ved knæsmerter?"), "{said}");
}

#[test]
fn an_id_that_starts_several_comments_is_said_to_be_ambiguous() {
    let team = Team::new();
    let mut ids = Vec::new();
    // Seventeen ids: two of them start with the same hex digit.
    for i in 0..17 {
        let added = out(&team.run(&["notes", "add", "knaesmerter", "-m", &format!("n{i}")]));
        ids.push(added.trim().trim_start_matches("Comment added (#").trim_end_matches(')').to_string());
    }
    let shared =
        ids.iter().map(|id| &id[..1]).find(|p| ids.iter().filter(|id| id.starts_with(*p)).count() > 1);
    let shared = shared.expect("pigeonholes");
    let o = team.run(&["notes", "resolve", shared]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains(&format!("#{shared} is the start of several comments' ids")), "{}", err(&o));
    let o = team.run(&["notes", "resolve", "zzzz"]);
    assert!(err(&o).contains("no comment #zzzz"), "{}", err(&o));
}

#[test]
fn a_ledger_in_a_synced_folder_is_warned_about() {
    let team = Team::new();
    let synced = team.data.path().join("Dropbox");
    std::fs::create_dir(&synced).expect("folder");
    let o = team.run(&["--ledger", path(&synced.join("team.db")), "review", "approve", "knaesmerter"]);
    out(&o);
    assert!(err(&o).contains("is on Dropbox: SQLite's locking is not safe there"), "{}", err(&o));
    assert!(team.run(&["review", "status", "knaesmerter"]).stderr.is_empty(), "a local one is not");
}

fn id_of(added: &str) -> String {
    added.trim().trim_start_matches("Comment added (#").trim_end_matches(')').to_string()
}

#[test]
fn replies_sit_under_their_comment_and_are_resolved_with_it_as_one_thread() {
    let team = Team::new();
    let first =
        id_of(&out(&team.run(&["notes", "add", "knaesmerter", "--section", "symptomer", "-m", "Dosis?"])));
    let answer = id_of(&out(&team.as_user("bo", &["notes", "reply", &first, "-m", "500 mg"])));
    out(&team.run(&["notes", "add", "knaesmerter", "-m", "Andet"]));
    // A reply to the reply joins the same thread.
    out(&team.run(&["notes", "reply", &answer, "-m", "Tak"]));
    let listed = out(&team.run(&["notes"]));
    let lines: Vec<&str> = listed.lines().collect();
    let at = lines.iter().position(|l| l.contains(": Dosis?  (anne")).expect("listed");
    assert!(lines[at + 1].starts_with("    ↳ 500 mg  (bo, "), "{listed}");
    assert!(lines[at + 2].starts_with("    ↳ Tak  (anne, "), "{listed}");
    // Resolving the reply resolves the thread; the other comment stays open.
    assert_eq!(out(&team.run(&["notes", "resolve", &answer])), format!("#{first} resolved\n"));
    let open = out(&team.run(&["notes"]));
    assert!(!open.contains("Dosis?") && !open.contains("500 mg") && !open.contains("Tak"), "{open}");
    assert!(open.contains(": Andet  ("), "{open}");
    out(&team.run(&["notes", "reopen", &first]));
    assert!(out(&team.run(&["notes"])).contains("    ↳ 500 mg  (bo, "), "reopened as one");
    let json: serde_json::Value =
        serde_json::from_slice(&team.run(&["notes", "export", "--format", "json"]).stdout).expect("JSON");
    let notes = json["articles"][0]["notes"].as_array().cloned().unwrap_or_default();
    let knae = json["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["slug"] == "knaesmerter")
        .expect("knae");
    let replies: Vec<&str> = knae["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter(|n| n["reply_to"] == first[..8])
        .map(|n| n["note"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(replies, ["500 mg", "Tak"], "{notes:?}");
    assert!(team.run(&["review", "verify"]).status.success());
}
