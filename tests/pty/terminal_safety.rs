//! Safe and light over SSH, in a pseudo-terminal: hostile articles cannot reach the
//! terminal, a lost link ends the reader without spinning, plain terminals are served.

use crate::common;

use common::Session;
use std::time::{Duration, Instant};

fn data() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp data dir")
}

/// The sequences the hostile article carries; none may reach the terminal.
const INJECTED: &[&str] = &[
    "\x1b]0;PWNED",
    "\x1b]2;PWNED",
    "\x1b]52;c;cHduZWQ=",
    "\x1b]8;;http://evil",
    "\x1b[38;5;196m",
    "\x1b[37;77H",
    "\x1b[201~",
    "\u{9b}6n",
    "\x1b[6n",
    "\u{202e}",
    "\x1b[?1049lPWNED",
];

#[test]
fn a_hostile_article_shows_its_escapes_and_sends_none_of_them() {
    let dir = data();
    let mut s =
        Session::start(&["--articles", "tests/fixtures/hostile", "open", "hostile"], 100, 40, dir.path());
    s.wait_text("Intro ^[[38;5;196mRØD^[[0m tekst ^[[37;77Hflyttet");
    s.wait_text("Titel ^[]2;PWNED-TITLE2^[\\ i overskrift?");
    let screen = s.rows().join("\n");
    for shown in [
        "Skadelig^[]0;PWNED-TITLE^G artikel",
        "klokke ^G her",
        "^[]52;c;cHduZWQ=^[\\",
        "Indsæt-slut ^[[201~",
        "<U+009B>6n",
        "<U+202E>esrever<U+202C>",
        "sletning ^?",
        "Entiteter: ^[[38;5;196mROD <U+009B>6n ^G slut.",
    ] {
        assert!(screen.contains(shown), "{shown:?} is shown visibly in:\n{screen}");
    }
    // Scroll through all of it, so every line has been drawn.
    s.send("G");
    s.wait_text("PWNED-TABLE");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
    let raw = s.output();
    let out = String::from_utf8_lossy(&raw);
    for seq in INJECTED {
        assert!(!out.contains(seq), "the reader wrote {seq:?}");
    }
    assert_eq!(raw.iter().filter(|&&b| b == 0x07).count(), 0, "no bell, and no OSC ended by one");
    s.requests(|r| {
        assert!(r.titles.is_empty(), "the title was not touched: {:?}", r.titles);
        assert_eq!(r.bells, 0);
        assert!(r.clipboard.is_empty());
    });
}

#[test]
fn the_colours_on_screen_are_the_readers_own() {
    let dir = data();
    let s = Session::start(&["--articles", "tests/fixtures/hostile", "open", "hostile"], 100, 40, dir.path());
    s.wait_text("RØD");
    s.screen(|screen| {
        // The cell where "RØD" begins: its row, and its column counted in characters.
        let (row, col) = screen
            .rows(0, 100)
            .enumerate()
            .find_map(|(r, text)| text.find("RØD").map(|at| (r, text[..at].chars().count())))
            .expect("RØD on screen");
        let (row, col) = (u16::try_from(row).expect("row"), u16::try_from(col).expect("col"));
        assert_eq!(screen.cell(row, col).map(|c| c.contents()), Some("R"), "found the cell");
        let cell = screen.cell(row, col).expect("cell");
        assert_eq!(cell.fgcolor(), vt100::Color::Default, "the injected red did not take");
        assert!(screen.hide_cursor(), "the cursor stays hidden, as the reader set it");
    });
}

#[test]
fn a_closed_terminal_ends_the_reader_without_spinning() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text("Nervesmerter");
    let pid = s.pid();
    let before = common::cpu_seconds(pid).expect("running");
    s.hang_up();
    let start = Instant::now();
    let mut last = before;
    while let Some(cpu) = common::cpu_seconds(pid) {
        // A zombie still has a /proc entry with its final CPU time.
        last = cpu;
        // The bound is generous for a loaded machine: how little CPU the way out takes is
        // what shows the reader did not spin on the dead terminal.
        if s.child.try_wait().ok().flatten().is_some() || start.elapsed() > Duration::from_secs(10) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(s.wait_exit(Duration::from_millis(100)).is_some(), "the reader ended");
    assert!(last - before < 0.2, "used {:.2} s of CPU on the way out", last - before);
}

