//! The team's rules in the reader, through the real event loop on a `TestBackend` and a real
//! ledger file: the review window says where the article stands (`1 of 2 approvals`, who
//! blocks); a request, a withdrawal and an override need a reason; withdrawals and overrides
//! go through the ledger's rules; a write that waits for the ledger is said at once and shown
//! as pending, never as made; a comment reads whole with its replies.

use crate::reader_rig;

use artikel::ledger::{Comment, Verdict, Write, new_id, normalised, version_of};
use artikel::tui::Ending;
use insta::assert_snapshot;
use reader_rig::{SEED, library_row, rig};

/// The seed article's text now, from the bundled library.
fn seed_text(library: &artikel::library::Library) -> String {
    normalised(&library.articles[library.position(SEED).expect("bundled")])
}

/// The review window's rows (below the title line and the Library's, whose marks may still
/// be coming).
fn window(screen: &str) -> String {
    screen.lines().skip(2).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_review_window_says_how_many_approvals_the_version_has_and_who_blocks_it() {
    let mut r = rig("anne", |ledger, library| {
        ledger.set_policy(Some(2), None, "anne", "to par øjne").expect("saved").expect("allowed");
        let text = seed_text(library);
        ledger.submit(Write::decide(SEED, text.clone(), "cai", Verdict::Approved, "")).expect("saved");
        ledger
            .submit(Write::decide(SEED, text, "bo", Verdict::ChangesRequested, "Kilden mangler"))
            .expect("saved");
    });
    r.keys("r");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("changes-requested · 1 of 2 approvals"), "{screen}");
    assert!(screen.contains("blocked by bo: Kilden mangler"), "{screen}");
    assert!(screen.contains("a approve · c request changes"), "{screen}");
    assert!(screen.contains("w withdraw your request"), "{screen}");
    assert_snapshot!("review_window_blocked", window(&screen));
}

#[test]
fn enter_without_a_reason_keeps_the_window_open_and_what_is_typed_next_goes_into_it() {
    let mut r = rig("bo", |_, _| {});
    r.keys("rc<enter>");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("A reason is required: type why, then Enter"), "{screen}");
    assert!(r.other().latest(None).expect("read").is_empty(), "nothing recorded: {screen}");
    assert!(r.app.pending_ledger().is_empty());
    assert_snapshot!("review_window_reason_required", window(&screen));
    // q and j would quit and scroll in the reader: here they are typed.
    r.keys("qj kilde<enter>");
    let outcome = r.run();
    assert_eq!(outcome.ending, Ending::Closed, "q was typed, not taken as quit: {}", r.screen());
    let latest = r.other().latest(Some(SEED)).expect("read");
    assert_eq!(latest[SEED][0].verdict, Verdict::ChangesRequested);
    assert_eq!(latest[SEED][0].comment, "qj kilde");
}

#[test]
fn a_withdrawal_and_an_override_need_a_reason_too() {
    for (who, keys) in [("bo", "rw"), ("anne", "ro")] {
        let mut r = rig(who, |ledger, library| {
            ledger
                .set_policy(None, Some(&["anne".to_string()]), "anne", "leder")
                .expect("saved")
                .expect("ok");
            let text = seed_text(library);
            ledger
                .submit(Write::decide(SEED, text, "bo", Verdict::ChangesRequested, "Kilde?"))
                .expect("saved");
        });
        r.run();
        r.keys(&format!("{keys}<enter>"));
        r.run();
        assert!(r.screen().contains("A reason is required"), "{who}: {}", r.screen());
        assert!(r.app.pending_ledger().is_empty(), "{who}");
        assert!(
            r.other()
                .log(Some(SEED))
                .expect("log")
                .iter()
                .all(|e| e.action != "withdraw" && e.action != "override")
        );
    }
}

#[test]
fn a_reviewer_withdraws_their_own_request_and_the_ledger_records_it() {
    let mut r = rig("bo", |ledger, library| {
        ledger
            .submit(Write::decide(SEED, seed_text(library), "bo", Verdict::ChangesRequested, "Kilde?"))
            .expect("saved");
    });
    r.run();
    r.keys("rwKilden er fundet<enter>");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("bo withdrew their request for changes: Kilden er fundet"), "{screen}");
    let log = r.other().log(Some(SEED)).expect("log");
    let last = log.last().expect("a row");
    assert_eq!(
        (last.action.as_str(), last.actor.as_str(), last.detail.as_str()),
        ("withdraw", "bo", "Kilden er fundet")
    );
    let row = library_row(&screen, "Nervesmerter");
    assert!(row.starts_with(' '), "no longer blocked, and never approved: no mark: {screen}");
}

