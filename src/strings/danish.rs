//! What the help's legend says of the link and problem marks.

use super::lang::Phrase;

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
