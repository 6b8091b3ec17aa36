//! An article's body as a document: blocks of styled text, and an outline of its headings.
//!
//! Built once per article from pulldown-cmark events; it knows nothing of screen widths.

mod blocks;
mod outline;
mod parse;

pub use blocks::{Align, Block, Inline, InlineStyle, ListItem, Table};
pub use outline::{Heading, HeadingKind, Outline, is_faq_title};

/// A parsed article body.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The top-level blocks, in order.
    pub blocks: Vec<Block>,
    /// The top-level headings, classed.
    pub outline: Outline,
}

impl Document {
    /// Parses Markdown (tables, strikethrough and footnotes on). Never fails.
    pub fn parse(markdown: &str) -> Document {
        let blocks = parse::blocks(markdown);
        let outline = Outline::of(&blocks);
        Document { blocks, outline }
    }
}
