//! A reader session over SSH: the same event loop as the local terminal (`tui::run_loop`),
//! drawing into the channel at the pty's size and fed the channel's bytes through the same
//! input parser. Each runs on a thread of its own; the library is shared by all.

use super::Shared;
use super::handler::Asked;
use crate::app::{App, Docs};
use crate::backend::{Ansi, Colors};
use crate::library::Library;
use crate::store::Disk;
use crate::tui::{Console, InputParser, Wake, mouse_sequence, run_loop};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::layout::Size;
use russh::ChannelId;
use russh::server::Handle;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

/// Why a session ended, when the server ended it.
pub const BY_CLIENT: u8 = 0;
/// The server is stopping.
pub const STOPPING: u8 = 1;
/// No key came for `--idle-timeout`.
pub const IDLE: u8 = 2;

/// The session has ended.
const FINISHED: u8 = 3;

/// The connection's side of a running reader: where its bytes and sizes go.
pub struct Reader {
    events: mpsc::Sender<Wake>,
    parser: InputParser,
    parsed: Vec<Event>,
    /// When the last byte came from the client.
    pub last_input: Arc<Mutex<Instant>>,
    /// Set before the server ends the session: [`STOPPING`] or [`IDLE`].
    pub why: Arc<AtomicU8>,
}

impl Reader {
    /// Bytes the client typed.
    pub fn input(&mut self, bytes: &[u8]) {
        *self.last_input.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        self.parser.feed(bytes, &mut self.parsed);
        for event in self.parsed.drain(..) {
            let _ = self.events.send(Wake::Input(event));
        }
    }

    /// The client's terminal changed size.
    pub fn resize(&self, width: u16, height: u16) {
        let _ = self.events.send(Wake::Input(Event::Resize(width, height)));
    }

    /// Ends the session: the client went away, or the server says why in `why`.
    pub fn end(&self, why: u8) {
        self.why.store(why, Ordering::Relaxed);
        let _ = self.events.send(if why == BY_CLIENT { Wake::Closed } else { Wake::Signal(15) });
    }

    /// A handle that can end the session from elsewhere (the idle timer, the stop).
    pub fn ender(&self) -> Ender {
        Ender { events: self.events.clone(), why: self.why.clone() }
    }
}

/// Ends a session from outside the connection.
#[derive(Clone)]
pub struct Ender {
    events: mpsc::Sender<Wake>,
    why: Arc<AtomicU8>,
}

impl Ender {
    /// Whether the session has ended (its loop no longer listens).
    pub fn ended(&self) -> bool {
        self.why.load(Ordering::Relaxed) == FINISHED
    }

    /// Ends the session, saying why.
    pub fn end(&self, why: u8) {
        self.why.store(why, Ordering::Relaxed);
        let _ = self.events.send(Wake::Signal(15));
    }
}

