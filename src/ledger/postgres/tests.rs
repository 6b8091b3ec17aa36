//! The ledger on a throwaway PostgreSQL cluster ([`super::cluster`]): the engine suite every
//! engine passes, and what only a shared database has (hosts starting together, writers on
//! two connections, the append-only triggers).

use super::super::tests::engines;
use super::super::{Engine, Verdict, Write, normalise};
use super::PgLedger;
use super::cluster::Cluster;

fn connect(url: &str) -> PgLedger {
    PgLedger::connect(url, None).unwrap_or_else(|e| panic!("connect to {url}: {e}"))
}

#[test]
fn postgres_passes_the_engine_suite() {
    let Some(cluster) = Cluster::start() else { return };
    engines::run(|| Box::new(connect(&cluster.database())));
}

#[test]
fn a_ledger_moves_from_sqlite_to_postgres_and_back_chain_and_all() {
    let Some(cluster) = Cluster::start() else { return };
    let dir = tempfile::tempdir().expect("dir");
    let mut file = super::super::Ledger::open(&super::super::Options::new(dir.path().join("team.db")));
    let mut shared = connect(&cluster.database());
    engines::copies(&mut file, &mut shared);
    let mut back = super::super::Ledger::open(&super::super::Options::new(dir.path().join("back.db")));
    back.load(&shared.dump().expect("dump")).expect("copied back");
    assert_eq!(back.dump().expect("dump"), file.dump().expect("dump"));
    assert!(back.verify().expect("verify").problems.is_empty());
}

#[test]
fn hosts_share_one_chain_and_nobody_rewrites_it() {
    let Some(cluster) = Cluster::start() else { return };
    let url = cluster.database();
    // Four hosts starting at once: the schema is made once, under the advisory lock.
    let hosts: Vec<PgLedger> = std::thread::scope(|s| {
        let started: Vec<_> = (0..4).map(|_| s.spawn(|| connect(&url))).collect();
        started.into_iter().map(|h| h.join().expect("host started")).collect()
    });
    assert!(hosts.iter().all(|h| !h.read_only()));
    // Their writes interleave, and the trail stays one chain.
    std::thread::scope(|s| {
        for (n, mut host) in hosts.into_iter().enumerate() {
            s.spawn(move || {
                for i in 0..10 {
                    let text = normalise(&format!("Tekst {n} {i}\n"));
                    let write =
                        Write::decide(&format!("artikel-{n}"), text, &format!("r{n}"), Verdict::Approved, "");
                    let (done, error) = host.record(&[write]);
                    assert!(error.is_none() && done.len() == 1, "{error:?}");
                }
            });
        }
    });
    let reader = connect(&url);
    let found = reader.verify().expect("verify");
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    assert_eq!(found.rows, 40);
    assert_eq!(reader.latest(None).expect("latest").len(), 4);
    // The trail and the decisions refuse a change by mistake, the tables' owner's too (an owner
    // can still disable the triggers: only a role that does not own the tables is bound).
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    for sql in [
        "UPDATE audit SET actor = 'mallory' WHERE seq = 3",
        "DELETE FROM audit WHERE seq = 40",
        "TRUNCATE audit",
        "UPDATE decisions SET verdict = 'changes-requested'",
        "DELETE FROM versions",
    ] {
        let refused = raw.batch_execute(sql).expect_err(sql);
        assert!(
            refused.to_string().contains("append-only") || format!("{refused:?}").contains("append-only"),
            "{sql}: {refused:?}"
        );
    }
    // Someone who drops the guard and rewrites a row is caught by verify.
    raw.batch_execute(
        "ALTER TABLE audit DISABLE TRIGGER audit_append_only;
         UPDATE audit SET actor = 'mallory' WHERE seq = 3;",
    )
    .expect("as the superuser");
    let found = reader.verify().expect("verify");
    assert_eq!(
        found.problems.first().and_then(|(row, _)| row.as_ref().map(|r| r.seq)),
        Some(3),
        "{:?}",
        found.problems
    );
}

