//! Unit tests of the ledger: versions, decisions, comments, the audit log, opening.

use super::*;
use std::os::unix::fs::PermissionsExt;

fn open(dir: &std::path::Path) -> Ledger {
    let ledger = Ledger::open(&Options::new(dir.join("review.db")));
    assert!(!ledger.read_only(), "{:?}", ledger.message);
    ledger
}

const TEXT: &str =
    "---\nmetaTitle: Knæ\n---\nIntro.\n\n## Hvad er det?\n\nEt knæ er et led.\n\n## Hjælp?\n\nHvil.\n";

fn comment(slug: &str, heading: &str, author: &str, text: &str) -> Comment {
    Comment {
        id: new_id(),
        slug: slug.into(),
        heading: heading.into(),
        position: 0,
        section: section_hash(TEXT, heading).unwrap_or_default(),
        version: version_of(TEXT),
        author: author.into(),
        text: text.into(),
        resolved: false,
        created: "2026-11-30T08:00:00Z".into(),
        updated: "2026-11-30T08:00:00Z".into(),
        revision: 1,
    }
}

#[test]
fn versions_ignore_line_ends_and_trailing_spaces_but_not_words() {
    let a = normalise("a \t\r\nb\t\n\n\n");
    assert_eq!(a, "a\nb\n");
    // Two spaces before a line of the same paragraph are a line break a reader sees.
    assert_eq!(normalise("a  \r\nb\t\n\n\n"), "a  \nb\n");
    assert_eq!(version_of(&a), version_of(&normalise("a\nb")));
    assert_ne!(version_of(&a), version_of(&normalise("a\nc")));
    assert_eq!(short(&version_of(&a)).len(), 8);
    // The version is the text's SHA-256 in lower-case hex, as stored in ledgers already.
    assert_eq!(version_of(&a), "911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2");
}

#[test]
fn sections_split_at_headings_outside_code() {
    let text = "---\nx: 1\n---\nIntro\n## A?\n```\n# not a heading\n```\n### B #\nb\n";
    let heads: Vec<String> = sections(text).into_iter().map(|s| s.heading).collect();
    assert_eq!(heads, ["---", "", "A?", "B"]);
}

#[test]
fn state_follows_the_latest_decision_and_the_version() {
    let mut l = open(tempfile::tempdir().expect("dir").path());
    let text = normalise(TEXT);
    let v = version_of(&text);
    let state = |l: &Ledger, current: &str| {
        let latest = l.latest(Some("knae")).expect("read");
        ArticleState::of(latest.get("knae").and_then(|d| d.last()), current)
    };
    assert_eq!(state(&l, &v), ArticleState::Unreviewed);
    l.submit(Write::decide("knae", text.clone(), "anne", Verdict::Approved, "")).expect("saved");
    assert_eq!(state(&l, &v), ArticleState::Approved);
    assert_eq!(state(&l, "other"), ArticleState::Stale, "approved an earlier version");
    l.submit(Write::decide("knae", text.clone(), "bo", Verdict::ChangesRequested, "fix")).expect("saved");
    assert_eq!(state(&l, &v), ArticleState::ChangesRequested);
    let latest = l.latest(Some("knae")).expect("read");
    assert_eq!(latest["knae"].len(), 2, "each reviewer's latest: {latest:?}");
    assert_eq!(l.text_of("knae", &v).expect("read").as_deref(), Some(text.as_str()), "the text is kept");
}

#[test]
fn a_retried_decision_is_recorded_once() {
    let mut l = open(tempfile::tempdir().expect("dir").path());
    let w = Write::decide("knae", normalise(TEXT), "anne", Verdict::Approved, "ok");
    l.submit(w.clone()).expect("saved");
    l.submit(w).expect("saved");
    assert_eq!(l.counts().expect("counts").0, 1);
    assert_eq!(l.log(None).expect("log").len(), 1);
}

