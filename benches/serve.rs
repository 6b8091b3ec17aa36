//! `artikel serve` under 50 concurrent reader sessions through the real `ssh` client, on
//! loopback only: server memory per added session (VmRSS), keystroke round trip (a key
//! written to `ssh`, the first byte of the new screen read back from it), one key at a time
//! and all sessions at once, and server CPU and wakeups (context switches of all its threads)
//! while every session is idle. Bounded: it stops by itself within two and a half minutes,
//! and the server dies with it on every way out (a guard, a panic hook, the parent-death
//! signal, a watchdog). Run with `cargo bench --bench serve`; `ARTIKEL_SERVE_BIN=PATH` measures
//! another build of the server (an older one, to compare in the same minute).
//!
//! `cargo bench --bench serve -- two-hosts` instead measures 50 sessions over two servers
//! sharing one ledger on PostgreSQL ([`hosts`]).

#[path = "support/serve.rs"]
mod support;

#[path = "support/serve_hosts.rs"]
mod hosts;

use std::time::{Duration, Instant};
use support::{Client, connect, cpu_ticks, keys, kill_server, rss_kib, start, status_field, switches};

const SESSIONS: usize = 50;
/// Keys per session, one at a time across all sessions.
const ROUNDS: usize = 8;
/// Keys per session sent to every session at once.
const BURSTS: usize = 4;
/// The whole run ends by then, whatever happens.
const WATCHDOG: Duration = Duration::from_secs(160);
/// Keys that each change the screen from where the one before left it.
const KEYS: [&[u8]; 4] = [b"]", b"j", b"k", b"["];

fn main() {
    support::bounded(WATCHDOG);
    if std::env::args().any(|a| a == "two-hosts") {
        hosts::run();
        return;
    }

    // Each session a reviewer of its own, as a team's would be.
    let (dir, keys) = keys(SESSIONS);
    let server = start(dir.path(), &["--max-sessions", "100"]);
    let (pid, port) = (server.pid(), server.port);
    std::thread::sleep(Duration::from_millis(300));
    let none = rss_kib(pid);

    let open = |i: usize| connect(dir.path(), &keys[i], port, support::PATIENCE).expect("the reader draws");
    let mut sessions = vec![open(0)];
    std::thread::sleep(Duration::from_millis(300));
    let one = rss_kib(pid);
    for i in 1..SESSIONS {
        sessions.push(open(i));
    }
    std::thread::sleep(Duration::from_secs(1));
    let all = rss_kib(pid);

    // One key in flight at a time: the round trip alone.
    let mut single = Vec::new();
    let mut missed = 0;
    for round in 0..ROUNDS {
        for client in &mut sessions {
            client.drain();
            let sent = client.send(KEYS[round % KEYS.len()]);
            match client.answer() {
                Some(at) => single.push(at.saturating_duration_since(sent)),
                None => missed += 1,
            }
            // Let the rest of the frame come before the next key.
            std::thread::sleep(Duration::from_millis(3));
        }
    }
    // Every session at once: a key to each, then every answer.
    let mut burst = Vec::new();
    for round in 0..BURSTS {
        std::thread::sleep(Duration::from_millis(200));
        sessions.iter().for_each(Client::drain);
        let sent: Vec<Instant> =
            sessions.iter_mut().map(|c| c.send(KEYS[(ROUNDS + round) % KEYS.len()])).collect();
        for (client, sent) in sessions.iter().zip(sent) {
            match client.answer() {
                Some(at) => burst.push(at.saturating_duration_since(sent)),
                None => missed += 1,
            }
        }
    }
    std::thread::sleep(Duration::from_secs(1));
    let after_keys = rss_kib(pid);

    // Idle: every session open, nobody typing.
    let quiet = Duration::from_secs(10);
    let (cpu_before, woken_before) = (cpu_ticks(pid), switches(pid));
    std::thread::sleep(quiet);
    let cpu_idle = cpu_ticks(pid) - cpu_before;
    let woken = switches(pid).saturating_sub(woken_before);
    let threads = status_field(pid, "Threads:");
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();

    assert!(!single.is_empty(), "no key came back");
    println!("{SESSIONS} reader sessions through `ssh -tt` on 127.0.0.1 (load average {})", load.trim());
    println!(
        "server RSS: {none} KiB with no session, {one} KiB with 1, {all} KiB with {SESSIONS}, {after_keys} KiB after the keys"
    );
    println!(
        "memory per session: {:.0} KiB per added session (1 → {SESSIONS}), {:.0} KiB per session (0 → {SESSIONS}), {:.0} KiB after the keys",
        all.saturating_sub(one) as f64 / (SESSIONS - 1) as f64,
        all.saturating_sub(none) as f64 / SESSIONS as f64,
        after_keys.saturating_sub(none) as f64 / SESSIONS as f64,
    );
    println!("keystroke round trip, one key at a time: {}", quantiles(&mut single));
    println!("keystroke round trip, a key to all {SESSIONS} at once: {}", quantiles(&mut burst));
    println!("keys with no answer within 2 s: {missed}");
    println!(
        "server CPU over {}s with every session idle: {cpu_idle} ticks (1 tick = 10 ms), {woken} context switches; {threads} threads",
        quiet.as_secs()
    );
    drop(sessions);
    kill_server();
    drop(server);
}

fn quantiles(times: &mut [Duration]) -> String {
    if times.is_empty() {
        return "none".into();
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1e3;
    format!("p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms over {} keys", at(0.5), at(0.95), at(1.0), times.len())
}
