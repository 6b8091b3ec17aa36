//! Lookup quality: the query sets in `tests/lookup/` (as patients and clinicians type them),
//! answered by artikel and by a plain BM25 over the same sections. A benchmark with
//! thresholds, not a timed test: `cargo test --test lookup lookup_quality -- --nocapture` prints
//! the table.
//!
//! - `queries-dev.tsv` and `queries-own.tsv`: the first example sets.
//! - `fresh*.tsv`: questions written by people who had not seen the articles' headings, the
//!   synonyms or the warning-sign table, labelled afterwards against the articles by hand.
//!   `fresh-tune`/`fresh-report` (two writers) and `fresh2-tune`/`fresh2-report` (two more)
//!   were each split at random; the ranking was tuned on the tune halves, the report halves
//!   were measured as they came out and tuned on after. `fresh3-tune` (two more) was for
//!   tuning only. `fresh-final` (two more) was never tuned on. `fresh4-tune`/`fresh4-report`
//!   (one writer, 240 questions written before reading the articles, then labelled) were
//!   split at random: tuned on the first, the second only measured. `fresh5-tune`/
//!   `fresh5-report` (one more writer, the same way: 240 written, 12 no article answers
//!   dropped, 228 labelled) likewise. `fresh8-tune`/`fresh8-report` (one more writer, 120
//!   written without the articles, labelled by an editor who had seen neither the lookup nor
//!   its tables) were first measured whole, before any tuning.

use artikel::document::Document;
use artikel::library::Library;
use artikel::search::{Index, Query, fold};
use std::collections::HashMap;

/// A query, the places (`slug#anchor`, or `slug` for the introduction) that answer it, and
/// for a question naming a warning sign, the level of care it needs.
pub(crate) struct Case {
    pub(crate) query: String,
    pub(crate) answers: Vec<String>,
    level: Option<String>,
}

pub(crate) fn cases(file: &str) -> Vec<Case> {
    let path = format!("{}/tests/lookup/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the query file");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (query, answers) = (cols.next()?, cols.next()?);
            let level = cols.next().map(|l| l.trim().trim_end_matches('?')).filter(|l| !l.is_empty());
            Some(Case {
                query: query.to_string(),
                answers: answers.split(',').map(|s| s.trim().trim_end_matches('#').to_string()).collect(),
                level: level.map(str::to_string),
            })
        })
        .collect()
}

/// Every section of the library (and every introduction): its place and its text.
fn sections(library: &Library) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for article in &library.articles {
        let doc = Document::parse(&article.body);
        let first = doc.outline.headings.first().map_or(doc.blocks.len(), |h| h.block);
        let mut intro = article.title.clone();
        for b in &doc.blocks[..first] {
            intro.push(' ');
            artikel::document::push_block_text(&mut intro, b);
        }
        out.push((article.slug.clone(), intro));
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

/// artikel's three best answers, as places, and the level of care it shows first.
fn artikel(library: &Library, index: &Index, query: &str) -> (Vec<String>, Option<String>) {
    let query = Query::new(query);
    let places = index
        .answers(&query, 3)
        .iter()
        .map(|h| {
            let article = &library.articles[h.target.article as usize];
            let doc = Document::parse(&article.body);
            let anchor =
                h.target.heading.and_then(|i| doc.outline.headings.get(i as usize)).map(|h| h.anchor.clone());
            match anchor {
                Some(a) => format!("{}#{a}", article.slug),
                None => article.slug.clone(),
            }
        })
        .collect();
    (places, index.reading(&query).level().map(|l| l.code().to_string()))
}

/// What a set scores.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    n: usize,
    top1: usize,
    top3: usize,
    answered: usize,
    /// The first answer comes from an article that answers.
    article: usize,
    /// Questions naming a warning sign, those answered first by a "when to seek help"
    /// section with a level of care shown, and those shown the level the label gives.
    warnings: usize,
    warned: usize,
    level_right: usize,
}

