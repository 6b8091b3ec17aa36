//! The left panes: the Library list and the Contents tree.

use crate::app::Theme;
use crate::app::{App, Focus};
use crate::document::{Heading, HeadingKind};
use crate::layout::display_width;
use crate::library::format_date;
use crate::screen::rows_offset;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Widget};

fn frame(theme: Theme, title: &str, focused: bool, area: Rect, buf: &mut Buffer) -> Rect {
    let title = ratatui::text::Span::styled(format!(" {title} "), theme.pane_title(focused));
    // No box: a title row and one rule on the right. Every row of a box differs from the
    // next, so a box would have to be written again each time the text beside it scrolls.
    let block = Block::new().borders(Borders::RIGHT).border_style(theme.border(focused)).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Draws the Library: each article's short title and when it was last updated.
pub fn library(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Library;
    let inner = frame(app.theme, &app.reviews.title(), focused, area, buf);
    articles(app, inner, focused.then_some(app.library_sel), buf);
}

/// Draws the articles into `inner` (no border): each one's review mark, its short title
/// (wrapped when long) and when it was last updated; the open one bold, `selected` (if
/// any) in reverse video, scrolled so the selection shows.
pub fn articles(app: &App, inner: Rect, selected: Option<usize>, buf: &mut Buffer) {
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let entry = |i| app.library_entry(i, width);
    let first = rows_offset(app.library_sel, height, |i| entry(i).height());
    let today = app.today;
    let bottom = inner.y + inner.height;
    let mut y = inner.y;
    for (i, article) in app.library.articles.iter().enumerate().skip(first) {
        if y >= bottom {
            break;
        }
        let title = entry(i);
        // The team's ledger (old personal statuses come in through its import).
        let mark = app.review_mark(i);
        let mut style = if i == app.current { app.theme.current() } else { Style::new() };
        if selected == Some(i) {
            style = app.theme.selected();
        }
        let rows = u16::try_from(title.height()).unwrap_or(u16::MAX).min(bottom - y);
        buf.set_style(Rect { y, height: rows, ..inner }, style);
        for (r, text) in title.rows.iter().enumerate() {
            let Some(row_y) = row_at(y, r, bottom) else { break };
            let lead = if r == 0 { mark.to_string() } else { " ".to_string() };
            buf.set_stringn(inner.x, row_y, format!("{lead}{text}"), width, Style::new());
        }
        if let (Some(r), Some(d)) = (title.date_row, article.meta.last_updated)
            && let Some(row_y) = row_at(y, r, bottom)
        {
            let date = format_date(d);
            let stale = crate::check::is_stale(d, today, app.stale_months);
            let x = inner.x + inner.width.saturating_sub(u16::try_from(display_width(&date)).unwrap_or(0));
            buf.set_stringn(x, row_y, &date, width, if stale { app.theme.stale() } else { app.theme.dim() });
        }
        y = y.saturating_add(rows);
    }
}

/// Row `r` of an entry that starts at `y`, if it is above `bottom`.
fn row_at(y: u16, r: usize, bottom: u16) -> Option<u16> {
    let row = y.checked_add(u16::try_from(r).ok()?)?;
    (row < bottom).then_some(row)
}

/// What the contents show before a heading's text, and in which style.
fn marker(theme: Theme, h: &Heading) -> (&'static str, Style) {
    match h.kind {
        HeadingKind::Question | HeadingKind::FaqQuestion => ("? ", theme.question()),
        HeadingKind::FaqSection => ("≡ ", theme.faq()),
        HeadingKind::Section => ("· ", theme.dim()),
    }
}

/// Draws the outline of `app`'s article into `inner` (no border), with `current` marked and
/// `selected` (if any) in reverse video. A heading too long for a row goes on under its
/// first word, on up to three rows.
pub fn outline(app: &App, inner: Rect, selected: Option<usize>, buf: &mut Buffer) {
    let headings = &app.doc.outline.headings;
    let current = app.section();
    let width = usize::from(inner.width);
    let entries = app.contents_rows(width);
    let first = rows_offset(app.contents_highlight(), usize::from(inner.height), |i| entries.height(i));
    let bottom = inner.y + inner.height;
    let mut y = inner.y;
    for (i, h) in headings.iter().enumerate().skip(first) {
        if y >= bottom {
            break;
        }
        let lead = entries.lead(i);
        let rows = entries.entry(i);
        let (mark, mark_style) = marker(app.theme, h);
        let gutter = if current == Some(i) { "▶" } else { " " };
        let height = u16::try_from(rows.len().max(1)).unwrap_or(u16::MAX).min(bottom - y);
        let mut style = if current == Some(i) { app.theme.current() } else { Style::new() };
        if selected == Some(i) {
            style = app.theme.selected();
        }
        buf.set_style(Rect { y, height, ..inner }, style);
        let head = format!("{gutter}{}", " ".repeat(lead.saturating_sub(3)));
        let (x, _) = buf.set_stringn(inner.x, y, &head, width, Style::new());
        let used = usize::from(x - inner.x);
        buf.set_stringn(x, y, mark, width.saturating_sub(used), mark_style);
        let text_x = inner.x + u16::try_from(lead).unwrap_or(u16::MAX).min(inner.width);
        let room = width.saturating_sub(lead);
        for (r, text) in rows.iter().enumerate() {
            let Some(row_y) = row_at(y, r, bottom) else { break };
            buf.set_stringn(text_x, row_y, text, room, Style::new());
        }
        let marks = entries.marks(i);
        if !marks.is_empty() {
            let mx = inner.x + inner.width.saturating_sub(u16::try_from(marks.chars().count()).unwrap_or(0));
            buf.set_stringn(mx, y, &marks, width, app.theme.note());
        }
        y = y.saturating_add(height);
    }
}

/// Draws the Contents pane.
pub fn contents(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Contents;
    let inner = frame(app.theme, &strings::CONTENTS, focused, area, buf);
    outline(app, inner, focused.then_some(app.contents_sel), buf);
}
