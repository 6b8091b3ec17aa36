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
        Lang::En => format!("unknown key `{key}` (only `words` and `signs` are read)"),
        Lang::Da => format!("ukendt nøgle `{key}` (kun `words` og `signs` læses)"),
    }
}

/// A sign's way uses a class of words the file does not define.
pub fn sign_unknown_class(sign: &str, class: &str) -> String {
    match lang() {
        Lang::En => format!("sign {sign} uses `${class}`, a class of words `words:` does not name"),
        Lang::Da => format!("tegnet {sign} bruger `${class}`, en ordklasse som `words:` ikke nævner"),
    }
}

/// A warning-sign file's `words:` is not a map of names to words.
pub const SIGNS_WORDS_NOT_A_MAP: Phrase = Phrase::new(
    "`words:` must name classes of words: `name: word|word|…`",
    "`words:` skal nævne ordklasser: `navn: ord|ord|…`",
);

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

/// `faq --explain`: the kind of question “when to seek help”.
pub const KIND_SEEK_HELP: Phrase = Phrase::new("when to seek help", "hvornår man skal søge hjælp");
/// `faq --explain`: the kind of question “whether it is dangerous”.
pub const KIND_DANGER: Phrase = Phrase::new("whether it is dangerous", "om det er farligt");
/// `faq --explain`: the kind of question “how long it lasts”.
pub const KIND_COURSE: Phrase = Phrase::new("how long it lasts", "hvor længe det varer");
/// `faq --explain`: the kind of question “causes”.
pub const KIND_CAUSES: Phrase = Phrase::new("causes", "årsager");
/// `faq --explain`: the kind of question “symptoms”.
pub const KIND_SYMPTOMS: Phrase = Phrase::new("symptoms", "symptomer");
/// `faq --explain`: the kind of question “examination”.
pub const KIND_DIAGNOSIS: Phrase = Phrase::new("examination", "undersøgelse");
/// `faq --explain`: the kind of question “treatment”.
pub const KIND_TREATMENT: Phrase = Phrase::new("treatment", "behandling");
/// `faq --explain`: the kind of question “what you can do yourself”.
pub const KIND_SELF_CARE: Phrase = Phrase::new("what you can do yourself", "hvad man selv kan gøre");
/// `faq --explain`: the kind of question “physiotherapy”.
pub const KIND_PHYSIO: Phrase = Phrase::new("physiotherapy", "fysioterapi");
/// `faq --explain`: the kind of question “training”.
pub const KIND_TRAINING: Phrase = Phrase::new("training", "træning");
/// `faq --explain`: the kind of question “prevention”.
pub const KIND_PREVENTION: Phrase = Phrase::new("prevention", "forebyggelse");
/// `faq --explain`: the kind of question “surgery”.
pub const KIND_SURGERY: Phrase = Phrase::new("surgery", "operation");
/// `faq --explain`: the kind of question “sleep and night”.
pub const KIND_SLEEP: Phrase = Phrase::new("sleep and night", "søvn og nat");
/// `faq --explain`: the kind of question “work and screens”.
pub const KIND_WORK: Phrase = Phrase::new("work and screens", "arbejde og skærm");
/// `faq --explain`: the kind of question “who gets it”.
pub const KIND_RISK: Phrase = Phrase::new("who gets it", "hvem der får det");
/// `faq --explain`: the kind of question “what it is”.
pub const KIND_WHAT_IS: Phrase = Phrase::new("what it is", "hvad det er");
/// `faq --explain`: the kind of question “how it differs”.
pub const KIND_DIFFERENCE: Phrase = Phrase::new("how it differs", "forskelle");
/// `faq --explain`: the kind of question “rest”.
pub const KIND_REST: Phrase = Phrase::new("rest", "hvile");

/// `faq --explain`: the heading over why the answer won.
pub const EXPLAIN_TITLE: Phrase = Phrase::new("Why this answer", "Hvorfor dette svar");

/// `faq --explain`: the article the question names, and by which of its words.
pub fn explain_article(title: &str, by: &str) -> String {
    match lang() {
        Lang::En => format!("1. Article: {title}, named by {by}"),
        Lang::Da => format!("1. Artikel: {title}, nævnt med {by}"),
    }
}

/// `faq --explain`: a question that names no article.
pub const EXPLAIN_NO_ARTICLE: Phrase = Phrase::new(
    "1. Article: the question names none, so every article's sections were ranked by their words",
    "1. Artikel: spørgsmålet nævner ingen, så alle artiklers afsnit blev rangeret efter ordene",
);

/// `faq --explain`: the kinds of section the question asks for.
pub fn explain_kinds(kinds: &str) -> String {
    match lang() {
        Lang::En => format!("2. Section: the question asks about {kinds}"),
        Lang::Da => format!("2. Afsnit: spørgsmålet spørger om {kinds}"),
    }
}

/// `faq --explain`: beside a kind of section that questions worded alike asked.
pub const EXPLAIN_LEARNED: Phrase =
    Phrase::new("as questions worded alike asked", "som spørgsmål med de samme ord spurgte");

/// `faq --explain`: a question that asks no kind of question.
pub const EXPLAIN_NO_KIND: Phrase = Phrase::new(
    "2. Section: no kind of question was asked, so the section whose words match best",
    "2. Afsnit: der blev ikke spurgt om noget bestemt, så det afsnit, hvis ord passer bedst",
);

/// `faq --explain`: a warning sign the question names, and the care its level asks for.
pub fn explain_sign(sign: &str, care: &str) -> String {
    match lang() {
        Lang::En => format!("   Warning sign: {sign} ({care}), so “when to seek help” first"),
        Lang::Da => format!("   Advarselstegn: {sign} ({care}), så “hvornår man skal søge hjælp” først"),
    }
}

/// `faq --explain`: the answer chosen and its score.
pub fn explain_answer(heading: &str, score: f32) -> String {
    match lang() {
        Lang::En => format!(
            "3. Answer: “{heading}”, score {score:.2} (the words' BM25 score, the kind of question, the article named)"
        ),
        Lang::Da => format!(
            "3. Svar: “{heading}”, point {score:.2} (ordenes BM25-point, spørgsmålets art, den nævnte artikel)"
        ),
    }
}
