//! Links in the reader, through real key presses: `l` lists the links of the section (or the
//! article), Enter follows one, Back returns to exactly where the reader was.

use artikel::app::{Action, App, Modal, keymap, update};
use artikel::library::{Article, Library, Source};
use artikel::strings::{self, Lang};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Alfa: a section of twenty paragraphs and five links (to beta, to a heading of beta, to
/// its own heading, outside, and to no article), and a section without links.
fn alfa() -> String {
    let paragraphs: String = (1..=20).map(|n| format!("Afsnit nummer {n}.\n\n")).collect();
    format!("{ALFA_HEAD}{paragraphs}{ALFA_TAIL}")
}

const ALFA_HEAD: &str = "---\nmetaTitle: Alfa – om links\nlastUpdated: 01/06/2026\ndatePublished: 01/01/2026\n---\n\nIndledning uden links.\n\n## Hvad er årsagerne?\n\n";

const ALFA_TAIL: &str = "Se [beta](beta.md), [behandlingen](beta.md#hvordan-behandles-det), [årsagerne](#hvad-er-årsagerne), [FysFinder](https://fysfinder.dk) og [gamma](gamma.md).\n\n## Noter\n\nIngen links her.\n";

const BETA: &str = "---\nmetaTitle: Beta – målet\nlastUpdated: 01/06/2026\ndatePublished: 01/01/2026\n---\n\nOm beta.\n\n## Hvad er beta?\n\nEt afsnit.\n\nEt andet.\n\n## Hvordan behandles det?\n\nMed ro.\n";

/// A reader on a library of alfa and beta, alfa open, at 80×24, speaking English.
fn reader() -> App {
    strings::set_thread_lang(Some(Lang::En));
    let mut library = Library::default();
    for (slug, body) in [("alfa", alfa().as_str()), ("beta", BETA)] {
        let (article, warnings) = Article::from_bytes(slug.into(), Source::Bundled, body.as_bytes());
        assert!(warnings.is_empty(), "{warnings:?}");
        library.insert(article);
    }
    let mut app = App::new(library, 0, artikel::clock::Clock::fixed(2026, 12, 6));
    update(&mut app, Action::Resize(80, 24));
    app
}

/// Presses keys through the key table of the app's mode: characters, `<enter>`, `<bs>`,
/// `<down>`, `<esc>`.
fn press(app: &mut App, keys: &[&str]) {
    for key in keys {
        let codes = match *key {
            "<enter>" => vec![KeyCode::Enter],
            "<bs>" => vec![KeyCode::Backspace],
            "<down>" => vec![KeyCode::Down],
            "<esc>" => vec![KeyCode::Esc],
            k => k.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            let action = keymap::action_for(KeyEvent::new(code, KeyModifiers::NONE), app.mode())
                .unwrap_or_else(|| panic!("{key} is bound"));
            update(app, action);
        }
    }
}

fn slug(app: &App) -> &str {
    &app.library.articles[app.current].slug
}

/// The reader scrolled two lines into "Hvad er årsagerne?", where the links are.
fn in_the_section() -> App {
    let mut app = reader();
    press(&mut app, &["]", "jj"]);
    assert_eq!(app.location(), "alfa#hvad-er-årsagerne");
    app
}

#[test]
fn enter_opens_the_linked_article_at_its_top_and_back_returns_to_the_same_line() {
    let mut app = in_the_section();
    let before = app.scroll;
    press(&mut app, &["l"]);
    assert!(matches!(app.modal, Modal::Links(_)), "l opens the links list");
    press(&mut app, &["<enter>"]);
    assert_eq!((slug(&app), app.scroll), ("beta", 0));
    assert!(matches!(app.modal, Modal::None));
    press(&mut app, &["<bs>"]);
    assert_eq!((slug(&app), app.scroll), ("alfa", before), "back on the very line");
}

#[test]
fn a_link_with_an_anchor_opens_its_heading_and_ctrl_o_comes_back() {
    let mut app = in_the_section();
    let before = app.scroll;
    press(&mut app, &["l", "<down>", "<enter>"]);
    assert_eq!(app.location(), "beta#hvordan-behandles-det");
    let heading = app.doc.outline.by_anchor("hvordan-behandles-det").expect("heading");
    assert_eq!(app.scroll, app.layout.heading_rows[heading], "the heading is the top line");
    let back = keymap::action_for(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL), app.mode());
    update(&mut app, back.expect("Ctrl-o is bound"));
    assert_eq!((slug(&app), app.scroll), ("alfa", before));
}

#[test]
fn an_anchor_jumps_within_the_article_and_back_returns() {
    let mut app = in_the_section();
    let before = app.scroll;
    press(&mut app, &["l", "jj", "<enter>"]);
    let heading = app.doc.outline.by_anchor("hvad-er-årsagerne").expect("heading");
    assert_eq!((slug(&app), app.scroll), ("alfa", app.layout.heading_rows[heading]));
    assert_ne!(app.scroll, before);
    press(&mut app, &["<bs>"]);
    assert_eq!(app.scroll, before);
}

