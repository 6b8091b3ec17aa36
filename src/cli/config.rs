//! `artikel config`: the settings in force and where each came from; and the settings as
//! the commands and the reader take them (the file, then the environment, then the flags).

use super::{Cli, ColorChoice, Failure};
use crate::app::App;
use crate::app::Theme;
use crate::backend::Colors;
use crate::settings::{Setting, Settings, Source};
use crate::strings::{self, Lang};
use serde_json::{Value, json};

/// The settings in force for `cli`: the settings file's, then the environment's, then the
/// flags'. NO_COLOR (or `--color never`) means the mono theme whatever else is set.
pub fn in_force(cli: &Cli) -> Settings {
    let mut settings = Settings::load();
    if let Some(theme) = cli.global.theme {
        settings.theme.set(theme, Source::Flag("--theme"));
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match cli.global.color {
        ColorChoice::Never => settings.theme.set(Theme::Mono, Source::Flag("--color never")),
        ColorChoice::Auto if no_color => settings.theme.set(Theme::Mono, Source::Env("NO_COLOR")),
        _ => {}
    }
    if let Some(months) = cli.global.stale_months {
        settings.stale_months.set(months, Source::Flag("--stale-months"));
    }
    if cli.global.no_mouse {
        settings.mouse.set(false, Source::Flag("--no-mouse"));
    }
    settings
}

/// Gives the reader its settings: keys, theme (mono on a terminal without colour), mouse,
/// staleness; the file's problems are listed under `w`.
pub fn adopt(app: &mut App, settings: &Settings, colors: Colors) {
    app.keys = std::sync::Arc::new(settings.keymap());
    app.theme = if colors == Colors::Off { Theme::Mono } else { settings.theme.value };
    app.mouse = settings.mouse.value;
    app.stale_months = settings.stale_months.value;
    app.reading_width = settings.reading_width.value;
    app.sidebar_width = settings.sidebar_width.value;
    // Laid out again for the text's new width.
    let _ = app.resize(app.area.width, app.area.height);
    if !settings.warnings.is_empty() {
        app.said.extend(settings.warnings.iter().map(|w| crate::sanitize::visible(w).into_owned()));
        if app.message.is_none() {
            app.message = Some(strings::settings_problems(settings.warnings.len()));
        }
    }
}

/// `artikel config`: the settings as a settings file with where each came from, or as JSON,
/// or (`path`) only where the file lives.
pub fn run(settings: &Settings, path: bool, json: bool) -> i32 {
    let result = if path {
        match &settings.path {
            Some(p) => {
                super::print::write_out(&format!("{}\n", crate::sanitize::visible(&p.display().to_string())))
            }
            None => Err(Failure::failed(strings::NO_CONFIG_DIR.to_string())),
        }
    } else if json {
        serde_json::to_string_pretty(&as_json(settings))
            .map_err(|e| Failure::failed(e.to_string()))
            .and_then(|text| super::print::write_out(&format!("{text}\n")))
    } else {
        super::print::write_out(&as_text(settings))
    };
    match result {
        Ok(_) => 0,
        Err(failure) => {
            eprintln!("{}", crate::sanitize::visible(failure.message()));
            failure.code()
        }
    }
}

/// The language in force and where it came from: the file's, unless ARTIKEL_LANG names one;
/// without either, the language the interface speaks now (the locale's).
fn language(settings: &Settings) -> (Lang, Source) {
    let env = std::env::var("ARTIKEL_LANG").ok().and_then(|v| match v.trim().to_ascii_lowercase().as_str() {
        "da" => Some(Lang::Da),
        "en" => Some(Lang::En),
        _ => None,
    });
    match (env, &settings.language) {
        (Some(lang), _) => (lang, Source::Env("ARTIKEL_LANG")),
        (None, Setting { value: Some(lang), from }) => (*lang, from.clone()),
        (None, _) => (strings::lang(), Source::Default),
    }
}

/// Each setting as (name, what it is for, value as TOML, where it came from).
fn rows(settings: &Settings) -> Vec<(&'static str, &'static str, String, Source)> {
    let (lang, lang_from) = language(settings);
    let q = crate::settings::quote;
    vec![
        ("language", strings::ABOUT_LANGUAGE.as_str(), q(lang.code()), lang_from),
        ("theme", &strings::ABOUT_THEME, q(settings.theme.value.name()), settings.theme.from.clone()),
        (
            "reading_width",
            &strings::ABOUT_READING_WIDTH,
            settings.reading_width.value.to_string(),
            settings.reading_width.from.clone(),
        ),
        (
            "sidebar_width",
            &strings::ABOUT_SIDEBAR_WIDTH,
            settings.sidebar_width.value.toml(),
            settings.sidebar_width.from.clone(),
        ),
        (
            "stale_months",
            &strings::ABOUT_STALE_MONTHS,
            settings.stale_months.value.to_string(),
            settings.stale_months.from.clone(),
        ),
        ("mouse", &strings::ABOUT_MOUSE, settings.mouse.value.to_string(), settings.mouse.from.clone()),
        (
            "hyperlinks",
            &strings::ABOUT_HYPERLINKS,
            settings.hyperlinks.value.to_string(),
            settings.hyperlinks.from.clone(),
        ),
        (
            "ledger",
            &strings::ABOUT_LEDGER,
            q(&ledger_shown(settings.ledger.value.as_deref().unwrap_or(""))),
            settings.ledger.from.clone(),
        ),
    ]
}

/// The ledger as it may be shown: a URL without its password.
fn ledger_shown(named: &str) -> String {
    let path = std::path::Path::new(named);
    if crate::ledger::postgres::is_url(path) {
        crate::ledger::postgres::without_password(named)
    } else {
        named.to_string()
    }
}

/// A reading action's row: its name, its keys as TOML, what it does, where they came from,
/// and which of its own keys other actions took, as (key, the action that took it).
struct KeyRow {
    name: String,
    keys: Vec<String>,
    what: String,
    from: Source,
    taken: Vec<(String, String)>,
}

impl KeyRow {
    /// Where its keys came from, as the comment says it: an action the file does not name
    /// but whose key another action took is not as it comes.
    fn describe(&self) -> String {
        if self.taken.is_empty() {
            return self.from.describe();
        }
        self.taken.iter().map(|(key, by)| strings::key_went_to(key, by)).collect::<Vec<_>>().join("; ")
    }
}

/// Each reading action's row, in the table's order.
fn key_rows(settings: &Settings) -> Vec<KeyRow> {
    let map = settings.keymap();
    let now: Vec<(String, &[crate::app::keymap::Key])> = map.bindings().map(|(n, k, _)| (n, k)).collect();
    // The map's rows are the table's, in its order.
    now.iter()
        .zip(crate::app::keymap::BINDINGS)
        .map(|((name, keys), binding)| {
            let set = settings.keys.iter().find(|(a, _)| *a == binding.action);
            let from = set.map_or(Source::Default, |(_, s)| s.from.clone());
            // An action the file leaves alone lost the keys another action was given.
            let taken = if set.is_some() {
                Vec::new()
            } else {
                binding
                    .keys
                    .iter()
                    .filter(|k| !keys.contains(k))
                    .filter_map(|k| {
                        let (by, _) = now.iter().find(|(_, ks)| ks.contains(k))?;
                        Some((k.name(), by.clone()))
                    })
                    .collect()
            };
            KeyRow {
                name: name.clone(),
                keys: keys.iter().map(|k| k.name()).collect(),
                what: binding.help.to_string(),
                from,
                taken,
            }
        })
        .collect()
}

/// `text` as `#` comment lines of at most about 90 columns.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.chars().count() + 1 + word.chars().count() > 90 && line != "#" {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn as_text(settings: &Settings) -> String {
    let mut out = comment(&strings::CONFIG_HEADER);
    match &settings.path {
        Some(p) => {
            let shown = crate::sanitize::visible(&p.display().to_string()).into_owned();
            out.push_str(&comment(&strings::config_file(&shown, settings.exists)));
        }
        None => out.push_str(&comment(&strings::NO_CONFIG_DIR)),
    }
    for (name, about, value, from) in rows(settings) {
        out.push_str(&format!("\n{}{name} = {value}  # {}\n", comment(about), from.describe()));
    }
    out.push_str(&format!("\n{}[keys]\n", comment(&strings::ABOUT_KEYS)));
    for row in key_rows(settings) {
        let list = row.keys.iter().map(|k| crate::settings::quote(k)).collect::<Vec<_>>().join(", ");
        out.push_str(&format!("{} = [{list}]  # {} ({})\n", row.name, row.what, row.describe()));
    }
    out
}

