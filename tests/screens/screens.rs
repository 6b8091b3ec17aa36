//! Whole screens drawn on ratatui's TestBackend, after real key presses, as snapshots;
//! and the styles that text snapshots cannot show, checked cell by cell.

use artikel::app::{Action, App, keymap, update};
use artikel::library::Library;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// A reader on the bundled library at `w`×`h`, after pressing `keys`: one character each,
/// `<tab>`, `<enter>`, `<esc>`, `<bs>`, `<down>`, or several characters to type them in turn.
fn reader(w: u16, h: u16, keys: &[&str]) -> (App, Buffer) {
    let mut app = seed_reader();
    update(&mut app, Action::Resize(w, h));
    let _ = press(&mut app, keys);
    let buf = draw(&app, w, h);
    (app, buf)
}

/// Presses `keys` (as [`reader`] reads them), each through the key table of the app's mode,
/// and writes what they queue for the store (in memory, as a store that never fails would);
/// returns the changes written.
fn press(app: &mut App, keys: &[&str]) -> Vec<artikel::store::Change> {
    let mut written = Vec::new();
    for key in keys {
        let codes = match *key {
            "<tab>" => vec![KeyCode::Tab],
            "<enter>" => vec![KeyCode::Enter],
            "<esc>" => vec![KeyCode::Esc],
            "<bs>" => vec![KeyCode::Backspace],
            "<down>" => vec![KeyCode::Down],
            // Ctrl and a letter: <C-s>, <C-u>, <C-w> …
            k if k.starts_with("<C-") && k.len() == 5 => {
                k[3..4].chars().map(|c| KeyCode::F(c as u8)).collect()
            }
            k => k.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            let (code, mods) = match code {
                KeyCode::F(c) => (KeyCode::Char(char::from(c)), KeyModifiers::CONTROL),
                code => (code, KeyModifiers::NONE),
            };
            let action = keymap::action_for(KeyEvent::new(code, mods), app.mode())
                .unwrap_or_else(|| panic!("{key} is bound"));
            for effect in update(app, action).effects {
                if let artikel::app::Effect::WriteStore(changes) = effect {
                    // Everything queued is in the write, and the app shows it applied.
                    let store = app.store().clone();
                    let _ = app.store_written(changes.len(), Ok(store));
                    written.extend(changes);
                }
            }
        }
    }
    written
}

/// A reader on the bundled library with the seed article, nervesmerter, open.
fn seed_reader() -> App {
    let library = Library::bundled();
    let seed = library.position("nervesmerter").expect("the seed article is bundled");
    App::new(library, seed, artikel::clock::Clock::fixed(2026, 12, 6))
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| artikel::ui::draw(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces kept so widths show.
fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push_str("|\n");
    }
    out
}

fn row(buf: &Buffer, y: u16) -> String {
    text(buf).lines().nth(usize::from(y)).unwrap_or_default().to_string()
}

/// The reader's top line of text.
fn top_line(app: &App, buf: &Buffer) -> String {
    let t = app.panes().text;
    (t.x..t.x + t.width).map(|x| buf[(x, t.y)].symbol()).collect::<String>().trim_end().to_string()
}

fn find_row(buf: &Buffer, needle: &str) -> u16 {
    (0..buf.area.height)
        .find(|&y| row(buf, y).contains(needle))
        .unwrap_or_else(|| panic!("{needle} on screen"))
}

#[test]
fn start_80x24() {
    let (_, buf) = reader(80, 24, &[]);
    assert_snapshot!(text(&buf));
}

#[test]
fn start_120x40() {
    let (_, buf) = reader(120, 40, &[]);
    assert_snapshot!(text(&buf));
}

#[test]
fn next_question_puts_it_at_the_top_80x24() {
    let (app, buf) = reader(80, 24, &["]"]);
    assert_eq!(app.section(), Some(0));
    assert_eq!(top_line(&app, &buf), "Hvad er årsagerne til nervesmerter?");
    assert_snapshot!(text(&buf));
}

