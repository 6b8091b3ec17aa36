//! What the settings file and `artikel config` say: problems in the file, and what each
//! setting is for.

use super::lang::{Lang, Phrase, lang, pick};

/// `artikel config`'s first line.
pub const CONFIG_HEADER: Phrase = Phrase::new(
    "artikel's settings in force, and where each came from. This is a settings file too.",
    "artikels indstillinger, som de gælder nu, og hvor hver kommer fra. Det er også en indstillingsfil.",
);

/// `artikel config` when there is no folder for settings on this system.
pub const NO_CONFIG_DIR: Phrase = Phrase::new(
    "This system has no folder for settings: set ARTIKEL_CONFIG to a file.",
    "Systemet har ingen mappe til indstillinger: sæt ARTIKEL_CONFIG til en fil.",
);

/// Where the settings file is, for `artikel config`.
pub fn config_file(path: &str, exists: bool) -> String {
    match (lang(), exists) {
        (Lang::En, true) => format!("The settings file: {path}"),
        (Lang::En, false) => format!("The settings file: {path} (there is none yet)"),
        (Lang::Da, true) => format!("Indstillingsfilen: {path}"),
        (Lang::Da, false) => format!("Indstillingsfilen: {path} (findes ikke endnu)"),
    }
}

/// Where a setting came from: its default.
pub const FROM_DEFAULT: Phrase = Phrase::new("default", "standard");

/// Where a setting came from: the settings file.
pub fn from_file(line: usize) -> String {
    pick(format!("settings file, line {line}"), format!("indstillingsfilen, linje {line}"))
}

/// Where a setting came from: an environment variable.
pub fn from_env(var: &str) -> String {
    pick(format!("environment: {var}"), format!("miljøet: {var}"))
}

/// Where a setting came from: a command-line flag.
pub fn from_flag(flag: &str) -> String {
    pick(format!("flag {flag}"), format!("flaget {flag}"))
}

/// What `language` is for.
pub const ABOUT_LANGUAGE: Phrase = Phrase::new(
    "The interface language: \"da\" or \"en\" (unset: ARTIKEL_LANG, else the locale).",
    "Sproget i brugerfladen: \"da\" eller \"en\" (ellers ARTIKEL_LANG, ellers systemets sprog).",
);
/// What `theme` is for.
pub const ABOUT_THEME: Phrase = Phrase::new(
    "Colours: default, high-contrast, light (for a light background) or mono (no colour). \
     --theme wins; NO_COLOR means mono.",
    "Farver: default, high-contrast, light (til lys baggrund) eller mono (ingen farver). \
     --theme går forud; NO_COLOR giver mono.",
);
/// What `reading_width` is for.
pub const ABOUT_READING_WIDTH: Phrase = Phrase::new(
    "The widest the reader's text gets, in columns (40 to 200).",
    "Den største bredde på teksten i læseren, i kolonner (40 til 200).",
);
/// What `sidebar_width` is for.
pub const ABOUT_SIDEBAR_WIDTH: Phrase = Phrase::new(
    "The width of the Library and Contents: \"auto\" (about a third of the screen), columns (20 to 100), \
     or a share of the screen from \"15%\" to \"60%\".",
    "Bredden af Bibliotek og Indhold: \"auto\" (omkring en tredjedel af skærmen), kolonner (20 til 100) \
     eller en andel af skærmen fra \"15%\" til \"60%\".",
);
/// What `stale_months` is for.
pub const ABOUT_STALE_MONTHS: Phrase = Phrase::new(
    "An article not updated for this many months has its date underlined in the Library, and \
     check notes it. --stale-months wins.",
    "En artikel, der ikke er opdateret i så mange måneder, får datoen understreget i biblioteket, \
     og check noterer det. --stale-months går forud.",
);
/// What `mouse` is for.
pub const ABOUT_MOUSE: Phrase = Phrase::new(
    "Whether the reader takes the mouse at the start (M toggles it; --no-mouse wins).",
    "Om læseren bruger musen fra start (M slår den til og fra; --no-mouse går forud).",
);
/// What `ledger` is for.
pub const ABOUT_LEDGER: Phrase = Phrase::new(
    "The review ledger: a file, or a postgres:// URL without its password (\"\": review.db in the data folder); --ledger and ARTIKEL_LEDGER come first.",
    "Gennemgangsprotokollen: en fil eller en postgres://-URL uden adgangskode (\"\": review.db i datamappen); --ledger og ARTIKEL_LEDGER går forud.",
);
/// What `hyperlinks` is for.
pub const ABOUT_HYPERLINKS: Phrase = Phrase::new(
    "Whether links to web pages are also terminal hyperlinks (OSC 8); --hyperlinks turns them on.",
    "Om links til websider også er terminal-hyperlinks (OSC 8); --hyperlinks slår dem til.",
);
/// What `[keys]` is for.
pub const ABOUT_KEYS: Phrase = Phrase::new(
    "The reader's keys by action: an action set here gets these keys instead of its own, and \
     a key it takes leaves the action that had it. Keys: a character, ctrl-x, enter, esc, tab, \
     shift-tab, space, backspace, up, down, left, right, pageup, pagedown, home, end, f1 to f12.",
    "Læserens taster efter handling: en handling, der sættes her, får disse taster i stedet for sine \
     egne, og en tast, den tager, forlader den handling, der havde den. Taster: et tegn, ctrl-x, enter, \
     esc, tab, shift-tab, space, backspace, up, down, left, right, pageup, pagedown, home, end, f1 til f12.",
);

