//! Every sentence the reader says to its user, in one place: the reader's own here, and one
//! file per area beside it (re-exported, so every sentence is `strings::NAME`).

mod check;
mod lang;
mod ledger;
mod loading;
mod lookup;
mod serve;
mod speed;
mod store;

pub use check::*;
pub use lang::{Lang, Phrase, lang, pick, set_lang, set_thread_lang};
pub use ledger::*;
pub use loading::*;
pub use lookup::*;
pub use serve::*;
pub use speed::*;
pub use store::*;

/// The help overlay's title.
pub const HELP_TITLE: &str = "Keys";
/// The warnings overlay's title.
pub const WARNINGS_TITLE: &str = "Problems in article files";
/// What the warnings overlay says when there are none.
pub const NO_WARNINGS: &str = "Every article loaded cleanly.";
/// The Library pane's title.
pub const LIBRARY: &str = "Library";
/// The Contents pane's title.
pub const CONTENTS: &str = "Contents";
/// The section name of the text before the first heading.
pub const INTRO: &str = "Introduction";
/// The help's heading over the prompt keys.
pub const PROMPT_KEYS: &str = "In the palette, search and find (other keys type):";
/// The help's label for the mouse.
pub const MOUSE: &str = "Mouse";
/// What the mouse does.
pub const MOUSE_HELP: &str = "wheel scrolls the pane under it; click opens";
/// Shown when Back has nowhere to go.
pub const NO_HISTORY: &str = "No earlier place to go back to";
/// Shown when `n` is pressed with nothing to find.
pub const NO_FIND: &str = "Nothing to find: press / and type";
/// The palette's title.
pub const PALETTE: &str = "Questions";
/// The library search's title.
pub const SEARCH: &str = "Search the library";
/// The palette's prompt before anything is typed.
pub const PALETTE_HINT: &str = "type words of a question (æ, ø, å or ae, oe, aa)";
/// Library search's prompt before anything is typed.
pub const SEARCH_HINT: &str = "type words to find in every article";
/// Shown while a large library is being indexed for lookup.
pub const INDEXING: &str = "Indexing the library…";
/// Shown when the palette or search has nothing.
pub const NO_MATCHES: &str = "Nothing matches";
/// The help's heading over the editor keys.
pub const EDITOR_KEYS: &str = "In the note editor (other keys type, Enter starts a line):";
/// Shown when a note is saved.
pub const NOTE_SAVED: &str = "Note saved";
/// Shown when a draft from an earlier session is offered back.
pub const DRAFT_RECOVERED: &str = "Recovered an unsaved note: Ctrl-s saves it, Esc gives it up";
/// Shown when the store cannot be written.
pub const STORE_READ_ONLY: &str = "Notes are read-only in this session: the notes file cannot be written";
/// Marks a note whose heading is gone.
pub const DETACHED: &str = "(detached)";
/// Shown when a bookmark is set.
pub const BOOKMARK_ON: &str = "Bookmarked: ' lists the bookmarks";
/// Shown when a bookmark is removed.
pub const BOOKMARK_OFF: &str = "Bookmark removed";
/// The editor's question before throwing changes away.
pub const DISCARD: &str = "Throw away the changes? y / n";
/// The notes list's question before deleting.
pub const DELETE: &str = "Delete this note? y / n";
/// The notes list's title.
pub const NOTES: &str = "Notes";
/// The bookmarks list's title.
pub const BOOKMARKS: &str = "Bookmarks";
/// The note editor's title.
pub const NOTE: &str = "Note";
/// Shown in an empty list.
pub const EMPTY_LIST: &str = "Nothing here yet";
/// Shown when the mouse is released.
pub const MOUSE_OFF: &str = "Mouse off: select text with it; M turns it back on";
/// Shown when the mouse is captured again.
pub const MOUSE_ON: &str = "Mouse on: the wheel scrolls, a click opens";
/// Shown when `]` finds no question below.
pub const NO_NEXT_QUESTION: &str = "No more questions below";
/// Shown when `[` finds no question above.
pub const NO_PREV_QUESTION: &str = "No questions above";
/// Shown when `}` finds no FAQ answer below.
pub const NO_NEXT_ANSWER: &str = "No more FAQ answers below";
/// Shown when `{` finds no FAQ answer above.
pub const NO_PREV_ANSWER: &str = "No FAQ answers above";
/// Shown when `f` finds no FAQ section.
pub const NO_FAQ: &str = "This article has no FAQ section";
/// The reader cannot start without a terminal.
pub const NOT_A_TERMINAL: &str = "artikel: the reader needs a terminal (stdin and stdout must be a TTY).\n\
     Try `artikel show SLUG` or `artikel list` to print instead.";

/// The reader refuses a terminal that cannot place text.
pub const DUMB_TERMINAL: &str = "artikel: this terminal (TERM=dumb) cannot show the reader.\n\
     Try `artikel show SLUG`, `artikel faq QUESTION` or `artikel list` to print instead.";

/// The status line's note that some files had problems.
pub fn warnings_found(n: usize) -> String {
    let files = if n == 1 { "problem" } else { "problems" };
    format!("{n} {files} loading articles — press w to see")
}

