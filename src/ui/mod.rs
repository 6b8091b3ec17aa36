//! Drawing: turns the reader's state into a frame. Reads the state, never changes it.

mod bars;
mod lookup;
mod overlay;
mod reader;
mod review;
mod sidebar;
pub mod theme;

use crate::app::{App, Overlay};
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
    bars::status(app, panes.status, buf);
    if app.editor.is_some() {
        return review::editor(app, area, buf);
    }
    if app.list.is_some() {
        return review::list(app, area, buf);
    }
    if app.palette.is_some() {
        return lookup::palette(app, area, buf);
    }
    if app.search.is_some() {
        return lookup::search(app, area, buf);
    }
    match app.overlay {
        Some(Overlay::Help(scroll)) => overlay::help(scroll, area, buf),
        Some(Overlay::Warnings(scroll)) => overlay::warnings(app, scroll, area, buf),
        Some(Overlay::Contents) => overlay::contents(app, buf),
        None => {}
    }
}
