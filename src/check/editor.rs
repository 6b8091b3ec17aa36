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
use super::mentioned::Mentioned;
use super::rules::{in_lang, mentions};
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

    fn medicine_checks(&self, units: &[Unit], out: &mut Vec<Found>) {
        if self.medicines.is_empty() {
            return;
        }
        for section in sections(units) {
            let lower = super::care::lines_lower(section);
            let said = Mentioned::new(&lower);
            if !self.medicines.iter().any(|m| m.names.iter().any(|n| said.mentions(n))) {
                continue;
            }
            let mut last: Option<usize> = None;
            let mut first_named: Vec<Option<usize>> = vec![None; self.medicines.len()];
            for unit in section.iter().filter(|u| !matches!(u.kind, Kind::Heading(_))) {
                // Which medicines the paragraph names; one that names none and has no number
                // is passed over.
                let u_lower = unit.lower();
                let u_said = Mentioned::new(u_lower);
                let named: Vec<usize> = (0..self.medicines.len())
                    .filter(|&m| self.medicines[m].names.iter().any(|n| u_said.mentions(n)))
                    .collect();
                if named.is_empty() && !u_lower.bytes().any(|b| b.is_ascii_digit()) {
                    continue;
                }
                for (at, sentence) in unit.sentences() {
                    let s_lower = sentence.to_lowercase();
                    for &m in &named {
                        if first_named[m].is_none()
                            && self.medicines[m].names.iter().any(|n| mentions(&s_lower, n))
                        {
                            first_named[m] = Some(unit.line_at(at));
                        }
                    }
                    if s_lower.bytes().any(|b| b.is_ascii_digit()) {
                        self.doses(&s_lower, &mut last, unit.line_at(at), out);
                    }
                    // The medicine named last in the sentence is the one a later dose is of.
                    let latest = named
                        .iter()
                        .filter_map(|&m| {
                            self.medicines[m]
                                .names
                                .iter()
                                .filter_map(|n| last_mention(&s_lower, n))
                                .max()
                                .map(|p| (p, m))
                        })
                        .max();
                    if let Some((_, m)) = latest {
                        last = Some(m);
                    }
                }
            }
            for (med, line) in self.medicines.iter().zip(&first_named) {
                let Some(line) = *line else { continue };
                let missing: Vec<&str> = med
                    .cautions
                    .iter()
                    .filter(|c| !c.says.iter().any(|t| said.mentions(t)))
                    .map(|c| c.about.as_str())
                    .collect();
                if !missing.is_empty() {
                    let message = strings::medicine_cautions(&med.names[0], &missing.join(", "));
                    out.push(found(line, med.severity, &med.id, message, &med.source));
                }
            }
        }
    }

    /// The medicine named at or nearest before byte `at` of `lower`, else the one named last.
    fn medicine_near(&self, lower: &str, at: usize, last: &mut Option<usize>) -> Option<usize> {
        let after = lower[at..].split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        let named =
            |text: &str| self.medicines.iter().position(|m| m.names.iter().any(|n| mentions(text, n)));
        if let Some(m) = named(&after) {
            return Some(m);
        }
        let before = &lower[..at];
        let nearest = self
            .medicines
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.names.iter().filter_map(|n| last_mention(before, n)).max().map(|p| (p, i)))
            .max()
            .map(|(_, i)| i);
        nearest.or(*last)
    }

    /// Doses and intervals in one sentence (lower case) above a medicine's limits.
    fn doses(&self, lower: &str, last: &mut Option<usize>, line: usize, out: &mut Vec<Found>) {
        let amounts = amounts(lower);
        for (n, a) in amounts.iter().enumerate() {
            let Some(m) = self.medicine_near(lower, a.end, last) else { continue };
            let med = &self.medicines[m];
            let until = amounts.get(n + 1).map_or(lower.len(), |b| b.start);
            let kind =
                self.dose_words.as_ref().map_or(DoseKind::Unsaid, |w| dose_kind(&lower[a.end..until], w));
            let limit = match kind {
                DoseKind::Single => med.single_max_mg.map(|l| (l, false)),
                _ => med.daily_max_mg.map(|l| (l, true)),
            };
            if let Some((limit, daily)) = limit
                && a.mg > limit
            {
                let message = strings::medicine_dose(&med.names[0], &a.text, daily, &mg_text(limit));
                out.push(found(line, med.severity, &med.id, message, &med.source));
            }
        }
        if let Some((at, hours)) = interval(lower)
            && let Some(m) = self.medicine_near(lower, at, last)
            && let Some(min) = self.medicines[m].min_hours
            && hours < min
        {
            let med = &self.medicines[m];
            let message = strings::medicine_interval(&med.names[0], hours, min);
            out.push(found(line, med.severity, &med.id, message, &med.source));
        }
    }
}

