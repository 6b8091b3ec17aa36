//! `artikel serve` for the one who runs it: a host key that could not serve stops the start
//! with the reason, every key line that logs nobody in is named, RSA keys log in, SIGHUP
//! reopens the log and reads the keys again, and the log file has every line stderr has.

use crate::support;

use std::process::{Command, Stdio};
use support::{Server, finish, keygen, keygen_with, kill, text};

/// Runs `artikel serve` with the host key `host` in `dir` until it ends (it should, at once).
fn start_with_host_key(dir: &std::path::Path, host: &std::path::Path) -> std::process::Output {
    std::fs::write(dir.join("keys"), "").expect("keys");
    let child = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .env_remove("ARTIKEL_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.join("data"))
        .args(["serve", "--listen", "127.0.0.1:0", "--authorized-keys"])
        .arg(dir.join("keys"))
        .arg("--host-key")
        .arg(host)
        .arg("--log")
        .arg(dir.join("serve.log"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("artikel serve runs");
    finish(child)
}

#[test]
fn a_host_key_that_could_not_serve_stops_the_start_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = keygen_with(dir.path(), "locked", &["-t", "ed25519", "-N", "hemmelig"]);
    let open = keygen(dir.path(), "open");
    std::fs::set_permissions(&open, std::os::unix::fs::PermissionsExt::from_mode(0o644)).expect("chmod");
    let short = keygen_with(dir.path(), "short", &["-t", "rsa", "-b", "1024", "-N", ""]);
    for (key, why) in [
        (&locked, "is protected by a passphrase, which a server cannot type"),
        (&open, "can be read by others (mode 0644): make it private with chmod 600"),
        (&short, "(RSA, 1024 bits): use ed25519, ECDSA or RSA of 2048 bits or more"),
    ] {
        let out = start_with_host_key(dir.path(), key);
        assert_eq!(out.status.code(), Some(1), "{} was taken", key.display());
        let said = text(&out.stderr);
        assert!(said.contains(why), "{said}");
        let logged = std::fs::read_to_string(dir.path().join("serve.log")).expect("the log file");
        assert!(logged.contains(why), "the log file says it too: {logged}");
    }
}

#[test]
fn key_lines_that_log_nobody_in_are_named_and_an_rsa_key_logs_in() {
    let server = Server::start_with(
        &[],
        |_| {},
        |dir, anna| {
            let bo = keygen_with(dir, "bo", &["-t", "rsa", "-b", "2048", "-N", ""]);
            let bo = std::fs::read_to_string(bo.with_extension("pub")).expect("bo's key");
            let nameless =
                std::fs::read_to_string(keygen(dir, "nameless").with_extension("pub")).expect("key");
            let nameless: String = nameless.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
            let key = |name: &str| {
                let line =
                    std::fs::read_to_string(keygen(dir, &name.replace(' ', "-")).with_extension("pub"))
                        .expect("key");
                format!("{} {name}", line.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
            };
            format!("{anna}{bo}{nameless}\n{}\n{}\n", key("anna bo"), key("anna_bo"))
        },
    );
    let keys = std::fs::read_to_string(server.dir.path().join("authorized_keys")).unwrap_or_default();
    assert!(server.wait_log("line 5 skipped"), "{}\n{keys}", server.log());
    let log = server.log();
    assert!(log.contains("3 key(s) of 3 reviewer(s)"), "anna, bo and “anna bo”: {log}");
    assert!(log.contains("authorized_keys line 3 skipped (SHA256:"), "{log}");
    assert!(log.contains("no name: add one as the comment after the key"), "{log}");
    assert!(
        log.contains("line 5 skipped") && log.contains("the same reviewer as “anna bo” on line 4"),
        "{log}"
    );
    let out = server.run("bo", &["bo@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(0), "an RSA key logs in: {}", text(&out.stderr));
    assert!(server.wait_log("bo login key SHA256:"), "{}", server.log());
    // The key of the clashing line is refused, and the log says which line and why.
    let out = server.run("anna_bo", &["x@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(255));
    assert!(server.wait_log("its line 5 is skipped"), "{}", server.log());
}

#[test]
fn sighup_reopens_the_log_and_reads_the_keys_again() {
    let logs = tempfile::tempdir().expect("temp dir");
    let path = logs.path().join("serve.log");
    let server = Server::start(&["--log", path.to_str().expect("a path")]);
    // Each line goes to stderr, then to the file.
    let in_file = |text: &str| std::fs::read_to_string(&path).is_ok_and(|t| t.contains(text));
    assert!(server.wait_until(|_| in_file("reviewer(s)")), "the start is in the file");
    let first = std::fs::read_to_string(&path).expect("the log file");
    assert!(first.contains("artikel serve: listening on 127.0.0.1:"), "the start is in the file: {first}");
    assert!(first.contains("host key ") && first.contains(": SHA256:"), "with the fingerprint: {first}");
    std::fs::rename(&path, logs.path().join("serve.log.1")).expect("rotated");
    let keys = server.dir.path().join("authorized_keys");
    let mut text_now = std::fs::read_to_string(&keys).expect("keys");
    text_now.push_str("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEzkFZRY+SuCuLp4hbPzNVWCW/z4VX7MQifo2Ae7Iexe\n");
    std::fs::write(&keys, text_now).expect("keys");
    kill(server.child.id(), libc::SIGHUP);
    assert!(server.wait_log("line 2 skipped"), "{}", server.log());
    let out = server.run("anna", &["anna@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(0), "the server goes on: {}", text(&out.stderr));
    assert!(server.wait_until(|_| in_file("command list → 0")), "{}", server.log());
    let second = std::fs::read_to_string(&path).expect("a new log file");
    assert!(second.contains("SIGHUP") && second.contains("line 2 skipped"), "{second}");
    assert!(second.contains("anna command list → 0"), "{second}");
    assert!(!second.contains("listening on"), "the old lines stayed in the old file: {second}");
}
