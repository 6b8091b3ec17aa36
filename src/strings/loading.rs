//! What loading articles and the command line say: the loader's warnings, the data folder, `--width`.

use super::{Lang, Phrase, lang};

/// Words the user typed, quoted back in a message: on one line, every control visible (a
/// pasted escape sequence or a right-to-left mark must not act on the terminal).
pub(crate) fn typed(words: &str) -> std::borrow::Cow<'_, str> {
    crate::sanitize::inline(words)
}

/// A warning: the file is not UTF-8.
pub fn warning_not_utf8(offset: usize) -> String {
    match lang() {
        Lang::En => {
            format!("not valid UTF-8 (first bad byte at offset {offset}); shown with replacement characters")
        }
        Lang::Da => {
            format!("ikke gyldig UTF-8 (første fejlbyte ved position {offset}); vises med erstatningstegn")
        }
    }
}
/// A warning: the file has no frontmatter.
pub const WARNING_NO_FRONTMATTER: Phrase = Phrase::new(
    "has no frontmatter (metaTitle, lastUpdated, datePublished)",
    "har ingen frontmatter (metaTitle, lastUpdated, datePublished)",
);
/// A warning: the frontmatter is never closed.
pub const WARNING_FRONTMATTER_NOT_CLOSED: Phrase = Phrase::new(
    "the frontmatter opened with `---` is never closed",
    "frontmatter, der åbnes med `---`, lukkes aldrig",
);
/// A warning: the frontmatter is not YAML (at `line`, `column` when known).
pub fn warning_not_yaml(place: Option<(usize, usize)>, reason: &str) -> String {
    match (lang(), place) {
        (Lang::En, Some((line, column))) => {
            format!("frontmatter is not valid YAML: line {line} column {column}: {reason}")
        }
        (Lang::En, None) => format!("frontmatter is not valid YAML: {reason}"),
        (Lang::Da, Some((line, column))) => {
            format!("frontmatter er ikke gyldig YAML: linje {line} kolonne {column}: {reason}")
        }
        (Lang::Da, None) => format!("frontmatter er ikke gyldig YAML: {reason}"),
    }
}
/// A warning: a date key holds no date.
pub fn warning_not_a_date(key: &str, value: &str) -> String {
    match lang() {
        Lang::En => format!("`{key}: {value}` is not a date (write DD/MM/YYYY)"),
        Lang::Da => format!("`{key}: {value}` er ikke en dato (skriv DD/MM/ÅÅÅÅ)"),
    }
}
/// A warning: another file of the same folder tree has this file's slug.
pub fn warning_duplicate_slug(slug: &str, shown: &str) -> String {
    match lang() {
        Lang::En => {
            format!("has the same slug “{slug}” as {shown}, which is shown instead; rename one of them")
        }
        Lang::Da => {
            format!("har samme slug “{slug}” som {shown}, der vises i stedet; omdøb en af dem")
        }
    }
}
/// A warning: a `*.md` that is a FIFO, a device or a socket.
pub const WARNING_NOT_A_FILE: Phrase = Phrase::new(
    "is not a regular file (a pipe, a device or a socket); skipped",
    "er ikke en almindelig fil (en pipe, en enhed eller en socket); springes over",
);
/// A warning: an article file over the size limit.
pub fn warning_too_large(bytes: u64, limit: u64) -> String {
    let mb = |b: u64| b.div_ceil(1024 * 1024);
    let (limit, bytes) = (mb(limit), mb(bytes));
    match lang() {
        Lang::En => format!("is larger than {limit} MB ({bytes} MB or more); skipped"),
        Lang::Da => format!("er større end {limit} MB ({bytes} MB eller mere); springes over"),
    }
}
/// A warning: the file could not be read.
pub fn warning_cannot_read(reason: &str) -> String {
    match lang() {
        Lang::En => format!("cannot read: {reason}"),
        Lang::Da => format!("kan ikke læses: {reason}"),
    }
}
/// A warning: a folder entry could not be looked at.
pub fn warning_cannot_open(reason: &str) -> String {
    match lang() {
        Lang::En => format!("cannot open: {reason}"),
        Lang::Da => format!("kan ikke åbnes: {reason}"),
    }
}
/// A warning: an `--articles` folder that is not a folder.
pub const WARNING_NOT_A_FOLDER: Phrase = Phrase::new("is not a folder", "er ikke en mappe");
/// A warning: a folder could not be opened.
pub fn warning_cannot_open_folder(reason: &str) -> String {
    match lang() {
        Lang::En => format!("cannot open folder: {reason}"),
        Lang::Da => format!("mappen kan ikke åbnes: {reason}"),
    }
}
/// A warning: a folder could not be listed.
pub fn warning_cannot_read_folder(reason: &str) -> String {
    match lang() {
        Lang::En => format!("cannot read folder: {reason}"),
        Lang::Da => format!("mappen kan ikke læses: {reason}"),
    }
}
/// A warning: a link leads back to a folder already read.
pub const WARNING_FOLDER_LOOP: Phrase =
    Phrase::new("folder loop: this folder was already read", "mappe-løkke: denne mappe er allerede læst");

