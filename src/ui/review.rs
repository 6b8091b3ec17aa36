//! The comment editor, the comments and bookmarks lists, and the decision window.

use crate::app::Theme;
use crate::app::{App, ListKind, keymap};
use crate::layout::truncate;
use crate::screen::list_offset;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// A window over the reader: most of the screen, centred.
fn window(theme: Theme, title: &str, hint: &str, asking: bool, area: Rect, buf: &mut Buffer) -> Rect {
    let rect = crate::app::diff_view::window(area);
    Clear.render(rect, buf);
    let footer = if asking {
        ratatui::text::Span::styled(format!(" {hint} "), theme.message())
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
        truncate(&format!("{} · {section}", strings::COMMENT), usize::from(area.width.saturating_sub(8)));
    let editor_hint = keymap::hints::editor(&app.keys);
    let (hint, asking) = match (&e.draft_error, e.confirm_discard) {
        (_, true) => (strings::DISCARD.as_str(), true),
        (Some(error), false) => (error.as_str(), true),
        (None, false) => (editor_hint.as_str(), false),
    };
    let inner = window(app.theme, &title, hint, asking, area, buf);
    e.input.render(inner, buf);
}

/// Draws the notes (of the open article) or bookmarks (of the library) list.
pub fn list(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = app.list() else { return };
    let (title, hint) = match view.kind {
        ListKind::Notes if app.team.show_resolved => (&*strings::COMMENTS_ALL, comments_hint(&app.keys)),
        ListKind::Notes => (&*strings::COMMENTS, comments_hint(&app.keys)),
        ListKind::Bookmarks => (&*strings::BOOKMARKS, keymap::hints::bookmarks(&app.keys)),
    };
    let (hint, asking) =
        if view.confirm_delete { (&*strings::DELETE_COMMENT, true) } else { (hint.as_str(), false) };
    let inner = window(app.theme, title, hint, asking, area, buf);
    let rows = app.list_rows(view.kind);
    if rows.is_empty() {
        buf.set_stringn(inner.x + 1, inner.y, strings::EMPTY_LIST, usize::from(inner.width), app.theme.dim());
        return;
    }
    let first = list_offset(view.selected, usize::from(inner.height));
    for (y, (n, (_, heading, label))) in
        (inner.y..).zip(rows.iter().enumerate().skip(first).take(usize::from(inner.height)))
    {
        let style = if n == view.selected { app.theme.selected() } else { Style::new() };
        buf.set_style(Rect { y, height: 1, ..inner }, style);
        // A note whose heading is gone is marked; bookmarks elsewhere resolve when opened.
        let detached =
            view.kind == ListKind::Notes && heading.is_none() && !label.starts_with(strings::INTRO.as_str());
        let mark = if detached { "!" } else { " " };
        buf.set_stringn(inner.x, y, mark, 1, app.theme.dim());
        buf.set_stringn(
            inner.x + 1,
            y,
            truncate(label, usize::from(inner.width.saturating_sub(1))),
            usize::from(inner.width),
            Style::new(),
        );
    }
}

/// The comments list's hint, made from the key table.
fn comments_hint(map: &keymap::Keymap) -> String {
    use crate::app::Action;
    let parts: &[(&[Action], strings::Phrase)] = &[
        (&[Action::Activate], strings::HINT_GO),
        (&[Action::Edit], strings::HINT_EDIT),
        (&[Action::Delete], strings::HINT_DELETE),
        (&[Action::Resolve], strings::HINT_RESOLVE),
        (&[Action::ShowResolved], strings::HINT_RESOLVED),
        (&[Action::Close], strings::HINT_CLOSE),
    ];
    keymap::hint(map, keymap::BINDINGS, parts)
}

/// Draws the decision window (`r`): the article and its version, the choice, then the
/// comment being typed.
pub fn decide(app: &App, area: Rect, buf: &mut Buffer) {
    let crate::app::Modal::Decide(d) = &app.modal else { return };
    let article = app.library.articles.get(app.current).map_or("", |a| a.short_title());
    let title =
        truncate(&strings::decide_title(article, &d.version), usize::from(area.width.saturating_sub(8)));
    let hint = if d.verdict.is_some() { &*strings::DECIDE_COMMENT_HINT } else { &*strings::DECIDE_CHOOSE };
    let full = crate::app::diff_view::window(area);
    let h = 6.min(full.height);
    let small = Rect { y: full.y + (full.height - h) / 2, height: h, ..full };
    let inner = window(app.theme, &title, hint, false, small, buf);
    let width = usize::from(inner.width);
    match d.verdict {
        None => {
            buf.set_stringn(
                inner.x + 1,
                inner.y,
                &*strings::DECIDE_CHOOSE,
                width.saturating_sub(1),
                Style::new(),
            );
        }
        Some(verdict) => {
            let prompt = strings::decide_comment(verdict == crate::ledger::Verdict::Approved);
            buf.set_stringn(inner.x + 1, inner.y, &prompt, width.saturating_sub(1), app.theme.message());
            let field = Rect { y: inner.y + 2, height: 1.min(inner.height.saturating_sub(2)), ..inner };
            d.input.render(field, buf);
        }
    }
}
