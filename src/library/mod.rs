//! Finding and loading articles: the bundled ones, the user's data folder and `--articles` folders.
//!
//! This is the only module that reads article files. Nothing here fails: every problem with
//! a file becomes a [`Warning`] and the rest of the library loads.

mod article;
mod frontmatter;
mod plain_yaml;
mod scan;
mod synonyms;
mod warning;

pub use article::{Article, Source, short_title};
pub use frontmatter::{FrontValue, Frontmatter, format_date, parse_date};
pub use scan::read_article_file;
pub use synonyms::{SynonymProblem, Synonyms, check_synonyms, said_in};
pub use warning::{MAX_ARTICLE_BYTES, Warning, WarningKind};

use crate::strings;
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

/// The synonym file's name, beside the articles.
const SYNONYMS: &str = "synonyms.yaml";

/// The warning-sign file's name, beside the articles.
pub const SIGNS: &str = "warning-signs.yaml";

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/articles");

/// Every article the reader knows, sorted by slug, and what went wrong while loading them.
#[derive(Debug, Default)]
pub struct Library {
    /// The articles, sorted by slug; slugs are unique.
    pub articles: Vec<Article>,
    /// Problems met while loading; each names its file.
    pub warnings: Vec<Warning>,
    /// Articles not shown because another file of the same folder tree has their slug (each
    /// has a [`WarningKind::DuplicateSlug`] warning); `check` lints them too.
    pub hidden: Vec<Article>,
    /// The synonym groups lookup expands queries with: the bundled `synonyms.yaml`, then
    /// each folder's own.
    pub synonyms: Synonyms,
    /// The warning signs lookup and `check` know: the bundled `warning-signs.yaml`, then
    /// each folder's own.
    pub signs: crate::signs::Signs,
}

impl Library {
    /// Loads the bundled articles, then each folder in `dirs` in order; an article of a later
    /// folder replaces one with the same slug (that is how a user's copy replaces a bundled
    /// article). Within one folder tree, two files with one slug are a warning.
    pub fn load(dirs: &[PathBuf]) -> Library {
        let mut lib = Library::bundled();
        for dir in dirs {
            let loaded = scan::load_dir(dir);
            lib.warnings.extend(loaded.warnings);
            lib.hidden.extend(loaded.hidden);
            let path = dir.join(SYNONYMS);
            // Read as an article is: a FIFO or a device there is skipped, not waited on.
            if let Ok(bytes) = crate::regular_file::read(&path, warning::MAX_ARTICLE_BYTES) {
                lib.add_synonyms(&path.display().to_string(), &String::from_utf8_lossy(&bytes));
            }
            let path = dir.join(SIGNS);
            if let Ok(bytes) = crate::regular_file::read(&path, warning::MAX_ARTICLE_BYTES) {
                lib.add_signs(&path.display().to_string(), &String::from_utf8_lossy(&bytes));
            }
            lib.insert_all(loaded.articles);
        }
        lib
    }