/// The command line: no data folder can be found.
pub const NO_DATA_DIR: Phrase = Phrase::new(
    "artikel: no data folder for notes: set ARTIKEL_DATA_DIR or give --data-dir \
     (HOME is not set, so the usual folder is unknown)",
    "artikel: ingen datamappe til noter: sæt ARTIKEL_DATA_DIR eller angiv --data-dir \
     (HOME er ikke sat, så den sædvanlige mappe kendes ikke)",
);
/// Where the data folder was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataDirFrom {
    /// `--data-dir`.
    Flag,
    /// `ARTIKEL_DATA_DIR`.
    Env,
    /// The platform's data folder.
    Platform,
}

/// Where the data folder was named, for the messages about it.
fn named_by(from: DataDirFrom) -> &'static str {
    match from {
        DataDirFrom::Flag => super::pick("given with --data-dir", "angivet med --data-dir"),
        DataDirFrom::Env => super::pick("set by ARTIKEL_DATA_DIR", "sat med ARTIKEL_DATA_DIR"),
        DataDirFrom::Platform => {
            super::pick("the usual place for artikel's data", "det sædvanlige sted til artikels data")
        }
    }
}
/// The command line: the data folder is a file.
pub fn data_dir_not_a_folder(path: &str, from: DataDirFrom) -> String {
    let path = typed(path);
    let from = named_by(from);
    match lang() {
        Lang::En => format!(
            "artikel: the data folder {path} ({from}) is not a folder; name a folder, or move that file away"
        ),
        Lang::Da => format!(
            "artikel: datamappen {path} ({from}) er ikke en mappe; angiv en mappe, eller flyt filen væk"
        ),
    }
}
/// The command line: the data folder cannot be looked at.
pub fn data_dir_unusable(path: &str, from: DataDirFrom, reason: &str) -> String {
    let path = typed(path);
    let from = named_by(from);
    match lang() {
        Lang::En => format!("artikel: cannot use the data folder {path} ({from}): {reason}"),
        Lang::Da => format!("artikel: datamappen {path} ({from}) kan ikke bruges: {reason}"),
    }
}
/// `--width` is under the least.
pub fn width_too_small(min: usize) -> String {
    match lang() {
        Lang::En => format!("a width under {min} columns cannot show a line of text; give {min} or more"),
        Lang::Da => {
            format!("en bredde under {min} kolonner kan ikke vise en tekstlinje; angiv {min} eller mere")
        }
    }
}
/// `--width` is not a number.
pub fn width_not_a_number(min: usize) -> String {
    match lang() {
        Lang::En => format!("give a whole number of columns, {min} or more"),
        Lang::Da => format!("angiv et helt antal kolonner, {min} eller flere"),
    }
}
