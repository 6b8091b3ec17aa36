//! The real terminal: setting it up, putting it back, and running the event loop on it.
//!
//! The terminal is restored on every way out: a normal quit, a panic (the message is printed
//! after the restore), SIGTERM/SIGINT/SIGQUIT, and SIGHUP or a closed input when the terminal
//! goes away. The loop blocks until something happens, so an idle reader uses no CPU (once
//! a long article is fully laid out, which it does in slices between keys).

mod event_loop;
mod input;
mod surface;
mod terminal;

pub use event_loop::{
    Console, DRAFT_EVERY, Ending, Keep, LEDGER_EVERY, Outcome, QUIT_WAIT, RETRY_EVERY, Wake, index, run_loop,
};
pub use input::InputParser;
pub use surface::Surface;
pub use terminal::{clipboard_sequence, enter_sequence, mouse_sequence, restore};

use crate::app::{App, SaveError, SaveErrorKind};
use crate::backend::{Ansi, Colors};
use crate::store::{Change, Disk, Draft, ErrorKind, Store};
use crossterm::event::Event;
use ratatui::Terminal;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read};
use std::os::fd::AsFd;
use std::sync::mpsc;

/// How to use the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Colour, or none.
    pub colors: Colors,
    /// Box drawing and markers in ASCII.
    pub ascii: bool,
}

/// Whether the reader can run here: both stdin and stdout must be a terminal.
pub fn have_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Runs the reader on this process's terminal until the user quits or the terminal goes
/// away, keeping notes, bookmarks and positions in `disk` and decisions and comments in
/// `ledger`. Returns the exit code.
pub fn run(
    mut app: App,
    options: Options,
    disk: Option<Disk>,
    ledger: Option<crate::ledger::Link>,
) -> io::Result<i32> {
    terminal::install_panic_hook();
    let (tx, rx) = mpsc::channel();
    watch_signals(tx.clone())?;
    terminal::enter(app.mouse)?;
    let outcome = (|| {
        // One write per frame: the whole frame is buffered, then flushed, straight to the
        // terminal (`io::stdout()` is line-buffered: it would split a frame at its last newline).
        let out = BufWriter::with_capacity(1 << 16, File::from(io::stdout().as_fd().try_clone_to_owned()?));
        let terminal = Terminal::new(Ansi::new(out, options.colors, options.ascii))?;
        let input = File::from(io::stdin().as_fd().try_clone_to_owned()?);
        let input_tx = tx.clone();
        std::thread::spawn(move || read_input(input, &input_tx));
        let mut console = Console::new(terminal, disk, rx, tx);
        console.suspend = Some(Box::new(terminal::suspend));
        console.ledger = ledger;
        run_loop(&mut app, &mut console)
    })();
    restore();
    let outcome = outcome?;
    if !outcome.unsaved.is_empty() {
        eprintln!("{}", crate::strings::unsaved_at_exit(outcome.unsaved.len()));
    }
    if !outcome.unsaved_ledger.is_empty() {
        eprintln!("{}", crate::strings::ledger_unsaved_at_exit(outcome.unsaved_ledger.len()));
    }
    Ok(outcome.ending.code())
}

/// The store on disk, as the loop keeps it.
impl Keep for Option<Disk> {
    fn write(&mut self, changes: &[Change]) -> Result<Store, SaveError> {
        let Some(disk) = self else {
            return Err(SaveError::new(SaveErrorKind::Refused, crate::strings::STORE_READ_ONLY));
        };
        // Never block on the lock: the loop keeps answering keys and tries again.
        disk.try_update(changes).map_err(|e| {
            let kind = match e.kind() {
                ErrorKind::ReadOnly => SaveErrorKind::Refused,
                ErrorKind::Busy => SaveErrorKind::Busy,
                // A broken file was moved aside (said), or the store would not read back:
                // the changes stay queued and go with the next write.
                ErrorKind::Io | ErrorKind::Corrupt | ErrorKind::TooLarge => SaveErrorKind::Failed,
            };
            SaveError::new(kind, e.to_string())
        })
    }

    fn save_draft(&mut self, draft: &Draft) -> io::Result<()> {
        match self {
            Some(disk) => draft.save(disk.dir()).map_err(|e| io::Error::other(e.to_string())),
            None => Ok(()),
        }
    }

    fn clear_draft(&mut self) -> io::Result<()> {
        match self {
            Some(disk) => Draft::clear(disk.dir()).map_err(|e| io::Error::other(e.to_string())),
            None => Ok(()),
        }
    }

    fn dismiss_hint(&mut self) -> io::Result<()> {
        match self {
            Some(disk) => crate::store::dismiss_hint(disk.dir()),
            None => Ok(()),
        }
    }
}

/// Reads the terminal's bytes and sends the events they make, every one of them, however
/// many arrive in one read. The end of input (a read of 0 bytes) or an error is the terminal
/// going away.
fn read_input(mut input: impl Read, tx: &mpsc::Sender<Wake>) {
    let mut parser = InputParser::default();
    let mut buf = vec![0u8; 1 << 16];
    let mut events = Vec::new();
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => 0,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => 0,
        };
        if n == 0 {
            let _ = tx.send(Wake::Closed);
            return;
        }
        parser.feed(&buf[..n], &mut events);
        for event in events.drain(..) {
            if tx.send(Wake::Input(event)).is_err() {
                return;
            }
        }
    }
}

/// Sends the signals that end the reader, and a resize (with the size the kernel has now)
/// for each SIGWINCH.
fn watch_signals(tx: mpsc::Sender<Wake>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let wake = if signal == SIGWINCH {
                let Ok((w, h)) = crossterm::terminal::size() else { continue };
                Wake::Input(Event::Resize(w, h))
            } else {
                Wake::Signal(signal)
            };
            if tx.send(wake).is_err() {
                return;
            }
        }
    });
    Ok(())
}
