//! Running a query over the index and ranking what it finds: BM25 over each unit's
//! heading, its article's title (and slug and keywords) and its text.
//!
//! A query is cut into words; stop words and the words that asked a question's kind
//! ([`super::intent`]) are set aside, the rest are stemmed ([`crate::words::analyze`]). Each word
//! is looked for as its stem, its synonyms (weight 0.8) and, when it is a compound of two
//! words of the library, as its two parts (0.5 each); with one typo in a question heading
//! when it is long and rare (0.5). A unit scores, summed over the words,
//! `idf × tf′ × (k1 + 1) / (k1 + tf′)`, where `tf′` adds the hits in the heading (×3 for a
//! question, ×2 for another heading), in the text (×1) and in the article's title (×0.6),
//! each scaled by its field's length against the average. Rarer words count more; a unit
//! whose heading is of the kind the question asks for (its `heads`) gets one more such
//! term. Ties go to an FAQ question, then to the earlier unit.

use super::fuzzy;
use super::index::{Field, FieldKind, Index, Unit};
pub use super::query::{MAX_TERMS, Query};
use super::select::Wanted;
use crate::words::analyze::{self, ANYWHERE_LEN, counts_at, stem};
use memchr::memmem;

/// A unit that matched, and how well.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The unit's number in the index.
    pub unit: u32,
    /// What it points at.
    pub target: Unit,
    /// Its BM25 score: higher is better.
    pub score: f32,
    /// Where in the unit's folded body text a word matched first, and how long the match is.
    pub body_at: Option<(u32, u32)>,
}

/// One form a query word is looked for in: a folded substring and what a hit of it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// What is looked for.
    pub text: String,
    /// How much a hit of it counts (1 for the word's own stem).
    pub factor: f32,
    /// Whether it may go on into any longer word (the word being typed).
    pub open_end: bool,
}

/// A query word with every form it is looked for in.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// The word (folded), or the kind of question.
    pub word: String,
    /// Its forms.
    pub patterns: Vec<Pattern>,
    /// How much the concept counts (1, or less for the parts of a compound).
    pub weight: f32,
    /// Whether it is matched in headings only (a kind of question).
    pub heads_only: bool,
    /// Whether a typo is forgiven (in question headings).
    pub fuzzy: bool,
}

pub(super) const K1: f32 = 0.9;
pub(super) const B_HEAD: f32 = 0.3;
pub(super) const B_BODY: f32 = 0.75;
pub(super) const W_QUESTION: f32 = 5.0;
pub(super) const W_HEADING: f32 = 3.0;
pub(super) const W_BODY: f32 = 1.0;
pub(super) const W_TITLE: f32 = 0.6;
impl FieldKind {
    /// How much a hit in a unit's heading of this kind counts: a question's most, an
    /// article's title (its introduction's heading) no more than its text, since the title
    /// counts for every section of the article already.
    pub(super) fn head_weight(self) -> f32 {
        match self {
            FieldKind::Question | FieldKind::FaqQuestion => W_QUESTION,
            FieldKind::Heading => W_HEADING,
            FieldKind::Title | FieldKind::Body => W_BODY,
        }
    }
}

const SYNONYM: f32 = 0.8;
const PART: f32 = 0.5;
const TYPO: f32 = 0.75;
/// The shortest query word whose typo is corrected against the library's words.
const TYPO_FROM: usize = 6;
const ASKED: f32 = 0.3;

impl Index {
    /// The question headings that match `query`, best first (all of them, in library order,
    /// for an empty query): what the question palette lists. Only headings and titles are
    /// searched, so a keystroke stays quick on a large library.
    pub fn questions(&self, query: &Query, limit: usize) -> Vec<Hit> {
        if query.is_empty() {
            return self.all_questions(limit);
        }
        self.run(query, limit, false, Wanted::Questions).0
    }

    /// [`Index::questions`], with what the question was read as (for the palette's level
    /// of care).
    pub fn questions_read(&self, query: &Query, limit: usize) -> (Vec<Hit>, super::Reading) {
        if query.is_empty() {
            return (self.all_questions(limit), super::Reading::default());
        }
        let (hits, _, reading) = self.run_reading(query, limit, false, Wanted::Questions);
        (hits, reading)
    }

