//! `artikel serve`: the reader and the lookup commands as an SSH service. Reviewers log in
//! with a key listed in the authorized keys file (the key's name is the reviewer's) and get
//! the reader, or one command's output — never a shell, a file or a forwarded port. Every
//! client is taken for hostile: each connection, channel, thread and buffer is bounded, before
//! the login and after.

mod asked;
mod command;
mod drafts;
mod early;
mod exec;
mod gate;
mod handler;
mod keys;
mod log;
mod login;
mod memory;
mod news;
mod penalty;
mod reviewers;
mod session;

pub use crate::serve_options::Options;
pub use exec::{REFUSED, Ran, run as run_command};
pub use keys::fingerprint;
pub use reviewers::folder_name;

use crate::commands::Failure;
use crate::library::Library;
use crate::serve_options::Ground;
use crate::store::Disk;
use gate::{Gate, Limits, Refusal, Ticket};
use log::Log;
use reviewers::Reviewers;
use russh::keys::{Algorithm, EcdsaCurve, HashAlg};
use russh::server::{Config, Handle};
use russh::{Preferred, SshId};
use std::borrow::Cow;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The version line the server sends.
pub const VERSION: &str = concat!("SSH-2.0-artikel_", env!("CARGO_PKG_VERSION"));

/// How long a client told to go may take to close its side before it is cut off.
const LINGER: Duration = Duration::from_secs(1);

/// Connections being told why they are turned away, at most, at once (beyond that they are
/// closed without a word: a flood is not answered).
const MOST_REFUSING: usize = 64;

/// The bytes a client may send on a channel before the server has taken them (the SSH
/// window), and the largest packet: a client sending faster than its reader takes its keys
/// waits for the window instead of filling the server's memory.
const WINDOW: u32 = 64 * 1024;
const PACKET: u32 = 32 * 1024;

/// The signatures taken, for the host key and the reviewers' keys: SHA-1 (`ssh-rsa`) is not
/// among them, as in OpenSSH since 8.8.
const KEY_ALGORITHMS: &[Algorithm] = &[
    Algorithm::Ed25519,
    Algorithm::Ecdsa { curve: EcdsaCurve::NistP256 },
    Algorithm::Ecdsa { curve: EcdsaCurve::NistP384 },
    Algorithm::Ecdsa { curve: EcdsaCurve::NistP521 },
    Algorithm::Rsa { hash: Some(HashAlg::Sha512) },
    Algorithm::Rsa { hash: Some(HashAlg::Sha256) },
];

/// What every connection shares: the library (parsed once), the folders, the log, the gate,
/// and the open connections (to say goodbye to when the server stops).
pub struct Shared {
    library: Arc<Library>,
    /// The articles as parsed for lookup, each once for every session.
    docs: Arc<crate::app::Docs>,
    /// The search index of the library, built once (at start, on a thread of its own) for
    /// every session and command.
    index: crate::app::SharedIndex,
    data_dir: PathBuf,
    ledger: PathBuf,
    authorized_keys: PathBuf,
    log: Log,
    gate: Gate,
    penalties: penalty::Penalties,
    drafts: drafts::Drafts,
    /// Turns to run a command: at most [`command::AT_ONCE`] at once.
    commands: Arc<tokio::sync::Semaphore>,
    open: Mutex<HashMap<u64, Open>>,
    readers: Mutex<HashMap<(u64, russh::ChannelId), session::Running>>,
    idle: Duration,
    grace: Duration,
    /// Wakes the reader sessions when the ledger changed; `None` when the ledger could not
    /// be watched, and each session then asks it every second, as the local reader does.
    news: Option<Arc<news::News>>,
    /// What day it is for every session.
    clock: crate::clock::Clock,
}

/// A connection past its version line: how to tell it to go, and to cut it off.
#[derive(Clone)]
struct Open {
    handle: Handle,
    /// The connection's socket (a second descriptor of it): shut down, it ends the
    /// connection whatever the client does.
    cutter: Option<Arc<std::net::TcpStream>>,
}

impl Shared {
    /// The store of a reviewer's own notes, bookmarks, positions and drafts.
    fn reviewer_disk(&self, name: &str) -> Disk {
        Disk::new(self.data_dir.join("reviewers").join(name))
    }

