//! The kinds of section a question asks for, as learned from questions readers typed: a
//! naive Bayes reading of `asked.tsv` (questions of the lookup's tuning sets, each with the
//! kinds of the sections that answer it), by the stems of its words. It adds to the table of ways of asking ([`super::intent_table`]) what the table
//! does not say: "ryggen er låst", "ja eller nej", "is cycling good for".

use super::intent::Kind;
use crate::words::analyze::{stem, words};
use crate::words::fold::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Added to every count, so that a word never seen with a kind does not rule it out.
const SMOOTHING: f32 = 0.1;

/// The counts learned.
struct Model {
    /// Each kind's share of the questions (as a logarithm).
    prior: [f32; Kind::ALL.len()],
    /// For each feature, how often it came with each kind.
    counts: HashMap<String, [f32; Kind::ALL.len()]>,
    /// Each kind's count of features.
    totals: [f32; Kind::ALL.len()],
}

/// A question as the learning sees it: the stems of its words, each once, in order, with
/// a space between (what tells whether a measured question is among those learned from).
pub fn question_key(text: &str) -> String {
    features(text).join(" ")
}

/// The stems of a question's words, each once. (Each two words together as well did worse
/// on a writer left out of the learning.)
fn features(text: &str) -> Vec<String> {
    let mut stems: Vec<String> = words(&fold(text)).map(stem).collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

fn kind_named(name: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| format!("{k:?}") == name)
}

fn learn(text: &str) -> Model {
    let n = Kind::ALL.len();
    let mut prior = [0.0; Kind::ALL.len()];
    let mut counts: HashMap<String, [f32; Kind::ALL.len()]> = HashMap::new();
    let mut totals = [0.0; Kind::ALL.len()];
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let Some((labels, question)) = line.split_once('\t') else { continue };
        let feats = features(question);
        for label in labels.split_whitespace() {
            let Some((name, weight)) = label.split_once(':') else { continue };
            let (Some(kind), Ok(weight)) = (kind_named(name), weight.parse::<f32>()) else { continue };
            let k = kind as usize;
            prior[k] += weight;
            for f in &feats {
                counts.entry(f.clone()).or_insert([0.0; Kind::ALL.len()])[k] += weight;
                totals[k] += weight;
            }
        }
    }
    let all: f32 = prior.iter().sum::<f32>() + n as f32;
    let prior = prior.map(|p| ((p + 1.0) / all).ln());
    Model { prior, counts, totals }
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| learn(include_str!("asked.tsv")))
}

/// How likely each kind is to be what `text` asks for, by the words of it seen in the
/// questions learned from (none when no word of it was seen).
pub(super) fn kinds(text: &str) -> Vec<(Kind, f32)> {
    let model = model();
    let vocabulary = model.counts.len() as f32;
    let mut score = model.prior;
    let mut known = 0;
    for f in features(text) {
        let Some(c) = model.counts.get(&f) else { continue };
        known += 1;
        for (k, s) in score.iter_mut().enumerate() {
            *s += ((c[k] + SMOOTHING) / (model.totals[k] + SMOOTHING * vocabulary)).ln();
        }
    }
    if known == 0 {
        return Vec::new();
    }
    let top = score.iter().copied().fold(f32::MIN, f32::max);
    let sum: f32 = score.iter().map(|s| (s - top).exp()).sum();
    Kind::ALL.into_iter().map(|k| (k, (score[k as usize] - top).exp() / sum)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<Kind> {
        kinds(text).into_iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|(k, _)| k)
    }

    #[test]
    fn a_question_reads_as_the_kind_its_words_most_often_asked() {
        assert_eq!(first("hvor længe varer det"), Some(Kind::Course));
        assert_eq!(first("hvornår skal jeg til lægen"), Some(Kind::SeekHelp));
        assert_eq!(first("hvad kan jeg selv gøre"), Some(Kind::SelfCare));
        let shares: f32 = kinds("hvorfor gør det ondt").iter().map(|(_, p)| p).sum();
        assert!((shares - 1.0).abs() < 1e-3, "the shares add up to one: {shares}");
    }

    #[test]
    fn words_never_learned_say_nothing() {
        assert!(kinds("xyzzy qwfp").is_empty());
        assert!(kinds("").is_empty());
    }
}
