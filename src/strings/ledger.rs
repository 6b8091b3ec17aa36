//! What the review ledger and its commands say (`src/ledger`, `artikel review`, `artikel notes`).

use super::{Lang, Phrase, lang};

/// The diff's name for the frontmatter section.
pub const FRONTMATTER: Phrase = Phrase::new("Frontmatter", "Metadata");
/// A section new in this version.
pub const DIFF_ADDED: Phrase = Phrase::new("added", "tilføjet");
/// A section gone from this version.
pub const DIFF_REMOVED: Phrase = Phrase::new("removed", "fjernet");
/// A section at another place among the sections.
pub const DIFF_MOVED: Phrase = Phrase::new("moved", "flyttet");
/// A section whose text changed.
pub const DIFF_CHANGED: Phrase = Phrase::new("changed", "ændret");
/// Why a ledger file cannot be written.
pub const LEDGER_READ_ONLY_FILE: Phrase =
    Phrase::new("the file cannot be written here", "filen kan ikke skrives her");
/// Why a write waits: another session holds the ledger.
pub const LEDGER_BUSY: Phrase = Phrase::new(
    "another session is writing to the ledger",
    "en anden session skriver i gennemgangsprotokollen",
);
/// Why a write waits: the disk is full.
pub const LEDGER_FULL: Phrase = Phrase::new("the disk is full", "disken er fuld");

/// A write the ledger could not take.
pub fn ledger_not_saved(why: &str) -> String {
    match lang() {
        Lang::En => format!("Not saved: {why}"),
        Lang::Da => format!("Ikke gemt: {why}"),
    }
}

/// The ledger opens read-only.
pub fn ledger_read_only(path: &std::path::Path, why: &str) -> String {
    let path = path.display();
    match lang() {
        Lang::En => format!("The review ledger {path} is read-only: {why}"),
        Lang::Da => format!("Gennemgangsprotokollen {path} kan kun læses: {why}"),
    }
}

/// The ledger's schema is newer than this build's.
pub fn ledger_newer(found: i64, known: i64) -> String {
    match lang() {
        Lang::En => format!("it was written by a newer artikel (schema {found}; this one knows {known})"),
        Lang::Da => format!("den er skrevet af en nyere artikel (skema {found}; denne kender {known})"),
    }
}

/// A damaged ledger was moved aside.
pub fn ledger_moved_aside(path: &std::path::Path, why: &str, aside: &std::path::Path) -> String {
    let (path, aside) = (path.display(), aside.display());
    match lang() {
        Lang::En => format!(
            "The review ledger {path} is a damaged database ({why}); it was moved to {aside} and a new one started"
        ),
        Lang::Da => format!(
            "Gennemgangsprotokollen {path} er en beskadiget database ({why}); den er flyttet til {aside}, og en ny er startet"
        ),
    }
}

/// The ledger cannot be opened at all: nothing of it can be shown, and nothing saved.
pub fn ledger_cannot_open(path: &std::path::Path, why: &str) -> String {
    let path = path.display();
    match lang() {
        Lang::En => format!("The review ledger {path} cannot be opened: {why}"),
        Lang::Da => format!("Gennemgangsprotokollen {path} kan ikke åbnes: {why}"),
    }
}

/// Why a file is not opened as a ledger: it is not one (and it is left as it is).
pub const NOT_A_LEDGER: Phrase = Phrase::new(
    "it is not a review ledger (an SQLite database artikel made), so it was left as it is",
    "det er ikke en gennemgangsprotokol (en SQLite-database, som artikel har lavet), så den er ladt urørt",
);

/// A file of the ledger that is a FIFO, a device or a socket.
pub fn not_a_regular_file(file: &std::path::Path) -> String {
    let file = file.display();
    match lang() {
        Lang::En => format!("{file} is not a regular file (a pipe, a device or a socket)"),
        Lang::Da => format!("{file} er ikke en almindelig fil (en pipe, en enhed eller en socket)"),
    }
}

