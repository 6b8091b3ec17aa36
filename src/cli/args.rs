//! The command line's arguments, as clap reads them: the printing commands' own are
//! [`crate::commands::args`]'s, shared with `artikel serve`.

use crate::commands::args::{
    FaqArgs, Global, ListArgs, NotesArgs, ReviewArgs, SearchArgs, ShowArgs, TocArgs,
};
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
    /// The options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// The settings in force: the settings file's, with the environment and the flags over
    /// them (filled in after parsing, see `artikel config`).
    #[arg(skip)]
    pub settings: crate::settings::Settings,
    /// What day it is (filled in after parsing: `ARTIKEL_TODAY`, else the system's clock).
    #[arg(skip)]
    pub clock: crate::clock::Clock,
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
    List(ListArgs),
    /// Print an article's outline with each heading's class.
    Toc(TocArgs),
    /// Print an article as plain text.
    Show(ShowArgs),
    /// Print the best answer to a question, typed with or without æ, ø and å.
    Faq(FaqArgs),
    /// Find words across the library: each hit as `slug › section: snippet`.
    Search(SearchArgs),
    /// Check articles for editors: frontmatter, dates, questions, the FAQ, links.
    Check {
        /// Folders of articles to check (default: the whole library).
        dirs: Vec<std::path::PathBuf>,
        /// Print JSON: file, line, severity, rule, message of each finding.
        #[arg(long)]
        json: bool,
        /// Check every article anew: neither read nor write the cache of findings.
        #[arg(long)]
        no_cache: bool,
    },
    /// List the comments (of one article, or all), add or resolve one, or export a report.
    Notes(NotesArgs),
    /// The team's review: status, approve, request-changes, diff, log.
    Review(ReviewArgs),
    /// Serve the reader over SSH: reviewers connect with `ssh`, no shell account needed.
    Serve(super::ServeOptions),
    /// Print the settings in force and where each came from (a settings file to start from).
    Config {
        /// Only print where the settings file lives (whether or not it exists).
        #[arg(long)]
        path: bool,
        /// Print JSON: each setting's value and where it came from.
        #[arg(long, conflicts_with = "path")]
        json: bool,
    },
    /// Open the reader at an article (`slug` or `slug#anchor`).
    Open {
        /// The article, optionally with a heading's anchor: `nervesmerter#kan-nervesmerter-helbredes`.
        slug: String,
        /// Start at the heading that best matches this text.
        #[arg(long)]
        section: Option<String>,
    },
    /// Print the shell's completion script: `artikel completions bash > ~/.local/share/bash-completion/completions/artikel`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `artikel man | man -l -`.
    Man {
        /// Write a page for artikel and one for each command (artikel-show.1 …) into this folder instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use crate::commands::line::{COMMANDS, Line};
    use clap::Parser;

    /// What clap says to `words`: its text and exit code, or that it read them.
    fn said<P: Parser>(words: &[&str]) -> Option<(String, i32)> {
        P::try_parse_from(std::iter::once("artikel").chain(words.iter().copied()))
            .err()
            .map(|e| (e.render().to_string(), e.exit_code()))
    }

    #[test]
    fn a_served_command_reads_fails_and_helps_as_at_home() {
        let mut lines: Vec<Vec<&str>> = COMMANDS.iter().map(|c| vec![*c, "--help"]).collect();
        lines.extend(
            [
                &["review", "status", "--help"][..],
                &["review", "approve", "--help"],
                &["notes", "export", "--help"],
                &["review", "help"],
                &["faq"],
                &["search"],
                &["review"],
                &["list", "--bogus"],
                &["show", "x", "--width", "5"],
                &["toc"],
                &["--lang", "xx", "list"],
            ]
            .map(<[&str]>::to_vec),
        );
        for words in lines {
            let home = said::<Cli>(&words);
            assert!(home.is_some(), "{words:?} is help or an error");
            assert_eq!(said::<Line>(&words), home, "{words:?}");
        }
    }
}