    fn register(&self, id: u64, open: Open) {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).insert(id, open);
    }

    fn unregister(&self, id: u64) {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
    }

    /// Closes connection `id`, telling its client `why` and the log `what`; a client that
    /// does not close its side within [`LINGER`] is cut off.
    fn close(&self, id: u64, why: String, what: &str) {
        let Some(open) = self.open.lock().unwrap_or_else(|e| e.into_inner()).get(&id).cloned() else {
            return;
        };
        self.log.line(what);
        tokio::spawn(async move {
            let _ = open.handle.disconnect(russh::Disconnect::ByApplication, why, String::new()).await;
            tokio::time::sleep(LINGER).await;
            if let Some(cutter) = open.cutter {
                let _ = cutter.shutdown(std::net::Shutdown::Both);
            }
        });
    }
}

/// Runs the server until SIGTERM or SIGINT. Returns the exit code.
pub fn run(library: Library, options: &Options, ground: Ground) -> Result<i32, Failure> {
    memory::return_large_blocks();
    let Ground { data_dir, ledger, clock } = ground;
    let log = Log::open(options.log.as_deref()).map_err(|e| {
        Failure::failed(format!("artikel serve: {}", crate::strings::serve_cannot_open_log(&e.to_string())))
    })?;
    // Whatever stops the start is said in the log file too.
    let fail = |what: String| {
        let what = format!("artikel serve: {what}");
        log.to_file(&what);
        Failure::failed(what)
    };
    let host_key_path = options.host_key.clone().unwrap_or_else(|| data_dir.join("host_ed25519"));
    let (host_key, made) = keys::host_key(&host_key_path).map_err(|e| fail(e.say(&host_key_path)))?;
    if !keys::can_sign(&host_key) {
        return Err(fail(
            keys::HostKeyError::Unsupported(host_key.algorithm().to_string()).say(&host_key_path),
        ));
    }
    let authorized_keys = options.authorized_keys.clone().unwrap_or_else(|| data_dir.join("authorized_keys"));
    let reviewers =
        Reviewers::read(&authorized_keys).map_err(|e| fail(format!("{}: {e}", authorized_keys.display())))?;
    let fingerprint = fingerprint(host_key.public_key());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| fail(e.to_string()))?;
    let listener = runtime.block_on(tokio::net::TcpListener::bind(options.listen)).map_err(|e| {
        fail(crate::strings::serve_cannot_listen(&options.listen.to_string(), &e.to_string()))
    })?;
    let listen = listener.local_addr().map_or_else(|_| options.listen.to_string(), |a| a.to_string());
    let config = Arc::new(Config {
        server_id: SshId::Standard(Cow::Borrowed(VERSION)),
        methods: (&[russh::MethodKind::PublicKey][..]).into(),
        keys: vec![host_key],
        auth_rejection_time: Duration::from_millis(300),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        // A reviewer's connection left with nothing open is closed; a reader session left
        // alone is closed by its own timer before.
        inactivity_timeout: Some(options.idle_timeout + Duration::from_secs(60)),
        window_size: WINDOW,
        maximum_packet_size: PACKET,
        preferred: Preferred { key: Cow::Borrowed(KEY_ALGORITHMS), ..Preferred::default() },
        ..Config::default()
    });
    let news = Arc::new(news::News::default());
    // A shared ledger: one connection listens to the database for every session. (Its URL is
    // not logged: it may hold a password.)
    let news = if crate::ledger::postgres::is_url(&ledger) {
        news.listen_to(&ledger.to_string_lossy());
        Some(news)
    } else {
        match news.watch(&ledger) {
            Ok(()) => Some(news),
            Err(e) => {
                log.line(&format!(
                    "cannot watch the ledger ({}): each session asks it every second",
                    log::clean(&e)
                ));
                None
            }
        }
    };
    let limits = Limits {
        sessions: options.max_sessions,
        startups: options.max_startups,
        per_reviewer: options.max_per_reviewer,
    };
    let shared = Arc::new(Shared {
        docs: Arc::new(crate::app::Docs::new(library.articles.len())),
        index: Arc::default(),
        library: Arc::new(library),
        data_dir,
        ledger,
        authorized_keys,
        log,
        gate: Gate::new(limits),
        penalties: penalty::Penalties::default(),
        drafts: drafts::Drafts::default(),
        commands: Arc::new(tokio::sync::Semaphore::new(command::AT_ONCE)),
        open: Mutex::new(HashMap::new()),
        readers: Mutex::new(HashMap::new()),
        idle: options.idle_timeout,
        grace: options.login_grace,
        news,
        clock,
    });
    let (index, library) = (shared.index.clone(), shared.library.clone());
    // Built before the first reviewer asks; one who asks sooner waits for this build.
    let _ = std::thread::Builder::new().name("index".into()).spawn(move || {
        index.get_or_init(|| Arc::new(crate::search::Index::of(&library).warmed()));
    });
    let signals = signals().map_err(|e| Failure::failed(format!("artikel serve: {e}")))?;
    // Said once everything is ready: a client that connects from now on is served.
    let started =
        crate::strings::serve_started(&listen, &fingerprint, made, &host_key_path.display().to_string());
    shared.log.line(&started);
    say_reviewers(&shared.log, &shared.authorized_keys, &reviewers);
    let code = runtime.block_on(serve(listener, config, shared.clone(), signals));
    // Sessions still running get no more than this to finish.
    runtime.shutdown_timeout(Duration::from_millis(300));
    Ok(code)
}

