//! The real terminal: setting it up, putting it back, and the event loop between.
//!
//! The terminal is restored on every way out: a normal quit, a panic (the message is printed
//! after the restore), SIGTERM/SIGINT/SIGQUIT, and SIGHUP or a closed input when the terminal
//! goes away. The loop blocks until something happens, so an idle reader uses no CPU (once
//! a long article is fully laid out, which it does in slices between keys).

mod screen;

pub use screen::{clipboard_sequence, restore};

use crate::app::{Action, App, Effect, keymap, update};
use crate::backend::{Ansi, Colors};
use crate::store::{Disk, Draft};
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::Terminal;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::os::fd::AsFd;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How to use the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Colour, or none.
    pub colors: Colors,
    /// Box drawing and markers in ASCII.
    pub ascii: bool,
}

/// What wakes the event loop.
enum Wake {
    /// Something from the terminal: a key, the mouse, a resize.
    Input(Event),
    /// The terminal's input closed or failed: it has gone away.
    Closed,
    /// A signal arrived.
    Signal(i32),
    /// A long article has been parsed in full (for the article opened as this generation).
    Parsed(u64, Box<crate::document::Document>),
    /// The search index has been built.
    Indexed(Box<crate::search::Index>),
}

/// Whether the reader can run here: both stdin and stdout must be a terminal.
pub fn have_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Runs the reader until the user quits or the terminal goes away, keeping notes, bookmarks
/// and positions in `disk`. Returns the exit code.
pub fn run(mut app: App, options: Options, disk: Option<Disk>) -> io::Result<i32> {
    screen::install_panic_hook();
    let (tx, rx) = mpsc::channel();
    watch_signals(tx.clone())?;
    screen::enter(app.mouse)?;
    let mut keeper = Keeper { disk, draft_saved: None };
    let result = event_loop(&mut app, options, &rx, tx, &mut keeper);
    // However it ended: remember where the reader was, and keep a note being written.
    app.remember_position();
    for effect in app.take_effects() {
        keeper.store(&mut app, &effect);
    }
    keeper.save_draft(&app, true);
    restore();
    result
}

/// Saves what the reader changed: store changes as they come, and the draft of a note
/// being written every few seconds (and at the end), so nothing written is lost.
struct Keeper {
    disk: Option<Disk>,
    draft_saved: Option<Instant>,
}

/// How often the draft of a note being written is saved.
const DRAFT_EVERY: Duration = Duration::from_secs(3);

impl Keeper {
    /// Carries out an effect on the store or the draft; false if `effect` is neither.
    fn store(&mut self, app: &mut App, effect: &Effect) -> bool {
        let Some(disk) = &self.disk else { return matches!(effect, Effect::WriteStore(_)) };
        match effect {
            Effect::WriteStore(changes) => app.store_written(disk.update(changes).map_err(|e| e.to_string())),
            Effect::SaveDraft(draft) => {
                let _ = draft.save(disk.dir());
            }
            Effect::ClearDraft => {
                Draft::clear(disk.dir());
                self.draft_saved = None;
            }
            _ => return false,
        }
        true
    }

    /// Saves the draft of the note being written, if it changed and it is time (or `ending`).
    fn save_draft(&mut self, app: &App, ending: bool) {
        let Some(disk) = &self.disk else { return };
        if let Some(editor) = app.editor().filter(|e| e.changed()) {
            let due = self.draft_saved.is_none_or(|t| t.elapsed() >= DRAFT_EVERY);
            if (due || ending) && editor.draft().save(disk.dir()).is_ok() {
                self.draft_saved = Some(Instant::now());
            }
        }
    }
}

type Term = Terminal<Ansi<BufWriter<File>>>;

/// How the loop goes on after carrying out effects.
enum Next {
    Go,
    Quit,
}

