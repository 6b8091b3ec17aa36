//! The team's review ledger as the reader holds it: decisions (`r`), shared comments (`a`,
//! `A`) and what changed since an approval (`D`). Writes are queued and go out as
//! [`Effect::WriteLedger`]; one that fails stays queued, is said, and goes with the next.

use super::{App, Effect, Modal};
use crate::ledger::{self, ArticleView, Comment, LedgerError, Outcome, Refusal, SectionDiff, Write, short};
use crate::strings;
use std::collections::HashSet;

/// What the reader holds of the ledger beside the Library's marks.
#[derive(Debug, Default)]
pub struct Team {
    /// The open article's comments and approvals, as last read.
    pub view: Option<ArticleView>,
    /// The comments whose section's text changed since they were written.
    changed: HashSet<String>,
    /// Writes not saved yet, oldest first.
    queue: Vec<Write>,
    /// Set when writes were queued that the loop has not been asked to make.
    unsent: bool,
    /// Set when the last try to write failed (a retry that gets through says so).
    failed: bool,
    /// Set when the last try found another session writing the ledger.
    busy: bool,
    /// Whether `A` lists resolved comments too.
    pub show_resolved: bool,
}

/// What changed since an approval (`D`), scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffView {
    /// Whose approval it starts from, and the versions.
    pub title: String,
    /// The sections that changed (none: nothing changed).
    pub diffs: Vec<SectionDiff>,
    /// The first row on screen.
    pub scroll: usize,
    /// A comment read whole instead (`v` in the comments list): each entry's head (who,
    /// when, on which version) and its text, the comment first, then its replies.
    pub thread: Vec<(String, String)>,
    /// The comments list to go back to when it closes.
    pub back: Option<super::ListView>,
}

impl App {
    /// The writes to the ledger not saved yet.
    pub fn pending_ledger(&self) -> &[Write] {
        &self.team.queue
    }

    /// Queues `write` for the loop to make.
    pub(super) fn queue_ledger(&mut self, write: Write) {
        self.team.queue.push(write);
        self.team.unsent = true;
    }

    /// The ledger effect due, if writes were queued since the last one.
    pub(super) fn ledger_effect(&mut self) -> Option<Effect> {
        (std::mem::take(&mut self.team.unsent) && !self.team.queue.is_empty())
            .then(|| Effect::WriteLedger(self.team.queue.clone()))
    }

    /// Another try at writing what is queued, if a try failed (the loop's timer).
    pub fn retry_ledger(&mut self) -> Option<Effect> {
        self.ledger_waiting().then(|| Effect::WriteLedger(self.team.queue.clone()))
    }

    /// Whether writes the ledger refused wait to be tried again.
    pub fn ledger_waiting(&self) -> bool {
        self.team.failed && !self.team.queue.is_empty()
    }

    /// Whether writes wait because another session is writing the ledger (worth waiting
    /// for a moment when the reader ends, as for the notes' lock).
    pub fn ledger_busy(&self) -> bool {
        self.team.busy && !self.team.queue.is_empty()
    }

