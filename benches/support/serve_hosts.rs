//! 50 reader sessions over two hosts sharing one ledger on PostgreSQL:
//! `cargo bench --bench serve -- two-hosts`. Two `artikel serve` processes on two loopback
//! ports, one throwaway PostgreSQL cluster (that syncs its commits as a real server does), 25
//! sessions on each through the real `ssh -tt`, each a reviewer of its own, all in the
//! Library. A 51st reviewer on host A decides on the article the Library opens on, approving
//! it and requesting changes in turns; measured:
//!
//! - from the Enter that approves it (typed into `ssh` on host A) until each of the 50
//!   sessions, on either host, gets the first byte of its new screen (the article's mark
//!   changing): p50, p95 and the slowest, over every session and decision;
//! - each server's memory per added session (VmRSS, 1 → 25 sessions) and per session (0 → 25);
//! - each server's CPU and context switches over 10 s with every session idle.

use super::support::{self, Client, connect, cpu_ticks, keys, rss_kib, start, switches};
use std::time::Duration;

#[path = "../../src/ledger/postgres/cluster.rs"]
mod cluster;

/// Sessions on each host.
const EACH: usize = 25;
/// Decisions made through host A.
const DECISIONS: usize = 8;
/// How long a session may take to show a decision before it counts as missed.
const REACH: Duration = Duration::from_secs(5);

pub fn run() {
    let Some(pg) = cluster::Cluster::start_durable() else { return };
    let url = pg.database();
    // Reviewers 1–50 read; reviewer 51 decides on host A.
    let (dir, keys) = keys(2 * EACH + 1);
    let other = tempfile::tempdir().expect("temp dir");
    std::fs::copy(dir.path().join("authorized_keys"), other.path().join("authorized_keys")).expect("keys");
    let options = ["--max-sessions", "100", "--ledger", url.as_str()];
    let host_a = start(dir.path(), &options);
    let host_b = start(other.path(), &options);
    let hosts = [(host_a.pid(), host_a.port), (host_b.pid(), host_b.port)];
    std::thread::sleep(Duration::from_millis(300));
    let none: Vec<u64> = hosts.iter().map(|(pid, _)| rss_kib(*pid)).collect();

    let open = |i: usize, port: u16| {
        connect(dir.path(), &keys[i], port, support::PATIENCE).expect("the reader draws")
    };
    let mut sessions: Vec<Client> = Vec::new();
    let mut one = Vec::new();
    for (h, (pid, port)) in hosts.iter().enumerate() {
        sessions.push(open(h * EACH, *port));
        std::thread::sleep(Duration::from_millis(300));
        one.push(rss_kib(*pid));
        for i in 1..EACH {
            sessions.push(open(h * EACH + i, *port));
        }
    }
    std::thread::sleep(Duration::from_secs(1));
    let all: Vec<u64> = hosts.iter().map(|(pid, _)| rss_kib(*pid)).collect();
    let mut decider = open(2 * EACH, host_a.port);

    // The decisions on the article the Library opens on, which every session shows: approved,
    // then changes requested, and so on, so that its mark changes with each.
    let mut reached: Vec<Duration> = Vec::new();
    let (mut missed, mut unmade) = (0, 0);
    for round in 0..DECISIONS {
        decider.forget_shown();
        decider.send(b"r");
        if !decider.shows("approve", Duration::from_secs(5)) {
            unmade += 1;
            decider.send(b"\x1b");
            continue;
        }
        std::thread::sleep(Duration::from_millis(200));
        sessions.iter().for_each(Client::drain);
        let decision: &[u8] = if round % 2 == 0 { b"aSer fint ud\r" } else { b"cKilde?\r" };
        let decided = decider.send(decision);
        for client in &sessions {
            match client.answer_within(REACH.saturating_sub(decided.elapsed())) {
                Some(at) => reached.push(at.saturating_duration_since(decided)),
                None => missed += 1,
            }
        }
        // The rest of each new screen, and quiet before the next decision.
        std::thread::sleep(Duration::from_millis(700));
    }

    // Idle: every session open, nobody typing or deciding.
    std::thread::sleep(Duration::from_secs(1));
    let quiet = Duration::from_secs(10);
    let before: Vec<(u64, u64)> = hosts.iter().map(|(pid, _)| (cpu_ticks(*pid), switches(*pid))).collect();
    std::thread::sleep(quiet);
    let idle: Vec<(u64, u64)> = hosts
        .iter()
        .zip(&before)
        .map(|((pid, _), (cpu, woken))| (cpu_ticks(*pid) - cpu, switches(*pid).saturating_sub(*woken)))
        .collect();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();

    println!(
        "{} reader sessions over two hosts ({EACH} each) through `ssh -tt` on 127.0.0.1, one PostgreSQL (load average {})",
        2 * EACH,
        load.trim()
    );
    for (h, name) in ["A", "B"].iter().enumerate() {
        println!(
            "host {name}: RSS {} KiB with no session, {} with 1, {} with {EACH}: {:.0} KiB per added session (1 → {EACH}), {:.0} KiB per session (0 → {EACH})",
            none[h],
            one[h],
            all[h],
            all[h].saturating_sub(one[h]) as f64 / (EACH - 1) as f64,
            all[h].saturating_sub(none[h]) as f64 / EACH as f64,
        );
        println!(
            "host {name}: CPU over {}s with every session idle: {} ticks (1 tick = 10 ms), {} context switches",
            quiet.as_secs(),
            idle[h].0,
            idle[h].1
        );
    }
    println!(
        "a decision through host A reaching each of the {} sessions: {} ({missed} missed in {}s, {unmade} of {DECISIONS} decisions not made)",
        2 * EACH,
        quantiles(&mut reached),
        REACH.as_secs()
    );
    drop(decider);
    drop(sessions);
    drop(host_b);
    drop(host_a);
    drop(pg);
}

fn quantiles(times: &mut [Duration]) -> String {
    if times.is_empty() {
        return "none".into();
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1e3;
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms over {} arrivals",
        at(0.5),
        at(0.95),
        at(1.0),
        times.len()
    )
}
