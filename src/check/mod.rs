//! Content checks for editors: what `artikel check` reports about an article file.

mod care;
pub mod editor;
mod house;
mod medicine;
mod mentioned;
mod quick;
pub mod rules;
mod scratch;
mod sentence_rules;
mod sentence_words;
mod source;
mod text;
mod word_rules;

pub use house::MAX_PER_RULE;
pub use rules::{RuleError, RuleSet};
pub use scratch::Scratch;
pub use source::Parsed;

use crate::document::{Block, HeadingKind, is_faq_title};
use crate::library::{Article, Library, Warning, WarningKind};
use crate::strings;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    /// The file (as the user named it), safe to print.
    pub file: String,
    /// The 1-based line, when one can be named.
    pub line: Option<usize>,
    /// The 1-based column (in characters), when the finding is a word.
    pub column: Option<usize>,
    /// How much it matters.
    pub severity: Severity,
    /// Which rule: `encoding`, `frontmatter`, `required-key`, `date`, `date-order`, `stale`, `question`,
    /// `faq`, `faq-answer`, `duplicate-question`, `empty-section`, `link`, `file`, `house-rules`,
    /// or the id of a house rule.
    pub rule: String,
    /// What is wrong, in a sentence; safe to print.
    pub message: String,
    /// Where the rule comes from (Sundhedsstyrelsen, a region, a product summary), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Finding {
    /// A finding whose file and message are made safe to print on one line: both can hold
    /// text from an article or a file name.
    pub fn new(file: &str, line: Option<usize>, severity: Severity, rule: &str, message: &str) -> Finding {
        Finding {
            file: one_line(file),
            line,
            column: None,
            severity,
            rule: one_line(rule),
            message: one_line(message),
            source: None,
        }
    }
}

impl Finding {
    /// A finding read back from a file (`check`'s cache): its texts made safe to print again,
    /// whatever the file held.
    pub fn reread(self) -> Finding {
        Finding {
            file: one_line(&self.file),
            rule: one_line(&self.rule),
            message: one_line(&self.message),
            source: self.source.as_deref().map(one_line),
            ..self
        }
    }
}

/// `text` with its control characters and line ends made visible.
fn one_line(text: &str) -> String {
    crate::sanitize::inline(text).into_owned()
}

/// How old `lastUpdated` may be, by default, before an article is called stale.
pub const STALE_MONTHS: u16 = 12;

/// Whether an article last updated on `updated` is stale on `today`.
pub fn is_stale(updated: jiff::civil::Date, today: jiff::civil::Date, months: u16) -> bool {
    today.saturating_sub(jiff::Span::new().months(i64::from(months))) > updated
}

/// Checks a library's articles, parsing each at most once: an article is parsed when it is
/// checked or when a link names it, whichever comes first, and kept for the other.
pub struct Checker<'a> {
    /// A number of its own, which a [`Scratch`] it is handed is marked with.
    id: u64,
    library: &'a Library,
    parsed: Vec<OnceLock<Parsed>>,
    today: jiff::civil::Date,
    stale_months: u16,
}

