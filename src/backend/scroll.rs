//! Finding the scroll that turns the screen shown into the next one most cheaply.

use super::{Ansi, GAP, PLAIN};
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::Color;
use std::io::{self, Write};

/// A band of rows that moved: rows `top..bottom` scroll `by` lines, up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub by: u16,
    pub up: bool,
}

impl<W: Write> Ansi<W> {
    /// Moves a band of rows with the terminal's own scrolling, and the mirror with it.
    pub(super) fn scroll(&mut self, s: Scroll) -> io::Result<()> {
        self.set_link(None)?;
        self.scroll_links(&s);
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

/// Up to eight bytes as a number.
fn word(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(word)
}

/// The hashes of each row's cells: all of them (`full`), and those from column `from` on
/// (`part`), in one pass, so rows of two frames can be matched quickly when looking for a
/// scroll. A collision costs a few bytes, never a wrong screen: the writing compares the
/// cells themselves.
fn row_hashes2(buf: &Buffer, from: usize) -> (Vec<u64>, Vec<u64>) {
    let w = usize::from(buf.area.width).max(1);
    let mix = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    let mut full = Vec::with_capacity(buf.content.len() / w);
    let mut part = Vec::with_capacity(buf.content.len() / w);
    for row in buf.content.chunks(w) {
        // One mix per cell: the left and right parts are hashed apart, and the whole row's
        // hash is made of the two.
        let (mut left, mut right) = (0u64, 0u64);
        for (x, cell) in row.iter().enumerate() {
            let style =
                colour_bits(cell.fg) << 32 ^ colour_bits(cell.bg) << 8 ^ u64::from(cell.modifier.bits());
            // Every byte of the symbol, eight at a time: "👩‍⚕️" and "👩‍⚖️" share their first
            // eight.
            let symbol = cell.symbol().as_bytes();
            let mut chunks = symbol.chunks(8);
            let mut h = mix(word(chunks.next().unwrap_or_default()), style);
            for chunk in chunks {
                h = mix(h, word(chunk));
            }
            if x < from {
                left = mix(left, h);
            } else {
                right = mix(right, h);
            }
        }
        full.push(mix(left, right));
        part.push(right);
    }
    (full, part)
}

/// Row hashes of a frame: of whole rows, and of their right part (where the reader is when
/// the sidebar shows).
#[derive(Debug, Default, Clone)]
pub struct Hashes {
    pub full: Vec<u64>,
    pub part: Vec<u64>,
}

impl Hashes {
    pub fn of(buf: &Buffer) -> Hashes {
        let (full, part) = row_hashes2(buf, right_part(buf.area.width));
        Hashes { full, part }
    }

    /// Moves the hashes of rows `top..bottom` as a scroll moves the rows; rows scrolled in
    /// are blank, with hashes `blank`.
    pub fn scroll(&mut self, s: &Scroll, blank: (u64, u64)) {
        for (hashes, blank) in [(&mut self.full, blank.0), (&mut self.part, blank.1)] {
            let band = &mut hashes[usize::from(s.top)..usize::from(s.bottom)];
            let by = usize::from(s.by);
            if s.up {
                band.rotate_left(by);
                let n = band.len();
                band[n - by..].fill(blank);
            } else {
                band.rotate_right(by);
                band[..by].fill(blank);
            }
        }
    }
}

/// The hashes of a blank row `width` wide.
pub fn blank_hashes(width: u16) -> (u64, u64) {
    let (full, part) =
        row_hashes2(&Buffer::empty(ratatui::layout::Rect::new(0, 0, width, 1)), right_part(width));
    (full[0], part[0])
}

/// Where the right part of a row starts (where the reader is when the sidebar shows).
pub fn right_part(width: u16) -> usize {
    let w = usize::from(width);
    if w >= 30 { w * 2 / 5 } else { 0 }
}

/// About what writing a frame costs: each changed cell, and a cursor move per changed row.
/// `old_row(r)` is the row the terminal shows at `r` and its hash (`None`: blank).
/// `old_row(r)` gives the row the terminal shows at `r` with its whole and right-part
/// hashes (`None`: blank); rows whose hashes match are not compared cell by cell.
fn cost<'a>(
    new: &'a Buffer,
    new_hashes: &Hashes,
    old_row: impl Fn(usize) -> Option<(&'a [Cell], u64, u64)>,
) -> usize {
    let w = usize::from(new.area.width);
    let from = right_part(new.area.width);
    let blank = Cell::default();
    new.content
        .chunks(w.max(1))
        .enumerate()
        .map(|(r, row)| {
            let changed = match old_row(r) {
                Some((_, full, _)) if full == new_hashes.full[r] => 0,
                // The right part is the same: only the left part can differ.
                Some((old, _, part)) if part == new_hashes.part[r] => {
                    row[..from].iter().zip(&old[..from]).filter(|(a, b)| a != b).count()
                }
                Some((old, ..)) => row.iter().zip(old).filter(|(a, b)| a != b).count(),
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
pub fn find_scroll(old: &Buffer, new: &Buffer, old_hashes: &Hashes, new_hashes: &Hashes) -> Option<Scroll> {
    if old.area != new.area || new.area.height < 4 {
        return None;
    }
    let w = usize::from(new.area.width);
    let h = usize::from(new.area.height);
    let (a, b) = (&old_hashes.part, &new_hashes.part);
    let row = |r: usize| -> (&[Cell], u64, u64) {
        (&old.content[r * w..(r + 1) * w], old_hashes.full[r], old_hashes.part[r])
    };
    let baseline = cost(new, new_hashes, |r| Some(row(r)));
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
                let after = |q: usize| -> Option<(&[Cell], u64, u64)> {
                    if q < top || q >= bottom {
                        return Some(row(q));
                    }
                    let source = if up { q + by } else { q.checked_sub(by)? };
                    (source >= top && source < bottom).then(|| row(source))
                };
                let total = cost(new, new_hashes, after) + 24;
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
pub fn runs(changed: &[u16]) -> Vec<(u16, u16)> {
    let mut out: Vec<(u16, u16)> = Vec::new();
    for &x in changed {
        match out.last_mut() {
            Some((_, end)) if x <= *end + GAP + 1 => *end = x,
            _ => out.push((x, x)),
        }
    }
    out
}
