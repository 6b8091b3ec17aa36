//! Walking article folders on disk, following links without looping, reading only regular files.

use super::article::{Article, Source};
use super::warning::{MAX_ARTICLE_BYTES, Warning, WarningKind};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What one folder tree held.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Its articles, one per slug.
    pub articles: Vec<Article>,
    /// Articles hidden by another file of the tree with the same slug (each has a warning).
    pub hidden: Vec<Article>,
    /// Problems met.
    pub warnings: Vec<Warning>,
}

/// Loads every `*.md` file below `dir` (following links, each folder once). The files of a
/// large folder are read on two threads. Of two files with one slug, the later (in path
/// order) is shown and the earlier hidden, with a warning.
pub fn load_dir(dir: &Path) -> Loaded {
    let mut walk = Walk::default();
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => walk.visit(dir),
        Ok(_) => walk.warn(dir, WarningKind::NotAFolder),
        Err(e) => walk.warn(dir, WarningKind::CannotOpenFolder { reason: e.to_string() }),
    }
    let files = std::mem::take(&mut walk.files);
    load_files(&files, walk.warnings, files.len() >= PARALLEL_FROM)
}

/// From how many files a folder is read on two threads.
const PARALLEL_FROM: usize = 64;

/// Loads `files` (in path order) after the walk's `warnings`, on two threads when `parallel`:
/// the result is the same either way.
fn load_files(files: &[PathBuf], warnings: Vec<Warning>, parallel: bool) -> Loaded {
    let loaded = if parallel { read_in_pieces(files) } else { read_all(files) };
    // Which earlier file each file's slug hides (found before any article is moved).
    let mut shown: HashMap<&str, usize> = HashMap::with_capacity(loaded.len());
    let hides: Vec<Option<usize>> = loaded
        .iter()
        .enumerate()
        .map(|(i, (article, _))| article.as_ref().and_then(|a| shown.insert(a.slug.as_str(), i)))
        .collect();
    drop(shown);
    let mut out = Loaded { warnings, ..Loaded::default() };
    // Where in `out.articles` each file's article went.
    let mut place = vec![0; loaded.len()];
    for (i, (article, warnings)) in loaded.into_iter().enumerate() {
        out.warnings.extend(warnings);
        let Some(article) = article else { continue };
        match hides[i] {
            Some(earlier) => {
                let at = place[earlier];
                place[i] = at;
                let earlier = std::mem::replace(&mut out.articles[at], article);
                let shown = out.articles[at].source.describe(&out.articles[at].slug);
                let kind = WarningKind::DuplicateSlug { slug: earlier.slug.clone(), shown };
                out.warnings.push(Warning::new(&earlier.source.describe(&earlier.slug), kind));
                out.hidden.push(earlier);
            }
            None => {
                place[i] = out.articles.len();
                out.articles.push(article);
            }
        }
    }
    out
}

/// How many files one piece of a large folder holds: the two threads take pieces in turn.
const READ_PIECE: usize = 64;

/// [`read_all`] in pieces of [`READ_PIECE`] files, which two threads take in turn
/// ([`crate::pieces::in_turns`]); the results in the files' order.
fn read_in_pieces(files: &[PathBuf]) -> Vec<(Option<Article>, Vec<Warning>)> {
    let pieces: Vec<&[PathBuf]> = files.chunks(READ_PIECE).collect();
    let mut by_piece: Vec<Vec<_>> = std::iter::repeat_with(Vec::new).take(pieces.len()).collect();
    crate::pieces::in_turns(pieces.len(), |n| read_all(pieces[n]), |n, results| by_piece[n] = results);
    by_piece.into_iter().flatten().collect()
}

/// Reads and loads each file: the article (if the file could be read) and its warnings.
fn read_all(files: &[PathBuf]) -> Vec<(Option<Article>, Vec<Warning>)> {
    files
        .iter()
        .map(|path| match read_article_file(path) {
            Ok(bytes) => {
                let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let (article, warnings) = Article::from_bytes(slug, Source::File(path.clone()), &bytes);
                (Some(article), warnings)
            }
            Err(kind) => (None, vec![Warning::new(&path.display().to_string(), kind)]),
        })
        .collect()
}

/// The bytes of the regular file at `path`, at most [`MAX_ARTICLE_BYTES`] of them, read as
/// [`crate::regular_file::read`] reads: a FIFO put in place of a file after the walk is
/// refused, not waited on, and a device that never ends (`/dev/zero`) before a byte is read.
pub fn read_article_file(path: &Path) -> Result<Vec<u8>, WarningKind> {
    use crate::regular_file::{ReadError, read};
    read(path, MAX_ARTICLE_BYTES).map_err(|e| match e {
        ReadError::Io(e) => WarningKind::CannotRead { reason: e.to_string() },
        ReadError::NotAFile => WarningKind::NotAFile,
        ReadError::TooLarge { bytes } => WarningKind::TooLarge { bytes },
    })
}

#[derive(Default)]
struct Walk {
    seen: HashSet<PathBuf>,
    files: Vec<PathBuf>,
    warnings: Vec<Warning>,
}

impl Walk {
    fn warn(&mut self, path: &Path, kind: WarningKind) {
        self.warnings.push(Warning::new(&path.display().to_string(), kind));
    }

