//! The outline of a document: its headings, each classed as question, FAQ section, FAQ
//! question or plain section, with the blocks each one covers.

use super::blocks::{Block, plain_text};
use std::ops::Range;

/// What a heading is, in the house format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingKind {
    /// A heading phrased as a question (ends with `?`), outside the FAQ section.
    Question,
    /// The FAQ section ("Ofte stillede spørgsmål …", "FAQ …", "Frequently asked questions …").
    FaqSection,
    /// A question inside the FAQ section; what follows it is its answer.
    FaqQuestion,
    /// Any other heading.
    Section,
}

impl HeadingKind {
    /// A short name, as `artikel toc` prints it.
    pub fn label(self) -> &'static str {
        match self {
            HeadingKind::Question => "question",
            HeadingKind::FaqSection => "faq",
            HeadingKind::FaqQuestion => "faq-question",
            HeadingKind::Section => "section",
        }
    }
}

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Its plain text.
    pub text: String,
    /// Its class.
    pub kind: HeadingKind,
    /// The index of its block among the document's top-level blocks.
    pub block: usize,
    /// The blocks it covers: up to the next heading of the same or a higher level.
    pub section: Range<usize>,
    /// A stable name for linking to it, GitHub style: `kan-nervesmerter-helbredes`.
    pub anchor: String,
}

/// The headings of a document, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// The headings.
    pub headings: Vec<Heading>,
}

/// Whether a heading's text opens the FAQ section.
pub fn is_faq_title(text: &str) -> bool {
    // Lowered a letter at a time, only as far as an opening goes: every heading of a large
    // library passes here, and few are more than a letter into one.
    ["ofte stillede spørgsmål", "faq", "frequently asked questions"].iter().any(|opening| {
        let mut lower = text.trim_start().chars().flat_map(char::to_lowercase);
        opening.chars().all(|c| lower.next() == Some(c))
    })
}

