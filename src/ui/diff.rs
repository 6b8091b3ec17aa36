//! The `D` window: what changed since an approval, section by section, inserted words
//! underlined and marked `{+…+}`, deleted ones struck through and marked `[-…-]`.

use super::popup::Popup;
use crate::app::Theme;
use crate::app::diff_view::{self, Mark};
use crate::app::{App, Modal, keymap};
use crate::layout::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// How a run of the diff is drawn.
fn style(theme: Theme, mark: Mark) -> Style {
    match mark {
        Mark::Heading => Style::new().add_modifier(Modifier::BOLD),
        Mark::Same => Style::new(),
        Mark::Inserted => Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        Mark::Deleted => Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
        Mark::Note => theme.dim(),
    }
}

/// Draws the diff window over `area`.
pub fn diff(app: &App, area: Rect, buf: &mut Buffer) {
    let Modal::Diff(view) = &app.modal else { return };
    let rect = diff_view::window(area);
    let title = truncate(&view.title, usize::from(rect.width.saturating_sub(4)));
    let inner = Popup::new(&title).hint(keymap::hints::scroll(&app.keys)).draw(rect, buf);
    let rows = diff_view::rows(view, usize::from(inner.width));
    for (y, row) in (inner.y..inner.y + inner.height).zip(rows.iter().skip(view.scroll)) {
        let mut x = inner.x;
        for (text, mark) in row {
            let room = usize::from(inner.x + inner.width - x);
            let (nx, _) = buf.set_stringn(x, y, text, room, style(app.theme, *mark));
            x = nx;
        }
    }
}
