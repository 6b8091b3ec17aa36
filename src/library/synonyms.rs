//! Synonym groups as data editors own: `synonyms.yaml` beside the articles, read, checked
//! and merged (the bundled file, then each `--articles` folder's own).
//!
//! ```yaml
//! groups:                 # words that mean the same: each is looked for as the others
//!   - [lænd, lænderyg, lumbago]
//! expand:                 # one way: a lay word is also looked for as the terms it narrows to
//!   hekseskud: [lumbago, lænd]
//!   frozen shoulder: [frossen skulder]
//! topics:                 # the body parts and conditions an article is about (step 1)
//!   knaesmerter: [knæ, menisk, korsbånd]
//! remove: [gigt]          # a folder's file: drop the bundled groups with these words
//! ```
//! A query word that has the stem of a word in a group is also looked for as every other
//! word of the group (a phrase such as "egen læge" as written); a word with an `expand`
//! entry is also looked for as its terms, but not the other way round. A folder's group
//! that shares a word with a bundled group replaces it.

use crate::strings;
use crate::words::analyze::{self, words};
use crate::words::fold::fold;
pub use crate::words::line_of;
use std::collections::{BTreeMap, HashMap};

/// The largest group read; a longer one is reported and left out.
pub const MAX_GROUP: usize = 200;
/// The most groups read from one file.
pub const MAX_GROUPS: usize = 5_000;

/// The keys a synonym file may have.
const KEYS: &[&str] = &["groups", "expand", "topics", "remove"];

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
    /// One-way expansions: a lay word or phrase (folded) → the terms it is also looked for
    /// as (folded).
    expand: BTreeMap<String, Vec<String>>,
    /// The stem of each one-word expanded word → its key in `expand`.
    expand_stems: HashMap<String, String>,
    /// Each article's topic words, by slug (as written).
    topics: BTreeMap<String, Vec<String>>,
    /// Words (folded) whose groups in a file read before this one are dropped.
    remove: Vec<String>,
    /// Each phrase's words as stems (made once: a query looks for every phrase).
    phrase_stems: HashMap<String, Vec<String>>,
}

/// Checks the text of a synonym file: what `artikel check` reports.
pub fn check_synonyms(text: &str) -> Vec<SynonymProblem> {
    Synonyms::parse(text).1
}

