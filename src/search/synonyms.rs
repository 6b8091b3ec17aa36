//! Synonym groups as data editors own: `synonyms.yaml` beside the articles, read, checked
//! and merged (the bundled file, then each `--articles` folder's own).
//!
//! ```yaml
//! groups:
//!   - [lænd, ryg, lumbago, hekseskud]
//!   - [fysioterapeut, fys, fysioterapi]
//! ```
//! A query word that has the stem of a word in a group is also looked for as every other
//! word of the group (a phrase such as "egen læge" as written).

use super::analyze::{self, words};
use super::fold::fold;
use crate::strings;
use std::collections::HashMap;

/// The largest group read; a longer one is reported and left out.
pub const MAX_GROUP: usize = 200;
/// The most groups read from one file.
pub const MAX_GROUPS: usize = 5_000;

/// Something wrong with a synonym file, for `artikel check` and the warnings list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymProblem {
    /// The 1-based line it is on, when known.
    pub line: Option<usize>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Whether nothing of the file could be used (not YAML, or not a mapping).
    pub fatal: bool,
}

/// The synonym groups of a library, folded, with each word's stem pointing to its groups.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    /// Each group's words and phrases, folded.
    groups: Vec<Vec<String>>,
    /// The stem of each one-word entry → the groups it is in.
    by_stem: HashMap<String, Vec<u32>>,
}

/// Checks the text of a synonym file: what `artikel check` reports.
pub fn check_synonyms(text: &str) -> Vec<SynonymProblem> {
    Synonyms::parse(text).1
}

