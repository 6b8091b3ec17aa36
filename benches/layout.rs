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
    let seed = lib.articles.iter().find(|a| a.slug == "nervesmerter").expect("the seed article is bundled");
    let text = seed.body.to_string();
    b.bench(|| Layout::new(&Document::parse(&text), 50));
}

/// A table article of `bytes`: one table of short cells, as a spreadsheet export makes.
fn table_article(bytes: usize) -> String {
    let mut md = String::from("# Tabel\n\n| Nr | Navn | Værdi | Note |\n|---:|---|---:|---|\n");
    let mut n = 0u64;
    while md.len() < bytes {
        n += 1;
        md.push_str(&format!("| {n} | knæ {} | {} | slid og *hvile* |\n", n % 97, n * 7 % 1000));
    }
    md
}

/// Extreme input: an 8 MB article that is one table, parsed and laid out at 80
/// columns (what `show` does). It once took 2.0 GB.
#[divan::bench(sample_count = 2, sample_size = 1)]
fn table_8mb(b: Bencher) {
    let text = table_article(8_000_000);
    b.bench(|| Layout::new(&Document::parse(&text), 80).lines.len());
}

/// Extreme input: one grapheme of 100,000 combining marks in a paragraph, laid out.
#[divan::bench(sample_count = 5)]
fn combining_100k(b: Bencher) {
    let text = format!("Før.\n\na{}b efter.\n", "\u{301}".repeat(100_000));
    b.bench(|| Layout::new(&Document::parse(&text), 80).lines.len());
}

/// Extreme terminals: `j` pressed once on a terminal of `w`×65535 — a frame
/// of text lines scrolled by one, through the backend. It once kept 1×65535 busy 5.2 s,
/// 100×65535 930 MB.
#[divan::bench(args = [1, 100], sample_count = 2, sample_size = 1)]
fn terminal_65535_rows(b: Bencher, w: u16) {
    use artikel::backend::{Ansi, Colors, draw_frame};
    use ratatui::Terminal;
    use ratatui::layout::Size;
    let size = Size::new(w, 65535);
    let frame = |t: &mut Terminal<Ansi<std::io::Sink>>, first: usize| {
        draw_frame(t, |f| {
            let area = f.area();
            for y in 0..area.height {
                let line = format!("linje {} om knæ", first + usize::from(y));
                f.buffer_mut().set_stringn(
                    0,
                    y,
                    &line,
                    usize::from(area.width),
                    ratatui::style::Style::new(),
                );
            }
        })
    };
    let mut t = Terminal::new(Ansi::sized(std::io::sink(), Colors::Off, false, size)).expect("terminal");
    let _ = frame(&mut t, 0);
    let mut first = 0;
    b.bench_local(|| {
        first += 1;
        frame(&mut t, first).is_ok()
    });
}
