//! Snippets: a line of an article's text around a hit, with the hit marked.

use super::rank::Query;
use crate::document::{Document, push_block_text};
use crate::layout::{display_width, truncate};
use crate::words::analyze::{counts_at, stem};
use crate::words::fold::fold_mapped;
use std::ops::Range;

/// A piece of text with the part that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text, on one line.
    pub text: String,
    /// The byte range of the match in `text`, if it shows one.
    pub hit: Option<Range<usize>>,
}

/// Where the first word of `query` (its stem) matches in `text` (original, unfolded).
pub fn highlight(text: &str, query: &Query) -> Option<Range<usize>> {
    let stems: Vec<String> = query.terms.iter().map(|t| stem(t)).collect();
    highlights(text, &stems).into_iter().next()
}

/// Every place in `text` (original, unfolded) where one of `patterns` (folded) matches, in
/// order and not overlapping: the words to show bold.
pub fn highlights(text: &str, patterns: &[String]) -> Vec<Range<usize>> {
    let (folded, map) = fold_mapped(text);
    let bytes = folded.as_bytes();
    let mut found: Vec<Range<usize>> = Vec::new();
    for p in patterns.iter().filter(|p| !p.is_empty()) {
        for (at, _) in folded.match_indices(p.as_str()) {
            if counts_at(bytes, at, p, true) {
                found.push(at..at + p.len());
            }
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in found {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out.into_iter().map(|r| map[r.start]..map[r.end]).filter(|r| r.start < r.end).collect()
}

/// A snippet from the text under heading `heading` (or the introduction) of the article
/// `doc`, around the hit at the folded offset and length `body_at` if given, else around the
/// first word of `query`: at most `width` columns, or with `usize::MAX` the whole sentence.
pub fn snippet(
    doc: &Document,
    heading: Option<usize>,
    body_at: Option<(u32, u32)>,
    query: &Query,
    width: usize,
) -> Snippet {
    let blocks = match heading {
        Some(i) => doc.outline.own_blocks(i, doc.blocks.len()),
        None => 0..doc.outline.headings.first().map_or(doc.blocks.len(), |h| h.block),
    };
    let mut text = String::new();
    doc.blocks[blocks].iter().for_each(|b| push_block_text(&mut text, b));
    let (folded, map) = fold_mapped(&text);
    let given = body_at.map(|(a, len)| (a as usize, len as usize)).filter(|&(a, len)| {
        a + len <= folded.len() && folded.is_char_boundary(a) && folded.is_char_boundary(a + len)
    });
    let found = || {
        query.terms.iter().map(|t| stem(t)).find_map(|p| {
            folded
                .match_indices(p.as_str())
                .find(|(at, _)| counts_at(folded.as_bytes(), *at, &p, false))
                .map(|(at, _)| (at, p.len()))
        })
    };
    let Some((at, len)) = given.or_else(found) else {
        let text =
            if width == usize::MAX { first_sentence(&text).to_string() } else { truncate(&text, width) };
        return Snippet { text, hit: None };
    };
    // The hit is shown as the whole word it is in.
    let len = folded[at + len..].find(|c: char| !c.is_alphanumeric()).map_or(folded.len() - at, |n| len + n);
    let (start, end) = (map[at], map[at + len]);
    if width == usize::MAX {
        let (from, to) = sentence_around(&text, start, end);
        let hit = (start - from)..(end - from);
        return Snippet { text: text[from..to].to_string(), hit: Some(hit) };
    }
    // Some words before the hit, so it is seen in its context, then as much as fits.
    let lead = width / 4;
    let mut from = start;
    for (i, _) in text[..start].char_indices().rev() {
        if display_width(&text[i..start]) > lead {
            break;
        }
        from = i;
    }
    if let Some(space) = text[from..start].find(' ').filter(|_| from > 0) {
        from += space + 1;
    }
    let prefix = if from > 0 { "…" } else { "" };
    let shown = truncate(&format!("{prefix}{}", &text[from..]), width);
    let hit_start = prefix.len() + start - from;
    let hit_end = (prefix.len() + end - from).min(shown.len());
    let hit = (hit_start < hit_end).then_some(hit_start..hit_end);
    Snippet { text: shown, hit }
}

/// The sentence of `text` that holds `start..end`: from after the end of the one before to
/// the end of its own (a `.`, `!` or `?` followed by a space, or a line end).
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| {
        bytes[i] == b'\n'
            || (matches!(bytes[i], b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()))
    };
    let from = (0..start).rev().find(|&i| ends_sentence(i)).map_or(0, |i| i + 1);
    let to = (end..bytes.len()).find(|&i| ends_sentence(i)).map_or(bytes.len(), |i| i + 1);
    let skipped = text[from..start].len() - text[from..start].trim_start().len();
    (from + skipped, to.max(end))
}

/// The first sentence of `text`.
fn first_sentence(text: &str) -> &str {
    let (from, to) = sentence_around(text, 0, 0);
    &text[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_shows_the_hit_in_its_context() {
        let doc = Document::parse(
            "## Hvad hjælper?\n\nMange har gavn af fysioterapi, hvor man træner musklerne i ryggen og lærer øvelser.\n",
        );
        let q = Query::new("traener");
        let s = snippet(&doc, Some(0), None, &q, 40);
        assert_eq!(s.text, "…hvor man træner musklerne i ryggen og …");
        assert_eq!(&s.text[s.hit.clone().expect("a hit")], "træner");
    }

    #[test]
    fn piped_a_snippet_is_the_whole_sentence_around_the_hit() {
        let doc = Document::parse(
            "## Hvad hjælper?\n\nHvile hjælper lidt. Mange har gavn af fysioterapi, hvor man træner musklerne i ryggen og lærer øvelser, der kan gøres hjemme hver dag. Det tager tid.\n",
        );
        let s = snippet(&doc, Some(0), None, &Query::new("traener"), usize::MAX);
        assert_eq!(
            s.text,
            "Mange har gavn af fysioterapi, hvor man træner musklerne i ryggen og lærer øvelser, der kan gøres hjemme hver dag."
        );
        assert_eq!(&s.text[s.hit.clone().expect("a hit")], "træner");
    }

    #[test]
    fn every_matched_word_is_marked_once() {
        let text = "Hvornår skal du søge læge ved knæsmerter?";
        let marked: Vec<&str> = highlights(text, &["knae".into(), "hvornaar skal".into(), "laeg".into()])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(marked, ["Hvornår skal", "læg", "knæ"]);
    }

    #[test]
    fn a_heading_match_is_found_in_the_original_text() {
        let q = Query::new("helbredes");
        let text = "Kan nervesmerter helbredes?";
        assert_eq!(highlight(text, &q).map(|r| &text[r]), Some("helbred"), "the stem");
        assert_eq!(highlight("Smærter", &Query::new("smaerter")).map(|r| &"Smærter"[r]), Some("Smært"));
    }
}
