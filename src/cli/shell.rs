//! Fitting the shell: completion scripts, the man page, and `show` through `$PAGER`.

use super::Failure;
use super::args::Cli;
use super::print::write_out;
use clap::CommandFactory;
use std::io::Write;
use std::process::{Command, Stdio};

/// The pager when `$PAGER` is not set: `less`, passing colours through.
pub const DEFAULT_PAGER: &str = "less -R";

/// What `LESS` is set to for the pager when the user has not set it (as git does): quit at
/// once when the text fits on one screen (F), pass colours through (R), and leave the text
/// on the screen afterwards (X).
pub const DEFAULT_LESS: &str = "FRX";

/// Prints the completion script for `shell`: clap's, and for bash, zsh and fish the
/// library's slugs where a command takes an article (from `artikel list --slugs`).
pub fn completions(shell: clap_complete::Shell) -> Result<i32, Failure> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "artikel", &mut out);
    write_out(&with_slugs(shell, &String::from_utf8_lossy(&out)))?;
    Ok(0)
}

/// `script` with the slugs offered where a command takes an article.
fn with_slugs(shell: clap_complete::Shell, script: &str) -> String {
    use clap_complete::Shell;
    match shell {
        // Registered after clap's, so that it is the one bash calls; it calls clap's for the rest.
        Shell::Bash => format!("{script}{}", include_str!("complete/slugs.bash")),
        Shell::Fish => format!("{script}{}", include_str!("complete/slugs.fish")),
        Shell::Zsh => zsh_with_slugs(script),
        _ => script.to_string(),
    }
}

/// Prints the man page (roff) of `artikel`, which lists its commands; with `dir`, writes
/// that page and one per command (`artikel-show.1`, …) into `dir` instead.
pub fn man(dir: Option<&std::path::Path>) -> Result<i32, Failure> {
    let failed = |e: std::io::Error| Failure::failed(crate::strings::man_failed(&e.to_string()));
    if let Some(dir) = dir {
        super::man::write_pages(dir).map_err(failed)?;
        return Ok(0);
    }
    let out = super::man::page().map_err(failed)?;
    write_out(&String::from_utf8_lossy(&out))?;
    Ok(0)
}

/// The zsh script with the slugs offered where a command takes an article. An optional
/// argument before a command's own commands (`artikel [QUERY]`, `artikel notes [SLUG]`) is
/// left out: zsh would take the command's name for it and offer the commands again after it
/// (`artikel show <Tab>` listed the commands); the three places that read the command from
/// the second word read it from the first instead.
fn zsh_with_slugs(script: &str) -> String {
    let lines: Vec<&str> = script.split_inclusive('\n').collect();
    let mut out = String::with_capacity(script.len() + 1024);
    let mut renumber = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("if [ \"$funcstack[1]\" = \"_artikel\" ]") {
            out.push_str(include_str!("complete/slugs.zsh"));
        }
        let before_commands = lines.get(i + 1).is_some_and(|next| next.starts_with("\":: :_artikel"));
        if line.starts_with("'::") && before_commands {
            renumber = 3;
            continue;
        }
        if renumber > 0 && line.contains("$line[2]") {
            renumber -= 1;
            out.push_str(&line.replace("$line[2]", "$line[1]"));
        } else if line.starts_with("':slug -- ") || line.starts_with("'::slug -- ") {
            out.push_str(&line.replace(":_default'", ":_artikel_slugs'"));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Writes `text` to stdout, through the pager when stdout is a `terminal` and `no_pager` is
/// not set. A pager that does not start is said on stderr and the text printed instead; a
/// pager quit before the end of the text is not an error.
pub fn page(text: &str, no_pager: bool, terminal: bool) -> Result<(), Failure> {
    if no_pager || !terminal {
        return write_out(text);
    }
    let pager = match std::env::var("PAGER") {
        Ok(p) => p,
        Err(std::env::VarError::NotPresent) => DEFAULT_PAGER.to_string(),
        Err(std::env::VarError::NotUnicode(_)) => return write_out(text),
    };
    let pager = pager.trim();
    // As git: an empty PAGER, or `cat`, means no pager.
    if pager.is_empty() || pager == "cat" {
        return write_out(text);
    }
    match run_pager(pager, text) {
        Ok(()) => Ok(()),
        Err(why) => {
            eprintln!("{}", crate::sanitize::visible(&crate::strings::pager_failed(pager, &why)));
            write_out(text)
        }
    }
}

/// The characters that make a pager command the shell's to run (quotes are understood here).
const SHELL_SYNTAX: &[char] =
    &['|', '&', ';', '<', '>', '(', ')', '$', '`', '*', '?', '[', '#', '~', '=', '%', '\n'];

/// The command for `pager`: run directly when it is words (`less -R`), through `sh -c` when it
/// uses the shell's syntax. The second value says whether the shell runs it.
fn pager_command(pager: &str) -> (Command, bool) {
    match shlex::split(pager) {
        Some(words) if !words.is_empty() && !pager.contains(SHELL_SYNTAX) => {
            let mut command = Command::new(&words[0]);
            command.args(&words[1..]);
            (command, false)
        }
        _ => {
            let mut command = Command::new("sh");
            command.arg("-c").arg(pager);
            (command, true)
        }
    }
}

/// Runs `pager` with `text` on its input and waits for it; why it did not start, if it did not.
fn run_pager(pager: &str, text: &str) -> Result<(), String> {
    let (mut command, by_shell) = pager_command(pager);
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", DEFAULT_LESS);
    }
    let mut child = command.stdin(Stdio::piped()).spawn().map_err(|e| e.to_string())?;
    // Ctrl-c is the pager's while it runs (less uses it to stop a search): this process lives
    // on to wait for it instead of leaving it behind on the terminal. The handler goes with exec,
    // so the pager gets its own.
    let calm = signal_hook::flag::register(signal_hook::consts::SIGINT, Default::default()).ok();
    if let Some(mut input) = child.stdin.take() {
        // A pager quit early closes its input (a broken pipe): the rest is not wanted, and
        // that is fine. Any other failure to write shows in how the pager ends.
        let _ = input.write_all(text.as_bytes()).and_then(|()| input.flush());
    }
    let status = child.wait();
    if let Some(id) = calm {
        signal_hook::low_level::unregister(id);
    }
    match status {
        // The shell says 126 (cannot execute) or 127 (not found) when the pager did not start.
        Ok(s) if by_shell && matches!(s.code(), Some(126 | 127)) => {
            Err(crate::strings::PAGER_NOT_FOUND.to_string())
        }
        Ok(_) => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_run_directly_and_shell_syntax_goes_to_the_shell() {
        let program = |p: &str| {
            let (c, shell) = pager_command(p);
            (c.get_program().to_string_lossy().into_owned(), shell)
        };
        assert_eq!(program("less -R"), ("less".to_string(), false));
        assert_eq!(program("'/opt/my pager' -x"), ("/opt/my pager".to_string(), false));
        assert_eq!(program("less | cat"), ("sh".to_string(), true));
        assert_eq!(program("LESS=R less"), ("sh".to_string(), true));
        assert_eq!(program("less 'unclosed"), ("sh".to_string(), true));
    }
}
