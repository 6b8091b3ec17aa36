//! The review ledger from the shell: decisions on versions, what changed since, comments
//! shared between reviewers, the audit log, the report, and the exit codes.

use crate::team;

use std::process::Command;
use team::{Team, out, path};

fn status_line(team: &Team) -> String {
    let text = out(&team.run(&["review", "status", "knaesmerter"]));
    text.lines().next().unwrap_or("").to_string()
}

#[test]
fn an_approval_covers_its_version_and_goes_stale_when_the_text_changes() {
    let team = Team::new();
    assert!(status_line(&team).starts_with("  knaesmerter "), "unreviewed");
    assert!(
        out(&team.run(&["review", "approve", "knaesmerter", "-m", "fint"]))
            .starts_with("knaesmerter: approved ")
    );
    let line = status_line(&team);
    assert!(line.starts_with("✓ knaesmerter ") && line.ends_with("approved"), "{line}");
    // Line ends and trailing spaces are no new version.
    team.edit("årsagerne til knæsmerter?\n", "årsagerne til knæsmerter?  \t\r\n");
    assert!(status_line(&team).starts_with("✓ "), "whitespace is not a change");
    team.edit("Knæet er et af kroppens største led", "Knæet er et af kroppens største og stærkeste led");
    let text = out(&team.run(&["review", "status", "knaesmerter"]));
    assert!(text.starts_with("~ knaesmerter "), "{text}");
    assert!(text.contains("anne approved ") && text.contains("(changed since), "), "{text}");
    // Bo sends it back; the latest decision is the article's state, each reviewer listed.
    out(&team.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "kilder mangler"]));
    let text = out(&team.run(&["review", "status", "knaesmerter"]));
    assert!(text.starts_with("! knaesmerter "), "{text}");
    assert!(
        text.contains("bo changes-requested ")
            && text.contains("(this version)")
            && text.contains("kilder mangler"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&team.run(&["review", "status", "--json"]).stdout).expect("JSON");
    let knae = json.as_array().expect("array").iter().find(|a| a["slug"] == "knaesmerter").expect("listed");
    assert_eq!(knae["state"], "changes-requested");
    assert_eq!(knae["reviews"].as_array().map(Vec::len), Some(2));
}

#[test]
fn diff_shows_the_words_changed_since_the_approved_version() {
    let team = Team::new();
    out(&team.run(&["review", "approve", "knaesmerter"]));
    team.edit("Knæet er et af kroppens største led", "Knæet er et af kroppens stærkeste led");
    team.edit("## Hvilke symptomer giver knæsmerter?", "## Hvilke tegn giver knæsmerter?");
    let text = out(&team.as_user("bo", &["review", "diff", "knaesmerter"]));
    assert!(text.starts_with("Changes since anne approved "), "{text}");
    assert!(
        text.contains("## Introduction (changed)\n\nKnæet er et af kroppens [-største-]{+stærkeste+} led"),
        "{text}"
    );
    assert!(text.contains("## Hvilke symptomer giver knæsmerter? (removed)"), "{text}");
    assert!(text.contains("## Hvilke tegn giver knæsmerter? (added)"), "{text}");
    assert!(!text.contains("Hvordan undersøges"), "unchanged sections are left out: {text}");
    let none = out(&team.run(&["review", "diff", "knaesmerter", "--reviewer", "bo"]));
    assert_eq!(none, "bo has not approved any version of knaesmerter: nothing to compare with\n");
}

