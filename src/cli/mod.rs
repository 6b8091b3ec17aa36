//! The command line: arguments, and the commands that print instead of opening the reader.

mod args;
mod print;

pub use args::{Cli, Command};

use crate::app::App;
use crate::library::{Library, user_articles_dir};
use crate::strings;
use std::path::PathBuf;

/// Runs what the command line asks for; returns the process's exit code.
pub fn run(cli: Cli) -> i32 {
    let library = load(&cli);
    let result = match cli.command {
        Some(Command::List) => print::list(&library),
        Some(Command::Toc { slug }) => find(&library, &slug).and_then(|i| print::toc(&library, i)),
        Some(Command::Show { slug, width }) => {
            find(&library, &slug).and_then(|i| print::show(&library, i, width))
        }
        Some(Command::Open { slug, section }) => {
            find(&library, &slug).and_then(|i| reader(library, i, section.as_deref()))
        }
        None => reader(library, 0, None),
    };
    match result {
        Ok(code) => code,
        Err((code, message)) => {
            eprintln!("{message}");
            code
        }
    }
}

/// A failed command: its exit code and what to tell the user.
type Failure = (i32, String);

/// The data folder: `--data-dir`, else `ARTIKEL_DATA_DIR`, else the platform's.
pub fn data_dir(cli: &Cli) -> Option<PathBuf> {
    cli.data_dir
        .clone()
        .or_else(|| std::env::var_os("ARTIKEL_DATA_DIR").map(PathBuf::from))
        .or_else(|| directories::ProjectDirs::from("", "", "artikel").map(|d| d.data_dir().to_path_buf()))
}

fn load(cli: &Cli) -> Library {
    let mut dirs = Vec::new();
    if let Some(user) = data_dir(cli).map(|d| user_articles_dir(&d)).filter(|d| d.is_dir()) {
        dirs.push(user);
    }
    dirs.extend(cli.articles.iter().cloned());
    Library::load(&dirs)
}

fn find(library: &Library, slug: &str) -> Result<usize, Failure> {
    library.position(slug).ok_or_else(|| (1, strings::unknown_slug(slug, &library.slugs())))
}

fn reader(library: Library, index: usize, section: Option<&str>) -> Result<i32, Failure> {
    if !crate::tui::have_terminal() {
        return Err((2, strings::NOT_A_TERMINAL.to_string()));
    }
    let mut app = App::new(library, index);
    if let Some(text) = section
        && !app.jump_to_text(text)
    {
        app.message = Some(strings::no_section(text));
    }
    crate::tui::run(app).map_err(|e| (1, format!("artikel: terminal error: {e}")))
}