#[test]
fn faq_jump_then_next_answer_80x24() {
    let (app, faq) = reader(80, 24, &["f"]);
    assert_eq!(top_line(&app, &faq), "Ofte stillede spørgsmål om nervesmerter");
    assert_snapshot!("faq_80x24", text(&faq));
    let (app, answer) = reader(80, 24, &["f", "}"]);
    assert_eq!(top_line(&app, &answer), "Hvad er forskellen mellem nervesmerter og");
    assert!(app.percent() > 50);
    assert_snapshot!("faq_next_answer_80x24", text(&answer));
}

/// Every screen of the help, from its top, paging down with PgDn until it moves no more.
fn help_pages(w: u16, h: u16) -> Vec<String> {
    let mut app = seed_reader();
    update(&mut app, Action::Resize(w, h));
    let _ = press(&mut app, &["?"]);
    let mut pages = vec![text(&draw(&app, w, h))];
    loop {
        update(&mut app, Action::PageDown);
        let page = text(&draw(&app, w, h));
        if pages.last() == Some(&page) {
            return pages;
        }
        pages.push(page);
    }
}

#[test]
fn help_is_grouped_fits_80x24_and_scrolls_to_a_legend() {
    let pages = help_pages(80, 24);
    assert!(pages.len() >= 3, "the help takes several screens at 24 rows");
    let all = pages.concat();
    // Every key of the table shows, with what it does, somewhere on the way down.
    for b in keymap::BINDINGS.iter().chain(keymap::PROMPT_BINDINGS).chain(keymap::EDITOR_BINDINGS) {
        assert!(all.contains(&format!(" {}  {}", b.label, b.help)), "help shows {} {}", b.label, b.help);
    }
    // In groups, moving first; the legend last, each mark with what it means.
    let at = |needle: &str| all.find(needle).unwrap_or_else(|| panic!("{needle} in the help"));
    assert!(at(" Moving ") < at(" Jumping ") && at(" Jumping ") < at(" Looking up "));
    assert!(at(" Looking up ") < at(" Reviewing ") && at(" Reviewing ") < at(" What the marks mean "));
    for mark in [
        "✓  reviewed",
        "~  approved, but",
        "!  changes",
        "★  a section you bookmarked",
        "✎  a section with your note",
    ] {
        assert!(all.contains(mark), "the legend explains {mark}");
    }
    assert!(all.contains("19/02/2025  not updated for 12 months or more"));
    // The review window's keys, from its own table, and the mark of a decision not saved yet.
    assert!(
        at(" Reviewing ") < at(" In the review window ")
            && at(" In the review window ") < at(" What the marks mean ")
    );
    for k in artikel::app::CHOICES {
        assert!(all.contains(&format!(" {}  {}", k.key, k.help)), "help shows {} {}", k.key, k.help);
    }
    assert!(all.contains("⋯  a decision not saved yet"), "the legend explains ⋯");
    assert!(all.contains("link  a link: to another article"));
    // Each page fits: a window no wider than the screen, its right edge on every row.
    for page in &pages {
        let rows: Vec<Vec<char>> = page.lines().map(|r| r.chars().collect()).collect();
        assert_eq!(rows.len(), 24);
        let right = rows[0].iter().position(|&c| c == '┐').expect("the window's corner");
        assert!(right < 80);
        let framed = rows[1..23].iter().filter(|r| r[right] == '│').count();
        assert_eq!(framed, 22, "every row of text inside the frame:\n{page}");
    }
    assert!(pages[0].contains("↓ more below · j/k scroll · Esc closes"), "{}", pages[0]);
    let last = pages.last().expect("a last page");
    assert!(!last.contains("more below") && last.contains("j/k scroll"), "{last}");
    // j and k scroll a line at a time.
    let (_, down) = reader(80, 24, &["?", "j"]);
    let inside =
        |page: &str, y: usize| page.lines().nth(y).map(|r| r.chars().skip(3).take(70).collect::<String>());
    assert_eq!(inside(&text(&down), 2), inside(&pages[0], 3), "one line further");
    let (_, back) = reader(80, 24, &["?", "j", "k"]);
    assert_eq!(text(&back), pages[0]);
    assert_snapshot!("help_80x24", pages[0]);
    assert_snapshot!("help_80x24_legend", last);
}

