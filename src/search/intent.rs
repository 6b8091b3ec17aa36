//! Question intent, the second of lookup's two steps: what a question asks about its
//! subject ("how long", "is it dangerous", "what can I do myself" …), and which sections
//! answer that kind of question.
//!
//! The first step ([`super::topic`]) finds the article the question names; this one picks
//! the section. Every article of the house format answers the same kinds of question under
//! headings phrased alike ("Hvor længe varer …?", "Hvad kan du selv gøre …?"), so a
//! section's kinds are read off its heading ([`of_heading`]), and a question's kinds off
//! its words ([`detect`]): each way of asking is a set of words, all of which the question
//! must say (each as the start of a word, or, written `=ord`, as the whole word). Some words
//! only ask ("hvornår", "hvor længe"): they are set aside and count little as words of
//! substance. Others ask and mean something too ("scanning", "pude"): they stay words.

use super::intent_table::INTENTS;

/// A kind of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// When to see a doctor, and where to get help.
    SeekHelp,
    /// Is it dangerous, serious, harmful.
    Danger,
    /// How long it lasts, whether it goes away or can be cured.
    Course,
    /// Why it happens, what it comes from.
    Causes,
    /// What it feels like, its signs.
    Symptoms,
    /// How it is examined: the doctor's examination, scans.
    Diagnosis,
    /// Treatment and medicines.
    Treatment,
    /// What you can do yourself.
    SelfCare,
    /// Physiotherapy and exercises.
    Physio,
    /// Training, sport and exercise with the complaint.
    Training,
    /// Preventing it, or preventing it again.
    Prevention,
    /// Surgery.
    Surgery,
    /// Night, sleep, pillows.
    Sleep,
    /// Work and screens.
    Work,
    /// Who gets it, risk.
    Risk,
    /// What it is: the article's introduction.
    WhatIs,
    /// How it differs from something else.
    Difference,
    /// Rest: whether to keep still.
    Rest,
}

impl Kind {
    /// Every kind, in order.
    pub const ALL: [Kind; 18] = [
        Kind::SeekHelp,
        Kind::Danger,
        Kind::Course,
        Kind::Causes,
        Kind::Symptoms,
        Kind::Diagnosis,
        Kind::Treatment,
        Kind::SelfCare,
        Kind::Physio,
        Kind::Training,
        Kind::Prevention,
        Kind::Surgery,
        Kind::Sleep,
        Kind::Work,
        Kind::Risk,
        Kind::WhatIs,
        Kind::Difference,
        Kind::Rest,
    ];

    /// The kind whose section answers this kind of question in an article with no
    /// section of its own ("can it be operated?" → treatment).
    pub fn nearest(self) -> Option<Kind> {
        match self {
            Kind::Surgery | Kind::Physio => Some(Kind::Treatment),
            Kind::Rest | Kind::Sleep | Kind::Prevention | Kind::Training => Some(Kind::SelfCare),
            Kind::Work => Some(Kind::SelfCare),
            Kind::Risk => Some(Kind::Causes),
            Kind::Difference => Some(Kind::Symptoms),
            _ => None,
        }
    }

    /// The kind as one bit of a set.
    pub fn bit(self) -> u32 {
        1 << self as u32
    }

    /// Its name in English, for tests and `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::SeekHelp => "when to seek help",
            Kind::Danger => "is it dangerous",
            Kind::Course => "how long",
            Kind::Causes => "causes",
            Kind::Symptoms => "symptoms",
            Kind::Diagnosis => "diagnosis",
            Kind::Treatment => "treatment",
            Kind::SelfCare => "self-care",
            Kind::Physio => "physiotherapy",
            Kind::Training => "training",
            Kind::Prevention => "prevention",
            Kind::Surgery => "surgery",
            Kind::Sleep => "sleep",
            Kind::Work => "work",
            Kind::Risk => "risk",
            Kind::WhatIs => "what is it",
            Kind::Difference => "difference",
            Kind::Rest => "rest",
        }
    }
}

/// What a question asks: the kinds, each with how strongly it is asked, and which of its
/// words only asked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Asked {
    /// The kinds asked, strongest way of asking each, in the order of [`Kind`].
    pub kinds: Vec<(Kind, f32)>,
    /// For each word, whether it only asked.
    pub only_asks: Vec<bool>,
}