    /// The loop made the first writes of the queue (`outcomes`, one per write saved); `error`
    /// says why the next was not. Saved writes leave the queue; the rest stay and are said.
    pub fn ledger_written(&mut self, outcomes: Vec<Outcome>, error: Option<LedgerError>) -> Vec<Effect> {
        let saved: Vec<Write> = self.team.queue.drain(..outcomes.len().min(self.team.queue.len())).collect();
        let saving = self.editor().and_then(|e| e.saving.as_ref().map(|(_, w)| w.clone()));
        // A read-only ledger stays so: its writes wait for the next one asked for, not a timer.
        let retry = error.as_ref().is_some_and(|e| !matches!(e, LedgerError::ReadOnly(_)));
        let was_failed = std::mem::replace(&mut self.team.failed, retry);
        self.team.busy = matches!(error, Some(LedgerError::Busy));
        let mut said = None;
        let mut decided = false;
        for (write, outcome) in saved.iter().zip(&outcomes) {
            let message = match (write, outcome) {
                (Write::Decide { decision: d, .. }, _) => {
                    decided = true;
                    if let Some(i) = self.library.position(&d.slug) {
                        self.reviews.learn_version(i, &d.version);
                    }
                    Some(strings::decided(d.verdict == ledger::Verdict::Approved, short(&d.version)))
                }
                (Write::Lift { slug, whose, by, .. }, Outcome::Refused(Refusal::NoRequest)) => {
                    Some(strings::no_request(whose.as_deref().unwrap_or(by), slug))
                }
                (Write::Lift { .. }, Outcome::Refused(Refusal::NotLead)) => {
                    Some(strings::ONLY_A_LEAD.to_string())
                }
                (Write::Lift { whose, by, reason, .. }, _) => {
                    decided = true;
                    let whose = whose.as_deref().unwrap_or(by);
                    Some(crate::sanitize::inline(&strings::request_lifted(whose, by, reason)).into_owned())
                }
                (_, Outcome::KeptBoth(_)) => Some(strings::KEPT_BOTH.to_string()),
                (_, Outcome::NotDeleted) => Some(strings::NOT_DELETED.to_string()),
                (_, Outcome::NotAuthor | Outcome::Refused(_)) => Some(strings::NOT_YOUR_COMMENT.to_string()),
                (Write::Comment(_) | Write::Edit { .. }, Outcome::Saved) => {
                    Some(strings::COMMENT_SAVED.into())
                }
                (Write::Delete { .. }, Outcome::Saved) => Some(strings::COMMENT_DELETED.into()),
                (Write::Resolve { resolved: true, .. }, _) => Some(strings::COMMENT_RESOLVED.into()),
                (Write::Resolve { resolved: false, .. }, _) => Some(strings::COMMENT_REOPENED.into()),
                (_, Outcome::Missing) => Some(strings::COMMENT_GONE.to_string()),
            };
            if saving.as_ref() == Some(write) {
                self.comment_written(outcome);
            }
            said = message.or(said);
        }
        match error {
            // Another session holds the ledger: everything stays queued (a comment being
            // saved stays in its editor, saving) and is tried again; said at once.
            Some(LedgerError::Busy) => self.message = Some(strings::WAITING_FOR_LEDGER.to_string()),
            // A retry that failed as before was said already.
            Some(_) if was_failed && saved.is_empty() && self.editor().is_none_or(|e| e.saving.is_none()) => {
            }
            Some(e) => {
                let note_open = self.withdraw_comment();
                self.message = Some(if note_open {
                    strings::not_saved(&e.reason(), true)
                } else {
                    strings::ledger_queued(&e.to_string())
                });
            }
            None if was_failed && !saved.is_empty() => {
                self.message = Some(match said {
                    Some(said) => format!("{said}. {}", strings::LEDGER_SAVED_LATE),
                    None => strings::LEDGER_SAVED_LATE.to_string(),
                });
            }
            None if said.is_some() => self.message = said,
            None => {}
        }
        if decided {
            // The Library's marks as the rules now judge them (1 of 2 approvals is not ✓).
            self.ask(Effect::ReadHeads);
        }
        if !saved.is_empty() {
            // Read the article's comments again, now with these in.
            let slug = self.library.articles[self.current].slug.clone();
            self.ask(Effect::ReadLedger(slug));
        }
        self.take_effects()
    }

    /// The comment being saved was written (`outcome`): its editor closes and its draft goes,
    /// unless it was deleted meanwhile (then the text stays, to be saved as a new one).
    fn comment_written(&mut self, outcome: &Outcome) {
        let Some(editor) = self.editor_mut() else { return };
        let Some((text, _)) = editor.saving.take() else { return };
        if *outcome == Outcome::Missing {
            editor.note = None;
            return;
        }
        editor.original = text;
        if !editor.changed() {
            self.close_modal();
            self.ask(Effect::ClearDraft);
        }
    }

