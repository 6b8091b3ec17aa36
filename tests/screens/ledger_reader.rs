//! The team's ledger in the reader, through the real event loop on a `TestBackend` and a
//! real ledger file: `r` records a decision, `D` shows what changed since an approval, `A`
//! lists the shared comments and `a` writes one; a write the ledger cannot take stays queued;
//! another session's decisions show without a restart.

use crate::reader_rig;

use artikel::ledger::{Comment, Desk, Link, Verdict, Write, new_id, normalised, section_hash, version_of};
use artikel::library::Library;
use artikel::tui::Wake;
use insta::assert_snapshot;

use reader_rig::{Rig, SEED, library_row, rig, rig_on};

#[test]
fn r_then_a_records_an_approval_of_this_version_by_this_reviewer_and_the_mark_shows_at_once() {
    let mut r = rig("anne", |_, _| {});
    r.keys("r");
    r.run();
    assert!(r.screen().contains("a approve · c request changes"), "{}", r.screen());
    r.keys("aSer fint ud<enter>");
    r.run();
    let version = version_of(&r.current_text());
    let screen = r.screen();
    assert!(library_row(&screen, "Nervesmerter").starts_with("✓Nervesmerter"), "{screen}");
    assert!(screen.contains(&format!("Approved version {}", &version[..8])), "{screen}");
    let latest = r.other().latest(Some(SEED)).expect("read");
    let d = &latest[SEED][0];
    assert_eq!((d.reviewer.as_str(), d.verdict, d.version.as_str()), ("anne", Verdict::Approved, &*version));
    assert_eq!(d.comment, "Ser fint ud");
    assert!(r.app.pending_ledger().is_empty());
}

#[test]
fn c_requests_changes_and_esc_records_nothing() {
    let mut r = rig("bo", |_, _| {});
    r.keys("r<esc>rc<esc>");
    r.run();
    assert!(r.other().latest(None).expect("read").is_empty(), "cancelled: nothing recorded");
    r.keys("rcKilden mangler<enter>");
    r.run();
    let screen = r.screen();
    assert!(library_row(&screen, "Nervesmerter").starts_with("!Nervesmerter"), "{screen}");
    let latest = r.other().latest(Some(SEED)).expect("read");
    assert_eq!(latest[SEED][0].verdict, Verdict::ChangesRequested);
    assert_eq!(latest[SEED][0].comment, "Kilden mangler");
}

#[test]
fn a_decision_the_ledger_cannot_take_stays_queued_is_said_and_goes_with_a_later_try() {
    let mut r = rig("anne", |ledger, _| ledger.simulate_full_disk().expect("full"));
    r.keys("ra<enter>");
    let outcome = r.run();
    let screen = r.screen();
    assert!(screen.contains("Not saved: the disk is full. It stays queued"), "{screen}");
    assert_eq!(r.app.pending_ledger().len(), 1, "kept in memory");
    assert!(matches!(&outcome.unsaved_ledger[..], [Write::Decide { .. }]), "and reported on the way out");
    assert!(r.other().latest(None).expect("read").is_empty());
    // Room again: the loop tries again by itself at its next look at the ledger.
    r.console.ledger.as_ref().and_then(Link::ledger_ref).expect("open").end_full_disk().expect("room");
    r.keys("j");
    r.run();
    assert!(r.screen().contains("Saved in the review ledger (it had waited)"), "{}", r.screen());
    assert!(r.app.pending_ledger().is_empty());
    assert_eq!(r.other().latest(Some(SEED)).expect("read")[SEED].len(), 1, "saved once");
}

#[test]
fn another_sessions_decision_shows_without_a_restart() {
    let mut r = rig("anne", |_, _| {});
    r.run();
    let screen = r.screen();
    assert!(library_row(&screen, "Knæsmerter").starts_with(" Knæsmerter"), "{screen}");
    let library = Library::bundled();
    let knae = &library.articles[library.position("knaesmerter").expect("bundled")];
    let mut other = r.other();
    other
        .submit(Write::decide("knaesmerter", normalised(knae), "bo", Verdict::ChangesRequested, ""))
        .expect("saved");
    r.keys("j");
    r.run();
    let screen = r.screen();
    assert!(library_row(&screen, "Knæsmerter").starts_with("!Knæsmerter"), "{screen}");
}

/// An older text of the seed article: a word different in its first paragraph, and a
/// sentence more in the section on causes.
fn older(text: &str) -> String {
    text.replacen("neuropatiske smerter", "nervesmerter", 1).replacen(
        "Nervesmerter kan have mange forskellige årsager.",
        "Der er flere årsager. Nervesmerter kan have mange forskellige årsager.",
        1,
    )
}

