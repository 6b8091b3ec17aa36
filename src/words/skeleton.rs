//! Skeletons of words: folded, with the spelled-out Danish letters as one vowel, so that a
//! word typed without æ, ø and å meets its written form; and whether a word says a token.

use super::fold::fold_into;

/// `word` folded, with the spelled-out Danish letters as one vowel (`ae` → `e`, `oe` → `o`,
/// `aa` → `a`): the form a word typed without æ, ø and å (`lenden`, `knae`) meets its
/// written form in.
pub fn skeleton(word: &str) -> String {
    let mut out = String::new();
    skeleton_into(&mut out, word, &mut String::new());
    out
}

/// Appends [`skeleton`] of `word` to `out`, folding it in `buf` (whose text is replaced):
/// the same letters, without allocating for each word (`check` takes the skeleton of every
/// word of every paragraph and sentence).
pub fn skeleton_into(out: &mut String, word: &str, buf: &mut String) {
    buf.clear();
    fold_into(buf, word);
    let mut chars = buf.chars().peekable();
    while let Some(c) = chars.next() {
        let one = match (c, chars.peek()) {
            ('a', Some('e')) => Some('e'),
            ('o', Some('e')) => Some('o'),
            ('a', Some('a')) => Some('a'),
            _ => None,
        };
        match one {
            Some(letter) => {
                chars.next();
                out.push(letter);
            }
            None => out.push(c),
        }
    }
}

/// Whether the word `word` is said by `token` (both skeletons): the word starts with the
/// token, or is it when the token is written `=word` or has three letters or fewer, or has it
/// anywhere when the token is written `~part` (`~kræft` in "brystkræft").
pub fn says(word: &str, token: &str) -> bool {
    if let Some(part) = token.strip_prefix('~') {
        return word.contains(part);
    }
    match token.strip_prefix('=') {
        Some(whole) => word == whole,
        None if token.len() <= 3 => word == token,
        None => word.starts_with(token),
    }
}

/// [`says`], or says it with one letter wrong, missing or extra when both are seven letters or
/// more and start alike ("behandlig" for "behandl").
pub fn says_roughly(word: &str, token: &str) -> bool {
    says(word, token)
        || (token.len() >= TYPO_FROM
            && word.len() >= TYPO_FROM
            && !token.starts_with(['=', '~'])
            && word.as_bytes()[0] == token.as_bytes()[0]
            && one_off_a_start(token, word))
}

/// The shortest word and token [`says_roughly`] forgives a typo in.
const TYPO_FROM: usize = 7;

/// Whether `form` is at most one letter (wrong, missing or extra) off some start of `word`.
pub fn one_off_a_start(form: &str, word: &str) -> bool {
    let (f, w) = (form.as_bytes(), word.as_bytes());
    // prev[j]: edits between the form's first i letters and the word's first j.
    let mut prev: Vec<usize> = (0..=w.len()).collect();
    let mut row = vec![0; w.len() + 1];
    for (i, &fc) in f.iter().enumerate() {
        row[0] = i + 1;
        for (j, &wc) in w.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(fc != wc)).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev.into_iter().min().unwrap_or(usize::MAX) <= 1
}
