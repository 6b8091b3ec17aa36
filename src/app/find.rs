//! Find in the open article: hits of a phrase (folded, so æ and ae are alike) in the laid-out
//! lines, the current one, and moving between them.

use super::{App, Modal};
use crate::search::{fold, fold_mapped};
use ratatui_textarea::TextArea;

/// One place the phrase was found: a line and the byte range in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindHit {
    /// The laid-out line.
    pub row: usize,
    /// Where in the line's text it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// The state of find in article.
#[derive(Debug, Default)]
pub struct Find {
    /// The phrase.
    pub query: String,
    /// Every hit, top to bottom.
    pub hits: Vec<FindHit>,
    /// The current hit.
    pub current: Option<usize>,
    /// The top line when typing began, to return to on Esc.
    pub origin: usize,
}

impl Find {
    /// Whether a phrase is being found (hits are shown).
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    /// "3/12", or "0/0" while nothing matches.
    pub fn counter(&self) -> String {
        format!("{}/{}", self.current.map_or(0, |c| c + 1), self.hits.len())
    }
}

impl App {
    /// Starts typing a phrase to find.
    pub fn start_find(&mut self) -> bool {
        let mut input = TextArea::default();
        input.set_cursor_line_style(ratatui::style::Style::new());
        self.find = Find { origin: self.scroll, ..Find::default() };
        self.modal = Modal::Find(Box::new(input));
        true
    }

    /// Looks for `query` anew (from the top line down) and shows the first hit.
    pub fn find_phrase(&mut self, query: &str) {
        self.find.query = query.to_string();
        self.refresh_find();
        let from = self.find.origin;
        self.find.current =
            self.find.hits.iter().position(|h| h.row >= from).or((!self.find.hits.is_empty()).then_some(0));
        self.show_find_hit();
    }

    /// Finds the hits of the current phrase in the current layout.
    pub fn refresh_find(&mut self) {
        self.find.hits.clear();
        let needle = fold(self.find.query.trim());
        if needle.is_empty() {
            self.find.current = None;
            return;
        }
        self.ensure_parsed();
        self.lay_out_lines(usize::MAX);
        for (row, line) in self.layout.lines.iter().enumerate() {
            let text = line.text();
            let (folded, map) = fold_mapped(&text);
            for (at, _) in folded.match_indices(needle.as_str()) {
                self.find.hits.push(FindHit { row, start: map[at], end: map[at + needle.len()] });
            }
        }
        if let Some(c) = self.find.current {
            self.find.current = (!self.find.hits.is_empty()).then(|| c.min(self.find.hits.len() - 1));
        }
    }

    /// Moves to the next (or previous) hit, wrapping around the article.
    pub fn find_step(&mut self, forward: bool) -> bool {
        if !self.find.active() {
            self.message = Some(crate::strings::NO_FIND.to_string());
            return true;
        }
        let n = self.find.hits.len();
        if n == 0 {
            self.message = Some(crate::strings::not_in_article(&self.find.query));
            return true;
        }
        self.find.current = Some(match self.find.current {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None if forward => self.find.hits.iter().position(|h| h.row >= self.scroll).unwrap_or(0),
            None => self.find.hits.iter().rposition(|h| h.row < self.scroll).unwrap_or(n - 1),
        });
        self.show_find_hit();
        true
    }

    /// Scrolls the current hit into view (a third down the screen) if it is not in view.
    fn show_find_hit(&mut self) {
        let Some(hit) = self.find.current.and_then(|c| self.find.hits.get(c)) else { return };
        let page = self.page();
        if hit.row < self.scroll || hit.row >= self.scroll + page {
            self.scroll = hit.row.saturating_sub(page / 3);
        }
    }

    /// Clears the find, and its highlights.
    pub fn clear_find(&mut self) {
        self.find = Find::default();
    }
}
