//! The two steps of lookup put together: the article the question names first
//! ([`super::topic`]), then within it the section of the kind it asks ([`super::intent`]),
//! then every other section by how well its words match (BM25, [`super::rank`]). A question
//! that names a warning sign asks for the "when to seek help" section above all.
//!
//! A unit's place is decided by, in order: whether its article is named (a named article's
//! sections all come before any other's), then the sum of its words' BM25 score, the kinds
//! of question its heading answers that the question asks (×[`W_KIND`]), how many of the
//! question's rarer words its article's text has ([`W_TEXT`]) and how strongly the article
//! is named ([`W_TOPIC`]); then an FAQ question before another, then the earlier unit.

use super::index::{FieldKind, Index};
use super::intent::Kind;
use super::rank::{Concept, Hit, Query, offset};
use super::topic::Named;
use crate::signs::Level;

/// How much a kind of question asked and answered counts, against a word's BM25 score.
pub(super) const W_KIND: f32 = 6.0;
/// How much a warning sign asks for the "when to seek help" section (as a kind's weight).
const SIGN: f32 = 2.5;
/// How much an article's text having the question's rarer words counts.
const W_TEXT: f32 = 1.0;
/// How much the strength an article is named with counts.
const W_TOPIC: f32 = 1.0;
/// How strongly an article must be named to be named at all.
const MIN_NAMED: f32 = 0.5;
/// The share of the strongest naming another article needs to be named beside it.
const NAMED_SHARE: f32 = 0.5;
/// The bits of a ranking key that hold the unit (a library has fewer than 2³¹ units).
const UNIT_BITS: u32 = (1 << 31) - 1;

/// How much a kind asked counts for the section of the nearest kind, in an article with
/// no section of its own kind.
const NEAREST: f32 = 0.7;
/// How strongly "what is X" asks for causes, X being named by an article it is not the
/// subject of.
const WHAT_IS_CAUSES: f32 = 1.05;
/// How strongly a complaint told without a question asks for causes.
const TOLD: f32 = 0.2;
/// How much a kind of question counts for an FAQ question, against a main section.
const FAQ_KIND: f32 = 0.8;
/// How much a kind learned from readers' questions counts, times its likelihood, and the
/// least likelihood that counts (both chosen by leaving each writer's set out of the
/// learning in turn and measuring it).
const LEARNED: f32 = 1.0;
const LEARNED_MIN: f32 = 0.2;
/// How strongly a warning sign names the articles it belongs to.
const SIGN_NAMES: f32 = 2.0;
/// How much the introduction counts for a question that only names its article.
const BARE: f32 = 1.0;

/// What the ranking needs to know of an article (named or not) for a question.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    /// The kinds of question the article has a section of.
    present: u32,
    named: bool,
    strength: f32,
    intro: bool,
    no_danger: bool,
    lacking: u32,
}

/// Which units a ranking may list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wanted {
    /// Question headings (the palette).
    Questions,
    /// Sections, and an article's introduction when the question asks what the article's
    /// subject is (answers).
    Answers,
    /// Everything (library search).
    All,
}

impl Wanted {
    /// Whether a unit of `kind` may be listed, `intro` saying whether an introduction may.
    pub(super) fn takes(self, kind: FieldKind, intro: bool) -> bool {
        match self {
            Wanted::Questions => kind.is_question(),
            Wanted::Answers => kind != FieldKind::Title || intro,
            Wanted::All => true,
        }
    }
}

/// How many of each article's units each concept was found in, turned into evidence that
/// the question is about the article: for each concept, how rare it is among the articles ×
/// a count that saturates. Counts are whole numbers, so the order units are found in does
/// not change the sums.
#[derive(Debug, Default)]
pub(super) struct ArticleHits {
    count: Vec<u32>,
    found: Vec<u32>,
    /// The evidence so far, by article.
    pub text: Vec<f32>,
}

impl ArticleHits {
    /// Ready for a library of `articles`.
    pub fn ready(&mut self, articles: usize) {
        self.count.resize(articles, 0);
        self.text.resize(articles, 0.0);
    }

    /// A unit of `article` has the concept.
    pub fn unit(&mut self, article: u32) {
        let a = article as usize;
        if let Some(c) = self.count.get_mut(a) {
            if *c == 0 {
                self.found.push(article);
            }
            *c += 1;
        }
    }

    /// The concept is done: its evidence (at `weight`) is added.
    pub fn end_concept(&mut self, weight: f32) {
        let n = self.count.len().max(1) as f32;
        let df = self.found.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln() * weight;
        for &a in &self.found {
            let c = self.count[a as usize] as f32;
            self.text[a as usize] += idf * c / (c + 1.0);
            self.count[a as usize] = 0;
        }
        self.found.clear();
    }

