//! An article parsed once for checking: its document, and where things are in its source
//! (headings, links, prose) gathered during that same parse, with a line index.

use crate::document::Document;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

/// A parsed article body and the positions the checks report.
#[derive(Debug)]
pub struct Parsed {
    /// The document, as the reader sees it.
    pub doc: Document,
    /// Where its headings, links and prose are.
    pub marks: Marks,
    /// Its lines.
    pub lines: Lines,
}

impl Parsed {
    /// Parses `body`, whose first line is line `body_line` of its file: one pass.
    pub fn of(body: &str, body_line: usize) -> Parsed {
        let mut marks = Marks::default();
        let doc = Document::parse_observed(body, |event, range| marks.observe(event, range));
        Parsed { doc, marks, lines: Lines::of(body, body_line) }
    }

    /// The file line of top-level heading `i` (in outline order).
    pub fn heading_line(&self, i: usize) -> Option<usize> {
        self.marks.headings.get(i).map(|&offset| self.lines.line(offset))
    }
}

/// Where things are in a body, as byte offsets.
#[derive(Debug, Default)]
pub struct Marks {
    /// The offset of each top-level heading, in outline order.
    pub headings: Vec<usize>,
    /// Each link's target and offset.
    pub links: Vec<(String, usize)>,
    /// Runs of prose (text outside code, in headings, paragraphs, lists and tables).
    pub prose: Vec<Range<usize>>,
    depth: usize,
    code: usize,
}

impl Marks {
    fn observe(&mut self, event: &Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::FootnoteDefinition(_)) => self.depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::FootnoteDefinition) => {
                self.depth = self.depth.saturating_sub(1)
            }
            Event::Start(Tag::Heading { .. }) if self.depth == 0 => self.headings.push(range.start),
            Event::Start(Tag::Link { dest_url, .. }) => self.links.push((dest_url.to_string(), range.start)),
            Event::Start(Tag::CodeBlock(_)) => self.code += 1,
            Event::End(TagEnd::CodeBlock) => self.code = self.code.saturating_sub(1),
            Event::Text(_) | Event::SoftBreak | Event::HardBreak if self.code == 0 => {
                match self.prose.last_mut() {
                    Some(last) if last.end == range.start => last.end = range.end,
                    _ => self.prose.push(range),
                }
            }
            _ => {}
        }
    }
}

/// The start of every line of a text, to turn offsets into lines and columns in
/// logarithmic time (counting line ends from the start for each one is quadratic).
#[derive(Debug)]
pub struct Lines {
    starts: Vec<usize>,
    first: usize,
}

impl Lines {
    /// The lines of `text`, whose first line is numbered `first`.
    pub fn of(text: &str, first: usize) -> Lines {
        let starts =
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|p| p + 1)).collect();
        Lines { starts, first }
    }

    /// The number of the first line.
    pub fn first(&self) -> usize {
        self.first
    }

    fn index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.first + self.index(offset)
    }

    /// The line and 1-based column (in characters) of byte `offset` of `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let i = self.index(offset);
        let start = self.starts.get(i).copied().unwrap_or(0);
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (self.first + i, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "første\nanden linje med æ og ø\n\ntredje";
        let lines = Lines::of(text, 7);
        assert_eq!(lines.line(0), 7);
        let o = text.find("og ø").expect("in text");
        assert_eq!(lines.line_col(text, o), (8, 19));
        assert_eq!(lines.line(text.len()), 10);
    }

    #[test]
    fn one_parse_finds_headings_links_and_prose_outside_code() {
        let body = "Intro med [et link](a.md).\n\n## Hvad?\n\n- ## ikke top\n\n```\nsitter i kode\n```\n\nTekst `kode` mere.\n";
        let p = Parsed::of(body, 1);
        assert_eq!(p.doc.outline.headings.len(), 1);
        assert_eq!(p.heading_line(0), Some(3));
        assert_eq!(p.marks.links, [("a.md".to_string(), 10)]);
        let prose: Vec<&str> = p.marks.prose.iter().map(|r| &body[r.clone()]).collect();
        assert!(!prose.iter().any(|t| t.contains("sitter") || t.contains("kode`")), "{prose:?}");
        assert!(prose.contains(&"Hvad?") && prose.contains(&"Tekst "), "{prose:?}");
    }
}
