//! The first of lookup's two steps: which article a question names. A question about a
//! knee gets the knee article's sections first, however strongly its other words ("how
//! long", "dangerous") would pull towards another article's section of that kind.
//!
//! An article is named by its topic words: the words of its short title (and the first
//! part of a compound ending in a general word, `knæ` of "Knæsmerter"), its slug, its
//! `keywords:` and the topics an editor gives it in `synonyms.yaml`. A question's word
//! names an article when it is one of them, starts with one, or is the start of one
//! (`knæ`, `knæet`, `knæskallen` for "knæsmerter"), through its synonyms (`ryg` names
//! "lændesmerter" when `ryg` and `lænd` share a group) and through two words written apart
//! (`nakke smerter`). Words are compared as written without Danish letters and doubled
//! consonants (`lenden` meets `lænden`, `nakkn` is one letter from `nakke`), and a word of
//! five letters or more may be one letter off. How much a word names an article is how
//! rare it is among the articles' topics (a word every title has names none).

use super::analyze::{self, stem};
use super::fold::fold;

/// The general words a compound in a title may end in; the part before them is the
/// article's subject (`knæ|smerter`, `spændings|hovedpine`).
const HEADS: &[&str] = &["smerter", "smerte", "hovedpine", "pine", "gigt", "skader", "skade", "gener"];

/// Heads too general to name an article by themselves.
const GENERAL: &[&str] = &["smerter", "smerte", "gener", "skader", "skade"];

/// The shortest query word that may be one letter off a topic word.
const FUZZY_FROM: usize = 5;

/// How much a word one letter off counts, against a word met exactly.
const TYPO: f32 = 0.8;

/// Every article's topic words, in the skeleton form they are compared in.
#[derive(Debug, Clone, Default)]
pub struct Topics {
    /// (word, article), sorted by word.
    words: Vec<(String, u32)>,
    /// Phrases (as skeleton stems of their words) and their article.
    phrases: Vec<(Vec<String>, u32)>,
    /// How many articles there are.
    articles: u32,
}

/// Why an article was named: the word of the question and the topic word it met.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The article.
    pub article: u32,
    /// How strongly (the sum over the question's words of how rare each is among topics).
    pub strength: f32,
    /// The question's words that named it, each with the topic word it met.
    pub by: Vec<(String, String)>,
}

