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
    /// When set, the words (folded stems, as search matched them) found apart instead of
    /// the phrase: what library search primes find with.
    pub words: Vec<String>,
    /// What the hits were last found for (folded), to skip finding the same again.
    pub(crate) searched: String,
    /// How many laid-out lines have been looked through: the hits are every hit above it.
    pub(crate) rows_done: usize,
    /// Whether every line of the article has been looked through (the count is whole).
    pub(crate) counted: bool,
}

/// The longest phrase find looks for, in characters: no line is longer than a screen, and
/// a pasted essay must not cost a scan of the article per keystroke.
pub const MAX_FIND: usize = 200;

impl Find {
    /// Whether a phrase is being found (hits are shown).
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    /// "3/12", or "0/0" while nothing matches; "3/…" while the rest of a long article is
    /// still being looked through.
    pub fn counter(&self) -> String {
        let current = self.current.map_or(0, |c| c + 1);
        if self.counted { format!("{current}/{}", self.hits.len()) } else { format!("{current}/…") }
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

    /// Looks for `query` anew (from the top line down) and shows the first hit. Only its
    /// first [`MAX_FIND`] characters count.
    pub fn find_phrase(&mut self, query: &str) {
        let cut = query.char_indices().nth(MAX_FIND).map(|(at, _)| at);
        if cut.is_some() {
            self.message = Some(crate::strings::find_cut(MAX_FIND));
        }
        let query = &query[..cut.unwrap_or(query.len())];
        let needle = fold(query.trim());
        // Typing on after a phrase that matched nothing cannot match: no scan.
        let dead_end = !self.find.searched.is_empty()
            && self.find.hits.is_empty()
            && needle.starts_with(self.find.searched.as_str());
        self.find.query = query.to_string();
        self.find.words.clear();
        if needle == self.find.searched || dead_end {
            self.find.searched = needle;
            return;
        }
        self.refresh_find();
        self.first_hit_from_origin();
    }

    /// Finds `words` (folded stems) apart, shown as `label`, from the top line down.
    pub fn find_words(&mut self, label: &str, words: Vec<String>) {
        self.find.query = label.to_string();
        self.find.words = words;
        if self.find.words.is_empty() {
            self.find.words.push(fold(label.trim()));
        }
        self.refresh_find();
        self.first_hit_from_origin();
    }

    fn first_hit_from_origin(&mut self) {
        let from = self.find.origin;
        // A long article is looked through only as far as its first hit below the origin;
        // the rest is counted while the reader is idle.
        while !self.find.counted && !self.find.hits.iter().any(|h| h.row >= from) {
            self.find_further();
        }
        self.find.current =
            self.find.hits.iter().position(|h| h.row >= from).or((!self.find.hits.is_empty()).then_some(0));
        self.show_find_hit();
    }

    /// Finds the hits of the current phrase in the layout made so far; the rest of a long
    /// article follows as it is laid out ([`App::find_further`]).
    pub fn refresh_find(&mut self) {
        self.find.hits.clear();
        self.find.rows_done = 0;
        self.find.counted = false;
        let needle = fold(self.find.query.trim());
        self.find.searched = needle.clone();
        let needles = if self.find.words.is_empty() { vec![needle] } else { self.find.words.clone() };
        if needles.iter().all(String::is_empty) {
            self.find.current = None;
            self.find.counted = true;
            return;
        }
        self.ensure_parsed();
        self.find_in_laid_out();
        if let Some(c) = self.find.current {
            self.find.current = (!self.find.hits.is_empty()).then(|| c.min(self.find.hits.len() - 1));
        }
    }

    /// Lays out one more slice of a long article and finds in it (or, when all is laid out,
    /// says the count is whole).
    pub fn find_further(&mut self) {
        if self.find.counted {
            return;
        }
        if self.layout_pending() {
            let target = self.layout.lines.len() + super::lazy::SLICE_LINES;
            self.lay_out_lines(target);
        }
        self.find_in_laid_out();
    }

    /// Finds the hits in the lines laid out since the last look.
    pub(super) fn find_in_laid_out(&mut self) {
        let needle = self.find.searched.clone();
        let needles = if self.find.words.is_empty() { vec![needle] } else { self.find.words.clone() };
        let from = self.find.rows_done.min(self.layout.lines.len());
        for (row, line) in self.layout.lines.iter().enumerate().skip(from) {
            let text = line.text();
            if needles.len() == 1 {
                let (folded, map) = fold_mapped(&text);
                for (at, _) in folded.match_indices(needles[0].as_str()) {
                    self.find.hits.push(FindHit { row, start: map[at], end: map[at + needles[0].len()] });
                }
            } else {
                for r in crate::search::highlights(&text, &needles) {
                    self.find.hits.push(FindHit { row, start: r.start, end: r.end });
                }
            }
        }
        self.find.rows_done = self.layout.lines.len();
        self.find.counted = !self.layout_pending();
    }

    /// Moves to the next (or previous) hit, wrapping around the article.
    pub fn find_step(&mut self, forward: bool) -> bool {
        if !self.find.active() {
            self.message = Some(crate::strings::NO_FIND.to_string());
            return true;
        }
        // Stepping past the hits found so far looks further (backwards wraps to the last:
        // everything is looked through).
        let last = self.find.current.is_some_and(|c| c + 1 >= self.find.hits.len());
        let before_first = self.find.current.is_none_or(|c| c == 0);
        while !self.find.counted
            && (self.find.hits.is_empty() || (forward && last) || (!forward && before_first))
        {
            let had = self.find.hits.len();
            self.find_further();
            if forward && self.find.hits.len() > had {
                break;
            }
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

#[cfg(test)]
mod tests {
    use crate::app::{Action, App, update};
    use crate::library::{Article, Library, Source};
    use crate::search::fold;

    /// A 1 MB generated article, parsed, with "nummer" (in many headings) being found.
    fn finding_in_a_long_article() -> App {
        let text = crate::corpus::article("Ryg", 5, 1_000_000);
        let mut library = Library::default();
        library.insert(Article::from_bytes("ryg".into(), Source::Bundled, text.as_bytes()).0);
        let mut app = App::new(library, 0, crate::clock::Clock::fixed(2026, 12, 6));
        update(&mut app, Action::Resize(80, 24));
        app.ensure_parsed();
        app.start_find();
        app.find_phrase("nummer");
        app
    }

    #[test]
    fn find_in_a_long_article_shows_the_first_hit_at_once_and_counts_exactly_when_done() {
        let mut app = finding_in_a_long_article();
        assert_eq!(app.find.current, Some(0), "the first hit is found at once");
        assert!(app.layout_pending(), "without laying out the whole article");
        assert_eq!(app.find.counter(), "1/…", "the count is not guessed while counting");
        let whole = crate::layout::Layout::new(&app.doc, app.layout.width);
        let rows: Vec<usize> = whole
            .lines
            .iter()
            .enumerate()
            .flat_map(|(row, l)| std::iter::repeat_n(row, fold(&l.text()).matches("nummer").count()))
            .collect();
        assert!(rows.len() > 100, "{}", rows.len());
        assert_eq!(app.find.hits[0].row, rows[0]);
        while !app.lay_out_more() {}
        assert_eq!(app.find.counter(), format!("1/{}", rows.len()), "the count is exact when done");
        assert_eq!(app.find.hits.iter().map(|h| h.row).collect::<Vec<_>>(), rows);
    }

    #[test]
    fn stepping_past_the_hits_found_so_far_finds_the_next_not_the_first() {
        let mut app = finding_in_a_long_article();
        let found = app.find.hits.len();
        app.find.current = Some(found - 1);
        assert!(app.find_step(true));
        assert_eq!(app.find.current, Some(found), "on to the next hit, not back to the first");
    }
}
