//! Danish analysis of folded words, the same for text and query: stop words, stems, and
//! the patterns a word is looked for by.
//!
//! A word is looked for by its stem, as a substring of the folded text, so inflections
//! (`ryggen`/`ryg`, `opereres`/`operation`) and compounds that contain it (`knæ` in
//! `knæsmerter`) meet. A stem shorter than four letters only matches at the start of a word,
//! so `ryg` finds "ryggen" and "rygøvelser" but not "problemer".

use super::fold::fold;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

/// Danish words too common to decide a ranking, folded: pronouns, articles, prepositions,
/// conjunctions and the commonest verbs.
const STOP_WORDS: &[&str] = &[
    "af", "alle", "alt", "andet", "andre", "at", "bare", "blev", "blive", "bliver", "da", "de", "dem", "den",
    "denne", "der", "deres", "det", "dette", "dig", "din", "dine", "disse", "dit", "du", "efter", "eller",
    "en", "end", "er", "et", "faa", "faar", "fik", "for", "fordi", "foer", "fra", "goer", "goere", "gjort",
    "har", "have", "havde", "hende", "hendes", "hun", "hans", "han", "her", "hos", "hvad", "hvis", "hvor",
    "hvordan", "i", "igen", "ikke", "ind", "jeg", "jer", "jo", "kan", "kunne", "lige", "man", "mange", "med",
    "meget", "men", "mere", "mig", "min", "mine", "mit", "mod", "maa", "naar", "nogen", "noget", "nu", "og",
    "ogsaa", "om", "op", "os", "over", "paa", "saa", "sig", "sin", "sine", "sit", "skal", "skulle", "som",
    "til", "ud", "under", "var", "vi", "vil", "ville", "vaere", "vaeret", "ved",
    // English, as questions are sometimes typed: its commonest words, where they are no
    // Danish word ("is" is ice, and stays).
    "the", "of", "my", "and", "to", "with", "for", "on", "at", "me", "an", "are", "was", "it", "its", "have",
    "has", "do", "does", "what", "should", "this", "that", "from", "your", "you",
];

/// Endings a Danish word may carry that the Snowball stemmer keeps on short words
/// (`knæet` → `knæ`), longest first.
const ENDINGS: &[&str] = &["ernes", "erne", "ene", "ens", "ets", "en", "et", "er", "e", "s"];

/// The shortest stem that is looked for anywhere in a word; shorter ones only at its start.
pub const ANYWHERE_LEN: usize = 4;

/// The longest word that is analysed; longer ones are cut (nobody types them, and they
/// would make typo matching slow).
pub const MAX_WORD: usize = 40;

static DANISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Danish));

/// Whether `word` (folded) is a stop word.
pub fn is_stop(word: &str) -> bool {
    static SET: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    word.chars().nth(1).is_none() || SET.contains(word)
}

/// The words of folded text: runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    word_spans(folded).map(|(_, w)| w)
}

/// The words of `text` (runs of letters and digits), each with its byte offset: what
/// splitting at every other character gives, with ASCII judged byte by byte (`check` walks
/// the words of every paragraph several times).
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + skip(&text[at..], false);
        if start >= text.len() {
            at = text.len();
            return None;
        }
        at = start + skip(&text[start..], true);
        Some((start, &text[start..at]))
    })
}

/// How many bytes `text` starts with that are letters or digits (`word`), or that are not.
fn skip(text: &str, word: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if b.is_ascii_alphanumeric() != word {
                return i;
            }
            i += 1;
        } else {
            let Some(c) = text[i..].chars().next() else { break };
            if word_char(c) != word {
                return i;
            }
            i += c.len_utf8();
        }
    }
    bytes.len()
}

/// Whether `c` is a letter or a digit, ASCII first.
fn word_char(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å' | 'é' => true,
        c => c.is_alphanumeric(),
    }
}

/// The stem of `word` (folded): Snowball's Danish stemmer, and common endings taken off
/// words it leaves alone, keeping at least three letters.
pub fn stem(word: &str) -> String {
    let word = cut(word, MAX_WORD);
    // Snowball knows æ, ø and å as vowels: give them back before stemming.
    let snow = fold(&DANISH.stem(&unfold(word)));
    let light = ENDINGS
        .iter()
        .find_map(|e| {
            word.strip_suffix(e).filter(|rest| rest.chars().count() >= 3 && !splits_a_letter(rest, e))
        })
        .unwrap_or(word);
    let best = if light.len() < snow.len() { light.to_string() } else { snow };
    // The present tense's `r` after a long vowel: "går"/"gå", "undgår"/"undgå".
    match best.strip_suffix("aar") {
        Some(rest) if !rest.is_empty() => format!("{rest}aa"),
        _ => best,
    }
}

/// `word` (folded) with the spelled-out Danish letters written as letters again.
fn unfold(word: &str) -> String {
    word.replace("aa", "å").replace("ae", "æ").replace("oe", "ø")
}

