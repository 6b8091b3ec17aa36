//! What lookup says: synonym files, queries and answers.

/// A synonym file that is not a mapping with `groups:`.
pub const SYNONYMS_NOT_A_MAP: &str = "the synonym file must be a mapping with a `groups:` list";
/// A `groups:` that is not a list.
pub const SYNONYMS_NOT_A_LIST: &str = "`groups:` must be a list of groups, such as `- [ryg, lænd]`";

/// A synonym file that is not YAML.
pub fn synonyms_not_yaml(error: &str) -> String {
    format!("the synonym file is not valid YAML: {}", error.replace('\n', " "))
}

/// A key the synonym file does not know.
pub fn synonyms_unknown_key(key: &str) -> String {
    format!("unknown key `{key}` (only `groups` is read)")
}

/// A group with fewer than two words.
pub fn synonyms_empty_group(n: usize) -> String {
    format!("group {n} needs at least two words to be synonyms")
}

/// A word in two groups.
pub fn synonyms_twice(word: &str, first: usize, second: usize) -> String {
    format!("“{word}” is in groups {first} and {second}: put it in one group")
}

/// A group too long to be read.
pub fn synonyms_group_too_long(n: usize, words: usize, max: usize) -> String {
    format!("group {n} has {words} words (at most {max} are read): it is left out")
}

/// A file with too many groups.
pub fn synonyms_too_many(groups: usize, max: usize) -> String {
    format!("the file has {groups} groups; only the first {max} are read")
}