/// What `language` is when it is not set.
pub const DEFAULT_LANGUAGE: Phrase = Phrase::new("the locale's", "systemets");

/// What a setting must be, for a message about a wrong value.
pub mod wanted {
    use super::Phrase;
    /// `language`.
    pub const LANGUAGE: Phrase = Phrase::new("\"da\" or \"en\"", "\"da\" eller \"en\"");
    /// `theme`.
    pub const THEME: Phrase = Phrase::new(
        "one of \"default\", \"high-contrast\", \"light\", \"mono\"",
        "en af \"default\", \"high-contrast\", \"light\", \"mono\"",
    );
    /// `reading_width`.
    pub const READING_WIDTH: Phrase =
        Phrase::new("a whole number from 40 to 200", "et helt tal fra 40 til 200");
    /// `sidebar_width`.
    pub const SIDEBAR_WIDTH: Phrase = Phrase::new(
        "a whole number of columns from 20 to 100, or a share from \"15%\" to \"60%\"",
        "et helt antal kolonner fra 20 til 100 eller en andel fra \"15%\" til \"60%\"",
    );
    /// `stale_months`.
    pub const STALE_MONTHS: Phrase =
        Phrase::new("a whole number of months from 1 to 600", "et helt antal måneder fra 1 til 600");
    /// `mouse`, `hyperlinks`.
    pub const BOOL: Phrase = Phrase::new("true or false", "true eller false");
    /// `ledger`.
    pub const LEDGER: Phrase = Phrase::new(
        "a file or a postgres:// URL, as text in quotes",
        "en fil eller en postgres://-URL, som tekst i anførselstegn",
    );
    /// `[keys]`.
    pub const KEYS: Phrase =
        Phrase::new("a table of actions and their keys", "en tabel med handlinger og deres taster");
    /// One action's keys.
    pub const KEY_LIST: Phrase = Phrase::new(
        "a key or a list of keys, such as [\"]\", \"ctrl-n\"]",
        "en tast eller en liste af taster, fx [\"]\", \"ctrl-n\"]",
    );
}

/// Why a settings file that is a folder, a FIFO or a device is not read.
pub const NOT_A_FILE: Phrase = Phrase::new("it is not a file", "det er ikke en fil");