#[test]
#[should_panic(expected = "ARTIKEL_REQUIRE_PG is set")]
fn missing_server_programs_fail_the_tests_where_artikel_require_pg_is_set() {
    super::cluster::missing(Some("1".into()));
}

#[test]
fn missing_server_programs_skip_the_tests_elsewhere() {
    assert!(super::cluster::missing(None).is_none());
    assert!(super::cluster::missing(Some("".into())).is_none());
}

#[test]
fn a_password_in_the_url_is_refused_before_connecting() {
    let with_password =
        PgLedger::connect("postgres://anna:hemmeligt@127.0.0.1:1/ledger", None).expect_err("refused");
    assert!(with_password.to_string().contains("PGPASSWORD"), "{with_password}");
    assert!(!with_password.to_string().contains("hemmeligt"), "the password is not repeated");
}

#[test]
fn sslmode_require_talks_tls_to_a_server_it_trusts_and_refuses_one_it_does_not() {
    let Some(cluster) = Cluster::start_tls() else { return };
    let url =
        cluster.database().replace("127.0.0.1", "localhost").replace("sslmode=disable", "sslmode=require");
    let mut ledger =
        PgLedger::connect_trusting(&url, None, Some(&cluster.authority())).expect("connect over TLS");
    let write = Write::decide("knae", normalise("Tekst\n"), "bo", Verdict::Approved, "");
    assert_eq!(ledger.record(&[write]).1, None);
    let tls: bool = ledger
        .client()
        .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        .expect("asked")
        .get(0);
    assert!(tls, "the connection is TLS");
    // The system's roots do not hold the test's authority: refused, never plain instead.
    let refused = PgLedger::connect(&url, None).expect_err("an unknown authority");
    assert!(refused.to_string().to_lowercase().contains("certificate"), "{refused}");
    // PGSSLMODE asks for TLS when the URL says nothing, even to this machine.
    let bare = url.replace("?sslmode=require", "");
    let asked =
        PgLedger::open(&bare, None, Some(&cluster.authority()), Some("verify-full"), true).expect("TLS");
    assert!(is_tls(&asked), "PGSSLMODE=verify-full is TLS");
    // This machine without any sslmode is reached plainly; only sslmode=disable is plain elsewhere.
    let plain = PgLedger::open(&bare, None, None, None, true).expect("plain");
    assert!(!is_tls(&plain));
}

fn is_tls(ledger: &PgLedger) -> bool {
    ledger
        .client()
        .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        .expect("asked")
        .get(0)
}

