//! `list`, `toc` and `show`: the library and its articles printed as text.

use super::{Failure, Io};
use crate::document::{Document, HeadingKind};
use crate::layout::{Layout, Role};
use crate::library::{Library, format_date};
use std::io::{self, Write};

/// Prints one line per article (with `json`, an array of objects), then the warnings (to
/// stderr).
pub fn list(library: &Library, json: bool, io: &mut Io) -> Result<i32, Failure> {
    let slug_w = library.articles.iter().map(|a| a.slug.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    let mut items = Vec::new();
    for a in &library.articles {
        let outline = Document::parse(&a.body).outline;
        if json {
            items.push(serde_json::json!({
                "slug": a.slug, "title": a.title,
                "last_updated": a.meta.last_updated.map(|d| d.to_string()),
                "questions": outline.count(HeadingKind::Question),
                "faq": outline.count(HeadingKind::FaqQuestion),
            }));
            continue;
        }
        let updated = a.meta.last_updated.map_or_else(|| "-".repeat(10), format_date);
        out.push_str(&format!(
            "{:slug_w$}  {updated}  {}  {}\n",
            a.slug,
            crate::strings::list_counts(
                outline.count(HeadingKind::Question),
                outline.count(HeadingKind::FaqQuestion)
            ),
            a.title,
        ));
    }
    if json {
        out = format!("{}\n", serde_json::Value::Array(items));
    }
    io.write(&out)?;
    for w in &library.warnings {
        io.warn(&crate::strings::warning_line(&w.to_string()));
    }
    Ok(0)
}

/// Prints each article's slug on a line of its own (`list --slugs`, which the shell's
/// completion scripts call); no warnings (a completion cannot show them).
pub fn slugs(library: &Library, io: &mut Io) -> Result<i32, Failure> {
    let slugs: String = library.articles.iter().map(|a| format!("{}\n", a.slug)).collect();
    io.write(&slugs).map(|()| 0)
}

/// Prints the outline of article `index`, indented by level, each heading's class marked;
/// with `json`, an array of the headings (level, text, class, anchor).
pub fn toc(library: &Library, index: usize, json: bool, io: &mut Io) -> Result<i32, Failure> {
    let doc = Document::parse(&library.articles[index].body);
    if json {
        let items: Vec<serde_json::Value> = (doc.outline.headings.iter())
            .map(|h| {
                serde_json::json!({
                    "level": h.level, "text": h.text, "kind": h.kind.label(), "anchor": h.anchor,
                })
            })
            .collect();
        return io.write(&format!("{}\n", serde_json::Value::Array(items))).map(|()| 0);
    }
    let top = doc.outline.headings.iter().map(|h| h.level).min().unwrap_or(1);
    let mut out = String::new();
    for h in &doc.outline.headings {
        let indent = "  ".repeat(usize::from(h.level - top));
        let mark = match h.kind {
            HeadingKind::Question | HeadingKind::FaqQuestion => '?',
            HeadingKind::FaqSection => '≡',
            HeadingKind::Section => '·',
        };
        out.push_str(&format!(
            "{indent}{mark} {}  [{}]\n",
            h.text,
            crate::strings::kind_word(h.kind.label())
        ));
    }
    io.write(&out)?;
    Ok(0)
}

/// Prints article `index` laid out at `width`; styled only on a terminal.
pub fn show(library: &Library, index: usize, width: usize, io: &mut Io) -> Result<i32, Failure> {
    let article = &library.articles[index];
    let doc = Document::parse(&article.body);
    let mut out = StyledOut::new(io.terminal);
    for line in wrapped(&article.title, width) {
        out.bold(&line);
    }
    let dates: Vec<String> = [
        (crate::strings::updated as fn(&str) -> String, article.meta.last_updated),
        (crate::strings::published, article.meta.date_published),
    ]
    .iter()
    .filter_map(|(label, d)| d.map(|d| label(&format_date(d))))
    .collect();
    // On one line when it fits, else a date per line.
    let joined = dates.join(" · ");
    let parts = if crate::layout::display_width(&joined) <= width { vec![joined] } else { dates };
    for line in parts.iter().flat_map(|part| wrapped(part, width)) {
        out.line(&line);
    }
    out.line("");
    out.layout(&Layout::new(&doc, width));
    io.write(&out.finish())?;
    Ok(0)
}

/// `text` wrapped to `width` columns, as the reader wraps its text.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    crate::layout::wrap(&[crate::layout::Span::new(text.to_string(), Default::default())], width)
        .iter()
        .map(|line| line.iter().map(|s| s.text.as_str()).collect::<String>().trim_end().to_string())
        .collect()
}

/// Text for a command's output, with SGR styling only when it reaches a terminal.
pub struct StyledOut {
    out: String,
    tty: bool,
}

impl StyledOut {
    /// Empty, styled if `terminal`.
    pub fn new(terminal: bool) -> StyledOut {
        StyledOut { out: String::new(), tty: terminal }
    }

    fn styled(&mut self, codes: &str, text: &str) {
        if self.tty && !codes.is_empty() && !text.is_empty() {
            self.out.push_str(&format!("\x1b[{codes}m{text}\x1b[0m"));
        } else {
            self.out.push_str(text);
        }
    }

    /// A plain line.
    pub fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A bold line.
    pub fn bold(&mut self, text: &str) {
        self.styled("1", text);
        self.out.push('\n');
    }

    /// A dim line.
    pub fn dim(&mut self, text: &str) {
        self.styled("90", text);
        self.out.push('\n');
    }

    /// `place` then a snippet with its hit marked.
    pub fn hit_line(&mut self, place: &str, snippet: &crate::search::Snippet) {
        self.styled("90", place);
        match &snippet.hit {
            Some(hit) => {
                self.out.push_str(&snippet.text[..hit.start]);
                self.styled("1;7", &snippet.text[hit.clone()]);
                self.out.push_str(&snippet.text[hit.end..]);
            }
            None => self.out.push_str(&snippet.text),
        }
        self.out.push('\n');
    }

    /// Every line of a layout.
    pub fn layout(&mut self, layout: &Layout) {
        for line in layout.lines.iter() {
            if self.tty {
                for (text, tone) in line.spans() {
                    self.styled(&sgr(tone), text);
                }
            } else {
                self.out.push_str(line.text().trim_end());
            }
            self.out.push('\n');
        }
    }

    /// What was written.
    pub fn finish(self) -> String {
        self.out
    }
}

/// SGR codes for a tone: bold headings and strong text, italics, underlined links, colours.
fn sgr(tone: crate::layout::Tone) -> String {
    let mut codes = Vec::new();
    if tone.strong || matches!(tone.role, Role::Heading(_)) {
        codes.push("1");
    }
    if tone.emph {
        codes.push("3");
    }
    if tone.link {
        codes.push("4");
    }
    match tone.role {
        Role::Heading(_) => codes.push("36"),
        Role::Code => codes.push("32"),
        Role::Aside | Role::Marker => codes.push("90"),
        Role::Text => {}
    }
    codes.join(";")
}

/// Writes `text` to `out` and flushes it; a closed pipe is not an error.
pub fn write_to(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`artikel show x | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::failed(crate::strings::cannot_write(&e.to_string()))),
    }
}
