//! The jump history: every jump remembers where it came from, and `Back` returns there,
//! across articles.

use super::App;

/// A place in the library that survives a re-layout: an article, the section the top line
/// is in, and how many lines into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The article's position in the library.
    pub article: usize,
    /// The heading of the section at the top, if past the introduction.
    pub section: Option<usize>,
    /// Lines from that heading (or from the top) to the top line.
    pub offset: usize,
}

/// How many places are remembered.
const DEPTH: usize = 100;

impl App {
    /// Where the reader is now.
    pub fn here(&self) -> Place {
        let section = self.section();
        let start = section.and_then(|i| self.layout.heading_rows.get(i).copied()).unwrap_or(0);
        Place { article: self.current, section, offset: self.scroll.saturating_sub(start) }
    }

    /// Runs `jump`, remembering where it came from if it moved the reader.
    pub fn jumping(&mut self, jump: impl FnOnce(&mut App) -> bool) -> bool {
        let before = self.here();
        let changed = jump(self);
        if self.here() != before && self.history.last() != Some(&before) {
            if self.history.len() == DEPTH {
                self.history.remove(0);
            }
            self.history.push(before);
        }
        changed
    }

    /// Returns to the place the last jump came from.
    pub fn go_back(&mut self) -> bool {
        let Some(place) = self.history.pop() else {
            self.message = Some(crate::strings::NO_HISTORY.to_string());
            return true;
        };
        if place.article != self.current {
            self.open(place.article);
        }
        self.ensure_parsed();
        let start = match place.section {
            Some(i) => {
                self.lay_out_heading(i);
                self.layout.heading_rows.get(i).copied().unwrap_or(0)
            }
            None => 0,
        };
        self.lay_out_lines(start + place.offset + self.page() * 2);
        self.scroll = (start + place.offset).min(self.layout.lines.len().saturating_sub(1));
        true
    }
}