/// `entry` folded, its words joined by single spaces.
fn folded_entry(entry: &str) -> String {
    words(&fold(entry)).collect::<Vec<_>>().join(" ")
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
        for key in map.keys().filter(|k| !KEYS.contains(&k.as_str())) {
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
            let entries = list(group);
            let first = entries.first().map(String::as_str).unwrap_or("");
            let line = if first.is_empty() { None } else { line_of(text, first) };
            let problem = |message: String| SynonymProblem { line, message, fatal: false };
            if entries.len() > MAX_GROUP {
                problems.push(problem(strings::synonyms_group_too_long(n + 1, entries.len(), MAX_GROUP)));
                continue;
            }
            let folded: Vec<String> = entries.iter().map(|e| folded_entry(e)).collect();
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
        for (key, what) in [("expand", Mapping::Expand), ("topics", Mapping::Topics)] {
            match map.get(key) {
                Some(serde_json::Value::Object(entries)) => {
                    for (from, to) in entries.iter().take(MAX_GROUPS) {
                        let terms = list(to);
                        let line = line_of(text, &format!("{from}:"));
                        if terms.is_empty() || terms.len() > MAX_GROUP {
                            let message = strings::synonyms_bad_entry(key, from);
                            problems.push(SynonymProblem { line, message, fatal: false });
                            continue;
                        }
                        match what {
                            Mapping::Expand => synonyms.add_expansion(&folded_entry(from), &terms),
                            Mapping::Topics => {
                                synonyms.topics.insert(from.clone(), terms);
                            }
                        }
                    }
                }
                Some(serde_json::Value::Null) | None => {}
                Some(_) => {
                    let line = line_of(text, &format!("{key}:"));
                    problems.push(SynonymProblem {
                        line,
                        message: strings::synonyms_not_a_map(key),
                        fatal: false,
                    });
                }
            }
        }
        match map.get("remove") {
            Some(v @ serde_json::Value::Array(_)) => {
                synonyms.remove = list(v).iter().map(|e| folded_entry(e)).filter(|e| !e.is_empty()).collect();
            }
            Some(serde_json::Value::Null) | None => {}
            Some(_) => {
                let line = line_of(text, "remove:");
                problems.push(SynonymProblem {
                    line,
                    message: strings::synonyms_not_a_list("remove"),
                    fatal: false,
                });
            }
        }
        (synonyms, problems)
    }

    /// Keeps the stems of `phrase`'s words, for [`Synonyms::phrases_in`].
    fn stem_phrase(&mut self, phrase: &str) {
        if phrase.contains(' ') && !self.phrase_stems.contains_key(phrase) {
            self.phrase_stems.insert(phrase.to_string(), phrase.split(' ').map(analyze::stem).collect());
        }
    }

    fn add(&mut self, group: Vec<String>) {
        group.iter().for_each(|e| self.stem_phrase(e));
        let g = u32::try_from(self.groups.len()).unwrap_or(u32::MAX);
        for word in group.iter().filter(|w| !w.contains(' ')) {
            let list = self.by_stem.entry(analyze::stem(word)).or_default();
            if !list.contains(&g) {
                list.push(g);
            }
        }
        self.groups.push(group);
    }

    fn add_expansion(&mut self, from: &str, terms: &[String]) {
        if from.is_empty() {
            return;
        }
        let terms: Vec<String> = terms.iter().map(|t| folded_entry(t)).filter(|t| !t.is_empty()).collect();
        if !from.contains(' ') {
            self.expand_stems.insert(analyze::stem(from), from.to_string());
        }
        self.stem_phrase(from);
        self.expand.insert(from.to_string(), terms);
    }

    /// Adds what `other` (a folder's own file, after the bundled one) says: its `remove`
    /// drops the groups with those words, its groups replace those they share a word with,
    /// its expansions and topics replace those of the same word or article.
    pub fn merge(&mut self, other: Synonyms) {
        let dropped = |group: &Vec<String>| {
            group.iter().any(|w| other.remove.contains(w) || other.groups.iter().any(|g| g.contains(w)))
        };
        let kept: Vec<Vec<String>> =
            std::mem::take(&mut self.groups).into_iter().filter(|g| !dropped(g)).collect();
        self.by_stem.clear();
        for group in kept.into_iter().chain(other.groups) {
            self.add(group);
        }
        for word in &other.remove {
            if self.expand.remove(word).is_some() {
                self.expand_stems.retain(|_, v| v != word);
            }
        }
        for (from, terms) in other.expand {
            self.add_expansion(&from, &terms);
        }
        self.topics.extend(other.topics);
    }

    /// The words and phrases (folded) that mean the same as the word whose stem is `stem`,
    /// not counting entries with that stem, then the terms it expands to (one way).
    /// A stem that is not in a group may be a longer form of one that is
    /// ("neuropatisk" of "neuropati"): up to three more letters after five of a group word.
    pub fn of_stem(&self, stem: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let longer_form = |known: &dyn Fn(&str) -> bool| {
            (0..=3.min(stem.len().saturating_sub(5)))
                .map(|less| &stem[..stem.len() - less])
                .filter(|k| stem.is_char_boundary(k.len()))
                .find(|k| known(k))
                .unwrap_or(stem)
        };
        let key = longer_form(&|k| self.by_stem.contains_key(k));
        for &g in self.by_stem.get(key).into_iter().flatten() {
            for entry in &self.groups[g as usize] {
                if !out.contains(&entry.as_str()) && (entry.contains(' ') || analyze::stem(entry) != key) {
                    out.push(entry);
                }
            }
        }
        let key = longer_form(&|k| self.expand_stems.contains_key(k));
        if let Some(from) = self.expand_stems.get(key) {
            for term in self.expand.get(from).into_iter().flatten() {
                if !out.contains(&term.as_str()) && analyze::stem(term) != key {
                    out.push(term);
                }
            }
        }
        out
    }

    /// The groups with a phrase that `words` (a query's folded words) say, word by word
    /// (each word of the phrase as the start of a query word): for each, the phrase and the
    /// group's other words and phrases; and the expanded phrases said, with their terms.
    pub fn phrases_in(&self, words: &[String]) -> Vec<(&str, Vec<&str>)> {
        let mut out = Vec::new();
        for group in &self.groups {
            for phrase in group.iter().filter(|e| e.contains(' ')) {
                if self.phrase_stems.get(phrase).is_some_and(|parts| said_in(words, parts)) {
                    let others = group.iter().filter(|e| *e != phrase).map(String::as_str).collect();
                    out.push((phrase.as_str(), others));
                }
            }
        }
        for (phrase, terms) in self.expand.iter().filter(|(from, _)| from.contains(' ')) {
            if self.phrase_stems.get(phrase).is_some_and(|parts| said_in(words, parts)) {
                out.push((phrase.as_str(), terms.iter().map(String::as_str).collect()));
            }
        }
        out
    }

    /// Whether `stem` is a word of a group or an expanded word: the vocabulary a compound
    /// may be split against beside the library's own words.
    pub fn knows(&self, stem: &str) -> bool {
        self.by_stem.contains_key(stem) || self.expand_stems.contains_key(stem)
    }

    /// The topic words editors gave the article `slug`.
    pub fn topics_of(&self, slug: &str) -> &[String] {
        self.topics.get(slug).map_or(&[], Vec::as_slice)
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.expand.is_empty() && self.topics.is_empty()
    }
}

