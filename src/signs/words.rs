//! A text's words as the warning signs compare them, and the signs' ways as numbered tokens,
//! so that which tokens a paragraph says is found in one pass over its sorted words.

use crate::words::fold::fold;
use crate::words::skeleton::skeleton_into;
use compact_str::CompactString;

/// The words of a text as signs compare them (see [`words_of`]).
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Each word, folded, as a skeleton, once, sorted (short words are kept inline, not
    /// allocated one by one: `check` reads every paragraph and sentence this way).
    pub(super) one: Vec<CompactString>,
    /// Each two words written apart, together ("piske smæld" says "piskesmæld"): met
    /// exactly only, never with a letter off.
    pub(super) joined: Vec<CompactString>,
}

/// The words of `text` as signs compare them: folded, as skeletons, each once (a sign is
/// said by its words in any order), and each two words written apart also together.
pub fn words_of(text: &str) -> Words {
    let folded = fold(text);
    let (mut skel, mut buf) = (String::new(), String::new());
    let mut words: Vec<CompactString> = Vec::with_capacity(folded.len() / 6 + 1);
    for w in crate::words::analyze::words(&folded) {
        skel.clear();
        if w.is_ascii() {
            // Folded ASCII is lower case, and folding it again changes nothing.
            skeleton_of_ascii(&mut skel, w);
        } else {
            skeleton_into(&mut skel, w, &mut buf);
        }
        words.push(CompactString::from(skel.as_str()));
    }
    let mut joined: Vec<CompactString> = Vec::with_capacity(words.len());
    for pair in words.windows(2) {
        let mut both = CompactString::with_capacity(pair[0].len() + pair[1].len());
        both.push_str(&pair[0]);
        both.push_str(&pair[1]);
        joined.push(both);
    }
    let mut one = words;
    for list in [&mut one, &mut joined] {
        list.sort_unstable();
        list.dedup();
    }
    Words { one, joined }
}

/// Words that deny what follows them in a question ("ingen feber", "no injury").
const DENY: [&str; 7] = ["ingen", "intet", "uden", "hverken", "no", "without", "neither"];
/// Words that end what a denial covers ("ingen feber men stiv nakke"), as a comma does.
const DENIAL_ENDS: [&str; 10] = ["og", "men", "nu", "så", "but", "and", "now", "then", "da", "siden"];
/// What a denial may take away: the starts of the words for what a reader says is not there
/// ("ingen feber", "no injury"). A denial never takes a word that is itself a sign ("ingen
/// udvej", "ingen kraft i armen", "ingen kontrol over blæren", "no longer move").
const DENIABLE: [&str; 30] = [
    "feber",
    "fever",
    "temperatur",
    "kulderystelse",
    "chills",
    "skade",
    "injur",
    "uheld",
    "ulykke",
    "fald",
    "fall",
    "accident",
    "udslaet",
    "rash",
    "hovedpine",
    "headache",
    "opkast",
    "vomit",
    "kvalme",
    "nausea",
    "udstraaling",
    "radiat",
    "haevelse",
    "swelling",
    "prikken",
    "tingl",
    "svimmel",
    "dizz",
    "blod",
    "blood",
];
/// Small words a denial passes over without counting them ("without a helmet").
const FILLERS: [&str; 9] = ["a", "an", "the", "any", "en", "et", "nogen", "noget", "at"];
/// The most words one denial covers.
const DENIED: usize = 2;

/// The words of a reader's question (`folded`, see [`crate::words::fold::fold`]) as signs compare
/// them, without the words it denies: "ingen feber eller andet" does not say fever. A denial
/// covers the next two words (small ones like "a" not counted), up to a comma, a full stop or
/// a word that ends it ("og", "men" …); the denying word itself stays ("taber mig uden
/// grund" is a way some signs are said), and "uden at kunne" / "without being able" say
/// what cannot be done, so they deny nothing.
pub fn question_words(folded: &str) -> Words {
    let spans: Vec<(usize, &str)> = crate::words::analyze::word_spans(folded).collect();
    let mut kept: Vec<&str> = Vec::with_capacity(spans.len());
    let mut denied = 0;
    let mut last_end = 0;
    for (i, &(at, w)) in spans.iter().enumerate() {
        let gap = &folded[last_end..at];
        last_end = at + w.len();
        if DENIAL_ENDS.contains(&w) || gap.contains([',', '.', ';', ':', '!', '?', '(', ')']) {
            denied = 0;
        }
        if denied > 0 {
            if FILLERS.contains(&w) {
                continue;
            }
            denied -= 1;
            if DENIABLE.iter().any(|d| w.starts_with(d)) {
                continue;
            }
        }
        let next = |n: usize| spans.get(i + n).map_or("", |s| s.1);
        let unable = matches!((next(1), next(2)), ("at", "kunne" | "kan") | ("being", "able"));
        if DENY.contains(&w) && !unable {
            denied = DENIED;
        }
        kept.push(w);
    }
    let all: Vec<&str> = spans.iter().map(|s| s.1).collect();
    if growing(&all) {
        kept.push(GROWING);
    }
    if aged_50_or_more(&all) {
        kept.push(AGED);
    }
    words_of(&kept.join(" "))
}

