//! Taking the terminal over and giving it back: raw mode, the alternate screen, mouse
//! capture; suspending with Ctrl-z; restoring on panic.

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether mouse capture is on, so that restoring knows to turn it off.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Raw mode, the alternate screen, and mouse capture if `mouse`.
pub fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    MOUSE.store(mouse, Ordering::SeqCst);
    let entered = out.write_all(enter_sequence(mouse).as_bytes()).and_then(|()| out.flush());
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    Ok(())
}

/// What takes the screen, here and for a client of `artikel serve`: the alternate screen,
/// cleared (some terminals keep what was last drawn on it, which would show until the first
/// frame covers it, and stay wherever the frame leaves a cell alone), the cursor hidden,
/// bracketed paste (pasted text arrives marked as such, so it is typed, never taken as keys),
/// and mouse capture if `mouse`.
pub fn enter_sequence(mouse: bool) -> String {
    let mut sequence = String::new();
    let _ = crossterm::Command::write_ansi(&EnterAlternateScreen, &mut sequence);
    let _ = crossterm::Command::write_ansi(&terminal::Clear(terminal::ClearType::All), &mut sequence);
    let _ = crossterm::Command::write_ansi(&crossterm::cursor::MoveTo(0, 0), &mut sequence);
    let _ = crossterm::Command::write_ansi(&crossterm::cursor::Hide, &mut sequence);
    let _ = crossterm::Command::write_ansi(&EnableBracketedPaste, &mut sequence);
    if mouse {
        sequence.push_str(&mouse_sequence(true));
    }
    sequence
}

/// The sequence that captures the mouse (`on`) or leaves it to the terminal.
pub fn mouse_sequence(on: bool) -> String {
    let mut sequence = String::new();
    let _ = if on {
        crossterm::Command::write_ansi(&EnableMouseCapture, &mut sequence)
    } else {
        crossterm::Command::write_ansi(&DisableMouseCapture, &mut sequence)
    };
    sequence
}

/// Puts the terminal back as it was. Errors are ignored: the terminal may be gone.
pub fn restore() {
    let mut out = io::stdout();
    // Mouse capture may have been turned on by the loop's own sequence since: always off.
    MOUSE.store(false, Ordering::SeqCst);
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste);
    let _ = execute!(out, crossterm::style::ResetColor, LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Gives the terminal back and stops the process (Ctrl-z); when it is continued (`fg`),
/// takes the terminal again.
pub fn suspend(mouse: bool) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mouse)
}

/// Restores the terminal before a panic's message is printed (but for a panic that
/// [`crate::panics::caught`] catches: the reader carries on after it, on the terminal as it is).
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::panics::is_caught() {
            return;
        }
        restore();
        previous(info);
    }));
}

/// Text for the terminal's clipboard (OSC 52, which works across SSH), as the escape
/// sequence that sets it.
pub fn clipboard_sequence(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_the_standard_says() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64("knæ".as_bytes()), "a27Dpg==");
        assert_eq!(clipboard_sequence("hej"), "\x1b]52;c;aGVq\x07");
    }

    #[test]
    fn entering_clears_the_alternate_screen_before_anything_else() {
        for mouse in [false, true] {
            let sequence = enter_sequence(mouse);
            assert!(sequence.starts_with("\x1b[?1049h\x1b[2J\x1b[1;1H"), "{sequence:?}");
            assert_eq!(sequence.contains(&mouse_sequence(true)), mouse);
            assert!(sequence.contains("\x1b[?2004h") && sequence.contains("\x1b[?25l"));
        }
    }
}
