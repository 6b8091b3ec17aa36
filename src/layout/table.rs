//! Tables fitted to the width: columns shrink and their cells wrap; a table too wide for
//! any columns at all is shown as one record per row ("Header: value").

use super::blocks::{LINK_MARK, link_marks, spans};
use super::wrap::{display_width, wrap};
use super::{Line, Role, Span, Tone};
use crate::document::{Align, Inline, Table};

const SEP: &str = " │ ";
/// A column is not squeezed below this (unless its content is narrower).
const MIN_COL: usize = 6;

/// Lays out `table` in at most `width` columns, handing each line to `out` as it is made:
/// a table of a million rows is never held as lines of its own.
pub fn lay_out(out: &mut dyn FnMut(Line), table: &Table, width: usize) {
    let cols = table.header.len().max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    if cols == 0 {
        return;
    }
    let natural = column_max(table, cols, cell_width);
    let seps = display_width(SEP) * (cols - 1);
    let least: usize = natural.iter().map(|&n| n.min(MIN_COL)).sum::<usize>() + seps;
    if least > width {
        return records(out, table, width);
    }
    let words = column_max(table, cols, longest_word);
    let widths = fit(&natural, &words, width - seps);
    let mut lines = Vec::new();
    row(&mut lines, &table.header, &widths, &table.align, true);
    lines.drain(..).for_each(&mut *out);
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    out(Line { spans: vec![Span::new(rule.join("─┼─"), Tone::of(Role::Marker))] });
    // When rows wrap onto several lines, a faint rule between them shows where each ends.
    // A row can wrap only where a column is narrower than its widest cell, or a cell breaks
    // its line; then the first row that wraps is looked for.
    let squeezed = widths.iter().zip(&natural).any(|(w, n)| w < n);
    let breaks = |r: &Vec<Vec<Inline>>| r.iter().flatten().any(|i| i.text.contains('\n'));
    let wrapped = (squeezed || table.rows.iter().any(breaks))
        && table.rows.iter().any(|r| {
            widths
                .iter()
                .enumerate()
                .any(|(c, &w)| r.get(c).is_some_and(|cell| wrap(&spans(cell, Role::Text), w).len() > 1))
        });
    let thin: Vec<String> = widths.iter().map(|&w| "╌".repeat(w)).collect();
    for (i, cells) in table.rows.iter().enumerate() {
        if wrapped && i > 0 {
            out(Line { spans: vec![Span::new(thin.join("╌┼╌"), Tone::of(Role::Marker))] });
        }
        row(&mut lines, cells, &widths, &table.align, false);
        lines.drain(..).for_each(&mut *out);
    }
}

/// For each of `cols` columns, the most that `measure` gives any of its cells (at least 1).
fn column_max(table: &Table, cols: usize, measure: fn(&[Inline]) -> usize) -> Vec<usize> {
    (0..cols)
        .map(|c| {
            let cells = std::iter::once(&table.header).chain(&table.rows).filter_map(|row| row.get(c));
            cells.map(|cell| measure(cell)).max().unwrap_or(0).max(1)
        })
        .collect()
}

fn cell_width(cell: &[Inline]) -> usize {
    let text: String = cell.iter().map(|i| i.text.as_str()).collect();
    display_width(text.trim()) + link_marks(cell) * display_width(LINK_MARK)
}

fn longest_word(cell: &[Inline]) -> usize {
    let text: String = cell.iter().map(|i| i.text.as_str()).collect();
    let marks = link_marks(cell) * display_width(LINK_MARK);
    text.split_whitespace().map(display_width).max().unwrap_or(1).max(1) + marks
}

/// Column widths that fit `room`: natural widths if they fit; else, if every column's
/// longest word fits, those plus the room left shared by how much more each would like
/// (so no word is cut); else the widest column shrinks until all fit.
fn fit(natural: &[usize], words: &[usize], room: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= room {
        return natural.to_vec();
    }
    let words: Vec<usize> = words.iter().zip(natural).map(|(&w, &n)| w.min(n)).collect();
    let least: usize = words.iter().sum();
    if least <= room {
        let wants: Vec<usize> = natural.iter().zip(&words).map(|(n, w)| n - w).collect();
        let total_want: usize = wants.iter().sum();
        let spare = room - least;
        let mut widths: Vec<usize> =
            words.iter().zip(&wants).map(|(w, want)| w + spare * want / total_want.max(1)).collect();
        let mut left = room - widths.iter().sum::<usize>();
        for (i, width) in widths.iter_mut().enumerate() {
            if left > 0 && *width < natural[i] {
                *width += 1;
                left -= 1;
            }
        }
        return widths;
    }
    let mut widths = natural.to_vec();
    let mut total: usize = widths.iter().sum();
    while total > room {
        let Some((i, &w)) = widths.iter().enumerate().max_by_key(|&(_, w)| *w) else {
            break;
        };
        let floor = natural[i].min(MIN_COL);
        if w <= floor {
            break;
        }
        let second = widths.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, &w)| w).max();
        let step = (w - second.unwrap_or(0).max(floor)).clamp(1, total - room);
        widths[i] -= step;
        total -= step;
    }
    widths
}

