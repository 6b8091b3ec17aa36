//! Fitting the shell: completion scripts and the man page from the real binary, and `show`
//! through `$PAGER` on a terminal (a fake pager in a pseudo-terminal), not through it with
//! `--no-pager` or when stdout is not a terminal.

mod common;

use common::Session;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

const TITLE: &str = "Nervesmerter – Hvad er nervesmerter? Bliv klogere her";

fn artikel(args: &[&str], env: &[(&str, &str)]) -> Output {
    let data = tempfile::tempdir().expect("temp data dir");
    let mut command = Command::new(common::bin());
    command.args(args).env("ARTIKEL_DATA_DIR", data.path()).env("ARTIKEL_LANG", "en");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run artikel")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

#[test]
fn completion_scripts_name_the_commands_and_bash_reads_its_own() {
    let bash = artikel(&["completions", "bash"], &[]);
    assert!(bash.status.success());
    let script = stdout(&bash);
    for word in ["show", "completions", "man", "--no-pager", "--data-dir", "zsh"] {
        assert!(script.contains(word), "the bash script offers {word}");
    }
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("artikel.bash");
    std::fs::write(&file, &script).expect("write");
    let checked = Command::new("bash").arg("-n").arg(&file).output().expect("bash -n");
    assert!(checked.status.success(), "bash parses it: {}", String::from_utf8_lossy(&checked.stderr));
    let sourced = Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p artikel", file.display()))
        .output()
        .expect("bash");
    assert!(stdout(&sourced).contains("_artikel"), "sourcing registers the completion");
    for (shell, mark) in [
        ("zsh", "#compdef artikel"),
        ("fish", "complete -c artikel"),
        ("elvish", "edit:completion:arg-completer[artikel]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = artikel(&["completions", shell], &[]);
        assert!(out.status.success(), "{shell}");
        let text = stdout(&out);
        assert!(text.contains(mark), "{shell}: {}", &text[..text.len().min(200)]);
        assert!(text.contains("completions"), "{shell} offers the subcommands");
    }
    let unknown = artikel(&["completions", "tcsh"], &[]);
    assert_eq!(unknown.status.code(), Some(2), "an unknown shell is a usage error");
}

#[test]
fn the_man_page_is_roff_with_the_commands_and_man_reads_it() {
    let out = artikel(&["man"], &[]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH artikel 1"), "{}", &page[..page.len().min(300)]);
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "has {section}");
    }
    assert!(page.contains("completions") && page.contains("show"), "lists the commands");
    // groff formats it without complaint; a machine without groff must say it skips this.
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("artikel.1");
    std::fs::write(&file, &page).expect("write");
    let groff = Command::new("groff").args(["-k", "-man", "-Tutf8", "-ww"]).arg(&file).output();
    if groff.is_err() {
        let skip = std::env::var_os("ARTIKEL_TEST_SKIP_GROFF").is_some();
        assert!(
            skip,
            "groff is not installed: install it, or set ARTIKEL_TEST_SKIP_GROFF=1 to skip formatting the man page"
        );
        eprintln!("SKIPPED: the man page was not formatted (groff is not installed)");
    }
    if let Ok(formatted) = groff {
        assert!(formatted.status.success());
        // Bold and underline come as overstrikes (a character, a backspace, the character).
        let mut text = String::new();
        for c in String::from_utf8_lossy(&formatted.stdout).chars() {
            if c == '\u{8}' {
                text.pop();
            } else {
                text.push(c);
            }
        }
        assert!(text.contains("SYNOPSIS") && text.contains("ARTIKEL_DATA_DIR"), "{text}");
        assert!(formatted.stderr.is_empty(), "groff warns: {}", String::from_utf8_lossy(&formatted.stderr));
    }
    // With --dir, a page for each command the main page refers to.
    let pages = artikel(&["man", "--dir", dir.path().to_str().expect("utf-8 path")], &[]);
    assert!(pages.status.success());
    for name in ["artikel.1", "artikel-show.1", "artikel-completions.1", "artikel-review-approve.1"] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap_or_default();
        assert!(text.contains(".TH"), "{name} written");
    }
    let show = std::fs::read_to_string(dir.path().join("artikel-show.1")).unwrap_or_default();
    assert!(show.contains("no\\-pager"), "the show page has its options");
}

