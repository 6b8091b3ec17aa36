//! Scoring a query over the index: each concept's BM25 term added to the units it finds,
//! and the best units kept. The formula is described in [`super::rank`].

use super::index::{FieldKind, Index};
use super::rank::{Hit, K1, Query, W_BODY, W_TITLE, offset, scan, scan_halves};
use super::select::{ArticleHits, Wanted};

/// From how large a share of the units found (one in this many) a concept's scores are
/// worked out in one pass over all units.
const DENSE_SHARE: usize = 16;

/// The per-unit and per-article sums a query adds up, kept between queries so a keystroke
/// does not allocate and clear them anew. Between queries every sum is zero and every
/// place unset.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    score: Vec<f32>,
    head_tf: Vec<f32>,
    body_tf: Vec<f32>,
    body_at: Vec<(u32, u32)>,
    title_tf: Vec<f32>,
    /// Lists a query fills and empties again, kept for their room.
    touched: Vec<u32>,
    titled: Vec<u32>,
    in_heads: Vec<u32>,
    /// Each article's evidence from the question's words in its text.
    articles: ArticleHits,
}

impl Scratch {
    fn ready(&mut self, units: usize, articles: usize) {
        for v in [&mut self.score, &mut self.head_tf, &mut self.body_tf] {
            v.resize(units, 0.0);
        }
        self.body_at.resize(units, (u32::MAX, 0));
        self.title_tf.resize(articles, 0.0);
        self.articles.ready(articles);
    }

    /// The bytes held.
    pub(super) fn heap_bytes(&self) -> usize {
        let lists = self.touched.capacity() + self.titled.capacity() + self.in_heads.capacity();
        (self.score.capacity() + self.head_tf.capacity() + self.body_tf.capacity() + self.title_tf.capacity())
            * 4
            + lists * 4
            + self.body_at.capacity() * 8
            + self.articles.heap_bytes()
    }
}

impl Index {
    /// Ranks the units of the kinds `wanted` for `query`, reading the units' text when
    /// `bodies`: at most `limit` hits, best first, and how many units matched in all.
    pub(super) fn run(&self, query: &Query, limit: usize, bodies: bool, wanted: Wanted) -> (Vec<Hit>, usize) {
        let (hits, total, _) = self.run_reading(query, limit, bodies, wanted);
        (hits, total)
    }

