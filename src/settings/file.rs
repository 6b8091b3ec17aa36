//! Reading a settings file: TOML, each setting checked on its own, so one wrong value costs
//! only that setting (its default is used and a warning says where and why).

use super::{READING_WIDTHS, SIDEBAR_COLUMNS, SIDEBAR_SHARES, STALE_MONTHS, Settings, SidebarWidth, Source};
use crate::app::Action;
use crate::app::Theme;
use crate::app::keymap::{EXIT_KEY, Key, Keymap, action_name, action_named};
use crate::strings::{self, Lang, wanted};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The settings a file may have, as `artikel config` lists them.
pub const KNOWN: &[&str] = &[
    "language",
    "theme",
    "reading_width",
    "sidebar_width",
    "stale_months",
    "mouse",
    "hyperlinks",
    "ledger",
    "keys",
];

/// Where the file is, for messages, and its text, to count lines.
struct Reader<'a> {
    shown: &'a str,
    text: &'a str,
    warnings: Vec<String>,
}

impl Reader<'_> {
    /// The line (from 1) of byte `at`.
    fn line(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        self.text.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1
    }

    fn bad(&mut self, at: usize, key: &str, wanted: &str, default: &str) {
        let line = self.line(at);
        self.warnings.push(strings::bad_value(self.shown, line, key, wanted, default));
    }
}

/// Reads `text` into `settings`; `shown` names the file in warnings.
pub fn read_into(settings: &mut Settings, text: &str, shown: &str) {
    let mut r = Reader { shown, text, warnings: Vec::new() };
    let table = match DeTable::parse(text) {
        Ok(table) => table.into_inner(),
        Err(e) => {
            let line = r.line(e.span().map_or(0, |s| s.start));
            let why = e.message().lines().next().unwrap_or("").trim().to_string();
            settings.warnings.push(strings::settings_not_toml(shown, line, &crate::sanitize::visible(&why)));
            return;
        }
    };
    let mut entries: Vec<(&Spanned<std::borrow::Cow<str>>, &Spanned<DeValue>)> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in entries {
        let at = key.span().start;
        let from = Source::File(r.line(at));
        let name = crate::sanitize::visible(key.get_ref()).into_owned();
        match key.get_ref().as_ref() {
            "language" => match string(value).and_then(|s| match s.trim().to_ascii_lowercase().as_str() {
                "da" => Some(Lang::Da),
                "en" => Some(Lang::En),
                _ => None,
            }) {
                Some(lang) => settings.language.set(Some(lang), from),
                None => r.bad(at, &name, &wanted::LANGUAGE, &strings::DEFAULT_LANGUAGE),
            },
            "theme" => match string(value).and_then(Theme::from_name) {
                Some(theme) => settings.theme.set(theme, from),
                None => r.bad(at, &name, &wanted::THEME, &quote(settings.theme.value.name())),
            },
            "reading_width" => match integer(value).filter(|n| READING_WIDTHS.contains(n)) {
                Some(n) => settings.reading_width.set(n, from),
                None => r.bad(at, &name, &wanted::READING_WIDTH, &settings.reading_width.value.to_string()),
            },
            "sidebar_width" => match sidebar_width(value) {
                Some(w) => settings.sidebar_width.set(w, from),
                None => r.bad(at, &name, &wanted::SIDEBAR_WIDTH, &settings.sidebar_width.value.toml()),
            },
            "stale_months" => match integer(value).filter(|n| STALE_MONTHS.contains(n)) {
                Some(n) => settings.stale_months.set(n, from),
                None => r.bad(at, &name, &wanted::STALE_MONTHS, &settings.stale_months.value.to_string()),
            },
            "mouse" => match value.get_ref() {
                &DeValue::Boolean(b) => settings.mouse.set(b, from),
                _ => r.bad(at, &name, &wanted::BOOL, &settings.mouse.value.to_string()),
            },
            "hyperlinks" => match value.get_ref() {
                &DeValue::Boolean(b) => settings.hyperlinks.set(b, from),
                _ => r.bad(at, &name, &wanted::BOOL, &settings.hyperlinks.value.to_string()),
            },
            "ledger" => match string(value) {
                Some(named) => {
                    let named = named.trim();
                    if crate::ledger::postgres::has_password(std::path::Path::new(named)) {
                        let line = r.line(at);
                        r.warnings.push(strings::pg_password_in_settings(shown, line));
                    }
                    settings.ledger.set((!named.is_empty()).then(|| named.to_string()), from)
                }
                None => r.bad(at, &name, &wanted::LEDGER, "\"\""),
            },
            "keys" => match value.get_ref() {
                DeValue::Table(keys) => read_keys(settings, &mut r, keys),
                _ => r.bad(at, &name, &wanted::KEYS, "[keys]"),
            },
            _ => {
                let line = r.line(at);
                r.warnings.push(strings::unknown_setting(shown, line, &name, &KNOWN.join(", ")));
            }
        }
    }
    settings.warnings.append(&mut r.warnings);
}

