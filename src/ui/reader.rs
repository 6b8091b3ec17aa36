//! The reader pane: the visible slice of the laid-out article.

use super::theme;
use crate::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the lines of the article that fall in `area`.
pub fn text(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = app.layout.lines.iter().skip(app.scroll).take(usize::from(area.height));
    for (y, line) in (area.y..).zip(lines) {
        let spans: Vec<Span> =
            line.spans().map(|(text, tone)| Span::styled(text, theme::text(tone))).collect();
        Line::from(spans).render(Rect { y, height: 1, ..area }, buf);
    }
}
