//! The loop's upkeep between events: opening the review ledger after the first frame, asking
//! it for news, and saving the draft of a note on a timer.

use super::{Console, DRAFT_EVERY, Keep, Wake};
use crate::app::App;
use crate::store::Draft;
use crate::tui::surface::Surface;
use std::io;
use std::time::Instant;

/// Opens the ledger (after the first frame): what it says of the open article, each
/// article's latest decision, and every article's version worked out on another thread.
/// Whether there is something new to draw.
pub(super) fn start_ledger<B: Surface, K: Keep>(app: &mut App, c: &mut Console<B, K>) -> bool {
    let Some(link) = c.ledger.as_mut() else { return false };
    c.ledger_polled = Some(Instant::now());
    if let Some(said) = link.open() {
        app.message = Some(crate::sanitize::visible(&said).into_owned());
    }
    // A shared ledger tells of every host's writes itself: nothing is asked on a timer.
    let tx = c.sender.clone();
    if !c.ledger_told && link.listen(move || drop(tx.send(Wake::LedgerChanged))) {
        c.ledger_told = true;
    }
    app.adopt_heads(link.heads(&app.library.articles, app.reviews.versions()));
    let slug = app.library.articles[app.current].slug.clone();
    app.adopt_view(link.view_judged(&slug, &app.reviewer, &app.library.articles, app.reviews.versions()));
    if let Some(why) = link.down() {
        app.message = Some(crate::sanitize::visible(&crate::strings::ledger_down(&why)).into_owned());
    }
    let articles = app.library.articles.clone();
    let tx = c.sender.clone();
    // A reload before they come brings its own states: these are then dropped.
    let ticket = app.reviews.ticket();
    std::thread::spawn(crate::strings::speaking_here(move || {
        let _ = tx.send(Wake::Versions(ticket.hash(&articles)));
    }));
    true
}

/// Whether the loop asks the ledger on a timer: unless it is told of changes, and then only
/// while a refused write waits to be tried again.
pub(super) fn asks_ledger<B: Surface, K: Keep>(app: &App, c: &Console<B, K>) -> bool {
    !c.ledger_told || app.ledger_waiting()
}

/// Every [`LEDGER_EVERY`]: when another session wrote to the ledger, reads the marks and
/// the open article's comments again; a write the ledger refused is tried again. Whether
/// there is something new to draw.
pub(super) fn poll_ledger_if_due<B: Surface, K: Keep>(
    app: &mut App,
    c: &mut Console<B, K>,
) -> io::Result<bool> {
    let due = asks_ledger(app, c) && c.ledger_polled.is_some_and(|t| t.elapsed() >= c.ledger_every);
    if c.ledger.is_none() || !due {
        return Ok(false);
    }
    c.ledger_polled = Some(Instant::now());
    let mut changed = reread_ledger(app, c);
    if let Some(retry) = app.retry_ledger() {
        super::perform(vec![retry], app, c)?;
        changed = true;
    }
    Ok(changed)
}

/// When another session wrote to the ledger since it was last asked (after it was started),
/// reads the marks and the open article's comments again; whether that changed anything.
pub(super) fn reread_ledger<B: Surface, K: Keep>(app: &mut App, c: &mut Console<B, K>) -> bool {
    let Some(link) = c.ledger.as_mut().filter(|_| c.ledger_polled.is_some()) else { return false };
    let was_down = link.down().is_some();
    if !link.changed() {
        return false;
    }
    if let Some(why) = link.down() {
        // Said at once, and what waits to be saved stays queued.
        app.message = Some(crate::sanitize::visible(&crate::strings::ledger_down(&why)).into_owned());
        return true;
    }
    app.adopt_heads(link.heads(&app.library.articles, app.reviews.versions()));
    let slug = app.library.articles[app.current].slug.clone();
    app.adopt_view(link.view_judged(&slug, &app.reviewer, &app.library.articles, app.reviews.versions()));
    if was_down && link.down().is_none() && !app.ledger_waiting() {
        app.message = Some(crate::strings::LEDGER_BACK.to_string());
    }
    true
}

/// Saves the draft of the note being written if it changed and the last save is
/// [`DRAFT_EVERY`] old; whether the screen changed (a failure is said).
pub(super) fn save_draft_if_due<B: Surface, K: Keep>(app: &mut App, c: &mut Console<B, K>) -> bool {
    let due = c.draft_saved.is_none_or(|t| t.elapsed() >= DRAFT_EVERY);
    match app.editor().filter(|e| e.changed()).map(|e| e.draft()) {
        Some(draft) if due => save_draft(app, c, &draft),
        _ => false,
    }
}

pub(super) fn save_draft<B: Surface, K: Keep>(app: &mut App, c: &mut Console<B, K>, draft: &Draft) -> bool {
    c.draft_saved = Some(Instant::now());
    let result = c.keep.save_draft(draft).map_err(|e| e.to_string());
    let failed = result.is_err() || app.editor().is_some_and(|e| e.draft_error.is_some());
    app.draft_kept(result.as_ref().map(|_| ()).map_err(String::as_str));
    failed
}
