//! Every sentence the reader says to its user, in one place: the reader's own here, and one
//! file per area beside it (re-exported, so every sentence is `strings::NAME`).

mod check;
mod cli;
mod help;
mod keys;
mod lang;
mod ledger;
mod ledger_governance;
mod ledger_reader;
mod ledger_shared;
mod links;
mod loading;
mod long_articles;
mod lookup;
mod marks_and_reload;
mod serve;
mod settings;
mod shell;
mod store;

pub use check::*;
pub use cli::*;
pub use help::*;
pub use keys::*;
pub use lang::{
    Lang, Phrase, choose, choose_from_env, from_locale_vars, lang, pick, plural, set_lang, set_thread_lang,
    speaking_here,
};
pub use ledger::*;
pub use ledger_governance::*;
pub use ledger_reader::*;
pub use ledger_shared::*;
pub use links::*;
pub use loading::*;
pub use long_articles::*;
pub use lookup::*;
pub use marks_and_reload::*;
pub use serve::*;
pub use settings::*;
pub use shell::*;
pub use store::*;

/// The help overlay's title.
pub const HELP_TITLE: Phrase = Phrase::new("Keys", "Taster");
/// The warnings overlay's title: it holds the problems met loading the articles and the
/// settings, and the messages too long for the status line.
pub const WARNINGS_TITLE: Phrase = Phrase::new("Problems and messages", "Problemer og beskeder");
/// What the warnings overlay says when there are none.
pub const NO_WARNINGS: Phrase =
    Phrase::new("Every article loaded cleanly.", "Alle artikler blev indlæst uden problemer.");
/// The Library pane's title.
pub const LIBRARY: Phrase = Phrase::new("Library", "Bibliotek");
/// The Contents pane's title.
pub const CONTENTS: Phrase = Phrase::new("Contents", "Indhold");
/// The section name of the text before the first heading.
pub const INTRO: Phrase = Phrase::new("Introduction", "Indledning");
/// The help's heading over the prompt keys.
pub const PROMPT_KEYS: Phrase = Phrase::new(
    "In the palette, search and find (other keys type):",
    "Når du skriver et spørgsmål eller søger (andre taster skriver):",
);
/// The help's label for the mouse.
pub const MOUSE: Phrase = Phrase::new("Mouse", "Mus");
/// What the mouse does.
pub const MOUSE_HELP: Phrase = Phrase::new(
    "wheel scrolls the pane under it; click opens",
    "hjulet ruller ruden under musen; klik åbner",
);
/// Shown when Back has nowhere to go.
pub const NO_HISTORY: Phrase =
    Phrase::new("No earlier place to go back to", "Der er intet tidligere sted at gå tilbage til");
/// Shown when `n` is pressed with nothing to find.
pub const NO_FIND: Phrase =
    Phrase::new("Nothing to find: press / and type", "Intet at finde: tryk / og skriv");
/// The palette's title.
pub const PALETTE: Phrase = Phrase::new("Questions", "Spørgsmål");
/// The library search's title.
pub const SEARCH: Phrase = Phrase::new("Search the library", "Søg i biblioteket");
/// The palette's prompt before anything is typed.
pub const PALETTE_HINT: Phrase = Phrase::new(
    "type words of a question (æ, ø, å or ae, oe, aa)",
    "skriv ord fra et spørgsmål (æ, ø, å eller ae, oe, aa)",
);
/// Library search's prompt before anything is typed.
pub const SEARCH_HINT: Phrase =
    Phrase::new("type words to find in every article", "skriv ord, der skal findes i alle artikler");
/// Shown while a large library is being indexed for lookup.
pub const INDEXING: Phrase = Phrase::new("Indexing the library…", "Indekserer biblioteket…");
/// Shown when the palette or search has nothing.
pub const NO_MATCHES: Phrase = Phrase::new("Nothing matches", "Intet matcher");
/// What the palette says when no question and no text matches what is typed.
pub const NO_QUESTION_MATCHES: Phrase = Phrase::new(
    "No question matches. Esc, then s searches the text of every article",
    "Intet spørgsmål matcher. Esc og derefter s søger i al tekst i artiklerne",
);
/// The palette's first line when no question heading matched and sections whose text does are listed.
pub const PALETTE_IN_TEXT: Phrase = Phrase::new(
    "No question matches; these sections mention it (s searches all text):",
    "Intet spørgsmål matcher; disse afsnit nævner det (s søger i al tekst):",
);
/// The help's heading over the editor keys.
pub const EDITOR_KEYS: Phrase = Phrase::new(
    "In the note editor (other keys type, Enter or Ctrl-j starts a line):",
    "I noteeditoren (andre taster skriver, Enter eller Ctrl-j giver en ny linje):",
);
/// Shown when a note is saved.
pub const NOTE_SAVED: Phrase = Phrase::new("Note saved", "Note gemt");
/// Shown when a draft from an earlier session is offered back.
pub const DRAFT_RECOVERED: Phrase = Phrase::new(
    "Recovered an unsaved note: Ctrl-s saves it, Esc gives it up",
    "En note, der ikke blev gemt, er hentet frem: Ctrl-s gemmer den, Esc kasserer den",
);
/// Shown when the store cannot be written.
pub const STORE_READ_ONLY: Phrase = Phrase::new(
    "Notes are read-only in this session: the notes file cannot be written",
    "Noterne kan kun læses i denne session: notefilen kan ikke skrives",
);
/// Marks a note whose heading is gone.
pub const DETACHED: Phrase = Phrase::new("(detached)", "(overskriften findes ikke mere)");
/// Shown when a bookmark is set.
pub const BOOKMARK_ON: Phrase =
    Phrase::new("Bookmarked: ' lists the bookmarks", "Bogmærke sat: ' viser bogmærkerne");
