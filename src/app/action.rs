//! Everything the user can ask the reader to do; keys and the mouse are turned into these.

use crossterm::event::KeyEvent;

/// One thing the user asked for. A reading action's name in a settings file is its serde
/// name (`next_question`): a contract with users' files, pinned by a test, never `Debug`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// One line down (or the next entry of a focused list).
    Down,
    /// One line up (or the previous entry).
    Up,
    /// One screen down.
    PageDown,
    /// One screen up.
    PageUp,
    /// Half a screen down.
    HalfDown,
    /// Half a screen up.
    HalfUp,
    /// To the start.
    Top,
    /// To the end.
    Bottom,
    /// Focus the next pane: Library → Contents → Reader.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Open the selected article, or jump to the selected heading.
    Activate,
    /// Jump to the next question (FAQ questions included).
    NextQuestion,
    /// Jump to the previous question.
    PrevQuestion,
    /// Jump to the next FAQ answer.
    NextAnswer,
    /// Jump to the previous FAQ answer.
    PrevAnswer,
    /// Jump to the FAQ section.
    Faq,
    /// Open the question palette: every question of the library, filtered as you type.
    Palette,
    /// Find in the open article, as you type.
    Find,
    /// The next find hit (wrapping).
    FindNext,
    /// The previous find hit (wrapping).
    FindPrev,
    /// Search the whole library.
    LibrarySearch,
    /// Back to where the last jump came from.
    Back,
    /// Copy the section under the top line to the terminal's clipboard.
    Copy,
    /// Turn mouse capture off (so the terminal can select text) or on again.
    ToggleMouse,
    /// Suspend the reader (Ctrl-z); `fg` brings it back.
    Suspend,
    /// Write a note on the section at the top (or edit its note).
    Note,
    /// List the notes on the open article.
    Notes,
    /// Bookmark the section at the top, or remove its bookmark.
    Bookmark,
    /// List the bookmarks of the library.
    Bookmarks,
    /// Record a decision on the open article: approved or changes requested.
    Review,
    /// Show what changed since the article was approved.
    Diff,
    /// In the comments list: resolve the selected comment, or open it again.
    Resolve,
    /// In the comments list: show resolved comments too, or only open ones.
    ShowResolved,
    /// In the comments list: read the selected comment whole, with its replies.
    ReadComment,
    /// In the notes list: edit the selected note.
    Edit,
    /// In the notes list: delete the selected note (asks first).
    Delete,
    /// Save the note being written.
    Save,
    /// A key typed into the open prompt.
    #[serde(skip)]
    Type(KeyEvent),
    /// Show or hide the contents (a pane on wide screens, an overlay on narrow ones).
    ToggleContents,
    /// Show or hide the key help.
    Help,
    /// Show or hide the list of problems met while loading articles.
    Warnings,
    /// Close the open overlay, or clear the message.
    Close,
    /// Quit (in an overlay: close it).
    Quit,
    /// Quit at once, from anywhere.
    Exit,
    /// Go to the Library: its pane, or on screens too narrow for it, a window over the text.
    Library,
    /// Hide the first-run hint for good.
    DismissHint,
    /// The terminal now has this many columns and rows.
    #[serde(skip)]
    Resize(u16, u16),
    /// The mouse wheel turned over this cell; `down` is the direction.
    #[serde(skip)]
    Wheel {
        /// Column.
        col: u16,
        /// Row.
        row: u16,
        /// Towards the end of the text.
        down: bool,
    },
    /// List the links of the section at the top (or of the article); Enter follows one.
    Links,
    /// The left button was pressed on this cell.
    #[serde(skip)]
    Click {
        /// Column.
        col: u16,
        /// Row.
        row: u16,
    },
}
