//! The command line: arguments, and the commands that print instead of opening the reader.

mod args;
mod check;
mod check_cache;
pub(crate) mod config;
mod man;
mod notes;
mod print;
pub(crate) mod review;
mod shared;
mod shell;

pub use crate::commands::Failure;
pub use crate::commands::args::{ColorChoice, LangChoice, NotesAction, ReportFormat, ReviewAction};
pub use crate::serve_options::{Ground, Options as ServeOptions};
pub use args::{Cli, Command};

use crate::app::App;
use crate::backend::Colors;
use crate::commands::{Reading, Request, Shelf, find};
use crate::library::{Library, user_articles_dir};
use crate::search::{Index, Query};
use crate::strings;
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::sync::OnceLock;

/// How `artikel serve` is run: given by the caller, so that the command line does not hold
/// the server; both run the printing commands through [`crate::commands`].
pub type Serve = fn(Library, &ServeOptions, Ground) -> Result<i32, Failure>;

/// Runs what the command line asks for, `artikel serve` with `serve`; returns the process's
/// exit code.
pub fn run(mut cli: Cli, serve: Serve) -> i32 {
    let flag = cli.global.lang.map(LangChoice::lang);
    cli.clock = crate::clock::Clock::from_env();
    cli.settings = config::in_force(&cli);
    strings::set_lang(strings::choose_from_env(flag, cli.settings.language.value));
    // Read again, so that what it says is in the language it chose.
    cli.settings = config::in_force(&cli);
    if cli.command.is_some() && !matches!(cli.command, Some(Command::Open { .. })) {
        // The reader lists them under `w`; a command says them once.
        for warning in &cli.settings.warnings {
            eprintln!("{}", crate::sanitize::visible(warning));
        }
    }
    if let Some(Command::Config { path, json }) = &cli.command {
        return config::run(&cli.settings, *path, *json);
    }
    // The shell's scripts and the man page need no articles.
    let shell = matches!(cli.command, Some(Command::Completions { .. } | Command::Man { .. }));
    // A command that prints leaves its library to the process's exit: freeing thousands of
    // articles one by one is time spent after the answer is out.
    let library = ManuallyDrop::new(if shell { Library::default() } else { load(&cli) });
    // The index, and the ledger for a command that reads it, only when asked for.
    let index = ManuallyDrop::new(OnceLock::new());
    let ledger = || Ok(review::options(&cli, store_disk(&cli)?.dir()));
    let shelf = Shelf { library: &library, index: &index, ledger: &ledger };
    let result = match &cli.command {
        Some(Command::List(a)) => print::run(&a.request(), &shelf, false),
        Some(Command::Toc(a)) => print::run(&a.request(), &shelf, false),
        Some(Command::Show(a)) => print::run(&a.request(), &shelf, a.no_pager),
        Some(Command::Faq(a)) => print::run(&a.request(), &shelf, false),
        Some(Command::Search(a)) => print::run(&a.request(), &shelf, false),
        Some(Command::Check { dirs, json, no_cache }) => check::run(&cli, &library, dirs, *json, !no_cache),
        Some(Command::Notes(_) | Command::Review(_)) => match reading(cli.command.as_ref()) {
            Some(reading) => print::run(&Request::Ledger(reading), &shelf, false),
            None => review::run(&cli, &library),
        },
        Some(Command::Serve(options)) => store_disk(&cli).and_then(|disk| {
            let ground = Ground {
                ledger: review::options(&cli, disk.dir()).path,
                data_dir: disk.dir().to_path_buf(),
                clock: cli.clock,
            };
            serve(ManuallyDrop::into_inner(library), options, ground)
        }),
        Some(Command::Config { .. }) => Ok(0),
        Some(Command::Open { slug, section }) => place(&library, slug).and_then(|start| {
            reader(ManuallyDrop::into_inner(library), start.with_section(section.as_deref()), &cli)
        }),
        None if cli.query.is_empty() => {
            reader(ManuallyDrop::into_inner(library), Start { plain: true, ..Start::top(0) }, &cli)
        }
        None => shortcut(&library, &cli.query)
            .and_then(|start| reader(ManuallyDrop::into_inner(library), start, &cli)),
        Some(Command::Completions { shell }) => shell::completions(*shell),
        Some(Command::Man { dir }) => shell::man(dir.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            // Every failure passes here: whatever it quotes (a word the user typed, a path) is
            // shown, never sent to the terminal.
            eprintln!("{}", crate::sanitize::visible(failure.message()));
            failure.code()
        }
    }
}

