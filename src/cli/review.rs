//! `artikel review …` and `artikel notes …`: the team's review ledger from the shell.

use super::notes::{add, export, list, reply, resolve};
use super::{Cli, Command, Failure, NotesAction, ReviewAction, print::write_out};
use crate::ledger::{self, ArticleState, Decision, Ledger, Opened, Options, Verdict, Write, short};
use crate::library::{Article, Library};
use crate::sanitize::visible;
use crate::strings as s;
use serde_json::json;
use std::path::{Path, PathBuf};

/// Where the ledger is: `--ledger`, else `ARTIKEL_LEDGER`, else `review.db` in the data
/// folder `data` (created when missing). Every write is recorded as the operating-system
/// account. The data folder's `notes.yaml` is imported once, and only into that default
/// ledger (the importer's own), never into a shared one.
pub fn options(cli: &Cli, data: &Path) -> Options {
    let named = cli.ledger.clone().or_else(|| std::env::var_os("ARTIKEL_LEDGER").map(PathBuf::from));
    let create_dirs = named.is_none();
    let import = named.is_none().then(|| data.join("notes.yaml"));
    let path = named.unwrap_or_else(|| data.join("review.db"));
    let account = crate::store::account();
    Options { create_dirs, import, user: account.clone(), account: Some(account), ..Options::new(path) }
}

pub(super) fn fail(e: impl std::fmt::Display) -> Failure {
    Failure::failed(format!("artikel: {}", visible(&e.to_string())))
}

/// Runs `notes …` or `review …`.
pub fn run(cli: &Cli, library: &Library) -> Result<i32, Failure> {
    let disk = super::store_disk(cli)?;
    run_on(cli, library, Ledger::open(&options(cli, disk.dir())))
}

/// Whether `command` only shows what the ledger holds.
fn shows(command: &Option<Command>) -> bool {
    match command {
        Some(Command::Review { action }) => !matches!(
            action,
            ReviewAction::Approve { .. }
                | ReviewAction::RequestChanges { .. }
                | ReviewAction::Withdraw { .. }
                | ReviewAction::Override { .. }
                | ReviewAction::Rename { .. }
                | ReviewAction::Policy { approvals: Some(_), .. }
                | ReviewAction::Policy { leads: Some(_), .. }
        ),
        Some(Command::Notes { action, .. }) => matches!(action, None | Some(NotesAction::Export { .. })),
        _ => false,
    }
}

/// Runs the command on `ledger`, after saying on stderr what the user should know about how
/// it opened. A command that shows the ledger fails when the file's records are not what the
/// ledger holds (it could not be opened, or a damaged one was moved aside): an empty answer
/// would be untrue.
fn run_on(cli: &Cli, library: &Library, mut ledger: Ledger) -> Result<i32, Failure> {
    if let Some(message) = &ledger.message {
        if shows(&cli.command) && ledger.opened() != Opened::AsFound {
            return Err(fail(message));
        }
        super::print::warn(&format!("artikel: {}", visible(message)));
    }
    match &cli.command {
        Some(Command::Review { action }) => match action {
            ReviewAction::Status { slug, json, mine, check } => {
                let how = Show { json: *json, mine: *mine, check: *check };
                status(library, &ledger, slug.as_deref(), how)
            }
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
            ReviewAction::Diff { slug, reviewer } => diff(library, &ledger, slug, reviewer.as_deref()),
            ReviewAction::Log { slug, json } => log(library, &ledger, slug.as_deref(), *json),
            ReviewAction::Verify { head } => verify(&ledger, head.as_deref()),
        },
        Some(Command::Notes { action: None, slug, resolved, json }) => {
            list(library, &ledger, slug.as_deref(), *resolved, *json)
        }
        Some(Command::Notes { action: Some(action), .. }) => match action {
            NotesAction::Export { format } => export(library, &ledger, *format),
            NotesAction::Add { slug, section, message } => {
                add(library, &mut ledger, slug, section.as_deref(), message)
            }
            NotesAction::Reply { id, message } => reply(&mut ledger, id, reason(message)?),
            NotesAction::Resolve { id } => resolve(&mut ledger, id, true),
            NotesAction::Reopen { id } => resolve(&mut ledger, id, false),
        },
        _ => Ok(2),
    }
}

