//! Warning signs as data editors own: `warning-signs.yaml` beside the articles names the
//! signs a reader may describe (in lay words and clinical ones) and the level of care each
//! needs. Lookup sends a question that names one to the "when to seek help" section and
//! shows the level first; `artikel check` finds the signs an article names and the level of
//! care it gives them. One file, one parser, for both.
//!
//! ```yaml
//! signs:
//!   - id: saddle-numbness
//!     level: akut                       # 112 | akut | samme-dag | dage
//!     da: følelsesløshed i skridtet     # the sign's name, Danish and English
//!     en: numbness in the saddle area
//!     articles: [laendesmerter]         # where it belongs (optional)
//!     says:                             # ways to say it: every word of one line, in any order
//!       - følelsesløs =skridtet         # a word is the start of a word; =word the whole word,
//!                                       # ~part a part of one (~kræft in "brystkræft")
//!       - ridebukse|sadel følelsesløs   # a|b: either
//!     unless: [mindre uheld]            # optional, check only: a milder case (see Sign::named_in)
//!     source: Sundhedsstyrelsen, NKR lænderygsmerter (2016)
//!     advice_da: …                      # optional, both or neither: what to do, when it is
//!     advice_en: …                      # not what the level says (a crisis line)
//! ```
//! Words are compared without Danish letters (see
//! [`crate::words::skeleton::skeleton`]), so `folelseslos` says "følelsesløs"; a word of three
//! letters or fewer must be the whole word (`øm` is not the start of "om"). A folder's own
//! file adds signs, and replaces a bundled sign of the same id.

use crate::strings;
use crate::words::line_of;
use crate::words::skeleton::{says, says_roughly, skeleton};
use std::collections::HashMap;

mod words;
pub(crate) use words::{Token, TokenWay, Tokens};
pub use words::{Words, question_words, way_said, words_of};

/// The most signs read from one file.
pub const MAX_SIGNS: usize = 1_000;
/// The most ways to say one sign.
pub const MAX_SAYS: usize = 100;

pub use crate::care::Level;

impl Level {
    /// What a level of care asks the reader to do, said first above an answer about a sign.
    pub fn care(self) -> String {
        match (strings::lang(), self) {
            (strings::Lang::En, Level::Call112) => "Call 112 now".into(),
            (strings::Lang::En, Level::Now) => "Get help right away: the emergency department through the out-of-hours line (1813 in the Capital Region), or your doctor at once".into(),
            (strings::Lang::En, Level::SameDay) => "Contact your own doctor the same day (outside opening hours: the out-of-hours doctor)".into(),
            (strings::Lang::En, Level::Days) => "Book a time with your own doctor within a few days".into(),
            (strings::Lang::Da, Level::Call112) => "Ring 112 nu".into(),
            (strings::Lang::Da, Level::Now) => "Søg hjælp med det samme: skadestuen via lægevagten (i Region Hovedstaden 1813), eller egen læge straks".into(),
            (strings::Lang::Da, Level::SameDay) => "Kontakt egen læge samme dag (uden for åbningstid lægevagten)".into(),
            (strings::Lang::Da, Level::Days) => "Bestil tid hos egen læge inden for få dage".into(),
        }
    }
}

impl Level {
    /// Every level, most urgent first.
    pub const ALL: [Level; 4] = [Level::Call112, Level::Now, Level::SameDay, Level::Days];

    /// The level as the file writes it.
    pub fn code(self) -> &'static str {
        match self {
            Level::Call112 => "112",
            Level::Now => "akut",
            Level::SameDay => "samme-dag",
            Level::Days => "dage",
        }
    }

    /// The level a file's word means.
    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code.trim())
    }
}

/// One warning sign.
#[derive(Debug, Clone, PartialEq)]
pub struct Sign {
    /// Its id, unique in the table.
    pub id: String,
    /// The care it needs.
    pub level: Level,
    /// Its name in Danish.
    pub da: String,
    /// Its name in English.
    pub en: String,
    /// The slugs of the articles it belongs to (may be empty: any).
    pub articles: Vec<String>,
    /// Ways to say it: each a list of words, each word a list of alternatives (skeletons;
    /// a leading `=` means the whole word).
    says: Vec<Vec<Vec<String>>>,
    /// Ways of saying it that mean a milder case: `check` does not count the sign in a
    /// paragraph that also says one of these (lookup does not read them).
    unless: Vec<Vec<Vec<String>>>,
    /// Where its level of care comes from.
    pub source: String,
    /// What to do, in Danish and English, when it is not what its level of care says
    /// (a crisis line's number).
    pub advice: Option<(String, String)>,
}

