//! The event loop, for any terminal: events in (keys, resizes, signals, finished threads),
//! frames and effects out. The local terminal, the tests (a `TestBackend`, or the reader's
//! own backend into an emulator) and a network session each hand it their own backend, their
//! own source of events and their own place to keep notes.

use super::surface::Surface;
use crate::app::{Action, App, Effect, SaveError, keymap, type_text, update};
use crate::ledger::LedgerError;
use crate::store::{Change, Draft, Store};
use crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::Terminal;
use std::io;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

mod perform;
mod upkeep;
use perform::perform;
use upkeep::{asks_ledger, poll_ledger_if_due, reread_ledger, save_draft, save_draft_if_due, start_ledger};

/// What wakes the event loop.
pub enum Wake {
    /// Something from the terminal: a key, the mouse, a resize (to this size).
    Input(Event),
    /// The terminal's input closed or failed: it has gone away.
    Closed,
    /// A signal arrived.
    Signal(i32),
    /// The review ledger may have changed: told by whoever watches it for this reader.
    LedgerChanged,
    /// A long article has been parsed in full (for the article opened as this generation).
    Parsed(u64, Box<crate::document::Document>),
    /// Parsing a long article in full failed (for this generation; said why).
    ParseFailed(u64, String),
    /// The search index has been built, or building it failed (said why).
    Indexed(Result<Box<crate::search::Index>, String>),
    /// An article file changed: the library, loaded anew.
    Reloaded(Box<crate::watch::Reload>),
    /// Every article's version has been worked out (for the review states that asked).
    Versions(crate::ledger::Hashed),
}