    /// Takes the write of the comment being saved back out of the queue (it failed; the
    /// editor keeps the text and its draft). Whether a comment was being saved.
    pub(super) fn withdraw_comment(&mut self) -> bool {
        let Some((_, write)) = self.editor_mut().and_then(|e| e.saving.take()) else { return false };
        if let Some(at) = self.team.queue.iter().position(|w| *w == write) {
            self.team.queue.remove(at);
        }
        true
    }

    /// Takes what the ledger says of the open article (or why it could not be read).
    pub fn adopt_view(&mut self, view: Result<ArticleView, LedgerError>) {
        let view = match view {
            Ok(view) => view,
            Err(e) => {
                self.message = Some(crate::sanitize::visible(&e.to_string()).into_owned());
                return;
            }
        };
        let Some(article) = self.library.articles.get(self.current).filter(|a| a.slug == view.slug) else {
            return;
        };
        let text = ledger::normalised(article);
        self.team.changed = view
            .comments
            .iter()
            .filter(|c| {
                !c.section.is_empty()
                    && ledger::section_hash(&text, &c.heading).is_none_or(|h| h != c.section)
            })
            .map(|c| c.id.clone())
            .collect();
        self.team.view = Some(view);
    }

    /// Takes each article's latest decision (read again: another session may have decided).
    pub fn adopt_heads(
        &mut self,
        heads: Result<std::collections::HashMap<String, ledger::Head>, LedgerError>,
    ) {
        match heads {
            Ok(heads) => self.reviews.set_heads(heads, &self.library),
            Err(e) => self.message = Some(crate::sanitize::visible(&e.to_string()).into_owned()),
        }
    }

    /// `D`: what changed since the reviewer's own approval, else the latest by anyone.
    pub fn open_diff(&mut self) -> bool {
        let Some(view) = &self.team.view else {
            self.message = Some(strings::NO_APPROVAL_YET.to_string());
            return true;
        };
        let (yours, base) = match (&view.mine, &view.anyone) {
            (Some(mine), _) => (true, mine),
            (None, Some(theirs)) => (false, theirs),
            (None, None) => {
                self.message = Some(strings::NO_APPROVAL_YET.to_string());
                return true;
            }
        };
        let Some(old) = &base.1 else {
            self.message = Some(strings::APPROVED_TEXT_NOT_KEPT.to_string());
            return true;
        };
        let now = ledger::normalised(&self.library.articles[self.current]);
        let title = strings::diff_since(
            yours,
            &crate::sanitize::inline(&base.0.reviewer),
            short(&base.0.version),
            short(&ledger::version_of(&now)),
        );
        let diffs = ledger::diff(old, &now);
        self.modal =
            Modal::Diff(Box::new(DiffView { title, diffs, scroll: 0, thread: Vec::new(), back: None }));
        true
    }

    /// The open article's comments `A` lists: open ones, or all when asked.
    pub fn listed_comments(&self) -> Vec<&Comment> {
        let slug = &self.library.articles[self.current].slug;
        self.team
            .view
            .iter()
            .filter(|v| &v.slug == slug)
            .flat_map(|v| &v.comments)
            .filter(|c| self.team.show_resolved || !c.resolved)
            .collect()
    }

    /// Whether the section comment `id` is on changed since it was written.
    pub fn changed_since(&self, id: &str) -> bool {
        self.team.changed.contains(id)
    }