/// A pager that keeps what it was given (and the `LESS` it saw) in `out`, and says it ran.
fn fake_pager(dir: &Path) -> (PathBuf, PathBuf) {
    let out = dir.join("paged.txt");
    let script = dir.join("pager.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s' \"$LESS\" > '{0}.less'\ncat > '{0}'\necho 'PAGER RAN'\n",
            out.display()
        ),
    )
    .expect("write the pager");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    (script, out)
}

fn show_in_pty(args: &[&str], env: &[(&str, &str)]) -> Session {
    let data = tempfile::tempdir().expect("temp data dir");
    let mut env = env.to_vec();
    env.push(("ARTIKEL_LANG", "en"));
    let mut s = Session::start_with(args, 80, 24, data.path(), &env);
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0), "{}", s.rows().join("\n"));
    s
}

#[test]
fn show_on_a_terminal_goes_through_the_pager_with_less_set_as_git_does() {
    let dir = tempfile::tempdir().expect("temp");
    let (pager, out) = fake_pager(dir.path());
    let pager = pager.to_str().expect("utf-8 path");
    let s = show_in_pty(&["show", "nervesmerter"], &[("PAGER", pager), ("LESS", "")]);
    s.wait_text("PAGER RAN");
    let paged = std::fs::read_to_string(&out).expect("the pager got the text");
    assert!(paged.contains(TITLE), "the whole article went to the pager");
    assert!(paged.contains("\u{1b}["), "styled, as for a terminal");
    assert_eq!(std::fs::read_to_string(dir.path().join("paged.txt.less")).expect("LESS"), "FRX");
    assert!(!s.rows().iter().any(|r| r.contains("Updated 19/02/2025")), "the text is the pager's to show");

    // The user's own LESS is left alone.
    let s = show_in_pty(&["show", "nervesmerter"], &[("PAGER", pager), ("LESS", "-S")]);
    s.wait_text("PAGER RAN");
    assert_eq!(std::fs::read_to_string(dir.path().join("paged.txt.less")).expect("LESS"), "-S");
}

#[test]
fn no_pager_and_a_pipe_print_straight_away() {
    let dir = tempfile::tempdir().expect("temp");
    let (pager, out) = fake_pager(dir.path());
    let pager = pager.to_str().expect("utf-8 path");
    let s = show_in_pty(&["show", "nervesmerter", "--no-pager"], &[("PAGER", pager)]);
    s.wait_text("nervesmerter");
    assert!(!out.exists(), "--no-pager does not start the pager");
    assert!(!s.rows().iter().any(|r| r.contains("PAGER RAN")));

    let piped = artikel(&["show", "nervesmerter"], &[("PAGER", pager)]);
    assert!(piped.status.success());
    assert!(stdout(&piped).starts_with(TITLE), "printed to the pipe");
    assert!(!out.exists(), "a pipe is not a terminal: no pager");
}

#[test]
fn quitting_the_pager_early_is_not_an_error() {
    let data = tempfile::tempdir().expect("temp");
    let articles = tempfile::tempdir().expect("temp");
    // Longer than a pipe holds, so the pager leaves while artikel is still writing.
    let text = artikel::corpus::article("Rygsmerter", 3, 400_000);
    std::fs::write(articles.path().join("lang.md"), &text).expect("write");
    let folder = articles.path().to_str().expect("utf-8 path");
    let env = [("PAGER", "head -n 3"), ("ARTIKEL_LANG", "en")];
    let mut s = Session::start_with(&["--articles", folder, "show", "lang"], 80, 24, data.path(), &env);
    assert_eq!(s.wait_exit(Duration::from_secs(10)), Some(0), "{}", s.rows().join("\n"));
    s.wait_text("Rygsmerter – generated article 3");
    let out = String::from_utf8_lossy(&s.output()).into_owned();
    assert!(!out.contains("cannot write") && !out.contains("Broken pipe"), "{out}");
}

#[test]
fn a_pager_that_does_not_start_falls_back_to_printing() {
    for pager in ["/no/such/pager", "NOTHING=here no-such-pager-either"] {
        let s = show_in_pty(&["show", "nervesmerter"], &[("PAGER", pager)]);
        let out = String::from_utf8_lossy(&s.output()).into_owned();
        assert!(out.contains("could not start the pager"), "{pager}: said why: {out}");
        assert!(out.contains("Updated 19/02/2025"), "{pager}: the article is printed");
    }
}
