//! Reading a file that could be anything: only a regular file is read, it is opened without
//! blocking, and never more than a limit of it. Articles and every file of the data folder
//! are read this way.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The system refused or failed (a missing file is [`io::ErrorKind::NotFound`]).
    Io(io::Error),
    /// Not a regular file: a FIFO, a device, a socket or a folder.
    NotAFile,
    /// Larger than the limit.
    TooLarge {
        /// Its size as found (at least the limit plus one).
        bytes: u64,
    },
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// The bytes of the regular file at `path`, at most `max` of them. Opening never blocks (a
/// FIFO is refused, not waited on), and a device that never ends (`/dev/zero`) is refused
/// before a byte is read. A link is followed to what it points at.
pub fn read(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let (mut file, meta) = open(path)?;
    if meta.len() > max {
        return Err(ReadError::TooLarge { bytes: meta.len() });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte more than the limit tells a file that grew since it was measured.
    (&mut file).take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge { bytes: bytes.len() as u64 });
    }
    Ok(bytes)
}

/// [`read`] as text (invalid UTF-8 an error), with what went wrong as an [`io::Error`] (a
/// missing file is still [`io::ErrorKind::NotFound`]): for callers that say an I/O error.
pub fn read_text(path: &Path, max: u64) -> io::Result<String> {
    let bytes = read(path, max).map_err(|e| match e {
        ReadError::Io(e) => e,
        ReadError::NotAFile => io::Error::other(crate::strings::NOT_A_REGULAR_FILE.to_string()),
        ReadError::TooLarge { bytes } => io::Error::other(format!("{bytes} bytes, more than {max}")),
    })?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// The first `n` bytes of the regular file at `path` (fewer if it is shorter), and what the
/// file is, as found through the file opened (so it is the file those bytes came from).
pub fn start(path: &Path, n: u64) -> Result<(Vec<u8>, Metadata), ReadError> {
    let (file, meta) = open(path)?;
    let mut bytes = Vec::new();
    file.take(n).read_to_end(&mut bytes)?;
    Ok((bytes, meta))
}

/// Opens `path` for reading without waiting on it; only a regular file (a folder is the
/// system's [`io::ErrorKind::IsADirectory`], as reading one would be).
fn open(path: &Path) -> Result<(File, Metadata), ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(ReadError::Io(io::ErrorKind::IsADirectory.into()));
    }
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    Ok((file, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_a_device_and_a_folder_are_refused_at_once_and_a_file_is_read_up_to_its_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
        // No writer ever opens the FIFO: a blocking open would never return.
        assert!(matches!(read(&fifo, 10), Err(ReadError::NotAFile)));
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        assert!(matches!(read(&zero, 10), Err(ReadError::NotAFile)));
        let folder = read(dir.path(), 10);
        assert!(matches!(folder, Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::IsADirectory));
        let file = dir.path().join("file");
        std::fs::write(&file, b"0123456789").expect("write");
        assert_eq!(read(&file, 10).expect("read"), b"0123456789");
        assert!(matches!(read(&file, 9), Err(ReadError::TooLarge { bytes: 10 })));
        assert_eq!(start(&file, 4).expect("read").0, b"0123");
        let missing = read(&dir.path().join("none"), 10);
        assert!(matches!(missing, Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound));
    }
}
