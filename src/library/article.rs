//! One article: where it came from, what its frontmatter says, and its Markdown body.

use super::frontmatter::{self, Frontmatter};
use super::warning::{Warning, WarningKind};
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
    /// How warnings and `check` name this source: safe to print, on one line, and in the
    /// language in force (`nervesmerter.md (bundled)`, `nervesmerter.md (medfølger)`).
    pub fn describe(&self, slug: &str) -> String {
        match self {
            Source::Bundled => format!("{}.md ({})", sanitize::inline(slug), crate::strings::BUNDLED),
            Source::File(path) => sanitize::inline(&path.display().to_string()).into_owned(),
        }
    }
}

/// A loaded article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file stem, made safe to print on one line (control characters and line ends shown
    /// as `^[`, `^J`, `<U+202E>`); unique within a library.
    pub slug: String,
    /// The title to show: `metaTitle`, else the first heading, else the slug. Safe to print,
    /// on one line.
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
        let slug = sanitize::inline(&slug).into_owned();
        let mut warnings = Vec::new();
        // Where the article came from is written out only for a warning.
        let mut warn = |kind: WarningKind, line: Option<usize>, column: Option<usize>| {
            warnings.push(Warning::new(&source.describe(&slug), kind).at(line, column));
        };
        // Checked with SIMD first (Danish text has a letter outside ASCII every few words,
        // which slows the standard check down); where it fails, the standard check says where.
        let checked = simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes));
        let text = match checked {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(e) => {
                let line = 1 + memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count();
                warn(WarningKind::NotUtf8 { offset: e.valid_up_to() }, Some(line), None);
                String::from_utf8_lossy(bytes)
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let (meta, body, body_line) = match frontmatter::split(text) {
            Ok(split) => {
                let meta = match split.yaml {
                    None => {
                        warn(WarningKind::NoFrontmatter, Some(1), None);
                        Frontmatter::default()
                    }
                    // A blank line stands in for the opening `---`, so that the line numbers
                    // in YAML errors are the file's.
                    Some(yaml) => match frontmatter::parse(&format!("\n{yaml}")) {
                        Ok((meta, bad_dates)) => {
                            for bad in bad_dates {
                                let line = key_line(yaml, bad.key);
                                warn(WarningKind::NotADate { key: bad.key, value: bad.value }, line, None);
                            }
                            meta
                        }
                        Err(e) => {
                            warn(WarningKind::FrontmatterNotYaml { reason: e.reason }, e.line, e.column);
                            Frontmatter::default()
                        }
                    },
                };
                (meta, split.body, split.body_line)
            }
            Err(_) => {
                warn(WarningKind::FrontmatterNotClosed, Some(1), None);
                (Frontmatter::default(), text, 1)
            }
        };
        let title = meta
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .or_else(|| first_heading(body))
            .unwrap_or_else(|| slug.clone());
        let title = sanitize::title(&title);
        let article = Article { slug, title, source, meta, body: Arc::from(body), body_line };
        (article, warnings)
    }

    /// The title up to its first " – " (or " - ", " | "): what a list has room for.
    pub fn short_title(&self) -> &str {
        short_title(&self.title)
    }
}

/// `title` up to its first " – " (or " - ", " | "): the article's subject ("Knæsmerter –
/// Årsager …" → "Knæsmerter").
pub fn short_title(title: &str) -> &str {
    [" – ", " — ", " - ", " | "].iter().filter_map(|sep| title.find(sep)).min().map_or(title, |i| &title[..i])
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .map(str::trim_start)
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The line of the file on which the frontmatter `yaml` (which starts on line 2) sets `key`.
fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')))
        .map(|i| i + 2)
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
        assert!(matches!(w[0].kind, WarningKind::FrontmatterNotYaml { .. }), "{w:?}");
        assert_eq!((w[0].line, w[0].column), (Some(2), Some(12)));
        assert_eq!(w[0].message(), "frontmatter is not valid YAML: line 2 column 12: unclosed bracket '['");
        assert!(a.body.contains("Tekst."));
    }

    #[test]
    fn missing_frontmatter_is_a_warning_and_the_slug_titles_an_article_without_headings() {
        let (a, w) = load(b"Bare tekst.\n");
        assert_eq!(a.title, "test");
        assert_eq!(w[0].kind, WarningKind::NoFrontmatter);
        assert!(w[0].message().contains("no frontmatter"));
    }

    #[test]
    fn non_utf8_bytes_are_replaced_and_reported() {
        let (a, w) = load(b"---\nmetaTitle: Sm\xe6rter\n---\nK\xf8b\n");
        assert_eq!(w[0].kind, WarningKind::NotUtf8 { offset: 17 });
        assert_eq!(w[0].line, Some(2));
        assert!(w[0].message().contains("UTF-8"), "{w:?}");
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
    fn a_bad_date_names_its_key_and_line() {
        let (_, w) = load(b"---\nmetaTitle: T\ndatePublished: 01/01/2020\nlastUpdated: snart\n---\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].kind, WarningKind::NotADate { key: "lastUpdated", value: "snart".into() });
        assert_eq!(w[0].line, Some(4));
    }

    #[test]
    fn a_title_or_slug_with_line_ends_and_controls_stays_on_one_safe_line() {
        let (a, _) = Article::from_bytes(
            "to\nlinjer\u{1b}]0;x\u{7}\u{202e}".into(),
            Source::File("/a/to\nlinjer\u{1b}]0;x\u{7}\u{202e}.md".into()),
            "---\nmetaTitle: \"Første\\nanden\\u200f\"\n---\n".as_bytes(),
        );
        assert_eq!(a.title, "Første anden<U+200F>");
        assert_eq!(a.slug, "to^Jlinjer^[]0;x^G<U+202E>");
        assert_eq!(a.source.describe(&a.slug), "/a/to^Jlinjer^[]0;x^G<U+202E>.md");
    }

    #[test]
    fn short_title_stops_at_the_dash() {
        let (a, _) = load(b"---\nmetaTitle: Nervesmerter \xe2\x80\x93 Hvad er det?\n---\n");
        assert_eq!(a.short_title(), "Nervesmerter");
    }
}