#[test]
fn d_shows_what_changed_since_the_latest_approval_marked_without_colour() {
    let mut r = rig("bo", |ledger, library| {
        let seed = &library.articles[library.position(SEED).expect("bundled")];
        let text = older(&normalised(seed));
        ledger.submit(Write::decide(SEED, text, "anne", Verdict::Approved, "")).expect("saved");
    });
    r.keys("D");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Changes since the latest approval, by anne"), "{screen}");
    assert!(screen.contains("[-nervesmerter"), "the word taken out is marked so: {screen}");
    assert!(screen.contains("{+neuropatiske"), "{screen}");
    assert!(screen.contains("[-Der er flere årsager.-]"), "{screen}");
    assert!(screen.contains("## Hvad er årsagerne til nervesmerter? (changed)"), "{screen}");
    // Below the title line and the Library's (whose marks may still be coming).
    assert_snapshot!("diff_since_anne", screen.lines().skip(2).collect::<Vec<_>>().join("\n"));
    r.keys("<esc>");
    r.run();
    assert!(!r.screen().contains("Changes since"), "Esc closes it");
}

#[test]
fn d_starts_from_your_own_approval_and_says_when_there_is_none() {
    let mut none = rig("bo", |_, _| {});
    none.keys("D");
    none.run();
    assert!(none.screen().contains("Nobody has approved this article yet"), "{}", none.screen());
    let mut r = rig("anne", |ledger, library| {
        let seed = &library.articles[library.position(SEED).expect("bundled")];
        let text = normalised(seed);
        ledger.submit(Write::decide(SEED, older(&text), "anne", Verdict::Approved, "")).expect("saved");
        ledger.submit(Write::decide(SEED, text, "bo", Verdict::Approved, "")).expect("saved");
    });
    r.keys("D");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Changes since your approval"), "{screen}");
    assert!(screen.contains("{+neuropatiske"), "{screen}");
}

fn comment(text_now: &str, heading: &str, author: &str, text: &str, section_from: &str) -> Comment {
    Comment {
        id: new_id(),
        slug: SEED.into(),
        heading: heading.into(),
        position: 0,
        section: section_hash(section_from, heading).unwrap_or_default(),
        version: version_of(text_now),
        author: author.into(),
        text: text.into(),
        resolved: false,
        created: "2026-11-30T08:00:00Z".into(),
        updated: "2026-11-30T08:00:00Z".into(),
        revision: 1,
    }
}

const CAUSES: &str = "Hvad er årsagerne til nervesmerter?";
const SYMPTOMS: &str = "Hvilke symptomer er forbundet med nervesmerter?";

#[test]
fn a_lists_the_ledgers_comments_with_authors_and_what_changed_since() {
    let mut r = rig("anne", |ledger, library| {
        let now = normalised(&library.articles[library.position(SEED).expect("bundled")]);
        let old = older(&now);
        ledger.submit(Write::Comment(comment(&now, SYMPTOMS, "anne", "Nævn kulde.", &now))).expect("saved");
        let mut bo = comment(&old, CAUSES, "bo", "Kilde?", &old);
        bo.created = "2026-11-30T08:01:00Z".into();
        ledger.submit(Write::Comment(bo)).expect("saved");
        let mut done = comment(&now, CAUSES, "cai", "Løst allerede.", &now);
        done.created = "2026-11-30T08:02:00Z".into();
        done.resolved = true;
        ledger.submit(Write::Comment(done)).expect("saved");
    });
    r.keys("A");
    r.run();
    let screen = r.screen();
    let row = |who: &str| screen.lines().find(|l| l.contains(who)).unwrap_or("").to_string();
    assert!(row("anne ·").contains("— Hvilke symptomer er forbundet"), "{screen}");
    assert!(!row("anne ·").contains("changed"), "{screen}");
    assert!(row("bo ·").contains("text changed since — Hvad er årsagerne"), "{screen}");
    assert!(!screen.contains("cai"), "resolved ones wait for R: {screen}");
    r.keys("R");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Comments, resolved too"), "{screen}");
    assert!(screen.lines().any(|l| l.contains("cai ·") && l.contains("resolved")), "{screen}");
    // Anyone resolves: anne resolves bo's comment (the second row).
    r.keys("Rjx");
    r.run();
    let open: Vec<String> =
        r.other().comments(Some(SEED), false).expect("read").into_iter().map(|c| c.author).collect();
    assert_eq!(open, ["anne"], "{}", r.screen());
    // Only the author edits or deletes: cai's comment (listed with R).
    r.keys("<esc>ARjje");
    r.run();
    assert!(r.screen().contains("Only its author can change or delete a comment"), "{}", r.screen());
}