#[test]
fn writes_are_durable_read_committed_and_busy_after_five_seconds_whatever_the_databases_defaults() {
    let Some(cluster) = Cluster::start() else { return };
    let url = cluster.database();
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let db: String = raw.query_one("SELECT current_database()", &[]).expect("name").get(0);
    raw.batch_execute(&format!(
        "ALTER DATABASE \"{db}\" SET synchronous_commit = off;
         ALTER DATABASE \"{db}\" SET default_transaction_isolation = 'repeatable read'"
    ))
    .expect("defaults");
    let ledger = connect(&url);
    let show = |name: &str| -> String {
        ledger.client().query_one(&format!("SHOW {name}"), &[]).expect("shown").get(0)
    };
    assert_eq!(show("synchronous_commit"), "on", "reported saved means on the server's disk");
    assert_eq!(show("lock_timeout"), "5s");
    assert_eq!(show("idle_in_transaction_session_timeout"), "1min");
    // A writer that waited for the lock chains onto the row committed meanwhile (under the
    // database's repeatable read it would read the head from before the wait).
    let mut other = raw.transaction().expect("begin");
    other.execute("SELECT pg_advisory_xact_lock($1)", &[&super::WRITE_LOCK]).expect("locked");
    let waiting = std::thread::spawn(move || {
        let mut ledger = ledger;
        let write = Write::decide("knae", normalise("Tekst\n"), "bo", Verdict::Approved, "");
        ledger.record(&[write]).1
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    other
        .execute(
            "INSERT INTO audit(seq, at, actor, action, slug, version, target, detail, state, hash)
             VALUES (1, 'at', 'ole', 'note', 'knae', 'v', '', '', '', 'h')",
            &[],
        )
        .expect("a row meanwhile");
    other.commit().expect("commit");
    assert_eq!(waiting.join().expect("writer").map(|e| e.to_string()), None);
    // A lock held past the timeout is the busy message SQLite gives, not saved.
    raw.execute("SELECT pg_advisory_lock($1)", &[&super::WRITE_LOCK]).expect("held");
    let mut ledger = connect(&url);
    ledger.client().batch_execute("SET lock_timeout = '200ms'").expect("shorter");
    let write = Write::decide("knae", normalise("Tekst 2\n"), "bo", Verdict::Approved, "");
    let (done, error) = ledger.record(&[write]);
    assert!(done.is_empty());
    assert!(matches!(error, Some(super::super::LedgerError::Busy)), "{error:?}");
    // The reader's write waits as briefly as it asks, and leaves the session's wait as it was.
    ledger.client().batch_execute("SET lock_timeout = '5s'").expect("back");
    let write = Write::decide("knae", normalise("Tekst 3\n"), "bo", Verdict::Approved, "");
    let (done, error) = ledger.record_waiting(
        &[write],
        std::time::Duration::from_millis(100),
        std::time::Duration::from_secs(5),
    );
    assert!(done.is_empty());
    assert!(matches!(error, Some(super::super::LedgerError::Busy)), "{error:?}");
    let shown: String = ledger.client().query_one("SHOW lock_timeout", &[]).expect("show").get(0);
    assert_eq!(shown, "5s");
}

#[test]
fn a_runtime_role_granted_only_what_the_guide_lists_opens_writes_and_cannot_lift_the_triggers() {
    let Some(cluster) = Cluster::start() else { return };
    let url = cluster.database();
    drop(connect(&url)); // the owner makes the schema
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    raw.batch_execute(
        "CREATE ROLE runtime LOGIN;
         GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO runtime;
         GRANT UPDATE ON comments, policy TO runtime;
         GRANT USAGE ON SEQUENCE decisions_id_seq, replies_n_seq TO runtime;",
    )
    .expect("grants");
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let (_, place) = rest.split_once('@').expect("a user");
    let runtime = format!("{scheme}://runtime@{place}");
    let mut ledger = connect(&runtime);
    assert!(!ledger.read_only() && ledger.message.is_none(), "{:?}", ledger.message);
    let write = Write::decide("knae", normalise("Tekst\n"), "bo", Verdict::Approved, "");
    assert_eq!(ledger.record(&[write]).1.map(|e| e.to_string()), None);
    let lifted = ledger.client().batch_execute("ALTER TABLE audit DISABLE TRIGGER audit_append_only");
    assert!(lifted.is_err(), "a role that does not own the tables cannot disable their triggers");
    assert!(ledger.verify().expect("verify").problems.is_empty());
}

#[test]
fn a_ledger_of_the_first_schema_gets_the_latest_decisions_index_and_judges_as_before() {
    use crate::library::{Article, Source};
    let Some(cluster) = Cluster::start() else { return };
    let url = cluster.database();
    let text = "---\nmetaTitle: Knæ\n---\nIntro.\n";
    let knae = Article::from_bytes("knae".into(), Source::Bundled, text.as_bytes()).0;
    let mut ledger = connect(&url);
    let writes = [
        Write::decide("knae", super::super::normalised(&knae), "bo", Verdict::ChangesRequested, "Kilde?"),
        Write::decide("knae", super::super::normalised(&knae), "bo", Verdict::Approved, ""),
    ];
    assert_eq!(ledger.record(&writes).1.map(|e| e.to_string()), None);
    let before = ledger.judge(std::slice::from_ref(&knae), std::slice::from_ref(&knae)).expect("judged");
    drop(ledger);
    // As an earlier build left it: schema 1, without the index.
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    raw.batch_execute("DROP INDEX decisions_by_reviewer; DELETE FROM artikel_schema WHERE version > 1;")
        .expect("schema 1");
    let ledger = connect(&url);
    let found: (i64, bool) = raw
        .query_one(
            "SELECT max(version), to_regclass('decisions_by_reviewer') IS NOT NULL FROM artikel_schema",
            &[],
        )
        .map(|r| (r.get(0), r.get(1)))
        .expect("asked");
    assert_eq!(found, (super::SCHEMA, true), "upgraded on opening");
    let after = ledger.judge(std::slice::from_ref(&knae), std::slice::from_ref(&knae)).expect("judged");
    assert_eq!(after, before);
    assert_eq!(after[0].state, super::super::ArticleState::Approved, "bo's later approval stands");
}

#[test]
fn the_file_opener_given_a_url_makes_no_file_and_says_why() {
    crate::strings::set_thread_lang(Some(crate::strings::Lang::En));
    let url = "postgres://anna:hemmeligt@127.0.0.1:1/ledger";
    let ledger = super::super::Ledger::open(&super::super::Options::new(url));
    crate::strings::set_thread_lang(None);
    assert!(ledger.read_only() && ledger.opened() == super::super::Opened::StandIn);
    let message = ledger.message.clone().unwrap_or_default();
    assert!(message.contains("PostgreSQL") && !message.contains("hemmeligt"), "{message}");
    assert!(!std::path::Path::new("postgres:").exists(), "no file named like the URL");
}

#[test]
fn a_write_on_one_host_is_news_on_another_and_a_dropped_listener_catches_up() {
    use std::sync::mpsc;
    use std::time::Duration;
    let Some(cluster) = Cluster::start() else { return };
    let url = cluster.database();
    let mut writer = connect(&url);
    let first = Write::decide("knae", normalise("Tekst\n"), "bo", Verdict::Approved, "");
    assert_eq!(writer.record(&[first]).1, None);
    let (tx, rx) = mpsc::channel();
    let _listening = PgLedger::listen(&url, 0, move |heard| {
        if let super::Heard::News(rows) = heard {
            let _ = tx.send(rows.iter().map(|e| (e.seq, e.action.clone())).collect::<Vec<_>>());
        }
    });
    // What was there before is told at once.
    assert_eq!(rx.recv_timeout(Duration::from_secs(5)).expect("caught up"), [(1, "approved".to_string())]);
    assert!(rx.recv_timeout(Duration::from_millis(500)).is_err(), "no news while nothing changes");
    let second = Write::decide("knae", normalise("Tekst\n"), "anna", Verdict::ChangesRequested, "Kilde?");
    let written = std::time::Instant::now();
    assert_eq!(writer.record(&[second]).1, None);
    // The goal is a second (see `figures`); a shared machine is given three.
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(3)).expect("news within three seconds"),
        [(2, "changes-requested".to_string())]
    );
    assert!(written.elapsed() < Duration::from_secs(3));
    // The listener's connection is cut; a row written meanwhile comes when it is back.
    let killed: i64 = writer
        .client()
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE (query LIKE 'LISTEN%' OR query LIKE '%FROM audit%') AND pid <> pg_backend_pid()",
            &[],
        )
        .expect("cut")
        .get(0);
    assert!(killed >= 1, "the listener was connected");
    let third = Write::decide("ryg", normalise("Tekst\n"), "cai", Verdict::Approved, "");
    assert_eq!(writer.record(&[third]).1, None);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).expect("caught up after the cut"),
        [(3, "approved".to_string())]
    );
}

