//! The key bindings: tables read by the event loop and printed by the help overlay; one
//! for reading and one for typing into a prompt.

mod names;
mod runtime;

pub use names::{action_name, action_named};
pub use runtime::{Keymap, label};

use super::Action;
use crate::strings::*;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as it is pressed: a code and the modifiers that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    ctrl: bool,
}

/// The key that quits at once whatever the settings say: a settings file may give the
/// reader's other keys away, never this one, so the reader can always be left.
pub const EXIT_KEY: Key = ctrl('c');

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
    pub help: Phrase,
}

const fn bind(keys: &'static [Key], label: &'static str, action: Action, help: Phrase) -> Binding {
    Binding { keys, label, action, help }
}

/// Every key binding of the reader, in the order help lists them.
pub const BINDINGS: &[Binding] = &[
    bind(&[key('j'), special(KeyCode::Down)], "j ↓", Action::Down, HELP_DOWN),
    bind(&[key('k'), special(KeyCode::Up)], "k ↑", Action::Up, HELP_UP),
    bind(&[key(' '), special(KeyCode::PageDown)], "Space PgDn", Action::PageDown, HELP_PAGE_DOWN),
    bind(&[key('b'), special(KeyCode::PageUp)], "b PgUp", Action::PageUp, HELP_PAGE_UP),
    bind(&[ctrl('d')], "Ctrl-d", Action::HalfDown, HELP_HALF_DOWN),
    bind(&[ctrl('u')], "Ctrl-u", Action::HalfUp, HELP_HALF_UP),
    bind(&[key('g'), special(KeyCode::Home)], "g Home", Action::Top, HELP_TOP),
    bind(&[key('G'), special(KeyCode::End)], "G End", Action::Bottom, HELP_BOTTOM),
    bind(&[special(KeyCode::Tab)], "Tab", Action::FocusNext, HELP_FOCUS_NEXT),
    bind(&[special(KeyCode::BackTab)], "Shift-Tab", Action::FocusPrev, HELP_FOCUS_PREV),
    bind(&[key('t')], "t", Action::ToggleContents, HELP_TOGGLE_CONTENTS),
    bind(&[key('L')], "L", Action::Library, HELP_LIBRARY),
    bind(&[key(']')], "]", Action::NextQuestion, HELP_NEXT_QUESTION),
    bind(&[key('[')], "[", Action::PrevQuestion, HELP_PREV_QUESTION),
    bind(&[key('}')], "}", Action::NextAnswer, HELP_NEXT_ANSWER),
    bind(&[key('{')], "{", Action::PrevAnswer, HELP_PREV_ANSWER),
    bind(&[key('f')], "f", Action::Faq, HELP_FAQ),
    bind(&[special(KeyCode::Backspace), ctrl('o')], "Backspace Ctrl-o", Action::Back, HELP_BACK),
    bind(&[special(KeyCode::Enter)], "Enter", Action::Activate, HELP_ACTIVATE),
    bind(&[key('l')], "l", Action::Links, crate::strings::LINKS_KEY),
    bind(&[key('p'), ctrl('p')], "p Ctrl-p", Action::Palette, HELP_PALETTE),
    bind(&[key('/')], "/", Action::Find, HELP_FIND),
    bind(&[key('n')], "n", Action::FindNext, HELP_FIND_NEXT),
    bind(&[key('N')], "N", Action::FindPrev, HELP_FIND_PREV),
    bind(&[key('s')], "s", Action::LibrarySearch, HELP_LIBRARY_SEARCH),
    bind(&[key('a')], "a", Action::Note, HELP_NOTE),
    bind(&[key('A')], "A", Action::Notes, HELP_NOTES),
    bind(&[key('m')], "m", Action::Bookmark, HELP_BOOKMARK),
    bind(&[key('\'')], "'", Action::Bookmarks, HELP_BOOKMARKS),
    bind(&[key('r')], "r", Action::Review, HELP_REVIEW),
    bind(&[key('D')], "D", Action::Diff, HELP_DIFF),
    bind(&[key('e')], "e", Action::Edit, HELP_EDIT),
    bind(&[key('d')], "d", Action::Delete, HELP_DELETE),
    bind(&[key('x')], "x", Action::Resolve, HELP_RESOLVE),
    bind(&[key('R')], "R", Action::ShowResolved, HELP_SHOW_RESOLVED),
    bind(&[key('v')], "v", Action::ReadComment, HELP_READ_COMMENT),
    bind(&[key('y')], "y", Action::Copy, HELP_COPY),
    bind(&[key('M')], "M", Action::ToggleMouse, HELP_TOGGLE_MOUSE),
    bind(&[ctrl('z')], "Ctrl-z", Action::Suspend, HELP_SUSPEND),
    bind(&[key('w')], "w", Action::Warnings, HELP_WARNINGS),
    bind(&[key('?')], "?", Action::Help, HELP_HELP),
    bind(&[special(KeyCode::Esc)], "Esc", Action::Close, HELP_CLOSE),
    bind(&[key('q')], "q", Action::Quit, HELP_QUIT),
    bind(&[ctrl('c')], "Ctrl-c", Action::Exit, HELP_EXIT),
    bind(&[key('X')], "X", Action::DismissHint, HELP_DISMISS_HINT),
];

