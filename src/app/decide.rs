//! The review window (`r`): approve, request changes, withdraw one's own request, or (a lead)
//! override another's, under the team's rules as `review status` states them. A request, a
//! withdrawal and an override need a reason: Enter with none keeps the window open and says
//! so. The choice goes to the ledger as a queued [`Write`]; until it is saved the Library
//! shows the article as pending, never as decided.

use super::{App, Modal};
use crate::ledger::{self, Verdict, Write, short};
use crate::strings::{self, Phrase};
use ratatui_textarea::TextArea;

/// What the review window can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Approve this version.
    Approve,
    /// Request changes to it (a reason is required).
    RequestChanges,
    /// Withdraw one's own request for changes (a reason is required).
    Withdraw,
    /// Override another reviewer's request (leads only; a reason is required).
    Override,
}

impl Choice {
    /// Whether Enter needs a reason typed first.
    pub fn needs_reason(self) -> bool {
        self != Choice::Approve
    }
}

/// A key of the review window: the key, what it chooses, and how the help says it.
#[derive(Debug, Clone, Copy)]
pub struct ChoiceKey {
    /// The key.
    pub key: char,
    /// What it chooses.
    pub choice: Choice,
    /// What it does, as the window's hint and the help say it.
    pub help: Phrase,
}

/// The review window's keys, in the order its hint and the help list them.
pub const CHOICES: &[ChoiceKey] = &[
    ChoiceKey { key: 'a', choice: Choice::Approve, help: strings::CHOICE_APPROVE },
    ChoiceKey { key: 'c', choice: Choice::RequestChanges, help: strings::CHOICE_REQUEST },
    ChoiceKey { key: 'w', choice: Choice::Withdraw, help: strings::CHOICE_WITHDRAW },
    ChoiceKey { key: 'o', choice: Choice::Override, help: strings::CHOICE_OVERRIDE },
];

/// The review window's hint while choosing, made from [`CHOICES`].
pub fn choose_hint() -> String {
    let mut parts: Vec<String> = CHOICES.iter().map(|k| format!("{} {}", k.key, k.help)).collect();
    parts.push(format!("Esc {}", strings::CHOICE_CANCEL));
    parts.join(" · ")
}

/// The decision being made (`r`): the choice once made, then the reason or comment.
#[derive(Debug)]
pub struct Decide {
    /// The article's normalised text now: the version decided on.
    pub text: String,
    /// Its version, short.
    pub version: String,
    /// The choice, once made.
    pub choice: Option<Choice>,
    /// Whose request an override lifts.
    pub whose: Option<String>,
    /// The reason or comment being typed.
    pub input: TextArea<'static>,
    /// Set when Enter came without the reason required (said until one is typed).
    pub reason_missing: bool,
    /// Why a choice was refused (no request to withdraw, not a lead): from then on what
    /// is typed is not read as a choice, so a reason typed on after a refused `w` can never
    /// pick `a` or `c`. Esc closes the window.
    pub refused: Option<String>,
}

impl Decide {
    /// The prompt over the field, for the choice made.
    pub fn prompt(&self) -> String {
        match self.choice {
            Some(Choice::Approve) => strings::decide_comment(true),
            Some(Choice::RequestChanges) => strings::decide_comment(false),
            Some(Choice::Withdraw) => strings::withdraw_prompt(),
            Some(Choice::Override) => {
                strings::override_prompt(&crate::sanitize::inline(self.whose.as_deref().unwrap_or("")))
            }
            None => choose_hint(),
        }
    }
}

impl App {
    /// `r`: opens the review window on the open article's text as it is now.
    pub fn start_decision(&mut self) -> bool {
        let Some(article) = self.library.articles.get(self.current) else {
            self.message = Some(strings::NOTHING_TO_DECIDE.to_string());
            return true;
        };
        let text = ledger::normalised(article);
        let version = short(&ledger::version_of(&text)).to_string();
        self.modal = Modal::Decide(Box::new(Decide {
            text,
            version,
            choice: None,
            whose: None,
            input: TextArea::default(),
            reason_missing: false,
            refused: None,
        }));
        true
    }

    /// A key in the review window: a choice's key chooses, then Enter records it (with what
    /// was typed as its reason or comment) and Esc cancels. Enter without a reason where one
    /// is required keeps the window open, so what is typed next goes into the field.
    pub(super) fn in_decide(&mut self, action: super::Action) -> bool {
        use super::Action;
        use crossterm::event::KeyCode;
        let Modal::Decide(d) = &mut self.modal else { return false };
        match (d.choice, action) {
            (_, Action::Close | Action::Quit) => {
                self.close_modal();
            }
            // What is typed (or pressed) after a refusal is dropped, and why is said again.
            (None, _) if d.refused.is_some() => self.message = d.refused.clone(),
            (None, Action::Type(k)) => {
                let KeyCode::Char(c) = k.code else { return false };
                let Some(key) = CHOICES.iter().find(|x| x.key == c.to_ascii_lowercase()) else {
                    return false;
                };
                self.choose(key.choice);
            }
            (Some(_), Action::Type(k)) => {
                super::update::shell_input(&mut d.input, k);
                d.reason_missing = false;
            }
            (Some(choice), Action::Activate) => {
                let reason = d.input.lines().join(" ").trim().to_string();
                if choice.needs_reason() && reason.is_empty() {
                    d.reason_missing = true;
                    self.message = Some(strings::REASON_NEEDED.to_string());
                    return true;
                }
                let text = std::mem::take(&mut d.text);
                let whose = d.whose.take();
                self.close_modal();
                // Decided on the text the window opened with: if a reload brought another,
                // the decision would be on a version the reader no longer shows.
                let now = self.library.articles.get(self.current).map(ledger::normalised);
                if now.as_deref() != Some(text.as_str()) {
                    self.message = Some(strings::CHANGED_WHILE_DECIDING.to_string());
                    return true;
                }
                self.record(choice, text, whose, &reason);
            }
            _ => return false,
        }
        true
    }

