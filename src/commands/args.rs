//! The words of the commands that print, as clap reads them: the options every command takes
//! and each printing command's own, shared by the command line and by `artikel serve`.

use super::{Reading, Request};
use clap::{Args, Subcommand, ValueEnum};

/// What `notes` can do besides listing.
#[derive(Debug, Subcommand)]
pub enum NotesAction {
    /// Write the review report: the policy, every article (unreviewed too), each reviewer's
    /// current decision with its reason and version, the requests outstanding, the comments.
    Export {
        /// md, json or csv.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
    },
    /// Add a comment on an article's section, shared with everyone using the ledger.
    Add {
        /// The article.
        slug: String,
        /// The heading it is on (default: the introduction).
        #[arg(long)]
        section: Option<String>,
        /// The comment.
        #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
        message: String,
    },
    /// Reply to a comment (its id, or the start of it): resolved and reopened with it, as one
    /// thread.
    Reply {
        /// The comment's id.
        id: String,
        /// The reply.
        #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
        message: String,
    },
    /// Mark a comment resolved, with its replies (its id, or the start of it).
    Resolve {
        /// The comment's id.
        id: String,
    },
    /// Open a resolved comment again.
    Reopen {
        /// The comment's id.
        id: String,
    },
}

/// What `review` does.
#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Each article's state for its current version, and each reviewer's latest decision.
    Status {
        /// Only this article.
        slug: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Only what waits for you: articles not approved that you have not decided on at
        /// their current version, or that your request for changes blocks.
        #[arg(long)]
        mine: bool,
        /// Exit 1 while any article listed is not approved at its current version (a gate
        /// for CI).
        #[arg(long)]
        check: bool,
    },
    /// Show the approval rules, or change them (audited; once there are leads, only a lead).
    Policy {
        /// How many reviewers must approve a version.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=99))]
        approvals: Option<u16>,
        /// The leads' accounts, comma-separated: they may override a request for changes and
        /// change the rules.
        #[arg(long, value_name = "ACCOUNTS", value_delimiter = ',')]
        leads: Option<Vec<String>>,
        /// Why (required for a change).
        #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
        message: Option<String>,
    },
    /// Tell the ledger an article was renamed (and perhaps edited): OLD's decisions and
    /// comments are NEW's from now on (audited).
    Rename {
        /// The slug it had.
        old: String,
        /// The slug it has now.
        new: String,
        /// Why.
        #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
        message: String,
    },
    /// Copy a whole ledger into a new, empty one, chain and all: a SQLite file to a shared
    /// ledger on PostgreSQL (postgres://…) or back; both ends are verified.
    Migrate {
        /// The ledger to copy: a file, or a postgres:// URL.
        from: std::path::PathBuf,
        /// The new ledger: a file (made if missing), or a postgres:// URL of an empty database.
        to: std::path::PathBuf,
    },
    /// Withdraw your own request for changes on the article.
    Withdraw {
        /// The article.
        slug: String,
        /// Why.
        #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
        message: String,
    },
    /// As a lead, override a reviewer's request for changes on the article.
    Override {
        /// The article.
        slug: String,
        /// Whose request.
        #[arg(long, value_name = "ACCOUNT")]
        reviewer: String,
        /// Why.
        #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
        message: String,
    },
    /// Approve the article's current version.
    Approve {
        /// The article.
        slug: String,
        /// A comment on the decision.
        #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
        message: Option<String>,
    },
    /// Ask for changes to the article's current version.
    RequestChanges {
        /// The article.
        slug: String,
        /// What should change.
        #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
        message: String,
    },
    /// What changed since the last approved version, section by section.
    Diff {
        /// The article.
        slug: String,
        /// Compare with this reviewer's last approval (default: anyone's).
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
    },
    /// Check the trail: every row's hash chains the one before, every decision, comment and
    /// policy matches the row that made it, every kept text its version (exit 1 if not).
    Verify {
        /// A head hash copied earlier: fail unless it is still a row of the trail (a cut or
        /// rewritten tail is caught this way).
        #[arg(long, value_name = "HASH")]
        head: Option<String>,
    },
    /// Who decided or commented what, when, on which version.
    Log {
        /// Only this article.
        slug: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
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

/// A language `--lang` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// Danish.
    Da,
    /// English.
    En,
}

