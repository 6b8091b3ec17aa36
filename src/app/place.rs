//! Where the reader is in an article: the percentage the status line shows, and the same
//! place found again in a new version of the article (live reload).

use super::App;
use crate::document::Document;

/// The percentage for a reader whose top line is `scroll` in `total` lines, `page` of them on
/// screen: 0 at the top, 100 with the last line on screen, rising with `scroll`. An article
/// that fits on one screen is all read (100). While the total is only an estimate
/// (`complete` false) 100 is kept for the real end.
pub fn percent(scroll: usize, total: usize, page: usize, complete: bool) -> usize {
    let last_top = total.saturating_sub(page);
    if last_top == 0 {
        return 100;
    }
    let p = scroll.min(last_top) * 100 / last_top;
    if complete { p } else { p.min(99) }
}

/// The reading place in terms that survive an edit of the article: the heading of the
/// section at the top (its anchor and its text), how many lines into the section, and the
/// top line itself for when the heading is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The section's heading: (anchor, text); `None` in the introduction.
    pub heading: Option<(String, String)>,
    /// Lines from the heading (or the top) to the top line.
    pub offset: usize,
    /// The top line.
    pub scroll: usize,
}

/// The heading of `doc` that `mark` was at: the one with the same anchor, else the same
/// text; `Some(None)` for the introduction, `None` when the heading is gone.
pub fn find_heading(doc: &Document, mark: &Mark) -> Option<Option<usize>> {
    let Some((anchor, text)) = &mark.heading else { return Some(None) };
    let headings = &doc.outline.headings;
    let by_anchor = headings.iter().position(|h| &h.anchor == anchor);
    by_anchor.or_else(|| headings.iter().position(|h| &h.text == text)).map(Some)
}

impl App {
    /// Where the reader is, as a [`Mark`].
    pub fn mark(&self) -> Mark {
        let here = self.here();
        let heading = here
            .section
            .and_then(|i| self.doc.outline.headings.get(i))
            .map(|h| (h.anchor.clone(), h.text.clone()));
        Mark { heading, offset: here.offset, scroll: self.scroll }
    }

    /// Puts the reader back at `mark` in the open article (parsed in full first): the same
    /// heading and as far into its section as the section still reaches; when the heading is
    /// gone, the same top line (as near as the article's new length allows).
    pub fn go_to_mark(&mut self, mark: &Mark) {
        self.ensure_parsed();
        let heading = match find_heading(&self.doc, mark) {
            Some(found) => found,
            None => {
                self.lay_out_lines(mark.scroll + self.page() * 2);
                self.scroll = mark.scroll.min(self.max_scroll());
                self.contents_sel = self.section().unwrap_or(0);
                return;
            }
        };
        let start = match heading {
            Some(i) => {
                self.lay_out_heading(i + 1);
                self.layout.heading_rows.get(i).copied().unwrap_or(0)
            }
            None => 0,
        };
        // Stay inside the section: a shorter one puts its last line on top.
        let next = heading.map_or(0, |i| i + 1);
        let end = self.layout.heading_rows.get(next).copied().unwrap_or(usize::MAX);
        let top = (start + mark.offset).min(end.saturating_sub(1)).max(start);
        self.lay_out_lines(top + self.page() * 2);
        self.scroll = top.min(self.max_scroll().max(start));
        self.contents_sel = heading.unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_is_nought_the_end_a_hundred_and_between_rises_with_the_scroll() {
        // 100 lines, 20 on screen: the last top line is 80.
        assert_eq!(percent(0, 100, 20, true), 0);
        assert_eq!(percent(80, 100, 20, true), 100);
        assert_eq!(percent(40, 100, 20, true), 50);
        let steps: Vec<usize> = (0..=80).map(|s| percent(s, 100, 20, true)).collect();
        assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
        assert!(steps[..80].iter().all(|&p| p < 100), "100 only at the end");
    }

    #[test]
    fn an_article_that_fits_is_all_read_and_an_estimate_never_claims_the_end() {
        assert_eq!(percent(0, 10, 20, true), 100);
        assert_eq!(percent(0, 1000, 20, false), 0);
        assert_eq!(percent(2000, 1000, 20, false), 99);
    }

    fn doc(text: &str) -> Document {
        Document::parse(text)
    }

    fn mark(anchor: &str, text: &str) -> Mark {
        Mark { heading: Some((anchor.into(), text.into())), offset: 2, scroll: 30 }
    }

    #[test]
    fn a_heading_is_found_again_by_its_anchor_then_by_its_text() {
        let before = mark("hvad-er-det", "Hvad er det?");
        let moved = doc("## Ny\n\nx\n\n## Indledning\n\ny\n\n## Hvad er det?\n\nz\n");
        assert_eq!(find_heading(&moved, &before), Some(Some(2)), "by anchor, moved down");
        let renamed_anchor = mark("gammel", "Indledning");
        assert_eq!(find_heading(&moved, &renamed_anchor), Some(Some(1)), "by text");
        assert_eq!(find_heading(&doc("## Andet\n\nx\n"), &before), None, "gone");
        let intro = Mark { heading: None, ..before };
        assert_eq!(find_heading(&moved, &intro), Some(None));
    }
}
