//! `artikel review …` and `artikel notes …`: the team's review ledger from the shell.

use super::{Cli, Command, Failure, NotesAction, ReportFormat, ReviewAction, print::write_out};
use crate::document::Document;
use crate::ledger::{
    self, ArticleState, Comment, Decision, Ledger, Opened, Options, Verdict, Write, report, short,
};
use crate::library::{Article, Library};
use crate::sanitize::visible;
use crate::strings as s;
use serde_json::json;
use std::collections::{BTreeSet, HashMap};
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

fn fail(e: impl std::fmt::Display) -> Failure {
    (1, format!("artikel: {}", visible(&e.to_string())))
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

fn article<'a>(library: &'a Library, slug: &str) -> Result<&'a Article, Failure> {
    Ok(&library.articles[super::find(library, slug)?])
}

/// A slug that is in the library, or that the ledger still holds something on.
fn known(library: &Library, ledger: &Ledger, slug: &str) -> Result<(), Failure> {
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
fn reason(message: &str) -> Result<&str, Failure> {
    if message.trim().is_empty() { Err((2, format!("artikel: {}", s::REASON_REQUIRED))) } else { Ok(message) }
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
        return Err((1, format!("artikel: {}", s::not_all_approved(open))));
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

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

fn date(stamp: &str) -> &str {
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

/// Where a comment sits now: its section's name, whether that heading is gone (detached),
/// and whether the section's text changed since the comment was written.
struct Place {
    section: String,
    detached: bool,
    changed: bool,
}

/// Finds comments' sections in the articles, parsing each article once.
#[derive(Default)]
struct Places {
    parsed: HashMap<String, (Vec<String>, String)>,
}

impl Places {
    fn of(&mut self, library: &Library, c: &Comment) -> Place {
        let Some(i) = library.position(&c.slug) else {
            return Place { section: c.heading.clone(), detached: true, changed: false };
        };
        let (headings, text) = self.parsed.entry(c.slug.clone()).or_insert_with(|| {
            let a = &library.articles[i];
            let doc = Document::parse(&a.body);
            (doc.outline.headings.iter().map(|h| h.text.clone()).collect(), ledger::normalised(a))
        });
        let changed =
            !c.section.is_empty() && ledger::section_hash(text, &c.heading).is_none_or(|h| h != c.section);
        if c.heading.is_empty() {
            return Place { section: s::INTRO.into(), detached: false, changed };
        }
        let texts: Vec<&str> = headings.iter().map(String::as_str).collect();
        let anchor =
            crate::store::Anchor { slug: c.slug.clone(), heading: c.heading.clone(), position: c.position };
        match crate::store::resolve(&anchor, &texts) {
            Some(h) => Place { section: texts[h].to_string(), detached: false, changed },
            None => Place { section: c.heading.clone(), detached: true, changed },
        }
    }
}

/// Each reply's id, and the comment it answers.
fn thread_of(ledger: &Ledger) -> Result<HashMap<String, String>, Failure> {
    Ok(ledger.replies().map_err(fail)?.into_iter().collect())
}

/// `comments` with the replies (`order`: each reply and its comment, as written) right after
/// the comment they answer, in the order they were written.
fn threaded(comments: Vec<Comment>, order: &[(String, String)]) -> Vec<Comment> {
    let parent: HashMap<&str, &str> = order.iter().map(|(r, p)| (r.as_str(), p.as_str())).collect();
    let (mut answers, firsts): (Vec<Comment>, Vec<Comment>) =
        comments.into_iter().partition(|c| parent.contains_key(c.id.as_str()));
    answers.sort_by_key(|a| order.iter().position(|(r, _)| *r == a.id));
    let mut out = Vec::with_capacity(firsts.len() + answers.len());
    let mut left: Vec<Option<Comment>> = answers.into_iter().map(Some).collect();
    for c in firsts {
        let id = c.id.clone();
        out.push(c);
        for slot in left.iter_mut() {
            if slot.as_ref().is_some_and(|a| parent.get(a.id.as_str()) == Some(&id.as_str())) {
                out.extend(slot.take());
            }
        }
    }
    // Replies whose comment is not listed (deleted, or resolved and hidden) stand alone.
    out.extend(left.into_iter().flatten());
    out
}

/// The comments (of `slug`, or all), those on an article since renamed under its new slug.
fn followed_comments(
    library: &Library,
    ledger: &Ledger,
    slug: Option<&str>,
    resolved: bool,
) -> Result<Vec<Comment>, Failure> {
    let mut comments = ledger.comments(None, resolved).map_err(fail)?;
    if comments.iter().any(|c| library.position(&c.slug).is_none()) {
        let followed = ledger.follow(&library.articles, None, None).map_err(fail)?;
        for c in &mut comments {
            if let Some(f) = followed.get(&c.slug) {
                c.slug = f.new.clone();
            }
        }
    }
    comments.retain(|c| slug.is_none_or(|s| c.slug == s));
    Ok(comments)
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

fn list(
    library: &Library,
    ledger: &Ledger,
    slug: Option<&str>,
    resolved: bool,
    as_json: bool,
) -> Result<i32, Failure> {
    if let Some(slug) = slug {
        known(library, ledger, slug)?;
    }
    let comments = followed_comments(library, ledger, slug, resolved)?;
    let order = ledger.replies().map_err(fail)?;
    let comments = threaded(comments, &order);
    let replies: HashMap<String, String> = order.into_iter().collect();
    let mut places = Places::default();
    let mut out = String::new();
    let mut items = Vec::new();
    for c in &comments {
        let p = places.of(library, c);
        let reply_to = replies.get(&c.id);
        if as_json {
            items.push(json!({"id": c.id, "reply_to": reply_to, "slug": c.slug, "section": p.section, "detached": p.detached,
                "section_changed": p.changed, "text": c.text, "author": c.author, "created": c.created,
                "updated": c.updated, "version": short(&c.version), "resolved": c.resolved}));
            continue;
        }
        let mut flags = vec![c.author.clone(), date(&c.updated).to_string()];
        if !c.version.is_empty() {
            flags.push(short(&c.version).to_string());
        }
        if p.changed {
            flags.push(s::SECTION_CHANGED.into());
        }
        if c.resolved {
            flags.push(s::RESOLVED.into());
        }
        let section = if p.detached { format!("{} {}", p.section, s::DETACHED) } else { p.section };
        if reply_to.is_some() {
            out.push_str(&format!(
                "    ↳ {}  ({})  #{}\n",
                first_line(&c.text),
                flags.join(", "),
                short(&c.id)
            ));
            continue;
        }
        out.push_str(&format!(
            "{} › {section}: {}  ({})  #{}\n",
            c.slug,
            first_line(&c.text),
            flags.join(", "),
            short(&c.id)
        ));
    }
    if as_json {
        out = format!("{}\n", serde_json::Value::Array(items));
    } else if out.is_empty() {
        out = format!("{}\n", s::NO_COMMENTS);
    }
    write_out(&visible(&out))?;
    Ok(0)
}

fn add(
    library: &Library,
    ledger: &mut Ledger,
    slug: &str,
    section: Option<&str>,
    message: &str,
) -> Result<i32, Failure> {
    let a = article(library, slug)?;
    let doc = Document::parse(&a.body);
    let (heading, position) = match section {
        None => (String::new(), 0),
        Some(want) => {
            let i = section_named(&doc.outline.headings, want)?;
            (doc.outline.headings[i].text.clone(), i)
        }
    };
    if message.trim().is_empty() {
        return Err((2, format!("artikel: {}", s::REASON_REQUIRED)));
    }
    let text = ledger::normalised(a);
    let stamp = crate::store::now();
    let comment = Comment {
        id: ledger::new_id(),
        slug: slug.to_string(),
        section: ledger::section_hash(&text, &heading).unwrap_or_default(),
        version: ledger::version_of(&text),
        heading,
        position,
        author: crate::store::account(),
        text: message.to_string(),
        resolved: false,
        created: stamp.clone(),
        updated: stamp,
        revision: 1,
    };
    let id = comment.id.clone();
    ledger.submit(Write::Comment(comment)).map_err(fail)?;
    write_out(&format!("{}\n", s::comment_added(&id)))?;
    Ok(0)
}

/// The heading `want` names: its anchor or its exact text (case aside), else the one
/// heading whose text contains it; several that do are listed, and none chosen.
fn section_named(headings: &[crate::document::Heading], want: &str) -> Result<usize, Failure> {
    let folded = want.trim().trim_start_matches('#').to_lowercase();
    if let Some(i) = headings.iter().position(|h| h.anchor == folded || h.text.to_lowercase() == folded) {
        return Ok(i);
    }
    let containing: Vec<usize> =
        (0..headings.len()).filter(|&i| headings[i].text.to_lowercase().contains(&folded)).collect();
    match containing.as_slice() {
        [one] => Ok(*one),
        [] => Err((1, format!("artikel: {}", s::no_section(want)))),
        several => {
            let list: Vec<String> =
                several.iter().map(|&i| format!("  #{}  {}", headings[i].anchor, headings[i].text)).collect();
            Err((1, format!("artikel: {}\n{}", s::sections_ambiguous(want), list.join("\n"))))
        }
    }
}

/// The comment `id` names (its id, or the start of one), or why none.
fn comment_named(ledger: &Ledger, id: &str) -> Result<Comment, Failure> {
    let found = ledger.comments_starting(id).map_err(fail)?;
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err((1, s::no_comment(&visible(id)))),
        several => match several.iter().find(|c| c.id == id) {
            Some(exact) => Ok(exact.clone()),
            None => {
                let ids: Vec<String> = several.iter().map(|c| format!("  #{}", short(&c.id))).collect();
                Err((1, format!("{}\n{}", s::comment_ambiguous(&visible(id)), ids.join("\n"))))
            }
        },
    }
}

fn reply(ledger: &mut Ledger, id: &str, text: &str) -> Result<i32, Failure> {
    let c = comment_named(ledger, id)?;
    // A reply to a reply answers the thread's first comment.
    let root = thread_of(ledger)?.remove(&c.id).unwrap_or(c.id.clone());
    let stamp = crate::store::now();
    let answer = Comment {
        id: ledger::new_id(),
        author: crate::store::account(),
        text: text.to_string(),
        resolved: false,
        created: stamp.clone(),
        updated: stamp,
        revision: 1,
        ..c
    };
    let new = answer.id.clone();
    ledger.reply(&root, answer).map_err(fail)?;
    write_out(&format!("{}\n", s::comment_added(&new)))?;
    Ok(0)
}

fn resolve(ledger: &mut Ledger, id: &str, resolved: bool) -> Result<i32, Failure> {
    let c = comment_named(ledger, id)?;
    let replies = thread_of(ledger)?;
    let root = replies.get(&c.id).cloned().unwrap_or(c.id.clone());
    // The whole thread: its first comment and every reply to it.
    let thread = std::iter::once(root.clone())
        .chain(replies.iter().filter(|(_, p)| **p == root).map(|(r, _)| r.clone()));
    let (by, at) = (crate::store::account(), crate::store::now());
    let writes: Vec<Write> =
        thread.map(|id| Write::Resolve { id, resolved, by: by.clone(), at: at.clone() }).collect();
    ledger.write_batch(&writes).map_err(fail)?;
    let c = Comment { id: root, ..c };
    let word = if resolved { s::RESOLVED } else { s::REOPENED };
    write_out(&format!("#{} {word}\n", short(&c.id)))?;
    Ok(0)
}

fn export(library: &Library, ledger: &Ledger, format: ReportFormat) -> Result<i32, Failure> {
    let judged = ledger.judge(&library.articles, &library.articles).map_err(fail)?;
    let order = ledger.replies().map_err(fail)?;
    let comments = threaded(followed_comments(library, ledger, None, true)?, &order);
    let replies: HashMap<String, String> = order.into_iter().collect();
    let mut by_slug: HashMap<&str, Vec<&Comment>> = HashMap::new();
    for c in &comments {
        by_slug.entry(c.slug.as_str()).or_default().push(c);
    }
    let decision = |d: &Decision, current: &str| report::DecisionRow {
        reviewer: d.reviewer.clone(),
        decision: d.verdict.label().to_string(),
        version: short(&d.version).to_string(),
        current: d.version == current,
        reason: d.comment.clone(),
        at: d.at.clone(),
    };
    let mut places = Places::default();
    let mut notes_of = |slug: &str| -> Vec<report::NoteRow> {
        let notes = by_slug.get(slug).map(Vec::as_slice).unwrap_or_default();
        notes
            .iter()
            .map(|c| {
                let p = places.of(library, c);
                let section = match (p.detached, c.heading.is_empty()) {
                    (_, true) => String::new(),
                    (true, false) => format!("{} {}", p.section, s::DETACHED),
                    (false, false) => p.section,
                };
                report::NoteRow {
                    id: short(&c.id).to_string(),
                    reply_to: replies.get(&c.id).map(|p| short(p).to_string()).unwrap_or_default(),
                    section,
                    note: c.text.clone(),
                    author: c.author.clone(),
                    written: c.updated.clone(),
                    note_version: short(&c.version).to_string(),
                    resolved: c.resolved,
                }
            })
            .collect()
    };
    let mut articles = Vec::new();
    for (a, j) in library.articles.iter().zip(&judged) {
        articles.push(report::ArticleRow {
            slug: a.slug.clone(),
            article: a.title.clone(),
            detached: false,
            version: short(&j.version).to_string(),
            status: j.state.label().to_string(),
            approvals: j.approvals.len(),
            decisions: j.decisions.iter().rev().map(|d| decision(d, &j.version)).collect(),
            outstanding: j.blockers.iter().map(|d| decision(d, &j.version)).collect(),
            renamed_from: j.renamed_from.iter().map(|(old, _)| old.clone()).collect(),
            notes: notes_of(&a.slug),
        });
    }
    // Slugs only the ledger still knows (detached), with what it holds on them.
    let latest = ledger.latest(None).map_err(fail)?;
    let gone: BTreeSet<&str> = latest
        .keys()
        .map(String::as_str)
        .chain(by_slug.keys().copied())
        .filter(|s| {
            library.position(s).is_none() && !articles.iter().any(|a| a.renamed_from.iter().any(|o| o == s))
        })
        .collect();
    for slug in gone {
        let decisions = latest.get(slug).map(Vec::as_slice).unwrap_or_default();
        articles.push(report::ArticleRow {
            slug: slug.to_string(),
            detached: true,
            status: ArticleState::of(decisions.last(), "").label().to_string(),
            decisions: decisions.iter().rev().map(|d| decision(d, "")).collect(),
            notes: notes_of(slug),
            ..report::ArticleRow::default()
        });
    }
    let policy = ledger.policy().map_err(fail)?;
    let report = report::Report { approvals_needed: policy.approvals, leads: policy.leads, articles };
    let text = match format {
        ReportFormat::Json => report::json(&report),
        ReportFormat::Csv => report::csv(&report),
        ReportFormat::Md => report::markdown(&report),
    };
    write_out(&visible(&text))?;
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
            let (code, message) = run_on(&cli, &library, Ledger::open(&full)).expect_err("failed");
            assert_eq!(code, 1, "{args:?}");
            assert!(message.contains("cannot be opened: the disk is full"), "{args:?}: {message}");
            assert!(!message.contains("read-only"), "{args:?}: {message}");
        }
    }
}