impl Asked {
    /// How strongly `kind` is asked (0 when not).
    pub fn weight(&self, kind: Kind) -> f32 {
        self.kinds.iter().find(|(k, _)| *k == kind).map_or(0.0, |(_, w)| *w)
    }

    /// The kinds asked, as a set of bits.
    pub fn bits(&self) -> u32 {
        self.kinds.iter().fold(0, |bits, (k, _)| bits | k.bit())
    }
}

/// Every way of asking's words as words are compared (skeletons, each keeping its `=`), in
/// the order of [`INTENTS`]: made once.
static TOKENS: std::sync::LazyLock<Vec<Vec<Vec<String>>>> = std::sync::LazyLock::new(|| {
    let skeleton = |t: &str| match t.strip_prefix('=') {
        Some(whole) => format!("={}", crate::words::skeleton::skeleton(whole)),
        None => crate::words::skeleton::skeleton(t),
    };
    INTENTS
        .iter()
        .map(|i| i.asks.iter().map(|a| a.words.iter().map(|t| skeleton(t)).collect()).collect())
        .collect()
});

/// The kinds `words` (folded, in order) ask, and which of the words only asked.
pub fn detect(words: &[&str]) -> Asked {
    // Compared as skeletons, so "gor" (typed without ø) asks as "gør" does; each word once
    // (a word said again asks nothing more), and marked wherever it stands.
    let said: Vec<String> = words.iter().map(|w| crate::words::skeleton::skeleton(w)).collect();
    let mut words: Vec<String> = said.clone();
    words.sort_unstable();
    words.dedup();
    let mut asking: Vec<bool> = vec![false; words.len()];
    let mut kinds: Vec<(Kind, f32)> = Vec::new();
    // The words of a phrase that asked one kind ("af sig selv": how long) ask no other
    // kind alone ("selv": self-care). Phrases are met first.
    let mut in_phrase: Vec<Option<Kind>> = vec![None; words.len()];
    let asks = INTENTS.iter().zip(TOKENS.iter()).flat_map(|(intent, tokens)| {
        intent.asks.iter().zip(tokens).map(move |(ask, tokens)| (intent, ask, tokens))
    });
    let (phrases, singles): (Vec<_>, Vec<_>) = asks.partition(|(_, ask, _)| ask.adjacent);
    for (intent, ask, tokens) in phrases.into_iter().chain(singles) {
        {
            // Whether a word was met only with a letter off: it then still counts as a word
            // of substance (a typo must not take "nervesmerter" for "nervøs").
            let mut roughly = false;
            let places: Vec<Option<usize>> = if ask.adjacent {
                // The first place in the question where the words follow each other.
                let start = (0..said.len()).find(|&i| {
                    tokens
                        .iter()
                        .enumerate()
                        .all(|(k, t)| said.get(i + k).is_some_and(|w| crate::words::skeleton::says(w, t)))
                });
                (0..tokens.len())
                    .map(|k| start.and_then(|i| words.binary_search(&said[i + k]).ok()))
                    .collect()
            } else {
                tokens
                    .iter()
                    .map(|t| {
                        let exact = words.iter().position(|w| crate::words::skeleton::says(w, t));
                        exact.or_else(|| {
                            roughly = true;
                            words.iter().position(|w| crate::words::skeleton::says_roughly(w, t))
                        })
                    })
                    .collect()
            };
            if !places.iter().all(Option::is_some) {
                continue;
            }
            let taken = |p: &Option<usize>| p.and_then(|p| in_phrase[p]).is_some_and(|k| k != intent.kind);
            if !ask.adjacent && places.iter().any(taken) {
                continue;
            }
            if ask.adjacent && tokens.len() > 1 {
                places.iter().flatten().for_each(|&p| in_phrase[p] = Some(intent.kind));
            }
            if ask.only_asks && !roughly {
                places.into_iter().flatten().for_each(|p| asking[p] = true);
            }
            match kinds.iter_mut().find(|(k, _)| *k == intent.kind) {
                Some((_, weight)) => *weight = weight.max(ask.weight),
                None => kinds.push((intent.kind, ask.weight)),
            }
        }
    }
    kinds.sort_by_key(|(k, _)| *k);
    let only_asks = said.iter().map(|w| words.binary_search(w).is_ok_and(|i| asking[i])).collect();
    Asked { kinds, only_asks }
}

