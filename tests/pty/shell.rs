//! Fitting the shell: completion scripts and the man page from the real binary, and `show`
//! through `$PAGER` on a terminal (a fake pager in a pseudo-terminal), not through it with
//! `--no-pager` or when stdout is not a terminal.

use crate::common;

use common::Session;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

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

/// What bash completes for `words` (the last one being completed) with artikel's script, the
/// binary on the PATH as a user has it.
fn bash_completes(script: &Path, words: &[&str], data: &Path) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_LINE=\"${{COMP_WORDS[*]}}\"\nCOMP_POINT=${{#COMP_LINE}}\n\
         _artikel_slugs artikel \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words.len() - 1
    );
    let bin = Path::new(common::bin()).parent().expect("the binary's folder").to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("bash")
        .arg("-c")
        .arg(program)
        .env("PATH", path)
        .env("ARTIKEL_DATA_DIR", data)
        .output()
        .expect("bash");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    stdout(&out).lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
}

#[test]
fn completion_offers_the_slugs_of_the_library_in_force() {
    let dir = tempfile::tempdir().expect("temp");
    let script = dir.path().join("artikel.bash");
    std::fs::write(&script, stdout(&artikel(&["completions", "bash"], &[]))).expect("write");
    let data = tempfile::tempdir().expect("temp data dir");
    assert_eq!(bash_completes(&script, &["artikel", "show", "kn"], data.path()), ["knaesmerter"]);
    assert_eq!(
        bash_completes(&script, &["artikel", "review", "approve", "nerv"], data.path()),
        ["nervesmerter"]
    );
    // An article of a folder named on the line is offered; options are still clap's.
    let articles = tempfile::tempdir().expect("temp");
    std::fs::write(articles.path().join("skuldersmerter.md"), "---\nmetaTitle: Skulder\n---\nTekst\n")
        .expect("write");
    let folder = articles.path().to_str().expect("utf-8 path");
    let offered = bash_completes(&script, &["artikel", "--articles", folder, "toc", "sku"], data.path());
    assert_eq!(offered, ["skuldersmerter"]);
    assert!(
        bash_completes(&script, &["artikel", "show", "--no-p"], data.path())
            .contains(&"--no-pager".to_string())
    );
    assert!(bash_completes(&script, &["artikel", "sh"], data.path()).contains(&"show".to_string()));
    // zsh and fish call the same list where a command takes an article.
    let zsh = stdout(&artikel(&["completions", "zsh"], &[]));
    assert!(zsh.contains("_artikel_slugs()") && zsh.contains("':slug -- The article:_artikel_slugs'"));
    assert!(zsh.find("_artikel_slugs()") < zsh.find("if [ \"$funcstack[1]\""), "defined before it is called");
    let fish = stdout(&artikel(&["completions", "fish"], &[]));
    assert!(
        fish.contains(
            "__fish_artikel_using_subcommand show toc open notes\" -f -a \"(__fish_artikel_slugs)\""
        )
    );
    assert!(fish.contains("list --slugs") && zsh.contains("list --slugs"));
}

#[test]
fn a_slug_that_looks_like_shell_code_is_offered_as_text_and_never_run() {
    let dir = tempfile::tempdir().expect("temp");
    let script = dir.path().join("artikel.bash");
    std::fs::write(&script, stdout(&artikel(&["completions", "bash"], &[]))).expect("write");
    let articles = tempfile::tempdir().expect("temp");
    std::fs::write(articles.path().join("$(touch${IFS}pwned).md"), "---\nmetaTitle: X\n---\nTekst\n")
        .expect("write");
    std::fs::write(articles.path().join("*.md"), "---\nmetaTitle: Y\n---\nTekst\n").expect("write");
    let folder = articles.path().to_str().expect("utf-8 path");
    let program = format!(
        "source '{}'\nCOMP_WORDS=(artikel --articles '{folder}' show '')\nCOMP_CWORD=4\n\
         _artikel_slugs artikel '' show\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display()
    );
    let bin = Path::new(common::bin()).parent().expect("the binary's folder").to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let data = tempfile::tempdir().expect("temp data dir");
    let out = Command::new("bash")
        .arg("-c")
        .arg(program)
        .current_dir(dir.path())
        .env("PATH", path)
        .env("ARTIKEL_DATA_DIR", data.path())
        .output()
        .expect("bash");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let offered: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert!(!dir.path().join("pwned").exists(), "the file name ran as a command");
    assert!(offered.contains(&"\\$\\(touch\\$\\{IFS\\}pwned\\)".to_string()), "offered quoted: {offered:?}");
    assert!(offered.contains(&"\\*".to_string()), "a * is not a pattern: {offered:?}");
    assert!(offered.contains(&"knaesmerter".to_string()), "{offered:?}");
}

