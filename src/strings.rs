//! Every sentence the reader says to its user, in one place.

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

// ---- The review ledger (src/ledger, src/cli/review.rs) ----

/// The diff's name for the frontmatter section.
pub const FRONTMATTER: &str = "Frontmatter";
/// A section new in this version.
pub const DIFF_ADDED: &str = "added";
/// A section gone from this version.
pub const DIFF_REMOVED: &str = "removed";
/// A section whose text changed.
pub const DIFF_CHANGED: &str = "changed";
/// Why a ledger file cannot be written.
pub const LEDGER_READ_ONLY_FILE: &str = "the file cannot be written here";
/// Why a write waits: another session holds the ledger.
pub const LEDGER_BUSY: &str = "another session is writing to the ledger";
/// Why a write waits: the disk is full.
pub const LEDGER_FULL: &str = "the disk is full";

/// A write the ledger could not take.
pub fn ledger_not_saved(why: &str) -> String {
    format!("Not saved: {why}")
}

/// The ledger opens read-only.
pub fn ledger_read_only(path: &std::path::Path, why: &str) -> String {
    format!("The review ledger {} is read-only: {why}", path.display())
}

/// The ledger's schema is newer than this build's.
pub fn ledger_newer(found: i64, known: i64) -> String {
    format!("it was written by a newer artikel (schema {found}; this one knows {known})")
}

/// A corrupt ledger was moved aside.
pub fn ledger_moved_aside(path: &std::path::Path, why: &str, aside: &std::path::Path) -> String {
    format!(
        "The review ledger {} could not be read ({why}); it was moved to {} and a new one started",
        path.display(),
        aside.display()
    )
}

/// The `notes.yaml` to import into the ledger could not be read (it is left as it is).
pub fn ledger_not_imported(why: &str) -> String {
    format!("Not imported into the review ledger: {why}")
}

/// Notes and reviews came in from `notes.yaml`.
pub fn ledger_imported(n: usize, from: &std::path::Path) -> String {
    format!("Imported {n} notes and reviews from {} into the review ledger", from.display())
}

/// The review report's title.
pub const REPORT_TITLE: &str = "Review report";
/// The review report's status label.
pub const REPORT_STATUS: &str = "Status";
/// Marks an article no longer in the library, in the report and lists.
pub const REPORT_DETACHED: &str = "detached: no longer in the library";
/// Marks a resolved comment.
pub const RESOLVED: &str = "resolved";
/// Marks a comment whose section changed since it was written.
pub const SECTION_CHANGED: &str = "section changed since";

/// Who made the latest decision, when, on which version.
pub fn report_by(reviewer: &str, date: &str, version: &str) -> String {
    if version.is_empty() {
        format!("by {reviewer} on {date} (version unknown)")
    } else {
        format!("by {reviewer} on {date} at version {version}")
    }
}
/// Marks a reopened comment.
pub const REOPENED: &str = "reopened";
/// A decision on the version shown now.
pub const THIS_VERSION: &str = "this version";
/// A decision on a version the text has changed from.
pub const CHANGED_SINCE: &str = "changed since";
/// A decision imported without its version.
pub const VERSION_UNKNOWN: &str = "version unknown";
/// The diff found nothing.
pub const NO_CHANGES: &str = "No changes.";
/// `notes` with nothing to list.
pub const NO_COMMENTS: &str = "No comments yet.";

/// `review diff` has nothing to compare with.
pub fn no_approval(slug: &str, reviewer: Option<&str>) -> String {
    match reviewer {
        Some(r) => format!("{r} has not approved any version of {slug}: nothing to compare with"),
        None => format!("Nobody has approved a version of {slug}: nothing to compare with"),
    }
}

/// The approved version's text is not in the ledger (imported from notes.yaml).
pub fn no_text_kept(reviewer: &str) -> String {
    format!(
        "The text {reviewer} approved is not in the ledger (imported without it): nothing to compare with"
    )
}

