//! What the review ledger and its commands say (`src/ledger`, `artikel review`, `artikel notes`).

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
