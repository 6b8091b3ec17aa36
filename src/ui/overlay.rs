//! Windows over the panes: the key help, the loading problems, the contents on narrow screens.

use super::sidebar;
use crate::app::App;
use crate::app::keymap;
use crate::layout::{Span, Tone, display_width, wrap};
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// A bordered window of at most `w`×`h`, centred in `area`, for `rows` rows of content;
/// returns its inside.
fn window(title: &str, w: u16, h: u16, rows: usize, area: Rect, buf: &mut Buffer) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let rect = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    Clear.render(rect, buf);
    let hint = if rows + 2 > usize::from(h) { keymap::hints::scroll() } else { keymap::hints::close() };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().add_modifier(Modifier::BOLD))
        .title(format!(" {title} "))
        .title_bottom(format!(" {hint} "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

fn lines(inner: Rect, rows: &[(String, Style)], scroll: usize, buf: &mut Buffer) {
    let shown = rows.iter().skip(scroll).take(usize::from(inner.height));
    for (y, (text, style)) in (inner.y..).zip(shown) {
        buf.set_stringn(inner.x, y, text, usize::from(inner.width), *style);
    }
}

/// The help: every key binding, generated from the key tables.
pub fn help(scroll: usize, area: Rect, buf: &mut Buffer) {
    let help = keymap::help_rows();
    let label_w = help.iter().map(|(label, _)| display_width(label)).max().unwrap_or(0);
    let rows: Vec<(String, Style)> = help
        .iter()
        .map(|(label, what)| match label.as_ref() {
            "" => (format!(" {what}"), Style::new().add_modifier(Modifier::BOLD)),
            label => (format!(" {label:>label_w$}  {what}"), Style::new()),
        })
        .collect();
    let width = rows.iter().map(|(t, _)| display_width(t)).max().unwrap_or(0) + 3;
    let height = rows.len() + 2;
    let inner = window(&strings::HELP_TITLE, clamp16(width), clamp16(height), rows.len(), area, buf);
    lines(inner, &rows, scroll, buf);
}

/// The problems met while loading, each wrapped to the window.
pub fn warnings(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let inner_w = area.width.saturating_sub(4).min(100);
    let mut rows: Vec<(String, Style)> = Vec::new();
    for w in app.problems() {
        for line in wrap(&[Span::new(w, Tone::default())], usize::from(inner_w.saturating_sub(1))) {
            let text: String = line.iter().map(|s| s.text.as_str()).collect();
            rows.push((format!(" {text}"), Style::new()));
        }
    }
    if rows.is_empty() {
        rows.push((format!(" {}", strings::NO_WARNINGS), Style::new()));
    }
    let height = clamp16(rows.len() + 2);
    let inner = window(&strings::WARNINGS_TITLE, inner_w + 2, height, rows.len(), area, buf);
    lines(inner, &rows, scroll, buf);
}

/// The contents, for screens too narrow for the Contents pane: over the whole reader pane.
pub fn contents(app: &App, buf: &mut Buffer) {
    let rows = app.doc.outline.headings.len();
    let reader = app.panes().reader;
    let area = Rect { height: reader.height.min(clamp16(rows + 2)), ..reader };
    let inner = window(&strings::CONTENTS, area.width, area.height, rows, area, buf);
    sidebar::outline(app, inner, Some(app.contents_sel), buf);
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
