//! The ranking as first written, kept for the tests: every pattern scanned through the
//! whole folded text, every word of the vocabulary looked for the same way. The fast path in
//! [`super::rank`] must rank exactly as this does.

use super::index::{FieldKind, Index};
use super::rank::{B_BODY, B_HEAD, Hit, K1, Query, W_BODY, W_TITLE, offset, scan};
use super::select::{ArticleHits, Wanted};
use std::collections::HashMap;

impl Index {
    /// The length of unit `u`'s text, in bytes, found among the text's fields.
    fn body_len(&self, u: usize) -> f32 {
        let at = self.body_fields.partition_point(|f| (f.unit as usize) < u);
        self.body_fields.get(at).filter(|f| f.unit as usize == u).map_or(1.0, |f| (f.end - f.start) as f32)
    }

    /// [`Index::build`] as first written: every article parsed as a document, on one thread.
    pub(super) fn build_plain(articles: &[(&str, &str)]) -> Index {
        let mut index = Index::build_part(articles, 0, false);
        index.finish();
        index
    }

    /// Whether some word of the headings (and, with `bodies`, the text) starts with
    /// `prefix`, by scanning the text.
    pub(super) fn has_word_starting_by_scan(&self, prefix: &str, bodies: bool) -> bool {
        let starts_word = |text: &str| {
            let bytes = text.as_bytes();
            memchr::memmem::find_iter(bytes, prefix.as_bytes())
                .any(|at| at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
        };
        !prefix.is_empty() && (starts_word(&self.heads) || (bodies && starts_word(&self.bodies)))
    }

    /// [`Index::run`] as first written.
    pub(super) fn run_plain(
        &self,
        query: &Query,
        limit: usize,
        bodies: bool,
        wanted: Wanted,
    ) -> (Vec<Hit>, usize) {
        let concepts = self.concepts_with(query, bodies, &|p, b| self.has_word_starting_by_scan(p, b));
        let n = self.units.len();
        let mut score = vec![0f32; n];
        let mut body_at: Vec<(u32, u32)> = vec![(u32::MAX, 0); n];
        let mut head_tf = vec![0f32; n];
        let mut body_tf = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut titles: HashMap<u32, f32> = HashMap::new();
        let mut articles = ArticleHits::default();
        articles.ready(self.article_start.len());
        let big_n = self.units.len().max(1) as f32;
        for concept in &concepts {
            titles.clear();
            for p in &concept.patterns {
                scan(&self.heads, &self.head_fields, p, |field, _| {
                    let u = field.unit as usize;
                    if head_tf[u] == 0.0 && body_tf[u] == 0.0 {
                        touched.push(field.unit);
                    }
                    head_tf[u] += p.factor;
                    if self.units[u].kind == FieldKind::Title {
                        *titles.entry(self.units[u].article).or_default() += p.factor;
                    }
                });
                if concept.heads_only {
                    continue;
                }
                scan(&self.metas, &self.meta_fields, p, |field, _| {
                    *titles.entry(self.units[field.unit as usize].article).or_default() += p.factor;
                });
                if bodies {
                    scan(&self.bodies, &self.body_fields, p, |field, at| {
                        let u = field.unit as usize;
                        if head_tf[u] == 0.0 && body_tf[u] == 0.0 {
                            touched.push(field.unit);
                        }
                        body_tf[u] += p.factor;
                        if body_at[u].0 == u32::MAX {
                            body_at[u] = (at, offset(p.text.len()));
                        }
                    });
                }
            }
            if concept.fuzzy {
                self.fuzzy_questions(concept, &mut head_tf, &body_tf, &mut touched);
            }
            let df = touched.len() as f32;
            let idf = (1.0 + (big_n - df + 0.5) / (df + 0.5)).ln() * concept.weight;
            let mut add = |u: usize, title: f32| {
                let head_len = self.head_fields.get(u).map_or(1.0, |f| (f.end - f.start) as f32);
                let kind = self.units[u].kind;
                let w_head = kind.head_weight();
                let head = w_head * head_tf[u] / (1.0 - B_HEAD + B_HEAD * head_len / self.avg_head);
                let body = if body_tf[u] > 0.0 {
                    let len = self.body_len(u);
                    W_BODY * body_tf[u] / (1.0 - B_BODY + B_BODY * len / self.avg_body)
                } else {
                    0.0
                };
                let tf = head + body + W_TITLE * title.min(2.0);
                if tf > 0.0 {
                    score[u] += idf * tf * (K1 + 1.0) / (K1 + tf);
                }
            };
            for (&article, &title) in &titles {
                for u in self.units_of(article) {
                    add(u, title);
                }
            }
            for &u in &touched {
                if !titles.contains_key(&self.units[u as usize].article) {
                    add(u as usize, 0.0);
                }
            }
            for &u in &touched {
                head_tf[u as usize] = 0.0;
                body_tf[u as usize] = 0.0;
                if bodies {
                    articles.unit(self.units[u as usize].article);
                }
            }
            if bodies {
                articles.end_concept(concept.weight);
            }
            touched.clear();
        }
        let reading = self.read_question(query, &concepts);
        let (hits, total) = self.select(&reading, &score, &articles.text, &body_at, limit, wanted);
        (hits, total)
    }
}

#[cfg(test)]
mod tests {
    use super::super::select::Wanted;
    use super::super::{Index, Query};
    use crate::library::{Article, Library, Source};

