//! Turns pulldown-cmark's events into [`Block`]s, keeping every word of the text.

use super::blocks::{Align, Block, Inline, InlineStyle, Table};
use super::links::{Link, classify};
use crate::sanitize;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Containers nested deeper than this are flattened into their parent, so absurdly deep
/// input cannot exhaust the stack of the layout that walks them.
const MAX_DEPTH: usize = 48;

/// Parses `markdown` into top-level blocks.
#[cfg(test)]
pub fn blocks(markdown: &str) -> Vec<Block> {
    blocks_observed(markdown, |_, _| {}).0
}

/// Parses `markdown` into top-level blocks and the links they hold (their sections not yet
/// known), showing each event and its source range to `observe` on the way (so a caller
/// that needs source positions parses only once).
pub fn blocks_observed(
    markdown: &str,
    mut observe: impl FnMut(&Event<'_>, Range<usize>),
) -> (Vec<Block>, Vec<Link>) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut b = Builder::default();
    b.stack.push(Frame::new(Kind::Root));
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        b.offset = range.start;
        observe(&event, range);
        b.event(event);
    }
    b.flush();
    while b.stack.len() > 1 {
        b.close();
    }
    let blocks = b.stack.pop().map(|f| f.blocks).unwrap_or_default();
    (blocks, b.found)
}

#[derive(Debug, PartialEq)]
enum Kind {
    Root,
    Quote,
    List(Option<u64>),
    Item,
    Footnote(String),
    /// A container past [`MAX_DEPTH`]: its blocks go to its parent.
    Flat,
}

struct Frame {
    kind: Kind,
    blocks: Vec<Block>,
    items: Vec<Vec<Block>>,
}

