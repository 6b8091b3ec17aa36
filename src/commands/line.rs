//! A command line as `artikel serve` reads it for a client (`ssh host faq knæ`): only the
//! commands that print, with the options every command takes and each command's own as the
//! command line has them, so that a command reads, fails and says its `--help` as it does at
//! home.

use super::Request;
use super::args::{FaqArgs, Global, ListArgs, NotesArgs, ReviewArgs, SearchArgs, ShowArgs, TocArgs};
use clap::{Parser, Subcommand};

/// The commands a client may name first.
pub const COMMANDS: [&str; 7] = ["faq", "search", "list", "toc", "show", "notes", "review"];

/// The printing commands of a terminal reader for health articles.
#[derive(Debug, Parser)]
#[command(name = "artikel", version, about)]
pub struct Line {
    /// The options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to print.
    #[command(subcommand)]
    pub command: Option<Printing>,
    /// Words without a command: read, to be refused as the command line would open the reader.
    #[arg(hide = true)]
    pub rest: Vec<String>,
}

/// The commands that print.
#[derive(Debug, Subcommand)]
pub enum Printing {
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
    /// List the comments (of one article, or all), add or resolve one, or export a report.
    Notes(NotesArgs),
    /// The team's review: status, approve, request-changes, diff, log.
    Review(ReviewArgs),
}

impl Line {
    /// What the line asks for, if it is a command that prints and, of `notes` and `review`,
    /// one that only reads the ledger (status, log, diff, verify; listing, exporting).
    pub fn request(&self) -> Option<Request> {
        match self.command.as_ref()? {
            Printing::List(a) => Some(a.request()),
            Printing::Toc(a) => Some(a.request()),
            Printing::Show(a) => Some(a.request()),
            Printing::Faq(a) => Some(a.request()),
            Printing::Search(a) => Some(a.request()),
            Printing::Notes(a) => a.reading().map(Request::Ledger),
            Printing::Review(a) => a.reading().map(Request::Ledger),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Reading;
    use super::*;

    fn read(words: &[&str]) -> Result<Line, clap::Error> {
        Line::try_parse_from(std::iter::once("artikel").chain(words.iter().copied()))
    }

    #[test]
    fn each_printing_command_reads_as_its_request() {
        let request = |words: &[&str]| read(words).expect("read").request();
        assert_eq!(request(&["list", "--slugs"]), Some(Request::Slugs));
        assert_eq!(
            request(&["faq", "knæ", "--all", "--width", "50"]),
            Some(Request::Faq {
                words: vec!["knæ".into()],
                all: true,
                json: false,
                explain: false,
                width: Some(50)
            })
        );
        assert_eq!(
            request(&["review", "diff", "x", "--reviewer", "bo"]),
            Some(Request::Ledger(Reading::Diff { slug: "x".into(), reviewer: Some("bo".into()) }))
        );
        assert_eq!(
            request(&["notes", "x", "--resolved"]),
            Some(Request::Ledger(Reading::Notes { slug: Some("x".into()), resolved: true, json: false }))
        );
    }

    #[test]
    fn a_command_that_writes_or_no_command_asks_for_nothing() {
        for words in [
            &["review", "approve", "x"][..],
            &["review", "policy"],
            &["notes", "add", "x", "-m", "hej"],
            &["notes", "resolve", "abc"],
            &["--lang", "da", "knæ"],
            &[],
        ] {
            let line = read(words).unwrap_or_else(|e| panic!("{words:?}: {e}"));
            assert_eq!(line.request(), None, "{words:?}");
        }
    }

    #[test]
    fn options_naming_files_are_read_to_be_refused() {
        let line = read(&["--ledger", "/tmp/x.db", "review", "status"]).expect("read");
        assert!(line.global.names_a_file());
        assert!(read(&["list", "--data-dir", "/"]).expect("read").global.names_a_file());
        assert!(!read(&["--lang", "en", "list"]).expect("read").global.names_a_file());
    }

    #[test]
    fn the_top_level_help_lists_only_the_commands_that_run() {
        let e = read(&["--help"]).expect_err("help");
        assert_eq!(e.exit_code(), 0);
        let help = e.render().to_string();
        for command in COMMANDS {
            assert!(help.contains(&format!("\n  {command} ")), "{command}: {help}");
        }
        for other in ["check", "serve", "config", "open", "completions", "man"] {
            assert!(!help.contains(&format!("\n  {other} ")), "{other}: {help}");
        }
        assert_eq!(read(&["faq"]).expect_err("no words").exit_code(), 2);
    }
}