/// Shown when the phrase is not in the article.
pub fn not_in_article(query: &str) -> String {
    let query = typed(query);
    format!("“{query}” is not in this article")
}

/// Says what `r` set.
pub fn review_set(status: &str) -> String {
    format!("Review status: {status}")
}

/// Says what `y` copied.
pub fn copied(title: &str, chars: usize) -> String {
    format!("Copied “{title}” ({chars} characters) to the clipboard")
}

/// Shown when `--section` matches no heading.
pub fn no_section(text: &str) -> String {
    let text = typed(text);
    format!("No heading contains “{text}”")
}

/// `faq` found nothing.
pub fn no_answer(query: &str) -> String {
    let query = typed(query);
    format!("artikel: no answer found for “{query}”")
}

/// `search` found nothing.
pub fn nothing_found(query: &str) -> String {
    let query = typed(query);
    format!("artikel: nothing found for “{query}”")
}

/// `slug#anchor` names no heading of the article.
pub fn no_anchor(anchor: &str) -> String {
    let anchor = typed(anchor);
    format!("No heading here is called #{anchor}")
}

/// The error for a slug that names no article.
pub fn unknown_slug(slug: &str, known: &str) -> String {
    let slug = typed(slug);
    format!("artikel: no article called “{slug}”. Known articles: {known}")
}

// --- The article's dates, in the title line and in `show` ---

/// When the article was last updated.
pub fn updated(date: &str) -> String {
    format!("Updated {date}")
}

/// When the article was first published.
pub fn published(date: &str) -> String {
    format!("Published {date}")
}

// --- The words of the key hints; the keys come from the key table ---

/// Hint: moves through a window.
pub const HINT_SCROLL: &str = "scroll";
/// Hint: closes a window.
pub const HINT_CLOSES: &str = "closes";
/// Hint: closes a list or prompt.
pub const HINT_CLOSE: &str = "close";
/// Hint: chooses in a list.
pub const HINT_CHOOSE: &str = "choose";
/// Hint: opens what is chosen.
pub const HINT_OPEN: &str = "open";
/// Hint: goes to a note.
pub const HINT_GO: &str = "go";
/// Hint: edits a note.
pub const HINT_EDIT: &str = "edit";
/// Hint: deletes a note.
pub const HINT_DELETE: &str = "delete";
/// Hint: saves a note.
pub const HINT_SAVE: &str = "save";
/// Hint: shows the help.
pub const HINT_HELP: &str = "help";

// --- The loop and the store, as the reader says them ---

/// Shown while another artikel holds the notes file's lock and a save waits for it.
pub const WAITING_FOR_LOCK: &str = "Waiting for another artikel to finish saving…";
/// Shown when a save that waited for the lock got through.
pub const SAVED_AFTER_WAIT: &str = "Saved (another artikel had been saving)";
/// Shown when an empty note deleted its note.
pub const NOTE_DELETED: &str = "Note deleted";
/// Shown when building the search index failed; lookup is off for the session.
pub const INDEX_FAILED: &str = "The library could not be indexed; the palette and search are off";

/// Building the index failed, saying why.
pub fn index_failed(why: &str) -> String {
    format!("{INDEX_FAILED} ({why})")
}

/// A write of the store that did not happen.
pub fn not_saved(why: &str, note_open: bool) -> String {
    if note_open {
        format!("Not saved: {why}. The note stays open (Esc gives it up)")
    } else {
        format!("Not saved: {why}")
    }
}

/// The draft of the note being written could not be kept.
pub fn draft_not_kept(why: &str) -> String {
    format!("The draft of this note could not be kept: {why}")
}

/// Said on the way out when changes could not be written.
pub fn unsaved_at_exit(n: usize) -> String {
    let what = if n == 1 { "change" } else { "changes" };
    format!("artikel: {n} {what} to notes, bookmarks or reviews could not be saved")
}

// --- The terminal backend ---

/// Said below the part of a terminal larger than artikel draws that it uses only that part.
pub fn screen_too_large(width: u16, height: u16) -> String {
    format!("This terminal is larger than {width}×{height}: artikel uses its top-left {width}×{height}.")
}

/// The heading over `faq`'s runner-ups.
pub const SEE_ALSO: &str = "Se også";

/// A query of only common words (stop words).
pub fn only_common_words(query: &str) -> String {
    format!(
        "no answer found for “{query}”: it has only common words (such as jeg, det, på); add a word of what you ask about"
    )
}

/// A query with more words than count.
pub fn query_cut(max: usize) -> String {
    format!("artikel: only the first {max} words of the query count")
}

/// Library search's last row when it shows only the best hits.
pub fn more_hits(shown: usize, total: usize) -> String {
    format!("the best {shown} of {total} hits: type more words to narrow them")
}

/// The status when find's phrase is longer than find looks for.
pub fn find_cut(max: usize) -> String {
    format!("Find looks for the first {max} characters")
}

/// The Library pane's title, with the number of approvals whose text changed since.
pub fn library_title(stale: usize) -> String {
    if stale == 0 { LIBRARY.to_string() } else { format!("{LIBRARY} · {stale} stale") }
}
