//! Which of the sentence rules' tokens a paragraph or sentence says, word by word: each
//! distinct word is folded, made a skeleton and compared with the tokens once (kept from one
//! article to the next in the worker's [`super::Scratch`]), so a paragraph's words are not folded, sorted and searched again for
//! every paragraph and every sentence that holds them.
//!
//! What a text says is what [`crate::signs::words_of`] and [`crate::signs::way_said`] find:
//! a token is said by a word (the whole word for `=word` and short tokens, else its start)
//! or by two neighbouring words written together. Texts with letters whose folding could
//! join or split words (anything but ASCII and æ ø å é), and rules with a part of a word
//! (`~part`), are read the old way.

use super::quick::QuickMap;
use super::text::skeleton_key;
use crate::signs::{Token, TokenWay, Tokens};
use std::sync::atomic::{AtomicU64, Ordering};

/// What one word says: its skeleton, the tokens it says alone, those longer than it that
/// start with it (which it may say written together with the next word), and the key of
/// its first letters.
#[derive(Debug)]
struct Said {
    skeleton: String,
    alone: Vec<usize>,
    longer: Vec<usize>,
    key: (char, char),
}

/// The words met so far, for the tokens of one rule set: a worker's, kept in its
/// [`super::Scratch`] from one article to the next.
#[derive(Default)]
pub(super) struct Memo {
    owner: u64,
    ids: QuickMap<Box<str>, usize>,
    said: Vec<Said>,
}

/// Marks outside ASCII that are neither letters nor digits and that folding leaves as they
/// are: they part words the same before and after folding.
const PUNCTUATION: [char; 10] = ['–', '—', '“', '”', '‘', '’', '…', '«', '»', '\u{a0}'];

/// The most words kept; past it, the words are met anew.
const MAX_WORDS: usize = 200_000;

/// Each rule set's tokens are told apart by a number of their own.
static OWNERS: AtomicU64 = AtomicU64::new(1);

/// A rule set's tokens, and whether they can be read word by word.
#[derive(Debug, Clone, Default)]
pub(super) struct Lexicon {
    owner: u64,
    tokens: Tokens,
    /// The tokens' text and whether each must be the whole word.
    sorted: Vec<(String, bool)>,
    /// Whether no token is a part of a word (`~`).
    whole_words: bool,
}

/// The words of a paragraph, each with its offset and what it says.
pub(super) struct Read {
    words: Vec<(usize, usize)>,
}

impl Lexicon {
    /// The lexicon of `tokens`, whose ways are `ways`.
    pub(super) fn new(tokens: Tokens, ways: &[Vec<TokenWay>]) -> Lexicon {
        let whole_words = !ways.iter().flatten().flatten().flatten().any(|t| matches!(t, Token::Part(_)));
        let sorted = tokens.listed().to_vec();
        Lexicon { owner: OWNERS.fetch_add(1, Ordering::Relaxed), tokens, sorted, whole_words }
    }

    /// The tokens.
    pub(super) fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    /// The words of `text`, read word by word when it can be (the words met kept in `memo`):
    /// `None` when it must be read the old way.
    pub(super) fn read(&self, text: &str, memo: &mut Memo) -> Option<Read> {
        let plain = text.chars().all(|c| {
            c.is_ascii()
                || matches!(c, 'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å' | 'é' | 'É')
                || PUNCTUATION.contains(&c)
        });
        if !self.whole_words || !plain {
            return None;
        }
        if memo.owner != self.owner || memo.said.len() > MAX_WORDS {
            *memo = Memo { owner: self.owner, ..Memo::default() };
        }
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        for (at, word) in crate::search::analyze::word_spans(text) {
            let id = match memo.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = memo.said.len();
                    memo.said.push(self.meet(word));
                    memo.ids.insert(word.into(), id);
                    id
                }
            };
            words.push((at, id));
        }
        Some(Read { words })
    }

    /// What `word` says.
    fn meet(&self, word: &str) -> Said {
        let skeleton = crate::search::skeleton(&crate::search::fold(word));
        let mut alone = Vec::new();
        let mut longer = Vec::new();
        for (k, (token, whole)) in self.sorted.iter().enumerate() {
            let says = if *whole { *token == skeleton } else { skeleton.starts_with(token.as_str()) };
            if says {
                alone.push(k);
            } else if token.len() > skeleton.len() && token.starts_with(skeleton.as_str()) {
                longer.push(k);
            }
        }
        let key = skeleton_key(word, &mut String::new());
        Said { skeleton, alone, longer, key }
    }

    /// The keys of the first letters of the words of `read` (read with `memo`).
    pub(super) fn keys(&self, read: &Read, memo: &Memo, mut f: impl FnMut((char, char))) {
        read.words.iter().for_each(|&(_, id)| f(memo.said[id].key));
    }

    /// Which tokens the words of `read` (read with `memo`) that lie in bytes `range` say
    /// (each word alone, and each two neighbours written together).
    pub(super) fn said(&self, read: &Read, memo: &Memo, range: std::ops::Range<usize>) -> Vec<bool> {
        let mut said = vec![false; self.sorted.len()];
        let mut last: Option<&Said> = None;
        for &(at, id) in &read.words {
            if !range.contains(&at) {
                last = None;
                continue;
            }
            let word = &memo.said[id];
            word.alone.iter().for_each(|&k| said[k] = true);
            if let Some(before) = last {
                // Two words together say a token longer than the first that the first
                // starts: one shorter is said by the first alone.
                for &k in &before.longer {
                    let (token, whole) = &self.sorted[k];
                    let rest = &token[before.skeleton.len()..];
                    said[k] |= if *whole { word.skeleton == rest } else { word.skeleton.starts_with(rest) };
                }
            }
            last = Some(word);
        }
        said
    }
}

