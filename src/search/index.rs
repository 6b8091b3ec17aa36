//! The search index: every article's title, headings and section text, folded, in two
//! buffers that a substring search runs through in one pass.

use super::extract::Extract;
use super::head_words::HeadWords;
use super::rank::{B_BODY, B_HEAD};
use super::score::Scratch;
use crate::document::{Document, HeadingKind, push_block_text};
use crate::library::Synonyms;
use crate::words::fold::{fold, fold_into};

mod pieces;

/// What a stretch of indexed text is. The order is the ranking order of a hit in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldKind {
    /// The text of a section (or of the introduction).
    Body,
    /// An article's title.
    Title,
    /// A heading that is not a question.
    Heading,
    /// A question heading outside the FAQ.
    Question,
    /// A question in the FAQ.
    FaqQuestion,
}

impl FieldKind {
    /// How much a hit in this kind of text counts.
    pub fn weight(self) -> u32 {
        match self {
            FieldKind::Body => 100,
            FieldKind::Title => 200,
            FieldKind::Heading => 250,
            FieldKind::Question | FieldKind::FaqQuestion => 300,
        }
    }

    /// Whether this is a question heading (what the palette lists).
    pub fn is_question(self) -> bool {
        matches!(self, FieldKind::Question | FieldKind::FaqQuestion)
    }
}

/// What a result points at: an article's top (its title and introduction), or one heading
/// of it with the text under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The article's position in the library.
    pub article: u32,
    /// The heading, by its position in the article's outline; `None` for the top.
    pub heading: Option<u32>,
    /// The kind of the unit's heading text (its title for the top).
    pub kind: FieldKind,
}

/// One stretch of indexed text: `buffer[start..end]`, belonging to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Field {
    pub unit: u32,
    pub start: u32,
    pub end: u32,
}

/// The folded text of a library, ready to search.
#[derive(Debug, Default)]
pub struct Index {
    /// Titles and headings, folded, one per line.
    pub(super) heads: String,
    /// Section texts, folded, one per line.
    pub(super) bodies: String,
    pub(super) head_fields: Vec<Field>,
    /// Titles and headings as written, for showing: `labels[label_ends[u - 1]..label_ends[u]]`.
    pub(super) labels: String,
    pub(super) label_ends: Vec<u32>,
    pub(super) body_fields: Vec<Field>,
    /// Everything a hit can point at.
    pub units: Vec<Unit>,
    /// Each article's slug and frontmatter `keywords`, folded, one line per article; they
    /// count for every section of the article, as its title does.
    pub(super) metas: String,
    pub(super) meta_fields: Vec<Field>,
    /// The first unit of each article (its top).
    pub(super) article_start: Vec<u32>,
    /// The average length in bytes of a heading and of a section's text.
    pub(super) avg_head: f32,
    pub(super) avg_body: f32,
    /// The library's synonym groups.
    pub(super) synonyms: Synonyms,
    /// The words of the headings and titles, sorted, each once, with where each occurs
    /// (made when first asked for): what the palette looks words up in, and what a compound
    /// is split against first.
    head_words: std::sync::OnceLock<HeadWords>,
    /// Each unit's kind, and its heading's and its text's lengths measured against the
    /// averages, as the ranking divides by them: what scoring reads of every unit it finds, kept small.
    pub(super) kinds: Vec<FieldKind>,
    pub(super) head_norm: Vec<f32>,
    pub(super) body_norm: Vec<f32>,
    /// The sums a query adds up, kept for the next one.
    pub(super) scratch: std::sync::Mutex<Scratch>,
    /// The kinds of question each unit's heading answers, as bits of [`super::intent::Kind`].
    pub(super) intents: Vec<u32>,
    /// What each article is about: its short title, slug, keywords and editors' topics.
    pub(super) topic_words: Vec<(String, String, Vec<String>)>,
    /// The words each article is about, made from `topic_words` when a question first needs
    /// them: what names it (the first step of lookup).
    topics: std::sync::OnceLock<super::topic::Topics>,
    /// The library's words, made when first needed (see [`Index::vocabulary`]).
    vocabulary: std::sync::OnceLock<Vec<String>>,
    /// The warning signs a question may name.
    pub(super) signs: crate::signs::Signs,
    /// Each article's slug, in library order (sorted): where a warning sign's articles are.
    pub(super) slugs: Vec<String>,
}

