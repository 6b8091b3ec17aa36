//! Settings files, good and broken: every broken setting is a warning that says where, and
//! its default stays in force; nothing in a file stops the reader.

use super::*;
use crate::app::keymap::Mode;
use crate::strings::{Lang, set_lang};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn parse(text: &str) -> Settings {
    set_lang(Lang::En);
    Settings::parse(text, "settings.toml")
}

#[test]
fn a_good_file_sets_every_setting_and_says_on_which_line() {
    let s = parse(
        "language = \"da\"\ntheme = \"high-contrast\"\nreading_width = 80\nsidebar_width = \"40%\"\n\
         stale_months = 6\nmouse = false\nhyperlinks = true\n\n[keys]\nnext_question = [\"]\", \"ctrl-n\"]\nhelp = \"h\"\n",
    );
    assert_eq!(s.warnings, Vec::<String>::new());
    assert_eq!(s.language, Setting { value: Some(Lang::Da), from: Source::File(1) });
    assert_eq!(s.theme.value, Theme::HighContrast);
    assert_eq!(s.reading_width, Setting { value: 80, from: Source::File(3) });
    assert_eq!(s.sidebar_width.value, SidebarWidth::Share(40));
    assert_eq!((s.stale_months.value, s.mouse.value, s.hyperlinks.value), (6, false, true));
    assert_eq!(s.keys.len(), 2);
    assert_eq!(s.keys[0].1.from, Source::File(10));
    assert_eq!(parse("sidebar_width = 32").sidebar_width.value, SidebarWidth::Columns(32));
}

#[test]
fn a_file_that_is_not_toml_is_one_warning_and_every_default() {
    let s = parse("theme = \"light\"\nreading_width = = 3\n");
    assert_eq!(s.warnings.len(), 1);
    assert!(
        s.warnings[0].starts_with("settings.toml, line 2: this is not a valid settings file"),
        "{:?}",
        s.warnings
    );
    assert_eq!(s.theme.value, Theme::Default, "nothing of a broken file is used");
    assert_eq!(s.keymap(), Keymap::default());
}

#[test]
fn a_wrong_type_or_range_costs_only_that_setting() {
    let s = parse(
        "theme = 3\nreading_width = \"wide\"\nstale_months = 0\nmouse = \"no\"\nlanguage = \"de\"\n\
         sidebar_width = \"90%\"\nhyperlinks = true\nkeys = 1\n",
    );
    assert_eq!(s.warnings.len(), 7, "{:#?}", s.warnings);
    assert_eq!(
        s.warnings[0],
        "settings.toml, line 1: `theme` must be one of \"default\", \"high-contrast\", \"light\", \"mono\"; \
         the default, \"default\", is used."
    );
    assert!(
        s.warnings[1]
            .contains("line 2: `reading_width` must be a whole number from 40 to 200; the default, 100")
    );
    assert!(s.warnings[2].contains("line 3: `stale_months`"));
    assert!(s.warnings[6].contains("line 8: `keys` must be a table"));
    assert_eq!((s.theme.value, s.reading_width.value, s.stale_months.value), (Theme::Default, 100, 12));
    assert_eq!((s.mouse.value, s.language.value, s.sidebar_width.value), (true, None, SidebarWidth::Auto));
    assert_eq!(s.hyperlinks, Setting { value: true, from: Source::File(7) }, "the good one is kept");
}

#[test]
fn an_unknown_setting_is_named_with_the_known_ones() {
    let s = parse("colour = \"red\"\nmouse = false\n");
    assert_eq!(
        s.warnings,
        ["settings.toml, line 1: there is no setting `colour` (there are language, theme, reading_width, \
          sidebar_width, stale_months, mouse, hyperlinks, ledger, keys); it is ignored."]
    );
    assert!(!s.mouse.value);
}

#[test]
fn an_unknown_action_or_key_name_leaves_those_keys_alone() {
    let s =
        parse("[keys]\nfly = \"x\"\nnext_question = [\"]\", \"hyper-q\"]\nfind = [\"/\", 7]\nhelp = \"h\"\n");
    assert_eq!(s.warnings.len(), 3, "{:#?}", s.warnings);
    assert!(s.warnings[0].contains("line 2: there is no action `fly`"));
    assert!(
        s.warnings[1]
            .contains("line 3: `hyper-q` is not a key name artikel knows; next_question keeps its keys.")
    );
    assert!(s.warnings[2].contains("line 4: `keys.find` must be a key or a list of keys"));
    assert!(s.warnings[2].ends_with("the default, [\"/\"], is used."), "{}", s.warnings[2]);
    let map = s.keymap();
    let press = |c| map.action_for(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), Mode::Normal);
    assert_eq!(press(']'), Some(crate::app::Action::NextQuestion), "the default stays");
    assert_eq!(press('h'), Some(crate::app::Action::Help), "the good binding applies");
}

#[test]
fn a_key_bound_twice_keeps_the_first_binding() {
    let s = parse("[keys]\nnext_question = [\"x\"]\nprev_question = [\"ctrl-p\", \"x\"]\n");
    assert_eq!(
        s.warnings,
        ["settings.toml, line 3: `x` is bound to both next_question and prev_question; \
          prev_question keeps its own keys."]
    );
    let map = s.keymap();
    let press = |c| map.action_for(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), Mode::Normal);
    assert_eq!(
        (press('x'), press('[')),
        (Some(crate::app::Action::NextQuestion), Some(crate::app::Action::PrevQuestion))
    );
}

