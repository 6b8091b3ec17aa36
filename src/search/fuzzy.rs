//! Finding a word with one typo inside longer text (Danish joins words, so inside compounds).

use memchr::memmem;

/// The shortest term that a typo is forgiven in.
pub const MIN_FUZZY_LEN: usize = 5;

/// Whether `term` occurs in `text` with at most one letter wrong, missing or extra. Only
/// terms of [`MIN_FUZZY_LEN`] or more bytes are tried.
pub fn within_one_edit(term: &str, text: &str) -> bool {
    candidates(term, text).any(|at| verify(term, text, at))
}

/// Places in `text` where `term` may occur with one edit: a match with one edit keeps one
/// half of the term intact, so these are where either half occurs exactly (each given as
/// where the whole term would start). Check each with [`verify`].
pub fn candidates<'a>(term: &'a str, text: &'a str) -> impl Iterator<Item = usize> + 'a {
    let t = term.as_bytes();
    let mid = if t.len() < MIN_FUZZY_LEN { 0 } else { t.len() / 2 };
    let halves = if mid == 0 { vec![] } else { vec![(&t[..mid], 0), (&t[mid..], mid)] };
    halves.into_iter().flat_map(move |(half, offset)| {
        memmem::find_iter(text.as_bytes(), half).map(move |at| at.saturating_sub(offset))
    })
}

/// Whether `term` matches with at most one edit at about `at` in `text`.
pub fn verify(term: &str, text: &str, at: usize) -> bool {
    let (t, s) = (term.as_bytes(), text.as_bytes());
    let from = at.saturating_sub(1).min(s.len());
    let to = (at + t.len() + 1).min(s.len());
    distance_to_substring(t, &s[from..to]) <= 1
}

/// The fewest edits that turn `t` into some substring of `s` (Sellers' algorithm).
fn distance_to_substring(t: &[u8], s: &[u8]) -> usize {
    let mut prev: Vec<usize> = vec![0; s.len() + 1];
    let mut row = vec![0; s.len() + 1];
    for (i, &tc) in t.iter().enumerate() {
        row[0] = i + 1;
        for (j, &sc) in s.iter().enumerate() {
            let substitute = prev[j] + usize::from(tc != sc);
            row[j + 1] = substitute.min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev.into_iter().min().unwrap_or(t.len())
}

/// Whether `a` and `b` are at most one edit apart: a letter wrong, missing or extra, or
/// two letters next to each other swapped.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suffix.min(a.len())], &b[..b.len() - suffix.min(b.len())]);
    match (a.len(), b.len()) {
        (0, 0) | (1, 0) | (0, 1) | (1, 1) => true,
        (2, 2) => a[0] == b[1] && a[1] == b[0],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_apart_is_one_letter_or_one_swap() {
        assert!(one_edit_apart("bivirkniger", "bivirkninger"));
        assert!(one_edit_apart("fysioterapuet", "fysioterapeut"));
        assert!(one_edit_apart("morgnen", "morgenen"));
        assert!(one_edit_apart("knae", "knae"));
        assert!(!one_edit_apart("nakke", "nerve"));
        assert!(!one_edit_apart("abcd", "badc"));
    }

    #[test]
    fn one_letter_wrong_missing_or_extra_is_forgiven() {
        let text = "kan nervesmerter helbredes?";
        assert!(within_one_edit("helbredes", text));
        assert!(within_one_edit("helbrdes", text), "missing");
        assert!(within_one_edit("helbreddes", text), "extra");
        assert!(!within_one_edit("helbradas", text), "two wrong");
        assert!(within_one_edit("helbredus", text), "wrong");
        assert!(within_one_edit("smertre", text), "smerte, one letter extra");
        assert!(!within_one_edit("smatre", text));
        assert!(within_one_edit("smerte", text), "inside a compound");
        assert!(within_one_edit("smarter", text), "inside a compound, one wrong");
    }

    #[test]
    fn short_terms_must_match_exactly() {
        assert!(!within_one_edit("knae", "knee"));
    }
}
