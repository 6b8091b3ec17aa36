//! What `update` asks of the world outside the reader's state, as values: the loop carries
//! them out (and tells the app how they went), so `update` itself never does I/O.

use crate::store::{Change, Draft};
use std::sync::Arc;

/// One thing for the loop to do outside the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write these store changes (all that are queued, oldest first) and hand the outcome
    /// to [`App::store_written`](super::App::store_written).
    WriteStore(Vec<Change>),
    /// Make these ledger writes (all that are queued, oldest first) and hand the outcome to
    /// [`App::ledger_written`](super::App::ledger_written).
    WriteLedger(Vec<crate::ledger::Write>),
    /// Read what the ledger says of this article and hand it to
    /// [`App::adopt_view`](super::App::adopt_view).
    ReadLedger(String),
    /// Read each article's standing again (a decision or lift of this reader's was saved) and
    /// hand it to [`App::adopt_heads`](super::App::adopt_heads).
    ReadHeads,
    /// Keep the note being written in the draft file, in case the session ends.
    SaveDraft(Draft),
    /// The note in the draft file was saved or given up: remove the file.
    ClearDraft,
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Give the terminal back and stop (Ctrl-z); draw everything again when continued.
    Suspend,
    /// Build the search index of these articles (title, body) on another thread and hand it
    /// to [`App::adopt_index`](super::App::adopt_index).
    BuildIndex(Vec<(String, Arc<str>)>),
    /// Parse the whole of the open article (this generation of it, this text) on another
    /// thread and hand it to [`App::adopt`](super::App::adopt).
    Parse(u64, Arc<str>),
    /// Capture the mouse, or leave it to the terminal.
    SetMouse(bool),
    /// Watch these article folders and hand the library, loaded anew after each change, to
    /// [`App::reload`](super::App::reload).
    Watch(crate::watch::Spec),
    /// Remember that the first-run hint was dismissed (in the data folder).
    DismissHint,
    /// End the reader.
    Quit,
}

/// What one action did: whether the screen must be drawn again, and what the loop must do.
#[derive(Debug, Default)]
pub struct Update {
    /// Something visible changed.
    pub redraw: bool,
    /// The effects, in the order they were asked for.
    pub effects: Vec<Effect>,
}

impl Update {
    /// Whether the reader should end.
    pub fn quits(&self) -> bool {
        self.effects.contains(&Effect::Quit)
    }
}

/// Why the store could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveErrorKind {
    /// It must not be written (read-only: a newer artikel's file, or one that cannot be read).
    Refused,
    /// Another artikel holds the lock: try again soon.
    Busy,
    /// Writing failed (a full disk, no permission, …).
    Failed,
}

/// A store write that did not happen, and why, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    /// What kind of failure.
    pub kind: SaveErrorKind,
    /// What the store said.
    pub message: String,
}

impl SaveError {
    /// A failure of `kind`, saying `message`.
    pub fn new(kind: SaveErrorKind, message: impl Into<String>) -> SaveError {
        SaveError { kind, message: message.into() }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SaveError {}
