//! How things look: laid-out tones and UI states mapped to terminal styles, in four themes.
//!
//! Only the 16 ANSI colours are used, and every distinction also shows without colour
//! (bold, reverse video, underline or a marker), so monochrome terminals lose nothing.
//! The theme belongs to the reader (a served session has its own): drawing asks the
//! reader's [`Theme`] for each style.

pub use crate::app::Theme;
use crate::layout::{Role, Tone};
use ratatui::style::{Color, Modifier, Style};

/// A style by theme: the default's, high contrast's, light's and mono's.
fn by_theme(theme: Theme, default: Style, high: Style, light: Style, mono: Style) -> Style {
    match theme {
        Theme::Default => default,
        Theme::HighContrast => high,
        Theme::Light => light,
        Theme::Mono => mono,
    }
}

fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

fn with(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

const BOLD: Modifier = Modifier::BOLD;
const UNDERLINED: Modifier = Modifier::UNDERLINED;
const ITALIC: Modifier = Modifier::ITALIC;

impl Theme {
    /// The style of laid-out text in `tone`.
    pub fn text(self, tone: Tone) -> Style {
        let mut style = match tone.role {
            Role::Text => Style::new(),
            Role::Heading(1) => by_theme(
                self,
                fg(Color::Cyan).add_modifier(UNDERLINED),
                fg(Color::LightCyan).add_modifier(BOLD | UNDERLINED),
                fg(Color::Blue).add_modifier(BOLD | UNDERLINED),
                with(BOLD | UNDERLINED),
            ),
            Role::Heading(2) => by_theme(
                self,
                fg(Color::Cyan),
                fg(Color::LightCyan).add_modifier(BOLD),
                fg(Color::Blue).add_modifier(BOLD),
                with(BOLD),
            ),
            Role::Heading(_) => by_theme(self, Style::new(), with(BOLD), Style::new(), with(BOLD | ITALIC)),
            Role::Code => {
                by_theme(self, fg(Color::Green), fg(Color::LightGreen), fg(Color::Green), with(ITALIC))
            }
            Role::Aside => {
                by_theme(self, fg(Color::DarkGray), with(ITALIC), fg(Color::DarkGray), with(ITALIC))
            }
            Role::Marker => {
                by_theme(self, fg(Color::DarkGray), Style::new(), fg(Color::DarkGray), Style::new())
            }
        };
        if tone.strong {
            style = style.add_modifier(BOLD);
        }
        if tone.emph {
            style = style.add_modifier(ITALIC);
        }
        if tone.link {
            let color = by_theme(self, fg(Color::Blue), fg(Color::LightBlue), fg(Color::Blue), Style::new());
            style = style.patch(color).add_modifier(UNDERLINED);
        }
        if tone.strike {
            style = style.add_modifier(Modifier::CROSSED_OUT);
        }
        style
    }

    /// The title line.
    pub fn title(self) -> Style {
        with(BOLD)
    }

    /// The title line's dates, hints, sources: text that says less.
    pub fn dim(self) -> Style {
        by_theme(self, fg(Color::DarkGray), Style::new(), fg(Color::DarkGray), Style::new())
    }

    /// The status line.
    pub fn status(self) -> Style {
        with(Modifier::REVERSED)
    }

    /// A one-off message in the status line.
    pub fn message(self) -> Style {
        with(Modifier::REVERSED | BOLD)
    }

    /// A pane's border, focused or not.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            by_theme(
                self,
                fg(Color::Cyan).add_modifier(BOLD),
                fg(Color::LightCyan).add_modifier(BOLD),
                fg(Color::Blue).add_modifier(BOLD),
                with(BOLD),
            )
        } else {
            by_theme(self, fg(Color::DarkGray), Style::new(), fg(Color::DarkGray), Style::new())
        }
    }

    /// A pane's title: reversed when the pane has focus, so focus shows without colour.
    pub fn pane_title(self, focused: bool) -> Style {
        if focused { with(Modifier::REVERSED | BOLD) } else { Style::new() }
    }

    /// The selected entry of a focused list.
    pub fn selected(self) -> Style {
        with(Modifier::REVERSED)
    }

    /// The current entry of a list without focus (the open article, the section being read).
    pub fn current(self) -> Style {
        with(BOLD)
    }

    /// A question marker in the contents.
    pub fn question(self) -> Style {
        by_theme(
            self,
            fg(Color::Yellow),
            fg(Color::LightYellow).add_modifier(BOLD),
            fg(Color::Magenta),
            with(BOLD),
        )
    }

    /// The FAQ group marker in the contents.
    pub fn faq(self) -> Style {
        let bold =
            by_theme(self, fg(Color::Magenta), fg(Color::LightMagenta), fg(Color::Magenta), Style::new());
        bold.add_modifier(BOLD)
    }

    /// A search or find hit.
    pub fn hit(self) -> Style {
        with(Modifier::REVERSED)
    }

    /// The current find hit: set apart from the others even without colour.
    pub fn current_hit(self) -> Style {
        let color =
            by_theme(self, fg(Color::Yellow), fg(Color::LightYellow), fg(Color::Magenta), Style::new());
        color.add_modifier(Modifier::REVERSED | BOLD | UNDERLINED)
    }

    /// The mark of a section with a note.
    pub fn note(self) -> Style {
        let color =
            by_theme(self, fg(Color::Yellow), fg(Color::LightYellow), fg(Color::Magenta), Style::new());
        color.add_modifier(BOLD)
    }

    /// The date of an article not updated for a year: underlined, so it shows without colour.
    pub fn stale(self) -> Style {
        let color = by_theme(self, fg(Color::Yellow), fg(Color::LightYellow), fg(Color::Red), Style::new());
        color.add_modifier(UNDERLINED)
    }

    /// The level of care said above an answer about a warning sign: it must not be missed,
    /// even without colour.
    pub fn care(self) -> Style {
        let color = by_theme(self, fg(Color::Red), fg(Color::LightRed), fg(Color::Red), Style::new());
        color.add_modifier(BOLD | UNDERLINED)
    }
}