fn event_loop(
    app: &mut App,
    options: Options,
    rx: &mpsc::Receiver<Wake>,
    tx: mpsc::Sender<Wake>,
    keeper: &mut Keeper,
) -> io::Result<i32> {
    // One write per frame: the whole frame is buffered, then flushed, straight to the
    // terminal (`io::stdout()` is line-buffered: it would split a frame at its last newline).
    let out = BufWriter::with_capacity(1 << 16, File::from(io::stdout().as_fd().try_clone_to_owned()?));
    let mut terminal = Terminal::new(Ansi::new(out, options.colors, options.ascii))?;
    let input_tx = tx.clone();
    std::thread::spawn(move || read_input(&input_tx));
    let mut dirty = true;
    let pending = app.take_effects();
    if let Next::Quit = perform(pending, app, &mut terminal, keeper, &tx)? {
        return Ok(0);
    }
    loop {
        if dirty {
            draw(&mut terminal, app)?;
            dirty = false;
        }
        let wake = if app.layout_pending() {
            // Lay out the rest of a long article a slice at a time, between keys.
            match rx.try_recv() {
                Err(mpsc::TryRecvError::Empty) => {
                    dirty |= app.lay_out_more();
                    continue;
                }
                other => other.map_err(|_| mpsc::RecvError),
            }
        } else if app.editor().is_some() {
            // While a note is written, wake now and then to save its draft.
            match rx.recv_timeout(DRAFT_EVERY) {
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    keeper.save_draft(app, false);
                    continue;
                }
                other => other.map_err(|_| mpsc::RecvError),
            }
        } else {
            rx.recv()
        };
        let effects = match wake {
            Ok(Wake::Input(Event::Resize(..))) => {
                terminal.backend_mut().resized();
                dirty = true;
                continue;
            }
            Ok(Wake::Input(event)) => {
                let Some(action) = action_of(&event, app.mode()) else { continue };
                let up = update(app, action);
                dirty |= up.redraw;
                keeper.save_draft(app, false);
                up.effects
            }
            Ok(Wake::Parsed(generation, doc)) => {
                dirty |= app.adopt(generation, *doc);
                continue;
            }
            Ok(Wake::Indexed(index)) => {
                app.adopt_index(*index);
                dirty = true;
                app.take_effects()
            }
            Ok(Wake::Signal(signal)) => return Ok(128 + signal),
            Ok(Wake::Closed) | Err(_) => return Ok(129),
        };
        if let Next::Quit = perform(effects, app, &mut terminal, keeper, &tx)? {
            return Ok(0);
        }
    }
}

/// Carries out what an update asked for: the store, the draft, threads, and the terminal.
fn perform(
    effects: Vec<Effect>,
    app: &mut App,
    terminal: &mut Term,
    keeper: &mut Keeper,
    tx: &mpsc::Sender<Wake>,
) -> io::Result<Next> {
    for effect in effects {
        if keeper.store(app, &effect) {
            continue;
        }
        match effect {
            Effect::Copy(text) => {
                let out = terminal.backend_mut().writer_mut();
                out.write_all(clipboard_sequence(&text).as_bytes())?;
                out.flush()?;
            }
            Effect::Suspend => {
                terminal.backend_mut().writer_mut().flush()?;
                screen::suspend(app.mouse)?;
                terminal.backend_mut().forget();
                terminal.clear()?;
            }
            Effect::SetMouse(on) => screen::set_mouse(on)?,
            Effect::BuildIndex(articles) => {
                let tx = tx.clone();
                std::thread::spawn(move || {
                    let refs: Vec<(&str, &str)> = articles.iter().map(|(t, b)| (t.as_str(), &**b)).collect();
                    let _ = tx.send(Wake::Indexed(Box::new(crate::search::Index::build(&refs))));
                });
            }
            Effect::Parse(generation, body) => {
                let tx = tx.clone();
                std::thread::spawn(move || {
                    let doc = crate::document::Document::parse(&body);
                    let _ = tx.send(Wake::Parsed(generation, Box::new(doc)));
                });
            }
            Effect::Quit => return Ok(Next::Quit),
            Effect::WriteStore(_) | Effect::SaveDraft(_) | Effect::ClearDraft => {}
        }
    }
    Ok(Next::Go)
}

/// Draws a frame: the app draws into the terminal's buffer, and the backend writes what
/// differs from the screen it keeps (without ratatui's diff or a copy of the screen). A new
/// size is given to the app before drawing: resize events can queue up behind each other,
/// and the size the terminal has now is the truth.
fn draw(terminal: &mut Term, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    if (size.width, size.height) != (app.area.width, app.area.height) {
        let _ = update(app, Action::Resize(size.width, size.height));
    }
    crate::backend::draw_frame(terminal, |frame| crate::ui::draw(app, frame))?;
    terminal.hide_cursor()?;
    terminal.backend_mut().writer_mut().flush()
}

/// Turns a terminal event into an action, through the key table for keys.
fn action_of(event: &Event, mode: keymap::Mode) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action_for(*key, mode),
        // The new size is read from the terminal when drawing (see `event_loop`).
        Event::Resize(..) => None,
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel { col: m.column, row: m.row, down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { col: m.column, row: m.row, down: false }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { col: m.column, row: m.row }),
            _ => None,
        },
        _ => None,
    }
}

fn read_input(tx: &mpsc::Sender<Wake>) {
    loop {
        let wake = match event::read() {
            Ok(event) => Wake::Input(event),
            Err(_) => Wake::Closed,
        };
        let closed = matches!(wake, Wake::Closed);
        if tx.send(wake).is_err() || closed {
            return;
        }
    }
}

fn watch_signals(tx: mpsc::Sender<Wake>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGQUIT, SIGTERM])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = tx.send(Wake::Signal(signal));
        }
    });
    Ok(())
}
