//! The server's log: every line it says — the start, the host key's fingerprint, each
//! connection, login, refusal and disconnect — to stderr and (with `--log FILE`) appended to
//! a file, which `SIGHUP` reopens (after logrotate moved it away).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where log lines go.
pub struct Log {
    path: Option<PathBuf>,
    file: Mutex<Option<File>>,
}

/// Opens `path` for appending, made 0600 when new.
fn append(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

impl Log {
    /// Logs to stderr, and appends to `path` when given (created 0600).
    pub fn open(path: Option<&Path>) -> io::Result<Log> {
        let file = path.map(append).transpose()?;
        Ok(Log { path: path.map(Path::to_path_buf), file: Mutex::new(file) })
    }

    /// Opens the log file again, at its path: the one written so far may have been moved
    /// away. When it cannot be opened, the old one is kept and the reason returned.
    pub fn reopen(&self) -> Result<(), String> {
        let Some(path) = &self.path else { return Ok(()) };
        let file = append(path)
            .map_err(|e| format!("cannot reopen the log {}: {e}", clean(&path.display().to_string())))?;
        *self.file.lock().unwrap_or_else(|e| e.into_inner()) = Some(file);
        Ok(())
    }

    /// Writes one line, stamped with the time. Anything from a client in it must already
    /// have gone through `crate::sanitize` (see [`clean`]).
    pub fn line(&self, text: &str) {
        let stamp = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ");
        let mut line = String::with_capacity(text.len() + 24);
        // A text of several lines is several log lines, each stamped.
        for part in text.lines() {
            line.push_str(&format!("{stamp} {part}\n"));
        }
        let _ = io::stderr().lock().write_all(line.as_bytes());
        if let Some(file) = self.file.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            let _ = file.write_all(line.as_bytes());
        }
    }

    /// Writes `text` to the log file only (it has been said on stderr another way).
    pub fn to_file(&self, text: &str) {
        let stamp = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ");
        if let Some(file) = self.file.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            let _ = file.write_all(format!("{stamp} {}\n", visible(text)).as_bytes());
        }
    }
}

/// Text made safe for one log line: no control characters, no line breaks.
pub fn visible(text: &str) -> String {
    crate::sanitize::visible(text).replace(['\n', '\r'], " ")
}

/// Text from a client, made safe for one log line: no control characters, no line breaks,
/// at most 200 characters.
pub fn clean(text: &str) -> String {
    let visible = visible(text);
    match visible.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &visible[..cut]),
        None => visible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_cannot_forge_log_lines_or_send_escapes() {
        let dirty = "faq\n2026-01-01T00:00:00Z login anna\x1b[2J";
        let c = clean(dirty);
        assert!(!c.contains('\n') && !c.contains('\x1b'), "{c:?}");
        assert!(clean(&"x".repeat(500)).chars().count() <= 201);
    }

    #[test]
    fn the_file_is_opened_again_after_it_was_moved_away() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("serve.log");
        let log = Log::open(Some(&path)).expect("log");
        log.line("first\nsecond");
        std::fs::rename(&path, dir.path().join("serve.log.1")).expect("rotate");
        log.line("to the moved file");
        log.reopen().expect("reopened");
        log.line("to the new file");
        let old = std::fs::read_to_string(dir.path().join("serve.log.1")).expect("old");
        let new = std::fs::read_to_string(&path).expect("new");
        assert_eq!(old.lines().count(), 3, "{old}");
        assert!(old.lines().all(|l| l.ends_with('Z') || l.contains("Z ")), "each line stamped: {old}");
        assert!(new.contains("to the new file") && !new.contains("first"), "{new}");
    }
}
