//! What a medical editor checks, as data in the rule file: warning signs at their level of
//! care, the "when to seek help" section and its routes, the out-of-hours numbers of the
//! regions, medicines' doses and cautions, word forms and whole sentences of outdated or
//! unsafe advice.
//!
//! Every rule has an id, a severity, a message, its source and two examples (`trigger`
//! must be reported, `pass` must not); the tests are made from the examples.

use super::Severity;
pub use super::care::Care;
use super::care::care_checks;
use super::house::Found;
use super::rules::in_lang;
use super::text::{Kind, Stems, Unit, folded_words, sentences, skeleton_key, token_key, units};
use crate::search::fold;
use crate::signs::{Signs, way, way_said, words_of};
use crate::strings;
use serde::Deserialize;
use std::collections::HashMap;

/// The words that say what an amount is: one dose, or a day's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoseWords {
    /// One dose ("ad gangen").
    pub single: Vec<String>,
    /// A day's ("i døgnet").
    pub daily: Vec<String>,
}

/// A medicine: its names, adult limits and the cautions that must stand in the same section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Medicine {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// Its names and brands (whole words, `*` any ending).
    pub names: Vec<String>,
    /// The most for an adult at one time, in mg.
    #[serde(default)]
    pub single_max_mg: Option<f64>,
    /// The most for an adult in a day, in mg.
    #[serde(default)]
    pub daily_max_mg: Option<f64>,
    /// The fewest hours between doses.
    #[serde(default)]
    pub min_hours: Option<f64>,
    /// What must be said wherever it is named.
    #[serde(default)]
    pub cautions: Vec<Caution>,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule comes from (Sundhedsstyrelsen, a region, a product summary), and when it was checked.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

/// A caution: what it is about, and the words that say it (any one).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caution {
    /// What the caution is about ("leveren").
    pub about: String,
    /// The words that say it (whole words, `*` any ending); any one will do.
    pub says: Vec<String>,
}

/// A wrong word in any of its forms (matched by stem), or words written apart.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordRule {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// The words or phrases, each word in any of its forms.
    pub find: Vec<String>,
    /// Words that may stand between the words of a phrase.
    #[serde(default)]
    pub apart: usize,
    /// Whole words that share a stem but are right ("sit" beside "sitte").
    #[serde(default)]
    pub except: Vec<String>,
    /// Ways (the `says` syntax) that make the sentence right after all.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Words that make it right when they come right after it ("griber fat i armlænet").
    #[serde(default)]
    pub not_before: Vec<String>,
    /// What to write instead.
    #[serde(rename = "use")]
    pub replace: String,
    /// Why, in a sentence.
    pub reason: String,
    /// The reason in English, shown under `--lang en` (else `reason`).
    #[serde(default)]
    pub reason_en: Option<String>,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule comes from (Sundhedsstyrelsen, a region, a product summary), and when it was checked.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

/// A sentence that says something wrong: every word of one of its ways (the `says` syntax).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceRule {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// The words that say it (whole words, `*` any ending); any one will do.
    pub says: Vec<String>,
    /// Ways that make the sentence right ("ikke").
    #[serde(default)]
    pub unless: Vec<String>,
    /// Ways one of which the sentence's paragraph must say (a medicine named).
    #[serde(default)]
    pub in_paragraph: Vec<String>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The message in English, shown under `--lang en` (else `message`).
    #[serde(default)]
    pub message_en: Option<String>,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule comes from (Sundhedsstyrelsen, a region, a product summary), and when it was checked.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

/// The verb in second place: a main clause that opens with an adverbial ("Under en episode")
/// puts its verb next ("kan en rolig gåtur lindre"), not after the subject.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordOrder {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// Prepositions that open an adverbial ("under", "efter").
    pub openers: Vec<String>,
    /// Words that open a noun phrase ("en", "den", "din").
    pub determiners: Vec<String>,
    /// Words that open a subject ("du", "en", "lægen").
    pub subjects: Vec<String>,
    /// Finite verbs ("kan", "er", "hjælper").
    pub verbs: Vec<String>,
    /// Words that open a clause of their own, after which nothing is judged ("hvor", "som").
    pub stops: Vec<String>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The message in English, shown under `--lang en` (else `message`).
    #[serde(default)]
    pub message_en: Option<String>,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule comes from.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