#[test]
fn the_legend_draws_each_style_as_it_looks_on_screen() {
    let (_, buf) = reader(80, 24, &["?", "G"]);
    let y = find_row(&buf, "19/02/2025  not updated");
    let x = u16::try_from(row(&buf, y).find("19/02").expect("date")).expect("x");
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED), "the stale date is underlined");
    let y = find_row(&buf, "the find hit you are on");
    let line = row(&buf, y);
    let x = u16::try_from(line[..line.find("word").expect("sample")].chars().count()).expect("x");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED));
}

#[test]
fn narrow_40x12_hides_the_sidebar_and_t_shows_contents_over_the_text() {
    let (_, buf) = reader(40, 12, &[]);
    assert!(!text(&buf).contains("Library"));
    assert_snapshot!("narrow_40x12", text(&buf));
    let (app, overlay) = reader(40, 12, &["t", "j", "j"]);
    assert_snapshot!("narrow_40x12_contents", text(&overlay));
    let (jumped, _) = reader(40, 12, &["t", "j", "j", "<enter>"]);
    assert_eq!(jumped.section(), Some(2));
    assert_eq!(app.overlay(), Some(artikel::app::Overlay::Contents));
}

#[test]
fn tiny_screens_draw_without_panicking() {
    for (w, h) in [(1, 1), (2, 2), (20, 5), (5, 20), (69, 6), (70, 6), (70, 7)] {
        let (app, buf) = reader(w, h, &["]", "f", "}", "?", "G", "<esc>", "L", "j", "<esc>", "t", "G"]);
        assert_eq!(app.area, buf.area, "the keys were handled at {w}x{h}");
        if w >= 20 && h >= 5 {
            assert!(text(&buf).contains("Nerve"), "{w}x{h} shows the article:\n{}", text(&buf));
        }
    }
    let (_, buf) = reader(20, 5, &[]);
    assert_snapshot!("tiny_20x5", text(&buf));
}

