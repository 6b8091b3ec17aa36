//! Parse and layout of large generated articles: `cargo bench`.

use artikel::document::Document;
use artikel::layout::Layout;
use divan::Bencher;

fn main() {
    divan::main();
}

fn body(mb: usize) -> String {
    artikel::corpus::article("Rygsmerter", 1, mb * 1_000_000)
}

/// Frontmatter and body of a 2 MB article.
#[divan::bench(sample_count = 20)]
fn load_2mb(b: Bencher) {
    let text = body(2);
    b.bench(|| {
        artikel::library::Article::from_bytes(
            "big".into(),
            artikel::library::Source::Bundled,
            text.as_bytes(),
        )
    });
}

/// Markdown to blocks and outline.
#[divan::bench(args = [2, 20], sample_count = 10)]
fn parse(b: Bencher, mb: usize) {
    let text = body(mb);
    b.bench(|| Document::parse(&text));
}

/// Blocks to wrapped lines at the reader's widths.
#[divan::bench(args = [50, 100], sample_count = 10)]
fn layout_2mb(b: Bencher, width: usize) {
    let doc = Document::parse(&body(2));
    b.bench(|| Layout::new(&doc, width));
}

/// Layout of a 20 MB article at 80 columns (what `artikel show` does after parsing).
#[divan::bench(sample_count = 5)]
fn layout_20mb(b: Bencher) {
    let doc = Document::parse(&body(20));
    b.bench(|| Layout::new(&doc, 80));
}

/// The seed article, end to end: parse and lay out at 50 columns (the first paint at 80×24).
#[divan::bench]
fn seed_article(b: Bencher) {
    let lib = artikel::library::Library::bundled();
    let text = lib.articles[0].body.to_string();
    b.bench(|| Layout::new(&Document::parse(&text), 50));
}
