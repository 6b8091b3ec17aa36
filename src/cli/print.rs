//! `list`, `toc` and `show`: the library and its articles printed as text.

use super::Failure;
use crate::document::{Document, HeadingKind};
use crate::layout::{Layout, LineRef, Role};
use crate::library::{Library, format_date};
use std::io::{self, IsTerminal, Write};

/// Prints one line per article, then the warnings (to stderr).
pub fn list(library: &Library) -> Result<i32, Failure> {
    let slug_w = library.articles.iter().map(|a| a.slug.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for a in &library.articles {
        let outline = Document::parse(&a.body).outline;
        let updated = a.meta.last_updated.map_or_else(|| "-".repeat(10), format_date);
        out.push_str(&format!(
            "{:slug_w$}  {updated}  {:>2} questions  {:>2} FAQ  {}\n",
            a.slug,
            outline.count(HeadingKind::Question),
            outline.count(HeadingKind::FaqQuestion),
            a.title,
        ));
    }
    write_out(&out)?;
    warn_all(library);
    Ok(0)
}

/// Prints the outline of article `index`, indented by level, each heading's class marked.
pub fn toc(library: &Library, index: usize) -> Result<i32, Failure> {
    let doc = Document::parse(&library.articles[index].body);
    let top = doc.outline.headings.iter().map(|h| h.level).min().unwrap_or(1);
    let mut out = String::new();
    for h in &doc.outline.headings {
        let indent = "  ".repeat(usize::from(h.level - top));
        let mark = match h.kind {
            HeadingKind::Question | HeadingKind::FaqQuestion => '?',
            HeadingKind::FaqSection => '≡',
            HeadingKind::Section => '·',
        };
        out.push_str(&format!("{indent}{mark} {}  [{}]\n", h.text, h.kind.label()));
    }
    write_out(&out)?;
    Ok(0)
}

/// Prints article `index` laid out at `width` (or the terminal's width, else 80); styled
/// only when stdout is a terminal.
pub fn show(library: &Library, index: usize, width: Option<usize>) -> Result<i32, Failure> {
    let tty = io::stdout().is_terminal();
    let width = width
        .or_else(|| tty.then(|| crossterm::terminal::size().ok().map(|(w, _)| usize::from(w))).flatten())
        .unwrap_or(80)
        .max(1);
    let article = &library.articles[index];
    let doc = Document::parse(&article.body);
    let layout = Layout::new(&doc, width);
    let mut out = String::with_capacity(article.body.len() + article.body.len() / 4);
    let title =
        crate::layout::wrap(&[crate::layout::Span::new(article.title.clone(), Default::default())], width);
    for line in title {
        let text: String = line.iter().map(|s| s.text.as_str()).collect();
        out.push_str(&if tty { format!("\x1b[1m{text}\x1b[0m") } else { text });
        out.push('\n');
    }
    let dates: Vec<String> =
        [("Updated", article.meta.last_updated), ("Published", article.meta.date_published)]
            .iter()
            .filter_map(|(label, d)| d.map(|d| format!("{label} {}", format_date(d))))
            .collect();
    if !dates.is_empty() {
        out.push_str(&dates.join(" · "));
        out.push('\n');
    }
    out.push('\n');
    for line in layout.lines.iter() {
        if tty {
            push_styled(&mut out, line);
        } else {
            out.push_str(line.text().trim_end());
        }
        out.push('\n');
    }
    write_out(&out)?;
    Ok(0)
}

/// A line with SGR styling for a terminal: bold headings and strong text, italics, code.
fn push_styled(out: &mut String, line: LineRef<'_>) {
    for (text, tone) in line.spans() {
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
        if codes.is_empty() {
            out.push_str(text);
        } else {
            out.push_str(&format!("\x1b[{}m{}\x1b[0m", codes.join(";"), text));
        }
    }
}

fn write_out(text: &str) -> Result<(), Failure> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`artikel show x | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err((1, format!("artikel: cannot write: {e}"))),
    }
}

fn warn_all(library: &Library) {
    for w in &library.warnings {
        eprintln!("warning: {w}");
    }
}
