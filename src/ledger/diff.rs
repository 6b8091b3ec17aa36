//! What changed between two versions of an article, section by section: changed paragraphs
//! compared word by word, inserted and deleted words marked so the result reads without
//! colour too (`{+inserted+}`, `[-deleted-]`).

use super::text::{FRONTMATTER, Section, plain, sections};
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

/// One run of words: kept, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// In both versions.
    Same(String),
    /// Only in the new version.
    Inserted(String),
    /// Only in the old version.
    Deleted(String),
}

/// How a section changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// New in this version.
    Added,
    /// Gone from this version.
    Removed,
    /// In both, with different text.
    Changed,
    /// In both, at another place among the sections (its changed paragraphs, if any, given).
    Moved,
}

/// A section that changed, its changed paragraphs as runs of words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDiff {
    /// The heading (empty for the introduction, `---` for the frontmatter).
    pub heading: String,
    /// How it changed.
    pub kind: Kind,
    /// The changed paragraphs, each as its runs.
    pub paragraphs: Vec<Vec<Piece>>,
}

/// The sections that changed from `old` to `new` (both normalised texts), in the new text's
/// order, removed sections where they stood.
pub fn diff(old: &str, new: &str) -> Vec<SectionDiff> {
    let (old, new) = (sections(old), sections(new));
    let key = |s: &Section| plain(&s.heading);
    let old_keys: Vec<String> = old.iter().map(key).collect();
    let new_keys: Vec<String> = new.iter().map(key).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                for k in 0..len {
                    let (a, b) = (&old[old_index + k], &new[new_index + k]);
                    // Blank lines at a section's end are no change a reader sees.
                    if a.text.trim_end() != b.text.trim_end() {
                        out.push(SectionDiff {
                            heading: b.heading.clone(),
                            kind: Kind::Changed,
                            paragraphs: paragraphs(&a.text, &b.text),
                        });
                    }
                }
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                out.extend(old[old_index..old_index + old_len].iter().map(|s| whole(s, Kind::Removed)));
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                out.extend(new[new_index..new_index + new_len].iter().map(|s| whole(s, Kind::Added)));
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                out.extend(old[old_index..old_index + old_len].iter().map(|s| whole(s, Kind::Removed)));
                out.extend(new[new_index..new_index + new_len].iter().map(|s| whole(s, Kind::Added)));
            }
        }
    }
    moved(out, &old, &new)
}

/// A section removed in one place and added in another under the same heading is one that
/// moved: said once, where it now stands, with what changed in it.
fn moved(diffs: Vec<SectionDiff>, old: &[Section], new: &[Section]) -> Vec<SectionDiff> {
    let key = |h: &str| plain(h);
    let removed: Vec<String> =
        diffs.iter().filter(|d| d.kind == Kind::Removed).map(|d| key(&d.heading)).collect();
    let added: Vec<String> =
        diffs.iter().filter(|d| d.kind == Kind::Added).map(|d| key(&d.heading)).collect();
    let both = |k: &String| {
        removed.iter().filter(|r| *r == k).count() == 1 && added.iter().filter(|a| *a == k).count() == 1
    };
    diffs
        .into_iter()
        .filter_map(|d| {
            let k = key(&d.heading);
            match d.kind {
                Kind::Removed if both(&k) => None,
                Kind::Added if both(&k) => {
                    let a = old.iter().find(|s| key(&s.heading) == k)?;
                    let b = new.iter().find(|s| key(&s.heading) == k)?;
                    Some(SectionDiff {
                        heading: d.heading,
                        kind: Kind::Moved,
                        paragraphs: paragraphs(&a.text, &b.text),
                    })
                }
                _ => Some(d),
            }
        })
        .collect()
}

fn whole(section: &Section, kind: Kind) -> SectionDiff {
    let piece = |p: &str| match kind {
        Kind::Removed => Piece::Deleted(p.to_string()),
        _ => Piece::Inserted(p.to_string()),
    };
    let paragraphs = split(&section.text).into_iter().map(|p| vec![piece(p)]).collect();
    SectionDiff { heading: section.heading.clone(), kind, paragraphs }
}

/// A section's paragraphs: its text cut at blank lines, each trimmed.
fn split(text: &str) -> Vec<&str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
}

/// The changed paragraphs of a section, word by word.
fn paragraphs(old: &str, new: &str) -> Vec<Vec<Piece>> {
    let (a, b) = (split(old), split(new));
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete { old_index, old_len, .. } => {
                out.extend(
                    a[old_index..old_index + old_len].iter().map(|p| vec![Piece::Deleted(p.to_string())]),
                );
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                out.extend(
                    b[new_index..new_index + new_len].iter().map(|p| vec![Piece::Inserted(p.to_string())]),
                );
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let before = a[old_index..old_index + old_len].join("\n\n");
                let after = b[new_index..new_index + new_len].join("\n\n");
                out.push(words(&before, &after));
            }
        }
    }
    out
}

/// Two paragraphs compared word by word, runs of the same kind joined.
fn words(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::from_words(old, new);
    let mut out: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Piece::Same(s)))
            | (ChangeTag::Insert, Some(Piece::Inserted(s)))
            | (ChangeTag::Delete, Some(Piece::Deleted(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => out.push(Piece::Same(text.to_string())),
            (ChangeTag::Insert, _) => out.push(Piece::Inserted(text.to_string())),
            (ChangeTag::Delete, _) => out.push(Piece::Deleted(text.to_string())),
        }
    }
    out
}

/// A run as plain text: inserted words as `{+…+}`, deleted as `[-…-]` (whitespace at the
/// run's edges kept outside the marks).
pub fn marked(piece: &Piece) -> String {
    let wrap = |s: &str, open: &str, close: &str| {
        let lead = &s[..s.len() - s.trim_start().len()];
        let trail = &s[s.trim_end().len()..];
        if s.trim().is_empty() { s.to_string() } else { format!("{lead}{open}{}{close}{trail}", s.trim()) }
    };
    match piece {
        Piece::Same(s) => s.clone(),
        Piece::Inserted(s) => wrap(s, "{+", "+}"),
        Piece::Deleted(s) => wrap(s, "[-", "-]"),
    }
}

/// The whole diff as plain text: a line per changed section (`## heading (changed)`), then
/// each changed paragraph with its marks.
pub fn render(diffs: &[SectionDiff]) -> String {
    let mut out = String::new();
    for d in diffs {
        out.push_str(&section_title(d));
        out.push_str("\n\n");
        for p in &d.paragraphs {
            out.push_str(&p.iter().map(marked).collect::<String>());
            out.push_str("\n\n");
        }
    }
    out
}

/// `## heading (changed)`, `## Introduction (added)`, `## Frontmatter (removed)`.
pub fn section_title(d: &SectionDiff) -> String {
    let name = match d.heading.as_str() {
        "" => crate::strings::INTRO.as_str(),
        FRONTMATTER => crate::strings::FRONTMATTER.as_str(),
        h => h,
    };
    let kind = match d.kind {
        Kind::Added => crate::strings::DIFF_ADDED,
        Kind::Removed => crate::strings::DIFF_REMOVED,
        Kind::Changed => crate::strings::DIFF_CHANGED,
        Kind::Moved => crate::strings::DIFF_MOVED,
    };
    format!("## {name} ({kind})")
}
