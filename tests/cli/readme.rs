//! The docs say every key binding, as the help overlay does, and the README stays a front
//! page: short, with the commands that install, run and test artikel, and links that lead
//! somewhere.

use crate::common;

use artikel::app::keymap::{BINDINGS, EDITOR_BINDINGS, PROMPT_BINDINGS};
use common::Session;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

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

#[test]
fn the_readme_is_a_front_page_that_says_how_to_install_run_and_test() {
    let readme = read("README.md");
    assert!(readme.len() <= 12 * 1024, "README.md is {} bytes: move detail into docs/", readme.len());
    for command in
        ["cargo install --locked --path .", "cargo run --release", "cargo test", "artikel man | man -l -"]
    {
        assert!(readme.contains(command), "README.md does not say `{command}`");
    }
    assert!(readme.contains("## Kom i gang"), "README.md has the Danish start");
}

/// GitHub's anchor for a heading: lower case, letters, digits, `-` and `_` kept, spaces
/// made `-`, everything else dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a Markdown file's headings (outside code blocks).
fn anchors(text: &str) -> HashSet<String> {
    let mut fence = false;
    let mut found = HashSet::new();
    for line in text.lines() {
        if line.starts_with("```") {
            fence = !fence;
        } else if !fence && line.starts_with('#') {
            found.insert(anchor(line.trim_start_matches('#')));
        }
    }
    found
}

/// The relative link targets of a Markdown file: `](target)`, not web addresses, nor
/// examples in code (a fenced block or a `span`).
fn links(text: &str) -> Vec<String> {
    let mut fence = false;
    let prose: String = text
        .lines()
        .filter(|line| {
            if line.starts_with("```") {
                fence = !fence;
                return false;
            }
            !fence
        })
        .collect::<Vec<_>>()
        .join("\n");
    let outside_code: String = prose.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    outside_code
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|t| !t.contains("://") && !t.starts_with("mailto:"))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_link_of_the_readme_and_the_docs_leads_to_a_file_and_heading() {
    let mut pages: Vec<PathBuf> = vec![PathBuf::from("README.md")];
    let mut docs: Vec<PathBuf> =
        std::fs::read_dir("docs").expect("docs/").map(|e| e.expect("an entry").path()).collect();
    docs.retain(|p| p.extension().is_some_and(|e| e == "md"));
    docs.sort();
    assert!(docs.len() >= 10, "the docs pages: {docs:?}");
    pages.extend(docs.iter().cloned());
    let readme = read("README.md");
    for page in &docs {
        let name = page.file_name().and_then(|n| n.to_str()).expect("a name");
        assert!(readme.contains(&format!("](docs/{name})")), "README.md does not link to {name}");
    }
    for page in &pages {
        let text = read(page);
        let folder = page.parent().expect("a folder");
        for link in links(&text) {
            let (file, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() { page.clone() } else { folder.join(file) };
            assert!(target.exists(), "{}: the link {link} leads to no file", page.display());
            if !fragment.is_empty() {
                let known = anchors(&read(&target));
                assert!(known.contains(fragment), "{}: the link {link} names no heading", page.display());
            }
        }
    }
}

/// The README's drawing of a first start: the rows of the first code block after its intro.
fn first_start_drawing(readme: &str) -> Vec<String> {
    let after_intro =
        readme.split("What a first start shows").nth(1).expect("the README shows a first start");
    let block = after_intro.split("```\n").nth(1).expect("the drawing's code block");
    block.lines().map(|l| l.trim_end().to_string()).collect()
}

#[test]
fn the_readme_draws_what_a_first_start_shows() {
    let readme = read("README.md");
    let drawing = first_start_drawing(&readme);
    assert_eq!(drawing.len(), 24, "the drawing is a whole 80×24 screen: {drawing:?}");
    let data = tempfile::tempdir().expect("a fresh data folder");
    let mut reader = Session::start(&[], 80, 24, data.path());
    reader.wait_for("the README's first-start drawing", |rows| {
        rows.iter().map(|r| r.trim_end()).eq(drawing.iter().map(String::as_str))
    });
    reader.send("q");
    assert_eq!(reader.wait_exit(std::time::Duration::from_secs(5)), Some(0));
}
