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
//! (`nakke smerter`). Words are compared as written without Danish letters (`lenden` meets
//! `lænden`), and a word of six letters or more may be one letter off (`skuldren`). How much a word names an article is how
//! rare it is among the articles' topics (a word every title has names none).

use crate::words::analyze::{self, stem};
use crate::words::fold::fold;
use crate::words::skeleton::{one_off_a_start, skeleton};
use std::collections::HashMap;

/// The general words a compound in a title may end in; the part before them is the
/// article's subject (`knæ|smerter`, `spændings|hovedpine`).
const HEADS: &[&str] = &["smerter", "smerte", "hovedpine", "pine", "gigt", "skader", "skade", "gener"];

/// Heads too general to name an article by themselves.
const GENERAL: &[&str] = &["smerter", "smerte", "gener", "skader", "skade"];

/// Whether `word` (folded) is a general word for pain or trouble, which names no article
/// but says nothing besides the body part it goes with ("nakke smerter", "ondt i knæet").
pub fn is_general(word: &str) -> bool {
    let stem = skeleton(&stem(word));
    GENERAL.iter().any(|g| stem == skeleton(&crate::words::analyze::stem(g)))
        || matches!(word, "ondt" | "ont" | "vaerk")
}

/// The shortest query word that may be one letter off a topic word.
const FUZZY_FROM: usize = 6;

/// How much a word one letter off counts, against a word met exactly.
const TYPO: f32 = 0.8;

/// A topic word a word of the question met.
struct Hit<'a> {
    article: u32,
    /// How well (1, less for a synonym or a typo).
    factor: f32,
    /// The topic word.
    met: std::borrow::Cow<'a, str>,
    /// Whether it is a word of the article's title.
    title: bool,
}

/// Every article's topic words, in the skeleton form they are compared in.
#[derive(Debug, Clone, Default)]
pub struct Topics {
    /// (word, article, whether it is a word of the article's title), sorted by word.
    words: Vec<(String, u32, bool)>,
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
    /// The question's words that name the article's own subject: each met a word of its
    /// title whole (not only a keyword or an editor's topic, nor the start of a longer
    /// word: `hovedpinepiller` is more than "hovedpine").
    pub subject: Vec<String>,
}

