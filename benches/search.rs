//! Lookup at scale: 10,000 generated articles (about 40 MB): `cargo bench --bench search`.

use artikel::library::{Article, Library};
use artikel::search::{Index, Query};
use divan::Bencher;
use std::sync::LazyLock;

fn main() {
    let texts = &*LIBRARY;
    let total: usize = texts.iter().map(|(_, b)| b.len()).sum();
    let index = &*INDEX;
    eprintln!(
        "library: {} articles, {:.1} MB of text; index: {:.1} MB ({:.2}× the text)",
        texts.len(),
        total as f64 / 1e6,
        index.heap_bytes() as f64 / 1e6,
        index.heap_bytes() as f64 / total as f64
    );
    divan::main();
}

/// 10,000 articles of about 5 KB, with the bundled ones and their synonyms, topics and
/// warning signs.
static WHOLE: LazyLock<Library> = LazyLock::new(|| {
    let mut library = Library::bundled();
    let generated = artikel::corpus::library(10_000, 5_000)
        .into_iter()
        .map(|(slug, text)| Article::from_bytes(slug, artikel::library::Source::Bundled, text.as_bytes()).0)
        .collect();
    library.insert_all(generated);
    library
});

/// (title, body) of every article.
static LIBRARY: LazyLock<Vec<(String, String)>> =
    LazyLock::new(|| WHOLE.articles.iter().map(|a| (a.title.clone(), a.body.to_string())).collect());

/// Built as the reader builds it on a thread, then given the library's synonyms, topics and
/// warning signs: ready for the palette.
static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut index = Index::build(&refs()).warmed();
    index.attach(&WHOLE);
    index
});

fn refs() -> Vec<(&'static str, &'static str)> {
    LIBRARY.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect()
}

/// Building the index of the whole library (two threads).
#[divan::bench(sample_count = 10)]
fn build_index(b: Bencher) {
    let articles = refs();
    b.bench(|| Index::build(&articles));
}

/// Building the index and the headings' words the palette looks words up in, as the
/// reader does on its thread, and giving it the library's synonyms, topics and signs.
#[divan::bench(sample_count = 10)]
fn build_index_for_the_palette(b: Bencher) {
    let articles = refs();
    b.bench(|| {
        let mut index = Index::build(&articles).warmed();
        index.attach(&WHOLE);
        index
    });
}

/// The palette, one keystroke at a time as "hvornaar skal man" is typed.
#[divan::bench(args = ["h", "hv", "hvo", "hvornaar", "hvornaar skal", "hvornaar skal man", "smerter nummer 3", "helbrdes", "rygoevelser forebyggelse"])]
fn palette_query(b: Bencher, typed: &str) {
    let index = &*INDEX;
    b.bench(|| index.questions(&Query::typing(typed), 200));
}

/// The palette after 8,000 characters were typed: the query is read up to its
/// first 400 characters, so the keystroke costs what a long query costs.
#[divan::bench]
fn palette_query_8000_characters(b: Bencher) {
    let index = &*INDEX;
    let typed: String = "hvornaar skal jeg ".repeat(450).chars().take(400).collect();
    b.bench(|| index.questions(&Query::typing(&typed), 200));
}

/// `artikel faq` after the index is built: the ranked answer and two runner-ups.
#[divan::bench(args = ["hvornaar skal jeg til laegen med ondt i knaeet", "lumbago hvor laenge", "kulde styrke diagnose", "vaerste hovedpine i mit liv kom pludselig"])]
fn faq_answers(b: Bencher, question: &str) {
    let index = &*INDEX;
    b.bench(|| index.answers(&Query::new(question), 3));
}

/// Library search, one keystroke at a time.
#[divan::bench(args = ["tr", "trae", "traening", "traening knae", "kulde styrke", "diagnose hverdag"])]
fn library_search(b: Bencher, typed: &str) {
    let index = &*INDEX;
    b.bench(|| index.search(&Query::new(typed), 200));
}
