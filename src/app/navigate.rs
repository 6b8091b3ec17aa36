//! Moving around: scrolling the reader, moving list selections, jumping between headings.

use super::{App, Focus};
use crate::document::HeadingKind;
use crate::layout::Layout;
use crate::strings;

impl App {
    /// Scrolls the reader by `delta` lines, within the text. Returns whether it moved.
    pub fn scroll_by(&mut self, delta: isize) -> bool {
        if delta > 0 {
            self.lay_out_lines(self.scroll.saturating_add_signed(delta).saturating_add(self.page() * 2));
        }
        let before = self.scroll;
        let target = self.scroll.saturating_add_signed(delta);
        // A jump may have left the view past the last full screen; scrolling never goes further.
        let limit = self.max_scroll().max(self.scroll);
        self.scroll = if delta > 0 { target.min(limit) } else { target.min(before) };
        self.scroll != before
    }

    /// Moves the selection of the focused list (or the contents overlay) by `delta`.
    pub fn select_by(&mut self, delta: isize) -> bool {
        let library = match self.overlay() {
            Some(overlay) => overlay == super::Overlay::Library,
            None => self.focus == Focus::Library,
        };
        let (sel, len) = if library {
            (&mut self.library_sel, self.library.articles.len())
        } else {
            (&mut self.contents_sel, self.doc.outline.headings.len())
        };
        let before = *sel;
        *sel = sel.saturating_add_signed(delta).min(len.saturating_sub(1));
        *sel != before
    }

    /// Jumps to the nearest heading after (`forward`) or before the top line whose kind
    /// passes `wanted`; says `missing` when there is none.
    pub fn jump(&mut self, forward: bool, wanted: fn(HeadingKind) -> bool, missing: &str) -> bool {
        let headings = &self.doc.outline.headings;
        // Headings after the section being read start below the top line; the rest above it
        // (or on it), and those are all laid out already.
        let found = if forward {
            let from = self.section().map_or(0, |s| s + 1);
            (from..headings.len()).find(|&i| wanted(headings[i].kind))
        } else {
            let rows = &self.layout.heading_rows;
            (0..rows.len()).rev().find(|&i| rows[i] < self.scroll && wanted(headings[i].kind))
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
        let old = std::mem::replace(&mut self.layout, Layout::start(text_width));
        self.scroll = match section {
            None => {
                let enough = self.scroll + old_page * 2;
                self.layout.extend(&self.doc, |l| !l.heading_rows.is_empty() || l.lines.len() > enough);
                let first = self.layout.heading_rows.first().copied().unwrap_or(usize::MAX);
                self.scroll.min(first.saturating_sub(1))
            }
            Some(i) => {
                self.lay_out_heading(i + 1);
                let new_row = self.layout.heading_rows[i];
                let offset = self.scroll - old.heading_rows[i];
                if offset < old_page {
                    new_row
                } else {
                    let end = self.layout.heading_rows.get(i + 1).copied().unwrap_or(self.layout.lines.len());
                    let old_end = old.heading_rows.get(i + 1).copied().unwrap_or(old.lines.len());
                    let scaled = offset * (end - new_row) / (old_end - old.heading_rows[i]).max(1);
                    new_row + scaled.min((end - new_row).saturating_sub(1))
                }
            }
        };
        self.lay_out_lines(if self.eager() { usize::MAX } else { self.scroll + self.page() * 2 });
        if self.find.active() {
            self.refresh_find();
        }
        true
    }
}
