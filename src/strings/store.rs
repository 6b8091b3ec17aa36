//! What the store of notes, bookmarks and drafts says went wrong, and where.

use super::{Lang, Phrase, lang};

/// The system refused to let us read or write a file.
pub const PERMISSION_DENIED: Phrase = Phrase::new("permission denied", "adgang nægtet");
/// A folder stands where a file should be.
pub const IS_A_FOLDER: Phrase = Phrase::new("it is a folder, not a file", "det er en mappe, ikke en fil");
/// The disk is full.
pub const DISK_FULL: Phrase = Phrase::new("the disk is full", "disken er fuld");
/// A file of the data folder that is a FIFO, a device or a socket: never read, never waited on.
pub const NOT_A_REGULAR_FILE: Phrase = Phrase::new(
    "it is not a regular file (a pipe, a device or a socket)",
    "det er ikke en almindelig fil (en pipe, en enhed eller en socket)",
);

/// A file of the data folder larger than it may be: it is not read.
pub fn larger_than(limit: u64) -> String {
    let mb = limit.div_ceil(1 << 20);
    match lang() {
        Lang::En => format!("it is larger than {mb} MB"),
        Lang::Da => format!("den er større end {mb} MB"),
    }
}
/// A broken file was not moved aside: another file took its place meanwhile.
pub const FILE_CHANGED: Phrase =
    Phrase::new("another file took its place meanwhile", "en anden fil har taget dens plads i mellemtiden");
/// Every name to move a broken file to is taken.
pub const NO_FREE_NAME: Phrase =
    Phrase::new("no free name to move it to", "intet ledigt navn at flytte den til");
/// The store as it would be written does not read back as the same store.
pub const NOT_READ_BACK: Phrase = Phrase::new(
    "it would not read back as written",
    "den ville ikke kunne læses tilbage, som den blev skrevet",
);
/// Why a broken store read only to be imported was left where it is.
pub const NOT_MOVED_WHEN_PEEKING: Phrase = Phrase::new("it was only being read", "den blev kun læst");
/// Another artikel holds the lock.
pub const LOCK_HELD: Phrase = Phrase::new("another artikel is saving", "en anden kørende artikel gemmer");

/// The store was written by a newer artikel.
pub fn store_newer(file: &str, version: u32) -> String {
    match lang() {
        Lang::En => format!("{file} is from a newer artikel (version {version}); notes are read-only here"),
        Lang::Da => format!("{file} er fra en nyere artikel (version {version}); noterne kan kun læses her"),
    }
}

/// The store exists but cannot be read.
pub fn store_unreadable(file: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("Cannot read {file}: {why}; notes are read-only here"),
        Lang::Da => format!("Kan ikke læse {file}: {why}; noterne kan kun læses her"),
    }
}

/// The draft exists but cannot be read.
pub fn draft_unreadable(file: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("Cannot read the unsaved note in {file}: {why}; it is left as it is"),
        Lang::Da => format!("Kan ikke læse den ikke-gemte note i {file}: {why}; den bliver liggende"),
    }
}

/// A draft that could not be read could not be moved aside either.
pub fn draft_not_moved(file: &str, why: &str, move_error: &str) -> String {
    match lang() {
        Lang::En => {
            format!("The unsaved note in {file} could not be read ({why}) nor moved aside ({move_error})")
        }
        Lang::Da => format!(
            "Den ikke-gemte note i {file} kunne hverken læses ({why}) eller flyttes til side ({move_error})"
        ),
    }
}

/// A file stands where the data folder (or a folder above it) should be.
pub fn store_not_a_folder(file: &str) -> String {
    match lang() {
        Lang::En => format!(
            "The data folder cannot be used: {file} is a file, not a folder; notes are read-only here"
        ),
        Lang::Da => {
            format!("Datamappen kan ikke bruges: {file} er en fil, ikke en mappe; noterne kan kun læses her")
        }
    }
}

/// Another artikel holds the lock.
pub fn store_busy(file: &str) -> String {
    match lang() {
        Lang::En => format!("Another artikel is still saving {file}; nothing was changed yet"),
        Lang::Da => format!("En anden kørende artikel gemmer stadig {file}; intet er ændret endnu"),
    }
}

/// Writing failed.
pub fn store_write_failed(file: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("Cannot save {file}: {why}; it is as it was"),
        Lang::Da => format!("Kan ikke gemme {file}: {why}; den er som før"),
    }
}

/// Where in a file a parse error is.
pub fn store_at(line: u64, column: u64, why: &str) -> String {
    match lang() {
        Lang::En => format!("line {line}, column {column}: {why}"),
        Lang::Da => format!("linje {line}, kolonne {column}: {why}"),
    }
}

/// A file that could not be read was moved aside.
pub fn store_moved_aside(file: &str, why: &str, to: &str) -> String {
    match lang() {
        Lang::En => {
            format!("{file} could not be read ({why}); it was moved to {to} and a new one is started")
        }
        Lang::Da => format!("{file} kunne ikke læses ({why}); den er flyttet til {to}, og en ny er startet"),
    }
}

/// A file that could not be read could not be moved aside either.
pub fn store_not_moved(file: &str, why: &str, move_error: &str) -> String {
    match lang() {
        Lang::En => format!(
            "{file} could not be read ({why}) nor moved aside ({move_error}); notes are read-only here"
        ),
        Lang::Da => format!(
            "{file} kunne hverken læses ({why}) eller flyttes til side ({move_error}); noterne kan kun læses her"
        ),
    }
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
    let (size, max_size) = (mb(bytes), mb(max_bytes));
    match lang() {
        Lang::En => format!(
            "Not saved: {file} would hold {entries} entries ({size} MB), past the limit of {max_entries} entries \
             and {max_size} MB; delete some notes or bookmarks"
        ),
        Lang::Da => format!(
            "Ikke gemt: {file} ville rumme {entries} poster ({size} MB), over grænsen på {max_entries} poster \
             og {max_size} MB; slet nogle noter eller bogmærker"
        ),
    }
}