pub(super) fn article<'a>(library: &'a Library, slug: &str) -> Result<&'a Article, Failure> {
    Ok(&library.articles[super::find(library, slug)?])
}

/// A slug that is in the library, or that the ledger still holds something on.
pub(super) fn known(library: &Library, ledger: &Ledger, slug: &str) -> Result<(), Failure> {
    let held = !ledger.log(Some(slug)).map_err(fail)?.is_empty();
    if held { Ok(()) } else { super::find(library, slug).map(|_| ()) }
}

/// How `review status` shows what it finds.
#[derive(Debug, Clone, Copy)]
struct Show {
    json: bool,
    mine: bool,
    check: bool,
}

/// A reason as the command line gives it: required, and not blank.
pub(super) fn reason(message: &str) -> Result<&str, Failure> {
    if message.trim().is_empty() {
        Err(Failure::usage(format!("artikel: {}", s::REASON_REQUIRED)))
    } else {
        Ok(message)
    }
}

fn status(library: &Library, ledger: &Ledger, slug: Option<&str>, how: Show) -> Result<i32, Failure> {
    let articles = match slug {
        Some(slug) => std::slice::from_ref(article(library, slug)?),
        None => library.articles.as_slice(),
    };
    let judged = ledger.judge(articles, &library.articles).map_err(fail)?;
    let me = crate::store::account();
    let mut out = String::new();
    let mut items = Vec::new();
    let mut open = 0;
    for (a, j) in articles.iter().zip(&judged) {
        let approved = j.state == ArticleState::Approved;
        // Waiting for me: not approved, and not by me at this version (my request that
        // blocks it is waiting for me too).
        if how.mine && (approved || j.approvals.contains(&me)) {
            continue;
        }
        if !approved {
            open += 1;
        }
        if how.json {
            let reviews: Vec<_> = j
                .decisions
                .iter()
                .map(|d| {
                    json!({"reviewer": d.reviewer, "decision": d.verdict, "version": d.version,
                                "current": d.version == j.version, "at": d.at, "comment": d.comment})
                })
                .collect();
            let blocked: Vec<_> =
                j.blockers.iter().map(|d| json!({"reviewer": d.reviewer, "reason": d.comment})).collect();
            let lifted: Vec<_> = j
                .lifted
                .iter()
                .map(|(d, l)| json!({"reviewer": d.reviewer, "by": l.by, "reason": l.reason, "at": l.at}))
                .collect();
            let renamed: Vec<_> =
                j.renamed_from.iter().map(|(old, said)| json!({"slug": old, "said": said})).collect();
            items.push(json!({"slug": a.slug, "version": short(&j.version), "state": j.state, "renamed_from": renamed,
                "approved": approved, "approvals": j.approvals, "needed": j.needed,
                "blocked_by": blocked, "lifted": lifted, "reviews": reviews}));
            continue;
        }
        let count = if j.needed > 1 {
            format!("  ({})", s::approvals_of(j.approvals.len(), j.needed))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{} {}  {}  {}{count}\n",
            j.state.mark(),
            a.slug,
            short(&j.version),
            s::status_word(j.state.label())
        ));
        for (old, said) in &j.renamed_from {
            out.push_str(&format!("    {}\n", s::renamed_from(old, *said)));
        }
        for d in &j.blockers {
            out.push_str(&format!("    {}\n", s::blocked_by(&d.reviewer, first_line(&d.comment))));
        }
        for (d, l) in &j.lifted {
            out.push_str(&format!("    {}\n", s::request_lifted(&d.reviewer, &l.by, first_line(&l.reason))));
        }
        for d in j.decisions.iter().rev() {
            out.push_str(&format!("    {}\n", decision_line(d, &j.version)));
        }
    }
    if how.json {
        out = format!("{}\n", serde_json::Value::Array(items));
    }
    write_out(&visible(&out))?;
    if how.check && open > 0 {
        return Err(Failure::failed(format!("artikel: {}", s::not_all_approved(open))));
    }
    Ok(0)
}

