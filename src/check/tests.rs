//! Each rule fires on an example that breaks it, and a good article passes clean.

use super::*;
use crate::library::Source;

const GOOD: &str = "---\nmetaTitle: Godt\nlastUpdated: 01/06/2026\ndatePublished: 01/01/2026\n---\n\nIntro.\n\n## Hvad er det?\n\nTekst med [et link](andet.md#hvad-er-det) og [et anker](#hvad-er-det).\n\n## Ofte stillede spørgsmål om godt\n\n### Virker det?\n\nJa.\n";
const OTHER: &str = "---\nmetaTitle: Andet\nlastUpdated: 01/06/2026\ndatePublished: 01/01/2026\n---\n\n## Hvad er det?\n\nTekst.\n\n## FAQ\n\n### Og så?\n\nSå.\n";

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 29)
}

/// The (rule, severity, line) of what checking `text` finds.
fn findings(text: &str) -> Vec<(&'static str, Severity, Option<usize>)> {
    let mut library = Library::default();
    for (slug, body) in [("godt", GOOD), ("andet", OTHER)] {
        library.insert(Article::from_bytes(slug.into(), Source::Bundled, body.as_bytes()).0);
    }
    let (article, warnings) = Article::from_bytes("prøve".into(), Source::Bundled, text.as_bytes());
    check(&article, &warnings, &library, today(), STALE_MONTHS)
        .into_iter()
        .map(|f| (rule_name(f.rule), f.severity, f.line))
        .collect()
}

/// A rule's id as a `&'static str`, to compare findings with literal tables.
fn rule_name(rule: String) -> &'static str {
    Box::leak(rule.into_boxed_str())
}

fn rules(text: &str) -> Vec<&'static str> {
    findings(text).into_iter().map(|(r, ..)| r).collect()
}

#[test]
fn a_good_article_passes_clean() {
    assert_eq!(findings(GOOD), []);
}

#[test]
fn frontmatter_missing_or_broken_is_an_error_with_its_line() {
    assert_eq!(
        findings("## Hvad?\n\nx\n\n## FAQ\n\n### Y?\n\nz\n")[0],
        ("frontmatter", Severity::Error, Some(1))
    );
    let broken = findings("---\nmetaTitle: [x\nlastUpdated: 01/01/2026\n---\n\n## FAQ\n\n### Y?\n\nz\n");
    assert_eq!(broken[0].0, "frontmatter");
    assert_eq!(broken[0].2, Some(3), "the line of the file where the YAML parser stopped");
}

#[test]
fn required_keys_and_valid_dates_in_order() {
    let no_title = GOOD.replace("metaTitle: Godt\n", "");
    assert_eq!(rules(&no_title), ["required-key"]);
    let bad_date = GOOD.replace("lastUpdated: 01/06/2026", "lastUpdated: 31/06/2026");
    assert_eq!(rules(&bad_date), ["date"]);
    let backwards = GOOD.replace("datePublished: 01/01/2026", "datePublished: 01/10/2026");
    assert_eq!(findings(&backwards), [("date-order", Severity::Error, Some(1))]);
}

#[test]
fn an_old_article_is_noted_as_stale_but_passes() {
    let old = GOOD
        .replace("lastUpdated: 01/06/2026", "lastUpdated: 01/02/2025")
        .replace("datePublished: 01/01/2026", "datePublished: 01/01/2025");
    assert_eq!(findings(&old), [("stale", Severity::Note, Some(1))]);
}

#[test]
fn h2_headings_are_questions_and_sections_are_not_empty() {
    let statement = GOOD.replace("## Hvad er det?\n", "## Om det\n").replace("(#hvad-er-det)", "(#om-det)");
    assert_eq!(findings(&statement), [("question", Severity::Warning, Some(9))]);
    let empty = GOOD.replace("Intro.\n\n## Hvad er det?\n", "Intro.\n\n## Tom?\n\n## Hvad er det?\n");
    assert_eq!(findings(&empty), [("empty-section", Severity::Warning, Some(9))]);
}

