//! Drawing a frame straight into the backend, without ratatui's second buffer and diff.

use super::{Ansi, hyperlink};
use ratatui::{Frame, Terminal};
use std::io::{self, Write};

/// Draws a frame with `render` and writes what differs from what the terminal shows, resizing
/// first if the terminal was resized.
///
/// This is the fast way to draw (rather than [`Terminal::draw`]): no copy of the screen is
/// made, and ratatui's own diff is not needed, since the backend keeps the screen it wrote.
pub fn draw_frame<W: Write>(
    terminal: &mut Terminal<Ansi<W>>,
    render: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    draw_linked_frame(terminal, |frame| {
        render(frame);
        Vec::new()
    })
}

/// Draws a frame like [`draw_frame`], with the hyperlinks `render` hands back.
pub fn draw_linked_frame<W: Write>(
    terminal: &mut Terminal<Ansi<W>>,
    render: impl FnOnce(&mut Frame) -> Vec<hyperlink::Hyperlink>,
) -> io::Result<()> {
    terminal.autoresize()?;
    let mut frame = terminal.get_frame();
    let links = render(&mut frame);
    let area = frame.area();
    terminal.backend_mut().next_links = hyperlink::cells(&links, area.width, area.height);
    let drawn = std::mem::take(terminal.current_buffer_mut());
    let mut spare = terminal.backend_mut().present_frame(drawn)?;
    spare.reset();
    *terminal.current_buffer_mut() = spare;
    Ok(())
}