#[test]
fn a_lead_overrides_another_reviewers_request_and_a_reviewer_who_is_not_a_lead_cannot() {
    let prepare = |ledger: &mut artikel::ledger::Ledger, library: &artikel::library::Library| {
        ledger.set_policy(None, Some(&["anne".to_string()]), "anne", "leder").expect("saved").expect("ok");
        ledger
            .submit(Write::decide(SEED, seed_text(library), "bo", Verdict::ChangesRequested, "Kilde?"))
            .expect("saved");
    };
    let mut cai = rig("cai", prepare);
    cai.run();
    cai.keys("ro");
    cai.run();
    assert!(cai.screen().contains("only a lead may do that"), "{}", cai.screen());
    let mut anne = rig("anne", prepare);
    anne.run();
    anne.keys("ro");
    anne.run();
    assert!(
        anne.screen().contains("Override bo's request for changes. Why (required):"),
        "{}",
        anne.screen()
    );
    anne.keys("Kilden er god nok<enter>");
    anne.run();
    let screen = anne.screen();
    assert!(screen.contains("anne overrode bo's request for changes: Kilden er god nok"), "{screen}");
    let log = anne.other().log(Some(SEED)).expect("log");
    let last = log.last().expect("a row");
    assert_eq!((last.action.as_str(), last.actor.as_str(), last.target.as_str()), ("override", "anne", "bo"));
}

#[test]
fn with_two_approvals_needed_one_approval_is_never_shown_as_approved() {
    let mut r = rig("anne", |ledger, _| {
        ledger.set_policy(Some(2), None, "anne", "to par øjne").expect("saved").expect("ok");
    });
    r.run();
    r.keys("raFint<enter>");
    r.run();
    let screen = r.screen();
    let row = library_row(&screen, "Nervesmerter");
    assert!(row.starts_with("+Nervesmerter"), "1 of 2 is neither ✓ nor changed-since ~: {screen}");
    r.keys("r");
    r.run();
    assert!(r.screen().contains("1 of 2 approvals"), "{}", r.screen());
}

#[test]
fn a_write_that_waits_for_the_ledger_is_said_at_once_and_shown_pending_until_it_is_saved() {
    let mut r = rig("anne", |_, _| {});
    r.run();
    let lock = rusqlite::Connection::open(&r.path).expect("open");
    lock.execute_batch("BEGIN IMMEDIATE").expect("lock");
    r.keys("raFint<enter>");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Waiting for the ledger"), "{screen}");
    assert!(library_row(&screen, "Nervesmerter").starts_with("⋯Nervesmerter"), "pending, not ✓: {screen}");
    assert_eq!(r.app.pending_ledger().len(), 1, "the decision and its comment are kept");
    lock.execute_batch("COMMIT").expect("unlock");
    // The loop tries again at its next look at the ledger.
    r.keys("j");
    r.run();
    let screen = r.screen();
    assert!(library_row(&screen, "Nervesmerter").starts_with("✓Nervesmerter"), "{screen}");
    assert!(r.app.pending_ledger().is_empty());
    let latest = r.other().latest(Some(SEED)).expect("read");
    assert_eq!(latest[SEED][0].comment, "Fint");
}

#[test]
fn a_decision_that_fails_is_said_and_not_shown_as_made() {
    let mut r = rig("anne", |ledger, _| ledger.simulate_full_disk().expect("full"));
    r.keys("ra<enter>");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("Not saved: the disk is full"), "{screen}");
    assert!(!library_row(&screen, "Nervesmerter").starts_with('✓'), "{screen}");
    assert!(library_row(&screen, "Nervesmerter").starts_with('⋯'), "{screen}");
}

