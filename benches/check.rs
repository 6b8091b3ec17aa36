//! `artikel check` on one large article, house rules and all: `cargo bench --bench check`.
//! The work must grow linearly with the article (100 MB took 5.3 s when each heading's
//! and link's line was counted from the start of the file).

use artikel::check::{Checker, RuleSet, Scratch};
use artikel::library::{Article, Library, Source};
use divan::Bencher;

fn main() {
    divan::main();
}

/// The bundled library with a generated article of `mb` megabytes, and the article's index.
fn library(mb: usize) -> (Library, usize) {
    let mut library = Library::bundled();
    let text = artikel::corpus::article("Rygsmerter", 1, mb * 1_000_000);
    library.insert(Article::from_bytes("stor".into(), Source::Bundled, text.as_bytes()).0);
    let i = library.position("stor").unwrap_or_default();
    (library, i)
}

/// Parse, the format's checks and the bundled house rules, as `artikel check` runs them.
#[divan::bench(args = [10, 50, 100], sample_count = 3)]
fn check(b: Bencher, mb: usize) {
    let (library, i) = library(mb);
    let rules = RuleSet::bundled().unwrap_or_default();
    b.bench(|| Checker::new(&library, jiff::civil::date(2026, 11, 30), 12).check(i, &[], Some(&rules)));
}

/// The bundled articles, each copied until the library holds `count` articles: real text,
/// with its "when to seek help" sections, warning signs, doses and cautions.
fn copies(count: usize) -> Library {
    let texts = [
        include_str!("../articles/knaesmerter.md"),
        include_str!("../articles/laendesmerter.md"),
        include_str!("../articles/nakkesmerter.md"),
        include_str!("../articles/nervesmerter.md"),
        include_str!("../articles/skuldersmerter.md"),
        include_str!("../articles/spaendingshovedpine.md"),
    ];
    let mut library = Library::bundled();
    let articles = (0..count)
        .map(|i| {
            Article::from_bytes(format!("kopi-{i:05}"), Source::Bundled, texts[i % texts.len()].as_bytes()).0
        })
        .collect();
    library.insert_all(articles);
    library
}

/// `artikel check` over a library of 10,000 articles (the editor's rules, warning signs and
/// all), one article after another on one thread, cold: a new checker and scratch each
/// time. The aim is under a second.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn library_of_10_000(b: Bencher) {
    let library = copies(10_000);
    let rules = RuleSet::bundled().unwrap_or_default();
    b.bench(|| {
        let checker = Checker::new(&library, jiff::civil::date(2026, 12, 6), 12);
        let mut scratch = Scratch::new();
        let all = 0..library.articles.len();
        all.map(|i| checker.check_with(&mut scratch, i, &[], Some(&rules)).len()).sum::<usize>()
    });
}

/// The same on two threads, as `artikel check` runs them: each article's findings, in order.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn library_of_10_000_two_threads(b: Bencher) {
    let library = copies(10_000);
    let rules = RuleSet::bundled().unwrap_or_default();
    let all: Vec<usize> = (0..library.articles.len()).collect();
    b.bench(|| {
        let checker = Checker::new(&library, jiff::civil::date(2026, 12, 6), 12);
        checker.check_each(&all, |_| (&[], Some(&rules))).iter().map(Vec::len).sum::<usize>()
    });
}