impl Synonyms {
    /// Reads a synonym file. What can be used is kept; every problem is listed.
    pub fn parse(text: &str) -> (Synonyms, Vec<SynonymProblem>) {
        let mut problems = Vec::new();
        let mut synonyms = Synonyms::default();
        if text.trim().is_empty() {
            return (synonyms, problems);
        }
        let value: serde_json::Value = match serde_saphyr::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let message = strings::synonyms_not_yaml(&e.to_string());
                problems.push(SynonymProblem { line: None, message, fatal: true });
                return (synonyms, problems);
            }
        };
        let Some(map) = value.as_object() else {
            let message = strings::SYNONYMS_NOT_A_MAP.to_string();
            problems.push(SynonymProblem { line: None, message, fatal: true });
            return (synonyms, problems);
        };
        for key in map.keys().filter(|k| *k != "groups") {
            let line = line_of(text, &format!("{key}:"));
            problems.push(SynonymProblem { line, message: strings::synonyms_unknown_key(key), fatal: false });
        }
        let groups = match map.get("groups") {
            Some(serde_json::Value::Array(groups)) => groups.as_slice(),
            Some(serde_json::Value::Null) | None => &[],
            Some(_) => {
                let line = line_of(text, "groups:");
                problems.push(SynonymProblem {
                    line,
                    message: strings::SYNONYMS_NOT_A_LIST.into(),
                    fatal: false,
                });
                &[]
            }
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, group) in groups.iter().enumerate().take(MAX_GROUPS) {
            let entries: Vec<String> = match group {
                serde_json::Value::Array(items) => items.iter().filter_map(entry).collect(),
                serde_json::Value::Null => Vec::new(),
                other => entry(other).into_iter().collect(),
            };
            let first = entries.first().map(String::as_str).unwrap_or("");
            let line = if first.is_empty() { None } else { line_of(text, first) };
            let problem = |message: String| SynonymProblem { line, message, fatal: false };
            if entries.len() > MAX_GROUP {
                problems.push(problem(strings::synonyms_group_too_long(n + 1, entries.len(), MAX_GROUP)));
                continue;
            }
            let folded: Vec<String> =
                entries.iter().map(|e| words(&fold(e)).collect::<Vec<_>>().join(" ")).collect();
            let folded: Vec<String> = folded.into_iter().filter(|f| !f.is_empty()).collect();
            if folded.len() < 2 {
                problems.push(problem(strings::synonyms_empty_group(n + 1)));
                continue;
            }
            for (word, shown) in folded.iter().zip(&entries) {
                if let Some(&other) = seen.get(word).filter(|&&g| g != n) {
                    let line = line_of(text, shown).or(line);
                    let message = strings::synonyms_twice(shown, other + 1, n + 1);
                    problems.push(SynonymProblem { line, message, fatal: false });
                }
                seen.insert(word.clone(), n);
            }
            synonyms.add(folded);
        }
        if groups.len() > MAX_GROUPS {
            let message = strings::synonyms_too_many(groups.len(), MAX_GROUPS);
            problems.push(SynonymProblem { line: None, message, fatal: false });
        }
        (synonyms, problems)
    }

    fn add(&mut self, group: Vec<String>) {
        let g = u32::try_from(self.groups.len()).unwrap_or(u32::MAX);
        for word in group.iter().filter(|w| !w.contains(' ')) {
            let list = self.by_stem.entry(analyze::stem(word)).or_default();
            if !list.contains(&g) {
                list.push(g);
            }
        }
        self.groups.push(group);
    }

    /// Adds the groups of `other` (a folder's own file after the bundled one).
    pub fn merge(&mut self, other: Synonyms) {
        for group in other.groups {
            self.add(group);
        }
    }

    /// The words and phrases (folded) that mean the same as the word whose stem is `stem`,
    /// not counting entries with that stem.
    /// A stem that is not in a group may be a longer form of one that is
    /// ("neuropatisk" of "neuropati"): up to three more letters after five of a group word.
    pub fn of_stem(&self, stem: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let key = (0..=3.min(stem.len().saturating_sub(5)))
            .map(|less| &stem[..stem.len() - less])
            .filter(|k| stem.is_char_boundary(k.len()))
            .find(|k| self.by_stem.contains_key(*k))
            .unwrap_or(stem);
        for &g in self.by_stem.get(key).into_iter().flatten() {
            for entry in &self.groups[g as usize] {
                if !out.contains(&entry.as_str()) && (entry.contains(' ') || analyze::stem(entry) != key) {
                    out.push(entry);
                }
            }
        }
        out
    }

    /// The groups with a phrase that `words` (a query's folded words) say, word by word
    /// (each word of the phrase as the start of a query word): for each, the phrase and the
    /// group's other words and phrases.
    pub fn phrases_in(&self, words: &[String]) -> Vec<(&str, Vec<&str>)> {
        let mut out = Vec::new();
        for group in &self.groups {
            for phrase in group.iter().filter(|e| e.contains(' ')) {
                let parts: Vec<String> = phrase.split(' ').map(analyze::stem).collect();
                let said = said_in(words, &parts);
                if said {
                    let others = group.iter().filter(|e| *e != phrase).map(String::as_str).collect();
                    out.push((phrase.as_str(), others));
                }
            }
        }
        out
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// Whether `parts` (stems) are said in `words` in order, each as the start of a word, with
/// at most two other words between two of them ("går nervesmerter væk" says "gå væk").
fn said_in(words: &[String], parts: &[String]) -> bool {
    let Some((first, rest)) = parts.split_first() else { return false };
    (0..words.len()).filter(|&i| words[i].starts_with(first.as_str())).any(|start| {
        let mut at = start;
        rest.iter().all(|p| {
            match (at + 1..(at + 4).min(words.len())).find(|&j| words[j].starts_with(p.as_str())) {
                Some(j) => {
                    at = j;
                    true
                }
                None => false,
            }
        })
    })
}

/// One word or phrase of a group, as text.
fn entry(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The 1-based line of the first place `needle` is written in `text`.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.find(needle).map(|at| text[..at].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_read_and_each_word_finds_the_others() {
        let (s, problems) = Synonyms::parse(
            "groups:\n  - [lænd, ryg, lumbago, hekseskud]\n  - [læge, egen læge, lægevagt]\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.len(), 2);
        assert_eq!(s.of_stem(&analyze::stem("lumbago")), ["laend", "ryg", "hekseskud"]);
        assert_eq!(s.of_stem(&analyze::stem(&fold("lægen"))), ["egen laege", "laegevagt"]);
        assert!(s.of_stem("knae").is_empty());
        assert_eq!(s.of_stem("lumbagos"), ["laend", "ryg", "hekseskud"], "a longer form");
        let said = s.phrases_in(&["min".into(), "egen".into(), "laeges".into()]);
        assert_eq!(said, [("egen laege", vec!["laege", "laegevagt"])]);
    }

    #[test]
    fn every_problem_an_editor_can_make_is_reported_with_its_line() {
        let text = "grupper: 1\ngroups:\n  - []\n  - [ryg, lænd]\n  - [ryg, rygsøjle]\n  - [alene]\n";
        let problems = check_synonyms(text);
        let said: Vec<(Option<usize>, &str)> =
            problems.iter().map(|p| (p.line, p.message.as_str())).collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(said[0].1.contains("grupper") && said[0].0 == Some(1), "{said:?}");
        assert!(said[1].1.contains("group 1"), "{said:?}");
        assert!(said[2].1.contains("ryg") && said[2].1.contains("groups 2 and 3"), "{said:?}");
        assert!(said[3].1.contains("group 4"), "{said:?}");
        assert!(problems.iter().all(|p| !p.fatal));
    }

    #[test]
    fn broken_yaml_is_one_fatal_problem_naming_its_place() {
        let problems = check_synonyms("groups:\n  - [ryg, lænd\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].fatal && problems[0].message.contains("line"), "{problems:?}");
        assert!(check_synonyms("- just a list\n")[0].fatal);
        assert!(check_synonyms("").is_empty());
    }

    #[test]
    fn a_hundred_thousand_word_group_is_reported_and_left_out() {
        let words: Vec<String> = (0..100_000).map(|i| format!("ord{i}")).collect();
        let text = format!("groups:\n  - [{}]\n  - [ryg, lænd]\n", words.join(", "));
        let (s, problems) = Synonyms::parse(&text);
        assert_eq!(s.len(), 1, "the sound group is kept");
        assert!(problems.iter().any(|p| p.message.contains("100000")), "{problems:?}");
    }

    #[test]
    fn a_folders_file_adds_its_groups_to_the_bundled_ones() {
        let (mut s, _) = Synonyms::parse("groups:\n  - [ryg, lænd]\n");
        s.merge(Synonyms::parse("groups:\n  - [ryg, rygrad]\n").0);
        assert_eq!(s.of_stem("ryg"), ["laend", "rygrad"]);
    }
}