#[test]
fn the_section_being_read_is_bold_and_marked_and_a_focused_selection_reversed() {
    let (_, buf) = reader(80, 24, &["]", "]"]);
    let y = find_row(&buf, "▶? Hvilke symptomer");
    assert!(buf[(2, y)].modifier.contains(Modifier::BOLD));
    assert!(!buf[(2, y)].modifier.contains(Modifier::REVERSED));
    // Tab twice: Library, then Contents; the selection starts on the section being read.
    let (app, buf) = reader(80, 24, &["]", "]", "<tab>", "<tab>", "j"]);
    assert_eq!(app.contents_sel, 2);
    let y = find_row(&buf, "? Hvordan diagnosticere");
    assert!(buf[(3, y)].modifier.contains(Modifier::REVERSED));
    let status = buf.area.height - 1;
    assert!(buf[(0, status)].modifier.contains(Modifier::REVERSED));
    // Focus shows without colour: the focused pane's title is reversed, the others' not.
    let contents = find_row(&buf, " Contents ");
    let line = row(&buf, contents);
    let x = u16::try_from(line[..line.find("Contents").expect("title")].chars().count()).expect("x");
    assert!(buf[(x, contents)].modifier.contains(Modifier::REVERSED));
    let library = find_row(&buf, " Library ");
    assert!(!buf[(3, library)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_reader_never_writes_past_its_pane() {
    for (w, h) in [(80, 24), (120, 40), (200, 50), (300, 100), (71, 20), (40, 12)] {
        let (app, buf) = reader(w, h, &[]);
        let text_area = app.panes().text;
        let reader = app.panes().reader;
        for y in reader.y..reader.y + reader.height {
            for x in reader.x..text_area.x {
                assert_eq!(buf[(x, y)].symbol(), " ", "left margin at {w}x{h}");
            }
            for x in text_area.x + text_area.width..reader.x + reader.width {
                assert_eq!(buf[(x, y)].symbol(), " ", "right margin at {w}x{h}");
            }
        }
    }
}

#[test]
fn the_title_line_keeps_a_gap_before_the_dates_or_drops_them() {
    let mut with_dates = 0;
    for w in 20..=120 {
        let (_, buf) = reader(w, 10, &[]);
        let title = row(&buf, 0);
        if let Some(at) = title.find("Updated") {
            assert!(title[..at].ends_with("  "), "{w}: {title}");
            with_dates += 1;
        }
        assert!(title.contains("Nervesmerter"), "{w}: {title}");
    }
    assert!(with_dates > 40, "the dates show on most widths ({with_dates}), so the gap was checked");
}

#[test]
fn load_problems_show_in_the_status_line_and_w_lists_them() {
    let library = Library::load(&["tests/fixtures/invalid".into()]);
    let mut app = App::new(library, 0, artikel::clock::Clock::fixed(2026, 12, 6));
    update(&mut app, Action::Resize(80, 24));
    let buf = draw(&app, 80, 24);
    assert!(row(&buf, 23).contains("5 problems loading articles — press w to see"), "{}", row(&buf, 23));
    update(&mut app, Action::Down);
    assert!(row(&draw(&app, 80, 24), 23).contains("⚠ 5 (w)"), "the count stays after the message goes");
    update(&mut app, Action::Warnings);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("broken-yaml.md: frontmatter is not valid YAML"), "{screen}");
    assert_snapshot!("warnings_overlay", screen);
}

#[test]
fn from_the_end_the_next_answers_are_still_reachable_past_the_last_screen() {
    let (at_end, _) = reader(80, 24, &["G"]);
    let top = at_end.section().expect("a section at the top");
    let (app, _) = reader(80, 24, &["G", "}", "}"]);
    let last = app.doc.outline.headings.len() - 1;
    assert!(top + 2 <= last, "the end shows more than one answer");
    assert_eq!(app.section(), Some(top + 2));
    assert_eq!(app.scroll, app.layout.heading_rows[top + 2], "its question on the top line");
    assert!(app.scroll > app.max_scroll(), "a jump may leave blank lines below the end");
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_a_click_jumps() {
    let mut app = seed_reader();
    update(&mut app, Action::Resize(80, 24));
    update(&mut app, Action::Wheel { col: 50, row: 10, down: true });
    assert_eq!(app.scroll, 3, "the wheel over the text scrolls it");
    update(&mut app, Action::Wheel { col: 50, row: 10, down: false });
    assert_eq!(app.scroll, 0);
    // Over the Contents pane the wheel moves its selection, not the text.
    update(&mut app, Action::Wheel { col: 5, row: 10, down: true });
    assert_eq!((app.scroll, app.focus, app.contents_sel), (0, artikel::app::Focus::Contents, 1));
    // A click on the second row of "≡ Ofte stillede spørgsmål om / nervesmerter", wrapped at
    // 120 columns, jumps there: every row of an entry belongs to it.
    update(&mut app, Action::Resize(120, 40));
    let buf = draw(&app, 120, 40);
    let y = find_row(&buf, "≡ Ofte stillede spørgsmål om ");
    assert!(row(&buf, y + 1).starts_with("   nervesmerter   "), "{}", row(&buf, y + 1));
    update(&mut app, Action::Click { col: 20, row: y + 1 });
    assert_eq!(app.section(), app.doc.outline.faq());
    assert_eq!(app.scroll, app.layout.heading_rows[app.doc.outline.faq().expect("faq")]);
    // And the row below it is the next entry.
    let mut app = seed_reader();
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::Click { col: 20, row: y + 2 });
    assert_eq!(app.section(), app.doc.outline.faq().map(|i| i + 1));
}

#[test]
fn the_palette_lists_questions_live_previews_the_answer_and_opens_it() {
    let (app, buf) = reader(80, 24, &["p", "helbred"]);
    let palette = app.palette().expect("palette open");
    assert_eq!(palette.hits.len(), 1);
    let screen = text(&buf);
    assert!(screen.contains("? Kan nervesmerter helbredes?"), "{screen}");
    assert!(screen.contains("Nervesmerter kan ofte behandles effektivt"), "the answer is previewed");
    assert_snapshot!("palette_helbred", screen);
    let (opened, buf) = reader(80, 24, &["p", "helbred", "<enter>"]);
    assert!(opened.palette().is_none());
    assert_eq!(top_line(&opened, &buf), "Kan nervesmerter helbredes?");
    assert!(row(&buf, 23).contains("nervesmerter#kan-nervesmerter-helbredes"), "the status cites the place");
    let (back, _) = reader(80, 24, &["p", "helbred", "<enter>", "<bs>"]);
    assert_eq!(back.scroll, 0, "Backspace returns to where the jump came from");
}

#[test]
fn the_palette_finds_questions_of_other_articles_and_esc_leaves_the_view_alone() {
    let (app, _) = reader(80, 24, &["]", "p", "knaebind"]);
    let hit = app.palette().and_then(|p| p.hits.first()).expect("a hit");
    assert_eq!(app.library.articles[hit.target.article as usize].slug, "knaesmerter");
    let before = reader(80, 24, &["]"]).0.scroll;
    let (closed, _) = reader(80, 24, &["]", "p", "knaebind", "<esc>"]);
    assert!(closed.palette().is_none());
    assert_eq!((closed.current, closed.scroll), (app.current, before));
    let (there, buf) = reader(80, 24, &["]", "p", "knaebind", "<enter>"]);
    assert_eq!(there.library.articles[there.current].slug, "knaesmerter");
    assert_eq!(top_line(&there, &buf), "Kan knæbind hjælpe?");
    let (back, _) = reader(80, 24, &["]", "p", "knaebind", "<enter>", "<bs>"]);
    assert_eq!(back.library.articles[back.current].slug, "nervesmerter", "back across articles");
    assert_eq!(back.scroll, before);
}

#[test]
fn find_marks_every_hit_counts_them_and_n_wraps() {
    let (app, buf) = reader(80, 24, &["/", "fysio"]);
    let total = app.find.hits.len();
    assert!(total >= 5, "{total} hits");
    assert!(row(&buf, 23).contains(&format!("1/{total}")), "{}", row(&buf, 23));
    assert!(row(&buf, 23).starts_with(" /fysio"), "the prompt shows what is typed");
    let (app, buf) = reader(80, 24, &["/", "fysio", "<enter>", "n", "n"]);
    assert_eq!(app.find.current, Some(2));
    assert!(row(&buf, 23).contains(&format!("3/{total}")), "{}", row(&buf, 23));
    // The current hit is set apart from the others, in a way that shows without colour.
    let current = app.find.hits[2];
    let t = app.panes().text;
    let y = t.y + u16::try_from(current.row - app.scroll).expect("on screen");
    let line = app.layout.lines.get(current.row).expect("line").text();
    let x = t.x + u16::try_from(artikel::layout::display_width(&line[..current.start])).expect("x");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED));
    // Another hit on the same screen (the article has several in view here) is marked, but
    // not as the current one.
    let o = app
        .find
        .hits
        .iter()
        .find(|h| h.row >= app.scroll && h.row < app.scroll + usize::from(t.height) && *h != &current)
        .expect("a second hit in view");
    let line = app.layout.lines.get(o.row).expect("line").text();
    let ox = t.x + u16::try_from(artikel::layout::display_width(&line[..o.start])).expect("x");
    let oy = t.y + u16::try_from(o.row - app.scroll).expect("y");
    let m = buf[(ox, oy)].modifier;
    assert!(m.contains(Modifier::REVERSED) && !m.contains(Modifier::UNDERLINED));
    let keys: Vec<&str> =
        std::iter::once("/").chain(["fysio", "<enter>"]).chain(std::iter::repeat_n("n", total)).collect();
    let (wrapped, _) = reader(80, 24, &keys);
    assert_eq!(wrapped.find.current, Some(0), "n wraps after the last hit");
    let (cleared, buf) = reader(80, 24, &["/", "fysio", "<enter>", "<esc>"]);
    assert!(!cleared.find.active() && !row(&buf, 23).contains(&format!("/{total}")));
}