    /// Writes a new comment on the open article, or an edit of comment `id`, or (empty
    /// text) its deletion; the write the editor waits for.
    pub(super) fn comment_write(
        &self,
        anchor: &crate::store::Anchor,
        id: Option<&str>,
        text: &str,
    ) -> Option<Write> {
        let at = crate::store::now();
        let by = self.reviewer.clone();
        let existing = id.and_then(|id| self.listed_all().find(|c| c.id == id));
        match (existing, text.is_empty()) {
            (Some(c), true) => Some(Write::Delete { id: c.id.clone(), revision: c.revision, by, at }),
            (None, true) => None,
            (Some(c), false) => {
                Some(Write::Edit { id: c.id.clone(), revision: c.revision, text: text.to_string(), by, at })
            }
            (None, false) => {
                let now = ledger::normalised(&self.library.articles[self.current]);
                Some(Write::Comment(Comment {
                    id: ledger::new_id(),
                    slug: anchor.slug.clone(),
                    heading: anchor.heading.clone(),
                    position: anchor.position,
                    section: ledger::section_hash(&now, &anchor.heading).unwrap_or_default(),
                    version: ledger::version_of(&now),
                    author: by,
                    text: text.to_string(),
                    resolved: false,
                    created: at.clone(),
                    updated: at,
                    revision: 1,
                }))
            }
        }
    }

    fn listed_all(&self) -> impl Iterator<Item = &Comment> {
        self.team.view.iter().flat_map(|v| &v.comments)
    }

    /// Queues a write the comment editor waits for.
    pub(super) fn queue_comment(&mut self, write: Write) {
        self.queue_ledger(write);
    }

    /// `x` in the comments list: resolves the selected comment, or opens it again.
    pub fn toggle_resolved(&mut self, selected: usize) -> bool {
        let Some(c) = self.listed_comments().get(selected).map(|c| (c.id.clone(), c.resolved)) else {
            return false;
        };
        let write =
            Write::Resolve { id: c.0, resolved: !c.1, by: self.reviewer.clone(), at: crate::store::now() };
        self.queue_ledger(write);
        true
    }

    /// `d` in the comments list, confirmed: deletes the selected comment (its author only).
    pub fn delete_comment(&mut self, selected: usize) -> bool {
        let Some(c) = self.listed_comments().get(selected).map(|c| (*c).clone()) else { return false };
        if c.author != self.reviewer {
            self.message = Some(strings::NOT_YOUR_COMMENT.to_string());
            return false;
        }
        let write = Write::Delete {
            id: c.id,
            revision: c.revision,
            by: self.reviewer.clone(),
            at: crate::store::now(),
        };
        self.queue_ledger(write);
        true
    }

    /// `e` in the comments list: opens the editor on the selected comment (its author only).
    pub fn edit_comment(&mut self, selected: usize) -> bool {
        let Some(c) = self.listed_comments().get(selected).map(|c| (*c).clone()) else { return false };
        if c.author != self.reviewer {
            self.message = Some(strings::NOT_YOUR_COMMENT.to_string());
            return true;
        }
        let anchor = crate::store::Anchor { slug: c.slug, heading: c.heading, position: c.position };
        self.edit(anchor, Some(c.id), &c.text);
        true
    }

    /// `v` in the comments list: the selected comment whole, wrapped and scrolled, with its
    /// replies under it; Esc goes back to the list.
    pub fn read_comment(&mut self, list: super::ListView) -> bool {
        let Some(c) = self.listed_comments().get(list.selected).map(|c| (*c).clone()) else { return false };
        let replies: Vec<Comment> = self
            .team
            .view
            .iter()
            .flat_map(|v| v.replies.iter().filter(|(_, parent)| *parent == c.id))
            .filter_map(|(id, _)| self.listed_all().find(|r| r.id == *id).cloned())
            .collect();
        let head = |reply: bool, c: &Comment| {
            let date = c.created.get(..10).unwrap_or(&c.created);
            crate::sanitize::inline(&strings::comment_head(reply, &c.author, date, short(&c.version)))
                .into_owned()
        };
        let mut thread = vec![(head(false, &c), c.text.clone())];
        thread.extend(replies.iter().map(|r| (head(true, r), r.text.clone())));
        let section = if c.heading.is_empty() { strings::INTRO.to_string() } else { c.heading.clone() };
        let title = crate::sanitize::inline(&format!("{} · {section}", strings::COMMENT)).into_owned();
        self.modal =
            Modal::Diff(Box::new(DiffView { title, diffs: Vec::new(), scroll: 0, thread, back: Some(list) }));
        true
    }
}