    /// Titles, headings and text that match `query`, best first: library search.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.search_counted(query, limit).0
    }

    /// Like [`Index::search`], with how many units matched in all.
    pub fn search_counted(&self, query: &Query, limit: usize) -> (Vec<Hit>, usize) {
        if query.is_empty() {
            return (Vec::new(), 0);
        }
        self.run(query, limit, true, Wanted::All)
    }

    /// The best answers to `query`: sections (not an article's top), best first.
    pub fn answers(&self, query: &Query, limit: usize) -> Vec<Hit> {
        if !query.answerable() {
            return Vec::new();
        }
        self.run(query, limit, true, Wanted::Answers).0
    }

    /// What `query` asks of the library: the articles it names, the kinds of section it
    /// asks for, the warning signs it names (the first step of lookup, and why an answer won).
    pub fn reading(&self, query: &Query) -> super::Reading {
        self.read_question(query, &self.concepts_in(query, true))
    }

    /// The best answer to `query`.
    pub fn best_answer(&self, query: &Query) -> Option<Hit> {
        self.answers(query, 1).first().copied()
    }

    fn all_questions(&self, limit: usize) -> Vec<Hit> {
        let units = self.units.iter().enumerate().filter(|(_, u)| u.kind.is_question());
        units
            .take(limit)
            .map(|(u, &target)| Hit { unit: offset(u), target, score: 0.0, body_at: None })
            .collect()
    }

    /// Every form each word of `query` is looked for in, and the kinds of question it asks.
    pub fn concepts(&self, query: &Query) -> Vec<Concept> {
        self.concepts_in(query, true)
    }

    /// [`Index::concepts`], splitting compounds against the headings only unless `bodies`.
    pub(super) fn concepts_in(&self, query: &Query, bodies: bool) -> Vec<Concept> {
        self.concepts_with(query, bodies, &|prefix, bodies| self.has_word_starting(prefix, bodies))
    }

    /// [`Index::concepts_in`], asking `has` whether the library has a word that starts so.
    pub(super) fn concepts_with(
        &self,
        query: &Query,
        bodies: bool,
        has: &dyn Fn(&str, bool) -> bool,
    ) -> Vec<Concept> {
        let mut out = Vec::new();
        // A word said as part of a phrase the synonyms know ("back of my head") is that
        // phrase's, not its own word's synonyms' ("back" is not the low back there).
        let phrases = self.synonyms.phrases_in(&query.words);
        let in_phrase: Vec<String> = phrases.iter().flat_map(|(p, _)| p.split(' ').map(stem)).collect();
        let words = query.terms.iter().map(|w| (w, 1.0)).chain(query.asking.iter().map(|w| (w, ASKED)));
        for (word, weight) in words {
            let own = stem(word);
            // A stem that is itself a common word ("siger" → "sig") would match it everywhere.
            let own = if analyze::is_stop(&own) { word.clone() } else { own };
            let mut patterns = vec![Pattern {
                text: own.clone(),
                factor: 1.0,
                open_end: query.typing && Some(word) == query.terms.last(),
            }];
            let synonyms = if in_phrase.contains(&own) { Vec::new() } else { self.synonyms.of_stem(&own) };
            for synonym in synonyms {
                let text = if synonym.contains(' ') { synonym.to_string() } else { stem(synonym) };
                if !patterns.iter().any(|p| p.text == text) {
                    patterns.push(Pattern { text, factor: SYNONYM, open_end: false });
                }
            }
            // A long whole word the library does not have, nor its synonyms, is looked for as
            // the library's words one letter from it ("bivirkniger", "fysioterapuet").
            let typing = query.typing && Some(word) == query.terms.last();
            if bodies && !typing && patterns.len() == 1 && word.len() >= TYPO_FROM && !has(&own, true) {
                for near in self.words_near(word) {
                    let text = stem(near);
                    if !patterns.iter().any(|p| p.text == text) {
                        patterns.push(Pattern { text, factor: TYPO, open_end: false });
                    }
                }
            }
            let patterns = without_overlaps(patterns);
            let fuzzy = word.len() >= fuzzy::MIN_FUZZY_LEN;
            out.push(Concept { word: word.clone(), patterns, weight, heads_only: false, fuzzy });
            // The word being typed is not split: it is not a whole word yet.
            if weight < 1.0 || typing {
                continue;
            }
            if let Some((left, right)) = self.split_compound(word, bodies, has) {
                for part in [left, right] {
                    let patterns = vec![Pattern { text: part.clone(), factor: 1.0, open_end: false }];
                    out.push(Concept { word: part, patterns, weight: PART, heads_only: false, fuzzy: false });
                }
            }
        }
        for (phrase, others) in phrases {
            let mut patterns = vec![Pattern { text: phrase.to_string(), factor: 1.0, open_end: false }];
            for other in others {
                let text = if other.contains(' ') { other.to_string() } else { stem(other) };
                patterns.push(Pattern { text, factor: SYNONYM, open_end: false });
            }
            out.push(Concept {
                word: phrase.to_string(),
                patterns,
                weight: 1.0,
                heads_only: false,
                fuzzy: false,
            });
        }
        out
    }

    /// Every form the words of `query` are looked for in (folded), longest first: what to
    /// show bold in a heading, and what find looks for after library search.
    pub fn patterns(&self, query: &Query) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in self.concepts_in(query, false) {
            for p in c.patterns {
                if !out.contains(&p.text) {
                    out.push(p.text);
                }
            }
        }
        out.sort_by_key(|p| std::cmp::Reverse(p.len()));
        out
    }

    /// `word` as two words of the library's vocabulary (`rygoevelser` → `ryg` + `oevels`),
    /// as stems; the first may end in a joining `s` or `e` (`spaendings|hovedpine`).
    fn split_compound(
        &self,
        word: &str,
        bodies: bool,
        has: &dyn Fn(&str, bool) -> bool,
    ) -> Option<(String, String)> {
        // A word the library has (or an inflection of one) is not split.
        if word.len() < 7 || !word.is_ascii() || has(&stem(word), bodies) {
            return None;
        }
        // A part may also be a word the synonyms know ("knæ|bandage" with `bandage` expanded).
        let has = |part: &str, bodies: bool| has(part, bodies) || self.synonyms.knows(part);
        let mut best: Option<(usize, String, String)> = None;
        for at in 3..=word.len() - 4 {
            let (left, right) = word.split_at(at);
            let right = stem(right);
            if right.len() < 3 || analyze::is_stop(&right) || !has(&right, bodies) {
                continue;
            }
            let left = [left, left.strip_suffix('s').unwrap_or(""), left.strip_suffix('e').unwrap_or("")]
                .into_iter()
                .filter(|l| l.len() >= 3)
                .map(stem)
                .find(|l| l.len() >= 3 && !analyze::is_stop(l) && has(l, bodies));
            let Some(left) = left else { continue };
            let balance = left.len().min(right.len());
            if best.as_ref().is_none_or(|(b, _, _)| balance > *b) {
                best = Some((balance, left, right));
            }
        }
        best.map(|(_, l, r)| (l, r))
    }

    /// A long word that matched no question heading (nor did its synonyms) may match one
    /// with a typo.
    pub(super) fn fuzzy_questions(
        &self,
        concept: &Concept,
        head_tf: &mut [f32],
        body_tf: &[f32],
        touched: &mut Vec<u32>,
    ) {
        let term = concept.word.as_str();
        if term.len() < fuzzy::MIN_FUZZY_LEN || touched.iter().any(|&u| self.kinds[u as usize].is_question())
        {
            return;
        }
        let mut fields = self.head_fields.iter().peekable();
        let mut starts: Vec<usize> = fuzzy::candidates(term, &self.heads).collect();
        starts.sort_unstable();
        for at in starts {
            while fields.next_if(|f| (f.end as usize) < at).is_some() {}
            let Some(field) = fields.peek() else { break };
            let u = field.unit as usize;
            if !self.kinds[u].is_question() || head_tf[u] > 0.0 {
                continue;
            }
            let text = &self.heads[field.start as usize..field.end as usize];
            if fuzzy::verify(term, text, at.saturating_sub(field.start as usize)) {
                if body_tf[u] == 0.0 {
                    touched.push(field.unit);
                }
                head_tf[u] = TYPO;
            }
        }
    }
}

