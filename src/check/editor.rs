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
pub use super::medicine::{Caution, DoseWords, Medicine};
use super::mentioned::{Head, Heads};
use super::scratch::Scratch;
use super::sentence_rules::SentenceIndex;
pub use super::sentence_rules::{SentenceRule, WordOrder};
use super::text::{Kind, Unit, units};
use super::word_rules::WordIndex;
pub use super::word_rules::WordRule;
use crate::signs::Signs;

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
    /// The word rules and sentence rules, as they are compared.
    pub(super) word_index: WordIndex,
    pub(super) sentence_index: SentenceIndex,
    /// The first letters of the medicines' names and the regions' words: a paragraph none
    /// of whose words starts with them names neither.
    pub(super) heads: Heads,
    /// The heads of each medicine's names and of each region's words.
    pub(super) name_heads: Vec<Vec<Head>>,
    pub(super) region_heads: Vec<Head>,
}

pub(super) type Ways = Vec<Vec<String>>;

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
        let word_index = WordIndex::new(&words);
        let sentence_index = SentenceIndex::new(&sentences, word_order.as_ref());
        let regions = care.iter().flat_map(|c| c.regions.iter().map(|g| &g.says));
        let heads = Heads::of(medicines.iter().flat_map(|m| &m.names).chain(regions));
        let name_heads = medicines.iter().map(|m| m.names.iter().map(|n| Head::of(n)).collect()).collect();
        let region_heads = care.iter().flat_map(|c| c.regions.iter().map(|g| Head::of(&g.says))).collect();
        Editor {
            care,
            medicines,
            words,
            sentences,
            word_order,
            dose_words,
            word_index,
            sentence_index,
            heads,
            name_heads,
            region_heads,
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
            .chain(self.word_order.iter().flat_map(|w| &w.clause).map(|c| &c.id))
    }

    /// Everything these rules find in `body` (whose first line is file line `first`), with
    /// the library's warning signs.
    pub fn apply(&self, signs: &Signs, slug: &str, body: &str, first: usize) -> Vec<Found> {
        self.apply_with(&mut Scratch::new(), signs, slug, body, first)
    }

    /// [`Editor::apply`], with what `scratch` kept from the articles checked before (a
    /// scratch a [`super::Checker`] serves: the warning signs it keeps are that checker's).
    pub(super) fn apply_with(
        &self,
        scratch: &mut Scratch,
        signs: &Signs,
        slug: &str,
        body: &str,
        first: usize,
    ) -> Vec<Found> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let units = units(body, first);
        if let Some(care) = &self.care {
            let heads = (&self.heads, self.region_heads.as_slice());
            care_checks(care, (signs, &mut *scratch), slug, &units, first, heads, &mut out);
        }
        self.medicine_checks(&units, &mut out);
        self.word_checks(&units, body, first, scratch, &mut out);
        self.sentence_checks(&units, &mut scratch.words, &mut out);
        out
    }
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
