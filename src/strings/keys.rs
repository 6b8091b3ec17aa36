//! What the key table says each key does, for the help overlay.

use super::Phrase;

/// Help: line down.
pub const HELP_DOWN: Phrase = Phrase::new("line down", "en linje ned");
/// Help: line up.
pub const HELP_UP: Phrase = Phrase::new("line up", "en linje op");
/// Help: page down.
pub const HELP_PAGE_DOWN: Phrase = Phrase::new("page down", "en side ned");
/// Help: page up.
pub const HELP_PAGE_UP: Phrase = Phrase::new("page up", "en side op");
/// Help: half page down.
pub const HELP_HALF_DOWN: Phrase = Phrase::new("half page down", "en halv side ned");
/// Help: half page up.
pub const HELP_HALF_UP: Phrase = Phrase::new("half page up", "en halv side op");
/// Help: go to the top.
pub const HELP_TOP: Phrase = Phrase::new("go to the top", "gå til toppen");
/// Help: go to the end.
pub const HELP_BOTTOM: Phrase = Phrase::new("go to the end", "gå til slutningen");
/// Help: next question.
pub const HELP_NEXT_QUESTION: Phrase = Phrase::new("next question", "næste spørgsmål");
/// Help: previous question.
pub const HELP_PREV_QUESTION: Phrase = Phrase::new("previous question", "forrige spørgsmål");
/// Help: next FAQ answer.
pub const HELP_NEXT_ANSWER: Phrase = Phrase::new("next FAQ answer", "næste FAQ-svar");
/// Help: previous FAQ answer.
pub const HELP_PREV_ANSWER: Phrase = Phrase::new("previous FAQ answer", "forrige FAQ-svar");
/// Help: jump to the FAQ section.
pub const HELP_FAQ: Phrase = Phrase::new("jump to the FAQ section", "spring til FAQ-afsnittet");
/// Help: question palette: every question, live.
pub const HELP_PALETTE: Phrase =
    Phrase::new("question palette: every question, live", "spørgsmål: alle spørgsmål, mens du skriver");
/// Help: find in this article.
pub const HELP_FIND: Phrase = Phrase::new("find in this article", "find i denne artikel");
/// Help: next find hit.
pub const HELP_FIND_NEXT: Phrase = Phrase::new("next find hit", "næste fund");
/// Help: previous find hit.
pub const HELP_FIND_PREV: Phrase = Phrase::new("previous find hit", "forrige fund");
/// Help: search the whole library.
pub const HELP_LIBRARY_SEARCH: Phrase = Phrase::new("search the whole library", "søg i hele biblioteket");
/// Help: back to where you were.
pub const HELP_BACK: Phrase = Phrase::new("back to where you were", "tilbage til, hvor du var");
/// Help: focus Library → Contents → Reader.
pub const HELP_FOCUS_NEXT: Phrase =
    Phrase::new("focus Library → Contents → Reader", "fokus Bibliotek → Indhold → Læser");
/// Help: focus the previous pane.
pub const HELP_FOCUS_PREV: Phrase = Phrase::new("focus the previous pane", "fokus på forrige rude");
/// Help: open the article / jump to the heading.
pub const HELP_ACTIVATE: Phrase =
    Phrase::new("open the article / jump to the heading", "åbn artiklen / spring til overskriften");
/// Help: write a note on this section (or edit its note).
pub const HELP_NOTE: Phrase =
    Phrase::new("comment on this section (the team sees it)", "kommentér dette afsnit (holdet kan se det)");
/// Help: the team's comments on this article.
pub const HELP_NOTES: Phrase =
    Phrase::new("the team's comments on this article", "holdets kommentarer til denne artikel");
/// Help: bookmark this section (again: remove it).
pub const HELP_BOOKMARK: Phrase = Phrase::new(
    "bookmark this section (again: remove it)",
    "sæt bogmærke ved dette afsnit (igen: fjern det)",
);
/// Help: the bookmarks of the library.
pub const HELP_BOOKMARKS: Phrase = Phrase::new("the bookmarks of the library", "bibliotekets bogmærker");
/// Help: review status: unreviewed → reviewed → needs changes.
pub const HELP_REVIEW: Phrase = Phrase::new(
    "review: approve, request changes, withdraw or override",
    "gennemgang: godkend, bed om rettelser, træk tilbage, tilsidesæt",
);
/// Help: in the comments list: edit your comment.
pub const HELP_EDIT: Phrase =
    Phrase::new("in the comments list: edit your comment", "i kommentarlisten: ret din kommentar");
/// Help: in the comments list: delete your comment.
pub const HELP_DELETE: Phrase =
    Phrase::new("in the comments list: delete your comment", "i kommentarlisten: slet din kommentar");
/// Help: what changed since the approval.
pub const HELP_DIFF: Phrase =
    Phrase::new("what changed since the approval", "hvad der er ændret siden godkendelsen");
/// Help: in the comments list: resolve or reopen.
pub const HELP_RESOLVE: Phrase =
    Phrase::new("in the comments list: resolve / reopen", "i kommentarlisten: løs / genåbn");