/// Where the last whole-word mention of `term` begins in `lower`.
fn last_mention(lower: &str, term: &str) -> Option<usize> {
    let t = term.trim_end_matches('*').to_lowercase();
    lower.match_indices(&t).map(|(i, _)| i).filter(|&i| mentions(&lower[i..], term)).last()
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

/// An amount of a medicine in a sentence.
#[derive(Debug)]
struct Amount {
    start: usize,
    end: usize,
    mg: f64,
    text: String,
}

/// The amounts in g or mg in lower-case `text` ("1.200 mg", "0,5 g", "200–400 mg": the larger).
fn amounts(text: &str) -> Vec<Amount> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || matches!(bytes[end], b'.' | b',')) {
            end += 1;
        }
        let number = text[i..end].trim_end_matches(['.', ',']);
        let after = &text[i + number.len()..];
        let unit_len = ["mg", "milligram", "gram", "g"]
            .iter()
            .map(|u| (u, after.trim_start()))
            .find(|(u, rest)| {
                rest.starts_with(**u) && !rest[u.len()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .map(|(u, rest)| (u, after.len() - rest.len() + u.len()));
        if let (Some((u, len)), Some(value)) = (unit_len, number_value(number)) {
            let mg = if u.starts_with('m') { value } else { value * 1000.0 };
            let stop = i + number.len() + len;
            out.push(Amount { start: i, end: stop, mg, text: text[i..stop].to_string() });
            i = stop;
        } else {
            i = end.max(i + 1);
        }
    }
    out
}

/// A Danish number: `1.200` is twelve hundred, `0,5` a half.
fn number_value(text: &str) -> Option<f64> {
    let thousands = text.split('.').skip(1).all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let plain = if thousands { text.replace('.', "") } else { text.to_string() };
    plain.replace(',', ".").parse().ok()
}

#[derive(Debug, PartialEq)]
enum DoseKind {
    Single,
    Daily,
    Unsaid,
}

/// Whether the text after an amount says it is one dose or a day's, in the words of `words`.
fn dose_kind(after: &str, words: &DoseWords) -> DoseKind {
    let first = |list: &[String]| list.iter().filter_map(|p| after.find(p.as_str())).min();
    let (single, daily) = (first(&words.single), first(&words.daily));
    match (single, daily) {
        (Some(s), Some(d)) if s < d => DoseKind::Single,
        (Some(_), None) => DoseKind::Single,
        (_, Some(_)) => DoseKind::Daily,
        _ => DoseKind::Unsaid,
    }
}

/// The hours a sentence puts between doses ("mindst 4 timer mellem", "hver 2. time").
fn interval(lower: &str) -> Option<(usize, f64)> {
    let words: Vec<(usize, &str)> = super::house::words(lower).collect();
    for (n, &(at, w)) in words.iter().enumerate() {
        let Some(value) = number_value(w) else { continue };
        let next = words.get(n + 1).map(|(_, w)| *w);
        let after = words.get(n + 2).map(|(_, w)| *w);
        let hours = matches!(next, Some("timer" | "time" | "timers"));
        let between = matches!(after, Some("mellem")) || n > 0 && words[n - 1].1 == "mindst";
        let every = n > 0 && words[n - 1].1 == "hver" && hours;
        if hours && (between || every) {
            return Some((at, value));
        }
    }
    None
}

fn mg_text(mg: f64) -> String {
    if mg >= 1000.0 && (mg / 1000.0).fract() == 0.0 {
        format!("{} g", mg / 1000.0)
    } else {
        format!("{mg} mg")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_the_danish_way() {
        let a = amounts("højst 1.200 mg i døgnet, 0,5 g eller 200–400 mg, 50 kg og 2 gange");
        let mg: Vec<f64> = a.iter().map(|a| a.mg).collect();
        assert_eq!(mg, [1200.0, 500.0, 400.0], "a range counts by its upper end");
        let words = DoseWords { single: vec!["ad gangen".into()], daily: vec!["døgn".into()] };
        assert_eq!(dose_kind(" ad gangen og 4 g i døgnet", &words), DoseKind::Single);
        assert_eq!(dose_kind(" i døgnet", &words), DoseKind::Daily);
        assert_eq!(interval("med mindst 2 timer mellem doserne").map(|(_, h)| h), Some(2.0));
        assert_eq!(interval("hver 3. time").map(|(_, h)| h), Some(3.0));
    }
}