#[test]
fn ctrl_z_suspends_and_fg_restores_the_screen() {
    let dir = data();
    let mut s = Session::shell(80, 24, dir.path());
    s.wait_text("$ ");
    s.send(&format!("{} open nervesmerter\r", common::bin()));
    s.wait_text("Nervesmerter – Hvad er nervesmerter?");
    assert!(s.alternate_screen());
    s.send("\x1a");
    assert!(s.left_alternate_screen(), "Ctrl-z gives the screen back");
    s.wait_text("Stopped");
    s.send("fg\r");
    s.wait_for("the reader back", |rows| rows[0].contains("Nervesmerter – Hvad er"));
    assert!(s.alternate_screen(), "fg takes the alternate screen again");
    s.send("f");
    s.wait_text("Ofte stillede spørgsmål om nervesmerter");
    s.send("q");
    assert!(s.left_alternate_screen());
    s.send("exit\r");
    assert!(s.wait_exit(Duration::from_secs(5)).is_some());
}

/// The SGR parameter lists the reader wrote.
fn sgr_codes(out: &str) -> Vec<String> {
    out.split("\x1b[")
        .skip(1)
        .filter_map(|seq| seq.split_once('m').map(|(p, _)| p.to_string()))
        .filter(|p| p.chars().all(|c| c.is_ascii_digit() || c == ';'))
        .collect()
}

fn has_colour(codes: &[String]) -> bool {
    codes.iter().flat_map(|c| c.split(';')).any(|n| {
        n.parse::<u8>().is_ok_and(|n| {
            (30..=37).contains(&n) || (90..=97).contains(&n) || (40..=47).contains(&n) || n == 38
        })
    })
}

fn run_and_quit(args: &[&str], env: &[(&str, &str)]) -> String {
    let dir = data();
    let mut s = Session::start_with(args, 80, 24, dir.path(), env);
    s.wait_text("Nervesmerter");
    s.send("]?");
    s.wait_text("Keys");
    s.send("q");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
    String::from_utf8_lossy(&s.output()).into_owned()
}

#[test]
fn colour_is_16_colour_by_default_and_none_under_no_color_or_never() {
    let coloured = run_and_quit(&["open", "nervesmerter"], &[]);
    let codes = sgr_codes(&coloured);
    assert!(has_colour(&codes), "{codes:?}");
    assert!(!coloured.contains("38;5;") && !coloured.contains("38;2;"), "only the 16 colours");
    for (args, env) in [
        (&["open", "nervesmerter"][..], &[("NO_COLOR", "1")][..]),
        (&["--color", "never", "open", "nervesmerter"][..], &[][..]),
    ] {
        let plain = run_and_quit(args, env);
        let codes = sgr_codes(&plain);
        assert!(!has_colour(&codes), "{args:?} {env:?}: {codes:?}");
        assert!(codes.iter().any(|c| c.split(';').any(|n| n == "7")), "reverse video still marks things");
        assert!(codes.iter().any(|c| c.split(';').any(|n| n == "1")), "and bold");
    }
    let forced = run_and_quit(&["--color", "always", "open", "nervesmerter"], &[("NO_COLOR", "1")]);
    assert!(has_colour(&sgr_codes(&forced)), "always beats NO_COLOR");
}

#[test]
fn ascii_mode_draws_no_box_characters_and_is_chosen_for_a_non_utf8_locale() {
    for (args, env) in [
        (&["--ascii", "open", "nervesmerter"][..], &[][..]),
        (&["open", "nervesmerter"][..], &[("LANG", "C"), ("LC_ALL", ""), ("LC_CTYPE", "")][..]),
    ] {
        let out = run_and_quit(args, env);
        for glyph in ["─", "│", "┌", "▶", "≡", "…", "›", "•"] {
            assert!(!out.contains(glyph), "{args:?} {env:?} drew {glyph}");
        }
        assert!(out.contains('|'), "the sidebar's rule is drawn in ASCII");
    }
}

