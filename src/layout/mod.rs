//! Lays a document out for one width: blocks become wrapped, styled lines.
//!
//! Pure: the same document and width always give the same lines. The reader keeps one
//! [`Layout`] per width and lays out again only when the width changes. A layout can be
//! built a piece at a time ([`Layout::start`], [`Layout::extend`]), so that a long article
//! shows its first screen before the rest is laid out.

mod blocks;
mod store;
mod table;
mod wrap;

pub use store::{LineRef, Lines};
pub use wrap::{display_width, truncate, wrap};

use crate::document::Document;

/// What a piece of laid-out text is, so the theme can style it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Body text.
    #[default]
    Text,
    /// A heading of this level.
    Heading(u8),
    /// Code and other verbatim text.
    Code,
    /// The reader's words, not the author's: link targets, image labels, footnote marks.
    Aside,
    /// Decoration: bullets, quote bars, table rules.
    Marker,
}

/// How a piece of laid-out text looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Tone {
    /// What it is.
    pub role: Role,
    /// Strong.
    pub strong: bool,
    /// Emphasised.
    pub emph: bool,
    /// Part of a link's text.
    pub link: bool,
    /// Struck through.
    pub strike: bool,
    /// The number of the link (among the document's links) whose text or marker this is.
    pub target: Option<u32>,
}

impl Tone {
    /// A tone of `role` with no emphasis.
    pub const fn of(role: Role) -> Tone {
        Tone { role, strong: false, emph: false, link: false, strike: false, target: None }
    }
}

/// A run of text in one tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text (no control characters, no newlines).
    pub text: String,
    /// How it looks.
    pub tone: Tone,
}

impl Span {
    /// A span of `text` in `tone`.
    pub fn new(text: impl Into<String>, tone: Tone) -> Span {
        Span { text: text.into(), tone }
    }
}

/// One laid-out line: spans whose display widths add up to at most the layout's width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The spans, left to right.
    pub spans: Vec<Span>,
}

impl Line {
    /// The line's plain text.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Its width in terminal columns.
    pub fn width(&self) -> usize {
        self.spans.iter().map(|s| display_width(&s.text)).sum()
    }
}

/// A document laid out for one width: all of it, or its first blocks.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The width it was laid out for.
    pub width: usize,
    /// The lines laid out so far, top to bottom.
    pub lines: Lines,
    /// For each heading of the outline laid out so far (same order), the line it starts on.
    pub heading_rows: Vec<usize>,
    /// How many top-level blocks are laid out.
    pub blocks_done: usize,
}

impl Layout {
    /// Lays all of `doc` out at `width` columns (at least 1).
    pub fn new(doc: &Document, width: usize) -> Layout {
        let mut layout = Layout::start(width);
        layout.extend(doc, |_| false);
        layout
    }

    /// An empty layout at `width`, to be filled by [`Layout::extend`].
    pub fn start(width: usize) -> Layout {
        Layout { width: width.max(1), ..Layout::default() }
    }

    /// Lays out more blocks of `doc`, one at a time, until `enough` says so or all are done.
    pub fn extend(&mut self, doc: &Document, enough: impl Fn(&Layout) -> bool) {
        let mut next_heading = doc.outline.headings.get(self.heading_rows.len());
        while self.blocks_done < doc.blocks.len() && !enough(self) {
            let i = self.blocks_done;
            let row = blocks::top_level(&mut self.lines, i, &doc.blocks[i], self.width);
            if next_heading.is_some_and(|h| h.block == i) {
                self.heading_rows.push(row);
                next_heading = doc.outline.headings.get(self.heading_rows.len());
            }
            self.blocks_done += 1;
        }
        if self.is_complete(doc) {
            self.lines.shrink_to_fit();
        }
    }

    /// Whether every block of `doc` is laid out.
    pub fn is_complete(&self, doc: &Document) -> bool {
        self.blocks_done >= doc.blocks.len()
    }

    /// The heading whose section holds line `row`: the last one starting at or above it.
    pub fn section_at(&self, row: usize) -> Option<usize> {
        self.heading_rows.partition_point(|&r| r <= row).checked_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str, width: usize) -> Vec<String> {
        Layout::new(&Document::parse(md), width).lines.iter().map(|l| l.text()).collect()
    }

    #[test]
    fn paragraphs_wrap_at_word_boundaries_with_a_blank_line_between_blocks() {
        assert_eq!(
            texts("# Knæ\n\nSmerter i knæet er almindelige.\n", 14),
            ["Knæ", "", "Smerter i", "knæet er", "almindelige."]
        );
    }

