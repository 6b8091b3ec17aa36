//! The data folder as the user meets it through the real binary: a FIFO or a device where a
//! file should be is said at once and never waited on, the folders artikel makes are
//! private, a file that is not a ledger is never renamed, a damaged one moved aside fails a
//! command that shows it, a stale read-only `-shm` is made writable when it is the user's and
//! said when it is not, and Ctrl-c quits the reader whatever the settings unbind.

use crate::common;

use common::Session;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a command may take before it counts as hanging (generous: a loaded machine).
const HANG: Duration = Duration::from_secs(60);

/// Runs `artikel ARGS` on data folder `data` (as `nobody` when `as_nobody`), in English,
/// without a settings file; kills it and fails if it has not ended within [`HANG`].
fn artikel_as(data: &Path, args: &[&str], as_nobody: bool) -> Output {
    let mut cmd = if as_nobody {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", common::bin()]);
        c
    } else {
        Command::new(common::bin())
    };
    let mut child = cmd
        .env("ARTIKEL_LANG", "en")
        .env("ARTIKEL_CONFIG", data.join("no-settings.toml"))
        .env_remove("ARTIKEL_LEDGER")
        .args(["--data-dir", data.to_str().expect("path")])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run artikel");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("artikel {args:?} did not end: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn artikel(data: &Path, args: &[&str]) -> Output {
    artikel_as(data, args, false)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn review_status_with_a_fifo_or_a_device_as_notes_answers_at_once_and_says_why() {
    let dir = tempfile::tempdir().expect("dir");
    let (fifo, zero) = (dir.path().join("fifo"), dir.path().join("zero"));
    std::fs::create_dir(&fifo).expect("mkdir");
    std::fs::create_dir(&zero).expect("mkdir");
    mkfifo(&fifo.join("notes.yaml"));
    std::os::unix::fs::symlink("/dev/zero", zero.join("notes.yaml")).expect("symlink");
    for data in [&fifo, &zero] {
        let out = artikel(data, &["review", "status"]);
        assert_eq!(out.status.code(), Some(0), "the statuses are shown: {}", stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("knaesmerter"));
        let said = stderr(&out);
        assert!(
            said.contains("notes.yaml: it is not a regular file (a pipe, a device or a socket)"),
            "{said}"
        );
        assert!(std::fs::symlink_metadata(data.join("notes.yaml")).is_ok(), "left where it is");
    }
}

#[test]
fn the_data_folder_a_review_command_makes_is_private() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("made").join("data");
    let out = artikel(&data, &["review", "log"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&dir.path().join("made")), 0o700);
    assert_eq!(mode(&data.join("review.db")), 0o600);
}

#[test]
fn a_ledger_named_that_is_not_a_ledger_is_refused_and_never_renamed() {
    let dir = tempfile::tempdir().expect("dir");
    let yaml = dir.path().join("notes.yaml");
    std::fs::write(&yaml, "version: 1\nnotes: []\n").expect("write");
    let named = yaml.to_str().expect("path");
    for args in [&["review", "log"][..], &["review", "approve", "knaesmerter"]] {
        let out = artikel(dir.path(), &[&["--ledger", named][..], args].concat());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let said = stderr(&out);
        assert!(said.contains("cannot be opened: it is not a review ledger"), "{said}");
        assert_eq!(std::fs::read_to_string(&yaml).expect("kept"), "version: 1\nnotes: []\n");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["notes.yaml"], "nothing moved aside, nothing made beside it");
    }
}

#[test]
fn a_damaged_ledger_moved_aside_fails_a_command_that_shows_the_ledger() {
    let dir = tempfile::tempdir().expect("dir");
    let mut damaged = b"SQLite format 3\0".to_vec();
    damaged.resize(8192, b'x');
    std::fs::write(dir.path().join("review.db"), &damaged).expect("write");
    let out = artikel(dir.path(), &["review", "log"]);
    assert_eq!(out.status.code(), Some(1), "an empty log would be untrue");
    let said = stderr(&out);
    assert!(said.contains("is a damaged database") && said.contains("it was moved to"), "{said}");
    let again = artikel(dir.path(), &["review", "log"]);
    assert_eq!(again.status.code(), Some(0), "the new ledger is read: {}", stderr(&again));
}

