//! Drawing: turns the reader's state into a frame. Reads the state, never changes it.

mod bars;
mod diff;
mod links;
mod lookup;
mod overlay;
mod popup;
mod reader;
mod review;
mod sidebar;
pub mod theme;

pub use links::hyperlinks;

use crate::app::{App, Modal, Overlay};
use ratatui::Frame;

/// Draws the whole screen for `app`.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area != app.area {
        // Laid out for another size: drawing would reach outside the frame. The event loop
        // tells the app the frame's size before drawing, so this only guards against misuse.
        return;
    }
    let panes = app.panes();
    let buf = frame.buffer_mut();
    bars::title(app, panes.title, buf);
    if let Some(area) = panes.library {
        sidebar::library(app, area, buf);
    }
    if let Some(area) = panes.contents {
        sidebar::contents(app, area, buf);
    }
    reader::text(app, panes.text, buf);
    if let Some(area) = panes.hint {
        bars::first_run_hint(app, area, buf);
    }
    bars::status(app, panes.status, buf);
    match &app.modal {
        Modal::Editor(_) => review::editor(app, area, buf),
        Modal::List(_) => review::list(app, area, buf),
        Modal::Links(_) => links::list(app, area, buf),
        Modal::Decide(_) => review::decide(app, area, buf),
        Modal::Diff(_) => diff::diff(app, area, buf),
        Modal::Palette(_) => lookup::palette(app, area, buf),
        Modal::Search(_) => lookup::search(app, area, buf),
        Modal::Overlay(Overlay::Help(scroll)) => overlay::help(app, *scroll, area, buf),
        Modal::Overlay(Overlay::Warnings(scroll)) => overlay::warnings(app, *scroll, area, buf),
        Modal::Overlay(Overlay::Contents) => overlay::contents(app, buf),
        Modal::Overlay(Overlay::Library) => overlay::library(app, buf),
        // The find prompt is drawn in the status line.
        Modal::Find(_) | Modal::None => {}
    }
    // A message too long for the status line goes over whatever is open: it must be read.
    if app.find_typing().is_none() {
        bars::long_message(app, panes.status, buf);
    }
}
