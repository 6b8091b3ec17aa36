//! Applies house rules to one parsed article: each finding with its rule's id, line and column.
//!
//! Every pass is linear in the article: prose is walked word by word once (substitutions and
//! voice together), and each heading's own text is gathered once.

use super::Severity;
use super::rules::{RuleSet, Substitution, in_lang, lowered, matches_lowered, mentions};
use super::source::Parsed;
use crate::document::{Block, HeadingKind, push_block_text};
use crate::strings;
use std::collections::HashMap;

/// The most findings one rule reports in one article; past it, one line says how many more.
pub const MAX_PER_RULE: usize = 25;

/// One house-rule finding, before it is given its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// 1-based line of the file.
    pub line: usize,
    /// 1-based column (in characters), when the finding is a word.
    pub column: Option<usize>,
    /// How much it matters.
    pub severity: Severity,
    /// The rule's id.
    pub rule: String,
    /// What is wrong.
    pub message: String,
    /// Where the rule comes from, when the rule file says.
    pub source: Option<String>,
}

/// Everything `rules` finds in `body` (parsed as `parsed`), the article `slug`, with the
/// library's warning signs.
#[cfg(test)]
pub fn apply(
    rules: &RuleSet,
    signs: &crate::signs::Signs,
    slug: &str,
    body: &str,
    parsed: &Parsed,
) -> Vec<Found> {
    apply_with(&mut super::Scratch::new(), rules, signs, slug, body, parsed)
}

/// [`apply`], with what `scratch` kept from the articles checked before.
pub fn apply_with(
    scratch: &mut super::Scratch,
    rules: &RuleSet,
    signs: &crate::signs::Signs,
    slug: &str,
    body: &str,
    parsed: &Parsed,
) -> Vec<Found> {
    let mut out = Capped::default();
    words_rules(rules, body, parsed, &mut out);
    sections(rules, parsed, &mut out);
    for found in rules.editor.apply_with(scratch, signs, slug, body, parsed.lines.first()) {
        out.push(found);
    }
    out.finish()
}

/// Findings, at most [`MAX_PER_RULE`] per rule, with a count of those left out.
#[derive(Default)]
struct Capped {
    found: Vec<Found>,
    counts: HashMap<String, (usize, Severity, usize)>,
}

impl Capped {
    fn push(&mut self, found: Found) {
        let entry = self.counts.entry(found.rule.clone()).or_insert((0, found.severity, found.line));
        entry.0 += 1;
        if entry.0 <= MAX_PER_RULE {
            self.found.push(found);
        }
    }

    fn finish(mut self) -> Vec<Found> {
        let mut more: Vec<(String, (usize, Severity, usize))> =
            self.counts.into_iter().filter(|(_, (n, ..))| *n > MAX_PER_RULE).collect();
        more.sort();
        for (rule, (n, severity, line)) in more {
            let message = strings::rule_more(n - MAX_PER_RULE);
            self.found.push(Found { line, column: None, severity, rule, message, source: None });
        }
        self.found.sort_by_key(|f| (f.line, f.column));
        self.found
    }
}

/// The words of `text`: each word's byte offset and text (letters and digits).
pub(super) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::search::analyze::word_spans(text)
}

/// Calls `f` with each word of the prose: the text of its prose run, the word's offset in
/// that text and in the body, and the word in lower case.
fn each_word(body: &str, parsed: &Parsed, mut f: impl FnMut(&str, usize, usize, &str)) {
    let mut lower = String::new();
    for span in &parsed.marks.prose {
        let Some(text) = body.get(span.clone()) else { continue };
        for (at, word) in words(text) {
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                super::text::push_lower(&mut lower, word);
            }
            f(text, at, span.start + at, &lower);
        }
    }
}

/// Substitutions and the voice, in one walk over the words of the prose.
fn words_rules(rules: &RuleSet, body: &str, parsed: &Parsed, out: &mut Capped) {
    if rules.substitutions.is_empty() && rules.voice.is_none() {
        return;
    }
    let lower_set =
        |words: &[String]| -> Vec<String> { words.iter().map(|w| w.trim().to_lowercase()).collect() };
    let (prefer, avoid) = rules
        .voice
        .as_ref()
        .map_or((Vec::new(), Vec::new()), |v| (lower_set(&v.prefer), lower_set(&v.avoid)));
    let mut preferred = 0usize;
    let mut avoided: Vec<(usize, String)> = Vec::new();
    each_word(body, parsed, |text, at, offset, lower| {
        for &i in rules.by_first_word.get(lower).into_iter().flatten() {
            let rule = &rules.substitutions[i];
            if let Some(matched) = match_at(&text[at..], &rule.find) {
                let (line, column) = parsed.lines.line_col(body, offset);
                let message = strings::rule_substitution(
                    matched,
                    &in_case_of(matched, rule),
                    in_lang(&rule.reason, &rule.reason_en),
                );
                let source = Some(rule.source.clone()).filter(|s| !s.is_empty());
                let (severity, rule) = (rule.severity, rule.id.clone());
                out.push(Found { line, column: Some(column), severity, rule, message, source });
            }
        }
        if prefer.iter().any(|w| w == lower) {
            preferred += 1;
        } else if avoid.iter().any(|w| w == lower) {
            let word = words(&text[at..]).next().map_or("", |(_, w)| w);
            avoided.push((offset, word.to_string()));
        }
    });
    let Some(voice) = &rules.voice else { return };
    let counted = preferred + avoided.len();
    if counted == 0 || (preferred as f64) < voice.mostly * counted as f64 {
        return;
    }
    for (offset, word) in avoided {
        let (line, column) = parsed.lines.line_col(body, offset);
        let message = strings::rule_voice(&word, in_lang(&voice.message, &voice.message_en));
        let source = Some(voice.source.clone()).filter(|s| !s.is_empty());
        let (severity, rule) = (voice.severity, voice.id.clone());
        out.push(Found { line, column: Some(column), severity, rule, message, source });
    }
}

