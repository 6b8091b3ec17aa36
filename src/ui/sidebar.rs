//! The left panes: the Library list and the Contents tree.

use super::theme;
use crate::app::{App, Focus};
use crate::document::{Heading, HeadingKind};
use crate::layout::{display_width, truncate};
use crate::library::format_date;
use crate::screen::list_offset;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Widget};

fn frame(title: &str, focused: bool, area: Rect, buf: &mut Buffer) -> Rect {
    let title = ratatui::text::Span::styled(format!(" {title} "), theme::pane_title(focused));
    // No box: a title row and one rule on the right. Every row of a box differs from the
    // next, so a box would have to be written again each time the text beside it scrolls.
    let block = Block::new().borders(Borders::RIGHT).border_style(theme::border(focused)).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Draws the Library: each article's short title and when it was last updated.
pub fn library(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Library;
    let inner = frame(&app.reviews.title(), focused, area, buf);
    let width = usize::from(inner.width);
    let first = list_offset(app.library_sel, usize::from(inner.height));
    let today = app.today;
    let rows = app.library.articles.iter().enumerate().skip(first).take(usize::from(inner.height));
    for (y, (i, article)) in (inner.y..).zip(rows) {
        let date = article.meta.last_updated.map(format_date).unwrap_or_default();
        let stale =
            article.meta.last_updated.is_some_and(|d| crate::check::is_stale(d, today, app.stale_months));
        let show_date = !date.is_empty() && width >= 22;
        // The team's ledger first; the personal status `r` sets where the ledger has none.
        let mark = match (app.reviews.state(i), app.store().status(&article.slug)) {
            (crate::ledger::ArticleState::Unreviewed, crate::store::ReviewStatus::Reviewed) => '✓',
            (crate::ledger::ArticleState::Unreviewed, crate::store::ReviewStatus::NeedsChanges) => '!',
            (state, _) => state.mark(),
        };
        let room = if show_date { width - display_width(&date) - 1 } else { width }.saturating_sub(1);
        let name = format!("{mark}{}", truncate(article.short_title(), room));
        let mut style = if i == app.current { theme::current() } else { Style::new() };
        if focused && i == app.library_sel {
            style = theme::selected();
        }
        let row = Rect { y, height: 1, ..inner };
        buf.set_style(row, style);
        buf.set_stringn(inner.x, y, &name, room + 1, Style::new());
        if show_date {
            let x = inner.x + inner.width - u16::try_from(display_width(&date)).unwrap_or(0);
            buf.set_stringn(x, y, &date, width, if stale { theme::stale() } else { theme::dim() });
        }
    }
}

/// What the contents show before a heading's text, and in which style.
fn marker(h: &Heading) -> (&'static str, Style) {
    match h.kind {
        HeadingKind::Question | HeadingKind::FaqQuestion => ("? ", theme::question()),
        HeadingKind::FaqSection => ("≡ ", theme::faq()),
        HeadingKind::Section => ("· ", theme::dim()),
    }
}

/// Draws the outline of `app`'s article into `inner` (no border), with `current` marked and
/// `selected` (if any) in reverse video.
pub fn outline(app: &App, inner: Rect, selected: Option<usize>, buf: &mut Buffer) {
    let headings = &app.doc.outline.headings;
    let top = headings.iter().map(|h| h.level).min().unwrap_or(1);
    let current = app.section();
    let (noted, bookmarked) = (app.noted_headings(), app.bookmarked_headings());
    let first = list_offset(app.contents_highlight(), usize::from(inner.height));
    let width = usize::from(inner.width);
    for (y, (i, h)) in
        (inner.y..).zip(headings.iter().enumerate().skip(first).take(usize::from(inner.height)))
    {
        let indent = usize::from(h.level - top).min(3) * 2;
        let (mark, mark_style) = marker(h);
        let gutter = if current == Some(i) { "▶" } else { " " };
        let row = Rect { y, height: 1, ..inner };
        let mut style = if current == Some(i) { theme::current() } else { Style::new() };
        if selected == Some(i) {
            style = theme::selected();
        }
        buf.set_style(row, style);
        let head = format!("{gutter}{}", " ".repeat(indent));
        let (x, _) = buf.set_stringn(inner.x, y, &head, width, Style::new());
        let used = usize::from(x - inner.x);
        let (x, _) = buf.set_stringn(x, y, mark, width.saturating_sub(used), mark_style);
        let used = usize::from(x - inner.x);
        let marks = format!(
            "{}{}",
            if bookmarked.contains(&i) { "★" } else { "" },
            if noted.contains(&i) { "✎" } else { "" }
        );
        let room = width.saturating_sub(used + marks.chars().count());
        let text = truncate(&h.text, room);
        buf.set_stringn(x, y, &text, room, Style::new());
        if !marks.is_empty() {
            let mx = inner.x + inner.width - u16::try_from(marks.chars().count()).unwrap_or(0);
            buf.set_stringn(mx, y, &marks, width, theme::note());
        }
    }
}

/// Draws the Contents pane.
pub fn contents(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Contents;
    let inner = frame(&strings::CONTENTS, focused, area, buf);
    outline(app, inner, focused.then_some(app.contents_sel), buf);
}