    /// The example queries of the lookup evaluation, and the benchmark's.
    fn queries() -> Vec<String> {
        let mut out: Vec<String> = [
            include_str!("../../tests/lookup/queries-dev.tsv"),
            include_str!("../../tests/lookup/queries-own.tsv"),
        ]
        .iter()
        .flat_map(|file| file.lines())
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t').map(|(q, _)| q.to_string()))
        .collect();
        let bench = [
            "h",
            "hv",
            "hvornaar skal man",
            "smerter nummer 3",
            "helbrdes",
            "rygoevelser forebyggelse",
            "traening knae",
            "kulde styrke",
            "diagnose hverdag",
            "lumbago hvor laenge",
        ];
        out.extend(bench.iter().map(|q| q.to_string()));
        out
    }

    /// Every query, and every start of it as it is typed.
    fn typed(queries: &[String]) -> Vec<String> {
        queries
            .iter()
            .flat_map(|q| {
                q.char_indices().map(|(at, c)| q[..at + c.len_utf8()].to_string()).collect::<Vec<_>>()
            })
            .collect()
    }

    fn assert_same(index: &Index, query: &Query, what: &str) {
        // Every unit (library search), question headings only (the palette) and sections
        // only (answers): a unit left out is not scored by the fast ranking.
        let kinds: [(&str, Wanted); 3] =
            [("all", Wanted::All), ("questions", Wanted::Questions), ("sections", Wanted::Answers)];
        for ((bodies, limit), (kind, wanted)) in
            [(false, 200), (true, 200), (true, 3), (false, 1)].into_iter().flat_map(|c| kinds.map(|k| (c, k)))
        {
            let what = format!("{what:?} ({kind}, limit {limit})");
            let fast = index.run(query, limit, bodies, wanted);
            let plain = index.run_plain(query, limit, bodies, wanted);
            assert_eq!(fast.1, plain.1, "{what}: as many hits");
            let bits = |hits: &[super::Hit]| {
                hits.iter().map(|h| (h.unit, h.score.to_bits(), h.body_at)).collect::<Vec<_>>()
            };
            assert_eq!(
                bits(&fast.0),
                bits(&plain.0),
                "{what} (bodies {bodies}): the same hits, scores and places"
            );
        }
    }

    #[test]
    fn the_fast_ranking_ranks_the_example_queries_exactly_as_the_plain_one() {
        let library = Library::bundled();
        let index = Index::of(&library);
        for q in queries() {
            assert_same(&index, &Query::new(&q), &q);
        }
        for q in typed(&queries()) {
            assert_same(&index, &Query::typing(&q), &q);
        }
    }

    #[test]
    fn library_search_ranks_alike_whether_or_not_the_headings_words_are_made() {
        let library = Library::bundled();
        for q in queries() {
            // A fresh index, as a one-off command has: searching it never makes the
            // headings' words (a command would pay for them and ask them little).
            let fresh = Index::of(&library);
            let query = Query::new(&q);
            let fast = fresh.run(&query, 200, true, Wanted::All);
            assert!(fresh.head_words_made().is_none(), "{q}");
            let plain = fresh.run_plain(&query, 200, true, Wanted::All);
            let bits =
                |hits: &[super::Hit]| hits.iter().map(|h| (h.unit, h.score.to_bits())).collect::<Vec<_>>();
            assert_eq!(bits(&fast.0), bits(&plain.0), "{q}");
            fresh.head_words();
            assert_eq!(bits(&fresh.run(&query, 200, true, Wanted::All).0), bits(&plain.0), "{q}, words made");
        }
    }

    #[test]
    fn scanning_a_long_text_in_two_halves_finds_what_one_scan_finds() {
        use super::super::rank::{Pattern, scan, scan_halves};
        let mut library = Library::default();
        for (slug, text) in crate::corpus::library(300, 3_000) {
            library.insert(Article::from_bytes(slug, Source::Bundled, text.as_bytes()).0);
        }
        let index = Index::of(&library);
        assert!(index.bodies.len() > 512 * 1024, "{}", index.bodies.len());
        // The words on either side of where the halves meet, and common ones.
        let cut = index.body_fields[index.body_fields.len() / 2].start as usize;
        let near = |at: usize| index.bodies.floor_char_boundary(at);
        let around = &index.bodies[near(cut - 60)..near(cut + 60)];
        let mut patterns: Vec<String> = crate::search::analyze::words(around).map(str::to_string).collect();
        patterns.extend(["smert", "a", "e", "nakke ryg", "x"].map(String::from));
        for word in crate::search::analyze::words(around) {
            patterns.push(word.chars().take(3).collect());
        }
        for text in patterns {
            for open_end in [false, true] {
                let p = Pattern { text: text.clone(), factor: 1.0, open_end };
                let (mut one, mut two) = (Vec::new(), Vec::new());
                scan(&index.bodies, &index.body_fields, &p, |f, at| one.push((f.unit, at)));
                scan_halves(&index.bodies, &index.body_fields, &p, |f, at| two.push((f.unit, at)));
                assert_eq!(one, two, "{text:?} open_end {open_end}");
            }
        }
    }