/// The diff's first line.
pub fn diff_header(reviewer: &str, from: &str, to: &str) -> String {
    format!("Changes since {reviewer} approved {from}, now {to} ({{+inserted+}} [-deleted-]):")
}

/// A comment was added.
pub fn comment_added(id: &str) -> String {
    format!("Comment added (#{})", id.get(..8).unwrap_or(id))
}

/// No comment has that id.
pub fn no_comment(id: &str) -> String {
    format!("artikel: no comment #{id}")
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

// ---- artikel serve (the SSH service) ----

/// Said to a client whose command is not one of the lookup commands.
pub const SERVE_ONLY_LOOKUP: &str = "artikel serve: only these commands run here: faq, search, list, toc, show, \
     review status, notes. Connect without a command for the reader.";

/// Said to a client that asks for the reader without a terminal.
pub const SERVE_NEEDS_TERMINAL: &str = "artikel serve: the reader needs a terminal: connect with `ssh -t`, \
     or give a command (faq, search, list, toc, show, review status, notes).\r\n";

/// Said to every session when the server stops.
pub const SERVE_STOPPING: &str = "artikel serve is stopping; your draft is saved. Goodbye.";

/// Said to a session closed for being idle.
pub const SERVE_IDLE: &str = "Closed: no key for a while (the server's idle timeout); your draft is saved.";

/// Printed when the server starts.
pub fn serve_started(listen: &str, fingerprint: &str, made: bool, host_key: &str) -> String {
    let made = if made { " (made now)" } else { "" };
    format!("artikel serve: listening on {listen}\nhost key {host_key}{made}: {fingerprint}")
}

// --- The words of the key hints; the keys come from the key table (core) ---

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

// --- The loop and the store, as the reader says them (core) ---

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

// ---- The store (notes.yaml, draft.yaml, notes.lock): what went wrong, and where. ----

/// The system refused to let us read or write a file.
pub const PERMISSION_DENIED: &str = "permission denied";
/// A folder stands where a file should be.
pub const IS_A_FOLDER: &str = "it is a folder, not a file";
/// The disk is full.
pub const DISK_FULL: &str = "the disk is full";
/// Every name to move a broken file to is taken.
pub const NO_FREE_NAME: &str = "no free name to move it to";
/// The store as it would be written does not read back as the same store.
pub const NOT_READ_BACK: &str = "it would not read back as written";
/// Why a broken store read only to be imported was left where it is.
pub const NOT_MOVED_WHEN_PEEKING: &str = "it was only being read";
/// Another artikel holds the lock.
pub const LOCK_HELD: &str = "another artikel is saving";

/// The store was written by a newer artikel.
pub fn store_newer(file: &str, version: u32) -> String {
    format!("{file} is from a newer artikel (version {version}); notes are read-only here")
}

/// The store exists but cannot be read.
pub fn store_unreadable(file: &str, why: &str) -> String {
    format!("Cannot read {file}: {why}; notes are read-only here")
}

/// The draft exists but cannot be read.
pub fn draft_unreadable(file: &str, why: &str) -> String {
    format!("Cannot read the unsaved note in {file}: {why}; it is left as it is")
}

/// A draft that could not be read could not be moved aside either.
pub fn draft_not_moved(file: &str, why: &str, move_error: &str) -> String {
    format!("The unsaved note in {file} could not be read ({why}) nor moved aside ({move_error})")
}

/// A file stands where the data folder (or a folder above it) should be.
pub fn store_not_a_folder(file: &str) -> String {
    format!("The data folder cannot be used: {file} is a file, not a folder; notes are read-only here")
}

/// Another artikel holds the lock.
pub fn store_busy(file: &str) -> String {
    format!("Another artikel is still saving {file}; nothing was changed yet")
}

/// Writing failed.
pub fn store_write_failed(file: &str, why: &str) -> String {
    format!("Cannot save {file}: {why}; it is as it was")
}

/// Where in a file a parse error is.
pub fn store_at(line: u64, column: u64, why: &str) -> String {
    format!("line {line}, column {column}: {why}")
}

/// A file that could not be read was moved aside.
pub fn store_moved_aside(file: &str, why: &str, to: &str) -> String {
    format!("{file} could not be read ({why}); it was moved to {to} and a new one is started")
}

/// A file that could not be read could not be moved aside either.
pub fn store_not_moved(file: &str, why: &str, move_error: &str) -> String {
    format!("{file} could not be read ({why}) nor moved aside ({move_error}); notes are read-only here")
}

/// The store would grow past what it can read back.
pub fn store_too_large(
    file: &str,
    entries: usize,
    bytes: usize,
    max_entries: usize,
    max_bytes: usize,
) -> String {
    let mb = |b: usize| b.div_ceil(1 << 20);
    format!(
        "Not saved: {file} would hold {entries} entries ({} MB), past the limit of {max_entries} entries \
         and {} MB; delete some notes or bookmarks",
        mb(bytes),
        mb(max_bytes)
    )
}
// ---- Loading articles, and the command line's own complaints (hostile: #10.5, #10.7, #11) ----

/// Words the user typed, quoted back in a message: on one line, every control visible (a
/// pasted escape sequence or a right-to-left mark must not act on the terminal).
fn typed(words: &str) -> std::borrow::Cow<'_, str> {
    crate::sanitize::inline(words)
}

