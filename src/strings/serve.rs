//! What `artikel serve` says to its clients and in its log.

/// Said to a client whose command is not one of the lookup commands.
pub const SERVE_ONLY_LOOKUP: &str = "artikel serve: only these commands run here: faq, search, list, toc, show, \
     review status, notes. Connect without a command for the reader.";

/// Said to a client that asks for the reader without a terminal.
pub const SERVE_NEEDS_TERMINAL: &str = "artikel serve: the reader needs a terminal: connect with `ssh -t`, \
     or give a command (faq, search, list, toc, show, review status, notes).\r\n";

/// Said to every session when the server stops.
pub const SERVE_STOPPING: &str = "artikel serve is stopping; your draft is saved. Goodbye.";

/// Said to a session closed for being idle.
pub const SERVE_IDLE: &str = "Closed: no key for a while (the server's idle timeout); your draft is saved.";

/// Printed when the server starts.
pub fn serve_started(listen: &str, fingerprint: &str, made: bool, host_key: &str) -> String {
    let made = if made { " (made now)" } else { "" };
    format!("artikel serve: listening on {listen}\nhost key {host_key}{made}: {fingerprint}")
}