#[test]
fn an_edit_of_a_comment_changed_since_keeps_both() {
    let mut l = open(tempfile::tempdir().expect("dir").path());
    let c = comment("knae", "Hjælp?", "anne", "first");
    l.submit(Write::Comment(c.clone())).expect("saved");
    let edit = |text: &str, revision| Write::Edit {
        id: c.id.clone(),
        revision,
        text: text.into(),
        by: "anne".into(),
        at: "2026-11-30T09:00:00Z".into(),
    };
    assert_eq!(l.submit(edit("second", 1)).expect("saved"), Outcome::Saved);
    // A second session still holds revision 1.
    let kept = l.submit(edit("third", 1)).expect("saved");
    let Outcome::KeptBoth(copy) = kept else { panic!("{kept:?}") };
    let texts: Vec<String> =
        l.comments(Some("knae"), true).expect("read").into_iter().map(|c| c.text).collect();
    assert_eq!(texts.len(), 2);
    assert!(texts.contains(&"second".to_string()) && texts.contains(&"third".to_string()), "{texts:?}");
    assert_eq!(l.comment(&copy).expect("read").map(|c| c.text).as_deref(), Some("third"));
    // A stale delete does not delete; someone else's comment cannot be edited.
    let del =
        |revision, by: &str| Write::Delete { id: c.id.clone(), revision, by: by.into(), at: String::new() };
    assert_eq!(l.submit(del(1, "anne")).expect("saved"), Outcome::NotDeleted);
    assert_eq!(l.submit(del(2, "bo")).expect("saved"), Outcome::NotAuthor);
    assert_eq!(l.submit(del(2, "anne")).expect("saved"), Outcome::Saved);
    assert_eq!(l.comments(Some("knae"), true).expect("read").len(), 1);
}

#[test]
fn anyone_resolves_and_reopens_and_the_log_keeps_it_all() {
    let mut l = open(tempfile::tempdir().expect("dir").path());
    let c = comment("knae", "Hjælp?", "anne", "why?");
    l.submit(Write::Comment(c.clone())).expect("saved");
    let resolve =
        |resolved| Write::Resolve { id: c.id.clone(), resolved, by: "bo".into(), at: String::new() };
    l.submit(resolve(true)).expect("saved");
    assert!(l.comments(Some("knae"), false).expect("read").is_empty(), "resolved ones hidden");
    assert!(l.comments(Some("knae"), true).expect("read")[0].resolved);
    l.submit(resolve(false)).expect("saved");
    let actions: Vec<String> = l.log(Some("knae")).expect("log").into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["comment", "resolve", "reopen"]);
    let tampered = l.conn.execute("DELETE FROM audit", []);
    assert!(tampered.is_err(), "the audit log is append-only");
    assert!(l.conn.execute("UPDATE audit SET actor = 'x'", []).is_err());
}

#[test]
fn a_diff_marks_words_and_names_sections() {
    let new =
        TEXT.replace("Et knæ er et led.", "Et knæ er et stort led.").replace("## Hjælp?\n\nHvil.\n", "");
    let diffs = diff(&normalise(TEXT), &normalise(&new));
    let text = render(&diffs);
    assert!(text.contains("## Hvad er det? (changed)\n\nEt knæ er et {+stort+} led."), "{text}");
    assert!(text.contains("## Hjælp? (removed)\n\n[-## Hjælp?-]\n\n[-Hvil.-]"), "{text}");
    assert!(diff(TEXT, TEXT).is_empty());
}

#[test]
fn a_new_ledger_is_private_and_a_shared_one_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = open(dir.path());
    l.submit(Write::decide("knae", normalise(TEXT), "anne", Verdict::Approved, "")).expect("saved");
    let mode = |p: &str| std::fs::metadata(dir.path().join(p)).expect("file").permissions().mode() & 0o777;
    assert_eq!(mode("review.db"), 0o600);
    assert_eq!(mode("review.db-wal"), 0o600);
    let shared = dir.path().join("team.db");
    std::fs::write(&shared, b"").expect("file");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o660)).expect("chmod");
    let mut t = Ledger::open(&Options::new(&shared));
    t.submit(Write::decide("knae", normalise(TEXT), "anne", Verdict::Approved, "")).expect("saved");
    assert_eq!(mode("team.db"), 0o660);
    assert_eq!(mode("team.db-wal"), 0o660);
}