/// A side file of the ledger (`-shm`, `-wal`) this user cannot write nor make writable.
pub fn side_file_read_only(side: &std::path::Path) -> String {
    let side = side.display();
    match lang() {
        Lang::En => format!(
            "its file {side} cannot be written by you (it is read-only, or another user's); when no artikel \
             has the ledger open, remove {side} (it is made again) or make it writable"
        ),
        Lang::Da => format!(
            "dens fil {side} kan ikke skrives af dig (den er skrivebeskyttet eller en anden brugers); når ingen \
             artikel har protokollen åben, så slet {side} (den laves igen), eller gør den skrivbar"
        ),
    }
}

/// The `notes.yaml` to import into the ledger could not be read (it is left as it is).
pub fn ledger_not_imported(why: &str) -> String {
    match lang() {
        Lang::En => format!("Not imported into the review ledger: {why}"),
        Lang::Da => format!("Ikke hentet ind i gennemgangsprotokollen: {why}"),
    }
}

/// Notes and reviews came in from `notes.yaml`.
pub fn ledger_imported(n: usize, from: &std::path::Path) -> String {
    let from = from.display();
    match lang() {
        Lang::En => {
            let what = if n == 1 { "note or review" } else { "notes and reviews" };
            format!("Imported {n} {what} from {from} into the review ledger")
        }
        Lang::Da => {
            let what = if n == 1 { "note eller gennemgang" } else { "noter og gennemgange" };
            format!("Hentede {n} {what} fra {from} ind i gennemgangsprotokollen")
        }
    }
}

/// The review report's title.
pub const REPORT_TITLE: Phrase = Phrase::new("Review report", "Rapport over gennemgang");
/// The review report's status label.
pub const REPORT_STATUS: Phrase = Phrase::new("Status", "Status");
/// Marks an article no longer in the library, in the report and lists.
pub const REPORT_DETACHED: Phrase =
    Phrase::new("detached: no longer in the library", "løsrevet: findes ikke længere i biblioteket");
/// Marks a resolved comment.
pub const RESOLVED: Phrase = Phrase::new("resolved", "løst");
/// Marks a comment whose section changed since it was written.
pub const SECTION_CHANGED: Phrase = Phrase::new("section changed since", "afsnittet er ændret siden");

/// Marks a reopened comment.
pub const REOPENED: Phrase = Phrase::new("reopened", "genåbnet");
/// A decision on the version shown now.
pub const THIS_VERSION: Phrase = Phrase::new("this version", "denne version");
/// A decision on a version the text has changed from.
pub const CHANGED_SINCE: Phrase = Phrase::new("changed since", "ændret siden");
/// A decision imported without its version.
pub const VERSION_UNKNOWN: Phrase = Phrase::new("version unknown", "ukendt version");
/// The diff found nothing.
pub const NO_CHANGES: Phrase = Phrase::new("No changes.", "Ingen ændringer.");
/// `notes` with nothing to list.
pub const NO_COMMENTS: Phrase = Phrase::new("No comments yet.", "Ingen kommentarer endnu.");

/// `review diff` has nothing to compare with.
pub fn no_approval(slug: &str, reviewer: Option<&str>) -> String {
    match (lang(), reviewer) {
        (Lang::En, Some(r)) => {
            format!("{r} has not approved any version of {slug}: nothing to compare with")
        }
        (Lang::En, None) => format!("Nobody has approved a version of {slug}: nothing to compare with"),
        (Lang::Da, Some(r)) => {
            format!("{r} har ikke godkendt nogen version af {slug}: der er intet at sammenligne med")
        }
        (Lang::Da, None) => {
            format!("Ingen har godkendt en version af {slug}: der er intet at sammenligne med")
        }
    }
}

