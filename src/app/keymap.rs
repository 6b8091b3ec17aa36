//! The key bindings: tables read by the event loop and printed by the help overlay; one
//! for reading and one for typing into a prompt.

mod names;
mod runtime;

pub use names::{action_name, action_named};
pub use runtime::{Keymap, in_force, label};

use super::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::borrow::Cow;

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

const fn bind(keys: &'static [Key], label: &'static str, action: Action, help: &'static str) -> Binding {
    Binding { keys, label, action, help }
}

/// Every key binding of the reader, in the order help lists them.
pub const BINDINGS: &[Binding] = &[
    bind(&[key('j'), special(KeyCode::Down)], "j ↓", Action::Down, "line down"),
    bind(&[key('k'), special(KeyCode::Up)], "k ↑", Action::Up, "line up"),
    bind(&[key(' '), special(KeyCode::PageDown)], "Space PgDn", Action::PageDown, "page down"),
    bind(&[key('b'), special(KeyCode::PageUp)], "b PgUp", Action::PageUp, "page up"),
    bind(&[ctrl('d')], "Ctrl-d", Action::HalfDown, "half page down"),
    bind(&[ctrl('u')], "Ctrl-u", Action::HalfUp, "half page up"),
    bind(&[key('g'), special(KeyCode::Home)], "g Home", Action::Top, "go to the top"),
    bind(&[key('G'), special(KeyCode::End)], "G End", Action::Bottom, "go to the end"),
    bind(&[key(']')], "]", Action::NextQuestion, "next question"),
    bind(&[key('[')], "[", Action::PrevQuestion, "previous question"),
    bind(&[key('}')], "}", Action::NextAnswer, "next FAQ answer"),
    bind(&[key('{')], "{", Action::PrevAnswer, "previous FAQ answer"),
    bind(&[key('f')], "f", Action::Faq, "jump to the FAQ section"),
    bind(&[key('p'), ctrl('p')], "p Ctrl-p", Action::Palette, "question palette: every question, live"),
    bind(&[key('/')], "/", Action::Find, "find in this article"),
    bind(&[key('n')], "n", Action::FindNext, "next find hit"),
    bind(&[key('N')], "N", Action::FindPrev, "previous find hit"),
    bind(&[key('s')], "s", Action::LibrarySearch, "search the whole library"),
    bind(
        &[special(KeyCode::Backspace), ctrl('o')],
        "Backspace Ctrl-o",
        Action::Back,
        "back to where you were",
    ),
    bind(&[special(KeyCode::Tab)], "Tab", Action::FocusNext, "focus Library → Contents → Reader"),
    bind(&[special(KeyCode::BackTab)], "Shift-Tab", Action::FocusPrev, "focus the previous pane"),
    bind(&[special(KeyCode::Enter)], "Enter", Action::Activate, "open the article / jump to the heading"),
    bind(&[key('a')], "a", Action::Note, "write a note on this section (or edit its note)"),
    bind(&[key('A')], "A", Action::Notes, "the notes on this article"),
    bind(&[key('m')], "m", Action::Bookmark, "bookmark this section (again: remove it)"),
    bind(&[key('\'')], "'", Action::Bookmarks, "the bookmarks of the library"),
    bind(&[key('r')], "r", Action::Review, "review status: unreviewed → reviewed → needs changes"),
    bind(&[key('e')], "e", Action::Edit, "in the notes list: edit the note"),
    bind(&[key('d')], "d", Action::Delete, "in the notes list: delete the note"),
    bind(&[key('t')], "t", Action::ToggleContents, "show or hide the contents"),
    bind(&[key('y')], "y", Action::Copy, "copy this section to the clipboard (OSC 52)"),
    bind(&[key('M')], "M", Action::ToggleMouse, "mouse off (select text) / on"),
    bind(&[ctrl('z')], "Ctrl-z", Action::Suspend, "suspend; fg brings it back"),
    bind(&[key('w')], "w", Action::Warnings, "problems found in article files"),
    bind(&[key('?')], "?", Action::Help, "show or hide this help"),
    bind(&[special(KeyCode::Esc)], "Esc", Action::Close, "close the overlay, clear find"),
    bind(&[key('q')], "q", Action::Quit, "quit (in an overlay: close it)"),
    bind(&[ctrl('c')], "Ctrl-c", Action::Exit, "quit at once"),
];

