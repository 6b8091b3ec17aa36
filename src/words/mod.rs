//! Words as the program compares them, below lookup, the library and the warning signs:
//! folding (case, accents, æøå spelled out), splitting into words, Danish stems, and
//! skeletons (æ, ø and å as one vowel).

pub mod analyze;
pub mod fold;
pub mod skeleton;

/// The 1-based line of the first place `needle` is written in `text`.
pub fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.find(needle).map(|at| text[..at].matches('\n').count() + 1)
}
