//! The reader pane: the visible slice of the laid-out article, with find hits marked.

use crate::app::App;
use crate::layout::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the lines of the article that fall in `area`.
pub fn text(app: &App, area: Rect, buf: &mut Buffer) {
    // The lines in view, found at once (not by walking past the `scroll` lines above them).
    let lines = app.layout.lines.range(app.scroll..app.scroll.saturating_add(usize::from(area.height)));
    for (y, line) in (area.y..).zip(lines) {
        let mut x = area.x;
        let right = area.x + area.width;
        for (text, tone) in line.spans() {
            let style = app.theme.text(tone);
            if simple(text) {
                // One column per character: no grapheme segmentation needed (most lines).
                for c in text.chars().take(usize::from(right.saturating_sub(x))) {
                    buf[(x, y)].set_char(c).set_style(style);
                    x += 1;
                }
            } else {
                let (next, _) = buf.set_stringn(x, y, text, usize::from(right.saturating_sub(x)), style);
                x = next;
            }
        }
    }
    find_hits(app, area, buf);
    note_marks(app, area, buf);
}

/// Marks the headings that have notes in the margin left of the text.
fn note_marks(app: &App, area: Rect, buf: &mut Buffer) {
    let reader = app.panes().reader;
    if area.x <= reader.x {
        return;
    }
    for i in app.noted_headings() {
        let Some(&row) = app.layout.heading_rows.get(i) else { continue };
        if row >= app.scroll && row < app.scroll + usize::from(area.height) {
            let y = area.y + u16::try_from(row - app.scroll).unwrap_or(0);
            buf.set_stringn(area.x - 1, y, "✎", 1, app.theme.note());
        }
    }
}

/// Whether every character of `text` is one column wide on its own (ASCII and Latin
/// letters; nothing that combines, joins or is wide).
fn simple(text: &str) -> bool {
    text.chars()
        .all(|c| (' '..'\u{7f}').contains(&c) || (('\u{a0}'..'\u{300}').contains(&c) && c != '\u{ad}'))
}

/// Marks the find hits on the lines in view, the current one set apart.
fn find_hits(app: &App, area: Rect, buf: &mut Buffer) {
    let rows = app.scroll..app.scroll + usize::from(area.height);
    let first = app.find.hits.partition_point(|h| h.row < rows.start);
    for (n, hit) in app.find.hits.iter().enumerate().skip(first).take_while(|(_, h)| rows.contains(&h.row)) {
        let Some(line) = app.layout.lines.get(hit.row) else { continue };
        let text = line.text();
        let (Some(before), Some(found)) = (text.get(..hit.start), text.get(hit.start..hit.end)) else {
            continue;
        };
        let x = area.x + u16::try_from(display_width(before)).unwrap_or(u16::MAX).min(area.width);
        let y = area.y + u16::try_from(hit.row - app.scroll).unwrap_or(0);
        let width =
            u16::try_from(display_width(found)).unwrap_or(0).min((area.x + area.width).saturating_sub(x));
        let style = if app.find.current == Some(n) { app.theme.current_hit() } else { app.theme.hit() };
        buf.set_style(Rect { x, y, width, height: 1 }, style);
    }
}