impl WordOrder {
    /// Whether a sentence opens with an adverbial and puts its subject before its verb
    /// (`folded`: this rule's lists, folded).
    fn inverted(&self, folded: &OrderWords, sentence: &str) -> bool {
        let first = sentence.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if !self.openers.iter().any(|o| o.eq_ignore_ascii_case(first)) {
            return false;
        }
        let head = sentence.split([',', ';', ':', '–']).next().unwrap_or("");
        let w = folded_words(head);
        let is = |list: &[String], i: usize| w.get(i).is_some_and(|x| list.iter().any(|l| l == x));
        let f = folded;
        if !is(&f.openers, 0) {
            return false;
        }
        let noun = if is(&f.determiners, 1) { 2 } else { 1 };
        if w.len() <= noun || is(&f.verbs, noun) || is(&f.subjects, noun) || is(&f.stops, noun) {
            return false;
        }
        for k in noun + 1..(noun + 4).min(w.len()) {
            if is(&f.verbs, k) || is(&f.stops, k) {
                return false;
            }
            if is(&f.subjects, k) {
                for m in k + 1..(k + 4).min(w.len()) {
                    if is(&f.verbs, m) {
                        return true;
                    }
                    if is(&f.stops, m) {
                        return false;
                    }
                }
                return false;
            }
        }
        false
    }
}

/// The verb-second rule's lists, folded once.
#[derive(Debug, Clone, Default)]
struct OrderWords {
    openers: Vec<String>,
    determiners: Vec<String>,
    subjects: Vec<String>,
    verbs: Vec<String>,
    stops: Vec<String>,
}

impl OrderWords {
    fn of(order: &WordOrder) -> OrderWords {
        let folded = |list: &[String]| list.iter().map(|w| fold(w)).collect();
        OrderWords {
            openers: folded(&order.openers),
            determiners: folded(&order.determiners),
            subjects: folded(&order.subjects),
            verbs: folded(&order.verbs),
            stops: folded(&order.stops),
        }
    }
}

/// The editor's rules, ready to apply.
#[derive(Debug, Clone, Default)]
pub struct Editor {
    /// Levels of care, the section on seeking help and the regions.
    pub care: Option<Care>,
    /// Medicines.
    pub medicines: Vec<Medicine>,
    /// Word forms.
    pub words: Vec<WordRule>,
    /// Sentences.
    pub sentences: Vec<SentenceRule>,
    /// The verb-second rule.
    pub word_order: Option<WordOrder>,
    /// What says an amount is one dose or a day's.
    pub dose_words: Option<DoseWords>,
    /// The word rules' phrases as stems, and the rules by their first stem's first letters.
    word_stems: Vec<Vec<Vec<String>>>,
    by_start: HashMap<String, Vec<(usize, usize)>>,
    word_made: Vec<WordMade>,
    order_words: OrderWords,
    /// The sentence rules' ways, parsed.
    sentence_ways: Vec<(Vec<Ways>, Vec<Ways>, Vec<Ways>)>,
    /// The sentence rules by the key of the first word of each of their ways; those whose
    /// first word is a part of a word are always tried.
    sentence_starts: HashMap<(char, char), Vec<usize>>,
    sentence_always: Vec<usize>,
}

pub(super) type Ways = Vec<Vec<String>>;

/// The first two letters of a folded stem: the key word rules are found by.
fn start(stem: &str) -> String {
    start_str(stem).to_string()
}

/// [`start`], without making a string of it.
fn start_str(stem: &str) -> &str {
    let end = stem.char_indices().nth(2).map_or(stem.len(), |(i, _)| i);
    &stem[..end]
}

/// A word rule's lists as they are compared: `except` and `not_before` folded, `unless` as ways.
#[derive(Debug, Clone, Default)]
struct WordMade {
    except: Vec<String>,
    not_before: Vec<String>,
    unless: Vec<Ways>,
}

