//! Lookup quality: the example queries in `tests/lookup/` (as patients and clinicians type
//! them), answered by artikel and by a plain BM25 over the same sections. A benchmark with
//! thresholds, not a timed test: `cargo test --test lookup_quality -- --nocapture` prints
//! the table.

use artikel::document::Document;
use artikel::library::Library;
use artikel::search::{Index, Query, fold};
use std::collections::HashMap;

/// A query and the places (`slug#anchor`) that answer it.
struct Case {
    query: String,
    answers: Vec<String>,
}

fn cases(file: &str) -> Vec<Case> {
    let path = format!("{}/tests/lookup/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the query file");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(q, a)| Case {
            query: q.to_string(),
            answers: a.split(',').map(|s| s.trim().to_string()).collect(),
        })
        .collect()
}

/// Every section of the library: its place and its heading and text.
fn sections(library: &Library) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for article in &library.articles {
        let doc = Document::parse(&article.body);
        for (i, h) in doc.outline.headings.iter().enumerate() {
            let mut text = h.text.clone();
            for b in &doc.blocks[doc.outline.own_blocks(i, doc.blocks.len())] {
                text.push(' ');
                artikel::document::push_block_text(&mut text, b);
            }
            out.push((format!("{}#{}", article.slug, h.anchor), text));
        }
    }
    out
}

/// A textbook BM25 (k1 1.2, b 0.75) over folded words, no Danish knowledge: the baseline.
fn baseline(sections: &[(String, String)], query: &str, k: usize) -> Vec<String> {
    let docs: Vec<Vec<String>> = sections.iter().map(|(_, t)| words(t)).collect();
    let avg = docs.iter().map(Vec::len).sum::<usize>() as f64 / docs.len() as f64;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for d in &docs {
        let mut seen: Vec<&str> = d.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter().for_each(|w| *df.entry(w).or_default() += 1);
    }
    let n = docs.len() as f64;
    let mut scored: Vec<(f64, usize)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let s: f64 = words(query)
                .iter()
                .map(|q| {
                    let tf = d.iter().filter(|w| *w == q).count() as f64;
                    let f = *df.get(q.as_str()).unwrap_or(&0) as f64;
                    let idf = (1.0 + (n - f + 0.5) / (f + 0.5)).ln();
                    idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * d.len() as f64 / avg))
                })
                .sum();
            (s, i)
        })
        .filter(|(s, _)| *s > 0.0)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(k).map(|(_, i)| sections[i].0.clone()).collect()
}

fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// artikel's three best answers, as places.
fn artikel(library: &Library, index: &Index, query: &str) -> Vec<String> {
    index
        .answers(&Query::new(query), 3)
        .iter()
        .map(|h| {
            let article = &library.articles[h.target.article as usize];
            let doc = Document::parse(&article.body);
            let anchor =
                h.target.heading.and_then(|i| doc.outline.headings.get(i as usize)).map(|h| h.anchor.clone());
            format!("{}#{}", article.slug, anchor.unwrap_or_default())
        })
        .collect()
}

/// (top-1, top-3, answered) as fractions, for `answer` over `cases`; misses are printed.
fn measure(cases: &[Case], answer: impl Fn(&str) -> Vec<String>, name: &str) -> (f64, f64, f64) {
    let (mut one, mut three, mut answered) = (0, 0, 0);
    for c in cases {
        let got = answer(&c.query);
        let rank = got.iter().position(|g| c.answers.contains(g));
        one += usize::from(rank == Some(0));
        three += usize::from(rank.is_some());
        answered += usize::from(!got.is_empty());
        if rank != Some(0) && name == "artikel" {
            eprintln!("  miss: {:<50} → {:?} (wanted {:?})", c.query, got, c.answers);
        }
    }
    let n = cases.len() as f64;
    (one as f64 / n, three as f64 / n, answered as f64 / n)
}

fn table(file: &str) -> [(f64, f64, f64); 2] {
    let library = Library::bundled();
    let index = Index::of(&library);
    let sections = sections(&library);
    let cases = cases(file);
    let ours = measure(&cases, |q| artikel(&library, &index, q), "artikel");
    let base = measure(&cases, |q| baseline(&sections, q, 3), "baseline");
    eprintln!("{file} ({} queries)     top-1   top-3   answered", cases.len());
    eprintln!("  artikel        {:>6.0}% {:>6.0}% {:>6.0}%", ours.0 * 100.0, ours.1 * 100.0, ours.2 * 100.0);
    eprintln!("  plain BM25     {:>6.0}% {:>6.0}% {:>6.0}%", base.0 * 100.0, base.1 * 100.0, base.2 * 100.0);
    [ours, base]
}

#[test]
fn the_example_queries_find_their_sections() {
    let [ours, base] = table("queries-dev.tsv");
    assert!(ours.0 >= 0.90, "top-1 {:.0}% < 90%", ours.0 * 100.0);
    assert!(ours.1 >= 0.97, "top-3 {:.0}% < 97%", ours.1 * 100.0);
    assert_eq!(ours.2, 1.0, "every query is answered");
    assert!(ours.0 > base.0 && ours.1 >= base.1, "better than the plain baseline");
}

#[test]
fn our_own_queries_find_their_sections() {
    let [ours, base] = table("queries-own.tsv");
    assert!(cases("queries-own.tsv").len() >= 30);
    assert!(ours.0 >= 0.80, "top-1 {:.0}% < 80%", ours.0 * 100.0);
    assert!(ours.1 >= 0.90, "top-3 {:.0}% < 90%", ours.1 * 100.0);
    assert_eq!(ours.2, 1.0, "every query is answered");
    assert!(ours.0 > base.0, "better than the plain baseline");
}

/// `QUERY="…" cargo test --test lookup_quality explain -- --ignored --nocapture`: the best
/// five answers with their scores, and what each word was looked for as.
#[test]
#[ignore]
fn explain() {
    let library = Library::bundled();
    let index = Index::of(&library);
    let query = Query::new(&std::env::var("QUERY").unwrap_or_default());
    eprintln!("{query:?}");
    for c in index.concepts(&query) {
        eprintln!(
            "  {} ×{}: {:?}",
            c.word,
            c.weight,
            c.patterns.iter().map(|p| (&p.text, p.factor)).collect::<Vec<_>>()
        );
    }
    for h in index.answers(&query, 5) {
        eprintln!("  {:.2} {}", h.score, index.label(h.unit));
    }
}