#[test]
fn the_faq_exists_has_questions_and_every_answer_says_something() {
    let no_faq = GOOD.split("## Ofte").next().expect("before the FAQ").to_string();
    assert_eq!(findings(&no_faq), [("faq", Severity::Warning, None)]);
    let no_questions = GOOD.replace("### Virker det?\n\nJa.\n", "Bare tekst.\n");
    assert_eq!(findings(&no_questions), [("faq", Severity::Warning, Some(13))]);
    let unanswered = GOOD.replace("### Virker det?\n\nJa.\n", "### Virker det?\n\n### Og så?\n\nSå.\n");
    assert_eq!(
        findings(&unanswered),
        [("empty-section", Severity::Warning, Some(15)), ("faq-answer", Severity::Error, Some(15))]
    );
}

#[test]
fn a_question_asked_twice_is_named_with_both_lines() {
    let twice = GOOD.replace("### Virker det?", "### Hvad er det?");
    assert_eq!(findings(&twice), [("duplicate-question", Severity::Warning, Some(15))]);
}

#[test]
fn internal_links_must_resolve() {
    let bad_file = GOOD.replace("andet.md#hvad-er-det", "mangler.md");
    assert_eq!(findings(&bad_file), [("link", Severity::Error, Some(11))]);
    let bad_anchor = GOOD.replace("(#hvad-er-det)", "(#findes-ikke)");
    assert_eq!(findings(&bad_anchor), [("link", Severity::Error, Some(11))]);
    let external = GOOD.replace("andet.md#hvad-er-det", "https://fysfinder.dk");
    assert_eq!(findings(&external), []);
}

#[test]
fn the_bundled_library_passes_with_no_warnings() {
    let library = Library::bundled();
    for article in &library.articles {
        let found = check(article, &[], &library, today(), STALE_MONTHS);
        let serious: Vec<&Finding> = found.iter().filter(|f| f.severity > Severity::Note).collect();
        assert!(serious.is_empty(), "{}: {serious:?}", article.slug);
    }
}

#[test]
fn each_article_is_parsed_once_however_often_it_is_linked_or_checked() {
    let mut library = Library::default();
    let linking = GOOD.replace("Intro.", &"[igen](andet.md#hvad-er-det) ".repeat(50));
    for (slug, body) in [("godt", linking.as_str()), ("andet", OTHER)] {
        library.insert(Article::from_bytes(slug.into(), Source::Bundled, body.as_bytes()).0);
    }
    let checker = Checker::new(&library, today(), STALE_MONTHS);
    let andet = library.position("andet").expect("andet");
    let first: *const Parsed = checker.parsed(andet).expect("parsed");
    let godt = library.position("godt").expect("godt");
    assert!(checker.check(godt, &[], None).is_empty(), "fifty links resolve");
    assert!(checker.check(andet, &[], None).is_empty());
    assert!(std::ptr::eq(first, checker.parsed(andet).expect("parsed")), "the same parse, kept");
}

#[test]
fn a_scratch_kept_from_article_to_article_and_rule_set_to_rule_set_finds_what_a_fresh_one_finds() {
    let library = Library::bundled();
    let bundled = RuleSet::bundled().expect("the bundled rules");
    // Other rules whose words and sentences are the bundled articles' own: what one rule
    // set's words were found to say must not be taken for what they say under another.
    let other = RuleSet::parse(
        "version: 1\nwords:\n  - id: knae-ord\n    find: [knæ]\n    use: knæled\n    reason: Prøve.\n    severity: warning\nsentences:\n  - id: ondt-i\n    says: ['ondt knæ*|ryg*|nakke*']\n    message: Prøve.\n    severity: note\n",
    )
    .expect("valid rules");
    let checker = Checker::new(&library, today(), STALE_MONTHS);
    let mut kept = Scratch::new();
    let mut other_found = 0;
    for round in 0..2 {
        for i in 0..library.articles.len() {
            for rules in [&bundled, &other] {
                let fresh = checker.check(i, &[], Some(rules));
                assert_eq!(checker.check_with(&mut kept, i, &[], Some(rules)), fresh, "round {round}, {i}");
                other_found += fresh.iter().filter(|f| f.rule == "knae-ord" || f.rule == "ondt-i").count();
            }
        }
    }
    assert!(other_found > 0, "the other rules find something");
}

