//! Where each pane sits for a terminal size. Shared by `update` (page sizes, mouse hits)
//! and `ui` (drawing), so the two always agree.

use ratatui::layout::Rect;

/// Narrower than this, the left panes hide and the contents become an overlay.
pub const SIDEBAR_MIN_WIDTH: u16 = 70;
/// The widest the reader's text gets: lines longer than this are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// The narrowest the sidebar gets on its own: an article's name beside its date (24 columns)
/// and the rule, so at 80 columns the Library still reads as a list with dates.
pub const SIDEBAR_AUTO_MIN: u16 = 26;
/// The widest the sidebar gets on its own: a line of a list much longer than this is read
/// as text, not glanced at; 60 is also where the longest questions need two rows at most.
pub const SIDEBAR_AUTO_MAX: u16 = 60;
/// The narrowest sidebar a width setting can ask for.
pub const SIDEBAR_LEAST: u16 = 16;
/// The columns a width setting must leave the reader.
pub const READER_LEAST: u16 = 40;

/// How wide the sidebar is: by the screen's width, or as set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SidebarWidth {
    /// About a third of the screen, from [`SIDEBAR_AUTO_MIN`] to [`SIDEBAR_AUTO_MAX`].
    #[default]
    Auto,
    /// This many columns (kept from [`SIDEBAR_LEAST`] up to what leaves the reader
    /// [`READER_LEAST`]).
    Columns(u16),
    /// This share of the screen's width, in percent (kept within the same limits as columns).
    Share(u16),
}

impl SidebarWidth {
    /// The sidebar's columns (its rule included) on a screen `width` wide that has room for it.
    pub fn columns(self, width: u16) -> u16 {
        match self {
            SidebarWidth::Auto => (width / 3).clamp(SIDEBAR_AUTO_MIN, SIDEBAR_AUTO_MAX),
            SidebarWidth::Columns(n) => n.min(width.saturating_sub(READER_LEAST)).max(SIDEBAR_LEAST),
            SidebarWidth::Share(p) => {
                let n = u16::try_from(u32::from(width) * u32::from(p.min(100)) / 100).unwrap_or(width);
                n.min(width.saturating_sub(READER_LEAST)).max(SIDEBAR_LEAST)
            }
        }
        .min(width)
    }
}

/// What decides the panes besides the screen's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// Whether the user wants the left panes (they hide anyway on narrow screens).
    pub sidebar: bool,
    /// How wide the left panes are.
    pub width: SidebarWidth,
    /// Whether the first-run hint takes a row above the status line.
    pub hint: bool,
}

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
    /// The first-run hint's row, above the status line, while it shows.
    pub hint: Option<Rect>,
}

/// Whether a screen `width` wide has room for the sidebar.
pub fn sidebar_fits(width: u16) -> bool {
    width >= SIDEBAR_MIN_WIDTH
}

