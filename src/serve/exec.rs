//! `ssh host COMMAND`: the lookup commands, run in the server's process on the shared
//! library and printed as into a pipe. Nothing else runs: no shell, no other program, no
//! option that names a file or folder.

use crate::app::SharedIndex;
use crate::cli::{Cli, Command, Failure, NotesAction, ReviewAction, lookup, print, review};
use crate::library::Library;
use crate::search::Index;
use crate::store::Disk;
use crate::strings;
use clap::Parser;
use std::sync::Arc;

/// What a command printed, and its exit status.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Ran {
    /// Standard output.
    pub out: Vec<u8>,
    /// Standard error.
    pub err: Vec<u8>,
    /// The exit status.
    pub status: u32,
    /// The warnings among what went to standard error (the library's, a query cut short),
    /// each once, for the server's log.
    pub warnings: Vec<String>,
}

/// The exit status of a command that is not allowed (as a shell's "cannot execute").
pub const REFUSED: u32 = 126;

/// The commands that may run (`review` only to read: status, log, diff, verify; `notes` only to list or export).
const ALLOWED: [&str; 7] = ["faq", "search", "list", "toc", "show", "notes", "review"];

/// Runs the command line `line` (as `ssh` sent it) for a reviewer whose own files are in
/// `disk`, reading the team's review ledger `ledger`; lookup searches `index`, the library's
/// index shared with the server's sessions (built here if nobody has yet).
pub fn run(
    line: &[u8],
    library: &Library,
    index: &SharedIndex,
    disk: &Disk,
    ledger: &std::path::Path,
) -> Ran {
    let words = match std::str::from_utf8(line).ok().and_then(shlex::split) {
        Some(words) if !words.is_empty() => words,
        _ => return refused(),
    };
    // Anything but a lookup command is refused before it is read as one.
    if !words[0].starts_with('-') && !ALLOWED.contains(&words[0].as_str()) {
        return refused();
    }
    let mut cli = match Cli::try_parse_from(std::iter::once("artikel".to_string()).chain(words)) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string().into_bytes();
            return match e.exit_code() {
                0 => Ran { out: text, ..Ran::default() },
                code => Ran { err: text, status: code.unsigned_abs(), ..Ran::default() },
            };
        }
    };
    // Options naming files or folders would reach past the articles and the ledger.
    if !cli.articles.is_empty() || cli.data_dir.is_some() || cli.ledger.is_some() {
        return refused();
    }
    // `--lang` speaks for this command only (the thread is the pool's; the handler sets it each time).
    if let Some(lang) = cli.lang {
        strings::set_thread_lang(Some(lang.lang()));
    }
    // The ledger commands read the server's folders, never the client's.
    cli.data_dir = Some(disk.dir().to_path_buf());
    cli.ledger = Some(ledger.to_path_buf());
    let cli = cli;
    let Some(command) = &cli.command else { return refused() };
    let index = || index.get_or_init(|| Arc::new(Index::of(library)));
    let (result, out, warnings) = print::capture(|| match command {
        Command::List { slugs: true, .. } => Some(print::slugs(library)),
        Command::List { json, .. } => Some(print::list(library, *json)),
        Command::Toc { slug, json } => Some(find(library, slug).and_then(|i| print::toc(library, i, *json))),
        Command::Show { slug, width, .. } => {
            Some(find(library, slug).and_then(|i| print::show(library, i, print::width(*width))))
        }
        Command::Faq { words, all, json, explain, width } => {
            Some(lookup::faq_in(library, index(), words, *all, *json, *explain, print::width(*width)))
        }
        Command::Search { words, json, width } => {
            Some(lookup::search_in(library, index(), words, *json, print::width(*width)))
        }
        Command::Notes { action: None | Some(NotesAction::Export { .. }), .. }
        | Command::Review {
            action:
                ReviewAction::Status { .. }
                | ReviewAction::Log { .. }
                | ReviewAction::Diff { .. }
                | ReviewAction::Verify { .. },
        } => Some(review::run(&cli, library)),
        _ => None,
    });
    let mut err: Vec<u8> = warnings.iter().flat_map(|w| format!("{w}\n").into_bytes()).collect();
    match result {
        None => refused(),
        Some(Ok(code)) => Ran { out, err, status: code.unsigned_abs(), warnings },
        Some(Err(failure)) => {
            err.extend_from_slice(format!("{}\n", failure.message()).as_bytes());
            Ran { out, err, status: failure.code().unsigned_abs(), warnings }
        }
    }
}

