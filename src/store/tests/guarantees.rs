//! The store's promises at its edges: it writes only what it can read back, keeps every
//! file moved aside, keeps its files private, says what is wrong and where, and never waits
//! for a lock without end.

use super::super::*;
use super::{a_write, note};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

fn aside_files(dir: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .collect();
    found.sort();
    found
}

fn bookmark(slug: &str, heading: &str) -> Bookmark {
    Bookmark { anchor: Anchor { slug: slug.into(), heading: heading.into(), position: 3 }, created: now() }
}

/// A store of `entries` entries of every kind.
fn store_of(entries: usize) -> Store {
    let review = Review { status: ReviewStatus::Reviewed, user: "anne".into(), date: now() };
    let position = Position { heading: Some("Hvad gør jeg?".into()), offset: 4 };
    let mut store = Store::default();
    for i in 0..entries {
        match i % 4 {
            0 | 1 => {
                store.notes.push(note(&format!("n{i}"), "knaesmerter", "Kan knæbind hjælpe?", 10, "Tjek."))
            }
            2 => store.bookmarks.push(bookmark(&format!("b{i}"), "Hvad er det?")),
            _ if i % 8 == 3 => drop(store.reviews.insert(format!("r{i}"), review.clone())),
            _ => drop(store.positions.insert(format!("p{i}"), position.clone())),
        }
    }
    store
}

#[test]
fn a_store_of_the_most_notes_allowed_loads() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    // Notes are the largest entries for the parser; the old budget failed at about 15,000.
    let notes = (0..MAX_ENTRIES)
        .map(|i| {
            note(&format!("{i:x}"), "knaesmerter", "Kan knæbind hjælpe?", 10, "Tjek kilden.\nOg sproget.")
        })
        .collect();
    let store = Store { notes, ..Store::default() };
    std::fs::write(disk.path(), serde_saphyr::to_string(&store).expect("yaml")).expect("write");
    let loaded = disk.load();
    assert!(loaded.problem.is_none(), "{:?}", loaded.problem.map(|p| p.to_string()));
    assert_eq!(loaded.store.notes.len(), MAX_ENTRIES);
    assert_eq!(loaded.store.notes.last(), store.notes.last());
}

#[test]
fn a_store_at_its_limit_reads_back_and_growing_past_it_is_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path()).with_max_entries(400);
    let almost = store_of(399);
    std::fs::write(disk.path(), serde_saphyr::to_string(&almost).expect("yaml")).expect("write");
    let last = Change::SetBookmark { bookmark: bookmark("last", "Den sidste?"), on: true };
    let written = disk.update(&[last]).expect("saved up to the limit");
    assert_eq!(written.entries(), 400);
    assert_eq!(disk.load().store, written, "what was written reads back");
    let before = std::fs::read(disk.path()).expect("file");

    let more = Change::SetBookmark { bookmark: bookmark("one-more", "For meget?"), on: true };
    let refused = disk.update(&[more]).expect_err("refused past the limit");
    assert_eq!(refused.kind(), ErrorKind::TooLarge);
    let message = refused.to_string();
    assert!(message.contains("401 entries") && message.contains("limit of 400 entries"), "{message}");
    assert!(message.contains("notes.yaml"), "{message}");
    assert_eq!(std::fs::read(disk.path()).expect("file"), before, "nothing was written");

    // Changing what is there, and making room, are never refused at the limit.
    let moved = Change::SetPosition("p7".into(), Position { heading: None, offset: 9 });
    disk.update(&[moved]).expect("a change to what is there is saved");
    let gone = Change::SetBookmark { bookmark: bookmark("b2", "Hvad er det?"), on: false };
    let store = disk.update(&[gone]).expect("a removal is saved");
    assert_eq!(store.entries(), 399);
}

#[test]
fn two_corrupt_stores_moved_aside_in_the_same_second_both_stay() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    std::fs::write(disk.path(), "version: 1\nnotes: [ {first\n").expect("write");
    let first = disk.load().problem.expect("told");
    std::fs::write(disk.path(), "version: 1\nnotes: [ {second\n").expect("write");
    let second = disk.load().problem.expect("told");
    let (one, two) = (first.moved_to().expect("moved"), second.moved_to().expect("moved"));
    assert_ne!(one, two, "each has its own name");
    assert_eq!(std::fs::read_to_string(one).expect("kept"), "version: 1\nnotes: [ {first\n");
    assert_eq!(std::fs::read_to_string(two).expect("kept"), "version: 1\nnotes: [ {second\n");
    assert_eq!(aside_files(dir.path(), "notes.yaml.corrupt-").len(), 2);
    assert!(second.to_string().contains(&two.display().to_string()), "{second}");
}