#[test]
fn library_search_groups_hits_by_article_and_opens_one_with_find_primed() {
    let (app, buf) = reader(100, 30, &["s", "diskusprolaps"]);
    let search = app.search().expect("search open");
    assert!(!search.hits.is_empty());
    let screen = text(&buf);
    assert!(screen.contains("Lændesmerter – Årsager, symptomer og hvad du selv kan gøre"), "{screen}");
    assert!(screen.contains("Hvad er årsagerne til lændesmerter?: "), "{screen}");
    assert_snapshot!("search_diskusprolaps", screen);
    let (opened, buf) = reader(100, 30, &["s", "diskusprolaps", "<enter>"]);
    assert_eq!(opened.library.articles[opened.current].slug, "laendesmerter");
    assert!(opened.find.active(), "find is primed with the query");
    assert_eq!(opened.find.query, "diskusprolaps");
    let current = opened.find.current.expect("the chosen hit is current");
    assert!(
        row(&buf, 29).contains(&format!("{}/{}", current + 1, opened.find.hits.len())),
        "{}",
        row(&buf, 29)
    );
    let (next, _) = reader(100, 30, &["s", "diskusprolaps", "<enter>", "n"]);
    assert_eq!(next.find.current, Some((current + 1) % next.find.hits.len()));
}

