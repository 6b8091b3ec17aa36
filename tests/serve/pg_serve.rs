//! The reader and `artikel serve` on a ledger several hosts share, on a throwaway PostgreSQL
//! cluster the tests start and stop: the reader decides and comments as on a file and hears
//! another host's writes without being asked; when the database stops it says so at once,
//! keeps what was written and saves it once when the database is back; two servers on one
//! database show each other's decisions to their readers without a key press.

use crate::common;
use crate::reader_rig;

use crate::support;

use crate::cluster;

use artikel::ledger::{Engine, Link, Options, PgLedger, Verdict, Write, normalised};
use artikel::library::Library;
use artikel::tui::Wake;
use common::Session;
use reader_rig::{Rig, SEED, library_row, rig_linked};
use std::time::{Duration, Instant};
use support::Server;

/// The seed article's text now.
fn seed_text() -> String {
    let library = Library::bundled();
    normalised(&library.articles[library.position(SEED).expect("bundled")])
}

/// Waits up to `within` for the database to tell the reader something, and hands that (and
/// whatever came before it) back to the loop.
fn heard(r: &Rig, within: Duration) -> bool {
    let started = Instant::now();
    let mut came = Vec::new();
    let mut told = false;
    while let Some(left) = within.checked_sub(started.elapsed()) {
        match r.console.events.recv_timeout(left) {
            Ok(wake) => {
                told = matches!(wake, Wake::LedgerChanged);
                came.push(wake);
                if told {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    for wake in came {
        r.tx.send(wake).expect("send");
    }
    told
}

/// Presses `j` until the screen says `text` (the loop tries a queued write again as it
/// looks at the ledger), at most ten seconds.
fn until_said(r: &mut Rig, text: &str) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        r.keys("j");
        r.run();
        if r.screen().contains(text) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

#[test]
fn the_reader_on_a_shared_ledger_decides_comments_and_hears_another_hosts_decision_unasked() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let url = pg.database();
    let mut r = rig_linked("anne", Link::new(Options::new(&url)));
    r.keys("raSer fint ud<enter>");
    r.run();
    let screen = r.screen();
    assert!(library_row(&screen, "Nervesmerter").starts_with("✓Nervesmerter"), "{screen}");
    assert!(screen.contains("Approved version"), "{screen}");
    assert!(r.console.ledger_told, "the database tells of writes: nothing is asked on a timer");
    let mut bo = PgLedger::connect(&url, None).expect("another host");
    let latest = bo.latest(Some(SEED)).expect("read");
    let d = &latest[SEED][0];
    assert_eq!(
        (d.reviewer.as_str(), d.verdict, d.comment.as_str()),
        ("anne", Verdict::Approved, "Ser fint ud")
    );
    r.keys("]]aTjek kilderne.<C-s>");
    r.run();
    assert!(r.screen().contains("Comment saved: the team sees it"), "{}", r.screen());
    let comments = bo.comments(Some(SEED), true).expect("read");
    assert_eq!(
        comments.iter().map(|c| (c.author.as_str(), c.text.as_str())).collect::<Vec<_>>(),
        [("anne", "Tjek kilderne.")]
    );
    // Another host asks for changes: the reader hears it within a second or so, unasked.
    let written = Instant::now();
    let request = Write::decide(SEED, seed_text(), "bo", Verdict::ChangesRequested, "Kilde?");
    assert_eq!(bo.record(&[request]).1, None);
    assert!(heard(&r, Duration::from_secs(3)), "told of bo's decision");
    assert!(written.elapsed() < Duration::from_secs(3), "{:?}", written.elapsed());
    r.run();
    let screen = r.screen();
    assert!(library_row(&screen, "Nervesmerter").starts_with("!Nervesmerter"), "{screen}");
    r.keys("r");
    r.run();
    assert!(r.screen().contains("blocked by bo: Kilde?"), "the review window too: {}", r.screen());
}

#[test]
fn the_reader_says_at_once_when_the_database_stops_keeps_what_is_written_and_saves_it_once_when_back() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let url = pg.database();
    let mut r = rig_linked("anne", Link::new(Options::new(&url)));
    r.keys("j");
    r.run();
    assert!(r.console.ledger_told, "listening");
    pg.stop_fast();
    assert!(heard(&r, Duration::from_secs(5)), "told the database is gone");
    artikel::strings::set_thread_lang(Some(artikel::strings::Lang::Da));
    r.run();
    artikel::strings::set_thread_lang(None);
    let screen = r.screen();
    assert!(
        screen.contains("Protokollen på")
            && screen.contains("kan ikke nås")
            && screen.contains("Prøver igen hvert"),
        "in Danish: {screen}"
    );
    r.keys("ra<enter>");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("It stays queued"), "{screen}");
    assert!(!screen.contains("Approved version"), "never said saved: {screen}");
    assert_eq!(r.app.pending_ledger().len(), 1, "kept");
    pg.start_again();
    assert!(until_said(&mut r, "Saved in the review ledger (it had waited)"), "{}", r.screen());
    assert!(r.app.pending_ledger().is_empty());
    let other = PgLedger::connect(&url, None).expect("connect");
    let mine: Vec<_> =
        other.log(Some(SEED)).expect("log").into_iter().filter(|e| e.actor == "anne").collect();
    assert_eq!(mine.len(), 1, "saved exactly once: {mine:?}");
    // A comment saved while the database is down stays in its editor, text and all.
    pg.stop_fast();
    r.keys("]]aTjek kilderne.<C-s>");
    r.run();
    let editor = r.app.editor().expect("the editor stays open");
    assert!(editor.text().contains("Tjek kilderne."), "{}", r.screen());
    assert!(r.screen().contains("Not saved"), "{}", r.screen());
    assert!(other.comments(None, true).is_err(), "the database is down");
    pg.start_again();
    // Told (no key pressed) until the reader says the database is back.
    let started = Instant::now();
    while !r.screen().contains("The review ledger is reached again")
        && started.elapsed() < Duration::from_secs(8)
    {
        if heard(&r, Duration::from_secs(1)) {
            r.run();
        }
    }
    assert!(r.screen().contains("The review ledger is reached again"), "{}", r.screen());
    r.keys("<C-s>");
    r.run();
    assert!(r.screen().contains("Comment saved"), "{}", r.screen());
    let other = PgLedger::connect(&url, None).expect("connect");
    assert_eq!(other.comments(Some(SEED), true).expect("read").len(), 1);
}

/// A terminal of 80×24 where the real `ssh -tt` to `server` as anna runs the reader.
fn connect(server: &Server) -> Session {
    let home = tempfile::tempdir().expect("temp dir");
    let mut s = Session::shell(80, 24, home.path());
    let dir = server.dir.path().display();
    s.send(&format!(
        "exec ssh -F /dev/null -tt -p {} -i {dir}/anna -o UserKnownHostsFile={dir}/known_hosts \
         -o StrictHostKeyChecking=accept-new -o BatchMode=yes -o IdentitiesOnly=yes -o IdentityAgent=none \
         anna@127.0.0.1\r",
        server.port
    ));
    s
}

/// The mark before an article's row in the Library (a space when it has none).
fn mark_of(rows: &[String], name: &str) -> Option<char> {
    rows.iter().skip(2).find(|l| l.chars().skip(1).collect::<String>().starts_with(name))?.chars().next()
}

#[test]
fn a_decision_made_through_one_server_shows_in_a_reader_on_another_without_a_key() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let url = pg.database();
    let (first, second) = (Server::start(&["--ledger", &url]), Server::start(&["--ledger", &url]));
    assert_ne!(first.port, second.port);
    let watching = connect(&second);
    watching.wait_text("Library");
    assert_eq!(mark_of(&watching.rows(), "Knæsmerter"), Some(' '), "{}", watching.rows().join("\n"));
    let mut deciding = connect(&first);
    deciding.wait_text("Library");
    deciding.send("r");
    deciding.wait_text("a approve");
    let decided = Instant::now();
    deciding.send("aSer fint ud\r");
    // No key on the second host: the database tells its server, which tells the reader.
    watching.wait_for("the first host's approval marked", |rows| mark_of(rows, "Knæsmerter") == Some('✓'));
    let took = decided.elapsed();
    eprintln!("from Enter on one host to the mark on another: {took:?}");
    deciding
        .wait_for("the approval marked where it was made", |rows| mark_of(rows, "Knæsmerter") == Some('✓'));
    assert!(
        took < Duration::from_secs(3),
        "a second is the goal, three the limit on a busy machine: {took:?}"
    );
    let bo = PgLedger::connect(&url, None).expect("connect");
    let latest = bo.latest(Some("knaesmerter")).expect("read");
    assert_eq!(latest["knaesmerter"][0].reviewer, "anna", "written as the key's reviewer");
    for server in [&first, &second] {
        assert!(!server.log().contains("postgres://"), "the URL is never logged: {}", server.log());
        assert!(!server.log().contains("not available yet"), "{}", server.log());
    }
    for mut s in [deciding, watching] {
        s.send("q");
        assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0));
    }
}

