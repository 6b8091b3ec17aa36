//! The backend proved against a terminal: generated sequences of frames (wide, combining,
//! emoji, styled, hyperlinked, scrolled, resized, `forget()`, the last column) go through one
//! backend into vt100, and after every frame each cell, attribute and hyperlink must equal
//! what a fresh backend draws of that frame on a fresh terminal.

use super::hyperlink::Hyperlink;
use super::{Ansi, Colors};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier, Style};
use std::num::NonZeroU16;

/// Graphemes that terminals and ratatui measure alike, and some they do not.
const GRAPHEMES: &[&str] = &[
    "a",
    "b",
    " ",
    "æ",
    "Ø",
    "─",
    "│",
    "•",
    "日",
    "語",
    "👍",
    "e\u{301}",
    "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}",
    "👩\u{200d}⚕\u{fe0f}",
    "👩\u{200d}⚖\u{fe0f}",
    "👩\u{200d}👩\u{200d}👧",
    "❤\u{fe0f}",
    "ｶﾞ",
    "ﾊﾟ",
    "क्षि",
    "🇩🇰",
];

fn style() -> impl Strategy<Value = Style> {
    let colour = prop_oneof![
        4 => Just(Color::Reset),
        1 => Just(Color::Red),
        1 => Just(Color::Cyan),
        1 => Just(Color::DarkGray),
        1 => Just(Color::Indexed(200)),
        1 => Just(Color::Rgb(1, 2, 3)),
    ];
    let modifier = prop_oneof![
        4 => Just(Modifier::empty()),
        1 => Just(Modifier::BOLD),
        1 => Just(Modifier::DIM),
        1 => Just(Modifier::ITALIC),
        1 => Just(Modifier::UNDERLINED),
        1 => Just(Modifier::REVERSED),
        1 => Just(Modifier::BOLD | Modifier::REVERSED),
    ];
    (colour.clone(), colour, modifier).prop_map(|(fg, bg, m)| Style::new().fg(fg).bg(bg).add_modifier(m))
}

/// The addresses runs link to (one refused: it is never sent).
const URLS: &[&str] = &["https://a.dk", "https://b.dk/æ", "mailto:x@y.dk", "javascript:x"];

/// A run of text in one style, as a widget would set it, maybe a hyperlink.
fn run() -> impl Strategy<Value = (String, Style, Option<usize>)> {
    let link = prop_oneof![3 => Just(None), 2 => (0..URLS.len()).prop_map(Some)];
    (proptest::collection::vec(proptest::sample::select(GRAPHEMES), 1..12), style(), link)
        .prop_map(|(g, s, l)| (g.concat(), s, l))
}

/// What a row shows: runs one after another, from a column.
#[derive(Debug, Clone)]
struct Row {
    from: u16,
    runs: Vec<(String, Style, Option<usize>)>,
}

fn row() -> impl Strategy<Value = Row> {
    (0u16..6, proptest::collection::vec(run(), 0..4)).prop_map(|(from, runs)| Row { from, runs })
}

#[derive(Debug, Clone)]
enum Step {
    /// A new frame of these rows (the rest blank).
    Frame(Vec<Row>),
    /// The last frame's rows `top..bottom`, moved up (or down) by `by`, with new rows in.
    Scroll { top: u16, bottom: u16, by: u16, up: bool, fresh: Vec<Row> },
    /// The terminal is now this size.
    Resize(u16, u16),
    /// The screen was disturbed: the backend forgets it (and the terminal is cleared).
    Forget,
    /// A wide or many-character cluster set straight into the last column.
    LastColumn(&'static str, u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => proptest::collection::vec(row(), 0..8).prop_map(Step::Frame),
        4 => (0u16..8, 0u16..8, 1u16..4, any::<bool>(), proptest::collection::vec(row(), 0..4))
            .prop_map(|(top, bottom, by, up, fresh)| Step::Scroll { top, bottom, by, up, fresh }),
        1 => (1u16..14, 1u16..9).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => Just(Step::Forget),
        1 => (proptest::sample::select(GRAPHEMES), 0u16..8).prop_map(|(g, y)| Step::LastColumn(g, y)),
    ]
}