/// Starts the reader for reviewer `name` on `channel`, at the pty's size, with the colours
/// and characters its TERM, LANG and NO_COLOR ask for. `done` runs when it has ended.
pub fn start(
    shared: Arc<Shared>,
    name: &str,
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
    let (ledger, name) = (shared.ledger.clone(), name.to_string());
    let (tx, rx) = mpsc::channel();
    let why = Arc::new(AtomicU8::new(BY_CLIENT));
    let reader = Reader {
        events: tx.clone(),
        parser: InputParser::default(),
        parsed: Vec::new(),
        last_input: Arc::new(Mutex::new(Instant::now())),
        why: why.clone(),
    };
    let runtime = tokio::runtime::Handle::current();
    let library = session_library(&shared.library);
    let docs = shared.docs.clone();
    let index = shared.index.clone();
    let lang = asked.lang();
    // Told of the ledger's changes with the server's other sessions, while the reader runs.
    let listening = shared.news.as_ref().map(|news| news.listen(tx.clone()));
    std::thread::Builder::new().name(format!("reader {}", name)).spawn(move || {
        crate::strings::set_thread_lang(lang);
        let out = ChannelOut { handle, channel, runtime, buf: Vec::with_capacity(1 << 14) };
        let ending = if term == "dumb" {
            let mut out = out;
            let _ = out.write_all(crate::strings::DUMB_TERMINAL.replace('\n', "\r\n").as_bytes());
            let _ = out.write_all(b"\r\n");
            let _ = out.flush();
            out.close(2);
            "refused TERM=dumb"
        } else {
            let (mut app, link) = open(library, docs, &disk, &ledger, &name);
            app.shared_index = Some(index);
            if colors == Colors::Off {
                app.theme = crate::ui::theme::Theme::Mono;
            }
            let ansi = Ansi::sized(out, colors, ascii, Size::new(width, height));
            run(app, link, ansi, disk, (rx, tx), &why, listening.is_some())
        };
        drop(listening);
        why.store(FINISHED, Ordering::Relaxed);
        done(ending);
    })?;
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

/// The reader as the local `artikel` opens it: at the last article read, its position, a
/// draft left from a session that was cut off, and the team ledger (opened by the loop after
/// the first frame, as the local reader's is). What the reviewer decides or writes is in
/// `name`'s.
fn open(
    library: Library,
    docs: Arc<Docs>,
    disk: &Disk,
    ledger: &Path,
    name: &str,
) -> (App, crate::ledger::Link) {
    let loaded = disk.load();
    let article = loaded.store.last_article.as_deref().and_then(|slug| library.position(slug)).unwrap_or(0);
    let mut app = App::new(library, article);
    app.docs = docs;
    app.reviewer = name.to_string();
    let options = crate::ledger::Options {
        import: Some(disk.dir().join("notes.yaml")),
        user: name.to_string(),
        ..crate::ledger::Options::new(ledger)
    };
    app.reviews = crate::ledger::Desk::waiting();
    app.adopt_personal(loaded, disk.dir());
    (app, crate::ledger::Link::new(options))
}

/// Enters the screen, runs the loop (told of the ledger's changes if `told`, else asking for
/// them), leaves the screen and closes the channel; how it ended.
fn run(
    mut app: App,
    ledger: crate::ledger::Link,
    ansi: Ansi<ChannelOut>,
    disk: Disk,
    (rx, tx): (mpsc::Receiver<Wake>, mpsc::Sender<Wake>),
    why: &AtomicU8,
    told: bool,
) -> &'static str {
    let Ok(terminal) = Terminal::new(ansi) else { return "failed" };
    let mut console = Console::new(terminal, Some(disk), rx, tx);
    console.ledger = Some(ledger);
    console.ledger_told = told;
    let enter = format!("\x1b[?1049h\x1b[?25l\x1b[?2004h{}", mouse_sequence(app.mouse));
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
            let _ = handle.exit_status_request(channel, status).await;
            let _ = handle.eof(channel).await;
            let _ = handle.close(channel).await;
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
        // Waits while the client is slow to take what was sent: the loop then waits too.
        self.runtime
            .block_on(handle.data(channel, bytes))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client has gone"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_share_the_articles_and_parse_each_once() {
        let server = Library::bundled();
        let docs = Arc::new(Docs::default());
        let dir = tempfile::tempdir().expect("temp dir");
        let ledger = dir.path().join("review.db");
        let session = |name: &str| {
            let disk = Disk::new(dir.path().join(name));
            open(session_library(&server), docs.clone(), &disk, &ledger, name).0
        };
        let (anna, ben) = (session("anna"), session("ben"));
        for (i, article) in server.articles.iter().enumerate() {
            assert!(
                Arc::ptr_eq(&anna.library.articles[i].body, &article.body),
                "anna's text is the server's"
            );
            assert!(Arc::ptr_eq(&ben.library.articles[i].body, &article.body), "ben's text is the server's");
        }
        let last = server.articles.len() - 1;
        let parsed = anna.docs.get(last, &anna.library.articles[last].body);
        let again = ben.docs.get(last, &ben.library.articles[last].body);
        assert!(
            Arc::ptr_eq(&parsed, &again),
            "an article parsed in one session is not parsed again in another"
        );
        assert_eq!((anna.reviewer.as_str(), ben.reviewer.as_str()), ("anna", "ben"));
    }

    #[test]
    fn sessions_and_commands_search_one_index_built_once() {
        crate::strings::set_lang(crate::strings::Lang::En);
        let server = Library::bundled();
        let index = crate::app::SharedIndex::default();
        let dir = tempfile::tempdir().expect("temp dir");
        let ledger = dir.path().join("review.db");
        let disk = Disk::new(dir.path().join("anna"));
        let command = super::super::exec::run(b"faq kn\xc3\xa6 trapper", &server, &index, &disk, &ledger);
        assert_eq!(command.status, 0, "{}", String::from_utf8_lossy(&command.err));
        let built = index.get().expect("the first command built the server's index").clone();
        let session = |name: &str| {
            let mut app = open(
                session_library(&server),
                Arc::default(),
                &Disk::new(dir.path().join(name)),
                &ledger,
                name,
            )
            .0;
            app.shared_index = Some(index.clone());
            app
        };
        let (mut anna, mut ben) = (session("anna"), session("ben"));
        let query = crate::search::Query::new("knæ trapper");
        for app in [&mut anna, &mut ben] {
            let found = app.ensure_index().expect("an index");
            assert!(std::ptr::eq(found, &*built), "the session takes the server's index, not one of its own");
        }
        // The same answers as an index of the session's own, and as the command printed.
        let own = crate::search::Index::of(&server);
        let answers = |ix: &crate::search::Index| {
            ix.answers(&query, 3).iter().map(|h| (h.target.article, h.target.heading)).collect::<Vec<_>>()
        };
        assert_eq!(answers(&built), answers(&own));
        let best = &anna.ensure_index().expect("index").answers(&query, 1)[0];
        let doc = crate::document::Document::parse(&server.articles[best.target.article as usize].body);
        let heading = &doc.outline.headings[best.target.heading.expect("a section") as usize].text;
        assert!(String::from_utf8_lossy(&command.out).starts_with(heading.as_str()), "{heading}");
        let again = super::super::exec::run(b"faq kn\xc3\xa6 trapper", &server, &index, &disk, &ledger);
        assert_eq!(again, command, "a second command answers the same from the same index");
        assert!(Arc::ptr_eq(index.get().expect("built"), &built), "and builds none");
    }
}
