//! `faq` and `search`: answers and hits printed from the shell, as text or JSON.

use super::{Failure, Io, StyledOut};
use crate::app::Docs;
use crate::document::{Document, Outline};
use crate::layout::{Layout, display_width, truncate};
use crate::library::Library;
use crate::search::{Hit, Index, MAX_TERMS, Query, snippet};
use crate::strings;
use serde_json::json;

/// How `faq` answers.
#[derive(Debug, Clone, Copy)]
pub struct Faq {
    /// The ten best questions instead of the best answer.
    pub all: bool,
    /// As JSON, with scores.
    pub json: bool,
    /// Why the best answer won, too.
    pub explain: bool,
    /// The columns to lay the answer out in.
    pub width: usize,
}

/// Prints the best answer to `words` in `index` and up to two runner-ups ("Se også"), or with
/// `all` the ten best; `--json` gives them all with their scores, and `[]` when nothing answers.
pub fn faq(
    library: &Library,
    index: &Index,
    words: &[String],
    how: Faq,
    io: &mut Io,
) -> Result<i32, Failure> {
    let Faq { all, json: json_out, explain, width } = how;
    let text = words.join(" ");
    let query = Query::new(&text);
    if query.cut {
        io.warn(&strings::query_cut(MAX_TERMS));
    }
    let hits = index.answers(&query, if all { 10 } else { 3 });
    if hits.is_empty() {
        if json_out {
            io.write("[]\n")?;
        }
        let why =
            if query.only_common { strings::only_common_words(&text) } else { strings::no_answer(&text) };
        return if json_out { Ok(1) } else { Err(Failure::failed(why)) };
    }
    let docs = Docs::new(library.articles.len());
    let answers: Vec<Answer> = hits.iter().map(|h| Answer::of(library, &docs, h)).collect();
    let reading = index.reading(&query);
    let care = reading.care();
    if json_out {
        let care =
            care.as_ref().map(|c| json!({ "level": c.level.code(), "advice": c.advice, "sign": c.sign }));
        let why = explain.then(|| explanation(library, &reading, &answers[0]));
        let items: Vec<serde_json::Value> = answers
            .iter()
            .map(|a| {
                let mut item = json!({
                    "slug": a.slug, "title": a.title, "heading": a.heading, "anchor": a.anchor,
                    "score": a.score, "answer": a.answer_text(),
                });
                if let Some(care) = &care {
                    item["care"] = care.clone();
                }
                if let Some(why) = &why {
                    item["explain"] = json!(why);
                }
                item
            })
            .collect();
        io.write(&format!("{}\n", serde_json::Value::Array(items)))?;
        return Ok(0);
    }
    let mut out = StyledOut::new(io.terminal);
    if let Some(care) = &care {
        out.bold(&care.line());
    }
    if all {
        for a in &answers {
            out.line(&format!("{}  — {} ({})", a.heading, a.short_title, a.place()));
        }
    } else {
        let a = &answers[0];
        out.bold(&a.heading);
        out.dim(&format!("{} · {}", a.title, a.place()));
        out.line("");
        out.layout(&Layout::new(&a.answer, width));
        if answers.len() > 1 {
            out.line("");
            out.bold(&strings::SEE_ALSO);
            for a in &answers[1..] {
                out.line(&format!("  {}  {}", a.place(), a.heading));
            }
        }
    }
    if explain {
        out.line("");
        out.bold(&strings::EXPLAIN_TITLE);
        for line in explanation(library, &reading, &answers[0]) {
            out.line(&line);
        }
    }
    io.write(&out.finish())?;
    Ok(0)
}

/// Why `best` answers the question `reading` read: the article named and by which words,
/// the kinds of section asked for, a warning sign, the answer's score. Safe to print.
fn explanation(library: &Library, reading: &crate::search::Reading, best: &Answer) -> Vec<String> {
    let quote = |s: &str| crate::sanitize::inline(s).into_owned();
    let mut lines = Vec::new();
    if reading.named.is_empty() {
        lines.push(strings::EXPLAIN_NO_ARTICLE.to_string());
    }
    for named in &reading.named {
        let by: Vec<String> = named.by.iter().map(|(word, _)| format!("“{}”", quote(word))).collect();
        let title = library.articles.get(named.article as usize).map_or("", |a| a.short_title());
        lines.push(strings::explain_article(&quote(title), &by.join(", ")));
    }
    if reading.kinds.is_empty() {
        lines.push(strings::EXPLAIN_NO_KIND.to_string());
    } else {
        let kinds: Vec<String> = reading
            .kinds
            .iter()
            .map(|(k, _)| match reading.learned.contains(k) {
                true => format!("“{}” ({})", kind_name(*k), strings::EXPLAIN_LEARNED),
                false => format!("“{}”", kind_name(*k)),
            })
            .collect();
        lines.push(strings::explain_kinds(&kinds.join(", ")));
    }
    for sign in &reading.signs {
        lines.push(strings::explain_sign(&quote(sign.name()), &sign.level.care()));
    }
    lines.push(strings::explain_answer(&quote(&best.heading), best.score));
    lines
}