#[test]
fn a_kept_scratch_tells_look_alike_paragraphs_and_one_paragraph_under_two_leads_apart() {
    let knae = include_str!("../../articles/knaesmerter.md");
    let item = knae.lines().find(|l| l.starts_with("- du får pludselig åndenød")).expect("the item");
    assert!(knae.contains("**Ring 112**, hvis:"));
    // A 112 sign under a lead for a few days' time: moved too low.
    let low = knae
        .replace("**Ring 112**, hvis:", "**Bestil tid hos egen læge**, hvis:")
        .replace(item, "- du får pludselig åndenød");
    // The same with one word changed: it names no sign.
    let near = low.replace("- du får pludselig åndenød", "- du får pludselig åndedræt");
    let mut library = Library::bundled();
    for (slug, body) in [("lav", low.as_str()), ("naer", near.as_str()), ("hoej", knae)] {
        library.insert(Article::from_bytes(slug.into(), Source::Bundled, body.as_bytes()).0);
    }
    let rules = RuleSet::bundled().expect("the bundled rules");
    let checker = Checker::new(&library, today(), STALE_MONTHS);
    let at = |slug: &str| library.position(slug).expect("inserted");
    let too_low = |found: &[Finding]| found.iter().filter(|f| f.rule == "tegn-niveau").count();
    let fresh: Vec<Vec<Finding>> =
        ["lav", "naer", "hoej"].iter().map(|s| checker.check(at(s), &[], Some(&rules))).collect();
    assert!(too_low(&fresh[0]) > too_low(&fresh[1]), "one letter off names no sign");
    assert!(too_low(&fresh[0]) > too_low(&fresh[2]), "under 112 no sign is too low");
    // One scratch through them all, each twice, in both orders.
    let mut kept = Scratch::new();
    for order in [["lav", "naer", "hoej"], ["hoej", "naer", "lav"]] {
        for slug in order {
            let n = ["lav", "naer", "hoej"].iter().position(|s| *s == slug).unwrap_or(0);
            assert_eq!(checker.check_with(&mut kept, at(slug), &[], Some(&rules)), fresh[n], "{slug}");
        }
    }
    // Another checker, over a library whose table has one sign, said by the word the
    // paragraph above names no sign with: what the scratch kept of the first table is let go.
    let table = "signs:\n  - id: aandedraet\n    level: \"112\"\n    da: åndedræt\n    en: breathing\n    says:\n      - pludselig åndedræt\n    source: prøve\n";
    let mut other_library = Library { signs: crate::signs::Signs::parse(table).0, ..Library::default() };
    assert_eq!(other_library.signs.len(), 1);
    other_library.insert(Article::from_bytes("naer".into(), Source::Bundled, near.as_bytes()).0);
    let other = Checker::new(&other_library, today(), STALE_MONTHS);
    let found = other.check_with(&mut kept, 0, &[], Some(&rules));
    assert_eq!(found, other.check(0, &[], Some(&rules)));
    assert_eq!(too_low(&found), 1, "the other table's sign, not the first table's none");
}

#[test]
fn a_lead_that_says_not_to_ring_112_is_not_a_112_lead() {
    let knae = include_str!("../../articles/knaesmerter.md");
    let denied = knae.replace("**Ring 112**, hvis:", "**Ring ikke 112 – bestil tid hos egen læge**, hvis:");
    let booked = knae.replace("**Ring 112**, hvis:", "**Bestil tid hos egen læge**, hvis:");
    let mut library = Library::bundled();
    for (slug, body) in [("ikke", denied.as_str()), ("bestil", booked.as_str())] {
        library.insert(Article::from_bytes(slug.into(), Source::Bundled, body.as_bytes()).0);
    }
    let rules = RuleSet::bundled().expect("the bundled rules");
    let checker = Checker::new(&library, today(), STALE_MONTHS);
    let too_low = |slug: &str| {
        let at = library.position(slug).expect("inserted");
        checker.check(at, &[], Some(&rules)).iter().filter(|f| f.rule == "tegn-niveau").count()
    };
    assert!(too_low("bestil") > 0);
    assert_eq!(too_low("ikke"), too_low("bestil"), "every 112 sign under it is too low");
}
