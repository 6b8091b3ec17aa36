//! One article: where it came from, what its frontmatter says, and its Markdown body.

use super::frontmatter::{self, Frontmatter};
use super::scan::Warning;
use crate::sanitize;
use std::path::PathBuf;
use std::sync::Arc;

/// Where an article was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Compiled into the binary.
    Bundled,
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// How warnings name this source.
    pub fn describe(&self, slug: &str) -> String {
        match self {
            Source::Bundled => format!("{slug}.md (bundled)"),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// A loaded article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file stem; unique within a library.
    pub slug: String,
    /// The title to show: `metaTitle`, else the first heading, else the slug. Safe to print.
    pub title: String,
    /// Where it came from.
    pub source: Source,
    /// What its frontmatter says (empty when it had none or it failed to parse).
    pub meta: Frontmatter,
    /// The Markdown after the frontmatter.
    /// Shared, so a long article can be parsed on another thread.
    pub body: Arc<str>,
    /// The 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

impl Article {
    /// Reads an article from a file's bytes. Never fails: problems come back as warnings and
    /// the article is still usable (non-UTF-8 bytes are replaced, a broken frontmatter is
    /// read as missing).
    pub fn from_bytes(slug: String, source: Source, bytes: &[u8]) -> (Article, Vec<Warning>) {
        let place = source.describe(&slug);
        let mut warnings = Vec::new();
        let mut warn = |message: String| warnings.push(Warning::new(place.clone(), message));
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(e) => {
                warn(format!(
                    "not valid UTF-8 (first bad byte at offset {}); shown with replacement characters",
                    e.valid_up_to()
                ));
                String::from_utf8_lossy(bytes)
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let (meta, body, body_line) = match frontmatter::split(text) {
            Ok(split) => {
                let meta = match split.yaml {
                    None => {
                        warn("has no frontmatter (metaTitle, lastUpdated, datePublished)".into());
                        Frontmatter::default()
                    }
                    // A blank line stands in for the opening `---`, so that the line numbers
                    // in YAML errors are the file's.
                    Some(yaml) => match frontmatter::parse(&format!("\n{yaml}")) {
                        Ok((meta, problems)) => {
                            problems.into_iter().for_each(&mut warn);
                            meta
                        }
                        Err(e) => {
                            warn(format!("frontmatter is not valid YAML: {}", one_line(&e)));
                            Frontmatter::default()
                        }
                    },
                };
                (meta, split.body, split.body_line)
            }
            Err(e) => {
                warn(e.to_string());
                (Frontmatter::default(), text, 1)
            }
        };
        let title = meta
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .or_else(|| first_heading(body))
            .unwrap_or_else(|| slug.clone());
        let title = sanitize::visible(title.trim()).into_owned();
        let article = Article { slug, title, source, meta, body: Arc::from(body), body_line };
        (article, warnings)
    }

    /// The title up to its first " – " (or " - ", " | "): what a list has room for.
    pub fn short_title(&self) -> &str {
        [" – ", " — ", " - ", " | "]
            .iter()
            .filter_map(|sep| self.title.find(sep))
            .min()
            .map_or(self.title.as_str(), |i| &self.title[..i])
    }
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .map(str::trim_start)
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The first line of a parser message (the rest quotes a snippet of the file).
fn one_line(message: &str) -> String {
    let first = message.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(message);
    first.trim_start_matches("error:").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(bytes: &[u8]) -> (Article, Vec<Warning>) {
        Article::from_bytes("test".into(), Source::File("test.md".into()), bytes)
    }

    #[test]
    fn broken_yaml_still_opens_titled_by_its_first_heading() {
        let (a, w) = load(b"---\nmetaTitle: [oops\n---\n\n# Ondt i ryggen\n\nTekst.\n");
        assert_eq!(a.title, "Ondt i ryggen");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].message, "frontmatter is not valid YAML: line 2 column 12: unclosed bracket '['");
        assert!(a.body.contains("Tekst."));
    }

    #[test]
    fn missing_frontmatter_is_a_warning_and_the_slug_titles_an_article_without_headings() {
        let (a, w) = load(b"Bare tekst.\n");
        assert_eq!(a.title, "test");
        assert!(w[0].message.contains("no frontmatter"));
    }

    #[test]
    fn non_utf8_bytes_are_replaced_and_reported() {
        let (a, w) = load(b"---\nmetaTitle: Sm\xe6rter\n---\nK\xf8b\n");
        assert!(w.iter().any(|w| w.message.contains("UTF-8")), "{w:?}");
        assert!(a.body.contains('\u{fffd}'));
    }

    #[test]
    fn bom_and_crlf_are_understood_and_titles_are_made_safe() {
        let (a, w) = load(b"\xef\xbb\xbf---\r\nmetaTitle: \"Evil\\e]0;pwn\\a\"\r\n---\r\nBody\r\n");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a.title, "Evil^[]0;pwn^G");
        assert_eq!(&*a.body, "Body\r\n");
    }

    #[test]
    fn short_title_stops_at_the_dash() {
        let (a, _) = load(b"---\nmetaTitle: Nervesmerter \xe2\x80\x93 Hvad er det?\n---\n");
        assert_eq!(a.short_title(), "Nervesmerter");
    }
}
