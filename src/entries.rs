//! How an entry of a list in the sidebar (a question, an article's name) wraps onto rows
//! when it does not fit one: at spaces, with a hanging indent, at most [`MAX_ROWS`] rows.
//! Pure, so drawing and the mouse agree on which rows belong to which entry.

use crate::layout::{display_width, truncate};
use unicode_segmentation::UnicodeSegmentation;

/// The most rows one entry takes; what does not fit in them ends in `…`.
pub const MAX_ROWS: usize = 3;

/// `text` wrapped at spaces into rows, the first `first` columns wide and the others `rest`
/// wide, at most [`MAX_ROWS`] of them, the last ending in `…` when text is left over. A
/// word longer than a whole row is broken where the row ends.
pub fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let (first, rest) = (first.max(1), rest.max(1));
    let mut words: std::collections::VecDeque<String> = text.split_whitespace().map(str::to_string).collect();
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    let mut used = 0;
    while let Some(word) = words.pop_front() {
        let avail = if rows.is_empty() { first } else { rest };
        let w = display_width(&word);
        if used == 0 && w <= avail {
            (row, used) = (word, w);
        } else if used > 0 && used + 1 + w <= avail {
            row.push(' ');
            row.push_str(&word);
            used += 1 + w;
        } else if used > 0 {
            // The word starts the next row.
            rows.push(std::mem::take(&mut row));
            used = 0;
            words.push_front(word);
        } else {
            // A word wider than the whole row: as much of it as fits, the rest on the next.
            let (head, tail) = split_at_width(&word, avail);
            rows.push(head);
            words.push_front(tail);
        }
        if rows.len() == MAX_ROWS {
            break;
        }
    }
    if used > 0 {
        rows.push(row);
    }
    if !words.is_empty() {
        // Out of rows with text left: the last row ends in `…`.
        let left = Vec::from(words).join(" ");
        let last = rows.pop().unwrap_or_default();
        let width = if rows.is_empty() { first } else { rest };
        rows.push(truncate(&format!("{last} {left}"), width));
    }
    if rows.is_empty() {
        rows.push(String::new());
    }
    rows
}

/// `word` split where `width` columns end (at least one character goes first).
fn split_at_width(word: &str, width: usize) -> (String, String) {
    let mut used = 0;
    let mut end = 0;
    for (at, g) in word.grapheme_indices(true) {
        let w = display_width(g);
        if used + w > width && end > 0 {
            break;
        }
        used += w;
        end = at + g.len();
    }
    (word[..end].to_string(), word[end..].to_string())
}

/// The rows of a heading in the contents: its text after `lead` columns (the marker and
/// indent) on the first row, and under itself on the others; `marks` columns (★ ✎) kept free
/// at the end of the first row, with a space before them.
pub fn heading(text: &str, lead: usize, marks: usize, width: usize) -> Vec<String> {
    let rest = width.saturating_sub(lead);
    let first = rest.saturating_sub(if marks > 0 { marks + 1 } else { 0 });
    wrap(text, first, rest)
}

/// The rows of an article in the Library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The name's rows, each after the mark column.
    pub rows: Vec<String>,
    /// The row the date ends (right-aligned), if there is a date: the first, or when the
    /// name's first word would not fit beside it, the last of the name's or one below it.
    pub date_row: Option<usize>,
}

impl Title {
    /// How many rows the entry takes.
    pub fn height(&self) -> usize {
        self.rows.len().max(self.date_row.map_or(0, |r| r + 1))
    }
}

