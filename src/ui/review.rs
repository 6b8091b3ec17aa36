//! The note editor and the notes and bookmarks lists.

use super::theme;
use crate::app::{App, ListKind, keymap};
use crate::layout::truncate;
use crate::screen::list_offset;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// A window over the reader: most of the screen, centred.
fn window(title: &str, hint: &str, asking: bool, area: Rect, buf: &mut Buffer) -> Rect {
    let w = area.width.saturating_sub(4).clamp(area.width.min(20), 90);
    let h = (area.height.saturating_sub(4)).clamp(area.height.min(6), 24);
    let rect = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    Clear.render(rect, buf);
    let footer = if asking {
        ratatui::text::Span::styled(format!(" {hint} "), theme::message())
    } else {
        ratatui::text::Span::raw(format!(" {hint} "))
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().add_modifier(Modifier::BOLD))
        .title(format!(" {title} "))
        .title_bottom(footer);
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Draws the note editor.
pub fn editor(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(e) = app.editor() else { return };
    let section = if e.anchor.heading.is_empty() { strings::INTRO.as_str() } else { &e.anchor.heading };
    let title =
        truncate(&format!("{} · {section}", strings::NOTE), usize::from(area.width.saturating_sub(8)));
    let editor_hint = keymap::hints::editor();
    let (hint, asking) = match (&e.draft_error, e.confirm_discard) {
        (_, true) => (strings::DISCARD.as_str(), true),
        (Some(error), false) => (error.as_str(), true),
        (None, false) => (editor_hint.as_str(), false),
    };
    let inner = window(&title, hint, asking, area, buf);
    e.input.render(inner, buf);
}

/// Draws the notes (of the open article) or bookmarks (of the library) list.
pub fn list(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = app.list() else { return };
    let (title, hint) = match view.kind {
        ListKind::Notes => (strings::NOTES.as_str(), keymap::hints::notes()),
        ListKind::Bookmarks => (strings::BOOKMARKS.as_str(), keymap::hints::bookmarks()),
    };
    let (hint, asking) =
        if view.confirm_delete { (strings::DELETE.as_str(), true) } else { (hint.as_str(), false) };
    let inner = window(title, hint, asking, area, buf);
    let rows = app.list_rows(view.kind);
    if rows.is_empty() {
        buf.set_stringn(inner.x + 1, inner.y, strings::EMPTY_LIST, usize::from(inner.width), theme::dim());
        return;
    }
    let first = list_offset(view.selected, usize::from(inner.height));
    for (y, (n, (_, heading, label))) in
        (inner.y..).zip(rows.iter().enumerate().skip(first).take(usize::from(inner.height)))
    {
        let style = if n == view.selected { theme::selected() } else { Style::new() };
        buf.set_style(Rect { y, height: 1, ..inner }, style);
        // A note whose heading is gone is marked; bookmarks elsewhere resolve when opened.
        let detached =
            view.kind == ListKind::Notes && heading.is_none() && !label.starts_with(strings::INTRO.as_str());
        let mark = if detached { "!" } else { " " };
        buf.set_stringn(inner.x, y, mark, 1, theme::dim());
        buf.set_stringn(
            inner.x + 1,
            y,
            truncate(label, usize::from(inner.width.saturating_sub(1))),
            usize::from(inner.width),
            Style::new(),
        );
    }
}
