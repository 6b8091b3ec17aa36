//! The reader served over SSH, as a reviewer sees it: the real `ssh -tt` in a pseudo-terminal,
//! read with vt100. Every server listens on 127.0.0.1 only, on a port the system picks.

use crate::support;

use crate::common;

use common::Session;
use std::time::Duration;
use support::Server;

/// The reader's top line: row 1, right of the sidebar's rule.
fn reader_top(rows: &[String]) -> String {
    let row = rows.get(1).map(String::as_str).unwrap_or_default();
    row.split_once('│').map_or(row, |(_, text)| text).trim().to_string()
}

/// Whether a file in anna's own folder (or a session's draft folder in it) holds `text`.
fn kept(server: &Server, text: &str) -> bool {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() { files(&path, out) } else { out.push(path) }
        }
    }
    let mut found = Vec::new();
    files(&server.dir.path().join("data/reviewers/anna"), &mut found);
    found.iter().filter_map(|p| std::fs::read_to_string(p).ok()).any(|t| t.contains(text))
}

/// A terminal of `cols`×`rows` where `ssh -tt` to `server` as anna is running.
fn connect(server: &Server, cols: u16, rows: u16) -> Session {
    connect_with(server, cols, rows, "")
}

/// As [`connect`], with `options` for ssh.
fn connect_with(server: &Server, cols: u16, rows: u16, options: &str) -> Session {
    let home = tempfile::tempdir().expect("temp dir");
    let mut s = Session::shell(cols, rows, home.path());
    let dir = server.dir.path().display();
    s.send(&format!(
        "exec ssh -F /dev/null -tt -p {} -i {dir}/anna -o UserKnownHostsFile={dir}/known_hosts \
         -o StrictHostKeyChecking=accept-new -o BatchMode=yes -o IdentitiesOnly=yes -o IdentityAgent=none \
         {options} anna@127.0.0.1\r",
        server.port
    ));
    s
}

/// Whether `out` sets a colour (SGR 30–37, 40–47, 90–97 or 38).
fn has_colour(out: &str) -> bool {
    out.split("\x1b[")
        .skip(1)
        .filter_map(|seq| seq.split_once('m').map(|(p, _)| p))
        .filter(|p| p.chars().all(|c| c.is_ascii_digit() || c == ';'))
        .flat_map(|p| p.split(';'))
        .filter_map(|n| n.parse::<u8>().ok())
        .any(|n| (30..=37).contains(&n) || (90..=97).contains(&n) || (40..=47).contains(&n) || n == 38)
}

/// What a session sent up to its help screen; then it quits.
fn up_to_help(mut s: Session) -> String {
    s.wait_text("Library");
    s.send("]?");
    s.wait_text("Keys");
    let out = String::from_utf8_lossy(&s.output()).into_owned();
    s.send("qq");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0));
    out
}

#[test]
fn the_clients_no_color_and_locale_are_honoured() {
    let server = Server::start(&[]);
    let out = up_to_help(connect(&server, 80, 24));
    assert!(has_colour(&out) && out.contains('│'), "16 colours and box lines by default");
    let out = up_to_help(connect_with(&server, 80, 24, "-o 'SetEnv=NO_COLOR=1 LANG=C'"));
    assert!(!has_colour(&out), "no colour under the client's NO_COLOR");
    assert!(!out.contains('│') && out.contains('|'), "ASCII under the client's LANG=C");
}

#[test]
fn the_library_shows_and_jumps_and_a_resize_redraws() {
    let server = Server::start(&[]);
    let mut s = connect(&server, 80, 24);
    s.wait_text("Knæsmerter – Årsager, undersøgelse og behandling");
    assert!(s.alternate_screen(), "the reader runs on the alternate screen");
    // Cleared as it is entered: nothing a terminal kept on it shows through the first frame.
    let out = String::from_utf8_lossy(&s.output()).into_owned();
    let entered = out.find("\x1b[?1049h").expect("entered the alternate screen");
    assert!(out[entered..].starts_with("\x1b[?1049h\x1b[2J"), "{:?}", &out[entered..entered + 40]);
    s.send("]");
    s.wait_for("the first question on top", |rows| reader_top(rows) == "Hvad er årsagerne til knæsmerter?");
    s.send("}");
    s.wait_for("the first FAQ answer on top", |rows| {
        reader_top(rows) == "Må jeg træne, når jeg har slidgigt i knæet?"
    });
    s.resize(50, 14);
    s.wait_for("the heading on top at 50×14, sidebar hidden", |rows| {
        rows[1].trim() == "Må jeg træne, når jeg har slidgigt i knæet?"
    });
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0), "ssh ends as the reader quits");
    assert!(server.wait_log("anna reader quit"), "{}", server.log());
    let saved = std::fs::read_to_string(server.dir.path().join("data/reviewers/anna/notes.yaml"));
    assert!(saved.is_ok_and(|s| s.contains("knaesmerter")), "the position is kept in anna's own store");
}

