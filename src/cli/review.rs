//! `artikel notes`, `notes export` and `review`: the reviewer's store from the shell.

use super::{Failure, ReportFormat, print::write_out};
use crate::document::Document;
use crate::library::Library;
use crate::store::{Change, Disk, Review, ReviewStatus, Store, resolve, user};
use serde_json::json;

fn load(disk: &Disk) -> Store {
    let loaded = disk.load();
    if let Some(problem) = &loaded.problem {
        eprintln!("artikel: {problem}");
    }
    loaded.store
}

/// The section a note is on now, or `None` when its heading is gone (detached).
fn section_of(library: &Library, slug: &str, heading: &str, position: usize) -> Option<String> {
    let article = &library.articles[library.position(slug)?];
    let doc = Document::parse(&article.body);
    let texts: Vec<&str> = doc.outline.headings.iter().map(|h| h.text.as_str()).collect();
    let anchor = crate::store::Anchor { slug: slug.into(), heading: heading.into(), position };
    resolve(&anchor, &texts).map(|i| texts[i].to_string())
}

/// Lists the notes (of one article, or all).
pub fn list(library: &Library, disk: &Disk, slug: Option<&str>) -> Result<i32, Failure> {
    let store = load(disk);
    let mut out = String::new();
    for note in store.notes.iter().filter(|n| slug.is_none_or(|s| n.anchor.slug == s)) {
        let a = &note.anchor;
        let section = if a.heading.is_empty() {
            crate::strings::INTRO.to_string()
        } else {
            section_of(library, &a.slug, &a.heading, a.position)
                .unwrap_or_else(|| format!("{} (detached)", a.heading))
        };
        let first = note.text.lines().next().unwrap_or("");
        let date = note.updated.get(..10).unwrap_or(&note.updated);
        out.push_str(&format!("{} › {section}: {first}  ({}, {date})\n", a.slug, note.author));
    }
    if out.is_empty() {
        out = "No notes yet.\n".into();
    }
    write_out(&crate::sanitize::visible(&out))?;
    Ok(0)
}

/// Sets the review status of `slug`.
pub fn set(disk: &Disk, slug: &str, status: &str) -> Result<i32, Failure> {
    let status = ReviewStatus::parse(status).ok_or_else(|| {
        (2, format!("artikel: “{status}” is no status: reviewed, needs-changes or unreviewed"))
    })?;
    let review = Review { status, user: user(), date: crate::store::now() };
    disk.update(&[Change::SetReview(slug.to_string(), review)]).map_err(|e| (1, format!("artikel: {e}")))?;
    write_out(&format!("{slug}: {}\n", status.label()))?;
    Ok(0)
}

/// One line of the review report.
struct Row {
    slug: String,
    title: String,
    section: String,
    note: String,
    author: String,
    written: String,
    status: &'static str,
    reviewer: String,
    reviewed: String,
}

/// Writes the review report: every article with notes or a status.
pub fn export(library: &Library, disk: &Disk, format: ReportFormat) -> Result<i32, Failure> {
    let store = load(disk);
    let mut rows = Vec::new();
    for article in &library.articles {
        let review = store.reviews.get(&article.slug);
        let (status, reviewer, reviewed) = review.map_or(("unreviewed", String::new(), String::new()), |r| {
            (r.status.label(), r.user.clone(), r.date.clone())
        });
        let notes: Vec<_> = store.notes_of(&article.slug).collect();
        let row = |section: String, note: String, author: String, written: String| Row {
            slug: article.slug.clone(),
            title: article.title.clone(),
            section,
            note,
            author,
            written,
            status,
            reviewer: reviewer.clone(),
            reviewed: reviewed.clone(),
        };
        if notes.is_empty() && review.is_some() {
            rows.push(row(String::new(), String::new(), String::new(), String::new()));
        }
        for n in notes {
            let a = &n.anchor;
            let section = section_of(library, &a.slug, &a.heading, a.position).unwrap_or_else(|| {
                if a.heading.is_empty() { String::new() } else { format!("{} (detached)", a.heading) }
            });
            rows.push(row(section, n.text.clone(), n.author.clone(), n.updated.clone()));
        }
    }
    let text = match format {
        ReportFormat::Json => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    json!({"slug": r.slug, "article": r.title, "section": r.section, "note": r.note, "author": r.author,
                           "written": r.written, "status": r.status, "reviewer": r.reviewer, "reviewed": r.reviewed})
                })
                .collect();
            format!("{}\n", serde_json::Value::Array(items))
        }
        ReportFormat::Csv => {
            let mut out = String::from("slug,article,section,note,author,written,status,reviewer,reviewed\n");
            for r in &rows {
                let fields = [
                    &r.slug,
                    &r.title,
                    &r.section,
                    &r.note,
                    &r.author,
                    &r.written,
                    r.status,
                    &r.reviewer,
                    &r.reviewed,
                ];
                let quoted: Vec<String> =
                    fields.iter().map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect();
                out.push_str(&quoted.join(","));
                out.push('\n');
            }
            out
        }
        ReportFormat::Md => {
            let mut out = String::from("# Review report\n");
            let mut last = "";
            for r in &rows {
                if r.slug != last {
                    out.push_str(&format!("\n## {} ({})\n\nStatus: **{}**", r.title, r.slug, r.status));
                    if !r.reviewer.is_empty() {
                        out.push_str(&format!(
                            " by {} on {}",
                            r.reviewer,
                            r.reviewed.get(..10).unwrap_or(&r.reviewed)
                        ));
                    }
                    out.push_str("\n\n");
                    last = &r.slug;
                }
                if !r.note.is_empty() {
                    let section = if r.section.is_empty() { crate::strings::INTRO } else { &r.section };
                    let note = r.note.replace('\n', "\n  ");
                    out.push_str(&format!(
                        "- *{section}* — {note} ({}, {})\n",
                        r.author,
                        r.written.get(..10).unwrap_or(&r.written)
                    ));
                }
            }
            out
        }
    };
    write_out(&crate::sanitize::visible(&text))?;
    Ok(0)
}
