//! What `artikel serve` says to its clients and in its log.

use super::{Lang, Phrase, lang};

/// Said to a client whose command is not one of the lookup commands.
pub const SERVE_ONLY_LOOKUP: Phrase = Phrase::new(
    "artikel serve: only these commands run here: faq, search, list, toc, show, \
     review status, notes. Connect without a command for the reader.",
    "artikel serve: kun disse kommandoer kan køres her: faq, search, list, toc, show, \
     review status, notes. Forbind uden en kommando for at få læseren.",
);

/// Said to a client that asks for the reader without a terminal.
pub const SERVE_NEEDS_TERMINAL: Phrase = Phrase::new(
    "artikel serve: the reader needs a terminal: connect with `ssh -t`, \
     or give a command (faq, search, list, toc, show, review status, notes).\r\n",
    "artikel serve: læseren skal bruge en terminal: forbind med `ssh -t`, \
     eller angiv en kommando (faq, search, list, toc, show, review status, notes).\r\n",
);

/// Said to every session when the server stops.
pub const SERVE_STOPPING: Phrase = Phrase::new(
    "artikel serve is stopping; your draft is saved. Goodbye.",
    "artikel serve lukker ned; din kladde er gemt. Farvel.",
);

/// Said to a session closed for being idle.
pub const SERVE_IDLE: Phrase = Phrase::new(
    "Closed: no key for a while (the server's idle timeout); your draft is saved.",
    "Lukket: ingen tastetryk i et stykke tid (serverens timeout); din kladde er gemt.",
);

/// Printed when the server starts.
pub fn serve_started(listen: &str, fingerprint: &str, made: bool, host_key: &str) -> String {
    match lang() {
        Lang::En => {
            let made = if made { " (made now)" } else { "" };
            format!("artikel serve: listening on {listen}\nhost key {host_key}{made}: {fingerprint}")
        }
        Lang::Da => {
            let made = if made { " (lavet nu)" } else { "" };
            format!("artikel serve: lytter på {listen}\nværtsnøgle {host_key}{made}: {fingerprint}")
        }
    }
}

/// The server's log file cannot be opened.
pub fn serve_cannot_open_log(why: &str) -> String {
    match lang() {
        Lang::En => format!("cannot open the log: {why}"),
        Lang::Da => format!("kan ikke åbne loggen: {why}"),
    }
}

/// The server cannot listen on the address asked for.
pub fn serve_cannot_listen(listen: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("cannot listen on {listen}: {why}"),
        Lang::Da => format!("kan ikke lytte på {listen}: {why}"),
    }
}
