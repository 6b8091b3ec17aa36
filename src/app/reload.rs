//! Live reload in the reader: the library loaded anew (see [`crate::watch`]) is taken in
//! without losing the reader's place, and everything made from the articles is made again:
//! the open article's parse and layout, find's hits, the search index, the parsed articles
//! lookup keeps, and the review states.

use super::{App, Docs, Effect, Modal};
use crate::document::Document;
use crate::library::{Article, Library, Source};
use crate::watch::{Reload, Spec};

/// How the articles of two libraries differ, by slug.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// In both, with other text, title, frontmatter or file.
    pub changed: Vec<String>,
    /// Only in the new one.
    pub added: Vec<String>,
    /// Only in the old one.
    pub removed: Vec<String>,
}

impl Changes {
    /// What changed from `old` to `new`.
    pub fn between(old: &Library, new: &Library) -> Changes {
        // Both are sorted by slug: a look-up is a binary search, not a walk (10,000 articles).
        let find = |library: &Library, slug: &str| {
            library.articles.binary_search_by(|a| a.slug.as_str().cmp(slug)).ok()
        };
        let mut changes = Changes::default();
        for a in &old.articles {
            match find(new, &a.slug).map(|i| &new.articles[i]) {
                Some(b) if !same(a, b) => changes.changed.push(a.slug.clone()),
                Some(_) => {}
                None => changes.removed.push(a.slug.clone()),
            }
        }
        changes.added =
            new.articles.iter().filter(|b| find(old, &b.slug).is_none()).map(|b| b.slug.clone()).collect();
        changes
    }

    /// How many articles changed, came or went.
    pub fn len(&self) -> usize {
        self.changed.len() + self.added.len() + self.removed.len()
    }

    /// Whether nothing did.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn same(a: &Article, b: &Article) -> bool {
    a.body == b.body
        && a.title == b.title
        && a.meta == b.meta
        && a.source == b.source
        && a.body_line == b.body_line
}

/// The file an article came from, by name, safe to print.
fn file_name(article: &Article) -> String {
    let name = match &article.source {
        Source::File(path) => path.file_name().map(|n| n.to_string_lossy().into_owned()),
        Source::Bundled => None,
    };
    crate::sanitize::inline(&name.unwrap_or_else(|| format!("{}.md", article.slug))).into_owned()
}

impl App {
    /// Asks the loop to watch the article folders `spec` names and hand over the library
    /// whenever an article in them changes.
    pub fn watch(&mut self, spec: Spec) {
        if !spec.dirs.is_empty() {
            self.ask(Effect::Watch(spec));
        }
    }

    /// Watching the folders could not start (said why): the reader goes on without.
    pub fn watch_failed(&mut self, why: &str) {
        self.message = Some(crate::strings::watch_failed(&crate::sanitize::visible(why)));
    }

    /// Whether the search index arriving now was built from an earlier library (and is
    /// dropped); counts it off.
    pub fn skip_index(&mut self) -> bool {
        let skip = self.stale_indexes > 0;
        self.stale_indexes = self.stale_indexes.saturating_sub(1);
        skip
    }

    /// Takes in the library loaded anew: the open article stays open at the same heading
    /// (or, with it gone, as near the same line as it can), a deleted one closes, new ones
    /// join the Library, and the status line says what happened. Whether the screen changed.
    pub fn reload(&mut self, reload: Reload) -> bool {
        let Reload { library, reviews, synonyms } = reload;
        let changes = Changes::between(&self.library, &library);
        let warnings_changed = library.warnings != self.library.warnings;
        if library.articles.is_empty() || (changes.is_empty() && !warnings_changed && !synonyms) {
            // Nothing the reader shows changed; the review states may have.
            if let Some(Ok(desk)) = reviews.filter(|_| !library.articles.is_empty()) {
                let changed = desk != self.reviews;
                self.reviews = desk;
                return changed;
            }
            return false;
        }
        let mark = self.mark();
        let open_slug = self.library.articles[self.current].slug.clone();
        let open_file = file_name(&self.library.articles[self.current]);
        let old_body = std::sync::Arc::clone(&self.library.articles[self.current].body);
        let selected = self.library.articles.get(self.library_sel).map(|a| a.slug.clone());
        let old_slugs: Vec<String> = self.library.articles.iter().map(|a| a.slug.clone()).collect();
        self.history.retain_mut(|place| {
            let moved = old_slugs.get(place.article).and_then(|slug| library.position(slug));
            moved.map(|i| place.article = i).is_some()
        });
        // A renamed file is the same article under another name: follow it.
        let renamed = changes.removed.contains(&open_slug).then(|| {
            changes
                .added
                .iter()
                .find(|s| library.position(s).is_some_and(|i| library.articles[i].body == old_body))
        });
        let renamed = renamed.flatten().cloned();
        let message = self.reload_message(&changes, &library, (&open_slug, &open_file), renamed.as_deref());
        let same_slugs = changes.added.is_empty() && changes.removed.is_empty();
        self.library = library;
        match reviews {
            Some(Ok(desk)) => self.reviews = desk,
            // The old states no longer line up with the articles.
            _ if !same_slugs => self.reviews = crate::ledger::Desk::default(),
            // The states could not be read again: the decisions known stand, and the texts
            // that changed are hashed anew, so an approval of the text before shows as such.
            _ => {
                for i in changes.changed.iter().filter_map(|slug| self.library.position(slug)) {
                    self.reviews.rehash(i, &self.library.articles[i]);
                }
            }
        }
        self.docs = std::sync::Arc::new(Docs::new(self.library.articles.len()));
        let last = self.library.articles.len() - 1;
        let renamed = renamed.and_then(|slug| self.library.position(&slug));
        match (self.library.position(&open_slug), renamed) {
            (Some(i), _) if !changes.changed.contains(&open_slug) => self.current = i,
            (Some(i), _) | (None, Some(i)) => {
                // Opened anew at the same place, with the same find.
                let find = std::mem::take(&mut self.find);
                self.current = i;
                self.doc = Document::default();
                self.open(i);
                self.go_to_mark(&mark);
                self.find = find;
                if self.find.active() {
                    self.refresh_find();
                }
            }
            (None, None) => {
                let i = self.current.min(last);
                self.current = i;
                self.doc = Document::default();
                self.open(i);
            }
        }
        self.library_sel = selected.and_then(|s| self.library.position(&s)).unwrap_or(self.current).min(last);
        self.renew_index();
        // The Library's height may have changed, and with it the reader's width.
        self.resize(self.area.width, self.area.height);
        if message.is_some() {
            self.message = message;
        }
        true
    }