/// Help: in the comments list: show resolved ones too.
pub const HELP_SHOW_RESOLVED: Phrase =
    Phrase::new("in the comments list: show resolved too", "i kommentarlisten: vis også løste");
/// Help: read the selected comment whole.
pub const HELP_READ_COMMENT: Phrase =
    Phrase::new("in the comments list: read it all, replies too", "i kommentarlisten: læs den hele med svar");
/// Help: show or hide the contents.
pub const HELP_TOGGLE_CONTENTS: Phrase =
    Phrase::new("show or hide the contents", "vis eller skjul indholdet");
/// Help: copy this section to the clipboard (OSC 52).
pub const HELP_COPY: Phrase = Phrase::new(
    "copy this section to the clipboard (OSC 52)",
    "kopiér dette afsnit til udklipsholderen (OSC 52)",
);
/// Help: mouse off (select text) / on.
pub const HELP_TOGGLE_MOUSE: Phrase =
    Phrase::new("mouse off (select text) / on", "mus fra (markér tekst) / til");
/// Help: suspend; fg brings it back.
pub const HELP_SUSPEND: Phrase =
    Phrase::new("suspend; fg brings it back", "sæt på pause; fg henter den tilbage");
/// Help: problems found in article files.
pub const HELP_WARNINGS: Phrase =
    Phrase::new("problems and earlier messages", "problemer og tidligere beskeder");
/// Help: show or hide this help.
pub const HELP_HELP: Phrase = Phrase::new("show or hide this help", "vis eller skjul denne hjælp");
/// Help: close the overlay, clear find.
pub const HELP_CLOSE: Phrase = Phrase::new("close the overlay, clear find", "luk vinduet, fjern fundene");
/// Help: quit (in an overlay: close it).
pub const HELP_QUIT: Phrase = Phrase::new("quit (in an overlay: close it)", "afslut (i et vindue: luk det)");
/// Help: quit at once.
pub const HELP_EXIT: Phrase = Phrase::new("quit at once", "afslut med det samme");
/// Help: open the selected one / keep the find.
pub const HELP_PROMPT_ACTIVATE: Phrase =
    Phrase::new("open the selected one / keep the find", "åbn den valgte / behold fundene");
/// Help: close, back to where you were.
pub const HELP_PROMPT_CLOSE: Phrase =
    Phrase::new("close, back to where you were", "luk, tilbage til, hvor du var");
/// Help: next in the list.
pub const HELP_PROMPT_DOWN: Phrase = Phrase::new("next in the list", "næste i listen");
/// Help: previous in the list.
pub const HELP_PROMPT_UP: Phrase = Phrase::new("previous in the list", "forrige i listen");
/// Help: a page down the list.
pub const HELP_PROMPT_PAGE_DOWN: Phrase = Phrase::new("a page down the list", "en side ned i listen");
/// Help: a page up the list.
pub const HELP_PROMPT_PAGE_UP: Phrase = Phrase::new("a page up the list", "en side op i listen");
/// Help: save the note.
pub const HELP_SAVE: Phrase = Phrase::new("save the note", "gem noten");
/// Help: close (asks first if it changed).
pub const HELP_EDITOR_CLOSE: Phrase =
    Phrase::new("close (asks first if it changed)", "luk (spørger først, hvis den er ændret)");
/// Help: quit at once (the draft is kept).
pub const HELP_EDITOR_EXIT: Phrase =
    Phrase::new("quit at once (the draft is kept)", "afslut med det samme (kladden gemmes)");

/// Key table labels with a word a Danish keyboard user says otherwise (the space bar); other
/// key names stand as keyboards print them (Enter, Esc, Tab, PgDn).
const KEY_LABELS: &[Phrase] = &[Phrase::new("Space PgDn", "Mellemrum PgDn")];

/// A key table label as help shows it, in the language in force.
pub fn key_label(label: &'static str) -> &'static str {
    KEY_LABELS.iter().find(|p| p.en == label).map_or(label, Phrase::as_str)
}
/// Help: the Library, over the text on narrow screens.
pub const HELP_LIBRARY: Phrase = Phrase::new(
    "the Library (over the text on narrow screens)",
    "biblioteket (oven på teksten på smalle skærme)",
);
/// Help: hide the first-run hint for good.
pub const HELP_DISMISS_HINT: Phrase =
    Phrase::new("hide the hint under the text for good", "skjul tippet under teksten for altid");

/// Help: the keys that select text with the mouse while the reader has it.
pub const HELP_SHIFT_DRAG: Phrase = Phrase::new("Shift+drag", "Shift+træk");

/// Help: how to select text with the mouse, `key` being the one that turns the mouse off.
pub fn help_select_text(key: &str) -> String {
    match super::lang() {
        super::Lang::En => format!("selects text (or {key} turns the mouse off)"),
        super::Lang::Da => format!("markerer tekst (eller {key} slår musen fra)"),
    }
}