    /// Only the articles compiled into the binary.
    pub fn bundled() -> Library {
        let mut lib = Library::default();
        for file in BUNDLED.files() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "md") {
                let (article, warnings) =
                    Article::from_bytes(slug_of(path), Source::Bundled, file.contents());
                lib.warnings.extend(warnings);
                lib.insert(article);
            }
        }
        if let Some(file) = BUNDLED.get_file(SYNONYMS) {
            lib.add_synonyms(SYNONYMS, &String::from_utf8_lossy(file.contents()));
        }
        if let Some(file) = BUNDLED.get_file(SIGNS) {
            lib.add_signs(SIGNS, &String::from_utf8_lossy(file.contents()));
        }
        lib
    }

    /// Adds the signs of a warning-sign file; its problems become warnings.
    fn add_signs(&mut self, place: &str, text: &str) {
        let (signs, problems) = crate::signs::Signs::parse(text);
        for p in problems {
            self.warnings
                .push(Warning::new(place, WarningKind::DataFile { problem: p.message }).at(p.line, None));
        }
        self.signs.merge(signs);
    }

    /// Adds the groups of a synonym file; its problems become warnings.
    fn add_synonyms(&mut self, place: &str, text: &str) {
        let (synonyms, problems) = Synonyms::parse(text);
        for p in problems {
            self.warnings
                .push(Warning::new(place, WarningKind::DataFile { problem: p.message }).at(p.line, None));
        }
        self.synonyms.merge(synonyms);
    }

    /// Adds `article`, replacing one with the same slug.
    pub fn insert(&mut self, article: Article) {
        match self.articles.binary_search_by(|a| a.slug.cmp(&article.slug)) {
            Ok(i) => self.articles[i] = article,
            Err(i) => self.articles.insert(i, article),
        }
    }

    /// Adds `articles`, each replacing one with the same slug (of two in `articles`, the
    /// later stays): as inserting them one by one does, with one sort instead of a search
    /// and a shift for each.
    pub fn insert_all(&mut self, articles: Vec<Article>) {
        self.articles.extend(articles);
        // Stable: of one slug, the article added last is last.
        self.articles.sort_by(|a, b| a.slug.cmp(&b.slug));
        self.articles.dedup_by(|later, earlier| {
            let same = later.slug == earlier.slug;
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
    }

    /// The position of the article called `slug`.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.slug == slug)
    }

    /// The article a person means by `typed`: the slug itself, the slug written with æ, ø
    /// and å (`knæsmerter` for `knaesmerter`), or the start of exactly one slug (`knæ`,
    /// `nak`). Otherwise the articles it could mean (none, or the slugs it starts).
    pub fn find_slug(&self, typed: &str) -> Result<usize, Vec<usize>> {
        if let Some(i) = self.position(typed) {
            return Ok(i);
        }
        let typed = crate::words::fold::fold(typed.trim());
        if typed.is_empty() {
            return Err(Vec::new());
        }
        let folded: Vec<String> = self.articles.iter().map(|a| crate::words::fold::fold(&a.slug)).collect();
        if let Some(i) = folded.iter().position(|f| *f == typed) {
            return Ok(i);
        }
        match folded
            .iter()
            .enumerate()
            .filter(|(_, f)| f.starts_with(&typed))
            .map(|(i, _)| i)
            .collect::<Vec<_>>()[..]
        {
            [one] => Ok(one),
            ref many => Err(many.to_vec()),
        }
    }

    /// [`Library::find_slug`], or what to say when `typed` names no one article.
    pub fn find_or_say(&self, typed: &str) -> Result<usize, String> {
        self.find_slug(typed).map_err(|candidates| match candidates[..] {
            [] => strings::unknown_slug(typed, &self.slugs()),
            _ => {
                let names: Vec<&str> = candidates.iter().map(|&i| self.articles[i].slug.as_str()).collect();
                strings::ambiguous_slug(typed, &names.join(", "))
            }
        })
    }

    /// The article whose slug is `typed` exactly, or written with æ, ø and å.
    pub fn exact_slug(&self, typed: &str) -> Option<usize> {
        let typed = crate::words::fold::fold(typed);
        self.position(&typed)
            .or_else(|| self.articles.iter().position(|a| crate::words::fold::fold(&a.slug) == typed))
    }

    /// All slugs, comma-separated, for messages that name what exists.
    pub fn slugs(&self) -> String {
        let slugs: Vec<&str> = self.articles.iter().map(|a| a.slug.as_str()).collect();
        slugs.join(", ")
    }
}

/// The folder of user articles inside a data folder.
pub fn user_articles_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("articles")
}

fn slug_of(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_many_at_once_gives_what_adding_one_by_one_gives() {
        let article = |slug: &str, title: &str| {
            let text = format!("---\nmetaTitle: {title}\n---\nTekst\n");
            Article::from_bytes(slug.into(), Source::Bundled, text.as_bytes()).0
        };
        // Over the bundled ones: a new slug, one that replaces a bundled article, and one
        // slug three times (the last stays), out of order.
        let batch = || {
            vec![
                article("zz", "Sidst"),
                article("nervesmerter", "Erstattet"),
                article("aa", "Foerste"),
                article("mm", "Et"),
                article("mm", "To"),
                article("mm", "Tre"),
            ]
        };
        let mut one_by_one = Library::bundled();
        batch().into_iter().for_each(|a| one_by_one.insert(a));
        let mut at_once = Library::bundled();
        at_once.insert_all(batch());
        assert_eq!(format!("{:?}", at_once.articles), format!("{:?}", one_by_one.articles));
        let titles: Vec<&str> = at_once.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles.first(), Some(&"Foerste"));
        assert!(titles.contains(&"Tre") && !titles.contains(&"To") && titles.contains(&"Erstattet"));
    }

    #[test]
    fn bundled_library_has_the_seed_article_without_warnings() {
        let lib = Library::bundled();
        assert!(lib.warnings.is_empty(), "{:?}", lib.warnings);
        let a = &lib.articles[lib.position("nervesmerter").expect("seed article")];
        assert_eq!(a.title, "Nervesmerter – Hvad er nervesmerter? Bliv klogere her");
        assert_eq!(a.meta.last_updated.map(format_date).as_deref(), Some("19/02/2025"));
    }

    #[test]
    fn a_later_article_with_the_same_slug_replaces_the_bundled_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("nervesmerter.md"),
            "---\nmetaTitle: Min egen udgave\n---\n\nTekst.\n",
        )
        .expect("write");
        let lib = Library::load(&[dir.path().to_path_buf()]);
        let matches: Vec<_> = lib.articles.iter().filter(|a| a.slug == "nervesmerter").collect();
        assert_eq!(matches.len(), 1);
        assert_eq!(matches[0].title, "Min egen udgave");
    }
}