impl Sign {
    /// Whether `words` (skeletons, see [`words_of`]) say this sign: every word of one of
    /// its ways, in any order (a long word with one letter off counts).
    pub fn said_by(&self, words: &Words) -> bool {
        let said = |t: &String| {
            words.one.iter().chain(&words.joined).any(|w| says(w, t))
                || words.one.iter().any(|w| says_roughly(w, t))
        };
        self.says.iter().any(|way| way.iter().all(|alts| alts.iter().any(said)))
    }

    /// Whether an article's `words` name this sign: one of its ways exactly (no letter off),
    /// and none of the milder cases its `unless` names.
    pub fn named_in(&self, words: &Words) -> bool {
        self.says.iter().any(|w| way_said(w, words)) && !self.unless.iter().any(|w| way_said(w, words))
    }

    /// What to do, in the language in force: its own advice, else its level of care's.
    pub fn what_to_do(&self) -> String {
        match (&self.advice, strings::lang()) {
            (Some((da, _)), strings::Lang::Da) => da.clone(),
            (Some((_, en)), strings::Lang::En) => en.clone(),
            (None, _) => self.level.care(),
        }
    }

    /// Its name in the language in force.
    pub fn name(&self) -> &str {
        match strings::lang() {
            strings::Lang::Da => &self.da,
            strings::Lang::En => &self.en,
        }
    }
}

/// Something wrong with a warning-sign file, for `artikel check` and the warnings list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignProblem {
    /// The 1-based line it is on, when known.
    pub line: Option<usize>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Whether nothing of the file could be used.
    pub fatal: bool,
}

/// The warning signs of a library.
#[derive(Debug, Clone, Default)]
pub struct Signs {
    signs: Vec<Sign>,
    /// The named word classes (`words:`) a way may use as `$name`: each its alternatives,
    /// as written.
    classes: HashMap<String, Vec<String>>,
    /// The signs by the first letters of the first word of each of their ways, for `check`,
    /// which looks for every sign in every paragraph: built when first asked.
    index: std::sync::OnceLock<Index>,
}

/// Signs by the first two letters of the first word of a way; the signs whose first word is
/// a part of a word (`~`) are always looked at.
#[derive(Debug, Clone, Default)]
struct Index {
    by_start: HashMap<String, Vec<usize>>,
    always: Vec<usize>,
    /// The tokens of every sign's ways, and each sign's `says` and `unless` written with them.
    tokens: Tokens,
    says: Vec<Vec<TokenWay>>,
    unless: Vec<Vec<TokenWay>>,
}

impl Index {
    /// Whether sign `i` is named, given the tokens said ([`Tokens::said`]): [`Sign::named_in`].
    fn names(&self, i: usize, said: &[bool], words: &Words) -> bool {
        let way = |w: &TokenWay| Tokens::way_said(w, said, words);
        self.says[i].iter().any(way) && !self.unless[i].iter().any(way)
    }
}

/// The key a word or a way's first word is indexed by.
fn start_of(word: &str) -> String {
    word.chars().take(2).collect()
}

/// Checks the text of a warning-sign file: what `artikel check` reports.
pub fn check_signs(text: &str) -> Vec<SignProblem> {
    Signs::parse(text).1
}

