//! The real event loop, driven without a terminal: keys in, frames (on ratatui's
//! `TestBackend`, or the reader's own backend into the vt100 emulator) and effects out,
//! with a store that can refuse, fail or be busy.

use crate::common;

use artikel::app::{App, SaveError, SaveErrorKind};
use artikel::backend::{Ansi, Colors};
use artikel::library::Library;
use artikel::store::{Change, Draft, Store};
use artikel::tui::{Console, Ending, Keep, Outcome, Surface, Wake, run_loop};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use std::sync::mpsc;

/// A store in memory that answers as told: every write fails with `fail` while it is set,
/// or is busy for the next `busy` writes.
#[derive(Default)]
struct Fake {
    store: Store,
    fail: Option<SaveErrorKind>,
    busy: usize,
    tries: usize,
    written: Vec<Vec<Change>>,
    drafts: Vec<Draft>,
    drafts_cleared: usize,
    draft_fails: bool,
    /// Told when a write succeeds (to end a loop that waits on a timer).
    on_write: Option<mpsc::Sender<Wake>>,
}

impl Keep for Fake {
    fn write(&mut self, changes: &[Change]) -> Result<Store, SaveError> {
        self.tries += 1;
        if self.busy > 0 {
            self.busy -= 1;
            return Err(SaveError::new(SaveErrorKind::Busy, "notes.lock is held"));
        }
        if let Some(kind) = self.fail {
            return Err(SaveError::new(kind, "the disk is full"));
        }
        changes.iter().for_each(|c| self.store.apply(c));
        self.written.push(changes.to_vec());
        if let Some(tx) = &self.on_write {
            let _ = tx.send(Wake::Closed);
        }
        Ok(self.store.clone())
    }

    fn save_draft(&mut self, draft: &Draft) -> std::io::Result<()> {
        if self.draft_fails {
            return Err(std::io::Error::other("no space left on device"));
        }
        self.drafts.push(draft.clone());
        Ok(())
    }

    fn clear_draft(&mut self) -> std::io::Result<()> {
        self.drafts_cleared += 1;
        Ok(())
    }
}

struct Rig<B: Surface> {
    app: App,
    console: Console<B, Fake>,
    tx: mpsc::Sender<Wake>,
}

fn seed() -> App {
    let library = Library::bundled();
    let seed = library.position("nervesmerter").expect("the seed article is bundled");
    App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6))
}

fn rig<B: Surface>(backend: B) -> Rig<B> {
    let (tx, rx) = mpsc::channel();
    let terminal = Terminal::new(backend).expect("terminal");
    Rig { app: seed(), console: Console::new(terminal, Fake::default(), rx, tx.clone()), tx }
}

fn test_rig() -> Rig<TestBackend> {
    rig(TestBackend::new(80, 24))
}

impl<B: Surface> Rig<B> {
    /// Types `keys`: characters, or `<C-x>` for Ctrl-x, `<enter>`, `<esc>`.
    fn keys(&self, keys: &str) -> &Self {
        for event in common::key_events(keys) {
            self.tx.send(Wake::Input(Event::Key(event))).expect("send");
        }
        self
    }

    /// Runs the loop over what was sent, until the input closes (or a quit).
    fn run(&mut self) -> Outcome {
        self.tx.send(Wake::Closed).expect("send");
        run_loop(&mut self.app, &mut self.console).expect("the loop runs")
    }
}

