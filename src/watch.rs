//! Live reload: the article folders on disk are watched (never the bundled articles), and
//! when an article file in them is written, added, renamed or deleted, the library is loaded
//! again on the watcher's thread, exactly as at start-up (`Library::load`: the same reading,
//! the same sanitising), with the review states for it; the reader takes it in
//! ([`App::reload`](crate::app::App::reload)).
//!
//! Only the local reader watches: a served session shares the library it was started with.

use crate::library::Library;
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// How long file events settle before the library is loaded again: an editor's save is
/// several events (a temporary file, a rename, a change of mode), taken as one.
pub const SETTLE: Duration = Duration::from_millis(150);

/// What to watch, and what to load when something changes.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The article folders, in the order the library loads them (the data folder's, then
    /// each `--articles`).
    pub dirs: Vec<PathBuf>,
    /// The review ledger to read the articles' review states from, if there is one.
    pub ledger: Option<crate::ledger::Options>,
}

impl PartialEq for Spec {
    fn eq(&self, other: &Spec) -> bool {
        self.dirs == other.dirs
            && self.ledger.as_ref().map(|l| &l.path) == other.ledger.as_ref().map(|l| &l.path)
    }
}

/// The library as loaded after a change.
#[derive(Debug)]
pub struct Reload {
    /// Every article, as at start-up.
    pub library: Library,
    /// Each article's review state, in the new library's order (or why it could not be read).
    pub reviews: Option<Result<crate::ledger::Desk, String>>,
    /// Whether a synonym file changed (lookup expands its queries with them).
    pub synonyms: bool,
}

/// Starts watching `spec`'s folders: after each change that touches an article (or a
/// synonym file, or a folder), the library is loaded again and handed to `send`, until
/// `send` says no one is listening. Why watching could not start, if it could not.
pub fn start(spec: Spec, send: impl Fn(Reload) -> bool + Send + 'static) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = new_debouncer(SETTLE, move |result: DebounceEventResult| {
        let _ = tx.send(result);
    })
    .map_err(|e| e.to_string())?;
    for dir in &spec.dirs {
        debouncer
            .watcher()
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::thread::Builder::new()
        .name("watch".into())
        .spawn(crate::strings::speaking_here(move || {
            // The watcher lives as long as this thread.
            let _debouncer = debouncer;
            while let Ok(first) = rx.recv() {
                let mut touched = Touched::default();
                touched.add(&first);
                // Changes that came while the last load ran go into this one.
                while let Ok(more) = rx.try_recv() {
                    touched.add(&more);
                }
                if !touched.articles && !touched.synonyms {
                    continue;
                }
                let library = Library::load(&spec.dirs);
                let reviews = spec.ledger.as_ref().map(|options| {
                    let ledger = crate::ledger::open_engine(options).map_err(|e| e.to_string())?;
                    crate::ledger::Desk::load(&*ledger, &library).map_err(|e| e.to_string())
                });
                if !send(Reload { library, reviews, synonyms: touched.synonyms }) {
                    return;
                }
            }
        }))
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// What a batch of file events touched.
#[derive(Debug, Default)]
struct Touched {
    articles: bool,
    synonyms: bool,
}

impl Touched {
    fn add(&mut self, result: &DebounceEventResult) {
        // A failure of the watcher itself changes nothing here; the next event is still seen.
        let Ok(events) = result else { return };
        for event in events {
            match kind(&event.path) {
                Some(Kind::Article) => self.articles = true,
                Some(Kind::Synonyms) => self.synonyms = true,
                None => {}
            }
        }
    }
}

/// What a changed path is to the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An article, or a folder that may hold some (renamed or deleted whole).
    Article,
    /// A synonym file.
    Synonyms,
}

/// Whether a changed path matters: an article file (`*.md`), a synonym file, or a path
/// without an extension (a folder). An editor's swap and backup files do not.
fn kind(path: &Path) -> Option<Kind> {
    if path.file_name().is_some_and(|n| n == "synonyms.yaml") {
        return Some(Kind::Synonyms);
    }
    match path.extension() {
        Some(e) if e == "md" => Some(Kind::Article),
        None if !path.file_name().is_some_and(|n| n.to_string_lossy().ends_with('~')) => Some(Kind::Article),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_folders_and_synonyms_matter_and_editor_files_do_not() {
        assert_eq!(kind(Path::new("/a/ryg.md")), Some(Kind::Article));
        assert_eq!(kind(Path::new("/a/ryg")), Some(Kind::Article), "a folder");
        assert_eq!(kind(Path::new("/a/synonyms.yaml")), Some(Kind::Synonyms));
        for other in ["/a/.ryg.md.swp", "/a/ryg.md~", "/a/notes.txt", "/a/ryg~"] {
            assert_eq!(kind(Path::new(other)), None, "{other}");
        }
    }

    #[test]
    fn a_written_article_loads_the_library_again_on_the_watchers_thread() {
        let dir = tempfile::tempdir().expect("temp");
        std::fs::write(dir.path().join("ryg.md"), "---\nmetaTitle: Ryg\n---\n\nFør.\n").expect("write");
        let (tx, rx) = mpsc::channel();
        let spec = Spec { dirs: vec![dir.path().to_path_buf()], ledger: None };
        start(spec, move |reload| tx.send(reload).is_ok()).expect("watching starts");
        std::fs::write(dir.path().join("ryg.md"), "---\nmetaTitle: Ryg\n---\n\nEfter.\n").expect("write");
        let reload = rx.recv_timeout(Duration::from_secs(10)).expect("a reload");
        let ryg = reload.library.position("ryg").expect("the article");
        assert!(reload.library.articles[ryg].body.contains("Efter."));
        assert!(
            reload.library.position("nervesmerter").is_some(),
            "with the bundled articles, as at start-up"
        );
    }

    #[test]
    fn an_approved_article_edited_on_disk_comes_back_approved_at_an_earlier_version() {
        use crate::ledger::{ArticleState, Ledger, Options, Verdict, Write, normalised};
        let dir = tempfile::tempdir().expect("temp");
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).expect("mkdir");
        std::fs::write(articles.join("ryg.md"), "---\nmetaTitle: Ryg\n---\n\nFør.\n").expect("write");
        let options = Options::new(dir.path().join("review.db"));
        let library = Library::load(std::slice::from_ref(&articles));
        let ryg = &library.articles[library.position("ryg").expect("ryg")];
        let mut ledger = Ledger::open(&options);
        ledger
            .submit(Write::decide("ryg", normalised(ryg), "anne", Verdict::Approved, ""))
            .expect("approved");
        drop(ledger);
        let (tx, rx) = mpsc::channel();
        let spec = Spec { dirs: vec![articles.clone()], ledger: Some(options) };
        start(spec, move |reload| tx.send(reload).is_ok()).expect("watching starts");
        std::fs::write(articles.join("ryg.md"), "---\nmetaTitle: Ryg\n---\n\nEfter.\n").expect("write");
        let reload = rx.recv_timeout(Duration::from_secs(10)).expect("a reload");
        let desk = reload.reviews.expect("the ledger was read").expect("read without error");
        let at = reload.library.position("ryg").expect("ryg");
        assert_eq!(desk.state(at), Some(ArticleState::Stale), "the approval is of the text before");
    }
}