/// The GitHub-style anchor of a heading's text: lower case, letters, digits, `-` and `_`
/// kept (æøå too), spaces turned into `-`, everything else dropped.
pub fn anchor(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn is_question(text: &str) -> bool {
    text.trim_end().ends_with('?')
}

impl Outline {
    /// Finds and classes the top-level headings of `blocks`.
    pub fn of(blocks: &[Block]) -> Outline {
        let mut headings: Vec<Heading> = Vec::new();
        let mut faq_level: Option<u8> = None;
        let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (i, block) in blocks.iter().enumerate() {
            let Block::Heading { level, text } = block else {
                continue;
            };
            let (level, text) = (*level, plain_text(text).trim().to_string());
            if faq_level.is_some_and(|l| level <= l) {
                faq_level = None;
            }
            let kind = if is_faq_title(&text) {
                faq_level = Some(level);
                HeadingKind::FaqSection
            } else if is_question(&text) {
                if faq_level.is_some() { HeadingKind::FaqQuestion } else { HeadingKind::Question }
            } else {
                HeadingKind::Section
            };
            let mut name = anchor(&text);
            if taken.contains(&name) {
                let base = name.clone();
                name = (1..).map(|n| format!("{base}-{n}")).find(|n| !taken.contains(n)).unwrap_or(base);
            }
            taken.insert(name.clone());
            headings.push(Heading { level, text, kind, block: i, section: i..blocks.len(), anchor: name });
        }
        // A heading's section ends at the next heading of the same or a higher level: keep
        // the open sections on a stack and close those each new heading ends.
        let mut open: Vec<usize> = Vec::new();
        for i in 0..headings.len() {
            while let Some(&j) = open.last() {
                if headings[j].level < headings[i].level {
                    break;
                }
                headings[j].section.end = headings[i].block;
                open.pop();
            }
            open.push(i);
        }
        Outline { headings }
    }

    /// How many headings are of `kind`.
    pub fn count(&self, kind: HeadingKind) -> usize {
        self.headings.iter().filter(|h| h.kind == kind).count()
    }

    /// The blocks that answer heading `i`: its section without the heading itself.
    pub fn answer(&self, i: usize) -> Range<usize> {
        self.headings.get(i).map_or(0..0, |h| h.block + 1..h.section.end)
    }

    /// The heading called `anchor`.
    pub fn by_anchor(&self, anchor: &str) -> Option<usize> {
        self.headings.iter().position(|h| h.anchor == anchor)
    }

    /// The blocks of heading `i`'s own text: after it, up to the next heading of any level.
    pub fn own_blocks(&self, i: usize, blocks: usize) -> Range<usize> {
        let start = self.headings.get(i).map_or(0, |h| h.block + 1);
        let end = self.headings.get(i + 1).map_or(blocks, |h| h.block);
        start..end.max(start)
    }

    /// The index of the FAQ section's heading.
    pub fn faq(&self) -> Option<usize> {
        self.headings.iter().position(|h| h.kind == HeadingKind::FaqSection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn anchors_are_github_style_and_unique() {
        assert_eq!(anchor("Kan nervesmerter helbredes?"), "kan-nervesmerter-helbredes");
        assert_eq!(anchor("Hvad er årsagerne til nervesmerter?"), "hvad-er-årsagerne-til-nervesmerter");
        assert_eq!(anchor("Knæ & hofte: 2 råd"), "knæ--hofte-2-råd");
        let doc = Document::parse("## Noter\n\n## Noter\n\n## Noter\n");
        let anchors: Vec<&str> = doc.outline.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(anchors, ["noter", "noter-1", "noter-2"]);
        assert_eq!(doc.outline.by_anchor("noter-1"), Some(1));
    }

    #[test]
    fn faq_titles_in_danish_and_english_any_case() {
        assert!(is_faq_title("Ofte stillede spørgsmål om knæsmerter"));
        assert!(is_faq_title("OFTE STILLEDE SPØRGSMÅL"));
        assert!(is_faq_title("FAQ"));
        assert!(is_faq_title("Frequently Asked Questions"));
        assert!(!is_faq_title("Spørgsmål og svar"));
        assert!(is_faq_title("  faq: knæ"));
        assert!(!is_faq_title("Ofte stillede"));
    }

    proptest::proptest! {
        /// Lowering as far as an opening goes decides as lowering the whole heading did,
        /// for headings that start like an opening in any case and go on with anything.
        #[test]
        fn faq_titles_are_found_as_by_lowering_the_whole_heading(
            start in proptest::sample::select(vec!["ofte stillede spørgsmål", "faq", "frequently asked questions", "Σ", "İ"]),
            cut in 0usize..30,
            upper in proptest::collection::vec(proptest::bool::ANY, 30),
            rest in "\\PC{0,12}",
            space in " {0,2}",
        ) {
            let start: String = start
                .chars()
                .take(cut)
                .zip(upper.iter().chain(std::iter::repeat(&false)))
                .map(|(c, &up)| if up { c.to_uppercase().collect::<String>() } else { c.to_string() })
                .collect();
            let text = format!("{space}{start}{rest}");
            let lower = text.trim().to_lowercase();
            let whole = ["ofte stillede spørgsmål", "faq", "frequently asked questions"]
                .iter()
                .any(|p| lower.starts_with(p));
            proptest::prop_assert_eq!(is_faq_title(&text), whole, "{:?}", text);
        }
    }

    #[test]
    fn questions_inside_the_faq_are_faq_questions_until_a_same_level_heading() {
        let doc = Document::parse(
            "## Hvad er det?\n\ntekst\n\n## FAQ\n\n### Gør det ondt?\n\nNej.\n\n### Noter\n\n### Hjælper is?\n\nMåske.\n\n## Kilder\n\n### Hvem skrev det?\n",
        );
        let kinds: Vec<HeadingKind> = doc.outline.headings.iter().map(|h| h.kind).collect();
        use HeadingKind::*;
        assert_eq!(kinds, [Question, FaqSection, FaqQuestion, Section, FaqQuestion, Section, Question]);
        let answer = doc.outline.answer(2);
        assert_eq!(answer.len(), 1);
        assert!(matches!(&doc.blocks[answer.start], Block::Paragraph(p) if plain_text(p) == "Nej."));
        let faq = doc.outline.faq().expect("faq");
        assert_eq!(doc.outline.headings[faq].section.end, doc.outline.headings[5].block);
    }
}