impl Rig<TestBackend> {
    fn screen(&self) -> String {
        let buf = self.console.terminal.backend().buffer();
        (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn emulator(cols: u16, rows: u16) -> vt100::Parser {
    let n = |v: u16| std::num::NonZeroU16::new(v).expect("not zero");
    vt100::Parser::new(n(rows), n(cols), 0)
}

fn bookmarks_written(fake: &Fake) -> usize {
    fake.written.iter().flatten().filter(|c| matches!(c, Change::SetBookmark { on: true, .. })).count()
}

#[test]
fn keys_go_in_and_frames_and_effects_come_out() {
    let mut r = test_rig();
    r.keys("]");
    assert_eq!(r.run().ending, Ending::Closed);
    assert!(r.screen().lines().nth(1).is_some_and(|l| l.contains("Hvad er årsagerne til nervesmerter?")));
    r.keys("m");
    r.run();
    assert_eq!(bookmarks_written(&r.console.keep), 1, "the bookmark was written through the store");
    assert!(r.screen().contains("Bookmarked"));
    // The position is remembered on the way out.
    assert!(r.console.keep.store.positions.contains_key("nervesmerter"));
    r.keys("q");
    assert_eq!(r.run().ending, Ending::Quit);
}

#[test]
fn the_own_backend_draws_the_same_screen_into_an_emulator() {
    let mut r = rig(Ansi::sized(Vec::new(), Colors::On, false, Size::new(80, 24)));
    r.keys("f");
    r.run();
    let mut parser = emulator(80, 24);
    parser.process(r.console.terminal.backend_mut().writer_mut());
    let contents = parser.screen().contents();
    assert!(contents.contains("Ofte stillede spørgsmål om nervesmerter"), "{contents}");
    // A resize is taken before drawing: the next frame is 60 wide, the sidebar gone.
    r.tx.send(Wake::Input(Event::Resize(60, 20))).expect("send");
    r.run();
    assert_eq!(r.app.area.width, 60);
    let mut parser = emulator(60, 20);
    parser.process(r.console.terminal.backend_mut().writer_mut());
    assert!(!parser.screen().contents().contains("Library"));
}

#[test]
fn y_sends_the_clipboard_sequence_and_m_the_mouse_mode() {
    let mut r = rig(Ansi::sized(Vec::new(), Colors::On, false, Size::new(80, 24)));
    r.keys("yM");
    r.run();
    let out = String::from_utf8_lossy(r.console.terminal.backend_mut().writer_mut()).into_owned();
    assert!(out.contains("\x1b]52;c;"), "OSC 52 was sent");
    assert!(out.contains("\x1b[?1000l"), "the mouse was released");
}

#[test]
fn a_refused_save_is_said_and_the_note_stays_open_with_its_draft() {
    let mut r = test_rig();
    r.console.keep.fail = Some(SaveErrorKind::Refused);
    // No review ledger in this session: the comment is refused, and stays in its editor.
    r.keys("aTjek kilderne.<C-s>");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Not saved: this session has no review ledger"), "{screen}");
    assert!(!screen.contains("Comment saved"), "{screen}");
    assert!(r.app.editor().is_some_and(|e| e.text() == "Tjek kilderne."), "the editor stays open");
    assert_eq!(r.console.keep.drafts_cleared, 0, "the draft is kept");
    assert!(r.console.keep.drafts.last().is_some_and(|d| d.text == "Tjek kilderne."));
    // The store refused the position kept on the way out: read-only from then on, and m
    // says so instead of claiming success.
    assert!(r.console.keep.written.is_empty());
    r.keys("<esc>y");
    r.keys("m");
    r.run();
    let screen = r.screen();
    assert!(!screen.contains("Bookmarked"), "{screen}");
    assert!(screen.contains("read-only"), "{screen}");
}

#[test]
fn a_failed_save_keeps_the_change_queued_until_a_write_succeeds() {
    let mut r = test_rig();
    r.console.keep.fail = Some(SaveErrorKind::Failed);
    r.keys("]m");
    let outcome = r.run();
    assert!(r.screen().contains("Not saved: the disk is full"), "{}", r.screen());
    assert_eq!(bookmarks_written(&r.console.keep), 0);
    assert!(outcome.unsaved.iter().any(|c| matches!(c, Change::SetBookmark { on: true, .. })));
    assert_eq!(r.app.noted_headings(), Vec::<usize>::new());
    assert_eq!(r.app.bookmarked_headings(), vec![0], "still shown, still queued");
    // The disk has room again: the next change takes the queued one with it.
    r.console.keep.fail = None;
    r.keys("]m");
    r.run();
    assert_eq!(bookmarks_written(&r.console.keep), 2, "the first bookmark went with the second");
    assert_eq!(r.console.keep.store.bookmarks.len(), 2);
    assert!(r.app.pending_changes().is_empty());
}

#[test]
fn the_draft_goes_only_after_the_comment_was_written() {
    let mut r = test_rig();
    // No ledger yet: the comment cannot be written.
    r.keys("aHalvt færdig<C-s>");
    r.run();
    assert!(r.app.editor().is_some(), "a failed save leaves the editor open");
    assert_eq!(r.console.keep.drafts_cleared, 0);
    let dir = tempfile::tempdir().expect("dir");
    let ledger = artikel::ledger::Ledger::open(&artikel::ledger::Options::new(dir.path().join("review.db")));
    r.console.ledger = Some(artikel::ledger::Link::with(ledger));
    r.keys("<C-s>");
    r.run();
    assert!(r.app.editor().is_none(), "written: the editor closes");
    assert_eq!(r.console.keep.drafts_cleared, 1, "and only now the draft goes");
    assert!(r.screen().contains("Comment saved"), "{}", r.screen());
    let check = artikel::ledger::Ledger::open(&artikel::ledger::Options::new(dir.path().join("review.db")));
    let comments: Vec<String> =
        check.comments(None, true).expect("read").into_iter().map(|c| c.text).collect();
    assert_eq!(comments, ["Halvt færdig"], "written once, not twice");
}

#[test]
fn a_draft_that_cannot_be_kept_is_said() {
    let mut r = test_rig();
    r.console.keep.draft_fails = true;
    r.keys("aEt udkast");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("The draft of this note could not be kept"), "{screen}");
}

#[test]
fn while_another_artikel_saves_keys_still_work_and_the_save_is_retried() {
    let mut r = test_rig();
    r.console.keep.busy = usize::MAX;
    r.keys("mjj");
    // The input closes; quitting waits for the lock until it is told to stop.
    r.tx.send(Wake::Closed).expect("send");
    let outcome = r.run();
    assert_eq!(r.app.scroll, 2, "keys were handled while the save waited");
    assert!(r.screen().contains("Waiting for another artikel to finish saving"), "{}", r.screen());
    assert!(outcome.unsaved.iter().any(|c| matches!(c, Change::SetBookmark { .. })), "reported, not lost");
    // The lock comes free after three more tries: the loop retries on its own, no key needed.
    r.console.keep.busy = 3;
    r.console.keep.on_write = Some(r.tx.clone());
    let tries = r.console.keep.tries;
    let outcome = run_loop(&mut r.app, &mut r.console).expect("runs");
    assert_eq!(outcome.ending, Ending::Closed);
    assert_eq!(r.console.keep.tries, tries + 4);
    assert_eq!(bookmarks_written(&r.console.keep), 1);
    assert!(r.screen().contains("Saved (another artikel had been saving)"), "{}", r.screen());
}

#[test]
fn quitting_while_another_artikel_saves_keeps_the_note_as_a_draft() {
    let mut r = test_rig();
    r.console.keep.busy = usize::MAX;
    r.keys("aVigtig note<C-s><C-c><C-c>");
    let outcome = r.run();
    assert_eq!(outcome.ending, Ending::Quit);
    assert!(r.app.editor().is_some_and(|e| e.text() == "Vigtig note"), "not lost: still in its editor");
    assert!(r.console.keep.drafts.last().is_some_and(|d| d.text == "Vigtig note"), "kept as the draft");
    assert_eq!(r.console.keep.drafts_cleared, 0);
}

#[test]
fn a_panic_while_indexing_is_said_and_lookup_is_off() {
    fn boom(_: &[(&str, &str)]) -> artikel::search::Index {
        panic!("index exploded")
    }
    // A library large enough to be indexed on a thread.
    let mut r = test_rig();
    for n in 0..4 {
        let text = artikel::corpus::article("Hofte", n, 400_000);
        let (article, _) = artikel::library::Article::from_bytes(
            format!("hofte{n}"),
            artikel::library::Source::Bundled,
            text.as_bytes(),
        );
        r.app.library.insert(article);
    }
    r.console.build_index = boom;
    r.keys("p");
    r.run();
    assert!(r.screen().contains("Indexing the library"), "{}", r.screen());
    // Wait for the thread's report, and hand it to the loop.
    let report = loop {
        match r.console.events.recv().expect("the index thread reports") {
            Wake::Indexed(result) => break result,
            _ => continue,
        }
    };
    assert!(matches!(&report, Err(why) if why == "index exploded"), "the panic is caught");
    r.tx.send(Wake::Indexed(report)).expect("send");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("The library could not be indexed"), "{screen}");
    assert!(!screen.contains("Indexing the library"), "{screen}");
}

/// A rig on the seed article with a long article beside it, opened, whose full parse panics.
fn rig_with_a_long_article_that_fails_to_parse() -> Rig<TestBackend> {
    fn boom(_: &str) -> artikel::document::Document {
        panic!("parse exploded")
    }
    let mut r = test_rig();
    let text = artikel::corpus::article("Hofte", 1, 400_000);
    let (article, _) = artikel::library::Article::from_bytes(
        "hofte".into(),
        artikel::library::Source::Bundled,
        text.as_bytes(),
    );
    r.app.library.insert(article);
    r.app.parse = boom;
    let at = r.app.library.position("hofte").expect("inserted");
    r.app.open(at);
    assert!(r.app.parsed_prefix.is_some(), "only the start is parsed at first");
    r
}

#[test]
fn a_panic_in_the_parse_thread_is_said_and_the_start_of_the_article_stays() {
    let mut r = rig_with_a_long_article_that_fails_to_parse();
    let before = r.app.doc.outline.headings.len();
    r.run();
    let report = loop {
        match r
            .console
            .events
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the parse thread reports")
        {
            Wake::ParseFailed(generation, why) => break (generation, why),
            _ => continue,
        }
    };
    assert_eq!(report.1, "parse exploded", "the panic is caught");
    r.tx.send(Wake::ParseFailed(report.0, report.1)).expect("send");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Only the start of this article could be read"), "{screen}");
    r.keys("jj");
    r.run();
    assert_eq!(r.app.scroll, 2, "the reader carries on");
    assert_eq!(r.app.doc.outline.headings.len(), before, "what was parsed is shown");
    assert!(r.app.parse_job().is_none(), "no parse is tried again");
}

#[test]
fn a_panic_parsing_on_a_key_before_the_thread_reports_is_said_too() {
    let mut r = rig_with_a_long_article_that_fails_to_parse();
    // Keys come before the thread's report: the rest is parsed at once, and that panics.
    r.app.take_effects();
    r.keys("G");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Only the start of this article could be read"), "{screen}");
    assert!(r.app.scroll > 0, "G went to the end of what was parsed");
}

#[test]
fn pasted_text_is_typed_into_a_field_and_never_taken_as_keys() {
    let mut r = test_rig();
    r.tx.send(Wake::Input(Event::Paste("qGm".into()))).expect("send");
    let outcome = r.run();
    assert_eq!(outcome.ending, Ending::Closed, "q in a paste does not quit");
    assert_eq!(r.app.scroll, 0, "nor does G move");
    r.keys("a");
    r.tx.send(Wake::Input(Event::Paste("første linje\r\nanden linje".into()))).expect("send");
    r.run();
    assert_eq!(r.app.editor().map(|e| e.text()).as_deref(), Some("første linje\nanden linje"));
}