/// The approved version's text is not in the ledger (imported from notes.yaml).
pub fn no_text_kept(reviewer: &str) -> String {
    match lang() {
        Lang::En => format!(
            "The text {reviewer} approved is not in the ledger (imported without it): nothing to compare with"
        ),
        Lang::Da => format!(
            "Teksten, {reviewer} godkendte, er ikke i gennemgangsprotokollen (hentet ind uden den): der er intet at sammenligne med"
        ),
    }
}

/// The diff's first line.
pub fn diff_header(reviewer: &str, from: &str, to: &str) -> String {
    match lang() {
        Lang::En => {
            format!("Changes since {reviewer} approved {from}, now {to} ({{+inserted+}} [-deleted-]):")
        }
        Lang::Da => {
            format!("Ændringer siden {reviewer} godkendte {from}, nu {to} ({{+indsat+}} [-slettet-]):")
        }
    }
}

/// A comment was added.
pub fn comment_added(id: &str) -> String {
    let id = id.get(..8).unwrap_or(id);
    match lang() {
        Lang::En => format!("Comment added (#{id})"),
        Lang::Da => format!("Kommentar tilføjet (#{id})"),
    }
}

/// No comment has that id.
pub fn no_comment(id: &str) -> String {
    match lang() {
        Lang::En => format!("artikel: no comment #{id}"),
        Lang::Da => format!("artikel: ingen kommentar #{id}"),
    }
}

/// The ledger was made tamper-evident: its earlier rows chained, once.
pub fn ledger_chained(rows: usize) -> String {
    match lang() {
        Lang::En => format!(
            "The review ledger's {rows} earlier audit rows are now chained by hashes; `artikel review verify` checks them"
        ),
        Lang::Da => format!(
            "Gennemgangsprotokollens {rows} tidligere revisionsrækker er nu kædet sammen med hashes; `artikel review verify` kontrollerer dem"
        ),
    }
}

/// The ledger's guards (triggers refusing changes to its records) were missing and are back.
pub const LEDGER_GUARDS_RESTORED: Phrase = Phrase::new(
    "The review ledger's guards against changing its records were missing and are restored; run `artikel review verify`",
    "Gennemgangsprotokollens værn mod ændring af dens poster manglede og er genskabt; kør `artikel review verify`",
);

/// `review verify`: the trail holds.
pub fn trail_holds(rows: i64, head: &str) -> String {
    let (row_en, row_da) = if rows == 1 { ("row", "række") } else { ("rows", "rækker") };
    match lang() {
        Lang::En => format!(
            "The trail holds: {rows} {row_en}, every kept text matches its version.\nHead: {head}\n\
             Keep a copy of the head elsewhere; `artikel review verify --head HASH` later shows that no row up to it was cut or rewritten."
        ),
        Lang::Da => format!(
            "Sporet holder: {rows} {row_da}, hver gemt tekst passer til sin version.\nHoved: {head}\n\
             Gem en kopi af hovedet et andet sted; `artikel review verify --head HASH` viser senere, at ingen række til og med det er skåret af eller skrevet om."
        ),
    }
}

/// `review verify`: where the trail first does not hold.
pub fn trail_breaks(row: Option<(i64, &str, &str, &str, &str)>, what: &str) -> String {
    match (lang(), row) {
        (Lang::En, Some((seq, at, actor, action, slug))) => {
            format!("The trail does not hold at row {seq} ({at} {actor} {action} {slug}): {what}")
        }
        (Lang::En, None) => format!("The trail does not hold: {what}"),
        (Lang::Da, Some((seq, at, actor, action, slug))) => {
            format!("Sporet holder ikke ved række {seq} ({at} {actor} {action} {slug}): {what}")
        }
        (Lang::Da, None) => format!("Sporet holder ikke: {what}"),
    }
}

/// How many more problems `review verify` found after the first.
pub fn trail_more(n: usize) -> String {
    match lang() {
        Lang::En => format!("… and {n} more"),
        Lang::Da => format!("… og {n} mere"),
    }
}

