//! Live reload: an article file edited, added, renamed or deleted under a running reader.
//! The real event loop takes the library loaded anew (as the watcher hands it over) and the
//! screen shows the new text at the same heading; then the real binary in a pseudo-terminal,
//! its own watcher noticing the files change.

use crate::common;

use artikel::app::App;
use artikel::library::Library;
use artikel::store::{Change, Draft, Store};
use artikel::strings::{Lang, set_lang};
use artikel::tui::{Console, Keep, Wake, run_loop};
use artikel::watch::Reload;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

const PARAGRAPH: &str = "Smerter i ryggen er almindelige og går oftest over af sig selv. Bevægelse hjælper de \
     fleste, og sengeleje gør det sjældent bedre. Tal med en fysioterapeut, hvis smerterne ikke aftager.";

/// The test article: three questions, each section a few paragraphs; `before` goes ahead of
/// the second question and `answer` into its section.
fn article(before: &str, answer: &str, extra_question: &str) -> String {
    let p = format!("{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}");
    format!(
        "---\nmetaTitle: Ryg – en prøve\n---\n\nIndledning.\n\n## Hvad er rygsmerter?\n\n{p}\n\n{before}\
         ## Hvor længe varer det?\n\n{answer}\n\n{p}\n\n## Hvornår skal jeg søge læge?\n\n{p}\n\n{extra_question}"
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write the article");
}

struct NoKeep;

impl Keep for NoKeep {
    fn write(&mut self, changes: &[Change]) -> Result<Store, artikel::app::SaveError> {
        let mut store = Store::default();
        changes.iter().for_each(|c| store.apply(c));
        Ok(store)
    }
    fn save_draft(&mut self, _: &Draft) -> std::io::Result<()> {
        Ok(())
    }
    fn clear_draft(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A reader on the real loop over a TestBackend, its library from `dir`.
struct Rig {
    app: App,
    console: Console<TestBackend, NoKeep>,
    tx: mpsc::Sender<Wake>,
    dir: std::path::PathBuf,
}

impl Rig {
    fn new(dir: &Path, slug: &str) -> Rig {
        set_lang(Lang::En);
        let library = Library::load(&[dir.to_path_buf()]);
        let at = library.position(slug).expect("the article loads");
        let (tx, rx) = mpsc::channel();
        let terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let console = Console::new(terminal, NoKeep, rx, tx.clone());
        Rig {
            app: App::new(library, at, artikel::clock::Clock::fixed(2026, 12, 6)),
            console,
            tx,
            dir: dir.to_path_buf(),
        }
    }

    fn keys(&self, keys: &str) {
        for c in keys.chars() {
            let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            self.tx.send(Wake::Input(Event::Key(key))).expect("send");
        }
    }

    fn esc(&self) {
        let key = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        self.tx.send(Wake::Input(Event::Key(key))).expect("send");
    }

    /// What the watcher hands over after a change: the library loaded as at start-up.
    fn files_changed(&self) {
        let library = Library::load(std::slice::from_ref(&self.dir));
        let reload = Reload { library, reviews: None, synonyms: false };
        self.tx.send(Wake::Reloaded(Box::new(reload))).expect("send");
    }

    fn run(&mut self) -> String {
        self.tx.send(Wake::Closed).expect("send");
        run_loop(&mut self.app, &mut self.console).expect("the loop runs");
        let buf = self.console.terminal.backend().buffer();
        (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The reader's top line: row 1, right of the sidebar's rule.
fn reader_top(screen: &str) -> String {
    let row = screen.lines().nth(1).unwrap_or_default();
    row.split_once('│').map_or(row, |(_, text)| text).trim().to_string()
}

fn status(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
fn an_edited_article_shows_its_new_text_at_the_same_heading_with_find_and_lookup_renewed() {
    let dir = tempfile::tempdir().expect("temp");
    write(dir.path(), "ryg.md", &article("", "Det varer nogle dage.", ""));
    let mut r = Rig::new(dir.path(), "ryg");
    // Lookup's index is built from this version; find looks for a word not yet there.
    r.keys("ptræne");
    r.esc();
    r.keys("/uger\n");
    let screen = r.run();
    assert!(r.app.find.hits.is_empty());
    assert!(screen.contains("Indledning."), "{screen}");

    // Without leaving the loop (the place it keeps on the way out is the top): to the second
    // question, then more text above it, a new answer under it, a new question at the end.
    r.keys("]]");
    let more = format!("{PARAGRAPH}\n\n{PARAGRAPH}\n\n");
    write(dir.path(), "ryg.md", &article(&more, "Typisk 2-6 uger.", "## Kan jeg træne?\n\nJa.\n"));
    r.files_changed();
    let screen = r.run();
    assert_eq!(reader_top(&screen), "Hvor længe varer det?", "the same heading on top:\n{screen}");
    assert_eq!(r.app.scroll, r.app.layout.heading_rows[1], "at the heading's new row");
    assert!(screen.contains("Typisk 2-6 uger."), "the new text shows:\n{screen}");
    assert!(status(&screen).contains("Reloaded ryg.md"), "{screen}");
    assert_eq!(r.app.find.hits.len(), 1, "find's hits are of the new text");
    assert!(status(&screen).contains("0/1") || status(&screen).contains("1/1"), "{screen}");

    // The palette finds the question the new version added.
    r.keys("ptræne");
    let screen = r.run();
    assert!(screen.contains("Kan jeg træne?"), "lookup knows the new question:\n{screen}");
}

#[test]
fn a_reload_that_changes_nothing_says_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    write(dir.path(), "ryg.md", &article("", "Det varer nogle dage.", ""));
    let mut r = Rig::new(dir.path(), "ryg");
    r.keys("]");
    r.run();
    r.files_changed();
    let screen = r.run();
    assert!(!screen.contains("Reloaded"), "{screen}");
    assert_eq!(reader_top(&screen), "Hvad er rygsmerter?");
}

#[test]
fn a_new_file_joins_the_library_and_a_deleted_open_article_closes_with_a_message() {
    let dir = tempfile::tempdir().expect("temp");
    write(dir.path(), "ryg.md", &article("", "Det varer nogle dage.", ""));
    let mut r = Rig::new(dir.path(), "ryg");
    let screen = r.run();
    assert!(!screen.contains("Aaa hofte"), "{screen}");

    write(dir.path(), "aaa-hofte.md", "---\nmetaTitle: Aaa hofte\n---\n\n## Hvad er det?\n\nEn hofte.\n");
    r.files_changed();
    let screen = r.run();
    assert!(screen.contains("Aaa hofte"), "in the Library pane:\n{screen}");
    assert!(status(&screen).contains("New in the library: aaa-hofte.md"), "{screen}");
    assert!(screen.lines().nth(1).is_some_and(|l| l.contains("Indledning.")), "ryg stays open:\n{screen}");

    // Renamed: the same article under a new name stays open where it was.
    r.keys("]");
    r.run();
    std::fs::rename(dir.path().join("ryg.md"), dir.path().join("ryg-ny.md")).expect("rename");
    r.files_changed();
    let screen = r.run();
    assert_eq!(r.app.library.articles[r.app.current].slug, "ryg-ny");
    assert_eq!(reader_top(&screen), "Hvad er rygsmerter?", "{screen}");
    assert!(status(&screen).contains("Reloaded ryg-ny.md"), "{screen}");

    std::fs::remove_file(dir.path().join("ryg-ny.md")).expect("delete");
    r.files_changed();
    let screen = r.run();
    assert!(status(&screen).contains("ryg-ny.md was deleted, so it is closed"), "{screen}");
    assert!(r.app.library.position("ryg-ny").is_none(), "it left the library");
    assert!(!screen.contains("Ryg – en prøve") && !screen.contains("Hvad er rygsmerter?"), "{screen}");
    assert!(r.app.history.iter().all(|p| p.article < r.app.library.articles.len()));
}

#[test]
fn deleting_a_file_that_stood_in_for_a_bundled_article_says_the_bundled_one_is_back() {
    let dir = tempfile::tempdir().expect("temp");
    write(dir.path(), "skuldersmerter.md", &article("", "Min egen udgave.", ""));
    let mut r = Rig::new(dir.path(), "skuldersmerter");
    let screen = r.run();
    assert!(screen.contains("Ryg – en prøve"), "the file stands in for the bundled article:\n{screen}");
    std::fs::remove_file(dir.path().join("skuldersmerter.md")).expect("delete");
    r.files_changed();
    let screen = r.run();
    assert_eq!(r.app.message.as_deref(), Some("skuldersmerter.md is deleted: showing the bundled article"));
    assert!(screen.contains("skuldersmerter.md is deleted: showing the bundled article"), "{screen}");
    assert!(!screen.contains("Reloaded"), "{screen}");
    assert_eq!(r.app.library.articles[r.app.current].slug, "skuldersmerter", "the bundled one is open");
    assert!(!screen.contains("Ryg – en prøve"), "{screen}");
}

#[test]
fn the_reader_in_a_terminal_notices_edits_new_files_and_deletions_by_itself() {
    let data = tempfile::tempdir().expect("temp");
    let own = data.path().join("articles");
    std::fs::create_dir(&own).expect("the data folder's articles");
    write(&own, "ryg.md", &article("", "Det varer nogle dage.", ""));
    let extra = tempfile::tempdir().expect("temp");
    let folder = extra.path().to_str().expect("utf-8 path");
    let env = [("ARTIKEL_LANG", "en")];
    let mut s =
        common::Session::start_with(&["--articles", folder, "open", "ryg"], 80, 24, data.path(), &env);
    s.wait_text("Ryg – en prøve");
    s.send("]]");
    let top = |rows: &[String]| {
        let row = rows.get(1).map(String::as_str).unwrap_or_default();
        row.split_once('│').map_or(row, |(_, text)| text).trim().to_string()
    };
    s.wait_for("the second question on top", |rows| top(rows) == "Hvor længe varer det?");

    let more = format!("{PARAGRAPH}\n\n");
    write(&own, "ryg.md", &article(&more, "Typisk 2-6 uger.", ""));
    s.wait_for("the new text under the same heading, and the status", |rows| {
        top(rows) == "Hvor længe varer det?"
            && rows.iter().any(|r| r.contains("Typisk 2-6 uger."))
            && rows[23].contains("Reloaded ryg.md")
    });

    write(extra.path(), "aaa-hofte.md", "---\nmetaTitle: Aaa hofte\n---\n\nEn hofte.\n");
    s.wait_for("the new article in the Library", |rows| rows.iter().any(|r| r.contains("Aaa hofte")));

    std::fs::remove_file(own.join("ryg.md")).expect("delete");
    s.wait_for("the deleted article closed, said", |rows| {
        rows[23].contains("ryg.md was deleted, so it is closed")
    });
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}