#[test]
fn esc_asks_before_throwing_a_changed_note_away() {
    let (mut app, _) = reader(80, 24, &["a", "Halvt"]);
    let _ = press(&mut app, &["<esc>"]);
    assert!(app.editor().is_some_and(|e| e.confirm_discard));
    assert!(text(&draw(&app, 80, 24)).contains("Throw away the changes? y / n"));
    let _ = press(&mut app, &["n"]);
    assert!(
        app.editor().is_some_and(|e| !e.confirm_discard && e.text() == "Halvt"),
        "n goes back to writing"
    );
    let changes = press(&mut app, &["<esc>", "y"]);
    assert!(app.editor().is_none());
    assert!(changes.is_empty(), "nothing saved");
    let (unchanged, _) = reader(80, 24, &["a", "<esc>"]);
    assert!(unchanged.editor().is_none(), "an unchanged note closes at once");
}

#[test]
fn bookmarks_lead_back_across_the_library() {
    let (mut app, _) = reader(80, 24, &["f", "}"]);
    let changes = press(&mut app, &["m"]);
    assert!(matches!(&changes[..], [artikel::store::Change::SetBookmark { on: true, .. }]));
    let _ = press(&mut app, &["g", "'"]);
    let list = text(&draw(&app, 80, 24));
    assert!(list.contains("Nervesmerter › Hvad er forskellen mellem nervesmerter og almindelige"), "{list}");
    let _ = press(&mut app, &["<enter>"]);
    assert_eq!(
        app.section().map(|i| app.doc.outline.headings[i].text.as_str()),
        Some("Hvad er forskellen mellem nervesmerter og almindelige smerter?")
    );
    // From another article, the bookmark leads back across the library.
    let _ = press(&mut app, &["p", "knaebind", "<enter>", "'", "<enter>"]);
    assert_eq!(app.library.articles[app.current].slug, "nervesmerter");
    assert_eq!(
        app.section().map(|i| app.doc.outline.headings[i].text.as_str()),
        Some("Hvad er forskellen mellem nervesmerter og almindelige smerter?")
    );
}