impl Score {
    fn pct(part: usize, whole: usize) -> f64 {
        if whole == 0 { 100.0 } else { part as f64 * 100.0 / whole as f64 }
    }
    fn top1(&self) -> f64 {
        Score::pct(self.top1, self.n)
    }
    fn top3(&self) -> f64 {
        Score::pct(self.top3, self.n)
    }
    fn article(&self) -> f64 {
        Score::pct(self.article, self.n)
    }
}

fn slug(place: &str) -> &str {
    place.split('#').next().unwrap_or(place)
}

/// What `answer` scores over `cases`; with `show`, the misses are printed.
fn measure(cases: &[Case], answer: impl Fn(&str) -> (Vec<String>, Option<String>), show: bool) -> Score {
    let mut s = Score { n: cases.len(), ..Score::default() };
    for c in cases {
        let (got, level) = answer(&c.query);
        let rank = got.iter().position(|g| c.answers.contains(g));
        s.top1 += usize::from(rank == Some(0));
        s.top3 += usize::from(rank.is_some());
        s.answered += usize::from(!got.is_empty());
        let right_article = got.first().is_some_and(|g| c.answers.iter().any(|a| slug(a) == slug(g)));
        s.article += usize::from(right_article);
        if let Some(want) = &c.level {
            s.warnings += 1;
            s.warned += usize::from(rank == Some(0) && level.is_some());
            s.level_right += usize::from(level.as_deref() == Some(want.as_str()));
        }
        if show && (rank != Some(0) || c.level.as_ref().is_some_and(|w| level.as_deref() != Some(w))) {
            eprintln!(
                "  miss: {:<50} → {:?} {:?} (wanted {:?} {:?})",
                c.query, got, level, c.answers, c.level
            );
        }
    }
    s
}

/// artikel's score and the baseline's on `file`, printed as a table.
fn table(file: &str, show: bool) -> [Score; 2] {
    let library = Library::bundled();
    let index = Index::of(&library);
    let sections = sections(&library);
    let cases = cases(file);
    let ours = measure(&cases, |q| artikel(&library, &index, q), show);
    let base = measure(&cases, |q| (baseline(&sections, q, 3), None), false);
    eprintln!(
        "{file} ({} queries)   top-1  top-3  article  answered  warning→help+level  level as labelled",
        cases.len()
    );
    for (name, s) in [("artikel", ours), ("plain BM25", base)] {
        eprintln!(
            "  {name:<12} {:>5.0}% {:>5.0}% {:>6.0}% {:>8.0}%  {:>8}/{:<8} {:>6}/{}",
            s.top1(),
            s.top3(),
            s.article(),
            Score::pct(s.answered, s.n),
            s.warned,
            s.warnings,
            s.level_right,
            s.warnings
        );
    }
    [ours, base]
}

#[test]
fn the_example_queries_find_their_sections() {
    let [ours, base] = table("queries-dev.tsv", true);
    assert!(ours.top1() >= 90.0, "top-1 {:.0}% < 90%", ours.top1());
    assert!(ours.top3() >= 97.0, "top-3 {:.0}% < 97%", ours.top3());
    assert_eq!(ours.answered, ours.n, "every query is answered");
    assert!(ours.top1 > base.top1 && ours.top3 >= base.top3, "better than the plain baseline");
}

#[test]
fn our_own_queries_find_their_sections() {
    let [ours, base] = table("queries-own.tsv", true);
    assert!(ours.n >= 30);
    assert!(ours.top1() >= 80.0, "top-1 {:.0}% < 80%", ours.top1());
    assert!(ours.top3() >= 90.0, "top-3 {:.0}% < 90%", ours.top3());
    assert_eq!(ours.answered, ours.n, "every query is answered");
    assert!(ours.top1 > base.top1, "better than the plain baseline");
}

