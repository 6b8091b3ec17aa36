//! Which of the four looks the reader has, by the name settings and `--theme` give it (the
//! styles themselves are drawing's: `ui::theme`).

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
