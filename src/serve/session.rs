//! A reader session over SSH: the same event loop as the local terminal (`tui::run_loop`),
//! drawing into the channel at the pty's size (at most [`MAX_SCREEN`]) and fed the channel's
//! bytes through the same input parser. Each runs on a thread of its own; the library is
//! shared by all. Its input is bounded: at most [`INPUT_EVENTS`] events wait for the loop, and
//! a client sending more waits (its channel's window closes) until the loop has taken them;
//! its output waits for the client, and the loop with it. When it ends, its thread, its timer and its memory go.

use super::Shared;
use super::asked::Asked;
use crate::app::{App, Docs, SaveError};
use crate::backend::{Ansi, Colors};
use crate::library::Library;
use crate::store::{Change, Disk, Draft, Store};
use crate::tui::{Console, InputParser, Keep, Wake, mouse_sequence, run_loop};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::layout::Size;
use russh::ChannelId;
use russh::server::Handle;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, Semaphore};

/// Why a session ended, when the server ended it.
pub const BY_CLIENT: u8 = 0;
/// The server is stopping.
pub const STOPPING: u8 = 1;
/// No key came for `--idle-timeout`.
pub const IDLE: u8 = 2;
/// The reviewer opened more sessions than they may have at once, and this one had been idle
/// longest.
pub const REPLACED: u8 = 3;

/// The session has ended.
const FINISHED: u8 = 4;

/// The largest screen a session draws (a larger terminal is drawn in its top-left part, with
/// a line saying so): a session's screen and frames take about 200 bytes a cell, so this
/// bounds them to about 8 MB (0.4 MB at 80×24), whatever size the client claims.
pub const MAX_SCREEN: Size = Size { width: 320, height: 120 };

/// Input events that may wait for the loop: a burst of typing or a paste is far less, and
/// the loop takes them all before it draws again.
pub const INPUT_EVENTS: usize = 1024;

/// Bytes of one unfinished sequence kept (a bracketed paste not yet ended): beyond that the
/// sequence is dropped, so a paste that never ends cannot fill the memory.
const MAX_PENDING: usize = 256 * 1024;

/// How long input may wait for the loop to take it before the connection is closed: the loop
/// takes a thousand keys in milliseconds, so only a client that sends and never reads what
/// it is sent (its frames wait, and so the loop) stays stuck this long.
pub const INPUT_STALL: Duration = Duration::from_secs(10);

/// The client sent input that the loop did not take for [`INPUT_STALL`].
#[derive(Debug)]
pub struct Stalled;

/// The connection's side of a running reader: where its bytes and sizes go.
pub struct Reader {
    events: mpsc::Sender<Wake>,
    /// Room for input events: taken for each sent, given back as the loop takes it.
    room: Arc<Semaphore>,
    parser: InputParser,
    parsed: Vec<Event>,
    /// Bytes fed since the last event, bounded by [`MAX_PENDING`].
    unfinished: usize,
    /// When the last byte came from the client.
    pub last_input: Arc<Mutex<Instant>>,
    /// Set before the server ends the session: [`STOPPING`], [`IDLE`] or [`REPLACED`].
    pub why: Arc<AtomicU8>,
    /// Told when the session has ended.
    finished: Arc<Notify>,
}

impl Reader {
    /// Bytes the client typed; waits while the loop has [`INPUT_EVENTS`] not yet taken.
    pub async fn input(&mut self, bytes: &[u8]) -> Result<(), Stalled> {
        *self.last_input.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        self.parser.feed(bytes, &mut self.parsed);
        self.unfinished =
            if self.parsed.is_empty() { self.unfinished.saturating_add(bytes.len()) } else { 0 };
        if self.unfinished > MAX_PENDING {
            self.parser = InputParser::default();
            self.unfinished = 0;
        }
        let events: Vec<Event> = self.parsed.drain(..).collect();
        for event in events {
            self.send(Wake::Input(event)).await?;
        }
        Ok(())
    }

    /// The client's terminal changed size.
    pub async fn resize(&mut self, width: u16, height: u16) -> Result<(), Stalled> {
        self.send(Wake::Input(Event::Resize(width, height))).await
    }

