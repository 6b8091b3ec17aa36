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
//! - with `ascii`, box drawing and markers are drawn with ASCII characters;
//! - cells may be hyperlinks (OSC 8, see [`hyperlink`]); a cell whose link changes is
//!   written again, like one whose text or style does.
//!
//! It never asks the terminal anything: sizes come from the kernel, the cursor position is
//! tracked, not queried.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::Color;
use std::io::{self, Write};

mod cells;
mod frame;
pub mod hyperlink;
#[cfg(test)]
mod props;
mod scroll;
mod sgr;
#[cfg(test)]
mod tests;

use cells::{MAX_REACH, changed_cells, columns, fitting, parts, reach, tail_start};
pub use frame::{draw_frame, draw_linked_frame};
use scroll::{Hashes, blank_hashes, find_scroll, runs};
pub use sgr::Colors;
use sgr::{MODIFIER_CODES, PLAIN, Pen, ascii, colour_code, width_of};

/// Unchanged cells between two changes are rewritten when there are at most this many
/// (a cursor move costs about as many bytes).
const GAP: u16 = 6;

/// Blank cells in a row are erased (ECH) rather than written when there are this many.
const ERASE_FROM: usize = 7;

/// The largest screen drawn. A larger terminal is drawn in its top-left part, with a line
/// saying so: a 65535-row terminal would otherwise take a gigabyte of cells and seconds a
/// frame.
pub const MAX_SIZE: Size = Size { width: 1000, height: 500 };

