//! Finding questions and text across the library: folding, matching and ranking.
//!
//! Pure and independent of the screen. Text is folded ([`fold`]) so "smaerter" finds
//! "smærter"; every word of a query must match, inside compounds too; a word of five or more
//! letters with one typo still finds question headings. See [`Index`] for the ranking.

mod fold;
mod fuzzy;
mod index;
mod rank;
mod snippet;
#[cfg(test)]
mod tests;

pub use fold::{fold, fold_mapped};
pub use fuzzy::within_one_edit;
pub use index::{FieldKind, Index, Unit};
pub use rank::{Hit, Query};
pub use snippet::{Snippet, highlight, snippet};
