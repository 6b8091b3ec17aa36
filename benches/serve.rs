//! `artikel serve` under 50 concurrent reader sessions through the real `ssh` client, on
//! loopback only: server memory per added session (VmRSS), keystroke round trip (a key
//! written to `ssh`, the first byte of the new screen read back from it), one key at a time
//! and all sessions at once, and server CPU and wakeups (context switches of all its threads)
//! while every session is idle. Bounded: it stops by itself within two and a half minutes,
//! and the server dies with it on every way out (a guard, a panic hook, the parent-death
//! signal, a watchdog). Run with `cargo bench --bench serve`; `ARTIKEL_SERVE_BIN=PATH` measures
//! another build of the server (an older one, to compare in the same minute).

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const SESSIONS: usize = 50;
/// Keys per session, one at a time across all sessions.
const ROUNDS: usize = 8;
/// Keys per session sent to every session at once.
const BURSTS: usize = 4;
const PATIENCE: Duration = Duration::from_secs(30);
/// The whole run ends by then, whatever happens.
const WATCHDOG: Duration = Duration::from_secs(160);
/// Keys that each change the screen from where the one before left it.
const KEYS: [&[u8]; 4] = [b"]", b"j", b"k", b"["];

/// The server's process id, for the panic hook and the watchdog.
static SERVER: AtomicI32 = AtomicI32::new(0);

fn kill_server() {
    let pid = SERVER.swap(0, Ordering::SeqCst);
    if pid > 0 {
        // SAFETY: kill(2) on the process this bench started.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    }
}

/// The server, killed and reaped when dropped (at the end, on an early return, on a panic).
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One reader session: `ssh -tt` on an 80×24 pseudo-terminal (as a reviewer runs it), with
/// its output read on a thread; the time of each read.
struct Client {
    ssh: Box<dyn portable_pty::Child + Send + Sync>,
    keys: Box<dyn Write + Send>,
    _terminal: Box<dyn portable_pty::MasterPty + Send>,
    reads: mpsc::Receiver<Instant>,
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.ssh.kill();
        let _ = self.ssh.wait();
    }
}

impl Client {
    fn drain(&self) {
        while self.reads.try_recv().is_ok() {}
    }

    /// Types `key`; when it was sent.
    fn send(&mut self, key: &[u8]) -> Instant {
        let sent = Instant::now();
        self.keys.write_all(key).and_then(|()| self.keys.flush()).expect("type a key");
        sent
    }

    /// When the first byte of the answer came, or `None` after 2 s.
    fn answer(&self) -> Option<Instant> {
        self.reads.recv_timeout(Duration::from_secs(2)).ok()
    }
}

fn main() {
    std::thread::spawn(|| {
        std::thread::sleep(WATCHDOG);
        eprintln!("serve bench: over {}s, stopping", WATCHDOG.as_secs());
        kill_server();
        std::process::exit(1);
    });
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        kill_server();
        default_hook(info);
    }));

    let dir = tempfile::tempdir().expect("temp dir");
    let key = dir.path().join("anna");
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "anna", "-f"])
        .arg(&key)
        .stdin(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "ssh-keygen");
    std::fs::copy(key.with_extension("pub"), dir.path().join("authorized_keys")).expect("keys");
    let server_bin =
        std::env::var_os("ARTIKEL_SERVE_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_artikel").into());
    let mut command = Command::new(server_bin);
    command
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["serve", "--listen", "127.0.0.1:0", "--max-sessions", "100", "--authorized-keys"])
        .arg(dir.path().join("authorized_keys"))
        .env("ARTIKEL_LANG", "en")
        .env_remove("ARTIKEL_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // SAFETY: prctl(2) only, between fork and exec: the server is killed if the bench dies.
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    let mut server = Guard(command.spawn().expect("artikel serve"));
    let pid = server.0.id();
    SERVER.store(pid as i32, Ordering::SeqCst);
    let port = port_of(&mut server.0);
    std::thread::sleep(Duration::from_millis(300));
    let none = rss_kib(pid);

    let mut sessions = vec![connect(dir.path(), &key, port)];
    std::thread::sleep(Duration::from_millis(300));
    let one = rss_kib(pid);
    for _ in 1..SESSIONS {
        sessions.push(connect(dir.path(), &key, port));
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

/// Opens a reader session as anna and waits for its first screen.
fn connect(dir: &Path, key: &Path, port: u16) -> Client {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal");
    let mut ssh = CommandBuilder::new("ssh");
    ssh.args(["-F", "/dev/null", "-tt", "-p", &port.to_string(), "-i"]);
    ssh.arg(key);
    ssh.arg("-o");
    ssh.arg(format!("UserKnownHostsFile={}", dir.join("known_hosts").display()));
    ssh.args(["-o", "StrictHostKeyChecking=accept-new", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes"]);
    ssh.args(["-o", "IdentityAgent=none", "-o", "LogLevel=ERROR", "anna@127.0.0.1"]);
    ssh.env("TERM", "xterm-256color");
    ssh.env("LANG", "C.UTF-8");
    ssh.env_remove("SSH_AUTH_SOCK");
    let child = pty.slave.spawn_command(ssh).expect("ssh");
    drop(pty.slave);
    let mut out = pty.master.try_clone_reader().expect("the terminal's output");
    let keys = pty.master.take_writer().expect("the terminal's input");
    let (tx, reads) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1 << 16];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 || tx.send(Instant::now()).is_err() {
                return;
            }
        }
    });
    let client = Client { ssh: child, keys, _terminal: pty.master, reads };
    client.reads.recv_timeout(PATIENCE).expect("the reader draws");
    // The rest of the first screen.
    std::thread::sleep(Duration::from_millis(150));
    client.drain();
    client
}

fn port_of(server: &mut Child) -> u16 {
    let mut err = server.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        let mut buf = [0u8; 4096];
        let mut sent = false;
        // Read to the end, so the server never blocks on a full pipe.
        while let Ok(n) = err.read(&mut buf) {
            if n == 0 {
                return;
            }
            if sent {
                continue;
            }
            text.push_str(&String::from_utf8_lossy(&buf[..n]));
            if let Some(rest) = text.split("listening on 127.0.0.1:").nth(1) {
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

fn status_field(pid: u32, name: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn rss_kib(pid: u32) -> u64 {
    status_field(pid, "VmRSS:")
}

/// Context switches of all the server's threads so far: each is a thread put to sleep or
/// taken off a core, so an idle server whose threads all sleep adds none.
fn switches(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .flatten()
        .map(|task| {
            let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
            status
                .lines()
                .filter_map(|l| {
                    l.strip_prefix("voluntary_ctxt_switches:")
                        .or(l.strip_prefix("nonvoluntary_ctxt_switches:"))
                })
                .filter_map(|v| v.trim().parse::<u64>().ok())
                .sum::<u64>()
        })
        .sum()
}

fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    // After the name: state is field 3; utime and stime are fields 14 and 15.
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    field(14) + field(15)
}
