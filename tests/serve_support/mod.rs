//! Running `artikel serve` on a free loopback port and connecting to it with the real
//! OpenSSH client, for the tests of the SSH service.
#![allow(dead_code)]

pub mod client;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one step may take before the test gives up (a guard, not a measurement).
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The name of the user the server runs as.
pub const SERVER_USER: &str = "the-server";

/// A server running in a temporary folder, with the keys of a reviewer (`anna`) and of a
/// stranger whose key is not authorized.
pub struct Server {
    pub dir: tempfile::TempDir,
    pub port: u16,
    pub child: Child,
    log: Arc<Mutex<Vec<String>>>,
}

/// Makes an ed25519 key pair `dir/name` (comment `name`) with ssh-keygen.
pub fn keygen(dir: &Path, name: &str) -> PathBuf {
    keygen_with(dir, name, &["-t", "ed25519", "-N", ""])
}

/// Makes a key pair `dir/name` (comment `name`) with ssh-keygen and `args` (`-t`, `-N` …).
pub fn keygen_with(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-C", name, "-f"])
        .arg(&path)
        .args(args)
        .stdin(Stdio::null())
        .status()
        .expect("ssh-keygen runs");
    assert!(status.success());
    path
}

impl Server {
    /// Starts `artikel serve` on 127.0.0.1, on a port the system chooses, with `extra` options.
    pub fn start(extra: &[&str]) -> Server {
        Server::start_seeded(extra, |_| {})
    }

    /// As [`Server::start`], with `seed` first given the server's data folder (made, empty).
    pub fn start_seeded(extra: &[&str], seed: impl FnOnce(&Path)) -> Server {
        Server::start_with(extra, seed, |_, anna| anna.to_string())
    }

    /// As [`Server::start_seeded`], with the authorized keys file's text made by `keys` from
    /// the test's folder (where more keys may be made) and anna's public key line.
    pub fn start_with(
        extra: &[&str],
        seed: impl FnOnce(&Path),
        keys: impl FnOnce(&Path, &str) -> String,
    ) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("data")).expect("data folder");
        seed(&dir.path().join("data"));
        let anna = keygen(dir.path(), "anna");
        keygen(dir.path(), "stranger");
        let pub_key = std::fs::read_to_string(anna.with_extension("pub")).expect("public key");
        let text = keys(dir.path(), &pub_key);
        std::fs::write(dir.path().join("authorized_keys"), text).expect("authorized_keys");
        let mut child = Command::new(env!("CARGO_BIN_EXE_artikel"))
            .env("ARTIKEL_LANG", "en")
            .arg("--data-dir")
            .arg(dir.path().join("data"))
            .args(["serve", "--listen", "127.0.0.1:0", "--authorized-keys"])
            .arg(dir.path().join("authorized_keys"))
            .args(extra)
            .env_remove("ARTIKEL_DATA_DIR")
            .env_remove("ARTIKEL_LEDGER")
            .env("ARTIKEL_LANG", "en")
            // Not a reviewer's name: what a served session writes must never carry it.
            .env("ARTIKEL_USER", SERVER_USER)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("artikel serve starts");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let kept = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some((_, addr)) = line.split_once("artikel serve: listening on ") {
                    let _ = tx.send(addr.rsplit(':').next().and_then(|p| p.parse::<u16>().ok()));
                }
                kept.lock().expect("log").push(line);
            }
        });
        let port = rx.recv_timeout(PATIENCE).ok().flatten().expect("the server says where it listens");
        Server { dir, port, child, log }
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        self.log.lock().expect("log").join("\n")
    }

    /// Waits until a line of the log contains `text`; false if it never comes.
    pub fn wait_log(&self, text: &str) -> bool {
        self.wait_log_times(text, 1)
    }

    /// Waits until `text` stands in the log `times` times.
    pub fn wait_log_times(&self, text: &str, times: usize) -> bool {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.log().matches(text).count() >= times {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// `ssh` to this server as `anna` (or with the key `key`), with `args` before the command.
    pub fn ssh(&self, key: &str, args: &[&str]) -> Command {
        let mut c = Command::new("ssh");
        c.arg("-F")
            .arg("/dev/null")
            .arg("-p")
            .arg(self.port.to_string())
            .arg("-i")
            .arg(self.dir.path().join(key))
            .arg("-o")
            .arg(format!("UserKnownHostsFile={}", self.dir.path().join("known_hosts").display()))
            .args(["-o", "StrictHostKeyChecking=accept-new", "-o", "BatchMode=yes"])
            .args(["-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "ConnectTimeout=10"])
            .env_remove("SSH_AUTH_SOCK")
            .stdin(Stdio::null())
            .args(args);
        c
    }

    /// Runs `ssh … args` to its end (within [`PATIENCE`]).
    pub fn run(&self, key: &str, args: &[&str]) -> Output {
        let child =
            self.ssh(key, args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("ssh runs");
        finish(child)
    }
}

impl Server {
    /// A line of the server's /proc/PID/status, as a number (`Threads:`, `VmRSS:` in KiB).
    pub fn status(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    /// The server's threads now.
    pub fn threads(&self) -> u64 {
        self.status("Threads:")
    }

    /// The names of the server's threads now.
    pub fn thread_names(&self) -> Vec<String> {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{}/task", self.child.id())) else {
            return Vec::new();
        };
        tasks
            .filter_map(Result::ok)
            .filter_map(|t| std::fs::read_to_string(t.path().join("comm")).ok())
            .map(|n| n.trim().to_string())
            .collect()
    }

    /// The reader sessions' threads running now.
    pub fn reader_threads(&self) -> usize {
        self.thread_names().iter().filter(|n| n.starts_with("reader")).count()
    }

    /// The server's resident memory now, in KiB.
    pub fn rss_kib(&self) -> u64 {
        self.status("VmRSS:")
    }

    /// The CPU time the server has used, in clock ticks (user and system).
    pub fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
        let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        field(14) + field(15)
    }

    /// Waits until `done` holds of the server (checked every 20 ms); false if it never does
    /// within [`PATIENCE`].
    pub fn wait_until(&self, mut done: impl FnMut(&Server) -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if done(self) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// How many lines of the log contain `text`.
    pub fn count_log(&self, text: &str) -> usize {
        self.log.lock().expect("log").iter().filter(|l| l.contains(text)).count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for `child` to end, killing it when it takes longer than [`PATIENCE`]; its output
/// is read meanwhile, so a long one cannot stall it.
pub fn finish(mut child: Child) -> Output {
    use std::io::Read;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            break child.wait().expect("wait");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output { status, stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default() }
}

/// Sends `signal` to process `pid`.
pub fn kill(pid: u32, signal: i32) {
    // SAFETY: kill(2) with a process id this test started.
    unsafe { libc::kill(pid as i32, signal) };
}

/// Text of an output stream.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
