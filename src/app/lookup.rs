//! The question palette and library search: prompts over the search index, their result
//! lists, and opening what was chosen.

use super::{App, Modal};
use crate::document::Document;
use crate::layout::Layout;
use crate::search::{Hit, Index, Query, Snippet, snippet};
use ratatui_textarea::TextArea;
use std::cell::RefCell;
use std::sync::Arc;

/// A library of up to this much text is indexed at once when lookup first needs it (a few
/// milliseconds); a larger one on a thread, so no keystroke waits for it.
const INDEX_AT_ONCE: usize = 1 << 20;

/// How many results the lists hold.
const LIMIT: usize = 200;

/// The palette's preview laid out: for which unit, at which width, and the layout.
pub type PreviewLayout = RefCell<Option<(u32, usize, Layout)>>;

/// The question palette.
#[derive(Debug)]
pub struct Palette {
    /// What is typed.
    pub input: TextArea<'static>,
    /// The matching questions, best first.
    pub hits: Vec<Hit>,
    /// The selected one.
    pub selected: usize,
    /// The article of the selected question, parsed, for the preview of its answer.
    pub preview: Option<(usize, Arc<Document>)>,
    /// The preview's answer laid out, for the unit and width it was laid out for: drawn
    /// from here until the selection or the width changes.
    pub preview_layout: PreviewLayout,
    /// What the query's words are looked for as (folded): the parts of a question shown bold.
    pub patterns: Vec<String>,
    /// The most urgent warning sign the query names: its level of care and its name, said
    /// first above the answer.
    pub care: Option<crate::search::Care>,
    /// No question heading matched: the hits are sections whose text does.
    pub in_text: bool,
}

/// One line of library search's results: an article, or a hit under it.
#[derive(Debug, Clone)]
pub enum ResultRow {
    /// The article the hits below belong to.
    Article(usize),
    /// A hit: its section's title and a snippet.
    Hit {
        /// Which of the search's hits.
        hit: usize,
        /// The section's heading (or "Introduction").
        section: String,
        /// The text around the hit.
        snippet: Snippet,
    },
    /// The list holds only the best hits: it says so, and how many there are.
    More {
        /// How many are shown.
        shown: usize,
        /// How many matched.
        total: usize,
    },
}

/// Library search.
#[derive(Debug)]
pub struct LibrarySearch {
    /// What is typed.
    pub input: TextArea<'static>,
    /// What was found, best first.
    pub hits: Vec<Hit>,
    /// The hits grouped by article, as the list shows them.
    pub rows: Vec<ResultRow>,
    /// The selected row (always a hit).
    pub selected: usize,
}

fn prompt() -> TextArea<'static> {
    let mut input = TextArea::default();
    input.set_cursor_line_style(ratatui::style::Style::new());
    input
}

/// The longest query the palette and library search read, in characters: a pasted essay
/// costs one look-up of its start per keystroke, not a look-up of the whole.
pub const MAX_QUERY: usize = 400;

/// What is typed, up to [`MAX_QUERY`] characters.
fn typed(input: &TextArea<'_>) -> String {
    let mut text = String::new();
    for line in input.lines() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
        if text.len() > MAX_QUERY * 4 {
            break;
        }
    }
    match text.char_indices().nth(MAX_QUERY) {
        Some((at, _)) => text[..at].to_string(),
        None => text,
    }
}

impl App {
    /// The search index, built at once if the library is small; a large one is built on a
    /// thread (see [`App::index_job`]) and `None` until it arrives.
    pub fn ensure_index(&mut self) -> Option<&Index> {
        if let (None, Some(shared)) = (&self.index, &self.shared_index) {
            self.index = Some(shared.get_or_init(|| Arc::new(Index::of(&self.library))).clone());
        }
        if self.index.is_none() {
            let bytes: usize = self.library.articles.iter().map(|a| a.body.len()).sum();
            if bytes <= INDEX_AT_ONCE {
                self.index = Some(Arc::new(Index::of(&self.library)));
            } else {
                self.request_index();
            }
        }
        self.index.as_deref()
    }

    /// Opens the question palette, listing every question.
    pub fn open_palette(&mut self) -> bool {
        let mut palette = Palette {
            input: prompt(),
            hits: Vec::new(),
            selected: 0,
            preview: None,
            preview_layout: RefCell::new(None),
            patterns: Vec::new(),
            care: None,
            in_text: false,
        };
        palette.hits = self.ensure_index().map(|ix| ix.questions(&Query::new(""), LIMIT)).unwrap_or_default();
        self.modal = Modal::Palette(Box::new(palette));
        self.update_preview();
        true
    }

    /// The query changed: find the questions anew.
    pub fn refresh_palette(&mut self) {
        let Some(text) = self.palette().map(|p| typed(&p.input)) else { return };
        let query = Query::typing(&text);
        let small = self.library.articles.iter().map(|a| a.body.len()).sum::<usize>() <= INDEX_AT_ONCE;
        let (hits, patterns, care, in_text) = self
            .ensure_index()
            .map(|ix| {
                let (mut hits, reading) = ix.questions_read(&query, LIMIT);
                // No question heading fits: a small library's sections whose text does
                // (a large one says how to search the text instead).
                let in_text = hits.is_empty() && small && query.answerable();
                if in_text {
                    hits = ix.answers(&query, LIMIT);
                }
                (hits, ix.patterns(&query), reading.care(), in_text)
            })
            .unwrap_or_default();
        if let Some(p) = self.palette_mut() {
            p.hits = hits;
            p.patterns = patterns;
            p.care = care;
            p.in_text = in_text;
            p.selected = 0;
        }
        self.update_preview();
    }

