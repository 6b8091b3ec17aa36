//! `review …` and `notes …` on a ledger several hosts share (PostgreSQL, named by a URL), and
//! `review migrate`, which copies a ledger from one engine to another.

use super::notes::{add, reply, resolve};
use super::print::write_out;
use super::review::{decide, policy, reason, rename};
use super::{Cli, Command, Failure, NotesAction, ReviewAction};
use crate::commands::args::{NotesArgs, ReviewArgs};
use crate::commands::review::fail;
use crate::ledger::{self, Engine, Ledger, Opened, Options, Outcome, PgLedger, Refusal, Verdict, Write};
use crate::library::Library;
use crate::strings as s;
use std::path::Path;

/// Runs the command on the shared ledger `ledger`.
pub(super) fn run_on(cli: &Cli, library: &Library, mut ledger: PgLedger) -> Result<i32, Failure> {
    if let Some(reading) = super::reading(cli.command.as_ref()) {
        return super::print::on_stdout(|io| {
            crate::commands::review::read_shared(&reading, library, &ledger, io)
        });
    }
    if let Some(message) = &ledger.message {
        eprintln!("artikel: {}", crate::sanitize::visible(message));
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

/// `review withdraw` and `review override`: as [`super::review`]'s, through a write.
fn lift(
    library: &Library,
    ledger: &mut PgLedger,
    slug: &str,
    whose: Option<&str>,
    why: &str,
) -> Result<i32, Failure> {
    crate::commands::review::known(library, ledger, slug)?;
    let me = crate::store::account();
    let whose = whose.unwrap_or(&me).to_string();
    let write =
        Write::Lift { slug: slug.into(), whose: Some(whose.clone()), by: me.clone(), reason: why.into() };
    match ledger.record_one(write).map_err(|e| fail(e.reason()))? {
        Outcome::Refused(Refusal::NotLead) => Err(fail(s::ONLY_A_LEAD)),
        Outcome::Refused(Refusal::NoRequest) => Err(fail(s::no_request(&whose, slug))),
        _ => {
            write_out(&crate::sanitize::visible(&format!("{}\n", s::request_lifted(&whose, &me, why))))?;
            Ok(0)
        }
    }
}

/// `review migrate FROM TO`: copies the ledger `from` into the new, empty ledger `to` (each a
/// file or a URL), then verifies both and compares their heads. The source is read as it is
/// (nothing made, migrated or moved aside), read once, and that reading is what is checked
/// and copied.
pub(super) fn migrate(from: &Path, to: &Path) -> Result<i32, Failure> {
    let source = open_source(from)?;
    let all = source.dump().map_err(|e| fail(e.reason()))?;
    if all.rows.is_empty() {
        let shown = shown(from);
        return Err(fail(s::ledger_source_unusable(&shown, &s::LEDGER_SOURCE_EMPTY)));
    }
    // A ledger that does not hold is not copied: the copy would not hold either.
    let there = ledger::verify::check(all.clone());
    if let Some((_, problem)) = there.problems.first() {
        return Err(fail(problem.say()));
    }
    let mut target = open(to)?;
    target.load(&all).map_err(|e| fail(e.reason()))?;
    let here = target.verify().map_err(|e| fail(e.reason()))?;
    if let Some((_, problem)) = here.problems.first() {
        return Err(fail(problem.say()));
    }
    if (here.rows, &here.head) != (there.rows, &there.head) {
        return Err(fail(s::LEDGER_COPY_DIFFERS.to_string()));
    }
    write_out(&crate::sanitize::visible(&format!("{}\n", s::ledger_migrated(here.rows, &here.head))))?;
    Ok(0)
}

/// `named` as it may be shown: a URL without its password.
fn shown(named: &Path) -> std::path::PathBuf {
    if ledger::postgres::is_url(named) { ledger::postgres::shown(named).into() } else { named.to_path_buf() }
}

/// The ledger `named` to copy from, as it is: a file that exists and is a ledger, or a
/// database that already holds one.
fn open_source(named: &Path) -> Result<Box<dyn Engine>, Failure> {
    if ledger::postgres::is_url(named) {
        let url = named.to_string_lossy();
        return Ok(Box::new(PgLedger::connect_existing(&url).map_err(|e| fail(e.reason()))?));
    }
    ledger::existing_file(named).map_err(|e| fail(e.reason()))?;
    // Only read: a file this user may not write is copied all the same.
    let file = Ledger::open(&Options::new(named));
    match &file.message {
        Some(message) if file.opened() != Opened::AsFound => Err(fail(message)),
        _ => Ok(Box::new(file)),
    }
}

/// The ledger `named` (a file or a URL), written as this account; a file that cannot be
/// written, or not opened as found, is refused with its reason.
fn open(named: &Path) -> Result<Box<dyn Engine>, Failure> {
    let account = Some(crate::store::account());
    if ledger::postgres::is_url(named) {
        let url = named.to_string_lossy();
        return Ok(Box::new(PgLedger::connect(&url, account).map_err(|e| fail(e.reason()))?));
    }
    let file = Ledger::open(&Options { account, ..Options::new(named) });
    match &file.message {
        Some(message) if file.read_only() || file.opened() != Opened::AsFound => Err(fail(message)),
        _ => Ok(Box::new(file)),
    }
}
