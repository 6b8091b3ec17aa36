//! The store: round trip, anchoring, corrupt and newer files, atomic writes, merging.

use super::*;
use std::io::Write;

mod guarantees;
mod special_files;

fn note(id: &str, slug: &str, heading: &str, position: usize, text: &str) -> Note {
    Note {
        id: id.into(),
        anchor: Anchor { slug: slug.into(), heading: heading.into(), position },
        text: text.into(),
        author: "anne".into(),
        created: "2026-11-29T10:00:00Z".into(),
        updated: "2026-11-29T10:00:00Z".into(),
    }
}

/// A write, as any change of the reader's is.
fn a_write() -> Change {
    Change::SetPosition("knaesmerter".into(), Position { heading: None, offset: 0 })
}

/// Writes `store` as the file an older version left (with notes and reviews in it).
fn leave(disk: &Disk, store: &Store) {
    std::fs::create_dir_all(disk.dir()).expect("folder");
    std::fs::write(disk.path(), serde_saphyr::to_string(store).expect("yaml")).expect("write");
}

#[test]
fn a_store_round_trips_through_its_file() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    let review = Review { status: ReviewStatus::NeedsChanges, user: "anne".into(), date: now() };
    let mut old = Store::default();
    old.notes.push(note("1", "knaesmerter", "Kan knæbind hjælpe?", 10, "Tjek kilden.\nOg sproget."));
    old.reviews.insert("knaesmerter".into(), review.clone());
    leave(&disk, &old);
    let position = Position { heading: Some("Kan nervesmerter helbredes?".into()), offset: 3 };
    let written = disk
        .update(&[
            Change::SetBookmark {
                bookmark: Bookmark {
                    anchor: Anchor {
                        slug: "knaesmerter".into(),
                        heading: "Kan knæbind hjælpe?".into(),
                        position: 10,
                    },
                    created: now(),
                },
                on: true,
            },
            Change::SetPosition("nervesmerter".into(), position.clone()),
        ])
        .expect("saved");
    let loaded = disk.load();
    assert_eq!(loaded.store, written);
    assert!(!loaded.read_only() && loaded.problem.is_none());
    assert_eq!(loaded.store.notes[0].text, "Tjek kilden.\nOg sproget.", "an older version's notes are kept");
    assert_eq!(loaded.store.reviews["knaesmerter"], review);
    assert_eq!(loaded.store.last_article.as_deref(), Some("nervesmerter"));
    let text = std::fs::read_to_string(disk.path()).expect("file");
    assert!(
        text.contains("version: 1") && text.contains("heading: Kan knæbind hjælpe?"),
        "human-readable:\n{text}"
    );
}

#[test]
fn notes_find_their_heading_by_text_then_by_place_and_are_detached_when_it_is_gone() {
    let headings = ["Hvad er det?", "Noter", "Hvad gør jeg?", "Noter"];
    let at = |heading: &str, position| {
        resolve(&Anchor { slug: "a".into(), heading: heading.into(), position }, &headings)
    };
    assert_eq!(at("Hvad gør jeg?", 2), Some(2));
    assert_eq!(at("Hvad gør jeg?", 7), Some(2), "moved: found by its text");
    assert_eq!(at("Noter", 3), Some(3), "two alike: the one at its place");
    assert_eq!(at("Noter", 0), Some(1), "two alike, place changed: the first");
    assert_eq!(at("Fjernet overskrift?", 1), None, "gone: detached, not dropped");
    assert_eq!(at("", 0), None);
}

#[test]
fn a_corrupt_file_is_moved_aside_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    std::fs::write(disk.path(), "version: 1\nnotes: [ {unclosed\n").expect("write");
    let loaded = disk.load();
    assert_eq!(loaded.store, Store::default());
    assert!(!loaded.read_only(), "a new store is started");
    let problem = loaded.problem.expect("the user is told");
    assert_eq!(problem.kind(), ErrorKind::Corrupt);
    assert_eq!(problem.line_column().map(|(line, _)| line), Some(2), "{problem}");
    let message = problem.to_string();
    assert!(message.contains("moved to") && message.contains("notes.yaml.corrupt-"), "{message}");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("notes.yaml.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read_to_string(aside[0].path()).expect("kept"), "version: 1\nnotes: [ {unclosed\n");
    assert!(!disk.path().exists(), "the broken file is not left to be overwritten");
}

#[test]
fn a_file_from_a_newer_version_is_read_only_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    let newer = "version: 7\nnotes: []\nfuture: stuff\n";
    std::fs::write(disk.path(), newer).expect("write");
    let loaded = disk.load();
    assert!(loaded.read_only());
    assert!(loaded.problem.expect("told").to_string().contains("newer artikel (version 7)"));
    let err = disk.update(&[a_write()]).expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::ReadOnly);
    assert!(matches!(err.problem(), Problem::Newer { version: 7 }));
    assert_eq!(std::fs::read_to_string(disk.path()).expect("file"), newer);
}