/// Shown when a bookmark is removed.
pub const BOOKMARK_OFF: Phrase = Phrase::new("Bookmark removed", "Bogmærke fjernet");
/// The editor's question before throwing changes away.
pub const DISCARD: Phrase =
    Phrase::new("Throw away the changes? y / n", "Kassér ændringerne? y (ja) / n (nej)");
/// The notes list's question before deleting.
pub const DELETE: Phrase = Phrase::new("Delete this note? y / n", "Slet denne note? y (ja) / n (nej)");
/// The notes list's title.
pub const NOTES: Phrase = Phrase::new("Notes", "Noter");
/// The bookmarks list's title.
pub const BOOKMARKS: Phrase = Phrase::new("Bookmarks", "Bogmærker");
/// The note editor's title.
pub const NOTE: Phrase = Phrase::new("Note", "Note");
/// Shown in an empty list.
pub const EMPTY_LIST: Phrase = Phrase::new("Nothing here yet", "Her er intet endnu");
/// Shown when the mouse is released.
pub const MOUSE_OFF: Phrase = Phrase::new(
    "Mouse off: select text with it; M turns it back on",
    "Musen er slået fra: markér tekst med den; M slår den til igen",
);
/// Shown when the mouse is captured again.
pub const MOUSE_ON: Phrase = Phrase::new(
    "Mouse on: the wheel scrolls, a click opens",
    "Musen er slået til: hjulet ruller, et klik åbner",
);
/// Shown when `]` finds no question below.
pub const NO_NEXT_QUESTION: Phrase =
    Phrase::new("No more questions below", "Ikke flere spørgsmål længere nede");
/// Shown when `[` finds no question above.
pub const NO_PREV_QUESTION: Phrase = Phrase::new("No questions above", "Ingen spørgsmål længere oppe");
/// Shown when `}` finds no FAQ answer below.
pub const NO_NEXT_ANSWER: Phrase =
    Phrase::new("No more FAQ answers below", "Ikke flere FAQ-svar længere nede");
/// Shown when `{` finds no FAQ answer above.
pub const NO_PREV_ANSWER: Phrase = Phrase::new("No FAQ answers above", "Ingen FAQ-svar længere oppe");
/// Shown when `f` finds no FAQ section.
pub const NO_FAQ: Phrase =
    Phrase::new("This article has no FAQ section", "Denne artikel har intet FAQ-afsnit");
/// The reader cannot start without a terminal.
pub const NOT_A_TERMINAL: Phrase = Phrase::new(
    "artikel: the reader needs a terminal (stdin and stdout must be a TTY).\n\
     Try `artikel show SLUG` or `artikel list` to print instead.",
    "artikel: læseren skal bruge en terminal (stdin og stdout skal være en TTY).\n\
     Prøv `artikel show SLUG` eller `artikel list` for at udskrive i stedet.",
);

/// The reader refuses a terminal that cannot place text.
pub const DUMB_TERMINAL: Phrase = Phrase::new(
    "artikel: this terminal (TERM=dumb) cannot show the reader.\n\
     Try `artikel show SLUG`, `artikel faq QUESTION` or `artikel list` to print instead.",
    "artikel: denne terminal (TERM=dumb) kan ikke vise læseren.\n\
     Prøv `artikel show SLUG`, `artikel faq SPØRGSMÅL` eller `artikel list` for at udskrive i stedet.",
);

/// The status line's note that some files had problems.
pub fn warnings_found(n: usize) -> String {
    let files = plural(n, Phrase::new("problem", "problem"), Phrase::new("problems", "problemer"));
    match lang() {
        Lang::En => format!("{n} {files} loading articles — press w to see"),
        Lang::Da => format!("{n} {files} med at indlæse artikler — tryk w for at se"),
    }
}