/// The settings file could not be read.
pub fn settings_unreadable(path: &str, why: &str) -> String {
    pick(
        format!("The settings file {path} could not be read ({why}); every setting is at its default."),
        format!(
            "Indstillingsfilen {path} kunne ikke læses ({why}); alle indstillinger har deres standardværdi."
        ),
    )
}

/// The settings file is not TOML.
pub fn settings_not_toml(path: &str, line: usize, why: &str) -> String {
    pick(
        format!(
            "{path}, line {line}: this is not a valid settings file ({why}); every setting is at its default."
        ),
        format!(
            "{path}, linje {line}: det er ikke en gyldig indstillingsfil ({why}); alle indstillinger har deres standardværdi."
        ),
    )
}

/// A setting the reader does not have.
pub fn unknown_setting(path: &str, line: usize, key: &str, known: &str) -> String {
    pick(
        format!("{path}, line {line}: there is no setting `{key}` (there are {known}); it is ignored."),
        format!(
            "{path}, linje {line}: der findes ingen indstilling `{key}` (der er {known}); den ignoreres."
        ),
    )
}

/// A setting with a value of the wrong kind or out of range.
pub fn bad_value(path: &str, line: usize, key: &str, wanted: &str, default: &str) -> String {
    pick(
        format!("{path}, line {line}: `{key}` must be {wanted}; the default, {default}, is used."),
        format!("{path}, linje {line}: `{key}` skal være {wanted}; standardværdien, {default}, bruges."),
    )
}

/// A key binding for an action the reader does not have.
pub fn unknown_action(path: &str, line: usize, name: &str) -> String {
    pick(
        format!("{path}, line {line}: there is no action `{name}` to bind; `artikel config` lists them."),
        format!(
            "{path}, linje {line}: der findes ingen handling `{name}` at binde; `artikel config` viser dem."
        ),
    )
}

/// A key name the reader does not know.
pub fn unknown_key(path: &str, line: usize, action: &str, key: &str) -> String {
    pick(
        format!("{path}, line {line}: `{key}` is not a key name artikel knows; {action} keeps its keys."),
        format!(
            "{path}, linje {line}: `{key}` er ikke et tastenavn, artikel kender; {action} beholder sine taster."
        ),
    )
}

/// A key bound to two actions in the file.
pub fn key_twice(path: &str, line: usize, key: &str, first: &str, second: &str) -> String {
    pick(
        format!(
            "{path}, line {line}: `{key}` is bound to both {first} and {second}; {second} keeps its own keys."
        ),
        format!(
            "{path}, linje {line}: `{key}` er bundet til både {first} og {second}; {second} beholder sine egne taster."
        ),
    )
}

/// A binding that would leave the reader without Ctrl-c to quit: Ctrl-c stays on exit.
pub fn exit_key_stays(path: &str, line: usize, action: &str) -> String {
    pick(
        format!(
            "{path}, line {line}: Ctrl-c always quits at once, so it stays bound to exit whatever keys.{action} says."
        ),
        format!(
            "{path}, linje {line}: Ctrl-c afslutter altid med det samme, så den forbliver bundet til exit, uanset hvad keys.{action} siger."
        ),
    )
}

/// The reader's message when the settings file has problems.
pub fn settings_problems(n: usize) -> String {
    match (lang(), n) {
        (Lang::En, 1) => "1 problem in the settings file — press w to see".to_string(),
        (Lang::En, _) => format!("{n} problems in the settings file — press w to see"),
        (Lang::Da, 1) => "1 problem i indstillingsfilen — tryk w for at se det".to_string(),
        (Lang::Da, _) => format!("{n} problemer i indstillingsfilen — tryk w for at se dem"),
    }
}

/// `--theme` with a name that is not a theme.
pub fn unknown_theme(name: &str, names: &str) -> String {
    pick(
        format!("no theme `{name}`: the themes are {names}"),
        format!("intet tema `{name}`: temaerne er {names}"),
    )
}