/// `[keys]`: each action's keys, in the file's order. An action whose keys are wrong in any
/// way keeps the table's.
fn read_keys(settings: &mut Settings, r: &mut Reader, table: &DeTable) {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    let defaults = Keymap::defaults();
    'actions: for (key, value) in entries {
        let at = key.span().start;
        let line = r.line(at);
        let name = crate::sanitize::visible(key.get_ref()).into_owned();
        let Some(action) = action_named(key.get_ref()) else {
            r.warnings.push(strings::unknown_action(r.shown, line, &name));
            continue;
        };
        let names: Option<Vec<&str>> = match value.get_ref() {
            DeValue::String(s) => Some(vec![s.as_ref()]),
            DeValue::Array(items) => items.iter().map(|i| string(i)).collect(),
            _ => None,
        };
        let Some(names) = names else {
            let default = defaults.bindings().find(|(n, _, _)| *n == name).map(|(_, k, _)| key_list(k));
            r.bad(at, &format!("keys.{name}"), &wanted::KEY_LIST, &default.unwrap_or_default());
            continue;
        };
        let mut keys: Vec<Key> = Vec::new();
        for shown in names {
            let Some(k) = Key::parse(shown) else {
                let shown = crate::sanitize::visible(shown);
                r.warnings.push(strings::unknown_key(r.shown, line, &name, &shown));
                continue 'actions;
            };
            if k == EXIT_KEY && action != Action::Exit {
                r.warnings.push(strings::exit_key_stays(r.shown, line, &name));
                continue;
            }
            if let Some((earlier, _)) = settings.keys.iter().find(|(_, s)| s.value.contains(&k)) {
                let earlier = action_name(*earlier);
                r.warnings.push(strings::key_twice(r.shown, line, &k.name(), &earlier, &name));
                continue 'actions;
            }
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        if action == Action::Exit && !keys.contains(&EXIT_KEY) {
            r.warnings.push(strings::exit_key_stays(r.shown, line, &name));
        }
        settings.keys.push((action, super::Setting { value: keys, from: Source::File(line) }));
    }
}

/// A list of keys as a settings file writes it: `["]", "ctrl-n"]`.
pub fn key_list(keys: &[Key]) -> String {
    format!("[{}]", keys.iter().map(|k| quote(&k.name())).collect::<Vec<_>>().join(", "))
}

/// `s` as a TOML string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || crate::sanitize::needs_escape(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn string<'a>(value: &'a Spanned<DeValue>) -> Option<&'a str> {
    match value.get_ref() {
        DeValue::String(s) => Some(s.as_ref()),
        _ => None,
    }
}

fn integer(value: &Spanned<DeValue>) -> Option<u16> {
    match value.get_ref() {
        DeValue::Integer(n) => u16::from_str_radix(n.as_str(), n.radix()).ok(),
        _ => None,
    }
}

/// Columns (a whole number), a share (`"33%"`), or `"auto"`, each within its limits.
fn sidebar_width(value: &Spanned<DeValue>) -> Option<SidebarWidth> {
    if let Some(n) = integer(value) {
        return SIDEBAR_COLUMNS.contains(&n).then_some(SidebarWidth::Columns(n));
    }
    let s = string(value)?.trim();
    if s.eq_ignore_ascii_case("auto") {
        return Some(SidebarWidth::Auto);
    }
    let p: u16 = s.strip_suffix('%')?.trim().parse().ok()?;
    SIDEBAR_SHARES.contains(&p).then_some(SidebarWidth::Share(p))
}
