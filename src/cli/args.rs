//! The command-line arguments, as clap reads them.

use clap::{Parser, Subcommand};
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
    /// Open the reader at an article (`slug` or `slug#anchor`).
    Open {
        /// The article, optionally with a heading's anchor: `nervesmerter#kan-nervesmerter-helbredes`.
        slug: String,
        /// Start at the heading that best matches this text.
        #[arg(long)]
        section: Option<String>,
    },
}