#[test]
fn a_write_that_fails_midway_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("notes.yaml");
    std::fs::write(&path, "the old, good file\n").expect("write");
    let failed = write_atomic_using(&path, |f| {
        f.write_all(b"half of the new")?;
        Err(std::io::Error::other("disk full"))
    });
    assert!(failed.is_err());
    assert_eq!(std::fs::read_to_string(&path).expect("file"), "the old, good file\n");
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").filter_map(|e| e.ok()).collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
    write_atomic_using(&path, |f| f.write_all(b"new\n")).expect("write");
    assert_eq!(std::fs::read_to_string(&path).expect("file"), "new\n");
}

#[test]
fn two_sessions_saving_at_once_keep_both_bookmarks() {
    let dir = tempfile::tempdir().expect("temp");
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let disk = Disk::new(dir.path());
            std::thread::spawn(move || {
                for j in 0..10 {
                    let anchor =
                        Anchor { slug: "knaesmerter".into(), heading: format!("{i}-{j}"), position: 10 };
                    // As the reader does with its queue: a save that found the lock busy
                    // for too long (a loaded machine, eight writers syncing) is tried again.
                    let change =
                        [Change::SetBookmark { bookmark: Bookmark { anchor, created: now() }, on: true }];
                    loop {
                        match disk.update(&change) {
                            Ok(_) => break,
                            Err(e) if e.kind() == ErrorKind::Busy => continue,
                            Err(e) => panic!("saved: {e}"),
                        }
                    }
                }
            })
        })
        .collect();
    threads.into_iter().for_each(|t| t.join().expect("thread"));
    assert_eq!(Disk::new(dir.path()).load().store.bookmarks.len(), 80);
}

#[test]
fn bookmarks_are_set_and_removed_as_asked() {
    let mut store = Store::default();
    let b =
        Bookmark { anchor: Anchor { slug: "a".into(), heading: "H?".into(), position: 0 }, created: now() };
    store.apply(&Change::SetBookmark { bookmark: b.clone(), on: true });
    store.apply(&Change::SetBookmark { bookmark: b.clone(), on: true });
    assert_eq!(store.bookmarks.len(), 1, "set twice is set once");
    store.apply(&Change::SetBookmark { bookmark: b.clone(), on: false });
    assert!(store.bookmarks.is_empty());
    store.apply(&Change::SetBookmark { bookmark: b, on: false });
    assert!(store.bookmarks.is_empty(), "removing what is gone changes nothing");
}

#[test]
fn a_draft_is_kept_until_cleared() {
    let dir = tempfile::tempdir().expect("temp");
    assert_eq!(Draft::find(dir.path()).expect("read"), None);
    let draft = Draft {
        anchor: Anchor { slug: "knaesmerter".into(), heading: "Kan knæbind hjælpe?".into(), position: 10 },
        note: None,
        text: "Halvt skrevet".into(),
    };
    draft.save(dir.path()).expect("saved");
    assert_eq!(Draft::find(dir.path()).expect("read"), Some(draft));
    Draft::clear(dir.path()).expect("cleared");
    assert_eq!(Draft::find(dir.path()).expect("read"), None);
    Draft::clear(dir.path()).expect("clearing what is gone is fine");
}

#[test]
fn a_file_written_by_the_previous_version_reads_the_same() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    let old = "version: 1\nnotes:\n  - id: 1\n    slug: knaesmerter\n    heading: Kan knæbind hjælpe?\n    position: 10\n    \
               text: \"Tjek kilden.\\nOg sproget.\"\n    author: anne\n    created: 2026-11-29T10:00:00Z\n    \
               updated: 2026-11-29T10:00:00Z\nbookmarks:\n  - slug: knaesmerter\n    heading: Kan knæbind hjælpe?\n    \
               position: 10\n    created: 2026-11-29T10:00:00Z\nreviews: {}\npositions: {}\n";
    std::fs::write(disk.path(), old).expect("write");
    let loaded = disk.load();
    assert!(loaded.problem.is_none(), "{:?}", loaded.problem.map(|p| p.to_string()));
    let want = note("1", "knaesmerter", "Kan knæbind hjælpe?", 10, "Tjek kilden.\nOg sproget.");
    assert_eq!(loaded.store.notes, std::slice::from_ref(&want));
    assert_eq!(loaded.store.bookmarks[0].anchor, want.anchor);
    // And it is written back with the same keys, in the same order.
    disk.update(&[]).expect("saved");
    let text = std::fs::read_to_string(disk.path()).expect("file");
    let keys: Vec<&str> = text
        .lines()
        .filter(|l| l.len() - l.trim_start().len() <= 2) // not the lines of a block of text
        .filter_map(|l| l.trim_start_matches([' ', '-']).split(':').next())
        .take(10)
        .collect();
    assert_eq!(
        keys,
        ["version", "notes", "id", "slug", "heading", "position", "text", "author", "created", "updated"]
    );
}