impl Signs {
    /// Reads a warning-sign file. What can be used is kept; every problem is listed.
    pub fn parse(text: &str) -> (Signs, Vec<SignProblem>) {
        let mut problems = Vec::new();
        let mut out = Signs::default();
        if text.trim().is_empty() {
            return (out, problems);
        }
        let fatal = |message: String| SignProblem { line: None, message, fatal: true };
        let value: serde_json::Value = match serde_saphyr::from_str(text) {
            Ok(v) => v,
            Err(e) => return (out, vec![fatal(strings::signs_not_yaml(&e.to_string()))]),
        };
        let Some(list) = value.as_object().and_then(|m| m.get("signs")).and_then(|s| s.as_array()) else {
            return (out, vec![fatal(strings::SIGNS_NOT_A_LIST.to_string())]);
        };
        let mut classes = bundled_classes().clone();
        if let Some(words) = value.as_object().and_then(|m| m.get("words")) {
            match classes_of(words) {
                Some(own) => classes.extend(own),
                None => problems.push(SignProblem {
                    line: line_of(text, "words:"),
                    message: strings::SIGNS_WORDS_NOT_A_MAP.to_string(),
                    fatal: false,
                }),
            }
        }
        if let Some(map) = value.as_object() {
            for key in map.keys().filter(|k| *k != "signs" && *k != "words") {
                let line = line_of(text, &format!("{key}:"));
                problems.push(SignProblem { line, message: strings::signs_unknown_key(key), fatal: false });
            }
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, item) in list.iter().enumerate().take(MAX_SIGNS) {
            let field = |key: &str| item.get(key).and_then(text_of).unwrap_or_default();
            let id = field("id");
            let line = if id.is_empty() { None } else { line_of(text, &format!("id: {id}")) };
            let mut problem = |message: String| problems.push(SignProblem { line, message, fatal: false });
            let name = if id.is_empty() { format!("#{}", n + 1) } else { id.clone() };
            if id.is_empty() {
                problem(strings::sign_missing(&name, "id"));
                continue;
            }
            let Some(level) = Level::from_code(&field("level")) else {
                problem(strings::sign_bad_level(&name, &field("level")));
                continue;
            };
            let (da, en, source) = (field("da"), field("en"), field("source"));
            for (key, value) in [("da", &da), ("en", &en), ("source", &source)] {
                if value.trim().is_empty() {
                    problem(strings::sign_missing(&name, key));
                }
            }
            let ways_of = |key: &str, problem: &mut dyn FnMut(String)| -> Vec<Vec<Vec<String>>> {
                let written: Vec<String> = item
                    .get(key)
                    .and_then(|s| s.as_array())
                    .map(|ways| ways.iter().filter_map(text_of).take(MAX_SAYS).collect())
                    .unwrap_or_default();
                written
                    .iter()
                    .map(|w| {
                        way_with(w, &classes).unwrap_or_else(|class| {
                            problem(strings::sign_unknown_class(&name, &class));
                            Vec::new()
                        })
                    })
                    .collect()
            };
            let says = ways_of("says", &mut problem);
            let says: Vec<_> = says.into_iter().filter(|w: &Vec<Vec<String>>| !w.is_empty()).collect();
            if says.is_empty() {
                problem(strings::sign_missing(&name, "says"));
                continue;
            }
            if let Some(first) = seen.insert(id.clone(), n) {
                problem(strings::sign_twice(&id, first + 1, n + 1));
                continue;
            }
            let articles = item
                .get("articles")
                .and_then(|a| a.as_array())
                .map(|a| a.iter().filter_map(text_of).collect())
                .unwrap_or_default();
            let advice = match (field("advice_da"), field("advice_en")) {
                (da, en) if !da.trim().is_empty() && !en.trim().is_empty() => Some((da, en)),
                (da, en) if da.trim().is_empty() && en.trim().is_empty() => None,
                _ => {
                    problem(strings::sign_missing(&name, "advice_da/advice_en"));
                    None
                }
            };
            let unless: Vec<_> =
                ways_of("unless", &mut problem).into_iter().filter(|w| !w.is_empty()).collect();
            out.signs.push(Sign { id, level, da, en, articles, says, unless, source, advice });
        }
        if list.len() > MAX_SIGNS {
            problems.push(SignProblem {
                line: None,
                message: strings::signs_too_many(list.len(), MAX_SIGNS),
                fatal: false,
            });
        }
        out.classes = classes;
        (out, problems)
    }

    /// The signs an article's `words` name (see [`Sign::named_in`]), in table order: each
    /// sign whose ways could start with one of the words is tried, not every sign.
    pub fn named_in(&self, words: &Words) -> Vec<&Sign> {
        let index = self.index();
        let mut tried: Vec<usize> = index.always.clone();
        for w in words.one.iter().chain(&words.joined) {
            // The key's letters, looked up without making a string of them.
            let end = w.char_indices().nth(2).map_or(w.len(), |(i, _)| i);
            if let Some(signs) = index.by_start.get(&w[..end]) {
                tried.extend(signs);
            }
        }
        tried.sort_unstable();
        tried.dedup();
        let said = index.tokens.said(words);
        tried.into_iter().filter(|&i| index.names(i, &said, words)).map(|i| &self.signs[i]).collect()
    }

    /// For each sign (in the order of [`Signs::iter`]), whether `words` name it, as
    /// [`Sign::named_in`] says: the words are walked once for all the signs.
    pub fn named_each(&self, words: &Words) -> Vec<bool> {
        let index = self.index();
        let said = index.tokens.said(words);
        (0..self.signs.len()).map(|i| index.names(i, &said, words)).collect()
    }