impl LangChoice {
    /// The interface language it names.
    pub fn lang(self) -> crate::strings::Lang {
        match self {
            LangChoice::Da => crate::strings::Lang::Da,
            LangChoice::En => crate::strings::Lang::En,
        }
    }
}

/// The heading the options every command takes are listed under, after the command's own.
pub const GLOBAL: &str = "Global options";

/// The options every command takes.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Also load the articles in this folder; repeatable.
    #[arg(long, value_name = "DIR", global = true, help_heading = GLOBAL)]
    pub articles: Vec<PathBuf>,
    /// Your data folder (default: $ARTIKEL_DATA_DIR).
    #[arg(long, value_name = "DIR", global = true, help_heading = GLOBAL)]
    pub data_dir: Option<PathBuf>,
    /// auto, always or never (auto: none if NO_COLOR).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true,
          hide_possible_values = true, hide_default_value = true, help_heading = GLOBAL)]
    pub color: ColorChoice,
    /// Draw in ASCII (default when not UTF-8).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub ascii: bool,
    /// Underline dates older than MONTHS (default: 12).
    #[arg(long, value_name = "MONTHS", global = true, help_heading = GLOBAL)]
    pub stale_months: Option<u16>,
    /// The review ledger (default: $ARTIKEL_LEDGER).
    #[arg(long, value_name = "FILE", global = true, help_heading = GLOBAL)]
    pub ledger: Option<PathBuf>,
    /// Leave the mouse to the terminal to select text.
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub no_mouse: bool,
    /// default, high-contrast, light or mono.
    #[arg(long, value_name = "NAME", value_parser = parse_theme, global = true, help_heading = GLOBAL)]
    pub theme: Option<crate::app::Theme>,
    /// The interface's language (default: $ARTIKEL_LANG).
    #[arg(long, value_enum, value_name = "da|en", global = true, hide_possible_values = true,
          help_heading = GLOBAL)]
    pub lang: Option<LangChoice>,
    /// Clickable links (OSC 8) in the reader.
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub hyperlinks: bool,
}

impl Global {
    /// Whether an option names a file or folder (`--articles`, `--data-dir`, `--ledger`).
    pub fn names_a_file(&self) -> bool {
        !self.articles.is_empty() || self.data_dir.is_some() || self.ledger.is_some()
    }
}

/// `list`'s own options (its help is said by the command that names it).
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON: slug, title, last_updated, questions and faq of each.
    #[arg(long)]
    pub json: bool,
    /// Print only the slugs, one a line (the completion scripts offer them).
    #[arg(long, conflicts_with = "json")]
    pub slugs: bool,
}

/// `toc`'s own options (its help is said by the command that names it).
#[derive(Debug, Args)]
pub struct TocArgs {
    /// The article (its file name without .md).
    pub slug: String,
    /// Print JSON: level, text, class and anchor of each heading.
    #[arg(long)]
    pub json: bool,
}

/// `show`'s own options (its help is said by the command that names it).
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article.
    pub slug: String,
    /// Wrap to this many columns (default: the terminal's width, else 80).
    #[arg(long, value_parser = parse_width)]
    pub width: Option<usize>,
    /// Print straight to the terminal instead of through $PAGER (default `less -R`).
    #[arg(long)]
    pub no_pager: bool,
}

/// `faq`'s own options (its help is said by the command that names it).
#[derive(Debug, Args)]
pub struct FaqArgs {
    /// The question, or some of its words.
    #[arg(required = true)]
    pub words: Vec<String>,
    /// List the ten best questions instead.
    #[arg(long)]
    pub all: bool,
    /// Print JSON: slug, heading, anchor, score and answer of each.
    #[arg(long)]
    pub json: bool,
    /// Also say why the answer won: the article the question names, the kind of
    /// section it asks for, a warning sign.
    #[arg(long)]
    pub explain: bool,
    /// Wrap to this many columns (default: the terminal's width, else 80).
    #[arg(long, value_parser = parse_width)]
    pub width: Option<usize>,
}

