//! What the event loop needs of a terminal besides ratatui's `Backend`: drawing a frame the
//! fast way, sending bytes that are not a frame (the clipboard, mouse modes), and being told
//! the terminal changed size or was disturbed.

use crate::backend::Ansi;
use crate::backend::hyperlink::Hyperlink;
use ratatui::backend::{Backend, TestBackend};
use ratatui::layout::Size;
use ratatui::{Frame, Terminal};
use std::io::{self, Write};

/// A backend the event loop can run on.
pub trait Surface: Backend + Sized {
    /// Draws a frame with `render` and sends it to the terminal.
    fn present(terminal: &mut Terminal<Self>, render: impl FnOnce(&mut Frame)) -> io::Result<()>;
    /// The terminal's size now.
    fn size_of(terminal: &Terminal<Self>) -> io::Result<Size>;
    /// Sends `bytes` to the terminal as they are (escape sequences the reader makes itself).
    fn send(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// The terminal was resized to `width`×`height`.
    fn resized(&mut self, width: u16, height: u16);
    /// The screen was disturbed (a suspend): the next frame writes every cell.
    fn forget(&mut self);
    /// Draws a frame like [`Surface::present`], with the hyperlinks `render` hands back (a
    /// terminal that cannot show them draws the frame without).
    fn present_linked(
        terminal: &mut Terminal<Self>,
        render: impl FnOnce(&mut Frame) -> Vec<Hyperlink>,
    ) -> io::Result<()> {
        Self::present(terminal, |frame| {
            render(frame);
        })
    }
}

impl<W: Write> Surface for Ansi<W> {
    fn present(terminal: &mut Terminal<Self>, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        Self::present_linked(terminal, |frame| {
            render(frame);
            Vec::new()
        })
    }

    fn present_linked(
        terminal: &mut Terminal<Self>,
        render: impl FnOnce(&mut Frame) -> Vec<Hyperlink>,
    ) -> io::Result<()> {
        crate::backend::draw_linked_frame(terminal, render)?;
        terminal.hide_cursor()?;
        terminal.backend_mut().writer_mut().flush()
    }

    fn size_of(terminal: &Terminal<Self>) -> io::Result<Size> {
        terminal.size()
    }

    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        let out = self.writer_mut();
        out.write_all(bytes)?;
        out.flush()
    }

    fn resized(&mut self, width: u16, height: u16) {
        if self.is_sized() {
            self.set_size(Size::new(width, height));
        } else {
            // The local terminal: the kernel knows the size that holds now.
            Ansi::resized(self);
        }
    }

    fn forget(&mut self) {
        Ansi::forget(self);
    }
}

impl Surface for TestBackend {
    fn present(terminal: &mut Terminal<Self>, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        terminal.draw(render).map(|_| ()).map_err(|e| match e {})
    }

    fn size_of(terminal: &Terminal<Self>) -> io::Result<Size> {
        terminal.size().map_err(|e| match e {})
    }

    fn send(&mut self, _: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn resized(&mut self, width: u16, height: u16) {
        self.resize(width, height);
    }

    fn forget(&mut self) {}
}