/// `review verify --head`: the head copied earlier is not in the trail.
pub fn head_not_found(head: &str) -> String {
    match lang() {
        Lang::En => format!(
            "The head {head} is not in the trail: rows up to it were cut off or rewritten (or the hash was mistyped)"
        ),
        Lang::Da => format!(
            "Hovedet {head} er ikke i sporet: rækker til og med det er skåret af eller skrevet om (eller hashen er skrevet forkert)"
        ),
    }
}

/// A reason left empty where one is required.
pub const REASON_REQUIRED: Phrase = Phrase::new(
    "a reason is required (-m TEXT, not empty)",
    "en begrundelse er påkrævet (-m TEKST, ikke tom)",
);

/// Only a lead may override a request or change the rules.
pub const ONLY_A_LEAD: Phrase = Phrase::new(
    "only a lead may do that (see `artikel review policy`)",
    "kun en ansvarlig må gøre det (se `artikel review policy`)",
);

/// How many of the approvals needed a version has.
pub fn approvals_of(have: usize, needed: usize) -> String {
    match lang() {
        Lang::En => format!("{have} of {needed} approvals"),
        Lang::Da => format!("{have} af {needed} godkendelser"),
    }
}

/// Who blocks a version, and why.
pub fn blocked_by(reviewer: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("blocked by {reviewer}: {why}"),
        Lang::Da => format!("blokeret af {reviewer}: {why}"),
    }
}

/// A request for changes withdrawn by its reviewer, or overridden by a lead.
pub fn request_lifted(reviewer: &str, by: &str, why: &str) -> String {
    match (lang(), reviewer == by) {
        (Lang::En, true) => format!("{reviewer} withdrew their request for changes: {why}"),
        (Lang::En, false) => format!("{by} overrode {reviewer}'s request for changes: {why}"),
        (Lang::Da, true) => format!("{reviewer} trak sit ønske om ændringer tilbage: {why}"),
        (Lang::Da, false) => format!("{by} tilsidesatte {reviewer}s ønske om ændringer: {why}"),
    }
}

/// There is no request for changes to lift.
pub fn no_request(reviewer: &str, slug: &str) -> String {
    match lang() {
        Lang::En => format!("{reviewer} has no request for changes on {slug} standing"),
        Lang::Da => format!("{reviewer} har intet ønske om ændringer til {slug}"),
    }
}

/// `review status --check`: articles not approved at their current version.
pub fn not_all_approved(n: usize) -> String {
    match lang() {
        Lang::En if n == 1 => "1 article is not approved at its current version".into(),
        Lang::En => format!("{n} articles are not approved at their current version"),
        Lang::Da if n == 1 => "1 artikel er ikke godkendt i sin nuværende version".into(),
        Lang::Da => format!("{n} artikler er ikke godkendt i deres nuværende version"),
    }
}

/// The approval rules in force.
pub fn policy_text(approvals: usize, leads: &[String]) -> String {
    let leads = leads.join(", ");
    match (lang(), leads.is_empty()) {
        (Lang::En, false) => format!("Approvals needed per version: {approvals}\nLeads: {leads}"),
        (Lang::En, true) => format!(
            "Approvals needed per version: {approvals}\nLeads: none (anyone may set the rules; nobody overrides a request)"
        ),
        (Lang::Da, false) => format!("Godkendelser pr. version: {approvals}\nAnsvarlige: {leads}"),
        (Lang::Da, true) => format!(
            "Godkendelser pr. version: {approvals}\nAnsvarlige: ingen (alle må sætte reglerne; ingen tilsidesætter et ønske)"
        ),
    }
}

/// An article carries the history of the slug it was renamed from.
pub fn renamed_from(old: &str, said: bool) -> String {
    match (lang(), said) {
        (Lang::En, true) => format!("renamed from {old}: its decisions and comments are kept"),
        (Lang::En, false) => format!(
            "renamed from {old} (its text is a version decided on there): its decisions and comments are kept"
        ),
        (Lang::Da, true) => format!("omdøbt fra {old}: dens beslutninger og kommentarer er bevaret"),
        (Lang::Da, false) => format!(
            "omdøbt fra {old} (teksten er en version, der blev besluttet om der): dens beslutninger og kommentarer er bevaret"
        ),
    }
}

