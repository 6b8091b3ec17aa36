//! How things look: laid-out tones and UI states mapped to terminal styles, in four themes.
//!
//! Only the 16 ANSI colours are used, and every distinction also shows without colour
//! (bold, reverse video, underline or a marker), so monochrome terminals lose nothing.
//! The theme belongs to the reader (a served session has its own): [`in_force`] puts it
//! in force on the drawing thread while a frame is drawn, and the functions here read it.

use crate::layout::{Role, Tone};
use ratatui::style::{Color, Modifier, Style};
use std::cell::Cell;

/// A set of styles for the 16-colour palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Colour for a dark terminal background.
    #[default]
    Default,
    /// No dim grey for text that matters; brighter colours, bold and underline.
    HighContrast,
    /// For a light background: no white or yellow text.
    Light,
    /// No colour at all (as under NO_COLOR): bold, underline, reverse video and markers.
    Mono,
}

impl Theme {
    /// Every theme, in the order help and settings list them.
    pub const ALL: [Theme; 4] = [Theme::Default, Theme::HighContrast, Theme::Light, Theme::Mono];

    /// The theme's name, as settings and `--theme` write it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Default => "default",
            Theme::HighContrast => "high-contrast",
            Theme::Light => "light",
            Theme::Mono => "mono",
        }
    }

    /// The theme of a name (as [`Theme::name`] writes it), if there is one.
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name.trim().to_ascii_lowercase())
    }

    /// The names of every theme, for messages: `default, high-contrast, light, mono`.
    pub fn names() -> String {
        Theme::ALL.map(Theme::name).join(", ")
    }
}

thread_local! {
    static IN_FORCE: Cell<Theme> = const { Cell::new(Theme::Default) };
}

/// Puts `theme` in force on this thread until the guard returned is dropped.
pub fn in_force(theme: Theme) -> InForce {
    InForce { before: IN_FORCE.with(|t| t.replace(theme)) }
}

/// Puts back the theme in force before, when dropped.
#[derive(Debug)]
pub struct InForce {
    before: Theme,
}

impl Drop for InForce {
    fn drop(&mut self) {
        IN_FORCE.with(|t| t.set(self.before));
    }
}

/// The theme in force on this thread.
pub fn in_use() -> Theme {
    IN_FORCE.with(Cell::get)
}

/// A style by theme: the default's, high contrast's, light's and mono's.
fn by_theme(default: Style, high: Style, light: Style, mono: Style) -> Style {
    match in_use() {
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

/// The style of laid-out text in `tone`.
pub fn text(tone: Tone) -> Style {
    let mut style = match tone.role {
        Role::Text => Style::new(),
        Role::Heading(1) => by_theme(
            fg(Color::Cyan).add_modifier(UNDERLINED),
            fg(Color::LightCyan).add_modifier(BOLD | UNDERLINED),
            fg(Color::Blue).add_modifier(BOLD | UNDERLINED),
            with(BOLD | UNDERLINED),
        ),
        Role::Heading(2) => by_theme(
            fg(Color::Cyan),
            fg(Color::LightCyan).add_modifier(BOLD),
            fg(Color::Blue).add_modifier(BOLD),
            with(BOLD),
        ),
        Role::Heading(_) => by_theme(Style::new(), with(BOLD), Style::new(), with(BOLD | ITALIC)),
        Role::Code => by_theme(fg(Color::Green), fg(Color::LightGreen), fg(Color::Green), with(ITALIC)),
        Role::Aside => by_theme(fg(Color::DarkGray), with(ITALIC), fg(Color::DarkGray), with(ITALIC)),
        Role::Marker => by_theme(fg(Color::DarkGray), Style::new(), fg(Color::DarkGray), Style::new()),
    };
    if tone.strong {
        style = style.add_modifier(BOLD);
    }
    if tone.emph {
        style = style.add_modifier(ITALIC);
    }
    if tone.link {
        let color = by_theme(fg(Color::Blue), fg(Color::LightBlue), fg(Color::Blue), Style::new());
        style = style.patch(color).add_modifier(UNDERLINED);
    }
    if tone.strike {
        style = style.add_modifier(Modifier::CROSSED_OUT);
    }
    style
}

/// The title line.
pub fn title() -> Style {
    with(BOLD)
}

/// The title line's dates, hints, sources: text that says less.
pub fn dim() -> Style {
    by_theme(fg(Color::DarkGray), Style::new(), fg(Color::DarkGray), Style::new())
}

/// The status line.
pub fn status() -> Style {
    with(Modifier::REVERSED)
}

/// A one-off message in the status line.
pub fn message() -> Style {
    with(Modifier::REVERSED | BOLD)
}

/// A pane's border, focused or not.
pub fn border(focused: bool) -> Style {
    if focused {
        by_theme(
            fg(Color::Cyan).add_modifier(BOLD),
            fg(Color::LightCyan).add_modifier(BOLD),
            fg(Color::Blue).add_modifier(BOLD),
            with(BOLD),
        )
    } else {
        by_theme(fg(Color::DarkGray), Style::new(), fg(Color::DarkGray), Style::new())
    }
}

/// A pane's title: reversed when the pane has focus, so focus shows without colour.
pub fn pane_title(focused: bool) -> Style {
    if focused { with(Modifier::REVERSED | BOLD) } else { Style::new() }
}

/// The selected entry of a focused list.
pub fn selected() -> Style {
    with(Modifier::REVERSED)
}

/// The current entry of a list without focus (the open article, the section being read).
pub fn current() -> Style {
    with(BOLD)
}

/// A question marker in the contents.
pub fn question() -> Style {
    by_theme(fg(Color::Yellow), fg(Color::LightYellow).add_modifier(BOLD), fg(Color::Magenta), with(BOLD))
}

/// The FAQ group marker in the contents.
pub fn faq() -> Style {
    let bold = by_theme(fg(Color::Magenta), fg(Color::LightMagenta), fg(Color::Magenta), Style::new());
    bold.add_modifier(BOLD)
}

/// A search or find hit.
pub fn hit() -> Style {
    with(Modifier::REVERSED)
}

/// The current find hit: set apart from the others even without colour.
pub fn current_hit() -> Style {
    let color = by_theme(fg(Color::Yellow), fg(Color::LightYellow), fg(Color::Magenta), Style::new());
    color.add_modifier(Modifier::REVERSED | BOLD | UNDERLINED)
}

/// The mark of a section with a note.
pub fn note() -> Style {
    let color = by_theme(fg(Color::Yellow), fg(Color::LightYellow), fg(Color::Magenta), Style::new());
    color.add_modifier(BOLD)
}

/// The date of an article not updated for a year: underlined, so it shows without colour.
pub fn stale() -> Style {
    let color = by_theme(fg(Color::Yellow), fg(Color::LightYellow), fg(Color::Red), Style::new());
    color.add_modifier(UNDERLINED)
}

/// The level of care said above an answer about a warning sign: it must not be missed,
/// even without colour.
pub fn care() -> Style {
    let color = by_theme(fg(Color::Red), fg(Color::LightRed), fg(Color::Red), Style::new());
    color.add_modifier(BOLD | UNDERLINED)
}
