//! News of the review ledger for every session of the server at once: one watch on the
//! ledger's files, or for a ledger on PostgreSQL one connection listening to the database (no
//! timer either way), and when another session, process or host writes to it, each reader
//! session is woken to read it again. An idle server wakes for nothing.

use crate::tui::Wake;
use notify_debouncer_mini::notify::{self, EventKind, RecursiveMode, Watcher, event::ModifyKind};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// How long the writes of one commit (the log, then the database) settle before the
/// sessions are told, so that a commit wakes each of them once.
const SETTLE: Duration = Duration::from_millis(20);

/// The reader sessions to tell when the ledger changed.
#[derive(Default)]
pub struct News {
    readers: Mutex<HashMap<u64, mpsc::Sender<Wake>>>,
    next: AtomicU64,
    told: AtomicU64,
    /// The database's news, for a shared ledger (it stops when the server ends).
    database: Mutex<Option<crate::ledger::postgres::Listener>>,
    /// Whether the database's listener reaches it (false only while it knows it does not).
    unreachable: Arc<AtomicBool>,
}

/// A reader's place on the list; it leaves the list when this is dropped.
pub struct Listening {
    news: Arc<News>,
    id: u64,
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.news.readers.lock().unwrap_or_else(|e| e.into_inner()).remove(&self.id);
    }
}

impl News {
    /// Puts the reader woken through `events` on the list, until the guard is dropped.
    pub fn listen(self: &Arc<Self>, events: mpsc::Sender<Wake>) -> Listening {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        self.readers.lock().unwrap_or_else(|e| e.into_inner()).insert(id, events);
        Listening { news: self.clone(), id }
    }

    /// Wakes every reader on the list to read the ledger again.
    pub fn tell(&self) {
        self.told.fetch_add(1, Ordering::Relaxed);
        let mut readers = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        // A reader whose loop has ended no longer listens.
        readers.retain(|_, events| events.send(Wake::LedgerChanged).is_ok());
    }

    /// How many times the readers were told (for the tests).
    #[cfg(test)]
    pub fn times_told(&self) -> u64 {
        self.told.load(Ordering::Relaxed)
    }

    /// How many readers listen.
    #[cfg(test)]
    pub fn listeners(&self) -> usize {
        self.readers.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Listens to the shared ledger at `url` (every host's writes, and the database going out
    /// of reach and coming back) and tells the readers of each, until the server ends.
    pub fn listen_to(self: &Arc<Self>, url: &str) {
        let news = Arc::downgrade(self);
        let since = crate::ledger::PgLedger::connect(url, None)
            .and_then(|l| crate::ledger::Engine::last_seq(&l))
            .unwrap_or(0);
        let unreachable = self.unreachable.clone();
        let listener = crate::ledger::PgLedger::listen(url, since, move |heard| {
            unreachable.store(heard == crate::ledger::postgres::Heard::Lost, Ordering::Release);
            if let Some(news) = news.upgrade() {
                news.tell();
            }
        });
        *self.database.lock().unwrap_or_else(|e| e.into_inner()) = Some(listener);
    }

    /// Set while the database's listener cannot reach the database: a session's line to the
    /// ledger then waits for it instead of trying (and waiting) itself.
    pub fn unreachable(&self) -> Arc<AtomicBool> {
        self.unreachable.clone()
    }

    /// Watches the ledger at `path` (its database and its logs, through the folder it is in,
    /// so a ledger made or moved aside later is seen too) and tells the readers after each
    /// write, until the server ends. Why watching could not start, if it could not: the
    /// sessions then ask the ledger themselves, as the local reader does.
    pub fn watch(self: &Arc<Self>, path: &Path) -> Result<(), String> {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if event.is_ok_and(|e| is_write(&e.kind) && e.paths.iter().any(|p| of_ledger(p, &name))) {
                let _ = tx.send(());
            }
        })
        .map_err(|e| e.to_string())?;
        watcher
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|e| format!("{}: {e}", folder.display()))?;
        let news = self.clone();
        std::thread::Builder::new()
            .name("ledger news".into())
            .spawn(move || {
                // The watch lives as long as this thread, which sleeps until a write.
                let _watcher = watcher;
                while rx.recv().is_ok() {
                    while rx.recv_timeout(SETTLE).is_ok() {}
                    news.tell();
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(())
    }
}

/// Whether a file event is a write (reading, opening and closing the ledger are not, nor is
/// a change of its mode), so the readers' own reads never wake them.
fn is_write(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) | EventKind::Any | EventKind::Other => true,
        EventKind::Access(_) => false,
    }
}

