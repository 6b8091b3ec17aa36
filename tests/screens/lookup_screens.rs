//! Lookup on screen: the palette ranks and shows why a question matched (bold words),
//! library search lands on the hit that was chosen, and huge typed input stays cheap.

use artikel::app::{Action, App, ResultRow, update};
use artikel::library::Library;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The reader on the seed article at 100×30.
fn app() -> App {
    let library = Library::bundled();
    let seed = library.position("nervesmerter").expect("seed");
    let mut app = App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6));
    update(&mut app, Action::Resize(100, 30));
    app
}

/// Types `text` into the open prompt.
fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

fn screen(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| artikel::ui::draw(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The row of `buf` that holds `text`, and the column where it starts.
fn find_text(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let row = cells.concat();
        row.find(text).map(|at| (u16::try_from(row[..at].chars().count()).expect("x"), y))
    })
}

#[test]
fn the_palette_ranks_the_articles_own_question_first_and_bolds_the_matched_words() {
    let mut app = app();
    update(&mut app, Action::Palette);
    type_in(&mut app, "nervesmerter hvornaar");
    let p = app.palette().expect("palette");
    let first = p.hits.first().expect("a hit");
    let ix = app.index.as_ref().expect("index");
    assert_eq!(ix.label(first.unit), "Hvornår skal man søge hjælp fra en fysioterapeut?");
    let buf = screen(&app);
    let (x, y) = find_text(&buf, "Hvornår skal man søge hjælp").expect("listed");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD), "the matched word is bold");
    assert!(!buf[(x + 13, y)].modifier.contains(Modifier::BOLD), "\"man\" is not");
}

#[test]
fn library_search_with_several_words_lands_on_the_chosen_hit() {
    let mut app = app();
    update(&mut app, Action::LibrarySearch);
    type_in(&mut app, "søge hjælp");
    let s = app.search().expect("search");
    let wanted = s
        .rows
        .iter()
        .position(|r| matches!(r, ResultRow::Hit { section, .. } if section.starts_with("Hvilke symptomer")))
        .expect("a hit in the symptoms");
    let hits_before = s.rows[..wanted].iter().filter(|r| matches!(r, ResultRow::Hit { .. })).count();
    let first = s.rows.iter().filter(|r| matches!(r, ResultRow::Hit { .. })).count() - 1;
    let steps = hits_before as isize
        - s.rows[..s.selected].iter().filter(|r| matches!(r, ResultRow::Hit { .. })).count() as isize;
    assert!(first > 0);
    for _ in 0..steps {
        update(&mut app, Action::Down);
    }
    assert_eq!(app.search().map(|s| s.selected), Some(wanted));
    update(&mut app, Action::Activate);
    let symptoms = app
        .doc
        .outline
        .headings
        .iter()
        .position(|h| h.text.starts_with("Hvilke symptomer"))
        .expect("heading");
    let (from, to) = (app.layout.heading_rows[symptoms], app.layout.heading_rows[symptoms + 1]);
    let hit = app.find.current.map(|c| app.find.hits[c]).expect("find is primed on a hit");
    assert!(
        (from..to).contains(&hit.row),
        "the current hit {} is in the chosen section {from}..{to}",
        hit.row
    );
    assert_eq!(app.section(), Some(symptoms), "the reader is in the chosen section");
}

#[test]
fn an_eight_thousand_character_find_is_cut_and_says_so() {
    let mut app = app();
    update(&mut app, Action::Find);
    type_in(&mut app, &"nervesmerter ".repeat(620));
    assert!(app.find.query.chars().count() <= 200, "{}", app.find.query.len());
    assert!(app.message.as_deref().is_some_and(|m| m.contains("200")), "{:?}", app.message);
    assert!(app.find.hits.is_empty());
}

#[test]
fn an_eight_thousand_character_palette_query_answers_without_a_panic() {
    let mut app = app();
    update(&mut app, Action::Palette);
    type_in(&mut app, &"helbredes ".repeat(800));
    let p = app.palette().expect("palette");
    assert_eq!(app.index.as_ref().map(|ix| ix.label(p.hits[0].unit)), Some("Kan nervesmerter helbredes?"));
}

/// The screen as text, one line per row.
fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_warning_sign_in_the_palette_says_its_level_of_care_above_the_answer_and_in_the_reader() {
    let mut app = app();
    update(&mut app, Action::Palette);
    type_in(&mut app, "ondt i nakken efter bilulykke og prikken i armene");
    let buf = screen(&app);
    insta::assert_snapshot!("palette_warning_sign", text(&buf));
    let (x, y) = find_text(&buf, "⚠ Call 112 now").expect("the level of care is shown");
    let text_of_care = "⚠ Call 112 now — neck pain after a serious accident, or with tingling, numbness or weakness in arms or legs";
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD | Modifier::UNDERLINED), "set apart without colour");
    let below: String = (0..buf.area.width).map(|x| buf[(x, y + 2)].symbol()).collect();
    assert!(below.contains("Hvornår skal du søge læge ved nakkesmerter?"), "the answer follows: {below}");
    update(&mut app, Action::Activate);
    let buf = screen(&app);
    assert_eq!(app.message.as_deref(), Some(text_of_care), "kept as the reader's message");
    assert!(
        find_text(&buf, "⚠ Call 112 now").is_some_and(|(_, y)| y >= 27),
        "said at the bottom: {}",
        text(&buf)
    );
}

#[test]
fn a_palette_query_no_heading_fits_lists_the_sections_whose_text_does() {
    let mut app = app();
    update(&mut app, Action::Palette);
    type_in(&mut app, "prikken i fingrene");
    let p = app.palette().expect("palette");
    assert!(p.in_text && !p.hits.is_empty(), "sections that mention it");
    let buf = screen(&app);
    insta::assert_snapshot!("palette_in_text", text(&buf));
    assert!(find_text(&buf, "No question matches; these sections mention it").is_some());
    for c in "prikken i fingrene".chars() {
        let _ = c;
        update(&mut app, Action::Type(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)));
    }
    type_in(&mut app, "xyzzy qwerty");
    let buf = screen(&app);
    assert!(find_text(&buf, "No question matches. Esc, then s searches").is_some(), "{}", text(&buf));
}

#[test]
fn loan_words_and_lay_words_reach_the_danish_headings_in_the_palette() {
    let mut app = app();
    for (typed, heading) in [
        ("knæbandage", "Kan knæbind hjælpe?"),
        ("frozen shoulder hvor længe", "Hvor længe varer en frossen skulder?"),
    ] {
        update(&mut app, Action::Palette);
        type_in(&mut app, typed);
        let p = app.palette().expect("palette");
        let ix = app.index.as_ref().expect("index");
        assert_eq!(p.hits.first().map(|h| ix.label(h.unit)), Some(heading), "{typed}");
        update(&mut app, Action::Close);
    }
}
