//! Arbitrary input through load → parse → layout: no panic, no line wider than its width
//! (but for a single character wider than the whole line), no character of the text lost,
//! and no control character in any line (they are shown, as `^[`, never dropped or sent).

use artikel::document::{Document, push_block_text};
use artikel::layout::Layout;
use artikel::library::{Article, Source};
use proptest::prelude::*;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces of Markdown and of awkward text to build articles from.
fn fragment() -> impl Strategy<Value = String> {
    let pieces: Vec<&'static str> = vec![
        "## ",
        "### ",
        "# ",
        "- ",
        "  - ",
        "1. ",
        "> ",
        "> > ",
        "```\n",
        "~~~\n",
        "    ",
        "---\n",
        "***",
        "| a | b |\n|---|:-:|\n",
        "| 1 | 2 |\n",
        "**",
        "*",
        "_",
        "~~",
        "`",
        "[x](http://y.dk)",
        "[^1]",
        "\n[^1]: note\n",
        "[^\u{1b}c]",
        "\n[^\u{1b}c]: note\n",
        "\n[^\u{9d}0;T\u{7}]: x\n",
        "<div class\nfoo>\n",
        "\n<pre>\n\u{1b}[2J\n</pre>\n",
        "![alt](a.png)",
        "<br>",
        "<!-- c -->",
        "<b>",
        "&#27;[31m",
        "&#x9b;",
        "&amp;",
        "\\",
        "\u{301}",
        "\u{200d}",
        "👩\u{200d}👩\u{200d}👧",
        "日本語",
        "שלום",
        "\u{202e}",
        "\t",
        "\r\n",
        "\n",
        "\n\n",
        "\u{feff}",
        "\u{1b}[2J",
        "\u{7}",
        "\u{9b}",
        "æøå ÆØÅ",
        "?",
        " ",
        "Ofte stillede spørgsmål",
        "FAQ\n",
        "x".repeat(40).leak(),
    ];
    prop_oneof![
        3 => proptest::sample::select(pieces).prop_map(str::to_string),
        2 => "[a-zæøå ,.?]{0,30}",
        1 => any::<String>(),
    ]
}

fn article() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => (proptest::option::of("[a-zA-Z: \n/0-9\"'\\[\\]{}-]{0,60}"), proptest::collection::vec(fragment(), 0..60))
            .prop_map(|(front, parts)| {
                let front = front.map(|f| format!("---\n{f}\n---\n")).unwrap_or_default();
                (front + &parts.concat()).into_bytes()
            }),
        1 => proptest::collection::vec(any::<u8>(), 0..400),
    ]
}

/// How often each non-space character occurs.
fn census(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

/// Loads, parses and lays out `bytes` at each width (and at 1 and 2), checking every line.
fn holds(bytes: &[u8], widths: Vec<usize>) -> Result<(), TestCaseError> {
    let (article, _) = Article::from_bytes("p".into(), Source::Bundled, bytes);
    let doc = Document::parse(&article.body);
    let mut text = String::new();
    doc.blocks.iter().for_each(|b| push_block_text(&mut text, b));
    let wanted = census(&text);
    for width in widths.into_iter().chain([1, 2]) {
        let layout = Layout::new(&doc, width);
        let mut laid = String::new();
        for line in layout.lines.iter() {
            let t = line.text();
            prop_assert!(!t.chars().any(char::is_control), "width {}: a control character in {:?}", width, t);
            // A lone wide grapheme cannot fit a width of 1, whatever it is: U+3000 (a wide
            // space, which `trim` would take away) in a code block included.
            let single = t.trim_matches(' ').graphemes(true).count() == 1;
            prop_assert!(
                line.width() <= width || single,
                "width {}: {:?} is {} wide",
                width,
                t,
                line.width()
            );
            laid.push_str(&t);
            laid.push('\n');
        }
        let got = census(&laid);
        for (c, n) in &wanted {
            prop_assert!(
                got.get(c).copied().unwrap_or(0) >= *n,
                "width {}: lost {:?} ({} of {})",
                width,
                c,
                got.get(c).copied().unwrap_or(0),
                n
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn load_parse_and_layout_never_panic_overflow_or_lose_text(bytes in article(), widths in proptest::collection::vec(1usize..=300, 3)) {
        holds(&bytes, widths)?;
    }
}

#[test]
fn a_lone_wide_space_in_code_is_one_grapheme_too_wide_for_one_column_not_an_overflow() {
    holds("```\n\u{3000}\n```\n    \u{3000}x\n".as_bytes(), vec![1, 3]).expect("holds");
}
