//! The settings file: what a user sets once and keeps (language, theme, widths, staleness,
//! mouse, hyperlinks, keys, ledger), read from the platform's config folder or `ARTIKEL_CONFIG`.
//! A broken setting is a warning and its default is used; the file never stops the reader.

mod file;

pub use file::{KNOWN, key_list, quote};

use crate::app::Action;
use crate::app::Theme;
use crate::app::keymap::{Key, Keymap};
use crate::regular_file::ReadError;
use crate::strings::Lang;
use std::path::{Path, PathBuf};

/// The widest reading width a setting may ask for, and the narrowest.
pub const READING_WIDTHS: std::ops::RangeInclusive<u16> = 40..=200;
/// The reading width when none is set: lines longer than this are hard to read.
pub const READING_WIDTH: u16 = crate::screen::MAX_TEXT_WIDTH;
/// The sidebar widths a setting may ask for, in columns.
pub const SIDEBAR_COLUMNS: std::ops::RangeInclusive<u16> = 20..=100;
/// The sidebar widths a setting may ask for, as a share of the screen in percent.
pub const SIDEBAR_SHARES: std::ops::RangeInclusive<u16> = 15..=60;
/// The staleness a setting may ask for, in months.
pub const STALE_MONTHS: std::ops::RangeInclusive<u16> = 1..=600;

pub use crate::screen::SidebarWidth;

impl SidebarWidth {
    /// How a settings file writes it: `"auto"`, `32`, `"33%"`.
    pub fn toml(self) -> String {
        match self {
            SidebarWidth::Auto => "\"auto\"".to_string(),
            SidebarWidth::Columns(n) => n.to_string(),
            SidebarWidth::Share(p) => format!("\"{p}%\""),
        }
    }
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Source {
    /// Nothing set it.
    #[default]
    Default,
    /// The settings file, at this line (from 1).
    File(usize),
    /// This environment variable.
    Env(&'static str),
    /// This command-line flag.
    Flag(&'static str),
}

impl Source {
    /// Says where, for `artikel config`.
    pub fn describe(&self) -> String {
        match self {
            Source::Default => crate::strings::FROM_DEFAULT.to_string(),
            Source::File(line) => crate::strings::from_file(*line),
            Source::Env(var) => crate::strings::from_env(var),
            Source::Flag(flag) => crate::strings::from_flag(flag),
        }
    }
}

/// A setting's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Setting<T> {
    /// The value in force.
    pub value: T,
    /// Where it came from.
    pub from: Source,
}

impl<T> Setting<T> {
    fn default_is(value: T) -> Setting<T> {
        Setting { value, from: Source::Default }
    }

    /// Sets the value from `from`, as a later source overrides an earlier one.
    pub fn set(&mut self, value: T, from: Source) {
        *self = Setting { value, from };
    }
}

/// Every setting in force, each with where it came from, and what was wrong in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Where the settings file is (or would be); `None` when the system has no config folder.
    pub path: Option<PathBuf>,
    /// Whether the file exists.
    pub exists: bool,
    /// The interface language (`None`: the environment or the locale decides).
    pub language: Setting<Option<Lang>>,
    /// The theme.
    pub theme: Setting<Theme>,
    /// The widest the reader's text gets, in columns.
    pub reading_width: Setting<u16>,
    /// How wide the sidebar is.
    pub sidebar_width: Setting<SidebarWidth>,
    /// Articles not updated for this many months are stale.
    pub stale_months: Setting<u16>,
    /// Whether the reader takes the mouse at the start.
    pub mouse: Setting<bool>,
    /// Whether web links are also terminal hyperlinks (OSC 8).
    pub hyperlinks: Setting<bool>,
    /// The review ledger: a file, or a `postgres://` URL (`None`: `review.db` in the data
    /// folder); `--ledger` and `ARTIKEL_LEDGER` come first.
    pub ledger: Setting<Option<String>>,
    /// Reading actions bound to other keys than the table's, in the file's order.
    pub keys: Vec<(Action, Setting<Vec<Key>>)>,
    /// What was wrong in the file, each a sentence that says where.
    pub warnings: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            path: None,
            exists: false,
            language: Setting::default_is(None),
            theme: Setting::default_is(Theme::Default),
            reading_width: Setting::default_is(READING_WIDTH),
            sidebar_width: Setting::default_is(SidebarWidth::Auto),
            stale_months: Setting::default_is(crate::check::STALE_MONTHS),
            mouse: Setting::default_is(true),
            hyperlinks: Setting::default_is(false),
            ledger: Setting::default_is(None),
            keys: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// The name of the settings file in the config folder.
pub const FILE_NAME: &str = "settings.toml";

/// The largest settings file read (a few lines are all it needs).
const MAX_FILE_BYTES: u64 = 1 << 20;

/// Where the settings file lives: `ARTIKEL_CONFIG` (unless empty), else `settings.toml` in
/// the platform's config folder (`~/.config/artikel` on Linux). `None` when neither exists.
pub fn path() -> Option<(PathBuf, Source)> {
    std::env::var_os("ARTIKEL_CONFIG")
        .filter(|p| !p.is_empty())
        .map(|p| (PathBuf::from(p), Source::Env("ARTIKEL_CONFIG")))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "artikel")
                .map(|d| (d.config_dir().join(FILE_NAME), Source::Default))
        })
}

impl Settings {
    /// The settings of the file at [`path`], or the defaults when there is none.
    pub fn load() -> Settings {
        match path() {
            Some((path, _)) => Settings::read(&path),
            None => Settings::default(),
        }
    }

    /// The settings of the file at `path`: the defaults when it does not exist, and for
    /// every setting the file gets wrong (each said in [`Settings::warnings`]).
    pub fn read(path: &Path) -> Settings {
        let shown = crate::sanitize::visible(&path.display().to_string()).into_owned();
        // Only a file is read, and not waited on: a FIFO or a device there would never end.
        let read = crate::regular_file::read(path, MAX_FILE_BYTES).map_err(|e| match e {
            ReadError::Io(e) if e.kind() != std::io::ErrorKind::IsADirectory => e,
            ReadError::Io(_) | ReadError::NotAFile => {
                std::io::Error::other(crate::strings::NOT_A_FILE.as_str())
            }
            ReadError::TooLarge { .. } => std::io::Error::other(crate::strings::larger_than(MAX_FILE_BYTES)),
        });
        let mut settings = match read {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let mut settings = Settings::parse(&text, &shown);
                settings.exists = true;
                settings
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Settings::default(),
            Err(e) => Settings {
                exists: path.exists(),
                warnings: vec![crate::strings::settings_unreadable(&shown, &e.to_string())],
                ..Settings::default()
            },
        };
        settings.path = Some(path.to_path_buf());
        settings
    }

    /// The settings a file's `text` sets; `shown` is how messages name the file.
    pub fn parse(text: &str, shown: &str) -> Settings {
        let mut settings = Settings::default();
        file::read_into(&mut settings, text, shown);
        settings
    }

    /// The reading keys in force: the table's, with the file's bindings applied.
    pub fn keymap(&self) -> Keymap {
        let overrides: Vec<(Action, Vec<Key>)> =
            self.keys.iter().map(|(action, keys)| (*action, keys.value.clone())).collect();
        Keymap::with_overrides(&overrides)
    }
}

#[cfg(test)]
mod tests;
