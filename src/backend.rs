//! The terminal backend: ANSI output that costs few bytes on a slow link.
//!
//! It keeps a mirror of what the terminal shows and, for each frame, writes only what
//! differs, in the cheapest form it knows:
//! - a band of full-width rows that moved up or down (scrolling with the sidebar hidden) is
//!   moved by the terminal itself (a scroll region and a line delete or insert), so only the
//!   lines that came into view are written;
//! - unchanged cells between two changes on a row are written again when that is shorter
//!   than a cursor move;
//! - colours are the classic 16-colour SGR codes (`36`, not `38;5;6`), or none at all;
//!   style changes add what is new and reset only when something must be turned off;
//! - with `ascii`, box drawing and markers are drawn with ASCII characters.
//!
//! It never asks the terminal anything: sizes come from the kernel, the cursor position is
//! tracked, not queried.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// How much colour to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colors {
    /// None: every distinction is made with bold, reverse video, underline and markers.
    Off,
    /// The 16 ANSI colours (and what else the program asks for, as is).
    On,
}

/// What the terminal's pen is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen { fg: Color::Reset, bg: Color::Reset, modifier: Modifier::empty() };

/// Unchanged cells between two changes are rewritten when there are at most this many
/// (a cursor move costs about as many bytes).
const GAP: u16 = 6;

/// A [`Backend`] writing ANSI sequences to `W`.
pub struct Ansi<W: Write> {
    out: W,
    /// What the terminal shows.
    mirror: Buffer,
    /// The next frame, being put together (kept to reuse its memory).
    next: Buffer,
    /// The row hashes of `mirror`.
    hashes: Hashes,
    pen: Pen,
    /// Where the cursor is, if known.
    cursor: Option<Position>,
    cursor_visible: Option<bool>,
    colors: Colors,
    ascii: bool,
    /// The size to report when the kernel cannot tell (tests); `None` asks the kernel.
    fixed_size: Option<Size>,
}

impl<W: Write> Ansi<W> {
    /// A backend writing to `out`, sized by the terminal.
    pub fn new(out: W, colors: Colors, ascii: bool) -> Ansi<W> {
        let size = crossterm::terminal::size().map(|(w, h)| Size::new(w, h)).unwrap_or(Size::new(80, 24));
        Ansi::with_size(out, colors, ascii, size, None)
    }

    /// A backend of a fixed size (for tests and benchmarks).
    pub fn sized(out: W, colors: Colors, ascii: bool, size: Size) -> Ansi<W> {
        Ansi::with_size(out, colors, ascii, size, Some(size))
    }

    fn with_size(out: W, colors: Colors, ascii: bool, size: Size, fixed_size: Option<Size>) -> Ansi<W> {
        Ansi {
            out,
            mirror: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            next: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            hashes: Hashes::default(),
            pen: PLAIN,
            cursor: None,
            cursor_visible: None,
            colors,
            ascii,
            fixed_size,
        }
    }