/// The two mappings a synonym file may have.
#[derive(Clone, Copy)]
enum Mapping {
    Expand,
    Topics,
}

/// A YAML value as a list of entries: a list's items, or one entry.
fn list(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::Array(items) => items.iter().filter_map(entry).collect(),
        serde_json::Value::Null => Vec::new(),
        other => entry(other).into_iter().collect(),
    }
}

/// Whether `parts` (stems) are said in `words` in order, each as the start of a word, with
/// at most one other word between two of them ("går nervesmerter væk" says "gå væk"; "hovedet
/// og nu gør nakken ondt" does not say "hovedet gør ondt").
pub fn said_in(words: &[String], parts: &[String]) -> bool {
    let Some((first, rest)) = parts.split_first() else { return false };
    (0..words.len()).filter(|&i| words[i].starts_with(first.as_str())).any(|start| {
        let mut at = start;
        rest.iter().all(|p| {
            match (at + 1..(at + 3).min(words.len())).find(|&j| words[j].starts_with(p.as_str())) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_said_with_at_most_one_word_between_its_words() {
        let words = |q: &str| -> Vec<String> { q.split(' ').map(str::to_string).collect() };
        let parts = words("hoved gor ondt");
        assert!(said_in(&words("hovedet gor ondt"), &parts));
        assert!(said_in(&words("hovedet gor virkelig ondt"), &parts));
        assert!(!said_in(&words("hovedet og nu gor nakken ondt"), &parts), "two words between");
        assert!(!said_in(&words("ondt gor hovedet"), &parts), "out of order");
    }

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
    fn a_folders_group_replaces_the_bundled_one_it_shares_a_word_with() {
        let (mut s, _) = Synonyms::parse("groups:\n  - [ryg, lænd]\n  - [pude, hovedpude]\n");
        s.merge(Synonyms::parse("groups:\n  - [ryg, rygrad]\n").0);
        assert_eq!(s.of_stem("ryg"), ["rygrad"]);
        assert!(s.of_stem("laend").is_empty(), "the bundled group is gone");
        assert_eq!(s.of_stem(&analyze::stem("pude")), ["hovedpude"], "the others stay");
    }

    #[test]
    fn a_folders_file_removes_bundled_groups_and_expansions() {
        let (mut s, _) = Synonyms::parse("groups:\n  - [slidgigt, artrose]\nexpand:\n  gigt: [slidgigt]\n");
        assert_eq!(s.of_stem("gigt"), ["slidgigt"]);
        s.merge(Synonyms::parse("remove: [artrose, gigt]\n").0);
        assert!(s.of_stem("artrose").is_empty() && s.of_stem("gigt").is_empty());
    }

    #[test]
    fn an_expansion_goes_one_way_only() {
        let (s, problems) =
            Synonyms::parse("expand:\n  hekseskud: [lumbago, lænd]\n  frozen shoulder: [frossen skulder]\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.of_stem(&analyze::stem("hekseskuddet")), ["lumbago", "laend"]);
        assert!(s.of_stem("lumbago").is_empty(), "the term does not bring the lay word");
        let said = s.phrases_in(&["frozen".into(), "shoulder".into(), "hvor".into()]);
        assert_eq!(said, [("frozen shoulder", vec!["frossen skulder"])]);
    }

    #[test]
    fn topics_are_read_by_slug() {
        let (s, problems) = Synonyms::parse("topics:\n  knaesmerter: [knæ, menisk]\n  tom: []\n");
        assert_eq!(s.topics_of("knaesmerter"), ["knæ", "menisk"]);
        assert_eq!(problems.len(), 1, "an empty entry is reported: {problems:?}");
        assert!(s.topics_of("nakkesmerter").is_empty());
    }
}
