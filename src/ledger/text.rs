//! An article's reviewable text: its normalised form, its version (a hash of that form), and
//! its sections, so decisions, diffs and comments all speak of the same text.

use crate::library::Article;
use sha2::{Digest, Sha256};

/// The article as the ledger sees it: frontmatter (its known keys in a fixed form, then the
/// others in order) and body, with line ends made `\n`, trailing spaces dropped and trailing
/// blank lines trimmed, so that differences no reader can see do not make a new version.
pub fn normalised(article: &Article) -> String {
    normalise(&format!("{}{}", normalised_front(article), article.body))
}

/// The frontmatter as [`normalised`] writes it (before normalising), ending in `---\n`.
fn normalised_front(article: &Article) -> String {
    use std::fmt::Write;
    let meta = &article.meta;
    // Written in place (no string made for each line and copied): this runs for every
    // article each time the library's versions are worked out.
    let mut front = String::with_capacity(256);
    front.push_str("---\n");
    if let Some(t) = &meta.title {
        let _ = writeln!(front, "metaTitle: {t}");
    }
    if let Some(d) = meta.last_updated {
        let _ = writeln!(front, "lastUpdated: {d}");
    }
    if let Some(d) = meta.date_published {
        let _ = writeln!(front, "datePublished: {d}");
    }
    for (key, value) in &meta.extra {
        let _ = writeln!(front, "{key}: {value}");
    }
    front.push_str("---\n");
    front
}

/// The version of an article: the same as `version_of(&normalised(article))`, worked out as
/// the lines go by instead of building the normalised text first (no copy of a long article).
pub fn version_of_article(article: &Article) -> String {
    let full = normalised_front(article);
    // The text is the frontmatter then the body; the newline that ends the frontmatter is
    // where the one splits from the other.
    let front = full.strip_suffix('\n').unwrap_or(&full);
    let mut feed = Feed::new();
    feed.text(front);
    feed.text(&article.body);
    feed.finish()
}

/// A normalised text hashed as it is made, line by line: each line without its trailing
/// spaces, tabs and `\r`, blank lines kept only when a line with text follows, and one `\n`
/// at the end, as [`normalise`] writes them. The lines are gathered in a buffer and hashed a
/// block at a time.
struct Feed {
    hasher: Sha256,
    /// The bytes gathered (the first `len`): on the stack, not allocated for each article
    /// (an allocation this size, once per article, made the allocator tidy its free lists
    /// each time).
    buf: [u8; BLOCK],
    len: usize,
    /// Newlines owed before the next line that has text: trailing blank lines never get them.
    owed: usize,
    /// The last line ended in a hard line break (two spaces) that shows if a line with text
    /// follows it at once.
    breaks: bool,
}

/// How many bytes are gathered before they are hashed.
const BLOCK: usize = 4 * 1024;

/// Bytes given at once that are hashed where they are, not copied into the buffer first (a
/// tidy article's whole body).
const DIRECT: usize = 1024;

/// Newlines to copy owed ones from.
const NEWLINES: &[u8; 16] = b"\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n";

impl Feed {
    fn new() -> Feed {
        Feed { hasher: Sha256::new(), buf: [0; BLOCK], len: 0, owed: 0, breaks: false }
    }

    fn push(&mut self, bytes: &[u8]) {
        if self.len + bytes.len() > BLOCK || bytes.len() >= DIRECT {
            self.hasher.update(&self.buf[..self.len]);
            self.len = 0;
        }
        if bytes.len() >= DIRECT {
            self.hasher.update(bytes);
        } else {
            self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
            self.len += bytes.len();
        }
    }

    /// The next text, its first line continuing the stream as a line of its own (as if the
    /// texts before it ended in a newline that is not given).
    fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let tidy =
            memchr::memchr2(b'\r', b'\t', bytes).is_none() && memchr::memmem::find(bytes, b" \n").is_none();
        if !tidy {
            text.split('\n').for_each(|line| self.line(line));
            return;
        }
        // No line but perhaps the last has a trailing space, tab or `\r`: the text is as
        // normalised from its first line with text to its last, and only the blank lines
        // around that are worked out (as `line` would, one at a time).
        self.breaks = false;
        let lead = bytes.iter().take_while(|&&b| b == b'\n').count();
        let rest = &text[lead..];
        let body = rest.trim_end_matches([' ', '\n']);
        if body.is_empty() {
            self.owed += memchr::memchr_iter(b'\n', bytes).count() + 1;
            return;
        }
        self.owed += lead;
        self.pay();
        self.push(body.as_bytes());
        self.owed = 1 + memchr::memchr_iter(b'\n', &rest.as_bytes()[body.len()..]).count();
    }

    /// The newlines owed, before a line with text.
    fn pay(&mut self) {
        while self.owed > 0 {
            let n = self.owed.min(NEWLINES.len());
            self.push(&NEWLINES[..n]);
            self.owed -= n;
        }
    }

    /// The next line, as it was written (without its `\n`).
    fn line(&mut self, raw: &str) {
        let line = raw.trim_end_matches(['\r', ' ', '\t']);
        if line.is_empty() {
            self.owed += 1;
            self.breaks = false;
            return;
        }
        if self.breaks && self.owed == 1 {
            self.push(HARD_BREAK.as_bytes());
        }
        self.pay();
        self.push(line.as_bytes());
        self.owed = 1;
        self.breaks = hard_break(raw, line);
    }

    /// The version: the hash of what was given, with its final newline.
    fn finish(mut self) -> String {
        self.push(b"\n");
        self.hasher.update(&self.buf[..self.len]);
        hex(&self.hasher.finalize())
    }
}