impl Frame {
    fn new(kind: Kind) -> Frame {
        Frame { kind, blocks: Vec::new(), items: Vec::new() }
    }
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    inlines: Vec<Inline>,
    style: InlineStyle,
    /// The links open around the text being read: their targets and numbers in `found`.
    links: Vec<(String, u32)>,
    /// Every link met so far.
    found: Vec<Link>,
    /// Where in the Markdown the event being read starts.
    offset: usize,
    code: Option<String>,
    /// The raw lines of the HTML block being read.
    html: Option<String>,
    table: Option<Table>,
    row: Vec<Vec<Inline>>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => match &mut self.code {
                Some(code) => code.push_str(&shown(&t)),
                None => self.text(&t, self.style),
            },
            Event::Code(t) => self.text(&t, InlineStyle { code: true, ..self.style }),
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text(&t, InlineStyle { code: true, ..self.style })
            }
            Event::Html(t) => match &mut self.html {
                Some(block) => block.push_str(&t),
                None => self.html(&t),
            },
            Event::InlineHtml(t) => self.html(&t),
            Event::FootnoteReference(label) => {
                self.text(&format!("[{label}]"), InlineStyle { aside: true, ..self.style })
            }
            Event::SoftBreak => self.text(" ", self.style),
            Event::HardBreak => self.text("\n", self.style),
            Event::Rule => {
                self.flush();
                self.push(Block::Rule);
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, self.style),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::TableHead | Tag::TableRow => self.flush(),
            Tag::TableCell => {}
            Tag::BlockQuote(_) => self.open(Kind::Quote),
            Tag::List(start) => self.open(Kind::List(start)),
            Tag::Item => self.open(Kind::Item),
            // The label is shown where the note is, as it is where it is referred to.
            Tag::FootnoteDefinition(label) => {
                self.open(Kind::Footnote(sanitize::visible(&label).into_owned()))
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                self.code = Some(match kind {
                    CodeBlockKind::Fenced(lang) if !lang.is_empty() => {
                        format!("[{}]\n", sanitize::visible(&lang))
                    }
                    _ => String::new(),
                });
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html = Some(String::new());
            }
            Tag::Table(aligns) => {
                self.flush();
                self.table = Some(Table { align: aligns.iter().map(align).collect(), ..Table::default() });
            }
            Tag::Emphasis => self.style.emph = true,
            Tag::Strong => self.style.strong = true,
            Tag::Strikethrough => self.style.strike = true,
            Tag::Link { dest_url, .. } => {
                let number = u32::try_from(self.found.len()).unwrap_or(u32::MAX);
                // The top-level block being read is the next one the root frame gets.
                let block = self.stack.first().map_or(0, |root| root.blocks.len());
                self.found.push(Link {
                    text: String::new(),
                    target: sanitize::inline(&dest_url).into_owned(),
                    kind: classify(&dest_url),
                    section: None,
                    block,
                    offset: self.offset,
                });
                self.links.push((dest_url.to_string(), number));
                self.style.link = Some(number);
            }
            Tag::Image { .. } => self.text("[image: ", InlineStyle { aside: true, ..self.style }),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush(),
            TagEnd::HtmlBlock => {
                let html = self.html.take().unwrap_or_default();
                let html = html.trim_end_matches(['\n', '\r']);
                let trimmed = html.trim();
                let comment = trimmed.starts_with("<!--") && trimmed.ends_with("-->");
                if !comment && !trimmed.is_empty() {
                    self.push(Block::Html(shown(html).into_owned()));
                }
            }
            TagEnd::Heading(level) => {
                let text = compact(std::mem::take(&mut self.inlines));
                self.push(Block::Heading { level: level as u8, text });
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.flush();
                self.close();
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    self.push(Block::Code(code.trim_end_matches('\n').to_string()));
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inlines);
                self.row.push(cell);
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header = std::mem::take(&mut self.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(std::mem::take(&mut self.row));
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.push(Block::Table(t));
                }
            }
            TagEnd::Emphasis => self.style.emph = false,
            TagEnd::Strong => self.style.strong = false,
            TagEnd::Strikethrough => self.style.strike = false,
            TagEnd::Link => {
                let (url, number) = self.links.pop().unwrap_or_default();
                self.style.link = self.links.last().map(|&(_, n)| n);
                if let Some(link) = self.found.get_mut(number as usize) {
                    let text = link.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    link.text = if text.is_empty() { link.target.clone() } else { text };
                }
                self.link_target(&url);
            }
            TagEnd::Image => self.text("]", InlineStyle { aside: true, ..self.style }),
            _ => {}
        }
    }

    /// Shows where an external link goes, unless its text already says it.
    fn link_target(&mut self, url: &str) {
        let external = url.contains("://") || url.starts_with("mailto:");
        let said = self.inlines.last().is_some_and(|i| i.text.contains(url.trim_start_matches("mailto:")));
        if external && !said {
            let style = InlineStyle { aside: true, ..InlineStyle::default() };
            self.text(&format!(" <{url}>"), style);
        }
    }

    fn html(&mut self, html: &str) {
        let trimmed = html.trim();
        if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            return;
        }
        if matches!(trimmed.to_ascii_lowercase().as_str(), "<br>" | "<br/>" | "<br />") {
            return self.text("\n", self.style);
        }
        self.text(html.trim_end_matches('\n'), InlineStyle { code: true, ..self.style });
    }

    fn text(&mut self, text: &str, style: InlineStyle) {
        let text = shown(text);
        if let Some(link) = style.link.and_then(|n| self.found.get_mut(n as usize)) {
            link.text.push_str(&text);
        }
        match self.inlines.last_mut() {
            Some(last) if last.style == style => last.text.push_str(&text),
            _ => self.inlines.push(Inline { text: text.into_owned(), style }),
        }
    }

    /// Ends the current run of inline text as a paragraph.
    fn flush(&mut self) {
        if self.table.is_some() {
            return;
        }
        if !self.inlines.is_empty() {
            let inlines = compact(std::mem::take(&mut self.inlines));
            self.push(Block::Paragraph(inlines));
        }
    }

    fn push(&mut self, block: Block) {
        if let Some(top) = self.stack.last_mut() {
            top.blocks.push(block);
        }
    }

    fn open(&mut self, kind: Kind) {
        self.flush();
        let kind = if self.stack.len() > MAX_DEPTH { Kind::Flat } else { kind };
        self.stack.push(Frame::new(kind));
    }

    fn close(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let Some(parent) = self.stack.last_mut() else {
            return;
        };
        match frame.kind {
            Kind::Root => {}
            Kind::Quote => parent.blocks.push(Block::Quote(frame.blocks)),
            Kind::List(start) => parent.blocks.push(Block::List { start, items: frame.items }),
            Kind::Item if matches!(parent.kind, Kind::List(_)) => parent.items.push(frame.blocks),
            Kind::Footnote(label) => parent.blocks.push(Block::Footnote { label, blocks: frame.blocks }),
            Kind::Item | Kind::Flat => parent.blocks.extend(frame.blocks),
        }
    }
}