impl<'a> Checker<'a> {
    /// A checker for `library`'s articles, judging staleness on `today`.
    pub fn new(library: &'a Library, today: jiff::civil::Date, stale_months: u16) -> Checker<'a> {
        let parsed = library.articles.iter().map(|_| OnceLock::new()).collect();
        // (Numbered from 1: a scratch marked 0 serves no checker.)
        static CHECKERS: AtomicU64 = AtomicU64::new(1);
        let id = CHECKERS.fetch_add(1, Ordering::Relaxed);
        Checker { id, library, parsed, today, stale_months }
    }

    /// The library's article `i`, parsed (once).
    pub fn parsed(&self, i: usize) -> Option<&Parsed> {
        let article = self.library.articles.get(i)?;
        Some(self.parsed.get(i)?.get_or_init(|| Parsed::of(&article.body, article.body_line)))
    }

    /// Checks the library's article `i` (whose loading gave `warnings`) with `rules`.
    pub fn check(&self, i: usize, warnings: &[Warning], rules: Option<&RuleSet>) -> Vec<Finding> {
        self.check_with(&mut Scratch::new(), i, warnings, rules)
    }

    /// [`Checker::check`], with what `scratch` kept from the articles it checked before (what
    /// one worker checking article after article hands in: it finds the same, faster).
    pub fn check_with(
        &self,
        scratch: &mut Scratch,
        i: usize,
        warnings: &[Warning],
        rules: Option<&RuleSet>,
    ) -> Vec<Finding> {
        match (self.library.articles.get(i), self.parsed(i)) {
            (Some(article), Some(parsed)) => {
                self.check_parsed_with(scratch, article, parsed, warnings, rules)
            }
            _ => Vec::new(),
        }
    }

    /// Checks the library's articles `which`, each with the loading problems and rules `with`
    /// gives for its place in `which`, on this thread and one other (a check of 10,000 articles is seconds of work
    /// for one core): each article's findings, in the order of `which`.
    pub fn check_each<'r>(
        &self,
        which: &[usize],
        with: impl Fn(usize) -> (&'r [Warning], Option<&'r RuleSet>) + Sync,
    ) -> Vec<Vec<Finding>> {
        // The other thread speaks this one's language.
        let (lang, here) = (strings::lang(), std::thread::current().id());
        // Each thread its own scratch, kept from one of its articles to the next.
        let (mine, theirs) = (Mutex::new(Scratch::new()), Mutex::new(Scratch::new()));
        let mut found: Vec<Vec<Finding>> = vec![Vec::new(); which.len()];
        crate::pieces::in_turns(
            which.len(),
            |n| {
                let scratch = if std::thread::current().id() != here {
                    strings::set_thread_lang(Some(lang));
                    &theirs
                } else {
                    &mine
                };
                // (A scratch a failed thread left is whole: it only ever holds finished work.)
                let mut scratch = scratch.lock().unwrap_or_else(PoisonError::into_inner);
                let (warnings, rules) = with(n);
                self.check_with(&mut scratch, which[n], warnings, rules)
            },
            |n, findings| found[n] = findings,
        );
        found
    }

    /// Checks `article`, parsed as `parsed`, with links resolved in this checker's library.
    pub fn check_parsed(
        &self,
        article: &Article,
        parsed: &Parsed,
        warnings: &[Warning],
        rules: Option<&RuleSet>,
    ) -> Vec<Finding> {
        self.check_parsed_with(&mut Scratch::new(), article, parsed, warnings, rules)
    }

    /// [`Checker::check_parsed`], with what `scratch` kept from the articles checked before.
    pub fn check_parsed_with(
        &self,
        scratch: &mut Scratch,
        article: &Article,
        parsed: &Parsed,
        warnings: &[Warning],
        rules: Option<&RuleSet>,
    ) -> Vec<Finding> {
        // What the scratch kept about another checker's library is let go.
        scratch.serve(self.id);
        let file = article.source.describe(&article.slug);
        let mut found = self.structure(article, parsed, warnings, &file);
        if let Some(rules) = rules {
            let signs = &self.library.signs;
            for f in house::apply_with(scratch, rules, signs, &article.slug, &article.body, parsed) {
                let mut finding = Finding::new(&file, Some(f.line), f.severity, &f.rule, &f.message);
                finding.column = f.column;
                finding.source = f.source.as_deref().map(one_line);
                found.push(finding);
            }
        }
        found
    }