/// The rows of an article named `name` in a Library `width` columns wide (one column for
/// its review mark), with a date `date` columns wide (0: none).
pub fn title(name: &str, date: usize, width: usize) -> Title {
    let room = width.saturating_sub(1);
    if date == 0 {
        return Title { rows: wrap(name, room, room), date_row: None };
    }
    let first = room.saturating_sub(date + 1);
    let first_word = name.split_whitespace().next().map_or(0, display_width);
    if first_word > first && first_word <= room {
        // The name on its own rows, the date after it where it fits.
        let rows = wrap(name, room, room);
        let last = rows.last().map_or(0, |r| display_width(r));
        let date_row = if last + 1 + date <= room { rows.len() - 1 } else { rows.len() };
        return Title { rows, date_row: Some(date_row) };
    }
    Title { rows: wrap(name, first, room), date_row: Some(0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_fits_stays_on_one_row() {
        assert_eq!(wrap("Kan nervesmerter helbredes?", 30, 30), ["Kan nervesmerter helbredes?"]);
        assert_eq!(wrap("", 10, 10), [""]);
    }

    #[test]
    fn a_long_question_wraps_at_spaces_instead_of_being_cut() {
        let rows = wrap("Hvornår skal man søge hjælp fra en fysioterapeut?", 22, 22);
        assert_eq!(rows, ["Hvornår skal man søge", "hjælp fra en", "fysioterapeut?"]);
        // The first row may be narrower (marks at its end) than the others.
        let rows = wrap("Hvad er årsagerne til nervesmerter?", 10, 30);
        assert_eq!(rows, ["Hvad er", "årsagerne til nervesmerter?"]);
    }

    #[test]
    fn past_three_rows_the_last_ends_in_an_ellipsis() {
        let rows = wrap("en to tre fire fem seks syv otte ni ti", 7, 7);
        assert_eq!(rows, ["en to", "tre", "fire f…"]);
        assert!(rows.iter().all(|r| display_width(r) <= 7));
        let exact = wrap("en to tre fire fem", 7, 7);
        assert_eq!(exact, ["en to", "tre", "fire f…"], "fem is left over");
        assert_eq!(wrap("en to tre", 5, 5), ["en to", "tre"], "nothing left over: no ellipsis");
    }

    #[test]
    fn a_word_wider_than_a_row_is_broken_where_the_row_ends() {
        assert_eq!(wrap("Spændingshovedpine", 8, 8), ["Spænding", "shovedpi", "ne"]);
        assert_eq!(wrap("ab", 0, 0), ["a", "b"], "a row of no columns still moves on");
    }

    #[test]
    fn a_heading_hangs_under_its_first_word_and_keeps_room_for_marks() {
        let rows = heading("Hvad kan man selv gøre for at lindre nervesmerter?", 3, 0, 25);
        assert_eq!(rows, ["Hvad kan man selv gøre", "for at lindre", "nervesmerter?"]);
        let marked = heading("Kan nervesmerter helbredes?", 3, 2, 33);
        assert_eq!(marked, ["Kan nervesmerter helbredes?"], "27 columns fit beside ★✎");
        let marked = heading("Kan nervesmerter helbredes?", 3, 2, 32);
        assert_eq!(marked, ["Kan nervesmerter", "helbredes?"]);
    }

    #[test]
    fn a_library_name_wraps_beside_its_date_or_above_it() {
        let fits = title("Nervesmerter", 10, 25);
        assert_eq!((fits.rows, fits.date_row), (vec!["Nervesmerter".to_string()], Some(0)));
        // "Skuldersmerter" (14) has 13 columns beside the date: it keeps a row of its own
        // and the date goes below, never a broken word.
        let own = title("Skuldersmerter", 10, 25);
        assert_eq!(
            (own.rows.clone(), own.date_row, own.height()),
            (vec!["Skuldersmerter".into()], Some(1), 2)
        );
        let two = title("Ondt i ryggen og hvad du kan gøre", 10, 25);
        assert_eq!(two.rows, ["Ondt i ryggen", "og hvad du kan gøre"]);
        assert_eq!(two.date_row, Some(0));
        let wide = title("Spændingshovedpine", 10, 40);
        assert_eq!((wide.height(), wide.date_row), (1, Some(0)));
        let dateless = title("Spændingshovedpine", 0, 12);
        assert_eq!(dateless.rows, ["Spændingsho", "vedpine"]);
        assert_eq!(dateless.date_row, None);
    }
}
