//! `list`, `toc` and `show`: the library and its articles printed as text.

use super::Failure;
use crate::document::{Document, HeadingKind};
use crate::layout::{Layout, Role};
use crate::library::{Library, format_date};
use std::cell::RefCell;
use std::io::{self, IsTerminal, Write};

thread_local! {
    /// Output kept instead of written to stdout, while `artikel serve` runs a command for a
    /// client (see [`capture`]).
    static CAPTURED: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
    /// The warnings said meanwhile, kept for the client's stderr (see [`warn`]).
    static WARNED: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Runs `print` with its output kept, as if stdout were a pipe (no styling, 80 columns
/// unless asked), and returns what it printed and the warnings it said (each line, without
/// its end).
pub fn capture<R>(print: impl FnOnce() -> R) -> (R, Vec<u8>, Vec<String>) {
    let earlier = CAPTURED.replace(Some(Vec::new()));
    let warned = WARNED.replace(Some(Vec::new()));
    let result = print();
    (result, CAPTURED.replace(earlier).unwrap_or_default(), WARNED.replace(warned).unwrap_or_default())
}

/// Says a warning on stderr, or keeps it while output is captured.
pub fn warn(line: &str) {
    let kept = WARNED.with_borrow_mut(|kept| kept.as_mut().map(|kept| kept.push(line.to_string())));
    if kept.is_none() {
        eprintln!("{line}");
    }
}

/// Whether output goes to a terminal: never while it is captured.
pub(crate) fn to_terminal() -> bool {
    CAPTURED.with_borrow(Option::is_none) && io::stdout().is_terminal()
}

/// Prints one line per article (with `json`, an array of objects), then the warnings (to
/// stderr).
pub fn list(library: &Library, json: bool) -> Result<i32, Failure> {
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
    write_out(&out)?;
    warn_all(library);
    Ok(0)
}

/// Prints each article's slug on a line of its own (`list --slugs`, which the shell's
/// completion scripts call); no warnings (a completion cannot show them).
pub fn slugs(library: &Library) -> Result<i32, Failure> {
    let slugs: String = library.articles.iter().map(|a| format!("{}\n", a.slug)).collect();
    write_out(&slugs).map(|()| 0)
}

/// Prints the outline of article `index`, indented by level, each heading's class marked;
/// with `json`, an array of the headings (level, text, class, anchor).
pub fn toc(library: &Library, index: usize, json: bool) -> Result<i32, Failure> {
    let doc = Document::parse(&library.articles[index].body);
    if json {
        let items: Vec<serde_json::Value> = (doc.outline.headings.iter())
            .map(|h| {
                serde_json::json!({
                    "level": h.level, "text": h.text, "kind": h.kind.label(), "anchor": h.anchor,
                })
            })
            .collect();
        return write_out(&format!("{}\n", serde_json::Value::Array(items))).map(|()| 0);
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
    write_out(&out)?;
    Ok(0)
}

/// The width to print at: the one asked for, else the terminal's, else 80.
pub fn width(asked: Option<usize>) -> usize {
    let tty = to_terminal();
    asked
        .or_else(|| tty.then(|| crossterm::terminal::size().ok().map(|(w, _)| usize::from(w))).flatten())
        .unwrap_or(80)
        .max(1)
}

/// Prints article `index` laid out at `width`; styled only when stdout is a terminal.
pub fn show(library: &Library, index: usize, width: usize) -> Result<i32, Failure> {
    show_paged(library, index, width, true)
}

/// Like [`show`], through the pager (on a terminal) unless `no_pager`.
pub fn show_paged(library: &Library, index: usize, width: usize, no_pager: bool) -> Result<i32, Failure> {
    let article = &library.articles[index];
    let doc = Document::parse(&article.body);
    let mut out = StyledOut::new();
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
    super::shell::page(&out.finish(), no_pager)?;
    Ok(0)
}

/// `text` wrapped to `width` columns, as the reader wraps its text.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    crate::layout::wrap(&[crate::layout::Span::new(text.to_string(), Default::default())], width)
        .iter()
        .map(|line| line.iter().map(|s| s.text.as_str()).collect::<String>().trim_end().to_string())
        .collect()
}

/// Text for stdout, with SGR styling only when stdout is a terminal.
pub struct StyledOut {
    out: String,
    tty: bool,
}

impl StyledOut {
    /// Empty, styled if stdout is a terminal.
    pub fn new() -> StyledOut {
        StyledOut { out: String::new(), tty: to_terminal() }
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

/// Writes `text` to stdout; a closed pipe is not an error.
pub fn write_out(text: &str) -> Result<(), Failure> {
    if CAPTURED
        .with_borrow_mut(|kept| kept.as_mut().map(|kept| kept.extend_from_slice(text.as_bytes())))
        .is_some()
    {
        return Ok(());
    }
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`artikel show x | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::failed(crate::strings::cannot_write(&e.to_string()))),
    }
}

fn warn_all(library: &Library) {
    for w in &library.warnings {
        warn(&crate::strings::warning_line(&w.to_string()));
    }
}