#[test]
fn a_dumb_terminal_is_refused_with_a_hint() {
    let dir = data();
    let mut s = Session::start_with(&["open", "nervesmerter"], 80, 24, dir.path(), &[("TERM", "dumb")]);
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(2));
    s.wait_text("artikel show");
    let out = String::from_utf8_lossy(&s.output()).into_owned();
    assert!(out.contains("TERM=dumb"), "{out}");
    assert!(!out.contains("\x1b[?1049h"), "never entered the alternate screen");
}

#[test]
fn the_alternate_screen_is_cleared_as_it_is_entered() {
    let out = run_and_quit(&["open", "nervesmerter"], &[]);
    let entered = out.find("\x1b[?1049h").expect("entered the alternate screen");
    let first: String = out[entered..].chars().take(24).collect();
    assert!(first.starts_with("\x1b[?1049h\x1b[2J"), "the first bytes after entering clear it: {first:?}");
}

#[test]
fn the_mouse_can_be_left_to_the_terminal() {
    let captured = run_and_quit(&["open", "nervesmerter"], &[]);
    assert!(captured.contains("\x1b[?1000h"), "the mouse is captured by default");
    let free = run_and_quit(&["--no-mouse", "open", "nervesmerter"], &[]);
    assert!(!free.contains("\x1b[?1000h"), "--no-mouse leaves it");
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text("Nervesmerter");
    s.send("M");
    s.wait_text("Mouse off");
    assert!(String::from_utf8_lossy(&s.output()).contains("\x1b[?1000l"), "M releases it");
    s.send("M");
    s.wait_text("Mouse on");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn y_copies_the_section_through_osc_52() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter#kan-nervesmerter-helbredes"], 80, 24, dir.path());
    s.wait_text("Kan nervesmerter helbredes?");
    s.send("y");
    // It says it sent the text, not that it was copied: the terminal does not tell.
    s.wait_text("Sent “Kan nervesmerter helbredes?” to the terminal's clipboard (OSC 52)");
    let copied = s.requests(|r| r.clipboard.clone());
    assert_eq!(copied.len(), 1);
    let text = String::from_utf8(decode64(&copied[0])).expect("UTF-8");
    assert!(
        text.starts_with("Kan nervesmerter helbredes?\n\nNervesmerter kan ofte behandles effektivt"),
        "{text}"
    );
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

fn decode64(data: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> =
        data.iter().filter_map(|b| ALPHABET.iter().position(|a| a == b)).map(|v| v as u32).collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk.iter().enumerate().fold(0, |n, (i, &v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

#[test]
fn a_storm_of_resizes_ends_on_a_correct_screen() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text("Nervesmerter");
    let sizes = [(40, 12), (300, 100), (61, 19), (120, 40), (20, 5), (200, 50)];
    for i in 0..50 {
        let (w, h) = sizes[i % sizes.len()];
        s.resize(w, h);
        std::thread::sleep(Duration::from_millis(15));
    }
    s.resize(100, 30);
    // The screen the reader would draw from scratch at 100×30.
    let library = artikel::library::Library::bundled();
    let seed = library.position("nervesmerter").expect("seed");
    let mut app = artikel::app::App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6));
    // A fresh data folder: a first run, with its hint.
    app.first_run_hint = true;
    artikel::app::update(&mut app, artikel::app::Action::Resize(100, 30));
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("test terminal");
    terminal.draw(|f| artikel::ui::draw(&app, f)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    let expected: Vec<String> = (0..30)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < 100 {
                let sym = buf[(x, y)].symbol();
                row.push_str(sym);
                x += u16::try_from(unicode_width::UnicodeWidthStr::width(sym)).unwrap_or(1).max(1);
            }
            row.trim_end().to_string()
        })
        .collect();
    s.wait_for("the screen as drawn from scratch", |rows| {
        rows.iter().map(|r| r.trim_end().to_string()).collect::<Vec<_>>() == expected
    });
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn nothing_is_written_while_nobody_types() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text("Nervesmerter");
    std::thread::sleep(Duration::from_millis(300));
    let before = s.output().len();
    let cpu = common::cpu_seconds(s.pid()).expect("running");
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(s.output().len(), before, "no bytes while idle");
    let used = common::cpu_seconds(s.pid()).expect("running") - cpu;
    assert!(used < 0.02, "{used} s of CPU while idle");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}
