//! The entries of the sidebar's lists as rows: which rows each article and heading takes at
//! a width, for drawing them and for finding the entry under the mouse.

use super::App;
use crate::entries::{self, Title};
use crate::library::format_date;

/// Narrower than this, the Library shows no dates.
const DATES_FROM: usize = 22;

impl App {
    /// The rows of article `i` in a Library list `width` columns wide (its date included
    /// where there is room for dates).
    pub fn library_entry(&self, i: usize, width: usize) -> Title {
        let Some(article) = self.library.articles.get(i) else {
            return Title { rows: vec![String::new()], date_row: None };
        };
        let date = match article.meta.last_updated {
            Some(d) if width >= DATES_FROM => crate::layout::display_width(&format_date(d)),
            _ => 0,
        };
        entries::title(article.short_title(), date, width)
    }

    /// How many rows the Library's entries take at `width`, counted until past `enough`.
    pub fn library_rows(&self, width: usize, enough: usize) -> usize {
        let mut rows = 0;
        for i in 0..self.library.articles.len() {
            rows += self.library_entry(i, width).height();
            if rows > enough {
                break;
            }
        }
        rows
    }

    /// The columns before a heading's text in the contents: the ▶ gutter, its indent by
    /// level, and its marker (`? `, `≡ `, `· `).
    pub fn heading_lead(&self, i: usize) -> usize {
        let headings = &self.doc.outline.headings;
        let top = headings.iter().map(|h| h.level).min().unwrap_or(1);
        let level = headings.get(i).map_or(top, |h| h.level);
        1 + usize::from(level - top).min(3) * 2 + 2
    }

    /// The marks after heading `i` in the contents: ★ when bookmarked, ✎ with a note.
    pub fn heading_marks(&self, i: usize, noted: &[usize], bookmarked: &[usize]) -> String {
        let star = if bookmarked.contains(&i) { "★" } else { "" };
        let pen = if noted.contains(&i) { "✎" } else { "" };
        format!("{star}{pen}")
    }

    /// Every heading's rows in a contents list `width` columns wide.
    pub fn contents_entries(&self, width: usize) -> Vec<Vec<String>> {
        let (noted, bookmarked) = (self.noted_headings(), self.bookmarked_headings());
        self.doc
            .outline
            .headings
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let marks = self.heading_marks(i, &noted, &bookmarked).chars().count();
                entries::heading(&h.text, self.heading_lead(i), marks, width)
            })
            .collect()
    }
}