/// `review rename` was recorded.
pub fn renamed(old: &str, new: &str) -> String {
    match lang() {
        Lang::En => format!("{old}'s decisions and comments are {new}'s from now on"),
        Lang::Da => format!("{old}s beslutninger og kommentarer hører til {new} fra nu af"),
    }
}

/// The ledger holds nothing under a slug.
pub fn nothing_under(slug: &str) -> String {
    match lang() {
        Lang::En => format!("the review ledger holds nothing on {slug}"),
        Lang::Da => format!("gennemgangsprotokollen har intet om {slug}"),
    }
}

/// Several headings contain what `--section` says (they follow, one a line).
pub fn sections_ambiguous(text: &str) -> String {
    match lang() {
        Lang::En => format!("several headings contain “{text}”; name one by its anchor or its whole text:"),
        Lang::Da => {
            format!("flere overskrifter indeholder “{text}”; angiv én ved dens anker eller hele tekst:")
        }
    }
}

/// Several comments' ids start so (they follow, one a line).
pub fn comment_ambiguous(id: &str) -> String {
    match lang() {
        Lang::En => format!("artikel: #{id} is the start of several comments' ids; give more of it:"),
        Lang::Da => format!("artikel: #{id} er starten af flere kommentarers id; angiv mere af det:"),
    }
}

/// The ledger is on a network file system or in a synced folder.
pub fn ledger_unsafe_place(path: &std::path::Path, kind: &str) -> String {
    let path = path.display();
    match lang() {
        Lang::En => format!(
            "The review ledger {path} is on {kind}: SQLite's locking is not safe there and a synced copy can fork; keep it on a disk of the host everyone logs in to"
        ),
        Lang::Da => format!(
            "Gennemgangsprotokollen {path} ligger på {kind}: SQLites låsning er ikke sikker der, og en synkroniseret kopi kan dele sig; hold den på en disk på den maskine, alle logger ind på"
        ),
    }
}

/// The report's line on the policy.
pub fn report_policy(approvals: usize, leads: &[String]) -> String {
    let leads = if leads.is_empty() { "-".to_string() } else { leads.join(", ") };
    match lang() {
        Lang::En => format!("Policy: {approvals} approval(s) per version; leads: {leads}"),
        Lang::Da => format!("Regler: {approvals} godkendelse(r) pr. version; ansvarlige: {leads}"),
    }
}

/// The report's line on an article's version and approvals.
pub fn report_version(version: &str, approvals: usize, needed: usize) -> String {
    match lang() {
        Lang::En => format!("version {version}, {approvals} of {needed} approvals"),
        Lang::Da => format!("version {version}, {approvals} af {needed} godkendelser"),
    }
}

/// A reviewer's current decision in the report.
pub fn report_decision(reviewer: &str, decision: &str, date: &str, version: &str, current: bool) -> String {
    match (lang(), version.is_empty(), current) {
        (Lang::En, true, _) => format!("{reviewer}: {decision} on {date} (version unknown)"),
        (Lang::En, false, true) => {
            format!("{reviewer}: {decision} on {date} at version {version} (this version)")
        }
        (Lang::En, false, false) => {
            format!("{reviewer}: {decision} on {date} at version {version} (changed since)")
        }
        (Lang::Da, true, _) => format!("{reviewer}: {decision} den {date} (ukendt version)"),
        (Lang::Da, false, true) => {
            format!("{reviewer}: {decision} den {date} i version {version} (denne version)")
        }
        (Lang::Da, false, false) => {
            format!("{reviewer}: {decision} den {date} i version {version} (ændret siden)")
        }
    }
}
