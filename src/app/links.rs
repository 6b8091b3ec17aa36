//! Links in the reader: where each link of the open article leads in the library, the list
//! `l` opens, and following one (a jump that Back returns from).

use super::{Action, App, Modal};
use crate::document::{Link, LinkKind};
use crate::strings;

/// Where a link leads, looked up in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An article (by its position in the library), at a heading if the link names one.
    Article {
        /// The article.
        article: usize,
        /// The heading, if the link names one.
        heading: Option<usize>,
    },
    /// A heading of the open article.
    Heading(usize),
    /// An address outside the library.
    External,
    /// Nowhere: the words say why.
    Broken(String),
}

/// The links list: the links of a section (or of the whole article) by their numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinksView {
    /// The numbers of the links listed (in the document's links).
    pub links: Vec<usize>,
    /// The selected row.
    pub selected: usize,
    /// The title: which section's links these are, or that they are the whole article's.
    pub title: String,
}

impl App {
    /// Where `link` (of the open article) leads.
    pub fn resolve_link(&self, link: &Link) -> Resolved {
        match &link.kind {
            LinkKind::External => Resolved::External,
            LinkKind::Anchor(anchor) => match self.doc.outline.by_anchor(anchor) {
                Some(i) => Resolved::Heading(i),
                None => Resolved::Broken(strings::link_no_heading(&link.target)),
            },
            LinkKind::Article { slug, anchor } => {
                let Some(article) = self.library.position(slug) else {
                    return Resolved::Broken(strings::link_no_article(&link.target));
                };
                let Some(anchor) = anchor else { return Resolved::Article { article, heading: None } };
                let heading = if article == self.current {
                    self.doc.outline.by_anchor(anchor)
                } else {
                    let body = &self.library.articles[article].body;
                    self.docs.get(article, body).outline.by_anchor(anchor)
                };
                match heading {
                    Some(h) => Resolved::Article { article, heading: Some(h) },
                    None => Resolved::Broken(strings::link_no_heading(&link.target)),
                }
            }
        }
    }

    /// Opens the list of the links in the section at the top (with its subsections), or of
    /// the whole article when that section has none.
    pub fn open_links(&mut self) -> bool {
        if self.doc.links.is_empty() {
            self.message = Some(strings::NO_LINKS.to_string());
            return true;
        }
        let section = self.section().and_then(|i| self.doc.outline.headings.get(i));
        let (blocks, name) = match section {
            Some(h) => (h.block..h.section.end, h.text.clone()),
            None => {
                let end = self.doc.outline.headings.first().map_or(self.doc.blocks.len(), |h| h.block);
                (0..end, strings::INTRO.to_string())
            }
        };
        let mut links: Vec<usize> = self.doc.links_in(blocks).map(|(n, _)| n).collect();
        let title = if links.is_empty() {
            links = (0..self.doc.links.len()).collect();
            match section {
                Some(_) => strings::links_in_article_not_section(&name),
                None => strings::LINKS_IN_ARTICLE.to_string(),
            }
        } else {
            strings::links_in_section(&name)
        };
        self.modal = Modal::Links(Box::new(LinksView { links, selected: 0, title }));
        true
    }

    /// The links list, if open.
    pub fn links_view(&self) -> Option<&LinksView> {
        match &self.modal {
            Modal::Links(view) => Some(view),
            _ => None,
        }
    }

    /// Follows link `number` of the open article: another article opens (at the heading the
    /// link names, else at its top), an anchor jumps within the article, both as a jump Back
    /// returns from; an external link's address is said, not opened; a broken link says why.
    pub fn follow_link(&mut self, number: usize) -> bool {
        let Some(link) = self.doc.links.get(number) else { return false };
        match self.resolve_link(link) {
            Resolved::Article { article, heading } => {
                self.jumping(|app| {
                    if article != app.current {
                        app.open(article);
                        // A long article is parsed a screenful at a time: its heading may be further.
                        app.ensure_parsed();
                    }
                    match heading {
                        Some(h) => app.jump_to_heading(h),
                        None => app.scroll = 0,
                    }
                    true
                });
            }
            Resolved::Heading(h) => {
                self.jumping(|app| {
                    app.jump_to_heading(h);
                    true
                });
            }
            Resolved::External => self.message = Some(strings::link_address(&link.target)),
            Resolved::Broken(why) => self.message = Some(strings::link_broken(&why)),
        }
        true
    }
}

/// The links list takes the keys: move, follow (Enter), close.
pub(super) fn in_links(app: &mut App, action: Action) -> bool {
    let page = app.page() as isize;
    let Modal::Links(view) = &mut app.modal else { return false };
    let delta = match action {
        Action::Activate => {
            let number = view.links.get(view.selected).copied();
            app.close_modal();
            return number.is_some_and(|n| app.follow_link(n));
        }
        Action::Close | Action::Quit | Action::Links => {
            app.close_modal();
            return true;
        }
        other => match super::update::list_step(other, page) {
            Some(delta) => delta,
            None => return false,
        },
    };
    view.selected = view.selected.saturating_add_signed(delta).min(view.links.len().saturating_sub(1));
    true
}