/// Bytes in lower-case hex.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// How a hard line break (two or more spaces ending a line of a paragraph) is kept.
const HARD_BREAK: &str = "  ";

/// Whether the line `raw` (`line` without its trailing blanks) ends in a hard line break:
/// two spaces or more, on a line that is not a heading. It shows only when a line with text
/// follows at once.
fn hard_break(raw: &str, line: &str) -> bool {
    raw.trim_end_matches('\r').ends_with(HARD_BREAK) && !line.is_empty() && heading_of(line).is_none()
}

/// Line ends made `\n`, trailing spaces and tabs dropped (but for a hard line break, which a
/// reader sees: kept as two spaces), trailing blank lines trimmed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(raw) = lines.next() {
        let line = raw.trim_end_matches(['\r', ' ', '\t']);
        out.push_str(line);
        let next_has_text = lines.peek().is_some_and(|n| !n.trim_end_matches(['\r', ' ', '\t']).is_empty());
        if next_has_text && hard_break(raw, line) {
            out.push_str(HARD_BREAK);
        }
        out.push('\n');
    }
    let kept = out.trim_end_matches('\n').len();
    out.truncate(kept);
    out.push('\n');
    out
}

/// The version of a normalised text: its SHA-256, in hex.
pub fn version_of(normalised: &str) -> String {
    hex(&Sha256::digest(normalised.as_bytes()))
}

/// The version as people read it: its first eight hex digits.
pub fn short(version: &str) -> &str {
    version.get(..8).unwrap_or(version)
}

/// One section of a normalised text: the frontmatter, the introduction (empty heading), or
/// a heading with what follows up to the next heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's text, as written after its `#`s (empty for the introduction).
    pub heading: String,
    /// The section's lines, the heading's included.
    pub text: String,
}

/// Where a section's name is empty because it holds the frontmatter.
pub const FRONTMATTER: &str = "---";

/// Splits a normalised text into sections: frontmatter, introduction, then one per ATX
/// heading (`#` … `######`) outside fenced code.
pub fn sections(text: &str) -> Vec<Section> {
    let mut out = Vec::new();
    let mut rest = text;
    if let Some(after) = rest.strip_prefix("---\n")
        && let Some(end) = after.find("\n---\n")
    {
        let cut = 4 + end + 5;
        out.push(Section { heading: FRONTMATTER.into(), text: rest[..cut].to_string() });
        rest = &rest[cut..];
    }
    let mut current = Section { heading: String::new(), text: String::new() };
    let mut fence: Option<&str> = None;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some(heading) = heading_of(line) {
            out.push(std::mem::replace(&mut current, Section { heading, text: String::new() }));
        }
        current.text.push_str(line);
    }
    out.push(current);
    out.retain(|s| !(s.heading.is_empty() && s.text.trim().is_empty()));
    out
}

fn heading_of(line: &str) -> Option<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    let after = &rest[hashes..];
    if indent > 3 || hashes == 0 || hashes > 6 || !(after.is_empty() || after.starts_with([' ', '\t', '\n']))
    {
        return None;
    }
    Some(after.trim().trim_end_matches('#').trim().to_string())
}

/// A heading's text with inline emphasis and code marks dropped, for matching a heading as
/// the outline shows it (plain) with one as written.
pub fn plain(heading: &str) -> String {
    heading.chars().filter(|c| !matches!(c, '*' | '_' | '`')).collect()
}

/// The hash of the first section of `text` that has `heading`, or `None` when none has it.
pub fn section_hash(text: &str, heading: &str) -> Option<String> {
    let want = plain(heading);
    sections(text).into_iter().find(|s| plain(&s.heading) == want).map(|s| version_of(&s.text))
}
