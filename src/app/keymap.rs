//! The key bindings: one table, read by the event loop and printed by the help overlay.

use super::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as it is pressed: a code and the modifiers that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    ctrl: bool,
}

const fn key(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: false }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}
const fn special(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One row of the key table: the keys, what they do, and how help describes it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// How help writes those keys.
    pub label: &'static str,
    /// What they do.
    pub action: Action,
    /// How help describes it.
    pub help: &'static str,
}

/// Every key binding of the reader, in the order help lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[key('j'), special(KeyCode::Down)],
        label: "j ↓",
        action: Action::Down,
        help: "line down",
    },
    Binding { keys: &[key('k'), special(KeyCode::Up)], label: "k ↑", action: Action::Up, help: "line up" },
    Binding {
        keys: &[key(' '), special(KeyCode::PageDown)],
        label: "Space PgDn",
        action: Action::PageDown,
        help: "page down",
    },
    Binding {
        keys: &[key('b'), special(KeyCode::PageUp)],
        label: "b PgUp",
        action: Action::PageUp,
        help: "page up",
    },
    Binding { keys: &[ctrl('d')], label: "Ctrl-d", action: Action::HalfDown, help: "half page down" },
    Binding { keys: &[ctrl('u')], label: "Ctrl-u", action: Action::HalfUp, help: "half page up" },
    Binding {
        keys: &[key('g'), special(KeyCode::Home)],
        label: "g Home",
        action: Action::Top,
        help: "go to the top",
    },
    Binding {
        keys: &[key('G'), special(KeyCode::End)],
        label: "G End",
        action: Action::Bottom,
        help: "go to the end",
    },
    Binding { keys: &[key(']')], label: "]", action: Action::NextQuestion, help: "next question" },
    Binding { keys: &[key('[')], label: "[", action: Action::PrevQuestion, help: "previous question" },
    Binding { keys: &[key('}')], label: "}", action: Action::NextAnswer, help: "next FAQ answer" },
    Binding { keys: &[key('{')], label: "{", action: Action::PrevAnswer, help: "previous FAQ answer" },
    Binding { keys: &[key('f')], label: "f", action: Action::Faq, help: "jump to the FAQ section" },
    Binding {
        keys: &[special(KeyCode::Tab)],
        label: "Tab",
        action: Action::FocusNext,
        help: "focus Library → Contents → Reader",
    },
    Binding {
        keys: &[special(KeyCode::BackTab)],
        label: "Shift-Tab",
        action: Action::FocusPrev,
        help: "focus the previous pane",
    },
    Binding {
        keys: &[special(KeyCode::Enter)],
        label: "Enter",
        action: Action::Activate,
        help: "open the article / jump to the heading",
    },
    Binding {
        keys: &[key('t')],
        label: "t",
        action: Action::ToggleContents,
        help: "show or hide the contents",
    },
    Binding {
        keys: &[key('w')],
        label: "w",
        action: Action::Warnings,
        help: "problems found in article files",
    },
    Binding { keys: &[key('?')], label: "?", action: Action::Help, help: "show or hide this help" },
    Binding {
        keys: &[special(KeyCode::Esc)],
        label: "Esc",
        action: Action::Close,
        help: "close the overlay",
    },
    Binding { keys: &[key('q')], label: "q", action: Action::Quit, help: "quit (in an overlay: close it)" },
    Binding { keys: &[ctrl('c')], label: "Ctrl-c", action: Action::Exit, help: "quit at once" },
];

/// The action bound to a key press, if any. Releases and repeats of non-scroll keys are
/// ignored; Shift only matters through the character it produces.
pub fn action_for(event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let pressed = Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) };
    BINDINGS.iter().find(|b| b.keys.contains(&pressed)).map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn vim_less_and_arrow_keys_map_to_the_same_actions() {
        assert_eq!(press(KeyCode::Char('j'), KeyModifiers::NONE), Some(Action::Down));
        assert_eq!(press(KeyCode::Down, KeyModifiers::NONE), Some(Action::Down));
        assert_eq!(press(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(Action::Bottom));
        assert_eq!(press(KeyCode::BackTab, KeyModifiers::SHIFT), Some(Action::FocusPrev));
        assert_eq!(press(KeyCode::Char('d'), KeyModifiers::CONTROL), Some(Action::HalfDown));
        assert_eq!(press(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Action::Exit));
        assert_eq!(press(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn no_key_is_bound_twice() {
        let keys: Vec<Key> = BINDINGS.iter().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{k:?} is bound twice");
        }
    }
}
