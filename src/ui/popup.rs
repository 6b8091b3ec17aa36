//! The one way a window is drawn over the screen: the cells under it cleared, a border, a
//! title on top and a hint at the bottom. Every popup (help, the palette and search, the
//! review window and the editor, links, the diff) is drawn with it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// A window's frame.
pub struct Popup<'a> {
    title: &'a str,
    hint: Option<Span<'a>>,
    border: Style,
}

impl<'a> Popup<'a> {
    /// A window titled `title`, with a bold border and no hint.
    pub fn new(title: &'a str) -> Popup<'a> {
        Popup { title, hint: None, border: Style::new().add_modifier(Modifier::BOLD) }
    }

    /// With `hint` at the bottom (none when it is empty).
    pub fn hint(mut self, hint: impl Into<Span<'a>>) -> Popup<'a> {
        let hint: Span<'a> = hint.into();
        if !hint.content.is_empty() {
            self.hint = Some(Span::styled(format!(" {} ", hint.content), hint.style));
        }
        self
    }

    /// With its border drawn in `style` instead of bold.
    pub fn border(mut self, style: Style) -> Popup<'a> {
        self.border = style;
        self
    }

    /// Draws it at `rect` over what is there; returns the room inside.
    pub fn draw(self, rect: Rect, buf: &mut Buffer) -> Rect {
        Clear.render(rect, buf);
        let mut block =
            Block::new().borders(Borders::ALL).border_style(self.border).title(format!(" {} ", self.title));
        if let Some(hint) = self.hint {
            block = block.title_bottom(hint);
        }
        let inner = block.inner(rect);
        block.render(rect, buf);
        inner
    }
}

/// A `w`×`h` window centred in `area` (no larger than it).
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

#[cfg(test)]
mod tests {
    use super::{Popup, centred};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    #[test]
    fn a_popup_clears_what_is_under_it_and_frames_its_title_and_hint() {
        let area = Rect::new(0, 0, 20, 5);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 2, "x".repeat(20), ratatui::style::Style::new());
        let inner = Popup::new("Title").hint("Esc").draw(centred(area, 16, 3), &mut buf);
        let rows: Vec<String> =
            (0..5).map(|y| (0..20).map(|x| buf[(x, y)].symbol().to_string()).collect()).collect();
        assert_eq!(rows[1], "  ┌ Title ───────┐  ");
        assert_eq!(rows[2], "xx│              │xx", "cleared inside, kept outside");
        assert_eq!(rows[3], "  └ Esc ─────────┘  ");
        assert_eq!(inner, Rect::new(3, 2, 14, 1));
    }
}
