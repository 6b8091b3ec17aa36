//! The first-run hint: shown under the reader until dismissed with its key, and remembered
//! in the data folder (a temporary one here), through the real event loop and store.

use artikel::app::{App, keymap};
use artikel::library::Library;
use artikel::store::Disk;
use artikel::strings::{self, Lang};
use artikel::tui::{Console, Wake, run_loop};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::mpsc;

/// Runs the reader on data folder `dir` at 80×24 as the local `artikel` opens it, types
/// `keys`, and returns it with the last screen.
fn session(dir: &Path, keys: &str) -> (App, Vec<String>) {
    let library = Library::bundled();
    let seed = library.position("nervesmerter").expect("the seed article is bundled");
    let disk = Disk::new(dir);
    let mut app = App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6));
    app.adopt_personal(disk.load(), disk.dir());
    let (tx, rx) = mpsc::channel();
    let terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut console = Console::new(terminal, Some(disk), rx, tx.clone());
    for c in keys.chars() {
        tx.send(Wake::Input(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))).expect("send");
    }
    tx.send(Wake::Closed).expect("send");
    run_loop(&mut app, &mut console).expect("the loop runs");
    let buf = console.terminal.backend().buffer();
    let rows = (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect();
    (app, rows)
}

#[test]
fn the_hint_names_six_keys_with_review_until_x_hides_it_for_good() {
    strings::set_lang(Lang::En);
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let (app, screen) = session(&data, "");
    assert!(app.first_run_hint);
    let hint = "p questions · / find · ] next question · r review · ? help · X hide";
    assert!(screen[22].contains(hint), "the row above the status line: {}", screen[22]);
    insta::assert_snapshot!("first_run_80x24", screen.join("|\n"));
    // Still there on the next run, after other keys.
    let (_, again) = session(&data, "]j");
    assert!(again[22].contains(hint));
    // X hides it at once, and the text takes its row.
    let (app, screen) = session(&data, "X");
    assert!(!app.first_run_hint);
    assert!(!screen.join("\n").contains("next question"), "{}", screen.join("\n"));
    assert_eq!(app.panes().reader.height, 22);
    assert!(artikel::store::hint_path(&data).is_file(), "remembered beside the notes");
    // And it stays hidden on later runs.
    let (later, screen) = session(&data, "");
    assert!(!later.first_run_hint && !screen[22].contains("X hide"));
}

#[test]
fn every_key_the_hint_names_does_what_it_says() {
    strings::set_lang(Lang::En);
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, screen) = session(dir.path(), "");
    let hint = screen[22].trim().trim_start_matches("New here? ").to_string();
    let expected = [
        artikel::app::Action::Palette,
        artikel::app::Action::Find,
        artikel::app::Action::NextQuestion,
        artikel::app::Action::Review,
        artikel::app::Action::Help,
        artikel::app::Action::DismissHint,
    ];
    let parts: Vec<&str> = hint.split(" · ").collect();
    assert_eq!(parts.len(), expected.len(), "{hint}");
    for (part, action) in parts.iter().zip(expected) {
        let key = part.split(' ').next().and_then(|k| k.chars().next()).expect("a key");
        let pressed = KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE);
        assert_eq!(keymap::action_for(pressed, keymap::Mode::Normal), Some(action), "{part}");
    }
}

#[test]
fn the_hint_speaks_danish_too() {
    strings::set_thread_lang(Some(Lang::Da));
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, screen) = session(dir.path(), "");
    strings::set_thread_lang(None);
    assert!(
        screen[22].contains("p spørgsmål · / find · ] næste spørgsmål · r gennemgå · ? hjælp · X skjul"),
        "{}",
        screen[22]
    );
}

#[test]
fn a_data_folder_that_cannot_be_written_only_means_the_hint_comes_back() {
    strings::set_lang(Lang::En);
    let dir = tempfile::tempdir().expect("temp dir");
    let in_the_way = dir.path().join("file");
    std::fs::write(&in_the_way, "not a folder").expect("write");
    let data = in_the_way.join("data");
    let (app, screen) = session(&data, "X");
    assert!(!app.first_run_hint, "hidden for this session");
    assert!(!screen[22].contains("X hide"));
    let (again, _) = session(&data, "");
    assert!(again.first_run_hint, "not remembered, so it shows again");
}

#[test]
fn on_a_narrow_screen_the_hint_keeps_help_and_how_to_hide_it() {
    strings::set_lang(Lang::En);
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = Disk::new(dir.path());
    let library = Library::bundled();
    let mut app = App::new(library, 0, artikel::clock::Clock::fixed(2026, 12, 6));
    app.adopt_personal(disk.load(), disk.dir());
    for (w, expected) in [
        (60, " p questions · / find · r review · ? help · X hide"),
        (40, " p questions · / find · ? help · X hide"),
        (30, " p questions · ? help · X hide"),
        (25, " ? help · X hide"),
        (
            120,
            " New here? p questions · / find · s search library · ] next question · r review · ? help · X hide",
        ),
    ] {
        artikel::app::update(&mut app, artikel::app::Action::Resize(w, 24));
        let mut terminal = Terminal::new(TestBackend::new(w, 24)).expect("terminal");
        terminal.draw(|f| artikel::ui::draw(&app, f)).expect("draw");
        let buf = terminal.backend().buffer();
        let row: String = (0..w).map(|x| buf[(x, 22)].symbol()).collect();
        assert_eq!(row.trim_end(), expected, "at {w} columns");
    }
}

#[test]
fn the_second_run_imports_nothing_from_the_first_runs_notes_file_and_says_nothing() {
    use artikel::ledger::{Ledger, Options};
    strings::set_lang(Lang::En);
    let dir = tempfile::tempdir().expect("data dir");
    // The first run: open the reader and quit. It leaves notes.yaml (where the reader was).
    session(dir.path(), "q");
    let notes = dir.path().join("notes.yaml");
    assert!(notes.exists(), "the first run keeps its place in notes.yaml");
    let options = Options { import: Some(notes.clone()), ..Options::new(dir.path().join("review.db")) };
    // The second run opens the ledger: there is nothing to bring in, so nothing is said.
    let ledger = Ledger::open(&options);
    assert_eq!(ledger.message, None, "an import of nothing says nothing");
    assert_eq!(ledger.counts().expect("counts").1, 0, "no comments");
    drop(ledger);
    // A note that reaches the file later is not lost: the next start brings it in.
    let kept = std::fs::read_to_string(&notes).expect("notes.yaml");
    let note = "notes:\n- id: n1\n  slug: knaesmerter\n  heading: Hjælp?\n  position: 2\n  text: Mere om is\n  author: anne\n  created: 2026-01-01T00:00:00Z\n  updated: 2026-01-01T00:00:00Z\n";
    let with_note = if kept.contains("notes: []\n") {
        kept.replace("notes: []\n", note)
    } else {
        format!("{kept}{note}")
    };
    std::fs::write(&notes, with_note).expect("write a note");
    let later = Ledger::open(&options);
    assert_eq!(
        later.message.as_deref(),
        Some(format!("Imported 1 note or review from {} into the review ledger", notes.display()).as_str())
    );
    assert_eq!(later.counts().expect("counts").1, 1, "the note is a comment now");
}
