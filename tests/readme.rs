//! The README documents every key binding, as the help overlay does.

use artikel::app::keymap::{BINDINGS, EDITOR_BINDINGS, PROMPT_BINDINGS};

#[test]
fn every_binding_is_in_the_readme_keys_table() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for binding in BINDINGS.iter().chain(PROMPT_BINDINGS).chain(EDITOR_BINDINGS) {
        let keys: Vec<String> = binding.label.split(' ').map(|k| format!("`{k}`")).collect();
        let row = format!("| {} | {} |", keys.join(" "), binding.help);
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
}

#[test]
fn every_key_of_the_review_window_is_in_the_readme() {
    artikel::strings::set_lang(artikel::strings::Lang::En);
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for k in artikel::app::CHOICES {
        let row = format!("| `{}` | {} |", k.key, k.help);
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
}
