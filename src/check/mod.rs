//! Content checks for editors: what `artikel check` reports about an article file.

use crate::document::{Block, Document, HeadingKind, is_faq_title};
use crate::library::{Article, Library, Warning, WarningKind};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::collections::HashMap;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; does not fail the check (an article not updated for a year).
    Note,
    /// Should be fixed; the check still passes.
    Warning,
    /// Must be fixed: the check fails.
    Error,
}

/// One thing found in a file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// The file (as the user named it).
    pub file: String,
    /// The 1-based line, when one can be named.
    pub line: Option<usize>,
    /// How much it matters.
    pub severity: Severity,
    /// Which rule: `encoding`, `frontmatter`, `required-key`, `date`, `date-order`, `stale`, `question`,
    /// `faq`, `faq-answer`, `duplicate-question`, `empty-section`, `link`.
    pub rule: &'static str,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// How old `lastUpdated` may be, by default, before an article is called stale.
pub const STALE_MONTHS: u16 = 12;

/// Whether an article last updated on `updated` is stale on `today`.
pub fn is_stale(updated: jiff::civil::Date, today: jiff::civil::Date, months: u16) -> bool {
    today.saturating_sub(jiff::Span::new().months(i64::from(months))) > updated
}

/// Checks `article` (whose loading gave `warnings`), with `library` to resolve links.
pub fn check(
    article: &Article,
    warnings: &[Warning],
    library: &Library,
    today: jiff::civil::Date,
    stale_months: u16,
) -> Vec<Finding> {
    let file = article.source.describe(&article.slug);
    let mut found = Vec::new();
    let mut add = |line: Option<usize>, severity, rule, message: String| {
        found.push(Finding { file: file.clone(), line, severity, rule, message });
    };
    for w in warnings {
        let rule = match w.kind {
            WarningKind::NotUtf8 { .. } => "encoding",
            WarningKind::NotADate { .. } => "date",
            _ => "frontmatter",
        };
        add(w.line.or(Some(1)), Severity::Error, rule, w.message());
    }
    let meta = &article.meta;
    let has_frontmatter = !warnings.iter().any(|w| {
        matches!(
            w.kind,
            WarningKind::NoFrontmatter
                | WarningKind::FrontmatterNotClosed
                | WarningKind::FrontmatterNotYaml { .. }
        )
    });
    let bad_date = |key: &str| {
        warnings.iter().any(|w| matches!(&w.kind, WarningKind::NotADate { key: k, .. } if *k == key))
    };
    if has_frontmatter {
        for (key, missing) in [
            ("metaTitle", meta.title.is_none()),
            ("lastUpdated", meta.last_updated.is_none() && !bad_date("lastUpdated")),
            ("datePublished", meta.date_published.is_none() && !bad_date("datePublished")),
        ] {
            if missing {
                add(Some(1), Severity::Error, "required-key", format!("the frontmatter has no `{key}`"));
            }
        }
    }
    if let (Some(updated), Some(published)) = (meta.last_updated, meta.date_published)
        && updated < published
    {
        add(Some(1), Severity::Error, "date-order", "`lastUpdated` is before `datePublished`".to_string());
    }
    if let Some(updated) = meta.last_updated
        && is_stale(updated, today, stale_months)
    {
        let message = format!(
            "not updated for more than {stale_months} months (last {})",
            crate::library::format_date(updated)
        );
        add(Some(1), Severity::Note, "stale", message);
    }
    let doc = Document::parse(&article.body);
    let marks = Marks::of(&article.body, article.body_line);
    let heading_line = |i: usize| marks.headings.get(i).copied();
    let outline = &doc.outline;
    for (i, h) in outline.headings.iter().enumerate() {
        let line = heading_line(i);
        if h.level == 2 && h.kind == HeadingKind::Section && !is_faq_title(&h.text) {
            add(
                line,
                Severity::Warning,
                "question",
                format!("“{}” is not phrased as a question (end it with `?`)", h.text),
            );
        }
        if doc.blocks[h.block + 1..h.section.end].is_empty() {
            add(line, Severity::Warning, "empty-section", format!("“{}” has nothing under it", h.text));
        }
        if h.kind == HeadingKind::FaqQuestion && !has_text(&doc.blocks[outline.answer(i)]) {
            add(line, Severity::Error, "faq-answer", format!("the FAQ question “{}” has no answer", h.text));
        }
    }
    match outline.faq() {
        None => add(
            None,
            Severity::Warning,
            "faq",
            "there is no FAQ section (“Ofte stillede spørgsmål om …”)".to_string(),
        ),
        Some(f) if outline.count(HeadingKind::FaqQuestion) == 0 => {
            add(heading_line(f), Severity::Warning, "faq", "the FAQ section has no questions".to_string())
        }
        Some(_) => {}
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, h) in outline.headings.iter().enumerate() {
        if matches!(h.kind, HeadingKind::Question | HeadingKind::FaqQuestion) {
            let key = h.text.to_lowercase();
            if let Some(first) = seen.get(&key) {
                let message = format!(
                    "“{}” is asked twice (first on line {})",
                    h.text,
                    heading_line(*first).unwrap_or(0)
                );
                add(heading_line(i), Severity::Warning, "duplicate-question", message);
            } else {
                seen.insert(key, i);
            }
        }
    }
    for (target, line) in &marks.links {
        if let Some(problem) = broken_link(target, &doc, library) {
            add(Some(*line), Severity::Error, "link", problem);
        }
    }
    found
}

