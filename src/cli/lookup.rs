//! `faq` and `search`: answers and hits printed from the shell, as text or JSON.

use super::Failure;
use super::print::{StyledOut, write_out};
use crate::document::{Document, Outline};
use crate::layout::{Layout, display_width, truncate};
use crate::library::Library;
use crate::search::{Hit, Index, Query, snippet};
use crate::strings;
use serde_json::json;

/// Prints the best answer to `words` (or, with `all`, the ten best questions).
pub fn faq(
    library: &Library,
    words: &[String],
    all: bool,
    json_out: bool,
    width: usize,
) -> Result<i32, Failure> {
    let text = words.join(" ");
    let query = Query::new(&text);
    let index = Index::of(library);
    let hits: Vec<Hit> = if all {
        let mut hits = index.questions(&query, 10);
        if hits.is_empty() {
            hits = index
                .search(&query, 50)
                .into_iter()
                .filter(|h| h.target.heading.is_some())
                .take(10)
                .collect();
        }
        hits
    } else {
        index.best_answer(&query).into_iter().collect()
    };
    if hits.is_empty() {
        return Err((1, strings::no_answer(&text)));
    }
    let answers: Vec<Answer> = hits.iter().map(|h| Answer::of(library, h)).collect();
    if json_out {
        let items: Vec<serde_json::Value> = answers
            .iter()
            .map(|a| {
                json!({
                    "slug": a.slug, "title": a.title, "heading": a.heading, "anchor": a.anchor,
                    "score": a.score, "answer": a.answer_text(),
                })
            })
            .collect();
        write_out(&format!("{}\n", serde_json::Value::Array(items)))?;
        return Ok(0);
    }
    let mut out = StyledOut::new();
    if all {
        for a in &answers {
            out.line(&format!("{}  — {} ({}#{})", a.heading, a.short_title, a.slug, a.anchor));
        }
    } else {
        let a = &answers[0];
        out.bold(&a.heading);
        out.dim(&format!("{} · {}#{}", a.title, a.slug, a.anchor));
        out.line("");
        out.layout(&Layout::new(&a.answer, width));
    }
    write_out(&out.finish())?;
    Ok(0)
}

/// Prints each place `words` are found: `slug › section: snippet`.
pub fn search(library: &Library, words: &[String], json_out: bool, width: usize) -> Result<i32, Failure> {
    let text = words.join(" ");
    let query = Query::new(&text);
    let hits = Index::of(library).search(&query, 100);
    if hits.is_empty() {
        return Err((1, strings::nothing_found(&text)));
    }
    let mut docs: Vec<Option<Document>> = vec![None; library.articles.len()];
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for hit in &hits {
        let a = hit.target.article as usize;
        let doc = docs[a].get_or_insert_with(|| Document::parse(&library.articles[a].body));
        let article = &library.articles[a];
        let heading = hit.target.heading.map(|h| &doc.outline.headings[h as usize]);
        let section = heading.map_or(strings::INTRO, |h| h.text.as_str());
        let anchor = heading.map_or("", |h| h.anchor.as_str());
        // The place takes at most half the line, so the snippet has room to say something.
        let place = truncate(&format!("{} › {section}", article.slug), width / 2) + ": ";
        let room = width.saturating_sub(display_width(&place)).max(30);
        let snip = snippet(doc, hit.target.heading.map(|h| h as usize), hit.body_at, &query, room);
        items.push(json!({
            "slug": article.slug, "heading": section, "anchor": anchor,
            "score": hit.score(), "snippet": snip.text,
        }));
        rows.push((place, snip));
    }
    if json_out {
        write_out(&format!("{}\n", serde_json::Value::Array(items)))?;
        return Ok(0);
    }
    let mut out = StyledOut::new();
    for (place, snip) in rows {
        out.hit_line(&place, &snip);
    }
    write_out(&out.finish())?;
    Ok(0)
}

/// A question found, with what it takes to print it.
struct Answer {
    slug: String,
    title: String,
    short_title: String,
    heading: String,
    anchor: String,
    score: u64,
    /// The blocks that answer it, as a document of their own.
    answer: Document,
}

impl Answer {
    fn of(library: &Library, hit: &Hit) -> Answer {
        let article = &library.articles[hit.target.article as usize];
        let doc = Document::parse(&article.body);
        let i = hit.target.heading.unwrap_or(0) as usize;
        let h = &doc.outline.headings[i];
        let blocks = doc.blocks[doc.outline.answer(i)].to_vec();
        Answer {
            slug: article.slug.clone(),
            title: article.title.clone(),
            short_title: article.short_title().to_string(),
            heading: h.text.clone(),
            anchor: h.anchor.clone(),
            score: hit.score(),
            answer: Document { outline: Outline::of(&blocks), blocks },
        }
    }

    fn answer_text(&self) -> String {
        let mut text = String::new();
        for block in &self.answer.blocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let mut one = String::new();
            crate::document::push_block_text(&mut one, block);
            text.push_str(&one);
        }
        text
    }
}
