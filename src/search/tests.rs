//! The matching and ranking rules, with Danish examples.

use super::*;

const RYG: &str = "---\nmetaTitle: Rygsmerter\n---\nRyggen kan gøre ondt.\n\n## Hvad hjælper mod ondt i ryggen?\n\nBevægelse og træning hjælper mange.\n\n## Hvor længe varer rygsmerter?\n\nOfte et par uger.\n\n## Ofte stillede spørgsmål om rygsmerter\n\n### Hvad hjælper mod ondt i ryggen?\n\nGå en tur.\n\n### Hvilken pude er bedst til nakken?\n\nEn lav pude.\n";
const KNAE: &str = "---\nmetaTitle: Knæsmerter og træning\n---\nKnæet bærer kroppen.\n\n## Hvordan træner jeg knæet?\n\nStyrketræning af lårene aflaster knæet. Lægen kan undersøge det.\n\n## Kan knæsmerter helbredes?\n\nMange får det bedre med tiden.\n\n## Hvornår skal du søge læge ved knæsmerter?\n\nVed feber og hævelse.\n\n## Skal en meniskskade altid opereres?\n\nNej, sjældent.\n";
const NERVE: &str = "---\nmetaTitle: Nervesmerter\n---\nOm nervesmerter.\n\n## Hvad er årsagerne?\n\nSkader på nerverne. Smerter i benene kan skyldes diskusprolaps.\n\n## Hvornår skal man søge hjælp?\n\nHvis det ikke går over.\n";

fn index() -> Index {
    let mut ix = Index::build(&[
        ("Rygsmerter", body(RYG)),
        ("Knæsmerter og træning", body(KNAE)),
        ("Nervesmerter", body(NERVE)),
    ]);
    ix.set_synonyms(Synonyms::parse("groups:\n  - [lænd, ryg, lumbago]\n  - [operation, operere]\n").0);
    ix
}

fn body(text: &str) -> &str {
    text.splitn(3, "---\n").nth(2).unwrap_or(text)
}

/// The heading texts of the hits, best first ("Title" for an article's top).
fn found(hits: &[Hit], index: &Index) -> Vec<String> {
    hits.iter().map(|h| index.label(h.unit).to_string()).collect()
}

fn first(index: &Index, query: &str) -> String {
    index.best_answer(&Query::new(query)).map(|h| index.label(h.unit).to_string()).unwrap_or_default()
}

#[test]
fn a_query_without_danish_letters_finds_text_with_them() {
    let ix = index();
    let hits = ix.questions(&Query::new("hvordan traener jeg knae"), 10);
    assert_eq!(found(&hits, &ix)[0], "Hvordan træner jeg knæet?");
    assert_eq!(ix.questions(&Query::new("KNÆ"), 10).len(), ix.questions(&Query::new("knae"), 10).len());
}

#[test]
fn every_word_counts_and_one_missing_word_does_not_lose_the_answer() {
    let ix = index();
    assert_eq!(first(&ix, "helbredes ryggen knæsmerter"), "Kan knæsmerter helbredes?");
    assert_eq!(first(&ix, "kan mine knæsmerter mon helbredes"), "Kan knæsmerter helbredes?");
}

#[test]
fn inflections_meet_at_their_stem_and_compounds_split_both_ways() {
    let ix = index();
    assert_eq!(first(&ix, "hjælpe ryg"), "Hvad hjælper mod ondt i ryggen?");
    assert_eq!(first(&ix, "hjælpe ryggen"), "Hvad hjælper mod ondt i ryggen?");
    assert_eq!(first(&ix, "nakkepude"), "Hvilken pude er bedst til nakken?", "query compound, text apart");
    assert_eq!(first(&ix, "knæ smerter helbred"), "Kan knæsmerter helbredes?", "query apart, text compound");
}

#[test]
fn synonyms_from_data_find_the_lay_word() {
    let ix = index();
    assert_eq!(first(&ix, "lumbago hvor længe"), "Hvor længe varer rygsmerter?");
    assert_eq!(first(&ix, "meniskskade operation"), "Skal en meniskskade altid opereres?");
}

#[test]
fn question_words_land_on_the_section_of_that_kind() {
    let ix = index();
    assert_eq!(
        first(&ix, "hvornår skal jeg til lægen med ondt i knæet"),
        "Hvornår skal du søge læge ved knæsmerter?"
    );
    assert_eq!(first(&ix, "hvorfor nervesmerter"), "Hvad er årsagerne?");
}

