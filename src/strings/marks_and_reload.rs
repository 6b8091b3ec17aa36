//! What the help's legend says of the link and problem marks, where a key's binding went,
//! and what a reload says when a file that stood in for a bundled article is gone.

use super::lang::{Phrase, pick};

/// Legend: the → a link's text starts with.
pub const LEGEND_LINK_MARK: Phrase =
    Phrase::new("starts a link in the text (l lists them)", "indleder et link i teksten (l viser dem)");
/// Legend: the ✗ before a broken link in the list of links.
pub const LEGEND_BROKEN_LINK: Phrase = Phrase::new(
    "a link that leads nowhere (in the l list)",
    "et link, der ikke fører nogen steder hen (i l-listen)",
);
/// Legend: the count of problems on the status line.
pub const LEGEND_WARNINGS: Phrase = Phrase::new(
    "problems found in the article files (w shows them)",
    "problemer fundet i artikelfilerne (w viser dem)",
);

/// `config`'s note on an action the file leaves alone but whose key `key` the file gave
/// to `action`.
pub fn key_went_to(key: &str, action: &str) -> String {
    pick(format!("its key {key} went to {action}"), format!("dens tast {key} gik til {action}"))
}

/// A reload's message when a file that stood in for a bundled article is deleted.
pub fn bundled_back(file: &str) -> String {
    pick(
        format!("{file} is deleted: showing the bundled article"),
        format!("{file} er slettet; den medfølgende artikel vises igen"),
    )
}