fn source_json(from: &Source) -> Value {
    match from {
        Source::Default => json!({ "from": "default" }),
        Source::File(line) => json!({ "from": "file", "line": line }),
        Source::Env(name) => json!({ "from": "environment", "name": name }),
        Source::Flag(name) => json!({ "from": "flag", "name": name }),
    }
}

fn as_json(settings: &Settings) -> Value {
    let mut values = serde_json::Map::new();
    for (name, _, value, from) in rows(settings) {
        // Every value is TOML that is also JSON (a string, a number, a boolean).
        let value: Value = serde_json::from_str(&value).unwrap_or(Value::String(value));
        let mut entry = source_json(&from);
        entry["value"] = value;
        values.insert(name.to_string(), entry);
    }
    let mut keys = serde_json::Map::new();
    for row in key_rows(settings) {
        let mut entry = source_json(&row.from);
        entry["value"] = json!(row.keys);
        if !row.taken.is_empty() {
            let taken: Vec<Value> =
                row.taken.iter().map(|(key, by)| json!({ "key": key, "by": by })).collect();
            entry["taken"] = json!(taken);
        }
        keys.insert(row.name, entry);
    }
    json!({
        "path": settings.path.as_ref().map(|p| p.display().to_string()),
        "exists": settings.exists,
        "settings": values,
        "keys": keys,
        "warnings": settings.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_lists_the_files_problems_under_w_and_takes_the_rest() {
        strings::set_lang(Lang::En);
        let settings = Settings::parse("theme = \"light\"\nmouse = 3\nstale_months = 6\n", "settings.toml");
        let mut app =
            App::new(crate::library::Library::bundled(), 0, crate::clock::Clock::fixed(2026, 12, 6));
        adopt(&mut app, &settings, Colors::On);
        assert_eq!(app.message.as_deref(), Some("1 problem in the settings file — press w to see"));
        let problems = app.problems();
        assert!(
            problems.iter().any(|p| p.starts_with("settings.toml, line 2: `mouse` must be true or false")),
            "{problems:?}"
        );
        assert_eq!((app.theme, app.mouse, app.stale_months), (Theme::Light, true, 6));
        let mut plain =
            App::new(crate::library::Library::bundled(), 0, crate::clock::Clock::fixed(2026, 12, 6));
        adopt(&mut plain, &settings, Colors::Off);
        assert_eq!(plain.theme, Theme::Mono, "a terminal without colour gets mono");
    }
}