/// A warning: the file is not UTF-8.
pub fn warning_not_utf8(offset: usize) -> String {
    format!("not valid UTF-8 (first bad byte at offset {offset}); shown with replacement characters")
}
/// A warning: the file has no frontmatter.
pub const WARNING_NO_FRONTMATTER: &str = "has no frontmatter (metaTitle, lastUpdated, datePublished)";
/// A warning: the frontmatter is never closed.
pub const WARNING_FRONTMATTER_NOT_CLOSED: &str = "the frontmatter opened with `---` is never closed";
/// A warning: the frontmatter is not YAML (at `line`, `column` when known).
pub fn warning_not_yaml(place: Option<(usize, usize)>, reason: &str) -> String {
    match place {
        Some((line, column)) => {
            format!("frontmatter is not valid YAML: line {line} column {column}: {reason}")
        }
        None => format!("frontmatter is not valid YAML: {reason}"),
    }
}
/// A warning: a date key holds no date.
pub fn warning_not_a_date(key: &str, value: &str) -> String {
    format!("`{key}: {value}` is not a date (write DD/MM/YYYY)")
}
/// A warning: another file of the same folder tree has this file's slug.
pub fn warning_duplicate_slug(slug: &str, shown: &str) -> String {
    format!("has the same slug “{slug}” as {shown}, which is shown instead; rename one of them")
}
/// A warning: a `*.md` that is a FIFO, a device or a socket.
pub const WARNING_NOT_A_FILE: &str = "is not a regular file (a pipe, a device or a socket); skipped";
/// A warning: an article file over the size limit.
pub fn warning_too_large(bytes: u64, limit: u64) -> String {
    let mb = |b: u64| b.div_ceil(1024 * 1024);
    format!("is larger than {} MB ({} MB or more); skipped", mb(limit), mb(bytes))
}
/// A warning: the file could not be read.
pub fn warning_cannot_read(reason: &str) -> String {
    format!("cannot read: {reason}")
}
/// A warning: a folder entry could not be looked at.
pub fn warning_cannot_open(reason: &str) -> String {
    format!("cannot open: {reason}")
}
/// A warning: an `--articles` folder that is not a folder.
pub const WARNING_NOT_A_FOLDER: &str = "is not a folder";
/// A warning: a folder could not be opened.
pub fn warning_cannot_open_folder(reason: &str) -> String {
    format!("cannot open folder: {reason}")
}
/// A warning: a folder could not be listed.
pub fn warning_cannot_read_folder(reason: &str) -> String {
    format!("cannot read folder: {reason}")
}
/// A warning: a link leads back to a folder already read.
pub const WARNING_FOLDER_LOOP: &str = "folder loop: this folder was already read";

