//! The reviewer's desk in the reader: notes on sections (the editor, the list), bookmarks,
//! review status, and where each article was left. Changes to the store are queued as
//! [`Change`]s for the event loop to save; the App never writes files itself.

use super::{App, Effect, Modal, SaveError, SaveErrorKind};
use crate::store::{Anchor, Bookmark, Change, Draft, Position, Store, now, resolve};
use crate::strings;
use ratatui_textarea::TextArea;

/// The note being written.
#[derive(Debug)]
pub struct Editor {
    /// The text.
    pub input: TextArea<'static>,
    /// The section it is on.
    pub anchor: Anchor,
    /// The comment it edits, or `None` for a new one.
    pub note: Option<String>,
    /// The text it started with, to tell whether it changed.
    pub original: String,
    /// Set while asking whether to throw the changes away.
    pub confirm_discard: bool,
    /// The save on its way: the text saved and the ledger write queued for it. The editor
    /// closes when the write succeeds; if it fails, the write is withdrawn and the editor stays.
    pub saving: Option<(String, crate::ledger::Write)>,
    /// Why the last draft of it could not be kept (shown in the editor until one is).
    pub draft_error: Option<String>,
}

impl Editor {
    /// What is typed.
    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }

    /// Whether the text differs from what it started with.
    pub fn changed(&self) -> bool {
        self.text() != self.original
    }

    /// The draft to keep in case the session ends.
    pub fn draft(&self) -> Draft {
        Draft { anchor: self.anchor.clone(), note: self.note.clone(), text: self.text() }
    }
}

/// Which list is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// The notes on the open article (`A`).
    Notes,
    /// The bookmarks across the library (`'`).
    Bookmarks,
}

/// The notes or bookmarks list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListView {
    /// Which list.
    pub kind: ListKind,
    /// The selected row.
    pub selected: usize,
    /// Set while asking whether to delete the selected note.
    pub confirm_delete: bool,
}

impl App {
    /// The store as last saved or loaded, with the changes still queued applied.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Takes a reviewer's own files as they were loaded: the store (and what went wrong
    /// reading it), the position the open article was left at, and a draft that a session
    /// left behind (read from `drafts`, the store's folder), offered back. What went wrong is
    /// said in the status line.
    pub fn adopt_personal(&mut self, loaded: crate::store::Loaded, drafts: &std::path::Path) {
        let read_only = loaded.read_only();
        self.first_run_hint = !crate::store::hint_dismissed(drafts);
        self.set_store(loaded.store, read_only);
        self.restore_position();
        if let Some(problem) = loaded.problem {
            self.message = Some(problem.to_string());
        }
        match Draft::find(drafts) {
            Ok(Some(draft)) => self.recover(draft),
            Ok(None) => {}
            Err(problem) => self.message = Some(problem.to_string()),
        }
    }

    /// Takes the store (after loading).
    pub fn set_store(&mut self, store: Store, read_only: bool) {
        self.saved = store;
        self.store_read_only = read_only;
        self.show_queued();
    }

    /// The changes queued and not yet written.
    pub fn pending_changes(&self) -> &[Change] {
        &self.changes
    }

    /// Takes the queued changes, as if written (for tests of what was queued).
    pub fn take_changes(&mut self) -> Vec<Change> {
        let changes = std::mem::take(&mut self.changes);
        changes.iter().for_each(|c| self.saved.apply(c));
        changes
    }

    /// Whether a save waits for another artikel to release the lock.
    pub fn waiting_for_lock(&self) -> bool {
        self.waiting && !self.changes.is_empty()
    }

    /// Another try at writing what is queued (while another artikel held the lock).
    pub fn retry_store(&mut self) -> Vec<Effect> {
        if self.changes.is_empty() {
            self.waiting = false;
            return Vec::new();
        }
        vec![Effect::WriteStore(self.changes.clone())]
    }

    /// The loop tried to write the first `count` queued changes: `Ok` is the store as
    /// written (others' changes merged). Only then do they leave the queue, and a note being
    /// saved closes and its draft goes. A refused or failed write is said; a note being
    /// saved stays open in its editor (with its draft), other changes stay queued. While
    /// another artikel holds the lock, the loop tries again. Returns what follows.
    pub fn store_written(&mut self, count: usize, result: Result<Store, SaveError>) -> Vec<Effect> {
        let was_waiting = std::mem::take(&mut self.waiting);
        match result {
            Ok(store) => {
                self.changes.drain(..count.min(self.changes.len()));
                self.saved = store;
                self.show_queued();
                if was_waiting {
                    self.message = Some(strings::SAVED_AFTER_WAIT.to_string());
                }
            }
            Err(e) if e.kind == SaveErrorKind::Busy => {
                self.waiting = true;
                self.message = Some(strings::WAITING_FOR_LOCK.to_string());
            }
            Err(e) => {
                if e.kind == SaveErrorKind::Refused {
                    self.store_read_only = true;
                }
                self.message = Some(strings::not_saved(&e.message, false));
            }
        }
        self.take_effects()
    }