#[test]
fn a_listener_stops_when_dropped_even_while_every_host_keeps_writing() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};
    let Some(cluster) = Cluster::start() else { return };
    let url = cluster.database();
    let listening = PgLedger::listen(&url, 0, |_| {});
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let writing = scope.spawn(|| {
            let mut writer = connect(&url);
            let started = Instant::now();
            let mut n = 0;
            // Faster than the listener's wait, for as long as the drop might take, at most 8 s.
            while !done.load(Ordering::Relaxed) && started.elapsed() < Duration::from_secs(8) {
                n += 1;
                let write =
                    Write::decide("knae", normalise(&format!("Tekst {n}\n")), "bo", Verdict::Approved, "");
                assert_eq!(writer.record(&[write]).1, None);
                std::thread::sleep(Duration::from_millis(40));
            }
        });
        std::thread::sleep(Duration::from_millis(800));
        let stopping = Instant::now();
        drop(listening);
        let took = stopping.elapsed();
        done.store(true, Ordering::Relaxed);
        writing.join().expect("writer");
        assert!(took < Duration::from_secs(3), "the listener took {took:?} to stop");
    });
}

#[test]
fn a_listener_whose_database_is_down_tries_again_ever_more_slowly_not_in_a_tight_loop() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::time::Duration;
    // A port that takes connections and closes them at once: a database that is down.
    let socket = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    socket.set_nonblocking(true).expect("nonblocking");
    let port = socket.local_addr().expect("addr").port();
    let (tries, done) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicBool::new(false)));
    let (counting, stopping) = (tries.clone(), done.clone());
    let door = std::thread::spawn(move || {
        while !stopping.load(Ordering::Relaxed) {
            match socket.accept() {
                Ok(_) => {
                    counting.fetch_add(1, Ordering::Relaxed);
                }
                Err(_) => std::thread::sleep(Duration::from_millis(2)),
            }
        }
    });
    let (tx, rx) = std::sync::mpsc::channel();
    let url = format!("postgres://artikel@127.0.0.1:{port}/ledger");
    let listening = PgLedger::listen(&url, 0, move |heard| {
        let _ = tx.send(heard);
    });
    assert_eq!(rx.recv_timeout(Duration::from_secs(5)).expect("told"), super::Heard::Lost);
    std::thread::sleep(Duration::from_secs(3));
    drop(listening);
    done.store(true, Ordering::Relaxed);
    door.join().expect("door");
    // 100, 200, 400, 800 and 1,600 ms apart: a handful of tries in three seconds.
    let n = tries.load(Ordering::Relaxed);
    assert!((3..=12).contains(&n), "{n} connections in three seconds");
    assert!(rx.try_recv().is_err(), "the loss is told once");
}