#[test]
fn a_served_reader_outlives_a_database_restart_and_saves_what_waited_once() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let url = pg.database();
    let server = Server::start(&["--ledger", &url]);
    let mut s = connect(&server);
    s.wait_for("the marks read", |rows| {
        rows.get(1).is_some_and(|r| r.contains("Library") && !r.contains('…'))
    });
    pg.stop_fast();
    s.wait_text("Trying again every second");
    s.send("r");
    s.wait_text("a approve");
    s.send("a\r");
    s.wait_text("stays queued");
    assert!(!s.rows().join("\n").contains("Approved version"), "{}", s.rows().join("\n"));
    pg.start_again();
    s.wait_text("(it had waited)");
    assert_eq!(mark_of(&s.rows(), "Knæsmerter"), Some('✓'), "{}", s.rows().join("\n"));
    let other = PgLedger::connect(&url, None).expect("connect");
    let anna: Vec<_> = other.log(None).expect("log").into_iter().filter(|e| e.actor == "anna").collect();
    assert_eq!(anna.len(), 1, "saved exactly once: {anna:?}");
    // The session is still the same one: it quits as usual.
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0));
}

#[test]
fn the_terminal_reader_on_a_shared_ledger_decides_and_shows_another_hosts_request_without_a_key() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let url = pg.database();
    let data = tempfile::tempdir().expect("dir");
    let env = [("ARTIKEL_LEDGER", ""), ("ARTIKEL_ACCOUNT", "")];
    let mut s = Session::start_with(&["--ledger", &url, "open", "knaesmerter"], 100, 30, data.path(), &env);
    s.wait_for("the ledger's marks", |rows| {
        rows.iter().any(|r| r.contains(" Library ")) && !rows.iter().any(|r| r.contains("Library …"))
    });
    s.send("ra");
    s.wait_text("Approve. Comment (optional):");
    s.send("Fint\r");
    s.wait_text("Approved version");
    s.wait_for("marked approved", |rows| mark_of(rows, "Knæsmerter") == Some('✓'));
    let mut bo = PgLedger::connect(&url, None).expect("another host");
    let library = Library::bundled();
    let knae = normalised(&library.articles[library.position("knaesmerter").expect("bundled")]);
    let request = Write::decide("knaesmerter", knae, "bo", Verdict::ChangesRequested, "Kilde?");
    assert_eq!(bo.record(&[request]).1, None);
    // No key: the database tells the reader.
    s.wait_for("bo's request marked", |rows| mark_of(rows, "Knæsmerter") == Some('!'));
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
    let latest = bo.latest(Some("knaesmerter")).expect("read");
    assert_eq!(latest["knaesmerter"].len(), 2, "the reader's approval and bo's request");
    assert!(!data.path().join("review.db").exists(), "no file beside the shared ledger");
}