fn find(library: &Library, slug: &str) -> Result<usize, Failure> {
    library.find_or_say(slug).map_err(Failure::failed)
}

fn refused() -> Ran {
    Ran { err: format!("{}\n", strings::SERVE_ONLY_LOOKUP).into_bytes(), status: REFUSED, ..Ran::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ran(line: &str) -> Ran {
        let dir = tempfile::tempdir().expect("temp dir");
        run(
            line.as_bytes(),
            &Library::bundled(),
            &SharedIndex::default(),
            &Disk::new(dir.path()),
            &dir.path().join("review.db"),
        )
    }

    #[test]
    fn a_lookup_prints_as_into_a_pipe() {
        let r = ran("faq knæ trapper");
        assert_eq!(r.status, 0, "{}", String::from_utf8_lossy(&r.err));
        let out = String::from_utf8(r.out).expect("utf-8");
        assert!(out.to_lowercase().contains("trap"), "{out}");
        assert!(!out.contains('\x1b'), "no styling in a pipe: {out:?}");
        let r = ran("toc 'no such article'");
        assert_eq!(r.status, 1);
        assert!(String::from_utf8_lossy(&r.err).contains("no such article"));
    }

    #[test]
    fn anything_else_is_refused() {
        for line in [
            "sh",
            "cat /etc/passwd",
            "",
            "check /etc",
            "review approve nervesmerter",
            "notes add nervesmerter -m hej",
            "--ledger /tmp/other.db review status",
            "serve",
            "open nervesmerter",
            "--articles /etc list",
            "list --data-dir /",
            "faq 'unbalanced",
            "sh -c id",
        ] {
            let r = ran(line);
            assert_eq!(r.status, REFUSED, "{line:?} ran");
            assert!(r.out.is_empty(), "{line:?} printed");
        }
        assert_eq!(ran("faq").status, 2, "a usage error is one");
    }

    #[test]
    fn warnings_go_to_the_clients_stderr_not_the_servers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
        let library = Library::load(&[fixtures]);
        assert!(!library.warnings.is_empty(), "the fixtures have problems");
        let r = run(
            b"list",
            &library,
            &SharedIndex::default(),
            &Disk::new(dir.path()),
            &dir.path().join("review.db"),
        );
        assert_eq!(r.status, 0);
        let err = String::from_utf8(r.err).expect("utf-8");
        assert_eq!(r.warnings.len(), library.warnings.len(), "{err}");
        for w in &library.warnings {
            assert!(err.contains(&format!("warning: {w}\n")), "{w} is told to the client: {err}");
        }
        assert!(!String::from_utf8_lossy(&r.out).contains("warning"), "warnings stay off stdout");
    }

    #[test]
    fn review_status_and_notes_read_the_servers_ledger() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ledger = dir.path().join("team.db");
        let go = |line: &str| {
            run(
                line.as_bytes(),
                &Library::bundled(),
                &SharedIndex::default(),
                &Disk::new(dir.path()),
                &ledger,
            )
        };
        let r = go("review status nervesmerter");
        assert_eq!(r.status, 0, "{}", String::from_utf8_lossy(&r.err));
        assert!(String::from_utf8_lossy(&r.out).contains("nervesmerter"));
        assert_eq!(go("notes").status, 0);
        assert!(ledger.is_file(), "the ledger named by the server is the one read");
    }
}