/// Whether every word of `way` is said, given what [`Lexicon::said`] found.
pub(super) fn way_said(way: &TokenWay, said: &[bool]) -> bool {
    way.iter().all(|alts| {
        alts.iter().any(|t| match t {
            Token::At(k) => said.get(*k).copied().unwrap_or(false),
            Token::Part(_) => false,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::RuleSet;
    use crate::check::text::sentences;
    use crate::signs::{way, words_of};

    /// The bundled sentence rules' tokens, and a list of look-alike words' ways.
    fn lexicon() -> Lexicon {
        let rules = RuleSet::bundled().expect("the bundled rules");
        let mut ways: Vec<Vec<Vec<Vec<String>>>> = rules
            .editor
            .sentences
            .iter()
            .map(|r| r.says.iter().chain(&r.unless).chain(&r.in_paragraph).map(|w| way(w)).collect())
            .collect();
        ways.push(
            ["=seng", "sengen", "hals|krave", "halskrave", "ned dage", "abc", "=ab", "piskesmaeld"]
                .map(way)
                .to_vec(),
        );
        let listed: Vec<&[Vec<Vec<String>>]> = ways.iter().map(Vec::as_slice).collect();
        let (tokens, written) = Tokens::of(&listed);
        Lexicon::new(tokens, &written)
    }

    #[test]
    fn word_by_word_says_what_the_sorted_words_say() {
        let lexicon = lexicon();
        let articles = [
            include_str!("../../articles/knaesmerter.md"),
            include_str!("../../articles/laendesmerter.md"),
            include_str!("../../articles/nakkesmerter.md"),
            include_str!("../../articles/spaendingshovedpine.md"),
        ];
        // Words that look alike: a whole word and its longer forms, words written apart and
        // together, Danish letters spelled out, a short token and a longer word.
        let near = [
            "Bliv i seng. Bliv i sengen. Bliv i senge, sengetøjet er rent.",
            "Brug en halskrave. Brug en hals krave! En blød krave.",
            "Lig ned i dage. Lig nede i døgn. Ligge ned dagevis.",
            "Piske smæld og piskesmæld, piske smældet. Ab abc abcd AB.",
            "Tag altid en røntgen. Tag en røntgenbillede. Tag ikke røntgen.",
            "Skånsomt for maven, skaansom mave. Ufarligt og uden bivirkninger.",
            "Ligge–ned i dage… Brug “halskrave”—ikke\u{a0}seng. ‘Hals’ «krave» altid–røntgen.",
            "",
            "   ",
        ];
        let texts = articles.iter().flat_map(|a| a.split("\n\n")).chain(near);
        let mut read = 0;
        let memo = &mut Memo::default();
        for text in texts {
            let Some(words) = lexicon.read(text, memo) else { continue };
            read += 1;
            let old = lexicon.tokens().said(&words_of(text));
            assert_eq!(lexicon.said(&words, memo, 0..text.len()), old, "{text}");
            for (_, sentence) in sentences(text) {
                let start = sentence.as_ptr() as usize - text.as_ptr() as usize;
                let old = lexicon.tokens().said(&words_of(sentence));
                assert_eq!(lexicon.said(&words, memo, start..start + sentence.len()), old, "{sentence}");
            }
        }
        assert!(read > 50, "most texts are read word by word: {read}");
    }

    /// The sentence rules' ids found in `body`.
    fn fired(body: &str) -> Vec<String> {
        let rules = RuleSet::bundled().expect("the bundled rules");
        let ids: Vec<&String> = rules.editor.sentences.iter().map(|r| &r.id).collect();
        let found = rules.editor.apply(&crate::signs::Signs::default(), "prove", body, 1);
        found.into_iter().map(|f| f.rule).filter(|r| ids.contains(&r)).collect()
    }

    #[test]
    fn one_word_form_fires_a_rule_and_its_look_alike_does_not() {
        // `=seng` is the whole word; "sengekanten" starts like it and is no bed rest.
        assert_eq!(fired("Læg dig i seng et par dage.\n"), ["sengeleje"]);
        assert_eq!(fired("Sæt dig på sengekanten et par dage.\n"), Vec::<String>::new());
        // Written apart, "hals krave" is the collar too; "hals kraven" is not "blød krave".
        assert_eq!(fired("Brug en hals krave de første dage.\n"), ["halskrave"]);
        assert_eq!(fired("Brug ikke en halskrave de første dage.\n"), Vec::<String>::new());
        // The same sentence with Danish letters spelled out, and with a letter read the old way.
        assert_eq!(fired("Laeg dig i seng et par dage.\n"), ["sengeleje"]);
        assert_eq!(fired("Smärta: læg dig i seng et par dage.\n"), ["sengeleje"]);
    }

    #[test]
    fn texts_with_other_letters_are_read_the_old_way() {
        let lexicon = lexicon();
        let memo = &mut Memo::default();
        assert!(lexicon.read("Ondt i knæet, også på Ærø. Café? Ja – “altid”…", memo).is_some());
        for c in PUNCTUATION {
            let folded = crate::search::fold(&c.to_string());
            assert!(!c.is_alphanumeric() && folded == c.to_string(), "{c:?} folds to itself and parts words");
        }
        assert!(lexicon.read("İstanbul", memo).is_none(), "a letter whose lower case is two");
        assert!(lexicon.read("Smärta", memo).is_none());
    }
}
