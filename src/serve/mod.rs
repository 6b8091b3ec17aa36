//! `artikel serve`: the reader and the lookup commands as an SSH service. Reviewers log in
//! with a key listed in the authorized keys file (the key's name is the reviewer's) and get
//! the reader, or one command's output — never a shell, a file or a forwarded port.

mod exec;
mod gate;
mod handler;
mod keys;
mod log;
mod news;
mod session;

pub use exec::{REFUSED, Ran, run as run_command};
pub use keys::{fingerprint, folder_name, reviewers};

use crate::library::Library;
use crate::store::Disk;
use gate::{Gate, Refusal};
use log::Log;
use russh::server::{Config, Handle};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// `artikel serve`'s options.
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// The address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
    pub listen: SocketAddr,
    /// The reviewers' public keys, as in OpenSSH's authorized_keys; each key's comment (or a
    /// `name=NAME` option before it, without spaces) is the reviewer's name. Default: authorized_keys in the
    /// data folder. Read at every login.
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// The server's private key. Default: host_ed25519 in the data folder, made on first start.
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// Connections open at once, at most.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_sessions: usize,
    /// Close a reader session after this long without a key: 30m, 90s, 2h.
    #[arg(long, value_name = "TIME", default_value = "30m", value_parser = parse_duration)]
    pub idle_timeout: Duration,
    /// Also append the log to this file.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
}

/// `90s`, `30m`, `2h` or a number of seconds.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let (number, unit) =
        text.trim().split_at(text.trim().find(|c: char| !c.is_ascii_digit()).unwrap_or(text.trim().len()));
    let n: u64 = number.parse().map_err(|_| format!("“{text}” is no duration: try 90s, 30m or 2h"))?;
    let seconds = match unit {
        "" | "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        _ => return Err(format!("“{text}” is no duration: try 90s, 30m or 2h")),
    };
    if seconds == 0 {
        return Err("the idle timeout must be longer than nothing".into());
    }
    Ok(Duration::from_secs(seconds))
}

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
    open: Mutex<HashMap<u64, Handle>>,
    readers: Mutex<HashMap<(u64, russh::ChannelId), session::Ender>>,
    idle: Duration,
    /// Wakes the reader sessions when the ledger changed; `None` when the ledger could not
    /// be watched, and each session then asks it every second, as the local reader does.
    news: Option<Arc<news::News>>,
}

impl Shared {
    /// The store of a reviewer's own notes, bookmarks, positions and drafts.
    fn reviewer_disk(&self, name: &str) -> Disk {
        Disk::new(self.data_dir.join("reviewers").join(name))
    }

    fn register(&self, id: u64, handle: Handle) {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).insert(id, handle);
    }

    fn unregister(&self, id: u64) {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
    }
}

/// Runs the server until SIGTERM or SIGINT. Returns the exit code.
pub fn run(library: Library, options: &Options, cli: &crate::cli::Cli) -> Result<i32, (i32, String)> {
    let fail = |what: String| (1, format!("artikel serve: {what}"));
    let data_dir = crate::cli::store_disk(cli)?.dir().to_path_buf();
    // The team's ledger: --ledger, else ARTIKEL_LEDGER, else review.db in the data folder.
    let ledger = crate::cli::review::options(cli, &data_dir).path;
    let log = Log::open(options.log.as_deref())
        .map_err(|e| fail(crate::strings::serve_cannot_open_log(&e.to_string())))?;
    let host_key_path = options.host_key.clone().unwrap_or_else(|| data_dir.join("host_ed25519"));
    let (host_key, made) = keys::host_key(&host_key_path)
        .map_err(|e| fail(format!("host key {}: {e}", host_key_path.display())))?;
    let authorized_keys = options.authorized_keys.clone().unwrap_or_else(|| data_dir.join("authorized_keys"));
    match std::fs::read_to_string(&authorized_keys) {
        Ok(text) if reviewers(&text).is_empty() => log.line(&format!(
            "no reviewer's key in {} yet: nobody can log in",
            log::clean(&authorized_keys.display().to_string())
        )),
        Ok(_) => {}
        Err(e) => return Err(fail(format!("{}: {e}", authorized_keys.display()))),
    }
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
    eprintln!(
        "{}",
        crate::strings::serve_started(&listen, &fingerprint, made, &host_key_path.display().to_string())
    );
    let config = Arc::new(Config {
        methods: (&[russh::MethodKind::PublicKey][..]).into(),
        keys: vec![host_key],
        auth_rejection_time: Duration::from_millis(300),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        // A connection that never logs in, or a reader left alone, is closed.
        inactivity_timeout: Some(options.idle_timeout + Duration::from_secs(60)),
        ..Config::default()
    });
    let news = Arc::new(news::News::default());
    let news = match news.watch(&ledger) {
        Ok(()) => Some(news),
        Err(e) => {
            log.line(&format!(
                "cannot watch the ledger ({}): each session asks it every second",
                log::clean(&e)
            ));
            None
        }
    };
    let shared = Arc::new(Shared {
        docs: Arc::new(crate::app::Docs::new(library.articles.len())),
        index: Arc::default(),
        library: Arc::new(library),
        data_dir,
        ledger,
        authorized_keys,
        log,
        gate: Gate::new(options.max_sessions.max(1)),
        open: Mutex::new(HashMap::new()),
        readers: Mutex::new(HashMap::new()),
        idle: options.idle_timeout,
        news,
    });
    let (index, library) = (shared.index.clone(), shared.library.clone());
    // Built before the first reviewer asks; one who asks sooner waits for this build.
    let _ = std::thread::Builder::new().name("index".into()).spawn(move || {
        index.get_or_init(|| Arc::new(crate::search::Index::of(&library).warmed()));
    });
    let stop = stop_signal().map_err(|e| fail(e.to_string()))?;
    let code = runtime.block_on(serve(listener, config, shared.clone(), stop));
    // Sessions still running get no more than this to finish.
    runtime.shutdown_timeout(Duration::from_millis(300));
    Ok(code)
}