/// The keys of a text prompt (palette, search, find); every other key is typed into it.
pub const PROMPT_BINDINGS: &[Binding] = &[
    bind(&[special(KeyCode::Enter)], "Enter", Action::Activate, "open the selected one / keep the find"),
    bind(&[special(KeyCode::Esc)], "Esc", Action::Close, "close, back to where you were"),
    bind(&[special(KeyCode::Down), ctrl('n')], "↓ Ctrl-n", Action::Down, "next in the list"),
    bind(&[special(KeyCode::Up), ctrl('p')], "↑ Ctrl-p", Action::Up, "previous in the list"),
    bind(&[special(KeyCode::PageDown)], "PgDn", Action::PageDown, "a page down the list"),
    bind(&[special(KeyCode::PageUp)], "PgUp", Action::PageUp, "a page up the list"),
    bind(&[ctrl('c')], "Ctrl-c", Action::Exit, "quit at once"),
];

/// The help, as (keys, what they do) rows: the reading keys (as the map in force binds
/// them), then under a heading of their own (keys empty) the prompt keys, then the mouse.
pub fn help_rows() -> Vec<(Cow<'static, str>, &'static str)> {
    let mut rows: Vec<(Cow<str>, &str)> = BINDINGS.iter().map(|b| (label(b), b.help)).collect();
    rows.push(("".into(), ""));
    rows.push(("".into(), crate::strings::PROMPT_KEYS));
    rows.extend(PROMPT_BINDINGS.iter().map(|b| (label(b), b.help)));
    rows.push(("".into(), ""));
    rows.push(("".into(), crate::strings::EDITOR_KEYS));
    rows.extend(EDITOR_BINDINGS.iter().map(|b| (label(b), b.help)));
    rows.push(("".into(), ""));
    rows.push((crate::strings::MOUSE.into(), crate::strings::MOUSE_HELP));
    rows
}

/// The keys of the note editor; every other key is typed (Enter starts a new line).
pub const EDITOR_BINDINGS: &[Binding] = &[
    bind(&[ctrl('s')], "Ctrl-s", Action::Save, "save the note"),
    bind(&[special(KeyCode::Esc)], "Esc", Action::Close, "close (asks first if it changed)"),
    bind(&[ctrl('c')], "Ctrl-c", Action::Exit, "quit at once (the draft is kept)"),
];

/// A hint such as "j/k scroll · Esc closes": for each part, the first key of each action
/// (as the table labels it) and the word for what it does. Made from the table, so a hint
/// can never name a key that does something else.
pub fn hint(table: &[Binding], parts: &[(&[Action], &str)]) -> String {
    let key = |action: &Action| {
        let label = table.iter().find(|b| b.action == *action).map(label).unwrap_or_default();
        label.split(' ').next().filter(|k| !k.is_empty()).unwrap_or("?").to_string()
    };
    parts
        .iter()
        .map(|(actions, word)| format!("{} {word}", actions.iter().map(key).collect::<Vec<_>>().join("/")))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The hints the reader shows, each made from the table whose keys work where it shows.
pub mod hints {
    use super::{Action, BINDINGS, EDITOR_BINDINGS, PROMPT_BINDINGS, hint};
    use crate::strings::*;

    /// The status line's pointer to the help.
    pub fn help() -> String {
        hint(BINDINGS, &[(&[Action::Help], HINT_HELP)])
    }

    /// A window that scrolls (help, problems).
    pub fn scroll() -> String {
        hint(BINDINGS, &[(&[Action::Down, Action::Up], HINT_SCROLL), (&[Action::Close], HINT_CLOSES)])
    }

    /// A window that does not scroll.
    pub fn close() -> String {
        hint(BINDINGS, &[(&[Action::Close], HINT_CLOSES)])
    }

    /// What a list of things to open says.
    const LIST: &[(&[Action], &str)] = &[
        (&[Action::Down, Action::Up], HINT_CHOOSE),
        (&[Action::Activate], HINT_OPEN),
        (&[Action::Close], HINT_CLOSE),
    ];

    /// The palette and search, typed into.
    pub fn prompt_list() -> String {
        hint(PROMPT_BINDINGS, LIST)
    }

    /// The bookmarks list.
    pub fn bookmarks() -> String {
        hint(BINDINGS, LIST)
    }

    /// The notes list.
    pub fn notes() -> String {
        let parts: &[(&[Action], &str)] = &[
            (&[Action::Activate], HINT_GO),
            (&[Action::Edit], HINT_EDIT),
            (&[Action::Delete], HINT_DELETE),
            (&[Action::Close], HINT_CLOSE),
        ];
        hint(BINDINGS, parts)
    }

    /// The note editor.
    pub fn editor() -> String {
        hint(EDITOR_BINDINGS, &[(&[Action::Save], HINT_SAVE), (&[Action::Close], HINT_CLOSE)])
    }
}

/// Which table keys are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: [`BINDINGS`].
    Normal,
    /// Typing into a prompt: [`PROMPT_BINDINGS`], and other keys are typed.
    Prompt,
    /// Writing a note: [`EDITOR_BINDINGS`], and other keys are typed.
    Editor,
}

