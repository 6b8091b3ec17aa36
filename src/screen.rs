//! Where each pane sits for a terminal size. Shared by `update` (page sizes, mouse hits)
//! and `ui` (drawing), so the two always agree.

use ratatui::layout::Rect;

/// Narrower than this, the left panes hide and the contents become an overlay.
pub const SIDEBAR_MIN_WIDTH: u16 = 70;
/// The widest the reader's text gets: lines longer than this are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// The panes of the reader screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The title line.
    pub title: Rect,
    /// The Library list (with its border), when the sidebar shows.
    pub library: Option<Rect>,
    /// The Contents tree (with its border), when the sidebar shows.
    pub contents: Option<Rect>,
    /// The whole reader pane.
    pub reader: Rect,
    /// The part of the reader pane that holds text.
    pub text: Rect,
    /// The status line.
    pub status: Rect,
}

/// Whether a screen `width` wide has room for the sidebar.
pub fn sidebar_fits(width: u16) -> bool {
    width >= SIDEBAR_MIN_WIDTH
}

/// Splits `area` into panes; `sidebar` is whether the user wants the left panes, and
/// `articles` how many entries the Library has.
pub fn panes(area: Rect, sidebar: bool, articles: usize) -> Panes {
    let title_h = area.height.min(1);
    let status_h = u16::from(area.height >= 2);
    let body = Rect { y: area.y + title_h, height: area.height - title_h - status_h, ..area };
    let title = Rect { height: title_h, ..area };
    let status = Rect { y: area.y + area.height - status_h, height: status_h, ..area };
    let (library, contents, reader) = if sidebar && sidebar_fits(area.width) && body.height >= 6 {
        let left_w = (area.width * 33 / 100).clamp(26, 40);
        let wanted = u16::try_from(articles).unwrap_or(u16::MAX).saturating_add(2).max(3);
        let lib_h = wanted.min(body.height * 2 / 5).max(3);
        let library = Rect { width: left_w, height: lib_h, ..body };
        let contents = Rect { y: body.y + lib_h, width: left_w, height: body.height - lib_h, ..body };
        let reader = Rect { x: body.x + left_w, width: body.width - left_w, ..body };
        (Some(library), Some(contents), reader)
    } else {
        (None, None, body)
    };
    let pad = u16::from(reader.width >= 12);
    let room = reader.width.saturating_sub(2 * pad).max(1).min(reader.width.max(1));
    let text_w = room.min(MAX_TEXT_WIDTH);
    let text = Rect { x: reader.x + pad + (room - text_w) / 2, width: text_w.min(reader.width), ..reader };
    Panes { title, library, contents, reader, text, status }
}

/// The part of a reader pane that holds text at most `cap` columns wide: the pane less a
/// column each side (when it has room), the text centred in it.
pub fn text_in(reader: Rect, cap: u16) -> Rect {
    let pad = u16::from(reader.width >= 12);
    let room = reader.width.saturating_sub(2 * pad).max(1).min(reader.width.max(1));
    let text_w = room.min(cap.max(1));
    Rect { x: reader.x + pad + (room - text_w) / 2, width: text_w.min(reader.width), ..reader }
}

/// The first row a list shows so that entry `selected` is visible in `height` rows.
pub fn list_offset(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_80_columns_the_sidebar_shows_and_text_fills_the_rest() {
        let p = panes(Rect::new(0, 0, 80, 24), true, 6);
        assert_eq!(p.library, Some(Rect::new(0, 1, 26, 8)), "room for six articles");
        assert_eq!(p.contents, Some(Rect::new(0, 9, 26, 14)), "and twelve headings");
        assert_eq!(p.reader, Rect::new(26, 1, 54, 22));
        assert_eq!(p.text, Rect::new(27, 1, 52, 22));
        assert_eq!(p.status, Rect::new(0, 23, 80, 1));
    }

    #[test]
    fn wide_screens_cap_and_centre_the_text() {
        let p = panes(Rect::new(0, 0, 200, 50), true, 1);
        assert_eq!(p.text.width, MAX_TEXT_WIDTH);
        assert_eq!(p.reader.x, 40);
        assert_eq!(p.text.x, 40 + 1 + (158 - 100) / 2);
    }

    #[test]
    fn narrow_and_tiny_screens_give_everything_to_the_reader() {
        let p = panes(Rect::new(0, 0, 60, 20), true, 6);
        assert_eq!((p.library, p.reader), (None, Rect::new(0, 1, 60, 18)));
        let tiny = panes(Rect::new(0, 0, 1, 1), true, 6);
        assert_eq!(tiny.title.height + tiny.reader.height + tiny.status.height, 1);
        assert_eq!(tiny.text.width, 1);
    }

    #[test]
    fn list_offset_keeps_the_selection_in_view() {
        assert_eq!(list_offset(0, 5), 0);
        assert_eq!(list_offset(4, 5), 0);
        assert_eq!(list_offset(7, 5), 3);
    }
}
