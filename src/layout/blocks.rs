//! Lays out each kind of block: headings, paragraphs, lists, quotes, code, HTML, rules,
//! footnotes.

use super::wrap::{display_width, wrap};
use super::{Line, Lines, Role, Span, Tone, table};
use crate::document::{Block, Inline, InlineStyle};
use unicode_segmentation::UnicodeSegmentation;

/// Below this many columns of text, lists and quotes stop indenting: the words matter more.
const MIN_INNER: usize = 6;

/// Lays out top-level block number `index` after the blocks already in `lines`, with a blank
/// line between blocks. Returns the line the block starts on.
pub fn top_level(lines: &mut Lines, index: usize, block: &Block, width: usize) -> usize {
    if index > 0 {
        lines.push(&Line::default());
    }
    let row = lines.len();
    if let Block::Table(t) = block {
        // Straight into the compact lines, row by row.
        table::lay_out(&mut |l| lines.push(&l), t, width);
        return row;
    }
    let mut laid = Vec::new();
    block_into(&mut laid, block, width);
    laid.iter().for_each(|l| lines.push(l));
    row
}

/// The tone of an inline run inside a block of `role`.
pub fn tone(style: InlineStyle, role: Role) -> Tone {
    let role = if style.code {
        Role::Code
    } else if style.aside {
        Role::Aside
    } else {
        role
    };
    Tone {
        role,
        strong: style.strong,
        emph: style.emph,
        link: style.link.is_some(),
        strike: style.strike,
        target: style.link,
    }
}

/// What marks the start of a link's text, so a link shows without colour or underline too
/// (and in `show`'s plain output): an arrow, read as "goes to", glued to the first word.
pub const LINK_MARK: &str = "→";

/// Styled spans for inlines in a block of `role`, each link's text after [`LINK_MARK`].
pub fn spans(inlines: &[Inline], role: Role) -> Vec<Span> {
    let mut out = Vec::with_capacity(inlines.len());
    let mut last = None;
    for i in inlines {
        let tone = tone(i.style, role);
        if i.style.link.is_some() && i.style.link != last && !i.style.aside {
            out.push(Span::new(LINK_MARK, tone));
        }
        last = i.style.link;
        out.push(Span::new(i.text.clone(), tone));
    }
    out
}

/// How many links start in `inlines` (each adds a [`LINK_MARK`] before its text).
pub fn link_marks(inlines: &[Inline]) -> usize {
    let mut last = None;
    let mut n = 0;
    for i in inlines {
        if i.style.link.is_some() && i.style.link != last && !i.style.aside {
            n += 1;
        }
        last = i.style.link;
    }
    n
}

fn block_into(out: &mut Vec<Line>, block: &Block, width: usize) {
    match block {
        Block::Heading { level, text } => {
            let mut tone_spans = spans(text, Role::Heading(*level));
            tone_spans.iter_mut().for_each(|s| s.tone.strong = true);
            push_wrapped(out, &tone_spans, width);
        }
        Block::Paragraph(text) => push_wrapped(out, &spans(text, Role::Text), width),
        Block::List { start, items } => list(out, *start, items, width),
        Block::Quote(inner) => {
            let lines = stacked(inner, inner_width(width, 2), true);
            prefixed(out, lines, width, "│ ", "│ ");
        }
        Block::Code(code) => verbatim(out, code, width, true, Tone::of(Role::Code)),
        // Raw HTML is not the article's prose: its lines as they are, unindented and dim.
        Block::Html(html) => verbatim(out, html, width, false, Tone::of(Role::Aside)),
        Block::Table(t) => table::lay_out(&mut |l| out.push(l), t, width),
        Block::Rule => out.push(Line { spans: vec![Span::new("─".repeat(width), Tone::of(Role::Marker))] }),
        Block::Footnote { label, blocks } => {
            let mark = format!("[{label}] ");
            let lines = stacked(blocks, inner_width(width, display_width(&mark)), true);
            let pad = " ".repeat(display_width(&mark));
            prefixed(out, lines, width, &mark, &pad);
        }
    }
}

/// Blocks laid out one under another, with (`spaced`) or without blank lines between.
fn stacked(blocks: &[Block], width: usize, spaced: bool) -> Vec<Line> {
    let mut lines = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if spaced && i > 0 {
            lines.push(Line::default());
        }
        block_into(&mut lines, block, width.max(1));
    }
    lines
}

fn list(out: &mut Vec<Line>, start: Option<u64>, items: &[Vec<Block>], width: usize) {
    let last = start.map(|n| n.saturating_add(items.len() as u64));
    let number_width = last.map_or(0, |n| n.saturating_sub(1).to_string().len());
    for (i, item) in items.iter().enumerate() {
        let mark = match start {
            Some(n) => format!("{:>number_width$}. ", n.saturating_add(i as u64)),
            None => "• ".to_string(),
        };
        let indent = display_width(&mark);
        let lines = stacked(item, inner_width(width, indent), false);
        prefixed(out, lines, width, &mark, &" ".repeat(indent));
    }
}

/// The width left for text inside a prefix `indent` wide: all of it when the prefix would
/// leave less than [`MIN_INNER`] (the prefix is then left out, see [`prefixed`]).
fn inner_width(width: usize, indent: usize) -> usize {
    if width >= indent + MIN_INNER { width - indent } else { width }
}

/// Puts `first` before the first line and `rest` before the others, unless that leaves
/// too little room, in which case the text goes in unindented (laid out at full width).
fn prefixed(out: &mut Vec<Line>, lines: Vec<Line>, width: usize, first: &str, rest: &str) {
    let room = width >= display_width(first) + MIN_INNER;
    for (i, mut line) in lines.into_iter().enumerate() {
        if room {
            let prefix = if i == 0 { first } else { rest };
            line.spans.insert(0, Span::new(prefix, Tone::of(Role::Marker)));
        }
        out.push(line);
    }
}

fn push_wrapped(out: &mut Vec<Line>, spans: &[Span], width: usize) {
    out.extend(wrap(spans, width).into_iter().map(|spans| Line { spans }));
}

/// Lines kept as they are (`indented` by two when there is room), cut where too long.
fn verbatim(out: &mut Vec<Line>, code: &str, width: usize, indented: bool, tone: Tone) {
    let indent = if indented && width >= 2 + MIN_INNER { "  " } else { "" };
    let room = width - indent.len();
    for raw in code.split('\n') {
        let text = raw.trim_end_matches('\r').replace('\t', "    ");
        let mut line = String::from(indent);
        let mut used = 0;
        for g in text.graphemes(true) {
            let w = display_width(g);
            if used + w > room && line.len() > indent.len() {
                out.push(Line { spans: vec![Span::new(std::mem::take(&mut line), tone)] });
                line.push_str(indent);
                used = 0;
            }
            line.push_str(g);
            used += w;
        }
        out.push(Line { spans: vec![Span::new(line, tone)] });
    }
}