    /// Sends one input event, once the loop has room for it. After the session ended there
    /// is nobody to send to: the input is dropped.
    async fn send(&mut self, wake: Wake) -> Result<(), Stalled> {
        // Most often there is room: no timer is set (an idle server then wakes for nothing).
        let permit = match self.room.try_acquire() {
            Ok(permit) => Ok(permit),
            Err(tokio::sync::TryAcquireError::Closed) => return Ok(()),
            Err(tokio::sync::TryAcquireError::NoPermits) => {
                match tokio::time::timeout(INPUT_STALL, self.room.acquire()).await {
                    Ok(Ok(permit)) => Ok(permit),
                    Ok(Err(_closed)) => return Ok(()),
                    Err(_) => Err(Stalled),
                }
            }
        };
        permit?.forget();
        let _ = self.events.send(wake);
        Ok(())
    }

    /// Ends the session: the client went away, or the server says why in `why`.
    pub fn end(&self, why: u8) {
        self.ender().end(why);
    }

    /// A handle that can end the session from elsewhere (the idle timer, the stop).
    pub fn ender(&self) -> Ender {
        Ender { events: self.events.clone(), why: self.why.clone(), finished: self.finished.clone() }
    }
}

/// Ends a session from outside the connection.
#[derive(Clone)]
pub struct Ender {
    events: mpsc::Sender<Wake>,
    why: Arc<AtomicU8>,
    finished: Arc<Notify>,
}

impl Ender {
    /// Whether the session has ended (its loop no longer listens).
    pub fn ended(&self) -> bool {
        self.why.load(Ordering::Relaxed) == FINISHED
    }

    /// Waits until the session has ended.
    pub async fn finished(&self) {
        if !self.ended() {
            self.finished.notified().await;
        }
    }

    /// Ends the session, saying why ([`BY_CLIENT`]: the client went away).
    pub fn end(&self, why: u8) {
        let _ = self.why.compare_exchange(BY_CLIENT, why, Ordering::Relaxed, Ordering::Relaxed);
        let _ = self.events.send(if why == BY_CLIENT { Wake::Closed } else { Wake::Signal(15) });
    }
}

/// A reader running on the server, as the server knows it: whose, how to end it, and when
/// its client last typed.
#[derive(Clone)]
pub struct Running {
    /// The reviewer's name.
    pub reviewer: String,
    /// Ends it.
    pub ender: Ender,
    /// When its client last typed.
    pub last_input: Arc<Mutex<Instant>>,
}

/// Where a session keeps its reviewer's notes (shared by the reviewer's sessions, under the
/// store's lock) and its own draft (in a folder of its own).
struct SessionKeep {
    disk: Option<Disk>,
    drafts: PathBuf,
}

impl Keep for SessionKeep {
    fn write(&mut self, changes: &[Change]) -> Result<Store, SaveError> {
        self.disk.write(changes)
    }

    fn save_draft(&mut self, draft: &Draft) -> io::Result<()> {
        draft.save(&self.drafts).map_err(|e| io::Error::other(e.to_string()))
    }

    fn clear_draft(&mut self) -> io::Result<()> {
        Draft::clear(&self.drafts).map_err(|e| io::Error::other(e.to_string()))
    }

    fn dismiss_hint(&mut self) -> io::Result<()> {
        self.disk.dismiss_hint()
    }
}

