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

/// Said to a client turned away because every reviewer's place is taken (`--max-sessions`).
pub fn serve_full(max: usize) -> String {
    match lang() {
        Lang::En => {
            format!("artikel serve is full: {max} reviewers' sessions are open. Try again in a few minutes.")
        }
        Lang::Da => format!(
            "artikel serve er fuld: {max} anmelderes sessioner er åbne. Prøv igen om et par minutter."
        ),
    }
}

/// Said to a client turned away because too many connections are logging in at once.
pub fn serve_busy(seconds: u64) -> String {
    match lang() {
        Lang::En => format!(
            "artikel serve is busy: too many connections are logging in at once. Try again in {seconds} s."
        ),
        Lang::Da => format!(
            "artikel serve har travlt: for mange forbindelser logger ind på én gang. Prøv igen om {seconds} s."
        ),
    }
}

/// Said to a client that did not log in within the login grace time.
pub fn serve_grace(seconds: u64) -> String {
    match lang() {
        Lang::En => format!("artikel serve: no login within {seconds} s; connect again to try once more."),
        Lang::Da => format!(
            "artikel serve: intet login inden for {seconds} s; forbind igen for at prøve en gang til."
        ),
    }
}

/// Said to a client that had not logged in when a newcomer needed its place.
pub const SERVE_EVICTED: Phrase = Phrase::new(
    "artikel serve: closed to make room: this connection had not logged in, and others were waiting.",
    "artikel serve: lukket for at give plads: forbindelsen havde ikke logget ind, og andre ventede.",
);

/// Said to a reviewer's connection closed because they logged in once more than they may.
pub fn serve_replaced(max: usize) -> String {
    match lang() {
        Lang::En => format!(
            "artikel serve: closed: you logged in again, and a reviewer may have {max} connections at once; \
             this one had been idle longest. Your draft is saved."
        ),
        Lang::Da => format!(
            "artikel serve: lukket: du loggede ind igen, og en anmelder må have {max} forbindelser ad gangen; \
             denne havde været uvirksom længst. Din kladde er gemt."
        ),
    }
}

/// Said in a reader closed because its reviewer opened more sessions than they may.
pub const SERVE_REPLACED: Phrase = Phrase::new(
    "Closed: you opened another session, and this one had been idle longest; your draft is saved.",
    "Lukket: du åbnede en session mere, og denne havde været uvirksom længst; din kladde er gemt.",
);

/// Said to a client whose typing the reader did not take for a while (it read nothing).
pub const SERVE_INPUT_STALLED: Phrase = Phrase::new(
    "artikel serve: closed: the reader took none of your input for 10 s (was nothing read of its screen?).",
    "artikel serve: lukket: læseren tog ikke imod dine tastetryk i 10 s (blev intet læst af dens skærm?).",
);

/// The host key file cannot be read (or made).
pub fn serve_host_key_unreadable(path: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("cannot read or make the host key {path}: {why}"),
        Lang::Da => format!("kan ikke læse eller lave værtsnøglen {path}: {why}"),
    }
}

/// The host key file is not an OpenSSH private key.
pub fn serve_host_key_not_a_key(path: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("the host key {path} is not an OpenSSH private key: {why}"),
        Lang::Da => format!("værtsnøglen {path} er ikke en privat OpenSSH-nøgle: {why}"),
    }
}

/// The host key is protected by a passphrase.
pub fn serve_host_key_passphrase(path: &str) -> String {
    match lang() {
        Lang::En => format!(
            "the host key {path} is protected by a passphrase, which a server cannot type: give it one \
             without (ssh-keygen -t ed25519 -N '' -f FILE makes one)"
        ),
        Lang::Da => format!(
            "værtsnøglen {path} er beskyttet af en adgangsfrase, som en server ikke kan indtaste: giv den \
             en nøgle uden (ssh-keygen -t ed25519 -N '' -f FIL laver en)"
        ),
    }
}

/// The host key is of a kind the server cannot sign with.
pub fn serve_host_key_unsupported(path: &str, kind: &str) -> String {
    match lang() {
        Lang::En => format!(
            "artikel serve cannot sign with the host key {path} ({kind}): use ed25519, ECDSA or RSA of \
             2048 bits or more"
        ),
        Lang::Da => format!(
            "artikel serve kan ikke signere med værtsnøglen {path} ({kind}): brug ed25519, ECDSA eller RSA \
             på mindst 2048 bit"
        ),
    }
}

/// The host key can be read by others than its owner.
pub fn serve_host_key_exposed(path: &str, mode: u32) -> String {
    match lang() {
        Lang::En => format!(
            "the host key {path} can be read by others (mode {mode:04o}): make it private with chmod 600 {path}"
        ),
        Lang::Da => format!(
            "værtsnøglen {path} kan læses af andre (rettigheder {mode:04o}): gør den privat med chmod 600 {path}"
        ),
    }
}
