//! `artikel review …` and `artikel notes …` that write to the team's review ledger (and
//! `review policy`); those that only read it are [`crate::commands::review`]'s.

use super::notes::{add, reply, resolve};
use super::{Cli, Command, Failure, NotesAction, ReviewAction, print::write_out};
use crate::commands::args::{NotesArgs, ReviewArgs};
use crate::commands::review::{article, fail, known};
use crate::ledger::{self, Engine, Ledger, Opened, Options, Verdict, Write, short};
use crate::library::Library;
use crate::sanitize::visible;
use crate::strings as s;
use std::path::{Path, PathBuf};

/// Where the ledger is: `--ledger`, else `ARTIKEL_LEDGER`, else the settings file's `ledger`,
/// else `review.db` in the data folder `data` (created when missing); see
/// [`crate::commands::ledger_options`].
pub fn options(cli: &Cli, data: &Path) -> Options {
    let named = cli
        .global
        .ledger
        .clone()
        .or_else(|| std::env::var_os("ARTIKEL_LEDGER").map(PathBuf::from))
        .or_else(|| crate::settings::Settings::load().ledger.value.map(PathBuf::from));
    crate::commands::ledger_options(named, data)
}

/// Runs `notes …` or `review …` that writes (or `review policy`).
pub fn run(cli: &Cli, library: &Library) -> Result<i32, Failure> {
    if let Some(Command::Review(ReviewArgs { action: ReviewAction::Migrate { from, to } })) = &cli.command {
        return super::shared::migrate(from, to);
    }
    let disk = super::store_disk(cli)?;
    let options = options(cli, disk.dir());
    if ledger::postgres::is_url(&options.path) {
        let url = options.path.to_string_lossy();
        let shared = ledger::PgLedger::connect(&url, options.account).map_err(|e| fail(e.reason()))?;
        return super::shared::run_on(cli, library, shared);
    }
    run_on(cli, library, Ledger::open(&options))
}

/// Whether `command` only shows what the ledger holds: `review policy` without a change.
fn shows(command: &Option<Command>) -> bool {
    matches!(
        command,
        Some(Command::Review(ReviewArgs {
            action: ReviewAction::Policy { approvals: None, leads: None, .. }
        }))
    )
}

/// Runs the command on `ledger`, after saying on stderr what the user should know about how
/// it opened. A command that shows the ledger fails when the file's records are not what the
/// ledger holds (it could not be opened, or a damaged one was moved aside): an empty answer
/// would be untrue.
fn run_on(cli: &Cli, library: &Library, mut ledger: Ledger) -> Result<i32, Failure> {
    if let Some(reading) = super::reading(cli.command.as_ref()) {
        return super::print::on_stdout(|io| crate::commands::review::read_on(&reading, library, ledger, io));
    }
    if let Some(message) = &ledger.message {
        if shows(&cli.command) && ledger.opened() != Opened::AsFound {
            return Err(fail(message));
        }
        eprintln!("artikel: {}", visible(message));
    }
    match &cli.command {
        Some(Command::Review(ReviewArgs { action })) => match action {
            ReviewAction::Approve { slug, message } => {
                decide(library, &mut ledger, slug, Verdict::Approved, message.as_deref().unwrap_or(""))
            }
            ReviewAction::RequestChanges { slug, message } => {
                decide(library, &mut ledger, slug, Verdict::ChangesRequested, reason(message)?)
            }
            ReviewAction::Policy { approvals, leads, message } => {
                policy(&mut ledger, approvals.map(usize::from), leads.as_deref(), message.as_deref())
            }
            ReviewAction::Rename { old, new, message } => {
                rename(library, &mut ledger, old, new, reason(message)?)
            }
            ReviewAction::Withdraw { slug, message } => {
                lift(library, &mut ledger, slug, None, reason(message)?)
            }
            ReviewAction::Override { slug, reviewer, message } => {
                lift(library, &mut ledger, slug, Some(reviewer), reason(message)?)
            }
            // Those that only read, and migrate, returned above.
            ReviewAction::Migrate { .. }
            | ReviewAction::Status { .. }
            | ReviewAction::Diff { .. }
            | ReviewAction::Log { .. }
            | ReviewAction::Verify { .. } => Ok(2),
        },
        Some(Command::Notes(NotesArgs { action: Some(action), .. })) => match action {
            NotesAction::Add { slug, section, message } => {
                add(library, &mut ledger, slug, section.as_deref(), message)
            }
            NotesAction::Reply { id, message } => reply(&mut ledger, id, reason(message)?),
            NotesAction::Resolve { id } => resolve(&mut ledger, id, true),
            NotesAction::Reopen { id } => resolve(&mut ledger, id, false),
            NotesAction::Export { .. } => Ok(2),
        },
        _ => Ok(2),
    }
}

