//! `faq` and `search`: answers and hits printed from the shell, as text or JSON.

use super::Failure;
use super::print::{StyledOut, write_out};
use crate::app::Docs;
use crate::document::{Document, Outline};
use crate::layout::{Layout, display_width, truncate};
use crate::library::Library;
use crate::search::{Hit, Index, MAX_TERMS, Query, snippet};
use crate::strings;
use serde_json::json;
use std::io::IsTerminal;

/// Prints the best answer to `words` and up to two runner-ups ("Se også"), or with `all`
/// the ten best; `--json` gives them all with their scores, and `[]` when nothing answers.
pub fn faq(
    library: &Library,
    words: &[String],
    all: bool,
    json_out: bool,
    width: usize,
) -> Result<i32, Failure> {
    // Left to the process's exit to free, as the library is.
    let index = std::mem::ManuallyDrop::new(Index::of(library));
    faq_in(library, &index, words, all, json_out, width)
}

/// [`faq`] in `index`, the library's index built already (a server builds it once for all).
pub fn faq_in(
    library: &Library,
    index: &Index,
    words: &[String],
    all: bool,
    json_out: bool,
    width: usize,
) -> Result<i32, Failure> {
    let text = words.join(" ");
    let query = Query::new(&text);
    if query.cut {
        super::print::warn(&strings::query_cut(MAX_TERMS));
    }
    let hits = index.answers(&query, if all { 10 } else { 3 });
    if hits.is_empty() {
        if json_out {
            write_out("[]\n")?;
        }
        let why =
            if query.only_common { strings::only_common_words(&text) } else { strings::no_answer(&text) };
        return if json_out { Ok(1) } else { Err((1, why)) };
    }
    let docs = Docs::new(library.articles.len());
    let answers: Vec<Answer> = hits.iter().map(|h| Answer::of(library, &docs, h)).collect();
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
        if answers.len() > 1 {
            out.line("");
            out.bold(&strings::SEE_ALSO);
            for a in &answers[1..] {
                out.line(&format!("  {}#{}  {}", a.slug, a.anchor, a.heading));
            }
        }
    }
    write_out(&out.finish())?;
    Ok(0)
}

/// Prints every place `words` are found: `slug › section: snippet`, the snippet cut to the
/// terminal's width on a terminal and the whole sentence around the hit otherwise.
pub fn search(library: &Library, words: &[String], json_out: bool, width: usize) -> Result<i32, Failure> {
    let index = std::mem::ManuallyDrop::new(Index::of(library));
    search_in(library, &index, words, json_out, width)
}

/// [`search`] in `index`, the library's index built already (a server builds it once for all).
pub fn search_in(
    library: &Library,
    index: &Index,
    words: &[String],
    json_out: bool,
    width: usize,
) -> Result<i32, Failure> {
    let text = words.join(" ");
    let query = Query::new(&text);
    if query.cut {
        super::print::warn(&strings::query_cut(MAX_TERMS));
    }
    let hits = index.search(&query, usize::MAX);
    if hits.is_empty() {
        if json_out {
            write_out("[]\n")?;
            return Ok(1);
        }
        return Err((1, strings::nothing_found(&text)));
    }
    let whole = json_out || !std::io::stdout().is_terminal();
    let docs = Docs::new(library.articles.len());
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for hit in &hits {
        let a = hit.target.article as usize;
        let doc = docs.get(a, &library.articles[a].body);
        let article = &library.articles[a];
        let heading = hit.target.heading.and_then(|h| doc.outline.headings.get(h as usize));
        let section = heading.map_or(strings::INTRO.as_str(), |h| h.text.as_str());
        let anchor = heading.map_or("", |h| h.anchor.as_str());
        // The place takes at most half the line, so the snippet has room to say something.
        let place = if whole {
            format!("{} › {section}: ", article.slug)
        } else {
            truncate(&format!("{} › {section}", article.slug), width / 2) + ": "
        };
        let room = if whole { usize::MAX } else { width.saturating_sub(display_width(&place)).max(30) };
        let snip = snippet(&doc, hit.target.heading.map(|h| h as usize), hit.body_at, &query, room);
        if json_out {
            items.push(json!({
                "slug": article.slug, "heading": section, "anchor": anchor,
                "score": (hit.score * 1000.0).round() / 1000.0, "snippet": snip.text,
            }));
        } else {
            rows.push((place, snip));
        }
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
    score: f32,
    /// The blocks that answer it, as a document of their own.
    answer: Document,
}

impl Answer {
    fn of(library: &Library, docs: &Docs, hit: &Hit) -> Answer {
        let article = &library.articles[hit.target.article as usize];
        let doc = docs.get(hit.target.article as usize, &article.body);
        let i = hit.target.heading.unwrap_or(0) as usize;
        let h = &doc.outline.headings[i];
        let blocks = doc.blocks[doc.outline.answer(i)].to_vec();
        Answer {
            slug: article.slug.clone(),
            title: article.title.clone(),
            short_title: article.short_title().to_string(),
            heading: h.text.clone(),
            anchor: h.anchor.clone(),
            score: (hit.score * 1000.0).round() / 1000.0,
            answer: Document { outline: Outline::of(&blocks), blocks, ..Document::default() },
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
