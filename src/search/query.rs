//! A query as typed, analysed: its words of substance, the words that asked a kind of
//! question, and whether it was cut or only common words.

use super::intent::{self, Asked};
use crate::words::analyze::{self, MAX_WORD, words};
use crate::words::fold::fold;

/// The most query words that count.
pub const MAX_TERMS: usize = 24;

/// A query: its words, folded and analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The words looked for, folded (the stop words and question words set aside).
    pub terms: Vec<String>,
    /// The kinds of question it asks, and how strongly.
    pub asked: Asked,
    /// It was only stop words (they are then looked for themselves).
    pub only_common: bool,
    /// It had more words than count (only the first [`MAX_TERMS`] did).
    pub cut: bool,
    /// Every word, folded, stop words too (to find the phrases of synonym groups).
    pub words: Vec<String>,
    /// The words that asked a kind of question ("hvornår", "læge"): looked for too, but
    /// they count little, since the kind of question already stands for them.
    pub asking: Vec<String>,
    /// Whether the last word is still being typed (it may be the start of a longer word).
    pub typing: bool,
    /// The question folded, punctuation kept (at most [`MAX_TEXT`] bytes): what the warning
    /// signs read, since a comma ends what "ingen" denies.
    pub text: String,
}

/// The most of a question's folded text kept for the warning signs.
pub const MAX_TEXT: usize = 2_000;

impl Query {
    /// The query typed as `text`.
    pub fn new(text: &str) -> Query {
        let folded = fold(text);
        let all: Vec<&str> = words(&folded).map(|w| analyze::cut(w, MAX_WORD)).collect();
        let cut = all.len() > MAX_TERMS * 4;
        let all = &all[..all.len().min(MAX_TERMS * 4)];
        let asked = intent::detect(all);
        let mut terms: Vec<String> = Vec::new();
        let mut asking: Vec<String> = Vec::new();
        for (w, a) in all.iter().zip(&asked.only_asks).filter(|(w, _)| !analyze::is_stop(w)) {
            let list = if *a { &mut asking } else { &mut terms };
            if !list.iter().any(|t| t == w) {
                list.push((*w).to_string());
            }
        }
        // "Hvad er det?" asks what something is, but names nothing.
        let asks = asked.kinds.iter().any(|(k, _)| *k != super::intent::Kind::WhatIs);
        let only_common = terms.is_empty() && !asks && !all.is_empty();
        if only_common {
            for w in all {
                if !terms.iter().any(|t| t == w) {
                    terms.push((*w).to_string());
                }
            }
        }
        let cut = cut || terms.len() > MAX_TERMS;
        terms.truncate(MAX_TERMS);
        asking.truncate(MAX_TERMS);
        let words = all.iter().take(MAX_TERMS * 2).map(|w| (*w).to_string()).collect();
        let end = (0..=MAX_TEXT.min(folded.len())).rev().find(|&i| folded.is_char_boundary(i)).unwrap_or(0);
        let text = folded[..end].to_string();
        Query { terms, asked, only_common, cut, words, asking, typing: false, text }
    }

    /// The query being typed as `text`: its last word, unless a space follows it, may be
    /// the start of a longer word (the palette and library search).
    pub fn typing(text: &str) -> Query {
        let typing = text.ends_with(|c: char| c.is_alphanumeric());
        Query { typing, ..Query::new(text) }
    }

    /// Whether there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.asked.kinds.is_empty()
    }

    /// Whether it asks something that can be answered: not empty, and not stop words only.
    pub fn answerable(&self) -> bool {
        !self.is_empty() && !self.only_common
    }
}
