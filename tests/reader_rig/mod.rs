//! A reader on the real event loop, a `TestBackend` and a real ledger file, for the tests of
//! the ledger in the reader.

#![allow(dead_code)]

use super::common;
use artikel::app::App;
use artikel::app::SaveError;
use artikel::ledger::{Desk, Ledger, Link, Options, normalised};
use artikel::library::Library;
use artikel::store::{Change, Draft, Store};
use artikel::tui::{Console, Keep, Outcome, Wake, run_loop};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// Notes, bookmarks and positions in memory; they are not what these tests are about.
#[derive(Default)]
pub struct Memory(Store);

impl Keep for Memory {
    fn write(&mut self, changes: &[Change]) -> Result<Store, SaveError> {
        changes.iter().for_each(|c| self.0.apply(c));
        Ok(self.0.clone())
    }
    fn save_draft(&mut self, _: &Draft) -> std::io::Result<()> {
        Ok(())
    }
    fn clear_draft(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub struct Rig {
    pub app: App,
    pub console: Console<TestBackend, Memory>,
    pub tx: mpsc::Sender<Wake>,
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

pub const SEED: &str = "nervesmerter";

/// A reader on the seed article as `reviewer`, on a fresh ledger that `prepare` fills first.
pub fn rig(reviewer: &str, prepare: impl FnOnce(&mut Ledger, &Library)) -> Rig {
    rig_on(Library::bundled(), SEED, reviewer, prepare)
}

/// A reader on `library`'s article `slug` as `reviewer`, on a fresh ledger.
pub fn rig_on(
    library: Library,
    slug: &str,
    reviewer: &str,
    prepare: impl FnOnce(&mut Ledger, &Library),
) -> Rig {
    artikel::strings::set_lang(artikel::strings::Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("review.db");
    let mut ledger = Ledger::open(&Options::new(&path));
    prepare(&mut ledger, &library);
    let seed = library.position(slug).expect("in the library");
    let mut app = App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6));
    app.reviewer = reviewer.to_string();
    app.reviews = Desk::waiting();
    let (tx, rx) = mpsc::channel();
    let terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut console = Console::new(terminal, Memory::default(), rx, tx.clone());
    console.ledger = Some(Link::with(ledger));
    // Ask the ledger for news at every event, not once a second.
    console.ledger_every = Duration::ZERO;
    Rig { app, console, tx, path, _dir: dir }
}

/// A reader on the seed article as `reviewer`, on the ledger `link` leads to (a shared one).
pub fn rig_linked(reviewer: &str, link: Link) -> Rig {
    artikel::strings::set_lang(artikel::strings::Lang::En);
    let dir = tempfile::tempdir().expect("dir");
    let library = Library::bundled();
    let seed = library.position(SEED).expect("in the library");
    let mut app = App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6));
    app.reviewer = reviewer.to_string();
    app.reviews = Desk::waiting();
    let (tx, rx) = mpsc::channel();
    let terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut console = Console::new(terminal, Memory::default(), rx, tx.clone());
    console.ledger = Some(link);
    console.ledger_every = Duration::ZERO;
    Rig { app, console, tx, path: dir.path().join("none"), _dir: dir }
}

impl Rig {
    /// Types `keys`: characters, or `<C-x>`, `<enter>`, `<esc>`.
    pub fn keys(&self, keys: &str) -> &Self {
        for event in common::key_events(keys) {
            self.tx.send(Wake::Input(Event::Key(event))).expect("send");
        }
        self
    }

    pub fn run(&mut self) -> Outcome {
        self.tx.send(Wake::Closed).expect("send");
        run_loop(&mut self.app, &mut self.console).expect("the loop runs")
    }

    pub fn screen(&self) -> String {
        let buf = self.console.terminal.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The ledger as another session reads it.
    pub fn other(&self) -> Ledger {
        Ledger::open(&Options::new(&self.path))
    }

    pub fn current_text(&self) -> String {
        normalised(&self.app.library.articles[self.app.current])
    }
}

/// The Library's row of the article whose short title starts with `name`.
pub fn library_row<'a>(screen: &'a str, name: &str) -> &'a str {
    screen.lines().skip(2).find(|l| l.chars().skip(1).collect::<String>().starts_with(name)).unwrap_or("")
}