/// A damaged database: SQLite's header, then bytes that are no page size nor pages.
fn damaged() -> Vec<u8> {
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.resize(8192, b'x');
    bytes
}

#[test]
fn a_damaged_ledger_is_moved_aside_and_said() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("review.db");
    std::fs::write(&path, damaged()).expect("junk");
    let l = Ledger::open(&Options::new(&path));
    assert!(!l.read_only());
    assert_eq!(l.opened(), Opened::Anew);
    let message = l.message.clone().unwrap_or_default();
    assert!(message.contains("is a damaged database") && message.contains("was moved to"), "{message}");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("review.db.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(aside[0].path()).expect("kept"), damaged(), "the old file is kept whole");
}

#[test]
fn a_newer_schema_opens_read_only_and_queues_writes() {
    let dir = tempfile::tempdir().expect("dir");
    drop(open(dir.path()));
    let path = dir.path().join("review.db");
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.pragma_update(None, "user_version", SCHEMA + 1).expect("bump");
    drop(conn);
    let mut l = Ledger::open(&Options::new(&path));
    assert!(l.read_only());
    assert!(l.message.as_deref().unwrap_or("").contains("newer artikel"), "{:?}", l.message);
    let err = l.submit(Write::decide("knae", normalise(TEXT), "anne", Verdict::Approved, ""));
    assert!(matches!(err, Err(LedgerError::ReadOnly(_))), "{err:?}");
    assert_eq!(l.pending().len(), 1, "kept in memory");
    let conn = rusqlite::Connection::open(&path).expect("open");
    let n: i64 = conn.query_row("SELECT count(*) FROM decisions", [], |r| r.get(0)).expect("count");
    assert_eq!(n, 0, "nothing written to a newer file");
}

#[test]
fn notes_yaml_is_imported_once_and_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let yaml = "version: 1\nnotes:\n- id: n1\n  slug: knae\n  heading: Hjælp?\n  position: 2\n  text: Mere om is\n  author: anne\n  created: 2026-01-01T00:00:00Z\n  updated: 2026-01-01T00:00:00Z\nreviews:\n  knae:\n    status: reviewed\n    user: anne\n    date: 2026-01-02T00:00:00Z\n";
    let notes = dir.path().join("notes.yaml");
    std::fs::write(&notes, yaml).expect("notes");
    let options = Options {
        import: Some(notes.clone()),
        user: "bo".into(),
        ..Options::new(dir.path().join("review.db"))
    };
    let l = Ledger::open(&options);
    assert!(l.message.as_deref().unwrap_or("").contains("Imported 2"), "{:?}", l.message);
    let c = l.comments(Some("knae"), true).expect("read");
    assert_eq!((c[0].text.as_str(), c[0].author.as_str()), ("Mere om is", "bo"), "the importer's");
    assert!(!c[0].created.starts_with("2026-01-01"), "on the day of the import");
    let d = l.latest(Some("knae")).expect("read");
    assert_eq!(d["knae"][0].verdict, Verdict::Approved);
    assert_eq!(ArticleState::of(d["knae"].last(), &version_of(TEXT)), ArticleState::Stale, "version unknown");
    drop(l);
    let again = Ledger::open(&options);
    assert_eq!(again.message, None);
    assert_eq!(again.counts().expect("counts"), (1, 1, 2));
    assert_eq!(std::fs::read_to_string(&notes).expect("kept"), yaml);
}

#[test]
fn a_missing_folder_opens_read_only_in_memory() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = Ledger::open(&Options::new(dir.path().join("no/such/review.db")));
    assert!(l.read_only());
    assert!(l.message.as_deref().unwrap_or("").contains("read-only"), "{:?}", l.message);
    assert!(l.submit(Write::decide("knae", normalise(TEXT), "anne", Verdict::Approved, "")).is_err());
    assert_eq!(l.pending().len(), 1);
}

