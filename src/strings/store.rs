//! What the store of notes, bookmarks and drafts says went wrong, and where.

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