/// Article text as it may be shown: control characters made visible, and clusters of more
/// than [`MAX_CLUSTER_CHARS`] characters cut.
fn shown(text: &str) -> Cow<'_, str> {
    match sanitize::visible(text) {
        Cow::Borrowed(text) => cap_clusters(text),
        Cow::Owned(text) => Cow::Owned(cap_clusters(&text).into_owned()),
    }
}

/// Graphemes of more characters than this are cut, with a mark of how many were left out.
/// The longest real ones (a family emoji with skin tones) have 11; one letter with 100,000
/// accents stacked on it would be a screen cell of 200 KB, sent again whenever its line
/// is drawn.
pub const MAX_CLUSTER_CHARS: usize = 32;

/// `text` with every grapheme longer than [`MAX_CLUSTER_CHARS`] characters cut to that many
/// and followed by `<+N>`, N the characters left out.
pub fn cap_clusters(text: &str) -> Cow<'_, str> {
    // Every character of a cluster but (at most) two is outside ASCII, two bytes or more:
    // a long cluster is a run of at least 60 such bytes, which holds a whole aligned chunk
    // of 30. Looking for one costs a byte or two per chunk in ordinary text.
    let chunk = MAX_CLUSTER_CHARS - 2;
    if !text.as_bytes().chunks_exact(chunk).any(|c| c.iter().all(|&b| b >= 0x80)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for g in text.graphemes(true) {
        match g.char_indices().nth(MAX_CLUSTER_CHARS) {
            Some((cut, _)) => {
                out.push_str(&g[..cut]);
                out.push_str(&format!("<+{}>", g[cut..].chars().count()));
            }
            None => out.push_str(g),
        }
    }
    Cow::Owned(out)
}

/// Gives back what growing a run of text reserved: a document lives as long as it is open.
fn compact(mut inlines: Vec<Inline>) -> Vec<Inline> {
    inlines.shrink_to_fit();
    inlines.iter_mut().for_each(|i| i.text.shrink_to_fit());
    inlines
}

