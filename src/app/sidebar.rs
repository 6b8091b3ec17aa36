//! The entries of the sidebar's lists as rows: which rows each article and heading takes at
//! a width, for drawing them and for finding the entry under the mouse. Only the entries in
//! view are wrapped, so a list of any length costs what one screen of it does.

use super::App;
use crate::entries::{self, Title};
use crate::library::format_date;

/// Narrower than this, the Library shows no dates.
const DATES_FROM: usize = 22;

/// The contents' headings at one width, each wrapped when asked for.
#[derive(Debug)]
pub struct ContentsRows<'a> {
    app: &'a App,
    width: usize,
    top: u8,
    noted: Vec<usize>,
    bookmarked: Vec<usize>,
}

impl ContentsRows<'_> {
    /// How many headings there are.
    pub fn len(&self) -> usize {
        self.app.doc.outline.headings.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The columns before heading `i`'s text: the ▶ gutter, its indent by level, and its
    /// marker (`? `, `≡ `, `· `).
    pub fn lead(&self, i: usize) -> usize {
        let level = self.app.doc.outline.headings.get(i).map_or(self.top, |h| h.level);
        1 + usize::from(level.saturating_sub(self.top)).min(3) * 2 + 2
    }

    /// The marks after heading `i`: ★ when bookmarked, ✎ with a note.
    pub fn marks(&self, i: usize) -> String {
        let star = if self.bookmarked.contains(&i) { "★" } else { "" };
        let pen = if self.noted.contains(&i) { "✎" } else { "" };
        format!("{star}{pen}")
    }

    /// Heading `i`'s text as rows (empty past the last heading).
    pub fn entry(&self, i: usize) -> Vec<String> {
        let Some(h) = self.app.doc.outline.headings.get(i) else { return Vec::new() };
        entries::heading(&h.text, self.lead(i), self.marks(i).chars().count(), self.width)
    }

    /// How many rows heading `i` takes.
    pub fn height(&self, i: usize) -> usize {
        self.entry(i).len().max(1)
    }
}

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

    /// The headings of the contents in a list `width` columns wide.
    pub fn contents_rows(&self, width: usize) -> ContentsRows<'_> {
        ContentsRows {
            app: self,
            width,
            top: self.doc.outline.headings.iter().map(|h| h.level).min().unwrap_or(1),
            noted: self.noted_headings(),
            bookmarked: self.bookmarked_headings(),
        }
    }
}
