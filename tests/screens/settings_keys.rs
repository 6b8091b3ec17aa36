//! A key bound in the settings file, in the reader: it does its action through the real
//! event loop, the key it replaced no longer does, and help lists the keys in force.

use artikel::app::{App, Overlay};
use artikel::library::Library;
use artikel::settings::Settings;
use artikel::store::Disk;
use artikel::tui::{Console, Wake, run_loop};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::{Arc, mpsc};

fn seed() -> App {
    artikel::strings::set_lang(artikel::strings::Lang::En);
    let library = Library::bundled();
    let seed = library.position("nervesmerter").expect("the seed article is bundled");
    App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6))
}

/// A reader whose keys are bound as the settings file `text` says.
fn with_keys(text: &str) -> App {
    let settings = Settings::parse(text, "settings.toml");
    assert_eq!(settings.warnings, Vec::<String>::new());
    let mut app = seed();
    app.keys = Arc::new(settings.keymap());
    app
}

/// Runs the real event loop on `app` at 80×24 over `keys` (characters), then ends it;
/// returns the last frame.
fn run(app: &mut App, keys: &str) -> Buffer {
    run_at(app, keys, 80, 24)
}

/// As [`run`], on a `w`×`h` screen.
fn run_at(app: &mut App, keys: &str, w: u16, h: u16) -> Buffer {
    let (tx, rx) = mpsc::channel();
    let terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let mut console = Console::new(terminal, None::<Disk>, rx, tx.clone());
    for c in keys.chars() {
        tx.send(Wake::Input(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))).expect("send");
    }
    tx.send(Wake::Closed).expect("send");
    run_loop(app, &mut console).expect("loop");
    console.terminal.backend().buffer().clone()
}

/// The screen as text, a line per row.
fn text(buf: &Buffer) -> String {
    let rows = buf.content.chunks(usize::from(buf.area.width).max(1));
    rows.map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n").collect()
}

#[test]
fn a_key_bound_in_the_settings_does_its_action_in_the_reader() {
    let mut bound = with_keys("[keys]\nnext_question = [\"x\", \"ctrl-n\"]\n");
    run(&mut bound, "x");
    assert_eq!(bound.section(), Some(0), "x jumped to the first question");
    let mut plain = seed();
    run(&mut plain, "x");
    assert_eq!(plain.section(), None, "x does nothing by default");
    let mut old = with_keys("[keys]\nnext_question = \"x\"\n");
    run(&mut old, "]");
    assert_eq!(old.section(), None, "the key it replaced no longer jumps");
}

#[test]
fn a_key_taken_from_another_action_does_the_new_one() {
    // `q` quits by default; bound to help, it opens the help and the reader goes on.
    let mut app = with_keys("[keys]\nhelp = \"q\"\n");
    let buf = run(&mut app, "q");
    assert_eq!(app.overlay(), Some(Overlay::Help(0)));
    assert!(text(&buf).contains(" Keys "));
}

#[test]
fn help_lists_the_keys_in_force() {
    let mut app = with_keys("[keys]\nnext_question = [\"x\", \"ctrl-n\"]\nhelp = [\"?\", \"f1\"]\n");
    // Tall enough for the whole help.
    let buf = run_at(&mut app, "?", 80, 70);
    let screen = text(&buf);
    assert!(screen.contains(" x Ctrl-n  next question"), "{screen}");
    assert!(screen.contains(" ? F1  show or hide this help"), "{screen}");
    assert!(!screen.contains(" ]  next question"), "{screen}");
    // The status hint names a key that opens help.
    let mut closed = with_keys("[keys]\nhelp = \"h\"\n");
    let buf = run(&mut closed, "");
    let status = text(&buf).lines().last().unwrap_or_default().to_string();
    assert!(status.ends_with("· h help "), "{status}");
}
