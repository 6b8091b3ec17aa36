//! Keys and actions by name: how a settings file writes them (`ctrl-n`, `pagedown`,
//! `next_question`) and how help labels a key (`Ctrl-n`, `PgDn`).

use super::{Action, BINDINGS, Key};
use crossterm::event::KeyCode;

/// The named keys: (settings name, help label, code). The first name of a code is the one
/// written back; the others are accepted too.
const NAMED: &[(&str, &str, KeyCode)] = &[
    ("space", "Space", KeyCode::Char(' ')),
    ("enter", "Enter", KeyCode::Enter),
    ("return", "Enter", KeyCode::Enter),
    ("esc", "Esc", KeyCode::Esc),
    ("escape", "Esc", KeyCode::Esc),
    ("tab", "Tab", KeyCode::Tab),
    ("shift-tab", "Shift-Tab", KeyCode::BackTab),
    ("backtab", "Shift-Tab", KeyCode::BackTab),
    ("backspace", "Backspace", KeyCode::Backspace),
    ("up", "↑", KeyCode::Up),
    ("down", "↓", KeyCode::Down),
    ("left", "←", KeyCode::Left),
    ("right", "→", KeyCode::Right),
    ("pageup", "PgUp", KeyCode::PageUp),
    ("pgup", "PgUp", KeyCode::PageUp),
    ("pagedown", "PgDn", KeyCode::PageDown),
    ("pgdn", "PgDn", KeyCode::PageDown),
    ("home", "Home", KeyCode::Home),
    ("end", "End", KeyCode::End),
    ("delete", "Del", KeyCode::Delete),
    ("del", "Del", KeyCode::Delete),
    ("insert", "Ins", KeyCode::Insert),
    ("ins", "Ins", KeyCode::Insert),
];

impl Key {
    /// The key a settings file names: one character (`]`, `G`), a named key (`pagedown`,
    /// `shift-tab`, `f5`), either after `ctrl-`; `shift-` and a letter is the capital.
    /// Names are not case-sensitive, single characters are. `None` for anything else.
    pub fn parse(name: &str) -> Option<Key> {
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Some(Key { code: KeyCode::Char(c), ctrl: false });
        }
        let lower = name.to_ascii_lowercase();
        for prefix in ["ctrl-", "ctrl+", "c-"] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let key = Key::parse(&name[prefix.len()..]).or_else(|| Key::parse(rest))?;
                return match key.code {
                    _ if key.ctrl => None,
                    // Ctrl does not tell capitals from small letters.
                    KeyCode::Char(c) => Some(Key { code: KeyCode::Char(c.to_ascii_lowercase()), ctrl: true }),
                    code => Some(Key { code, ctrl: true }),
                };
            }
        }
        if let Some(rest) = lower.strip_prefix("shift-")
            && let [c] = rest.as_bytes()
            && c.is_ascii_lowercase()
        {
            return Some(Key { code: KeyCode::Char(char::from(c.to_ascii_uppercase())), ctrl: false });
        }
        if let Some(n) =
            lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=12).contains(n))
        {
            return Some(Key { code: KeyCode::F(n), ctrl: false });
        }
        NAMED.iter().find(|(n, _, _)| *n == lower).map(|&(_, _, code)| Key { code, ctrl: false })
    }

    /// How a settings file writes this key (what [`Key::parse`] reads back).
    pub fn name(&self) -> String {
        self.spell(false)
    }

    /// How help writes this key: `Ctrl-n`, `PgDn`, `↓`.
    pub fn label(&self) -> String {
        self.spell(true)
    }

    fn spell(&self, label: bool) -> String {
        let base = match self.code {
            KeyCode::Char(' ') if label => "Space".to_string(),
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("{}{n}", if label { 'F' } else { 'f' }),
            code => {
                let named = NAMED.iter().find(|(_, _, c)| *c == code);
                named.map_or("?", |(name, shown, _)| if label { shown } else { name }).to_string()
            }
        };
        match (self.ctrl, label) {
            (false, _) => base,
            (true, true) => format!("Ctrl-{base}"),
            (true, false) => format!("ctrl-{base}"),
        }
    }
}

/// An action's name in a settings file: its name in snake case (`next_question`).
pub fn action_name(action: Action) -> String {
    match serde_json::to_value(action) {
        Ok(serde_json::Value::String(name)) => name,
        // Only the actions a key, the mouse or the terminal makes have no name.
        _ => String::new(),
    }
}

/// The reading action a settings file names, if the key table has it.
pub fn action_named(name: &str) -> Option<Action> {
    let action: Action = serde_json::from_value(serde_json::Value::String(name.to_string())).ok()?;
    BINDINGS.iter().map(|b| b.action).find(|a| *a == action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reading_action_has_a_stable_snake_case_name() {
        let names: Vec<String> = BINDINGS.iter().map(|b| action_name(b.action)).collect();
        // The names users' settings files use: renaming a variant must not change one.
        let written = [
            "down",
            "up",
            "page_down",
            "page_up",
            "half_down",
            "half_up",
            "top",
            "bottom",
            "focus_next",
            "focus_prev",
            "toggle_contents",
            "library",
            "next_question",
            "prev_question",
            "next_answer",
            "prev_answer",
            "faq",
            "back",
            "activate",
            "links",
            "palette",
            "find",
            "find_next",
            "find_prev",
            "library_search",
            "note",
            "notes",
            "bookmark",
            "bookmarks",
            "review",
            "diff",
            "edit",
            "delete",
            "resolve",
            "show_resolved",
            "read_comment",
            "copy",
            "toggle_mouse",
            "suspend",
            "warnings",
            "help",
            "close",
            "quit",
            "exit",
            "dismiss_hint",
        ];
        assert_eq!(names, written);
        for (i, n) in names.iter().enumerate() {
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{n}");
            assert!(!names[i + 1..].contains(n), "{n} names two rows");
            assert_eq!(action_named(n), Some(BINDINGS[i].action));
        }
        assert_eq!(action_named("no_such_thing"), None);
        assert_eq!(action_named("type"), None, "an action no key is bound to has no name");
        assert_eq!(action_named("NextQuestion"), None, "the name, not the variant");
    }

    #[test]
    fn key_names_read_back_as_the_same_key() {
        let ctrl_n = Key { code: KeyCode::Char('n'), ctrl: true };
        assert_eq!(Key::parse("ctrl-n"), Some(ctrl_n));
        assert_eq!(Key::parse("Ctrl-N"), Some(ctrl_n));
        assert_eq!(Key::parse("]"), Some(Key { code: KeyCode::Char(']'), ctrl: false }));
        assert_eq!(Key::parse("shift-g"), Key::parse("G"));
        assert_eq!(Key::parse("PgDn"), Some(Key { code: KeyCode::PageDown, ctrl: false }));
        assert_eq!(Key::parse("f5"), Some(Key { code: KeyCode::F(5), ctrl: false }));
        for bad in ["", "ctrl-", "ctrl-ctrl-x", "pagedownn", "f13", "shift-1", "jk"] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
        for b in BINDINGS {
            for k in b.keys {
                assert_eq!(Key::parse(&k.name()), Some(*k), "{}", k.name());
            }
            // The labels help has always shown are the keys' own labels.
            let labels: Vec<String> = b.keys.iter().map(Key::label).collect();
            assert_eq!(labels.join(" "), b.label);
        }
    }
}