    /// Every sum back to zero.
    pub fn clear(&mut self) {
        self.text.fill(0.0);
    }

    /// The bytes held.
    pub fn heap_bytes(&self) -> usize {
        (self.count.capacity() + self.found.capacity() + self.text.capacity()) * 4
    }
}

/// The level of care a question's warning sign needs, said before the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Care {
    /// How urgent.
    pub level: Level,
    /// The sign, by name.
    pub sign: String,
    /// What to do.
    pub advice: String,
}

impl Care {
    /// The line said first: "⚠ Ring 112 nu — pludselig, meget voldsom hovedpine".
    pub fn line(&self) -> String {
        format!("⚠ {} — {}", self.advice, self.sign)
    }
}

/// What a question asks of the library, read before the sections are ranked: what
/// `artikel faq --explain` says.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The articles it names, strongest first (only those named strongly enough).
    pub named: Vec<Named>,
    /// The kinds of section it asks for, with how strongly.
    pub kinds: Vec<(Kind, f32)>,
    /// The warning signs it names, most urgent first.
    pub signs: Vec<crate::signs::Sign>,
    /// Whether it asks what its subject is, or only names an article: the introduction of
    /// an article named by its title answers.
    pub intro: bool,
    /// The kinds of [`Reading::kinds`] that only questions worded alike asked (learned from
    /// readers' questions), not the question's own words nor a warning sign.
    pub learned: Vec<Kind>,
}

impl Reading {
    /// Whether article `a` is named.
    pub fn names(&self, a: u32) -> bool {
        self.named.iter().any(|n| n.article == a)
    }

    /// The most urgent sign named: its level of care, its name and what to do, in the
    /// language in force.
    pub fn care(&self) -> Option<Care> {
        self.signs.first().map(|s| Care {
            level: s.level,
            sign: s.name().to_string(),
            advice: s.what_to_do(),
        })
    }

    /// The most urgent level of care of the signs named.
    pub fn level(&self) -> Option<Level> {
        self.signs.iter().map(|s| s.level).min()
    }

    /// How strongly `kind` is asked.
    fn weight(&self, kind: Kind) -> f32 {
        self.kinds.iter().find(|(k, _)| *k == kind).map_or(0.0, |(_, w)| *w)
    }
}

