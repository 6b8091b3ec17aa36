//! What one worker keeps from one article to the next while it checks: the stems the word
//! rules compared, the words the sentence rules met and the warning signs each paragraph of a
//! "when to seek help" section names. Articles share most of their words,
//! and Snowball's stemmer and the sentence tokens' comparisons are slow, so a run keeps them;
//! each is bounded and emptied when full, so no number of articles can make it grow without
//! end. The run owns it and hands it in: nothing is kept behind a caller's back.

use super::sentence_words::Memo;
use super::text::{Stems, Unit};
use crate::signs::{Sign, Signs};
use std::collections::HashMap;

/// The most stems kept; past it, they are made anew.
pub(super) const MAX_STEMS: usize = 100_000;

/// The most paragraphs whose warning signs are kept, and the most bytes of their text.
const MAX_PARAGRAPHS: usize = 50_000;
const MAX_PARAGRAPH_BYTES: usize = 32 << 20;

/// What a worker keeps between articles (see the module). A fresh one finds what a used one
/// finds: it only saves work.
#[derive(Default)]
pub struct Scratch {
    /// The stems of the folded words the word rules compared.
    stems: Stems,
    /// The words the sentence rules met, for one rule set's tokens.
    pub(super) words: Memo,
    /// The signs each paragraph named, for one checker's warning signs.
    named: Named,
}

/// Which warning signs (their places in the table) a paragraph's whole text names, for the
/// signs of the checker `owner` (0: none, and nothing is kept). A paragraph's signs are a
/// matter of its text alone (its words, [`crate::signs::words_of`]); the level of care it
/// stands under is judged apart, every time.
#[derive(Default)]
struct Named {
    owner: u64,
    by_text: HashMap<Box<str>, Vec<usize>>,
    bytes: usize,
}

impl Scratch {
    /// An empty one.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// Takes the scratch into the service of the checker `owner` (a number of its own): what
    /// it kept about another checker's warning signs is let go.
    pub(super) fn serve(&mut self, owner: u64) {
        if self.named.owner != owner {
            self.named = Named { owner, ..Named::default() };
        }
    }

    /// The signs of `signs` (the table of the checker this scratch serves) that `unit` names,
    /// as [`Signs::named_in`] finds them in its words.
    pub(super) fn signs_named<'s>(&mut self, signs: &'s Signs, unit: &Unit) -> Vec<&'s Sign> {
        let named = &mut self.named;
        if named.owner == 0 {
            return signs.named_in(unit.words());
        }
        if let Some(places) = named.by_text.get(unit.text.as_str()) {
            return places.iter().filter_map(|&i| signs.iter().nth(i)).collect();
        }
        let found = signs.named_in(unit.words());
        let places = found.iter().filter_map(|s| signs.iter().position(|t| std::ptr::eq(t, *s))).collect();
        if named.by_text.len() >= MAX_PARAGRAPHS || named.bytes + unit.text.len() > MAX_PARAGRAPH_BYTES {
            named.by_text.clear();
            named.bytes = 0;
        }
        named.bytes += unit.text.len();
        named.by_text.insert(unit.text.as_str().into(), places);
        found
    }

    /// The stems kept, emptied first when they hold [`MAX_STEMS`] words.
    pub(super) fn stems(&mut self) -> &mut Stems {
        if self.stems.len() > MAX_STEMS {
            self.stems = Stems::default();
        }
        &mut self.stems
    }
}