/// `search`'s own options (its help is said by the command that names it).
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to find.
    #[arg(required = true)]
    pub words: Vec<String>,
    /// Print JSON: slug, heading, anchor, score and snippet of each.
    #[arg(long)]
    pub json: bool,
    /// Fit the lines to this many columns (default: the terminal's width, else 80).
    #[arg(long, value_parser = parse_width)]
    pub width: Option<usize>,
}

/// `notes`'s own options (its help is said by the command that names it).
#[derive(Debug, Args)]
pub struct NotesArgs {
    /// Export a report, add or resolve a comment instead.
    #[command(subcommand)]
    pub action: Option<NotesAction>,
    /// Only the comments on this article.
    pub slug: Option<String>,
    /// Resolved comments too.
    #[arg(long)]
    pub resolved: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `review`'s own options (its help is said by the command that names it).
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: ReviewAction,
}

impl ListArgs {
    /// What it asks for.
    pub fn request(&self) -> Request {
        if self.slugs { Request::Slugs } else { Request::List { json: self.json } }
    }
}

impl TocArgs {
    /// What it asks for.
    pub fn request(&self) -> Request {
        Request::Toc { slug: self.slug.clone(), json: self.json }
    }
}

impl ShowArgs {
    /// What it asks for (the pager is the command line's).
    pub fn request(&self) -> Request {
        Request::Show { slug: self.slug.clone(), width: self.width }
    }
}

impl FaqArgs {
    /// What it asks for.
    pub fn request(&self) -> Request {
        let FaqArgs { words, all, json, explain, width } = self;
        Request::Faq { words: words.clone(), all: *all, json: *json, explain: *explain, width: *width }
    }
}

impl SearchArgs {
    /// What it asks for.
    pub fn request(&self) -> Request {
        Request::Search { words: self.words.clone(), json: self.json, width: self.width }
    }
}

impl NotesArgs {
    /// What it asks for, if it only reads the ledger (listing, exporting).
    pub fn reading(&self) -> Option<Reading> {
        match &self.action {
            None => {
                Some(Reading::Notes { slug: self.slug.clone(), resolved: self.resolved, json: self.json })
            }
            Some(NotesAction::Export { format }) => Some(Reading::Export { format: *format }),
            Some(_) => None,
        }
    }
}

impl ReviewArgs {
    /// What it asks for, if it only reads the ledger (status, log, diff, verify).
    pub fn reading(&self) -> Option<Reading> {
        Some(match &self.action {
            ReviewAction::Status { slug, json, mine, check } => {
                Reading::Status { slug: slug.clone(), json: *json, mine: *mine, check: *check }
            }
            ReviewAction::Log { slug, json } => Reading::Log { slug: slug.clone(), json: *json },
            ReviewAction::Diff { slug, reviewer } => {
                Reading::Diff { slug: slug.clone(), reviewer: reviewer.clone() }
            }
            ReviewAction::Verify { head } => Reading::Verify { head: head.clone() },
            _ => return None,
        })
    }
}

/// The narrowest `--width` that can show a line of text beside its markers.
pub const MIN_WIDTH: usize = 10;

/// Reads `--width`: a whole number of columns, at least [`MIN_WIDTH`].
fn parse_width(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= MIN_WIDTH => Ok(n),
        Ok(_) => Err(crate::strings::width_too_small(MIN_WIDTH)),
        Err(_) => Err(crate::strings::width_not_a_number(MIN_WIDTH)),
    }
}

/// Reads `--theme`: the name of a theme.
fn parse_theme(s: &str) -> Result<crate::app::Theme, String> {
    crate::app::Theme::from_name(s)
        .ok_or_else(|| crate::strings::unknown_theme(s, &crate::app::Theme::names()))
}
