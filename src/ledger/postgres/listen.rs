//! News across hosts: a connection of its own that `LISTEN`s on [`CHANNEL`] (every write
//! notifies it when it commits) and hands on the trail rows written since the last one it
//! saw. Nothing is asked of the database while nothing changes; after a dropped connection
//! it connects again (each second) and catches up by the trail's sequence number, so a row
//! written meanwhile is not missed.

use super::super::{Engine, Entry};
use super::{CHANNEL, PgLedger};
use postgres::fallible_iterator::FallibleIterator;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How often the listening thread looks whether it should stop (a flag here, not the
/// database).
const STOP_EVERY: Duration = Duration::from_millis(250);

/// What a listener hears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// The trail rows written since the last told, oldest first.
    News(Vec<Entry>),
    /// The database cannot be reached (told once, until it is again).
    Lost,
    /// The database is reached again (after [`Heard::Lost`]; news meanwhile follows).
    Back,
}

/// Listens until dropped.
pub struct Listener {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl PgLedger {
    /// Listens on the database `url` names, from its own connection: `tell` hears the trail
    /// rows after `since`, oldest first, at once if there are any and then whenever any host
    /// writes; and when the database goes out of reach and comes back.
    pub fn listen(url: &str, since: i64, tell: impl FnMut(Heard) + Send + 'static) -> Listener {
        let stop = Arc::new(AtomicBool::new(false));
        let (url, stopping) = (url.to_string(), stop.clone());
        let thread = std::thread::Builder::new()
            .name("ledger news".into())
            .spawn(move || run(&url, since, tell, &stopping))
            .ok();
        Listener { stop, thread }
    }
}

fn run(url: &str, mut seen: i64, mut tell: impl FnMut(Heard), stop: &AtomicBool) {
    let mut lost = false;
    while !stop.load(Ordering::Relaxed) {
        if let Ok(ledger) = PgLedger::connect(url, None) {
            if std::mem::take(&mut lost) {
                tell(Heard::Back);
            }
            listen(&ledger, &mut seen, &mut tell, stop);
        }
        if !lost && !stop.load(Ordering::Relaxed) {
            lost = true;
            tell(Heard::Lost);
        }
        // Dropped, or not reached: again in a second.
        let mut waited = Duration::ZERO;
        while waited < Duration::from_secs(1) && !stop.load(Ordering::Relaxed) {
            std::thread::sleep(STOP_EVERY);
            waited += STOP_EVERY;
        }
    }
}

/// Listens on `ledger`'s connection until it drops or `stop` is set.
fn listen(ledger: &PgLedger, seen: &mut i64, tell: &mut impl FnMut(Heard), stop: &AtomicBool) {
    if ledger.client().batch_execute(&format!("LISTEN {CHANNEL}")).is_err() {
        return;
    }
    // Listening first, then the catch-up: a row written in between is told, not lost.
    if !catch_up(ledger, seen, tell) {
        return;
    }
    while !stop.load(Ordering::Relaxed) {
        match wait(ledger) {
            Some(true) => {
                if !catch_up(ledger, seen, tell) {
                    return;
                }
            }
            Some(false) => {}
            None => return,
        }
    }
}

/// Waits up to [`STOP_EVERY`] for a notification, then takes those already come without
/// waiting more (so steady writes never keep the loop from looking at its stop flag): whether
/// there was news, `None` when the connection is gone.
fn wait(ledger: &PgLedger) -> Option<bool> {
    let mut client = ledger.client();
    let mut notifications = client.notifications();
    // The timeout iterator waits afresh after every notification: only its first is taken.
    let news = match notifications.timeout_iter(STOP_EVERY).next() {
        Ok(Some(_)) => true,
        Ok(None) => false,
        Err(_) => return None,
    };
    if news {
        let mut pending = notifications.iter();
        loop {
            match pending.next() {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(_) => return None,
            }
        }
    }
    drop(notifications);
    if client.is_closed() { None } else { Some(news) }
}

/// Tells the rows after `seen`; whether the database answered.
fn catch_up(ledger: &PgLedger, seen: &mut i64, tell: &mut impl FnMut(Heard)) -> bool {
    match ledger.news_since(*seen) {
        Ok(rows) => {
            if let Some(last) = rows.last() {
                *seen = last.seq;
                tell(Heard::News(rows));
            }
            true
        }
        Err(_) => false,
    }
}