fn comment(text_now: &str, author: &str, text: &str, created: &str) -> Comment {
    Comment {
        id: new_id(),
        slug: SEED.into(),
        heading: String::new(),
        position: 0,
        section: String::new(),
        version: version_of(text_now),
        author: author.into(),
        text: text.into(),
        resolved: false,
        created: created.into(),
        updated: created.into(),
        revision: 1,
    }
}

#[test]
fn v_reads_the_selected_comment_whole_with_its_replies_and_esc_goes_back_to_the_list() {
    let long = "Første linje.\n\nAfsnittet om behandling bør nævne, at virkningen af medicinen først ses efter nogle uger, og at dosis øges langsomt; ellers holder mange op for tidligt. Til sidst: kilden.";
    let mut r = rig("anne", |ledger, library| {
        let now = seed_text(library);
        let c = comment(&now, "bo", long, "2026-11-30T08:00:00Z");
        let id = c.id.clone();
        ledger.submit(Write::Comment(c)).expect("saved");
        ledger
            .reply(&id, comment(&now, "cai", "Enig, og nævn kvalme.", "2026-12-01T09:00:00Z"))
            .expect("saved");
    });
    r.run();
    r.keys("A");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("v read"), "the list's hint names the key: {screen}");
    assert!(screen.contains("Esc close ─"), "and fits, Esc whole, on an 80-column screen: {screen}");
    r.keys("v");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("bo, 2026-11-30, version"), "{screen}");
    assert!(screen.contains("Til sidst: kilden."), "the whole text, wrapped: {screen}");
    assert!(screen.contains("↳ reply: cai, 2026-12-01"), "{screen}");
    assert!(screen.contains("Enig, og nævn kvalme."), "{screen}");
    assert_snapshot!("comment_read_whole", window(&screen));
    r.keys("<esc>");
    r.run();
    assert!(r.screen().contains("Comments"), "back in the list: {}", r.screen());
}

#[test]
fn a_comment_saved_while_the_ledger_is_busy_stays_in_its_editor_until_it_is_saved() {
    let mut r = rig("anne", |_, _| {});
    r.run();
    let lock = rusqlite::Connection::open(&r.path).expect("open");
    lock.execute_batch("BEGIN IMMEDIATE").expect("lock");
    r.keys("aTjek kilden.<C-s>");
    r.run();
    assert!(r.screen().contains("Waiting for the ledger"), "{}", r.screen());
    assert!(r.app.editor().is_some_and(|e| e.text() == "Tjek kilden."), "the text is kept: {}", r.screen());
    assert!(r.other().comments(Some(SEED), true).expect("read").is_empty());
    // Saving again while it waits says what it waits for, and writes nothing twice.
    r.keys("<C-s>");
    r.run();
    assert!(r.screen().contains("Waiting for the ledger"), "{}", r.screen());
    lock.execute_batch("COMMIT").expect("unlock");
    // The loop tries again at its next look at the ledger (here after a second Ctrl-s,
    // which saves nothing twice).
    r.keys("<C-s>");
    r.run();
    assert!(r.app.editor().is_none(), "closed once saved: {}", r.screen());
    let saved = r.other().comments(Some(SEED), true).expect("read");
    assert_eq!(saved.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Tjek kilden."]);
}

#[test]
fn the_review_window_and_a_wait_for_the_ledger_speak_danish_too() {
    let mut r = rig("anne", |ledger, library| {
        ledger.set_policy(Some(2), None, "anne", "to par øjne").expect("saved").expect("allowed");
        let text = seed_text(library);
        ledger
            .submit(Write::decide(SEED, text, "bo", Verdict::ChangesRequested, "Kilden mangler"))
            .expect("saved");
    });
    artikel::strings::set_thread_lang(Some(artikel::strings::Lang::Da));
    r.keys("r");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("ændringer ønsket · 0 af 2 godkendelser"), "{screen}");
    assert!(screen.contains("blokeret af bo: Kilden mangler"), "{screen}");
    assert!(screen.contains("a godkend · c bed om ændringer"), "{screen}");
    let lock = rusqlite::Connection::open(&r.path).expect("open");
    lock.execute_batch("BEGIN IMMEDIATE").expect("lock");
    r.keys("c<enter>");
    r.run();
    assert!(r.screen().contains("En begrundelse er påkrævet"), "{}", r.screen());
    r.keys("Mere<enter>");
    r.run();
    let screen = r.screen();
    artikel::strings::set_thread_lang(None);
    assert!(screen.contains("Venter på gennemgangsprotokollen"), "{screen}");
    assert!(library_row(&screen, "Nervesmerter").starts_with('⋯'), "{screen}");
}