    /// [`Index::run`], with what the question was read as.
    pub(super) fn run_reading(
        &self,
        query: &Query,
        limit: usize,
        bodies: bool,
        wanted: Wanted,
    ) -> (Vec<Hit>, usize, super::Reading) {
        // The headings' words are looked a pattern up in when they are made, and made for
        // the palette, which reads no text; otherwise the headings are scanned. Both find
        // the same places. (Made first, so splitting compounds looks words up in them too.)
        let words = if bodies { self.head_words_made() } else { Some(self.head_words()) };
        let concepts = self.concepts_in(query, bodies);
        // One query at a time uses the kept sums; another one at the same moment (a served
        // session) makes its own, as does one after a query that panicked half-way.
        let mut kept = self.scratch.try_lock().ok();
        let mut own = Scratch::default();
        let scratch = kept.as_deref_mut().unwrap_or(&mut own);
        scratch.ready(self.units.len(), self.article_start.len());
        // `titled`: the articles whose title, slug or keywords add to the concept.
        let Scratch { score, head_tf, body_tf, body_at, title_tf, touched, titled, in_heads, articles } =
            scratch;
        let big_n = self.units.len().max(1) as f32;
        for concept in &concepts {
            let mut title = |article: u32, factor: f32| {
                let a = article as usize;
                if title_tf[a] == 0.0 {
                    titled.push(article);
                }
                title_tf[a] += factor;
            };
            for p in &concept.patterns {
                in_heads.clear();
                if !words.is_some_and(|w| w.units_matching(p, &self.heads, &self.head_fields, in_heads)) {
                    scan_halves(&self.heads, &self.head_fields, p, |field, _| in_heads.push(field.unit));
                }
                for &unit in in_heads.iter() {
                    let u = unit as usize;
                    // Without bodies no text was read, so no unit has a text sum.
                    if head_tf[u] == 0.0 && (!bodies || body_tf[u] == 0.0) {
                        touched.push(unit);
                    }
                    head_tf[u] += p.factor;
                    if self.kinds[u] == FieldKind::Title {
                        title(self.units[u].article, p.factor);
                    }
                }
                if concept.heads_only {
                    continue;
                }
                scan(&self.metas, &self.meta_fields, p, |field, _| {
                    title(self.units[field.unit as usize].article, p.factor);
                });
                if bodies {
                    scan_halves(&self.bodies, &self.body_fields, p, |field, at| {
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
                self.fuzzy_questions(concept, head_tf, body_tf, touched);
            }
            let df = touched.len() as f32;
            let idf = (1.0 + (big_n - df + 0.5) / (df + 0.5)).ln() * concept.weight;
            let mut add = |u: usize, title: f32| {
                // A unit the caller does not want is never listed, counted or read again,
                // so its score is not worked out.
                let kind = self.kinds[u];
                if !wanted.takes(kind, true) {
                    return;
                }
                let w_head = kind.head_weight();
                let head = w_head * head_tf[u] / self.head_norm[u];
                let body = if body_tf[u] > 0.0 { W_BODY * body_tf[u] / self.body_norm[u] } else { 0.0 };
                let tf = head + body + W_TITLE * title.min(2.0);
                if tf > 0.0 {
                    score[u] += idf * tf * (K1 + 1.0) / (K1 + tf);
                }
            };
            // Every unit of an article whose title adds, and every other unit found. When
            // they are many, one pass over all units in order reads memory as it lies
            // instead of jumping about; both score the same units.
            let dense = touched.len() > self.units.len() / DENSE_SHARE;
            if dense {
                for (article, &title) in title_tf.iter().enumerate() {
                    for u in self.units_of(offset(article)) {
                        if title > 0.0 || head_tf[u] > 0.0 || (bodies && body_tf[u] > 0.0) {
                            add(u, title);
                        }
                    }
                }
            } else {
                for &article in titled.iter() {
                    for u in self.units_of(article) {
                        add(u, title_tf[article as usize]);
                    }
                }
                for &u in touched.iter() {
                    if titled.is_empty() || title_tf[self.units[u as usize].article as usize] == 0.0 {
                        add(u as usize, 0.0);
                    }
                }
            }
            // The articles whose text has the word (the palette reads no text).
            if bodies {
                for &u in touched.iter() {
                    articles.unit(self.units[u as usize].article);
                }
                articles.end_concept(concept.weight);
            }
            for &article in titled.iter() {
                title_tf[article as usize] = 0.0;
            }
            titled.clear();
            if dense {
                head_tf.fill(0.0);
                if bodies {
                    body_tf.fill(0.0);
                }
            } else {
                for &u in touched.iter() {
                    head_tf[u as usize] = 0.0;
                    body_tf[u as usize] = 0.0;
                }
            }
            touched.clear();
        }
        let reading = self.read_question(query, &concepts);
        let (hits, total) = self.select(&reading, score, &articles.text, body_at, limit, wanted);
        // Left as found: every sum zero, every place unset.
        score.fill(0.0);
        articles.clear();
        if bodies {
            body_at.fill((u32::MAX, 0));
        }
        (hits, total, reading)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Index, Query};
    use crate::library::Library;

    #[test]
    fn queries_at_the_same_moment_on_one_index_rank_as_one_at_a_time() {
        let index = Index::of(&Library::bundled());
        let queries =
            ["hvornår skal jeg til lægen", "ryg", "h", "smerter i nakken", "nakkepude", "hvor længe varer"];
        let alone: Vec<_> = queries.iter().map(|q| index.search(&Query::new(q), 50)).collect();
        let palette: Vec<_> = queries.iter().map(|q| index.questions(&Query::typing(q), 50)).collect();
        assert!(alone.iter().all(|hits| !hits.is_empty()));
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..30 {
                        for (i, q) in queries.iter().enumerate() {
                            assert_eq!(index.search(&Query::new(q), 50), alone[i], "{q}");
                            assert_eq!(index.questions(&Query::typing(q), 50), palette[i], "{q}");
                        }
                    }
                });
            }
        });
    }
}