#[test]
fn a_key_taken_from_another_action_leaves_it() {
    let map = parse("[keys]\nnext_question = \"n\"\n").keymap();
    let press = |c| map.action_for(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), Mode::Normal);
    assert_eq!(press('n'), Some(crate::app::Action::NextQuestion));
    assert_eq!(press(']'), None, "the action's own keys are replaced");
    let find_next = map.bindings().find(|(name, _, _)| name == "find_next").expect("find_next");
    assert!(find_next.1.is_empty() && find_next.2);
}

#[test]
fn a_file_that_unbinds_quit_exit_and_close_still_leaves_ctrl_c_to_quit() {
    let s = parse("[keys]\nquit = []\nexit = []\nclose = []\npalette = [\"ctrl-c\", \"ctrl-k\"]\n");
    assert_eq!(
        s.warnings,
        [
            "settings.toml, line 3: Ctrl-c always quits at once, so it stays bound to exit whatever keys.exit says.",
            "settings.toml, line 5: Ctrl-c always quits at once, so it stays bound to exit whatever keys.palette says."
        ]
    );
    let map = s.keymap();
    let press = |code, m| map.action_for(KeyEvent::new(code, m), Mode::Normal);
    assert_eq!(press(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(crate::app::Action::Exit));
    assert_eq!(press(KeyCode::Char('k'), KeyModifiers::CONTROL), Some(crate::app::Action::Palette));
    assert_eq!(press(KeyCode::Char('q'), KeyModifiers::NONE), None, "q is unbound as asked");
    assert_eq!(press(KeyCode::Esc, KeyModifiers::NONE), None, "and Esc");
}

#[test]
fn nothing_in_a_file_panics() {
    for text in [
        "\u{0}",
        "[keys",
        "[keys]\n\"\" = \"\"",
        "keys = []",
        "[[keys]]",
        "reading_width = 99999999999999999999",
        "reading_width = -5",
        "reading_width = 1e3",
        "theme = \"\u{1b}[31m\"",
        "[keys]\nhelp = []",
    ] {
        let s = parse(text);
        for w in &s.warnings {
            assert!(!w.contains('\u{1b}'), "a control is shown, never sent: {w:?}");
        }
    }
}

#[test]
fn a_missing_file_is_the_defaults_without_a_warning() {
    let dir = tempfile::tempdir().expect("dir");
    let s = Settings::read(&dir.path().join("settings.toml"));
    assert_eq!((s.exists, s.warnings.len()), (false, 0));
    assert_eq!(s.theme, Setting { value: Theme::Default, from: Source::Default });
    let unreadable = Settings::read(dir.path());
    assert_eq!(
        unreadable.warnings,
        [format!(
            "The settings file {} could not be read (it is not a file); every setting is at its default.",
            dir.path().display()
        )],
        "a folder where the file should be is said"
    );
    let fifo = dir.path().join("fifo.toml");
    let c_path = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("path");
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    assert_eq!(Settings::read(&fifo).warnings.len(), 1, "a FIFO is said, never waited on");
}

#[test]
fn the_reading_width_caps_the_readers_text() {
    let library = crate::library::Library::bundled();
    let mut app = crate::app::App::new(library, 0, crate::clock::Clock::fixed(2026, 12, 6));
    let _ = app.resize(200, 50);
    assert_eq!(app.panes().text.width, READING_WIDTH);
    app.reading_width = parse("reading_width = 60").reading_width.value;
    let _ = app.resize(200, 50);
    assert_eq!((app.panes().text.width, app.layout.width), (60, 60), "laid out for the new width");
    app.reading_width = parse("reading_width = 200").reading_width.value;
    let _ = app.resize(120, 40);
    assert_eq!(app.panes().text.width, app.panes().reader.width - 2, "never wider than the pane");
}

#[test]
fn the_ledger_is_a_file_or_a_url_and_blank_is_the_default() {
    let s = parse("ledger = \"postgres://artikel@db/review\"\n");
    assert_eq!(
        s.ledger,
        Setting { value: Some("postgres://artikel@db/review".into()), from: Source::File(1) }
    );
    assert_eq!(parse("ledger = \" \"\n").ledger.value, None);
    let wrong = parse("ledger = 3\n");
    assert_eq!(wrong.ledger.value, None);
    assert!(wrong.warnings[0].contains("line 1: `ledger`"), "{:?}", wrong.warnings);
}

#[test]
fn a_setting_printed_back_shows_control_and_direction_characters_as_escapes() {
    let written = file::quote("db\u{1b}[31m\u{9b}2J\u{202e}live");
    assert_eq!(written, "\"db\\u001B[31m\\u009B2J\\u202Elive\"");
    let back = parse(&format!("ledger = {written}\n"));
    assert_eq!(
        back.ledger.value.as_deref(),
        Some("db\u{1b}[31m\u{9b}2J\u{202e}live"),
        "it reads back as written"
    );
}
