//! The Library's review marks from the team's ledger, drawn on ratatui's TestBackend:
//! ✓ approved at this version, ~ approved at an earlier one (counted in the title),
//! ! changes requested, nothing when unreviewed.

use artikel::app::{Action, App, update};
use artikel::ledger::{Desk, Ledger, Options, Verdict, Write, normalised};
use artikel::library::Library;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| artikel::ui::draw(app, f)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A reader whose ledger approved the first article's text, approved an older text of the
/// second and third, and asked for changes to the fourth.
fn reviewed_reader() -> App {
    let dir = tempfile::tempdir().expect("dir");
    let mut ledger = Ledger::open(&Options::new(dir.path().join("review.db")));
    let library = Library::bundled();
    let text = |i: usize| normalised(&library.articles[i].clone());
    let decide = |ledger: &mut Ledger, slug: &str, text: String, verdict| {
        ledger.submit(Write::decide(slug, text, "anne", verdict, "")).expect("saved");
    };
    let slug = |i: usize| library.articles[i].slug.clone();
    decide(&mut ledger, &slug(0), text(0), Verdict::Approved);
    decide(&mut ledger, &slug(1), format!("{}\nolder", text(1)), Verdict::Approved);
    decide(&mut ledger, &slug(2), format!("{}\nolder", text(2)), Verdict::Approved);
    decide(&mut ledger, &slug(3), text(3), Verdict::ChangesRequested);
    let mut app = App::new(Library::bundled(), 0, artikel::clock::Clock::fixed(2026, 12, 6));
    app.reviews = Desk::load(&ledger, &app.library).expect("read");
    update(&mut app, Action::Resize(80, 24));
    app
}

#[test]
fn the_library_marks_each_review_state_and_counts_stale_ones() {
    let app = reviewed_reader();
    let text = screen(&app, 80, 24);
    let marks: Vec<char> = text.lines().skip(2).take(6).filter_map(|l| l.chars().next()).collect();
    assert_eq!(marks, ['✓', '~', '~', '!', ' ', ' '], "{text}");
    assert!(text.lines().nth(1).is_some_and(|l| l.contains(" Library · 2 changed ")), "{text}");
    assert_snapshot!("library_review_states", text);
}

#[test]
fn an_approval_of_the_current_text_is_not_stale() {
    let mut app = reviewed_reader();
    app.reviews = Desk::default();
    let text = screen(&app, 80, 24);
    assert!(text.lines().nth(1).is_some_and(|l| l.contains(" Library ") && !l.contains("changed")), "{text}");
}

#[test]
fn a_diff_reads_without_colour() {
    let old = "---\nmetaTitle: Knæ\n---\nKnæet er et stort led.\n\n## Hjælp?\n\nHvil og is.\n";
    let new = "---\nmetaTitle: Knæ\n---\nKnæet er et meget stort led.\n\n## Hjælp?\n\nHvil.\n\n## Hvornår til læge?\n\nVed feber.\n";
    assert_snapshot!("diff_view", artikel::ledger::render(&artikel::ledger::diff(old, new)));
}