    /// The writer.
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Makes the next frame write every cell (after the screen was disturbed, e.g. by a
    /// suspend).
    pub fn forget(&mut self) {
        self.mirror.reset();
        self.mirror.content.iter_mut().for_each(|c| {
            c.set_symbol("\u{0}");
        });
        self.pen = PLAIN;
        self.cursor = None;
        self.cursor_visible = None;
        self.hashes = Hashes::default();
    }

    fn present(&mut self, next: &Buffer) -> io::Result<()> {
        let new = Hashes::of(next);
        if self.hashes.full.len() != new.full.len() {
            self.hashes = Hashes::of(&self.mirror);
        }
        let changed_rows = new.full.iter().zip(&self.hashes.full).filter(|(a, b)| a != b).count();
        if changed_rows >= 3
            && let Some(scroll) = find_scroll(&self.mirror, next, &self.hashes, &new)
        {
            self.scroll(scroll)?;
            // The hashes move with the rows; the rows scrolled in are blank.
            let band = &mut self.hashes.full[usize::from(scroll.top)..usize::from(scroll.bottom)];
            let blank = row_hashes(&Buffer::empty(Rect::new(0, 0, width_of(next), 1)), 0)[0];
            let by = usize::from(scroll.by);
            if scroll.up {
                band.rotate_left(by);
                let n = band.len();
                band[n - by..].fill(blank);
            } else {
                band.rotate_right(by);
                band[..by].fill(blank);
            }
        }
        let width = next.area.width;
        for y in 0..next.area.height {
            // Rows are told apart by 64-bit hashes: a row is written when its hash changed.
            if new.full[usize::from(y)] == self.hashes.full[usize::from(y)] {
                continue;
            }
            let start = usize::from(y) * usize::from(width);
            let changed: Vec<u16> = (0..width)
                .filter(|&x| {
                    next.content[start + usize::from(x)] != self.mirror.content[start + usize::from(x)]
                })
                .collect();
            // Blank cells to the end of the row are erased (EL) rather than written.
            let blank = Cell::default();
            let tail = (0..width).rev().take_while(|&x| next.content[start + usize::from(x)] == blank).last();
            for (from, to) in runs(&changed) {
                match tail {
                    Some(t) if to >= t && t.saturating_sub(from) < to - from + 1 => {
                        if t > from {
                            self.write_run(next, y, from, t - 1)?;
                        } else {
                            self.move_to(from.max(t), y)?;
                        }
                        self.set_pen(&blank)?;
                        self.out.write_all(b"\x1b[K")?;
                    }
                    _ => self.write_run(next, y, from, to)?,
                }
            }
        }
        self.hashes = new;
        Ok(())
    }

    /// Writes cells `from..=to` of row `y`, widening to whole wide characters.
    fn write_run(&mut self, next: &Buffer, y: u16, from: u16, to: u16) -> io::Result<()> {
        let mut x = from;
        // Start at the head of a wide character whose tail changed.
        while x > 0 && next[(x - 1, y)].symbol().width() > 1 {
            x -= 1;
        }
        self.move_to(x, y)?;
        while x <= to && x < next.area.width {
            let cell = &next[(x, y)];
            self.set_pen(cell)?;
            let symbol = self.glyph(cell.symbol());
            let w = if symbol.len() == 1 { 1 } else { u16::try_from(symbol.width()).unwrap_or(1).max(1) };
            self.out.write_all(symbol.as_bytes())?;
            x += w;
            self.cursor = Some(Position::new(x, y));
        }
        Ok(())
    }

    fn glyph<'a>(&self, symbol: &'a str) -> &'a str {
        let symbol = if symbol.is_empty() || symbol == "\u{0}" { " " } else { symbol };
        if self.ascii { ascii(symbol) } else { symbol }
    }

    fn move_to(&mut self, x: u16, y: u16) -> io::Result<()> {
        if self.cursor == Some(Position::new(x, y)) {
            return Ok(());
        }
        match self.cursor {
            Some(c) if c.y == y && x > c.x && x - c.x <= 3 => write!(self.out, "\x1b[{}C", x - c.x)?,
            _ if x == 0 => write!(self.out, "\x1b[{}H", y + 1)?,
            _ => write!(self.out, "\x1b[{};{}H", y + 1, x + 1)?,
        }
        self.cursor = Some(Position::new(x, y));
        Ok(())
    }

    fn set_pen(&mut self, cell: &Cell) -> io::Result<()> {
        let (fg, bg) = match self.colors {
            Colors::On => (cell.fg, cell.bg),
            Colors::Off => (Color::Reset, Color::Reset),
        };
        let want = Pen { fg, bg, modifier: cell.modifier };
        if want == self.pen {
            return Ok(());
        }
        let mut codes: Vec<String> = Vec::new();
        // Attributes can only be turned off all together; colours one by one (39, 49).
        let removed = !self.pen.modifier.difference(want.modifier).is_empty();
        let from = if removed {
            codes.push("0".into());
            PLAIN
        } else {
            self.pen
        };
        for (flag, code) in MODIFIER_CODES {
            if want.modifier.contains(*flag) && !from.modifier.contains(*flag) {
                codes.push(code.to_string());
            }
        }
        if want.fg != from.fg {
            codes.push(colour_code(want.fg, false));
        }
        if want.bg != from.bg {
            codes.push(colour_code(want.bg, true));
        }
        write!(self.out, "\x1b[{}m", codes.join(";"))?;
        self.pen = want;
        Ok(())
    }

    /// Moves a band of rows with the terminal's own scrolling, and the mirror with it.
    fn scroll(&mut self, s: Scroll) -> io::Result<()> {
        if self.pen.bg != Color::Reset {
            // Lines scrolled in take the pen's background; keep them plain.
            write!(self.out, "\x1b[0m")?;
            self.pen = PLAIN;
        }
        let (top, bottom) = (s.top + 1, s.bottom);
        if s.up {
            write!(self.out, "\x1b[{top};{bottom}r\x1b[{top};1H\x1b[{}M\x1b[r", s.by)?;
        } else {
            write!(self.out, "\x1b[{top};{bottom}r\x1b[{top};1H\x1b[{}L\x1b[r", s.by)?;
        }
        self.cursor = None;
        let w = usize::from(self.mirror.area.width);
        let band = &mut self.mirror.content[usize::from(s.top) * w..usize::from(s.bottom) * w];
        let by = usize::from(s.by) * w;
        if s.up {
            band.rotate_left(by);
            let n = band.len();
            band[n - by..].iter_mut().for_each(Cell::reset);
        } else {
            band.rotate_right(by);
            band[..by].iter_mut().for_each(Cell::reset);
        }
        Ok(())
    }
}