#[test]
fn the_title_counts_for_the_articles_sections() {
    let ix = index();
    let hits = ix.questions(&Query::new("nervesmerter hvornaar"), 10);
    assert_eq!(found(&hits, &ix)[0], "Hvornår skal man søge hjælp?");
}

#[test]
fn a_typo_still_finds_the_question_but_ranks_below_exact_hits() {
    let ix = index();
    let typo = ix.questions(&Query::new("helbrdes"), 10);
    assert_eq!(found(&typo, &ix), ["Kan knæsmerter helbredes?"]);
    let exact = ix.questions(&Query::new("helbredes"), 10);
    assert!(exact[0].score > typo[0].score, "{} > {}", exact[0].score, typo[0].score);
}

#[test]
fn a_question_heading_beats_body_text() {
    let ix = index();
    let hits = ix.search(&Query::new("træn"), 10);
    assert_eq!(found(&hits, &ix)[0], "Hvordan træner jeg knæet?");
    assert!(hits.iter().any(|h| h.target.kind == FieldKind::Body || h.body_at.is_some()));
}

#[test]
fn an_faq_question_beats_an_ordinary_question_on_a_tie() {
    let ix = index();
    let hits = ix.questions(&Query::new("hvad hjælper mod ondt"), 10);
    assert_eq!(hits[0].target.kind, FieldKind::FaqQuestion);
    assert_eq!(hits[1].target.kind, FieldKind::Question);
    assert_eq!(hits[0].score, hits[1].score);
}

#[test]
fn only_common_words_answer_nothing_and_say_why() {
    let ix = index();
    let q = Query::new("hvad er det jeg har");
    assert!(q.only_common && !q.answerable());
    assert!(ix.best_answer(&q).is_none());
    assert!(ix.best_answer(&Query::new("")).is_none());
    assert!(ix.best_answer(&Query::new("xyzzy qwerty")).is_none(), "no word of substance matches");
}

#[test]
fn hostile_queries_are_answered_without_a_panic() {
    let ix = index();
    let many = "knæ ".repeat(10_000);
    let q = Query::new(&many);
    assert!(q.terms.len() <= MAX_TERMS);
    assert_eq!(first(&ix, &many), "Knæsmerter og træning", "only the article named: its introduction");
    let long = Query::new(&"helbredes".repeat(1_000));
    assert!(long.terms[0].len() <= analyze::MAX_WORD);
    let _ = ix.questions(&long, 10);
    let _ = ix.search(&Query::new("\u{1b}[31m knæ \u{0}\u{7f}"), 10);
    assert!(Query::new("knæ\u{1b}\u{7}").terms.contains(&"knae".to_string()));
}

#[test]
fn an_empty_query_lists_every_question_in_library_order() {
    let ix = index();
    let all = ix.questions(&Query::new(""), 100);
    assert_eq!(all.len(), 10);
    assert!(all.windows(2).all(|w| w[0].unit < w[1].unit));
    assert!(ix.search(&Query::new("  "), 10).is_empty());
}

#[test]
fn search_counts_every_hit_beyond_the_limit() {
    let ix = index();
    let (hits, total) = ix.search_counted(&Query::new("smerter"), 2);
    assert_eq!(hits.len(), 2);
    assert!(total > 2, "{total}");
}

#[test]
fn a_large_library_indexes_on_two_threads_the_same_as_on_one() {
    // Articles of many lengths, so the pieces hold different numbers of them.
    let texts: Vec<String> =
        (0..200).map(|i| crate::corpus::article("Hofte", i, 500 + (i as usize * 7919) % 9000)).collect();
    let articles: Vec<(&str, &str)> = texts.iter().map(|t| ("Hofte", body(t))).collect();
    let whole = Index::build(&articles);
    let mut one = Index::build_part(&articles, 0, true);
    one.finish();
    assert_eq!(format!("{whole:?}"), format!("{one:?}"), "every buffer, field and unit alike");
    let part = Index::build(&articles[..64]);
    let q = Query::new("hofte nummer 1");
    let hits = whole.questions(&q, 1000);
    assert!(hits.iter().any(|h| h.target.article >= 100), "articles from the second half are found");
    assert!(part.questions(&q, 1000).len() < hits.len());
    assert!(whole.has_word_starting("hofte", false) && !whole.has_word_starting("xyzzy", true));
    let text: usize = texts.iter().map(String::len).sum();
    assert!(whole.heap_bytes() < text * 2, "{} of {text}", whole.heap_bytes());
}
