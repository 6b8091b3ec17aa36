//! A pseudo-terminal harness: runs the real `artikel` binary on a pty and reads its screen
//! through the vt100 terminal emulator, the way a person at a terminal would.

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What the program asked of the terminal besides drawing: titles, bells, the clipboard.
#[derive(Debug, Default)]
pub struct Requests {
    pub titles: Vec<Vec<u8>>,
    pub bells: usize,
    pub clipboard: Vec<Vec<u8>>,
}

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }

    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }

    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }

    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
}

type Parser = vt100::Parser<Requests>;

/// The day the binary under test is told it is (`ARTIKEL_TODAY`): what is stale stays so.
pub const TODAY: &str = "2026-12-06";

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_artikel")
}

/// A running reader on a pseudo-terminal.
pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    stop: Arc<AtomicBool>,
    pump: Option<JoinHandle<()>>,
}

impl Session {
    /// Starts `artikel ARGS` on a `cols`×`rows` terminal with its data in `data_dir`.
    pub fn start(args: &[&str], cols: u16, rows: u16, data_dir: &Path) -> Session {
        Session::start_with(args, cols, rows, data_dir, &[])
    }

    /// Like [`Session::start`], with extra environment variables (an empty value removes one).
    pub fn start_with(args: &[&str], cols: u16, rows: u16, data_dir: &Path, env: &[(&str, &str)]) -> Session {
        Session::spawn(bin(), args, cols, rows, data_dir, env)
    }

    /// An interactive shell with job control, for what needs one (Ctrl-z and `fg`).
    pub fn shell(cols: u16, rows: u16, data_dir: &Path) -> Session {
        let env = [("PS1", "$ "), ("HISTFILE", "/dev/null")];
        Session::spawn("bash", &["--norc", "--noprofile", "-i"], cols, rows, data_dir, &env)
    }

    fn spawn(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        data_dir: &Path,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("ARTIKEL_LANG", "en");
        cmd.env("ARTIKEL_TODAY", TODAY);
        cmd.env("ARTIKEL_DATA_DIR", data_dir);
        cmd.env_remove("COLORTERM");
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            if value.is_empty() {
                cmd.env_remove(key);
            } else {
                cmd.env(key, value);
            }
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn artikel");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nonzero(rows),
            nonzero(cols),
            0,
            Requests::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        // The pump reads the master through its own descriptor number rather than a duplicate,
        // so that when the test hangs up, no descriptor of the master is left open.
        let fd = pty.master.as_raw_fd().expect("master fd");
        let stop = Arc::new(AtomicBool::new(false));
        let (p, r, halt) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&stop));
        let pump = std::thread::spawn(move || pump(fd, &halt, &p, &r));
        let writer = pty.master.take_writer().expect("pty writer");
        Session { child, master: Some(pty.master), writer: Some(writer), parser, raw, stop, pump: Some(pump) }
    }

    /// The screen, one string per row.
    pub fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().expect("parser");
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols.get()).collect()
    }

    /// Runs `f` on the emulated screen.
    pub fn screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().expect("parser").screen())
    }

    /// What the program asked of the terminal besides drawing.
    pub fn requests<T>(&self, f: impl FnOnce(&Requests) -> T) -> T {
        f(self.parser.lock().expect("parser").callbacks())
    }

    /// Whether the program is on the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().expect("parser").screen().alternate_screen()
    }

    /// Everything the program has written so far.
    pub fn output(&self) -> Vec<u8> {
        self.raw.lock().expect("raw").clone()
    }

    /// Waits (up to 10 s) until `pred` holds for the screen's rows; panics with the screen if not.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&[String]) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if pred(&self.rows()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; the screen shows:\n{}", self.rows().join("\n"));
    }

    /// Waits (up to 5 s) until the program has left the alternate screen; whether it did.
    pub fn left_alternate_screen(&self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if !self.alternate_screen() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    /// Waits until `text` is somewhere on the screen.
    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, |rows| rows.iter().any(|r| r.contains(text)));
    }

    /// Types `keys` (raw bytes, as a terminal sends them).
    pub fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("pty still open");
        w.write_all(keys.as_bytes()).expect("write keys");
        w.flush().expect("flush keys");
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = PtySize { rows, cols, pixel_width: 0, pixel_height: 0 };
        self.master.as_ref().expect("pty still open").resize(size).expect("resize");
        self.parser.lock().expect("parser").screen_mut().set_size(nonzero(rows), nonzero(cols));
    }

    /// Closes the terminal's side, as a dropped SSH connection does.
    pub fn hang_up(&mut self) {
        self.stop_pump();
        self.writer = None;
        self.master = None;
    }

    fn stop_pump(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(pump) = self.pump.take() {
            let _ = pump.join();
        }
    }

    /// Waits up to `limit` for the program to exit; its exit code, or `None` if it is still running.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<u32> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        self.stop_pump();
    }
}

/// Copies what the program writes into the emulator until told to stop or the pty closes.
fn pump(fd: i32, stop: &AtomicBool, parser: &Mutex<Parser>, raw: &Mutex<Vec<u8>>) {
    let mut buf = [0u8; 8192];
    while !stop.load(Ordering::SeqCst) {
        let mut pfd = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut pfd, 1, 20) };
        if ready <= 0 {
            continue;
        }
        // SAFETY: `buf` is valid for `buf.len()` bytes; the master stays open until the pump stops.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            return;
        }
        let bytes = &buf[..n as usize];
        raw.lock().expect("raw").extend_from_slice(bytes);
        parser.lock().expect("parser").process(bytes);
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal is at least 1×1")
}

/// The CPU time (user + system, in seconds) a live process has used, from /proc.
pub fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The key presses `keys` spells: characters, or `<C-x>` for Ctrl-x, `<enter>`, `<esc>`.
pub fn key_events(keys: &str) -> Vec<crossterm::event::KeyEvent> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut events = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if let Some(tail) = rest.strip_prefix("<C-") {
            let c = tail.chars().next().expect("a letter");
            (KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), 5)
        } else if rest.starts_with("<enter>") {
            (KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), 7)
        } else if rest.starts_with("<esc>") {
            (KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), 5)
        } else {
            (KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), c.len_utf8())
        };
        events.push(event);
        rest = &rest[len..];
    }
    events
}
