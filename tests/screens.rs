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
    App::new(library, seed)
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

#[test]
fn help_overlay_lists_every_binding() {
    let (_, tall) = reader(80, 60, &["?"]);
    let screen = text(&tall);
    for (keys, what) in keymap::help_rows() {
        assert!(screen.contains(what) && screen.contains(keys.as_ref()), "help shows {keys:?} {what:?}");
    }
    let (_, buf) = reader(80, 24, &["?"]);
    assert!(text(&buf).contains("j/k scroll"), "at 24 rows the help says it scrolls");
    let (_, scrolled) = reader(80, 24, &["?", "G"]);
    assert!(text(&scrolled).contains("wheel scrolls the pane under it"), "and scrolls to its end");
    assert_snapshot!(text(&buf));
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
        let (app, buf) = reader(w, h, &["]", "f", "}", "?", "<esc>", "t", "G"]);
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
    let mut app = App::new(library, 0);
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
    // A click on "≡ Ofte stillede spørgsmål…" jumps there.
    let buf = draw(&app, 80, 24);
    let y = find_row(&buf, "≡ Ofte stillede");
    update(&mut app, Action::Click { col: 5, row: y });
    assert_eq!(app.section(), app.doc.outline.faq());
    assert_eq!(app.scroll, app.layout.heading_rows[app.doc.outline.faq().expect("faq")]);
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
fn a_note_is_written_saved_marked_listed_edited_and_deleted() {
    let (mut app, buf) = reader(80, 24, &["]", "]", "a", "Tjek kilderne."]);
    assert!(app.editor().is_some());
    let screen = text(&buf);
    assert!(screen.contains("Note · Hvilke symptomer er forbundet med nervesmerter?"), "{screen}");
    assert!(screen.contains("Tjek kilderne."));
    let changes = press(&mut app, &["<C-s>"]);
    assert!(app.editor().is_none());
    assert!(
        matches!(&changes[..], [artikel::store::Change::PutNote(n)] if n.text == "Tjek kilderne." && n.anchor.heading == "Hvilke symptomer er forbundet med nervesmerter?")
    );
    let buf = draw(&app, 80, 24);
    let y = find_row(&buf, "? Hvilke symptomer");
    assert!(row(&buf, y).contains("✎│"), "the contents mark the section: {}", row(&buf, y));
    let t = app.panes().text;
    assert_eq!(buf[(t.x - 1, t.y)].symbol(), "✎", "and the reader's margin at its heading");
    let _ = press(&mut app, &["A"]);
    let list = text(&draw(&app, 80, 24));
    assert!(list.contains("Hvilke symptomer er forbundet med nervesmerter?: Tjek kilderne."), "{list}");
    let changes = press(&mut app, &["e", " Og sproget.", "<C-s>"]);
    assert!(
        matches!(&changes[..], [artikel::store::Change::PutNote(n)] if n.text == "Tjek kilderne. Og sproget.")
    );
    let _ = press(&mut app, &["A", "d"]);
    assert!(text(&draw(&app, 80, 24)).contains("Delete this note? y / n"));
    let changes = press(&mut app, &["y"]);
    assert!(matches!(&changes[..], [artikel::store::Change::DeleteNote(_)]));
    assert!(app.noted_headings().is_empty());
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
fn bookmarks_and_review_status() {
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
    let _ = press(&mut app, &["r"]);
    let buf = draw(&app, 80, 24);
    assert!(
        row(&buf, find_row(&buf, "Nervesmerter  19/02")).contains("✓Nervesmerter"),
        "reviewed shows in the Library"
    );
    assert!(row(&buf, 23).contains("Review status: reviewed"));
    let _ = press(&mut app, &["r"]);
    let buf = draw(&app, 80, 24);
    assert!(row(&buf, find_row(&buf, "Nervesmerter  19/02")).contains("!Nervesmerter"), "needs changes");
}

#[test]
fn cancelling_a_delete_leaves_the_selection_where_it_was() {
    let (mut app, _) = reader(80, 24, &["]", "a", "Første.", "<C-s>", "]", "a", "Anden.", "<C-s>"]);
    let _ = press(&mut app, &["A", "G"]);
    assert_eq!(app.list().map(|l| l.selected), Some(1), "the last note is selected");
    let _ = press(&mut app, &["d", "n"]);
    assert_eq!(app.list().map(|l| (l.selected, l.confirm_delete)), Some((1, false)));
    let changes = press(&mut app, &["d", "y"]);
    assert!(matches!(&changes[..], [artikel::store::Change::DeleteNote(_)]));
    assert_eq!(app.list().map(|l| l.selected), Some(0), "after a delete the last row is selected");
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