/// Shown when the phrase is not in the article.
pub fn not_in_article(query: &str) -> String {
    let query = typed(query);
    match lang() {
        Lang::En => format!("“{query}” is not in this article"),
        Lang::Da => format!("“{query}” står ikke i denne artikel"),
    }
}

/// Says what `r` set.
pub fn review_set(status: &str) -> String {
    match lang() {
        Lang::En => format!("Review status: {status}"),
        Lang::Da => format!("Gennemgang: {status}"),
    }
}

/// Says what `y` did: sent the text to the terminal, which may or may not put it on the
/// clipboard (nothing comes back to say whether it did).
pub fn copied(title: &str, chars: usize) -> String {
    match lang() {
        Lang::En => {
            let what = if chars == 1 { "character" } else { "characters" };
            format!("Sent “{title}” to the terminal's clipboard (OSC 52): {chars} {what}")
        }
        Lang::Da => format!("Sendte “{title}” til terminalens udklipsholder (OSC 52): {chars} tegn"),
    }
}

/// Shown when `--section` matches no heading.
pub fn no_section(text: &str) -> String {
    let text = typed(text);
    match lang() {
        Lang::En => format!("No heading contains “{text}”"),
        Lang::Da => format!("Ingen overskrift indeholder “{text}”"),
    }
}

/// `faq` found nothing.
pub fn no_answer(query: &str) -> String {
    let query = typed(query);
    match lang() {
        Lang::En => format!("artikel: no answer found for “{query}”"),
        Lang::Da => format!("artikel: intet svar fundet på “{query}”"),
    }
}

/// `search` found nothing.
pub fn nothing_found(query: &str) -> String {
    let query = typed(query);
    match lang() {
        Lang::En => format!("artikel: nothing found for “{query}”"),
        Lang::Da => format!("artikel: intet fundet for “{query}”"),
    }
}

/// `slug#anchor` names no heading of the article.
pub fn no_anchor(anchor: &str) -> String {
    let anchor = typed(anchor);
    match lang() {
        Lang::En => format!("No heading here is called #{anchor}"),
        Lang::Da => format!("Ingen overskrift her hedder #{anchor}"),
    }
}

/// The error for a slug that starts several articles' slugs.
pub fn ambiguous_slug(slug: &str, candidates: &str) -> String {
    let slug = typed(slug);
    match lang() {
        Lang::En => format!("artikel: “{slug}” could be any of: {candidates}. Type more of the name"),
        Lang::Da => format!("artikel: “{slug}” kan være flere artikler: {candidates}. Skriv mere af navnet"),
    }
}

/// The error for a slug that names no article.
pub fn unknown_slug(slug: &str, known: &str) -> String {
    let slug = typed(slug);
    match lang() {
        Lang::En => format!("artikel: no article called “{slug}”. Known articles: {known}"),
        Lang::Da => format!("artikel: ingen artikel hedder “{slug}”. Kendte artikler: {known}"),
    }
}

// --- The article's dates, in the title line and in `show` ---

/// When the article was last updated.
pub fn updated(date: &str) -> String {
    match lang() {
        Lang::En => format!("Updated {date}"),
        Lang::Da => format!("Opdateret {date}"),
    }
}

/// When the article was first published.
pub fn published(date: &str) -> String {
    match lang() {
        Lang::En => format!("Published {date}"),
        Lang::Da => format!("Udgivet {date}"),
    }
}

// --- The words of the key hints; the keys come from the key table ---

/// Hint: moves through a window.
pub const HINT_SCROLL: Phrase = Phrase::new("scroll", "rul");
/// Hint: closes a window.
pub const HINT_CLOSES: Phrase = Phrase::new("closes", "lukker");
/// Hint: closes a list or prompt.
pub const HINT_CLOSE: Phrase = Phrase::new("close", "luk");
/// Hint: chooses in a list.
pub const HINT_CHOOSE: Phrase = Phrase::new("choose", "vælg");
/// Hint: opens what is chosen.
pub const HINT_OPEN: Phrase = Phrase::new("open", "åbn");
/// Hint: goes to a note.
pub const HINT_GO: Phrase = Phrase::new("go", "gå til");
/// Hint: edits a note.
pub const HINT_EDIT: Phrase = Phrase::new("edit", "ret");
/// Hint: deletes a note.
pub const HINT_DELETE: Phrase = Phrase::new("delete", "slet");
/// Hint: saves a note.
pub const HINT_SAVE: Phrase = Phrase::new("save", "gem");
/// Hint: shows the help.
pub const HINT_HELP: Phrase = Phrase::new("help", "hjælp");

// --- The loop and the store, as the reader says them ---