#[test]
fn an_article_hashed_as_it_streams_has_the_version_of_its_normalised_text() {
    use crate::library::{Article, Source};
    let texts = [
        "---\nmetaTitle: Knæ  \nlastUpdated: 2025-01-02\n---\nIntro.  \r\n\r\n\n## Hjælp?\t\n\nHvil.\n\n\n",
        "---\nmetaTitle: Knæ\n---\n",
        "\n\n  \nLeading blanks\n",
        "No frontmatter, no newline at the end",
        "",
        "a\n \n\t\nb\n\r\n",
        "\n\nLeading blanks, none after\n\n\n",
        "  indented\nthe last line with spaces   ",
        "\n\n",
        "  ",
        "---\nmetaTitle: Knæ\n---\n\n\nX  ",
    ];
    for text in texts {
        let a = Article::from_bytes("knae".into(), Source::Bundled, text.as_bytes()).0;
        assert_eq!(version_of_article(&a), version_of(&normalised(&a)), "{text:?}");
    }
    let one = Article::from_bytes("k".into(), Source::Bundled, b"a\nb\n").0;
    let other = Article::from_bytes("k".into(), Source::Bundled, b"a\nc\n").0;
    assert_ne!(version_of_article(&one), version_of_article(&other));
}

/// An article from its file's text.
fn article(text: &str) -> crate::library::Article {
    crate::library::Article::from_bytes("knae".into(), crate::library::Source::Bundled, text.as_bytes()).0
}

/// A long article: many sections, one line longer than the hashing's block, and a run of
/// blank lines longer than the newlines it copies owed ones from.
fn long_text() -> String {
    let mut text = String::from("---\nmetaTitle: Knæ\nlastUpdated: 2025-01-02\n---\n");
    for i in 0..2_000 {
        text.push_str(&format!("## Afsnit {i}?\n\nEt knæ er et led, og afsnit {i} siger mere om det.\n\n"));
    }
    text.push_str(&"Meget lang linje. ".repeat(2_000));
    text.push_str(&"\n".repeat(40));
    text.push_str("Slutningen.\n");
    text
}

#[test]
fn texts_that_differ_only_in_line_ends_and_trailing_spaces_share_a_version() {
    let unix = long_text();
    let windows = unix.replace('\n', "\r\n");
    let spaced = unix.replace(".\n", ". \t \n").replace("?\n", "?  \r\n") + "\n \n\t\n";
    let versions: Vec<String> =
        [&unix, &windows, &spaced].iter().map(|t| version_of_article(&article(t))).collect();
    assert_eq!(versions[0], versions[1], "CRLF line ends");
    assert_eq!(versions[0], versions[2], "trailing spaces, tabs and blank lines");
    assert_eq!(versions[0], version_of(&normalised(&article(&spaced))), "as the text kept for diffs");
}

#[test]
fn a_hard_line_break_a_reader_sees_makes_a_new_version_and_invisible_spaces_do_not() {
    let plain = "---\nmetaTitle: Knæ\n---\nTag 1 tablet\nmorgen og aften.\n\n## Hjælp?\n\nHvil.\n";
    let broken = plain.replace("tablet\n", "tablet  \n");
    let v = |t: &str| version_of_article(&article(t));
    assert_ne!(v(plain), v(&broken), "two spaces before a line of the same paragraph break it");
    assert_eq!(v(&broken), version_of(&normalised(&article(&broken))), "hashed as the kept text");
    assert_eq!(v(&broken), v(&broken.replace("tablet  \n", "tablet     \r\n")), "however many spaces");
    // At a paragraph's end, on a heading, or spaces after a tab: nothing a reader sees.
    for invisible in [
        plain.replace("aften.\n", "aften.  \n"),
        plain.replace("Hjælp?\n", "Hjælp?  \n"),
        plain.replace("tablet\n", "tablet \t\n"),
        plain.replace("Hvil.\n", "Hvil.   "),
    ] {
        assert_eq!(v(plain), v(&invisible), "{invisible:?}");
        assert_eq!(v(&invisible), version_of(&normalised(&article(&invisible))), "{invisible:?}");
    }
}

