//! Word wrapping by display width: æøå count one column, CJK and most emoji two.

use super::{Span, Tone};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The width of `s` in terminal columns, measured per grapheme as the screen buffer does.
pub fn display_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    // Latin text (æøå, é, ü …) has no wide, zero-width or combining characters: one column
    // each (but the soft hyphen, whose width is unicode-width's to say).
    if s.chars().all(|c| {
        (c.is_ascii() && !c.is_ascii_control()) || (('\u{a0}'..'\u{300}').contains(&c) && c != '\u{ad}')
    }) {
        return s.chars().count();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// `s` cut to at most `width` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = UnicodeWidthStr::width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A piece of one word that lies in one span: `spans[span].text[range]`.
#[derive(Clone)]
struct Piece {
    span: usize,
    range: std::ops::Range<usize>,
    width: usize,
}

/// What stood between the previous word and this one.
#[derive(Clone, Copy, PartialEq)]
enum Gap {
    None,
    Space,
    Break,
}

/// Calls `word` for each word of `spans` with its pieces and the gap before it. A word may
/// run across spans ("**fed**t"); whitespace separates words and `\n` breaks the line.
fn for_each_word(spans: &[Span], mut word: impl FnMut(&[Piece], Gap)) {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut gap = Gap::None;
    let mut pending = Gap::None;
    for (i, span) in spans.iter().enumerate() {
        let text = span.text.as_str();
        let mut start: Option<usize> = None;
        for (at, c) in text.char_indices() {
            let space = c == '\n' || (c.is_whitespace() && c != '\u{a0}');
            match (space, start) {
                (true, Some(from)) => {
                    pieces.push(Piece { span: i, range: from..at, width: display_width(&text[from..at]) });
                    start = None;
                }
                (false, None) => start = Some(at),
                _ => {}
            }
            if space {
                if !pieces.is_empty() {
                    word(&pieces, gap);
                    pieces.clear();
                }
                if pending != Gap::Break {
                    pending = if c == '\n' { Gap::Break } else { Gap::Space };
                }
            } else if pieces.is_empty() && start == Some(at) {
                gap = pending;
                pending = Gap::None;
            }
        }
        if let Some(from) = start {
            pieces.push(Piece { span: i, range: from..text.len(), width: display_width(&text[from..]) });
        }
    }
    if !pieces.is_empty() {
        word(&pieces, gap);
    }
}

/// Wraps styled text to lines of at most `width` columns. Whitespace between words becomes
/// one space (or a line break); `\n` forces a break; a word wider than the line is cut
/// between graphemes. Only a single grapheme wider than `width` can overflow it.
pub fn wrap(spans: &[Span], width: usize) -> Vec<Vec<Span>> {
    let width = width.max(1);
    let mut lines: Vec<Vec<Span>> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    let mut used = 0;
    for_each_word(spans, |pieces, gap| {
        if gap == Gap::Break {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        let word_w: usize = pieces.iter().map(|p| p.width).sum();
        let space = usize::from(used > 0 && gap == Gap::Space);
        if used + space + word_w <= width {
            if space == 1 {
                let next = spans[pieces[0].span].tone;
                let tone = match line.last() {
                    Some(last) if last.tone == next => next,
                    _ => Tone::default(),
                };
                push(&mut line, " ", tone);
            }
            used += space + word_w;
            for p in pieces {
                push(&mut line, &spans[p.span].text[p.range.clone()], spans[p.span].tone);
            }
            return;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for p in pieces {
            let tone = spans[p.span].tone;
            for g in spans[p.span].text[p.range.clone()].graphemes(true) {
                let w = UnicodeWidthStr::width(g);
                if used + w > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                push(&mut line, g, tone);
                used += w;
            }
        }
    });
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn push(line: &mut Vec<Span>, text: &str, tone: Tone) {
    match line.last_mut() {
        Some(last) if last.tone == tone => last.text.push_str(text),
        _ => line.push(Span::new(text, tone)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Role;

    fn plain(s: &str, width: usize) -> Vec<String> {
        wrap(&[Span::new(s, Tone::default())], width)
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn widths_of_danish_cjk_and_emoji() {
        assert_eq!(display_width("æøå ÆØÅ"), 7);
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("👍"), 2);
        assert_eq!(display_width("e\u{301}"), 1);
    }

    #[test]
    fn truncate_marks_what_it_cut() {
        assert_eq!(truncate("Nervesmerter", 20), "Nervesmerter");
        assert_eq!(truncate("Nervesmerter", 6), "Nerve…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn wraps_greedily_and_folds_whitespace() {
        assert_eq!(plain("en  to\ttre fire", 7), ["en to", "tre", "fire"]);
        assert_eq!(plain("", 5), [""]);
        assert_eq!(plain("linje\nny", 20), ["linje", "ny"]);
    }

    #[test]
    fn wide_characters_are_measured_by_columns() {
        assert_eq!(plain("日本語 テキスト", 6), ["日本語", "テキス", "ト"]);
        assert_eq!(plain("ø 👍 ø", 4), ["ø 👍", "ø"]);
    }

    #[test]
    fn long_words_are_cut_between_graphemes() {
        assert_eq!(plain("behandlingsmuligheder", 8), ["behandli", "ngsmulig", "heder"]);
        assert_eq!(plain("ae\u{301}ae\u{301}", 2), ["ae\u{301}", "ae\u{301}"]);
    }

    #[test]
    fn styles_survive_wrapping_and_link_spaces_keep_their_tone() {
        let link = Tone { link: true, ..Tone::default() };
        let spans = [
            Span::new("se ", Tone::default()),
            Span::new("mere om knæ", link),
            Span::new(".", Tone::of(Role::Text)),
        ];
        let lines = wrap(&spans, 40);
        assert_eq!(lines[0][1], Span::new("mere om knæ", link));
    }
}