/// Starts the reader for reviewer `name` on `channel` (the session `session` of the
/// server), at the pty's size, with the colours and characters its TERM, LANG and NO_COLOR
/// ask for. `done` runs when it has ended.
pub fn start(
    shared: Arc<Shared>,
    name: &str,
    session: &str,
    asked: &Asked,
    handle: Handle,
    channel: ChannelId,
    done: impl FnOnce(&str) + Send + 'static,
) -> io::Result<Reader> {
    let (term, width, height) = asked.pty.clone().unwrap_or_default();
    let colors = if asked.no_color { Colors::Off } else { Colors::On };
    // A client that sends no locale (OpenSSH sends LANG only when told to) gets UTF-8.
    let ascii =
        asked.locale.as_ref().is_some_and(|l| !l.to_ascii_lowercase().replace('-', "").contains("utf8"));
    let disk = shared.reviewer_disk(name);
    let drafts = shared.drafts.claim(disk.dir(), session)?;
    let (ledger, name) = (shared.ledger.clone(), name.to_string());
    let (tx, rx) = mpsc::channel();
    let why = Arc::new(AtomicU8::new(BY_CLIENT));
    let room = Arc::new(Semaphore::new(INPUT_EVENTS));
    let finished = Arc::new(Notify::new());
    let reader = Reader {
        events: tx.clone(),
        room: room.clone(),
        parser: InputParser::default(),
        parsed: Vec::new(),
        unfinished: 0,
        last_input: Arc::new(Mutex::new(Instant::now())),
        why: why.clone(),
        finished: finished.clone(),
    };
    let runtime = tokio::runtime::Handle::current();
    let library = session_library(&shared.library);
    let docs = shared.docs.clone();
    let index = shared.index.clone();
    let clock = shared.clock;
    let lang = asked.lang();
    // Told of the ledger's changes with the server's other sessions, while the reader runs.
    let listening = shared.news.as_ref().map(|news| news.listen(tx.clone()));
    let spawned = std::thread::Builder::new().name(format!("reader {}", name)).spawn({
        let (drafts, shared) = (drafts.clone(), shared.clone());
        move || {
            crate::strings::set_thread_lang(lang);
            let out = ChannelOut { handle, channel, runtime, buf: Vec::with_capacity(1 << 14) };
            // Whatever happens in the session, what follows runs: the thread must not go
            // without freeing its place and its memory.
            let ending = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                if term == "dumb" {
                    let mut out = out;
                    let _ = out.write_all(crate::strings::DUMB_TERMINAL.replace('\n', "\r\n").as_bytes());
                    let _ = out.write_all(b"\r\n");
                    let _ = out.flush();
                    out.close(2);
                    return "refused TERM=dumb";
                }
                let (mut app, mut link) = open(library, docs, clock, &disk, &drafts, &ledger, &name);
                if let Some(news) = &shared.news {
                    link.wait_for_reach(news.unreachable());
                }
                app.shared_index = Some(index);
                if colors == Colors::Off {
                    app.theme = crate::app::Theme::Mono;
                }
                let ansi = Ansi::sized(out, colors, ascii, Size::new(width, height)).within(MAX_SCREEN);
                let keep = SessionKeep { disk: Some(disk), drafts: drafts.clone() };
                let given_back = room.clone();
                let taken = Box::new(move || given_back.add_permits(1));
                run(app, link, ansi, keep, (rx, tx, taken), &why, listening.is_some())
            }))
            .unwrap_or("ended: the reader failed");
            // Input that comes now has nobody to wait for.
            room.close();
            drop(listening);
            shared.drafts.release(&drafts);
            why.store(FINISHED, Ordering::Relaxed);
            finished.notify_one();
            done(ending);
            super::memory::give_back();
        }
    });
    if let Err(e) = spawned {
        shared.drafts.release(&drafts);
        return Err(e);
    }
    Ok(reader)
}

/// A session's library: the server's, loaded once; each article's text is shared (an `Arc`),
/// only the list is the session's own.
fn session_library(server: &Library) -> Library {
    Library {
        articles: server.articles.clone(),
        warnings: server.warnings.clone(),
        hidden: Vec::new(),
        synonyms: server.synonyms.clone(),
        signs: server.signs.clone(),
    }
}