const MODIFIER_CODES: &[(Modifier, &str)] = &[
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// The SGR code for a colour: the classic codes for the 16 named ones.
fn colour_code(c: Color, background: bool) -> String {
    let base = match c {
        Color::Reset => return (if background { "49" } else { "39" }).to_string(),
        Color::Black => 30,
        Color::Red => 31,
        Color::Green => 32,
        Color::Yellow => 33,
        Color::Blue => 34,
        Color::Magenta => 35,
        Color::Cyan => 36,
        Color::Gray => 37,
        Color::DarkGray => 90,
        Color::LightRed => 91,
        Color::LightGreen => 92,
        Color::LightYellow => 93,
        Color::LightBlue => 94,
        Color::LightMagenta => 95,
        Color::LightCyan => 96,
        Color::White => 97,
        Color::Indexed(n) => return format!("{};5;{n}", if background { 48 } else { 38 }),
        Color::Rgb(r, g, b) => return format!("{};2;{r};{g};{b}", if background { 48 } else { 38 }),
    };
    (base + if background { 10 } else { 0 }).to_string()
}

fn width_of(buf: &Buffer) -> u16 {
    buf.area.width
}

/// An ASCII stand-in of the same width for the box drawing and markers the reader uses.
fn ascii(symbol: &str) -> &str {
    match symbol {
        "─" | "━" | "╌" | "═" => "-",
        "│" | "┃" | "║" => "|",
        "┌" | "┐" | "└" | "┘" | "┼" | "├" | "┤" | "┬" | "┴" | "╭" | "╮" | "╰" | "╯" => {
            "+"
        }
        "•" | "◦" => "*",
        "▶" | "›" | "→" => ">",
        "≡" => "=",
        "…" => "~",
        "·" => "-",
        "⚠" => "!",
        "✎" => "#",
        "★" => "*",
        "✓" => "+",
        "↑" => "^",
        "↓" => "v",
        s => s,
    }
}

/// A band of rows that moved: rows `top..bottom` scroll `by` lines, up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Scroll {
    top: u16,
    bottom: u16,
    by: u16,
    up: bool,
}