/// Where the reader keeps notes, bookmarks, reviews, positions and the draft of a note.
pub trait Keep {
    /// Applies `changes` to the latest store, without waiting for another process that is
    /// saving (that is a [`SaveError`] of kind busy); the store as written.
    fn write(&mut self, changes: &[Change]) -> Result<Store, SaveError>;
    /// Keeps the draft of the note being written.
    fn save_draft(&mut self, draft: &Draft) -> io::Result<()>;
    /// Removes the draft (its note was saved, or given up).
    fn clear_draft(&mut self) -> io::Result<()>;
    /// Remembers that the first-run hint was dismissed (by default, nowhere).
    fn dismiss_hint(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// How the reader ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal ended it.
    Signal(i32),
    /// The terminal went away.
    Closed,
}

impl Ending {
    /// The process's exit code for it.
    pub fn code(&self) -> i32 {
        match self {
            Ending::Quit => 0,
            Ending::Signal(n) => 128 + n,
            Ending::Closed => 129,
        }
    }
}

/// What the loop left behind: how it ended, and changes it could not write (another artikel
/// held the lock past the wait, or the store refused them).
#[derive(Debug)]
pub struct Outcome {
    /// How it ended.
    pub ending: Ending,
    /// Changes that were not written.
    pub unsaved: Vec<Change>,
    /// Decisions and comments the review ledger did not take.
    pub unsaved_ledger: Vec<crate::ledger::Write>,
}

/// How often the draft of a note being written is saved.
pub const DRAFT_EVERY: Duration = Duration::from_secs(3);
/// How often a save is tried again while another artikel holds the lock.
pub const RETRY_EVERY: Duration = Duration::from_millis(200);
/// How long quitting waits for another artikel to release the lock.
pub const QUIT_WAIT: Duration = Duration::from_secs(2);
/// How often the review ledger is asked whether another session wrote to it (and a write
/// it refused is tried again).
pub const LEDGER_EVERY: Duration = Duration::from_secs(1);

/// What one reader runs on: a terminal to draw on, where its notes are kept, where its
/// events come from, and how to stop the process (Ctrl-z), if it can be.
pub struct Console<B: Surface, K: Keep> {
    /// The terminal.
    pub terminal: Terminal<B>,
    /// Notes and the draft.
    pub keep: K,
    /// Events: input, signals, and results of the loop's own threads.
    pub events: mpsc::Receiver<Wake>,
    /// The sending side of `events`, for the loop's threads.
    pub sender: mpsc::Sender<Wake>,
    /// Stops the process until continued (`fg`), taking the terminal back after; `None` where
    /// there is no such thing (a network session), and Ctrl-z does nothing.
    pub suspend: Option<Box<dyn FnMut(bool) -> io::Result<()>>>,
    /// Builds the search index (a field so that tests can make it fail).
    pub build_index: fn(&[(&str, &str)]) -> crate::search::Index,
    /// The team's review ledger, if this reader has one: opened after the first frame, and
    /// asked every [`LEDGER_EVERY`] whether another session wrote to it.
    pub ledger: Option<crate::ledger::Link>,
    /// How often the ledger is asked for news: [`LEDGER_EVERY`] (tests ask at every event).
    pub ledger_every: Duration,
    /// Set when news of the ledger comes as [`Wake::LedgerChanged`] (a server watches it for
    /// all its sessions): the loop then asks the ledger only to retry a refused write, and an
    /// idle reader sleeps.
    pub ledger_told: bool,
    /// Told of each input event the loop takes from `events`: a network session lets its
    /// client send that much more (its input is bounded, so a flood waits for the loop).
    pub taken: Option<Box<dyn FnMut()>>,
    draft_saved: Option<Instant>,
    ledger_polled: Option<Instant>,
}

impl<B: Surface, K: Keep> Console<B, K> {
    /// A console drawing on `terminal`, keeping notes in `keep`, woken by `events` (whose
    /// sender is `sender`).
    pub fn new(
        terminal: Terminal<B>,
        keep: K,
        events: mpsc::Receiver<Wake>,
        sender: mpsc::Sender<Wake>,
    ) -> Self {
        Console {
            terminal,
            keep,
            events,
            sender,
            suspend: None,
            // Built before anyone types, so the palette's first keystroke finds it ready.
            build_index: |articles| crate::search::Index::build(articles).warmed(),
            ledger: None,
            ledger_every: LEDGER_EVERY,
            ledger_told: false,
            taken: None,
            draft_saved: None,
            ledger_polled: None,
        }
    }
}

/// Runs the reader on `console` until the user quits, a signal comes, or the input closes;
/// then remembers where the reader was, writes what is queued (waiting up to [`QUIT_WAIT`]
/// for another artikel's lock) and keeps a note being written as a draft.
pub fn run_loop<B: Surface, K: Keep>(app: &mut App, console: &mut Console<B, K>) -> io::Result<Outcome> {
    let result = event_loop(app, console);
    let ending = match result {
        Ok(ending) => ending,
        Err(e) => {
            finish(app, console);
            return Err(e);
        }
    };
    let unsaved = finish(app, console);
    Ok(Outcome { ending, unsaved, unsaved_ledger: app.pending_ledger().to_vec() })
}

fn event_loop<B: Surface, K: Keep>(app: &mut App, c: &mut Console<B, K>) -> io::Result<Ending> {
    let mut dirty = true;
    let first = app.take_effects();
    if perform(first, app, c)? {
        return Ok(Ending::Quit);
    }
    // An event taken while gathering typed text, to handle next.
    let mut held: Option<Wake> = None;
    loop {
        // Events first; a frame only when none is waiting, so a burst costs one frame.
        let wake = match held.take().map(Ok).unwrap_or_else(|| c.events.try_recv()) {
            Ok(wake) => wake,
            Err(mpsc::TryRecvError::Disconnected) => return Ok(Ending::Closed),
            Err(mpsc::TryRecvError::Empty) if dirty => {
                draw(&mut c.terminal, app)?;
                dirty = false;
                // The ledger after the first frame, so it never delays it.
                if c.ledger.is_some() && c.ledger_polled.is_none() {
                    dirty |= start_ledger(app, c);
                }
                continue;
            }
            Err(mpsc::TryRecvError::Empty) if app.work_pending() => {
                // Lay out the rest of a long article a slice at a time, between keys (and
                // count the hits of find in it).
                dirty |= app.lay_out_more();
                continue;
            }
            Err(mpsc::TryRecvError::Empty) => match wait(app, c) {
                Some(timeout) => match c.events.recv_timeout(timeout) {
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        dirty |= tick(app, c)?;
                        continue;
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Ending::Closed),
                    Ok(wake) => wake,
                },
                None => match c.events.recv() {
                    Err(_) => return Ok(Ending::Closed),
                    Ok(wake) => wake,
                },
            },
        };
        if let (Wake::Input(_), Some(taken)) = (&wake, c.taken.as_mut()) {
            taken();
        }
        // Keys typed before the first frame still find the ledger read.
        if matches!(wake, Wake::Input(_)) && c.ledger.is_some() && c.ledger_polled.is_none() {
            dirty |= start_ledger(app, c);
        }
        let effects = match wake {
            Wake::Input(Event::Resize(w, h)) => {
                c.terminal.backend_mut().resized(w, h);
                dirty = true;
                continue;
            }
            Wake::Input(Event::Paste(text)) => {
                let up = type_text(app, &text);
                dirty |= up.redraw;
                up.effects
            }
            Wake::Input(Event::Key(key)) if app.accepts_text() && typed_char(key, app).is_some() => {
                // Keys that arrived together (a paste without brackets) are typed in one go.
                let mut text: String = typed_char(key, app).into_iter().collect();
                while let Ok(next) = c.events.try_recv() {
                    match next {
                        Wake::Input(Event::Key(k)) if typed_char(k, app).is_some() => {
                            if let Some(taken) = c.taken.as_mut() {
                                taken();
                            }
                            text.extend(typed_char(k, app));
                        }
                        other => {
                            held = Some(other);
                            break;
                        }
                    }
                }
                let up = if text.chars().count() == 1 {
                    update(app, Action::Type(key))
                } else {
                    type_text(app, &text)
                };
                dirty |= up.redraw;
                up.effects
            }
            Wake::Input(event) => {
                let Some(action) = action_of(&event, app) else { continue };
                let up = update(app, action);
                dirty |= up.redraw;
                up.effects
            }
            Wake::Parsed(generation, doc) => {
                dirty |= app.adopt(generation, *doc);
                app.take_effects()
            }
            Wake::ParseFailed(generation, why) => {
                dirty |= app.parse_failed(generation, &why);
                app.take_effects()
            }
            Wake::Indexed(_) if app.skip_index() => continue,
            Wake::Reloaded(reload) => {
                dirty |= app.reload(*reload);
                app.take_effects()
            }
            Wake::Indexed(Ok(index)) => {
                app.adopt_index(*index);
                dirty = true;
                app.take_effects()
            }
            Wake::Indexed(Err(why)) => {
                app.index_failed(&why);
                dirty = true;
                app.take_effects()
            }
            Wake::Versions(hashed) => {
                app.reviews.take(hashed);
                dirty = true;
                continue;
            }
            Wake::Signal(signal) => return Ok(Ending::Signal(signal)),
            Wake::LedgerChanged => {
                dirty |= reread_ledger(app, c);
                continue;
            }
            Wake::Closed => {
                // The frame the last events left, if the terminal still takes it (a test's
                // does; a closed one fails at once, which does not matter now).
                if dirty {
                    let _ = draw(&mut c.terminal, app);
                }
                return Ok(Ending::Closed);
            }
        };
        if perform(effects, app, c)? {
            return Ok(Ending::Quit);
        }
        dirty |= save_draft_if_due(app, c);
        dirty |= poll_ledger_if_due(app, c)?;
    }
}

