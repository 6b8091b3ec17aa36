//! Word wrapping by display width: æøå count one column, CJK and most emoji two.

use super::{Span, Tone};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The width of `s` in terminal columns, measured per grapheme as the screen buffer does.
pub fn display_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
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

#[derive(Default)]
struct Word {
    pieces: Vec<Span>,
    width: usize,
    space_before: bool,
    break_before: bool,
}

impl Word {
    fn push(&mut self, c: char, tone: Tone) {
        match self.pieces.last_mut() {
            Some(last) if last.tone == tone => last.text.push(c),
            _ => self.pieces.push(Span::new(c.to_string(), tone)),
        }
    }
}

fn words(spans: &[Span]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut word = Word::default();
    let (mut space, mut newline) = (false, false);
    for span in spans {
        for c in span.text.chars() {
            if c == '\n' || (c.is_whitespace() && c != '\u{a0}') {
                if !word.pieces.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                newline |= c == '\n';
                space = true;
                continue;
            }
            if word.pieces.is_empty() {
                word.space_before = space && !newline;
                word.break_before = newline;
                (space, newline) = (false, false);
            }
            word.push(c, span.tone);
        }
    }
    if !word.pieces.is_empty() {
        words.push(word);
    }
    for w in &mut words {
        w.width = w.pieces.iter().map(|p| display_width(&p.text)).sum();
    }
    words
}

/// Wraps styled text to lines of at most `width` columns. Whitespace between words becomes
/// one space (or a line break); `\n` forces a break; a word wider than the line is cut
/// between graphemes. Only a single grapheme wider than `width` can overflow it.
pub fn wrap(spans: &[Span], width: usize) -> Vec<Vec<Span>> {
    let width = width.max(1);
    let mut lines: Vec<Vec<Span>> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    let mut used = 0;
    for word in words(spans) {
        if word.break_before {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        let gap = usize::from(used > 0 && word.space_before);
        if used + gap + word.width <= width {
            if gap == 1 {
                let tone = space_tone(&line, &word);
                push(&mut line, " ", tone);
            }
            used += gap + word.width;
            word.pieces.into_iter().for_each(|p| push(&mut line, &p.text, p.tone));
        } else {
            if used > 0 {
                lines.push(std::mem::take(&mut line));
            }
            used = 0;
            for piece in word.pieces {
                for g in piece.text.graphemes(true) {
                    let w = UnicodeWidthStr::width(g);
                    if used + w > width && used > 0 {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    push(&mut line, g, piece.tone);
                    used += w;
                }
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A space inside a link (or other styled run) keeps its style, so underlines do not break.
fn space_tone(line: &[Span], next: &Word) -> Tone {
    match (line.last(), next.pieces.first()) {
        (Some(a), Some(b)) if a.tone == b.tone => a.tone,
        _ => Tone::default(),
    }
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