/// `patterns` without those that contain another one (which matches wherever they do, so
/// a hit would count twice), the one kept counting as much as the best it stands for.
fn without_overlaps(patterns: Vec<Pattern>) -> Vec<Pattern> {
    let covers = |q: &Pattern, p: &Pattern| {
        q.text != p.text
            && p.text.contains(q.text.as_str())
            && (q.text.len() >= ANYWHERE_LEN || p.text.starts_with(q.text.as_str()))
    };
    let mut kept: Vec<Pattern> = Vec::new();
    for p in &patterns {
        if patterns.iter().any(|q| covers(q, p)) {
            continue;
        }
        let best = patterns
            .iter()
            .filter(|o| o.text == p.text || covers(p, o))
            .map(|o| o.factor)
            .fold(p.factor, f32::max);
        kept.push(Pattern { text: p.text.clone(), factor: best, open_end: p.open_end });
    }
    kept
}

/// Calls `found` with the field and the offset in it of every place `pattern` occurs inside
/// a field of `text` (a short pattern only at the start of a word).
pub(super) fn scan(text: &str, fields: &[Field], p: &Pattern, mut found: impl FnMut(&Field, u32)) {
    scan_span(text, 0..text.len(), fields, 0, p, &mut |f, at| found(&fields[f], at));
}

