//! Deterministic generated articles in the house format, for benchmarks and scale tests.
//!
//! The same seed and size always give the same text: a small linear-congruential generator
//! picks Danish words, so no clock or hash randomness is involved.

const NOUNS: &[&str] = &[
    "smerte",
    "nerve",
    "muskel",
    "led",
    "ryg",
    "skulder",
    "knæ",
    "hofte",
    "nakke",
    "sene",
    "behandling",
    "fysioterapeut",
    "læge",
    "patient",
    "træning",
    "øvelse",
    "symptom",
    "årsag",
    "diagnose",
    "skade",
    "betændelse",
    "hverdag",
    "søvn",
    "kost",
    "belastning",
    "bevægelse",
    "styrke",
    "smidighed",
    "holdning",
    "genoptræning",
    "undersøgelse",
    "varme",
    "kulde",
];
const ADJECTIVES: &[&str] = &[
    "almindelig",
    "sjælden",
    "kronisk",
    "akut",
    "lokal",
    "intens",
    "mild",
    "vedvarende",
    "effektiv",
    "skånsom",
    "målrettet",
    "individuel",
    "grundig",
    "langsom",
    "stærk",
    "øm",
    "stiv",
];
const VERBS: &[&str] = &[
    "påvirker",
    "forbedrer",
    "reducerer",
    "lindrer",
    "forværrer",
    "styrker",
    "belaster",
    "aflaster",
    "vurderer",
    "behandler",
    "forebygger",
    "udløser",
    "kræver",
    "hjælper",
];
const QUESTIONS: &[&str] =
    &["Hvad er", "Hvordan opstår", "Hvorfor får man", "Hvornår skal man søge hjælp ved", "Hvilke"];

/// A tiny deterministic random source.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.next() % words.len()]
    }

    fn sentence(&mut self) -> String {
        let mut s = format!(
            "{} {} {} {} {}",
            self.pick(ADJECTIVES),
            self.pick(NOUNS),
            self.pick(VERBS),
            self.pick(ADJECTIVES),
            self.pick(NOUNS)
        );
        for _ in 0..self.next() % 6 {
            s.push(' ');
            s.push_str(self.pick(NOUNS));
        }
        let mut chars = s.chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
        format!("{first}{}.", chars.as_str())
    }

    fn paragraph(&mut self) -> String {
        let n = 3 + self.next() % 4;
        (0..n).map(|_| self.sentence()).collect::<Vec<_>>().join(" ")
    }
}

/// An article of about `bytes` bytes (at least one section) in the house format: frontmatter,
/// an introduction, question sections with paragraphs, lists and tables, and a closing FAQ.
/// `title` is its subject, e.g. "Knæsmerter".
pub fn article(title: &str, seed: u64, bytes: usize) -> String {
    let mut r = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
    let day = 1 + r.next() % 28;
    let month = 1 + r.next() % 12;
    let mut out = format!(
        "---\nlastUpdated: {day:02}/{month:02}/2025\nmetaTitle: {title} – generated article {seed}\ndatePublished: {day:02}/{month:02}/2024\n---\n\n{}\n",
        r.paragraph()
    );
    let lower = title.to_lowercase();
    let mut section = 0;
    while out.len() + 2500 < bytes || section == 0 {
        section += 1;
        let q = r.pick(QUESTIONS);
        out.push_str(&format!("\n## {q} {lower} nummer {section}?\n\n{}\n", r.paragraph()));
        match r.next() % 4 {
            0 => {
                out.push('\n');
                for _ in 0..3 {
                    out.push_str(&format!("- {}\n", r.sentence()));
                }
            }
            1 => {
                out.push_str("\n| Område | Råd |\n|---|---|\n");
                for _ in 0..3 {
                    out.push_str(&format!("| {} | {} |\n", r.pick(NOUNS), r.sentence()));
                }
            }
            _ => out.push_str(&format!("\n{}\n", r.paragraph())),
        }
    }
    out.push_str(&format!("\n## Ofte stillede spørgsmål om {lower}\n"));
    for i in 1..=4 {
        let q = r.pick(QUESTIONS);
        out.push_str(&format!("\n### {q} {lower}, spørgsmål {i}?\n\n{}\n", r.paragraph()));
    }
    out
}

/// Subjects for the titles of a generated library.
const SUBJECTS: &[&str] = &[
    "Rygsmerter",
    "Knæsmerter",
    "Hoftesmerter",
    "Skuldersmerter",
    "Nakkesmerter",
    "Albuesmerter",
    "Håndledssmerter",
    "Ankelsmerter",
    "Fodsmerter",
    "Hovedpine",
    "Kæbesmerter",
    "Brystsmerter",
];

/// `count` articles of about `bytes` bytes each, as (slug, text): slugs `artikel-00001` …,
/// subjects taken in turn.
pub fn library(count: usize, bytes: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|i| {
            let subject = SUBJECTS[i % SUBJECTS.len()];
            (format!("artikel-{:05}", i + 1), article(subject, i as u64, bytes))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, HeadingKind};

    #[test]
    fn generated_articles_are_deterministic_and_in_the_house_format() {
        let a = article("Knæsmerter", 7, 20_000);
        assert_eq!(a, article("Knæsmerter", 7, 20_000));
        assert_ne!(a, article("Knæsmerter", 8, 20_000));
        assert!((18_000..21_000).contains(&a.len()), "{}", a.len());
        let (parsed, warnings) =
            crate::library::Article::from_bytes("k".into(), crate::library::Source::Bundled, a.as_bytes());
        assert!(warnings.is_empty(), "{warnings:?}");
        let outline = Document::parse(&parsed.body).outline;
        assert!(outline.count(HeadingKind::Question) > 10);
        assert_eq!(outline.count(HeadingKind::FaqSection), 1);
        assert_eq!(outline.count(HeadingKind::FaqQuestion), 4);
    }
}
