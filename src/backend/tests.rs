//! The backend writes what changed, cheaply.

use super::*;
use ratatui::Terminal;
use ratatui::style::{Modifier, Style};

fn terminal(colors: Colors, ascii: bool) -> Terminal<Ansi<Vec<u8>>> {
    Terminal::new(Ansi::sized(Vec::new(), colors, ascii, Size::new(20, 6))).expect("terminal")
}

fn take(t: &mut Terminal<Ansi<Vec<u8>>>) -> String {
    String::from_utf8(std::mem::take(t.backend_mut().writer_mut())).expect("utf-8")
}

fn lines(t: &mut Terminal<Ansi<Vec<u8>>>, rows: &[&str]) {
    t.draw(|f| {
        for (y, row) in rows.iter().enumerate() {
            f.buffer_mut().set_string(0, y as u16, row, Style::new());
        }
    })
    .expect("draw");
}

#[test]
fn named_colours_use_the_classic_codes_and_none_when_colour_is_off() {
    let mut t = terminal(Colors::On, false);
    t.draw(|f| {
        f.buffer_mut().set_string(0, 0, "hej", Style::new().fg(Color::Cyan).bg(Color::DarkGray));
    })
    .expect("draw");
    let out = take(&mut t);
    assert!(out.contains("\x1b[36;100mhej"), "{out:?}");
    assert!(!out.contains("38;5"), "{out:?}");
    let mut mono = terminal(Colors::Off, false);
    mono.draw(|f| {
        f.buffer_mut().set_string(0, 0, "hej", Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD));
    })
    .expect("draw");
    let out = take(&mut mono);
    assert!(out.contains("\x1b[1mhej"), "{out:?}");
    assert!(!out.contains("36"), "{out:?}");
}

#[test]
fn a_frame_that_did_not_change_writes_nothing() {
    let mut t = terminal(Colors::On, false);
    lines(&mut t, &["a", "b", "c"]);
    take(&mut t);
    lines(&mut t, &["a", "b", "c"]);
    assert_eq!(take(&mut t), "");
}

#[test]
fn rows_that_moved_up_are_scrolled_by_the_terminal_and_only_the_new_line_written() {
    let mut t = terminal(Colors::On, false);
    lines(&mut t, &["title", "one", "two", "three", "four", "status 1"]);
    take(&mut t);
    lines(&mut t, &["title", "two", "three", "four", "five", "status 2"]);
    let out = take(&mut t);
    assert!(out.starts_with("\x1b[2;5r\x1b[2;1H\x1b[1M\x1b[r"), "{out:?}");
    assert!(out.contains("five") && !out.contains("two") && !out.contains("three"), "{out:?}");
    assert!(out.len() < 40, "{} bytes: {out:?}", out.len());
}

#[test]
fn text_that_moved_beside_a_still_sidebar_is_scrolled_when_that_is_cheaper() {
    let mut t = Terminal::new(Ansi::sized(Vec::new(), Colors::Off, false, Size::new(60, 8))).expect("t");
    const WORDS: [&str; 9] = ["smerter", "i", "knæet", "kan", "skyldes", "slid", "eller", "skader", "på"];
    let text = |n: usize| {
        let words: Vec<&str> = (0..7).map(|k| WORDS[(n * 5 + k * 7) % WORDS.len()]).collect();
        format!("{n} {}", words.join(" "))
    };
    let frame = |first: usize| -> Vec<String> {
        let mut rows = vec!["title".to_string()];
        for (i, n) in (first..first + 6).enumerate() {
            rows.push(format!("|side {}| {}", if i % 2 == 0 { "a" } else { "b" }, text(n)));
        }
        rows.push("status".into());
        rows
    };
    let draw = |t: &mut Terminal<Ansi<Vec<u8>>>, rows: &[String]| {
        t.draw(|f| {
            for (y, row) in rows.iter().enumerate() {
                f.buffer_mut().set_string(0, y as u16, row, Style::new());
            }
        })
        .expect("draw");
    };
    draw(&mut t, &frame(1));
    take(&mut t);
    draw(&mut t, &frame(2));
    let out = take(&mut t);
    assert!(out.starts_with("\x1b[2;7r"), "the band scrolls: {out:?}");
    assert!(out.contains(&text(7)), "the new line is written: {out:?}");
    assert!(!out.contains(&text(3)), "the moved lines are not: {out:?}");
    assert!(out.len() < 200, "{} bytes", out.len());
}

#[test]
fn rows_that_moved_down_are_scrolled_the_other_way() {
    let mut t = terminal(Colors::On, false);
    lines(&mut t, &["title", "two", "three", "four", "five", "status"]);
    take(&mut t);
    lines(&mut t, &["title", "one", "two", "three", "four", "status"]);
    let out = take(&mut t);
    assert!(out.starts_with("\x1b[2;5r\x1b[2;1H\x1b[1L\x1b[r"), "{out:?}");
    assert!(out.contains("one") && !out.contains("four"), "{out:?}");
}

#[test]
fn a_small_gap_is_written_over_rather_than_jumped() {
    let mut t = terminal(Colors::On, false);
    lines(&mut t, &["abcdefghij"]);
    take(&mut t);
    lines(&mut t, &["Xbcdefghij"]);
    assert_eq!(take(&mut t), "\x1b[1HX");
    lines(&mut t, &["abcXefghYj"]);
    let out = take(&mut t);
    assert_eq!(out, "\x1b[1HabcXefghY", "one run, no second cursor move");
}

