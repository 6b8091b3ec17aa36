//! The `notes` commands: comments on sections, their replies and threads, and the review
//! report.

use super::{Failure, ReportFormat, print::write_out};
use crate::document::Document;
use crate::ledger::{self, ArticleState, Comment, Decision, Ledger, Write, report, short};
use crate::library::Library;
use crate::sanitize::visible;
use crate::strings as s;
use serde_json::json;
use std::collections::{BTreeSet, HashMap};

use super::review::{article, date, fail, first_line, known};

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

pub(super) fn list(
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

pub(super) fn add(
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
        return Err(Failure::usage(format!("artikel: {}", s::REASON_REQUIRED)));
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
        [] => Err(Failure::failed(format!("artikel: {}", s::no_section(want)))),
        several => {
            let list: Vec<String> =
                several.iter().map(|&i| format!("  #{}  {}", headings[i].anchor, headings[i].text)).collect();
            Err(Failure::failed(format!("artikel: {}\n{}", s::sections_ambiguous(want), list.join("\n"))))
        }
    }
}

/// The comment `id` names (its id, or the start of one), or why none.
fn comment_named(ledger: &Ledger, id: &str) -> Result<Comment, Failure> {
    let found = ledger.comments_starting(id).map_err(fail)?;
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Failure::failed(s::no_comment(&visible(id)))),
        several => match several.iter().find(|c| c.id == id) {
            Some(exact) => Ok(exact.clone()),
            None => {
                let ids: Vec<String> = several.iter().map(|c| format!("  #{}", short(&c.id))).collect();
                Err(Failure::failed(format!("{}\n{}", s::comment_ambiguous(&visible(id)), ids.join("\n"))))
            }
        },
    }
}

pub(super) fn reply(ledger: &mut Ledger, id: &str, text: &str) -> Result<i32, Failure> {
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

pub(super) fn resolve(ledger: &mut Ledger, id: &str, resolved: bool) -> Result<i32, Failure> {
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

pub(super) fn export(library: &Library, ledger: &Ledger, format: ReportFormat) -> Result<i32, Failure> {
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
