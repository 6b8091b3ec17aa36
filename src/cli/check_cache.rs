//! `check`'s findings kept between runs, by content: an article is judged again unless the
//! same bytes were judged before under the same rules, warning signs, language and program
//! (and found stale or not alike: the day counts only there). The key of an article is a SHA-256 of all of these; the file is one JSON list under
//! the user's cache folder, behind a header and a checksum. A file that is not this program's,
//! or whose checksum fails, or that is too large, is ignored (and replaced on the next save).
//!
//! Only articles whose findings depend on nothing but themselves are kept: one with a link to
//! another article (`other.md`, `other.md#anchor`) is judged every time, since what it finds
//! depends on the other article.

use crate::check::Finding;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The first line of a cache file: what it is and the version of its format.
const MAGIC: &str = "artikel-check-cache-v1";

/// The file's name in the cache folder.
const FILE_NAME: &str = "check-findings.json";

/// The most articles kept: those of the last run first, then older ones.
pub const MAX_ENTRIES: usize = 50_000;

/// The largest cache file read; a larger one is ignored.
const MAX_BYTES: u64 = 512 << 20;

/// An article's key: the SHA-256 of everything its findings depend on, in hex.
pub type Key = String;

/// What one run reads from and adds to the cache.
#[derive(Debug, Default)]
pub struct Cache {
    /// The file (none: the cache is off).
    path: Option<PathBuf>,
    /// What the file held.
    old: HashMap<Key, Vec<Finding>>,
    /// What this run used or made, in the order met.
    used: Vec<(Key, Vec<Finding>)>,
    /// Whether this run made anything new.
    changed: bool,
    /// Whether findings were taken out of `old` (see [`Cache::hit`]).
    taken: bool,
}

/// The cache folder of the platform (`~/.cache/artikel` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "artikel").map(|d| d.cache_dir().to_path_buf())
}

impl Cache {
    /// The cache in `dir` (none: off), as its file holds it; an unusable file is ignored.
    pub fn open(dir: Option<&Path>) -> Cache {
        let Some(dir) = dir else { return Cache::default() };
        let path = dir.join(FILE_NAME);
        let old = read(&path).unwrap_or_default();
        Cache { path: Some(path), old, ..Cache::default() }
    }

    /// Whether the cache is on.
    pub fn is_on(&self) -> bool {
        self.path.is_some()
    }

    /// The findings kept for `key`.
    pub fn get(&self, key: &str) -> Option<&Vec<Finding>> {
        self.old.get(key)
    }

    /// The findings kept for `key`, which is used again: taken from the cache when it is not
    /// to be written (`kept`: it is, so they are copied).
    pub fn hit(&mut self, key: Key, kept: bool) -> Vec<Finding> {
        if kept {
            let findings = self.get(&key).cloned().unwrap_or_default();
            self.keep(key, findings.clone(), false);
            findings
        } else {
            // The file already holds it; a cache something was taken from is not written.
            self.taken = true;
            self.old.remove(&key).unwrap_or_default()
        }
    }

    /// Notes that `key` was used (with the findings kept), or made (with new ones).
    pub fn keep(&mut self, key: Key, findings: Vec<Finding>, new: bool) {
        self.changed |= new;
        self.used.push((key, findings));
    }

    /// Writes the cache when this run changed it: this run's articles first, then older
    /// ones up to [`MAX_ENTRIES`]. A cache that cannot be written is left as it was.
    pub fn save(self) {
        let Some(path) = self.path.filter(|_| !self.taken) else { return };
        let mut seen: std::collections::HashSet<&str> = self.used.iter().map(|(k, _)| k.as_str()).collect();
        let dropped = self.old.len() + self.used.len() > MAX_ENTRIES;
        if !self.changed && !dropped {
            return;
        }
        let mut entries: Vec<(&str, &Vec<Finding>)> =
            self.used.iter().map(|(k, f)| (k.as_str(), f)).collect();
        for (k, f) in &self.old {
            if entries.len() >= MAX_ENTRIES {
                break;
            }
            if seen.insert(k.as_str()) {
                entries.push((k, f));
            }
        }
        entries.truncate(MAX_ENTRIES);
        let _ = write(&path, &entries);
    }
}

/// The cache file's entries, if it is one this program wrote and it is whole.
fn read(path: &Path) -> Option<HashMap<Key, Vec<Finding>>> {
    let bytes = crate::regular_file::read(path, MAX_BYTES).ok()?;
    let (header, rest) = split_line(&bytes)?;
    let (sum, body) = split_line(rest)?;
    if header != MAGIC.as_bytes() || sum != hex(&Sha256::digest(body)).as_bytes() {
        return None;
    }
    let entries: Vec<(Key, Vec<Finding>)> = serde_json::from_slice(body).ok()?;
    // What is printed from the file is made safe to print again, as if it were new.
    let entries = entries.into_iter().map(|(k, f)| (k, f.into_iter().map(Finding::reread).collect()));
    Some(entries.collect())
}

fn split_line(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = memchr::memchr(b'\n', bytes)?;
    Some((&bytes[..end], &bytes[end + 1..]))
}