impl Topics {
    /// The topics of articles given as (short title, slug, keywords and editors' topics).
    pub fn build<'a>(articles: impl Iterator<Item = (&'a str, &'a str, Vec<String>)>) -> Topics {
        let mut topics = Topics::default();
        // Titles share their words: each is stemmed once.
        let mut stems: HashMap<String, String> = HashMap::new();
        let mut stem = |word: &str| stems.entry(word.to_string()).or_insert_with(|| stem(word)).clone();
        for (a, (name, slug, extra)) in articles.enumerate() {
            let a = u32::try_from(a).unwrap_or(u32::MAX);
            topics.articles = a.saturating_add(1);
            let mut title = true;
            let mut add = |word: &str, title: bool| {
                let word = skeleton(word);
                if word.len() >= 3 && !analyze::is_stop(&word) {
                    topics.words.push((word, a, title));
                }
            };
            let folded = fold(name);
            for word in analyze::words(&folded) {
                add(word, title);
                add(&stem(word), title);
                for head in HEADS {
                    if let Some(first) = word.strip_suffix(head).filter(|f| f.len() >= 3) {
                        add(first, title);
                        // A joining `s` or `e` off ("spændings", "lænde"), but not the `e`
                        // of a folded letter ("knae" is "knæ").
                        let joint = first
                            .strip_suffix('s')
                            .or_else(|| first.strip_suffix('e').filter(|f| !f.ends_with(['a', 'o'])));
                        add(joint.unwrap_or(first), title);
                        add(&stem(first), title);
                        if !GENERAL.contains(head) {
                            add(head, title);
                        }
                        break;
                    }
                }
            }
            for part in fold(slug).split(|c: char| !c.is_alphanumeric()) {
                add(part, title);
            }
            title = false;
            for entry in extra {
                let folded = fold(&entry);
                let parts: Vec<&str> = analyze::words(&folded).collect();
                match parts.as_slice() {
                    [] => {}
                    [one] => {
                        add(one, title);
                        add(&stem(one), title);
                    }
                    many => {
                        let stems = many.iter().map(|w| skeleton(&stem(w))).collect();
                        topics.phrases.push((stems, a));
                    }
                }
            }
        }
        // Of one word of one article, the title's is kept (it sorts after).
        topics.words.sort_unstable_by(|x, y| (&x.0, x.1, !x.2).cmp(&(&y.0, y.1, !y.2)));
        topics.words.dedup_by(|later, earlier| later.0 == earlier.0 && later.1 == earlier.1);
        topics
    }

    /// The articles `words` (a question's words of substance, folded, with each word's
    /// forms: its stem and its synonyms) name, strongest first. `said` is every word of the
    /// question, folded, in order (for phrases and words written apart).
    pub fn named(&self, words: &[(String, Vec<(String, f32)>)], said: &[String]) -> Vec<Named> {
        let mut out: Vec<Named> = Vec::new();
        let mut at: HashMap<u32, usize> = HashMap::new();
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
                self.credit(&mut out, &mut at, hits, word);
            }
        }
        // Two words written apart that make a topic word: "nakke smerter", "hoved pine".
        let mut pairs_seen: Vec<(&str, &str)> = Vec::new();
        for pair in said.windows(2) {
            if analyze::is_stop(&pair[0]) || analyze::is_stop(&pair[1]) {
                continue;
            }
            if pairs_seen.contains(&(pair[0].as_str(), pair[1].as_str())) {
                continue;
            }
            pairs_seen.push((pair[0].as_str(), pair[1].as_str()));
            let joined = format!("{}{}", pair[0], pair[1]);
            let mut hits = Vec::new();
            self.meet(&skeleton(&stem(&joined)), 1.0, &mut hits);
            // The topic word met must take in the second word too ("nakke|smerter"), not
            // only the first ("knæ" of "knæ hævet").
            let first = skeleton(&pair[0]).len();
            hits.retain(|h| h.met.len() > first);
            let pair = format!("{} {}", pair[0], pair[1]);
            // Named already by one of the two words: the pair is said as a reason, once.
            let known: Vec<usize> =
                (0..out.len()).filter(|&i| hits.iter().any(|h| h.article == out[i].article)).collect();
            if known.is_empty() {
                if !hits.is_empty() {
                    self.credit(&mut out, &mut at, hits, &pair);
                }
            } else {
                known.into_iter().for_each(|i| out[i].by.push((pair.clone(), String::new())));
            }
        }
        let words: Vec<String> = said.iter().map(|w| skeleton(w)).collect();
        for (phrase, a) in &self.phrases {
            if crate::library::said_in(&words, phrase) {
                let hit = Hit { article: *a, factor: 1.0, met: phrase.join(" ").into(), title: false };
                self.credit(&mut out, &mut at, vec![hit], &phrase.join(" "));
            }
        }
        // Where it hurts names the article more than what else is said ("landede på hovedet,
        // og nu gør nakken ondt" is about the neck).
        let hurts = where_it_hurts(&words);
        for n in &mut out {
            if n.by.iter().any(|(word, _)| hurts.contains(&skeleton(word))) {
                n.strength *= HURTS;
            }
        }
        out.sort_by(|x, y| y.strength.total_cmp(&x.strength).then(x.article.cmp(&y.article)));
        out
    }

    /// Credits the articles of `hits` (what one word of the question met) in `out` (whose
    /// places by article `at` keeps), each by how rare the word is among the articles'
    /// topics × how well it met.
    fn credit(&self, out: &mut Vec<Named>, at: &mut HashMap<u32, usize>, mut hits: Vec<Hit<'_>>, word: &str) {
        // Each article's hits together, the best first.
        hits.sort_unstable_by(|x, y| x.article.cmp(&y.article).then(y.factor.total_cmp(&x.factor)));
        let n = self.articles.max(1) as f32;
        let df = hits.chunk_by(|x, y| x.article == y.article).count() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for group in hits.chunk_by(|x, y| x.article == y.article) {
            let best = &group[0];
            let i = *at.entry(best.article).or_insert_with(|| {
                out.push(Named { article: best.article, strength: 0.0, by: Vec::new(), subject: Vec::new() });
                out.len() - 1
            });
            out[i].strength += idf * best.factor;
            out[i].by.push((word.to_string(), best.met.to_string()));
            // The whole word (or both words written apart) met a word of the title.
            let whole = skeleton(&stem(&word.replace(' ', "")));
            if group.iter().any(|h| h.title && h.met.len() + 1 >= whole.len()) {
                out[i].subject.extend(word.split(' ').map(str::to_string));
            }
        }
    }

    /// Adds every article one of whose topic words `form` (a skeleton) meets exactly: is
    /// it, starts with it (four letters or more), or is its start (three or more).
    fn meet<'a>(&'a self, form: &str, factor: f32, hits: &mut Vec<Hit<'a>>) {
        if form.len() < 3 || analyze::is_stop(form) {
            return;
        }
        // Topic words that start with the form: a run of the sorted list.
        let from = self.words.partition_point(|(w, _, _)| w.as_str() < form);
        for (word, a, title) in self.words[from..].iter().take_while(|(w, _, _)| w.starts_with(form)) {
            if word.len() == form.len() || form.len() >= 4 {
                hits.push(Hit { article: *a, factor, met: word.as_str().into(), title: *title });
            }
        }
        // Topic words the form starts with: each shorter start of the form, looked up. A
        // three-letter topic word only takes an ending ("ryggen", "knæet"), not a second
        // word ("fodbold" is not about feet).
        for end in (3..form.len()).rev() {
            if !form.is_char_boundary(end) || (end == 3 && form.len() > 6) {
                continue;
            }
            let start = &form[..end];
            let at = self.words.partition_point(|(w, _, _)| w.as_str() < start);
            for (word, a, title) in self.words[at..].iter().take_while(|(w, _, _)| w == start) {
                hits.push(Hit { article: *a, factor, met: word.as_str().into(), title: *title });
            }
        }
    }

    /// Adds every article with a topic word whose start is one letter off `form`.
    fn meet_fuzzy<'a>(&'a self, form: &str, hits: &mut Vec<Hit<'a>>) {
        let Some(first) = form.bytes().next() else { return };
        let from = self.words.partition_point(|(w, _, _)| w.as_bytes().first() < Some(&first));
        let same_start =
            self.words[from..].iter().take_while(|(w, _, _)| w.as_bytes().first() == Some(&first));
        for (word, a, title) in same_start {
            if word.len() + 1 >= form.len() && word.len() >= 4 && one_off_a_start(form, word) {
                hits.push(Hit { article: *a, factor: TYPO, met: word.as_str().into(), title: *title });
            }
        }
    }
}

