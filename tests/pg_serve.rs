//! The reader and `artikel serve` on a ledger several hosts share, on a throwaway PostgreSQL
//! cluster the tests start and stop: the reader decides and comments as on a file and hears
//! another host's writes without being asked; when the database stops it says so at once,
//! keeps what was written and saves it once when the database is back; two servers on one
//! database show each other's decisions to their readers without a key press.

mod common;
mod reader_rig;

#[path = "../src/ledger/postgres/cluster.rs"]
mod cluster;

use artikel::ledger::{Engine, Link, Options, PgLedger, Verdict, Write, normalised};
use artikel::library::Library;
use artikel::tui::Wake;
use reader_rig::{Rig, SEED, library_row, rig_linked};
use std::time::{Duration, Instant};

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
    r.run();
    assert!(r.screen().contains("cannot be reached"), "said at once: {}", r.screen());
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
    std::thread::sleep(Duration::from_millis(1200));
    r.keys("<C-s>");
    r.run();
    assert!(r.screen().contains("Comment saved"), "{}", r.screen());
    let other = PgLedger::connect(&url, None).expect("connect");
    assert_eq!(other.comments(Some(SEED), true).expect("read").len(), 1);
}
