//! Parsed articles kept for lookup, one per article and shared: the palette's preview,
//! library search's snippets and `faq` parse an article once, not on every keystroke.

use crate::document::Document;
use std::sync::{Arc, Mutex, PoisonError};

/// An article's body as it was parsed (to notice a replaced article), and its document.
type Slot = Option<(Arc<str>, Arc<Document>)>;

/// The parsed documents of a library's articles, made when first asked for.
#[derive(Debug, Default)]
pub struct Docs {
    /// One slot per article.
    slots: Mutex<Vec<Slot>>,
}

impl Docs {
    /// A cache for a library of `articles` articles.
    pub fn new(articles: usize) -> Docs {
        Docs { slots: Mutex::new(vec![None; articles]) }
    }

    /// The document of article `article`, whose Markdown is `body`: parsed now if it was not
    /// yet, or if the article's text is no longer what was parsed.
    pub fn get(&self, article: usize, body: &Arc<str>) -> Arc<Document> {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        if slots.len() <= article {
            slots.resize(article + 1, None);
        }
        match &slots[article] {
            Some((parsed, doc)) if Arc::ptr_eq(parsed, body) => Arc::clone(doc),
            _ => {
                let doc = Arc::new(Document::parse(body));
                slots[article] = Some((Arc::clone(body), Arc::clone(&doc)));
                doc
            }
        }
    }

    /// Forgets every document (the library changed).
    pub fn clear(&self) {
        self.slots.lock().unwrap_or_else(PoisonError::into_inner).iter_mut().for_each(|s| *s = None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_is_parsed_once_and_again_when_its_text_changes() {
        let docs = Docs::new(1);
        let body: Arc<str> = Arc::from("## Kan knæet helbredes?\n\nJa.\n");
        let first = docs.get(0, &body);
        assert!(Arc::ptr_eq(&first, &docs.get(0, &body)), "the same document, not a new parse");
        let other: Arc<str> = Arc::from("## Hvor længe varer det?\n\nEn uge.\n");
        let second = docs.get(0, &other);
        assert_eq!(second.outline.headings[0].text, "Hvor længe varer det?");
        assert_eq!(docs.get(3, &body).outline.headings.len(), 1, "a later article grows the cache");
    }
}
