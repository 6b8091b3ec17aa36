//! Running a query over the index and ranking what it finds.
//!
//! Every word of the query must match somewhere in a unit: its heading (or the article's
//! title, for an article's top) or the text under it. A unit ranks by, in order:
//! 1. where its words matched: a question heading beats another heading, which beats an
//!    article title, which beats body text (summed over the words; a word matched with a
//!    typo counts half);
//! 2. an FAQ question before an ordinary question;
//! 3. earlier and denser hits first.

use super::fold::fold;
use super::fuzzy;
use super::index::{Field, FieldKind, Index, Unit};
use memchr::memmem;

/// A query: its words, folded. At most 16 words count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The folded words.
    pub terms: Vec<String>,
}

impl Query {
    /// The query typed as `text`.
    pub fn new(text: &str) -> Query {
        Query { terms: fold(text).split_whitespace().take(16).map(str::to_string).collect() }
    }

    /// Whether there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A unit that matched, and how well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The unit's number in the index.
    pub unit: u32,
    /// What it points at.
    pub target: Unit,
    /// Field weights summed over the words: higher is better.
    pub weight: u32,
    /// Earliness and density: higher is better.
    pub closeness: u32,
    /// Where in the unit's folded body text the first word matched, if it matched there.
    pub body_at: Option<u32>,
}

impl Hit {
    /// One number that orders hits the way [`Index::search`] does.
    pub fn score(&self) -> u64 {
        (u64::from(self.weight) << 32)
            | (u64::from(self.target.kind == FieldKind::FaqQuestion) << 31)
            | u64::from(self.closeness.min(1 << 30))
    }
}

/// What is known of one unit while a query runs (kept small: there is one per unit).
#[derive(Debug, Clone, Copy)]
struct Tally {
    exact: u16,
    fuzzy: u16,
    weight: u16,
    first: u16,
    count: u16,
    /// Where the first word matched in the body text; `u32::MAX` for not there.
    body_at: u32,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally { exact: 0, fuzzy: 0, weight: 0, first: 0, count: 0, body_at: u32::MAX }
    }
}

/// A word that matched this many question headings exactly is not also tried with typos:
/// its exact hits rank first anyway, and the common words are what makes typo search slow.
const FUZZY_WHEN_FEWER: usize = 20;

impl Index {
    /// The question headings that match `query`, best first (all of them, in library order,
    /// for an empty query): what the question palette lists.
    pub fn questions(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.run(query, limit, false, |u| u.kind.is_question())
    }

    /// Titles, headings and text that match `query`, best first: library search.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        self.run(query, limit, true, |_| true)
    }

    /// The best answer to `query`: the best question heading, or else the best heading of
    /// any kind whose section matches.
    pub fn best_answer(&self, query: &Query) -> Option<Hit> {
        if query.is_empty() {
            return None;
        }
        let question = self.questions(query, 1).first().copied();
        question.or_else(|| self.search(query, 50).into_iter().find(|h| h.target.heading.is_some()))
    }

    fn run(&self, query: &Query, limit: usize, bodies: bool, wanted: impl Fn(&Unit) -> bool) -> Vec<Hit> {
        let all = if query.terms.is_empty() { 0 } else { (1u32 << query.terms.len()) - 1 };
        let mut tallies = vec![Tally::default(); self.units.len()];
        for (t, term) in query.terms.iter().enumerate() {
            let bit = 1u16 << t;
            let mut questions = 0;
            scan(&self.heads, &self.head_fields, term, |field, at| {
                let tally = &mut tallies[field.unit as usize];
                let kind = self.units[field.unit as usize].kind;
                questions += usize::from(kind.is_question() && tally.exact & bit == 0);
                record(tally, bit, kind.weight(), at, false);
            });
            if bodies {
                scan(&self.bodies, &self.body_fields, term, |field, at| {
                    record(&mut tallies[field.unit as usize], bit, FieldKind::Body.weight(), at, true);
                });
            }
            if questions < FUZZY_WHEN_FEWER {
                self.fuzzy_questions(term, bit, &mut tallies);
            }
        }
        let mut hits: Vec<Hit> = tallies
            .iter()
            .enumerate()
            .filter(|(u, tally)| u32::from(tally.exact | tally.fuzzy) == all && wanted(&self.units[*u]))
            .map(|(u, tally)| Hit {
                unit: u32::try_from(u).unwrap_or(u32::MAX),
                target: self.units[u],
                weight: u32::from(tally.weight),
                closeness: 100u32.saturating_sub(u32::from(tally.first)) + u32::from(tally.count.min(20)) * 5,
                body_at: (tally.body_at != u32::MAX).then_some(tally.body_at),
            })
            .collect();
        if !query.terms.is_empty() {
            let order = |a: &Hit, b: &Hit| b.score().cmp(&a.score()).then(a.unit.cmp(&b.unit));
            // Only the best `limit` need ordering: pick them out first.
            if hits.len() > limit && limit > 0 {
                hits.select_nth_unstable_by(limit - 1, order);
                hits.truncate(limit);
            }
            hits.sort_by(order);
        }
        hits.truncate(limit);
        hits
    }

    /// Words of five letters or more that did not match a question heading exactly may match
    /// it with one typo, for half the weight.
    fn fuzzy_questions(&self, term: &str, bit: u16, tallies: &mut [Tally]) {
        if term.len() < fuzzy::MIN_FUZZY_LEN {
            return;
        }
        let mut fields = self.head_fields.iter().peekable();
        let mut starts: Vec<usize> = fuzzy::candidates(term, &self.heads).collect();
        starts.sort_unstable();
        for at in starts {
            while fields.next_if(|f| (f.end as usize) < at).is_some() {}
            let Some(field) = fields.peek() else { break };
            let tally = &mut tallies[field.unit as usize];
            let kind = self.units[field.unit as usize].kind;
            if !kind.is_question() || (tally.exact | tally.fuzzy) & bit != 0 {
                continue;
            }
            let text = &self.heads[field.start as usize..field.end as usize];
            if fuzzy::verify(term, text, at.saturating_sub(field.start as usize)) {
                tally.fuzzy |= bit;
                tally.weight = tally.weight.saturating_add(weight16(kind.weight() / 2));
            }
        }
    }
}

/// Calls `found` with the field and the offset in it of every place `term` occurs inside
/// a field of `text`.
fn scan(text: &str, fields: &[Field], term: &str, mut found: impl FnMut(&Field, u32)) {
    let mut f = 0;
    for at in memmem::find_iter(text.as_bytes(), term.as_bytes()) {
        while f < fields.len() && (fields[f].end as usize) < at + term.len() {
            f += 1;
        }
        let Some(field) = fields.get(f) else { return };
        if (field.start as usize) <= at {
            found(field, u32::try_from(at).unwrap_or(u32::MAX) - field.start);
        }
    }
}

fn record(tally: &mut Tally, bit: u16, weight: u32, at: u32, in_body: bool) {
    if tally.exact & bit == 0 {
        tally.exact |= bit;
        tally.weight = tally.weight.saturating_add(weight16(weight));
        if bit == 1 {
            tally.first = u16::try_from(at).unwrap_or(u16::MAX);
            if in_body {
                tally.body_at = at;
            }
        }
    }
    tally.count = tally.count.saturating_add(1);
}

fn weight16(weight: u32) -> u16 {
    u16::try_from(weight).unwrap_or(u16::MAX)
}