    /// The draft of the note being written could not be kept (`Some(why)`), or was.
    pub fn draft_kept(&mut self, result: Result<(), &str>) {
        let error = result.err().map(strings::draft_not_kept);
        if let Some(e) = self.editor_mut() {
            e.draft_error = error.clone();
        }
        if let Some(error) = error {
            self.message = Some(error);
        }
    }

    /// What the reader shows: the store as saved, with the queued changes applied.
    fn show_queued(&mut self) {
        let mut store = self.saved.clone();
        self.changes.iter().for_each(|c| store.apply(c));
        self.store = store;
    }

    /// Queues `change` for the loop to write, and shows it at once. False (and said) if the
    /// store is read-only.
    fn queue(&mut self, change: Change) -> bool {
        if self.store_read_only {
            self.message = Some(strings::STORE_READ_ONLY.to_string());
            return false;
        }
        self.store.apply(&change);
        self.changes.push(change);
        self.unsent = true;
        true
    }

    /// The anchor of the section at the top: its heading's text and place.
    pub fn here_anchor(&self) -> Anchor {
        let slug = self.library.articles[self.current].slug.clone();
        match self.section() {
            Some(i) => Anchor { slug, heading: self.doc.outline.headings[i].text.clone(), position: i },
            None => Anchor { slug, heading: String::new(), position: 0 },
        }
    }

    /// The headings of the open article that have open comments.
    pub fn noted_headings(&self) -> Vec<usize> {
        let texts: Vec<&str> = self.doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
        self.listed_comments()
            .into_iter()
            .filter(|c| !c.resolved && !c.heading.is_empty())
            .filter_map(|c| resolve(&comment_anchor(c), &texts))
            .collect()
    }

    /// The headings of the open article that are bookmarked.
    pub fn bookmarked_headings(&self) -> Vec<usize> {
        let texts: Vec<&str> = self.doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
        let slug = &self.library.articles[self.current].slug;
        self.store
            .bookmarks
            .iter()
            .filter(|b| &b.anchor.slug == slug)
            .filter_map(|b| resolve(&b.anchor, &texts))
            .collect()
    }

    /// Opens the editor for a new comment on the section at the top.
    pub fn start_note(&mut self) -> bool {
        let anchor = self.here_anchor();
        self.edit(anchor, None, "");
        true
    }

    /// Opens the editor on `text`, for note `note` (or a new one) on `anchor`.
    pub fn edit(&mut self, anchor: Anchor, note: Option<String>, text: &str) {
        let mut input = TextArea::new(text.lines().map(str::to_string).collect());
        if text.is_empty() {
            input = TextArea::default();
        }
        // Long lines wrap at the editor's width (at words, or inside a word too long for it).
        input.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        self.modal = Modal::Editor(Box::new(Editor {
            input,
            anchor,
            note,
            original: text.to_string(),
            confirm_discard: false,
            saving: None,
            draft_error: None,
        }));
    }

    /// Opens the editor on a recovered draft.
    pub fn recover(&mut self, draft: Draft) {
        // The comment it edits is read from the ledger later; until then its text is unknown.
        self.edit(draft.anchor, draft.note, &draft.text);
        if let Some(e) = self.editor_mut() {
            e.original = String::new();
        }
        self.message = Some(strings::DRAFT_RECOVERED.to_string());
    }

    /// Saves the comment being written (an empty one deletes it). The editor stays open until
    /// the loop has written it (see [`App::ledger_written`]).
    pub fn save_note(&mut self) -> bool {
        let Some(editor) = self.editor() else { return false };
        if editor.saving.is_some() {
            let waiting =
                if self.ledger_busy() { strings::WAITING_FOR_LEDGER } else { strings::WAITING_FOR_LOCK };
            self.message = Some(waiting.to_string());
            return true;
        }
        let typed = editor.text();
        let text = typed.trim_end().to_string();
        let Some(write) = self.comment_write(&editor.anchor, editor.note.as_deref(), &text) else {
            // An empty new comment: nothing to keep.
            self.close_modal();
            self.ask(Effect::ClearDraft);
            return true;
        };
        self.queue_comment(write.clone());
        if let Some(editor) = self.editor_mut() {
            editor.saving = Some((typed, write));
        }
        true
    }

    /// Esc in the editor: closes it, asking first if the text changed. A save still on its
    /// way is withdrawn.
    pub fn close_editor(&mut self) -> bool {
        match self.editor_mut() {
            Some(e) if e.changed() && !e.confirm_discard => e.confirm_discard = true,
            _ => self.discard_note(),
        }
        true
    }

    /// Closes the editor without saving; its draft goes.
    pub fn discard_note(&mut self) {
        self.withdraw_comment();
        self.close_modal();
        self.ask(Effect::ClearDraft);
    }