fn row(out: &mut Vec<Line>, cells: &[Vec<Inline>], widths: &[usize], align: &[Align], header: bool) {
    let role = if header { Role::Heading(6) } else { Role::Text };
    let wrapped: Vec<Vec<Vec<Span>>> = widths
        .iter()
        .enumerate()
        .map(|(c, &w)| {
            let mut s = cells.get(c).map(|cell| spans(cell, role)).unwrap_or_default();
            if header {
                s.iter_mut().for_each(|s| s.tone.strong = true);
            }
            wrap(&s, w)
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for r in 0..height {
        let mut line = Line::default();
        for (c, &w) in widths.iter().enumerate() {
            if c > 0 {
                line.spans.push(Span::new(SEP, Tone::of(Role::Marker)));
            }
            let cell = wrapped[c].get(r).cloned().unwrap_or_default();
            let used: usize = cell.iter().map(|s| display_width(&s.text)).sum();
            let free = w.saturating_sub(used);
            let (before, after) = match align.get(c).copied().unwrap_or_default() {
                Align::Left => (0, free),
                Align::Right => (free, 0),
                Align::Center => (free / 2, free - free / 2),
            };
            let last = c + 1 == widths.len();
            if before > 0 {
                line.spans.push(Span::new(" ".repeat(before), Tone::default()));
            }
            line.spans.extend(cell);
            if after > 0 && !last {
                line.spans.push(Span::new(" ".repeat(after), Tone::default()));
            }
        }
        out.push(line);
    }
}

/// One record per row: each cell under its header, for tables too wide to show as a grid.
fn records(out: &mut dyn FnMut(Line), table: &Table, width: usize) {
    if table.rows.is_empty() {
        // Only a header: its cells, one under another.
        for cell in &table.header {
            let mut s = spans(cell, Role::Heading(6));
            s.iter_mut().for_each(|s| s.tone.strong = true);
            wrap(&s, width).into_iter().for_each(|spans| out(Line { spans }));
        }
    }
    for (n, cells) in table.rows.iter().enumerate() {
        if n > 0 {
            out(Line { spans: vec![Span::new("╌".repeat(width.min(20)), Tone::of(Role::Marker))] });
        }
        for (c, cell) in cells.iter().enumerate() {
            let mut s: Vec<Span> =
                table.header.get(c).map(|h| spans(h, Role::Heading(6))).unwrap_or_default();
            s.iter_mut().for_each(|s| s.tone.strong = true);
            s.push(Span::new(": ", Tone::of(Role::Marker)));
            s.extend(spans(cell, Role::Text));
            wrap(&s, width).into_iter().for_each(|spans| out(Line { spans }));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::layout::Layout;

    fn texts(md: &str, width: usize) -> Vec<String> {
        Layout::new(&Document::parse(md), width).lines.iter().map(|l| l.text()).collect()
    }

    const TABLE: &str =
        "| Område | Typisk årsag |\n|---|--:|\n| Nakke | Stillesiddende arbejde |\n| Knæ | Slid |\n";

    #[test]
    fn a_table_that_fits_keeps_its_natural_widths() {
        assert_eq!(
            texts(TABLE, 40),
            [
                "Område │           Typisk årsag",
                "───────┼───────────────────────",
                "Nakke  │ Stillesiddende arbejde",
                "Knæ    │                   Slid",
            ]
        );
    }

    #[test]
    fn columns_share_the_room_without_cutting_words_while_they_can() {
        let md = "| Hvor | Årsag | Hvornår |\n|---|---|---|\n| Foran og omkring knæskallen | Smerter fra knæskallens led (patellofemoralt smertesyndrom) | Trappegang og hop |\n";
        let lines = texts(md, 50);
        assert_eq!(
            lines,
            [
                "Hvor          │ Årsag                 │ Hvornår",
                "──────────────┼───────────────────────┼───────────",
                "Foran og      │ Smerter fra           │ Trappegang",
                "omkring       │ knæskallens led       │ og hop",
                "knæskallen    │ (patellofemoralt      │ ",
                "              │ smertesyndrom)        │ ",
            ]
        );
    }

    #[test]
    fn a_narrow_table_shrinks_its_widest_column_and_wraps_its_cells() {
        assert_eq!(
            texts(TABLE, 22),
            [
                "Område │  Typisk årsag",
                "───────┼──────────────",
                "Nakke  │ Stillesiddend",
                "       │     e arbejde",
                "╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌",
                "Knæ    │          Slid",
            ]
        );
    }

    #[test]
    fn a_table_too_wide_for_a_grid_becomes_records() {
        assert_eq!(
            texts(TABLE, 12),
            [
                "Område:",
                "Nakke",
                "Typisk",
                "årsag:",
                "Stillesidden",
                "de arbejde",
                "╌╌╌╌╌╌╌╌╌╌╌╌",
                "Område: Knæ",
                "Typisk",
                "årsag: Slid"
            ]
        );
    }
}