#[test]
fn a_session_shows_the_ledgers_marks_and_writes_as_its_reviewer() {
    use artikel::ledger::{Ledger, Options, Verdict, Write, normalised};
    let server = Server::start_seeded(&[], |data| {
        let mut ledger = Ledger::open(&Options::new(data.join("review.db")));
        let library = artikel::library::Library::bundled();
        let text = |i: usize| normalised(&library.articles[i].clone());
        let mut decide = |i: usize, text: String, verdict| {
            let slug = &library.articles[i].slug;
            ledger.submit(Write::decide(slug, text, "lead", verdict, "")).expect("saved");
        };
        decide(0, text(0), Verdict::Approved);
        decide(1, format!("{}\nolder", text(1)), Verdict::Approved);
        decide(2, format!("{}\nolder", text(2)), Verdict::Approved);
        decide(3, text(3), Verdict::ChangesRequested);
    });
    let mut s = connect(&server, 80, 24);
    s.wait_text("Library · 2 changed");
    let marks: Vec<char> = s.rows().iter().skip(2).take(6).filter_map(|l| l.chars().next()).collect();
    assert_eq!(marks, ['✓', '~', '~', '!', ' ', ' '], "{}", s.rows().join("\n"));
    // A note written over SSH is anna's, not the server's user's.
    s.send("a");
    s.wait_text("Comment · Introduction");
    s.send("skrevet over ssh");
    s.wait_text("skrevet over ssh");
    s.send("\x13");
    s.wait_text("Comment saved");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0));
    let out = server.run("anna", &["anna@127.0.0.1", "notes", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", support::text(&out.stderr));
    let notes: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let note = notes.as_array().and_then(|n| n.iter().find(|n| n["text"] == "skrevet over ssh"));
    let note = note.unwrap_or_else(|| panic!("the note is in the ledger: {notes}"));
    assert_eq!(note["author"], "anna", "written by the key's reviewer, not {}", support::SERVER_USER);
}

/// The mark before an article's row in the Library (a space when it has none).
fn mark_of(rows: &[String], name: &str) -> Option<char> {
    rows.iter().skip(2).find(|l| l.chars().skip(1).collect::<String>().starts_with(name))?.chars().next()
}

#[test]
fn a_decision_in_one_session_shows_in_another_without_a_key() {
    let server = Server::start(&[]);
    let watching = connect(&server, 80, 24);
    watching.wait_text("Library");
    assert_eq!(mark_of(&watching.rows(), "Knæsmerter"), Some(' '), "{}", watching.rows().join("\n"));
    let mut deciding = connect(&server, 80, 24);
    deciding.wait_text("Library");
    deciding.send("r");
    deciding.wait_text("a approve");
    deciding.send("aSer fint ud\r");
    deciding
        .wait_for("the approval marked where it was made", |rows| mark_of(rows, "Knæsmerter") == Some('✓'));
    // No key in the watching session: the server tells it the ledger changed.
    watching.wait_for("the other session's approval marked", |rows| mark_of(rows, "Knæsmerter") == Some('✓'));
    assert!(!server.log().contains("cannot watch the ledger"), "told, not asking: {}", server.log());
    for mut s in [deciding, watching] {
        s.send("q");
        assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0));
    }
}

#[test]
fn a_hostile_article_sends_none_of_its_sequences_over_ssh() {
    let server = Server::start(&["--articles", "tests/fixtures/hostile"]);
    let mut s = connect(&server, 100, 40);
    s.wait_text("Library");
    // The hostile article is first in the library: open it, and scroll through all of it.
    s.send("gG");
    s.wait_text("PWNED-TABLE");
    let raw = s.output();
    let out = String::from_utf8_lossy(&raw);
    for seq in
        ["\x1b]0;PWNED", "\x1b]2;PWNED", "\x1b]52;c;", "\x1b]8;;http://evil", "\x1b[38;5;196m", "\x1b[6n"]
    {
        assert!(!out.contains(seq), "the session wrote {seq:?}");
    }
    assert_eq!(raw.iter().filter(|&&b| b == 0x07).count(), 0, "no bell, and no OSC ended by one");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0));
}