impl Topics {
    /// The topics of articles given as (short title, slug, keywords and editors' topics).
    pub fn build<'a>(articles: impl Iterator<Item = (&'a str, &'a str, Vec<String>)>) -> Topics {
        let mut topics = Topics::default();
        for (a, (title, slug, extra)) in articles.enumerate() {
            let a = u32::try_from(a).unwrap_or(u32::MAX);
            topics.articles = a.saturating_add(1);
            let mut add = |word: &str| {
                let word = skeleton(word);
                if word.len() >= 3 && !analyze::is_stop(&word) {
                    topics.words.push((word, a));
                }
            };
            let folded = fold(title);
            for word in analyze::words(&folded) {
                add(word);
                add(&stem(word));
                for head in HEADS {
                    if let Some(first) = word.strip_suffix(head).filter(|f| f.len() >= 3) {
                        add(first);
                        add(first.strip_suffix(['s', 'e']).unwrap_or(first));
                        if !GENERAL.contains(head) {
                            add(head);
                        }
                        break;
                    }
                }
            }
            for part in fold(slug).split(|c: char| !c.is_alphanumeric()) {
                add(part);
            }
            for entry in extra {
                let folded = fold(&entry);
                let parts: Vec<&str> = analyze::words(&folded).collect();
                match parts.as_slice() {
                    [] => {}
                    [one] => {
                        add(one);
                        add(&stem(one));
                    }
                    many => {
                        let stems = many.iter().map(|w| skeleton(&stem(w))).collect();
                        topics.phrases.push((stems, a));
                    }
                }
            }
        }
        topics.words.sort_unstable();
        topics.words.dedup();
        topics
    }

    /// The articles `words` (a question's words of substance, folded, with each word's
    /// forms: its stem and its synonyms) name, strongest first. `said` is every word of the
    /// question, folded, in order (for phrases and words written apart).
    pub fn named(&self, words: &[(String, Vec<(String, f32)>)], said: &[String]) -> Vec<Named> {
        let mut out: Vec<Named> = Vec::new();
        for (word, forms) in words {
            let mut hits = Vec::new();
            for (form, factor) in forms {
                self.meet(&skeleton(form), *factor, &mut hits);
            }
            if hits.is_empty() && word.len() >= FUZZY_FROM && word.is_ascii() {
                self.meet_fuzzy(&skeleton(word), &mut hits);
                let stem = skeleton(&stem(word));
                if hits.is_empty() && stem.len() >= FUZZY_FROM {
                    self.meet_fuzzy(&stem, &mut hits);
                }
            }
            if !hits.is_empty() {
                self.credit(&mut out, hits, word);
            }
        }
        // Two words written apart that make a topic word: "nakke smerter", "hoved pine".
        for pair in said.windows(2) {
            if analyze::is_stop(&pair[0]) || analyze::is_stop(&pair[1]) {
                continue;
            }
            let joined = format!("{}{}", pair[0], pair[1]);
            let mut hits = Vec::new();
            self.meet(&skeleton(&stem(&joined)), 1.0, &mut hits);
            if !hits.is_empty() && !out.iter().any(|x| hits.iter().any(|h| h.0 == x.article)) {
                self.credit(&mut out, hits, &format!("{} {}", pair[0], pair[1]));
            }
        }
        for (phrase, a) in &self.phrases {
            let words: Vec<String> = said.iter().map(|w| skeleton(w)).collect();
            if said_in_order(&words, phrase) {
                self.credit(&mut out, vec![(*a, 1.0, phrase.join(" "))], &phrase.join(" "));
            }
        }
        out.sort_by(|x, y| y.strength.total_cmp(&x.strength).then(x.article.cmp(&y.article)));
        out
    }

    /// Credits the articles of `hits` (what one word of the question met) in `out`, each by
    /// how rare the word is among the articles' topics × how well it met.
    fn credit(&self, out: &mut Vec<Named>, hits: Vec<(u32, f32, String)>, word: &str) {
        let n = self.articles.max(1) as f32;
        let mut articles: Vec<u32> = hits.iter().map(|h| h.0).collect();
        articles.sort_unstable();
        articles.dedup();
        let df = articles.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for a in articles {
            let (factor, met) = hits
                .iter()
                .filter(|h| h.0 == a)
                .map(|h| (h.1, h.2.as_str()))
                .fold((0.0, ""), |best, h| if h.0 > best.0 { h } else { best });
            let at = match out.iter().position(|x| x.article == a) {
                Some(at) => at,
                None => {
                    out.push(Named { article: a, strength: 0.0, by: Vec::new() });
                    out.len() - 1
                }
            };
            out[at].strength += idf * factor;
            out[at].by.push((word.to_string(), met.to_string()));
        }
    }

    /// Adds every article one of whose topic words `form` (a skeleton) meets exactly: is
    /// it, starts with it (four letters or more), or is its start (three or more).
    fn meet(&self, form: &str, factor: f32, hits: &mut Vec<(u32, f32, String)>) {
        if form.len() < 3 || analyze::is_stop(form) {
            return;
        }
        // Topic words that start with the form: a run of the sorted list.
        let from = self.words.partition_point(|(w, _)| w.as_str() < form);
        for (word, a) in self.words[from..].iter().take_while(|(w, _)| w.starts_with(form)) {
            if word.len() == form.len() || form.len() >= 4 {
                hits.push((*a, factor, word.clone()));
            }
        }
        // Topic words the form starts with: each shorter start of the form, looked up.
        for end in (3..form.len()).rev() {
            if !form.is_char_boundary(end) {
                continue;
            }
            let start = &form[..end];
            let at = self.words.partition_point(|(w, _)| w.as_str() < start);
            for (word, a) in self.words[at..].iter().take_while(|(w, _)| w == start) {
                hits.push((*a, factor, word.clone()));
            }
        }
    }

    /// Adds every article with a topic word whose start is one letter off `form`.
    fn meet_fuzzy(&self, form: &str, hits: &mut Vec<(u32, f32, String)>) {
        let Some(first) = form.bytes().next() else { return };
        let from = self.words.partition_point(|(w, _)| w.as_bytes().first() < Some(&first));
        for (word, a) in self.words[from..].iter().take_while(|(w, _)| w.as_bytes().first() == Some(&first)) {
            if word.len() + 1 >= form.len() && word.len() >= 4 && one_off_a_start(form, word) {
                hits.push((*a, TYPO, word.clone()));
            }
        }
    }
}

