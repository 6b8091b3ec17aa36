//! What a ledger on PostgreSQL says (`src/ledger/postgres`).

use super::{Lang, Phrase, lang};

/// Why a PostgreSQL URL with a password in it is refused.
pub const PG_PASSWORD_IN_URL: Phrase = Phrase::new(
    "the ledger's URL has a password in it: put it in PGPASSWORD, or in the file PGPASSFILE names (or ~/.pgpass, mode 0600), never on the command line",
    "protokollens URL indeholder en adgangskode: læg den i PGPASSWORD eller i filen, PGPASSFILE peger på (eller ~/.pgpass, tilstand 0600), aldrig på kommandolinjen",
);

/// The settings file's ledger URL holds a password (shown hidden; the ledger refuses it).
pub fn pg_password_in_settings(path: &str, line: usize) -> String {
    match lang() {
        Lang::En => format!(
            "{path}, line {line}: `ledger` has a password in its URL: it is not shown, and the ledger refuses it; put it in PGPASSWORD, or in the file PGPASSFILE names (or ~/.pgpass, mode 0600)"
        ),
        Lang::Da => format!(
            "{path}, linje {line}: `ledger` har en adgangskode i sin URL: den vises ikke, og protokollen afviser den; læg den i PGPASSWORD eller i filen, PGPASSFILE peger på (eller ~/.pgpass, tilstand 0600)"
        ),
    }
}

/// Why an `sslmode` is refused.
pub fn pg_sslmode_unknown(mode: &str) -> String {
    match lang() {
        Lang::En => format!(
            "sslmode={mode} is not known: give disable, require, verify-ca or verify-full (the last three are all TLS that checks the server's certificate and name)"
        ),
        Lang::Da => format!(
            "sslmode={mode} kendes ikke: angiv disable, require, verify-ca eller verify-full (de tre sidste er alle TLS, der tjekker serverens certifikat og navn)"
        ),
    }
}

/// Why a password is not sent: the connection would carry it in plain text off this machine.
pub const PG_PASSWORD_NOT_PLAIN: Phrase = Phrase::new(
    "the password is not sent in plain text to a host that is not this machine: leave out sslmode=disable so the connection is TLS",
    "adgangskoden sendes ikke i klartekst til en vært, der ikke er denne maskine: udelad sslmode=disable, så forbindelsen bliver TLS",
);

/// Why the certificates to trust for TLS could not be read.
pub fn pg_roots_unreadable(file: &std::path::Path, why: &str) -> String {
    match lang() {
        Lang::En => format!("the certificates in {} (PGSSLROOTCERT) cannot be read: {why}", file.display()),
        Lang::Da => format!("certifikaterne i {} (PGSSLROOTCERT) kan ikke læses: {why}", file.display()),
    }
}

/// Why a password file is not read: others may read it.
pub fn pg_passfile_open(path: &std::path::Path) -> String {
    match lang() {
        Lang::En => {
            format!("the password file {} is not read: others may read it (chmod 600)", path.display())
        }
        Lang::Da => format!("adgangskodefilen {} læses ikke: andre kan læse den (chmod 600)", path.display()),
    }
}

/// Why the ledger on PostgreSQL could not be reached or used.
pub fn pg_unreachable(place: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("the ledger at {place} cannot be reached: {why}"),
        Lang::Da => format!("protokollen på {place} kan ikke nås: {why}"),
    }
}

/// Why `review migrate` does not copy from `path` (a file or a URL, shown without password).
pub fn ledger_source_unusable(path: &std::path::Path, why: &str) -> String {
    let path = path.display();
    match lang() {
        Lang::En => format!("{path} is not copied: {why}"),
        Lang::Da => format!("{path} kopieres ikke: {why}"),
    }
}

/// `review migrate`'s source file is not there.
pub const NO_SUCH_LEDGER_FILE: Phrase =
    Phrase::new("there is no such file (nothing was made)", "den fil findes ikke (intet blev oprettet)");

/// `review migrate`'s source file is not a ledger.
pub const NOT_A_LEDGER_FILE: Phrase = Phrase::new(
    "it is not an artikel ledger (it was not changed)",
    "den er ikke en artikel-protokol (den blev ikke ændret)",
);

/// `review migrate`'s source database has no ledger in it.
pub const NO_LEDGER_IN_DATABASE: Phrase = Phrase::new(
    "the database holds no artikel ledger (nothing was made in it)",
    "databasen indeholder ingen artikel-protokol (intet blev oprettet i den)",
);

/// `review migrate`'s source holds nothing.
pub const LEDGER_SOURCE_EMPTY: Phrase = Phrase::new(
    "the ledger is empty: there is nothing to copy",
    "protokollen er tom: der er intet at kopiere",
);

/// Why a database's ledger schema is left alone: a newer artikel made it.
pub fn pg_newer(found: i64, known: i64) -> String {
    match lang() {
        Lang::En => format!(
            "the database's ledger schema is version {found}, newer than this artikel's {known}: it is only read"
        ),
        Lang::Da => format!(
            "databasens protokolskema er version {found}, nyere end denne artikels {known}: den læses kun"
        ),
    }
}

/// Why a ledger on PostgreSQL is not opened as a file.
pub const PG_NOT_A_FILE: Phrase = Phrase::new(
    "a ledger on PostgreSQL is a database, not a file",
    "en protokol på PostgreSQL er en database, ikke en fil",
);

/// Said at once when the shared ledger goes out of reach (`why`, begun with a capital as the
/// status line's sentences are): what is written waits.
pub fn ledger_down(why: &str) -> String {
    let mut chars = why.chars();
    let why: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    match lang() {
        Lang::En => format!("{why}. Trying again every second; what you write waits, unsaved"),
        Lang::Da => format!("{why}. Prøver igen hvert sekund; det, du skriver, venter og er ikke gemt"),
    }
}

/// Said when the shared ledger is reached again.
pub const LEDGER_BACK: Phrase =
    Phrase::new("The review ledger is reached again", "Gennemgangsprotokollen kan nås igen");

/// Why `review migrate` does not copy into a ledger: it holds something already.
pub const LEDGER_NOT_EMPTY: Phrase = Phrase::new(
    "the ledger to copy into is not empty: a copy goes only into a new ledger",
    "protokollen, der skal kopieres til, er ikke tom: en kopi går kun til en ny protokol",
);

/// What `review migrate` did.
pub fn ledger_migrated(rows: i64, head: &str) -> String {
    match lang() {
        Lang::En => {
            format!("Copied {rows} rows of the trail and every table; verify holds at both ends, head {head}")
        }
        Lang::Da => format!(
            "Kopierede {rows} rækker af sporet og alle tabeller; verify holder i begge ender, hoved {head}"
        ),
    }
}

/// Why `review migrate` failed after copying: the two ends differ.
pub const LEDGER_COPY_DIFFERS: Phrase = Phrase::new(
    "the copy's trail differs from the original's: do not use the copy",
    "kopiens spor afviger fra originalens: brug ikke kopien",
);