#[test]
fn an_external_link_says_its_address_and_goes_nowhere() {
    let mut app = in_the_section();
    let (before, history) = (app.scroll, app.history.len());
    press(&mut app, &["l", "jjj", "<enter>"]);
    assert_eq!(app.message.as_deref(), Some("Address (not opened here): https://fysfinder.dk"));
    assert_eq!((slug(&app), app.scroll, app.history.len()), ("alfa", before, history));
}

#[test]
fn a_broken_link_says_why_and_goes_nowhere() {
    let mut app = in_the_section();
    let before = app.scroll;
    press(&mut app, &["l", "jjjj", "<enter>"]);
    assert_eq!(
        app.message.as_deref(),
        Some("This link leads nowhere: gamma.md: no such article in the library")
    );
    assert_eq!((slug(&app), app.scroll), ("alfa", before));
}

#[test]
fn a_section_without_links_lists_the_whole_article_and_says_so() {
    let mut app = reader();
    let noter = app.doc.outline.by_anchor("noter").expect("Noter");
    app.jump_to_heading(noter);
    press(&mut app, &["l"]);
    let Modal::Links(view) = &app.modal else { panic!("no links list: {:?}", app.modal) };
    assert_eq!(view.title, "Links in the article (none in “Noter”)");
    assert_eq!(view.links.len(), 5);
    press(&mut app, &["<esc>"]);
    assert!(matches!(app.modal, Modal::None), "Esc closes the list");
    press(&mut app, &["l", "l"]);
    assert!(matches!(app.modal, Modal::None), "l closes it too");
}

#[test]
fn an_article_without_links_says_so() {
    let mut beta = reader();
    beta.open(1);
    press(&mut beta, &["l"]);
    assert!(matches!(beta.modal, Modal::None));
    assert_eq!(beta.message.as_deref(), Some("This article has no links"));
}

fn screen(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_links_list_shows_each_link_with_where_it_leads_and_marks_the_broken_one() {
    let mut app = in_the_section();
    press(&mut app, &["l", "j"]);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| artikel::ui::draw(&app, f)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    insta::assert_snapshot!("links_list_80x24", screen(&buf));
    // The selected row is drawn reversed, the others not.
    let row = |text: &str| (0..24).find(|&y| screen(&buf).lines().nth(y).is_some_and(|l| l.contains(text)));
    let selected = row("behandlingen").expect("the second link");
    let other = row("FysFinder").expect("the fourth link");
    let reversed = |y: usize| buf[(12, y as u16)].modifier.contains(ratatui::style::Modifier::REVERSED);
    assert!(reversed(selected) && !reversed(other));
}

#[test]
fn a_link_to_a_heading_of_the_same_article_is_listed_by_its_heading_alone() {
    let mut app = in_the_section();
    press(&mut app, &["l"]);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| artikel::ui::draw(&app, f)).expect("draw");
    let shown = screen(terminal.backend().buffer());
    // The article's title is on screen already; the heading is what tells the links apart.
    assert!(shown.contains("årsagerne → Hvad er årsagerne?  "), "{shown}");
    assert!(!shown.contains("→ Alfa – om links"), "{shown}");
    // Another article's heading keeps that article's title.
    assert!(shown.contains("behandlingen → Beta – målet › Hvordan behandles det?"), "{shown}");
}

#[test]
fn external_links_in_view_are_hyperlinks_only_when_asked_for_and_never_under_a_window() {
    let mut app = in_the_section();
    press(&mut app, &["G"]);
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal.draw(|f| artikel::ui::draw(app, f)).expect("draw");
        terminal.backend().buffer().clone()
    };
    let buf = draw(&app);
    assert!(artikel::ui::hyperlinks(&app, &buf).is_empty(), "never by default");
    app.hyperlinks = true;
    let links = artikel::ui::hyperlinks(&app, &buf);
    let [link] = links.as_slice() else { panic!("one external link in view: {links:?}") };
    assert_eq!(link.url, "https://fysfinder.dk");
    let linked: String = (link.x..link.x + link.width).map(|x| buf[(x, link.y)].symbol()).collect();
    assert_eq!(linked, "→FysFinder", "the marker and the text, not the address after them");
    press(&mut app, &["?"]);
    let covered = draw(&app);
    // The help window: from its top-left corner to its bottom-right one.
    let find = |c: &str| {
        (0..24u16).flat_map(|y| (0..80u16).map(move |x| (x, y))).find(|&(x, y)| covered[(x, y)].symbol() == c)
    };
    let ((left, top), (right, bottom)) = (find("┌").expect("corner"), find("┘").expect("corner"));
    assert!((top..=bottom).contains(&link.y) && left < link.x + link.width, "the window covers the link");
    for l in artikel::ui::hyperlinks(&app, &covered) {
        for x in l.x..l.x + l.width {
            let inside = (left..=right).contains(&x) && (top..=bottom).contains(&l.y);
            assert!(!inside, "a hyperlink inside the help window at {x},{}", l.y);
            assert_eq!(covered[(x, l.y)].symbol(), buf[(x, l.y)].symbol(), "only the link's own text");
        }
    }
}
