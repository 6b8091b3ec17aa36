//! The ledger's file as found: a damaged database moved aside under a name of its own, a
//! file that is not a ledger left alone, a FIFO or a device refused at once, a full disk said
//! as such, and the folder it makes private.

use super::super::*;
use super::damaged;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};

fn files_named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

#[test]
fn damaged_ledgers_moved_aside_in_the_same_second_all_stay() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("review.db");
    // The names a move in the next minute would take first are taken already, so each move
    // below meets a taken name, as a second move in the same second does.
    let now = jiff::Timestamp::now();
    for s in 0..60 {
        let stamp = now.checked_add(jiff::SignedDuration::from_secs(s)).expect("time");
        let name = format!("review.db.corrupt-{}", stamp.strftime("%Y%m%dT%H%M%SZ"));
        std::fs::write(dir.path().join(name), b"taken").expect("write");
    }
    let mut moved = Vec::new();
    for n in 0..3u8 {
        let mut bytes = damaged();
        bytes.push(n);
        std::fs::write(&path, &bytes).expect("write");
        let l = Ledger::open(&Options::new(&path));
        assert_eq!(l.opened(), Opened::Anew, "{:?}", l.message);
        moved.push(bytes);
    }
    let aside = files_named(dir.path(), "review.db.corrupt-");
    let kept: Vec<Vec<u8>> = aside.iter().map(|p| std::fs::read(p).expect("read")).collect();
    assert_eq!(kept.iter().filter(|k| k.as_slice() == b"taken").count(), 60, "no file was replaced");
    for bytes in &moved {
        assert_eq!(kept.iter().filter(|k| *k == bytes).count(), 1, "each damaged ledger is kept once");
    }
}

#[test]
fn a_file_that_is_not_a_ledger_is_refused_and_never_renamed() {
    let dir = tempfile::tempdir().expect("dir");
    let yaml = dir.path().join("notes.yaml");
    std::fs::write(&yaml, "version: 1\nnotes: []\n").expect("write");
    let l = Ledger::open(&Options::new(&yaml));
    assert_eq!((l.opened(), l.read_only()), (Opened::StandIn, true));
    let message = l.message.clone().unwrap_or_default();
    assert!(message.contains("cannot be opened: it is not a review ledger"), "{message}");
    assert!(message.contains("left as it is"), "{message}");
    assert_eq!(std::fs::read_to_string(&yaml).expect("kept"), "version: 1\nnotes: []\n");
    assert_eq!(files_named(dir.path(), "notes.yaml."), Vec::<PathBuf>::new(), "nothing moved aside");

    // Another program's database is not a ledger either, and gets no tables of ours.
    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).expect("open");
    conn.execute_batch("CREATE TABLE recipes(name TEXT)").expect("table");
    drop(conn);
    let l = Ledger::open(&Options::new(&other));
    assert_eq!(l.opened(), Opened::StandIn);
    assert!(l.message.as_deref().unwrap_or("").contains("not a review ledger"), "{:?}", l.message);
    let conn = rusqlite::Connection::open(&other).expect("open");
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).expect("count");
    assert_eq!(tables, 1, "left as it was");

    // An empty file is a new ledger.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").expect("write");
    assert_eq!(Ledger::open(&Options::new(&empty)).opened(), Opened::AsFound);
}

#[test]
fn a_damaged_ledger_replaced_while_being_moved_aside_stays_where_it_is() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("review.db");
    std::fs::write(&path, damaged()).expect("write");
    let id = super::super::file::damaged(&path).expect("a damaged database");
    // Another session moved it aside and put a new ledger there since this one looked.
    std::fs::rename(&path, dir.path().join("elsewhere")).expect("mv");
    std::fs::write(&path, damaged()).expect("write");
    assert!(super::super::file::move_aside(&path, id).is_err());
    assert!(path.exists());
    assert_eq!(files_named(dir.path(), "review.db.corrupt-"), Vec::<PathBuf>::new());
}

#[test]
fn a_fifo_or_a_device_as_the_ledger_or_a_side_file_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("fifo.db");
    mkfifo(&fifo);
    let zero = dir.path().join("zero.db");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    for path in [&fifo, &zero] {
        let l = Ledger::open(&Options::new(path));
        assert_eq!(l.opened(), Opened::StandIn);
        let message = l.message.clone().unwrap_or_default();
        assert!(message.contains("is not a regular file (a pipe, a device or a socket)"), "{message}");
    }
    assert!(std::fs::symlink_metadata(&fifo).expect("kept").file_type().is_fifo());

    let path = dir.path().join("review.db");
    drop(super::open(dir.path()));
    let wal = dir.path().join("review.db-wal");
    mkfifo(&wal);
    let l = Ledger::open(&Options::new(&path));
    assert_eq!(l.opened(), Opened::StandIn);
    let message = l.message.clone().unwrap_or_default();
    assert!(message.contains(&format!("{} is not a regular file", wal.display())), "{message}");
}

#[test]
fn a_full_disk_is_said_as_such_never_as_read_only() {
    let dir = tempfile::tempdir().expect("dir");
    // The database may not grow past its first page: making the schema finds no room.
    let full = Options { max_pages: Some(1), ..Options::new(dir.path().join("review.db")) };
    let l = Ledger::open(&full);
    assert_eq!(l.opened(), Opened::StandIn);
    let message = l.message.clone().unwrap_or_default();
    assert!(message.ends_with("cannot be opened: the disk is full"), "{message}");
    assert!(!message.contains("read-only"), "{message}");
    // With room again, it opens.
    assert_eq!(Ledger::open(&Options::new(dir.path().join("review.db"))).opened(), Opened::AsFound);

    // The shared-memory file SQLite reads a WAL ledger through, unable to grow, is a full disk.
    let shm =
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR_SHMSIZE), None);
    assert_eq!(LedgerError::from(shm), LedgerError::Full);
}

#[test]
fn the_data_folder_a_ledger_makes_is_private() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("made").join("data");
    let options = Options { create_dirs: true, ..Options::new(data.join("review.db")) };
    assert_eq!(Ledger::open(&options).opened(), Opened::AsFound);
    let mode = |p: &Path| std::fs::metadata(p).expect("folder").permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&dir.path().join("made")), 0o700);
}