#[test]
fn a_comment_is_written_listed_edited_and_deleted_by_its_author() {
    let mut r = rig("anne", |_, _| {});
    r.keys("]]aTjek kilderne.<C-s>");
    r.run();
    assert!(r.app.editor().is_none(), "{}", r.screen());
    assert!(r.screen().contains("Comment saved: the team sees it"), "{}", r.screen());
    let saved = r.other().comments(Some(SEED), true).expect("read");
    assert_eq!(saved.len(), 1);
    assert_eq!((saved[0].heading.as_str(), saved[0].author.as_str()), (SYMPTOMS, "anne"));
    assert_eq!(saved[0].version, version_of(&r.current_text()));
    let contents = r.screen();
    assert!(contents.lines().any(|l| l.contains("? Hvilke symptomer") && l.contains('✎')), "{contents}");
    r.keys("Ae Og sproget.<C-s>");
    r.run();
    let saved = r.other().comments(Some(SEED), true).expect("read");
    assert_eq!(saved.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Tjek kilderne. Og sproget."]);
    r.keys("Ad");
    r.run();
    assert!(r.screen().contains("Delete this comment? y / n"), "{}", r.screen());
    r.keys("y");
    r.run();
    assert!(r.other().comments(Some(SEED), true).expect("read").is_empty(), "{}", r.screen());
    assert!(r.app.noted_headings().is_empty());
}

/// A reader on an article in a folder of its own, approved in the reader by anne; then the
/// file is written anew. What the watcher hands over: the library loaded again, and the
/// review states read with it (or why they could not be read).
fn approved_then_edited() -> (Rig, tempfile::TempDir, Library) {
    let folder = tempfile::tempdir().expect("dir");
    std::fs::write(folder.path().join("ryg.md"), "---\nmetaTitle: Ryg\n---\n\nFør.\n").expect("write");
    let mut r = rig_on(Library::load(&[folder.path().to_path_buf()]), "ryg", "anne", |_, _| {});
    r.keys("ra<enter>");
    r.run();
    assert!(library_row(&r.screen(), "Ryg").starts_with("✓Ryg"), "{}", r.screen());
    std::fs::write(folder.path().join("ryg.md"), "---\nmetaTitle: Ryg\n---\n\nEfter.\n").expect("write");
    let edited = Library::load(&[folder.path().to_path_buf()]);
    (r, folder, edited)
}

#[test]
fn an_approved_article_edited_on_disk_shows_approved_at_an_earlier_version_after_the_reload() {
    let (mut r, _folder, edited) = approved_then_edited();
    let desk = Desk::load(&r.other(), &edited).map_err(|e| e.to_string());
    let reload = artikel::watch::Reload { library: edited, reviews: Some(desk), synonyms: false };
    r.tx.send(Wake::Reloaded(Box::new(reload))).expect("send");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Efter."), "{screen}");
    assert!(library_row(&screen, "Ryg").starts_with("~Ryg"), "{screen}");
    assert!(screen.contains("Library · 1 changed"), "{screen}");
}

#[test]
fn a_reload_whose_review_states_could_not_be_read_still_hashes_the_changed_article_again() {
    let (mut r, _folder, edited) = approved_then_edited();
    let reload = artikel::watch::Reload {
        library: edited,
        reviews: Some(Err("database is locked".into())),
        synonyms: false,
    };
    r.tx.send(Wake::Reloaded(Box::new(reload))).expect("send");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Efter."), "{screen}");
    assert!(library_row(&screen, "Ryg").starts_with("~Ryg"), "the approval is of the text before:\n{screen}");
}

#[test]
fn versions_hashed_from_the_library_before_a_reload_are_not_taken_after_it() {
    let (mut r, _folder, edited) = approved_then_edited();
    let before = r.app.library.articles.clone();
    let early = r.app.reviews.ticket();
    let desk = Desk::load(&r.other(), &edited).map_err(|e| e.to_string());
    let reload = artikel::watch::Reload { library: edited, reviews: Some(desk), synonyms: false };
    r.tx.send(Wake::Reloaded(Box::new(reload))).expect("send");
    // The hashing started with the reader, of the texts before, finishes only now.
    r.tx.send(Wake::Versions(early.hash(&before))).expect("send");
    r.run();
    let screen = r.screen();
    assert!(library_row(&screen, "Ryg").starts_with("~Ryg"), "{screen}");
}