impl Index {
    /// Indexes articles given as (title, Markdown body), in library order. A long library
    /// is indexed in pieces on two threads, see `Index::build_in_pieces`.
    pub fn build(articles: &[(&str, &str)]) -> Index {
        let mut index = if articles.len() < pieces::PIECES_FROM {
            Index::build_part(articles, 0, true)
        } else {
            Index::build_in_pieces(articles)
        };
        index.finish();
        index
    }

    /// Indexes every article of `library`, with its slugs, keywords and synonyms.
    pub fn of(library: &crate::library::Library) -> Index {
        let articles: Vec<(&str, &str)> =
            library.articles.iter().map(|a| (a.title.as_str(), &*a.body)).collect();
        let mut index = Index::build(&articles);
        index.attach(library);
        index
    }

    /// Adds what the library knows beside the articles' text: each article's slug and
    /// `keywords`, and the synonym groups. (An index built on a thread from titles and
    /// bodies gets them here.)
    pub fn attach(&mut self, library: &crate::library::Library) {
        self.metas.clear();
        self.meta_fields.clear();
        for (a, article) in library.articles.iter().enumerate() {
            let Some(&unit) = self.article_start.get(a) else { break };
            let start = offset(self.metas.len());
            self.metas.push_str(&fold(&article.slug));
            for keyword in article.meta.keywords() {
                self.metas.push(' ');
                self.metas.push_str(&fold(&keyword));
            }
            self.meta_fields.push(Field { unit, start, end: offset(self.metas.len()) });
            self.metas.push('\n');
        }
        self.metas.shrink_to_fit();
        self.synonyms = library.synonyms.clone();
        self.signs = library.signs.clone();
        self.slugs = library.articles.iter().map(|a| a.slug.clone()).collect();
        self.topic_words = library
            .articles
            .iter()
            .map(|a| {
                let mut extra = a.meta.keywords();
                extra.extend(library.synonyms.topics_of(&a.slug).iter().cloned());
                (a.short_title().to_string(), a.slug.clone(), extra)
            })
            .collect();
        self.topics = std::sync::OnceLock::new();
    }

    /// Sets the synonym groups.
    pub fn set_synonyms(&mut self, synonyms: Synonyms) {
        self.synonyms = synonyms;
    }

    /// Indexes `articles`, the first of them article number `first`. With `fast`, a plain
    /// article is read from the parser's events ([`Extract`]); otherwise, and for any
    /// other article, from its parsed document.
    pub(super) fn build_part(articles: &[(&str, &str)], first: usize, fast: bool) -> Index {
        let mut index = Index::default();
        // The folded text is about as long as the Markdown it comes from: reserved at once,
        // it is not copied again each time it outgrows its buffer.
        index.bodies.reserve(articles.iter().map(|(_, body)| body.len()).sum());
        let mut text = String::new();
        let mut extract = Extract::default();
        for (n, (title, body)) in articles.iter().enumerate() {
            let article = u32::try_from(first + n).unwrap_or(u32::MAX);
            if fast && extract.read(body) {
                index.add_extracted(article, title, &extract);
            } else {
                index.add_parsed(article, title, body, &mut text);
            }
        }
        index
    }

    fn add_extracted(&mut self, article: u32, title: &str, extract: &Extract) {
        let unit = self.unit(Unit { article, heading: None, kind: FieldKind::Title });
        self.head(unit, title);
        self.body(unit, &extract.intro);
        for (i, section) in extract.sections().iter().enumerate() {
            let kind = section.kind.unwrap_or(FieldKind::Heading);
            let heading = Some(u32::try_from(i).unwrap_or(u32::MAX));
            let unit = self.unit(Unit { article, heading, kind });
            self.head(unit, &section.heading);
            self.body(unit, &section.text);
        }
    }

    fn add_parsed(&mut self, article: u32, title: &str, body: &str, text: &mut String) {
        let doc = Document::parse(body);
        let unit = self.unit(Unit { article, heading: None, kind: FieldKind::Title });
        self.head(unit, title);
        text.clear();
        for block in &doc.blocks[..doc.outline.headings.first().map_or(doc.blocks.len(), |h| h.block)] {
            push_block_text(text, block);
        }
        self.body(unit, text);
        for (i, h) in doc.outline.headings.iter().enumerate() {
            let kind = match h.kind {
                HeadingKind::Question => FieldKind::Question,
                HeadingKind::FaqQuestion => FieldKind::FaqQuestion,
                HeadingKind::FaqSection | HeadingKind::Section => FieldKind::Heading,
            };
            let heading = Some(u32::try_from(i).unwrap_or(u32::MAX));
            let unit = self.unit(Unit { article, heading, kind });
            self.head(unit, &h.text);
            text.clear();
            doc.blocks[doc.outline.own_blocks(i, doc.blocks.len())]
                .iter()
                .for_each(|b| push_block_text(text, b));
            self.body(unit, text);
        }
    }