/// Paints `rows` into `buf`; returns the hyperlinks of the runs that have one.
fn paint(buf: &mut Buffer, rows: &[Row]) -> Vec<Hyperlink> {
    let area = buf.area;
    let mut links = Vec::new();
    for (y, row) in (0..area.height).zip(rows) {
        let mut x = row.from.min(area.width);
        for (text, style, link) in &row.runs {
            let room = usize::from(area.width - x);
            let end = buf.set_stringn(x, y, text, room, *style).0;
            if let Some(i) = link {
                links.push(Hyperlink { x, y, width: end - x, url: URLS[*i].to_string() });
            }
            x = end;
        }
    }
    links
}

/// What a terminal that keeps hyperlinks per cell shows of them: the output with its SGR
/// dropped and each hyperlink turned into a foreground colour (its number), for a second
/// vt100 to keep per cell as a terminal keeps the link.
fn links_as_colours(out: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(out);
    let mut rest: &str = &text;
    let mut shown = String::new();
    while let Some(at) = rest.find('\x1b') {
        shown.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("\x1b]8;;") {
            let end = after.find("\x1b\\").unwrap_or(after.len());
            let url = &after[..end];
            match URLS.iter().position(|u| super::hyperlink::safe_url(u).as_deref() == Some(url)) {
                Some(n) => shown.push_str(&format!("\x1b[38;5;{}m", n + 1)),
                None if url.is_empty() => shown.push_str("\x1b[39m"),
                None => shown.push_str("\x1b[38;5;200m"),
            }
            rest = after.get(end + 2..).unwrap_or("");
            continue;
        }
        // An SGR sequence is dropped; any other sequence kept.
        let sgr = rest.strip_prefix("\x1b[").and_then(|r| {
            let n = r.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
            r[n..].starts_with('m').then_some(n + 3)
        });
        match sgr {
            Some(n) => rest = &rest[n..],
            None => {
                shown.push('\x1b');
                rest = &rest[1..];
            }
        }
    }
    shown.push_str(rest);
    shown.into_bytes()
}

/// Each cell's hyperlink (as a colour number), row by row.
fn link_cells(p: &vt100::Parser) -> Vec<String> {
    let screen = p.screen();
    let (rows, cols) = screen.size();
    (0..rows.get())
        .map(|y| {
            (0..cols.get())
                .map(|x| screen.cell(y, x).map_or("?".into(), |c| format!("{:?} ", c.fgcolor())))
                .collect()
        })
        .collect()
}

fn terminal(size: Size) -> vt100::Parser {
    let n = |v: u16| NonZeroU16::new(v).unwrap_or(NonZeroU16::MIN);
    vt100::Parser::new(n(size.height), n(size.width), 0)
}

/// Every cell of two terminals, with its attributes, row by row.
fn cells(p: &vt100::Parser) -> Vec<String> {
    let screen = p.screen();
    let (rows, cols) = screen.size();
    (0..rows.get())
        .map(|y| {
            (0..cols.get())
                .map(|x| match screen.cell(y, x) {
                    Some(c) => format!(
                        "[{}|{:?}{:?}{}{}{}{}{}]",
                        // A blank written and a blank erased look the same.
                        if c.has_contents() || c.is_wide_continuation() { c.contents() } else { " " },
                        c.fgcolor(),
                        c.bgcolor(),
                        u8::from(c.bold()),
                        u8::from(c.dim()),
                        u8::from(c.italic()),
                        u8::from(c.underline()),
                        u8::from(c.inverse()),
                    ),
                    None => "[?]".into(),
                })
                .collect()
        })
        .collect()
}