/// Says in the log how many reviewers the keys file lets in, and each line it skips.
fn say_reviewers(log: &Log, file: &std::path::Path, reviewers: &Reviewers) {
    for line in reviewers.report(&file.display().to_string()) {
        log.line(&log::visible(&line));
    }
}

/// What the signals ask: to stop (SIGTERM, SIGINT: the signal's number), or to reopen the
/// log and read the keys again (SIGHUP, as logrotate sends it).
struct Signals {
    stop: tokio::sync::oneshot::Receiver<i32>,
    hangups: tokio::sync::mpsc::UnboundedReceiver<()>,
}

fn signals() -> std::io::Result<Signals> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    let (stop_tx, stop) = tokio::sync::oneshot::channel();
    let (hangup_tx, hangups) = tokio::sync::mpsc::unbounded_channel();
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            if signal == SIGHUP {
                let _ = hangup_tx.send(());
                continue;
            }
            let _ = stop_tx.send(signal);
            return;
        }
    })?;
    Ok(Signals { stop, hangups })
}

/// On SIGHUP: the log file opened again, and the keys file read again and reported.
fn hang_up(shared: &Shared) {
    if let Err(e) = shared.log.reopen() {
        shared.log.line(&e);
    }
    shared.log.line("SIGHUP: the log reopened, the reviewers' keys read again");
    match Reviewers::read(&shared.authorized_keys) {
        Ok(reviewers) => say_reviewers(&shared.log, &shared.authorized_keys, &reviewers),
        Err(e) => {
            shared.log.line(&log::visible(&format!("cannot read {}: {e}", shared.authorized_keys.display())))
        }
    }
}

async fn serve(
    listener: tokio::net::TcpListener,
    config: Arc<Config>,
    shared: Arc<Shared>,
    Signals { mut stop, mut hangups }: Signals,
) -> i32 {
    let mut id = 0u64;
    let mut tasks = tokio::task::JoinSet::new();
    let mut refusing = tokio::task::JoinSet::new();
    let signal = loop {
        tokio::select! {
            signal = &mut stop => break signal.unwrap_or(0),
            Some(()) = hangups.recv() => hang_up(&shared),
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // Out of descriptors, say: wait a little rather than spin.
                        shared.log.line(&format!("cannot accept a connection: {e}"));
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                id += 1;
                match shared.gate.enter(id, peer.ip(), Instant::now()) {
                    Ok(ticket) => {
                        tasks.spawn(connection(stream, peer, id, ticket, config.clone(), shared.clone()));
                    }
                    Err(refusal) => {
                        let (why, what) = refused(&shared, refusal);
                        shared.log.line(&format!("#{id} {peer} - refused: {what}"));
                        while refusing.try_join_next().is_some() {}
                        if refusing.len() < MOST_REFUSING {
                            refusing.spawn(early::refuse(stream, early::TOO_MANY_CONNECTIONS, why));
                        }
                    }
                }
                // Forget the tasks that are done, so the set does not grow.
                while tasks.try_join_next().is_some() {}
            }
        }
    };
    drop(listener);
    stop_all(&shared, signal, &mut tasks).await;
    0
}

/// What to tell a client turned away, and what to log.
fn refused(shared: &Shared, refusal: Refusal) -> (String, &'static str) {
    match refusal {
        Refusal::Full => {
            (crate::strings::serve_full(shared.gate.limits().sessions), "every reviewer's place is taken")
        }
        Refusal::Busy(wait) => (
            crate::strings::serve_busy(wait.as_secs().max(1)),
            "too many connections logging in (--max-startups)",
        ),
    }
}