    fn visit(&mut self, dir: &Path) {
        let real = match dir.canonicalize() {
            Ok(p) => p,
            Err(e) => return self.warn(dir, WarningKind::CannotOpenFolder { reason: e.to_string() }),
        };
        if !self.seen.insert(real) {
            return self.warn(dir, WarningKind::FolderLoop);
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.warn(dir, WarningKind::CannotReadFolder { reason: e.to_string() }),
        };
        // The folder's listing says what each entry is (no call per file); a link is
        // followed to what it points at.
        let mut paths: Vec<(PathBuf, Option<std::fs::FileType>)> =
            entries.filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok()))).collect();
        // Entries of one folder share everything up to their names, so their bytes sort
        // as their paths do, without taking each path apart.
        paths.sort_unstable_by(|a, b| {
            a.0.as_os_str().as_encoded_bytes().cmp(b.0.as_os_str().as_encoded_bytes())
        });
        for (path, listed) in paths {
            let kind = match listed.filter(|t| !t.is_symlink()) {
                Some(t) => Ok(t),
                None => std::fs::metadata(&path).map(|m| m.file_type()),
            };
            match kind {
                Ok(t) if t.is_dir() => self.visit(&path),
                Ok(t) if is_md(&path) && t.is_file() => self.files.push(path),
                Ok(_) if is_md(&path) => self.warn(&path, WarningKind::NotAFile),
                Ok(_) => {}
                Err(e) => self.warn(&path, WarningKind::CannotOpen { reason: e.to_string() }),
            }
        }
    }
}

fn is_md(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_folder_is_a_warning() {
        let loaded = load_dir(Path::new("/no/such/folder"));
        assert!(loaded.articles.is_empty());
        assert!(
            matches!(loaded.warnings[0].kind, WarningKind::CannotOpenFolder { .. }),
            "{:?}",
            loaded.warnings
        );
        assert!(loaded.warnings[0].message().contains("cannot open folder"));
    }

    #[test]
    fn nested_folders_load_and_a_folder_loop_is_reported_once() {
        let root = tempfile::tempdir().expect("temp dir");
        let sub = root.path().join("ryg");
        std::fs::create_dir(&sub).expect("mkdir");
        std::fs::write(sub.join("laend.md"), "---\nmetaTitle: Lænd\n---\nTekst\n").expect("write");
        std::fs::write(root.path().join("noter.txt"), "not an article").expect("write");
        std::os::unix::fs::symlink(root.path(), sub.join("loop")).expect("symlink");
        let Loaded { articles, warnings, .. } = load_dir(root.path());
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].title, "Lænd");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].kind, WarningKind::FolderLoop);
    }

    #[test]
    fn a_link_to_an_article_is_read_and_a_link_to_nothing_is_a_warning() {
        let root = tempfile::tempdir().expect("temp dir");
        let elsewhere = tempfile::tempdir().expect("temp dir");
        let target = elsewhere.path().join("skulder.md");
        std::fs::write(&target, "---\nmetaTitle: Skulder\n---\nTekst\n").expect("write");
        std::os::unix::fs::symlink(&target, root.path().join("linket.md")).expect("symlink");
        std::os::unix::fs::symlink(elsewhere.path().join("væk.md"), root.path().join("brudt.md"))
            .expect("symlink");
        let Loaded { articles, warnings, .. } = load_dir(root.path());
        assert_eq!(articles.len(), 1, "{warnings:?}");
        assert_eq!((articles[0].slug.as_str(), articles[0].title.as_str()), ("linket", "Skulder"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(matches!(warnings[0].kind, WarningKind::CannotOpen { .. }), "{warnings:?}");
        assert!(warnings[0].file.ends_with("brudt.md"), "{warnings:?}");
    }

    #[test]
    fn two_threads_load_the_same_articles_hidden_copies_and_warnings_in_the_same_order() {
        let root = tempfile::tempdir().expect("temp dir");
        for sub in ["00", "zz"] {
            std::fs::create_dir(root.path().join(sub)).expect("mkdir");
        }
        let write = |name: &str, bytes: &[u8]| std::fs::write(root.path().join(name), bytes).expect("write");
        // One slug at both ends of the path order, so each half of the files holds one copy.
        write("00/dobbelt.md", b"---\nmetaTitle: Foerste\n---\nA\n");
        write("zz/dobbelt.md", b"---\nmetaTitle: Anden\n---\nB\n");
        for i in 0..100 {
            let bytes: Vec<u8> = match i % 6 {
                0 => b"---\nmetaTitle: [oops\n---\n# Brudt\n".to_vec(),
                1 => b"---\nmetaTitle: Sm\xe6rter\n---\nK\xf8b\n".to_vec(),
                2 => Vec::new(),
                3 => b"---\nlastUpdated: snart\n---\nTekst\n".to_vec(),
                4 => b"---\nmetaTitle: aldrig lukket\n".to_vec(),
                _ => format!("---\nmetaTitle: Artikel {i}\nlastUpdated: 01/02/2024\n---\n# H\n").into_bytes(),
            };
            write(&format!("a{i:03}.md"), &bytes);
        }
        let mut walk = Walk::default();
        walk.visit(root.path());
        let files = std::mem::take(&mut walk.files);
        assert!(files.len() >= PARALLEL_FROM, "the folder is read on two threads");
        let one = load_files(&files, walk.warnings.clone(), false);
        let two = load_files(&files, walk.warnings, true);
        assert_eq!(two.warnings, one.warnings);
        assert!(one.warnings.len() > 60, "every broken file warns: {}", one.warnings.len());
        assert!(
            one.warnings.iter().any(|w| matches!(w.kind, WarningKind::DuplicateSlug { .. })),
            "{:?}",
            one.warnings
        );
        assert_eq!(format!("{:?}", two.articles), format!("{:?}", one.articles));
        assert_eq!(format!("{:?}", two.hidden), format!("{:?}", one.hidden));
        assert_eq!(one.articles.len(), 101);
        assert_eq!(one.hidden.len(), 1);
        assert_eq!(one.hidden[0].title, "Foerste");
    }
}
