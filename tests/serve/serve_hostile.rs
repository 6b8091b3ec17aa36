//! `artikel serve` against hostile clients, each a reproduction of an attack that once took it
//! down, against a real server on a free loopback port: silent sockets, a flood of keys, many
//! channels with huge terminals, requests repeated on one channel, failed logins from a shared
//! address. OpenSSH's `ssh` plays the client wherever it can; where it cannot (several
//! channels on one connection with any terminal size, a request repeated on a channel), a
//! hand-made client does (`serve_support/client.rs`). Every wait is bounded.

use crate::support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::client::{Client, read_until};
use support::{PATIENCE, Server, finish, kill, text};

/// Opens a TCP connection that sends nothing.
fn silent(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    stream
}

/// Reads `stream` until the server closes it (or [`PATIENCE`] passes): what it sent, and
/// whether it closed.
fn read_to_close(mut stream: &TcpStream) -> (Vec<u8>, bool) {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return (got, true),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), std::io::ErrorKind::ConnectionReset) => return (got, true),
            Err(_) => return (got, false),
        }
    }
}

/// `ssh … list` as anna, tried again (at most three times) when the server says it is busy
/// and when to try again, as a reviewer would.
fn list_when_let_in(server: &Server) -> std::process::Output {
    let mut out = server.run("anna", &["anna@127.0.0.1", "list"]);
    for _ in 0..2 {
        if out.status.code() != Some(255) || !text(&out.stderr).contains("Try again in 1 s") {
            break;
        }
        std::thread::sleep(Duration::from_millis(1100));
        out = server.run("anna", &["anna@127.0.0.1", "list"]);
    }
    out
}

#[test]
fn silent_and_stalled_sockets_never_keep_a_reviewer_out() {
    let server = Server::start(&["--max-startups", "4", "--login-grace", "20s"]);
    // More silent sockets than may wait for their version line at once (16 here): once they
    // have had a tenth of a second, each newcomer takes the place of the one waiting longest.
    let quiet: Vec<TcpStream> = (0..40).map(|_| silent(&server)).collect();
    std::thread::sleep(Duration::from_millis(150));
    let out = list_when_let_in(&server);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Sockets that send their version line and stall fill the budget of those logging in;
    // once they have had a second, a reviewer takes the place of one of them.
    let stalled: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = silent(&server);
            s.write_all(b"SSH-2.0-OpenSSH_9.2\r\n").expect("a version line");
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1100));
    let out = list_when_let_in(&server);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(server.wait_log("a newcomer took its place"), "{}", server.log());
    drop((quiet, stalled));
}

#[test]
fn a_socket_that_never_logs_in_is_closed_after_the_grace_time() {
    let server = Server::start(&["--login-grace", "2s"]);
    let start = Instant::now();
    let quiet = silent(&server);
    let mut banner_only = silent(&server);
    banner_only.write_all(b"SSH-2.0-OpenSSH_9.2\r\n").expect("a version line");
    let (_, closed) = read_to_close(&quiet);
    assert!(closed, "a socket that sends nothing is closed");
    let (_, closed) = read_to_close(&banner_only);
    assert!(closed, "a socket that sends only its version is closed");
    assert!(start.elapsed() >= Duration::from_secs(2), "not before its grace time");
    assert!(server.wait_log("closed: no version line within 2s"), "{}", server.log());
    assert!(server.wait_log("closed: no login within 2s"), "{}", server.log());
}

#[test]
fn a_full_server_tells_the_client_why() {
    let server = Server::start(&["--max-sessions", "1"]);
    let held = server.ssh("anna", &["-N", "anna@127.0.0.1"]).stderr(Stdio::null()).spawn().expect("ssh runs");
    assert!(server.wait_log("anna login key"), "{}", server.log());
    let out = server.run("anna", &["anna@127.0.0.1", "list"]);
    assert_eq!(out.status.code(), Some(255));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("artikel serve is full: 1 reviewers' sessions are open"),
        "ssh prints why: {stderr}"
    );
    assert!(server.wait_log("refused: every reviewer's place is taken"), "{}", server.log());
    kill(held.id(), libc::SIGTERM);
    finish(held);
}