    /// Toggles a bookmark on the section at the top.
    pub fn toggle_bookmark(&mut self) -> bool {
        let anchor = self.here_anchor();
        // As the store judges "the same section": the article and the heading's text.
        let had = self
            .store
            .bookmarks
            .iter()
            .any(|b| b.anchor.slug == anchor.slug && b.anchor.heading == anchor.heading);
        if self.queue(Change::SetBookmark { bookmark: Bookmark { anchor, created: now() }, on: !had }) {
            self.message = Some(if had { strings::BOOKMARK_OFF } else { strings::BOOKMARK_ON }.to_string());
        }
        true
    }

    /// Remembers where the open article is read (when leaving it).
    pub fn remember_position(&mut self) {
        let Some(article) = self.library.articles.get(self.current) else { return };
        let slug = article.slug.clone();
        let place = self.here();
        let heading = place.section.and_then(|i| self.doc.outline.headings.get(i)).map(|h| h.text.clone());
        let position = Position { heading, offset: place.offset };
        let known = self.store.positions.get(&slug) == Some(&position)
            && self.store.last_article.as_ref() == Some(&slug);
        // A read-only store keeps no positions, and that is not worth a message.
        if !known && !self.store_read_only {
            self.queue(Change::SetPosition(slug, position));
        }
    }

    /// Returns to where the open article was left, if it was.
    pub fn restore_position(&mut self) {
        let slug = &self.library.articles[self.current].slug;
        let Some(position) = self.store.positions.get(slug).cloned() else { return };
        self.ensure_parsed();
        let start = match position
            .heading
            .as_deref()
            .and_then(|h| self.doc.outline.headings.iter().position(|x| x.text == h))
        {
            Some(i) => {
                self.lay_out_heading(i);
                self.layout.heading_rows.get(i).copied().unwrap_or(0)
            }
            None => 0,
        };
        self.lay_out_lines(start + position.offset + self.page() * 2);
        self.scroll = (start + position.offset).min(self.max_scroll().max(start));
    }

    /// The rows of the open list: (article, heading index if resolved, label).
    pub fn list_rows(&self, kind: ListKind) -> Vec<(usize, Option<usize>, String)> {
        match kind {
            ListKind::Notes => {
                let texts: Vec<&str> = self.doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
                self.listed_comments()
                    .into_iter()
                    .map(|c| {
                        let at = resolve(&comment_anchor(c), &texts);
                        let section = match (at, c.heading.is_empty()) {
                            (_, true) => strings::INTRO.to_string(),
                            (Some(i), _) => texts[i].to_string(),
                            (None, _) => format!("{} {}", strings::DETACHED, c.heading),
                        };
                        let first = c.text.lines().next().unwrap_or("");
                        // Who and on which version first, so a narrow list still shows them.
                        let mut label = format!("{} · {}", c.author, crate::ledger::short(&c.version));
                        if self.changed_since(&c.id) {
                            label.push_str(&format!(" · {}", strings::TEXT_CHANGED_SINCE));
                        }
                        if c.resolved {
                            label.push_str(&format!(" · {}", strings::COMMENT_RESOLVED_MARK));
                        }
                        label.push_str(&format!(" — {section}: {first}"));
                        (self.current, at, crate::sanitize::inline(&label).into_owned())
                    })
                    .collect()
            }
            ListKind::Bookmarks => self
                .bookmark_anchors()
                .into_iter()
                .map(|(a, anchor)| {
                    // Only the open article's headings are at hand; others resolve when opened.
                    let texts: Vec<&str> =
                        self.doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
                    let heading = (a == self.current).then(|| resolve(&anchor, &texts)).flatten();
                    let title = self.library.articles[a].short_title();
                    let section =
                        if anchor.heading.is_empty() { strings::INTRO.as_str() } else { &anchor.heading };
                    (a, heading, format!("{title} › {section}"))
                })
                .collect(),
        }
    }

    /// The bookmarks whose article is in the library, in list order: (article, anchor).
    pub fn bookmark_anchors(&self) -> Vec<(usize, Anchor)> {
        self.store
            .bookmarks
            .iter()
            .filter_map(|b| Some((self.library.position(&b.anchor.slug)?, b.anchor.clone())))
            .collect()
    }

    /// Opens bookmark `i` of the list: its article, at its heading (found by text and place).
    pub fn open_bookmark(&mut self, i: usize) -> bool {
        let Some((article, anchor)) = self.bookmark_anchors().into_iter().nth(i) else { return false };
        self.jumping(|app| {
            app.go_to(article, None);
            let texts: Vec<&str> = app.doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
            if let Some(h) = resolve(&anchor, &texts) {
                app.jump_to_heading(h);
            }
            true
        })
    }
}

/// Where a comment is anchored, as the store resolves a note's anchor.
fn comment_anchor(c: &crate::ledger::Comment) -> Anchor {
    Anchor { slug: c.slug.clone(), heading: c.heading.clone(), position: c.position }
}