fn has_text(blocks: &[Block]) -> bool {
    let mut text = String::new();
    blocks.iter().for_each(|b| crate::document::push_block_text(&mut text, b));
    !text.trim().is_empty()
}

/// Why an internal link does not resolve, if it does not: `other.md`, `other.md#anchor`
/// and `#anchor` must name a bundled or loaded article and one of its headings.
fn broken_link(target: &str, doc: &Document, library: &Library) -> Option<String> {
    if target.contains("://") || target.starts_with("mailto:") || target.is_empty() {
        return None;
    }
    let (path, anchor) = target.split_once('#').map_or((target, None), |(p, a)| (p, Some(a)));
    let linked;
    let outline = if path.is_empty() {
        &doc.outline
    } else {
        let slug = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".md");
        if !path.ends_with(".md") {
            return None;
        }
        let Some(i) = library.position(slug) else {
            return Some(format!("the link to `{target}` names no article"));
        };
        linked = Document::parse(&library.articles[i].body);
        &linked.outline
    };
    match anchor {
        Some(a) if outline.by_anchor(a).is_none() => Some(format!("the link to `{target}` names no heading")),
        _ => None,
    }
}

/// Where things are in an article's source: the line of each top-level heading (in outline
/// order) and each link's target with its line.
struct Marks {
    headings: Vec<usize>,
    links: Vec<(String, usize)>,
}

impl Marks {
    fn of(body: &str, body_line: usize) -> Marks {
        let line_of = |offset: usize| body_line + body[..offset.min(body.len())].matches('\n').count();
        let mut headings = Vec::new();
        let mut links = Vec::new();
        let mut depth = 0usize;
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            match event {
                Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::FootnoteDefinition(_)) => depth += 1,
                Event::End(
                    pulldown_cmark::TagEnd::BlockQuote(_)
                    | pulldown_cmark::TagEnd::List(_)
                    | pulldown_cmark::TagEnd::FootnoteDefinition,
                ) => depth = depth.saturating_sub(1),
                Event::Start(Tag::Heading { .. }) if depth == 0 => headings.push(line_of(range.start)),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    links.push((dest_url.to_string(), line_of(range.start)))
                }
                _ => {}
            }
        }
        Marks { headings, links }
    }
}

#[cfg(test)]
mod tests;