#[test]
fn a_corrupt_draft_is_moved_aside_and_said() {
    let dir = tempfile::tempdir().expect("temp");
    let broken = "slug: knaesmerter\ntext: [ {unclosed\n";
    std::fs::write(Draft::path(dir.path()), broken).expect("write");
    let problem = Draft::find(dir.path()).expect_err("said");
    assert_eq!(problem.kind(), ErrorKind::Corrupt);
    let aside = problem.moved_to().expect("moved aside");
    assert_eq!(std::fs::read_to_string(aside).expect("kept"), broken);
    assert!(!Draft::path(dir.path()).exists(), "the next draft cannot overwrite it");
    let message = problem.to_string();
    assert!(message.contains("draft.yaml") && message.contains("draft.yaml.corrupt-"), "{message}");
    assert_eq!(Draft::find(dir.path()).expect("read"), None, "said once");
}

#[test]
fn a_draft_that_cannot_be_saved_says_why() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    std::fs::write(&data, "a file, not a folder").expect("write");
    let draft = Draft {
        anchor: Anchor { slug: "knaesmerter".into(), heading: "Kan knæbind hjælpe?".into(), position: 10 },
        note: None,
        text: "Halvt skrevet".into(),
    };
    let problem = draft.save(&data).expect_err("refused, not swallowed");
    let message = problem.to_string();
    assert!(message.contains(&data.display().to_string()) && message.contains("is a file"), "{message}");
}

#[test]
fn notes_drafts_and_the_lock_are_private_and_a_folder_we_make_is_too() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("made").join("by-artikel");
    let disk = Disk::new(&data);
    disk.update(&[a_write()]).expect("saved");
    assert_eq!(mode(&disk.path()), 0o600, "notes.yaml");
    assert_eq!(mode(&data.join("notes.lock")), 0o600, "notes.lock");
    assert_eq!(mode(&data), 0o700, "the data folder we made");
    assert_eq!(mode(&dir.path().join("made")), 0o700, "and its parent we made");
    let draft = Draft { anchor: note("1", "k", "H", 0, "").anchor, note: None, text: "Privat".into() };
    draft.save(&data).expect("saved");
    assert_eq!(mode(&Draft::path(&data)), 0o600, "draft.yaml");

    // A file written by an older artikel with the umask's mode becomes private when rewritten.
    std::fs::set_permissions(disk.path(), std::fs::Permissions::from_mode(0o644)).expect("chmod");
    disk.update(&[a_write()]).expect("saved");
    assert_eq!(mode(&disk.path()), 0o600);
    // A folder the user made is left as they made it.
    let theirs = tempfile::tempdir().expect("temp");
    std::fs::set_permissions(theirs.path(), std::fs::Permissions::from_mode(0o750)).expect("chmod");
    Disk::new(theirs.path()).update(&[a_write()]).expect("saved");
    assert_eq!(mode(theirs.path()), 0o750);
}

#[test]
fn writers_at_once_in_one_process_each_write_a_whole_file() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("notes.yaml");
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let path = path.clone();
            std::thread::spawn(move || {
                let line = format!("writer {i}\n").repeat(20_000);
                write_atomic_using(&path, |f| f.write_all(line.as_bytes()))
            })
        })
        .collect();
    for t in threads {
        t.join().expect("thread").expect("every write succeeds");
    }
    let text = std::fs::read_to_string(&path).expect("file");
    let first = text.lines().next().expect("a line");
    assert!(text.lines().all(|l| l == first) && text.lines().count() == 20_000, "one writer's file, whole");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1, "no temporary file left");
}