    /// Counts the averages and gives back what growing reserved.
    pub(super) fn finish(&mut self) {
        self.article_start.clear();
        for (u, unit) in self.units.iter().enumerate() {
            if unit.heading.is_none() {
                self.article_start.push(offset(u));
            }
        }
        let mean = |fields: &[Field]| {
            let total: f64 = fields.iter().map(|f| f64::from(f.end - f.start)).sum();
            (total / fields.len().max(1) as f64).max(1.0) as f32
        };
        self.avg_head = mean(&self.head_fields);
        self.avg_body = mean(&self.body_fields);
        self.kinds = self.units.iter().map(|u| u.kind).collect();
        let spans: Vec<(usize, usize)> =
            self.head_fields.iter().map(|f| (f.start as usize, f.end as usize)).collect();
        let bits = super::intent::of_headings(&self.heads, &spans);
        self.intents = vec![0; self.units.len()];
        for (field, bits) in self.head_fields.iter().zip(bits) {
            let u = field.unit as usize;
            if self.kinds.get(u).is_some_and(|k| *k != FieldKind::Title) {
                self.intents[u] = bits;
            }
        }
        self.topic_words = self
            .article_start
            .iter()
            .map(|&u| (crate::library::short_title(self.label(u)).to_string(), String::new(), Vec::new()))
            .collect();
        self.topics = std::sync::OnceLock::new();
        self.head_norm = (0..self.units.len())
            .map(|u| {
                let head_len = self.head_fields.get(u).map_or(1.0, |f| (f.end - f.start) as f32);
                1.0 - B_HEAD + B_HEAD * head_len / self.avg_head
            })
            .collect();
        // Looked up once here, not by a search of the text's fields for every unit scored.
        let mut body_len = vec![1.0; self.units.len()];
        for f in &self.body_fields {
            if let Some(len) = body_len.get_mut(f.unit as usize) {
                *len = (f.end - f.start) as f32;
            }
        }
        self.body_norm = body_len.iter().map(|len| 1.0 - B_BODY + B_BODY * len / self.avg_body).collect();
        self.shrink_to_fit();
    }

    /// Whether some word of the library's headings (and, with `bodies`, its text) starts
    /// with `prefix`: the vocabulary compound words are split against.
    pub fn has_word_starting(&self, prefix: &str, bodies: bool) -> bool {
        if prefix.is_empty() {
            return false;
        }
        let starts_word = |text: &str| {
            let bytes = text.as_bytes();
            memchr::memmem::find_iter(bytes, prefix.as_bytes())
                .any(|at| at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
        };
        // A word of letters and digits is looked up in the headings' words when they are
        // made (for the palette); otherwise the headings are scanned, which costs a one-off
        // question less than making them. (The text's words are not listed: sorting them
        // costs more than a query's scans.)
        let in_heads = match self.head_words_made() {
            Some(words) if prefix.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                words.has_word_starting(prefix)
            }
            _ => starts_word(&self.heads),
        };
        in_heads || (bodies && starts_word(&self.bodies))
    }

    /// The library's words of four letters or more (folded, sorted, each once), made when a
    /// query first has a word the library lacks: what a typo is corrected against. A large
    /// library's text is not listed (it would cost more than the question): its headings'
    /// words are.
    pub(super) fn vocabulary(&self) -> &[String] {
        self.vocabulary.get_or_init(|| {
            let text = if self.bodies.len() <= VOCABULARY_TEXT { self.bodies.as_str() } else { "" };
            let mut words: Vec<String> = [self.heads.as_str(), text]
                .iter()
                .flat_map(|text| crate::words::analyze::words(text))
                .filter(|w| w.len() >= 4 && w.len() <= crate::words::analyze::MAX_WORD)
                .map(str::to_string)
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        })
    }

    /// The library's words one letter (wrong, missing, extra, or two swapped) from `word`,
    /// with the same first letter: at most three.
    pub(super) fn words_near(&self, word: &str) -> Vec<&str> {
        let vocabulary = self.vocabulary();
        let Some(&first) = word.as_bytes().first() else { return Vec::new() };
        let from = vocabulary.partition_point(|w| w.as_bytes()[0] < first);
        vocabulary[from..]
            .iter()
            .take_while(|w| w.as_bytes()[0] == first)
            .filter(|w| w.len().abs_diff(word.len()) <= 1 && super::fuzzy::one_edit_apart(word, w))
            .take(3)
            .map(String::as_str)
            .collect()
    }

