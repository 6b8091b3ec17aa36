//! A long library indexed in pieces on two threads, joined in order as they are done.

use super::{Field, Index, offset};
use std::collections::BTreeMap;

/// From how many articles a library is indexed in pieces on two threads.
pub(super) const PIECES_FROM: usize = 128;

/// Into how many pieces (of about equal size) a long library is cut to be indexed.
const PIECES: usize = 32;

/// `articles` cut into runs of consecutive articles with at least `size` bytes of text each
/// (the last may have less).
fn pieces(articles: &[(&str, &str)], size: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (_, body)) in articles.iter().enumerate() {
        bytes += body.len();
        if bytes >= size {
            out.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < articles.len() {
        out.push(start..articles.len());
    }
    out
}

/// The pieces of an index joined so far, and those done that wait for one before them.
struct Joined {
    whole: Index,
    /// The number of the next piece to join.
    next: usize,
    waiting: BTreeMap<usize, Index>,
}

impl Joined {
    /// Takes piece `n`, and joins every piece that can be joined now.
    fn add(&mut self, n: usize, part: Index) {
        self.waiting.insert(n, part);
        while let Some(part) = self.waiting.remove(&self.next) {
            self.whole.append(part);
            self.next += 1;
        }
    }
}

impl Index {
    /// Indexes `articles` in about [`PIECES`] pieces of equal size, which two threads take
    /// in turn ([`crate::pieces::in_turns`]). This thread joins the pieces, in order, as
    /// they are done (in between building its own), so little is left to copy when the
    /// last one is done.
    pub(super) fn build_in_pieces(articles: &[(&str, &str)]) -> Index {
        let bytes: usize = articles.iter().map(|(_, body)| body.len()).sum();
        let pieces = pieces(articles, bytes / PIECES + 1);
        let mut joined = Joined { whole: Index::default(), next: 0, waiting: BTreeMap::new() };
        joined.whole.bodies.reserve(bytes);
        crate::pieces::in_turns(
            pieces.len(),
            |n| Index::build_part(&articles[pieces[n].clone()], pieces[n].start, true),
            |n, part| joined.add(n, part),
        );
        joined.whole
    }

    fn append(&mut self, other: Index) {
        let (heads, bodies, units) =
            (offset(self.heads.len()), offset(self.bodies.len()), offset(self.units.len()));
        let shift = |f: Field, by: u32| Field { unit: f.unit + units, start: f.start + by, end: f.end + by };
        let labels = offset(self.labels.len());
        self.labels.push_str(&other.labels);
        self.label_ends.extend(other.label_ends.into_iter().map(|e| e + labels));
        self.heads.push_str(&other.heads);
        self.bodies.push_str(&other.bodies);
        self.head_fields.extend(other.head_fields.into_iter().map(|f| shift(f, heads)));
        self.body_fields.extend(other.body_fields.into_iter().map(|f| shift(f, bodies)));
        self.units.extend(other.units);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_every_article_once_in_order() {
        let texts: Vec<String> = (0..50).map(|i| "x".repeat(i * 37 % 101)).collect();
        let articles: Vec<(&str, &str)> = texts.iter().map(|t| ("T", t.as_str())).collect();
        for size in [1, 100, 500, 10_000] {
            let cut = pieces(&articles, size);
            let flat: Vec<usize> = cut.iter().flat_map(|r| r.clone()).collect();
            assert_eq!(flat, (0..50).collect::<Vec<_>>(), "size {size}");
            assert!(cut.iter().all(|r| !r.is_empty()));
            let short = |r: &std::ops::Range<usize>| {
                articles[r.clone()].iter().map(|a| a.1.len()).sum::<usize>() < size
            };
            assert!(
                cut[..cut.len() - 1].iter().all(|r| !short(r)),
                "only the last may be short: size {size}"
            );
        }
        assert!(pieces(&[], 10).is_empty());
    }
}
