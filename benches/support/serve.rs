//! What the `artikel serve` benchmarks share: the server started on loopback and killed on
//! every way out (a guard, a panic hook, the parent-death signal, a watchdog), reader
//! sessions through the real `ssh -tt` in pseudo-terminals, and the server's memory, CPU and
//! threads read from /proc.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long any one step may take.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The server's process id, for the panic hook and the watchdog.
static SERVER: AtomicI32 = AtomicI32::new(0);

/// Kills the server, if it runs.
pub fn kill_server() {
    let pid = SERVER.swap(0, Ordering::SeqCst);
    if pid > 0 {
        // SAFETY: kill(2) on the process this bench started.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    }
}

/// Ends the whole run after `limit`, whatever happens, and kills the server on a panic.
pub fn bounded(limit: Duration) {
    std::thread::spawn(move || {
        std::thread::sleep(limit);
        eprintln!("serve bench: over {}s, stopping", limit.as_secs());
        kill_server();
        std::process::exit(1);
    });
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        kill_server();
        default_hook(info);
    }));
}

/// The server, killed and reaped when dropped (at the end, on an early return, on a panic).
pub struct Guard {
    pub child: Child,
    pub port: u16,
}

impl Guard {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = SERVER.compare_exchange(self.child.id() as i32, 0, Ordering::SeqCst, Ordering::SeqCst);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A folder with the key pairs of `n` reviewers (`reviewer1`, `reviewer1.pub` …) and an
/// authorized keys file listing them all.
pub fn keys(n: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut listed = String::new();
    let keys = (1..=n)
        .map(|i| {
            let name = format!("reviewer{i}");
            let key = dir.path().join(&name);
            let ok = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", &name, "-f"])
                .arg(&key)
                .stdin(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "ssh-keygen");
            listed.push_str(&std::fs::read_to_string(key.with_extension("pub")).expect("public key"));
            key
        })
        .collect();
    std::fs::write(dir.path().join("authorized_keys"), listed).expect("keys");
    (dir, keys)
}

/// Starts `artikel serve` (or the build named by ARTIKEL_SERVE_BIN) on 127.0.0.1 with the
/// keys in `dir` and `extra` options; its log is read (and dropped) on a thread.
pub fn start(dir: &Path, extra: &[&str]) -> Guard {
    let server_bin =
        std::env::var_os("ARTIKEL_SERVE_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_artikel").into());
    let mut command = Command::new(server_bin);
    command
        .arg("--data-dir")
        .arg(dir.join("data"))
        .args(["serve", "--listen", "127.0.0.1:0", "--authorized-keys"])
        .arg(dir.join("authorized_keys"))
        .args(extra)
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
    let mut child = command.spawn().expect("artikel serve");
    SERVER.store(child.id() as i32, Ordering::SeqCst);
    let port = port_of(&mut child);
    Guard { child, port }
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

/// One reader session: `ssh -tt` on a pseudo-terminal (as a reviewer runs it), with its
/// output read on a thread; the time of each read.
pub struct Client {
    ssh: Box<dyn portable_pty::Child + Send + Sync>,
    keys: Box<dyn Write + Send>,
    _terminal: Box<dyn portable_pty::MasterPty + Send>,
    reads: mpsc::Receiver<Instant>,
    /// The last of what the terminal showed (at most [`KEPT`] bytes), to wait for a text.
    shown: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    /// How long from starting `ssh` to the first byte of the reader's screen.
    pub first_paint: Duration,
}

/// How much of what a session's terminal showed is kept.
const KEPT: usize = 1 << 16;

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.ssh.kill();
        let _ = self.ssh.wait();
    }
}

impl Client {
    /// Forgets what was read so far.
    pub fn drain(&self) {
        while self.reads.try_recv().is_ok() {}
    }

    /// Types `key`; when it was sent.
    pub fn send(&mut self, key: &[u8]) -> Instant {
        let sent = Instant::now();
        self.keys.write_all(key).and_then(|()| self.keys.flush()).expect("type a key");
        sent
    }

    /// When the first byte of the answer came, or `None` after 2 s.
    pub fn answer(&self) -> Option<Instant> {
        self.answer_within(Duration::from_secs(2))
    }

    /// When the first byte of the answer came, or `None` after `patience`.
    pub fn answer_within(&self, patience: Duration) -> Option<Instant> {
        self.reads.recv_timeout(patience).ok()
    }

