//! What loading articles and the command line say: the loader's warnings, the data folder, `--width`.

/// Words the user typed, quoted back in a message: on one line, every control visible (a
/// pasted escape sequence or a right-to-left mark must not act on the terminal).
pub(crate) fn typed(words: &str) -> std::borrow::Cow<'_, str> {
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
