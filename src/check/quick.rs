//! A quick hash for the short keys `check` looks up once for every word of every article (a
//! word's first letters, a lower-case word): std's SipHash, made to withstand chosen keys,
//! cost more than the rest of such a lookup. Only tables built from the rule file use it;
//! an article's words are looked up in them, never stored, so no text can crowd them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map with the quick hash.
pub type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<Quick>>;

/// The hash: eight bytes at a time, each mixed in with a rotation, an exclusive or and a
/// multiplication (the Firefox hash).
#[derive(Debug, Default, Clone, Copy)]
pub struct Quick(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Quick {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Quick {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_differ_in_one_letter_or_their_length_are_told_apart() {
        let mut map: QuickMap<String, usize> = QuickMap::default();
        let keys = ["", "a", "ab", "ba", "abcdefgh", "abcdefgi", "abcdefghi", "rygsmerter", "rygsmerte"];
        for (i, k) in keys.iter().enumerate() {
            map.insert((*k).to_string(), i);
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(map.get(*k), Some(&i), "{k}");
        }
        assert_eq!(map.get("abcdefg"), None);
        let pairs: QuickMap<(char, char), usize> = [(('a', 'e'), 1), (('e', 'a'), 2)].into_iter().collect();
        assert_eq!((pairs.get(&('a', 'e')), pairs.get(&('e', 'a'))), (Some(&1), Some(&2)));
    }
}
