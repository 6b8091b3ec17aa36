//! `review …` and `notes …` on a ledger several hosts share (PostgreSQL, named by a URL):
//! deciding, commenting, the policy, and reading status, log and verify. What that ledger
//! cannot do yet is refused with a message, nothing written.

use super::notes::add;
use super::review::{decide, policy, reason};
use super::{Cli, Command, Failure, NotesAction, ReviewAction};
use crate::commands::args::{NotesArgs, ReviewArgs};
use crate::commands::review::fail;
use crate::ledger::{PgLedger, Verdict};
use crate::library::Library;
use crate::strings as s;

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
            ReviewAction::Rename { .. } => Err(not_yet()),
            ReviewAction::Withdraw { .. } => Err(not_yet()),
            ReviewAction::Override { .. } => Err(not_yet()),
            ReviewAction::Status { .. }
            | ReviewAction::Diff { .. }
            | ReviewAction::Log { .. }
            | ReviewAction::Verify { .. } => Ok(2),
        },
        Some(Command::Notes(NotesArgs { action: Some(action), .. })) => match action {
            NotesAction::Add { slug, section, message } => {
                add(library, &mut ledger, slug, section.as_deref(), message)
            }
            NotesAction::Reply { .. } => Err(not_yet()),
            NotesAction::Resolve { .. } | NotesAction::Reopen { .. } => Err(not_yet()),
            NotesAction::Export { .. } => Ok(2),
        },
        _ => Ok(2),
    }
}

/// Why a command is refused on this ledger: not there yet.
fn not_yet() -> Failure {
    fail(s::pg_not_yet(s::PG_THIS_COMMAND.as_ref()))
}
