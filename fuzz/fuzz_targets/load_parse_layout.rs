//! Arbitrary bytes as an article file, through load → parse → layout at a width taken from
//! the input: it must not panic, lay out a line wider than the width (but for a single
//! character wider than the whole line), or lose a character of the text.
//!
//! `cargo +nightly fuzz run load_parse_layout` (from the repository's root).

#![no_main]

use artikel::document::{Document, push_block_text};
use artikel::layout::Layout;
use artikel::library::{Article, Source};
use libfuzzer_sys::fuzz_target;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

fn census(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

fuzz_target!(|data: &[u8]| {
    let (width, bytes) = match data.split_first() {
        Some((w, rest)) => (usize::from(*w) + 1, rest),
        None => (80, data),
    };
    let (article, _) = Article::from_bytes("fuzz".into(), Source::Bundled, bytes);
    let doc = Document::parse(&article.body);
    let mut text = String::new();
    doc.blocks.iter().for_each(|b| push_block_text(&mut text, b));
    for width in [width, width + 45, 1] {
        let layout = Layout::new(&doc, width);
        let mut laid = String::new();
        for line in layout.lines.iter() {
            let t = line.text();
            let single = t.trim().graphemes(true).count() == 1;
            assert!(line.width() <= width || single, "width {width}: {t:?} is {} wide", line.width());
            laid.push_str(&t);
            laid.push('\n');
        }
        let got = census(&laid);
        for (c, n) in census(&text) {
            assert!(got.get(&c).copied().unwrap_or(0) >= n, "width {width}: lost {c:?}");
        }
    }
});
