//! The reading keys in force: the default table with a settings file's bindings applied.
//! The reader looks keys up in its own map, and help and the hints are made from that map,
//! so they name the keys that really work.

use super::{Action, BINDINGS, Binding, EXIT_KEY, Key, names};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The reading keys: for each row of [`BINDINGS`], the keys that do it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of each row, in the table's order.
    keys: Vec<Vec<Key>>,
    /// Whether a row's keys differ from the table's (help then labels them anew).
    changed: Vec<bool>,
}

static DEFAULTS: LazyLock<Keymap> = LazyLock::new(|| Keymap {
    keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
    changed: vec![false; BINDINGS.len()],
});

impl Default for Keymap {
    fn default() -> Self {
        DEFAULTS.clone()
    }
}

impl Keymap {
    /// The table's own keys.
    pub fn defaults() -> &'static Keymap {
        &DEFAULTS
    }

    /// The defaults with each action in `overrides` bound to its keys instead. A key given
    /// to an action is taken from whichever other action had it by default. [`EXIT_KEY`]
    /// stays with [`Action::Exit`] whatever `overrides` say.
    pub fn with_overrides(overrides: &[(Action, Vec<Key>)]) -> Keymap {
        let mut map = Keymap::default();
        for (action, keys) in overrides {
            let Some(row) = BINDINGS.iter().position(|b| b.action == *action) else { continue };
            map.bind(row, keys);
        }
        if let Some(exit) = BINDINGS.iter().position(|b| b.action == Action::Exit)
            && !map.keys[exit].contains(&EXIT_KEY)
        {
            let mut keys = map.keys[exit].clone();
            keys.push(EXIT_KEY);
            map.bind(exit, &keys);
        }
        map
    }

    /// Binds row `row` to `keys`, taking each from whichever other row had it.
    fn bind(&mut self, row: usize, keys: &[Key]) {
        for (other, other_keys) in self.keys.iter_mut().enumerate() {
            if other != row && other_keys.iter().any(|k| keys.contains(k)) {
                other_keys.retain(|k| !keys.contains(k));
                self.changed[other] = true;
            }
        }
        self.keys[row] = keys.to_vec();
        self.changed[row] = true;
    }

    /// The reading action of a key, if it has one.
    pub(super) fn action_of(&self, pressed: Key) -> Option<Action> {
        self.keys.iter().position(|keys| keys.contains(&pressed)).map(|row| BINDINGS[row].action)
    }

    /// Every reading action with its settings name and its keys now, in the table's order.
    pub fn bindings(&self) -> impl Iterator<Item = (String, &[Key], bool)> + '_ {
        BINDINGS
            .iter()
            .zip(&self.keys)
            .zip(&self.changed)
            .map(|((b, keys), changed)| (names::action_name(b.action), keys.as_slice(), *changed))
    }

    /// How help writes the keys of row `row`: the table's label unless they changed.
    fn label_of(&self, row: usize) -> Cow<'static, str> {
        if !self.changed[row] {
            return Cow::Borrowed(BINDINGS[row].label);
        }
        if self.keys[row].is_empty() {
            return Cow::Borrowed("–");
        }
        Cow::Owned(self.keys[row].iter().map(Key::label).collect::<Vec<_>>().join(" "))
    }
}

/// How help writes a binding's keys: for a row of the reading table, as `map` binds them;
/// for any other table, as it labels them.
pub fn label(map: &Keymap, binding: &Binding) -> Cow<'static, str> {
    // A row of another table may do the same action with the same keys (Esc closes): it is
    // told apart by what help says of it.
    let same = |b: &Binding| b.action == binding.action && b.label == binding.label && b.help == binding.help;
    let shown = || Cow::Borrowed(crate::strings::key_label(binding.label));
    let Some(row) = BINDINGS.iter().position(same) else {
        return shown();
    };
    if map.changed[row] { map.label_of(row) } else { shown() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_c_quits_whatever_the_overrides_say() {
        let exit = |map: &Keymap| map.action_of(EXIT_KEY);
        let none: Vec<(Action, Vec<Key>)> =
            [Action::Quit, Action::Exit, Action::Close].into_iter().map(|a| (a, Vec::new())).collect();
        let unbound = Keymap::with_overrides(&none);
        assert_eq!(exit(&unbound), Some(Action::Exit), "unbinding quit, exit and close leaves Ctrl-c");
        assert_eq!(unbound.action_of(Key::parse("q").expect("q")), None, "q is unbound as asked");
        let taken = Keymap::with_overrides(&[(Action::Palette, vec![EXIT_KEY])]);
        assert_eq!(exit(&taken), Some(Action::Exit), "no other action can take it");
        let q = Key::parse("ctrl-q").expect("ctrl-q");
        let moved = Keymap::with_overrides(&[(Action::Exit, vec![q])]);
        assert_eq!((exit(&moved), moved.action_of(q)), (Some(Action::Exit), Some(Action::Exit)));
        let row = BINDINGS.iter().position(|b| b.action == Action::Exit).expect("exit");
        assert_eq!(moved.label_of(row), "Ctrl-q Ctrl-c", "help names both");
    }

    #[test]
    fn help_labels_the_keys_of_the_map_in_force() {
        let x = Key::parse("x").expect("x");
        let map = Keymap::with_overrides(&[(Action::NextQuestion, vec![x])]);
        let row = BINDINGS.iter().find(|b| b.action == Action::NextQuestion).expect("row");
        assert_eq!(label(&Keymap::default(), row), "]");
        assert_eq!(label(&map, row), "x");
        let help = crate::app::help::lines(&map, 12);
        let shown = |l: &crate::app::help::Line| matches!(l, crate::app::help::Line::Key { keys, what } if keys == "x" && what == row.help.as_str());
        assert!(help.iter().any(shown), "the help overlay shows the key in force");
        assert!(
            !crate::app::help::lines(&Keymap::default(), 12).iter().any(shown),
            "the table's own map does not"
        );
    }
}
