//! The review ledger's speed: `cargo bench --bench ledger`.
//!
//! - a decision or a comment committed durably (WAL, `synchronous = FULL`: the log is synced
//!   before the commit returns), on the disk the temporary folder is on;
//! - `review status` for 10,000 articles (about 40 MB of text) with 50,000 ledger rows
//!   (30,000 decisions by three reviewers, 20,000 comments), each a row of the trail;
//! - `review verify` over those 50,000 rows;
//! - what opening the reader with such a ledger adds before its first paint, and how long
//!   after it every mark is known.
//!
//! `cargo bench --bench ledger -- engines` instead measures the ledger on PostgreSQL beside
//! the file, as percentiles ([`engines`]).

use artikel::ledger::{Comment, Desk, Ledger, Link, Options, Verdict, Write, new_id, normalised, version_of};
use artikel::library::Library;
use artikel::library::{Article, Source};
use divan::Bencher;
use std::path::PathBuf;
use std::sync::LazyLock;

#[path = "support/ledger_engines.rs"]
mod engines;

fn main() {
    if std::env::args().any(|a| a == "engines") {
        engines::run(&BIG.1, &LIBRARY);
        return;
    }
    let ledger = Ledger::open(&Options::new(&BIG.1));
    let (d, c, a) = ledger.counts().expect("counts");
    let bytes: usize = LIBRARY.iter().map(|a| a.body.len()).sum();
    eprintln!(
        "library: {} articles, {:.1} MB; ledger: {d} decisions + {c} comments = {} rows ({a} audit lines), {:.1} MB",
        LIBRARY.len(),
        bytes as f64 / 1e6,
        d + c,
        std::fs::metadata(&BIG.1).map_or(0, |m| m.len()) as f64 / 1e6
    );
    divan::main();
}

static LIBRARY: LazyLock<Vec<Article>> = LazyLock::new(|| {
    artikel::corpus::library(10_000, 5_000)
        .into_iter()
        .map(|(slug, text)| Article::from_bytes(slug, Source::Bundled, text.as_bytes()).0)
        .collect()
});

/// The same articles as a library (for the Library's marks).
static LIBRARY_WHOLE: LazyLock<Library> =
    LazyLock::new(|| Library { articles: LIBRARY.clone(), ..Library::default() });

/// A ledger of 50,000 rows over the library, written as reviewers write (each row chained
/// in the trail, each decision's text kept): each article decided on by three reviewers (the
/// last one on its current version, the others on an earlier one) and commented on twice.
static BIG: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("review.db");
    let mut ledger = Ledger::open(&Options::new(&path));
    let mut writes = Vec::with_capacity(50_000);
    for (i, a) in LIBRARY.iter().enumerate() {
        for r in 0..3 {
            let text = if r == 2 { normalised(a) } else { format!("{i}-{r}\n") };
            let verdict = if (i + r) % 5 == 0 { Verdict::ChangesRequested } else { Verdict::Approved };
            writes.push(Write::decide(&a.slug, text, &format!("r{r}"), verdict, "se kilderne"));
        }
        for _ in 0..2 {
            writes.push(Write::Comment(Comment {
                id: new_id(),
                slug: a.slug.clone(),
                heading: String::new(),
                position: 0,
                section: String::new(),
                version: version_of(&normalised(a)),
                author: "r0".into(),
                text: "Se her".into(),
                resolved: false,
                created: "2026-11-30T08:00:00Z".into(),
                updated: "2026-11-30T08:00:00Z".into(),
                revision: 1,
            }));
        }
    }
    ledger.write_batch(&writes).expect("written");
    (dir, path)
});

const TEXT: &str = "---\nmetaTitle: Knæ\n---\nIntro.\n\n## Hjælp?\n\nHvil.\n";