/// What `notes` or `review` asks for, if it only reads the ledger.
fn reading(command: Option<&Command>) -> Option<Reading> {
    match command {
        Some(Command::Notes(a)) => a.reading(),
        Some(Command::Review(a)) => a.reading(),
        _ => None,
    }
}

pub use crate::strings::DataDirFrom;

/// The data folder and where it was named: `--data-dir`, else `ARTIKEL_DATA_DIR`, else the
/// platform's. An empty value counts as not given (an empty path would mean the current folder).
pub fn data_dir(cli: &Cli) -> Option<(PathBuf, DataDirFrom)> {
    let given = |p: PathBuf| Some(p).filter(|p| !p.as_os_str().is_empty());
    cli.global
        .data_dir
        .clone()
        .and_then(given)
        .map(|p| (p, DataDirFrom::Flag))
        .or_else(|| {
            std::env::var_os("ARTIKEL_DATA_DIR")
                .map(PathBuf::from)
                .and_then(given)
                .map(|p| (p, DataDirFrom::Env))
        })
        .or_else(|| {
            directories::ProjectDirs::from("", "", "artikel")
                .map(|d| (d.data_dir().to_path_buf(), DataDirFrom::Platform))
        })
}

/// The store of notes, bookmarks and reviews, in the data folder; an error that says what is
/// wrong and where when there is no data folder or it is not a folder.
pub fn store_disk(cli: &Cli) -> Result<crate::store::Disk, Failure> {
    let (dir, from) = data_dir(cli).ok_or_else(|| Failure::failed(strings::NO_DATA_DIR.to_string()))?;
    crate::commands::data_folder(dir, from)
}

fn load(cli: &Cli) -> Library {
    Library::load(&article_dirs(cli))
}

/// The folders articles are loaded from, after the bundled ones: the data folder's, then `--articles`.
fn article_dirs(cli: &Cli) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(user) = data_dir(cli).map(|(d, _)| user_articles_dir(&d)).filter(|d| d.is_dir()) {
        dirs.push(user);
    }
    dirs.extend(cli.global.articles.iter().cloned());
    dirs
}

/// Where the reader starts: an article, maybe a heading of it (by anchor or by words).
struct Start {
    plain: bool,
    article: usize,
    anchor: Option<String>,
    section: Option<String>,
    heading: Option<usize>,
    /// A warning sign's level of care, said in the status line as the reader opens.
    care: Option<String>,
}

impl Start {
    fn top(article: usize) -> Start {
        Start { plain: false, article, anchor: None, section: None, heading: None, care: None }
    }

    /// Whether nothing was asked for but the reader: then the last article read opens.
    fn is_plain(&self) -> bool {
        self.article == 0
            && self.anchor.is_none()
            && self.section.is_none()
            && self.heading.is_none()
            && self.plain
    }

    fn with_section(self, section: Option<&str>) -> Start {
        Start { section: section.map(str::to_string), ..self }
    }
}

/// `slug` or `slug#anchor`.
fn place(library: &Library, target: &str) -> Result<Start, Failure> {
    let (slug, anchor) = match target.split_once('#') {
        Some((slug, anchor)) => (slug, Some(anchor.to_string())),
        None => (target, None),
    };
    Ok(Start { anchor, ..Start::top(find(library, slug)?) })
}

