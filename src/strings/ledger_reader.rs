//! What the reader says about the team's review ledger: recording a decision (`r`), what
//! changed since an approval (`D`), and the shared comments (`A`, `a`).

use super::lang::{Phrase, pick};

/// The decision window's title.
pub const DECIDE_TITLE: Phrase = Phrase::new("Review", "Gennemgang");
/// The decision window's hint while the comment is typed.
pub const DECIDE_COMMENT_HINT: Phrase =
    Phrase::new("Enter records · Esc cancels", "Enter gemmer · Esc fortryder");
/// Said when a decision cannot be made: the article's text is not known yet.
pub const NOTHING_TO_DECIDE: Phrase =
    Phrase::new("There is no article open to review", "Der er ingen artikel åben at gennemgå");
/// Why a write found no ledger in this session.
pub const NO_LEDGER: Phrase =
    Phrase::new("this session has no review ledger", "denne session har ingen gennemgangsprotokol");
/// Said when a write that had failed got through.
pub const LEDGER_SAVED_LATE: Phrase = Phrase::new(
    "Saved in the review ledger (it had waited)",
    "Gemt i gennemgangsprotokollen (den havde ventet)",
);
/// The comments list's title.
pub const COMMENTS: Phrase = Phrase::new("Comments", "Kommentarer");
/// The comments list's title while resolved ones are shown too.
pub const COMMENTS_ALL: Phrase = Phrase::new("Comments, resolved too", "Kommentarer, også de løste");
/// The comment editor's title.
pub const COMMENT: Phrase = Phrase::new("Comment", "Kommentar");
/// Marks a comment whose section's text changed since it was written.
pub const TEXT_CHANGED_SINCE: Phrase = Phrase::new("text changed since", "teksten er ændret siden");
/// Marks a resolved comment in the list.
pub const COMMENT_RESOLVED_MARK: Phrase = Phrase::new("resolved", "løst");
/// Shown when a comment is saved.
pub const COMMENT_SAVED: Phrase =
    Phrase::new("Comment saved: the team sees it", "Kommentar gemt: holdet kan se den");
/// Shown when a comment is deleted.
pub const COMMENT_DELETED: Phrase = Phrase::new("Comment deleted", "Kommentar slettet");
/// Shown when a comment is resolved.
pub const COMMENT_RESOLVED: Phrase = Phrase::new("Comment resolved", "Kommentar løst");
/// Shown when a comment is opened again.
pub const COMMENT_REOPENED: Phrase = Phrase::new("Comment reopened", "Kommentar genåbnet");
/// Shown when someone tries to change another's comment.
pub const NOT_YOUR_COMMENT: Phrase = Phrase::new(
    "Only its author can change or delete a comment",
    "Kun forfatteren kan ændre eller slette en kommentar",
);
/// Shown when an edit met a comment someone changed meanwhile.
pub const KEPT_BOTH: Phrase = Phrase::new(
    "Someone changed this comment meanwhile: both texts are kept",
    "Nogen har ændret kommentaren imens: begge tekster er gemt",
);
/// Shown when a delete met a comment someone changed meanwhile.
pub const NOT_DELETED: Phrase = Phrase::new(
    "The comment changed meanwhile and was not deleted: read it again",
    "Kommentaren er ændret imens og blev ikke slettet: læs den igen",
);
/// Shown when the comment was deleted by someone else.
pub const COMMENT_GONE: Phrase = Phrase::new(
    "Someone deleted this comment meanwhile; Ctrl-s saves the text as a new one",
    "Nogen har slettet kommentaren imens; Ctrl-s gemmer teksten som en ny",
);
/// The comments list's question before deleting.
pub const DELETE_COMMENT: Phrase = Phrase::new("Delete this comment? y / n", "Slet kommentaren? y / n");
/// Hint: resolves or reopens a comment.
pub const HINT_RESOLVE: Phrase = Phrase::new("resolve/reopen", "løs/genåbn");
/// Hint: shows resolved comments too.
pub const HINT_RESOLVED: Phrase = Phrase::new("resolved too", "vis løste");
/// `D` with no approval to compare with.
pub const NO_APPROVAL_YET: Phrase = Phrase::new(
    "Nobody has approved this article yet: there is nothing to compare with",
    "Ingen har godkendt artiklen endnu: der er intet at sammenligne med",
);
/// `D` when the approved text was not kept (an imported review).
pub const APPROVED_TEXT_NOT_KEPT: Phrase = Phrase::new(
    "The approved text was not kept (an imported review): there is nothing to compare with",
    "Den godkendte tekst er ikke gemt (en importeret gennemgang): der er intet at sammenligne med",
);
/// `D` when the text is the one approved.
pub const NO_CHANGES_SINCE: Phrase =
    Phrase::new("Nothing changed since the approval", "Intet er ændret siden godkendelsen");

/// The decision window's title: the article and its version.
pub fn decide_title(article: &str, version: &str) -> String {
    pick(
        format!("Review · {article} · version {version}"),
        format!("Gennemgang · {article} · version {version}"),
    )
}

/// The decision window's prompt for a comment on the verdict chosen.
pub fn decide_comment(approve: bool) -> String {
    match (approve, pick(true, false)) {
        (true, true) => "Approve. Comment (optional):".into(),
        (false, true) => "Request changes. What should change (required):".into(),
        (true, false) => "Godkend. Kommentar (valgfri):".into(),
        (false, false) => "Bed om ændringer. Hvad skal ændres (påkrævet):".into(),
    }
}

/// Said when a decision was recorded.
pub fn decided(approve: bool, version: &str) -> String {
    match (approve, pick(true, false)) {
        (true, true) => format!("Approved version {version}"),
        (false, true) => format!("Changes requested on version {version}"),
        (true, false) => format!("Godkendt: version {version}"),
        (false, false) => format!("Bedt om ændringer i version {version}"),
    }
}

/// A ledger write that did not happen: it stays queued.
pub fn ledger_queued(why: &str) -> String {
    pick(
        format!("{why}. It stays queued and goes with the next save"),
        format!("{why}. Den venter og gemmes med den næste"),
    )
}

/// The diff window's title: whose approval it starts from, and the two versions.
pub fn diff_since(yours: bool, reviewer: &str, then: &str, now: &str) -> String {
    match (yours, pick(true, false)) {
        (true, true) => format!("Changes since your approval ({then} → {now})"),
        (false, true) => format!("Changes since the latest approval, by {reviewer} ({then} → {now})"),
        (true, false) => format!("Ændringer siden din godkendelse ({then} → {now})"),
        (false, false) => format!("Ændringer siden seneste godkendelse, af {reviewer} ({then} → {now})"),
    }
}

/// Said on the way out when decisions or comments could not be written.
pub fn ledger_unsaved_at_exit(n: usize) -> String {
    pick(
        format!("artikel: {n} decisions or comments could not be saved in the review ledger"),
        format!("artikel: {n} beslutninger eller kommentarer kunne ikke gemmes i gennemgangsprotokollen"),
    )
}