/// `size` cut to `max`.
fn capped(size: Size, max: Size) -> Size {
    Size::new(size.width.min(max.width), size.height.min(max.height))
}

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
    /// The size the kernel last told, until the terminal says it was resized: asking costs
    /// system calls on every frame otherwise.
    known_size: std::cell::Cell<Option<Size>>,
    /// The largest screen drawn: [`MAX_SIZE`], or less (see [`Ansi::within`]).
    max: Size,
    /// The terminal's size when it is larger than `max`.
    too_large: std::cell::Cell<Option<Size>>,
    /// Whether the screen shows that it is too large, if it is.
    said_too_large: bool,
    /// The hyperlinked cells the terminal shows.
    links: hyperlink::Linked,
    /// The hyperlinked cells of the next frame.
    next_links: hyperlink::Linked,
    /// The hyperlink being written, if one is open.
    link_pen: Option<std::sync::Arc<str>>,
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
            mirror: Buffer::empty(Rect::from((Position::ORIGIN, capped(size, MAX_SIZE)))),
            next: Buffer::empty(Rect::from((Position::ORIGIN, capped(size, MAX_SIZE)))),
            hashes: Hashes::default(),
            pen: PLAIN,
            cursor: None,
            cursor_visible: None,
            colors,
            ascii,
            fixed_size,
            known_size: std::cell::Cell::new(None),
            max: MAX_SIZE,
            too_large: std::cell::Cell::new(None),
            said_too_large: false,
            links: hyperlink::Linked::new(),
            next_links: hyperlink::Linked::new(),
            link_pen: None,
        }
    }

    /// Draws at most `max` (within [`MAX_SIZE`]) of a larger terminal, saying so: a server
    /// bounds each session's memory by its screen's size.
    pub fn within(mut self, max: Size) -> Ansi<W> {
        self.max = capped(max, MAX_SIZE);
        let size = capped(self.mirror.area.as_size(), self.max);
        self.mirror = Buffer::empty(Rect::from((Position::ORIGIN, size)));
        self.next = Buffer::empty(Rect::from((Position::ORIGIN, size)));
        self
    }

    /// Asks the kernel for the size again on the next frame (the terminal was resized).
    pub fn resized(&mut self) {
        self.known_size.set(None);
    }

    /// The terminal is now `size` (for a terminal whose size is told, not asked: a test, an
    /// SSH channel, fuzzing and benchmarks).
    pub fn set_size(&mut self, size: Size) {
        self.fixed_size = Some(size);
    }

    /// Whether the size is told (by [`Ansi::sized`] or [`Ansi::set_size`]), not asked.
    pub fn is_sized(&self) -> bool {
        self.fixed_size.is_some()
    }

    /// The writer.
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Writes a whole frame: what differs from what the terminal shows. Returns the buffer
    /// that held what the terminal showed before, to be drawn into next (reset it first).
    fn present_frame(&mut self, frame: Buffer) -> io::Result<Buffer> {
        if frame.area != self.mirror.area {
            self.mirror = Buffer::empty(frame.area);
            self.mirror.content.iter_mut().for_each(|c| {
                c.set_symbol("\u{0}");
            });
            self.hashes = Hashes::default();
            // A resize may have moved the cursor (a terminal keeps it inside the screen).
            self.cursor = None;
            self.said_too_large = false;
            self.links.clear();
        }
        if !self.said_too_large {
            self.say_too_large()?;
            self.said_too_large = true;
        }
        let written = self.present(&frame);
        let old = std::mem::replace(&mut self.mirror, frame);
        written.map(|()| old)
    }

    /// On a terminal larger than the largest screen drawn, says below (or beside) the part drawn that
    /// only that part is used.
    fn say_too_large(&mut self) -> io::Result<()> {
        let Some(real) = self.too_large.get() else { return Ok(()) };
        let max = self.max;
        let (row, column, room) = if real.height > max.height {
            (max.height, 0, real.width)
        } else {
            (0, max.width + 1, real.width.saturating_sub(max.width + 1))
        };
        let text = crate::strings::screen_too_large(max.width, max.height);
        let text = crate::layout::truncate(&text, usize::from(room));
        write!(self.out, "\x1b[0m\x1b[{};{}H\x1b[2m{text}\x1b[0m", row + 1, column + 1)?;
        self.pen = PLAIN;
        self.cursor = None;
        Ok(())
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
        self.said_too_large = false;
        self.links.clear();
        self.link_pen = None;
        // The terminal may have been resized while it showed something else.
        self.known_size.set(None);
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
            self.hashes.scroll(&scroll, blank_hashes(width_of(next)));
        }
        let width = next.area.width;
        let relinked = hyperlink::rows_differing(&self.links, &self.next_links);
        for y in 0..next.area.height {
            let start = usize::from(y) * usize::from(width);
            let row = start..start + usize::from(width);
            // Rows whose hashes differ differ; rows whose hashes agree are compared cell by
            // cell, so that no collision can leave a row unwritten.
            if new.full[usize::from(y)] == self.hashes.full[usize::from(y)]
                && next.content[row.clone()] == self.mirror.content[row]
                && !relinked.contains(&y)
            {
                continue;
            }
            let mut changed = changed_cells(&next.content[start..], &self.mirror.content[start..], width);
            if relinked.contains(&y) {
                self.add_relinked(&mut changed, y, width);
            }
            // Blank cells to the end of the row are erased (EL) rather than written; a
            // hyperlinked cell is never taken for blank.
            let blank = Cell::default();
            let tail =
                self.linked_tail(tail_start(&next.content[start..start + usize::from(width)]), y, width);
            for (from, to) in runs(&changed) {
                match tail {
                    Some(t) if to >= t && t.saturating_sub(from) < to - from + 1 => {
                        if t > from {
                            self.write_run(next, y, from, t - 1)?;
                        }
                        self.move_to(from.max(t), y)?;
                        self.set_pen(&blank)?;
                        self.set_link(None)?;
                        self.out.write_all(b"\x1b[K")?;
                    }
                    _ => self.write_run(next, y, from, to)?,
                }
            }
        }
        self.hashes = new;
        // Nothing written after the frame (a clipboard sequence, the exit) is to be linked.
        self.set_link(None)?;
        self.links = std::mem::take(&mut self.next_links);
        Ok(())
    }

    /// Writes cells `from..=to` of row `y`, widening to whole wide characters.
    fn write_run(&mut self, next: &Buffer, y: u16, from: u16, to: u16) -> io::Result<()> {
        let width = next.area.width;
        let mut x = from;
        // Start at the head of a wide character whose tail changed.
        while let Some(head) = (1..=x.min(MAX_REACH)).find(|&k| columns(&next[(x - k, y)]) > k) {
            x -= head;
        }
        let blank = Cell::default();
        while x <= to && x < width {
            let cell = &next[(x, y)];
            // A long stretch of blanks is erased (ECH) rather than written out.
            let blanks = (x..=to).take_while(|&b| next[(b, y)] == blank && !self.linked(b, y)).count();
            if blanks >= ERASE_FROM {
                self.move_to(x, y)?;
                self.set_pen(&blank)?;
                self.set_link(None)?;
                let n = u16::try_from(blanks).unwrap_or(u16::MAX);
                write!(self.out, "\x1b[{n}X")?;
                x += n;
                continue;
            }
            self.move_to(x, y)?;
            self.set_pen(cell)?;
            self.set_link(self.next_links.get(&(y, x)).cloned())?;
            let w = columns(cell);
            let symbol = self.glyph(cell.symbol());
            // What might not fit before the row's end is not sent: the terminal would wrap it
            // onto the next row.
            let symbol =
                if x.saturating_add(reach(cell)) > width { fitting(symbol, width - x) } else { symbol };
            self.out.write_all(symbol.as_bytes())?;
            let end = x.saturating_add(w).min(width);
            if symbol.chars().nth(1).is_none() {
                self.cursor = Some(Position::new(end, y));
            } else {
                // Where a terminal leaves the cursor after a cluster of several characters
                // (ZWJ emoji, halfwidth sound marks, stacked accents) is its own business: the
                // next cell is placed by an absolute move, and columns ratatui gives the
                // cluster that a terminal drawing it part by part would not cover are blanked.
                self.cursor = None;
                let covered = x.saturating_add(parts(symbol));
                if covered < end {
                    self.move_to(covered, y)?;
                    self.out.write_all(" ".repeat(usize::from(end - covered)).as_bytes())?;
                    self.cursor = Some(Position::new(end, y));
                }
            }
            x = end;
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
        // Relative moves are shorter; a cursor past the last column is in no known place.
        let (width, height) = (self.mirror.area.width, self.mirror.area.height);
        let forward = |out: &mut W, n: u16| match n {
            0 => Ok(()),
            1 => out.write_all(b"\x1b[C"),
            n => write!(out, "\x1b[{n}C"),
        };
        match self.cursor.filter(|c| c.x < width) {
            Some(c) if c.y == y && x > c.x => forward(&mut self.out, x - c.x)?,
            // Carriage return and line feed (never on the last row, where it would scroll).
            Some(c) if y == c.y + 1 && y + 1 < height => {
                self.out.write_all(b"\r\n")?;
                forward(&mut self.out, x)?;
            }
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
                self.said_too_large = false;
                self.links.clear();
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
        let size = match self.fixed_size.or(self.known_size.get()) {
            Some(size) => size,
            None => {
                let size = crossterm::terminal::size().map(|(w, h)| Size::new(w, h))?;
                self.known_size.set(Some(size));
                size
            }
        };
        self.too_large.set((capped(size, self.max) != size).then_some(size));
        Ok(capped(size, self.max))
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: self.size()?, pixels: Size::new(0, 0) })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
