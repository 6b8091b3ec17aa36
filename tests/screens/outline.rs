//! The seed article's outline, and a layout that keeps every word within the width.

use artikel::document::{Document, HeadingKind};
use artikel::layout::{Layout, display_width};
use artikel::library::Library;

fn seed() -> Document {
    let lib = Library::bundled();
    let i = lib.position("nervesmerter").expect("the seed article is bundled");
    Document::parse(&lib.articles[i].body)
}

#[test]
fn nervesmerter_has_seven_questions_one_faq_and_four_faq_questions() {
    let outline = seed().outline;
    assert_eq!(outline.count(HeadingKind::Question), 7);
    assert_eq!(outline.count(HeadingKind::FaqSection), 1);
    assert_eq!(outline.count(HeadingKind::FaqQuestion), 4);
    assert_eq!(outline.count(HeadingKind::Section), 0);
    let listed: Vec<(u8, HeadingKind, &str)> =
        outline.headings.iter().map(|h| (h.level, h.kind, h.text.as_str())).collect();
    use HeadingKind::*;
    assert_eq!(
        listed,
        [
            (2, Question, "Hvad er årsagerne til nervesmerter?"),
            (2, Question, "Hvilke symptomer er forbundet med nervesmerter?"),
            (2, Question, "Hvordan diagnosticeres nervesmerter?"),
            (2, Question, "Hvilke behandlingsmuligheder findes der for nervesmerter?"),
            (2, Question, "Hvordan kan fysioterapi hjælpe med nervesmerter?"),
            (2, Question, "Hvad kan man selv gøre for at lindre nervesmerter?"),
            (2, Question, "Hvornår skal man søge hjælp fra en fysioterapeut?"),
            (2, FaqSection, "Ofte stillede spørgsmål om nervesmerter"),
            (3, FaqQuestion, "Hvad er forskellen mellem nervesmerter og almindelige smerter?"),
            (3, FaqQuestion, "Kan nervesmerter helbredes?"),
            (3, FaqQuestion, "Er der nogen risikofaktorer for nervesmerter?"),
            (3, FaqQuestion, "Hvordan kan jeg finde en fysioterapeut til behandling af nervesmerter?"),
        ]
    );
}

#[test]
fn every_faq_answer_is_the_paragraph_under_its_question() {
    let doc = seed();
    let faq_questions: Vec<usize> = (0..doc.outline.headings.len())
        .filter(|&i| doc.outline.headings[i].kind == HeadingKind::FaqQuestion)
        .collect();
    for i in faq_questions {
        assert_eq!(doc.outline.answer(i).len(), 1, "{}", doc.outline.headings[i].text);
    }
    let faq = doc.outline.faq().expect("faq");
    assert_eq!(doc.outline.headings[faq].section.end, doc.blocks.len());
}

#[test]
fn every_word_survives_layout_and_no_line_is_wider_than_its_width() {
    let lib = Library::bundled();
    let body = &lib.articles[lib.position("nervesmerter").expect("seed")].body;
    let doc = Document::parse(body);
    let words: Vec<&str> = body.split_whitespace().filter(|w| !w.starts_with('#')).collect();
    assert!(words.len() > 500, "the seed article has its words");
    for width in [20, 60, 120] {
        let layout = Layout::new(&doc, width);
        for line in layout.lines.iter() {
            assert!(line.width() <= width, "{width}: {:?} is {} wide", line.text(), line.width());
        }
        // Words longer than the width are cut across lines, so compare without whitespace;
        // every word, in order, nothing added.
        let joined: String = layout.lines.iter().map(|l| l.text()).collect::<String>();
        let squeezed: String = joined.split_whitespace().collect();
        // The seed article has no inline markup, so the text must come through exactly.
        assert_eq!(squeezed, words.concat(), "{width}: the text changed in layout");
        assert!(layout.lines.iter().all(|l| display_width(&l.text()) == l.width()));
    }
}

#[test]
fn headings_know_their_lines_at_every_width() {
    let doc = seed();
    for width in [20, 60, 120] {
        let layout = Layout::new(&doc, width);
        for (h, &row) in doc.outline.headings.iter().zip(&layout.heading_rows) {
            let first_word = h.text.split_whitespace().next().expect("heading text");
            assert!(
                layout.lines.get(row).expect("heading line").text().starts_with(first_word),
                "{width}: {}",
                h.text
            );
        }
    }
}
