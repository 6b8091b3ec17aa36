//! An article's body as a document: blocks of styled text, and an outline of its headings.
//!
//! Built once per article from pulldown-cmark events; it knows nothing of screen widths.

mod blocks;
mod outline;
mod parse;

pub use blocks::{Align, Block, Inline, InlineStyle, ListItem, Table, plain_text, push_block_text};
pub use outline::{Heading, HeadingKind, Outline, anchor, is_faq_title};

/// A parsed article body.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The top-level blocks, in order.
    pub blocks: Vec<Block>,
    /// The top-level headings, classed.
    pub outline: Outline,
}

/// Where to cut a long Markdown text so that its first part can be shown before the whole
/// is parsed: at the first blank line at or after byte `at_least` that is outside fenced
/// code. `None` when the text is shorter or has no such line.
pub fn prefix_end(markdown: &str, at_least: usize) -> Option<usize> {
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            _ => {}
        }
        if fence.is_none() && offset >= at_least && line.trim().is_empty() {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

impl Document {
    /// Parses Markdown (tables, strikethrough and footnotes on). Never fails.
    pub fn parse(markdown: &str) -> Document {
        let blocks = parse::blocks(markdown);
        let outline = Outline::of(&blocks);
        Document { blocks, outline }
    }

    /// Parses Markdown like [`Document::parse`], showing each pulldown-cmark event and its
    /// byte range in `markdown` to `observe`: one pass for callers that also need positions.
    pub fn parse_observed(
        markdown: &str,
        observe: impl FnMut(&pulldown_cmark::Event<'_>, std::ops::Range<usize>),
    ) -> Document {
        let blocks = parse::blocks_observed(markdown, observe);
        let outline = Outline::of(&blocks);
        Document { blocks, outline }
    }
}

#[cfg(test)]
mod tests {
    use super::prefix_end;

    #[test]
    fn a_long_text_is_cut_at_a_blank_line_outside_code() {
        let text = "Et afsnit.\n\n```\nkode\n\nmere kode\n```\n\nTo.\n";
        assert_eq!(prefix_end(text, 3), Some(11));
        let in_code = text.find("\n\nmere").expect("blank in code");
        assert_eq!(prefix_end(text, in_code), Some(text.find("\n\nTo").expect("after code") + 1));
        assert_eq!(prefix_end(text, text.len()), None);
        let doc = super::Document::parse(&text[..prefix_end(text, 3).expect("cut")]);
        assert_eq!(doc.blocks.len(), 1);
    }
}
