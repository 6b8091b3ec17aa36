//! Laying out the open article a piece at a time: enough for what is on screen at once,
//! the rest while the user reads, so a long article shows its first screen immediately.

use super::App;

/// Articles up to this size are laid out whole when opened (a fraction of a millisecond);
/// longer ones a screenful first and the rest in slices.
const EAGER_BYTES: usize = 256 * 1024;

/// How many lines one slice of background layout adds (about a millisecond of work).
const SLICE_LINES: usize = 2000;

impl App {
    /// Whether the open article is short enough to lay out whole at once.
    pub fn eager(&self) -> bool {
        self.library.articles.get(self.current).is_none_or(|a| a.body.len() <= EAGER_BYTES)
    }

    /// Lays out until at least `n` lines exist (or the whole article).
    pub fn lay_out_lines(&mut self, n: usize) {
        self.layout.extend(&self.doc, |l| l.lines.len() >= n);
    }

    /// Lays out until heading `i` has its line (or the whole article).
    pub fn lay_out_heading(&mut self, i: usize) {
        self.layout.extend(&self.doc, |l| l.heading_rows.len() > i);
    }

    /// Whether part of the article is still to be laid out.
    pub fn layout_pending(&self) -> bool {
        !self.layout.is_complete(&self.doc)
    }

    /// One slice of the remaining layout, for when the reader is idle. Returns whether the
    /// layout is now complete.
    pub fn lay_out_more(&mut self) -> bool {
        let target = self.layout.lines.len() + SLICE_LINES;
        self.lay_out_lines(target);
        !self.layout_pending()
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{Action, App, update};
    use crate::library::{Article, Library, Source};

    fn big_app() -> App {
        let text = crate::corpus::article("Ryg", 5, 400_000);
        let mut library = Library::default();
        library.insert(Article::from_bytes("ryg".into(), Source::Bundled, text.as_bytes()).0);
        let mut app = App::new(library, 0);
        update(&mut app, Action::Resize(80, 24));
        app
    }

    #[test]
    fn a_long_article_opens_with_only_its_first_screens_laid_out() {
        let mut app = big_app();
        assert!(app.layout_pending());
        assert!(app.layout.lines.len() < 200, "{}", app.layout.lines.len());
        let mut slices = 0;
        while !app.lay_out_more() {
            slices += 1;
        }
        assert!(slices > 2, "the rest came in slices: {slices}");
        assert_eq!(
            app.layout.lines.to_vec(),
            crate::layout::Layout::new(&app.doc, app.layout.width).lines.to_vec()
        );
    }

    #[test]
    fn jumps_and_the_end_lay_out_what_they_need() {
        let mut app = big_app();
        update(&mut app, Action::Faq);
        let faq = app.doc.outline.faq().expect("faq");
        assert_eq!(app.scroll, app.layout.heading_rows[faq]);
        assert_eq!(app.section(), Some(faq));
        update(&mut app, Action::Top);
        update(&mut app, Action::NextQuestion);
        assert_eq!(app.section(), Some(0));
        update(&mut app, Action::Bottom);
        assert!(!app.layout_pending());
        assert_eq!(app.scroll, app.max_scroll());
        assert_eq!(app.percent(), 100);
    }
}
