//! The comment editor, the comments and bookmarks lists, and the decision window.

use super::popup::Popup;
use crate::app::Theme;
use crate::app::{App, ListKind, keymap};
use crate::layout::truncate;
use crate::screen::list_offset;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// A window over the reader at `rect` (most of the screen, centred, for the editor and the
/// lists: [`crate::app::diff_view::window`]).
fn window(theme: Theme, title: &str, hint: &str, asking: bool, rect: Rect, buf: &mut Buffer) -> Rect {
    let footer = if asking {
        ratatui::text::Span::styled(hint, theme.message())
    } else {
        ratatui::text::Span::raw(hint)
    };
    Popup::new(title).hint(footer).draw(rect, buf)
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
    let inner = window(app.theme, &title, hint, asking, crate::app::diff_view::window(area), buf);
    e.input.render(inner, buf);
}

/// Draws the notes (of the open article) or bookmarks (of the library) list.
pub fn list(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = app.list() else { return };
    // The hint's room on the bottom edge: the window's width less its corners and a space
    // each side.
    let room = usize::from(crate::app::diff_view::window(area).width.saturating_sub(4));
    let (title, hint) = match view.kind {
        ListKind::Notes if app.team.show_resolved => {
            (&*strings::COMMENTS_ALL, comments_hint(&app.keys, room))
        }
        ListKind::Notes => (&*strings::COMMENTS, comments_hint(&app.keys, room)),
        ListKind::Bookmarks => (&*strings::BOOKMARKS, keymap::hints::bookmarks(&app.keys)),
    };
    let (hint, asking) =
        if view.confirm_delete { (&*strings::DELETE_COMMENT, true) } else { (hint.as_str(), false) };
    let inner = window(app.theme, title, hint, asking, crate::app::diff_view::window(area), buf);
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

/// The comments list's hint, made from the key table, at most `room` wide: the keys least
/// needed go first when it does not fit (showing resolved ones, deleting, editing,
/// resolving); going and closing stay.
fn comments_hint(map: &keymap::Keymap, room: usize) -> String {
    use crate::app::Action;
    let mut parts: Vec<(&[Action], strings::Phrase)> = vec![
        (&[Action::Activate], strings::HINT_GO),
        (&[Action::Edit], strings::HINT_EDIT),
        (&[Action::Delete], strings::HINT_DELETE),
        (&[Action::ReadComment], strings::HINT_READ),
        (&[Action::Resolve], strings::HINT_RESOLVE),
        (&[Action::ShowResolved], strings::HINT_RESOLVED),
        (&[Action::Close], strings::HINT_CLOSE),
    ];
    let mut hint = keymap::hint(map, keymap::BINDINGS, &parts);
    for drop in [Action::ShowResolved, Action::Delete, Action::Edit, Action::Resolve] {
        if crate::layout::display_width(&hint) <= room {
            break;
        }
        parts.retain(|(actions, _)| actions[0] != drop);
        hint = keymap::hint(map, keymap::BINDINGS, &parts);
    }
    hint
}

/// Draws the review window (`r`): the article and its version, where it stands under the
/// team's rules (approvals, who blocks, what was lifted), the choice, then the reason or
/// comment being typed (and that one is required, after an Enter without it).
pub fn decide(app: &App, area: Rect, buf: &mut Buffer) {
    let crate::app::Modal::Decide(d) = &app.modal else { return };
    let article = app.library.articles.get(app.current).map_or("", |a| a.short_title());
    let title =
        truncate(&strings::decide_title(article, &d.version), usize::from(area.width.saturating_sub(8)));
    let hint = if d.choice.is_some() { strings::DECIDE_COMMENT_HINT.to_string() } else { String::new() };
    let standing = standing(app);
    let full = crate::app::diff_view::window(area);
    // The rules (and a blank row), the rows of choices or the prompt and its field (and the
    // missing reason), a spare row and the border.
    let body = match d.choice {
        None => fill(&d.prompt(), " · ", usize::from(full.width.saturating_sub(3))).len(),
        Some(_) => 2 + usize::from(d.reason_missing),
    };
    let rows = standing.len() + usize::from(!standing.is_empty()) + body + 3;
    let want = u16::try_from(rows).unwrap_or(u16::MAX);
    let h = want.min(full.height);
    let small = Rect { y: full.y + (full.height - h) / 2, height: h, ..full };
    let inner = window(app.theme, &title, &hint, d.reason_missing, small, buf);
    let width = usize::from(inner.width).saturating_sub(1);
    let bottom = inner.y + inner.height;
    let mut y = inner.y;
    for line in &standing {
        if y >= bottom {
            return;
        }
        buf.set_stringn(inner.x + 1, y, truncate(line, width), width, app.theme.dim());
        y += 1;
    }
    if !standing.is_empty() {
        y += 1;
    }
    if y >= bottom {
        return;
    }
    if d.choice.is_none() {
        // The choices, as many to a row as fit.
        for row in fill(&d.prompt(), " · ", width) {
            if y >= bottom {
                return;
            }
            buf.set_stringn(inner.x + 1, y, truncate(&row, width), width, Style::new());
            y += 1;
        }
        return;
    }
    buf.set_stringn(inner.x + 1, y, truncate(&d.prompt(), width), width, app.theme.message());
    if y + 1 < bottom {
        let field = Rect { y: y + 1, height: 1, ..inner };
        d.input.render(field, buf);
        if d.reason_missing && y + 2 < bottom {
            let say = truncate(&strings::REASON_NEEDED, width);
            buf.set_stringn(inner.x + 1, y + 2, say, width, app.theme.message());
        }
    }
}

/// `text`'s parts (split at `sep`) joined into rows at most `width` wide.
fn fill(text: &str, sep: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    for part in text.split(sep) {
        match rows.last_mut() {
            Some(row)
                if crate::layout::display_width(row) + sep.len() + crate::layout::display_width(part)
                    <= width =>
            {
                row.push_str(sep);
                row.push_str(part);
            }
            _ => rows.push(part.to_string()),
        }
    }
    rows
}

/// Where the open article stands under the team's rules, as `review status` says it: its
/// state and approvals, the slug it was renamed from, who blocks it and why, whose request
/// was lifted.
fn standing(app: &App) -> Vec<String> {
    let Some(j) = app.team.view.as_ref().and_then(|v| v.judged.as_ref()) else { return Vec::new() };
    let mut out = vec![format!(
        "{} · {}",
        strings::status_word(j.state.label()),
        strings::approvals_of(j.approvals.len(), j.needed)
    )];
    let first = |t: &str| t.lines().next().unwrap_or("").to_string();
    out.extend(j.renamed_from.iter().map(|(old, said)| strings::renamed_from(old, *said)));
    out.extend(j.blockers.iter().map(|d| strings::blocked_by(&d.reviewer, &first(&d.comment))));
    out.extend(j.lifted.iter().map(|(d, l)| strings::request_lifted(&d.reviewer, &l.by, &first(&l.reason))));
    out.into_iter().map(|l| crate::sanitize::inline(&l).into_owned()).collect()
}