/// Whether `path` is the ledger `name` or one of its logs (`-wal`, `-journal`).
fn of_ledger(path: &Path, name: &str) -> bool {
    path.file_name()
        .map(|f| f.to_string_lossy())
        .is_some_and(|f| f.strip_prefix(name).is_some_and(|rest| matches!(rest, "" | "-wal" | "-journal")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind};

    #[test]
    fn every_listener_is_woken_once_per_telling_and_a_gone_one_is_forgotten() {
        let news = Arc::new(News::default());
        let (anna, anna_rx) = mpsc::channel();
        let (ben, ben_rx) = mpsc::channel();
        let _anna = news.listen(anna);
        let ben_listens = news.listen(ben);
        news.tell();
        for rx in [&anna_rx, &ben_rx] {
            assert!(matches!(rx.try_recv(), Ok(Wake::LedgerChanged)));
            assert!(rx.try_recv().is_err(), "told once");
        }
        drop(ben_listens);
        assert_eq!(news.listeners(), 1, "a reader that ended leaves the list");
        let (cleo, cleo_rx) = mpsc::channel();
        let _cleo = news.listen(cleo);
        drop(cleo_rx);
        news.tell();
        assert_eq!(news.listeners(), 1, "a reader whose loop is gone is forgotten");
        assert!(matches!(anna_rx.try_recv(), Ok(Wake::LedgerChanged)));
        assert!(ben_rx.try_recv().is_err(), "ben no longer listens");
    }

    #[test]
    fn only_writes_to_the_ledger_count() {
        assert!(of_ledger(Path::new("/d/review.db"), "review.db"));
        assert!(of_ledger(Path::new("/d/review.db-wal"), "review.db"));
        assert!(of_ledger(Path::new("/d/review.db-journal"), "review.db"));
        assert!(!of_ledger(Path::new("/d/review.db-shm"), "review.db"), "readers write the -shm map");
        assert!(!of_ledger(Path::new("/d/review.db.bak"), "review.db"));
        assert!(!of_ledger(Path::new("/d/notes.yaml"), "review.db"));
        assert!(is_write(&EventKind::Modify(ModifyKind::Data(DataChange::Any))));
        assert!(is_write(&EventKind::Create(CreateKind::File)));
        assert!(!is_write(&EventKind::Access(AccessKind::Read)));
        assert!(!is_write(&EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any))));
    }

    #[test]
    fn a_write_to_the_ledger_wakes_the_readers_and_a_read_does_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("review.db");
        let news = Arc::new(News::default());
        let (tx, rx) = mpsc::channel();
        let _listening = news.listen(tx);
        news.watch(&path).expect("watch");
        let mut ledger = crate::ledger::Ledger::open(&crate::ledger::Options::new(&path));
        // Opening makes the ledger: wait for that news, then for quiet.
        let _ = rx.recv_timeout(Duration::from_secs(5));
        while rx.recv_timeout(Duration::from_millis(500)).is_ok() {}
        let told = news.times_told();
        let _ = ledger.heads().expect("heads");
        let _ = ledger.data_version().expect("version");
        assert!(rx.recv_timeout(Duration::from_millis(500)).is_err(), "a read is no news");
        assert_eq!(news.times_told(), told);
        let write = crate::ledger::Write::decide(
            "knaesmerter",
            "Tekst".into(),
            "anna",
            crate::ledger::Verdict::Approved,
            "",
        );
        let (saved, error) = ledger.write_all(&[write]);
        assert!(error.is_none() && saved.len() == 1, "{error:?}");
        assert!(
            matches!(rx.recv_timeout(Duration::from_secs(5)), Ok(Wake::LedgerChanged)),
            "a write is news"
        );
    }
}