/// A receiver told the signal's number on SIGTERM or SIGINT.
fn stop_signal() -> std::io::Result<tokio::sync::oneshot::Receiver<i32>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT])?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = tx.send(signal);
        }
    });
    Ok(rx)
}

async fn serve(
    listener: tokio::net::TcpListener,
    config: Arc<Config>,
    shared: Arc<Shared>,
    mut stop: tokio::sync::oneshot::Receiver<i32>,
) -> i32 {
    let ids = AtomicU64::new(1);
    let mut tasks = tokio::task::JoinSet::new();
    let signal = loop {
        tokio::select! {
            signal = &mut stop => break signal.unwrap_or(0),
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else { continue };
                let id = ids.fetch_add(1, Ordering::Relaxed);
                match shared.gate.enter(peer.ip(), Instant::now()) {
                    Err(Refusal::Full) => shared.log.line(&format!("#{id} {peer} - refused: too many sessions")),
                    Err(Refusal::Backoff(wait)) => shared.log.line(&format!(
                        "#{id} {peer} - refused: too many failed logins, waiting {}s", wait.as_secs().max(1)
                    )),
                    Ok(()) => {
                        tasks.spawn(connection(stream, peer, id, config.clone(), shared.clone()));
                    }
                }
                // Forget the tasks that are done, so the set does not grow.
                while tasks.try_join_next().is_some() {}
            }
        }
    };
    drop(listener);
    shared.log.line(&format!("stopping (signal {signal}): closing {} sessions", tasks.len()));
    // Every reader saves its draft, says goodbye and closes; then the connections close.
    let readers: Vec<session::Ender> =
        shared.readers.lock().unwrap_or_else(|e| e.into_inner()).values().cloned().collect();
    for reader in readers {
        reader.end(session::STOPPING);
    }
    let waiting = Instant::now();
    while !shared.readers.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
        && waiting.elapsed() < Duration::from_millis(1200)
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let handles: Vec<Handle> =
        shared.open.lock().unwrap_or_else(|e| e.into_inner()).values().cloned().collect();
    for handle in handles {
        let _ = handle
            .disconnect(
                russh::Disconnect::ByApplication,
                crate::strings::SERVE_STOPPING.into(),
                String::new(),
            )
            .await;
    }
    let _ = tokio::time::timeout(Duration::from_millis(300), async {
        while tasks.join_next().await.is_some() {}
    })
    .await;
    0
}

/// How long a connection may take to log in.
const LOGIN_WITHIN: Duration = Duration::from_secs(30);

/// Runs one connection from its key exchange to its end, with a log line at each end.
async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    id: u64,
    config: Arc<Config>,
    shared: Arc<Shared>,
) {
    shared.log.line(&format!("#{id} {peer} - connected"));
    // Each frame goes out at once: russh sets this (`Config::nodelay`) only on the sockets it
    // accepts itself, not on a stream handed to `run_stream`.
    if let Err(e) = stream.set_nodelay(true) {
        shared.log.line(&format!("#{id} {peer} - cannot turn off delayed sending ({e})"));
    }
    let conn = handler::Conn::new(shared.clone(), id, peer);
    let logged_in = conn.logged_in.clone();
    let started = Instant::now();
    let ended = match russh::server::run_stream(config, stream, conn).await {
        Ok(mut session) => {
            // A connection that has not logged in by then is closed: it holds a place.
            tokio::select! {
                ended = &mut session => ended,
                () = tokio::time::sleep(LOGIN_WITHIN) => {
                    if !logged_in.load(Ordering::Relaxed) {
                        let _ = session.handle().disconnect(russh::Disconnect::ByApplication, String::new(), String::new()).await;
                    }
                    session.await
                }
            }
        }
        Err(e) => Err(e),
    };
    let how = match ended {
        Ok(()) => "disconnected".to_string(),
        Err(e) => format!("disconnected ({})", log::clean(&e.to_string())),
    };
    shared.log.line(&format!("#{id} {peer} - {how} after {}s", started.elapsed().as_secs()));
    shared.gate.leave(peer.ip(), logged_in.load(Ordering::Relaxed), Instant::now());
}

#[cfg(test)]
mod tests {
    use super::parse_duration;
    use std::time::Duration;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(parse_duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_duration("45"), Ok(Duration::from_secs(45)));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("0m").is_err());
        assert!(parse_duration("5d").is_err());
    }
}