impl Index {
    /// Reads `query` (whose concepts are `concepts`): the articles it names, the kinds of
    /// section it asks for, the warning signs it names.
    pub(super) fn read_question(&self, query: &Query, concepts: &[Concept]) -> Reading {
        let words: Vec<(String, Vec<(String, f32)>)> = concepts
            .iter()
            .filter(|c| c.weight >= 1.0 && !c.heads_only)
            .map(|c| (c.word.clone(), c.patterns.iter().map(|p| (p.text.clone(), p.factor)).collect()))
            .collect();
        let mut named = self.topics().named(&words, &query.words);
        let best = named.first().map_or(0.0, |n| n.strength);
        named.retain(|n| n.strength >= MIN_NAMED && n.strength >= best * NAMED_SHARE);
        let mut kinds = query.asked.kinds.clone();
        let said = crate::signs::question_words(&query.text);
        let signs: Vec<crate::signs::Sign> = self.signs.said_by(&said).into_iter().cloned().collect();
        // A sign names the articles it belongs to: those of them the question names, or all
        // of them when it names none.
        for sign in &signs {
            let articles: Vec<u32> = sign
                .articles
                .iter()
                .filter_map(|slug| self.slugs.binary_search(slug).ok())
                .filter_map(|a| u32::try_from(a).ok())
                .collect();
            let by = (format!("⚠ {}", sign.name()), String::new());
            let named_already: Vec<usize> =
                (0..named.len()).filter(|&i| articles.contains(&named[i].article)).collect();
            if named_already.is_empty() {
                // The body part said only places an urgent sign ("prikken op til knæene"):
                // the sign's own articles come first.
                if sign.level <= Level::Now {
                    named.clear();
                }
                for a in articles {
                    named.push(Named {
                        article: a,
                        strength: SIGN_NAMES,
                        by: vec![by.clone()],
                        subject: Vec::new(),
                    });
                }
            }
            // Of the articles the question names, the sign's come first.
            for i in named_already {
                named[i].strength += SIGN_NAMES;
                named[i].by.push(by.clone());
            }
        }
        named.sort_by(|x, y| y.strength.total_cmp(&x.strength).then(x.article.cmp(&y.article)));
        // An article named only in passing beside a sign's own stays out ("prikken i armene"
        // after a car accident is the neck's warning sign, not the nerve article's).
        if !signs.is_empty() {
            let best = named.first().map_or(0.0, |n| n.strength);
            named.retain(|n| n.strength >= best * NAMED_SHARE);
        }
        if !signs.is_empty() {
            match kinds.iter_mut().find(|(k, _)| *k == Kind::SeekHelp) {
                Some((_, w)) => *w = w.max(SIGN),
                None => kinds.push((Kind::SeekHelp, SIGN)),
            }
        }
        // A complaint said only in one of the article's own phrases, nothing asked ("stiv
        // nakke", "hold i ryggen"): the phrase says what the article is about.
        if kinds.is_empty() && !query.typing {
            for n in &mut named {
                let phrases: Vec<&str> =
                    n.by.iter().map(|(said, _)| said.as_str()).filter(|said| said.contains(' ')).collect();
                let in_phrase = |patterns: &[(String, f32)]| {
                    phrases.iter().any(|said| said.split(' ').any(|t| patterns.iter().any(|(p, _)| p == t)))
                };
                let all_said = words.iter().all(|(w, patterns)| {
                    super::topic::is_general(w) || n.subject.contains(w) || in_phrase(patterns)
                });
                if !phrases.is_empty() && all_said {
                    for (w, _) in &words {
                        if !n.subject.contains(w) {
                            n.subject.push(w.clone());
                        }
                    }
                }
            }
        }
        // Every word of substance named the article (or is a word for pain).
        let covered =
            |w: &str| super::topic::is_general(w) || named.iter().any(|n| n.subject.iter().any(|s| s == w));
        // What it is, or nothing but the article's name: its introduction answers.
        let only_what_is = kinds.iter().all(|(k, _)| *k == Kind::WhatIs);
        let intro = !named.is_empty() && only_what_is && words.iter().all(|(w, _)| covered(w));
        // What a condition the article names but is not about is ("hvad er impingement" of
        // the shoulder's article): the section on causes explains it, the symptoms next.
        if !intro && !named.is_empty() && only_what_is && !kinds.is_empty() {
            kinds.extend([(Kind::Causes, WHAT_IS_CAUSES), (Kind::Symptoms, WHAT_IS_CAUSES / 2.0)]);
            kinds.sort_by_key(|(k, _)| *k);
        }
        // A complaint told and nothing asked ("skulderen er blevet helt stiv"): what may cause
        // it answers, then how it shows. (Not while it is being typed in the palette, which
        // lists the headings the words find, or the text that mentions them.)
        if !intro && !named.is_empty() && kinds.is_empty() && !query.typing {
            kinds.extend([(Kind::Causes, TOLD), (Kind::Symptoms, TOLD / 2.0)]);
            kinds.sort_by_key(|(k, _)| *k);
        }
        // What questions worded like it asked, as learned from readers' questions, adds to
        // the kinds read from the table (not while typing: the palette lists headings; not
        // to a question that only names an article, whose introduction answers).
        // What the table read the question as asking stays first: beside it, the learned
        // kinds count half.
        let mut learned = Vec::new();
        if !query.typing && !intro {
            let weight = if query.asked.kinds.is_empty() { LEARNED } else { LEARNED / 2.0 };
            for (kind, p) in super::learned::kinds(&query.text) {
                if p < LEARNED_MIN {
                    continue;
                }
                match kinds.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, have)) => *have += weight * p,
                    None => {
                        learned.push(kind);
                        kinds.push((kind, weight * p));
                    }
                }
            }
            kinds.sort_by_key(|(k, _)| *k);
        }
        Reading { named, kinds, signs, intro, learned }
    }

    /// How much the kinds of question unit `u`'s heading answers count for `reading`, its
    /// article being as `facts` says: within a named article without a section on danger,
    /// "is it dangerous" is asked of its "when to seek help" section; "what is it" of its
    /// introduction, which also answers, at a quarter, the kinds its article lacks.
    fn kind_bonus(&self, u: usize, reading: &Reading, facts: Facts) -> f32 {
        let mut bits = self.intents[u];
        let intro = self.kinds[u] == FieldKind::Title;
        if intro && facts.intro {
            bits |= Kind::WhatIs.bit();
        }
        let mut bonus: f32 = reading.kinds.iter().filter(|(k, _)| bits & k.bit() != 0).map(|(_, w)| *w).sum();
        if facts.no_danger && bits & Kind::SeekHelp.bit() != 0 {
            bonus += reading.weight(Kind::Danger);
        }
        // A kind the article has no section of is asked of the section of the nearest kind.
        for (kind, weight) in &reading.kinds {
            if facts.present & kind.bit() == 0
                && let Some(near) = kind.nearest()
                && bits & near.bit() != 0
            {
                bonus += weight * NEAREST;
            }
        }
        // An FAQ question answers its own question; a main section answers the kind.
        if self.kinds[u] == FieldKind::FaqQuestion {
            bonus *= FAQ_KIND;
        }
        if intro {
            let lacking = facts.lacking;
            let instead: f32 =
                reading.kinds.iter().filter(|(k, _)| lacking & k.bit() != 0).map(|(_, w)| w / 4.0).sum();
            bonus += instead;
        }
        bonus
    }

    /// The best `limit` units of `wanted` kinds, given each unit's BM25 `score` and each
    /// article's evidence from its text (`text`), and how many could be listed.
    pub(super) fn select(
        &self,
        reading: &Reading,
        score: &[f32],
        text: &[f32],
        body_at: &[(u32, u32)],
        limit: usize,
        wanted: Wanted,
    ) -> (Vec<Hit>, usize) {
        // What each named article is: how strongly named, whether its introduction answers,
        // whether it lacks a section on danger (then "is it dangerous" goes to its "when to
        // seek help"), and the kinds asked no section of it answers (only how long it lasts:
        // an introduction tells what the condition is and how it goes).
        let asked = reading.kinds.iter().fold(0, |bits, (k, _)| bits | k.bit()) & Kind::Course.bit();
        // (None named: no table to make, every article's facts are the default.)
        let mut facts = if reading.named.is_empty() {
            Vec::new()
        } else {
            vec![Facts::default(); self.article_start.len()]
        };
        for n in &reading.named {
            let Some(f) = facts.get_mut(n.article as usize) else { continue };
            let kinds = self.units_of(n.article).fold(0, |bits, u| bits | self.intents[u]);
            *f = Facts {
                present: kinds,
                named: true,
                strength: n.strength,
                intro: reading.intro && !n.subject.is_empty(),
                no_danger: kinds & Kind::Danger.bit() == 0,
                lacking: asked & !kinds,
            };
        }
        // Each hit as one number that sorts as the ranking does: a named article's first,
        // then its total (positive, so its bits sort as it does), then an FAQ question
        // first, then the earlier unit.
        let mut keys: Vec<u64> = Vec::new();
        // `overview`: nothing but its name found the unit's article.
        let mut key = |u: usize, base: f32, overview: bool| {
            let kind = self.kinds[u];
            let a = self.units[u].article;
            let f = facts.get(a as usize).copied().unwrap_or_default();
            if !wanted.takes(kind, f.intro || f.lacking != 0 || overview) {
                return;
            }
            let bonus = self.kind_bonus(u, reading, f);
            let bare = if kind == FieldKind::Title && (f.intro || overview) { BARE } else { 0.0 };
            // A unit no word found is listed only for the kind of question it answers.
            if base <= 0.0 && bonus + bare <= 0.0 {
                return;
            }
            let evidence = text.get(a as usize).copied().unwrap_or(0.0);
            let total = base + W_KIND * (bonus + bare) + W_TEXT * evidence + W_TOPIC * f.strength;
            if total <= 0.0 {
                return;
            }
            let named = f.named;
            let faq = u64::from(kind == FieldKind::FaqQuestion);
            keys.push(
                (u64::from(named) << 63)
                    | (u64::from(total.to_bits()) << 32)
                    | (faq << 31)
                    | u64::from(UNIT_BITS - offset(u).min(UNIT_BITS)),
            );
        };
        for (u, &s) in score.iter().enumerate() {
            if s > 0.0 {
                key(u, s, false);
            }
        }
        // A named article's sections the words did not find, which its kind may still fit
        // (not in library search, which lists where the words are). When no word but the
        // article's name found anything in it, its introduction answers.
        for named in reading.named.iter().filter(|_| wanted != Wanted::All) {
            let units = self.units_of(named.article);
            let found = units.clone().any(|u| score[u] > 0.0);
            for u in units {
                if score[u] <= 0.0 {
                    key(u, 0.0, !found);
                }
            }
        }
        let total = keys.len();
        if keys.len() > limit && limit > 0 {
            keys.select_nth_unstable_by(limit - 1, |a, b| b.cmp(a));
            keys.truncate(limit);
        }
        let best = &mut keys[..limit.min(total)];
        best.sort_unstable_by(|a, b| b.cmp(a));
        let hits = best
            .iter()
            .map(|&key| {
                let u = (UNIT_BITS - (key as u32 & UNIT_BITS)) as usize;
                Hit {
                    unit: offset(u),
                    target: self.units[u],
                    score: f32::from_bits((key >> 32) as u32 & !(1 << 31)),
                    body_at: body_at.get(u).filter(|at| at.0 != u32::MAX).copied(),
                }
            })
            .collect();
        (hits, total)
    }
}