/// The text a key types into the open field, when it only types: a character (Shift aside),
/// or in the note editor Enter, a line end.
fn typed_char(key: crossterm::event::KeyEvent, app: &App) -> Option<char> {
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    if key.kind == KeyEventKind::Release || !(key.modifiers - KeyModifiers::SHIFT).is_empty() {
        return None;
    }
    match key.code {
        KeyCode::Char(c) => Some(c),
        KeyCode::Enter if app.editor().is_some() => Some('\n'),
        _ => None,
    }
}

/// How long the loop may sleep before something is due: a retry of a save that found the
/// lock held, or the draft of a note being written.
fn wait<B: Surface, K: Keep>(app: &App, c: &Console<B, K>) -> Option<Duration> {
    let retry = app.waiting_for_lock().then_some(RETRY_EVERY);
    let draft =
        app.editor().map(|_| DRAFT_EVERY.saturating_sub(c.draft_saved.map_or(DRAFT_EVERY, |t| t.elapsed())));
    let ledger =
        c.ledger_polled.filter(|_| asks_ledger(app, c)).map(|t| c.ledger_every.saturating_sub(t.elapsed()));
    retry.into_iter().chain(draft).chain(ledger).min()
}

/// What is due when the loop wakes with no event: a save to retry, a draft to keep.
fn tick<B: Surface, K: Keep>(app: &mut App, c: &mut Console<B, K>) -> io::Result<bool> {
    let mut changed = false;
    if app.waiting_for_lock() {
        let effects = app.retry_store();
        perform(effects, app, c)?;
        changed = true;
    }
    changed |= save_draft_if_due(app, c);
    changed |= poll_ledger_if_due(app, c)?;
    Ok(changed)
}

