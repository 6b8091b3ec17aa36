//! The docs say every key binding, as the help overlay does.

use artikel::app::keymap::{BINDINGS, EDITOR_BINDINGS, PROMPT_BINDINGS};
use std::path::Path;

/// The page that carries the keys table and the review window's keys.
const KEYS_PAGE: &str = "docs/reading-and-keys.md";

fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_binding_is_in_the_keys_table() {
    let page = read(KEYS_PAGE);
    for binding in BINDINGS.iter().chain(PROMPT_BINDINGS).chain(EDITOR_BINDINGS) {
        let keys: Vec<String> = binding.label.split(' ').map(|k| format!("`{k}`")).collect();
        let row = format!("| {} | {} |", keys.join(" "), binding.help);
        assert!(page.contains(&row), "{KEYS_PAGE} lacks the row {row}");
    }
}

#[test]
fn every_key_of_the_review_window_is_in_the_keys_page() {
    artikel::strings::set_lang(artikel::strings::Lang::En);
    let page = read(KEYS_PAGE);
    for k in artikel::app::CHOICES {
        let row = format!("| `{}` | {} |", k.key, k.help);
        assert!(page.contains(&row), "{KEYS_PAGE} lacks the row {row}");
    }
}