/// The command line: no data folder can be found.
pub const NO_DATA_DIR: &str = "artikel: no data folder for notes: set ARTIKEL_DATA_DIR or give --data-dir \
     (HOME is not set, so the usual folder is unknown)";
/// Where the data folder was named, for the messages about it.
fn named_by(from: crate::cli::DataDirFrom) -> &'static str {
    match from {
        crate::cli::DataDirFrom::Flag => "given with --data-dir",
        crate::cli::DataDirFrom::Env => "set by ARTIKEL_DATA_DIR",
        crate::cli::DataDirFrom::Platform => "the usual place for artikel's data",
    }
}
/// The command line: the data folder is a file.
pub fn data_dir_not_a_folder(path: &str, from: crate::cli::DataDirFrom) -> String {
    let path = typed(path);
    format!(
        "artikel: the data folder {path} ({}) is not a folder; name a folder, or move that file away",
        named_by(from)
    )
}
/// The command line: the data folder cannot be looked at.
pub fn data_dir_unusable(path: &str, from: crate::cli::DataDirFrom, reason: &str) -> String {
    let path = typed(path);
    format!("artikel: cannot use the data folder {path} ({}): {reason}", named_by(from))
}
/// `--width` is under the least.
pub fn width_too_small(min: usize) -> String {
    format!("a width under {min} columns cannot show a line of text; give {min} or more")
}
/// `--width` is not a number.
pub fn width_not_a_number(min: usize) -> String {
    format!("give a whole number of columns, {min} or more")
}

// ---- check: the house format and the house rules (content) ----

/// A frontmatter key the house format requires is missing.
pub fn check_missing_key(key: &str) -> String {
    format!("the frontmatter has no `{key}`")
}

/// The dates are the wrong way round.
pub const CHECK_DATE_ORDER: &str = "`lastUpdated` is before `datePublished`";

/// An article not updated for a while.
pub fn check_stale(months: u16, last: &str) -> String {
    format!("not updated for more than {months} months (last {last})")
}

/// An H2 heading that is not a question.
pub fn check_not_a_question(heading: &str) -> String {
    format!("“{heading}” is not phrased as a question (end it with `?`)")
}

/// A heading with nothing under it.
pub fn check_empty_section(heading: &str) -> String {
    format!("“{heading}” has nothing under it")
}

/// An FAQ question without an answer.
pub fn check_no_answer(heading: &str) -> String {
    format!("the FAQ question “{heading}” has no answer")
}

/// An article without an FAQ section.
pub const CHECK_NO_FAQ: &str = "there is no FAQ section (“Ofte stillede spørgsmål om …”)";

/// An FAQ section without questions.
pub const CHECK_FAQ_EMPTY: &str = "the FAQ section has no questions";

/// A question asked twice.
pub fn check_asked_twice(heading: &str, first_line: usize) -> String {
    format!("“{heading}” is asked twice (first on line {first_line})")
}

/// An internal link to no article.
pub fn check_link_no_article(target: &str) -> String {
    format!("the link to `{target}` names no article")
}

/// An internal link to no heading.
pub fn check_link_no_heading(target: &str) -> String {
    format!("the link to `{target}` names no heading")
}

/// A rule file that is not YAML of the right shape.
pub fn rules_not_yaml(problem: &str) -> String {
    format!("the house rules are not valid YAML of the expected shape: {problem}")
}

/// A rule file of a version this artikel does not know.
pub fn rules_version(version: u32) -> String {
    format!("the house rules are version {version}; this artikel reads version 1")
}

/// A rule id that is not lower-case letters, digits and `-`.
pub fn rules_bad_id(id: &str) -> String {
    format!("the rule id `{id}` must be lower-case letters, digits and `-`")
}