/// The floors a set holds: top-1, top-3 and right-article (per cent), and warning-sign
/// questions answered first by "when to seek help" with a level of care shown.
fn holds(file: &str, top1: f64, top3: f64, article: f64, warned: f64) {
    let [ours, base] = table(file, false);
    assert!(ours.top1() >= top1, "{file}: top-1 {:.0}% < {top1}%", ours.top1());
    assert!(ours.top3() >= top3, "{file}: top-3 {:.0}% < {top3}%", ours.top3());
    assert!(ours.article() >= article, "{file}: right article {:.0}% < {article}%", ours.article());
    let share = Score::pct(ours.warned, ours.warnings);
    assert!(share >= warned, "{file}: warning signs {}/{} < {warned}%", ours.warned, ours.warnings);
    assert!(ours.top1() >= base.top1() + 20.0, "{file}: at least 20 points over plain BM25");
}

/// Questions written blind, half of each set tuned on (misses printed with `--nocapture`).
#[test]
fn fresh_questions_tuned_on_find_their_sections() {
    holds("fresh-tune.tsv", 90.0, 95.0, 99.0, 100.0);
    holds("fresh2-tune.tsv", 85.0, 92.0, 97.0, 85.0);
    holds("fresh3-tune.tsv", 80.0, 90.0, 97.0, 90.0);
    holds("fresh4-tune.tsv", 75.0, 90.0, 95.0, 95.0);
    holds("fresh5-tune.tsv", 75.0, 88.0, 97.0, 95.0);
    holds("fresh6-tune.tsv", 85.0, 94.0, 98.0, 90.0);
    holds("fresh7-tune.tsv", 82.0, 90.0, 97.0, 90.0);
}

/// The sets never tuned on (`fresh-final.tsv`, and the halves of the fourth to sixth
/// rounds that were not): held where they are.
#[test]
fn fresh_questions_never_tuned_on_find_their_sections() {
    holds("fresh-final.tsv", 78.0, 91.0, 95.0, 78.0);
    holds("fresh4-report.tsv", 80.0, 90.0, 96.0, 75.0);
    holds("fresh5-report.tsv", 87.0, 95.0, 96.0, 75.0);
    holds("fresh6-report.tsv", 88.0, 92.0, 95.0, 64.0);
    holds("fresh7-report.tsv", 77.0, 89.0, 90.0, 60.0);
    // A writer whose questions nothing was tuned on nor learned from, both halves as they came.
    holds("fresh8-tune.tsv", 83.0, 93.0, 95.0, 75.0);
    holds("fresh8-report.tsv", 87.0, 95.0, 93.0, 85.0);
}

/// The halves first measured as they came out, and tuned on after.
#[test]
fn fresh_questions_measured_then_tuned_on_find_their_sections() {
    holds("fresh-report.tsv", 85.0, 92.0, 95.0, 88.0);
    holds("fresh2-report.tsv", 80.0, 90.0, 98.0, 92.0);
}

/// Every miss of the sets tuned on (or of `SETS`): `cargo test --test lookup lookup_quality::misses -- --ignored --nocapture`.
#[test]
#[ignore]
fn misses() {
    // `SETS="a.tsv b.tsv"` names the sets to show; the tuned sets by default.
    let sets = std::env::var("SETS").unwrap_or_else(|_| {
        "fresh-tune.tsv fresh2-tune.tsv fresh3-tune.tsv fresh4-tune.tsv fresh5-tune.tsv fresh6-tune.tsv fresh7-tune.tsv fresh-report.tsv fresh2-report.tsv"
            .into()
    });
    for file in sets.split_whitespace() {
        table(file, true);
    }
}

/// `QUERY="…" cargo test --test lookup lookup_quality::explain -- --ignored --nocapture`: the best
/// five answers with their scores, and what each word was looked for as.
#[test]
#[ignore]
fn explain() {
    let library = Library::bundled();
    let index = Index::of(&library);
    let query = Query::new(&std::env::var("QUERY").unwrap_or_default());
    eprintln!("{query:?}");
    eprintln!("{:?}", index.reading(&query));
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