/// Whether taking `ending` off leaves half of a folded letter (`knae` is "knæ", not "kna"
/// + "e").
fn splits_a_letter(rest: &str, ending: &str) -> bool {
    ending.starts_with('e') && (rest.ends_with('a') || rest.ends_with('o'))
}

/// `word` cut to at most `max` bytes, on a character boundary.
pub fn cut(word: &str, max: usize) -> &str {
    if word.len() <= max {
        return word;
    }
    let mut end = max;
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    &word[..end]
}

/// Short endings a stem may be followed by in a word (`hvil` + `e`, `knae` + `et`); a
/// longer rest is taken for the second half of a compound (`knae` + `smerter`).
const SHORT_ENDINGS: &[&str] = &[
    "e", "en", "er", "et", "ne", "es", "s", "r", "t", "te", "n", "ene", "ens", "ers", "ets", "ede", "ing",
    "hed", "lig", "isk", "ige", "igt", "ste",
];

/// Whether a match of `pattern` at byte `at` of `text` counts. A short pattern must start a
/// word. Unless `open_end` (a word still being typed), what follows it in its word must be
/// nothing, an ending, or a word of its own of four letters or more (a doubled consonant
/// before it is skipped: `nak|k|en`): so `hvil` finds "hvile" and "hvilepause", not
/// "hvilke".
pub fn counts_at(text: &[u8], at: usize, pattern: &str, open_end: bool) -> bool {
    if pattern.len() < ANYWHERE_LEN && at > 0 && text[at - 1].is_ascii_alphanumeric() {
        return false;
    }
    let end = at + pattern.len();
    if open_end || end > text.len() {
        return true;
    }
    let mut rest = &text[end..];
    let len = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    rest = &rest[..len];
    if end > 0 && rest.first() == Some(&text[end - 1]) && rest.len() > 1 {
        rest = &rest[1..];
    }
    // A pattern of one or two letters is a word of its own, not the start of a compound.
    let compound = rest.len() >= 4 && pattern.len() > 2;
    rest.is_empty() || compound || SHORT_ENDINGS.iter().any(|e| e.as_bytes() == rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem_of(word: &str) -> String {
        stem(&fold(word))
    }

    #[test]
    fn words_are_the_runs_between_what_is_not_a_letter_or_digit() {
        for text in [
            "",
            "  ",
            "ryg, og  knæ-smerter!",
            "ÆRØ påÅ é–É",
            "a1 ø ß日本 Ωmega\u{301}x",
            "ende",
            "x\u{2028}y²",
        ] {
            let split: Vec<&str> =
                text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(words(text).collect::<Vec<_>>(), split, "{text:?}");
            for (at, w) in word_spans(text) {
                assert_eq!(&text[at..at + w.len()], w);
            }
        }
    }

    #[test]
    fn stop_words_are_the_common_words_not_the_question_words() {
        assert!(is_stop("jeg") && is_stop("paa") && is_stop("naar") && is_stop("x"));
        assert!(!is_stop("hvornaar") && !is_stop("ondt") && !is_stop("ryg"));
    }

    #[test]
    fn inflections_meet_at_their_stem() {
        assert_eq!(stem_of("ryggen"), "ryg");
        assert!(stem_of("ryggen").starts_with("ryg") && "ryg".starts_with(&stem_of("ryg")));
        assert_eq!(stem_of("knæet"), "knae");
        assert_eq!(stem_of("knæ"), "knae");
        assert!(fold("operation").contains(&stem_of("opereres")), "{}", stem_of("opereres"));
        assert!(fold("smerter").starts_with(&stem_of("smerterne")));
        assert!(fold("øvelser").starts_with(&stem_of("øvelserne")));
        assert_eq!(stem_of("lænden"), "laend");
        assert_eq!(stem_of("øvelser"), "oevels");
        assert_eq!(stem("oevelser"), stem_of("øvelser"), "typed without ø");
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        let w: Vec<&str> = words("ondt i knaeet, 2 uger?").collect();
        assert_eq!(w, ["ondt", "i", "knaeet", "2", "uger"]);
    }

    #[test]
    fn a_short_stem_counts_only_at_the_start_of_a_word() {
        let text = b"ryggen problemer";
        assert!(counts_at(text, 0, "ryg", false));
        assert!(!counts_at(text, 10, "ble", false));
        assert!(counts_at(text, 10, "blem", false));
    }

    #[test]
    fn a_stem_is_followed_by_an_ending_or_another_word() {
        let at = |text: &str, p: &str| counts_at(text.as_bytes(), text.find(p).expect("there"), p, false);
        assert!(at("hvile", "hvil") && at("hvilepause", "hvil") && !at("hvilke", "hvil"));
        assert!(at("nakken", "nak") && at("nakkesmerter", "nak") && at("knaeet", "knae"));
        assert!(at("knaesmerter", "knae") && at("nervesmerterne", "smert"));
        assert!(counts_at(b"hvilke", 0, "hvil", true), "a word being typed may go on");
    }

    #[test]
    fn a_huge_word_is_cut_not_choked_on() {
        let long = "ø".repeat(10_000);
        assert!(stem(&long).len() <= MAX_WORD);
    }
}
