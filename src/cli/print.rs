//! The printing commands run on this process's stdout (through the pager for `show` on a
//! terminal), their warnings on its stderr.

use crate::commands::{self, Failure, Io, Request, Shelf};
use std::io::{self, IsTerminal};

/// Whether stdout is a terminal.
pub fn to_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Runs `print` with stdout as its output and stderr for its warnings, told whether stdout
/// is a terminal and how wide.
pub fn on_stdout<R>(print: impl FnOnce(&mut Io) -> R) -> R {
    let terminal = to_terminal();
    let mut stdout = io::stdout().lock();
    print(&mut Io {
        out: &mut stdout,
        warn: &mut |line| eprintln!("{line}"),
        terminal,
        columns: columns(terminal),
    })
}

/// The terminal's width, if there is one.
fn columns(terminal: bool) -> Option<usize> {
    terminal.then(|| crossterm::terminal::size().ok().map(|(w, _)| usize::from(w))).flatten()
}

/// Runs `request` on `shelf`, printing to stdout; an article shown on a terminal goes through
/// the pager unless `no_pager`.
pub fn run(request: &Request, shelf: &Shelf, no_pager: bool) -> Result<i32, Failure> {
    if !matches!(request, Request::Show { .. }) {
        return on_stdout(|io| commands::run(request, shelf, io));
    }
    let terminal = to_terminal();
    let mut text = Vec::new();
    let mut warn = |line: &str| eprintln!("{line}");
    let mut io = Io { out: &mut text, warn: &mut warn, terminal, columns: columns(terminal) };
    let code = commands::run(request, shelf, &mut io)?;
    super::shell::page(&String::from_utf8_lossy(&text), no_pager, terminal)?;
    Ok(code)
}

/// Writes `text` to stdout; a closed pipe is not an error.
pub fn write_out(text: &str) -> Result<(), Failure> {
    commands::write_to(&mut io::stdout().lock(), text)
}
