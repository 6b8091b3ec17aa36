//! The words of the library's titles and headings, each once and in order, with the units
//! whose heading holds each: the palette looks its words up here instead of reading every
//! heading, and compound words are split against them.

use super::index::Field;
use super::rank::{Pattern, offset};
use crate::words::analyze::{ANYWHERE_LEN, counts_at};
use memchr::memmem;
use std::collections::HashMap;

/// Up to which share of the headings (one in this many) a phrase's headings are scanned
/// one by one rather than all of them at once
/// (and at least this many).
const PHRASE_SHARE: usize = 64;
const PHRASE_MIN: usize = 1024;

/// The distinct words (runs of ASCII letters and digits) of the headings, sorted, and where
/// each occurs.
#[derive(Debug, Default)]
pub(super) struct HeadWords {
    /// The words, sorted, each followed by `\n`.
    joined: String,
    /// Where each word starts in `joined`, and the length of `joined` last.
    starts: Vec<u32>,
    /// Word `w` occurs in the headings of `units[first[w]..first[w + 1]]`, once per
    /// occurrence, in the headings' order.
    first: Vec<u32>,
    units: Vec<u32>,
    /// The units found by the headings' phrases of every kind of question
    /// ([`super::intent_table::INTENTS`]), looked for as the last word is typed (an open end):
    /// such a phrase is in very many headings, and asked for by every question of its kind.
    asked: Vec<(&'static str, Vec<u32>)>,
}

impl HeadWords {
    /// The words of `heads`, the folded headings cut into `fields`.
    pub(super) fn of(heads: &str, fields: &[Field]) -> HeadWords {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut words: Vec<&str> = Vec::new();
        let mut occurrences: Vec<(u32, u32)> = Vec::new();
        for field in fields {
            let text = heads.get(field.start as usize..field.end as usize).unwrap_or("");
            for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
                let id = *ids.entry(word).or_insert_with(|| {
                    words.push(word);
                    offset(words.len() - 1)
                });
                occurrences.push((id, field.unit));
            }
        }
        let mut order: Vec<u32> = (0..offset(words.len())).collect();
        order.sort_unstable_by_key(|&id| words[id as usize]);
        let mut rank = vec![0u32; words.len()];
        let mut joined = String::new();
        let mut starts = Vec::with_capacity(words.len() + 1);
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = offset(r);
            starts.push(offset(joined.len()));
            joined.push_str(words[id as usize]);
            joined.push('\n');
        }
        starts.push(offset(joined.len()));
        let mut first = vec![0u32; words.len() + 1];
        for &(id, _) in &occurrences {
            first[rank[id as usize] as usize + 1] += 1;
        }
        for w in 1..first.len() {
            first[w] += first[w - 1];
        }
        let mut next = first.clone();
        let mut units = vec![0u32; occurrences.len()];
        for &(id, unit) in &occurrences {
            let at = &mut next[rank[id as usize] as usize];
            units[*at as usize] = unit;
            *at += 1;
        }
        let asked = super::intent::heading_phrases()
            .map(|head| {
                let mut found = Vec::new();
                let p = Pattern { text: head.to_string(), factor: 1.0, open_end: true };
                super::rank::scan(heads, fields, &p, |field, _| found.push(field.unit));
                (head, found)
            })
            .collect();
        HeadWords { joined, starts, first, units, asked }
    }

    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn word(&self, w: usize) -> &str {
        &self.joined[self.starts[w] as usize..self.starts[w + 1] as usize - 1]
    }

    /// The first word not before `prefix`.
    fn first_from(&self, prefix: &str) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.word(mid) < prefix {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// Whether a word starts with `prefix`.
    pub(super) fn has_word_starting(&self, prefix: &str) -> bool {
        let w = self.first_from(prefix);
        w < self.len() && self.word(w).starts_with(prefix)
    }

    /// Adds to `hits` the unit of every heading where `p` counts, once per place it counts,
    /// as scanning `heads` (cut into `fields`, unit `u`'s heading being `fields[u]`) would
    /// find them, in another order. A pattern of words joined by single spaces is looked for
    /// in the headings that have a word ending in its first word. `false`, adding nothing,
    /// for any other pattern: the headings must be scanned for it.
    pub(super) fn units_matching(
        &self,
        p: &Pattern,
        heads: &str,
        fields: &[Field],
        hits: &mut Vec<u32>,
    ) -> bool {
        let pattern = p.text.as_str();
        if let Some((_, found)) = self.asked.iter().find(|(head, _)| p.open_end && *head == pattern) {
            hits.extend_from_slice(found);
            return true;
        }
        let word_like = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric());
        if !pattern.split(' ').all(word_like) {
            return false;
        }
        match pattern.split_once(' ') {
            None => self.word_units(p, hits),
            Some((first, _)) => return self.phrase_units(p, first, heads, fields, hits),
        }
        true
    }

    /// [`HeadWords::units_matching`] for a pattern of one word.
    fn word_units(&self, p: &Pattern, hits: &mut Vec<u32>) {
        let pattern = p.text.as_str();
        let mut take = |w: usize, at: usize| {
            if counts_at(self.word(w).as_bytes(), at, pattern, p.open_end) {
                hits.extend_from_slice(self.units_of(w));
            }
        };
        if pattern.len() < ANYWHERE_LEN {
            // A short pattern counts only at the start of a word.
            for w in self.first_from(pattern)..self.len() {
                if !self.word(w).starts_with(pattern) {
                    break;
                }
                take(w, 0);
            }
        } else {
            let mut w = 0;
            for at in memmem::find_iter(self.joined.as_bytes(), pattern.as_bytes()) {
                while self.starts[w + 1] as usize <= at {
                    w += 1;
                }
                take(w, at - self.starts[w] as usize);
            }
        }
    }

    /// [`HeadWords::units_matching`] for words joined by spaces: wherever it stands, its
    /// first word ends a word of the heading, so only those headings are scanned. When they
    /// are many, scanning them one by one costs more than scanning all the headings at
    /// once, and this gives up (`false`).
    fn phrase_units(
        &self,
        p: &Pattern,
        first: &str,
        heads: &str,
        fields: &[Field],
        hits: &mut Vec<u32>,
    ) -> bool {
        let ending = format!("{first}\n");
        let mut units: Vec<u32> = Vec::new();
        let (mut w, mut words) = (0, 0);
        for at in memmem::find_iter(self.joined.as_bytes(), ending.as_bytes()) {
            while self.starts[w + 1] as usize <= at {
                w += 1;
            }
            units.extend_from_slice(self.units_of(w));
            words += 1;
            if units.len() > PHRASE_MIN.max(fields.len() / PHRASE_SHARE) {
                return false;
            }
        }
        // One word's units are in order already.
        if words > 1 {
            units.sort_unstable();
        }
        units.dedup();
        let finder = memmem::Finder::new(p.text.as_bytes());
        let bytes = heads.as_bytes();
        for unit in units {
            let Some(field) = fields.get(unit as usize).filter(|f| f.unit == unit) else { continue };
            let (start, end) = (field.start as usize, field.end as usize);
            for at in finder.find_iter(&bytes[start..end]) {
                if counts_at(bytes, start + at, &p.text, p.open_end) {
                    hits.push(unit);
                }
            }
        }
        true
    }

    fn units_of(&self, w: usize) -> &[u32] {
        &self.units[self.first[w] as usize..self.first[w + 1] as usize]
    }

    /// The bytes held.
    pub(super) fn heap_bytes(&self) -> usize {
        let asked: usize = self.asked.iter().map(|(_, found)| found.capacity()).sum();
        self.joined.capacity()
            + (self.starts.capacity() + self.first.capacity() + self.units.capacity() + asked) * 4
    }
}