/// What an interactive zsh shows after `typed` and Tab, with artikel's script loaded (driven
/// through zsh's own pseudo-terminal module), once `wanted` shows or ten seconds pass. zsh
/// must be there (`.ci/run` installs it).
fn zsh_completes(script: &Path, typed: &str, wanted: &str, data: &Path) -> String {
    let driver = format!(
        "zmodload zsh/zpty\nzpty z zsh -f -i\n\
         zpty -w z 'PS1=\"> \"; autoload -U compinit && compinit -u -D; source {}'\n\
         zpty -w -n z $'{typed}\\t'\nout=''\n\
         for i in {{1..100}}; do\n  while zpty -r -t z chunk; do out+=$chunk; done\n\
           [[ $out == *'{wanted}'* ]] && break\n  sleep 0.1\ndone\nprint -r -- \"$out\"\nzpty -d z\n",
        script.display()
    );
    let bin = Path::new(common::bin()).parent().expect("the binary's folder").to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("zsh")
        .arg("-f")
        .arg("-c")
        .arg(driver)
        .env("PATH", path)
        .env("ARTIKEL_DATA_DIR", data)
        .output();
    let out = out.expect("zsh is installed (apt-get install zsh; .ci/run does it)");
    stdout(&out)
}

#[test]
fn zsh_completes_slugs_and_still_the_commands_options() {
    let dir = tempfile::tempdir().expect("temp");
    let script = dir.path().join("_artikel");
    std::fs::write(&script, stdout(&artikel(&["completions", "zsh"], &[]))).expect("write");
    let data = tempfile::tempdir().expect("temp data dir");
    for (typed, wanted) in [
        ("artikel show kn", "artikel show knaesmerter"),
        ("artikel review approve nerv", "artikel review approve nervesmerter"),
        ("artikel notes add kn", "artikel notes add knaesmerter"),
        // Only this command's words count: what runs before it on the line is never run.
        ("true && artikel show kn", "true && artikel show knaesmerter"),
        ("ARTIKEL_LANG=da artikel show kn", "ARTIKEL_LANG=da artikel show knaesmerter"),
        // A command's options and the commands themselves are still offered.
        ("artikel show --no-p", "artikel show --no-pager"),
        ("artikel sh", "artikel show"),
    ] {
        let shown = zsh_completes(&script, typed, wanted, data.path());
        assert!(shown.contains(wanted), "{typed}<Tab> shows {wanted}: {shown:?}");
    }
}

#[test]
fn fish_completes_slugs_of_the_library_in_force() {
    let dir = tempfile::tempdir().expect("temp");
    let script = dir.path().join("artikel.fish");
    std::fs::write(&script, stdout(&artikel(&["completions", "fish"], &[]))).expect("write");
    let data = tempfile::tempdir().expect("temp data dir");
    let articles = tempfile::tempdir().expect("temp");
    std::fs::write(articles.path().join("skuldre.md"), "---\nmetaTitle: S\n---\nTekst\n").expect("write");
    let folder = articles.path().display();
    let bin = Path::new(common::bin()).parent().expect("the binary's folder").to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    for (typed, wanted) in [
        ("artikel show kn".to_string(), "knaesmerter"),
        ("artikel review approve nerv".to_string(), "nervesmerter"),
        (format!("artikel --articles {folder} toc skuldr"), "skuldre"),
        ("artikel show --no-p".to_string(), "--no-pager"),
    ] {
        let program = format!("source '{}'; complete -C '{typed}'", script.display());
        let out = Command::new("fish")
            .args(["-N", "-c", &program])
            .env("PATH", &path)
            .env("HOME", data.path())
            .env("ARTIKEL_DATA_DIR", data.path())
            .output();
        let out = out.expect("fish is installed (apt-get install fish; .ci/run does it)");
        let offered: Vec<String> =
            stdout(&out).lines().map(|l| l.split('\t').next().unwrap_or("").to_string()).collect();
        assert_eq!(offered, [wanted], "{typed}");
    }
}

