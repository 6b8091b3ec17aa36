//! `artikel serve` under 50 concurrent reader sessions through the real `ssh` client, on
//! loopback only: server memory per added session, keystroke round trip (a key sent, the
//! first byte of its frame back), and server CPU while every session is idle. Bounded: it
//! stops by itself. Run with `cargo bench --bench serve`.

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const SESSIONS: usize = 50;
const ROUNDS: usize = 20;
const PATIENCE: Duration = Duration::from_secs(30);

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = dir.path().join("anna");
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "anna", "-f"])
        .arg(&key)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "ssh-keygen");
    std::fs::copy(key.with_extension("pub"), dir.path().join("authorized_keys")).expect("keys");
    let mut server = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["serve", "--listen", "127.0.0.1:0", "--max-sessions", "100", "--authorized-keys"])
        .arg(dir.path().join("authorized_keys"))
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("artikel serve");
    let port = port_of(&mut server);
    let pid = server.id();
    let connect = || {
        let mut child = Command::new("ssh")
            .args(["-F", "/dev/null", "-tt", "-p", &port.to_string(), "-i"])
            .arg(&key)
            .arg("-o")
            .arg(format!("UserKnownHostsFile={}", dir.path().join("known_hosts").display()))
            .args([
                "-o",
                "StrictHostKeyChecking=accept-new",
                "-o",
                "BatchMode=yes",
                "-o",
                "IdentitiesOnly=yes",
            ])
            .arg("anna@127.0.0.1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("ssh");
        let mut out = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel::<Instant>();
        std::thread::spawn(move || {
            let mut buf = [0u8; 1 << 16];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 || tx.send(Instant::now()).is_err() {
                    return;
                }
            }
        });
        // The first frame.
        rx.recv_timeout(PATIENCE).expect("the reader draws");
        std::thread::sleep(Duration::from_millis(100));
        while rx.try_recv().is_ok() {}
        (child, rx)
    };
    let mut sessions = vec![connect()];
    let one = rss_kib(pid);
    for _ in 1..SESSIONS {
        sessions.push(connect());
    }
    std::thread::sleep(Duration::from_millis(500));
    let all = rss_kib(pid);
    // Keystroke round trips: `]` and `[` by turns in every session.
    let mut times = Vec::new();
    let began = Instant::now();
    for round in 0..ROUNDS {
        if began.elapsed() > Duration::from_secs(60) {
            break;
        }
        for (child, rx) in &mut sessions {
            while rx.try_recv().is_ok() {}
            let key = if round % 2 == 0 { b"]" } else { b"[" };
            let sent = Instant::now();
            let stdin = child.stdin.as_mut().expect("stdin");
            stdin.write_all(key).and_then(|()| stdin.flush()).expect("send a key");
            if let Ok(at) = rx.recv_timeout(Duration::from_secs(2)) {
                times.push(at.duration_since(sent));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    // Idle: every session open, nobody typing.
    std::thread::sleep(Duration::from_millis(300));
    let cpu_before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(3));
    let cpu_idle = cpu_ticks(pid) - cpu_before;
    times.sort();
    assert!(!times.is_empty(), "no key came back");
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!("sessions: {SESSIONS} through ssh -tt on 127.0.0.1");
    println!("server RSS: {one} KiB with 1 session, {all} KiB with {SESSIONS}");
    println!("memory per added session: {:.0} KiB", (all.saturating_sub(one)) as f64 / (SESSIONS - 1) as f64);
    println!(
        "keystroke round trip over {} keys: p50 {:.2} ms, p95 {:.2} ms",
        times.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3
    );
    println!("server CPU over 3 s with every session idle: {cpu_idle} ticks (1 tick = 10 ms)");
    for (mut child, _) in sessions {
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = server.kill();
    let _ = server.wait();
}

fn port_of(server: &mut Child) -> u16 {
    let mut err = server.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        let mut buf = [0u8; 4096];
        let mut sent = false;
        while let Ok(n) = err.read(&mut buf) {
            if n == 0 {
                return;
            }
            text.push_str(&String::from_utf8_lossy(&buf[..n]));
            if !sent && let Some(rest) = text.split("listening on 127.0.0.1:").nth(1) {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if let Ok(port) = digits.parse::<u16>() {
                    let _ = tx.send(port);
                    sent = true;
                }
            }
        }
    });
    rx.recv_timeout(PATIENCE).expect("the server listens")
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    // After the name: state is field 3; utime and stime are fields 14 and 15.
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    field(14) + field(15)
}