/// The kinds of question a heading (folded) answers, as a set of bits. A heading that
/// answers no kind of question gets none.
pub fn of_heading(heading: &str) -> u32 {
    let mut bits = 0;
    for intent in INTENTS {
        if intent.heads.iter().any(|h| contains_at_word(heading, h)) {
            bits |= intent.kind.bit();
        }
    }
    refine(heading, bits)
}

/// [`of_heading`] for every heading of `text`, at the byte ranges `spans` (in order, one
/// heading each, none running into the next): each phrase is looked for once through the
/// whole text instead of in each heading.
pub fn of_headings(text: &str, spans: &[(usize, usize)]) -> Vec<u32> {
    let mut bits = vec![0u32; spans.len()];
    let bytes = text.as_bytes();
    for intent in INTENTS {
        for head in intent.heads {
            let mut f = 0;
            for at in memchr::memmem::find_iter(bytes, head.as_bytes()) {
                if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
                    continue;
                }
                while f < spans.len() && spans[f].1 < at + head.len() {
                    f += 1;
                }
                match spans.get(f) {
                    Some(&(start, _)) if start <= at => bits[f] |= intent.kind.bit(),
                    Some(_) => {}
                    None => break,
                }
            }
        }
    }
    for (b, &(start, end)) in bits.iter_mut().zip(spans) {
        *b = refine(text.get(start..end).unwrap_or(""), *b);
    }
    bits
}

/// The kinds found in `heading` (folded), set right: a physiotherapy heading is not also a
/// treatment heading, and "Hvad er X?" asks what X is.
fn refine(heading: &str, mut bits: u32) -> u32 {
    // "Hvordan finder jeg en fysioterapeut til behandling …" is about physiotherapy.
    if bits & Kind::Physio.bit() != 0 {
        bits &= !Kind::Treatment.bit();
    }
    // "Hvad er X?" asks what X is, unless it asks for causes or differences.
    if bits == 0 && (heading.starts_with("hvad er ") || heading.starts_with("hvad betyder ")) {
        bits |= Kind::WhatIs.bit();
    }
    bits
}

/// Whether `needle` stands in `text` at the start of a word.
fn contains_at_word(text: &str, needle: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, needle.as_bytes())
        .any(|at| at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
}

