//! The ledger on PostgreSQL beside the SQLite file, as percentiles (divan gives medians):
//! `cargo bench --bench ledger -- engines`. On a throwaway cluster that syncs its commits to
//! disk as a real server does, on this machine (loopback: no network in the figures).
//!
//! - a decision committed (p50, p95 of 200), on each engine;
//! - `review status` (every article judged) at 10,000 articles and 50,000 rows, the same
//!   rows on each engine (p50, p95 of 10);
//! - news from host A to a reader on host B: from A's write until B's reader has read the
//!   rows after the last it saw (the database's notice, then `news_since`), p50, p95 of 100.

use artikel::ledger::{Engine, Ledger, Link, Options, PgLedger, Verdict, Write};
use artikel::library::Article;
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[path = "../../src/ledger/postgres/cluster.rs"]
mod cluster;

/// The 50th and 95th percentiles of `times`.
fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[(times.len() * 95 / 100).min(times.len() - 1)])
}

fn say(what: &str, (p50, p95): (Duration, Duration)) {
    println!("{what:<58} p50 {:>9.2} ms   p95 {:>9.2} ms", ms(p50), ms(p95));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn commits(engine: &mut dyn Engine) -> Vec<Duration> {
    (0..200)
        .map(|i| {
            let write = Write::decide("knae", format!("Tekst {i}\n"), "bo", Verdict::Approved, "");
            let start = Instant::now();
            assert_eq!(engine.record(&[write]).1, None);
            start.elapsed()
        })
        .collect()
}

fn statuses(engine: &dyn Engine, library: &[Article]) -> Vec<Duration> {
    (0..10)
        .map(|_| {
            let start = Instant::now();
            assert_eq!(engine.judge(library, library).expect("judged").len(), library.len());
            start.elapsed()
        })
        .collect()
}

/// Runs the figures; `big` is the SQLite ledger of 50,000 rows over `library`.
pub fn run(big: &std::path::Path, library: &[Article]) {
    let Some(pg) = cluster::Cluster::start_durable() else { return };
    let dir = tempfile::tempdir().expect("temp");
    let mut file = Ledger::open(&Options::new(dir.path().join("review.db")));
    let url = pg.database();
    let mut shared = PgLedger::connect(&url, None).expect("connect");
    say("decision committed, SQLite", percentiles(commits(&mut file)));
    say("decision committed, PostgreSQL", percentiles(commits(&mut shared)));

    let sqlite = Ledger::open(&Options::new(big));
    let all = Engine::dump(&sqlite).expect("dump");
    let big_url = pg.database();
    let mut big_shared = PgLedger::connect(&big_url, None).expect("connect");
    big_shared.load(&all).expect("the same rows on PostgreSQL");
    say("review status, 10,000 articles, 50,000 rows, SQLite", percentiles(statuses(&sqlite, library)));
    say(
        "review status, 10,000 articles, 50,000 rows, PostgreSQL",
        percentiles(statuses(&big_shared, library)),
    );

    // Host B's reader listens as the reader does; host A writes.
    let mut reader = Link::new(Options::new(&url));
    let _ = reader.open();
    let (tx, rx) = mpsc::channel();
    assert!(reader.listen(move || {
        let _ = tx.send(Instant::now());
    }));
    std::thread::sleep(Duration::from_millis(500));
    while rx.try_recv().is_ok() {}
    let _ = reader.changed();
    let mut host_a = PgLedger::connect(&url, None).expect("connect");
    let news: Vec<Duration> = (0..100)
        .map(|i| {
            let write = Write::decide("ryg", format!("Ryg {i}\n"), "anna", Verdict::Approved, "");
            let start = Instant::now();
            assert_eq!(host_a.record(&[write]).1, None);
            rx.recv_timeout(Duration::from_secs(5)).expect("told");
            assert!(reader.changed(), "the reader reads the news");
            let took = start.elapsed();
            // Quiet between writes, as reviewers are.
            std::thread::sleep(Duration::from_millis(20));
            while rx.try_recv().is_ok() {}
            took
        })
        .collect();
    say("news from host A to a reader on host B, PostgreSQL", percentiles(news));
}
