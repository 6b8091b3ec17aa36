//! Turns pulldown-cmark's events into [`Block`]s, keeping every word of the text.

use super::blocks::{Align, Block, Inline, InlineStyle, Table};
use crate::sanitize;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// Containers nested deeper than this are flattened into their parent, so absurdly deep
/// input cannot exhaust the stack of the layout that walks them.
const MAX_DEPTH: usize = 48;

/// Parses `markdown` into top-level blocks.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut b = Builder::default();
    b.stack.push(Frame::new(Kind::Root));
    for event in Parser::new_ext(markdown, options) {
        b.event(event);
    }
    b.flush();
    while b.stack.len() > 1 {
        b.close();
    }
    b.stack.pop().map(|f| f.blocks).unwrap_or_default()
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
    links: Vec<String>,
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
                Some(code) => code.push_str(&sanitize::visible(&t)),
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
                self.links.push(dest_url.to_string());
                self.style.link = true;
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
                    self.push(Block::Html(sanitize::visible(html).into_owned()));
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
                self.style.link = false;
                let url = self.links.pop().unwrap_or_default();
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
        let text = sanitize::visible(text);
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
