//! Walking article folders on disk, following links without looping.

use super::article::{Article, Source};
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with one file or folder; the library loads without it (or with it repaired).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file or folder, as the user would name it.
    pub place: String,
    /// What is wrong, in one line.
    pub message: String,
}

impl Warning {
    /// A warning about `place`. Both are made safe to print: a file name or a parser's
    /// quote of a file can hold control characters too.
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> Warning {
        let safe = |s: String| crate::sanitize::visible(&s).into_owned();
        Warning { place: safe(place.into()), message: safe(message.into()) }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Loads every `*.md` file below `dir` (following links, each folder once). The files of a
/// large folder are read on two threads.
pub fn load_dir(dir: &Path) -> (Vec<Article>, Vec<Warning>) {
    let mut walk = Walk::default();
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => walk.visit(dir),
        Ok(_) => walk.warn(dir, "is not a folder"),
        Err(e) => walk.warn(dir, &format!("cannot open folder: {e}")),
    }
    let files = std::mem::take(&mut walk.files);
    let (first, second) = files.split_at(files.len() / 2);
    let (mut loaded, rest) = if files.len() < 64 {
        (read_all(&files), Vec::new())
    } else {
        std::thread::scope(|scope| {
            let other = scope.spawn(|| read_all(second));
            (read_all(first), other.join().unwrap_or_default())
        })
    };
    loaded.extend(rest);
    let mut articles = Vec::with_capacity(loaded.len());
    for (article, warnings) in loaded {
        walk.warnings.extend(warnings);
        articles.extend(article);
    }
    (articles, walk.warnings)
}

/// Reads and loads each file: the article (if the file could be read) and its warnings.
fn read_all(files: &[PathBuf]) -> Vec<(Option<Article>, Vec<Warning>)> {
    files
        .iter()
        .map(|path| match std::fs::read(path) {
            Ok(bytes) => {
                let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let (article, warnings) = Article::from_bytes(slug, Source::File(path.clone()), &bytes);
                (Some(article), warnings)
            }
            Err(e) => (None, vec![Warning::new(path.display().to_string(), format!("cannot read: {e}"))]),
        })
        .collect()
}

#[derive(Default)]
struct Walk {
    seen: HashSet<PathBuf>,
    files: Vec<PathBuf>,
    warnings: Vec<Warning>,
}

impl Walk {
    fn warn(&mut self, path: &Path, message: &str) {
        self.warnings.push(Warning::new(path.display().to_string(), message));
    }

    fn visit(&mut self, dir: &Path) {
        let real = match dir.canonicalize() {
            Ok(p) => p,
            Err(e) => return self.warn(dir, &format!("cannot open folder: {e}")),
        };
        if !self.seen.insert(real) {
            return self.warn(dir, "folder loop: this folder was already read");
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.warn(dir, &format!("cannot read folder: {e}")),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.visit(&path),
                Ok(_) if path.extension().is_some_and(|e| e == "md") => self.files.push(path),
                Ok(_) => {}
                Err(e) => self.warn(&path, &format!("cannot open: {e}")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_folder_is_a_warning() {
        let (articles, warnings) = load_dir(Path::new("/no/such/folder"));
        assert!(articles.is_empty());
        assert!(warnings[0].message.contains("cannot open folder"), "{warnings:?}");
    }

    #[test]
    fn nested_folders_load_and_a_folder_loop_is_reported_once() {
        let root = tempfile::tempdir().expect("temp dir");
        let sub = root.path().join("ryg");
        std::fs::create_dir(&sub).expect("mkdir");
        std::fs::write(sub.join("laend.md"), "---\nmetaTitle: Lænd\n---\nTekst\n").expect("write");
        std::fs::write(root.path().join("noter.txt"), "not an article").expect("write");
        std::os::unix::fs::symlink(root.path(), sub.join("loop")).expect("symlink");
        let (articles, warnings) = load_dir(root.path());
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].title, "Lænd");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].message.contains("folder loop"));
    }
}
