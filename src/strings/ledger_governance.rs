//! What the reader says about the team's rules in the review window (`r`): the choices, the
//! reason each lift and request needs, a write that waits for the ledger, and a comment read
//! whole.

use super::lang::{Phrase, pick};

/// The review window's choice: approve.
pub const CHOICE_APPROVE: Phrase = Phrase::new("approve", "godkend");
/// The review window's choice: request changes.
pub const CHOICE_REQUEST: Phrase = Phrase::new("request changes", "bed om ændringer");
/// The review window's choice: withdraw your own request for changes.
pub const CHOICE_WITHDRAW: Phrase = Phrase::new("withdraw your request", "træk dit ønske tilbage");
/// The review window's choice: a lead overrides another's request for changes.
pub const CHOICE_OVERRIDE: Phrase =
    Phrase::new("override a request (leads)", "tilsidesæt et ønske (ansvarlige)");
/// The review window's way out.
pub const CHOICE_CANCEL: Phrase = Phrase::new("cancel", "fortryd");
/// The help's heading over the review window's keys.
pub const DECIDE_KEYS_HEADING: Phrase = Phrase::new("In the review window", "I gennemgangsvinduet");
/// Enter with no reason where one is required: the window stays open.
pub const REASON_NEEDED: Phrase = Phrase::new(
    "A reason is required: type why, then Enter (Esc cancels)",
    "En begrundelse er påkrævet: skriv hvorfor og tryk Enter (Esc fortryder)",
);
/// The article changed on disk while the review window was open: nothing is recorded.
pub const CHANGED_WHILE_DECIDING: Phrase = Phrase::new(
    "The article changed while the review window was open: nothing recorded; press r to decide on the new text",
    "Artiklen blev ændret, mens gennemgangsvinduet var åbent: intet er gemt; tryk r for at tage stilling til den nye tekst",
);
/// A write waits while another session holds the ledger.
pub const WAITING_FOR_LEDGER: Phrase = Phrase::new(
    "Waiting for the ledger … another session is writing; it is tried again every second",
    "Venter på gennemgangsprotokollen … en anden session skriver; der prøves igen hvert sekund",
);
/// `o` with no request by someone else standing.
pub const NO_REQUEST_TO_OVERRIDE: Phrase = Phrase::new(
    "No other reviewer's request for changes stands on this version",
    "Ingen anden gennemgangers ønske om ændringer står på denne version",
);
/// Legend: the Library's mark of a decision not saved yet.
pub const LEGEND_PENDING: Phrase = Phrase::new(
    "a decision not saved yet (waiting for the ledger)",
    "en beslutning, der ikke er gemt endnu (venter på protokollen)",
);
/// The first-run hint: the review window.
pub const HINT_REVIEW: Phrase = Phrase::new("review", "gennemgå");
/// Hint: reads the selected comment whole.
pub const HINT_READ: Phrase = Phrase::new("read", "læs");

/// The review window's prompt for a withdrawal.
pub fn withdraw_prompt() -> String {
    pick(
        "Withdraw your request for changes. Why (required):".to_string(),
        "Træk dit ønske om ændringer tilbage. Hvorfor (påkrævet):".to_string(),
    )
}

/// The review window's prompt for a lead's override of `whose` request.
pub fn override_prompt(whose: &str) -> String {
    pick(
        format!("Override {whose}'s request for changes. Why (required):"),
        format!("Tilsidesæt {whose}s ønske om ændringer. Hvorfor (påkrævet):"),
    )
}

/// The head of one comment (or reply) read whole: who, when, on which version.
pub fn comment_head(reply: bool, author: &str, date: &str, version: &str) -> String {
    match (reply, pick(true, false)) {
        (false, true) => format!("{author}, {date}, version {version}"),
        (true, true) => format!("↳ reply: {author}, {date}, version {version}"),
        (false, false) => format!("{author}, {date}, version {version}"),
        (true, false) => format!("↳ svar: {author}, {date}, version {version}"),
    }
}
