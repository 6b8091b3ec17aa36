//! Arbitrary bytes as a sequence of frames (text of wide, combining and emoji clusters in
//! any style, anywhere, up to the last column; resizes; `forget()`), drawn through the
//! backend into vt100: after every frame, each cell and attribute must equal what a fresh
//! backend draws of the same frame on a fresh terminal.
//!
//! `cargo +nightly fuzz run backend_frames` (from the repository's root).

#![no_main]

use artikel::backend::{Ansi, Colors, draw_frame};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use ratatui::style::{Color, Modifier, Style};
use std::num::NonZeroU16;

const GRAPHEMES: &[&str] = &[
    "a",
    " ",
    "æ",
    "─",
    "日",
    "👍",
    "e\u{301}",
    "👩\u{200d}⚕\u{fe0f}",
    "👩\u{200d}⚖\u{fe0f}",
    "❤\u{fe0f}",
    "ｶﾞ",
    "क्षि",
    "🇩🇰",
    "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}",
];
const COLOURS: &[Color] =
    &[Color::Reset, Color::Red, Color::DarkGray, Color::Indexed(200), Color::Rgb(1, 2, 3)];
const MODIFIERS: &[Modifier] = &[
    Modifier::empty(),
    Modifier::BOLD,
    Modifier::DIM,
    Modifier::ITALIC,
    Modifier::UNDERLINED,
    Modifier::REVERSED,
];

/// What a fresh terminal of `size` shows after `bytes`, cell by cell with attributes.
fn cells(size: Size, bytes: &[u8], before: Option<&mut vt100::Parser>) -> Vec<String> {
    let n = |v: u16| NonZeroU16::new(v).unwrap_or(NonZeroU16::MIN);
    let mut fresh = vt100::Parser::new(n(size.height), n(size.width), 0);
    let p = before.unwrap_or(&mut fresh);
    p.process(bytes);
    let s = p.screen();
    let (rows, cols) = s.size();
    let mut out = Vec::new();
    for y in 0..rows.get() {
        for x in 0..cols.get() {
            let c = s.cell(y, x).expect("inside the screen");
            let text = if c.has_contents() || c.is_wide_continuation() { c.contents() } else { " " };
            out.push(format!(
                "{text}|{:?}{:?}{}{}{}{}{}",
                c.fgcolor(),
                c.bgcolor(),
                c.bold(),
                c.dim(),
                c.italic(),
                c.underline(),
                c.inverse()
            ));
        }
    }
    out
}

fn paint(buf: &mut Buffer, ops: &[u8]) {
    let area = buf.area;
    for op in ops.chunks(4) {
        let [y, x, g, s] = [0, 1, 2, 3].map(|i| op.get(i).copied().unwrap_or(0));
        let (y, x) = (u16::from(y) % area.height, u16::from(x) % area.width);
        let text: String =
            (0..1 + g / 64).map(|k| GRAPHEMES[usize::from(g.wrapping_add(k)) % GRAPHEMES.len()]).collect();
        let style = Style::new()
            .fg(COLOURS[usize::from(s) % COLOURS.len()])
            .bg(COLOURS[usize::from(s / 8) % COLOURS.len()])
            .add_modifier(MODIFIERS[usize::from(s / 64) % MODIFIERS.len()]);
        if s % 7 == 0 {
            // Straight into a cell, as no widget would: a cluster in the last column.
            buf[(area.width - 1, y)].set_symbol(GRAPHEMES[usize::from(g) % GRAPHEMES.len()]).set_style(style);
        } else {
            buf.set_stringn(x, y, &text, usize::from(area.width - x), style);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else { return };
    let colors = if mode & 1 == 0 { Colors::On } else { Colors::Off };
    let ascii = mode & 2 != 0;
    let mut size = Size::new(u16::from(mode >> 4) % 12 + 1, u16::from(mode >> 2) % 6 + 1);
    let Ok(mut terminal) = Terminal::new(Ansi::sized(Vec::new(), colors, ascii, size)) else { return };
    let n = |v: u16| NonZeroU16::new(v).unwrap_or(NonZeroU16::MIN);
    let mut screen = vt100::Parser::new(n(size.height), n(size.width), 0);
    // Frames are separated by 0xff; a frame starting with 0xfe resizes, with 0xfd forgets.
    for frame in data.split(|&b| b == 0xff) {
        match frame.first() {
            Some(0xfe) => {
                size = Size::new(
                    u16::from(frame.get(1).copied().unwrap_or(0)) % 12 + 1,
                    u16::from(frame.get(2).copied().unwrap_or(0)) % 6 + 1,
                );
                terminal.backend_mut().set_size(size);
                screen.set_size(n(size.height), n(size.width));
            }
            Some(0xfd) => {
                terminal.backend_mut().forget();
                screen.process(b"\x1b[0m\x1b[H\x1b[2Jjunk");
            }
            _ => {}
        }
        let mut drawn = Buffer::empty(ratatui::layout::Rect::new(0, 0, size.width, size.height));
        if draw_frame(&mut terminal, |f| {
            paint(f.buffer_mut(), frame);
            drawn = f.buffer_mut().clone();
        })
        .is_err()
        {
            return;
        }
        let out = std::mem::take(terminal.backend_mut().writer_mut());
        let got = cells(size, &out, Some(&mut screen));
        let Ok(mut scratch) = Terminal::new(Ansi::sized(Vec::new(), colors, ascii, size)) else { return };
        if draw_frame(&mut scratch, |f| *f.buffer_mut() = drawn.clone()).is_err() {
            return;
        }
        let want = cells(size, scratch.backend_mut().writer_mut(), None);
        assert_eq!(got, want, "frame {frame:?}");
    }
});
