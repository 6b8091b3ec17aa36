//! Files of the data folder that are not what they should be: a FIFO, a device, a file far
//! past the limit. Each is refused at once, said as such, and left where it is.

use super::super::*;
use std::path::Path;

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

/// Puts a FIFO at `fifo` and a link to `/dev/zero` at `zero`.
fn plant(fifo: &Path, zero: &Path) {
    mkfifo(fifo);
    std::os::unix::fs::symlink("/dev/zero", zero).expect("symlink");
}

#[test]
fn a_fifo_or_a_device_as_notes_is_refused_at_once_and_the_notes_are_read_only() {
    crate::strings::set_lang(crate::strings::Lang::En);
    let (one, two) = (tempfile::tempdir().expect("temp"), tempfile::tempdir().expect("temp"));
    let (fifo, zero) = (Disk::new(one.path()), Disk::new(two.path()));
    plant(&fifo.path(), &zero.path());
    for disk in [&fifo, &zero] {
        // A blocking open of the FIFO, or reading the device to its end, would never return.
        let loaded = disk.load();
        assert!(loaded.read_only());
        let told = loaded.problem.expect("told").to_string();
        assert!(told.contains("it is not a regular file (a pipe, a device or a socket)"), "{told}");
        assert!(told.contains("notes are read-only here"), "{told}");
        let refused = disk.update(&[super::a_write()]).expect_err("refused");
        assert_eq!(refused.kind(), ErrorKind::ReadOnly);
        assert!(disk.peek().is_err(), "importing it is refused the same way");
    }
    let kept = std::fs::symlink_metadata(fifo.path()).expect("kept");
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kept.file_type()), "never moved aside");
    assert!(std::fs::symlink_metadata(zero.path()).expect("kept").is_symlink());
}

#[test]
fn a_fifo_or_a_device_as_the_hint_or_the_draft_is_refused_at_once() {
    crate::strings::set_lang(crate::strings::Lang::En);
    let (one, two) = (tempfile::tempdir().expect("temp"), tempfile::tempdir().expect("temp"));
    plant(&hint_path(one.path()), &hint_path(two.path()));
    plant(&Draft::path(one.path()), &Draft::path(two.path()));
    for dir in [one.path(), two.path()] {
        assert!(!hint_dismissed(dir), "the hint shows");
        let problem = Draft::find(dir).expect_err("said");
        assert_eq!(problem.kind(), ErrorKind::Io, "the store stays writable");
        let told = problem.to_string();
        assert!(told.contains("it is not a regular file") && told.contains("left as it is"), "{told}");
        assert!(std::fs::symlink_metadata(Draft::path(dir)).is_ok(), "never moved aside");
    }
}

#[test]
fn a_notes_file_far_past_the_limit_is_not_read_and_left_alone() {
    crate::strings::set_lang(crate::strings::Lang::En);
    let dir = tempfile::tempdir().expect("temp");
    let disk = Disk::new(dir.path());
    // Twice the store's limit is what its parser reads; a byte more is refused unread (the
    // file is sparse: it takes no room).
    let file = std::fs::File::create(disk.path()).expect("create");
    file.set_len(2 * MAX_BYTES as u64 + 1).expect("grow");
    let loaded = disk.load();
    assert!(loaded.read_only());
    let told = loaded.problem.expect("told").to_string();
    assert!(told.contains("it is larger than 128 MB; notes are read-only here"), "{told}");
    assert_eq!(std::fs::metadata(disk.path()).expect("kept").len(), 2 * MAX_BYTES as u64 + 1);
}
