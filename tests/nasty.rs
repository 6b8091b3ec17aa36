//! Inputs that must open and scroll without trouble: huge, deep, wide, strange.

use artikel::app::{Action, App, update};
use artikel::library::{Article, Library, Source};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Opens `text` as an article in the reader at `w`×`h`, pages through it, jumps to its end
/// and back, drawing each time; returns the reader.
fn read_through(text: &[u8], w: u16, h: u16) -> App {
    let (article, _) = Article::from_bytes("nasty".into(), Source::Bundled, text);
    let mut library = Library::default();
    library.insert(article);
    let mut app = App::new(library, 0);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let mut draw = |app: &mut App| {
        terminal.draw(|f| artikel::ui::draw(app, f)).expect("draw");
    };
    update(&mut app, Action::Resize(w, h));
    draw(&mut app);
    for action in [
        Action::PageDown,
        Action::PageDown,
        Action::Down,
        Action::Bottom,
        Action::Up,
        Action::Top,
        Action::NextQuestion,
        Action::Faq,
    ] {
        update(&mut app, action);
        draw(&mut app);
    }
    app
}

fn check_lines(app: &App) {
    for line in app.layout.lines.iter().take(5000) {
        assert!(line.width() <= app.layout.width, "a line of {} in {}", line.width(), app.layout.width);
    }
}

#[test]
fn a_20_mb_article() {
    let text = artikel::corpus::article("Rygsmerter", 20, 20_000_000);
    let app = read_through(text.as_bytes(), 80, 24);
    assert!(app.layout.lines.len() > 300_000, "{}", app.layout.lines.len());
    assert_eq!(app.section(), app.doc.outline.faq(), "f went to the FAQ at the end");
}

#[test]
fn a_1_mb_single_line() {
    let line = "ord ".repeat(250_000);
    let app = read_through(format!("---\nmetaTitle: Lang\n---\n{line}\n").as_bytes(), 80, 24);
    assert!(app.layout.lines.len() > 10_000);
    check_lines(&app);
    let word = "x".repeat(1_000_000);
    let app = read_through(word.as_bytes(), 40, 12);
    assert_eq!(app.layout.lines.len(), 1_000_000usize.div_ceil(usize::from(app.panes().text.width)));
}

#[test]
fn ten_thousand_deep_lists_and_quotes() {
    let lists: String = (0..10_000).map(|i| format!("{}- niveau {i}\n", "  ".repeat(i))).collect();
    let app = read_through(lists.as_bytes(), 80, 24);
    check_lines(&app);
    let quotes = format!("{}dybt citat\n", "> ".repeat(10_000));
    let app = read_through(quotes.as_bytes(), 80, 24);
    check_lines(&app);
    let text: String = app.layout.lines.iter().map(|l| l.text()).collect();
    assert!(text.contains("dybt") && text.contains("citat"), "the words survive the nesting");
}

#[test]
fn a_table_with_200_columns() {
    let header: String = (0..200).map(|i| format!("| k{i} ")).collect::<String>() + "|\n";
    let rule = "|---".repeat(200) + "|\n";
    let row: String = (0..200).map(|i| format!("| v{i} ")).collect::<String>() + "|\n";
    let app = read_through(format!("{header}{rule}{row}").as_bytes(), 80, 24);
    check_lines(&app);
    let text: String = app.layout.lines.iter().map(|l| l.text()).collect();
    assert!(text.contains("k199") && text.contains("v199"), "every cell is shown");
}

#[test]
fn combining_marks_joiners_and_right_to_left_text() {
    let text = "## Spørgsmål?\n\ne\u{301}e\u{301}e\u{301} a\u{308}\u{304} 👩\u{200d}👩\u{200d}👧 👍🏽 שלום עולם مرحبا بالعالم 日本語のテキスト\n";
    for w in [1, 2, 3, 7, 40, 80] {
        let app = read_through(text.as_bytes(), w, 10);
        let all: String = app.layout.lines.iter().map(|l| l.text()).collect();
        assert!(all.contains("שלום") || w < 4, "{w}");
        assert!(all.contains('\u{200d}'), "the joiner stays inside its sequence");
    }
}

#[test]
fn crlf_line_ends_a_byte_order_mark_an_empty_file_and_only_frontmatter() {
    let crlf = "\u{feff}---\r\nmetaTitle: Windows\r\n---\r\n\r\n## Virker det?\r\n\r\nJa.\r\n";
    let app = read_through(crlf.as_bytes(), 80, 24);
    assert_eq!(app.library.articles[0].title, "Windows");
    assert_eq!(app.doc.outline.headings[0].text, "Virker det?");
    let text: String = app.layout.lines.iter().map(|l| l.text()).collect();
    assert!(!text.contains('^'), "no carriage return shown: {text}");
    let app = read_through(b"", 80, 24);
    assert_eq!(app.layout.lines.len(), 0);
    let app = read_through(b"---\nmetaTitle: Kun forside\n---\n", 80, 24);
    assert_eq!(app.library.articles[0].title, "Kun forside");
    assert_eq!(app.percent(), 100);
}
