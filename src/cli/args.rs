//! The command-line arguments, as clap reads them.

use clap::{Parser, Subcommand, ValueEnum};

/// What `notes` can do besides listing.
#[derive(Debug, Subcommand)]
pub enum NotesAction {
    /// Write a review report of every article with notes or a status: to stdout.
    Export {
        /// md, json or csv.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
    },
}

/// The formats of the review report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, an article per heading.
    Md,
    /// JSON, a row per note (or per status without notes).
    Json,
    /// CSV, the same rows.
    Csv,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour: bold, reverse video and underline only.
    Never,
}
use std::path::PathBuf;

/// A terminal reader for health articles. With no command, opens the reader.
#[derive(Debug, Parser)]
#[command(
    name = "artikel",
    version,
    about,
    after_help = "With no command, artikel opens the reader on the first article. Press ? in the reader for its keys."
)]
pub struct Cli {
    /// Also load the articles (*.md) in this folder; may be given more than once.
    #[arg(long, value_name = "DIR", global = true)]
    pub articles: Vec<PathBuf>,
    /// Where your data lives (default: $ARTIKEL_DATA_DIR, else the platform's data folder).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Colour: never, always, or auto (none when NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Draw borders and markers in ASCII (automatic when the locale is not UTF-8).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Call an article stale when its lastUpdated is older than this many months.
    #[arg(long, value_name = "MONTHS", default_value_t = crate::check::STALE_MONTHS, global = true)]
    pub stale_months: u16,
    /// Leave the mouse to the terminal, so text can be selected (M toggles it in the reader).
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no command: an article's slug (slug#anchor) to open, or words of a question to
    /// open the reader at its best answer.
    #[arg(value_name = "SLUG|QUESTION")]
    pub query: Vec<String>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: slug, title, last update, questions.
    List,
    /// Print an article's outline with each heading's class.
    Toc {
        /// The article (its file name without .md).
        slug: String,
    },
    /// Print an article as plain text.
    Show {
        /// The article.
        slug: String,
        /// Wrap to this many columns (default: the terminal's width, else 80).
        #[arg(long)]
        width: Option<usize>,
    },
    /// Print the best answer to a question, typed with or without æ, ø and å.
    Faq {
        /// The question, or some of its words.
        #[arg(required = true)]
        words: Vec<String>,
        /// List the ten best questions instead.
        #[arg(long)]
        all: bool,
        /// Print JSON: slug, heading, anchor, score and answer of each.
        #[arg(long)]
        json: bool,
        /// Wrap to this many columns (default: the terminal's width, else 80).
        #[arg(long)]
        width: Option<usize>,
    },
    /// Find words across the library: each hit as `slug › section: snippet`.
    Search {
        /// The words to find.
        #[arg(required = true)]
        words: Vec<String>,
        /// Print JSON: slug, heading, anchor, score and snippet of each.
        #[arg(long)]
        json: bool,
        /// Fit the lines to this many columns (default: the terminal's width, else 80).
        #[arg(long)]
        width: Option<usize>,
    },
    /// Check articles for editors: frontmatter, dates, questions, the FAQ, links.
    Check {
        /// Folders of articles to check (default: the whole library).
        dirs: Vec<std::path::PathBuf>,
        /// Print JSON: file, line, severity, rule, message of each finding.
        #[arg(long)]
        json: bool,
    },
    /// List your notes (of one article, or all), or export a review report.
    Notes {
        /// Export a review report instead.
        #[command(subcommand)]
        action: Option<NotesAction>,
        /// Only the notes on this article.
        slug: Option<String>,
    },
    /// Set an article's review status.
    Review {
        /// The article.
        slug: String,
        /// reviewed, needs-changes or unreviewed.
        status: String,
    },
    /// Serve the reader over SSH: reviewers connect with `ssh`, no shell account needed.
    Serve(crate::serve::Options),
    /// Open the reader at an article (`slug` or `slug#anchor`).
    Open {
        /// The article, optionally with a heading's anchor: `nervesmerter#kan-nervesmerter-helbredes`.
        slug: String,
        /// Start at the heading that best matches this text.
        #[arg(long)]
        section: Option<String>,
    },
}
