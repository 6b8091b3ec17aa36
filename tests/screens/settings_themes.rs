//! Each theme's screen, with its styles, as snapshots; mono has no colour, light no white
//! or yellow text, high contrast no dim grey, and the default is the look from before themes.

use artikel::app::Theme;
use artikel::app::{Action, App, update};
use artikel::library::Library;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

fn seed() -> App {
    artikel::strings::set_lang(artikel::strings::Lang::En);
    let library = Library::bundled();
    let seed = library.position("nervesmerter").expect("the seed article is bundled");
    App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6))
}

/// The screen as text, a line per row.
fn text(buf: &Buffer) -> String {
    let rows = buf.content.chunks(usize::from(buf.area.width).max(1));
    rows.map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n").collect()
}

/// The screen as text, then each row's styled runs: `row: from-to style`.
fn styled(buf: &Buffer) -> String {
    let mut out = text(buf);
    out.push_str("---\n");
    for y in 0..buf.area.height {
        let mut runs: Vec<(u16, u16, Style)> = Vec::new();
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            let style = Style::new().fg(c.fg).bg(c.bg).add_modifier(c.modifier);
            match runs.last_mut() {
                Some((_, end, s)) if *s == style && *end + 1 == x => *end = x,
                _ => runs.push((x, x, style)),
            }
        }
        for (from, to, style) in
            runs.into_iter().filter(|(_, _, s)| *s != Style::new().fg(Color::Reset).bg(Color::Reset))
        {
            let mut parts = Vec::new();
            if let Some(fg) = style.fg.filter(|c| *c != Color::Reset) {
                parts.push(format!("{fg}"));
            }
            if let Some(bg) = style.bg.filter(|c| *c != Color::Reset) {
                parts.push(format!("on {bg}"));
            }
            for (m, name) in [
                (Modifier::BOLD, "bold"),
                (Modifier::ITALIC, "italic"),
                (Modifier::UNDERLINED, "underlined"),
                (Modifier::REVERSED, "reversed"),
                (Modifier::CROSSED_OUT, "crossed"),
            ] {
                if style.add_modifier.contains(m) {
                    parts.push(name.to_string());
                }
            }
            out.push_str(&format!("{y:>2}: {from:>2}-{to:<2} {}\n", parts.join(" ")));
        }
    }
    out
}

/// A reader in `theme` at `w`×`h` after `actions`, drawn.
fn screen(theme: Theme, w: u16, h: u16, actions: &[Action]) -> Buffer {
    let mut app = seed();
    app.theme = theme;
    update(&mut app, Action::Resize(w, h));
    for a in actions {
        let _ = update(&mut app, *a);
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| artikel::ui::draw(&app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screens every theme must draw well: the start, a heading and a question with the
/// contents focused, the FAQ, find hits, the help and the palette.
fn every_screen(theme: Theme) -> Vec<Buffer> {
    let type_ = |c| Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    vec![
        screen(theme, 80, 24, &[]),
        screen(theme, 80, 24, &[Action::NextQuestion, Action::FocusNext, Action::FocusNext]),
        screen(theme, 100, 30, &[Action::Faq, Action::NextAnswer]),
        screen(theme, 80, 24, &[Action::Find, type_('n'), type_('e'), Action::Activate]),
        screen(theme, 80, 24, &[Action::Help]),
        screen(theme, 80, 24, &[Action::Palette, type_('s')]),
        screen(theme, 50, 16, &[Action::ToggleContents]),
    ]
}

fn foregrounds(theme: Theme) -> Vec<Color> {
    let mut seen: Vec<Color> =
        every_screen(theme).iter().flat_map(|b| b.content.iter().map(|c| c.fg)).collect();
    seen.sort_by_key(|c| format!("{c}"));
    seen.dedup();
    seen
}

#[test]
fn mono_has_no_colour_anywhere() {
    for buf in every_screen(Theme::Mono) {
        for c in &buf.content {
            assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "{c:?}\n{}", text(&buf));
        }
    }
}

#[test]
fn light_has_no_white_or_yellow_text() {
    let fg = foregrounds(Theme::Light);
    for bad in [Color::White, Color::Gray, Color::Yellow, Color::LightYellow] {
        assert!(!fg.contains(&bad), "{bad} in {fg:?}");
    }
    assert!(fg.contains(&Color::Blue), "light is still in colour: {fg:?}");
}

#[test]
fn high_contrast_has_no_dim_grey() {
    let fg = foregrounds(Theme::HighContrast);
    assert!(!fg.contains(&Color::DarkGray), "{fg:?}");
    assert!(fg.contains(&Color::LightCyan), "{fg:?}");
}

#[test]
fn the_default_theme_is_todays_look() {
    // Dates dim, headings cyan, question marks yellow: as before themes existed.
    let fg = foregrounds(Theme::Default);
    for c in [Color::DarkGray, Color::Cyan, Color::Yellow] {
        assert!(fg.contains(&c), "{c} in {fg:?}");
    }
}

#[test]
fn each_theme_draws_the_question_and_contents_with_its_styles() {
    for theme in Theme::ALL {
        let buf = screen(theme, 80, 14, &[Action::NextQuestion, Action::FocusNext, Action::FocusNext]);
        assert_snapshot!(format!("theme_{}", theme.name()), styled(&buf));
    }
}

#[test]
fn the_theme_is_the_readers_own_not_the_threads() {
    // Drawn one after the other on one thread, each reader keeps its own theme.
    let mono = screen(Theme::Mono, 80, 24, &[]);
    let colour = screen(Theme::Default, 80, 24, &[]);
    assert!(mono.content.iter().all(|c| c.fg == Color::Reset));
    assert!(colour.content.iter().any(|c| c.fg != Color::Reset));
    let mono_again = screen(Theme::Mono, 80, 24, &[]);
    assert!(mono_again.content.iter().all(|c| c.fg == Color::Reset), "nothing is left over from a frame");
}

#[test]
fn each_theme_draws_the_first_screen_in_danish_80x24() {
    // This thread speaks Danish; the others keep the process's English.
    artikel::strings::set_thread_lang(Some(artikel::strings::Lang::Da));
    for theme in Theme::ALL {
        let buf = screen(theme, 80, 24, &[]);
        let shown = text(&buf);
        for words in ["Bibliotek", "Indhold", "Opdateret", "? hjælp"] {
            assert!(shown.contains(words), "{} says {words:?}:\n{shown}", theme.name());
        }
        assert_snapshot!(format!("theme_{}_da_80x24", theme.name()), styled(&buf));
    }
    artikel::strings::set_thread_lang(None);
}