/// The reader as the local `artikel` opens it: at the last article read, its position, the
/// draft a session that was cut off left (moved into this session's folder `drafts`), and the
/// team ledger (opened by the loop after the first frame, as the local reader's is). What the
/// reviewer decides or writes is in `name`'s.
fn open(
    library: Library,
    docs: Arc<Docs>,
    clock: crate::clock::Clock,
    disk: &Disk,
    drafts: &Path,
    ledger: &Path,
    name: &str,
) -> (App, crate::ledger::Link) {
    let loaded = disk.load();
    let article = loaded.store.last_article.as_deref().and_then(|slug| library.position(slug)).unwrap_or(0);
    let mut app = App::new(library, article, clock);
    app.docs = docs;
    app.reviewer = name.to_string();
    let options = crate::ledger::Options {
        import: Some(disk.dir().join("notes.yaml")),
        user: name.to_string(),
        ..crate::ledger::Options::new(ledger)
    };
    app.reviews = crate::ledger::Desk::waiting();
    app.adopt_personal(loaded, disk.dir());
    match Draft::find(drafts) {
        Ok(Some(draft)) => app.recover(draft),
        Ok(None) => {}
        Err(problem) => app.message = Some(problem.to_string()),
    }
    (app, crate::ledger::Link::new(options))
}

/// The loop's events: where they come from, where its threads send them, and what it calls
/// as it takes each input event.
type Events = (mpsc::Receiver<Wake>, mpsc::Sender<Wake>, Box<dyn FnMut()>);

/// Enters the screen, runs the loop (told of the ledger's changes if `told`, else asking for
/// them), leaves the screen and closes the channel; how it ended.
fn run(
    mut app: App,
    ledger: crate::ledger::Link,
    ansi: Ansi<ChannelOut>,
    keep: SessionKeep,
    (rx, tx, taken): Events,
    why: &AtomicU8,
    told: bool,
) -> &'static str {
    let Ok(terminal) = Terminal::new(ansi) else { return "failed" };
    let mut console = Console::new(terminal, keep, rx, tx);
    console.ledger = Some(ledger);
    console.ledger_told = told;
    console.taken = Some(taken);
    let enter = crate::tui::enter_sequence(app.mouse);
    let _ = crate::tui::Surface::send(console.terminal.backend_mut(), enter.as_bytes());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_loop(&mut app, &mut console)));
    let out = console.terminal.backend_mut().writer_mut();
    let _ = out.write_all(mouse_sequence(false).as_bytes());
    let _ = out.write_all(b"\x1b[?2004l\x1b[0m\x1b[?1049l\x1b[?25h");
    let (ending, status) = match why.load(Ordering::Relaxed) {
        STOPPING => {
            let _ = write!(out, "{}\r\n", crate::strings::SERVE_STOPPING);
            ("ended: the server is stopping", 143)
        }
        IDLE => {
            let _ = write!(out, "{}\r\n", crate::strings::SERVE_IDLE);
            ("ended: idle", 0)
        }
        REPLACED => {
            let _ = write!(out, "{}\r\n", crate::strings::SERVE_REPLACED);
            ("ended: the reviewer opened another session", 0)
        }
        _ => match &result {
            Ok(Ok(outcome)) if outcome.ending == crate::tui::Ending::Quit => ("quit", 0),
            Ok(Ok(_)) => ("ended: the client went away", 129),
            Ok(Err(_)) => ("ended: the channel failed", 1),
            Err(_) => ("ended: the reader failed", 1),
        },
    };
    let _ = out.flush();
    out.close(status);
    ending
}

/// The channel as the reader's output: a frame is gathered, then sent on flush.
pub struct ChannelOut {
    handle: Handle,
    channel: ChannelId,
    runtime: tokio::runtime::Handle,
    buf: Vec<u8>,
}

impl ChannelOut {
    /// Sends the exit status and closes the channel.
    fn close(&self, status: u32) {
        let (handle, channel) = (&self.handle, self.channel);
        self.runtime.block_on(async {
            let _ = tokio::time::timeout(Duration::from_secs(1), async {
                let _ = handle.exit_status_request(channel, status).await;
                let _ = handle.eof(channel).await;
                let _ = handle.close(channel).await;
            })
            .await;
        });
    }
}

impl Write for ChannelOut {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.buf);
        let (handle, channel) = (&self.handle, self.channel);
        // Waits while the client is slow to take what was sent (the loop then waits too). Not
        // for ever: a client that takes nothing and sends nothing is closed by the
        // connection's inactivity timeout, one that sends and takes nothing when its input
        // stalls (see [`INPUT_STALL`]); either way this ends.
        self.runtime
            .block_on(handle.data(channel, bytes))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client has gone"))
    }
}

#[cfg(test)]
mod tests;
