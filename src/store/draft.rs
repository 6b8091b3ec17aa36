//! The note being written, saved aside every few seconds and when the reader is stopped,
//! so a dropped connection loses nothing: the next start offers it back.

use super::Anchor;
use super::disk::write_atomic_using;
use serde::{Deserialize, Serialize};
use std::io::Write;
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
    fn path(dir: &Path) -> PathBuf {
        dir.join("draft.yaml")
    }

    /// Saves the draft in `dir`, atomically.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let text = serde_saphyr::to_string(self).map_err(|e| std::io::Error::other(e.to_string()))?;
        write_atomic_using(&Draft::path(dir), |f| f.write_all(text.as_bytes()))
    }

    /// The draft left in `dir`, if any.
    pub fn find(dir: &Path) -> Option<Draft> {
        let text = std::fs::read_to_string(Draft::path(dir)).ok()?;
        serde_saphyr::from_str(&text).ok()
    }

    /// Removes the draft from `dir` (it was saved as a note, or given up).
    pub fn clear(dir: &Path) {
        let _ = std::fs::remove_file(Draft::path(dir));
    }
}
