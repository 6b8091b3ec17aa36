//! Showing a long article before it is all processed: its start is parsed and laid out for
//! the first screens, the whole is parsed on another thread ([`App::parse_job`]) and the rest
//! laid out in slices while the user reads.

use super::App;
use crate::document::Document;
use crate::layout::Layout;
use std::sync::Arc;

/// How much of a long article is parsed before its first screen is shown.
pub const PREFIX_BYTES: usize = 64 * 1024;

/// Articles up to this size are laid out whole when opened (a fraction of a millisecond);
/// longer ones a screenful first and the rest in slices.
const EAGER_BYTES: usize = 256 * 1024;

/// How many lines one slice of background layout adds (about a millisecond of work).
pub(super) const SLICE_LINES: usize = 2000;

impl App {
    /// The parse the open article still needs: its generation and its text, for a thread
    /// that calls [`Document::parse`] and hands the result to [`App::adopt`].
    pub fn parse_job(&self) -> Option<(u64, Arc<str>)> {
        self.parsed_prefix?;
        let body = &self.library.articles.get(self.current)?.body;
        Some((self.generation, Arc::clone(body)))
    }

    /// Takes the whole article's document, parsed elsewhere, if it is still wanted.
    pub fn adopt(&mut self, generation: u64, doc: Document) -> bool {
        if generation != self.generation || self.parsed_prefix.is_none() {
            return false;
        }
        self.parsed_prefix = None;
        self.doc = doc;
        // The start lays out as before; lay out anew so the rest follows from the whole.
        self.layout = Layout::start(self.layout.width);
        self.lay_out_lines(self.scroll + self.page() * 2);
        if self.find.active() {
            self.refresh_find();
        }
        true
    }

    /// The articles to index, for a thread to build the search index from, when lookup
    /// wants an index there is not yet: (title, body) of each, in library order.
    pub fn index_job(&self) -> Option<Vec<(String, Arc<str>)>> {
        if self.index.is_some() || !self.want_index {
            return None;
        }
        Some(self.library.articles.iter().map(|a| (a.title.clone(), Arc::clone(&a.body))).collect())
    }

    /// What an empty palette or search says: that the index is on its way, that it could
    /// not be built, or that nothing matches.
    pub fn lookup_status(&self) -> &'static str {
        match (&self.index, self.index_failed) {
            (Some(_), _) => crate::strings::NO_MATCHES.as_str(),
            (None, true) => crate::strings::INDEX_FAILED.as_str(),
            (None, false) => crate::strings::INDEXING.as_str(),
        }
    }

    /// Building the index failed (a panic on its thread, said as `why`): lookup is off for
    /// the session, and the reader carries on.
    pub fn index_failed(&mut self, why: &str) {
        self.index_failed = true;
        self.message = Some(crate::strings::index_failed(&crate::sanitize::visible(why)));
    }

    /// Asks (once) for the search index to be built on a thread.
    pub(crate) fn request_index(&mut self) {
        if !self.want_index {
            self.want_index = true;
            if let Some(job) = self.index_job() {
                self.ask(super::Effect::BuildIndex(job));
            }
        }
    }

    /// Takes the search index built on a thread, and shows what the open lookup finds.
    pub fn adopt_index(&mut self, mut index: crate::search::Index) {
        index.attach(&self.library);
        self.index.get_or_insert(Arc::new(index));
        self.refresh_palette();
        let width = usize::from(self.area.width.saturating_sub(6)).max(20);
        self.refresh_search(width);
    }

    /// Parses the whole open article now, if only its start is parsed (when the user wants
    /// something of it before the thread has finished). A panic while parsing is caught and
    /// said, and the start stays on screen.
    pub fn ensure_parsed(&mut self) {
        if let Some((generation, body)) = self.parse_job() {
            let parse = self.parse;
            match crate::panics::caught(std::panic::AssertUnwindSafe(|| parse(&body))) {
                Ok(doc) => {
                    self.adopt(generation, doc);
                }
                Err(why) => {
                    self.parse_failed(generation, &why);
                }
            }
        }
    }

    /// Parsing the whole of the article opened as `generation` failed (a panic, said as
    /// `why`): the reader goes on with the start it has, and says so. Whether that changed
    /// the screen.
    pub fn parse_failed(&mut self, generation: u64, why: &str) -> bool {
        if generation != self.generation || self.parsed_prefix.is_none() {
            return false;
        }
        self.parsed_prefix = None;
        self.message = Some(crate::strings::parse_failed(&crate::sanitize::visible(why)));
        true
    }

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

    /// Whether there is work for when the reader is idle: layout to finish, or hits of find
    /// to count.
    pub fn work_pending(&self) -> bool {
        self.layout_pending() || (self.find.active() && !self.find.counted)
    }

    /// One slice of the remaining layout, and finding in it, for when the reader is idle.
    /// Returns whether that work is now done (the screen shows the end of it).
    pub fn lay_out_more(&mut self) -> bool {
        if self.find.active() {
            self.find_further();
        } else {
            let target = self.layout.lines.len() + SLICE_LINES;
            self.lay_out_lines(target);
        }
        !self.work_pending()
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
        let mut app = App::new(library, 0, crate::clock::Clock::fixed(2026, 12, 6));
        update(&mut app, Action::Resize(80, 24));
        app
    }

    #[test]
    fn a_long_article_opens_parsed_in_part_and_takes_the_whole_when_it_comes() {
        let mut app = big_app();
        let prefix = app.parsed_prefix.expect("parsed in part");
        assert!((64_000..70_000).contains(&prefix), "{prefix}");
        let partial_headings = app.doc.outline.headings.len();
        let (generation, body) = app.parse_job().expect("a job for the thread");
        let whole = crate::document::Document::parse(&body);
        assert!(whole.outline.headings.len() > partial_headings * 4);
        assert!(!app.adopt(generation + 1, whole.clone()), "a stale parse is ignored");
        assert!(app.adopt(generation, whole));
        assert!(app.parse_job().is_none());
        assert!(app.doc.outline.headings.len() > partial_headings * 4);
    }

    #[test]
    fn any_key_before_the_thread_is_done_parses_the_rest_at_once() {
        let mut app = big_app();
        update(&mut app, Action::Down);
        assert_eq!(app.parsed_prefix, None);
        assert_eq!(app.scroll, 1);
    }

    #[test]
    fn a_long_article_opens_with_only_its_first_screens_laid_out() {
        let mut app = big_app();
        app.ensure_parsed();
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
    fn a_large_library_is_indexed_on_a_thread_and_lookup_waits_for_it() {
        let mut app = big_app();
        for n in 0..4 {
            let text = crate::corpus::article("Hofte", n, 400_000);
            app.library.insert(Article::from_bytes(format!("hofte{n}"), Source::Bundled, text.as_bytes()).0);
        }
        update(&mut app, Action::Palette);
        assert!(app.index.is_none(), "no index built on the keystroke");
        let job = app.index_job().expect("a job for the thread");
        let refs: Vec<(&str, &str)> = job.iter().map(|(t, b)| (t.as_str(), &**b)).collect();
        app.adopt_index(crate::search::Index::build(&refs));
        assert!(!app.palette().expect("palette").hits.is_empty(), "the questions appear");
        assert!(app.index_job().is_none());
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
