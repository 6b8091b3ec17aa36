//! `artikel check` on one large article, house rules and all: `cargo bench --bench check`.
//! The work must grow linearly with the article (100 MB took 5.3 s when each heading's
//! and link's line was counted from the start of the file).

use artikel::check::{Checker, RuleSet};
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