#[test]
fn texts_one_character_apart_have_different_versions_wherever_it_is() {
    let text = long_text();
    let base = version_of_article(&article(&text));
    assert_eq!(base, version_of(&normalised(&article(&text))));
    // One character changed at the start, in the middle, in the long line and next to the end.
    let places =
        [text.find("Et knæ").expect("first"), text.len() / 2, text.find("Meget").expect("long") + 9_000];
    for at in places.into_iter().chain([text.len() - 3]) {
        let mut changed = text.clone().into_bytes();
        changed[at] = if changed[at] == b'x' { b'y' } else { b'x' };
        let changed = String::from_utf8(changed).expect("ASCII changed for ASCII");
        let version = version_of_article(&article(&changed));
        assert_ne!(version, base, "a character changed at {at} of {}", text.len());
        assert_eq!(version, version_of(&normalised(&article(&changed))), "at {at}");
    }
    // One blank line more or less in the run before the end is a change too.
    let fewer = text.replacen(&"\n".repeat(40), &"\n".repeat(39), 1);
    assert_ne!(version_of_article(&article(&fewer)), base);
}

#[test]
fn moving_text_between_the_frontmatter_and_the_body_changes_the_version() {
    let a = article("---\nmetaTitle: a\n---\nbc\n");
    let b = article("---\nmetaTitle: ab\n---\nc\n");
    assert_ne!(version_of_article(&a), version_of_article(&b));
    let line = article("---\nmetaTitle: a\n---\nb\nc\n");
    let joined = article("---\nmetaTitle: a\n---\nbc\n");
    assert_ne!(version_of_article(&line), version_of_article(&joined), "a line end is a change");
}

#[test]
fn each_reviewers_latest_decision_comes_last_and_replaces_their_earlier_ones() {
    let mut l = open(tempfile::tempdir().expect("dir").path());
    let old = normalise(TEXT);
    let new = normalise(&TEXT.replace("Hvil.", "Hvil dig."));
    let decide = |l: &mut Ledger, slug: &str, text: &str, who: &str, verdict: Verdict| {
        l.submit(Write::decide(slug, text.to_string(), who, verdict, who)).expect("saved");
    };
    decide(&mut l, "knae", &old, "anne", Verdict::Approved);
    decide(&mut l, "knae", &old, "bo", Verdict::ChangesRequested);
    decide(&mut l, "hofte", &old, "bo", Verdict::Approved);
    decide(&mut l, "knae", &new, "anne", Verdict::ChangesRequested);
    decide(&mut l, "knae", &new, "bo", Verdict::Approved);
    decide(&mut l, "knae", &new, "anne", Verdict::Approved);
    for latest in [l.latest(None).expect("all"), l.latest(Some("knae")).expect("one")] {
        let knae: Vec<_> =
            latest["knae"].iter().map(|d| (d.reviewer.as_str(), d.verdict, d.version.clone())).collect();
        assert_eq!(
            knae,
            [("bo", Verdict::Approved, version_of(&new)), ("anne", Verdict::Approved, version_of(&new))],
            "one decision per reviewer, the latest last"
        );
    }
    assert_eq!(l.latest(None).expect("all")["hofte"].len(), 1);
    assert!(!l.latest(Some("knae")).expect("one").contains_key("hofte"));
    let heads = l.heads().expect("heads");
    assert_eq!(heads["knae"].state(&version_of(&new)), ArticleState::Approved);
    assert_eq!(heads["hofte"].state(&version_of(&old)), ArticleState::Approved);
    decide(&mut l, "knae", &new, "bo", Verdict::ChangesRequested);
    assert_eq!(
        l.heads().expect("heads")["knae"].state(&version_of(&new)),
        ArticleState::ChangesRequested,
        "bo's request stands on it now"
    );
}

