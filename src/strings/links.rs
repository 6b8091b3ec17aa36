//! What the reader says about links: the links list, following one, where it leads.

use super::{Lang, Phrase, lang};
use crate::sanitize::inline as typed;

/// The key help's words for `l`.
pub const LINKS_KEY: Phrase =
    Phrase::new("links of this section (Enter follows one)", "links i dette afsnit (Enter følger et)");
/// Hint: follows the chosen link.
pub const HINT_FOLLOW: Phrase = Phrase::new("follow", "følg");
/// Said when the open article has no links at all.
pub const NO_LINKS: Phrase = Phrase::new("This article has no links", "Denne artikel har ingen links");
/// The links list's title when it lists the whole article, whose introduction has none.
pub const LINKS_IN_ARTICLE: Phrase = Phrase::new("Links in the article", "Links i artiklen");

/// The links list's title: the links of section `heading`.
pub fn links_in_section(heading: &str) -> String {
    match lang() {
        Lang::En => format!("Links in “{heading}”"),
        Lang::Da => format!("Links i “{heading}”"),
    }
}

/// The links list's title when section `heading` has none and the whole article is listed.
pub fn links_in_article_not_section(heading: &str) -> String {
    match lang() {
        Lang::En => format!("Links in the article (none in “{heading}”)"),
        Lang::Da => format!("Links i artiklen (ingen i “{heading}”)"),
    }
}

/// What following an external link says: its address, which the reader does not open.
pub fn link_address(url: &str) -> String {
    let url = typed(url);
    match lang() {
        Lang::En => format!("Address (not opened here): {url}"),
        Lang::Da => format!("Adresse (åbnes ikke her): {url}"),
    }
}

/// A link whose article is not in the library, in the list and when followed.
pub fn link_no_article(target: &str) -> String {
    let target = typed(target);
    match lang() {
        Lang::En => format!("{target}: no such article in the library"),
        Lang::Da => format!("{target}: den artikel findes ikke i biblioteket"),
    }
}

/// A link whose heading is not in its article, in the list and when followed.
pub fn link_no_heading(target: &str) -> String {
    let target = typed(target);
    match lang() {
        Lang::En => format!("{target}: no such heading"),
        Lang::Da => format!("{target}: den overskrift findes ikke"),
    }
}

/// Said when a broken link is followed.
pub fn link_broken(why: &str) -> String {
    match lang() {
        Lang::En => format!("This link leads nowhere: {why}"),
        Lang::Da => format!("Dette link fører ingen steder hen: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::set_thread_lang;

    #[test]
    fn every_sentence_about_links_is_said_in_both_languages() {
        for phrase in [LINKS_KEY, HINT_FOLLOW, NO_LINKS, LINKS_IN_ARTICLE] {
            assert!(!phrase.en.is_empty() && !phrase.da.is_empty() && phrase.en != phrase.da, "{phrase:?}");
        }
        let said = |lang| {
            set_thread_lang(Some(lang));
            let all = [
                links_in_section("Hvad er det?"),
                links_in_article_not_section("Hvad er det?"),
                link_address("https://fysfinder.dk"),
                link_no_article("ryg.md"),
                link_no_heading("#ingen"),
                link_broken("x"),
            ];
            set_thread_lang(None);
            all
        };
        let (en, da) = (said(Lang::En), said(Lang::Da));
        for (en, da) in en.iter().zip(&da) {
            assert_ne!(en, da);
        }
        assert_eq!(da[2], "Adresse (åbnes ikke her): https://fysfinder.dk");
    }
}