    /// The words each article is about, made now if they are not yet.
    pub(super) fn topics(&self) -> &super::topic::Topics {
        self.topics.get_or_init(|| {
            let articles = self.topic_words.iter().map(|(t, s, e)| (t.as_str(), s.as_str(), e.clone()));
            super::topic::Topics::build(articles)
        })
    }

    /// The words of the headings, made now if they are not yet.
    pub(super) fn head_words(&self) -> &HeadWords {
        self.head_words.get_or_init(|| HeadWords::of(&self.heads, &self.head_fields))
    }

    /// The words of the headings, if they are made.
    pub(super) fn head_words_made(&self) -> Option<&HeadWords> {
        self.head_words.get()
    }

    /// This index with what the palette's first keystroke would otherwise make first:
    /// for an index built on a thread before anyone types.
    pub fn warmed(self) -> Index {
        self.head_words();
        self
    }

    /// The units of article `article`.
    pub(super) fn units_of(&self, article: u32) -> std::ops::Range<usize> {
        let a = article as usize;
        let start = self.article_start.get(a).map_or(self.units.len(), |&s| s as usize);
        let end = self.article_start.get(a + 1).map_or(self.units.len(), |&s| s as usize);
        start..end
    }

    fn unit(&mut self, unit: Unit) -> u32 {
        self.units.push(unit);
        u32::try_from(self.units.len() - 1).unwrap_or(u32::MAX)
    }

    fn head(&mut self, unit: u32, text: &str) {
        self.labels.push_str(text);
        self.label_ends.push(offset(self.labels.len()));
        let start = offset(self.heads.len());
        fold_into(&mut self.heads, text);
        self.head_fields.push(Field { unit, start, end: offset(self.heads.len()) });
        self.heads.push('\n');
    }

    fn body(&mut self, unit: u32, text: &str) {
        if text.is_empty() {
            return;
        }
        let start = offset(self.bodies.len());
        fold_into(&mut self.bodies, text);
        self.body_fields.push(Field { unit, start, end: offset(self.bodies.len()) });
        self.bodies.push('\n');
    }

    /// Gives back what growing the buffers reserved.
    fn shrink_to_fit(&mut self) {
        self.heads.shrink_to_fit();
        self.bodies.shrink_to_fit();
        self.labels.shrink_to_fit();
        self.head_fields.shrink_to_fit();
        self.body_fields.shrink_to_fit();
        self.label_ends.shrink_to_fit();
        self.units.shrink_to_fit();
        self.article_start.shrink_to_fit();
    }

    /// The bytes this index holds (its folded text and its tables).
    pub fn heap_bytes(&self) -> usize {
        self.heads.capacity()
            + self.bodies.capacity()
            + (self.head_fields.capacity() + self.body_fields.capacity()) * size_of::<Field>()
            + self.units.capacity() * size_of::<Unit>()
            + self.labels.capacity()
            + self.label_ends.capacity() * size_of::<u32>()
            + self.metas.capacity()
            + self.meta_fields.capacity() * size_of::<Field>()
            + self.article_start.capacity() * size_of::<u32>()
            + self.head_words.get().map_or(0, HeadWords::heap_bytes)
            + self.kinds.capacity() * size_of::<FieldKind>()
            + (self.head_norm.capacity() + self.body_norm.capacity()) * size_of::<f32>()
            + self.scratch.lock().map_or(0, |s| s.heap_bytes())
            + self.intents.capacity() * size_of::<u32>()
    }

    /// The heading (or, for an article's top, the title) of `unit`, as written.
    pub fn label(&self, unit: u32) -> &str {
        let u = unit as usize;
        let start = if u == 0 { 0 } else { self.label_ends.get(u - 1).map_or(0, |&e| e as usize) };
        let end = self.label_ends.get(u).map_or(start, |&e| e as usize);
        &self.labels[start..end]
    }

    /// The folded heading (or title) text of `unit`.
    pub fn head_text(&self, unit: u32) -> &str {
        self.head_fields.get(unit as usize).map_or("", |f| &self.heads[f.start as usize..f.end as usize])
    }
}

/// The most text whose words are listed for correcting typos (see [`Index::vocabulary`]).
const VOCABULARY_TEXT: usize = 4 << 20;

fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
