//! Finding questions and text across the library: Danish analysis, matching and ranking.
//!
//! Pure and independent of the screen. Text is folded ([`fold`], from [`crate::words`]) so "smaerter" finds
//! "smærter"; query words are analysed ([`analyze`]: stop words, stems, compounds) and
//! expanded with editors' [`Synonyms`]; units rank by BM25 over their heading, title and
//! text. See [`Index`] for the ranking.

mod extract;
mod fuzzy;
mod head_words;
mod index;
pub mod intent;
mod intent_table;
mod learned;
#[cfg(test)]
mod plain;
mod query;
mod rank;
mod score;
mod select;
mod snippet;
#[cfg(test)]
mod tests;
mod topic;

pub use crate::library::{SynonymProblem, Synonyms, check_synonyms};
pub use crate::words::analyze;
pub use crate::words::fold::{fold, fold_into, fold_mapped};
pub use crate::words::line_of;
pub use crate::words::skeleton::{says, says_roughly, skeleton, skeleton_into};
pub use fuzzy::within_one_edit;
pub use index::{FieldKind, Index, Unit};
pub use learned::question_key;
pub use rank::{Concept, Hit, MAX_TERMS, Pattern, Query};
pub use select::{Care, Reading};
pub use snippet::{Snippet, highlight, highlights, snippet};
pub use topic::Named;
