//! The bundled library: six articles in the house format, each with its questions and an
//! FAQ whose every answer says something, urgent help named the Danish way, and the house
//! rules kept (but for the seed article, which is kept as shipped).

use artikel::check::{Checker, RuleSet, Severity};
use artikel::document::{Block, Document, HeadingKind, push_block_text};
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
    let shipped = include_str!("../../articles/nervesmerter.md");
    assert!(shipped.ends_with(&*seed.body), "the body is the file's, unchanged");
    assert!(
        shipped.starts_with("---\nlastUpdated: 19/02/2025\nmetaTitle: Nervesmerter – Hvad er nervesmerter?")
    );
}

/// The text under heading `i` of `doc`, in lower case.
fn answer_text(doc: &Document, i: usize) -> String {
    let mut text = String::new();
    doc.blocks[doc.outline.answer(i)].iter().for_each(|b| push_block_text(&mut text, b));
    text.to_lowercase()
}

#[test]
fn every_when_to_see_a_doctor_answer_names_112_egen_laege_and_laegevagten() {
    let lib = Library::bundled();
    let mut answers = 0;
    for article in &lib.articles {
        let doc = Document::parse(&article.body);
        for (i, h) in doc.outline.headings.iter().enumerate() {
            if !h.text.starts_with("Hvornår skal du søge læge") {
                continue;
            }
            answers += 1;
            let text = answer_text(&doc, i);
            for must in ["ring 112", "egen læge", "lægevagten", "1813"] {
                assert!(text.contains(must), "{}: “{}” does not name {must}", article.slug, h.text);
            }
        }
    }
    assert_eq!(answers, 5, "one in each article but the seed");
}

#[test]
fn medicine_comes_with_its_maximums_and_one_way_of_saying_who_to_ask() {
    let lib = Library::bundled();
    for article in lib.articles.iter().filter(|a| a.slug != "nervesmerter") {
        let body = article.body.to_lowercase();
        if body.contains("paracetamol") {
            assert!(
                body.contains("1 g") && body.contains("ad gangen") && body.contains("4 g i døgnet"),
                "{}",
                article.slug
            );
            assert!(body.contains("under 50 kg") && body.contains("alkohol"), "{}", article.slug);
        }
        if body.contains("ibuprofen") {
            assert!(body.contains("1.200 mg i døgnet"), "{}", article.slug);
            for caution in ["mavesår", "nyre", "hjerte", "blodfortyndende", "gravid", "65 år"] {
                assert!(body.contains(caution), "{}: {caution}", article.slug);
            }
        }
        if body.contains("smertestillende") {
            assert!(body.contains("spørg lægen eller apoteket"), "{}", article.slug);
        }
        assert!(body.contains("henvisning fra egen læge"), "{}: tilskud to physiotherapy", article.slug);
    }
}

#[test]
fn the_library_keeps_the_house_rules_and_only_the_seed_article_draws_warnings() {
    let lib = Library::bundled();
    let rules = RuleSet::bundled().expect("the bundled house rules are valid");
    let checker = Checker::new(&lib, jiff::civil::date(2026, 11, 30), 12);
    let mut drawn = Vec::new();
    let mut errors = Vec::new();
    for (i, article) in lib.articles.iter().enumerate() {
        for f in checker.check(i, &[], Some(&rules)) {
            let at = (article.slug.as_str(), f.rule.clone(), f.line.unwrap_or(0));
            match f.severity {
                Severity::Error => errors.push(at),
                Severity::Warning => drawn.push(at),
                Severity::Note => {}
            }
        }
    }
    let seed = |rule: &str, line| ("nervesmerter", rule.to_string(), line);
    assert_eq!(
        errors,
        [seed("soeg-hjaelp-afsnit", 33), seed("fysioterapeut-foerst", 35)],
        "the seed article ships as written: no section on when to seek help, and a physiotherapist first"
    );
    assert_eq!(
        drawn,
        [
            seed("inkludere", 11),
            seed("inkludere", 15),
            seed("fysioterapi-henvisning", 25),
            seed("du-ikke-man", 29),
            seed("du-ikke-man", 33),
            seed("inkludere", 49),
        ],
        "the seed article's warnings"
    );
}