#[test]
fn an_unreadable_notes_file_says_so_and_is_never_called_newer() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    // A folder where the file should be.
    std::fs::create_dir(disk.path()).expect("mkdir");
    let loaded = disk.load();
    assert!(loaded.read_only());
    let told = loaded.problem.expect("told").to_string();
    assert!(told.contains("notes.yaml") && told.contains("is a folder, not a file"), "{told}");
    let refused = disk.update(&[a_write()]).expect_err("refused");
    assert_eq!(refused.kind(), ErrorKind::ReadOnly);
    assert!(!refused.to_string().contains("newer"), "{refused}");
    assert!(disk.path().is_dir(), "left as it is");

    // A symlink loop.
    std::fs::remove_dir(disk.path()).expect("rmdir");
    std::os::unix::fs::symlink(disk.path(), disk.path()).expect("symlink");
    let loaded = disk.load();
    assert!(loaded.read_only());
    let told = loaded.problem.expect("told").to_string();
    assert!(told.contains("Cannot read") && !told.contains("newer"), "{told}");
    assert!(std::fs::symlink_metadata(disk.path()).expect("kept").is_symlink(), "never moved aside");

    // Permission denied (made up: tests may run as root, who may read anything).
    let denied =
        StoreError::new(Problem::Unreadable(std::io::ErrorKind::PermissionDenied.into()), disk.path());
    assert_eq!(denied.kind(), ErrorKind::ReadOnly);
    assert!(denied.to_string().contains("permission denied") && !denied.to_string().contains("newer"));
}

#[test]
fn a_data_folder_that_is_a_file_says_which_file() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("data");
    std::fs::write(&file, "not a folder").expect("write");
    for disk in [Disk::new(&file), Disk::new(file.join("below"))] {
        let loaded = disk.load();
        assert!(loaded.read_only());
        let problem = loaded.problem.expect("told");
        assert!(matches!(problem.problem(), Problem::NotAFolder { file: f } if *f == file), "{problem:?}");
        let refused = disk.update(&[a_write()]).expect_err("refused");
        assert_eq!(refused.kind(), ErrorKind::ReadOnly);
        let message = refused.to_string();
        assert!(message.contains(&format!("{} is a file, not a folder", file.display())), "{message}");
        assert!(!message.contains("os error"), "{message}");
    }
}

#[test]
fn a_held_lock_makes_try_update_busy_at_once_and_update_gives_up() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    disk.update(&[Change::SetBookmark { bookmark: bookmark("a", "H?"), on: true }]).expect("saved");
    let before = std::fs::read(disk.path()).expect("file");
    // Another artikel holding the lock.
    let other = std::fs::File::options().write(true).open(dir.path().join("notes.lock")).expect("lock file");
    other.lock().expect("locked");
    let change = [Change::SetBookmark { bookmark: bookmark("a", "H?"), on: false }];
    let busy = disk.try_update(&change).expect_err("busy");
    assert_eq!(busy.kind(), ErrorKind::Busy);
    assert_eq!(
        busy.to_string(),
        format!("Another artikel is still saving {}; nothing was changed yet", disk.path().display())
    );
    assert_eq!(disk.update(&change).expect_err("gives up").kind(), ErrorKind::Busy);
    assert_eq!(std::fs::read(disk.path()).expect("file"), before, "nothing written while busy");
    drop(other);
    // The waiter `update` gave up on takes the lock for a moment once it is free and lets it
    // go at once, so a save that waits its turn is what must succeed now.
    assert!(disk.update(&change).expect("saved once the lock is free").bookmarks.is_empty());
}

#[test]
fn two_sessions_bookmarking_the_same_section_keep_the_bookmark() {
    let dir = tempfile::tempdir().expect("temp");
    let (one, two) = (Disk::new(dir.path()), Disk::new(dir.path()));
    // Both started with no bookmark there, and both pressed `m`.
    one.update(&[Change::SetBookmark { bookmark: bookmark("a", "H?"), on: true }]).expect("saved");
    let store =
        two.update(&[Change::SetBookmark { bookmark: bookmark("a", "H?"), on: true }]).expect("saved");
    assert_eq!(store.bookmarks.len(), 1, "set, as both sessions said");
    // Both removed it.
    one.update(&[Change::SetBookmark { bookmark: bookmark("a", "H?"), on: false }]).expect("saved");
    let store =
        two.update(&[Change::SetBookmark { bookmark: bookmark("a", "H?"), on: false }]).expect("saved");
    assert!(store.bookmarks.is_empty(), "removed, as both sessions said");
}

