//! A command over a channel (`ssh host faq knæ`): run on a pooled thread — at most
//! [`AT_ONCE`] at a time across the server, the rest waiting their turn — its output, exit
//! status and end sent back, and its warnings said in the log once per connection.

use super::asked::Asked;
use super::{Shared, exec};
use russh::ChannelId;
use russh::server::Handle;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

/// Commands running at once, across every connection (each takes a core while it runs).
pub const AT_ONCE: usize = 4;

/// What a command needs to run for a connection.
pub struct Request {
    /// The command line as the client sent it.
    pub line: Vec<u8>,
    /// What the client asked of the channel (its terminal, its language).
    pub asked: Asked,
    /// The log's prefix for this connection: `#id peer reviewer`.
    pub prefix: String,
    /// The reviewer's name.
    pub reviewer: String,
    /// The warnings this connection's commands have put in the log already.
    pub warned: Arc<Mutex<HashSet<String>>>,
}

/// Runs `request` on `channel`, in the background.
pub fn spawn(shared: Arc<Shared>, handle: Handle, channel: ChannelId, request: Request) {
    let Request { line, asked, prefix, reviewer, warned } = request;
    let shown = super::log::clean(&String::from_utf8_lossy(&line));
    let disk = shared.reviewer_disk(&reviewer);
    let ledger = shared.ledger.clone();
    tokio::spawn(async move {
        let Ok(_turn) = shared.commands.clone().acquire_owned().await else { return };
        let (library, index) = (shared.library.clone(), shared.index.clone());
        let lang = asked.lang();
        let ran = tokio::task::spawn_blocking(move || {
            // A pooled thread: it speaks this client's language (or the server's) each time.
            crate::strings::set_thread_lang(lang);
            exec::run(&line, &library, &index, &disk, &ledger)
        })
        .await;
        let ran = ran.unwrap_or_else(|_| exec::Ran { status: 1, ..exec::Ran::default() });
        let verb = if ran.status == exec::REFUSED { "refused command" } else { "command" };
        shared.log.line(&format!("{prefix} {verb} {shown} → {}", ran.status));
        // The client reads its warnings on its stderr; the log says each once.
        for warning in first_time(&warned, &ran.warnings) {
            shared.log.line(&format!("{prefix} {}", super::log::clean(&warning)));
        }
        // Through a pseudo-terminal, a line ends as a terminal's does.
        let crlf = |text: Vec<u8>| if asked.pty.is_some() { to_crlf(&text) } else { text };
        finish(&handle, channel, crlf(ran.out), crlf(ran.err), ran.status).await;
    });
}

/// Those of `warnings` not in `said` yet, which are now.
fn first_time(said: &Mutex<HashSet<String>>, warnings: &[String]) -> Vec<String> {
    let mut said = said.lock().unwrap_or_else(|e| e.into_inner());
    warnings.iter().filter(|w| said.insert((*w).clone())).cloned().collect()
}

/// Sends what a command printed, its exit status, and closes the channel.
pub async fn finish(handle: &Handle, channel: ChannelId, out: Vec<u8>, err: Vec<u8>, status: u32) {
    if !out.is_empty() {
        let _ = handle.data(channel, out).await;
    }
    if !err.is_empty() {
        let _ = handle.extended_data(channel, 1, err).await;
    }
    let _ = handle.exit_status_request(channel, status).await;
    let _ = handle.eof(channel).await;
    let _ = handle.close(channel).await;
}

/// `\n` as `\r\n`, as a terminal's line discipline would send it.
pub fn to_crlf(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 16);
    for &b in text {
        if b == b'\n' && out.last() != Some(&b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{first_time, to_crlf};
    use std::collections::HashSet;
    use std::sync::Mutex;

    #[test]
    fn a_connection_logs_each_warning_once() {
        let said = Mutex::new(HashSet::new());
        let warnings = ["warning: a.md: no front matter".to_string(), "warning: b.md: bad date".to_string()];
        assert_eq!(first_time(&said, &warnings), warnings.to_vec(), "the first command says them");
        assert!(first_time(&said, &warnings).is_empty(), "the next says nothing again");
        let more = ["warning: c.md: not UTF-8".to_string()];
        assert_eq!(first_time(&said, &more), more.to_vec(), "a new one is said");
    }

    #[test]
    fn lines_end_as_a_terminals_do() {
        assert_eq!(to_crlf(b"a\nb\r\nc\n"), b"a\r\nb\r\nc\r\n");
    }
}
