//! The store's file: reading it (moving a broken one aside), locking, and atomic writes.

use super::{Change, Store, VERSION};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The store's folder on disk.
#[derive(Debug, Clone)]
pub struct Disk {
    dir: PathBuf,
}

/// A store as read, with what the user should be told about it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The data (empty when there was none, or it could not be read).
    pub store: Store,
    /// Set when the file was written by a newer version: it must not be written.
    pub read_only: bool,
    /// Something to tell the user (a file moved aside, a newer version).
    pub message: Option<String>,
}

/// Why a change could not be saved.
#[derive(Debug)]
pub enum StoreError {
    /// The file was written by a newer version of artikel; it is left as it is.
    Newer(u32),
    /// The disk said no.
    Io(io::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Newer(v) => {
                write!(f, "the notes file is from a newer artikel (version {v}); it is read-only here")
            }
            StoreError::Io(e) => write!(f, "cannot save notes: {e}"),
        }
    }
}

impl From<io::Error> for StoreError {
    fn from(e: io::Error) -> StoreError {
        StoreError::Io(e)
    }
}

impl Disk {
    /// The store in folder `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Disk {
        Disk { dir: dir.into() }
    }

    /// The store's file.
    pub fn path(&self) -> PathBuf {
        self.dir.join("notes.yaml")
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads the store. A missing file is an empty store; a broken one is moved aside
    /// (`notes.yaml.corrupt-<time>`) and the store starts empty; a newer one is read-only.
    pub fn load(&self) -> Loaded {
        let path = self.path();
        let text = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::default(),
            Err(e) => {
                return Loaded {
                    read_only: true,
                    message: Some(format!("cannot read {}: {e}; notes are read-only", path.display())),
                    ..Loaded::default()
                };
            }
        };
        match parse(&text) {
            Ok(store) if store.version > VERSION => {
                Loaded { read_only: true, message: Some(StoreError::Newer(store.version).to_string()), store }
            }
            Ok(store) => Loaded { store, ..Loaded::default() },
            Err(why) => {
                let message = match self.move_aside() {
                    Ok(aside) => format!(
                        "{} could not be read ({why}); it was moved to {} and notes start empty",
                        path.display(),
                        aside.display()
                    ),
                    Err(e) => format!(
                        "{} could not be read ({why}) nor moved aside ({e}); notes are read-only",
                        path.display()
                    ),
                };
                let read_only = !message.contains("moved to");
                Loaded { store: Store::default(), read_only, message: Some(message) }
            }
        }
    }

    fn move_aside(&self) -> io::Result<PathBuf> {
        let stamp = jiff::Timestamp::now().as_second();
        let aside = self.dir.join(format!("notes.yaml.corrupt-{stamp}"));
        fs::rename(self.path(), &aside)?;
        Ok(aside)
    }

    /// Applies `changes` to the latest store on disk, under the lock, and writes it back
    /// atomically. Returns the store as written.
    pub fn update(&self, changes: &[Change]) -> Result<Store, StoreError> {
        fs::create_dir_all(&self.dir)?;
        let lock =
            File::options().create(true).truncate(false).write(true).open(self.dir.join("notes.lock"))?;
        lock.lock()?;
        let loaded = self.load();
        if loaded.read_only {
            return Err(StoreError::Newer(loaded.store.version));
        }
        let mut store = loaded.store;
        changes.iter().for_each(|c| store.apply(c));
        let text = serde_saphyr::to_string(&store).map_err(|e| io::Error::other(e.to_string()))?;
        write_atomic_using(&self.path(), |f| f.write_all(text.as_bytes()))?;
        Ok(store)
    }
}

fn parse(bytes: &[u8]) -> Result<Store, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    let store: Store = serde_saphyr::from_str(text).map_err(|e| {
        e.to_string().lines().next().unwrap_or("").trim_start_matches("error:").trim().to_string()
    })?;
    Ok(store)
}

/// Writes `path` atomically: `write` fills a temporary file beside it, which is synced,
/// renamed over `path`, and the folder synced. If anything fails, `path` is as it was.
pub fn write_atomic_using(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = File::create(&tmp)?;
        write(&mut file)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
