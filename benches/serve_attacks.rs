//! `artikel serve` under attack, on loopback, at its default limits: the server's memory
//! (Pss, from /proc/PID/smaps_rollup) during each attack and after it, its threads, its CPU
//! after a flood stops, and whether — and how fast — a reviewer still gets in.
//!
//! 1. 64 silent sockets, reopened as soon as the server closes one (an attacker that keeps
//!    them up), while 50 reader sessions are opened through `ssh -tt`: how many open, and how
//!    long a new `ssh … list` and a new reader's first screen take meanwhile.
//! 2. 12 channels on one connection, each a 65535×65535 pseudo-terminal and a reader.
//! 3. 10 MB of keys into one reader through `ssh -tt`, then the client killed.
//! 4. 20 shell requests on one channel, then the client gone.
//!
//! Run with `cargo bench --bench serve_attacks`; `ARTIKEL_SERVE_BIN=PATH` measures another
//! build of the server (an older one, to compare). Bounded: it stops by itself within five
//! minutes, and the server dies with it on every way out.

#[path = "support/serve.rs"]
mod support;

#[path = "../tests/serve_support/client.rs"]
#[allow(dead_code)]
mod client;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use support::{Guard, connect, cpu_ticks, keys, median, pss_kib, ssh_args, start, threads};

const WATCHDOG: Duration = Duration::from_secs(300);
const SILENT: usize = 64;
const SESSIONS: usize = 50;
const MB: f64 = 1024.0;

fn main() {
    support::bounded(WATCHDOG);
    // Each session a reviewer of its own, as a team's would be; the last is the attacker's.
    let (dir, keys) = keys(SESSIONS + 2);
    // A server of its own for each attack: what one leaves behind does not weigh on the next.
    let fresh = || {
        let server = start(dir.path(), &[]);
        // Let the index be built and the start settle.
        std::thread::sleep(Duration::from_secs(2));
        server
    };
    let server = fresh();
    let pid = server.pid();
    println!("server Pss at rest: {:.1} MB, {} threads", pss_kib(pid) as f64 / MB, threads(pid));
    silent_sockets_and_sessions(&server, dir.path(), &keys);
    drop(server);
    let attacker = &keys[SESSIONS + 1];
    huge_terminals(&fresh(), attacker);
    key_flood(&fresh(), dir.path(), attacker);
    repeated_shells(&fresh(), attacker);
}

/// Keeps `n` silent connections to `port` open, opening another whenever the server closes
/// one (after a tenth of a second), until `stop`.
fn keep_silent(port: u16, n: usize, stop: Arc<AtomicBool>) -> Vec<std::thread::JoinHandle<()>> {
    (0..n)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if let Ok(mut socket) = TcpStream::connect(("127.0.0.1", port)) {
                        let _ = socket.set_read_timeout(Some(Duration::from_millis(200)));
                        let mut buf = [0u8; 512];
                        loop {
                            match socket.read(&mut buf) {
                                Ok(0) => break,
                                Ok(_) => {}
                                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                                    if stop.load(Ordering::Relaxed) {
                                        return;
                                    }
                                }
                                Err(_) => break,
                            }
                        }
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
            })
        })
        .collect()
}

/// Runs `ssh … list` as anna; how long it took, if it succeeded.
fn list(dir: &Path, key: &Path, port: u16) -> Option<Duration> {
    let started = Instant::now();
    let out = Command::new("ssh")
        .args(ssh_args(dir, key, port))
        .args(["-o", "ConnectTimeout=10", "reviewer@127.0.0.1", "list"])
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status.success().then(|| started.elapsed())
}

fn silent_sockets_and_sessions(server: &Guard, dir: &Path, keys: &[std::path::PathBuf]) {
    let (pid, port) = (server.pid(), server.port);
    let before = pss_kib(pid);
    let stop = Arc::new(AtomicBool::new(false));
    let attackers = keep_silent(port, SILENT, stop.clone());
    std::thread::sleep(Duration::from_secs(2));
    let under = pss_kib(pid);
    let mut sessions = Vec::new();
    let mut refused = 0;
    for key in &keys[..SESSIONS] {
        match connect(dir, key, port, Duration::from_secs(5)) {
            Some(client) => {
                sessions.push(client);
                refused = 0;
            }
            None => refused += 1,
        }
        // Three refused in a row: the rest would be too.
        if refused == 3 {
            break;
        }
    }
    std::thread::sleep(Duration::from_secs(1));
    let with_sessions = pss_kib(pid);
    let newcomer = &keys[SESSIONS];
    let mut logins: Vec<Duration> = (0..5).filter_map(|_| list(dir, newcomer, port)).collect();
    let paint = connect(dir, newcomer, port, Duration::from_secs(5)).map(|c| c.first_paint);
    let mut paints: Vec<Duration> = sessions.iter().map(|c| c.first_paint).collect();
    println!("1. {SILENT} silent sockets kept open, {SESSIONS} reader sessions opened meanwhile:");
    println!(
        "   sessions opened: {} of {SESSIONS} (first screen p50 {:.0} ms); server Pss {:.1} MB before, {:.1} MB with the sockets, {:.1} MB with the sessions too",
        sessions.len(),
        median(&mut paints).as_secs_f64() * 1e3,
        before as f64 / MB,
        under as f64 / MB,
        with_sessions as f64 / MB
    );
    println!(
        "   meanwhile a new `ssh … list`: {} of 5 got in, median {:.0} ms; a new reader's first screen: {}",
        logins.len(),
        median(&mut logins).as_secs_f64() * 1e3,
        paint.map_or("none within 5 s".to_string(), |p| format!("{:.0} ms", p.as_secs_f64() * 1e3))
    );
    println!(
        "   per reader session: {:.0} KiB Pss",
        with_sessions.saturating_sub(under) as f64 / sessions.len().max(1) as f64
    );
    stop.store(true, Ordering::Relaxed);
    for attacker in attackers {
        let _ = attacker.join();
    }
    drop(sessions);
    std::thread::sleep(Duration::from_secs(2));
    println!("   after: server Pss {:.1} MB, {} threads", pss_kib(pid) as f64 / MB, threads(pid));
}

