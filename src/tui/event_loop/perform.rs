//! Carrying out what an update asked for: writes to the store and the ledger, drafts,
//! threads, and the terminal.

use super::*;

/// Carries out what an update asked for: the store, the draft, threads, and the terminal.
/// Returns whether the reader should end.
pub(super) fn perform<B: Surface, K: Keep>(
    effects: Vec<Effect>,
    app: &mut App,
    c: &mut Console<B, K>,
) -> io::Result<bool> {
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::WriteStore(changes) => {
                let result = c.keep.write(&changes);
                queue.extend(app.store_written(changes.len(), result));
            }
            Effect::WriteLedger(writes) => {
                let (outcomes, error) = match c.ledger.as_mut() {
                    Some(link) => link.write(&writes),
                    None => (Vec::new(), Some(LedgerError::ReadOnly(crate::strings::NO_LEDGER.to_string()))),
                };
                queue.extend(app.ledger_written(outcomes, error));
            }
            // Before the ledger is started, the start reads the open article.
            Effect::ReadLedger(slug) => {
                if let Some(link) = c.ledger.as_mut().filter(|_| c.ledger_polled.is_some()) {
                    app.adopt_view(link.view_judged(
                        &slug,
                        &app.reviewer,
                        &app.library.articles,
                        app.reviews.versions(),
                    ));
                }
            }
            Effect::ReadHeads => {
                if let Some(link) = c.ledger.as_mut() {
                    app.adopt_heads(link.heads(&app.library.articles, app.reviews.versions()));
                }
            }
            Effect::SaveDraft(draft) => {
                save_draft(app, c, &draft);
            }
            Effect::ClearDraft => {
                c.draft_saved = None;
                if let Err(e) = c.keep.clear_draft() {
                    app.draft_kept(Err(&e.to_string()));
                }
            }
            Effect::Copy(text) => {
                c.terminal.backend_mut().send(super::super::clipboard_sequence(&text).as_bytes())?
            }
            Effect::Suspend => {
                if let Some(suspend) = c.suspend.as_mut() {
                    suspend(app.mouse)?;
                    // The screen was someone else's meanwhile: the next frame writes it all.
                    c.terminal.backend_mut().forget();
                }
            }
            Effect::SetMouse(on) => {
                c.terminal.backend_mut().send(super::super::terminal::mouse_sequence(on).as_bytes())?
            }
            Effect::BuildIndex(articles) => {
                let tx = c.sender.clone();
                let build = c.build_index;
                std::thread::spawn(crate::strings::speaking_here(move || {
                    let _ = tx.send(index(build, &articles));
                }));
            }
            Effect::Parse(generation, body) => {
                let tx = c.sender.clone();
                let parse = app.parse;
                std::thread::spawn(crate::strings::speaking_here(move || {
                    // A panic is caught and said: the reader goes on with the start it has.
                    let wake = match crate::panics::caught(|| parse(&body)) {
                        Ok(doc) => Wake::Parsed(generation, Box::new(doc)),
                        Err(why) => Wake::ParseFailed(generation, why),
                    };
                    let _ = tx.send(wake);
                }));
            }
            Effect::Watch(spec) => {
                let tx = c.sender.clone();
                let send = move |reload| tx.send(Wake::Reloaded(Box::new(reload))).is_ok();
                if let Err(why) = crate::watch::start(spec, send) {
                    app.watch_failed(&why);
                }
            }
            Effect::DismissHint => {
                // Not remembered means only that the hint shows again next time.
                let _ = c.keep.dismiss_hint();
            }
            Effect::Quit => return Ok(true),
        }
    }
    Ok(false)
}