    #[test]
    fn the_fast_ranking_ranks_a_generated_library_exactly_as_the_plain_one() {
        let mut library = Library::default();
        for (slug, text) in crate::corpus::library(300, 3_000) {
            library.insert(Article::from_bytes(slug, Source::Bundled, text.as_bytes()).0);
        }
        let index = Index::of(&library);
        for q in queries() {
            assert_same(&index, &Query::new(&q), &q);
            assert_same(&index, &Query::typing(&q), &q);
        }
    }

    /// Markdown that a plain reading must index as the document does, or leave to it.
    const TRICKY: &[&str] = &[
        "Intro *let* og **stærk**tekst `kode`  slut.\nNy linje  \nhård\\\nbrud.\n\n## Hvad er det?\n\nTekst.",
        "# Titel\n\n## Ofte stillede spørgsmål\n\n### Hvornår?\n\nSvar.\n\n## Efter?\n\nX\n\n### Inde?\n",
        "- en\n  - to *tre*\n- fire\n\n1. løs\n\n2. liste\n\n> citat\n> # overskrift i citat?\n\n---\n\nefter",
        "| a | *b* |\n|---|---|\n|  | x **y** z |\n| ø | `k` |\n\nOvergang\n## Sidst?\n",
        "Setext overskrift\nover to linjer?\n===\n\n##\n\n## ~~streg~~ og *`kode`* ?  \n\ntekst",
        "Se [link](https://x.dk) her.\n\n## Link?\n\n![billede](a.png)",
        "Kontrol \u{1b}[31m tegn.\n\n## Også\r\n\r\nlinje\r\n",
        "<div>html</div>\n\n```rust\nkode\n```\n\nFod[^1].\n\n[^1]: note\n\n- [x] opgave\n",
        "Lang klynge a\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}.\n## Æøå?\nÆblerne æder ørreder på åen.",
        "",
        "## \n\n   \n## *Kun* stil?",
    ];

    fn same_index(articles: &[(&str, &str)]) {
        let (fast, plain) = (Index::build(articles), Index::build_plain(articles));
        assert_eq!(fast.units, plain.units);
        assert_eq!(fast.labels, plain.labels);
        assert_eq!(fast.label_ends, plain.label_ends);
        assert_eq!(fast.heads, plain.heads);
        assert_eq!(fast.head_fields, plain.head_fields);
        assert_eq!(fast.bodies, plain.bodies);
        assert_eq!(fast.body_fields, plain.body_fields);
        assert_eq!((fast.avg_head, fast.avg_body), (plain.avg_head, plain.avg_body));
    }

    #[test]
    fn articles_read_from_the_parsers_events_index_as_parsed_documents_do() {
        let library = Library::bundled();
        let bundled: Vec<(&str, &str)> =
            library.articles.iter().map(|a| (a.title.as_str(), &*a.body)).collect();
        same_index(&bundled);
        let tricky: Vec<(&str, &str)> = TRICKY.iter().map(|t| ("Titel", *t)).collect();
        for article in &tricky {
            same_index(std::slice::from_ref(article));
        }
        same_index(&tricky);
        let texts: Vec<(String, String)> = crate::corpus::library(300, 3_000)
            .into_iter()
            .map(|(slug, text)| {
                let article = Article::from_bytes(slug, Source::Bundled, text.as_bytes()).0;
                (article.title, article.body.to_string())
            })
            .collect();
        let generated: Vec<(&str, &str)> = texts.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
        same_index(&generated);
        // The plain reading is what indexes a generated library, and the tricky articles
        // without links, HTML, control characters or long clusters.
        let mut extract = super::super::extract::Extract::default();
        assert!(generated.iter().all(|(_, body)| extract.read(body)));
        let read: Vec<bool> = TRICKY.iter().map(|t| extract.read(t)).collect();
        assert_eq!(read, [true, true, true, true, true, false, false, false, false, true, true]);
    }

    #[test]
    fn the_vocabulary_knows_the_words_the_text_has() {
        let index = Index::of(&Library::bundled());
        let words: Vec<String> = queries()
            .iter()
            .flat_map(|q| {
                crate::search::analyze::words(&crate::search::fold(q)).map(str::to_string).collect::<Vec<_>>()
            })
            .collect();
        // Scanned while the headings' words are not made, looked up in them after.
        for made in [false, true] {
            assert_eq!(index.head_words_made().is_some(), made);
            for word in &words {
                for end in 1..=word.len() {
                    let Some(prefix) = word.get(..end) else { continue };
                    for bodies in [false, true] {
                        assert_eq!(
                            index.has_word_starting(prefix, bodies),
                            index.has_word_starting_by_scan(prefix, bodies),
                            "{prefix} {bodies}, words made: {made}"
                        );
                    }
                }
            }
            index.head_words();
        }
    }
}