    /// The checks of the house format: frontmatter, dates, questions, FAQ and links.
    fn structure(
        &self,
        article: &Article,
        parsed: &Parsed,
        warnings: &[Warning],
        file: &str,
    ) -> Vec<Finding> {
        let mut found = Vec::new();
        let mut add = |line: Option<usize>, severity, rule: &str, message: String| {
            found.push(Finding::new(file, line, severity, rule, &message));
        };
        for w in warnings {
            let at = w.line.or(Some(1));
            let (rule, severity, line) = match w.kind {
                WarningKind::NotUtf8 { .. } => ("encoding", Severity::Error, at),
                WarningKind::NotADate { .. } => ("date", Severity::Error, at),
                // Both files are checked; the reader shows one.
                WarningKind::DuplicateSlug { .. } => ("duplicate-slug", Severity::Warning, None),
                _ => ("frontmatter", Severity::Error, at),
            };
            add(line, severity, rule, w.message());
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
                    add(Some(1), Severity::Error, "required-key", strings::check_missing_key(key));
                }
            }
        }
        if let (Some(updated), Some(published)) = (meta.last_updated, meta.date_published)
            && updated < published
        {
            add(Some(1), Severity::Error, "date-order", strings::CHECK_DATE_ORDER.to_string());
        }
        if let Some(updated) = meta.last_updated
            && is_stale(updated, self.today, self.stale_months)
        {
            let message = strings::check_stale(self.stale_months, &crate::library::format_date(updated));
            add(Some(1), Severity::Note, "stale", message);
        }
        let doc = &parsed.doc;
        let heading_line = |i: usize| parsed.heading_line(i);
        let outline = &doc.outline;
        for (i, h) in outline.headings.iter().enumerate() {
            let line = heading_line(i);
            if h.level == 2 && h.kind == HeadingKind::Section && !is_faq_title(&h.text) {
                add(line, Severity::Warning, "question", strings::check_not_a_question(&h.text));
            }
            if doc.blocks[h.block + 1..h.section.end].is_empty() {
                add(line, Severity::Warning, "empty-section", strings::check_empty_section(&h.text));
            }
            if h.kind == HeadingKind::FaqQuestion && !has_text(&doc.blocks[outline.answer(i)]) {
                add(line, Severity::Error, "faq-answer", strings::check_no_answer(&h.text));
            }
        }
        match outline.faq() {
            None => add(None, Severity::Warning, "faq", strings::CHECK_NO_FAQ.to_string()),
            Some(f) if outline.count(HeadingKind::FaqQuestion) == 0 => {
                add(heading_line(f), Severity::Warning, "faq", strings::CHECK_FAQ_EMPTY.to_string())
            }
            Some(_) => {}
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, h) in outline.headings.iter().enumerate() {
            if matches!(h.kind, HeadingKind::Question | HeadingKind::FaqQuestion) {
                let key = h.text.to_lowercase();
                if let Some(first) = seen.get(&key) {
                    let message = strings::check_asked_twice(&h.text, heading_line(*first).unwrap_or(0));
                    add(heading_line(i), Severity::Warning, "duplicate-question", message);
                } else {
                    seen.insert(key, i);
                }
            }
        }
        for (target, offset) in &parsed.marks.links {
            if let Some(problem) = self.broken_link(target, parsed) {
                add(Some(parsed.lines.line(*offset)), Severity::Error, "link", problem);
            }
        }
        found
    }

    /// Whether the library's article `i` links to another article (`other.md`,
    /// `other.md#anchor`): what it finds then depends on that one too.
    pub fn links_elsewhere(&self, i: usize) -> bool {
        self.parsed(i).is_none_or(|p| p.marks.links.iter().any(|(target, _)| elsewhere(target)))
    }

    /// Why an internal link does not resolve, if it does not: `other.md`, `other.md#anchor`
    /// and `#anchor` must name a bundled or loaded article and one of its headings.
    fn broken_link(&self, target: &str, parsed: &Parsed) -> Option<String> {
        if target.contains("://") || target.starts_with("mailto:") || target.is_empty() {
            return None;
        }
        let (path, anchor) = target.split_once('#').map_or((target, None), |(p, a)| (p, Some(a)));
        let linked = if path.is_empty() {
            parsed
        } else {
            let slug = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".md");
            if !path.ends_with(".md") {
                return None;
            }
            // The library is sorted by slug: a binary search, not a scan per link.
            let found = self.library.articles.binary_search_by(|a| a.slug.as_str().cmp(slug)).ok();
            let Some(linked) = found.and_then(|i| self.parsed(i)) else {
                return Some(strings::check_link_no_article(target));
            };
            linked
        };
        match anchor {
            Some(a) if !linked.has_anchor(a) => Some(strings::check_link_no_heading(target)),
            _ => None,
        }
    }
}

/// Checks `article` (whose loading gave `warnings`) against the house format, with `library`
/// to resolve links, and no house rules.
pub fn check(
    article: &Article,
    warnings: &[Warning],
    library: &Library,
    today: jiff::civil::Date,
    stale_months: u16,
) -> Vec<Finding> {
    let checker = Checker::new(library, today, stale_months);
    checker.check_parsed(article, &Parsed::of(&article.body, article.body_line), warnings, None)
}

/// Whether a link's target names another article, whose headings [`Checker::broken_link`]
/// looks up (an address, `mailto:` and `#anchor` do not).
fn elsewhere(target: &str) -> bool {
    let path = target.split_once('#').map_or(target, |(p, _)| p);
    let away = target.contains("://") || target.starts_with("mailto:");
    !away && !path.is_empty() && path.ends_with(".md")
}

fn has_text(blocks: &[Block]) -> bool {
    let mut text = String::new();
    blocks.iter().for_each(|b| crate::document::push_block_text(&mut text, b));
    !text.trim().is_empty()
}

#[cfg(test)]
mod tests;
