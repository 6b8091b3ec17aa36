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
    let meta = &article.meta;
    let mut front = String::from("---\n");
    if let Some(t) = &meta.title {
        front.push_str(&format!("metaTitle: {t}\n"));
    }
    if let Some(d) = meta.last_updated {
        front.push_str(&format!("lastUpdated: {d}\n"));
    }
    if let Some(d) = meta.date_published {
        front.push_str(&format!("datePublished: {d}\n"));
    }
    for (key, value) in &meta.extra {
        front.push_str(&format!("{key}: {value}\n"));
    }
    front.push_str("---\n");
    front
}

/// The version of an article: the same as `version_of(&normalised(article))`, hashed as the
/// lines go by instead of building the normalised text first (no copy of a long article).
pub fn version_of_article(article: &Article) -> String {
    let full = normalised_front(article);
    let mut hasher = Sha256::new();
    // Newlines owed before the next line that has text: trailing blank lines never get them.
    let mut owed = 0usize;
    let front = full.strip_suffix('\n').unwrap_or(&full);
    for line in front.split('\n').chain(article.body.split('\n')) {
        let line = line.trim_end_matches(['\r', ' ', '\t']);
        if line.is_empty() {
            owed += 1;
            continue;
        }
        for _ in 0..owed {
            hasher.update(b"\n");
        }
        hasher.update(line.as_bytes());
        owed = 1;
    }
    hasher.update(b"\n");
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Line ends made `\n`, trailing spaces and tabs dropped, trailing blank lines trimmed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        out.push_str(line.trim_end_matches(['\r', ' ', '\t']));
        out.push('\n');
    }
    let kept = out.trim_end_matches('\n').len();
    out.truncate(kept);
    out.push('\n');
    out
}

/// The version of a normalised text: its SHA-256, in hex.
pub fn version_of(normalised: &str) -> String {
    let digest = Sha256::digest(normalised.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
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
