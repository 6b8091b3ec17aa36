//! What the help's groups and legend, the first-run hint and the Library window say.

use super::lang::{Phrase, pick};

/// The help's group of keys that move through the text and between panes.
pub const GROUP_MOVING: Phrase = Phrase::new("Moving", "Flyt dig");
/// The help's group of keys that jump to a question, an answer, a place.
pub const GROUP_JUMPING: Phrase = Phrase::new("Jumping", "Spring");
/// The help's group of keys that look things up.
pub const GROUP_LOOKING_UP: Phrase = Phrase::new("Looking up", "Slå op");
/// The help's group of keys for notes, bookmarks and review.
pub const GROUP_REVIEWING: Phrase = Phrase::new("Reviewing", "Gennemgang");
/// The help's group of the other keys.
pub const GROUP_OTHER: Phrase = Phrase::new("Everything else", "Alt andet");
/// The help's heading over the legend.
pub const LEGEND: Phrase = Phrase::new("What the marks mean", "Hvad mærkerne betyder");
/// Legend: the Library's ✓.
pub const LEGEND_APPROVED: Phrase =
    Phrase::new("reviewed: approved by the team, or by you", "gennemgået: godkendt af teamet eller af dig");
/// Legend: the Library's ~.
pub const LEGEND_STALE_APPROVAL: Phrase =
    Phrase::new("approved, but the article has changed since", "godkendt, men artiklen er ændret siden");
/// Legend: the Library's +.
pub const LEGEND_PARTLY: Phrase = Phrase::new(
    "approved, but not yet by as many as the rules ask",
    "godkendt, men endnu ikke af så mange, som reglerne kræver",
);
/// Legend: the Library's !.
pub const LEGEND_CHANGES: Phrase = Phrase::new("changes are needed", "der skal rettes i artiklen");
/// Legend: the ▶ before the section being read.
pub const LEGEND_CURRENT: Phrase = Phrase::new(
    "the section you are reading (bold: the open article)",
    "afsnittet du læser (fed: den åbne artikel)",
);
/// Legend: the ? marker.
pub const LEGEND_QUESTION: Phrase = Phrase::new("a question", "et spørgsmål");
/// Legend: the ≡ marker.
pub const LEGEND_FAQ: Phrase = Phrase::new("the frequently asked questions", "ofte stillede spørgsmål");
/// Legend: the · marker.
pub const LEGEND_SECTION: Phrase = Phrase::new("a section", "et afsnit");
/// Legend: ★.
pub const LEGEND_BOOKMARK: Phrase = Phrase::new("a section you bookmarked", "et afsnit med bogmærke");
/// Legend: ✎.
pub const LEGEND_NOTE: Phrase = Phrase::new(
    "a section with your note (also beside the text)",
    "et afsnit med din note (også ved teksten)",
);
/// Legend: a find hit's sample word.
pub const SAMPLE_WORD: Phrase = Phrase::new("word", "ord");
/// Legend: a find hit.
pub const LEGEND_HIT: Phrase = Phrase::new("a find hit", "et fund");
/// Legend: the current find hit.
pub const LEGEND_CURRENT_HIT: Phrase = Phrase::new("the find hit you are on", "fundet du står på");
/// Legend: dim text's sample.
pub const SAMPLE_DIM: Phrase = Phrase::new("dim", "grå");
/// Legend: dim text.
pub const LEGEND_DIM: Phrase =
    Phrase::new("dates, asides and list marks: less important", "datoer, sidebemærkninger og punkttegn");
/// Legend: a link's sample.
pub const SAMPLE_LINK: Phrase = Phrase::new("link", "link");
/// Legend: a link in the text.
pub const LEGEND_LINK: Phrase = Phrase::new(
    "a link: to another article, a section or a web address",
    "et link: til en anden artikel, et afsnit eller en webadresse",
);
/// Legend: a selected entry's sample.
pub const SAMPLE_SELECTED: Phrase = Phrase::new("entry", "punkt");
/// Legend: a selected entry.
pub const LEGEND_SELECTED: Phrase = Phrase::new(
    "the chosen entry of the list that has the keys",
    "det valgte punkt i listen, der har tasterne",
);
/// Legend: the reversed title of the focused pane (its sample is the pane's name).
pub const LEGEND_FOCUS: Phrase = Phrase::new("the pane your keys go to", "ruden, som tasterne virker i");

/// Legend: an underlined date.
pub fn legend_stale(months: u16) -> String {
    pick(
        format!("not updated for {months} months or more (underlined)"),
        format!("ikke opdateret i {months} måneder eller mere (understreget)"),
    )
}

/// The bottom of a window with more below what shows.
pub const MORE_BELOW: Phrase = Phrase::new("↓ more below", "↓ mere nedenfor");

/// The first-run hint's opening words.
pub const HINT_NEW_HERE: Phrase = Phrase::new("New here?", "Ny her?");
/// The first-run hint: the question palette.
pub const HINT_QUESTIONS: Phrase = Phrase::new("questions", "spørgsmål");
/// The first-run hint: find in the article.
pub const HINT_FIND: Phrase = Phrase::new("find", "find");
/// The first-run hint: search the library.
pub const HINT_SEARCH: Phrase = Phrase::new("search library", "søg i alle");
/// The first-run hint: the next question.
pub const HINT_NEXT_QUESTION: Phrase = Phrase::new("next question", "næste spørgsmål");
/// The first-run hint: the help with every key.
pub const HINT_ALL_KEYS: Phrase = Phrase::new("help", "hjælp");
/// The first-run hint: hiding it for good.
pub const HINT_HIDE: Phrase = Phrase::new("hide", "skjul");
