//! The bundled library: six articles in the house format, each with its questions and an
//! FAQ whose every answer says something.

use artikel::document::{Block, Document, HeadingKind};
use artikel::library::Library;

/// slug, questions (H2 ending in ?), FAQ questions.
const LIBRARY: &[(&str, usize, usize)] = &[
    ("knaesmerter", 7, 4),
    ("laendesmerter", 7, 4),
    ("nakkesmerter", 7, 4),
    ("nervesmerter", 7, 4),
    ("skuldersmerter", 7, 4),
    ("spaendingshovedpine", 7, 4),
];

#[test]
fn the_bundled_library_is_these_six_articles_and_loads_cleanly() {
    let lib = Library::bundled();
    assert!(lib.warnings.is_empty(), "{:?}", lib.warnings);
    let slugs: Vec<&str> = lib.articles.iter().map(|a| a.slug.as_str()).collect();
    let expected: Vec<&str> = LIBRARY.iter().map(|(s, ..)| *s).collect();
    assert_eq!(slugs, expected);
    for a in &lib.articles {
        assert!(a.meta.title.is_some(), "{} has a metaTitle", a.slug);
        let (updated, published) = (a.meta.last_updated, a.meta.date_published);
        assert!(updated.is_some() && published.is_some(), "{} has both dates", a.slug);
        assert!(updated >= published, "{} was not updated before it was published", a.slug);
    }
}

#[test]
fn each_article_has_its_questions_and_a_faq_whose_answers_are_not_empty() {
    let lib = Library::bundled();
    for &(slug, questions, faq_questions) in LIBRARY {
        let article = &lib.articles[lib.position(slug).expect("bundled")];
        let doc = Document::parse(&article.body);
        let outline = &doc.outline;
        assert_eq!(outline.count(HeadingKind::Question), questions, "{slug}: questions");
        assert_eq!(outline.count(HeadingKind::FaqSection), 1, "{slug}: one FAQ section");
        assert_eq!(outline.count(HeadingKind::FaqQuestion), faq_questions, "{slug}: FAQ questions");
        assert!(matches!(doc.blocks.first(), Some(Block::Paragraph(_))), "{slug} opens with an introduction");
        let faq = outline.faq().expect("faq");
        assert!(outline.headings[faq].text.starts_with("Ofte stillede spørgsmål om "), "{slug}");
        for (i, h) in outline.headings.iter().enumerate() {
            if h.kind == HeadingKind::FaqQuestion {
                let answer = outline.answer(i);
                let words: usize = doc.blocks[answer]
                    .iter()
                    .map(|b| match b {
                        Block::Paragraph(p) => p.iter().map(|i| i.text.split_whitespace().count()).sum(),
                        _ => 0,
                    })
                    .sum();
                assert!(words >= 10, "{slug}: the answer to {:?} has {words} words", h.text);
            }
        }
    }
}

#[test]
fn the_library_uses_lists_tables_and_links_between_its_articles() {
    let lib = Library::bundled();
    let bodies: Vec<&str> = lib.articles.iter().map(|a| &*a.body).collect();
    let blocks: Vec<Block> = bodies.iter().flat_map(|b| Document::parse(b).blocks).collect();
    assert!(blocks.iter().any(|b| matches!(b, Block::List { start: None, .. })), "a bullet list");
    assert!(blocks.iter().any(|b| matches!(b, Block::List { start: Some(_), .. })), "a numbered list");
    assert!(blocks.iter().any(|b| matches!(b, Block::Table(_))), "a table");
    // Every relative link names a bundled article.
    for body in &bodies {
        for target in body.split("](").skip(1).filter_map(|rest| rest.split(')').next()) {
            if let Some(slug) = target.strip_suffix(".md") {
                assert!(lib.position(slug).is_some(), "a link to {target} names a bundled article");
            }
        }
    }
    let linked = bodies.iter().filter(|b| b.contains(".md)")).count();
    assert!(linked >= 5, "the new articles link to each other ({linked})");
}

#[test]
fn the_seed_article_is_bundled_exactly_as_shipped() {
    let lib = Library::bundled();
    let seed = &lib.articles[lib.position("nervesmerter").expect("seed")];
    let shipped = include_str!("../articles/nervesmerter.md");
    assert!(shipped.ends_with(&*seed.body), "the body is the file's, unchanged");
    assert!(
        shipped.starts_with("---\nlastUpdated: 19/02/2025\nmetaTitle: Nervesmerter – Hvad er nervesmerter?")
    );
}