#[test]
fn a_killed_client_ends_its_session_and_keeps_the_draft() {
    let server = Server::start(&[]);
    let mut s = connect(&server, 80, 24);
    s.wait_text("Knæsmerter – Årsager, undersøgelse og behandling");
    s.send("a");
    s.wait_text("Comment · Introduction");
    s.send("udkast over ssh");
    s.wait_text("udkast over ssh");
    support::kill(s.pid(), libc::SIGKILL);
    assert!(server.wait_log("anna reader ended: "), "{}", server.log());
    assert!(kept(&server, "udkast over ssh"), "the draft is kept in anna's folder");
    // The server goes on serving.
    let out = server.run("anna", &["anna@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn sigterm_saves_every_draft_and_says_goodbye() {
    let server = Server::start(&[]);
    let mut s = connect(&server, 80, 24);
    s.wait_text("Knæsmerter – Årsager, undersøgelse og behandling");
    s.send("a");
    s.wait_text("Comment · Introduction");
    s.send("stop udkast");
    s.wait_text("stop udkast");
    support::kill(server.child.id(), libc::SIGTERM);
    s.wait_for("the goodbye", |_| String::from_utf8_lossy(&s.output()).contains("artikel serve is stopping"));
    assert!(s.wait_exit(Duration::from_secs(10)).is_some(), "ssh ends");
    assert!(server.wait_log("anna reader ended: the server is stopping"), "{}", server.log());
    assert!(kept(&server, "stop udkast"), "the draft is kept in anna's folder");
}

#[test]
fn an_idle_reader_is_closed() {
    let server = Server::start(&["--idle-timeout", "1s"]);
    let mut s = connect(&server, 80, 24);
    s.wait_text("Knæsmerter – Årsager, undersøgelse og behandling");
    s.wait_for("the reason", |_| String::from_utf8_lossy(&s.output()).contains("idle timeout"));
    assert!(s.wait_exit(Duration::from_secs(20)).is_some(), "ssh ends when the reader is closed");
    assert!(server.wait_log("anna reader ended: idle"), "{}", server.log());
}

#[test]
fn two_sessions_of_one_reviewer_keep_both_drafts() {
    let server = Server::start(&[]);
    let mut sessions: Vec<Session> = ["første udkast", "andet udkast"]
        .iter()
        .map(|draft| {
            let mut s = connect(&server, 80, 24);
            s.wait_text("Knæsmerter – Årsager, undersøgelse og behandling");
            s.send("a");
            s.wait_text("Comment · Introduction");
            s.send(draft);
            s.wait_text(draft);
            s
        })
        .collect();
    // Both are cut off, one after the other.
    for (n, s) in sessions.iter_mut().enumerate() {
        support::kill(s.pid(), libc::SIGKILL);
        let ended = server.wait_until(|srv| srv.count_log("anna reader ended: ") == n + 1);
        assert!(ended, "{}", server.log());
    }
    assert!(kept(&server, "første udkast") && kept(&server, "andet udkast"), "neither draft is lost");
    // Each of the next two sessions is offered one of them back, the newest first; a draft
    // that is not finished stays to be offered again.
    let mut again = Vec::new();
    for draft in ["andet udkast", "første udkast"] {
        let s = connect(&server, 80, 24);
        s.wait_text(draft);
        again.push(s);
    }
    for s in again {
        support::kill(s.pid(), libc::SIGKILL);
    }
}

#[test]
fn over_ssh_an_approval_does_not_overrule_a_colleagues_request_and_a_policy_of_two_holds() {
    use artikel::ledger::{Ledger, Options, Verdict, Write, normalised};
    let server = Server::start_seeded(&[], |data| {
        let mut ledger = Ledger::open(&Options::new(data.join("review.db")));
        let approvals = ledger.set_policy(Some(2), Some(&["lead".to_string()]), "lead", "to par øjne");
        assert!(matches!(approvals, Ok(Ok(()))), "{approvals:?}");
        let library = artikel::library::Library::bundled();
        let (slug, text) = (&library.articles[0].slug, normalised(&library.articles[0].clone()));
        let asked = Write::decide(slug, text, "bo", Verdict::ChangesRequested, "dosis?");
        ledger.submit(asked).expect("saved");
    });
    // anna approves the very version bo sent back, in the reader over ssh.
    let mut s = connect(&server, 80, 24);
    s.wait_text("Library");
    s.send("r");
    s.wait_text("blocked by bo: dosis?");
    s.send("aSer fint ud\r");
    s.wait_for("anna's approval saved, the article still blocked", |rows| {
        mark_of(rows, "Knæsmerter") == Some('!')
    });
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0));
    let o = server.run("anna", &["anna@127.0.0.1", "review", "status"]);
    let status = support::text(&o.stdout);
    assert!(status.contains("1 of 2 approvals"), "{status}");
    assert!(status.contains("blocked by bo: dosis?"), "a third reviewer does not overrule: {status}");
    let o = server.run("anna", &["anna@127.0.0.1", "review", "status", "--check"]);
    assert_eq!(o.status.code(), Some(1), "not approved: the gate stays shut");
    let o = server.run("anna", &["anna@127.0.0.1", "review", "log", "knaesmerter"]);
    assert!(
        support::text(&o.stdout).contains(" anna approved knaesmerter "),
        "recorded as the key's reviewer"
    );
}
