//! The mouse: the wheel scrolls the pane under the pointer, a click opens the entry under it.

use super::{App, Focus, update};
use crate::screen::{entry_at, rows_offset};

pub(super) fn wheel(app: &mut App, col: u16, row: u16, down: bool) -> bool {
    let panes = app.panes();
    let at = ratatui::layout::Position::new(col, row);
    let focus = if panes.library.is_some_and(|r| r.contains(at)) {
        Focus::Library
    } else if panes.contents.is_some_and(|r| r.contains(at)) {
        Focus::Contents
    } else {
        return app.scroll_by(if down { 3 } else { -3 });
    };
    if app.focus != focus {
        app.contents_sel = app.contents_highlight();
        app.focus = focus;
    }
    app.select_by(if down { 1 } else { -1 });
    true
}

pub(super) fn click(app: &mut App, col: u16, row: u16) -> bool {
    let panes = app.panes();
    let at = ratatui::layout::Position::new(col, row);
    // The row inside a pane's list (below its title row), the list's width (left of its
    // rule) and its height, as the pane draws it.
    let inside = |r: ratatui::layout::Rect| {
        (row > r.y && row < r.y + r.height).then(|| {
            (usize::from(row - r.y - 1), usize::from(r.width.saturating_sub(1)), usize::from(r.height - 1))
        })
    };
    if let Some((y, width, height)) = panes.library.filter(|r| r.contains(at)).and_then(inside) {
        let rows = |i| app.library_entry(i, width).height();
        let first = rows_offset(app.library_sel, height, rows);
        if let Some(i) = entry_at(first, y, app.library.articles.len(), rows) {
            app.library_sel = i;
            app.focus = Focus::Library;
            return update::activate(app);
        }
    }
    if let Some((y, width, height)) = panes.contents.filter(|r| r.contains(at)).and_then(inside) {
        let entries = app.contents_rows(width);
        let rows = |i| entries.height(i);
        let first = rows_offset(app.contents_highlight(), height, rows);
        if let Some(i) = entry_at(first, y, entries.len(), rows) {
            app.contents_sel = i;
            app.focus = Focus::Contents;
            return update::activate(app);
        }
    }
    false
}