/// The word a question that tells of something growing worse is also read as: the
/// clinical "tiltagende" the warning signs use.
const GROWING: &str = "tiltagende";

/// The word a question that gives an age of 50 or more is also read as ("jeg er 67", "min
/// far på 82", "I'm 71", "67 år"): the signs say "over50" where age makes a sign.
const AGED: &str = "over50";

/// Whether the folded words give someone's age as 50 or more: a number from 50 to 110 after
/// "er", "på", "is", "age", "aged", "am" or "im", or before "år", "årig", "years" or "yo".
fn aged_50_or_more(words: &[&str]) -> bool {
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    (0..words.len()).any(|i| {
        let age = words[i].parse::<u32>().is_ok_and(|n| (50..=110).contains(&n));
        let before = i > 0 && matches!(at(i - 1), "er" | "paa" | "is" | "age" | "aged" | "am" | "im");
        let after = matches!(at(i + 1), "aar" | "aarig" | "aarige" | "years" | "year" | "yo" | "yrs");
        age && (before || after)
    })
}

/// Words that grow worse when said twice with "og" ("værre og værre", "svagere og svagere").
const WORSENS: [&str; 5] = ["vaerre", "svagere", "daarligere", "worse", "weaker"];

/// Words that grow when said twice, but only grow worse beside a complaint ("mere og mere
/// ondt", not "gå mere og mere"; "kraftigere og kraftigere smerter", not "stærkere og
/// stærkere i benene").
const GROWS: [&str; 9] =
    ["mere", "more", "kraftigere", "staerkere", "stronger", "oftere", "often", "hyppigere", "stoerre"];

/// The starts of words for a complaint, which [`GROWS`] needs within three words.
const COMPLAINTS: [&str; 22] = [
    "ondt",
    "smert",
    "pain",
    "hurt",
    "ache",
    "haev",
    "swell",
    "swoll",
    "foelelsesl",
    "numb",
    "svag",
    "weak",
    "stiv",
    "stiff",
    "oem",
    "sore",
    "prik",
    "tingl",
    "snubl",
    "trip",
    "kraftloes",
    "hovedpine",
];

/// Words that tell of growing worse, beside a span of time said twice ("uge for uge").
const WORSE: [&str; 9] =
    ["vaerre", "forvaerr", "svagere", "tiltag", "spreder", "breder", "worse", "weaker", "daarligere"];

/// Spans of time said twice ("dag for dag", "uge efter uge", "week by week").
const SPANS: [&str; 8] = ["dag", "uge", "maaned", "time", "day", "week", "month", "hour"];

/// Words that deny what follows within three words ("isn't getting worse", "ikke blevet
/// værre og værre").
const NOT: [&str; 10] = ["ikke", "ik", "aldrig", "not", "never", "no", "isn", "aren", "stopped", "longer"];

/// Words after "worse" that make it a comparison, not a course: "gets worse when I sit",
/// "stadig værre om morgenen end om aftenen".
const COMPARED: [&str; 15] = [
    "when", "at", "in", "on", "if", "than", "during", "om", "naar", "ved", "end", "hvis", "under", "efter",
    "after",
];