#[test]
fn a_stale_read_only_shm_is_made_writable_when_it_is_yours_and_said_when_it_is_not() {
    // Root writes any file, so the user is `nobody` when these tests run as root.
    let root = unsafe { libc::geteuid() } == 0;
    let dir = tempfile::tempdir().expect("dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("mkdir");
    let nobody = |path: &Path| {
        let owned = Command::new("chown").args(["65534:65534"]).arg(path).status().expect("chown");
        assert!(owned.success());
    };
    if root {
        nobody(&data);
    }
    let run = |args: &[&str]| artikel_as(&data, args, root);
    let approve = run(&["review", "approve", "knaesmerter"]);
    assert_eq!(approve.status.code(), Some(0), "{}", stderr(&approve));
    let shm = data.join("review.db-shm");
    let stale = |owner_is_the_user: bool| {
        std::fs::write(&shm, vec![0u8; 32768]).expect("write");
        std::fs::set_permissions(&shm, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        if root && owner_is_the_user {
            nobody(&shm);
        }
    };

    // Left read-only by a session run while the ledger was: the user's own, so made writable.
    stale(true);
    let saved = run(&["review", "request-changes", "knaesmerter", "-m", "nej"]);
    assert_eq!(saved.status.code(), Some(0), "{}", stderr(&saved));
    let log = String::from_utf8_lossy(&run(&["review", "log"]).stdout).into_owned();
    assert_eq!(log.lines().count(), 2, "{log}");

    if !root {
        return; // Only root can leave a file of another user here.
    }
    stale(false);
    let refused = run(&["review", "approve", "knaesmerter"]);
    assert_eq!(refused.status.code(), Some(1));
    let said = stderr(&refused);
    assert!(
        said.contains("is read-only: its file") && said.contains("review.db-shm cannot be written by you"),
        "{said}"
    );
    assert!(said.contains("remove") && said.contains("or make it writable"), "{said}");
    let status = run(&["review", "status", "knaesmerter"]);
    assert_eq!(status.status.code(), Some(0), "still read: {}", stderr(&status));
    assert!(String::from_utf8_lossy(&status.stdout).contains("changes"), "the last decision stands");
}

#[test]
fn the_reader_starts_with_fifos_as_notes_hint_and_draft_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    for name in ["notes.yaml", "hint.yaml", "draft.yaml"] {
        mkfifo(&dir.path().join(name));
    }
    let settings = dir.path().join("no-settings.toml");
    let env = [("ARTIKEL_CONFIG", settings.to_str().expect("path"))];
    let mut s = Session::start_with(&["open", "knaesmerter"], 100, 30, dir.path(), &env);
    s.wait_text("Knæsmerter");
    // The message may wrap onto the row below, where the temporary folder's name ends.
    s.wait_for("not a regular file", |rows| {
        rows.iter().map(|r| r.trim()).collect::<Vec<_>>().join(" ").contains("not a regular file")
    });
    s.send("q");
    assert!(s.wait_exit(HANG).is_some(), "it quits");
    assert!(s.left_alternate_screen());
}

#[test]
fn the_reader_quits_with_ctrl_c_when_the_settings_unbind_quit_exit_and_close() {
    let dir = tempfile::tempdir().expect("dir");
    let settings = dir.path().join("settings.toml");
    std::fs::write(&settings, "[keys]\nquit = []\nexit = []\nclose = []\n").expect("write");
    let env = [("ARTIKEL_CONFIG", settings.to_str().expect("path"))];
    let mut s = Session::start_with(&["open", "knaesmerter"], 100, 30, dir.path(), &env);
    s.wait_text("Knæsmerter");
    // q is unbound as asked: the key after it is still read, and opens the help.
    s.send("q?");
    s.wait_text(" Keys ");
    s.send("\x03");
    assert!(s.wait_exit(HANG).is_some(), "Ctrl-c quits, even from the help");
    assert!(s.left_alternate_screen());
}