/// A rule id used twice, or one of check's own.
pub fn rules_id_taken(id: &str) -> String {
    format!("the rule id `{id}` is used twice or is one of check's own")
}

/// A substitution whose `find` does not begin and end with a letter or digit.
pub fn rules_find_not_words(id: &str) -> String {
    format!("substitution `{id}`: `find` must begin and end with a letter or digit (whole words)")
}

/// A substitution with nothing to use instead, or no reason.
pub fn rules_substitution_empty(id: &str) -> String {
    format!("substitution `{id}`: `use` and `reason` must be written, and `use` must differ from `find`")
}

/// A required-mention rule that asks for nothing.
pub fn rules_required_empty(id: &str) -> String {
    format!("required `{id}`: needs a `heading`, a `message` and words in `all_of` or `one_of` (none blank)")
}

/// A voice rule that cannot work.
pub fn rules_voice_invalid(id: &str) -> String {
    format!("voice `{id}`: needs words in `prefer` and `avoid`, and `mostly` above 0 and at most 1")
}

/// A length rule with a limit of nothing.
pub fn rules_length_invalid(id: &str) -> String {
    format!("length `{id}`: `section_words` and `faq_words` must be above 0")
}

/// An editor's data file (house rules, synonyms) that is not a regular file or is too large.
pub fn data_file_not_regular(max: u64) -> String {
    format!("is not a regular file of at most {max} bytes")
}

/// The finding for a rule file that cannot be used.
pub fn rules_unusable(problem: &str) -> String {
    format!("{problem} (the articles it governs are checked without house rules)")
}

/// A wrong word and the right one.
pub fn rule_substitution(found: &str, instead: &str, reason: &str) -> String {
    format!("“{found}” → “{instead}”: {reason}")
}

/// A word outside the house voice.
pub fn rule_voice(word: &str, message: &str) -> String {
    format!("“{word}”: {message}")
}

/// An answer longer than the house allows.
pub fn rule_length(heading: &str, words: usize, limit: usize) -> String {
    format!("the answer to “{heading}” is {words} words (the house keeps to {limit})")
}

/// A section that does not mention what it must.
pub fn rule_required(heading: &str, message: &str, missing: &[&str]) -> String {
    format!("“{heading}”: {message} (missing: {})", missing.join(", "))
}

/// How many findings of one rule were left out.
pub fn rule_more(n: usize) -> String {
    format!("… and {n} more like this")
}

// ── Lookup: synonyms, queries and answers (the `lookup` branch) ─────────────────────────

/// A synonym file that is not a mapping with `groups:`.
pub const SYNONYMS_NOT_A_MAP: &str = "the synonym file must be a mapping with a `groups:` list";
/// A `groups:` that is not a list.
pub const SYNONYMS_NOT_A_LIST: &str = "`groups:` must be a list of groups, such as `- [ryg, lænd]`";

/// A synonym file that is not YAML.
pub fn synonyms_not_yaml(error: &str) -> String {
    format!("the synonym file is not valid YAML: {}", error.replace('\n', " "))
}

/// A key the synonym file does not know.
pub fn synonyms_unknown_key(key: &str) -> String {
    format!("unknown key `{key}` (only `groups` is read)")
}

/// A group with fewer than two words.
pub fn synonyms_empty_group(n: usize) -> String {
    format!("group {n} needs at least two words to be synonyms")
}

/// A word in two groups.
pub fn synonyms_twice(word: &str, first: usize, second: usize) -> String {
    format!("“{word}” is in groups {first} and {second}: put it in one group")
}

/// A group too long to be read.
pub fn synonyms_group_too_long(n: usize, words: usize, max: usize) -> String {
    format!("group {n} has {words} words (at most {max} are read): it is left out")
}

/// A file with too many groups.
pub fn synonyms_too_many(groups: usize, max: usize) -> String {
    format!("the file has {groups} groups; only the first {max} are read")
}

// --- The terminal backend (render) ---

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