impl Editor {
    /// The rules, with their phrases stemmed and ways parsed.
    pub fn new(
        care: Option<Care>,
        medicines: Vec<Medicine>,
        words: Vec<WordRule>,
        sentences: Vec<SentenceRule>,
        word_order: Option<WordOrder>,
        dose_words: Option<DoseWords>,
    ) -> Editor {
        let mut stems = Stems::default();
        let word_stems: Vec<Vec<Vec<String>>> = words
            .iter()
            .map(|r| {
                r.find
                    .iter()
                    .map(|phrase| {
                        // `=word` is that word exactly; other words are compared by their stems.
                        phrase
                            .split_whitespace()
                            .flat_map(|w| match w.strip_prefix('=') {
                                Some(exact) => vec![format!("={}", fold(exact))],
                                None => folded_words(w).iter().map(|w| stems.of(w).to_string()).collect(),
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut by_start: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (i, phrases) in word_stems.iter().enumerate() {
            for (j, phrase) in phrases.iter().enumerate() {
                if let Some(first) = phrase.first() {
                    by_start.entry(start(first.trim_start_matches('='))).or_default().push((i, j));
                }
            }
        }
        let word_made = words
            .iter()
            .map(|r| WordMade {
                except: r.except.iter().map(|e| fold(e)).collect(),
                not_before: r.not_before.iter().map(|w| fold(w)).collect(),
                unless: r.unless.iter().map(|u| way(u)).collect(),
            })
            .collect();
        let ways = |list: &[String]| list.iter().map(|w| way(w)).filter(|w| !w.is_empty()).collect();
        let sentence_ways: Vec<(Vec<Ways>, Vec<Ways>, Vec<Ways>)> =
            sentences.iter().map(|r| (ways(&r.says), ways(&r.unless), ways(&r.in_paragraph))).collect();
        let mut sentence_starts: HashMap<(char, char), Vec<usize>> = HashMap::new();
        let mut sentence_always = Vec::new();
        for (i, (says, ..)) in sentence_ways.iter().enumerate() {
            for alt in says.iter().filter_map(|w| w.first()).flatten() {
                match alt.strip_prefix('~') {
                    Some(_) => sentence_always.push(i),
                    None => {
                        sentence_starts.entry(token_key(alt.trim_start_matches('='))).or_default().push(i)
                    }
                }
            }
        }
        let order_words = word_order.as_ref().map(OrderWords::of).unwrap_or_default();
        Editor {
            care,
            medicines,
            words,
            sentences,
            word_order,
            dose_words,
            word_stems,
            by_start,
            word_made,
            order_words,
            sentence_ways,
            sentence_starts,
            sentence_always,
        }
    }

    /// Whether there is nothing to check.
    pub fn is_empty(&self) -> bool {
        self.care.is_none()
            && self.medicines.is_empty()
            && self.words.is_empty()
            && self.sentences.is_empty()
            && self.word_order.is_none()
    }

    /// Every id the rules use.
    pub fn ids(&self) -> impl Iterator<Item = &String> {
        let care = self.care.iter().flat_map(|c| c.rules.iter().map(|r| &r.id));
        care.chain(self.medicines.iter().map(|m| &m.id))
            .chain(self.words.iter().map(|w| &w.id))
            .chain(self.sentences.iter().map(|s| &s.id))
            .chain(self.word_order.iter().map(|w| &w.id))
    }

    /// Everything these rules find in `body` (whose first line is file line `first`), with
    /// the library's warning signs.
    pub fn apply(&self, signs: &Signs, slug: &str, body: &str, first: usize) -> Vec<Found> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let units = units(body, first);
        if let Some(care) = &self.care {
            care_checks(care, signs, slug, &units, first, &mut out);
        }
        self.medicine_checks(&units, &mut out);
        self.word_checks(&units, body, first, &mut out);
        self.sentence_checks(&units, &mut out);
        out
    }

    fn word_checks(&self, units: &[Unit], body: &str, first: usize, out: &mut Vec<Found>) {
        if self.words.is_empty() {
            return;
        }
        let raw: Vec<&str> = body.lines().collect();
        let mut stems = Stems::default();
        let mut folded = String::new();
        for unit in units {
            let words: Vec<(usize, &str)> = super::house::words(&unit.text).collect();
            // A paragraph none of whose words starts like a rule's word is passed over
            // without folding or stemming its words.
            let starts = |w: &str, buf: &mut String| {
                buf.clear();
                let end = w.char_indices().nth(2).map_or(w.len(), |(i, _)| i);
                crate::search::fold_into(buf, &w[..end]);
                let key_end = buf.char_indices().nth(2).map_or(buf.len(), |(i, _)| i);
                self.by_start.contains_key(&buf[..key_end])
            };
            if !words.iter().any(|(_, w)| starts(w, &mut folded)) {
                continue;
            }
            let mut keys: Vec<String> = Vec::with_capacity(words.len());
            for (_, w) in &words {
                folded.clear();
                crate::search::fold_into(&mut folded, w);
                keys.push(folded.clone());
            }
            for (n, key) in keys.iter().enumerate() {
                let Some(candidates) = self.by_start.get(start_str(key)) else { continue };
                // One finding per rule and word, however many of its forms say it.
                let mut reported: Vec<usize> = Vec::new();
                for &(i, j) in candidates {
                    if reported.contains(&i) {
                        continue;
                    }
                    let rule = &self.words[i];
                    let phrase = &self.word_stems[i][j];
                    let made = &self.word_made[i];
                    if made.except.iter().any(|e| e == key) {
                        continue;
                    }
                    let Some(last) = phrase_at(phrase, &keys, n, rule.apart, &mut stems) else { continue };
                    let (at, word) = words[n];
                    let end = words[last].0 + words[last].1.len();
                    if keys.get(last + 1).is_some_and(|next| made.not_before.iter().any(|w| w == next)) {
                        continue;
                    }
                    if !made.unless.is_empty() {
                        let sentence = sentence_around(&unit.text, at);
                        let said = words_of(sentence);
                        if made.unless.iter().any(|u| way_said(u, &said)) {
                            continue;
                        }
                    }
                    let matched = &unit.text[at..end];
                    let line = unit.line_at(at);
                    let message = strings::rule_substitution(
                        matched,
                        &rule.replace,
                        in_lang(&rule.reason, &rule.reason_en),
                    );
                    reported.push(i);
                    let mut f = found(line, rule.severity, &rule.id, message, &rule.source);
                    // The column in the file's line (the unit's text has lost Markdown's marks).
                    f.column = raw
                        .get(line.wrapping_sub(first))
                        .and_then(|l| l.find(word).map(|c| l[..c].chars().count() + 1));
                    out.push(f);
                }
            }
        }
    }

    fn sentence_checks(&self, units: &[Unit], out: &mut Vec<Found>) {
        let mut buf = String::new();
        for unit in units.iter().filter(|u| !matches!(u.kind, Kind::Heading(_))) {
            // Only the rules one of whose ways could start with a word of the paragraph.
            let mut tried = self.sentence_always.clone();
            for (_, word) in super::house::words(&unit.text) {
                if let Some(rules) = self.sentence_starts.get(&skeleton_key(word, &mut buf)) {
                    tried.extend(rules);
                }
            }
            tried.sort_unstable();
            tried.dedup();
            if tried.is_empty() {
                continue;
            }
            // A way a sentence says, its paragraph says: the rules the paragraph does not
            // say are not tried sentence by sentence.
            let para = unit.words();
            tried.retain(|&i| self.sentence_ways[i].0.iter().any(|w| way_said(w, para)));
            for (at, sentence) in unit.sentences() {
                if let Some(order) = &self.word_order
                    && order.inverted(&self.order_words, sentence)
                {
                    let line = unit.line_at(at);
                    out.push(found(
                        line,
                        order.severity,
                        &order.id,
                        in_lang(&order.message, &order.message_en).to_string(),
                        &order.source,
                    ));
                }
                if tried.is_empty() {
                    continue;
                }
                let said = words_of(sentence);
                for &i in &tried {
                    let (rule, (ways, unless, in_paragraph)) = (&self.sentences[i], &self.sentence_ways[i]);
                    if !ways.iter().any(|w| way_said(w, &said)) || unless.iter().any(|w| way_said(w, &said)) {
                        continue;
                    }
                    if !in_paragraph.is_empty() && !in_paragraph.iter().any(|w| way_said(w, para)) {
                        continue;
                    }
                    let line = unit.line_at(at);
                    out.push(found(
                        line,
                        rule.severity,
                        &rule.id,
                        in_lang(&rule.message, &rule.message_en).to_string(),
                        &rule.source,
                    ));
                }
            }
        }
    }
}

/// Whether the phrase's stems stand at word `n` of `keys` (folded words), allowing `apart`
/// words between them; the index of its last word.
fn phrase_at(phrase: &[String], keys: &[String], n: usize, apart: usize, stems: &mut Stems) -> Option<usize> {
    let mut at = n;
    for (k, stem) in phrase.iter().enumerate() {
        let reach = if k == 0 { 0 } else { apart };
        let from = if k == 0 { n } else { at + 1 };
        let hit = (from..=from + reach).take_while(|&i| i < keys.len()).find(|&i| {
            let key = &keys[i];
            match stem.strip_prefix('=') {
                Some(exact) => key == exact,
                None => key.starts_with(stem.as_str()) && stems.of(key) == stem,
            }
        })?;
        at = hit;
    }
    Some(at)
}

/// The sentence of `text` around byte `at`.
fn sentence_around(text: &str, at: usize) -> &str {
    sentences(text).into_iter().rev().find(|&(start, _)| start <= at).map_or(text, |(_, s)| s)
}

pub(super) fn found(line: usize, severity: Severity, rule: &str, message: String, source: &str) -> Found {
    let source = Some(source.to_string()).filter(|s| !s.trim().is_empty());
    Found { line, column: None, severity, rule: rule.to_string(), message, source }
}

/// The units of each H2 section (and the introduction before the first).
pub(super) fn sections(units: &[Unit]) -> Vec<&[Unit]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, u) in units.iter().enumerate() {
        if matches!(u.kind, Kind::Heading(l) if l <= 2) && i > start {
            out.push(&units[start..i]);
            start = i;
        }
    }
    if start < units.len() {
        out.push(&units[start..]);
    }
    out
}