#[divan::bench(sample_count = 200)]
fn commit_decision(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp");
    let mut ledger = Ledger::open(&Options::new(dir.path().join("review.db")));
    bencher.bench_local(|| {
        ledger
            .submit(Write::decide("knae", TEXT.to_string(), "anne", Verdict::Approved, "fint"))
            .expect("saved")
    });
}

#[divan::bench(sample_count = 200)]
fn commit_comment(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp");
    let mut ledger = Ledger::open(&Options::new(dir.path().join("review.db")));
    bencher.bench_local(|| {
        let c = Comment {
            id: new_id(),
            slug: "knae".into(),
            heading: "Hjælp?".into(),
            position: 0,
            section: String::new(),
            version: String::new(),
            author: "anne".into(),
            text: "Nævn is".into(),
            resolved: false,
            created: String::new(),
            updated: String::new(),
            revision: 1,
        };
        ledger.submit(Write::Comment(c)).expect("saved")
    });
}

/// `review status` for the whole library: each reviewer's latest decision (one query),
/// every article's version (its text hashed), the policy, lifted requests and renames, and
/// each article judged under the policy.
#[divan::bench(sample_count = 20)]
fn status_10000_articles(bencher: Bencher) {
    let ledger = Ledger::open(&Options::new(&BIG.1));
    bencher.bench_local(|| ledger.judge(&LIBRARY, &LIBRARY).expect("read").len());
}

/// `review verify` over the whole trail: 50,000 rows' hashes, every table against the
/// trail, every kept text (10,000 articles' texts and 20,000 short ones) against its version.
#[divan::bench(sample_count = 10)]
fn verify_50000_rows(bencher: Bencher) {
    let ledger = Ledger::open(&Options::new(&BIG.1));
    assert!(ledger.verify().expect("verify").problems.is_empty(), "the trail holds");
    bencher.bench_local(|| ledger.verify().expect("verify").rows);
}

/// The query alone, without hashing the articles.
#[divan::bench(sample_count = 20)]
fn latest_decisions_50000_rows(bencher: Bencher) {
    let ledger = Ledger::open(&Options::new(&BIG.1));
    bencher.bench_local(|| ledger.latest(None).expect("read").len());
}

/// What the reader does with the ledger before its first paint: names it (the file is
/// opened after the first frame) and marks every article as not known yet.
#[divan::bench(sample_count = 50)]
fn before_first_paint(bencher: Bencher) {
    bencher.bench_local(|| {
        let link = Link::new(Options::new(&BIG.1));
        (link, Desk::waiting())
    });
}

/// What follows the first paint until every mark is known: opening, each article's latest
/// decision (one query), the open article's comments and approvals, and every article's
/// version (on other threads in the reader; here waited for).
#[divan::bench(sample_count = 20)]
fn marks_known_after_first_paint(bencher: Bencher) {
    bencher.bench_local(|| {
        let mut link = Link::new(Options::new(&BIG.1));
        let _ = link.open();
        let mut desk = Desk::waiting();
        desk.set_heads(link.heads(&LIBRARY, None).expect("heads"), &LIBRARY_WHOLE);
        let view = link.view(&LIBRARY[0].slug, "r0").expect("view");
        desk.set_versions(artikel::ledger::versions(&LIBRARY));
        (desk.stale(), view.comments.len())
    });
}

/// The Library's query alone: each article's latest decision.
#[divan::bench(sample_count = 20)]
fn heads_10000_articles(bencher: Bencher) {
    let ledger = Ledger::open(&Options::new(&BIG.1));
    bencher.bench_local(|| ledger.heads().expect("read").len());
}

/// Hashing every article's text alone (on as many threads as there are cores).
#[divan::bench(sample_count = 20)]
fn versions_10000_articles(bencher: Bencher) {
    bencher.bench_local(|| artikel::ledger::versions(&LIBRARY).len());
}

/// Opening alone.
#[divan::bench(sample_count = 50)]
fn open_only(bencher: Bencher) {
    bencher.bench_local(|| Ledger::open(&Options::new(&BIG.1)).read_only());
}