#[test]
fn comments_are_shared_resolved_by_anyone_and_logged() {
    let team = Team::new();
    let added =
        out(&team.run(&["notes", "add", "knaesmerter", "--section", "symptomer", "-m", "Nævn hævelse"]));
    let id = added.trim().trim_start_matches("Comment added (#").trim_end_matches(')').to_string();
    let listed = out(&team.as_user("bo", &["notes", "knaesmerter"]));
    assert!(
        listed.starts_with("knaesmerter › Hvilke symptomer giver knæsmerter?: Nævn hævelse  (anne, "),
        "{listed}"
    );
    assert!(listed.trim_end().ends_with(&format!("#{id}")), "{listed}");
    team.edit("Ud over selve smerten", "Udover selve smerten");
    let listed = out(&team.run(&["notes"]));
    assert!(listed.contains(", section changed since)"), "{listed}");
    assert_eq!(out(&team.as_user("bo", &["notes", "resolve", &id])), format!("#{id} resolved\n"));
    assert_eq!(out(&team.run(&["notes"])), "No comments yet.\n", "resolved ones are hidden");
    assert!(out(&team.run(&["notes", "--resolved"])).contains(", resolved)"));
    let json: serde_json::Value =
        serde_json::from_slice(&team.run(&["notes", "--resolved", "--json"]).stdout).expect("JSON");
    assert_eq!(json[0]["resolved"], true);
    assert_eq!(json[0]["author"], "anne");
    assert_eq!(json[0]["section_changed"], true);
    out(&team.run(&["notes", "reopen", &id]));
    let log: serde_json::Value =
        serde_json::from_slice(&team.run(&["review", "log", "knaesmerter", "--json"]).stdout).expect("JSON");
    let actions: Vec<(&str, &str)> = log
        .as_array()
        .expect("array")
        .iter()
        .map(|e| (e["actor"].as_str().unwrap_or(""), e["action"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(actions, [("anne", "comment"), ("bo", "resolve"), ("anne", "reopen")]);
    assert!(out(&team.run(&["review", "log"])).contains(" bo resolve knaesmerter "));
}

#[test]
fn exit_codes_say_what_went_wrong() {
    let team = Team::new();
    let code = |args: &[&str]| team.run(args).status.code();
    assert_eq!(code(&["review", "approve", "nope"]), Some(1));
    assert_eq!(code(&["review", "status", "nope"]), Some(1));
    assert_eq!(code(&["review", "diff", "nope"]), Some(1));
    assert_eq!(code(&["review", "log", "nope"]), Some(1));
    assert_eq!(code(&["notes", "nope"]), Some(1));
    assert_eq!(code(&["notes", "resolve", "ffffffff"]), Some(1));
    assert_eq!(code(&["review", "request-changes", "knaesmerter"]), Some(2), "a reason is required");
    assert_eq!(code(&["review", "approve"]), Some(2));
    assert_eq!(code(&["review", "maybe", "knaesmerter"]), Some(2));
    assert_eq!(code(&["review", "status", "--json"]), Some(0));
}

#[test]
fn the_ledger_can_be_named_and_is_private_by_default() {
    use std::os::unix::fs::PermissionsExt;
    let team = Team::new();
    out(&team.run(&["review", "approve", "knaesmerter"]));
    let own = team.data.path().join("review.db");
    assert_eq!(std::fs::metadata(&own).expect("ledger").permissions().mode() & 0o777, 0o600);
    let shared = team.data.path().join("team.db");
    out(&team.run(&["--ledger", path(&shared), "review", "request-changes", "knaesmerter", "-m", "nej"]));
    let by_env = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .args(["--data-dir", path(team.data.path()), "--articles", path(team.articles.path())])
        .args(["review", "status", "knaesmerter"])
        .env("ARTIKEL_LEDGER", &shared)
        .output()
        .expect("run");
    assert!(out(&by_env).starts_with("! knaesmerter"), "the shared ledger, named by ARTIKEL_LEDGER");
    assert!(status_line(&team).starts_with("✓ "), "the own ledger is another file");
}

#[test]
fn notes_yaml_is_imported_once_as_the_importers_on_the_day_of_the_import() {
    let team = Team::new();
    // The file says cecilie wrote the note and asked for changes, in 2019.
    let yaml = "version: 1\nnotes:\n- id: n1\n  slug: knaesmerter\n  heading: Fjernet?\n  position: 3\n  text: Gammel note\n  author: cecilie\n  created: 2019-01-01T00:00:00Z\n  updated: 2019-01-01T00:00:00Z\nreviews:\n  knaesmerter:\n    status: needs-changes\n    user: cecilie\n    date: 2019-01-02T00:00:00Z\n";
    std::fs::write(team.data.path().join("notes.yaml"), yaml).expect("notes");
    // Never into a shared ledger, not even by a command that only shows it.
    let shared = team.data.path().join("team.db");
    let o = team.run(&["--ledger", path(&shared), "review", "status", "knaesmerter"]);
    assert!(out(&o).starts_with("  knaesmerter"), "nothing came in");
    assert!(o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
    let first = team.run(&["notes"]);
    assert!(String::from_utf8_lossy(&first.stderr).contains("Imported 2 notes and reviews"));
    let today = artikel::clock::Clock::System.today().to_string();
    let listed = out(&first);
    assert!(
        listed.contains(&format!("knaesmerter › Fjernet? (detached): Gammel note  (anne, {today})")),
        "the importer's, today: {listed}"
    );
    let status = out(&team.run(&["review", "status", "knaesmerter"]));
    assert!(status.starts_with("! knaesmerter"), "{status}");
    assert!(status.contains(&format!("anne changes-requested version unknown, {today}")), "{status}");
    assert!(!status.contains("cecilie") && !status.contains("2019"), "{status}");
    assert!(team.run(&["notes"]).stderr.is_empty(), "imported once");
    assert_eq!(std::fs::read_to_string(team.data.path().join("notes.yaml")).expect("kept"), yaml);
}

#[test]
fn the_report_neutralises_formulas_quotes_notes_and_keeps_detached_articles() {
    let team = Team::new();
    let hostile = "=HYPERLINK(\"http://evil\")\n## Fake (slug)\n\nStatus: **reviewed**";
    out(&team.run(&["notes", "add", "knaesmerter", "-m", hostile]));
    out(&team.run(&["notes", "add", "knaesmerter", "-m", "-2+3"]));
    out(&team.run(&["review", "request-changes", "knaesmerter", "-m", "@SUM(A1)"]));
    // The article leaves the library: its review and notes are still exported, marked.
    std::fs::write(team.articles.path().join("gammel.md"), "---\nmetaTitle: Gammel\n---\n\nTekst.\n")
        .expect("article");
    out(&team.run(&["notes", "add", "gammel", "-m", "+cmd|' /C calc'!A0"]));
    std::fs::remove_file(team.articles.path().join("gammel.md")).expect("gone");
    let csv = out(&team.run(&["notes", "export", "--format", "csv"]));
    for line in csv.lines().skip(1).filter(|l| l.starts_with('"')) {
        for cell in line.split("\",\"") {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "a live formula cell: {cell} in {csv}");
        }
    }
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")"), "{csv}");
    assert!(csv.contains("\"'-2+3\"") && csv.contains("\"'+cmd|' /C calc'!A0\""), "{csv}");
    assert!(csv.contains("\"gammel\",\"\",\"yes\","), "detached: {csv}");
    let md = out(&team.run(&["notes", "export", "--format", "md"]));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings.first(), Some(&"# Review report"), "{md}");
    assert!(headings.contains(&"## Knæsmerter – Årsager, undersøgelse og behandling (knaesmerter)"), "{md}");
    assert_eq!(headings.last(), Some(&"## gammel (detached: no longer in the library)"), "{md}");
    assert!(!md.contains("\n## Fake"), "a note never becomes a heading: {md}");
    assert_eq!(md.lines().filter(|l| l.starts_with("Status:")).count(), headings.len() - 1, "{md}");
    let json: serde_json::Value =
        serde_json::from_slice(&team.run(&["notes", "export", "--format", "json"]).stdout).expect("JSON");
    let gone = json["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|r| r["slug"] == "gammel")
        .expect("exported");
    assert_eq!(gone["detached"], true);
}

#[test]
fn the_report_lists_every_article_each_reviewers_decision_with_its_reason_and_the_policy() {
    let team = Team::new();
    out(&team.run(&["review", "policy", "--approvals", "2", "-m", "to par øjne"]));
    out(&team.as_user("bo", &["review", "request-changes", "knaesmerter", "-m", "dosis forkert"]));
    out(&team.as_user("cecilie", &["review", "approve", "knaesmerter", "-m", "fin"]));
    let json: serde_json::Value =
        serde_json::from_slice(&team.run(&["notes", "export", "--format", "json"]).stdout).expect("JSON");
    assert_eq!(json["approvals_needed"], 2);
    let articles = json["articles"].as_array().expect("articles");
    assert!(
        articles.iter().any(|a| a["slug"] == "laendesmerter" && a["status"] == "unreviewed"),
        "unreviewed too"
    );
    let knae = articles.iter().find(|a| a["slug"] == "knaesmerter").expect("listed");
    let decided: Vec<(&str, &str, &str)> = knae["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .map(|d| {
            (
                d["reviewer"].as_str().unwrap_or(""),
                d["decision"].as_str().unwrap_or(""),
                d["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(decided, [("cecilie", "approved", "fin"), ("bo", "changes-requested", "dosis forkert")]);
    assert_eq!(knae["outstanding"][0]["reviewer"], "bo");
    assert_eq!(knae["decisions"][0]["current"], true);
    let md = out(&team.run(&["notes", "export"]));
    assert!(md.contains("Policy: 2 approval(s) per version; leads: -"), "{md}");
    assert!(md.contains("Status: **changes-requested** — version "), "{md}");
    assert!(md.contains("- bo: changes-requested on ") && md.contains("  > dosis forkert\n"), "{md}");
    assert!(md.contains("blocked by bo: dosis forkert"), "{md}");
    let csv = out(&team.run(&["notes", "export", "--format", "csv"]));
    assert!(csv.contains("\"request\",\"changes-requested\","), "{csv}");
    assert!(csv.contains(",\"bo\",\"changes-requested\",") && csv.contains("\"dosis forkert\""), "{csv}");
    assert!(csv.contains("\"laendesmerter\","), "{csv}");
}

#[test]
fn a_section_moved_elsewhere_is_shown_as_moved_not_removed_and_added() {
    let team = Team::new();
    out(&team.run(&["review", "approve", "knaesmerter"]));
    let file = team.articles.path().join("knaesmerter.md");
    let text = std::fs::read_to_string(&file).expect("article");
    let start = text.find("## Hvordan undersøges knæsmerter?").expect("section");
    let end = text.find("## Hvilke behandlingsmuligheder").expect("next");
    let section = &text[start..end];
    let moved =
        format!("{}{}\n{}", &text[..start], &text[end..], section.replace("er hævet", "er hævet og ømt"));
    std::fs::write(&file, moved).expect("edit");
    let diff = out(&team.run(&["review", "diff", "knaesmerter"]));
    assert!(diff.contains("## Hvordan undersøges knæsmerter? (moved)"), "{diff}");
    assert!(!diff.contains("(removed)") && !diff.contains("(added)"), "{diff}");
    assert!(diff.contains("{+hævet og ømt,+}"), "what changed in it is shown too: {diff}");
    assert!(!diff.contains("(changed)"), "the section before it only lost its blank line: {diff}");
}

#[test]
fn a_hard_line_break_a_reader_sees_is_a_new_version() {
    let team = Team::new();
    team.edit("kroppens største led", "kroppens\nstørste led");
    out(&team.run(&["review", "approve", "knaesmerter"]));
    assert!(status_line(&team).starts_with("✓ "));
    // Two spaces before the line end: the reader now breaks the line there.
    team.edit("kroppens\nstørste led", "kroppens  \nstørste led");
    assert!(status_line(&team).starts_with("~ "), "a visible change is a new version");
}