/// Shown while another artikel holds the notes file's lock and a save waits for it.
pub const WAITING_FOR_LOCK: Phrase = Phrase::new(
    "Waiting for another artikel to finish saving…",
    "Venter på, at en anden kørende artikel gemmer færdig…",
);
/// Shown when a save that waited for the lock got through.
pub const SAVED_AFTER_WAIT: Phrase = Phrase::new(
    "Saved (another artikel had been saving)",
    "Gemt (en anden kørende artikel var ved at gemme)",
);
/// Shown when an empty note deleted its note.
pub const NOTE_DELETED: Phrase = Phrase::new("Note deleted", "Note slettet");
/// Shown when building the search index failed; lookup is off for the session.
pub const INDEX_FAILED: Phrase = Phrase::new(
    "The library could not be indexed; the palette and search are off",
    "Biblioteket kunne ikke indekseres; spørgsmål og søgning er slået fra",
);

/// Building the index failed, saying why.
pub fn index_failed(why: &str) -> String {
    format!("{INDEX_FAILED} ({why})")
}

/// A write of the store that did not happen.
pub fn not_saved(why: &str, note_open: bool) -> String {
    match (lang(), note_open) {
        (Lang::En, true) => format!("Not saved: {why}. The note stays open (Esc gives it up)"),
        (Lang::En, false) => format!("Not saved: {why}"),
        (Lang::Da, true) => format!("Ikke gemt: {why}. Noten forbliver åben (Esc kasserer den)"),
        (Lang::Da, false) => format!("Ikke gemt: {why}"),
    }
}

/// The draft of the note being written could not be kept.
pub fn draft_not_kept(why: &str) -> String {
    match lang() {
        Lang::En => format!("The draft of this note could not be kept: {why}"),
        Lang::Da => format!("Kladden til denne note kunne ikke gemmes: {why}"),
    }
}

/// Said on the way out when changes could not be written.
pub fn unsaved_at_exit(n: usize) -> String {
    let what = plural(n, Phrase::new("change", "ændring"), Phrase::new("changes", "ændringer"));
    match lang() {
        Lang::En => format!("artikel: {n} {what} to notes, bookmarks or reviews could not be saved"),
        Lang::Da => format!("artikel: {n} {what} af noter, bogmærker eller gennemgange kunne ikke gemmes"),
    }
}

// --- The terminal backend ---

/// Said below the part of a terminal larger than artikel draws that it uses only that part.
pub fn screen_too_large(width: u16, height: u16) -> String {
    match lang() {
        Lang::En => format!(
            "This terminal is larger than {width}×{height}: artikel uses its top-left {width}×{height}."
        ),
        Lang::Da => format!(
            "Denne terminal er større end {width}×{height}: artikel bruger kun {width}×{height} øverst til venstre."
        ),
    }
}

/// The heading over `faq`'s runner-ups.
pub const SEE_ALSO: Phrase = Phrase::new("See also", "Se også");

/// A query of only common words (stop words).
pub fn only_common_words(query: &str) -> String {
    match lang() {
        Lang::En => format!(
            "no answer found for “{query}”: it has only common words (such as jeg, det, på); add a word of what you ask about"
        ),
        Lang::Da => format!(
            "intet svar fundet på “{query}”: der er kun almindelige ord (som jeg, det, på); tilføj et ord om det, du spørger om"
        ),
    }
}

/// A query with more words than count.
pub fn query_cut(max: usize) -> String {
    match lang() {
        Lang::En => format!("artikel: only the first {max} words of the query count"),
        Lang::Da => format!("artikel: kun de første {max} ord i søgningen tæller med"),
    }
}

/// Library search's last row when it shows only the best hits.
pub fn more_hits(shown: usize, total: usize) -> String {
    match lang() {
        Lang::En => format!("the best {shown} of {total} hits: type more words to narrow them"),
        Lang::Da => format!("de {shown} bedste af {total} fund: skriv flere ord for at indsnævre dem"),
    }
}

/// The status when find's phrase is longer than find looks for.
pub fn find_cut(max: usize) -> String {
    match lang() {
        Lang::En => format!("Find looks for the first {max} characters"),
        Lang::Da => format!("Der søges kun efter de første {max} tegn i artiklen"),
    }
}

/// The Library pane's title, with the number of approvals whose text changed since: short,
/// to fit the pane, and never the words for an old `lastUpdated` date ("not updated for N
/// months").
pub fn library_title(stale: usize) -> String {
    if stale == 0 {
        return LIBRARY.to_string();
    }
    let word = plural(stale, Phrase::new("changed", "ændret"), Phrase::new("changed", "ændrede"));
    format!("{LIBRARY} · {stale} {word}")
}

#[cfg(test)]
mod tests;