    #[test]
    fn lists_hang_their_continuation_lines_under_the_text() {
        assert_eq!(
            texts("- kold pakning på knæet\n  - hvile\n2. én\n", 14),
            ["• kold pakning", "  på knæet", "  • hvile", "", "2. én"]
        );
    }

    #[test]
    fn quotes_carry_a_bar_and_code_keeps_its_lines() {
        assert_eq!(texts("> langt citat her\n", 10), ["│ langt", "│ citat", "│ her"]);
        assert_eq!(texts("```\na  b\n\tc\n```\n", 20), ["  a  b", "      c"]);
    }

    #[test]
    fn heading_rows_and_sections() {
        let doc = Document::parse("Intro.\n\n## Et?\n\nTekst.\n\n## To?\n\nMere.\n");
        let layout = Layout::new(&doc, 40);
        assert_eq!(layout.heading_rows, [2, 6]);
        assert_eq!(layout.section_at(0), None);
        assert_eq!(layout.section_at(2), Some(0));
        assert_eq!(layout.section_at(5), Some(0));
        assert_eq!(layout.section_at(9), Some(1));
    }

    #[test]
    fn a_layout_built_piece_by_piece_equals_one_built_at_once() {
        let doc = Document::parse(&crate::corpus::article("Knæ", 3, 30_000));
        let whole = Layout::new(&doc, 37);
        let mut parts = Layout::start(37);
        parts.extend(&doc, |l| l.lines.len() >= 50);
        assert!(!parts.is_complete(&doc));
        assert!((50..70).contains(&parts.lines.len()), "stops soon after enough: {}", parts.lines.len());
        assert!(parts.heading_rows.len() < whole.heading_rows.len());
        parts.extend(&doc, |l| l.heading_rows.len() > 20);
        assert_eq!(parts.heading_rows.len(), 21);
        parts.extend(&doc, |_| false);
        assert!(parts.is_complete(&doc));
        assert_eq!(parts.lines.to_vec(), whole.lines.to_vec());
        assert_eq!(parts.heading_rows, whole.heading_rows);
    }

    #[test]
    fn html_blocks_keep_their_lines_dim_and_cut_only_where_too_long() {
        let md = "<div class\nfoo>\n<script>x = 1;\ny = 2;</script>\n</div>\n\nEfter.\n";
        assert_eq!(
            texts(md, 12),
            ["<div class", "foo>", "<script>x = ", "1;", "y = 2;</scri", "pt>", "</div>", "", "Efter."]
        );
        let layout = Layout::new(&Document::parse(md), 40);
        let tones: Vec<Role> =
            layout.lines.iter().flat_map(|l| l.spans().map(|(_, t)| t.role).collect::<Vec<_>>()).collect();
        assert_eq!(tones, [Role::Aside, Role::Aside, Role::Aside, Role::Aside, Role::Aside, Role::Text]);
    }

    #[test]
    fn links_are_marked_with_an_arrow_glued_to_their_text_and_carry_their_number() {
        let md = "Læs om [knæ og hofte](knaesmerter.md) eller [FysFinder](https://fysfinder.dk).\n\n| a |\n|---|\n| [nakke](nakkesmerter.md) |\n";
        let doc = Document::parse(md);
        let layout = Layout::new(&doc, 24);
        let lines: Vec<String> = layout.lines.iter().map(|l| l.text()).collect();
        assert_eq!(
            lines,
            [
                "Læs om →knæ og hofte",
                "eller →FysFinder",
                "<https://fysfinder.dk>.",
                "",
                "a",
                "──────",
                "→nakke"
            ]
        );
        let linked: Vec<(String, Option<u32>, bool)> = layout
            .lines
            .iter()
            .flat_map(|l| {
                l.spans().map(|(t, tone)| (t.to_string(), tone.target, tone.link)).collect::<Vec<_>>()
            })
            .filter(|(_, target, _)| target.is_some())
            .collect();
        assert_eq!(
            linked,
            [
                ("→knæ og hofte".to_string(), Some(0), true),
                ("→FysFinder".to_string(), Some(1), true),
                ("→nakke".to_string(), Some(2), true)
            ]
        );
    }

    #[test]
    fn a_rule_spans_the_width() {
        assert_eq!(texts("---\n", 5), ["─────"]);
    }
}