/// Prints every place `words` are found in `index`: `slug › section: snippet`, the snippet cut
/// to `width` on a terminal and the whole sentence around the hit otherwise.
pub fn search(
    library: &Library,
    index: &Index,
    words: &[String],
    json_out: bool,
    width: usize,
    io: &mut Io,
) -> Result<i32, Failure> {
    let text = words.join(" ");
    let query = Query::new(&text);
    if query.cut {
        io.warn(&strings::query_cut(MAX_TERMS));
    }
    let hits = index.search(&query, usize::MAX);
    if hits.is_empty() {
        if json_out {
            io.write("[]\n")?;
            return Ok(1);
        }
        return Err(Failure::failed(strings::nothing_found(&text)));
    }
    let whole = json_out || !io.terminal;
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
        io.write(&format!("{}\n", serde_json::Value::Array(items)))?;
        return Ok(0);
    }
    let mut out = StyledOut::new(io.terminal);
    for (place, snip) in rows {
        out.hit_line(&place, &snip);
    }
    io.write(&out.finish())?;
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
    /// The answer `hit` points at: a section, or an article's introduction (under its title).
    fn of(library: &Library, docs: &Docs, hit: &Hit) -> Answer {
        let article = &library.articles[hit.target.article as usize];
        let doc = docs.get(hit.target.article as usize, &article.body);
        let heading = hit.target.heading.map(|i| i as usize).filter(|&i| i < doc.outline.headings.len());
        let (heading_text, anchor, range) = match heading {
            Some(i) => {
                let h = &doc.outline.headings[i];
                (h.text.clone(), h.anchor.clone(), doc.outline.answer(i))
            }
            None => {
                let end = doc.outline.headings.first().map_or(doc.blocks.len(), |h| h.block);
                (article.short_title().to_string(), String::new(), 0..end)
            }
        };
        let blocks = doc.blocks[range].to_vec();
        Answer {
            slug: article.slug.clone(),
            title: article.title.clone(),
            short_title: article.short_title().to_string(),
            heading: heading_text,
            anchor,
            score: (hit.score * 1000.0).round() / 1000.0,
            answer: Document { outline: Outline::of(&blocks), blocks, ..Document::default() },
        }
    }

    /// Where it is: `slug#anchor`, or `slug` for an introduction.
    fn place(&self) -> String {
        if self.anchor.is_empty() { self.slug.clone() } else { format!("{}#{}", self.slug, self.anchor) }
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

/// A kind of question, as `faq --explain` names it.
fn kind_name(kind: crate::search::intent::Kind) -> &'static str {
    use crate::search::intent::Kind;
    let name = match kind {
        Kind::SeekHelp => strings::KIND_SEEK_HELP,
        Kind::Danger => strings::KIND_DANGER,
        Kind::Course => strings::KIND_COURSE,
        Kind::Causes => strings::KIND_CAUSES,
        Kind::Symptoms => strings::KIND_SYMPTOMS,
        Kind::Diagnosis => strings::KIND_DIAGNOSIS,
        Kind::Treatment => strings::KIND_TREATMENT,
        Kind::SelfCare => strings::KIND_SELF_CARE,
        Kind::Physio => strings::KIND_PHYSIO,
        Kind::Training => strings::KIND_TRAINING,
        Kind::Prevention => strings::KIND_PREVENTION,
        Kind::Surgery => strings::KIND_SURGERY,
        Kind::Sleep => strings::KIND_SLEEP,
        Kind::Work => strings::KIND_WORK,
        Kind::Risk => strings::KIND_RISK,
        Kind::WhatIs => strings::KIND_WHAT_IS,
        Kind::Difference => strings::KIND_DIFFERENCE,
        Kind::Rest => strings::KIND_REST,
    };
    name.as_str()
}
