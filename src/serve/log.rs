//! The server's log: one line per connection, login, refusal and disconnect, to stderr and
//! (with `--log FILE`) appended to a file.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Mutex;

/// Where log lines go.
pub struct Log {
    file: Option<Mutex<File>>,
}

impl Log {
    /// Logs to stderr, and appends to `path` when given (created 0600).
    pub fn open(path: Option<&Path>) -> io::Result<Log> {
        let file = match path {
            Some(path) => {
                let mut options = OpenOptions::new();
                options.create(true).append(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                Some(Mutex::new(options.open(path)?))
            }
            None => None,
        };
        Ok(Log { file })
    }

    /// Writes one line, stamped with the time. Anything from a client in it must already
    /// have gone through `crate::sanitize` (see [`clean`]).
    pub fn line(&self, text: &str) {
        let line = format!("{} {text}\n", jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ"));
        let _ = io::stderr().lock().write_all(line.as_bytes());
        if let Some(file) = &self.file
            && let Ok(mut file) = file.lock()
        {
            let _ = file.write_all(line.as_bytes());
        }
    }
}

/// Text from a client, made safe for one log line: no control characters, no line breaks,
/// at most 200 characters.
pub fn clean(text: &str) -> String {
    let visible = crate::sanitize::visible(text).replace(['\n', '\r'], " ");
    match visible.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &visible[..cut]),
        None => visible,
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn a_client_cannot_forge_log_lines_or_send_escapes() {
        let dirty = "faq\n2026-01-01T00:00:00Z login anna\x1b[2J";
        let c = clean(dirty);
        assert!(!c.contains('\n') && !c.contains('\x1b'), "{c:?}");
        assert!(clean(&"x".repeat(500)).chars().count() <= 201);
    }
}