    /// Forgets what the terminal showed so far.
    pub fn forget_shown(&self) {
        self.shown.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Waits up to `patience` until what the terminal showed since [`Client::forget_shown`]
    /// holds `text`: whether it does.
    pub fn shows(&self, text: &str, patience: Duration) -> bool {
        let started = Instant::now();
        while started.elapsed() < patience {
            let shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
            if shown.windows(text.len()).any(|w| w == text.as_bytes()) {
                return true;
            }
            drop(shown);
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }
}

/// The `ssh` command line to the server on `port` with the key `key`, with `args` after the options.
pub fn ssh_args(dir: &Path, key: &Path, port: u16) -> Vec<String> {
    let mut args: Vec<String> = ["-F", "/dev/null", "-p"].iter().map(|s| s.to_string()).collect();
    args.push(port.to_string());
    args.push("-i".into());
    args.push(key.display().to_string());
    args.push("-o".into());
    args.push(format!("UserKnownHostsFile={}", dir.join("known_hosts").display()));
    for option in
        ["StrictHostKeyChecking=accept-new", "BatchMode=yes", "IdentitiesOnly=yes", "IdentityAgent=none"]
    {
        args.push("-o".into());
        args.push(option.into());
    }
    args.push("-o".into());
    args.push("LogLevel=ERROR".into());
    args
}

/// Opens a reader session as the reviewer whose key is `key` on a `cols`×`rows` terminal and waits for its first
/// screen; `None` when none comes within `patience`.
pub fn connect(dir: &Path, key: &Path, port: u16, patience: Duration) -> Option<Client> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal");
    let mut ssh = CommandBuilder::new("ssh");
    ssh.args(ssh_args(dir, key, port));
    ssh.args(["-tt", "reviewer@127.0.0.1"]);
    ssh.env("TERM", "xterm-256color");
    ssh.env("LANG", "C.UTF-8");
    ssh.env_remove("SSH_AUTH_SOCK");
    let started = Instant::now();
    let child = pty.slave.spawn_command(ssh).expect("ssh");
    drop(pty.slave);
    let mut out = pty.master.try_clone_reader().expect("the terminal's output");
    let keys = pty.master.take_writer().expect("the terminal's input");
    let (tx, reads) = mpsc::channel();
    let (screen_tx, screen) = mpsc::channel();
    let shown = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let showing = shown.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1 << 16];
        let mut seen = Vec::new();
        let mut painted = false;
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 || tx.send(Instant::now()).is_err() {
                return;
            }
            {
                let mut kept = showing.lock().unwrap_or_else(|e| e.into_inner());
                kept.extend_from_slice(&buf[..n]);
                let over = kept.len().saturating_sub(KEPT);
                kept.drain(..over);
            }
            if !painted {
                seen.extend_from_slice(&buf[..n]);
                // The reader's screen begins with the switch to the alternate screen.
                if seen.windows(8).any(|w| w == b"\x1b[?1049h") {
                    painted = true;
                    let _ = screen_tx.send(Instant::now());
                }
            }
        }
    });
    let painted = screen.recv_timeout(patience).ok()?;
    let client =
        Client { ssh: child, keys, _terminal: pty.master, reads, shown, first_paint: painted - started };
    // The rest of the first screen.
    std::thread::sleep(Duration::from_millis(150));
    client.drain();
    Some(client)
}

/// A field of /proc/PID/status, as a number (`VmRSS:` in KiB, `Threads:`).
pub fn status_field(pid: u32, name: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    field(&status, name)
}

fn field(text: &str, name: &str) -> u64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The server's resident memory, in KiB.
pub fn rss_kib(pid: u32) -> u64 {
    status_field(pid, "VmRSS:")
}

/// The server's proportional share of the memory it maps (shared pages divided among the
/// processes sharing them), in KiB: comparable across processes, as OpenSSH's sessions are.
pub fn pss_kib(pid: u32) -> u64 {
    field(&std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default(), "Pss:")
}

/// The server's threads.
pub fn threads(pid: u32) -> u64 {
    status_field(pid, "Threads:")
}

/// Context switches of all the server's threads so far: each is a thread put to sleep or
/// taken off a core, so an idle server whose threads all sleep adds none.
pub fn switches(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .flatten()
        .map(|task| {
            let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
            field(&status, "voluntary_ctxt_switches:") + field(&status, "nonvoluntary_ctxt_switches:")
        })
        .sum()
}

/// The CPU time the server has used, in clock ticks (10 ms), user and system.
pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    // After the name: state is field 3; utime and stime are fields 14 and 15.
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    field(14) + field(15)
}

/// The median of `times` (sorted in place).
pub fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}
