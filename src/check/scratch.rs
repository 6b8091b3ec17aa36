//! What one worker keeps from one article to the next while it checks: the stems the word
//! rules compared and the words the sentence rules met. Articles share most of their words,
//! and Snowball's stemmer and the sentence tokens' comparisons are slow, so a run keeps them;
//! each is bounded and emptied when full, so no number of articles can make it grow without
//! end. The run owns it and hands it in: nothing is kept behind a caller's back.

use super::sentence_words::Memo;
use super::text::Stems;

/// The most stems kept; past it, they are made anew.
pub(super) const MAX_STEMS: usize = 100_000;

/// What a worker keeps between articles (see the module). A fresh one finds what a used one
/// finds: it only saves work.
#[derive(Default)]
pub struct Scratch {
    /// The stems of the folded words the word rules compared.
    stems: Stems,
    /// The words the sentence rules met, for one rule set's tokens.
    pub(super) words: Memo,
}

impl Scratch {
    /// An empty one.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// The stems kept, emptied first when they hold [`MAX_STEMS`] words.
    pub(super) fn stems(&mut self) -> &mut Stems {
        if self.stems.len() > MAX_STEMS {
            self.stems = Stems::default();
        }
        &mut self.stems
    }
}