/// Splits `area` into panes as `shape` asks. `library_rows(width, enough)` is how many rows
/// the Library's entries take in a list `width` columns wide (counting may stop past `enough`).
pub fn panes(area: Rect, shape: Shape, library_rows: impl Fn(u16, usize) -> usize) -> Panes {
    let title_h = area.height.min(1);
    let status_h = u16::from(area.height >= 2);
    // The hint only where it leaves the reader most of the screen.
    let hint_h = u16::from(shape.hint && area.height >= 8);
    let body = Rect { y: area.y + title_h, height: area.height - title_h - status_h - hint_h, ..area };
    let title = Rect { height: title_h, ..area };
    let status = Rect { y: area.y + area.height - status_h, height: status_h, ..area };
    let hint = (hint_h > 0).then_some(Rect { y: status.y - 1, height: 1, ..area });
    let (library, contents, reader) = if shape.sidebar && sidebar_fits(area.width) && body.height >= 6 {
        let left_w = shape.width.columns(area.width);
        let most = body.height * 2 / 5;
        let rows = library_rows(left_w.saturating_sub(1), usize::from(most));
        let wanted = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2).max(3);
        let lib_h = wanted.min(most).max(3);
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
    Panes { title, library, contents, reader, text, status, hint }
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

/// The first entry a list shows so that entry `selected` is whole in `height` rows, when
/// entry `i` takes `rows(i)` rows: as [`list_offset`] does for entries of one row, the
/// selection is at the bottom once it is past the first screen (at the top when it is
/// taller than the list).
pub fn rows_offset(selected: usize, height: usize, rows: impl Fn(usize) -> usize) -> usize {
    let mut first = selected;
    let mut used = rows(selected);
    while first > 0 {
        let more = rows(first - 1);
        if used + more > height {
            break;
        }
        used += more;
        first -= 1;
    }
    first
}

/// The entry on row `row` of a list that shows entries from `first`, when entry `i` takes
/// `rows(i)` rows; `None` past the last of `len` entries.
pub fn entry_at(first: usize, row: usize, len: usize, rows: impl Fn(usize) -> usize) -> Option<usize> {
    let mut top = 0;
    for i in first..len {
        top += rows(i);
        if row < top {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape() -> Shape {
        Shape { sidebar: true, ..Shape::default() }
    }

    #[test]
    fn at_80_columns_the_sidebar_shows_and_text_fills_the_rest() {
        let p = panes(Rect::new(0, 0, 80, 24), shape(), |_, _| 6);
        assert_eq!(p.library, Some(Rect::new(0, 1, 26, 8)), "room for six articles");
        assert_eq!(p.contents, Some(Rect::new(0, 9, 26, 14)), "and twelve headings");
        assert_eq!(p.reader, Rect::new(26, 1, 54, 22));
        assert_eq!(p.text, Rect::new(27, 1, 52, 22));
        assert_eq!(p.status, Rect::new(0, 23, 80, 1));
        assert_eq!(p.hint, None);
    }

    #[test]
    fn the_sidebar_is_a_third_of_the_screen_within_limits() {
        let auto = SidebarWidth::Auto;
        assert_eq!(auto.columns(70), SIDEBAR_AUTO_MIN, "never narrower than name and date");
        assert_eq!(auto.columns(80), 26);
        assert_eq!(auto.columns(120), 40);
        assert_eq!(auto.columns(150), 50);
        assert_eq!(auto.columns(200), SIDEBAR_AUTO_MAX, "never wider than a list is read");
        assert_eq!(auto.columns(400), SIDEBAR_AUTO_MAX);
        // A width as set, kept within reason: the reader keeps 40 columns.
        assert_eq!(SidebarWidth::Columns(30).columns(120), 30);
        assert_eq!(SidebarWidth::Columns(100).columns(120), 120 - READER_LEAST);
        assert_eq!(SidebarWidth::Columns(3).columns(120), SIDEBAR_LEAST);
        assert_eq!(SidebarWidth::Share(40).columns(200), 80, "a share of the width");
        assert_eq!(SidebarWidth::Share(60).columns(100), 100 - READER_LEAST, "the reader keeps its least");
        let set = Shape { width: SidebarWidth::Columns(70), ..shape() };
        assert_eq!(panes(Rect::new(0, 0, 200, 50), set, |_, _| 6).reader.x, 70);
    }

    #[test]
    fn wide_screens_grow_the_sidebar_and_keep_the_text_capped_and_centred() {
        let p = panes(Rect::new(0, 0, 200, 50), shape(), |_, _| 1);
        assert_eq!(p.text.width, MAX_TEXT_WIDTH);
        assert_eq!(p.reader.x, 60);
        assert_eq!(p.text.x, 60 + 1 + (140 - 2 - 100) / 2);
        // The margin beside the text is less than the old 30 columns.
        assert!(p.text.x - p.reader.x < 30);
    }

    #[test]
    fn the_library_pane_is_as_tall_as_its_rows_up_to_two_fifths() {
        let p = panes(Rect::new(0, 0, 80, 24), shape(), |_, _| 3);
        assert_eq!(p.library.map(|r| r.height), Some(5));
        let asked = std::cell::Cell::new((0, 0));
        let p = panes(Rect::new(0, 0, 80, 24), shape(), |w, enough| {
            asked.set((w, enough));
            100
        });
        assert_eq!(p.library.map(|r| r.height), Some(8));
        assert_eq!(asked.get(), (25, 8), "the rows are counted for the list inside the rule");
    }

    #[test]
    fn the_hint_takes_the_row_above_the_status_line() {
        let p = panes(Rect::new(0, 0, 80, 24), Shape { hint: true, ..shape() }, |_, _| 6);
        assert_eq!(p.hint, Some(Rect::new(0, 22, 80, 1)));
        assert_eq!(p.reader.height, 21);
        let tiny = panes(Rect::new(0, 0, 40, 5), Shape { hint: true, ..shape() }, |_, _| 6);
        assert_eq!(tiny.hint, None, "not where it would crowd out the text");
    }

    #[test]
    fn narrow_and_tiny_screens_give_everything_to_the_reader() {
        let p = panes(Rect::new(0, 0, 60, 20), shape(), |_, _| 6);
        assert_eq!((p.library, p.reader), (None, Rect::new(0, 1, 60, 18)));
        let tiny = panes(Rect::new(0, 0, 1, 1), shape(), |_, _| 6);
        assert_eq!(tiny.title.height + tiny.reader.height + tiny.status.height, 1);
        assert_eq!(tiny.text.width, 1);
    }

    #[test]
    fn list_offset_keeps_the_selection_in_view() {
        assert_eq!(list_offset(0, 5), 0);
        assert_eq!(list_offset(4, 5), 0);
        assert_eq!(list_offset(7, 5), 3);
    }

    #[test]
    fn entries_of_several_rows_scroll_so_the_selection_is_whole() {
        let one = |_| 1;
        for (sel, h) in [(0, 5), (4, 5), (7, 5), (3, 1)] {
            assert_eq!(rows_offset(sel, h, one), list_offset(sel, h), "one row each is as before");
        }
        let rows = [1, 2, 3, 1, 2];
        let of = |i: usize| rows[i];
        assert_eq!(rows_offset(1, 5, of), 0, "rows 0-2 fit");
        assert_eq!(rows_offset(2, 5, of), 1, "2+3 rows: entry 0 goes");
        assert_eq!(rows_offset(4, 5, of), 3, "3 would not fit with 1+2 below it");
        assert_eq!(rows_offset(2, 2, of), 2, "taller than the list: at the top");
        // The rows map back to their entries, every row of an entry to the same one.
        let at: Vec<Option<usize>> = (0..10).map(|r| entry_at(1, r, rows.len(), of)).collect();
        assert_eq!(at, [Some(1), Some(1), Some(2), Some(2), Some(2), Some(3), Some(4), Some(4), None, None]);
    }
}
