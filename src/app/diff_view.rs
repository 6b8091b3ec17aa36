//! The `D` window's rows: what changed since an approval, wrapped to the window's width, each
//! word marked as kept, inserted (`{+…+}`) or deleted (`[-…-]`) so it reads without colour.

use super::DiffView;
use crate::layout::display_width;
use crate::ledger::{Piece, marked, section_title};
use ratatui::layout::Rect;

/// What a run of text on a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A section's title.
    Heading,
    /// In both versions.
    Same,
    /// Only in the text now.
    Inserted,
    /// Only in the approved text.
    Deleted,
    /// A line saying there is nothing to show.
    Note,
}

/// One row of the window: runs of text and what each is.
pub type Row = Vec<(String, Mark)>;

/// Where a window over the reader goes: most of the screen, centred.
pub fn window(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).clamp(area.width.min(20), 90);
    let h = (area.height.saturating_sub(4)).clamp(area.height.min(6), 24);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// The rows inside a window over `area` (its border taken off), and how many show at once.
pub fn inner(area: Rect) -> (usize, usize) {
    let w = window(area);
    (usize::from(w.width.saturating_sub(2)), usize::from(w.height.saturating_sub(2)))
}

/// The diff as rows at most `width` columns wide: each section's title, then its changed
/// paragraphs, a blank row between them.
pub fn rows(view: &DiffView, width: usize) -> Vec<Row> {
    let width = width.max(8);
    let mut out: Vec<Row> = Vec::new();
    if !view.thread.is_empty() {
        return thread(&view.thread, width);
    }
    if view.diffs.is_empty() {
        out.push(vec![(crate::strings::NO_CHANGES_SINCE.to_string(), Mark::Note)]);
        return out;
    }
    for d in &view.diffs {
        if !out.is_empty() {
            out.push(Vec::new());
        }
        let title = crate::sanitize::inline(&section_title(d)).into_owned();
        out.push(vec![(crate::layout::truncate(&title, width), Mark::Heading)]);
        for p in &d.paragraphs {
            out.push(Vec::new());
            wrap(p, width, &mut out);
        }
    }
    out
}

/// A paragraph's runs as words, wrapped greedily at `width`; a line end in the text starts
/// a new row.
fn wrap(paragraph: &[Piece], width: usize, out: &mut Vec<Row>) {
    let mut row: Row = Vec::new();
    let mut used = 0;
    for piece in paragraph {
        let mark = match piece {
            Piece::Same(_) => Mark::Same,
            Piece::Inserted(_) => Mark::Inserted,
            Piece::Deleted(_) => Mark::Deleted,
        };
        let text = crate::sanitize::visible(&marked(piece)).into_owned();
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                out.push(std::mem::take(&mut row));
                used = 0;
            }
            for word in line.split(' ').filter(|w| !w.is_empty()) {
                let w = display_width(word);
                if used > 0 && used + 1 + w > width {
                    out.push(std::mem::take(&mut row));
                    used = 0;
                }
                if used > 0 {
                    row.push((" ".into(), Mark::Same));
                    used += 1;
                }
                // A word wider than the window is cut to it.
                let word = if w > width { crate::layout::truncate(word, width) } else { word.to_string() };
                used += display_width(&word);
                row.push((word, mark));
            }
        }
    }
    if !row.is_empty() {
        out.push(row);
    }
}

/// A comment and its replies, read whole: each head, then its text wrapped at `width`
/// (a line end in the text starts a new row, a word too long for a row goes on in the next),
/// a blank row between them.
fn thread(entries: &[(String, String)], width: usize) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    for (head, text) in entries {
        if !out.is_empty() {
            out.push(Vec::new());
        }
        out.push(vec![(crate::layout::truncate(head, width), Mark::Heading)]);
        for line in crate::sanitize::visible(text).split('\n') {
            let span = crate::layout::Span::new(line.to_string(), Default::default());
            let rows = crate::layout::wrap(&[span], width);
            if rows.is_empty() {
                out.push(Vec::new());
            }
            for row in rows {
                out.push(vec![(row.iter().map(|s| s.text.as_str()).collect(), Mark::Same)]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rows: &[Row]) -> Vec<String> {
        rows.iter().map(|r| r.iter().map(|(t, _)| t.as_str()).collect()).collect()
    }

    #[test]
    fn marked_words_wrap_and_keep_their_marks() {
        let old = "Knæet er et stort led, som bærer kroppen.\n";
        let new = "Knæet er et meget stort led, som bærer hele kroppen.\n";
        let view = DiffView {
            title: String::new(),
            diffs: crate::ledger::diff(old, new),
            scroll: 0,
            thread: Vec::new(),
            back: None,
        };
        let rows = rows(&view, 26);
        assert_eq!(
            text(&rows),
            [
                "## Introduction (changed)",
                "",
                "Knæet er et {+meget+}",
                "stort led, som bærer",
                "{+hele+} kroppen."
            ]
        );
        assert!(rows[2].contains(&("{+meget+}".to_string(), Mark::Inserted)));
        assert!(rows.iter().all(|r| r.iter().map(|(t, _)| display_width(t)).sum::<usize>() <= 26));
    }

    #[test]
    fn a_comment_read_whole_keeps_every_word_and_its_replies() {
        let long = format!("{} slut", "ord ".repeat(30));
        let link = "https://example.org/".to_string() + &"x".repeat(40);
        let view = DiffView {
            title: String::new(),
            diffs: Vec::new(),
            scroll: 0,
            thread: vec![
                ("anne".into(), format!("Første linje\n\n{long}\n{link}")),
                ("↳ bo".into(), "Enig".into()),
            ],
            back: None,
        };
        let rows = text(&rows(&view, 24));
        assert_eq!(rows[0], "anne");
        assert_eq!(rows[1], "Første linje");
        assert_eq!(rows[2], "", "a blank line of the comment stays");
        let all = rows.join(" ");
        assert_eq!(all.matches("ord").count(), 30, "no word is cut off: {rows:?}");
        assert!(all.contains("slut"));
        assert!(rows.concat().contains(&link), "a word longer than a row goes on in the next: {rows:?}");
        assert!(rows.iter().all(|r| display_width(r) <= 24), "{rows:?}");
        assert_eq!(&rows[rows.len() - 3..], ["", "↳ bo", "Enig"]);
    }
}
