//! What can go wrong while loading articles, as types: callers branch on the kind, and the
//! sentence the user reads is made from it (the words live in `strings`).

use crate::{sanitize, strings};
use std::fmt;

/// The largest article file the library reads; a larger one is skipped with a warning.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// What is wrong with a file or folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// The file is not UTF-8; it is shown with replacement characters.
    NotUtf8 {
        /// The byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file has no frontmatter; it loads without one.
    NoFrontmatter,
    /// The frontmatter opens with `---` and never closes; it is read as part of the body.
    FrontmatterNotClosed,
    /// The frontmatter is not YAML; it is read as missing.
    FrontmatterNotYaml {
        /// The parser's reason, without its place (which is the warning's line and column).
        reason: String,
    },
    /// A date key of the frontmatter holds something that is not a date.
    NotADate {
        /// `lastUpdated` or `datePublished`.
        key: &'static str,
        /// What it holds, as written.
        value: String,
    },
    /// Another file in the same folder tree has the same slug; this one is hidden by it.
    DuplicateSlug {
        /// The slug both files have.
        slug: String,
        /// The file shown instead (as the user would name it).
        shown: String,
    },
    /// A file named `*.md` that is not a regular file (a FIFO, a device, a socket): skipped.
    NotAFile,
    /// A file larger than [`MAX_ARTICLE_BYTES`]: skipped.
    TooLarge {
        /// Its size in bytes (at least the limit plus one).
        bytes: u64,
    },
    /// The file could not be read: skipped.
    CannotRead {
        /// The system's reason.
        reason: String,
    },
    /// An entry of a folder could not be looked at: skipped.
    CannotOpen {
        /// The system's reason.
        reason: String,
    },
    /// A folder to load is not a folder.
    NotAFolder,
    /// A folder could not be opened.
    CannotOpenFolder {
        /// The system's reason.
        reason: String,
    },
    /// A folder could not be listed.
    CannotReadFolder {
        /// The system's reason.
        reason: String,
    },
    /// A link leads back to a folder already read; it is read once.
    FolderLoop,
    /// Something is wrong with an editors' data file (`synonyms.yaml`,
    /// `warning-signs.yaml`); what can be used is used.
    DataFile {
        /// What is wrong, as the file's checker says it.
        problem: String,
    },
}

/// A problem with one file or folder; the library loads without it (or with it repaired).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What is wrong.
    pub kind: WarningKind,
    /// The file or folder, as the user would name it; safe to print on one line.
    pub file: String,
    /// The 1-based line of the file it is about, when one can be named.
    pub line: Option<usize>,
    /// The 1-based column on that line, when one can be named.
    pub column: Option<usize>,
}

impl Warning {
    /// A warning about `file` (a path or a description of one), made safe to print.
    pub fn new(file: &str, kind: WarningKind) -> Warning {
        Warning { kind, file: sanitize::inline(file).into_owned(), line: None, column: None }
    }

    /// The same warning, about `line` (and `column`) of its file.
    pub fn at(self, line: Option<usize>, column: Option<usize>) -> Warning {
        Warning { line, column, ..self }
    }

    /// What is wrong, in one line that is safe to print (it quotes the file's own text at
    /// most with its control characters and line ends shown).
    pub fn message(&self) -> String {
        let quote = |s: &str| sanitize::inline(s).into_owned();
        match &self.kind {
            WarningKind::NotUtf8 { offset } => strings::warning_not_utf8(*offset),
            WarningKind::NoFrontmatter => strings::WARNING_NO_FRONTMATTER.to_string(),
            WarningKind::FrontmatterNotClosed => strings::WARNING_FRONTMATTER_NOT_CLOSED.to_string(),
            WarningKind::FrontmatterNotYaml { reason } => {
                strings::warning_not_yaml(self.line.zip(self.column), &quote(reason))
            }
            WarningKind::NotADate { key, value } => strings::warning_not_a_date(key, &quote(value)),
            WarningKind::DuplicateSlug { slug, shown } => {
                strings::warning_duplicate_slug(&quote(slug), &quote(shown))
            }
            WarningKind::NotAFile => strings::WARNING_NOT_A_FILE.to_string(),
            WarningKind::TooLarge { bytes } => strings::warning_too_large(*bytes, MAX_ARTICLE_BYTES),
            WarningKind::CannotRead { reason } => strings::warning_cannot_read(&quote(reason)),
            WarningKind::CannotOpen { reason } => strings::warning_cannot_open(&quote(reason)),
            WarningKind::NotAFolder => strings::WARNING_NOT_A_FOLDER.to_string(),
            WarningKind::CannotOpenFolder { reason } => strings::warning_cannot_open_folder(&quote(reason)),
            WarningKind::CannotReadFolder { reason } => strings::warning_cannot_read_folder(&quote(reason)),
            WarningKind::FolderLoop => strings::WARNING_FOLDER_LOOP.to_string(),
            WarningKind::DataFile { problem } => quote(problem),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message())
    }
}

impl std::error::Error for Warning {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_is_made_from_the_kind_and_quotes_safely() {
        let w = Warning::new(
            "a\nb\u{1b}.md",
            WarningKind::NotADate { key: "lastUpdated", value: "i\ngår\u{9b}".into() },
        );
        assert_eq!(
            w.to_string(),
            "a^Jb^[.md: `lastUpdated: i^Jgår<U+009B>` is not a date (write DD/MM/YYYY)"
        );
        let yaml =
            Warning::new("x.md", WarningKind::FrontmatterNotYaml { reason: "unclosed bracket '['".into() })
                .at(Some(2), Some(12));
        assert_eq!(yaml.message(), "frontmatter is not valid YAML: line 2 column 12: unclosed bracket '['");
        let error: &dyn std::error::Error = &yaml;
        assert!(error.to_string().starts_with("x.md: frontmatter"));
    }
}