/// From how many bytes of text [`scan_halves`] reads the second half on another thread.
const SCAN_HALVES_FROM: usize = 256 * 1024;

/// [`scan`], reading the second half of a long text on another thread: `found` is called
/// with the same places in the same order. A pattern cannot run from one field into the
/// next (it holds no line end), so the halves, cut where a field starts, find what one scan
/// finds.
pub(super) fn scan_halves(text: &str, fields: &[Field], p: &Pattern, mut found: impl FnMut(&Field, u32)) {
    let mid = fields.len() / 2;
    if text.len() < SCAN_HALVES_FROM || mid == 0 || p.text.contains('\n') {
        return scan(text, fields, p, found);
    }
    let cut = fields[mid].start as usize;
    let later = std::thread::scope(|scope| {
        let other = scope.spawn(|| {
            let mut places: Vec<(usize, u32)> = Vec::new();
            scan_span(text, cut..text.len(), fields, mid, p, &mut |f, at| places.push((f, at)));
            places
        });
        scan_span(text, 0..cut, &fields[..mid], 0, p, &mut |f, at| found(&fields[f], at));
        other.join()
    });
    match later {
        Ok(places) => places.into_iter().for_each(|(f, at)| found(&fields[f], at)),
        // The thread panicked: read that half here, as one scan would.
        Err(_) => scan_span(text, cut..text.len(), fields, mid, p, &mut |f, at| found(&fields[f], at)),
    }
}

/// [`scan`] over the bytes `span` of `text`, whose fields are `fields[first..]`: calls
/// `found` with the field's number.
fn scan_span(
    text: &str,
    span: std::ops::Range<usize>,
    fields: &[Field],
    first: usize,
    p: &Pattern,
    found: &mut impl FnMut(usize, u32),
) {
    let pattern = p.text.as_str();
    if pattern.is_empty() {
        return;
    }
    let bytes = text.as_bytes();
    let mut f = first;
    for at in memmem::find_iter(&bytes[span.clone()], pattern.as_bytes()).map(|at| at + span.start) {
        if !counts_at(bytes, at, pattern, p.open_end) {
            continue;
        }
        while f < fields.len() && (fields[f].end as usize) < at + pattern.len() {
            f += 1;
        }
        let Some(field) = fields.get(f) else { return };
        if (field.start as usize) <= at {
            found(f, offset(at) - field.start);
        }
    }
}

pub(super) fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
