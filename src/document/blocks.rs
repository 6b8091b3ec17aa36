//! The pieces a document is made of: blocks (paragraphs, lists, tables …) holding inline runs.

/// How a run of inline text is styled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct InlineStyle {
    /// `**strong**`
    pub strong: bool,
    /// `*emphasis*`
    pub emph: bool,
    /// `` `code` ``
    pub code: bool,
    /// The text of a link: the link's number among the document's links.
    pub link: Option<u32>,
    /// `~~struck~~`
    pub strike: bool,
    /// Not the author's words but the reader's: link targets, image labels, footnote marks.
    pub aside: bool,
}

/// A run of text in one style. The text is already safe to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    /// The text; `\n` stands for a hard line break.
    pub text: String,
    /// Its style.
    pub style: InlineStyle,
}

/// A list item: the blocks it holds.
pub type ListItem = Vec<Block>;

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Left, the default.
    #[default]
    Left,
    /// Centred.
    Center,
    /// Right.
    Right,
}

/// A table: a header row and body rows of cells, each cell a run of inlines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// One entry per column.
    pub align: Vec<Align>,
    /// The header cells.
    pub header: Vec<Vec<Inline>>,
    /// The body rows.
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `#`…`######`: a level and its text.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The heading's text.
        text: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list; `start` is the first number of an ordered list.
    List {
        /// `Some(n)` for an ordered list starting at n.
        start: Option<u64>,
        /// The items.
        items: Vec<ListItem>,
    },
    /// A block quote.
    Quote(Vec<Block>),
    /// A fenced or indented code block (kept verbatim).
    Code(String),
    /// A raw HTML block, its lines as written (made safe to print).
    Html(String),
    /// A table.
    Table(Table),
    /// A horizontal rule.
    Rule,
    /// A footnote's text, with its label.
    Footnote {
        /// The label as written (`[^label]`).
        label: String,
        /// Its blocks.
        blocks: Vec<Block>,
    },
}

/// The plain text of some inlines.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// Appends the words of `block` (every block inside it too) to `out`, separated by spaces:
/// the text that search looks in and snippets are cut from.
pub fn push_block_text(out: &mut String, block: &Block) {
    let mut push = |text: &str| {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(text);
    };
    match block {
        Block::Heading { text, .. } | Block::Paragraph(text) => {
            for inline in text.iter().filter(|i| !i.style.aside) {
                push(&inline.text.replace('\n', " "));
            }
        }
        Block::Code(code) | Block::Html(code) => push(&code.replace('\n', " ")),
        Block::Rule => {}
        Block::List { items, .. } => items.iter().flatten().for_each(|b| push_block_text(out, b)),
        Block::Quote(blocks) | Block::Footnote { blocks, .. } => {
            blocks.iter().for_each(|b| push_block_text(out, b))
        }
        Block::Table(t) => {
            for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                push(&plain_text(cell));
            }
        }
    }
}