fn align(a: &Alignment) -> Align {
    match a {
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
        Alignment::Left | Alignment::None => Align::Left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::blocks::plain_text;

    fn para(text: &str) -> Block {
        Block::Paragraph(vec![Inline { text: text.into(), style: InlineStyle::default() }])
    }

    #[test]
    fn headings_and_paragraphs() {
        let b = blocks("# Titel\n\nFørste linje\nanden linje.\n");
        assert_eq!(b.len(), 2);
        assert!(matches!(&b[0], Block::Heading { level: 1, text } if plain_text(text) == "Titel"));
        assert_eq!(b[1], para("Første linje anden linje."));
    }

    #[test]
    fn inline_styles_are_kept_apart() {
        let b = blocks("Et **stærkt** og *let* `kode` ~~væk~~ ord.");
        let Block::Paragraph(inl) = &b[0] else { panic!("paragraph expected: {b:?}") };
        let strong: Vec<&str> = inl.iter().filter(|i| i.style.strong).map(|i| i.text.as_str()).collect();
        assert_eq!(strong, ["stærkt"]);
        assert!(inl.iter().any(|i| i.style.emph && i.text == "let"));
        assert!(inl.iter().any(|i| i.style.code && i.text == "kode"));
        assert!(inl.iter().any(|i| i.style.strike && i.text == "væk"));
    }

    #[test]
    fn nested_lists_keep_their_items() {
        let b = blocks("- en\n  - to\n  - tre\n- fire\n\n3. x\n4. y\n");
        let Block::List { start: None, items } = &b[0] else { panic!("{b:?}") };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0][1], Block::List { items, .. } if items.len() == 2));
        assert!(matches!(&b[1], Block::List { start: Some(3), items } if items.len() == 2));
    }

    #[test]
    fn tables_quotes_code_rules_and_footnotes() {
        let md = "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n> citat\n\n```rust\nfn x() {}\n```\n\n---\n\nNote[^1].\n\n[^1]: Fodnote.\n";
        let b = blocks(md);
        let Block::Table(t) = &b[0] else { panic!("{b:?}") };
        assert_eq!(t.align, [Align::Left, Align::Right]);
        assert_eq!(plain_text(&t.header[1]), "b");
        assert_eq!(plain_text(&t.rows[0][0]), "1");
        assert_eq!(b[1], Block::Quote(vec![para("citat")]));
        assert_eq!(b[2], Block::Code("[rust]\nfn x() {}".into()));
        assert_eq!(b[3], Block::Rule);
        assert!(matches!(&b[5], Block::Footnote { label, .. } if label == "1"));
    }

    #[test]
    fn external_link_targets_are_shown_and_control_characters_made_visible() {
        let b = blocks("Se [FysFinder](https://fysfinder.dk) og [nakke](nakke.md). &#27;[31m");
        let Block::Paragraph(inl) = &b[0] else { panic!() };
        let text = plain_text(inl);
        assert!(text.contains("FysFinder <https://fysfinder.dk>"), "{text}");
        assert!(!text.contains("nakke.md"), "{text}");
        assert!(text.contains("^[[31m") && !text.contains('\x1b'), "{text}");
    }

    #[test]
    fn footnote_labels_are_made_visible_where_they_are_defined_too() {
        for label in ["\x1bc", "\u{9d}0;T\x07", "\x1b(0"] {
            let b = blocks(&format!("x[^{label}]\n\n[^{label}]: note\n"));
            let Some(Block::Footnote { label: shown, .. }) = b.get(1) else { panic!("{b:?}") };
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
            assert_eq!(shown.as_str(), sanitize::visible(label), "shown as the reference shows it");
        }
    }

    #[test]
    fn html_blocks_keep_their_line_ends() {
        let b = blocks("<div class\nfoo>\n\x1b[2J\n</div>\n\n<pre>\na  b\n  c\n</pre>\n");
        assert_eq!(
            b,
            [
                Block::Html("<div class\nfoo>\n^[[2J\n</div>".into()),
                Block::Html("<pre>\na  b\n  c\n</pre>".into())
            ]
        );
    }

    #[test]
    fn a_cluster_of_thousands_of_accents_is_cut_with_a_mark_of_how_many() {
        let b = blocks(&format!(
            "Før a{}b efter.\n\n```\nx{}\n```\n",
            "\u{301}".repeat(100_000),
            "\u{302}".repeat(40)
        ));
        let Block::Paragraph(inl) = &b[0] else { panic!("{b:?}") };
        let want = format!(
            "Før a{}<+{}>b efter.",
            "\u{301}".repeat(MAX_CLUSTER_CHARS - 1),
            100_001 - MAX_CLUSTER_CHARS
        );
        assert_eq!(plain_text(inl), want);
        assert_eq!(b[1], Block::Code(format!("x{}<+9>", "\u{302}".repeat(31))));
        let family = "👩\u{1f3fd}\u{200d}👩\u{1f3fd}\u{200d}👧\u{1f3fd}\u{200d}👦\u{1f3fd} 日本語のテキストです。日本語のテキストです。日本語のテキストです。";
        assert_eq!(cap_clusters(family), family, "real clusters and long CJK runs are kept");
    }

    #[test]
    fn absurd_nesting_is_flattened_without_losing_text() {
        let md = format!("{}dybt\n", "> ".repeat(5000));
        let b = blocks(&md);
        fn depth(b: &[Block]) -> usize {
            b.iter()
                .map(|b| if let Block::Quote(inner) = b { 1 + depth(inner) } else { 0 })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&b) <= MAX_DEPTH + 1);
        assert!(format!("{b:?}").contains("dybt"));
    }
}