    /// Makes `choice` in the open window: a withdrawal needs a request of one's own standing,
    /// an override another's (and the reviewer a lead), as far as the reader knows; the
    /// ledger judges again when it writes.
    fn choose(&mut self, choice: Choice) {
        let me = self.reviewer.clone();
        let judged = self.team.view.as_ref().and_then(|v| v.judged.as_ref());
        let slug = self.library.articles[self.current].slug.clone();
        // Who asked for changes and has not had it lifted: on this version, and (as the
        // command line lifts them too) requests on an earlier text whose asker decided
        // nothing since. The ledger judges again when it writes, and says a refusal.
        let mut blockers: Vec<String> =
            judged.map(|j| j.blockers.iter().map(|d| d.reviewer.clone()).collect()).unwrap_or_default();
        if let Some(j) = judged {
            let lifted = |d: &ledger::Decision| j.lifted.iter().any(|(l, _)| l.reviewer == d.reviewer);
            for d in j
                .decisions
                .iter()
                .filter(|d| d.verdict == Verdict::ChangesRequested && d.version != j.version)
            {
                if !lifted(d) && !blockers.contains(&d.reviewer) {
                    blockers.push(d.reviewer.clone());
                }
            }
        }
        let leads = self.team.view.as_ref().map(|v| v.leads.clone());
        let mut whose = None;
        match choice {
            Choice::Withdraw if judged.is_some() && !blockers.contains(&me) => {
                self.message = Some(strings::no_request(&me, &slug));
                return self.refuse();
            }
            Choice::Override => {
                if leads.is_some_and(|l| !l.contains(&me)) {
                    self.message = Some(strings::ONLY_A_LEAD.to_string());
                    return self.refuse();
                }
                whose = blockers.into_iter().find(|b| *b != me);
                if whose.is_none() {
                    self.message = Some(strings::NO_REQUEST_TO_OVERRIDE.to_string());
                    return self.refuse();
                }
            }
            _ => {}
        }
        if let Modal::Decide(d) = &mut self.modal {
            d.choice = Some(choice);
            d.whose = whose;
        }
    }

    /// The open window takes no more choices (see [`Decide::refused`]).
    fn refuse(&mut self) {
        if let Modal::Decide(d) = &mut self.modal {
            d.refused = self.message.clone();
        }
    }

    /// Queues `choice` on the version of `text` by this reviewer, for the loop to write; the
    /// Library shows the article as pending until the ledger has it.
    fn record(&mut self, choice: Choice, text: String, whose: Option<String>, reason: &str) {
        let slug = self.library.articles[self.current].slug.clone();
        let by = self.reviewer.clone();
        let write = match choice {
            Choice::Approve => Write::decide(&slug, text, &by, Verdict::Approved, reason),
            Choice::RequestChanges => Write::decide(&slug, text, &by, Verdict::ChangesRequested, reason),
            Choice::Withdraw => Write::Lift { slug, whose: None, by, reason: reason.to_string() },
            Choice::Override => Write::Lift { slug, whose, by, reason: reason.to_string() },
        };
        self.queue_ledger(write);
    }

    /// The Library's mark for article `i`: pending (`⋯`) while a decision or lift of this
    /// reader's on it waits to be saved, else what the ledger says (never a decision not made).
    pub fn review_mark(&self, i: usize) -> char {
        let Some(slug) = self.library.articles.get(i).map(|a| &a.slug) else { return ' ' };
        let pending = self.pending_ledger().iter().any(|w| match w {
            Write::Decide { decision, .. } => &decision.slug == slug,
            Write::Lift { slug: s, .. } => s == slug,
            _ => false,
        });
        if pending { PENDING } else { self.reviews.mark(i) }
    }
}

/// The Library's mark of a decision not saved yet.
pub const PENDING: char = '⋯';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_has_its_own_key_and_the_hint_names_them_all() {
        crate::strings::set_thread_lang(Some(crate::strings::Lang::En));
        let hint = choose_hint();
        crate::strings::set_thread_lang(None);
        assert_eq!(
            hint,
            "a approve · c request changes · w withdraw your request · o override a request (leads) · Esc cancel"
        );
        for (i, k) in CHOICES.iter().enumerate() {
            assert!(CHOICES[i + 1..].iter().all(|o| o.key != k.key && o.choice != k.choice), "{k:?}");
        }
    }
}