#[test]
fn ctrl_u_and_ctrl_w_edit_a_line_as_in_a_shell() {
    let typed = |app: &App| app.palette().map(|p| p.input.lines().join("\n"));
    let (app, _) = reader(80, 24, &["p", "kan nerver helbredes", "<C-w>"]);
    assert_eq!(typed(&app).as_deref(), Some("kan nerver "), "Ctrl-w deletes the word before the cursor");
    let (app, _) = reader(80, 24, &["p", "kan nerver helbredes", "<C-u>"]);
    assert_eq!(typed(&app).as_deref(), Some(""), "Ctrl-u deletes to the start of the line");
    let (app, buf) = reader(80, 24, &["/", "fysio", "<C-u>", "smerte"]);
    assert!(row(&buf, 23).starts_with(" /smerte"), "{}", row(&buf, 23));
    assert_eq!(app.find.query, "smerte");
    let (app, _) = reader(80, 24, &["s", "ondt i ryggen", "<C-w>", "<C-w>"]);
    assert_eq!(app.search().map(|s| s.input.lines().join("")).as_deref(), Some("ondt "));
    let (app, _) = reader(80, 24, &["a", "Første linje", "<enter>", "anden linje", "<C-u>", "ny"]);
    assert_eq!(app.editor().map(|e| e.text()).as_deref(), Some("Første linje\nny"));
    // Ctrl-j is a new line in the comment editor (a terminal sends it for Enter at times),
    // not the field's delete to the start of the line.
    let (app, _) = reader(80, 24, &["a", "Første linje", "<C-j>", "anden"]);
    assert_eq!(app.editor().map(|e| e.text()).as_deref(), Some("Første linje\nanden"));
}

#[test]
fn the_note_editor_wraps_long_lines_at_its_width() {
    let sentence = "Afsnittet om behandling bør nævne at smertestillende medicin kun er en del af \
                    behandlingen og at fysioterapi ofte er første valg slutord";
    let (_, buf) = reader(80, 24, &["a", sentence]);
    let screen = text(&buf);
    assert!(screen.contains("│Afsnittet om behandling"), "the start stays in view:\n{screen}");
    assert!(screen.contains("slutord"), "and the end shows on a line below:\n{screen}");
}

#[test]
fn a_long_message_is_shown_whole_and_stays_listed_under_w() {
    let long = "/home/læge/.local/share/artikel/notes.yaml could not be read (line 3, column 1: \
                did not find expected key); it was moved to \
                /home/læge/.local/share/artikel/notes.yaml.corrupt-1764480000 and notes start empty";
    let mut app = seed_reader();
    update(&mut app, Action::Resize(80, 24));
    app.message = Some(long.to_string());
    let screen = text(&draw(&app, 80, 24)).replace(['|', '\n'], "");
    let squeezed: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squeezed.contains("notes.yaml.corrupt-1764480000 and notes start empty"), "{squeezed}");
    assert!(squeezed.contains("could not be read (line 3, column 1"), "{squeezed}");
    let _ = press(&mut app, &["j"]);
    assert!(!text(&draw(&app, 80, 24)).contains("corrupt-"), "gone after a key");
    let _ = press(&mut app, &["w"]);
    let listed = text(&draw(&app, 80, 24)).replace(['|', '\n', '│'], "");
    let listed: String = listed.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(listed.contains("notes.yaml.corrupt-1764480000 and notes start empty"), "{listed}");
    assert!(!listed.contains("Every article loaded cleanly"), "{listed}");
}

#[test]
fn start_200x50_shows_every_question_whole_beside_a_wider_sidebar() {
    let (app, buf) = reader(200, 50, &[]);
    let panes = app.panes();
    let sidebar = panes.contents.expect("a sidebar");
    assert_eq!(sidebar.width, 60, "a third of 200, at most 60");
    assert!(panes.text.x - panes.reader.x < 30, "no wide empty margin beside it");
    assert_snapshot!(text(&buf));
}

