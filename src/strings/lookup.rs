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
        Lang::En => format!("unknown key `{key}` (only `groups`, `expand`, `topics` and `remove` are read)"),
        Lang::Da => format!("ukendt nøgle `{key}` (kun `groups`, `expand`, `topics` og `remove` læses)"),
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

/// An `expand:` or `topics:` entry with no words, or too many.
pub fn synonyms_bad_entry(key: &str, word: &str) -> String {
    match lang() {
        Lang::En => format!("`{key}`: “{word}” needs a list of one to 200 words, such as `{word}: [ryg]`"),
        Lang::Da => format!("`{key}`: “{word}” skal have en liste med ét til 200 ord, fx `{word}: [ryg]`"),
    }
}

/// An `expand:` or `topics:` that is not a mapping.
pub fn synonyms_not_a_map(key: &str) -> String {
    match lang() {
        Lang::En => format!("`{key}:` must be a mapping of a word to a list, such as `hekseskud: [lumbago]`"),
        Lang::Da => {
            format!("`{key}:` skal være en mapping fra et ord til en liste, fx `hekseskud: [lumbago]`")
        }
    }
}

/// A `remove:` that is not a list.
pub fn synonyms_not_a_list(key: &str) -> String {
    match lang() {
        Lang::En => format!("`{key}:` must be a list of words, such as `[gigt]`"),
        Lang::Da => format!("`{key}:` skal være en liste af ord, fx `[gigt]`"),
    }
}

/// A warning-sign file without a `signs:` list.
pub const SIGNS_NOT_A_LIST: Phrase = Phrase::new(
    "the warning-sign file must be a mapping with a `signs:` list",
    "filen med advarselstegn skal være en mapping med en `signs:`-liste",
);

/// A warning-sign file that is not YAML.
pub fn signs_not_yaml(error: &str) -> String {
    let error = error.replace('\n', " ");
    match lang() {
        Lang::En => format!("the warning-sign file is not valid YAML: {error}"),
        Lang::Da => format!("filen med advarselstegn er ikke gyldig YAML: {error}"),
    }
}

/// A key the warning-sign file does not know.
pub fn signs_unknown_key(key: &str) -> String {
    match lang() {
        Lang::En => format!("unknown key `{key}` (only `signs` is read)"),
        Lang::Da => format!("ukendt nøgle `{key}` (kun `signs` læses)"),
    }
}

/// A sign without something it must have.
pub fn sign_missing(sign: &str, key: &str) -> String {
    match lang() {
        Lang::En => format!("sign {sign} has no `{key}`"),
        Lang::Da => format!("tegnet {sign} mangler `{key}`"),
    }
}

/// A sign whose level of care is not one of the four.
pub fn sign_bad_level(sign: &str, level: &str) -> String {
    match lang() {
        Lang::En => format!("sign {sign}: level “{level}” is not 112, akut, samme-dag or dage"),
        Lang::Da => format!("tegnet {sign}: niveauet “{level}” er ikke 112, akut, samme-dag eller dage"),
    }
}

/// Two signs with one id.
pub fn sign_twice(id: &str, first: usize, second: usize) -> String {
    match lang() {
        Lang::En => format!("the id {id} is used twice (signs {first} and {second}): the second is left out"),
        Lang::Da => format!("id'et {id} bruges to gange (tegn {first} og {second}): det andet udelades"),
    }
}

/// A file with too many signs.
pub fn signs_too_many(signs: usize, max: usize) -> String {
    match lang() {
        Lang::En => format!("the file has {signs} signs; only the first {max} are read"),
        Lang::Da => format!("filen har {signs} tegn; kun de første {max} læses"),
    }
}

/// What a level of care asks the reader to do, said first above an answer about a sign.
pub fn care_level(level: crate::signs::Level) -> String {
    use crate::signs::Level;
    match (lang(), level) {
        (Lang::En, Level::Call112) => "Call 112 now".into(),
        (Lang::En, Level::Now) => "Get help right away: the emergency department through the out-of-hours line (1813 in the Capital Region), or your doctor at once".into(),
        (Lang::En, Level::SameDay) => "Contact your own doctor the same day (outside opening hours: the out-of-hours doctor)".into(),
        (Lang::En, Level::Days) => "Book a time with your own doctor within a few days".into(),
        (Lang::Da, Level::Call112) => "Ring 112 nu".into(),
        (Lang::Da, Level::Now) => "Søg hjælp med det samme: skadestuen via lægevagten (i Region Hovedstaden 1813), eller egen læge straks".into(),
        (Lang::Da, Level::SameDay) => "Kontakt egen læge samme dag (uden for åbningstid lægevagten)".into(),
        (Lang::Da, Level::Days) => "Bestil tid hos egen læge inden for få dage".into(),
    }
}

/// The first line of an answer to a question that names a warning sign.
pub fn warning_sign_first(level: crate::signs::Level, sign: &str) -> String {
    match lang() {
        Lang::En => format!("⚠ {} — {sign}", care_level(level)),
        Lang::Da => format!("⚠ {} — {sign}", care_level(level)),
    }
}