/// A reason as the command line gives it: required, and not blank.
pub(super) fn reason(message: &str) -> Result<&str, Failure> {
    if message.trim().is_empty() {
        Err(Failure::usage(format!("artikel: {}", s::REASON_REQUIRED)))
    } else {
        Ok(message)
    }
}

pub(super) fn policy(
    ledger: &mut dyn Engine,
    approvals: Option<usize>,
    leads: Option<&[String]>,
    message: Option<&str>,
) -> Result<i32, Failure> {
    if approvals.is_some() || leads.is_some() {
        let why = reason(message.unwrap_or(""))?;
        let leads: Option<Vec<String>> =
            leads.map(|l| l.iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect());
        let done =
            ledger.set_policy(approvals, leads.as_deref(), &crate::store::account(), why).map_err(fail)?;
        if done.is_err() {
            return Err(fail(s::ONLY_A_LEAD));
        }
    }
    let p = ledger.policy().map_err(fail)?;
    write_out(&visible(&format!("{}\n", s::policy_text(p.approvals, &p.leads))))?;
    Ok(0)
}

fn lift(
    library: &Library,
    ledger: &mut Ledger,
    slug: &str,
    reviewer: Option<&str>,
    why: &str,
) -> Result<i32, Failure> {
    known(library, ledger, slug)?;
    let me = crate::store::account();
    let whose = reviewer.unwrap_or(&me);
    match ledger.lift(slug, whose, &me, why).map_err(fail)? {
        Ok(l) => {
            write_out(&visible(&format!("{}\n", s::request_lifted(&l.reviewer, &l.by, &l.reason))))?;
            Ok(0)
        }
        Err(ledger::Refusal::NotLead) => Err(fail(s::ONLY_A_LEAD)),
        Err(ledger::Refusal::NoRequest) => Err(fail(s::no_request(whose, slug))),
    }
}

pub(super) fn decide(
    library: &Library,
    ledger: &mut dyn Engine,
    slug: &str,
    verdict: Verdict,
    comment: &str,
) -> Result<i32, Failure> {
    let text = ledger::normalised(article(library, slug)?);
    let user = crate::store::account();
    let write = Write::decide(slug, text, &user, verdict, comment);
    let Write::Decide { decision, .. } = &write else { return Ok(1) };
    let line = format!("{slug}: {} {} {}\n", s::status_word(verdict.label()), short(&decision.version), user);
    ledger.record_one(write).map_err(fail)?;
    write_out(&visible(&line))?;
    Ok(0)
}

pub(super) fn rename(
    library: &Library,
    ledger: &mut dyn Engine,
    old: &str,
    new: &str,
    why: &str,
) -> Result<i32, Failure> {
    article(library, new)?;
    if ledger.log(Some(old)).map_err(fail)?.is_empty() {
        return Err(fail(s::nothing_under(old)));
    }
    ledger.rename(old, new, &crate::store::account(), why).map_err(fail)?;
    write_out(&visible(&format!("{}\n", s::renamed(old, new))))?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn every_command_on_a_full_disk_says_the_disk_is_full_and_fails() {
        crate::strings::set_lang(crate::strings::Lang::En);
        let dir = tempfile::tempdir().expect("dir");
        let library = Library::bundled();
        let commands: &[&[&str]] = &[
            &["review", "status"],
            &["review", "log"],
            &["notes"],
            &["notes", "export"],
            &["review", "approve", "knaesmerter"],
            &["notes", "add", "knaesmerter", "-m", "hej"],
        ];
        for args in commands {
            let cli = Cli::parse_from(["artikel"].iter().chain(args.iter()));
            // The ledger may not grow past its first page: making its schema finds no room.
            let full = Options { max_pages: Some(1), ..options(&cli, dir.path()) };
            let failure = run_on(&cli, &library, Ledger::open(&full)).expect_err("failed");
            let message = failure.message();
            assert_eq!(failure.code(), 1, "{args:?}");
            assert!(message.contains("cannot be opened: the disk is full"), "{args:?}: {message}");
            assert!(!message.contains("read-only"), "{args:?}: {message}");
        }
    }
}
