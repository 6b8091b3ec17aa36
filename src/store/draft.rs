//! The note being written, saved aside every few seconds and when the reader is stopped,
//! so a dropped connection loses nothing: the next start offers it back.

use super::Anchor;
use super::error::{Problem, StoreError};
use super::files::{make_dir, move_aside, problem, write_atomic_using};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A note's draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The section it is for.
    #[serde(flatten)]
    pub anchor: Anchor,
    /// The note it edits, if it is not a new one.
    pub note: Option<String>,
    /// What was typed.
    pub text: String,
}

impl Draft {
    /// The draft's file in the data folder `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join("draft.yaml")
    }

    /// Saves the draft in `dir`, atomically and privately; says why when it cannot.
    pub fn save(&self, dir: &Path) -> Result<(), StoreError> {
        let path = Draft::path(dir);
        let fail = |e: io::Error| StoreError::draft(problem(e, dir, Problem::Write), path.clone());
        make_dir(dir).map_err(|p| StoreError::draft(p, path.clone()))?;
        let text = serde_saphyr::to_string(self).map_err(|e| fail(io::Error::other(e.to_string())))?;
        write_atomic_using(&path, |f| f.write_all(text.as_bytes())).map_err(fail)
    }

    /// The draft left in `dir`, if any. One that cannot be parsed is moved aside
    /// (`draft.yaml.corrupt-<time>`) and said, so it is not lost by the next save.
    pub fn find(dir: &Path) -> Result<Option<Draft>, StoreError> {
        let path = Draft::path(dir);
        let text = match super::files::read_data(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::draft(problem(e, dir, Problem::Unreadable), path)),
        };
        match super::disk::parse::<Draft>(&text) {
            Ok(draft) => Ok(Some(draft)),
            Err((why, at)) => {
                let moved = move_aside(&path);
                Err(StoreError::draft(Problem::Corrupt { why, at, moved }, path))
            }
        }
    }

    /// Removes the draft from `dir` (it was saved as a note, or given up). A draft that is
    /// not there is fine.
    pub fn clear(dir: &Path) -> Result<(), StoreError> {
        let path = Draft::path(dir);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::draft(problem(e, dir, Problem::Write), path)),
        }
    }
}