/// How much more a word naming where it hurts counts.
const HURTS: f32 = 1.5;

/// The words of `said` (skeletons, in order) that say where it hurts: "ondt i X",
/// "smerter i X", "X gør ondt", "gør X ondt", "X smerter", "pain in X", "X pain".
fn where_it_hurts(said: &[String]) -> Vec<String> {
    let is = |i: usize, w: &[&str]| said.get(i).is_some_and(|s| w.contains(&s.as_str()));
    let pain = ["ondt", "smerter", "smerte", "verk", "pain", "hurts", "ache", "aches", "gor"];
    let mut out = Vec::new();
    for (i, word) in said.iter().enumerate() {
        let after_in = i >= 2 && is(i - 1, &["i", "in"]) && is(i - 2, &pain);
        let after_in_my = i >= 3 && is(i - 1, &["my", "the"]) && is(i - 2, &["in"]) && is(i - 3, &pain);
        let before = is(i + 1, &["ondt", "smerter", "pain", "hurts", "aches", "verker"])
            || (is(i + 1, &["gor"]) && is(i + 2, &["ondt"]));
        let between = i >= 1 && is(i - 1, &["gor"]) && is(i + 1, &["ondt"]);
        if (after_in || after_in_my || before || between)
            && !pain.contains(&word.as_str())
            && !analyze::is_stop(word)
        {
            out.push(word.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_it_hurts_is_the_word_beside_the_pain() {
        let said = |q: &str| -> Vec<String> { q.split(' ').map(skeleton).collect() };
        let hurts = |q: &str| where_it_hurts(&said(q));
        assert_eq!(hurts("landede på hovedet og nu gør nakken ondt"), ["nakken"]);
        assert_eq!(hurts("ondt i skulderen efter fald på hovedet"), ["skulderen"]);
        assert_eq!(hurts("knæet gør ondt"), ["knaeet"].map(skeleton));
        assert_eq!(hurts("pain in my neck"), ["neck"]);
        assert!(hurts("hovedpine efter skærmarbejde").is_empty());
    }

    fn library() -> Topics {
        let articles = [
            ("Knæsmerter", "knaesmerter", vec!["menisk".to_string(), "knæskal".to_string()]),
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
        assert_eq!(first("fodbold"), None, "a three-letter topic word does not start a compound");
    }

    #[test]
    fn words_typed_without_danish_letters_or_with_a_typo_still_name_it() {
        assert_eq!(first("ont i lenden om morgenen"), Some(1));
        assert_eq!(first("ondt i knaet efter loeb"), Some(0));
        assert_eq!(first("ondt i nakkken"), Some(2));
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
    fn the_skeleton_forgets_danish_letters() {
        assert_eq!(skeleton("lænden"), "lenden");
        assert_eq!(skeleton("laenden"), "lenden");
        assert_eq!(skeleton("nakken"), "nakken");
        assert_ne!(skeleton("læggen"), skeleton("lægen"), "the calf is not the doctor");
        assert_eq!(skeleton("Åbne"), "abne");
        assert!(one_off_a_start("nakkn", "nakkesmerter"));
        assert!(!one_off_a_start("nerv", "nakkesmerter"));
    }
}
