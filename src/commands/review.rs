//! `review status`, `log`, `diff` and `verify`, and `notes` listing and exporting: what the
//! team's review ledger holds, printed.

use super::{Failure, Io, Reading};
use crate::ledger::{self, ArticleState, Decision, Engine, Ledger, Opened, short};
use crate::library::{Article, Library};
use crate::sanitize::visible;
use crate::strings as s;
use serde_json::json;

/// Runs `reading` on `ledger`, after saying (as a warning) what the user should know about how
/// it opened. It fails when the file's records are not what the ledger holds (it could not be
/// opened, or a damaged one was moved aside): an empty answer would be untrue.
pub fn read_on(reading: &Reading, library: &Library, ledger: Ledger, io: &mut Io) -> Result<i32, Failure> {
    if let Some(message) = &ledger.message {
        if ledger.opened() != Opened::AsFound {
            return Err(fail(message));
        }
        io.warn(&format!("artikel: {}", visible(message)));
    }
    match reading {
        Reading::Status { slug, json, mine, check } => {
            let how = Show { json: *json, mine: *mine, check: *check };
            status(library, &ledger, slug.as_deref(), how, io)
        }
        Reading::Diff { slug, reviewer } => diff(library, &ledger, slug, reviewer.as_deref(), io),
        Reading::Log { slug, json } => log(library, &ledger, slug.as_deref(), *json, io),
        Reading::Verify { head } => verify(&ledger, head.as_deref(), io),
        Reading::Notes { slug, resolved, json } => {
            super::notes::list(library, &ledger, slug.as_deref(), *resolved, *json, io)
        }
        Reading::Export { format } => super::notes::export(library, &ledger, *format, io),
    }
}

/// Runs `reading` on a ledger other hosts share (PostgreSQL).
pub fn read_shared(
    reading: &Reading,
    library: &Library,
    ledger: &dyn Engine,
    io: &mut Io,
) -> Result<i32, Failure> {
    match reading {
        Reading::Status { slug, json, mine, check } => {
            let how = Show { json: *json, mine: *mine, check: *check };
            status(library, ledger, slug.as_deref(), how, io)
        }
        Reading::Log { slug, json } => log(library, ledger, slug.as_deref(), *json, io),
        Reading::Verify { head } => verify(ledger, head.as_deref(), io),
        Reading::Diff { slug, reviewer } => diff(library, ledger, slug, reviewer.as_deref(), io),
        Reading::Notes { slug, resolved, json } => {
            super::notes::list(library, ledger, slug.as_deref(), *resolved, *json, io)
        }
        Reading::Export { format } => super::notes::export(library, ledger, *format, io),
    }
}

/// A ledger's error as the commands say it.
pub fn fail(e: impl std::fmt::Display) -> Failure {
    Failure::failed(format!("artikel: {}", visible(&e.to_string())))
}

/// The article `slug` names, or why none.
pub fn article<'a>(library: &'a Library, slug: &str) -> Result<&'a Article, Failure> {
    Ok(&library.articles[super::find(library, slug)?])
}

/// A slug that is in the library, or that the ledger still holds something on.
pub fn known(library: &Library, ledger: &dyn Engine, slug: &str) -> Result<(), Failure> {
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

fn status(
    library: &Library,
    ledger: &dyn Engine,
    slug: Option<&str>,
    how: Show,
    io: &mut Io,
) -> Result<i32, Failure> {
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
    io.write(&visible(&out))?;
    if how.check && open > 0 {
        return Err(Failure::failed(format!("artikel: {}", s::not_all_approved(open))));
    }
    Ok(0)
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

/// The first line of `text`.
pub fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// The day of a time stamp.
pub fn date(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}

fn diff(
    library: &Library,
    ledger: &dyn Engine,
    slug: &str,
    reviewer: Option<&str>,
    io: &mut Io,
) -> Result<i32, Failure> {
    article(library, slug)?;
    let mut base = ledger.last_approval(slug, reviewer).map_err(fail)?;
    if base.is_none() {
        // Approved under the slug it had before a rename.
        let followed = ledger.follow(&library.articles, None).map_err(fail)?;
        for (old, _) in followed.iter().filter(|(_, f)| f.new == slug) {
            base = base.or(ledger.last_approval(old, reviewer).map_err(fail)?);
        }
    }
    diff_from(library, ledger, slug, reviewer, base, io)
}

/// `review diff` from the approval `base` (none: says so), on any engine.
fn diff_from(
    library: &Library,
    ledger: &dyn Engine,
    slug: &str,
    reviewer: Option<&str>,
    base: Option<Decision>,
    io: &mut Io,
) -> Result<i32, Failure> {
    let now = ledger::normalised(article(library, slug)?);
    let version = ledger::version_of(&now);
    let Some(base) = base else {
        io.write(&visible(&format!("{}\n", s::no_approval(slug, reviewer))))?;
        return Ok(0);
    };
    let Some(old) = ledger.text_of(&base.slug, &base.version).map_err(fail)? else {
        io.write(&visible(&format!("{}\n", s::no_text_kept(&base.reviewer))))?;
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
    io.write(&visible(&out))?;
    Ok(0)
}

/// `review log`: the audit log (of `slug`, or all), as lines or JSON.
pub fn log(
    library: &Library,
    ledger: &dyn Engine,
    slug: Option<&str>,
    as_json: bool,
    io: &mut Io,
) -> Result<i32, Failure> {
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
    io.write(&visible(&out))?;
    Ok(0)
}

/// `review verify`: the trail and the tables checked, and `head` (if given) found in it.
pub fn verify(ledger: &dyn Engine, head: Option<&str>, io: &mut Io) -> Result<i32, Failure> {
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
    io.write(&visible(&format!("{}\n", s::trail_holds(found.rows, &found.head))))?;
    Ok(0)
}
