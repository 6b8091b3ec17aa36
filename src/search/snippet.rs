//! Snippets: a line of an article's text around a hit, with the hit marked.

use super::fold::fold_mapped;
use super::rank::Query;
use crate::document::{Document, push_block_text};
use crate::layout::{display_width, truncate};
use std::ops::Range;

/// A piece of text with the part that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text, on one line.
    pub text: String,
    /// The byte range of the match in `text`, if it shows one.
    pub hit: Option<Range<usize>>,
}

/// Where the first word of `query` matches in `text` (original, unfolded), if it does.
pub fn highlight(text: &str, query: &Query) -> Option<Range<usize>> {
    let term = query.terms.first()?;
    let (folded, map) = fold_mapped(text);
    let at = folded.find(term.as_str())?;
    Some(map[at]..map[at + term.len()])
}

/// A snippet of at most `width` columns from the text under heading `heading` (or the
/// introduction) of the article `doc`, around the folded offset `body_at` if given, else
/// around the first word of `query`.
pub fn snippet(
    doc: &Document,
    heading: Option<usize>,
    body_at: Option<u32>,
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
    let term = query.terms.first().map_or("", String::as_str);
    let at = body_at
        .map(|a| a as usize)
        .filter(|&a| folded[a..].starts_with(term))
        .or_else(|| (!term.is_empty()).then(|| folded.find(term)).flatten());
    let Some(at) = at else {
        return Snippet { text: truncate(&text, width), hit: None };
    };
    let (start, end) = (map[at], map[at + term.len()]);
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
    fn a_heading_match_is_found_in_the_original_text() {
        let q = Query::new("helbredes");
        let text = "Kan nervesmerter helbredes?";
        assert_eq!(highlight(text, &q).map(|r| &text[r]), Some("helbredes"));
        assert_eq!(highlight("Smærter", &Query::new("smaerter")).map(|r| &"Smærter"[r]), Some("Smærter"));
    }
}
