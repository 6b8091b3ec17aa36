//! The text the index needs from an article, read straight from the Markdown parser's
//! events instead of from a whole [`Document`](crate::document::Document): each top-level
//! heading with its kind, and the words under it as the reader's document would give them.
//!
//! Only plain articles are read this way (paragraphs, headings, lists, quotes, tables,
//! emphasis, inline code, rules, text with nothing to make visible). Anything else (links,
//! images, HTML, code blocks, footnotes, control characters, deep nesting) answers `false`,
//! and the caller parses the document as the reader does. A test checks that both ways give
//! the same index.

use super::index::FieldKind;
use crate::document::is_faq_title;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Containers nested deeper than this are left to the document parser.
const MAX_NESTING: usize = 16;

/// A chunk of this many bytes outside ASCII may hold a cluster the document parser cuts.
const LONG_RUN: usize = 30;

/// One top-level heading of an article and the text under it.
#[derive(Debug, Default)]
pub(super) struct Section {
    /// A question (in the FAQ or not); `None` for any other heading.
    pub kind: Option<FieldKind>,
    /// The heading as written (trimmed).
    pub heading: String,
    /// Its own text, up to the next heading, words separated by spaces.
    pub text: String,
}

/// An article's text: the introduction (before the first heading) and its sections. Kept
/// between articles so its buffers are reused.
#[derive(Debug, Default)]
pub(super) struct Extract {
    pub intro: String,
    sections: Vec<Section>,
    used: usize,
    /// The run of inline text being read, its style, and whether there is one.
    run: String,
    style: u8,
    open_run: bool,
}

/// Where the inline text being read goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    /// A paragraph (or a heading inside a container): each run pushed as a word group.
    Paragraph,
    /// A top-level heading: its text.
    Heading,
    /// A table cell: its text, pushed whole at the cell's end.
    Cell,
}

impl Extract {
    /// The sections read by the last [`Extract::read`].
    pub fn sections(&self) -> &[Section] {
        &self.sections[..self.used]
    }

