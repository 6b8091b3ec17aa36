//! Moving around: scrolling the reader, moving list selections, jumping between headings.

use super::{App, Focus};
use crate::document::HeadingKind;
use crate::layout::Layout;
use crate::strings;

impl App {
    /// Scrolls the reader by `delta` lines, within the text. Returns whether it moved.
    pub fn scroll_by(&mut self, delta: isize) -> bool {
        let before = self.scroll;
        let target = self.scroll.saturating_add_signed(delta);
        // A jump may have left the view past the last full screen; scrolling never goes further.
        let limit = self.max_scroll().max(self.scroll);
        self.scroll = if delta > 0 { target.min(limit) } else { target.min(before) };
        self.scroll != before
    }

    /// Moves the selection of the focused list (or the contents overlay) by `delta`.
    pub fn select_by(&mut self, delta: isize) -> bool {
        let (sel, len) = match self.focus {
            Focus::Library if self.overlay.is_none() => (&mut self.library_sel, self.library.articles.len()),
            _ => (&mut self.contents_sel, self.doc.outline.headings.len()),
        };
        let before = *sel;
        *sel = sel.saturating_add_signed(delta).min(len.saturating_sub(1));
        *sel != before
    }

    /// Jumps to the nearest heading after (`forward`) or before the top line whose kind
    /// passes `wanted`; says `missing` when there is none.
    pub fn jump(&mut self, forward: bool, wanted: fn(HeadingKind) -> bool, missing: &str) -> bool {
        let rows = &self.layout.heading_rows;
        let headings = &self.doc.outline.headings;
        let candidates = (0..headings.len()).filter(|&i| wanted(headings[i].kind));
        let found = if forward {
            candidates.into_iter().find(|&i| rows[i] > self.scroll)
        } else {
            candidates.into_iter().rev().find(|&i| rows[i] < self.scroll)
        };
        match found {
            Some(i) => self.jump_to_heading(i),
            None => self.message = Some(missing.to_string()),
        }
        true
    }

    /// Jumps to the FAQ section.
    pub fn jump_faq(&mut self) -> bool {
        match self.doc.outline.faq() {
            Some(i) => self.jump_to_heading(i),
            None => self.message = Some(strings::NO_FAQ.to_string()),
        }
        true
    }

    /// Adapts to a new terminal size: lays out again if the text width changed, keeping the
    /// current heading where it was on screen (or, deep in a section, as far into it).
    pub fn resize(&mut self, width: u16, height: u16) -> bool {
        let old_page = self.page();
        self.area = ratatui::layout::Rect::new(0, 0, width, height);
        if !self.sidebar_shown() && self.focus != Focus::Reader {
            self.focus = Focus::Reader;
        }
        let text_width = usize::from(self.panes().text.width).max(1);
        if text_width == self.layout.width {
            return true;
        }
        let section = self.section();
        let layout = Layout::new(&self.doc, text_width);
        self.scroll = match section {
            None => {
                let first = layout.heading_rows.first().copied().unwrap_or(layout.lines.len());
                self.scroll.min(first.saturating_sub(1))
            }
            Some(i) => {
                let (old_row, new_row) = (self.layout.heading_rows[i], layout.heading_rows[i]);
                let offset = self.scroll - old_row;
                if offset == 0 || offset < old_page {
                    new_row
                } else {
                    let end = layout.heading_rows.get(i + 1).copied().unwrap_or(layout.lines.len());
                    let old_end =
                        self.layout.heading_rows.get(i + 1).copied().unwrap_or(self.layout.lines.len());
                    let scaled = offset * (end - new_row) / (old_end - old_row).max(1);
                    new_row + scaled.min((end - new_row).saturating_sub(1))
                }
            }
        };
        self.layout = layout;
        true
    }
}