/// The headings' phrases of every kind (folded): what the palette's word table finds once.
pub fn heading_phrases() -> impl Iterator<Item = &'static str> {
    INTENTS.iter().flat_map(|i| i.heads.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(query: &str) -> Vec<&'static str> {
        let folded = crate::search::fold(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        detect(&words).kinds.iter().map(|(k, _)| k.name()).collect()
    }

    fn heading(text: &str) -> Vec<&'static str> {
        let bits = of_heading(&crate::search::fold(text));
        Kind::ALL.iter().filter(|k| bits & k.bit() != 0).map(|k| k.name()).collect()
    }

    #[test]
    fn the_words_of_a_phrase_ask_for_its_kind_only() {
        // "af sig selv" asks how long; its "selv" does not also ask for self-care.
        assert_eq!(names("kan nervesmerter gå over af sig selv"), ["how long"]);
        assert_eq!(names("hvad kan jeg selv gøre"), ["self-care"]);
        assert_eq!(names("neck pain what helps"), ["self-care"]);
        assert_eq!(names("headache for two weeks should I see a doctor"), ["when to seek help"]);
    }

    #[test]
    fn question_words_ask_for_a_kind_of_section() {
        assert_eq!(names("hvornår skal jeg til lægen med ondt i knæet"), ["when to seek help"]);
        assert_eq!(names("lumbago hvor længe"), ["how long"]);
        assert_eq!(names("hvorfor får man ondt i nakken"), ["causes"]);
        assert_eq!(names("hvad gør lægen ved nakkesmerter"), ["diagnosis"]);
        assert_eq!(names("ondt i lænden hvad kan jeg selv gøre"), ["self-care"]);
        assert_eq!(names("mit knæ klikker, er det slemt"), ["is it dangerous"]);
        assert_eq!(names("skal man ha mr scanning af knæet"), ["diagnosis"]);
        assert_eq!(names("kan nerve smerterne gå væk igen"), ["how long", "prevention"]);
        assert!(names("hvilken pude til nakken").contains(&"sleep"));
        assert_eq!(names("spendingshovedpine behandlig"), ["treatment"], "one letter missing");
        assert_eq!(names("hvorlænge varer det"), ["how long"], "written together");
        assert!(names("knæbandage").is_empty());
    }

    #[test]
    fn a_whole_word_token_is_not_the_start_of_another() {
        assert!(!names("tilbudt en operation").contains(&"when to seek help"));
        assert_eq!(names("skal jeg til lægen"), ["when to seek help"]);
        assert!(names("is på nakken").contains(&"self-care"));
        assert!(!names("isen var glat").contains(&"self-care"));
    }

    #[test]
    fn the_words_that_only_asked_are_marked_and_words_of_substance_are_not() {
        let asked = detect(&["hvornaar", "skal", "jeg", "til", "laegen"]);
        assert_eq!(asked.only_asks, [true, false, false, true, true]);
        let asked = detect(&["mr", "scanning", "hvornaar"]);
        assert_eq!(asked.only_asks, [false, false, true]);
        assert!(asked.weight(Kind::Diagnosis) > asked.weight(Kind::SeekHelp));
    }

    #[test]
    fn headings_read_in_one_pass_answer_as_each_read_alone() {
        let library = crate::library::Library::bundled();
        let mut headings: Vec<String> = library
            .articles
            .iter()
            .flat_map(|a| {
                crate::document::Document::parse(&a.body).outline.headings.into_iter().map(|h| h.text)
            })
            .map(|h| crate::search::fold(&h))
            .collect();
        headings.extend(["hvornaar skal", "xhvornaar skal", "", "selv goer x hvad er y"].map(String::from));
        headings.extend(crate::corpus::library(40, 2_000).iter().flat_map(|(_, t)| {
            t.lines().filter_map(|l| l.strip_prefix("## ")).map(crate::search::fold).collect::<Vec<_>>()
        }));
        let mut text = String::new();
        let mut spans = Vec::new();
        for h in &headings {
            spans.push((text.len(), text.len() + h.len()));
            text.push_str(h);
            text.push('\n');
        }
        let alone: Vec<u32> = headings.iter().map(|h| of_heading(h)).collect();
        assert_eq!(of_headings(&text, &spans), alone);
        assert!(alone.iter().filter(|&&b| b != 0).count() > 40, "most headings answer a kind");
    }

    #[test]
    fn headings_of_the_house_format_answer_their_kind() {
        assert_eq!(heading("Hvornår skal du søge læge ved knæsmerter?"), ["when to seek help"]);
        assert_eq!(
            heading("Hvornår skal man søge hjælp fra en fysioterapeut?"),
            ["when to seek help", "physiotherapy"]
        );
        assert_eq!(heading("Hvad kan du selv gøre for at lindre knæsmerter?"), ["self-care"]);
        assert_eq!(heading("Hvor længe varer en frossen skulder?"), ["how long"]);
        assert_eq!(heading("Kan nervesmerter helbredes?"), ["how long"]);
        assert_eq!(heading("Hvordan stilles diagnosen ved lændesmerter?"), ["diagnosis"]);
        assert_eq!(heading("Betyder smerter, at ryggen tager skade?"), ["is it dangerous"]);
        assert_eq!(heading("Skal en meniskskade altid opereres?"), ["surgery"]);
        assert_eq!(heading("Hvorfor gør skulderen mest ondt om natten?"), ["causes", "sleep"]);
        assert_eq!(heading("Hvad er forskellen mellem nervesmerter og almindelige smerter?"), ["difference"]);
        assert_eq!(heading("Hvad er nervesmerter?"), ["what is it"]);
        assert!(heading("Kan knæbind hjælpe?").is_empty());
    }
}
