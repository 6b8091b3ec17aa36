//! How things look: laid-out tones and UI states mapped to terminal styles.
//!
//! Only the 16 ANSI colours are used, and every distinction also shows without colour
//! (bold, reverse video, underline or a marker), so monochrome terminals lose nothing.

use crate::layout::{Role, Tone};
use ratatui::style::{Color, Modifier, Style};

/// The style of laid-out text in `tone`.
pub fn text(tone: Tone) -> Style {
    let mut style = match tone.role {
        Role::Text => Style::new(),
        Role::Heading(1) => Style::new().fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
        Role::Heading(2) => Style::new().fg(Color::Cyan),
        Role::Heading(_) => Style::new(),
        Role::Code => Style::new().fg(Color::Green),
        Role::Aside | Role::Marker => Style::new().fg(Color::DarkGray),
    };
    if tone.strong {
        style = style.add_modifier(Modifier::BOLD);
    }
    if tone.emph {
        style = style.add_modifier(Modifier::ITALIC);
    }
    if tone.link {
        style = style.fg(Color::Blue).add_modifier(Modifier::UNDERLINED);
    }
    if tone.strike {
        style = style.add_modifier(Modifier::CROSSED_OUT);
    }
    style
}

/// The title line.
pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// The title line's dates.
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The status line.
pub fn status() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A one-off message in the status line.
pub fn message() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

/// A pane's border, focused or not.
pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

/// A pane's title: reversed when the pane has focus, so focus shows without colour.
pub fn pane_title(focused: bool) -> Style {
    if focused { Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD) } else { Style::new() }
}

/// The selected entry of a focused list.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The current entry of a list without focus (the open article, the section being read).
pub fn current() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// A question marker in the contents.
pub fn question() -> Style {
    Style::new().fg(Color::Yellow)
}

/// The FAQ group marker in the contents.
pub fn faq() -> Style {
    Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
}

/// A search or find hit.
pub fn hit() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The current find hit: set apart from the others even without colour.
pub fn current_hit() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
}

/// The mark of a section with a note.
pub fn note() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// The date of an article not updated for a year: underlined, so it shows without colour.
pub fn stale() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::UNDERLINED)
}