#[test]
fn every_mix_of_text_blanks_and_line_ends_hashes_as_its_normalised_text() {
    // Texts of a few characters drawn from words, spaces, tabs and line ends (a fixed
    // sequence, so a failure repeats), with and without frontmatter.
    let pieces = ["a", "bc", " ", "\t", "\n", "\r\n", "\n\n", "  \n", "---\n"];
    let mut seed: u64 = 7;
    for round in 0..3_000 {
        let mut text = if round % 2 == 0 { String::from("---\nmetaTitle: K\n---\n") } else { String::new() };
        for _ in 0..(round % 13) {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let a = article(&text);
        assert_eq!(version_of_article(&a), version_of(&normalised(&a)), "{text:?}");
    }
}

#[test]
fn sessions_opening_a_new_ledger_at_the_same_moment_can_all_write() {
    for _ in 0..20 {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("review.db");
        let start = std::sync::Arc::new(std::sync::Barrier::new(6));
        let opened: Vec<_> = (0..6)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    let ledger = Ledger::open(&Options::new(&path));
                    (ledger.read_only(), ledger.message.clone())
                })
            })
            .collect();
        for thread in opened {
            let (read_only, message) = thread.join().expect("opened");
            assert!(!read_only, "a session opened the new ledger read-only: {message:?}");
        }
    }
}

pub(crate) mod engines;
mod files;
mod lifts;

#[test]
fn the_librarys_mark_follows_the_approval_rules() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = open(dir.path());
    let decide = |l: &mut Ledger, who: &str, verdict: Verdict| {
        l.submit(Write::decide("knae", TEXT.to_string(), who, verdict, "x")).expect("saved");
    };
    let mark = |l: &Ledger| {
        l.heads()
            .expect("heads")
            .remove("knae")
            .map_or(ArticleState::Unreviewed, |h| h.state(&version_of(TEXT)))
    };
    decide(&mut l, "bo", Verdict::ChangesRequested);
    l.lift("knae", "bo", "bo", "misforstod").expect("ledger").expect("lifted");
    assert_eq!(mark(&l), ArticleState::Unreviewed, "a lifted request and nothing else: no mark");
    decide(&mut l, "bo", Verdict::ChangesRequested);
    decide(&mut l, "cecilie", Verdict::Approved);
    assert_eq!(mark(&l), ArticleState::ChangesRequested, "another approval does not overrule bo");
    l.lift("knae", "bo", "bo", "igen").expect("ledger").expect("lifted");
    assert_eq!(mark(&l), ArticleState::Approved);
    l.set_policy(Some(2), None, "anne", "to").expect("ledger").expect("set");
    assert_eq!(mark(&l), ArticleState::Partly, "one of two approvals: neither ✓ nor changed since");
    decide(&mut l, "dorte", Verdict::Approved);
    assert_eq!(mark(&l), ArticleState::Approved);
}

#[test]
fn a_decision_on_an_older_text_recorded_later_does_not_change_the_mark_of_the_current_one() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = open(dir.path());
    let older = format!("{TEXT}\nen ældre sætning\n");
    let decide = |l: &mut Ledger, who: &str, text: &str, verdict: Verdict| {
        l.submit(Write::decide("knae", text.to_string(), who, verdict, "x")).expect("saved");
    };
    let mark = |l: &Ledger| l.heads().expect("heads")["knae"].state(&version_of(TEXT));
    decide(&mut l, "bo", TEXT, Verdict::Approved);
    // cai, still reading the older text, approves it, then asks for changes to it.
    decide(&mut l, "cai", &older, Verdict::Approved);
    assert_eq!(mark(&l), ArticleState::Approved, "as review status says: bo approved this text");
    decide(&mut l, "cai", &older, Verdict::ChangesRequested);
    assert_eq!(mark(&l), ArticleState::Approved, "a request on another text does not block this one");
    // On the current text only an earlier text's approval: changed since.
    let dir = tempfile::tempdir().expect("dir");
    let mut l = open(dir.path());
    decide(&mut l, "bo", &older, Verdict::Approved);
    assert_eq!(mark(&l), ArticleState::Stale);
}