#[test]
fn file_names_in_messages_cannot_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("evil\x1b]0;PWNED\x07");
    std::fs::write(&data, "a file").expect("write");
    let message = Disk::new(&data).load().problem.expect("told").to_string();
    assert!(!message.contains('\x1b') && !message.contains('\x07'), "{message:?}");
    assert!(message.contains("evil^[]0;PWNED^G"), "{message:?}");
}

#[test]
fn notes_with_any_text_are_saved_and_read_back_as_written() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    let texts = [
        "",
        " ",
        "  leading and trailing  ",
        "\ttab",
        "a\r\nb",
        "lone\rcr",
        "trailing newline\n\n",
        "\n",
        "---",
        "...",
        "--- \n...",
        "# not a comment",
        "key: value",
        "- item",
        "[1, 2]",
        "{a: b}",
        "&anchor",
        "*alias",
        "!tag",
        "%YAML 1.2",
        "@at",
        "`tick",
        "'single'",
        "\"double\"",
        "null",
        "~",
        "yes",
        "no",
        "0x1F",
        "1e3",
        ".inf",
        "\u{feff}bom",
        "nel\u{85}line",
        "ls\u{2028}ps\u{2029}",
        "esc\x1b[2J",
        "del\x7f",
        "nul\0byte",
        "bell\x07",
        "æøå – “citat” 👩‍⚕️",
        "|",
        ">",
        "? key",
        "a:b",
        "a #b",
        "\\backslash",
    ];
    let changes: Vec<Change> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Change::SetBookmark {
            bookmark: Bookmark {
                anchor: Anchor { slug: t.to_string(), heading: t.to_string(), position: i },
                created: now(),
            },
            on: true,
        })
        .collect();
    let written = disk.update(&changes).expect("saved");
    let back = disk.load();
    assert!(back.problem.is_none(), "{:?}", back.problem.map(|p| p.to_string()));
    let texts_back: Vec<&str> = back.store.bookmarks.iter().map(|b| b.anchor.heading.as_str()).collect();
    assert_eq!(texts_back, texts);
    assert_eq!(back.store, written);
}

#[test]
fn a_store_broken_between_saves_is_moved_aside_and_said_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    let first = Change::SetBookmark { bookmark: bookmark("knaesmerter", "Først?"), on: true };
    disk.update(&[first]).expect("saved");
    std::fs::write(disk.path(), "version: 1\nnotes: [ {broken by hand\n").expect("write");
    let second = [Change::SetBookmark { bookmark: bookmark("knaesmerter", "Så?"), on: true }];
    let said = disk.update(&second).expect_err("said, not swallowed");
    assert_eq!(said.kind(), ErrorKind::Corrupt);
    let aside = said.moved_to().expect("moved aside");
    assert!(std::fs::read_to_string(aside).expect("kept").contains("broken by hand"));
    // Saving again starts the new file.
    let store = disk.update(&second).expect("saved");
    assert_eq!(store.bookmarks.len(), 1);
}

#[test]
fn a_broken_store_is_not_moved_aside_while_another_artikel_holds_the_lock() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    std::fs::write(disk.path(), "version: 1\nnotes: [ {unclosed\n").expect("write");
    let other = std::fs::File::create(dir.path().join("notes.lock")).expect("lock file");
    other.lock().expect("locked");
    let loaded = disk.load();
    assert!(loaded.read_only(), "it may be the file the other is writing");
    let told = loaded.problem.expect("told").to_string();
    assert!(told.contains("nor moved aside (another artikel is saving)"), "{told}");
    assert!(disk.path().exists());
    drop(other);
    assert_eq!(disk.load().problem.map(|p| p.kind()), Some(ErrorKind::Corrupt), "moved once free");
}

#[test]
fn peeking_reads_a_large_store_and_moves_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    assert!(disk.peek().expect("nothing there").is_none());
    let store = store_of(2_000);
    std::fs::write(disk.path(), serde_saphyr::to_string(&store).expect("yaml")).expect("write");
    assert_eq!(disk.peek().expect("read"), Some(store));
    std::fs::write(disk.path(), "version: 1\nnotes: [ {unclosed\n").expect("write");
    let problem = disk.peek().expect_err("said");
    assert_eq!(problem.line_column().map(|(line, _)| line), Some(2));
    assert!(problem.moved_to().is_none() && disk.path().exists(), "left where it is");
}