/// Stops every session and connection: each reader saves its draft and says goodbye, then
/// each connection is told and closed.
async fn stop_all(shared: &Shared, signal: i32, tasks: &mut tokio::task::JoinSet<()>) {
    let (sessions, startups) = shared.gate.counts();
    shared.log.line(&format!(
        "stopping (signal {signal}): closing {sessions} session{} and {startups} connection{} logging in",
        if sessions == 1 { "" } else { "s" },
        if startups == 1 { "" } else { "s" },
    ));
    let readers: Vec<session::Running> =
        shared.readers.lock().unwrap_or_else(|e| e.into_inner()).values().cloned().collect();
    for reader in readers {
        reader.ender.end(session::STOPPING);
    }
    let waiting = Instant::now();
    while !shared.readers.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
        && waiting.elapsed() < Duration::from_millis(1200)
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let open: Vec<Open> = shared.open.lock().unwrap_or_else(|e| e.into_inner()).values().cloned().collect();
    for connection in &open {
        let stopping = crate::strings::SERVE_STOPPING.to_string();
        let _ = connection.handle.disconnect(russh::Disconnect::ByApplication, stopping, String::new()).await;
    }
    let _ = tokio::time::timeout(Duration::from_millis(300), async {
        while tasks.join_next().await.is_some() {}
    })
    .await;
    for cutter in open.iter().filter_map(|o| o.cutter.as_ref()) {
        let _ = cutter.shutdown(std::net::Shutdown::Both);
    }
}

/// Runs one connection from its key exchange to its end, with a log line at each end. Until
/// it logs in, it has [`Shared::grace`] and may have to make room for a newcomer.
async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    id: u64,
    ticket: Ticket,
    config: Arc<Config>,
    shared: Arc<Shared>,
) {
    shared.log.line(&format!("#{id} {peer} - connected"));
    // Each frame goes out at once: russh sets this (`Config::nodelay`) only on the sockets it
    // accepts itself, not on a stream handed to `run_stream`.
    if let Err(e) = stream.set_nodelay(true) {
        shared.log.line(&format!("#{id} {peer} - cannot turn off delayed sending ({e})"));
    }
    let cutter = stream.as_fd().try_clone_to_owned().ok().map(|fd| Arc::new(std::net::TcpStream::from(fd)));
    let conn = handler::Conn::new(shared.clone(), id, peer);
    let login = conn.login.clone();
    let started = Instant::now();
    let grace = shared.grace.as_secs();
    let mut deadline = Box::pin(tokio::time::sleep(shared.grace));
    // Fires when a newcomer took this connection's place; never once it has logged in.
    let mut evicted = Box::pin(async move {
        if ticket.evicted.await.is_err() {
            std::future::pending::<()>().await;
        }
    });
    let evicted_why = "closed: a newcomer took its place (it had not logged in)";
    let first = tokio::select! {
        running = russh::server::run_stream(config, stream, conn) => Some(running),
        () = &mut deadline => {
            shared.log.line(&format!("#{id} {peer} - closed: no version line within {grace}s"));
            None
        }
        () = &mut evicted => {
            shared.log.line(&format!("#{id} {peer} - {evicted_why}"));
            None
        }
    };
    let ended = match first {
        None => Ok(()),
        Some(Err(e)) => Err(e),
        Some(Ok(mut session)) => {
            shared.register(id, Open { handle: session.handle(), cutter });
            if let Err(refusal) = shared.gate.version(id, peer.ip(), Instant::now()) {
                let (why, what) = refused(&shared, refusal);
                shared.close(id, why, &format!("#{id} {peer} - refused: {what}"));
            }
            let before_login = tokio::select! {
                ended = &mut session => Some(ended),
                () = login.wait() => None,
                () = &mut deadline => {
                    if !login.done() {
                        let what = format!("#{id} {peer} - closed: no login within {grace}s");
                        shared.close(id, crate::strings::serve_grace(grace), &what);
                    }
                    None
                }
                () = &mut evicted => {
                    shared.close(id, crate::strings::SERVE_EVICTED.to_string(), &format!("#{id} {peer} - {evicted_why}"));
                    None
                }
            };
            // Logged in (or told to go): no timer of the login is left to wake the server.
            drop((deadline, evicted));
            match before_login {
                Some(ended) => ended,
                None => session.await,
            }
        }
    };
    let how = match ended {
        Ok(()) => "disconnected".to_string(),
        Err(e) => format!("disconnected ({})", log::clean(&e.to_string())),
    };
    shared.log.line(&format!("#{id} {peer} - {how} after {}s", started.elapsed().as_secs()));
    shared.unregister(id);
    shared.gate.leave(id);
}