    /// What the status line says after a reload (nothing when no article changed).
    fn reload_message(
        &self,
        changes: &Changes,
        new: &Library,
        (open_slug, open_file): (&str, &str),
        renamed: Option<&str>,
    ) -> Option<String> {
        let in_new = |slug: &str| new.position(slug).map(|i| file_name(&new.articles[i]));
        let in_old = |slug: &str| self.library.position(slug).map(|i| file_name(&self.library.articles[i]));
        let gone = changes.removed.iter().any(|s| s == open_slug);
        Some(match (&changes.changed[..], &changes.added[..], &changes.removed[..]) {
            _ if gone => match renamed.and_then(in_new) {
                Some(file) => crate::strings::reloaded(&file),
                None => crate::strings::open_article_deleted(open_file),
            },
            ([], [], []) => return None,
            // A file that stood in for a bundled article is gone: the bundled one is back.
            ([one], [], [])
                if self
                    .library
                    .position(one)
                    .is_some_and(|i| self.library.articles[i].source != Source::Bundled)
                    && new.position(one).is_some_and(|i| new.articles[i].source == Source::Bundled) =>
            {
                crate::strings::bundled_back(&in_old(one).unwrap_or_default())
            }
            ([one], [], []) => crate::strings::reloaded(&in_new(one).unwrap_or_default()),
            ([], [one], []) => crate::strings::article_added(&in_new(one).unwrap_or_default()),
            ([], [], [one]) => crate::strings::article_deleted(&in_old(one).unwrap_or_default()),
            _ => crate::strings::reloaded_many(changes.len()),
        })
    }

    /// Drops the search index made from the old library (and one still being built), and
    /// shows what an open palette or search finds in the new one.
    fn renew_index(&mut self) {
        if self.want_index && self.index.is_none() && !self.index_failed {
            self.stale_indexes += 1;
        }
        self.index = None;
        // A shared index is of the library as it was.
        self.shared_index = None;
        self.want_index = false;
        self.index_failed = false;
        match &mut self.modal {
            Modal::Palette(p) => {
                p.preview = None;
                *p.preview_layout.borrow_mut() = None;
                self.refresh_palette();
            }
            Modal::Search(_) => {
                let width = usize::from(self.area.width.saturating_sub(6)).max(20);
                self.refresh_search(width);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Article;

    fn library(body: &str) -> Library {
        let mut library = Library::default();
        let text = format!("---\nmetaTitle: Ryg\n---\n\n{body}");
        library
            .insert(Article::from_bytes("ryg".into(), Source::File("/a/ryg.md".into()), text.as_bytes()).0);
        library
    }

    #[test]
    fn an_index_still_being_built_from_the_old_library_is_dropped_when_it_comes() {
        let mut app = App::new(library("## Før?\n\nTekst.\n"), 0, crate::clock::Clock::fixed(2026, 12, 6));
        app.want_index = true;
        let reload = Reload { library: library("## Efter?\n\nTekst.\n"), reviews: None, synonyms: false };
        assert!(app.reload(reload));
        assert!(app.skip_index(), "the build asked for before the reload is outdated");
        assert!(!app.skip_index(), "the next one is the new library's");
        assert!(!app.want_index, "lookup asks for a new one when it needs it");
    }

    #[test]
    fn changes_name_the_articles_by_slug() {
        let mut old = library("A.\n");
        let mut new = library("B.\n");
        old.insert(Article::from_bytes("hofte".into(), Source::Bundled, b"---\nmetaTitle: Hofte\n---\n").0);
        new.insert(Article::from_bytes("knae".into(), Source::Bundled, b"---\nmetaTitle: Knae\n---\n").0);
        let changes = Changes::between(&old, &new);
        assert_eq!(changes.changed, ["ryg"]);
        assert_eq!(changes.added, ["knae"]);
        assert_eq!(changes.removed, ["hofte"]);
        assert!(Changes::between(&new, &new).is_empty());
    }
}