    /// The index, made when first asked.
    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut index = Index::default();
            for (i, sign) in self.signs.iter().enumerate() {
                for first in sign.says.iter().filter_map(|way| way.first()) {
                    for alt in first {
                        match alt.strip_prefix('~') {
                            Some(_) => index.always.push(i),
                            None => index
                                .by_start
                                .entry(start_of(alt.trim_start_matches('=')))
                                .or_default()
                                .push(i),
                        }
                    }
                }
            }
            let ways: Vec<&[Vec<Vec<String>>]> =
                self.signs.iter().flat_map(|s| [s.says.as_slice(), s.unless.as_slice()]).collect();
            let (tokens, written) = Tokens::of(&ways);
            let mut written = written.into_iter();
            while let (Some(says), Some(unless)) = (written.next(), written.next()) {
                index.says.push(says);
                index.unless.push(unless);
            }
            index.tokens = tokens;
            index
        })
    }

    /// Adds the signs of `other` (a folder's own file): one with the id of a sign here
    /// replaces it.
    pub fn merge(&mut self, other: Signs) {
        self.index = std::sync::OnceLock::new();
        self.classes.extend(other.classes);
        for sign in other.signs {
            match self.signs.iter_mut().find(|s| s.id == sign.id) {
                Some(old) => *old = sign,
                None => self.signs.push(sign),
            }
        }
    }

    /// Every sign.
    pub fn iter(&self) -> impl Iterator<Item = &Sign> {
        self.signs.iter()
    }

    /// How many signs there are.
    pub fn len(&self) -> usize {
        self.signs.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.signs.is_empty()
    }

    /// The signs `words` (see [`words_of`]) say, most urgent first.
    pub fn said_by(&self, words: &Words) -> Vec<&Sign> {
        let mut out: Vec<&Sign> = self.signs.iter().filter(|s| s.said_by(words)).collect();
        out.sort_by_key(|s| s.level);
        out
    }
}

/// One way to say a sign, as words of alternatives (skeletons).
pub fn way(text: &str) -> Vec<Vec<String>> {
    way_with(text, bundled_classes()).unwrap_or_default()
}

/// One way to say a sign, its `$name` alternatives replaced by the words of that class of
/// `classes`; the name of a class it uses that `classes` lacks is the error.
fn way_with(text: &str, classes: &HashMap<String, Vec<String>>) -> Result<Vec<Vec<String>>, String> {
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let mut alts: Vec<&str> = Vec::new();
        for a in word.split('|').filter(|a| !a.is_empty()) {
            match a.strip_prefix('$') {
                Some(class) => alts
                    .extend(classes.get(class).ok_or_else(|| class.to_string())?.iter().map(String::as_str)),
                None => alts.push(a),
            }
        }
        words.push(alts);
    }
    Ok(words
        .into_iter()
        .map(|alts| {
            alts.into_iter()
                .map(|a| match (a.strip_prefix('='), a.strip_prefix('~')) {
                    (Some(whole), _) => format!("={}", skeleton(whole)),
                    (_, Some(part)) => format!("~{}", skeleton(part)),
                    _ => skeleton(a),
                })
                .filter(|a| a.trim_start_matches(['=', '~']).len() >= 2)
                .collect::<Vec<_>>()
        })
        .filter(|alts| !alts.is_empty())
        .collect())
}

/// A file's `words:`: each class's name and its alternatives (a string of words split by
/// `|` or spaces, or a list of them); `None` when it is not such a map.
fn classes_of(value: &serde_json::Value) -> Option<HashMap<String, Vec<String>>> {
    let map = value.as_object()?;
    let mut out = HashMap::new();
    for (name, v) in map {
        let written: Vec<String> = match v {
            serde_json::Value::Array(list) => list.iter().filter_map(text_of).collect(),
            other => vec![text_of(other)?],
        };
        let alts = written
            .iter()
            .flat_map(|w| w.split(['|', ' ', '\t']))
            .filter(|a| !a.is_empty() && !a.starts_with('$'));
        out.insert(name.clone(), alts.map(str::to_string).collect());
    }
    Some(out)
}

/// The bundled table's word classes: a folder's own table may use them too.
fn bundled_classes() -> &'static HashMap<String, Vec<String>> {
    static CLASSES: std::sync::OnceLock<HashMap<String, Vec<String>>> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        serde_saphyr::from_str::<serde_json::Value>(include_str!("../articles/warning-signs.yaml"))
            .ok()
            .and_then(|v| v.get("words").and_then(classes_of))
            .unwrap_or_default()
    })
}

/// A YAML scalar as text.
fn text_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