#[test]
fn the_review_window_says_an_article_renamed_with_its_decided_text_carries_its_history() {
    let folder = tempfile::tempdir().expect("dir");
    let text = "---\nmetaTitle: Gigt\n---\n\nGigt er betændelse i leddene.\n";
    std::fs::write(folder.path().join("gigt-voksne.md"), text).expect("write");
    let library = artikel::library::Library::load(&[folder.path().to_path_buf()]);
    let mut r = reader_rig::rig_on(library, "gigt-voksne", "anne", |ledger, library| {
        let now = normalised(&library.articles[library.position("gigt-voksne").expect("loaded")]);
        ledger.submit(Write::decide("gigt", now, "bo", Verdict::Approved, "fint")).expect("saved");
    });
    r.keys("r");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("renamed from gigt (its text is a version decided on there)"), "{screen}");
    assert!(screen.contains("approved · 1 of 1 approvals"), "{screen}");
    // The Library marks it as review status says it: approved (once the versions, hashed on
    // another thread, are in).
    r.keys("<esc>");
    let mut screen = String::new();
    for _ in 0..100 {
        r.run();
        screen = r.screen();
        if library_row(&screen, "Gigt").starts_with('✓') {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(library_row(&screen, "Gigt").starts_with('✓'), "{screen}");
}

#[test]
fn a_reason_typed_on_after_a_refused_withdrawal_never_picks_a_choice() {
    // bo has no request of his own to withdraw: `w` is refused, and what he types next
    // ("allerede rettet" starts with the approve key) must not approve the article.
    let mut r = rig("bo", |ledger, library| {
        ledger
            .submit(Write::decide(SEED, seed_text(library), "cai", Verdict::ChangesRequested, "Kilde?"))
            .expect("saved");
    });
    r.run();
    r.keys("rwallerede rettet<enter>");
    r.run();
    let screen = r.screen();
    assert!(window(&screen).contains("Review"), "the window stays open: {screen}");
    assert!(screen.contains("bo has no request for changes"), "and says why still: {screen}");
    let log = r.other().log(Some(SEED)).expect("log");
    assert!(log.iter().all(|e| e.actor != "bo"), "nothing recorded as bo: {log:?}");
    r.keys("<esc>");
    r.run();
    assert!(!window(&r.screen()).contains("Review"), "Esc closes it");
}

#[test]
fn a_decision_on_a_text_that_changed_while_the_window_was_open_is_not_recorded() {
    let mut r = rig("bo", |_, _| {});
    r.run();
    r.keys("r");
    r.run();
    // The article is edited on disk and the library loaded anew while the window is open.
    let mut library = artikel::library::Library::bundled();
    let i = library.position(SEED).expect("seed");
    let body = format!("{}\nEn ny sætning.\n", library.articles[i].body);
    library.articles[i].body = body.into();
    r.app.reload(artikel::watch::Reload { library, reviews: None, synonyms: false });
    r.keys("aFint<enter>");
    r.run();
    let screen = r.screen();
    assert!(screen.contains("The article changed while the review window"), "{screen}");
    assert!(r.other().log(Some(SEED)).expect("log").is_empty(), "nothing recorded");
    assert!(!library_row(&screen, "Nervesmerter").starts_with('✓'), "{screen}");
}

#[test]
fn a_request_on_an_earlier_text_can_be_withdrawn_in_the_reader_as_on_the_command_line() {
    let mut r = rig("bo", |ledger, library| {
        let older = format!("{}\nen ældre sætning", seed_text(library));
        ledger.submit(Write::decide(SEED, older, "bo", Verdict::ChangesRequested, "Kilde?")).expect("saved");
    });
    r.run();
    r.keys("rwRettet nu<enter>");
    r.run();
    let log = r.other().log(Some(SEED)).expect("log");
    let last = log.last().expect("a row");
    assert_eq!((last.action.as_str(), last.actor.as_str()), ("withdraw", "bo"), "{log:?}");
}