/// `word` folded, with the spelled-out Danish letters as one vowel (`ae` → `e`, `oe` → `o`,
/// `aa` → `a`) and doubled letters as one: the form a word typed without æ, ø and å, or
/// with a letter doubled or not, meets its written form in.
pub fn skeleton(word: &str) -> String {
    let folded = fold(word);
    let bytes = folded.as_bytes();
    let mut out = String::with_capacity(folded.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        let c = match (b, next) {
            (b'a', Some(b'e')) => {
                i += 1;
                'e'
            }
            (b'o', Some(b'e')) => {
                i += 1;
                'o'
            }
            (b'a', Some(b'a')) => {
                i += 1;
                'a'
            }
            _ => char::from(b),
        };
        if !b.is_ascii() {
            // Not a letter this works on: keep the rest as it is.
            out.push_str(&folded[i..]);
            return out;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// Whether `form` is at most one letter (wrong, missing or extra) off some start of `word`.
fn one_off_a_start(form: &str, word: &str) -> bool {
    let (f, w) = (form.as_bytes(), word.as_bytes());
    // prev[j]: edits between the form's first i letters and the word's first j.
    let mut prev: Vec<usize> = (0..=w.len()).collect();
    let mut row = vec![0; w.len() + 1];
    for (i, &fc) in f.iter().enumerate() {
        row[0] = i + 1;
        for (j, &wc) in w.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(fc != wc)).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev.into_iter().min().unwrap_or(usize::MAX) <= 1
}

/// Whether `parts` are said in `words` in order, each as the start of a word, with at most
/// two words between.
fn said_in_order(words: &[String], parts: &[String]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Topics {
        let articles = [
            ("Knæsmerter", "knaesmerter", vec!["menisk".to_string()]),
            ("Lændesmerter", "laendesmerter", vec!["iskias".to_string()]),
            ("Nakkesmerter", "nakkesmerter", vec![]),
            ("Nervesmerter", "nervesmerter", vec![]),
            ("Skuldersmerter", "skuldersmerter", vec!["frozen shoulder".to_string()]),
            ("Spændingshovedpine", "spaendingshovedpine", vec![]),
        ];
        Topics::build(articles.iter().map(|(t, s, k)| (*t, *s, k.clone())))
    }

    /// The article a question names first, by slug number, or none.
    fn first(question: &str) -> Option<u32> {
        let topics = library();
        let folded = fold(question);
        let said: Vec<String> = analyze::words(&folded).map(str::to_string).collect();
        let words: Vec<(String, Vec<(String, f32)>)> =
            said.iter().filter(|w| !analyze::is_stop(w)).map(|w| (w.clone(), vec![(stem(w), 1.0)])).collect();
        topics.named(&words, &said).first().map(|n| n.article)
    }

    #[test]
    fn the_body_part_named_names_its_article_in_any_form() {
        assert_eq!(first("hvor længe skal jeg vente med at gå til lægen med mit knæ"), Some(0));
        assert_eq!(first("knæskallen gør ondt"), Some(0));
        assert_eq!(first("er det farligt at gå på arbejde med ondt i lænden"), Some(1));
        assert_eq!(first("ondt i nakken"), Some(2));
        assert_eq!(first("kan man blive opereret for ondt i skulderen"), Some(4));
        assert_eq!(first("hovedpine hver dag"), Some(5));
        assert_eq!(first("menisk"), Some(0));
    }

    #[test]
    fn words_typed_without_danish_letters_or_with_a_typo_still_name_it() {
        assert_eq!(first("ont i lenden om morgenen"), Some(1));
        assert_eq!(first("ondt i knaet efter loeb"), Some(0));
        assert_eq!(first("ondt i nakkn"), Some(2));
        assert_eq!(first("skuldren er hævet"), Some(4));
        assert_eq!(first("spendingshovepine behandling"), Some(5));
        assert_eq!(first("lændesmærter"), Some(1));
    }

    #[test]
    fn words_written_apart_and_phrases_name_it() {
        assert_eq!(first("nakke smerter"), Some(2));
        assert_eq!(first("hoved pine hver dag"), Some(5));
        assert_eq!(first("frozen shoulder hvor længe"), Some(4));
    }

    #[test]
    fn a_question_that_names_no_body_part_names_no_article() {
        assert_eq!(first("hvor mange piller om dagen"), None);
        assert_eq!(first("smerter"), None, "a word every title has");
        assert_eq!(first("skulle jeg"), None);
    }

    #[test]
    fn the_skeleton_forgets_danish_letters_and_doubled_ones() {
        assert_eq!(skeleton("lænden"), "lenden");
        assert_eq!(skeleton("laenden"), "lenden");
        assert_eq!(skeleton("nakken"), "naken");
        assert_eq!(skeleton("Åbne"), "abne");
        assert!(one_off_a_start("nakn", "nakesmerter"));
        assert!(!one_off_a_start("nerv", "nakesmerter"));
    }
}