#[test]
fn many_channels_with_huge_terminals_are_bounded_and_freed() {
    let server = Server::start(&[]);
    let (threads, rss) = (server.threads(), server.rss_kib());
    let client = Client::login(server.port, &server.dir.path().join("anna"), "anna");
    let mut channels: Vec<_> = (0..12).filter_map(|_| client.terminal(65535, 65535)).collect();
    assert_eq!(channels.len(), 4, "four channels on one connection, the rest refused");
    for channel in &channels {
        client.runtime.block_on(channel.request_shell(false)).expect("a reader");
    }
    for channel in &mut channels {
        let (screen, said) = read_until(&client.runtime, channel, "larger than 320×120", PATIENCE);
        assert!(said, "the reader says what it draws: {:?}", text(&screen));
    }
    let grown = server.rss_kib().saturating_sub(rss);
    eprintln!("server memory with four 65535×65535 readers: +{grown} KiB");
    assert!(grown < 96 * 1024, "four huge terminals took {grown} KiB");
    assert!(server.wait_log("refused a channel beyond 4 on one connection"), "{}", server.log());
    client.disconnect();
    let gone = server.wait_until(|s| s.reader_threads() == 0 && s.threads() <= threads);
    assert!(gone, "threads left: {:?}", server.thread_names());
    let kept = server.rss_kib().saturating_sub(rss);
    eprintln!("server memory after they closed: +{kept} KiB");
    assert!(kept < 24 * 1024, "after they closed, {kept} KiB stayed");
}

#[test]
fn a_repeated_shell_request_starts_no_second_reader() {
    let server = Server::start(&[]);
    let threads = server.threads();
    let client = Client::login(server.port, &server.dir.path().join("anna"), "anna");
    let channel = client.terminal(80, 24).expect("a channel");
    for _ in 0..20 {
        client.runtime.block_on(channel.request_shell(false)).expect("sent");
    }
    assert!(
        server.wait_until(|s| s.count_log("refused a second request on one channel") == 19),
        "{}",
        server.log()
    );
    assert_eq!(server.count_log("anna reader 80×24"), 1, "{}", server.log());
    client.disconnect();
    // The client going away ends the reader; whether the server first sees the connection
    // close or the channel fail depends on which it reads first.
    assert!(server.wait_log("anna reader ended: "), "{}", server.log());
    let gone = server.wait_until(|s| s.reader_threads() == 0 && s.threads() <= threads);
    assert!(gone, "threads left: {:?}", server.thread_names());
}

#[test]
fn a_flood_of_keys_waits_for_the_reader_and_stops_with_the_client() {
    let server = Server::start(&[]);
    let (threads, rss) = (server.threads(), server.rss_kib());
    // 10 MB of keys into `ssh -tt`, as fast as it takes them.
    let mut ssh = server
        .ssh("anna", &["-tt", "anna@127.0.0.1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ssh runs");
    let mut keys = ssh.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = b"jk".repeat(32 * 1024);
        for _ in 0..(10 << 20) / chunk.len() {
            if keys.write_all(&chunk).is_err() {
                return;
            }
        }
    });
    assert!(server.wait_log("anna reader 80×24"), "{}", server.log());
    std::thread::sleep(Duration::from_secs(2));
    let grown = server.rss_kib().saturating_sub(rss);
    eprintln!("server memory during the flood: +{grown} KiB");
    assert!(grown < 64 * 1024, "the flood took {grown} KiB");
    kill(ssh.id(), libc::SIGKILL);
    let _ = ssh.wait();
    let _ = writer.join();
    assert!(server.wait_log("anna reader ended"), "{}", server.log());
    let gone = server.wait_until(|s| s.reader_threads() == 0 && s.threads() <= threads);
    assert!(gone, "threads left: {:?}", server.thread_names());
    // Nothing goes on working for the client that left.
    let before = server.cpu_ticks();
    std::thread::sleep(Duration::from_secs(1));
    let spent = server.cpu_ticks() - before;
    eprintln!("server CPU in the second after: {spent} ticks");
    assert!(spent < 20, "the server went on working: {spent} ticks in a second");
}