/// Writes the entries to a file beside `path` and puts it in its place: a reader never sees
/// half a file.
fn write(path: &Path, entries: &[(&str, &Vec<Finding>)]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let body = serde_json::to_vec(entries).map_err(std::io::Error::other)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    writeln!(file, "{MAGIC}")?;
    writeln!(file, "{}", hex(&Sha256::digest(&body)))?;
    file.write_all(&body)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What every article's key shares: the program, the language, the staleness limit and the
/// library's warning signs.
#[derive(Clone)]
pub struct Keys {
    base: Sha256,
}

impl Keys {
    /// The shared part of the keys; `signs` is the warning-sign table as text.
    pub fn new(stale_months: u16, signs: &str) -> Keys {
        let mut base = Sha256::new();
        let program = std::env::current_exe().and_then(std::fs::metadata).ok();
        let built = program.as_ref().map(|m| (m.len(), m.modified().ok()));
        let lang = crate::strings::lang();
        field(&mut base, MAGIC.as_bytes());
        field(&mut base, env!("CARGO_PKG_VERSION").as_bytes());
        field(&mut base, format!("{built:?} {stale_months} {lang:?}").as_bytes());
        field(&mut base, signs.as_bytes());
        Keys { base }
    }

    /// The key of one article: its parts as the check reads them (the file's name, its text
    /// and frontmatter, its loading problems as text, whether it is stale today) and its rules
    /// (`rules`: the rule file's text, or what stands for it).
    pub fn key(&self, parts: &[&[u8]], rules: &[u8]) -> Key {
        let mut h = self.base.clone();
        field(&mut h, rules);
        parts.iter().for_each(|p| field(&mut h, p));
        hex(&h.finalize())
    }
}

/// Adds `bytes` with their length first, so that no two lists of parts hash alike.
fn field(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;

    fn finding(message: &str) -> Finding {
        Finding::new("a.md", Some(3), Severity::Error, "regel", message)
    }

    #[test]
    fn what_is_saved_is_read_back_and_a_damaged_or_foreign_file_is_ignored() {
        let dir = tempfile::tempdir().expect("a folder");
        let mut cache = Cache::open(Some(dir.path()));
        assert!(cache.is_on() && cache.get("k").is_none());
        cache.keep("k".into(), vec![finding("noget er galt")], true);
        cache.save();
        let mut cache = Cache::open(Some(dir.path()));
        assert_eq!(cache.get("k"), Some(&vec![finding("noget er galt")]));
        // Taken, not copied, when nothing is to be written: the file keeps it.
        assert_eq!(cache.hit("k".into(), false), vec![finding("noget er galt")]);
        cache.save();
        let mut cache = Cache::open(Some(dir.path()));
        assert_eq!(cache.hit("k".into(), true), vec![finding("noget er galt")]);
        cache.save();
        assert_eq!(Cache::open(Some(dir.path())).get("k"), Some(&vec![finding("noget er galt")]));
        let path = dir.path().join(FILE_NAME);
        let text = std::fs::read_to_string(&path).expect("written");
        // One byte changed in the findings: the checksum fails and nothing is used.
        std::fs::write(&path, text.replace("galt", "gaLt")).expect("written");
        assert!(Cache::open(Some(dir.path())).get("k").is_none());
        // A file of another kind, or of another version of the format.
        std::fs::write(&path, text.replacen(MAGIC, "artikel-check-cache-v0", 1)).expect("written");
        assert!(Cache::open(Some(dir.path())).get("k").is_none());
        std::fs::write(&path, "[[\"k\", []]]").expect("written");
        assert!(Cache::open(Some(dir.path())).get("k").is_none());
    }

    #[test]
    fn control_characters_in_a_cached_finding_are_shown_not_printed() {
        let dir = tempfile::tempdir().expect("a folder");
        let mut raw = finding("x");
        raw.message = "ring \u{1b}[31m112".into();
        write(&dir.path().join(FILE_NAME), &[("k", &vec![raw])]).expect("written");
        let cache = Cache::open(Some(dir.path()));
        let message = &cache.get("k").expect("kept")[0].message;
        assert!(!message.contains('\u{1b}'), "{message}");
    }

    #[test]
    fn keys_differ_with_any_part_and_the_rules() {
        let keys = Keys::new(12, "signs");
        let one = keys.key(&[b"a.md", b"tekst"], b"rules");
        assert_eq!(one, keys.key(&[b"a.md", b"tekst"], b"rules"));
        assert_ne!(one, keys.key(&[b"a.md", b"tekSt"], b"rules"));
        assert_ne!(one, keys.key(&[b"a.md", b"tekst"], b"rules2"));
        assert_ne!(one, keys.key(&[b"a.mdt", b"ekst"], b"rules"), "the parts' bounds count");
        let longer = Keys::new(13, "signs");
        assert_ne!(one, longer.key(&[b"a.md", b"tekst"], b"rules"));
        let signs = Keys::new(12, "signs2");
        assert_ne!(one, signs.key(&[b"a.md", b"tekst"], b"rules"));
    }

    #[test]
    fn the_cache_keeps_at_most_its_bound_this_runs_articles_first() {
        let dir = tempfile::tempdir().expect("a folder");
        let mut cache = Cache::open(Some(dir.path()));
        for n in 0..MAX_ENTRIES + 10 {
            cache.keep(format!("old{n}"), Vec::new(), true);
        }
        cache.save();
        let mut cache = Cache::open(Some(dir.path()));
        assert_eq!(cache.old.len(), MAX_ENTRIES);
        cache.keep("new".into(), Vec::new(), true);
        cache.save();
        let cache = Cache::open(Some(dir.path()));
        assert_eq!(cache.old.len(), MAX_ENTRIES);
        assert!(cache.get("new").is_some());
    }
}