/// `artikel WORDS…`: a slug (or slug#anchor) opens that article; other words open the best
/// answer to them.
fn shortcut(library: &Library, words: &[String]) -> Result<Start, Failure> {
    if let [one] = words
        && library.exact_slug(one.split('#').next().unwrap_or("")).is_some()
    {
        return place(library, one);
    }
    let text = words.join(" ");
    let query = Query::new(&text);
    let index = Index::of(library);
    let hit = index.best_answer(&query).ok_or_else(|| {
        Failure::failed(if query.only_common {
            strings::only_common_words(&text)
        } else {
            strings::no_answer(&text)
        })
    })?;
    let care = index.reading(&query).care().map(|c| c.line());
    Ok(Start {
        heading: hit.target.heading.map(|h| h as usize),
        care,
        ..Start::top(hit.target.article as usize)
    })
}

/// How to draw on this terminal: colour as asked (none under NO_COLOR, unless `always`),
/// ASCII when asked or when the locale is not UTF-8.
pub fn terminal_options(cli: &Cli) -> crate::tui::Options {
    let env = |key: &str| std::env::var(key).ok().filter(|v| !v.is_empty());
    let colors = match cli.global.color {
        ColorChoice::Always => Colors::On,
        ColorChoice::Never => Colors::Off,
        ColorChoice::Auto if env("NO_COLOR").is_some() => Colors::Off,
        ColorChoice::Auto => Colors::On,
    };
    let locale = env("LC_ALL").or_else(|| env("LC_CTYPE")).or_else(|| env("LANG")).unwrap_or_default();
    let utf8 = locale.to_ascii_lowercase().replace('-', "").contains("utf8");
    crate::tui::Options { colors, ascii: cli.global.ascii || !utf8 }
}

fn reader(library: Library, start: Start, cli: &Cli) -> Result<i32, Failure> {
    if !crate::tui::have_terminal() {
        return Err(Failure::usage(strings::NOT_A_TERMINAL.to_string()));
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Err(Failure::usage(strings::DUMB_TERMINAL.to_string()));
    }
    let disk = store_disk(cli)?;
    let loaded = disk.load();
    let last = loaded.store.last_article.as_deref().and_then(|slug| library.position(slug));
    let article = if start.is_plain() { last.unwrap_or(start.article) } else { start.article };
    let mut app = App::new(library, article, cli.clock);
    let options = terminal_options(cli);
    config::adopt(&mut app, &cli.settings, options.colors);
    app.hyperlinks = cli.global.hyperlinks || cli.settings.hyperlinks.value;
    // The ledger is opened by the loop after the first frame; the marks show once known.
    // Every write is recorded as the operating-system account, as the commands record it
    // (never ARTIKEL_USER, which can say anything); the reader compares that account with a
    // comment's author to let its author edit it.
    app.reviewer = crate::store::account();
    let ledger = crate::ledger::Link::new(review::options(cli, disk.dir()));
    app.reviews = crate::ledger::Desk::waiting();
    app.adopt_personal(loaded, disk.dir());
    // Live reload: the article folders on disk (never the bundled articles) are watched.
    let watched = crate::ledger::Options { import: None, ..review::options(cli, disk.dir()) };
    app.watch(crate::watch::Spec { dirs: article_dirs(cli), ledger: Some(watched) });
    if let Some(i) = start.heading {
        app.jump_to_heading(i);
    }
    if let Some(anchor) = &start.anchor {
        app.ensure_parsed();
        match app.doc.outline.by_anchor(anchor) {
            Some(i) => app.jump_to_heading(i),
            None => app.message = Some(strings::no_anchor(anchor)),
        }
    }
    if let Some(text) = &start.section
        && !app.jump_to_section(text)
    {
        app.message = Some(strings::no_section(text));
    }
    if let Some(care) = start.care {
        app.message = Some(care);
    }
    crate::tui::run(app, options, Some(disk), Some(ledger))
        .map_err(|e| Failure::failed(strings::terminal_error(&e.to_string())))
}