/// A number for a colour, for hashing.
fn colour_bits(c: Color) -> u64 {
    match c {
        Color::Reset => 0,
        Color::Indexed(n) => 0x100 | u64::from(n),
        Color::Rgb(r, g, b) => 0x0100_0000 | u64::from(r) << 16 | u64::from(g) << 8 | u64::from(b),
        Color::Black => 1,
        Color::Red => 2,
        Color::Green => 3,
        Color::Yellow => 4,
        Color::Blue => 5,
        Color::Magenta => 6,
        Color::Cyan => 7,
        Color::Gray => 8,
        Color::DarkGray => 9,
        Color::LightRed => 10,
        Color::LightGreen => 11,
        Color::LightYellow => 12,
        Color::LightBlue => 13,
        Color::LightMagenta => 14,
        Color::LightCyan => 15,
        Color::White => 16,
    }
}

/// A hash of each row's cells in columns `from..`, so rows of two frames can be matched
/// quickly. (Not for anything adversarial: a collision costs a few bytes, never a wrong
/// screen, because [`cost`] and the writing compare cells themselves.)
fn row_hashes(buf: &Buffer, from: usize) -> Vec<u64> {
    let w = usize::from(buf.area.width).max(1);
    let mix = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    buf.content
        .chunks(w)
        .map(|row| {
            row[from.min(row.len())..].iter().fold(0, |h, cell| {
                let mut word = [0u8; 8];
                let symbol = cell.symbol().as_bytes();
                let n = symbol.len().min(8);
                word[..n].copy_from_slice(&symbol[..n]);
                let style =
                    colour_bits(cell.fg) << 32 ^ colour_bits(cell.bg) << 8 ^ u64::from(cell.modifier.bits());
                mix(mix(h, u64::from_le_bytes(word)), style)
            })
        })
        .collect()
}

/// Row hashes of a frame.
#[derive(Debug, Default)]
struct Hashes {
    full: Vec<u64>,
}

impl Hashes {
    fn of(buf: &Buffer) -> Hashes {
        Hashes { full: row_hashes(buf, 0) }
    }
}

/// Where the right part of a row starts (where the reader is when the sidebar shows).
fn right_part(width: u16) -> usize {
    let w = usize::from(width);
    if w >= 30 { w * 2 / 5 } else { 0 }
}

/// About what writing a frame costs: each changed cell, and a cursor move per changed row.
/// `old_row(r)` is the row the terminal shows at `r` (`None`: blank).
/// `old_row(r)` is the row the terminal shows at `r` and its hash (`None`: blank).
fn cost<'a>(
    new: &'a Buffer,
    new_hashes: &[u64],
    old_row: impl Fn(usize) -> Option<(&'a [Cell], u64)>,
) -> usize {
    let w = usize::from(new.area.width);
    let blank = Cell::default();
    new.content
        .chunks(w.max(1))
        .enumerate()
        .map(|(r, row)| {
            let changed = match old_row(r) {
                Some((_, hash)) if hash == new_hashes[r] => 0,
                Some((old, _)) => row.iter().zip(old).filter(|(a, b)| a != b).count(),
                None => row.iter().filter(|c| **c != blank).count(),
            };
            if changed == 0 { 0 } else { changed + 8 }
        })
        .sum()
}

