//! How many columns a cell covers, as ratatui measures it and as a terminal may draw it, and
//! which cells of a row must be written for the terminal to show the next frame.

use ratatui::buffer::{Cell, CellWidth};
use unicode_width::UnicodeWidthChar;

/// The most columns a cluster is taken to cover on a terminal, however many characters it
/// joins.
pub const MAX_REACH: u16 = 16;

/// The columns `cell` covers, as ratatui measures it (at least one).
pub fn columns(cell: &Cell) -> u16 {
    let symbol = cell.symbol();
    // One byte is one column (and ratatui's measure rejects the control characters the
    // mirror uses for "unknown").
    if symbol.len() <= 1 { 1 } else { cell.cell_width().clamp(1, MAX_REACH) }
}

/// The columns a terminal may cover with `cell`: ratatui's measure, or more when the
/// terminal draws a cluster's characters one by one.
pub fn reach(cell: &Cell) -> u16 {
    if cell.symbol().len() <= 1 { 1 } else { columns(cell).max(parts(cell.symbol())) }
}

/// The columns a terminal that draws a cluster's characters one by one gives `symbol`: a ZWJ
/// emoji as its parts, a halfwidth sound mark as a character of its own, a character before
/// a variation selector wide.
pub fn parts(symbol: &str) -> u16 {
    let mut chars = symbol.chars().peekable();
    let mut parts: usize = 0;
    while let Some(c) = chars.next() {
        let wide = chars.peek() == Some(&'\u{fe0f}');
        parts += if wide { 2 } else { UnicodeWidthChar::width(c).unwrap_or(0) };
    }
    u16::try_from(parts).unwrap_or(MAX_REACH).min(MAX_REACH)
}

/// The first characters of `symbol` that surely fit in `room` columns (at least one column),
/// or a space.
pub fn fitting(symbol: &str, room: u16) -> &str {
    let mut used = 0;
    let mut end = 0;
    for (at, c) in symbol.char_indices() {
        used += UnicodeWidthChar::width(c).unwrap_or(0);
        if used > usize::from(room) || c == '\u{fe0f}' || c == '\u{200d}' {
            break;
        }
        end = at + c.len_utf8();
    }
    if end == 0 { " " } else { &symbol[..end] }
}

/// Where the blanks that end `row` start, past any wide character's hidden cells.
pub fn tail_start(row: &[Cell]) -> Option<u16> {
    let blank = Cell::default();
    let t = row.iter().rposition(|c| *c != blank).map_or(0, |x| x + 1);
    let covered =
        (t.saturating_sub(usize::from(MAX_REACH))..t).map(|x| x + usize::from(columns(&row[x]))).max();
    let t = covered.unwrap_or(t).max(t);
    (t < row.len()).then(|| u16::try_from(t).unwrap_or(u16::MAX))
}

/// The columns of a row to write: those that differ, and those a changed cell's old or new
/// symbol may cover on the terminal (what ratatui's diff calls trailing cells), so that
/// nothing a wide or many-character cluster drew stays behind.
pub fn changed_cells(next: &[Cell], shown: &[Cell], width: u16) -> Vec<u16> {
    let mut changed = Vec::new();
    let mut cover_to = 0;
    for (x, (a, b)) in (0..width).zip(next.iter().zip(shown)) {
        if a != b {
            cover_to = cover_to.max(x.saturating_add(reach(a).max(reach(b))));
            changed.push(x);
        } else if x < cover_to {
            changed.push(x);
        }
    }
    changed
}
