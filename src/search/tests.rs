//! The matching and ranking rules, with Danish examples.

use super::*;

const RYG: &str = "---\nmetaTitle: Rygsmerter\n---\nRyggen kan gøre ondt.\n\n## Hvad hjælper mod ondt i ryggen?\n\nBevægelse og træning hjælper mange.\n\n## Ofte stillede spørgsmål om rygsmerter\n\n### Hvad hjælper mod ondt i ryggen?\n\nGå en tur.\n";
const KNAE: &str = "---\nmetaTitle: Knæsmerter og træning\n---\nKnæet bærer kroppen.\n\n## Hvordan træner jeg knæet?\n\nStyrketræning af lårene aflaster knæet.\n\n## Kan knæsmerter helbredes?\n\nMange får det bedre med tiden.\n";
const NERVE: &str = "---\nmetaTitle: Nervesmerter\n---\nOm nervesmerter.\n\n## Hvad er årsagerne?\n\nSkader på nerverne. Smerter i benene kan skyldes diskusprolaps.\n";

fn index() -> Index {
    Index::build(&[
        ("Rygsmerter", body(RYG)),
        ("Knæsmerter og træning", body(KNAE)),
        ("Nervesmerter", body(NERVE)),
    ])
}

fn body(text: &str) -> &str {
    text.splitn(3, "---\n").nth(2).unwrap_or(text)
}

/// The heading texts of the hits, best first ("Title" for an article's top).
fn found(hits: &[Hit], index: &Index) -> Vec<String> {
    hits.iter().map(|h| index.head_text(h.unit).to_string()).collect()
}

#[test]
fn a_query_without_danish_letters_finds_text_with_them() {
    let ix = index();
    let hits = ix.questions(&Query::new("hvordan traener jeg knae"), 10);
    assert_eq!(found(&hits, &ix), ["hvordan traener jeg knaeet?"]);
    assert_eq!(ix.questions(&Query::new("KNÆ"), 10).len(), 2, "case and æ fold the same");
}

#[test]
fn words_match_inside_compounds_and_in_any_order() {
    let ix = index();
    let hits = ix.search(&Query::new("smerter"), 10);
    assert!(found(&hits, &ix).contains(&"nervesmerter".to_string()), "{:?}", found(&hits, &ix));
    let hits = ix.questions(&Query::new("helbredes knæsmerter"), 10);
    assert_eq!(found(&hits, &ix), ["kan knaesmerter helbredes?"]);
    assert!(ix.questions(&Query::new("helbredes ryggen"), 10).is_empty(), "every word must match");
}

#[test]
fn one_typo_in_a_long_word_still_finds_the_question_but_ranks_below_exact_hits() {
    let ix = index();
    let typo = ix.questions(&Query::new("helbrdes"), 10);
    assert_eq!(found(&typo, &ix), ["kan knaesmerter helbredes?"]);
    assert!(ix.questions(&Query::new("knæ"), 10).iter().all(|h| h.weight == 300));
    assert_eq!(typo[0].weight, 150, "a typo counts half");
    assert!(ix.questions(&Query::new("helbrdes knæet"), 10).is_empty(), "short words must be exact");
}

#[test]
fn a_question_heading_beats_a_title_which_beats_body_text() {
    let ix = index();
    let hits = ix.search(&Query::new("træn"), 10);
    let ranked: Vec<(String, FieldKind, u32)> =
        hits.iter().map(|h| (ix.head_text(h.unit).to_string(), h.target.kind, h.weight)).collect();
    assert_eq!(
        ranked,
        [
            ("hvordan traener jeg knaeet?".into(), FieldKind::Question, 300),
            ("knaesmerter og traening".into(), FieldKind::Title, 200),
            ("hvad hjaelper mod ondt i ryggen?".into(), FieldKind::Question, 100),
        ]
    );
}

#[test]
fn labels_are_the_headings_as_written() {
    let ix = index();
    let hits = ix.questions(&Query::new("helbredes"), 10);
    assert_eq!(ix.label(hits[0].unit), "Kan knæsmerter helbredes?");
    assert_eq!(ix.label(0), "Rygsmerter");
}

#[test]
fn an_faq_question_beats_an_ordinary_question_on_a_tie() {
    let ix = index();
    let hits = ix.questions(&Query::new("hvad hjælper mod ondt"), 10);
    let kinds: Vec<FieldKind> = hits.iter().map(|h| h.target.kind).collect();
    assert_eq!(kinds, [FieldKind::FaqQuestion, FieldKind::Question]);
}

#[test]
fn earlier_hits_rank_first() {
    let ix = index();
    let hits = ix.questions(&Query::new("hvad"), 10);
    // "Hvad er årsagerne?" and "Hvad hjælper…" all start with it; FAQ first, then by order.
    assert_eq!(hits[0].target.kind, FieldKind::FaqQuestion);
    let late = ix.questions(&Query::new("knæ"), 10);
    assert_eq!(
        found(&late, &ix),
        ["kan knaesmerter helbredes?", "hvordan traener jeg knaeet?"],
        "earlier hit first"
    );
}

#[test]
fn an_empty_query_lists_every_question_in_library_order() {
    let ix = index();
    let all = ix.questions(&Query::new(""), 100);
    assert_eq!(all.len(), 5);
    assert!(all.windows(2).all(|w| w[0].unit < w[1].unit));
    assert!(ix.search(&Query::new("  "), 10).is_empty());
}

#[test]
fn a_large_library_indexes_on_two_threads_the_same_as_on_one() {
    let texts: Vec<String> = (0..200).map(|i| crate::corpus::article("Hofte", i, 3000)).collect();
    let articles: Vec<(&str, &str)> = texts.iter().map(|t| ("Hofte", body(t))).collect();
    let whole = Index::build(&articles);
    let mut one = Index::build(&articles[..1]);
    assert!(one.units.len() < whole.units.len());
    one = Index::build(&articles[..64]);
    let q = Query::new("hofte nummer 1");
    let hits = whole.questions(&q, 1000);
    assert!(hits.iter().any(|h| h.target.article >= 100), "articles from the second half are found");
    assert!(one.questions(&q, 1000).len() < hits.len());
    assert!(whole.heap_bytes() < texts.iter().map(String::len).sum::<usize>() * 2);
}