    /// Parses the selected question's article for the preview, if not already.
    pub fn update_preview(&mut self) {
        let Modal::Palette(p) = &mut self.modal else { return };
        let Some(article) = p.hits.get(p.selected).map(|h| h.target.article as usize) else {
            p.preview = None;
            return;
        };
        if p.preview.as_ref().is_some_and(|(a, _)| *a == article) {
            return;
        }
        p.preview = Some((article, self.docs.get(article, &self.library.articles[article].body)));
    }

    /// Opens the selected question: its article, scrolled so the question is the top line.
    pub fn accept_palette(&mut self) -> bool {
        let Modal::Palette(p) = self.close_modal() else { return false };
        let Some(hit) = p.hits.get(p.selected).copied() else { return true };
        let moved = self
            .jumping(|app| app.go_to(hit.target.article as usize, hit.target.heading.map(|h| h as usize)));
        // A warning sign's level of care stays said while the answer is read.
        if let Some(care) = &p.care {
            self.message = Some(care.line());
        }
        moved
    }

    /// Opens article `article` (if not open) at heading `heading` (or its top).
    pub fn go_to(&mut self, article: usize, heading: Option<usize>) -> bool {
        if article != self.current {
            self.open(article);
        }
        self.ensure_parsed();
        match heading {
            Some(i) => self.jump_to_heading(i),
            None => self.scroll = 0,
        }
        true
    }

    /// Opens library search.
    pub fn open_search(&mut self) -> bool {
        self.ensure_index();
        self.modal = Modal::Search(Box::new(LibrarySearch {
            input: prompt(),
            hits: Vec::new(),
            rows: Vec::new(),
            selected: 0,
        }));
        true
    }

    /// The query changed: search anew and group the hits by article.
    pub fn refresh_search(&mut self, snippet_width: usize) {
        let Some(text) = self.search().map(|s| typed(&s.input)) else { return };
        let query = Query::typing(&text);
        // Each hit's article is parsed once for its snippets (and kept in `docs`).
        let (hits, total) =
            self.ensure_index().map(|ix| ix.search_counted(&query, LIMIT / 2)).unwrap_or_default();
        let mut order: Vec<usize> = Vec::new();
        for h in &hits {
            if !order.contains(&(h.target.article as usize)) {
                order.push(h.target.article as usize);
            }
        }
        let mut rows = Vec::new();
        for article in order {
            rows.push(ResultRow::Article(article));
            let doc = self.docs.get(article, &self.library.articles[article].body);
            for (n, h) in hits.iter().enumerate().filter(|(_, h)| h.target.article as usize == article) {
                let heading = h.target.heading.map(|i| i as usize);
                let section = heading
                    .and_then(|i| doc.outline.headings.get(i))
                    .map_or(crate::strings::INTRO.to_string(), |h| h.text.clone());
                let snippet = snippet(&doc, heading, h.body_at, &query, snippet_width);
                rows.push(ResultRow::Hit { hit: n, section, snippet });
            }
        }
        if total > hits.len() {
            rows.push(ResultRow::More { shown: hits.len(), total });
        }
        if let Some(s) = self.search_mut() {
            s.hits = hits;
            s.selected = rows.iter().position(|r| matches!(r, ResultRow::Hit { .. })).unwrap_or(0);
            s.rows = rows;
        }
    }

    /// Moves the selection of the open list by `delta` entries.
    pub fn move_in_list(&mut self, delta: isize) -> bool {
        if let Some(p) = self.palette_mut() {
            let last = p.hits.len().saturating_sub(1);
            p.selected = p.selected.saturating_add_signed(delta).min(last);
            self.update_preview();
            return true;
        }
        let Some(s) = self.search_mut() else { return false };
        let hits: Vec<usize> =
            (0..s.rows.len()).filter(|&r| matches!(s.rows[r], ResultRow::Hit { .. })).collect();
        let Some(now) = hits.iter().position(|&r| r == s.selected) else { return false };
        let next = now.saturating_add_signed(delta).min(hits.len().saturating_sub(1));
        s.selected = hits[next];
        true
    }

    /// Opens the selected search hit, with find primed on the query so `n` goes on from it.
    pub fn accept_search(&mut self) -> bool {
        let Modal::Search(s) = self.close_modal() else { return false };
        let Some(ResultRow::Hit { hit, .. }) = s.rows.get(s.selected) else { return true };
        let target = s.hits[*hit].target;
        let text = typed(&s.input);
        let words = self.index.as_ref().map(|ix| ix.patterns(&Query::new(&text))).unwrap_or_default();
        self.jumping(|app| app.go_to(target.article as usize, target.heading.map(|h| h as usize)));
        // Find the words as search matched them, apart, from the chosen section on: `n`
        // goes on from the hit that was chosen.
        self.find = super::find::Find { origin: self.scroll, ..Default::default() };
        self.find_words(&text, words);
        true
    }
}
