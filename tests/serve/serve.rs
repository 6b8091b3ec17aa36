//! `artikel serve` with the real OpenSSH client: what a reviewer gets, and everything that
//! is refused. Every server listens on 127.0.0.1 only, on a port the system picks.

use crate::support;

use std::net::TcpStream;
use std::process::Stdio;
use support::{Server, finish, kill, text};

#[test]
fn a_reviewer_gets_an_answer_with_its_exit_status() {
    let server = Server::start(&[]);
    let out = server.run("anna", &["-tt", "anna@127.0.0.1", "faq", "knæ", "trapper"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", text(&out.stderr));
    assert!(stdout.contains("trapper"), "the answer: {stdout}");
    assert!(stdout.contains("\r\n"), "lines end as on a terminal through -tt: {stdout:?}");
    assert!(!stdout.contains('\x1b'), "printed as into a pipe: {stdout:?}");
    // Without a terminal, as into a pipe; and a missing article is exit status 1.
    let out = server.run("anna", &["anna@127.0.0.1", "toc", "no-such-article"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no-such-article"));
    assert!(server.wait_log("anna login key SHA256:"), "{}", server.log());
    assert!(server.wait_log("command faq knæ trapper → 0"), "{}", server.log());
}

#[test]
fn a_commands_warnings_go_to_the_clients_stderr() {
    let server = Server::start(&["--articles", "tests/fixtures/invalid"]);
    let out = server.run("anna", &["anna@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("warning: ") && stderr.contains("not-utf8.md"), "the client is told: {stderr}");
    assert!(!text(&out.stdout).contains("warning"), "not among the list: {}", text(&out.stdout));
    assert!(server.wait_log("anna command list → 0"), "{}", server.log());
    let log = server.log();
    let said: Vec<&str> = log.lines().filter(|l| l.contains("not-utf8.md")).collect();
    assert_eq!(said.len(), 1, "the log says it once, as the connection's: {log}");
    assert!(said[0].contains("anna warning: "), "{log}");
}

#[test]
fn no_shell_and_no_other_program() {
    let server = Server::start(&[]);
    for command in [&["sh"][..], &["cat", "/etc/passwd"], &["sh", "-c", "id"], &["list --articles /etc"]] {
        let mut args = vec!["anna@127.0.0.1"];
        args.extend_from_slice(command);
        let out = server.run("anna", &args);
        assert_eq!(out.status.code(), Some(126), "{command:?}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "{command:?} printed {}", text(&out.stdout));
        assert!(text(&out.stderr).contains("only these commands"), "{}", text(&out.stderr));
    }
    assert!(server.wait_log("refused command cat /etc/passwd → 126"), "{}", server.log());
}

#[test]
fn a_password_login_is_refused() {
    let server = Server::start(&[]);
    let out = server.run(
        "anna",
        &[
            "-o",
            "PubkeyAuthentication=no",
            "-o",
            "PreferredAuthentications=password,keyboard-interactive",
            "anna@127.0.0.1",
            "list",
        ],
    );
    assert_eq!(out.status.code(), Some(255));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("Permission denied (publickey)"), "only keys are offered: {stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn an_unknown_key_is_refused() {
    let server = Server::start(&[]);
    let out = server.run("stranger", &["anna@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(255));
    assert!(text(&out.stderr).contains("Permission denied"), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(server.wait_log("refused unknown key SHA256:"), "{}", server.log());
}

#[test]
fn failed_logins_slow_the_failing_address_down_but_never_refuse_a_listed_key() {
    let server = Server::start(&[]);
    for _ in 0..5 {
        let out = server.run("stranger", &["anna@127.0.0.1", "list"]);
        assert_eq!(out.status.code(), Some(255));
        assert!(text(&out.stderr).contains("Permission denied"), "{}", text(&out.stderr));
    }
    assert!(server.wait_log("(answered after "), "the fourth failure waited: {}", server.log());
    // From the same address, a key on the list logs in.
    let out = server.run("anna", &["anna@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!out.stdout.is_empty());
}

#[test]
fn remote_forwarding_is_refused() {
    let server = Server::start(&[]);
    let target = format!("0:127.0.0.1:{}", server.port);
    let out = server.run("anna", &["-o", "ExitOnForwardFailure=yes", "-N", "-R", &target, "anna@127.0.0.1"]);
    assert_eq!(out.status.code(), Some(255));
    assert!(text(&out.stderr).contains("remote port forwarding failed"), "{}", text(&out.stderr));
    assert!(server.wait_log("refused remote forwarding (-R)"), "{}", server.log());
}

#[test]
fn local_forwarding_is_refused() {
    let server = Server::start(&[]);
    let local = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let local_port = local.local_addr().expect("address").port();
    drop(local);
    let forward = format!("127.0.0.1:{local_port}:127.0.0.1:{}", server.port);
    let ssh = server
        .ssh("anna", &["-N", "-L", &forward, "anna@127.0.0.1"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ssh runs");
    // Once ssh listens, a connection through it reaches nothing: not a byte of the server.
    let start = std::time::Instant::now();
    let stream = loop {
        if let Ok(s) = TcpStream::connect(("127.0.0.1", local_port)) {
            break s;
        }
        assert!(start.elapsed() < support::PATIENCE, "ssh never listened");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut got = Vec::new();
    stream.set_read_timeout(Some(support::PATIENCE)).expect("timeout");
    let _ = std::io::Read::read_to_end(&mut &stream, &mut got);
    assert!(got.is_empty(), "the forward carried {}", text(&got));
    assert!(server.wait_log("refused local forwarding (-L)"), "{}", server.log());
    kill(ssh.id(), libc::SIGTERM);
    let out = finish(ssh);
    assert!(text(&out.stderr).contains("administratively prohibited"), "{}", text(&out.stderr));
}

#[test]
fn the_sftp_subsystem_is_refused() {
    let server = Server::start(&[]);
    let out = server.run("anna", &["-s", "anna@127.0.0.1", "sftp"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(server.wait_log("refused subsystem sftp"), "{}", server.log());
}

#[test]
fn a_client_killed_leaves_the_server_serving() {
    let server = Server::start(&[]);
    let ssh = server.ssh("anna", &["-N", "anna@127.0.0.1"]).stderr(Stdio::null()).spawn().expect("ssh runs");
    assert!(server.wait_log("anna login key"), "{}", server.log());
    kill(ssh.id(), libc::SIGKILL);
    finish(ssh);
    assert!(server.wait_log("- disconnected"), "{}", server.log());
    let out = server.run("anna", &["anna@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!out.stdout.is_empty());
}

#[test]
fn sigterm_tells_every_session_and_the_server_ends() {
    let mut server = Server::start(&[]);
    let ssh = server
        .ssh("anna", &["-N", "anna@127.0.0.1"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ssh runs");
    assert!(server.wait_log("anna login key"), "{}", server.log());
    let _logging_in = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
    // The second connection's line: the first is anna's.
    assert!(server.wait_log_times("- connected", 2), "{}", server.log());
    kill(server.child.id(), libc::SIGTERM);
    let out = finish(ssh);
    assert!(
        text(&out.stderr).contains("artikel serve is stopping"),
        "the client is told: {}",
        text(&out.stderr)
    );
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < support::PATIENCE, "the server did not end");
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(0));
    assert!(
        server.wait_log("stopping (signal 15): closing 1 session and 1 connection logging in"),
        "{}",
        server.log()
    );
}