fn policy(
    ledger: &mut Ledger,
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

fn decision_line(d: &Decision, current: &str) -> String {
    let when = if d.version.is_empty() {
        s::VERSION_UNKNOWN.to_string()
    } else if d.version == current {
        format!("{} ({})", short(&d.version), s::THIS_VERSION)
    } else {
        format!("{} ({})", short(&d.version), s::CHANGED_SINCE)
    };
    let comment = if d.comment.is_empty() { String::new() } else { format!(": {}", first_line(&d.comment)) };
    format!("{} {} {when}, {}{comment}", d.reviewer, s::status_word(d.verdict.label()), date(&d.at))
}

pub(super) fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

pub(super) fn date(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}

fn decide(
    library: &Library,
    ledger: &mut Ledger,
    slug: &str,
    verdict: Verdict,
    comment: &str,
) -> Result<i32, Failure> {
    let text = ledger::normalised(article(library, slug)?);
    let user = crate::store::account();
    let write = Write::decide(slug, text, &user, verdict, comment);
    let Write::Decide { decision, .. } = &write else { return Ok(1) };
    let line = format!("{slug}: {} {} {}\n", s::status_word(verdict.label()), short(&decision.version), user);
    ledger.submit(write).map_err(fail)?;
    write_out(&visible(&line))?;
    Ok(0)
}

fn diff(library: &Library, ledger: &Ledger, slug: &str, reviewer: Option<&str>) -> Result<i32, Failure> {
    let now = ledger::normalised(article(library, slug)?);
    let version = ledger::version_of(&now);
    let mut base = ledger.last_approval(slug, reviewer).map_err(fail)?;
    if base.is_none() {
        // Approved under the slug it had before a rename.
        let followed = ledger.follow(&library.articles, None, None).map_err(fail)?;
        for (old, _) in followed.iter().filter(|(_, f)| f.new == slug) {
            base = base.or(ledger.last_approval(old, reviewer).map_err(fail)?);
        }
    }
    let Some(base) = base else {
        write_out(&visible(&format!("{}\n", s::no_approval(slug, reviewer))))?;
        return Ok(0);
    };
    let Some(old) = ledger.text_of(&base.slug, &base.version).map_err(fail)? else {
        write_out(&visible(&format!("{}\n", s::no_text_kept(&base.reviewer))))?;
        return Ok(0);
    };
    let mut out = format!("{}\n\n", s::diff_header(&base.reviewer, short(&base.version), short(&version)));
    let diffs = ledger::diff(&old, &now);
    if diffs.is_empty() {
        out.push_str(&s::NO_CHANGES);
        out.push('\n');
    } else {
        out.push_str(&ledger::render(&diffs));
    }
    write_out(&visible(&out))?;
    Ok(0)
}

fn log(library: &Library, ledger: &Ledger, slug: Option<&str>, as_json: bool) -> Result<i32, Failure> {
    if let Some(slug) = slug {
        known(library, ledger, slug)?;
    }
    let entries = ledger.log(slug).map_err(fail)?;
    let out = if as_json {
        format!("{}\n", json!(entries))
    } else {
        entries
            .iter()
            .map(|e| {
                let what =
                    if e.detail.is_empty() { String::new() } else { format!(": {}", first_line(&e.detail)) };
                let version = if e.version.is_empty() { "-" } else { short(&e.version) };
                let slug = if e.slug.is_empty() { "-" } else { e.slug.as_str() };
                format!("{} {} {} {slug} {version}{what}\n", e.at, e.actor, e.action)
            })
            .collect()
    };
    write_out(&visible(&out))?;
    Ok(0)
}

fn verify(ledger: &Ledger, head: Option<&str>) -> Result<i32, Failure> {
    let found = ledger.verify().map_err(fail)?;
    if let Some((row, problem)) = found.problems.first() {
        let row = row
            .as_ref()
            .map(|r| (r.seq, r.at.as_str(), r.actor.as_str(), r.action.as_str(), r.slug.as_str()));
        let mut message = s::trail_breaks(row, &problem.say());
        if found.problems.len() > 1 {
            message.push_str(&format!("\n{}", s::trail_more(found.problems.len() - 1)));
        }
        return Err(fail(message));
    }
    if let Some(head) = head
        && !ledger.holds_head(head).map_err(fail)?
    {
        return Err(fail(s::head_not_found(head)));
    }
    write_out(&visible(&format!("{}\n", s::trail_holds(found.rows, &found.head))))?;
    Ok(0)
}

fn rename(library: &Library, ledger: &mut Ledger, old: &str, new: &str, why: &str) -> Result<i32, Failure> {
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