fn huge_terminals(server: &Guard, key: &Path) {
    let pid = server.pid();
    let before = pss_kib(pid);
    let client = client::Client::login(server.port, key, "reviewer");
    let channels: Vec<_> = (0..12).filter_map(|_| client.terminal(65535, 65535)).collect();
    for channel in &channels {
        let _ = client.runtime.block_on(channel.request_shell(false));
    }
    std::thread::sleep(Duration::from_secs(4));
    let during = pss_kib(pid);
    let busy = threads(pid);
    client.disconnect();
    std::thread::sleep(Duration::from_secs(2));
    println!("2. 12 channels on one connection, each a 65535×65535 terminal and a reader:");
    println!(
        "   channels taken: {}; server Pss {:.1} MB before, {:.1} MB with them ({busy} threads), {:.1} MB 2 s after they closed ({} threads)",
        channels.len(),
        before as f64 / MB,
        during as f64 / MB,
        pss_kib(pid) as f64 / MB,
        threads(pid)
    );
}

fn key_flood(server: &Guard, dir: &Path, key: &Path) {
    let pid = server.pid();
    let before = pss_kib(pid);
    let mut ssh = Command::new("ssh")
        .args(ssh_args(dir, key, server.port))
        .args(["-tt", "reviewer@127.0.0.1"])
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ssh");
    let mut stdin = ssh.stdin.take().expect("stdin");
    let started = Instant::now();
    let taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = taken.clone();
    let writer = std::thread::spawn(move || {
        let chunk = b"jk".repeat(32 * 1024);
        for _ in 0..(10 << 20) / chunk.len() {
            if stdin.write_all(&chunk).is_err() {
                return None;
            }
            counted.fetch_add(chunk.len(), Ordering::Relaxed);
        }
        Some(started.elapsed())
    });
    let mut peak = 0;
    while !writer.is_finished() && started.elapsed() < Duration::from_secs(20) {
        peak = peak.max(pss_kib(pid));
        std::thread::sleep(Duration::from_millis(200));
    }
    let cpu_at_kill = cpu_ticks(pid);
    let _ = ssh.kill();
    let _ = ssh.wait();
    let written = writer.join().ok().flatten();
    std::thread::sleep(Duration::from_secs(5));
    let cpu_after = cpu_ticks(pid) - cpu_at_kill;
    std::thread::sleep(Duration::from_secs(5));
    let cpu_later = cpu_ticks(pid) - cpu_at_kill - cpu_after;
    println!("3. 10 MB of keys into one reader through `ssh -tt`, the client killed after at most 20 s:");
    println!(
        "   all 10 MB taken: {}; server Pss {:.1} MB before, peak {:.1} MB during, {:.1} MB 5 s after; CPU in the 5 s after the kill: {cpu_after} ticks (10 ms each), in the 5 s after that: {cpu_later}; {} threads",
        written.map_or_else(
            || format!("no, {:.1} MB in 20 s", taken.load(Ordering::Relaxed) as f64 / MB / MB),
            |t| format!("in {:.1} s", t.as_secs_f64())
        ),
        before as f64 / MB,
        peak as f64 / MB,
        pss_kib(pid) as f64 / MB,
        threads(pid)
    );
}

fn repeated_shells(server: &Guard, key: &Path) {
    let pid = server.pid();
    let before = threads(pid);
    let client = client::Client::login(server.port, key, "reviewer");
    if let Some(channel) = client.terminal(80, 24) {
        for _ in 0..20 {
            let _ = client.runtime.block_on(channel.request_shell(false));
        }
    }
    std::thread::sleep(Duration::from_secs(2));
    let during = threads(pid);
    client.disconnect();
    std::thread::sleep(Duration::from_secs(1));
    println!("4. 20 shell requests on one channel:");
    println!(
        "   server threads {before} before, {during} with them, {} 1 s after the client left",
        threads(pid)
    );
}
