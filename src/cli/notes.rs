//! The `notes` commands that write: comments on sections, and their replies and threads.

use super::{Failure, print::write_out};
use crate::commands::review::{article, fail};
use crate::document::Document;
use crate::ledger::{self, Comment, Engine, Write, short};
use crate::library::Library;
use crate::sanitize::visible;
use crate::strings as s;
use std::collections::HashMap;

/// Each reply's id, and the comment it answers.
fn thread_of(ledger: &dyn Engine) -> Result<HashMap<String, String>, Failure> {
    Ok(ledger.replies().map_err(fail)?.into_iter().collect())
}

pub(super) fn add(
    library: &Library,
    ledger: &mut dyn Engine,
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
    ledger.record_one(Write::Comment(comment)).map_err(fail)?;
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
fn comment_named(ledger: &dyn Engine, id: &str) -> Result<Comment, Failure> {
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

pub(super) fn reply(ledger: &mut dyn Engine, id: &str, text: &str) -> Result<i32, Failure> {
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

pub(super) fn resolve(ledger: &mut dyn Engine, id: &str, resolved: bool) -> Result<i32, Failure> {
    let c = comment_named(ledger, id)?;
    let replies = thread_of(ledger)?;
    let root = replies.get(&c.id).cloned().unwrap_or(c.id.clone());
    // The whole thread: its first comment and every reply to it.
    let thread = std::iter::once(root.clone())
        .chain(replies.iter().filter(|(_, p)| **p == root).map(|(r, _)| r.clone()));
    let (by, at) = (crate::store::account(), crate::store::now());
    let writes: Vec<Write> =
        thread.map(|id| Write::Resolve { id, resolved, by: by.clone(), at: at.clone() }).collect();
    ledger.record_together(&writes).map_err(fail)?;
    let c = Comment { id: root, ..c };
    let word = if resolved { s::RESOLVED } else { s::REOPENED };
    write_out(&format!("#{} {word}\n", short(&c.id)))?;
    Ok(0)
}