#[cfg(test)]
mod tests {
    use super::super::index::Index;
    use super::super::rank::{Pattern, scan};
    use crate::library::Library;

    /// Headings where words repeat, overlap, end in endings and hold digits.
    const HEADINGS: &str = "## Aaaaaaaaa aa aaa?\n\n## Knæsmerter, smerter og smerte i smerterne?\n\n\
        ## Ryggen, ryg og rygge ryg?\n\n## Hvornår og hvor længe – x1, 1x og 12?\n\n\
        ## Spændingshovedpine er hovedpine?\n\n## Smerter\n\n## Æ ø å, é og ü?\n\n\
        ## Hvornår skal du søge læge, og hvornår skal du søge læge igen?\n";

    fn sorted(mut units: Vec<u32>) -> Vec<u32> {
        units.sort_unstable();
        units
    }

    #[test]
    fn the_words_find_every_place_a_scan_of_the_headings_finds() {
        let mut articles: Vec<(String, String)> =
            Library::bundled().articles.iter().map(|a| (a.title.clone(), a.body.to_string())).collect();
        articles.push(("Gentagelser".into(), HEADINGS.into()));
        let refs: Vec<(&str, &str)> = articles.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
        let index = Index::build(&refs);
        let words = index.head_words();
        // Every start and every stretch of up to 8 bytes of every word of the headings,
        // and what is no word.
        let mut patterns: Vec<String> = ["zzz", "aaaa", "aa", "a", "x", "1", "12", "smertern", "hovedpin"]
            .into_iter()
            .map(String::from)
            .collect();
        for w in index.heads.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            for from in 0..w.len() {
                for to in from + 1..=w.len().min(from + 8) {
                    patterns.push(w[from..to].to_string());
                }
            }
        }
        // Words joined by spaces, whole and cut at either end, and the kinds of question.
        for line in index.heads.lines() {
            let words: Vec<&str> = line.split(' ').collect();
            for pair in words.windows(3) {
                let [a, b, c] = [pair[0], pair[1], pair[2]];
                for from in [0, a.len().saturating_sub(2)] {
                    patterns.push(format!("{} {b}", a.get(from..).unwrap_or(a)));
                    patterns.push(format!("{} {b} {c}", a.get(from..).unwrap_or(a)));
                }
                patterns.push(format!("{a} {}", b.get(..2).unwrap_or(b)));
            }
        }
        patterns.extend(crate::search::intent::heading_phrases().map(|h| h.to_string()));
        patterns.sort_unstable();
        patterns.dedup();
        let mut phrases = 0;
        for text in &patterns {
            let words_only = text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
            phrases += usize::from(words_only && text.contains(' '));
            for open_end in [false, true] {
                let p = Pattern { text: text.clone(), factor: 1.0, open_end };
                let mut found = Vec::new();
                let looked_up = words.units_matching(&p, &index.heads, &index.head_fields, &mut found);
                assert_eq!(looked_up, words_only, "{text:?}");
                let mut scanned = Vec::new();
                scan(&index.heads, &index.head_fields, &p, |field, _| scanned.push(field.unit));
                if looked_up {
                    assert_eq!(sorted(found), sorted(scanned), "{text:?} open_end {open_end}");
                }
            }
        }
        assert!(patterns.len() > 1000 && phrases > 300, "{} patterns, {phrases} phrases", patterns.len());
    }

    #[test]
    fn a_pattern_that_is_not_words_joined_by_single_spaces_is_left_to_the_scan() {
        let index = Index::build(&[("Titel", "## Egen læge?\n")]);
        for text in ["egen  laege", " laege", "laege ", "laege?", "", "æ"] {
            let p = Pattern { text: text.into(), factor: 1.0, open_end: false };
            let mut found = Vec::new();
            assert!(
                !index.head_words().units_matching(&p, &index.heads, &index.head_fields, &mut found),
                "{text}"
            );
            assert!(found.is_empty());
        }
    }

    #[test]
    fn a_phrase_whose_first_word_is_in_very_many_headings_is_left_to_the_scan() {
        let mut body: String = (0..1100).map(|i| format!("## Hvornår skal du søge læge {i}?\n\n")).collect();
        body.push_str("## Ondt i knæet 1?\n\n## Ondt i knæet 2?\n");
        let index = Index::build(&[("Titel", &body)]);
        let p = Pattern { text: "hvornaar skal du".into(), factor: 1.0, open_end: true };
        let mut found = Vec::new();
        assert!(!index.head_words().units_matching(&p, &index.heads, &index.head_fields, &mut found));
        assert!(found.is_empty());
        let few = Pattern { text: "knaeet 1".into(), open_end: false, ..p };
        assert!(index.head_words().units_matching(&few, &index.heads, &index.head_fields, &mut found));
        assert_eq!(found, [1101]);
    }

    #[test]
    fn the_phrases_of_the_kinds_of_question_are_found_once_and_only_with_an_open_end() {
        let index = Index::build(&[(
            "Titel",
            "## Hvornår skal du søge læge?\n\n## Hvornår skal man søge hjælp?\n\n## Hvornår skalx?\n",
        )]);
        let words = index.head_words();
        for (text, open_end) in [("hvornaar skal", true), ("hvornaar skal", false), ("hvornaar ska", true)] {
            let p = Pattern { text: text.into(), factor: 1.0, open_end };
            let mut found = Vec::new();
            assert!(words.units_matching(&p, &index.heads, &index.head_fields, &mut found));
            let mut scanned = Vec::new();
            scan(&index.heads, &index.head_fields, &p, |field, _| scanned.push(field.unit));
            assert_eq!(sorted(found), sorted(scanned), "{text} {open_end}");
        }
        // Open-ended, "hvornaar skal" goes on into "skalx"; closed, it does not.
        let closed = Pattern { text: "hvornaar skal".into(), factor: 1.0, open_end: false };
        let mut found = Vec::new();
        words.units_matching(&closed, &index.heads, &index.head_fields, &mut found);
        assert_eq!(sorted(found), [1, 2]);
        let open = Pattern { open_end: true, ..closed };
        let mut found = Vec::new();
        words.units_matching(&open, &index.heads, &index.head_fields, &mut found);
        assert_eq!(sorted(found), [1, 2, 3]);
    }

    #[test]
    fn a_word_counts_once_per_place_it_stands() {
        let index = Index::build(&[("Titel", "## Ryg, ryg og ryg?\n\n## Ryggen?\n")]);
        let p = Pattern { text: "ryg".into(), factor: 1.0, open_end: false };
        let mut found = Vec::new();
        assert!(index.head_words().units_matching(&p, &index.heads, &index.head_fields, &mut found));
        // Three times in the first heading; "ryggen" is "ryg" and an ending.
        assert_eq!(sorted(found), [1, 1, 1, 2]);
        assert!(
            index.head_words().has_word_starting("rygge") && !index.head_words().has_word_starting("rygz")
        );
    }
}