    /// Reads `markdown`; `false` when it has something only the document parser reads
    /// exactly (what was read is then to be ignored).
    pub fn read(&mut self, markdown: &str) -> bool {
        self.intro.clear();
        self.used = 0;
        self.run.clear();
        self.open_run = false;
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
        let mut depth = 0usize;
        let mut in_table = false;
        let mut sink = Sink::Paragraph;
        let mut style = 0u8;
        let mut faq_level: Option<u8> = None;
        let mut level = 0u8;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Text(t) => {
                    if !plain(&t) {
                        return false;
                    }
                    self.text(&t, style, sink);
                }
                Event::Code(t) => {
                    if !plain(&t) {
                        return false;
                    }
                    self.text(&t, style | CODE, sink);
                }
                Event::SoftBreak => self.text(" ", style, sink),
                Event::HardBreak => self.text("\n", style, sink),
                Event::Rule => self.flush(in_table, sink),
                Event::Start(tag) => match tag {
                    Tag::Paragraph => self.flush(in_table, sink),
                    Tag::Heading { level: l, .. } => {
                        self.flush(in_table, sink);
                        if depth == 0 && !in_table {
                            sink = Sink::Heading;
                            level = l as u8;
                            let section = self.next_section();
                            section.heading.clear();
                            section.text.clear();
                        }
                    }
                    Tag::BlockQuote(_) | Tag::List(_) | Tag::Item => {
                        self.flush(in_table, sink);
                        depth += 1;
                        if depth > MAX_NESTING {
                            return false;
                        }
                    }
                    Tag::Table(_) => {
                        self.flush(in_table, sink);
                        in_table = true;
                        sink = Sink::Cell;
                    }
                    Tag::TableHead | Tag::TableRow | Tag::TableCell => {}
                    Tag::Emphasis => style |= EMPH,
                    Tag::Strong => style |= STRONG,
                    Tag::Strikethrough => style |= STRIKE,
                    _ => return false,
                },
                Event::End(tag) => match tag {
                    TagEnd::Paragraph => self.flush(in_table, sink),
                    TagEnd::Heading(_) if sink == Sink::Heading => {
                        self.end_run(sink);
                        sink = Sink::Paragraph;
                        let Some(section) = self.used.checked_sub(1).and_then(|i| self.sections.get_mut(i))
                        else {
                            return false;
                        };
                        let text = section.heading.trim();
                        if text.len() != section.heading.len() {
                            section.heading = text.to_string();
                        }
                        if faq_level.is_some_and(|l| level <= l) {
                            faq_level = None;
                        }
                        section.kind = if is_faq_title(&section.heading) {
                            faq_level = Some(level);
                            None
                        } else if section.heading.trim_end().ends_with('?') {
                            Some(if faq_level.is_some() {
                                FieldKind::FaqQuestion
                            } else {
                                FieldKind::Question
                            })
                        } else {
                            None
                        };
                    }
                    // A heading inside a container is text of its block, as a paragraph is.
                    TagEnd::Heading(_) => self.end_run(sink),
                    TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                        self.flush(in_table, sink);
                        depth = depth.saturating_sub(1);
                    }
                    TagEnd::TableCell => {
                        let cell = std::mem::take(&mut self.run);
                        push_words(self.text_buffer(), &cell);
                        self.run = cell;
                        self.run.clear();
                        self.open_run = false;
                    }
                    TagEnd::TableHead | TagEnd::TableRow => {}
                    TagEnd::Table => {
                        in_table = false;
                        sink = Sink::Paragraph;
                    }
                    TagEnd::Emphasis => style &= !EMPH,
                    TagEnd::Strong => style &= !STRONG,
                    TagEnd::Strikethrough => style &= !STRIKE,
                    _ => return false,
                },
                _ => return false,
            }
        }
        self.flush(in_table, sink);
        true
    }

    fn next_section(&mut self) -> &mut Section {
        if self.used == self.sections.len() {
            self.sections.push(Section::default());
        }
        self.used += 1;
        &mut self.sections[self.used - 1]
    }

    /// The text being filled: the last section's, or the introduction.
    fn text_buffer(&mut self) -> &mut String {
        match self.used.checked_sub(1) {
            Some(i) => &mut self.sections[i].text,
            None => &mut self.intro,
        }
    }

    /// Adds inline text in `style`: a run goes on while the style stays the same.
    fn text(&mut self, text: &str, style: u8, sink: Sink) {
        if sink == Sink::Paragraph && self.open_run && self.style != style {
            self.end_run(sink);
        }
        if !self.open_run {
            self.run.clear();
        }
        self.run.push_str(text);
        self.style = style;
        self.open_run = true;
    }

    /// Ends the run being read: a paragraph's run is pushed as words, a heading's added to
    /// it; a cell's stays until the cell ends.
    fn end_run(&mut self, sink: Sink) {
        if !self.open_run {
            return;
        }
        match sink {
            Sink::Paragraph => {
                let run = std::mem::take(&mut self.run);
                let out = self.text_buffer();
                push_words(out, "");
                if run.contains('\n') {
                    out.extend(run.chars().map(|c| if c == '\n' { ' ' } else { c }));
                } else {
                    out.push_str(&run);
                }
                self.run = run;
                self.run.clear();
            }
            Sink::Heading => {
                if let Some(i) = self.used.checked_sub(1) {
                    self.sections[i].heading.push_str(&self.run);
                }
                self.run.clear();
            }
            Sink::Cell => return,
        }
        self.open_run = false;
    }

    /// Ends a paragraph (not inside a table, where the cell's end does).
    fn flush(&mut self, in_table: bool, sink: Sink) {
        if !in_table {
            self.end_run(sink);
        }
    }
}

const EMPH: u8 = 1;
const STRONG: u8 = 2;
const STRIKE: u8 = 4;
const CODE: u8 = 8;

/// Appends `text` to `out`, after a space unless `out` is empty or ends with one.
fn push_words(out: &mut String, text: &str) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
    out.push_str(text);
}

/// Whether the document parser shows `text` as it is: no control characters to make
/// visible, and no chunk of bytes outside ASCII long enough to hold a cluster it would cut
/// (the parser's own test for one).
fn plain(text: &str) -> bool {
    matches!(crate::sanitize::visible(text), std::borrow::Cow::Borrowed(_))
        && !text.as_bytes().chunks_exact(LONG_RUN).any(|c| c.iter().all(|&b| b >= 0x80))
}