#[test]
fn at_200x50_every_question_of_every_bundled_article_shows_whole() {
    let library = Library::bundled();
    for i in 0..library.articles.len() {
        let mut app = App::new(Library::bundled(), i, artikel::clock::Clock::fixed(2026, 12, 6));
        update(&mut app, Action::Resize(200, 50));
        let buf = draw(&app, 200, 50);
        let contents = app.panes().contents.expect("a contents pane");
        // The pane's rows, the text part only, joined: each heading reads whole in it.
        let mut joined = String::new();
        for y in contents.y + 1..contents.y + contents.height - 1 {
            let line: String =
                (contents.x..contents.x + contents.width - 1).map(|x| buf[(x, y)].symbol()).collect();
            assert!(!line.contains('…'), "{}: nothing cut: {line}", app.library.articles[i].slug);
            joined.push_str(line.trim_start_matches(['▶', ' ', '?', '≡', '·']).trim_end());
            joined.push(' ');
        }
        for h in &app.doc.outline.headings {
            assert!(joined.contains(&format!("{} ", h.text)), "{} shows whole:\n{joined}", h.text);
        }
    }
}

#[test]
fn under_70_columns_l_opens_the_library_over_the_text_60x24() {
    let (app, buf) = reader(60, 24, &["L"]);
    assert_eq!(app.overlay(), Some(artikel::app::Overlay::Library));
    let screen = text(&buf);
    for article in &app.library.articles {
        assert!(screen.contains(article.short_title()), "{} listed:\n{screen}", article.short_title());
    }
    // The open article is chosen to start with, in reverse video.
    let y = find_row(&buf, "Nervesmerter  ");
    assert!(buf[(3, y)].modifier.contains(Modifier::REVERSED));
    // Its bottom edge names its keys, as every list's does.
    assert!(screen.contains("j/k choose · Enter open · Esc close"), "{screen}");
    assert_snapshot!("library_overlay_60x24", screen);
    // j moves the choice, Enter opens it, Backspace goes back.
    let (opened, _) = reader(60, 24, &["L", "j", "<enter>"]);
    assert_eq!(opened.overlay(), None);
    assert_eq!(opened.library.articles[opened.current].slug, "skuldersmerter");
    let (back, _) = reader(60, 24, &["L", "j", "<enter>", "<bs>"]);
    assert_eq!(back.library.articles[back.current].slug, "nervesmerter");
    // Esc closes it and nothing changes.
    let (closed, _) = reader(60, 24, &["L", "j", "<esc>"]);
    assert_eq!(
        (closed.overlay(), closed.library.articles[closed.current].slug.as_str()),
        (None, "nervesmerter")
    );
    // Where the sidebar shows, L takes the keys to its Library.
    let (wide, _) = reader(80, 24, &["L"]);
    assert_eq!((wide.overlay(), wide.focus), (None, artikel::app::Focus::Library));
}

#[test]
fn a_click_on_any_row_of_a_wrapped_heading_opens_that_heading() {
    for (w, h, keys) in [(80, 24, &["f"][..]), (80, 24, &["G"][..]), (120, 40, &[][..])] {
        let (app, buf) = reader(w, h, keys);
        let contents = app.panes().contents.expect("a contents pane");
        for y in contents.y + 1..contents.y + contents.height {
            let shown: String =
                (contents.x..contents.x + contents.width - 1).map(|x| buf[(x, y)].symbol()).collect();
            let shown = shown.trim_start_matches(['▶', ' ', '?', '≡', '·']).trim_end().trim_end_matches('…');
            if shown.is_empty() {
                continue;
            }
            let mut clicked = seed_reader();
            update(&mut clicked, Action::Resize(w, h));
            let _ = press(&mut clicked, keys);
            update(&mut clicked, Action::Click { col: contents.x + 4, row: y });
            let heading = clicked.section().map(|i| clicked.doc.outline.headings[i].text.clone());
            assert!(
                heading.as_deref().is_some_and(|t| t.contains(shown)),
                "{w}x{h} {keys:?}: row {y} shows {shown:?}, the click opened {heading:?}"
            );
        }
    }
}