/// Figures, not a test: a decision committed on each engine (p50/p95, commits synced to
/// disk on both), and `review status`'s judging of 10,000 articles over 50,000 decisions on
/// PostgreSQL. `cargo test --lib figures -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement"]
fn figures() {
    use std::time::{Duration, Instant};
    let Some(cluster) = Cluster::start_durable() else { return };
    let percentiles = |mut t: Vec<Duration>| {
        t.sort();
        (t[t.len() / 2], t[t.len() * 95 / 100])
    };
    let commits = |engine: &mut dyn Engine| {
        (0..200)
            .map(|i| {
                let write =
                    Write::decide("knae", normalise(&format!("Tekst {i}\n")), "bo", Verdict::Approved, "");
                let start = Instant::now();
                assert_eq!(engine.record(&[write]).1, None);
                start.elapsed()
            })
            .collect::<Vec<_>>()
    };
    let dir = tempfile::tempdir().expect("dir");
    let mut file = super::super::Ledger::open(&super::super::Options::new(dir.path().join("f.db")));
    let url = cluster.database();
    let mut shared = connect(&url);
    println!("decision committed, SQLite (p50, p95): {:?}", percentiles(commits(&mut file)));
    println!("decision committed, PostgreSQL (p50, p95): {:?}", percentiles(commits(&mut shared)));
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    raw.batch_execute(
        "INSERT INTO decisions(uid, slug, version, reviewer, verdict, comment, at)
         SELECT 'u' || n, 'a' || (n % 10000), 'v', 'r' || (n / 10000), 'approved', '', '2026-12-01T00:00:00Z'
         FROM generate_series(1, 50000) AS n",
    )
    .expect("rows");
    use crate::library::{Article, Source};
    let articles: Vec<Article> = (0..10_000)
        .map(|n| {
            Article::from_bytes(
                format!("a{n}"),
                Source::Bundled,
                crate::corpus::article("Knæ", n, 2000).as_bytes(),
            )
            .0
        })
        .collect();
    let times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            assert_eq!(shared.judge(&articles, &articles).expect("judged").len(), 10_000);
            start.elapsed()
        })
        .collect();
    println!(
        "review status's judging, 10,000 articles, 50,000 decisions, PostgreSQL (p50, max of 5): {:?}",
        percentiles(times)
    );
}
