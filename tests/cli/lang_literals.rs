//! No English sentence is written outside `src/strings`: the reader's drawing, the commands
//! and the app say what they say through it, so every sentence has its Danish.

use std::path::{Path, PathBuf};

/// Literals that may stand in code: key names as keyboards print them, clap's help, which
/// stays English, a command line and a flag as typed, and words that are never shown (the
/// place the YAML parser appends to its reason, cut off by matching it; the reason a
/// frontmatter could not be split, which the loader replaces by a warning of its own).
const ALLOWED: &[&str] = &[
    "Space PgDn",
    "Backspace Ctrl-o",
    "b PgUp",
    "g Home",
    "G End",
    "With no command, artikel opens the reader",
    "Global options",
    "less -R",
    "--color never",
    " at line {l}, column {c}",
    "the frontmatter opened with `---` is never closed",
];

/// Where the code that speaks to the user lives. The search's and the outline's words to
/// match, the ledger's SQL and the server's log for its operator are not spoken to a reader.
const SPEAKING: &[&str] =
    &["src/ui", "src/cli", "src/app", "src/library", "src/check", "src/settings", "src/store", "src/tui"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read folder").filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The string literals on a line of code, as written (escapes left as they are).
fn literals(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        found.push(&after[..end]);
        rest = &after[end + 1..];
    }
    found
}

/// Whether a literal reads as words for a person (in English, or Danish written outside
/// `src/strings`), once `{…}` placeholders are taken out: two words of letters side by side,
/// or one word of three letters or more (a lower-case one) standing as prose — in a literal
/// that has a space, or in brackets of its own (`"{}.md (bundled)"`, `"(bundled)"`).
/// Identifiers, keys, file names and format strings (`"utf8"`, `"ctrl-x"`, `"review.db"`,
/// `"{slug}#{}"`) have no such word.
fn english(literal: &str) -> bool {
    let bare: String = literal.split('{').map(|p| p.split_once('}').map_or(p, |(_, t)| t)).collect();
    let words: Vec<&str> = bare.split([' ', ',', ':']).filter(|w| !w.is_empty()).collect();
    let word = |w: &&str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    let two_side_by_side = words
        .windows(2)
        .any(|pair| pair.iter().all(word) && pair.iter().any(|w| w.chars().any(|c| c.is_ascii_lowercase())));
    let prose = |token: &str| {
        let inner = token.trim_matches(|c: char| "()[]“”'.!?;".contains(c));
        let bracketed =
            token.starts_with(['(', '“']) && token.trim_end_matches(['.', ',']).ends_with([')', '”']);
        inner.chars().count() >= 3
            && inner.chars().all(|c| c.is_alphabetic())
            && inner.chars().any(|c| c.is_lowercase())
            && (bare.trim().contains(' ') || bracketed)
    };
    two_side_by_side || bare.split_whitespace().any(prose)
}

/// Each English literal of the code (not tests, comments or attributes) under `dirs`.
fn english_literals(dirs: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in dirs {
        let path = root.join(dir);
        if path.is_file() {
            files.push(path);
        } else {
            rust_files(&path, &mut files);
        }
    }
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.to_string_lossy().contains("test")) {
        let text = std::fs::read_to_string(file).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("#[cfg(test)]") {
                break;
            }
            if code.starts_with("//") || code.starts_with("#[") || code.contains(".expect(") {
                continue;
            }
            for lit in literals(line).into_iter().filter(|l| english(l)) {
                if !ALLOWED.iter().any(|a| lit.starts_with(a)) {
                    found.push(format!(
                        "{}:{}: \"{lit}\"",
                        file.strip_prefix(root).unwrap_or(file).display(),
                        n + 1
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn the_reader_the_commands_and_the_app_write_no_english_of_their_own() {
    let found = english_literals(SPEAKING);
    assert!(found.is_empty(), "put these in src/strings, in English and Danish:\n{}", found.join("\n"));
}

#[test]
fn the_scan_sees_an_english_sentence_and_passes_over_what_is_not_one() {
    assert!(english("Nothing matches"));
    assert!(english("artikel: cannot write: {e}"));
    assert!(english("{n} questions  {m} FAQ"));
    // One word on its own is a word to the reader too.
    assert!(english("{}.md (bundled)"));
    assert!(english("(bundled)"));
    assert!(english("{name}: {} skipped"));
    for not in [
        "j/k",
        "{} {word}",
        "Ctrl-s",
        " · ",
        "{slug}#{}",
        "utf8",
        "review.db",
        "KEY VALUE",
        "[keys]",
        "{}.md",
        "less",
    ] {
        assert!(!english(not), "{not}");
    }
    assert_eq!(literals(r#"f("a \" b", "c")"#), vec![r#"a \" b"#, "c"]);
}
