//! The reviewer's desk in a pseudo-terminal: comments (in the team's ledger) survive a
//! restart and a dropped connection, two sessions keep both, positions are remembered.

use crate::common;

use common::Session;
use std::time::Duration;

const TITLE: &str = "Nervesmerter – Hvad er nervesmerter?";

fn quit(s: &mut Session) {
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_note_written_is_there_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp");
    let mut s = Session::start(&["open", "nervesmerter#kan-nervesmerter-helbredes"], 80, 24, dir.path());
    s.wait_text("Kan nervesmerter helbredes?");
    s.send("a");
    s.wait_text("Comment · Kan nervesmerter helbredes?");
    s.send("Nævn kronisk smerte.\rOg kilden.");
    s.send("\x13");
    s.wait_text("Comment saved");
    quit(&mut s);

    let mut again = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    again.wait_text(TITLE);
    again.wait_for("the note's mark in the contents", |rows| {
        rows.iter().any(|r| r.contains("? Kan nervesmerter") && r.contains('✎'))
    });
    again.send("A");
    again.wait_text("Kan nervesmerter helbredes?: Nævn kronisk smerte.");
    again.send("e");
    again.wait_text("Og kilden.");
    again.send("\x1b");
    again.send("\x1b");
    quit(&mut again);
    let listed = notes_listed(dir.path());
    assert!(listed.contains("Nævn kronisk smerte."), "{listed}");
}

/// What `artikel notes` lists from the ledger in `dir`.
fn notes_listed(dir: &std::path::Path) -> String {
    let out = std::process::Command::new(common::bin())
        .args(["--data-dir", dir.to_str().expect("path"), "notes"])
        .env("ARTIKEL_LANG", "en")
        .output()
        .expect("notes");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_note_being_written_when_the_connection_drops_is_offered_back() {
    let dir = tempfile::tempdir().expect("temp");
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    s.send("]a");
    s.wait_text("Comment · Hvad er årsagerne til nervesmerter?");
    s.send("Vigtigt: diabetes nævnes");
    s.wait_text("Vigtigt: diabetes nævnes");
    // What a dropped SSH connection does: the terminal's side hangs up the session.
    let hup = std::process::Command::new("kill").args(["-HUP", &s.pid().to_string()]).status();
    assert!(hup.expect("kill").success());
    assert_eq!(s.wait_exit(Duration::from_secs(2)), Some(129), "gone at once");
    assert!(dir.path().join("draft.yaml").exists(), "the draft was kept");

    let mut again = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    again.wait_text("Recovered an unsaved note");
    again.wait_text("Vigtigt: diabetes nævnes");
    again.wait_text("Comment · Hvad er årsagerne til nervesmerter?");
    again.send("\x13");
    again.wait_text("Comment saved");
    quit(&mut again);
    assert!(!dir.path().join("draft.yaml").exists(), "saved, the draft is gone");
    let listed = notes_listed(dir.path());
    assert!(listed.contains("Vigtigt: diabetes nævnes"), "{listed}");
}

#[test]
fn two_sessions_saving_notes_at_once_keep_both() {
    let dir = tempfile::tempdir().expect("temp");
    let mut one = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    let mut two = Session::start(&["open", "knaesmerter"], 80, 24, dir.path());
    one.wait_text(TITLE);
    two.wait_text("Knæsmerter – Årsager");
    one.send("a");
    two.send("a");
    one.wait_text("Comment ·");
    two.wait_text("Comment ·");
    one.send("Fra første session");
    two.send("Fra anden session");
    one.wait_text("Fra første session");
    two.wait_text("Fra anden session");
    one.send("\x13");
    two.send("\x13");
    one.wait_text("Comment saved");
    two.wait_text("Comment saved");
    quit(&mut one);
    quit(&mut two);
    let out = std::process::Command::new(common::bin())
        .env("ARTIKEL_LANG", "en")
        .args(["--data-dir", dir.path().to_str().expect("path"), "notes"])
        .output()
        .expect("notes");
    let listed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(listed.contains("Fra første session") && listed.contains("Fra anden session"), "{listed}");
}

#[test]
fn each_article_reopens_where_it_was_left_and_plain_artikel_reopens_the_last() {
    let dir = tempfile::tempdir().expect("temp");
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    s.send("f}");
    s.wait_for("the first FAQ answer on top", |rows| {
        rows[1].contains("Hvad er forskellen mellem nervesmerter og")
    });
    quit(&mut s);
    let mut again = Session::start(&[], 80, 24, dir.path());
    again.wait_for("the same place", |rows| {
        rows[0].contains(TITLE) && rows[1].contains("Hvad er forskellen mellem nervesmerter")
    });
    quit(&mut again);
}

#[test]
fn two_sessions_bookmarking_the_same_section_keep_the_bookmark() {
    let dir = tempfile::tempdir().expect("temp");
    let place = ["open", "nervesmerter#kan-nervesmerter-helbredes"];
    let mut one = Session::start(&place, 80, 24, dir.path());
    let mut two = Session::start(&place, 80, 24, dir.path());
    one.wait_text("Kan nervesmerter helbredes?");
    two.wait_text("Kan nervesmerter helbredes?");
    // Neither has seen the other's bookmark: both ask for one.
    one.send("m");
    one.wait_text("Bookmarked");
    two.send("m");
    two.wait_text("Bookmarked");
    quit(&mut one);
    quit(&mut two);
    let store = artikel::store::Disk::new(dir.path()).load().store;
    let marked: Vec<&str> = store.bookmarks.iter().map(|b| b.anchor.heading.as_str()).collect();
    assert_eq!(marked, ["Kan nervesmerter helbredes?"], "both said Bookmarked, so it is there");
}

#[test]
fn a_notes_file_that_cannot_be_read_says_so_and_is_never_called_newer() {
    let dir = tempfile::tempdir().expect("temp");
    // A folder where notes.yaml should be.
    std::fs::create_dir_all(dir.path().join("notes.yaml")).expect("mkdir");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(common::bin())
            .env("ARTIKEL_LANG", "en")
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("run");
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // The review ledger imports notes.yaml on first open: it says why it could not.
    let (code, said) = run(&["review", "approve", "nervesmerter"]);
    assert_eq!(code, Some(0), "the decision goes to the ledger all the same: {said}");
    assert!(said.contains("Not imported into the review ledger"), "{said}");
    assert!(said.contains("notes.yaml: it is a folder, not a file"), "{said}");
    assert!(!said.contains("newer"), "{said}");
    let (_, said) = run(&["notes"]);
    assert!(said.contains("it is a folder, not a file"), "{said}");
    assert!(dir.path().join("notes.yaml").is_dir(), "left as it is");
}
