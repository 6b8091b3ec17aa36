//! `notes` and `notes export`: the comments on sections with their replies, and the review
//! report.

use super::args::ReportFormat;
use super::review::{date, fail, first_line, known};
use super::{Failure, Io};
use crate::document::Document;
use crate::ledger::{self, ArticleState, Comment, Decision, Engine, report, short};
use crate::library::Library;
use crate::sanitize::visible;
use crate::strings as s;
use serde_json::json;
use std::collections::{BTreeSet, HashMap};

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
    ledger: &dyn Engine,
    slug: Option<&str>,
    resolved: bool,
) -> Result<Vec<Comment>, Failure> {
    let mut comments = ledger.comments(None, resolved).map_err(fail)?;
    if comments.iter().any(|c| library.position(&c.slug).is_none()) {
        let followed = ledger.follow(&library.articles, None).map_err(fail)?;
        for c in &mut comments {
            if let Some(f) = followed.get(&c.slug) {
                c.slug = f.new.clone();
            }
        }
    }
    comments.retain(|c| slug.is_none_or(|s| c.slug == s));
    Ok(comments)
}

/// Prints the comments (of `slug`, or all), each reply under its comment.
pub fn list(
    library: &Library,
    ledger: &dyn Engine,
    slug: Option<&str>,
    resolved: bool,
    as_json: bool,
    io: &mut Io,
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
    io.write(&visible(&out))?;
    Ok(0)
}

/// Prints the review report in `format`.
pub fn export(
    library: &Library,
    ledger: &dyn Engine,
    format: ReportFormat,
    io: &mut Io,
) -> Result<i32, Failure> {
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
    io.write(&visible(&text))?;
    Ok(0)
}
