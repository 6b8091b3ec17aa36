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
    /// Open the reader at an article.
    Open {
        /// The article.
        slug: String,
        /// Start at the first heading containing this text.
        #[arg(long)]
        section: Option<String>,
    },
}
