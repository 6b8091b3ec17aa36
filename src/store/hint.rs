//! Whether the first-run hint was dismissed: a small file of its own beside the notes
//! (`hint.yaml`), so it never touches them. Reading it never fails (no file, or one that
//! cannot be read, means the hint shows); writing it is atomic and private.

use super::files::{make_dir, read_data, write_atomic_using};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What the file keeps.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Hint {
    #[serde(default)]
    dismissed: bool,
}

/// The file in the data folder `dir`.
pub fn hint_path(dir: &Path) -> PathBuf {
    dir.join("hint.yaml")
}

/// Whether the user dismissed the first-run hint in data folder `dir`.
pub fn hint_dismissed(dir: &Path) -> bool {
    read_data(&hint_path(dir))
        .ok()
        .and_then(|bytes| super::disk::parse::<Hint>(&bytes).ok())
        .is_some_and(|h| h.dismissed)
}

/// Remembers in data folder `dir` that the first-run hint was dismissed.
pub fn dismiss_hint(dir: &Path) -> io::Result<()> {
    let path = hint_path(dir);
    make_dir(dir).map_err(|p| io::Error::other(super::StoreError::new(p, path.clone()).to_string()))?;
    let text =
        serde_saphyr::to_string(&Hint { dismissed: true }).map_err(|e| io::Error::other(e.to_string()))?;
    write_atomic_using(&path, |f| f.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_shows_until_dismissed_and_a_broken_file_shows_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        assert!(!hint_dismissed(&data), "no folder yet: a first run");
        dismiss_hint(&data).expect("written");
        assert!(hint_dismissed(&data));
        std::fs::write(hint_path(&data), "dismissed: [").expect("write");
        assert!(!hint_dismissed(&data), "a file that cannot be read shows the hint again");
    }
}
