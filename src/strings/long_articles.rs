//! What the reader says about long articles and finding in them.

use super::Phrase;

/// Shown when the rest of a long article could not be parsed: only its start is shown.
pub const PARSE_FAILED: Phrase = Phrase::new(
    "Only the start of this article could be read; the rest is not shown",
    "Kun begyndelsen af artiklen kunne læses; resten vises ikke",
);

/// The rest of a long article could not be parsed, saying why.
pub fn parse_failed(why: &str) -> String {
    format!("{PARSE_FAILED} ({why})")
}
