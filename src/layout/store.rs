//! Laid-out lines kept compactly: one string for all their text and a small record per span,
//! instead of a string per span. A 2 MB article laid out at 50 columns is about 45,000 lines.

use super::{Line, Span, Tone, display_width};

/// Lines of styled text, appended in order and read by index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines {
    text: String,
    /// Where each span's text starts in `text`, and its tone; it ends where the next starts.
    spans: Vec<(u32, Tone)>,
    /// Where each line's spans start in `spans`; the next line's start is this one's end.
    starts: Vec<u32>,
}

/// One line of [`Lines`].
#[derive(Debug, Clone, Copy)]
pub struct LineRef<'a> {
    lines: &'a Lines,
    first: usize,
    end: usize,
}

impl Lines {
    /// How many lines there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Appends `line`.
    pub fn push(&mut self, line: &Line) {
        self.starts.push(index(self.spans.len()));
        for span in line.spans.iter().filter(|s| !s.text.is_empty()) {
            self.spans.push((index(self.text.len()), span.tone));
            self.text.push_str(&span.text);
        }
    }

    /// Line `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<LineRef<'_>> {
        let first = *self.starts.get(i)? as usize;
        let end = self.starts.get(i + 1).map_or(self.spans.len(), |&s| s as usize);
        Some(LineRef { lines: self, first, end })
    }

    /// The lines from the first on.
    pub fn iter(&self) -> impl Iterator<Item = LineRef<'_>> {
        self.range(0..self.len())
    }

    /// The lines in `rows` that exist, found at once (not by walking from the first): what a
    /// viewport shows, `lines.range(scroll..scroll + height)`.
    pub fn range(&self, rows: std::ops::Range<usize>) -> impl DoubleEndedIterator<Item = LineRef<'_>> {
        let end = rows.end.min(self.len());
        (rows.start.min(end)..end).filter_map(|i| self.get(i))
    }

    /// The lines as owned [`Line`]s (for tests and comparisons).
    pub fn to_vec(&self) -> Vec<Line> {
        self.iter().map(|l| l.to_line()).collect()
    }

    /// Gives back memory reserved for growth; for a layout that is complete.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.spans.shrink_to_fit();
        self.starts.shrink_to_fit();
    }
}

fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'a> LineRef<'a> {
    /// The spans: text and tone, left to right.
    pub fn spans(&self) -> impl Iterator<Item = (&'a str, Tone)> + 'a {
        let lines = self.lines;
        (self.first..self.end).map(move |j| {
            let (start, tone) = lines.spans[j];
            let end = lines.spans.get(j + 1).map_or(lines.text.len(), |&(s, _)| s as usize);
            (&lines.text[start as usize..end], tone)
        })
    }

    /// The plain text.
    pub fn text(&self) -> String {
        self.spans().map(|(t, _)| t).collect()
    }

    /// The width in terminal columns.
    pub fn width(&self) -> usize {
        self.spans().map(|(t, _)| display_width(t)).sum()
    }

    /// An owned copy.
    pub fn to_line(&self) -> Line {
        Line { spans: self.spans().map(|(t, tone)| Span::new(t, tone)).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Role;

    #[test]
    fn lines_come_back_as_they_went_in() {
        let bold = Tone { strong: true, ..Tone::default() };
        let a = Line { spans: vec![Span::new("Knæ ", Tone::default()), Span::new("ondt", bold)] };
        let empty = Line::default();
        let c =
            Line { spans: vec![Span::new("│ ", Tone::of(Role::Marker)), Span::new("x", Tone::default())] };
        let mut lines = Lines::default();
        for l in [&a, &empty, &c] {
            lines.push(l);
        }
        assert_eq!(lines.len(), 3);
        assert_eq!(lines.to_vec(), [a, empty, c]);
        assert_eq!(lines.get(0).map(|l| (l.text(), l.width())), Some(("Knæ ondt".into(), 8)));
        assert_eq!(lines.get(1).map(|l| l.text()), Some(String::new()));
        assert!(lines.get(3).is_none());
        let texts = |r: std::ops::Range<usize>| lines.range(r).map(|l| l.text()).collect::<Vec<_>>();
        assert_eq!(texts(2..10), ["│ x"], "cut at the end");
        assert_eq!(texts(0..2), ["Knæ ondt", ""]);
        assert!(texts(5..9).is_empty(), "past the end");
    }
}
