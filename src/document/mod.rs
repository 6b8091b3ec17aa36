//! An article's body as a document: blocks of styled text, and an outline of its headings.
//!
//! Built once per article from pulldown-cmark events; it knows nothing of screen widths.

mod blocks;
mod links;
mod outline;
mod parse;

pub use blocks::{Align, Block, Inline, InlineStyle, ListItem, Table, plain_text, push_block_text};
pub use links::{Link, LinkKind, classify as classify_link, decode as percent_decode};
pub use outline::{Heading, HeadingKind, Outline, anchor, is_faq_title};

/// A parsed article body.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The top-level blocks, in order.
    pub blocks: Vec<Block>,
    /// The top-level headings, classed.
    pub outline: Outline,
    /// Its links, in the order they are written (an inline's `style.link` is its number).
    pub links: Vec<Link>,
}

/// Where to cut a long Markdown text so that its first part can be shown before the whole
/// is parsed: at the first blank line at or after byte `at_least` that is outside fenced
/// code; when there is none in the next `at_least` bytes (a long table, a list without
/// blank lines), at the first line start at or after `at_least` outside fenced code. `None`
/// when the text is shorter.
pub fn prefix_end(markdown: &str, at_least: usize) -> Option<usize> {
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    let mut line_start = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            _ => {}
        }
        if fence.is_none() && offset >= at_least && offset > 0 {
            if line.trim().is_empty() {
                return Some(offset);
            }
            line_start = line_start.or(Some(offset));
            if offset - at_least >= at_least {
                return line_start;
            }
        }
        offset += line.len();
    }
    None
}

impl Document {
    /// Parses Markdown (tables, strikethrough and footnotes on). Never fails.
    pub fn parse(markdown: &str) -> Document {
        Document::parse_observed(markdown, |_, _| {})
    }

    /// Parses Markdown like [`Document::parse`], showing each pulldown-cmark event and its
    /// byte range in `markdown` to `observe`: one pass for callers that also need positions.
    pub fn parse_observed(
        markdown: &str,
        observe: impl FnMut(&pulldown_cmark::Event<'_>, std::ops::Range<usize>),
    ) -> Document {
        let (blocks, mut links) = parse::blocks_observed(markdown, observe);
        let outline = Outline::of(&blocks);
        for link in &mut links {
            link.section = outline.headings.partition_point(|h| h.block <= link.block).checked_sub(1);
        }
        Document { blocks, outline, links }
    }

    /// The links in top-level blocks `blocks`.
    pub fn links_in(&self, blocks: std::ops::Range<usize>) -> impl Iterator<Item = (usize, &Link)> {
        self.links.iter().enumerate().filter(move |(_, l)| blocks.contains(&l.block))
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

    #[test]
    fn a_long_table_is_cut_between_its_rows() {
        let mut text = String::from("| a | b |\n|---|---|\n");
        for n in 0..10_000 {
            text.push_str(&format!("| {n} | x |\n"));
        }
        let cut = prefix_end(&text, 1000).expect("cut inside the table");
        assert!((1000..1020).contains(&cut), "{cut}");
        let doc = super::Document::parse(&text[..cut]);
        let [crate::document::Block::Table(t)] = doc.blocks.as_slice() else { panic!("{:?}", doc.blocks) };
        assert!((80..100).contains(&t.rows.len()), "{}", t.rows.len());
    }
}