/// Whether the folded words tell of something growing worse over time: a word that worsens
/// said twice with "og"/"and" ("værre og værre"), a word that grows said twice beside a
/// complaint ("mere og mere ondt"), a span of time said twice beside a word for worse ("værre
/// uge for uge", "værre for hver dag"), "bliver ved med at blive værre / forværres", "getting
/// worse / weaker", "worsening", "tiltager"; not when a denial comes within three words
/// before, nor when "worse" is compared ("gets worse when I sit").
fn growing(words: &[&str]) -> bool {
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    let denied = |i: usize| (i.saturating_sub(3)..i).any(|j| NOT.contains(&at(j)));
    let near = |i: usize, stems: &[&str]| {
        (i.saturating_sub(3)..i + 6).any(|j| j != i && stems.iter().any(|s| at(j).starts_with(s)))
    };
    let heals = words.iter().any(|w| matches!(*w, "bedre" | "better" | "mindre" | "less"));
    let compared = |j: usize| COMPARED.contains(&at(j));
    (0..words.len()).filter(|&i| !denied(i)).any(|i| {
        let (w, next, after) = (at(i), at(i + 1), at(i + 2));
        let twice = matches!(next, "og" | "and") && after == w;
        (twice && WORSENS.contains(&w))
            || (twice && GROWS.contains(&w) && near(i, &COMPLAINTS))
            || (SPANS.contains(&w)
                && (matches!(next, "for" | "efter" | "by" | "after") && after == w
                    || i >= 2 && at(i - 1) == "hver" && at(i - 2) == "for")
                && !heals
                && near(i, &WORSE))
            || (matches!(w, "stadig" | "still" | "getting" | "growing" | "progressively")
                && matches!(next, "worse" | "weaker" | "vaerre" | "svagere")
                && !compared(i + 2))
            || (w == "ved"
                && next == "med"
                && (i + 3..i + 6).any(|j| at(j) == "vaerre" || at(j).starts_with("forvaerr")))
            || matches!(w, "worsening" | "tiltager")
    })
}

/// Appends the skeleton of folded ASCII `word` to `out`: what [`skeleton_into`] makes of it
/// (`ae`, `oe` and `aa` one letter each), byte by byte.
fn skeleton_of_ascii(out: &mut String, word: &str) {
    let bytes = word.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let one = match (b, bytes.get(i + 1)) {
            (b'a', Some(b'e')) => Some('e'),
            (b'o', Some(b'e')) => Some('o'),
            (b'a', Some(b'a')) => Some('a'),
            _ => None,
        };
        match one {
            Some(letter) => {
                out.push(letter);
                i += 2;
            }
            None => {
                out.push(char::from(b));
                i += 1;
            }
        }
    }
}

/// Whether `words` say every word of `way` (see [`way`]), exactly: what [`says`] decides,
/// found by binary search in the sorted words (`check` asks this of every paragraph).
pub fn way_said(way: &[Vec<String>], words: &Words) -> bool {
    way.iter().all(|alts| alts.iter().any(|t| has(&words.one, t) || has(&words.joined, t)))
}

/// Whether sorted `list` holds a word that `token` says.
fn has(list: &[CompactString], token: &str) -> bool {
    if let Some(part) = token.strip_prefix('~') {
        return list.iter().any(|w| w.contains(part));
    }
    let exact = |w: &str| list.binary_search_by(|x| x.as_str().cmp(w)).is_ok();
    match token.strip_prefix('=') {
        Some(whole) => exact(whole),
        None if token.len() <= 3 => exact(token),
        None => {
            // The words that start with `token` sort together, from the first not below it.
            let i = list.partition_point(|w| w.as_str() < token);
            list.get(i).is_some_and(|w| w.starts_with(token))
        }
    }
}

/// Every token of a table's ways, each once and sorted, so that which of them a text says is
/// found by walking its sorted words and the tokens side by side (`check` asks it of every
/// paragraph of the section on seeking help, for every sign).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    /// Each token's letters, and whether it must be the whole word (`=word`, or three
    /// letters or fewer) rather than a word's start.
    sorted: Vec<(String, bool)>,
}

/// A token of a way: one of [`Tokens`], or a part of a word (`~part`), looked for in each word.
#[derive(Debug, Clone)]
pub(crate) enum Token {
    At(usize),
    Part(String),
}

/// A way as tokens: every word, each a list of alternatives.
pub(crate) type TokenWay = Vec<Vec<Token>>;