/// Builds the search index of `articles` with `build`. A panic while indexing is caught and
/// reported: the reader carries on without lookup.
pub fn index(build: fn(&[(&str, &str)]) -> crate::search::Index, articles: &[(String, Arc<str>)]) -> Wake {
    let refs: Vec<(&str, &str)> = articles.iter().map(|(t, b)| (t.as_str(), &**b)).collect();
    Wake::Indexed(crate::panics::caught(|| build(&refs)).map(Box::new))
}

/// After the loop: remember where the reader was, write what is queued (waiting a little
/// for another artikel's lock, unless a signal or the end of input says to stop), and keep
/// a note being written as a draft. Returns the changes that could not be written.
fn finish<B: Surface, K: Keep>(app: &mut App, c: &mut Console<B, K>) -> Vec<Change> {
    app.remember_position();
    let effects: Vec<Effect> = app
        .take_effects()
        .into_iter()
        .filter(|e| matches!(e, Effect::WriteStore(_) | Effect::WriteLedger(_)))
        .collect();
    let _ = perform(effects, app, c);
    let deadline = Instant::now() + QUIT_WAIT;
    // Another artikel saving its notes, or another session writing the ledger: wait a
    // little for either.
    while (app.waiting_for_lock() || app.ledger_busy()) && Instant::now() < deadline {
        match c.events.recv_timeout(RETRY_EVERY) {
            Ok(Wake::Signal(_) | Wake::Closed) | Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Ok(Wake::Input(Event::Key(key)))
                if keymap::action_for(key, keymap::Mode::Editor) == Some(Action::Exit) =>
            {
                break;
            }
            _ => {}
        }
        let mut effects = if app.waiting_for_lock() { app.retry_store() } else { Vec::new() };
        effects.extend(app.retry_ledger().filter(|_| app.ledger_busy()));
        let _ = perform(effects, app, c);
    }
    if let Some(draft) = app.editor().filter(|e| e.changed()).map(|e| e.draft()) {
        save_draft(app, c, &draft);
    }
    app.pending_changes().to_vec()
}

/// Draws a frame: the app draws into the terminal's buffer, and the backend writes what
/// differs from the screen it keeps. A new size is given to the app before drawing: resize
/// events can queue up behind each other, and the size the terminal has now is the truth.
fn draw<B: Surface>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()> {
    let size = B::size_of(terminal)?;
    if (size.width, size.height) != (app.area.width, app.area.height) {
        let _ = update(app, Action::Resize(size.width, size.height));
    }
    B::present_linked(terminal, |frame| {
        crate::ui::draw(app, frame);
        crate::ui::hyperlinks(app, frame.buffer_mut())
    })
}

/// Turns a terminal event into an action, through the key table for keys.
fn action_of(event: &Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) => app.keys.action_for(*key, app.mode()),
        // The new size is read from the terminal when drawing (see `draw`).
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