/// The keys of a text prompt (palette, search, find); every other key is typed into it.
pub const PROMPT_BINDINGS: &[Binding] = &[
    bind(&[special(KeyCode::Enter)], "Enter", Action::Activate, HELP_PROMPT_ACTIVATE),
    bind(&[special(KeyCode::Esc)], "Esc", Action::Close, HELP_PROMPT_CLOSE),
    bind(&[special(KeyCode::Down), ctrl('n')], "↓ Ctrl-n", Action::Down, HELP_PROMPT_DOWN),
    bind(&[special(KeyCode::Up), ctrl('p')], "↑ Ctrl-p", Action::Up, HELP_PROMPT_UP),
    bind(&[special(KeyCode::PageDown)], "PgDn", Action::PageDown, HELP_PROMPT_PAGE_DOWN),
    bind(&[special(KeyCode::PageUp)], "PgUp", Action::PageUp, HELP_PROMPT_PAGE_UP),
    bind(&[ctrl('c')], "Ctrl-c", Action::Exit, HELP_EXIT),
];

/// The keys of the note editor; every other key is typed (Enter starts a new line).
pub const EDITOR_BINDINGS: &[Binding] = &[
    bind(&[ctrl('s')], "Ctrl-s", Action::Save, HELP_SAVE),
    bind(&[special(KeyCode::Esc)], "Esc", Action::Close, HELP_EDITOR_CLOSE),
    bind(&[ctrl('c')], "Ctrl-c", Action::Exit, HELP_EDITOR_EXIT),
];

/// A hint such as "j/k scroll · Esc closes": for each part, the first key of each action
/// (as `map` binds it, or the table labels it) and the word for what it does. Made from the table, so a hint
/// can never name a key that does something else.
pub fn hint(map: &Keymap, table: &[Binding], parts: &[(&[Action], Phrase)]) -> String {
    let key = |action: &Action| {
        let label = table.iter().find(|b| b.action == *action).map(|b| label(map, b)).unwrap_or_default();
        label.split(' ').next().filter(|k| !k.is_empty()).unwrap_or("?").to_string()
    };
    parts
        .iter()
        .map(|(actions, word)| format!("{} {word}", actions.iter().map(key).collect::<Vec<_>>().join("/")))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The hints the reader shows, each made from the table whose keys work where it shows (the
/// reading keys as the reader's map binds them).
pub mod hints {
    use super::{Action, BINDINGS, EDITOR_BINDINGS, Keymap, PROMPT_BINDINGS, hint};
    use crate::strings::*;

    /// The status line's pointer to the help.
    pub fn help(map: &Keymap) -> String {
        hint(map, BINDINGS, &[(&[Action::Help], HINT_HELP)])
    }

    /// A window that scrolls (help, problems).
    pub fn scroll(map: &Keymap) -> String {
        hint(map, BINDINGS, &[(&[Action::Down, Action::Up], HINT_SCROLL), (&[Action::Close], HINT_CLOSES)])
    }

    /// A window that does not scroll.
    pub fn close(map: &Keymap) -> String {
        hint(map, BINDINGS, &[(&[Action::Close], HINT_CLOSES)])
    }

    /// What a list of things to open says.
    const LIST: &[(&[Action], Phrase)] = &[
        (&[Action::Down, Action::Up], HINT_CHOOSE),
        (&[Action::Activate], HINT_OPEN),
        (&[Action::Close], HINT_CLOSE),
    ];

    /// The palette and search, typed into.
    pub fn prompt_list(map: &Keymap) -> String {
        hint(map, PROMPT_BINDINGS, LIST)
    }

    /// A list over the reader to choose from (the Library, or the contents, on a narrow
    /// screen).
    pub fn list(map: &Keymap) -> String {
        hint(map, BINDINGS, LIST)
    }

    /// The bookmarks list.
    pub fn bookmarks(map: &Keymap) -> String {
        hint(map, BINDINGS, LIST)
    }

    /// The notes list.
    pub fn notes(map: &Keymap) -> String {
        let parts: &[(&[Action], Phrase)] = &[
            (&[Action::Activate], HINT_GO),
            (&[Action::Edit], HINT_EDIT),
            (&[Action::Delete], HINT_DELETE),
            (&[Action::Close], HINT_CLOSE),
        ];
        hint(map, BINDINGS, parts)
    }

    /// The note editor.
    pub fn editor(map: &Keymap) -> String {
        hint(map, EDITOR_BINDINGS, &[(&[Action::Save], HINT_SAVE), (&[Action::Close], HINT_CLOSE)])
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
        assert_eq!(press(KeyCode::Char('z'), KeyModifiers::NONE), None);
    }

    #[test]
    fn hints_name_the_keys_the_tables_bind() {
        assert_eq!(hints::scroll(Keymap::defaults()), "j/k scroll · Esc closes");
        assert_eq!(hints::notes(Keymap::defaults()), "Enter go · e edit · d delete · Esc close");
        assert_eq!(hints::editor(Keymap::defaults()), "Ctrl-s save · Esc close");
        assert_eq!(hints::prompt_list(Keymap::defaults()), "↓/↑ choose · Enter open · Esc close");
        assert_eq!(hints::help(Keymap::defaults()), "? help");
        // Every key a hint names does what the hint says, in its table.
        let parts: &[(&[Action], Phrase)] = &[(&[Action::Edit, Action::Delete], Phrase::new("x", "y"))];
        assert_eq!(hint(Keymap::defaults(), BINDINGS, parts), "e/d x");
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
