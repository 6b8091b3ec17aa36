//! Question intent: what a question asks for, from its question words, and the house
//! format's headings that answer it ("hvornår … læge" → "Hvornår skal du søge læge …?").
//!
//! Every article of the library answers the same kinds of question under headings phrased
//! the same way. A query that asks one of them (the words of an `asks` line, each as the
//! start of a query word, in any order) looks for headings that contain one of `heads`, and
//! the words that asked are not also looked for in the text: "hvornår skal jeg til lægen
//! med ondt i knæet" wants the *when to see a doctor* section about knees, not any section
//! that says "læge".

/// One kind of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Intent {
    /// Its name, for tests and explanations.
    pub name: &'static str,
    /// Ways to ask it: all the words of one line, as starts of query words (folded).
    asks: &'static [&'static [&'static str]],
    /// What the headings that answer it contain (folded).
    pub heads: &'static [&'static str],
}

/// The kinds of question the house format answers.
pub const INTENTS: &[Intent] = &[
    Intent {
        name: "when to see a doctor",
        asks: &[&["hvornaar"], &["soege", "laege"], &["soege", "hjaelp"], &["akut"], &["alarm"]],
        heads: &["hvornaar skal", "soege laege", "soege hjaelp"],
    },
    Intent {
        name: "how long",
        asks: &[&["hvor", "laenge"], &["varer"], &["hvor", "lang", "tid"], &["gaar", "over"]],
        heads: &["hvor laenge"],
    },
    Intent { name: "self-care", asks: &[&["selv"], &["hjemme"], &["egenomsorg"]], heads: &["selv goere"] },
    Intent {
        name: "causes",
        asks: &[&["hvorfor"], &["aarsag"], &["skyldes"], &["kommer", "af"], &["kommer", "fra"]],
        heads: &["aarsag", "hvorfor"],
    },
    Intent {
        name: "symptoms",
        asks: &[&["symptom"], &["tegn"], &["kendetegn"], &["hvordan", "ved"], &["maerker"]],
        heads: &["symptom"],
    },
    Intent {
        name: "diagnosis",
        asks: &[&["diagnos"], &["undersoeg"], &["hvad", "goer", "laege"], &["test"]],
        heads: &["diagnos", "undersoeg"],
    },
    Intent { name: "risk", asks: &[&["hvem"], &["risiko"], &["arvelig"], &["disponer"]], heads: &["risiko"] },
];

/// The intents `words` (folded, in order) ask, and which of the words asked them.
pub fn detect(words: &[&str]) -> (Vec<&'static Intent>, Vec<bool>) {
    let mut asked = vec![false; words.len()];
    let mut found = Vec::new();
    for intent in INTENTS {
        for ask in intent.asks {
            let places: Vec<Option<usize>> =
                ask.iter().map(|a| words.iter().position(|w| w.starts_with(a))).collect();
            if places.iter().all(Option::is_some) {
                places.into_iter().flatten().for_each(|p| asked[p] = true);
                if !found.contains(&intent) {
                    found.push(intent);
                }
            }
        }
    }
    (found, asked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(query: &str) -> Vec<&'static str> {
        let folded = crate::search::fold(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        detect(&words).0.iter().map(|i| i.name).collect()
    }

    #[test]
    fn question_words_ask_for_a_kind_of_section() {
        assert_eq!(names("hvornår skal jeg til lægen med ondt i knæet"), ["when to see a doctor"]);
        assert_eq!(names("lumbago hvor længe"), ["how long"]);
        assert_eq!(names("hvorfor får man ondt i nakken"), ["causes"]);
        assert_eq!(names("hvad gør lægen ved nakkesmerter"), ["diagnosis"]);
        assert_eq!(names("ondt i lænden hvad kan jeg selv gøre"), ["self-care"]);
        assert!(names("nakkepude").is_empty());
    }

    #[test]
    fn the_words_that_asked_are_marked() {
        let (_, asked) = detect(&["hvornaar", "skal", "jeg", "til", "laegen"]);
        assert_eq!(asked, [true, false, false, false, false]);
        let (_, asked) = detect(&["hvad", "goer", "laegen"]);
        assert_eq!(asked, [true, true, true]);
    }
}
