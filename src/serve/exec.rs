//! `ssh host COMMAND`: the lookup commands, run in the server's process on the shared
//! library and printed as into a pipe. Nothing else runs: no shell, no other program, no
//! option that names a file or folder.

use crate::app::SharedIndex;
use crate::commands::line::{COMMANDS, Line};
use crate::commands::{self, Io, Request, Shelf};
use crate::library::Library;
use crate::store::Disk;
use crate::strings::{self, DataDirFrom};
use clap::Parser;

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
    let request = match read(line) {
        Ok(request) => request,
        Err(ran) => return ran,
    };
    // The ledger commands read the server's folders, never the client's.
    let ledger = || {
        let disk = commands::data_folder(disk.dir().to_path_buf(), DataDirFrom::Flag)?;
        Ok(commands::ledger_options(Some(ledger.to_path_buf()), disk.dir()))
    };
    let shelf = Shelf { library, index, ledger: &ledger };
    let (mut out, mut warnings) = (Vec::new(), Vec::new());
    let mut warn = |line: &str| warnings.push(line.to_string());
    // As into a pipe: no styling, 80 columns unless asked.
    let mut io = Io { out: &mut out, warn: &mut warn, terminal: false, columns: None };
    let result = commands::run(&request, &shelf, &mut io);
    let mut err: Vec<u8> = warnings.iter().flat_map(|w| format!("{w}\n").into_bytes()).collect();
    match result {
        Ok(code) => Ran { out, err, status: code.unsigned_abs(), warnings },
        Err(failure) => {
            err.extend_from_slice(format!("{}\n", failure.message()).as_bytes());
            Ran { out, err, status: failure.code().unsigned_abs(), warnings }
        }
    }
}

/// The request `line` makes, or what to answer instead: a refusal, a usage error, the help.
/// `--lang` is set for this thread (it speaks for this command only: the thread is the pool's,
/// and the handler sets its language each time).
fn read(line: &[u8]) -> Result<Request, Ran> {
    let words = match std::str::from_utf8(line).ok().and_then(shlex::split) {
        Some(words) if !words.is_empty() => words,
        _ => return Err(refused()),
    };
    // Anything but a printing command is refused before it is read as one.
    if !words[0].starts_with('-') && !COMMANDS.contains(&words[0].as_str()) {
        return Err(refused());
    }
    let line = Line::try_parse_from(std::iter::once("artikel".to_string()).chain(words)).map_err(|e| {
        let text = e.render().to_string().into_bytes();
        match e.exit_code() {
            0 => Ran { out: text, ..Ran::default() },
            code => Ran { err: text, status: code.unsigned_abs(), ..Ran::default() },
        }
    })?;
    // Options naming files or folders would reach past the articles and the ledger.
    if line.global.names_a_file() {
        return Err(refused());
    }
    if let Some(lang) = line.global.lang {
        strings::set_thread_lang(Some(lang.lang()));
    }
    line.request().ok_or_else(refused)
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
            "review policy",
            "notes resolve abc",
            "--lang da knæ trapper",
            "help",
        ] {
            let r = ran(line);
            assert_eq!(r.status, REFUSED, "{line:?} ran");
            assert!(r.out.is_empty(), "{line:?} printed");
        }
        assert_eq!(ran("faq").status, 2, "a usage error is one");
    }

    #[test]
    fn help_lists_what_runs_and_a_commands_help_and_errors_are_as_at_home() {
        let text =
            |r: &Ran| String::from_utf8_lossy(if r.status == 0 { &r.out } else { &r.err }).into_owned();
        let help = ran("--help");
        assert_eq!((help.status, help.err.is_empty()), (0, true));
        let said = text(&help);
        assert!(said.contains("\n  faq ") && said.contains("\n  review "), "{said}");
        assert!(!said.contains("\n  check ") && !said.contains("\n  serve "), "only what runs: {said}");
        let faq = ran("faq --help");
        assert_eq!(faq.status, 0);
        assert!(text(&faq).contains("Usage: artikel faq [OPTIONS] <WORDS>..."), "{}", text(&faq));
        assert!(
            text(&ran("review help")).contains("Usage: artikel review [OPTIONS] <COMMAND>"),
            "clap's help command"
        );
        assert!(text(&ran("--version")).starts_with("artikel "));
        let wrong = ran("list --bogus");
        assert_eq!((wrong.status, wrong.out.is_empty()), (2, true));
        assert!(text(&wrong).contains("unexpected argument '--bogus'"), "{}", text(&wrong));
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