/// The scroll that makes `old` most like `new`, if it saves more than it costs: a band of
/// rows that reappears shifted by the same amount. Rows are compared whole, and by their
/// right part (the reader beside the sidebar): when only that part moved, scrolling the
/// whole rows and writing the sidebar again can still be cheaper than writing the text.
fn find_scroll(old: &Buffer, new: &Buffer, old_hashes: &Hashes, new_hashes: &Hashes) -> Option<Scroll> {
    if old.area != new.area || new.area.height < 4 {
        return None;
    }
    let w = usize::from(new.area.width);
    let h = usize::from(new.area.height);
    let (a, b) = (row_hashes(old, right_part(old.area.width)), row_hashes(new, right_part(new.area.width)));
    let row = |r: usize| -> (&[Cell], u64) { (&old.content[r * w..(r + 1) * w], old_hashes.full[r]) };
    let baseline = cost(new, &new_hashes.full, |r| Some(row(r)));
    let mut best: Option<(usize, Scroll)> = None;
    for by in 1..h {
        for up in [true, false] {
            let shows =
                |r: usize| if up { r + by < h && b[r] == a[r + by] } else { r >= by && b[r] == a[r - by] };
            let mut r = 0;
            while r < h {
                if !shows(r) || a[r] == b[r] {
                    r += 1;
                    continue;
                }
                let start = r;
                while r < h && shows(r) {
                    r += 1;
                }
                if r - start < 3 {
                    continue;
                }
                let (top, bottom) = if up { (start, r + by) } else { (start - by, r) };
                let s = Scroll { top: top as u16, bottom: bottom as u16, by: by as u16, up };
                // The rows the terminal shows after the scroll.
                let after = |q: usize| -> Option<(&[Cell], u64)> {
                    if q < top || q >= bottom {
                        return Some(row(q));
                    }
                    let source = if up { q + by } else { q.checked_sub(by)? };
                    (source >= top && source < bottom).then(|| row(source))
                };
                let total = cost(new, &new_hashes.full, after) + 24;
                if total < baseline && best.is_none_or(|(c, _)| total < c) {
                    best = Some((total, s));
                }
            }
        }
    }
    best.map(|(_, s)| s)
}

/// The changed columns of a row grouped into runs to write, joining runs whose gap is
/// cheaper to write than to jump over.
fn runs(changed: &[u16]) -> Vec<(u16, u16)> {
    let mut out: Vec<(u16, u16)> = Vec::new();
    for &x in changed {
        match out.last_mut() {
            Some((_, end)) if x <= *end + GAP + 1 => *end = x,
            _ => out.push((x, x)),
        }
    }
    out
}

impl<W: Write> Backend for Ansi<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut next = std::mem::take(&mut self.next);
        next.area = self.mirror.area;
        next.content.clone_from(&self.mirror.content);
        let area = next.area;
        for (x, y, cell) in content {
            if x < area.width && y < area.height {
                next[(x, y)] = cell.clone();
            }
        }
        let written = self.present(&next);
        // What was drawn is now what the terminal shows; the old mirror is the next scratch.
        self.next = std::mem::replace(&mut self.mirror, next);
        written
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            self.out.write_all(b"\x1b[?25l")?;
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            self.out.write_all(b"\x1b[?25h")?;
            self.cursor_visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.cursor = None;
        self.move_to(p.x, p.y)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if self.pen != PLAIN {
            self.out.write_all(b"\x1b[0m")?;
            self.pen = PLAIN;
        }
        match clear_type {
            ClearType::All => {
                let size = self.size()?;
                self.out.write_all(b"\x1b[H\x1b[2J")?;
                self.cursor = Some(Position::new(0, 0));
                self.mirror = Buffer::empty(Rect::new(0, 0, size.width, size.height));
                self.hashes = Hashes::default();
            }
            other => {
                let code = match other {
                    ClearType::AfterCursor => "\x1b[J",
                    ClearType::BeforeCursor => "\x1b[1J",
                    ClearType::CurrentLine => "\x1b[2K",
                    _ => "\x1b[K",
                };
                self.out.write_all(code.as_bytes())?;
                // What exactly was erased depends on the cursor: write everything next time.
                self.forget();
            }
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(size) => Ok(size),
            None => crossterm::terminal::size().map(|(w, h)| Size::new(w, h)),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: self.size()?, pixels: Size::new(0, 0) })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::Style;

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
        lines(&mut t, &["┌─┐ • ▶ …", "│x│ ≡ ›"]);
        let out = take(&mut t);
        assert!(out.contains("+-+ * > ~") && out.contains("|x| = >"), "{out:?}");
        assert!(out.is_ascii(), "{out:?}");
    }
}
