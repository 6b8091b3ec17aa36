//! The question palette and library search: prompts over the search index, their result
//! lists, and opening what was chosen.

use super::{App, Modal};
use crate::document::Document;
use crate::search::{Hit, Index, Query, Snippet, snippet};
use ratatui_textarea::TextArea;

/// A library of up to this much text is indexed at once when lookup first needs it (a few
/// milliseconds); a larger one on a thread, so no keystroke waits for it.
const INDEX_AT_ONCE: usize = 1 << 20;

/// How many results the lists hold.
const LIMIT: usize = 200;

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
    pub preview: Option<(usize, Document)>,
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

fn typed(input: &TextArea<'_>) -> String {
    input.lines().join(" ")
}

impl App {
    /// The search index, built at once if the library is small; a large one is built on a
    /// thread (see [`App::index_job`]) and `None` until it arrives.
    pub fn ensure_index(&mut self) -> Option<&Index> {
        if self.index.is_none() {
            let bytes: usize = self.library.articles.iter().map(|a| a.body.len()).sum();
            if bytes <= INDEX_AT_ONCE {
                self.index = Some(Index::of(&self.library));
            } else {
                self.request_index();
            }
        }
        self.index.as_ref()
    }

    /// Opens the question palette, listing every question.
    pub fn open_palette(&mut self) -> bool {
        let mut palette = Palette { input: prompt(), hits: Vec::new(), selected: 0, preview: None };
        palette.hits = self.ensure_index().map(|ix| ix.questions(&Query::new(""), LIMIT)).unwrap_or_default();
        self.modal = Modal::Palette(Box::new(palette));
        self.update_preview();
        true
    }

    /// The query changed: find the questions anew.
    pub fn refresh_palette(&mut self) {
        let Some(text) = self.palette().map(|p| typed(&p.input)) else { return };
        let hits = self.ensure_index().map(|ix| ix.questions(&Query::new(&text), LIMIT)).unwrap_or_default();
        if let Some(p) = self.palette_mut() {
            p.hits = hits;
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
        let doc = if article == self.current && self.parsed_prefix.is_none() {
            self.doc.clone()
        } else {
            Document::parse(&self.library.articles[article].body)
        };
        p.preview = Some((article, doc));
    }

    /// Opens the selected question: its article, scrolled so the question is the top line.
    pub fn accept_palette(&mut self) -> bool {
        let Modal::Palette(p) = self.close_modal() else { return false };
        let Some(hit) = p.hits.get(p.selected).copied() else { return true };
        self.jumping(|app| app.go_to(hit.target.article as usize, hit.target.heading.map(|h| h as usize)))
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
        let query = Query::new(&text);
        // Each hit's article is parsed for its snippet: a hundred keep a keystroke quick.
        let hits = self.ensure_index().map(|ix| ix.search(&query, LIMIT / 2)).unwrap_or_default();
        let mut order: Vec<usize> = Vec::new();
        for h in &hits {
            if !order.contains(&(h.target.article as usize)) {
                order.push(h.target.article as usize);
            }
        }
        let mut rows = Vec::new();
        for article in order {
            rows.push(ResultRow::Article(article));
            let doc = Document::parse(&self.library.articles[article].body);
            for (n, h) in hits.iter().enumerate().filter(|(_, h)| h.target.article as usize == article) {
                let heading = h.target.heading.map(|i| i as usize);
                let section = heading
                    .and_then(|i| doc.outline.headings.get(i))
                    .map_or(crate::strings::INTRO.to_string(), |h| h.text.clone());
                let snippet = snippet(&doc, heading, h.body_at, &query, snippet_width);
                rows.push(ResultRow::Hit { hit: n, section, snippet });
            }
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
        self.jumping(|app| app.go_to(target.article as usize, target.heading.map(|h| h as usize)));
        // Find the whole phrase if the article has it, else its first word.
        let words: Vec<&str> = text.split_whitespace().collect();
        self.find = super::find::Find { origin: self.scroll, ..Default::default() };
        self.find_phrase(&words.join(" "));
        if self.find.hits.is_empty() && !words.is_empty() {
            self.find_phrase(words[0]);
        }
        true
    }
}
