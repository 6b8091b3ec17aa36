//! The reader in Danish: whole screens at 80×24 as snapshots, and the words a Danish user
//! reads where an English one reads "Library", "Contents", "Keys".

use artikel::app::{App, keymap, update};
use artikel::library::Library;
use artikel::strings::{Lang, set_thread_lang};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The Danish reader on the bundled library at 80×24 after `keys` (one character each, or
/// `<esc>`), drawn as text: one line per row, ended by `|` so trailing spaces show.
fn danish_screen(keys: &[&str]) -> String {
    danish_screen_at(80, 24, keys)
}

/// [`danish_screen`] on a screen `w`×`h`.
fn danish_screen_at(w: u16, h: u16, keys: &[&str]) -> String {
    // Each test runs on its own thread: the language is this thread's, as a served session's.
    set_thread_lang(Some(Lang::Da));
    let library = Library::bundled();
    let seed = library.position("nervesmerter").expect("the seed article is bundled");
    let mut app = App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6));
    update(&mut app, artikel::app::Action::Resize(w, h));
    for key in keys {
        let codes: Vec<KeyCode> = match *key {
            "<esc>" => vec![KeyCode::Esc],
            k => k.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            let action = keymap::action_for(KeyEvent::new(code, KeyModifiers::NONE), app.mode())
                .unwrap_or_else(|| panic!("{key} is bound"));
            let _ = update(&mut app, action);
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| artikel::ui::draw(&app, f)).expect("draw");
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            format!("{row}|\n")
        })
        .collect()
}

#[test]
fn the_first_screen_speaks_danish_80x24() {
    let screen = danish_screen(&[]);
    for word in ["Bibliotek", "Indhold", "Opdateret", "? hjælp"] {
        assert!(screen.contains(word), "the first screen says {word:?}:\n{screen}");
    }
    for word in ["Library", "Contents", "Updated", "? help"] {
        assert!(!screen.contains(word), "no English {word:?} on the Danish screen:\n{screen}");
    }
    assert_snapshot!("start_da_80x24", screen);
}

#[test]
fn the_help_is_in_danish_80x24() {
    let screen = danish_screen(&["?"]);
    for words in ["Taster", "en linje ned", "Mellemrum PgDn", "næste spørgsmål", "j/k rul", "Esc lukker"] {
        assert!(screen.contains(words), "help says {words:?}:\n{screen}");
    }
    assert_snapshot!("help_da_80x24", screen);
}

#[test]
fn the_palette_and_a_bookmark_say_it_in_danish_80x24() {
    let palette = danish_screen(&["p"]);
    assert!(palette.contains("Spørgsmål") && palette.contains("skriv ord fra et spørgsmål"), "{palette}");
    assert_snapshot!("palette_da_80x24", palette);
    let marked = danish_screen(&["m"]);
    assert!(marked.contains("Bogmærke sat"), "{marked}");
    let nothing = danish_screen(&["n"]);
    assert!(nothing.contains("Intet at finde: tryk / og skriv"), "{nothing}");
}

#[test]
fn the_first_screen_speaks_danish_200x50_with_every_question_whole() {
    let screen = danish_screen_at(200, 50, &[]);
    for words in ["Bibliotek", "Indhold", "Opdateret 19/02/2025 · Udgivet", "? hjælp"] {
        assert!(screen.contains(words), "the first screen says {words:?}:\n{screen}");
    }
    assert!(!screen.contains('…'), "nothing is cut at 200 columns:\n{screen}");
    assert_snapshot!("start_da_200x50", screen);
}

#[test]
fn the_end_of_the_danish_help_80x24_shows_every_legend_row_whole() {
    let screen = danish_screen(&["?", "G"]);
    // A row too long for the window goes on below under its own text, never cut.
    let rows: Vec<&str> = screen.lines().collect();
    let at = |words: &str| {
        rows.iter().position(|r| r.contains(words)).unwrap_or_else(|| panic!("{words:?}:\n{screen}"))
    };
    let link = at("et link: til en anden artikel, et afsnit eller en");
    assert!(rows[link + 1].contains("webadresse"), "the link row goes on whole:\n{screen}");
    let indent = |row: &str| row.find("et link").or_else(|| row.find("webadresse")).unwrap_or(0);
    assert_eq!(indent(rows[link]), indent(rows[link + 1]), "under its own text:\n{screen}");
    for words in [
        "indleder et link i teksten",
        "et link, der ikke fører nogen",
        "⚠ 2 (w)",
        "ruden, som tasterne virker i",
    ] {
        at(words);
    }
    assert!(screen.contains("Esc lukker") && !screen.contains("mere nedenfor"), "the end:\n{screen}");
    assert_snapshot!("help_da_80x24_end", screen);
}