/// The action bound to a key press, if any. Releases and repeats of non-scroll keys are
/// ignored; Shift only matters through the character it produces.
pub fn action_for(event: KeyEvent, mode: Mode) -> Option<Action> {
    Keymap::defaults().action_for(event, mode)
}

impl Keymap {
    /// The action bound to a key press in `mode`: the reading keys as this map binds them,
    /// the prompt's and editor's as their tables do.
    pub fn action_for(&self, event: KeyEvent, mode: Mode) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let pressed = Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) };
        let table = match mode {
            Mode::Normal => return self.action_of(pressed),
            Mode::Prompt => PROMPT_BINDINGS,
            Mode::Editor => EDITOR_BINDINGS,
        };
        match table.iter().find(|b| b.keys.contains(&pressed)) {
            Some(b) => Some(b.action),
            None => Some(Action::Type(event)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers), Mode::Normal)
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
    fn hints_name_the_keys_the_tables_bind() {
        assert_eq!(hints::scroll(), "j/k scroll · Esc closes");
        assert_eq!(hints::notes(), "Enter go · e edit · d delete · Esc close");
        assert_eq!(hints::editor(), "Ctrl-s save · Esc close");
        assert_eq!(hints::prompt_list(), "↓/↑ choose · Enter open · Esc close");
        assert_eq!(hints::help(), "? help");
        // Every key a hint names does what the hint says, in its table.
        let parts: &[(&[Action], &str)] = &[(&[Action::Edit, Action::Delete], "x")];
        assert_eq!(hint(BINDINGS, parts), "e/d x");
        let press = |c| action_for(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), Mode::Normal);
        assert_eq!((press('e'), press('d')), (Some(Action::Edit), Some(Action::Delete)));
    }

    #[test]
    fn no_key_is_bound_twice() {
        for table in [BINDINGS, PROMPT_BINDINGS, EDITOR_BINDINGS] {
            let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} is bound twice");
            }
        }
    }

    #[test]
    fn in_a_prompt_letters_are_typed_and_enter_esc_and_arrows_act() {
        let prompt = |code, m| action_for(KeyEvent::new(code, m), Mode::Prompt);
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(prompt(KeyCode::Char('j'), KeyModifiers::NONE), Some(Action::Type(j)));
        assert_eq!(prompt(KeyCode::Enter, KeyModifiers::NONE), Some(Action::Activate));
        assert_eq!(prompt(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Close));
        assert_eq!(prompt(KeyCode::Char('n'), KeyModifiers::CONTROL), Some(Action::Down));
        let bs = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
        assert_eq!(prompt(KeyCode::Backspace, KeyModifiers::NONE), Some(Action::Type(bs)));
    }
}