/// The text matched when `text` starts with `pattern` as whole words. A space in the pattern
/// matches any run of white space; a lower-case pattern matches any case.
fn match_at<'t>(text: &'t str, pattern: &str) -> Option<&'t str> {
    let exact = pattern.chars().any(char::is_uppercase);
    let mut chars = text.char_indices().peekable();
    for p in pattern.chars() {
        if p.is_whitespace() {
            let mut any = false;
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
                any = true;
            }
            if !any {
                return None;
            }
            continue;
        }
        let (_, c) = chars.next()?;
        let same = if exact { c == p } else { c.to_lowercase().eq(p.to_lowercase()) };
        if !same {
            return None;
        }
    }
    let end = chars.peek().map_or(text.len(), |&(i, _)| i);
    if chars.peek().is_some_and(|(_, c)| c.is_alphanumeric()) {
        return None;
    }
    Some(&text[..end])
}

/// The rule's replacement, capitalised when the matched text was.
fn in_case_of(matched: &str, rule: &Substitution) -> String {
    let capital = matched.chars().next().is_some_and(char::is_uppercase);
    let exact = rule.find.chars().any(char::is_uppercase);
    let mut chars = rule.replace.chars();
    match chars.next() {
        Some(first) if capital && !exact => first.to_uppercase().chain(chars).collect(),
        _ => rule.replace.clone(),
    }
}

fn sections(rules: &RuleSet, parsed: &Parsed, out: &mut Capped) {
    if rules.required.is_empty() && rules.length.is_none() {
        return;
    }
    let doc = &parsed.doc;
    // Each rule's heading pattern lowered once for all the headings.
    let patterns: Vec<Vec<char>> = rules.required.iter().map(|r| lowered(&r.heading)).collect();
    for (i, h) in doc.outline.headings.iter().enumerate() {
        let line = parsed.heading_line(i).unwrap_or(parsed.lines.first());
        let own = &doc.blocks[doc.outline.own_blocks(i, doc.blocks.len())];
        let text = own_text(own);
        if let Some(length) = &rules.length {
            let limit = match h.kind {
                HeadingKind::FaqQuestion => Some(length.faq_words),
                HeadingKind::Question | HeadingKind::Section if h.level == 2 => Some(length.section_words),
                _ => None,
            };
            let words = text.split_whitespace().count();
            if let Some(limit) = limit.filter(|&l| words > l) {
                let message = strings::rule_length(&h.text, words, limit);
                out.push(Found {
                    line,
                    column: None,
                    severity: length.severity,
                    rule: length.id.clone(),
                    message,
                    source: Some(length.source.clone()).filter(|s| !s.is_empty()),
                });
            }
        }
        // The section's text in lower case, made only for a rule whose heading matches.
        let mut lower: Option<String> = None;
        let heading = if patterns.is_empty() { Vec::new() } else { lowered(&h.text) };
        let matching = rules.required.iter().zip(&patterns).filter(|(_, p)| matches_lowered(p, &heading));
        for (rule, _) in matching {
            let lower = lower.get_or_insert_with(|| super::text::lower_case(&text)).as_str();
            if !rule.if_mentions.is_empty() && !rule.if_mentions.iter().any(|t| mentions(lower, t)) {
                continue;
            }
            let mut missing: Vec<&str> =
                rule.all_of.iter().filter(|t| !mentions(lower, t)).map(String::as_str).collect();
            let one = rule.one_of.is_empty() || rule.one_of.iter().any(|t| mentions(lower, t));
            let either = rule.one_of.join(" / ");
            if !one {
                missing.push(&either);
            }
            if !missing.is_empty() {
                let message =
                    strings::rule_required(&h.text, in_lang(&rule.message, &rule.message_en), &missing);
                out.push(Found {
                    line,
                    column: None,
                    severity: rule.severity,
                    rule: rule.id.clone(),
                    message,
                    source: Some(rule.source.clone()).filter(|s| !s.is_empty()),
                });
            }
        }
    }
}

/// The words of some blocks, separated by spaces.
fn own_text(blocks: &[Block]) -> String {
    let mut text = String::new();
    blocks.iter().for_each(|b| push_block_text(&mut text, b));
    text
}

#[cfg(test)]
#[path = "house_tests.rs"]
mod tests;
