//! SGR codes for colours and attributes (how much colour, the pen), and ASCII stand-ins for
//! box drawing.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// How much colour to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colors {
    /// None: every distinction is made with bold, reverse video, underline and markers.
    Off,
    /// The 16 ANSI colours (and what else the program asks for, as is).
    On,
}

/// What the terminal's pen is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

pub const PLAIN: Pen = Pen { fg: Color::Reset, bg: Color::Reset, modifier: Modifier::empty() };

pub const MODIFIER_CODES: &[(Modifier, &str)] = &[
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// The SGR code for a colour: the classic codes for the 16 named ones.
pub fn colour_code(c: Color, background: bool) -> String {
    let base = match c {
        Color::Reset => return (if background { "49" } else { "39" }).to_string(),
        Color::Black => 30,
        Color::Red => 31,
        Color::Green => 32,
        Color::Yellow => 33,
        Color::Blue => 34,
        Color::Magenta => 35,
        Color::Cyan => 36,
        Color::Gray => 37,
        Color::DarkGray => 90,
        Color::LightRed => 91,
        Color::LightGreen => 92,
        Color::LightYellow => 93,
        Color::LightBlue => 94,
        Color::LightMagenta => 95,
        Color::LightCyan => 96,
        Color::White => 97,
        Color::Indexed(n) => return format!("{};5;{n}", if background { 48 } else { 38 }),
        Color::Rgb(r, g, b) => return format!("{};2;{r};{g};{b}", if background { 48 } else { 38 }),
    };
    (base + if background { 10 } else { 0 }).to_string()
}

pub fn width_of(buf: &Buffer) -> u16 {
    buf.area.width
}

/// An ASCII stand-in of the same width for the box drawing and markers the reader uses.
pub fn ascii(symbol: &str) -> &str {
    match symbol {
        "─" | "━" | "╌" | "═" => "-",
        "│" | "┃" | "║" => "|",
        "┌" | "┐" | "└" | "┘" | "┼" | "├" | "┤" | "┬" | "┴" | "╭" | "╮" | "╰" | "╯" => {
            "+"
        }
        "•" | "◦" => "*",
        "▶" | "›" | "→" => ">",
        "≡" => "=",
        "…" => "~",
        "⋯" => ":",
        "·" => "-",
        "⚠" => "!",
        "✎" => "#",
        "★" => "*",
        "✓" => "+",
        "✗" => "x",
        "↑" => "^",
        "↓" => "v",
        s => s,
    }
}