/// `page` formatted by groff for 80 columns as `man` does, its overstrikes (bold, underline)
/// taken out; what groff said on stderr. groff must be there (`.ci/run` installs it): a page
/// nobody formatted is not known to read well.
fn formatted(page: &str) -> (String, String) {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("artikel.1");
    std::fs::write(&file, page).expect("write");
    let groff = Command::new("groff").args(["-k", "-man", "-Tutf8", "-ww", "-rLL=78n"]).arg(&file).output();
    let groff = groff.expect("groff is installed (apt-get install groff-base; .ci/run does it)");
    assert!(groff.status.success(), "groff formats it");
    let mut text = String::new();
    for c in String::from_utf8_lossy(&groff.stdout).chars() {
        if c == '\u{8}' {
            text.pop();
        } else {
            text.push(c);
        }
    }
    (text, String::from_utf8_lossy(&groff.stderr).into_owned())
}

#[test]
fn the_man_page_has_the_commands_keys_files_environment_and_exit_status() {
    let out = artikel(&["man"], &[]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH artikel 1"), "{}", &page[..page.len().min(300)]);
    let (text, warnings) = formatted(&page);
    assert!(warnings.is_empty(), "groff warns: {warnings}");
    let sections = [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "KEYS",
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
        "SEE ALSO",
    ];
    let mut at = 0;
    for section in sections {
        let found = text[at..].find(&format!("\n{section}\n")).map(|i| at + i);
        at = found.unwrap_or_else(|| panic!("{section} after the sections before it:\n{text}"));
    }
    // The commands with their usage, nested ones too; the keys as the help lists them.
    for line in ["artikel show [OPTIONS] <SLUG>", "artikel review approve [OPTIONS] <SLUG>"] {
        assert!(text.contains(line), "{line}");
    }
    assert!(!text.contains("artikel help"), "no page or entry for the help command");
    for key in ["Ctrl-s", "question palette", "Shift+drag", "Backspace Ctrl-o"] {
        assert!(text.contains(key), "KEYS has {key}");
    }
    for name in [
        "settings.toml",
        "review.db",
        "draft.yaml",
        "ARTIKEL_DATA_DIR",
        "ARTIKEL_CONFIG",
        "ARTIKEL_LEDGER",
        "ARTIKEL_LANG",
        "ARTIKEL_USER",
        "ARTIKEL_TODAY",
        "NO_COLOR",
        "PAGER",
        "128+N",
    ] {
        assert!(text.contains(name), "names {name}");
    }
    assert!(!text.contains("ARTIKEL_ACCOUNT"), "a variable of test builds only is not offered");
    // It reads at 80 columns: no line runs over.
    let wide: Vec<&str> = text.lines().filter(|l| l.chars().count() > 80).collect();
    assert!(wide.is_empty(), "lines over 80 columns: {wide:#?}");

    // Every page it names is written by --dir, and so is every page those name.
    let dir = tempfile::tempdir().expect("temp");
    let pages = artikel(&["man", "--dir", dir.path().to_str().expect("utf-8 path")], &[]);
    assert!(pages.status.success());
    let written = std::fs::read_to_string(dir.path().join("artikel.1")).expect("artikel.1 written");
    assert_eq!(written, page, "the main page is the one `artikel man` prints");
    let mut named = Vec::new();
    for entry in std::fs::read_dir(dir.path()).expect("read").filter_map(Result::ok) {
        let text = std::fs::read_to_string(entry.path()).expect("read page");
        let text =
            ["\\fB", "\\fR", "\\fI"].iter().fold(text.replace("\\-", "-"), |t, font| t.replace(font, ""));
        for (i, _) in text.match_indices("(1)") {
            let start =
                text[..i].rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).map_or(0, |s| s + 1);
            let name = &text[start..i];
            if name.starts_with("artikel") {
                named.push(name.to_string());
            }
        }
    }
    assert!(named.iter().any(|n| n == "artikel-review-approve"), "{named:?}");
    assert!(named.len() > 20, "{named:?}");
    for name in named {
        assert!(dir.path().join(format!("{name}.1")).is_file(), "{name}(1) is named but not written");
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
        // The process has ended; what it wrote may still be on its way through the terminal.
        let deadline = Instant::now() + Duration::from_secs(10);
        let out = loop {
            let out = String::from_utf8_lossy(&s.output()).into_owned();
            let all = out.contains("could not start the pager") && out.contains("Updated 19/02/2025");
            if all || Instant::now() > deadline {
                break out;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(out.contains("could not start the pager"), "{pager}: said why: {out}");
        assert!(out.contains("Updated 19/02/2025"), "{pager}: the article is printed");
    }
}