/// Draws `frame` with `links` with a fresh backend on a fresh terminal; and the hyperlinks
/// of its cells on another.
fn from_scratch(frame: &Buffer, links: &[Hyperlink], colors: Colors, ascii: bool) -> [vt100::Parser; 2] {
    let size = frame.area.as_size();
    let mut backend = Ansi::sized(Vec::new(), colors, ascii, size);
    let (mut term, mut linked) = (terminal(size), terminal(size));
    backend.set_hyperlinks(links);
    if backend.present_frame(frame.clone()).is_ok() {
        term.process(&backend.out);
        linked.process(&links_as_colours(&backend.out));
    }
    [term, linked]
}

fn blank_row() -> Row {
    Row { from: 0, runs: Vec::new() }
}

/// Moves `rows[top..bottom]` by `by`, up or down, bringing in `fresh` rows.
fn shift(rows: &mut Vec<Row>, h: usize, (top, bottom, by, up): (u16, u16, u16, bool), fresh: Vec<Row>) {
    rows.resize(h, blank_row());
    let (top, bottom) = (usize::from(top).min(h), usize::from(bottom).min(h));
    if top >= bottom {
        return;
    }
    let band = &mut rows[top..bottom];
    let by = usize::from(by).min(band.len());
    let mut fresh = fresh.into_iter();
    let len = band.len();
    let new = if up {
        band.rotate_left(by);
        len - by..len
    } else {
        band.rotate_right(by);
        0..by
    };
    band[new].iter_mut().for_each(|r| *r = fresh.next().unwrap_or_else(blank_row));
}

fn check(steps: Vec<Step>, start: Size, colors: Colors, ascii: bool) -> Result<(), TestCaseError> {
    let nz = |v: u16| NonZeroU16::new(v).unwrap_or(NonZeroU16::MIN);
    let mut backend = Ansi::sized(Vec::new(), colors, ascii, start);
    let (mut term, mut linked) = (terminal(start), terminal(start));
    let mut rows: Vec<Row> = Vec::new();
    let mut area = Rect::new(0, 0, start.width, start.height);
    for (n, step) in steps.into_iter().enumerate() {
        let mut edge = None;
        match step {
            Step::Frame(new) => rows = new,
            Step::Scroll { top, bottom, by, up, fresh } => {
                shift(&mut rows, usize::from(area.height), (top, bottom, by, up), fresh)
            }
            Step::Resize(w, h) => {
                area = Rect::new(0, 0, w, h);
                term.set_size(nz(h), nz(w));
                linked.set_size(nz(h), nz(w));
            }
            Step::Forget => {
                backend.forget();
                // Something else drew there: the terminal shows what the backend does not know.
                term.process(b"\x1b[0m\x1b[H\x1b[2Jstale junk\x1b[3;2H\x1b[7mmore\x1b[0m");
                linked.process(b"\x1b[0m\x1b[H\x1b[2Jstale \x1b[38;5;9mjunk\x1b[0m");
            }
            Step::LastColumn(g, y) => edge = Some((g, y)),
        }
        let mut frame = Buffer::empty(area);
        let links = paint(&mut frame, &rows);
        if let Some((g, y)) = edge.filter(|&(_, y)| y < area.height) {
            frame[(area.width - 1, y)].set_symbol(g);
        }
        backend.out.clear();
        backend.set_hyperlinks(&links);
        backend.present_frame(frame.clone()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        term.process(&backend.out);
        linked.process(&links_as_colours(&backend.out));
        let [want, want_links] = from_scratch(&frame, &links, colors, ascii);
        for (y, (got, want)) in cells(&term).iter().zip(&cells(&want)).enumerate() {
            prop_assert_eq!(got, want, "step {}, row {}", n, y);
        }
        for (y, (got, want)) in link_cells(&linked).iter().zip(&link_cells(&want_links)).enumerate() {
            prop_assert_eq!(got, want, "hyperlinks: step {}, row {}", n, y);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_frame_shows_what_a_fresh_drawing_of_it_shows(
        steps in proptest::collection::vec(step(), 1..10),
        (w, h) in (1u16..14, 1u16..9),
        colors in prop_oneof![Just(Colors::On), Just(Colors::Off)],
        ascii in any::<bool>(),
    ) {
        check(steps, Size::new(w, h), colors, ascii)?;
    }
}
