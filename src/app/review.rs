//! The reviewer's desk in the reader: notes on sections (the editor, the list), bookmarks,
//! review status, and where each article was left. Changes to the store are queued as
//! [`Change`]s for the event loop to save; the App never writes files itself.

use super::{App, Effect, Modal};
use crate::store::{
    Anchor, Bookmark, Change, Draft, Note, Position, Review, Store, new_id, now, resolve, user,
};
use ratatui_textarea::TextArea;

/// The note being written.
#[derive(Debug)]
pub struct Editor {
    /// The text.
    pub input: TextArea<'static>,
    /// The section it is on.
    pub anchor: Anchor,
    /// The note it edits, or `None` for a new one.
    pub note: Option<String>,
    /// The text it started with, to tell whether it changed.
    pub original: String,
    /// Set while asking whether to throw the changes away.
    pub confirm_discard: bool,
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
    /// The store as last saved or loaded.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Takes the store (after loading, or after the loop saved changes).
    pub fn set_store(&mut self, store: Store, read_only: bool) {
        self.store = store;
        self.store_read_only = read_only;
    }

    /// The changes waiting to be saved.
    pub fn take_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.changes)
    }

    /// The loop wrote the changes it was asked to (`Ok`: the store as written, others'
    /// changes merged), or could not (the message says why).
    pub fn store_written(&mut self, result: Result<Store, String>) {
        match result {
            Ok(store) => self.set_store(store, false),
            Err(why) => self.message = Some(why),
        }
    }

    fn queue(&mut self, change: Change) {
        if self.store_read_only {
            self.message = Some(crate::strings::STORE_READ_ONLY.to_string());
            return;
        }
        // Shown at once; the loop saves it (and takes back the merged store).
        self.store.apply(&change);
        self.ask(Effect::WriteStore(vec![change.clone()]));
        self.changes.push(change);
    }

    /// Deletes a note.
    pub fn queue_delete(&mut self, id: String) {
        self.queue(Change::DeleteNote(id));
    }

    /// The anchor of the section at the top: its heading's text and place.
    pub fn here_anchor(&self) -> Anchor {
        let slug = self.library.articles[self.current].slug.clone();
        match self.section() {
            Some(i) => Anchor { slug, heading: self.doc.outline.headings[i].text.clone(), position: i },
            None => Anchor { slug, heading: String::new(), position: 0 },
        }
    }

    /// The headings of the open article that have notes.
    pub fn noted_headings(&self) -> Vec<usize> {
        let texts: Vec<&str> = self.doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
        let slug = &self.library.articles[self.current].slug;
        self.store.notes_of(slug).filter_map(|n| resolve(&n.anchor, &texts)).collect()
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

    /// Opens the editor on the section at the top: its note if it has one, else a new one.
    pub fn start_note(&mut self) -> bool {
        let anchor = self.here_anchor();
        let texts: Vec<&str> = self.doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
        let existing = self
            .store
            .notes_of(&anchor.slug)
            .find(|n| {
                resolve(&n.anchor, &texts) == resolve(&anchor, &texts)
                    && (n.anchor.heading.is_empty() == anchor.heading.is_empty())
            })
            .map(|n| (n.id.clone(), n.text.clone()));
        match existing {
            Some((id, text)) => self.edit(anchor, Some(id), &text),
            None => self.edit(anchor, None, ""),
        }
        true
    }

    /// Opens the editor on `text`, for note `note` (or a new one) on `anchor`.
    pub fn edit(&mut self, anchor: Anchor, note: Option<String>, text: &str) {
        let mut input = TextArea::new(text.lines().map(str::to_string).collect());
        if text.is_empty() {
            input = TextArea::default();
        }
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        self.modal =
            Modal::Editor(Editor { input, anchor, note, original: text.to_string(), confirm_discard: false });
    }

    /// Opens the editor on a recovered draft.
    pub fn recover(&mut self, draft: Draft) {
        let original = draft
            .note
            .as_ref()
            .and_then(|id| self.store.notes.iter().find(|n| &n.id == id))
            .map(|n| n.text.clone())
            .unwrap_or_default();
        self.edit(draft.anchor, draft.note, &draft.text);
        if let Some(e) = self.editor_mut() {
            e.original = original;
        }
        self.message = Some(crate::strings::DRAFT_RECOVERED.to_string());
    }

    /// Saves the note being written (an empty note deletes it).
    pub fn save_note(&mut self) -> bool {
        if self.editor().is_none() {
            return false;
        }
        let Modal::Editor(editor) = self.close_modal() else { return false };
        let text = editor.text().trim_end().to_string();
        let stamp = now();
        match (editor.note, text.is_empty()) {
            (Some(id), true) => self.queue(Change::DeleteNote(id)),
            (None, true) => {}
            (id, false) => {
                let created = id
                    .as_ref()
                    .and_then(|id| self.store.notes.iter().find(|n| &n.id == id))
                    .map_or(stamp.clone(), |n| n.created.clone());
                let note = Note {
                    id: id.unwrap_or_else(new_id),
                    anchor: editor.anchor,
                    text,
                    author: user(),
                    created,
                    updated: stamp,
                };
                self.queue(Change::PutNote(note));
                self.message = Some(crate::strings::NOTE_SAVED.to_string());
            }
        }
        self.ask(Effect::ClearDraft);
        true
    }

    /// Esc in the editor: closes it, asking first if the text changed.
    pub fn close_editor(&mut self) -> bool {
        match self.editor_mut() {
            Some(e) if e.changed() && !e.confirm_discard => e.confirm_discard = true,
            _ => {
                self.close_modal();
                self.ask(Effect::ClearDraft);
            }
        }
        true
    }

    /// Toggles a bookmark on the section at the top.
    pub fn toggle_bookmark(&mut self) -> bool {
        let anchor = self.here_anchor();
        let had = self.bookmarked_headings().contains(&anchor.position) && !anchor.heading.is_empty();
        self.queue(Change::ToggleBookmark(Bookmark { anchor, created: now() }));
        self.message =
            Some(if had { crate::strings::BOOKMARK_OFF } else { crate::strings::BOOKMARK_ON }.to_string());
        true
    }

    /// Steps the open article's review status: unreviewed → reviewed → needs changes.
    pub fn cycle_review(&mut self) -> bool {
        let slug = self.library.articles[self.current].slug.clone();
        let status = self.store.status(&slug).next();
        self.queue(Change::SetReview(slug, Review { status, user: user(), date: now() }));
        self.message = Some(crate::strings::review_set(status.label()));
        true
    }

    /// Remembers where the open article is read (when leaving it).
    pub fn remember_position(&mut self) {
        let Some(article) = self.library.articles.get(self.current) else { return };
        let slug = article.slug.clone();
        let place = self.here();
        let heading = place.section.and_then(|i| self.doc.outline.headings.get(i)).map(|h| h.text.clone());
        let position = Position { heading, offset: place.offset };
        if self.store.positions.get(&slug) != Some(&position)
            || self.store.last_article.as_ref() != Some(&slug)
        {
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
                let slug = &self.library.articles[self.current].slug;
                let texts: Vec<&str> = self.doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
                self.store
                    .notes_of(slug)
                    .map(|n| {
                        let at = resolve(&n.anchor, &texts);
                        let section = match (at, n.anchor.heading.is_empty()) {
                            (_, true) => crate::strings::INTRO.to_string(),
                            (Some(i), _) => texts[i].to_string(),
                            (None, _) => format!("{} {}", crate::strings::DETACHED, n.anchor.heading),
                        };
                        let first = n.text.lines().next().unwrap_or("");
                        (self.current, at, format!("{section}: {first}"))
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
                        if anchor.heading.is_empty() { crate::strings::INTRO } else { &anchor.heading };
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

    /// The note ids of the open article's notes, in list order.
    pub fn note_ids(&self) -> Vec<String> {
        let slug = &self.library.articles[self.current].slug;
        self.store.notes_of(slug).map(|n| n.id.clone()).collect()
    }
}