#[test]
fn blanks_to_the_end_of_a_row_are_erased_not_written() {
    let mut t = terminal(Colors::On, false);
    lines(&mut t, &["a long line of text"]);
    take(&mut t);
    lines(&mut t, &["a long"]);
    assert_eq!(take(&mut t), "\x1b[1;8H\x1b[K", "the space after `long` is already blank");
}

#[test]
fn ascii_mode_draws_boxes_and_markers_in_ascii() {
    let mut t = terminal(Colors::Off, true);
    lines(&mut t, &["┌─┐ • ▶ …", "│x│ ≡ › ⋯"]);
    let out = take(&mut t);
    // The Library's pending mark is not the ~ of an approval the text changed since.
    assert!(out.contains("+-+ * > ~") && out.contains("|x| = > :"), "{out:?}");
    assert!(out.is_ascii(), "{out:?}");
}

#[test]
fn a_long_run_of_blanks_inside_a_row_is_erased_not_written() {
    let mut t = terminal(Colors::Off, false);
    lines(&mut t, &["abcdefghijklmnopqrs"]);
    take(&mut t);
    lines(&mut t, &["a                 s"]);
    let out = take(&mut t);
    assert_eq!(out, "\x1b[1;2H\x1b[17X", "erased; the s after the blanks was already there");
}

/// What a terminal shows after `bytes`: each row's text as vt100 reads its cells.
fn screen(bytes: &[u8], w: u16, h: u16) -> vt100::Parser {
    let n = |v: u16| std::num::NonZeroU16::new(v.max(1)).unwrap_or(std::num::NonZeroU16::MIN);
    let mut p = vt100::Parser::new(n(h), n(w), 0);
    p.process(bytes);
    p
}

fn shown(p: &vt100::Parser, y: u16) -> String {
    let (_, w) = p.screen().size();
    (0..w.get())
        .map(|x| {
            p.screen().cell(y, x).map_or(String::new(), |c| {
                if c.has_contents() {
                    c.contents().to_string()
                } else if c.is_wide_continuation() {
                    String::new()
                } else {
                    " ".into()
                }
            })
        })
        .collect()
}

#[test]
fn a_grapheme_longer_than_eight_bytes_that_changed_is_written_again() {
    // "👩‍⚕️" and "👩‍⚖️" share their first eight bytes.
    let mut t = terminal(Colors::Off, false);
    lines(&mut t, &["a 👩\u{200d}⚕\u{fe0f} b"]);
    take(&mut t);
    lines(&mut t, &["a 👩\u{200d}⚖\u{fe0f} b"]);
    let out = take(&mut t);
    assert!(out.contains("👩\u{200d}⚖\u{fe0f}"), "the changed emoji is written: {out:?}");
}

#[test]
fn halfwidth_katakana_with_a_sound_mark_leaves_nothing_behind_when_it_goes() {
    // Ratatui gives "ｶﾞ" three columns (the mark counts as one); a terminal draws ｶ and ﾞ
    // in one column each. When only its first cell changes, the cells it covered must be
    // written too, as ratatui's own diff does.
    let mut t = terminal(Colors::Off, false);
    let mut all = Vec::new();
    for row in ["ｶﾞ!", "ｶﾞ?", "a  ?"] {
        lines(&mut t, &[row]);
        all.extend(take(&mut t).into_bytes());
    }
    let p = screen(&all, 20, 6);
    assert_eq!(shown(&p, 0).trim_end(), "a  ?", "no stray sound mark: {:?}", String::from_utf8_lossy(&all));
}

#[test]
fn a_terminal_larger_than_the_largest_screen_is_drawn_in_its_top_left_part_with_a_line_saying_so() {
    for (w, h) in [(1, 65535), (100, 65535), (65535, 3)] {
        let mut t = Terminal::new(Ansi::sized(Vec::new(), Colors::Off, false, Size::new(w, h))).expect("t");
        draw_frame(&mut t, |f| {
            let area = f.area();
            assert_eq!(area.as_size(), Size::new(w.min(MAX_SIZE.width), h.min(MAX_SIZE.height)));
            f.buffer_mut().set_string(0, area.bottom() - 1, "sidst", Style::new());
        })
        .expect("draw");
        let out = take(&mut t);
        let said = if h > MAX_SIZE.height {
            format!("\x1b[{};1H", MAX_SIZE.height + 1)
        } else {
            format!("\x1b[1;{}H", MAX_SIZE.width + 2)
        };
        assert!(out.contains(&said), "{w}×{h}: the line is placed outside the part drawn: {out:?}");
        let room = if h > MAX_SIZE.height { w } else { w - MAX_SIZE.width - 1 };
        let message = crate::layout::truncate(
            &crate::strings::screen_too_large(MAX_SIZE.width, MAX_SIZE.height),
            usize::from(room),
        );
        assert!(out.contains(&message), "{w}×{h}: {out:?}");
        assert!(out.len() < 40_000, "{w}×{h}: {} bytes", out.len());
    }
}
