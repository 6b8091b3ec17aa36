//! The man page: clap's synopsis and options, then the commands, the reader's keys (from
//! the key table the help prints), the files, the environment and the exit status; and a
//! page per command for `artikel man --dir`. Like `--help`, it is in English.

use super::args::Cli;
use crate::app::help::Line;
use crate::app::keymap::Keymap;
use clap::CommandFactory;
use std::io::Write;

/// The sections after the options, written as roff: where `.\\" COMMANDS`, `.\\" KEYS` and
/// `.\\" PAGES` stand, the commands, the keys and the command pages go. No hyphens are added
/// and the right edge is ragged, so that names, paths and flags read as typed.
const SECTIONS: &str = include_str!("man.roff");

/// The command the pages are made from: the arguments', without the `help` command (it has
/// no page of its own: `--help` is each command's).
pub fn command() -> clap::Command {
    fn without_help(cmd: clap::Command) -> clap::Command {
        let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
        names
            .iter()
            .fold(cmd.disable_help_subcommand(true), |cmd, name| cmd.mut_subcommand(name, without_help))
    }
    let mut cmd = without_help(Cli::command());
    cmd.build();
    cmd
}

/// Roff for `text`: backslashes, dashes and a line's leading dot or quote escaped.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) { format!("\\&{text}") } else { text }
}

/// Each command (and each of theirs) with its usage and what it does.
fn commands(cmd: &clap::Command, out: &mut String) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let usage = sub.clone().render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", escape(usage), escape(&about)));
        commands(sub, out);
    }
}

/// The reader's keys as its help lists them, with the default key table, in English: a
/// line each, the keys in a column wide enough for the widest.
fn keys(out: &mut String) {
    use crate::strings::{LEGEND, Lang, MOUSE, set_thread_lang};
    set_thread_lang(Some(Lang::En));
    let lines = crate::app::help::lines(Keymap::defaults(), 12);
    let (legend, mouse) = (LEGEND.to_string(), MOUSE.to_string());
    set_thread_lang(None);
    out.push_str(".PD 0\n");
    for line in lines {
        match line {
            Line::Heading(title) if title == legend => break,
            Line::Heading(title) => out.push_str(&format!(".SS \"{}\"\n", escape(&title))),
            // The mouse's lines stand under a heading of their own.
            Line::Key { keys, what } if keys == mouse => out.push_str(&format!(
                ".SS \"{}\"\n.TP 18n\n\\fB{}\\fR\n{}\n",
                escape(&mouse),
                escape(&keys),
                escape(&what)
            )),
            Line::Key { keys, what } => {
                out.push_str(&format!(".TP 18n\n\\fB{}\\fR\n{}\n", escape(&keys), escape(&what)))
            }
            Line::Mark { .. } | Line::Blank => {}
        }
    }
    out.push_str(".PD\n");
}

/// The names of the pages `artikel man --dir` writes besides `artikel.1`, one per command.
pub fn command_pages(cmd: &clap::Command) -> Vec<String> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| format!("{}-{}", cmd.get_name(), s.get_name()))
        .collect()
}

/// The whole page of `artikel`.
pub fn page() -> std::io::Result<Vec<u8>> {
    let cmd = command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut listed = String::new();
    commands(&cmd, &mut listed);
    let mut keyed = String::new();
    keys(&mut keyed);
    let pages: Vec<String> =
        command_pages(&cmd).iter().map(|p| format!("\\fB{}\\fR(1)", escape(p))).collect();
    let text = SECTIONS
        .replace(".\\\" COMMANDS\n", &listed)
        .replace(".\\\" KEYS\n", &keyed)
        .replace(".\\\" PAGES\n", &format!("{}.\n", pages.join(", ")));
    out.write_all(text.as_bytes())?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// Writes `artikel.1` and a page for each command (and each of theirs) into `dir`.
pub fn write_pages(dir: &std::path::Path) -> std::io::Result<()> {
    clap_mangen::generate_to(command(), dir)?;
    std::fs::write(dir.join("artikel.1"), page()?)
}
