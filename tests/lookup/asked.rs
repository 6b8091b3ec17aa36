//! `src/search/asked.tsv`, what the lookup learns the kinds of questions from, is made from
//! the sets tuned on and from nothing else: each question with the kinds of the sections
//! that answer it. `WRITE_ASKED=1 cargo test --test lookup asked` writes it anew after a
//! tuning set changes.

use artikel::document::Document;
use artikel::library::Library;
use artikel::search::fold;
use artikel::search::intent::{Kind, of_heading};
use std::collections::HashMap;

/// The sets tuned on: the lookup may learn from them.
const TUNING: [&str; 11] = [
    "queries-dev.tsv",
    "queries-own.tsv",
    "fresh-tune.tsv",
    "fresh2-tune.tsv",
    "fresh3-tune.tsv",
    "fresh4-tune.tsv",
    "fresh5-tune.tsv",
    "fresh6-tune.tsv",
    "fresh7-tune.tsv",
    "fresh-report.tsv",
    "fresh2-report.tsv",
];

/// The sets only measured: never learned from. (`fresh8-tune.tsv` may be tuned on and
/// learned from in time; it was first measured as it came.)
const MEASURED: [&str; 7] = [
    "fresh-final.tsv",
    "fresh4-report.tsv",
    "fresh5-report.tsv",
    "fresh6-report.tsv",
    "fresh7-report.tsv",
    "fresh8-tune.tsv",
    "fresh8-report.tsv",
];

fn lines(file: &str) -> Vec<(String, Vec<String>)> {
    crate::lookup_quality::cases(file).into_iter().map(|c| (c.query, c.answers)).collect()
}

/// The kinds of each place (`slug#anchor`; a bare slug is the introduction: "what is it").
fn kinds_of_places(library: &Library) -> HashMap<String, Vec<Kind>> {
    let mut out = HashMap::new();
    for article in &library.articles {
        out.insert(article.slug.clone(), vec![Kind::WhatIs]);
        for h in Document::parse(&article.body).outline.headings {
            let bits = of_heading(&fold(&h.text));
            let kinds = Kind::ALL.into_iter().filter(|k| bits & k.bit() != 0).collect();
            out.insert(format!("{}#{}", article.slug, h.anchor), kinds);
        }
    }
    out
}

/// A question as the learning sees it (folded, so "hvor laenge" is "hvor længe", and in
/// any order).
fn key(question: &str) -> String {
    artikel::search::question_key(question)
}

/// The questions of the measured sets, as the learning sees them.
fn measured() -> std::collections::HashSet<String> {
    MEASURED.iter().flat_map(|f| lines(f)).map(|(q, _)| key(&q)).collect()
}

/// What `asked.tsv` holds, made from the tuning sets: the kinds of the first answer count
/// 1, of the others 0.5. A question a measured set also holds (two writers typed it alike)
/// is left out, so that no measured question is learned.
fn made() -> String {
    let places = kinds_of_places(&Library::bundled());
    let measured = measured();
    let mut out = String::from(
        "# What each question of the lookup's tuning sets asks: the kinds of section that answer it\n\
         # (the first answer's 1, the others' 0.5) and the question as its writer typed it. Made by\n\
         # `WRITE_ASKED=1 cargo test --test lookup asked` from tests/lookup/; do not edit by hand.\n",
    );
    for file in TUNING {
        for (query, answers) in lines(file).into_iter().filter(|(q, _)| !measured.contains(&key(q))) {
            let mut labels: Vec<(Kind, &str)> = Vec::new();
            for (i, place) in answers.iter().enumerate() {
                for &kind in places.get(place).map_or(&[][..], Vec::as_slice) {
                    if !labels.iter().any(|(k, _)| *k == kind) {
                        labels.push((kind, if i == 0 { "1" } else { "0.5" }));
                    }
                }
            }
            if !labels.is_empty() {
                let labels: Vec<String> = labels.iter().map(|(k, w)| format!("{k:?}:{w}")).collect();
                out.push_str(&format!("{}\t{}\n", labels.join(" "), query.replace('\t', " ")));
            }
        }
    }
    out
}

#[test]
fn what_readers_asked_is_learned_from_the_tuning_sets_only() {
    let path = format!("{}/src/search/asked.tsv", env!("CARGO_MANIFEST_DIR"));
    let made = made();
    if std::env::var_os("WRITE_ASKED").is_some() {
        std::fs::write(&path, &made).expect("write asked.tsv");
    }
    let shipped = std::fs::read_to_string(&path).expect("asked.tsv");
    assert!(shipped == made, "src/search/asked.tsv is not what the tuning sets make: run WRITE_ASKED=1");
    let learned: Vec<&str> = shipped.lines().filter_map(|l| l.split_once('\t')).map(|(_, q)| q).collect();
    let measured = measured();
    for query in &learned {
        assert!(!measured.contains(&key(query)), "{query:?} is learned from, but a measured set asks it too");
    }
    assert!(learned.len() > 1000, "every tuning set is learned from: {}", learned.len());
    // The key sees through spelling and order, not through other words.
    assert_eq!(key("Hvor laenge varer spændingshovedpine?"), key("spaendingshovedpine hvor længe varer"));
    assert_ne!(key("hvor længe varer spændingshovedpine"), key("hvor længe varer nakkesmerter"));
}