impl Tokens {
    /// The tokens of `ways`, and the ways written with them.
    pub(crate) fn of(ways: &[&[Vec<Vec<String>>]]) -> (Tokens, Vec<Vec<TokenWay>>) {
        let key = |t: &str| match t.strip_prefix('=') {
            Some(whole) => (whole.to_string(), true),
            None => (t.to_string(), t.len() <= 3),
        };
        let mut sorted: Vec<(String, bool)> = ways
            .iter()
            .flat_map(|w| w.iter().flatten().flatten())
            .filter(|t| !t.starts_with('~'))
            .map(|t| key(t))
            .collect();
        sorted.sort_unstable();
        sorted.dedup();
        let id = |t: &String| match t.strip_prefix('~') {
            Some(part) => Token::Part(part.to_string()),
            None => Token::At(sorted.binary_search(&key(t)).unwrap_or(0)),
        };
        let written = ways
            .iter()
            .map(|list| {
                list.iter()
                    .map(|way| way.iter().map(|alts| alts.iter().map(id).collect()).collect())
                    .collect()
            })
            .collect();
        (Tokens { sorted }, written)
    }

    /// Each token's letters, and whether it must be the whole word, in order.
    pub(crate) fn listed(&self) -> &[(String, bool)] {
        &self.sorted
    }

    /// Which tokens `words` say: for each, what [`has`] finds in the words or the joined pairs.
    pub(crate) fn said(&self, words: &Words) -> Vec<bool> {
        let mut said = vec![false; self.sorted.len()];
        for list in [&words.one, &words.joined] {
            let mut at = 0;
            for (k, (token, whole)) in self.sorted.iter().enumerate() {
                // The first word not below the token, as the binary search of `has` finds it.
                while list.get(at).is_some_and(|w| w.as_str() < token.as_str()) {
                    at += 1;
                }
                let Some(w) = list.get(at) else { break };
                said[k] |= if *whole { w.as_str() == token } else { w.starts_with(token.as_str()) };
            }
        }
        said
    }

    /// Whether every word of `way` is said, given what [`Tokens::said`] found.
    pub(crate) fn way_said(way: &[Vec<Token>], said: &[bool], words: &Words) -> bool {
        way.iter().all(|alts| {
            alts.iter().any(|t| match t {
                Token::At(k) => said.get(*k).copied().unwrap_or(false),
                // What `has` does with `~part`: any word or pair that holds it.
                Token::Part(part) => words.one.iter().chain(&words.joined).any(|w| w.contains(part.as_str())),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Signs;
    use super::words_of;

    #[test]
    fn an_ascii_words_skeleton_is_the_skeleton_of_any_word() {
        for word in ["aeaa", "oeaeoe", "aaa", "paaske", "knaeet", "x", "", "e", "1a2e"] {
            let mut out = String::from("før ");
            super::skeleton_of_ascii(&mut out, word);
            assert_eq!(out, format!("før {}", crate::words::skeleton::skeleton(word)), "{word}");
        }
    }

    #[test]
    fn walking_the_tokens_names_the_signs_each_way_names() {
        let (signs, problems) = Signs::parse(include_str!("../../articles/warning-signs.yaml"));
        assert!(problems.is_empty(), "{problems:?}");
        let articles = [
            include_str!("../../articles/knaesmerter.md"),
            include_str!("../../articles/laendesmerter.md"),
            include_str!("../../articles/nakkesmerter.md"),
            include_str!("../../articles/nervesmerter.md"),
            include_str!("../../articles/skuldersmerter.md"),
            include_str!("../../articles/spaendingshovedpine.md"),
        ];
        // Words that look alike: the start of a sign's word, a word with one more letter,
        // two words written together or apart, without Danish letters, a part of a word.
        let near = [
            "feber og stiv nakke",
            "feberen og en stivnakke",
            "febe stiv nak",
            "folelseslos i skridtet",
            "følelsesløs i skridt",
            "hoved pine som et tordenskrald",
            "verste hovedpine nogensinde",
            "brystkræft og kræft",
            "vil dø, vil død, vil",
            "orker ikke mere, orker ikk mere",
            "lette nakkesmerter efter et mindre uheld",
            "",
        ];
        let texts = articles.iter().flat_map(|a| a.split("\n\n")).chain(near);
        let mut named = 0;
        for text in texts {
            let words = words_of(text);
            let each = signs.named_each(&words);
            let one_by_one: Vec<bool> = signs.iter().map(|s| s.named_in(&words)).collect();
            assert_eq!(each, one_by_one, "{text}");
            let found: Vec<&str> = signs.named_in(&words).iter().map(|s| s.id.as_str()).collect();
            let expected: Vec<&str> =
                signs.iter().filter(|s| s.named_in(&words)).map(|s| s.id.as_str()).collect();
            assert_eq!(found, expected, "{text}");
            named += found.len();
        }
        assert!(named > 20, "the texts name signs: {named}");
    }
}
