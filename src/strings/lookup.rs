//! What lookup says: synonym files, queries and answers.

use super::{Lang, Phrase, lang};

/// A synonym file that is not a mapping with `groups:`.
pub const SYNONYMS_NOT_A_MAP: Phrase = Phrase::new(
    "the synonym file must be a mapping with a `groups:` list",
    "synonymfilen skal være en mapping med en `groups:`-liste",
);
/// A `groups:` that is not a list.
pub const SYNONYMS_NOT_A_LIST: Phrase = Phrase::new(
    "`groups:` must be a list of groups, such as `- [ryg, lænd]`",
    "`groups:` skal være en liste af grupper, fx `- [ryg, lænd]`",
);

/// A synonym file that is not YAML.
pub fn synonyms_not_yaml(error: &str) -> String {
    let error = error.replace('\n', " ");
    match lang() {
        Lang::En => format!("the synonym file is not valid YAML: {error}"),
        Lang::Da => format!("synonymfilen er ikke gyldig YAML: {error}"),
    }
}

/// A key the synonym file does not know.
pub fn synonyms_unknown_key(key: &str) -> String {
    match lang() {
        Lang::En => format!("unknown key `{key}` (only `groups` is read)"),
        Lang::Da => format!("ukendt nøgle `{key}` (kun `groups` læses)"),
    }
}

/// A group with fewer than two words.
pub fn synonyms_empty_group(n: usize) -> String {
    match lang() {
        Lang::En => format!("group {n} needs at least two words to be synonyms"),
        Lang::Da => format!("gruppe {n} skal have mindst to ord for at være synonymer"),
    }
}

/// A word in two groups.
pub fn synonyms_twice(word: &str, first: usize, second: usize) -> String {
    match lang() {
        Lang::En => format!("“{word}” is in groups {first} and {second}: put it in one group"),
        Lang::Da => format!("“{word}” står i gruppe {first} og {second}: sæt det i én gruppe"),
    }
}

/// A group too long to be read.
pub fn synonyms_group_too_long(n: usize, words: usize, max: usize) -> String {
    match lang() {
        Lang::En => format!("group {n} has {words} words (at most {max} are read): it is left out"),
        Lang::Da => format!("gruppe {n} har {words} ord (højst {max} læses): den udelades"),
    }
}

/// A file with too many groups.
pub fn synonyms_too_many(groups: usize, max: usize) -> String {
    match lang() {
        Lang::En => format!("the file has {groups} groups; only the first {max} are read"),
        Lang::Da => format!("filen har {groups} grupper; kun de første {max} læses"),
    }
}
