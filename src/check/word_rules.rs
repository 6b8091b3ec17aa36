//! Word rules: a wrong word in any of its forms (matched by stem), or words written apart,
//! found word by word in every paragraph.

use super::Severity;
use super::editor::{Editor, Ways, found};
use super::house::Found;
use super::quick::QuickMap;
use super::rules::in_lang;
use super::scratch::Scratch;
use super::text::{Stems, Unit, folded_words, sentences};
use crate::search::fold;
use crate::signs::{way, way_said, words_of};
use crate::strings;
use serde::Deserialize;

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

/// The word rules as they are compared: their phrases as stems, the rules by their first
/// stem's first letters, and their lists folded.
#[derive(Debug, Clone, Default)]
pub(super) struct WordIndex {
    /// Each rule's phrases, each a list of stems (`=word`: that word exactly).
    stems: Vec<Vec<Vec<String>>>,
    by_start: QuickMap<String, Vec<(usize, usize)>>,
    made: Vec<WordMade>,
}

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

impl WordIndex {
    /// The rules' phrases stemmed, indexed and their lists folded.
    pub(super) fn new(words: &[WordRule]) -> WordIndex {
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
        let mut by_start: QuickMap<String, Vec<(usize, usize)>> = QuickMap::default();
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
        WordIndex { stems: word_stems, by_start, made: word_made }
    }
}

impl Editor {
    pub(super) fn word_checks(
        &self,
        units: &[Unit],
        body: &str,
        first: usize,
        scratch: &mut Scratch,
        out: &mut Vec<Found>,
    ) {
        if self.words.is_empty() {
            return;
        }
        // The file's lines, gathered when a finding first needs its column.
        let mut raw: Option<Vec<&str>> = None;
        let mut words: Vec<(usize, &str)> = Vec::new();
        // Each word of a paragraph folded, in strings kept from one paragraph to the next,
        // and the rules whose first word starts like it.
        let mut pool: Vec<String> = Vec::new();
        let mut candidates: Vec<Option<&Vec<(usize, usize)>>> = Vec::new();
        for unit in units {
            words.clear();
            words.extend(super::house::words(&unit.text));
            if pool.len() < words.len() {
                pool.resize_with(words.len(), String::new);
            }
            candidates.clear();
            for ((_, w), key) in words.iter().zip(pool.iter_mut()) {
                key.clear();
                crate::search::fold_into(key, w);
                candidates.push(self.word_index.by_start.get(start_str(key)));
            }
            // A paragraph none of whose words starts like a rule's word is passed over.
            if candidates.iter().all(Option::is_none) {
                continue;
            }
            let keys = &pool[..words.len()];
            for (n, key) in keys.iter().enumerate() {
                let Some(candidates) = candidates[n] else { continue };
                // One finding per rule and word, however many of its forms say it.
                let mut reported: Vec<usize> = Vec::new();
                for &(i, j) in candidates {
                    if reported.contains(&i) {
                        continue;
                    }
                    let rule = &self.words[i];
                    let phrase = &self.word_index.stems[i][j];
                    let made = &self.word_index.made[i];
                    if made.except.iter().any(|e| e == key) {
                        continue;
                    }
                    let Some(last) = phrase_at(phrase, keys, n, rule.apart, scratch.stems()) else {
                        continue;
                    };
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
                        .get_or_insert_with(|| body.lines().collect())
                        .get(line.wrapping_sub(first))
                        .and_then(|l| l.find(word).map(|c| l[..c].chars().count() + 1));
                    out.push(f);
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
