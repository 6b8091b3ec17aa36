//! News across hosts: a connection of its own that `LISTEN`s on [`CHANNEL`] (every write
//! notifies it when it commits) and hands on the trail rows written since the last one it
//! saw. Nothing is asked of the database while nothing changes; after a dropped connection
//! it connects again, waiting longer each time it cannot ([`Backoff`]: 100 ms doubling to
//! a second, the reader's own promise: sessions told the database is lost wait for this
//! listener to find it back), and catches up by the trail's sequence number a page at a time, so a row written
//! meanwhile is not missed and a long way behind is never read at once.

use super::super::Entry;
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

/// How long the listener waits before connecting again: [`Backoff::FIRST`] after the
/// database was lost, twice as long after each try that fails, never more than
/// [`Backoff::MOST`]; from the first again once it listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Backoff {
    next: Duration,
}

impl Backoff {
    /// The first wait.
    pub(crate) const FIRST: Duration = Duration::from_millis(100);
    /// The longest wait: the reader says it tries again every second, and its sessions
    /// wait for this listener to find the database back.
    pub(crate) const MOST: Duration = super::super::link::RECONNECT_EVERY;

    pub(crate) fn new() -> Backoff {
        Backoff { next: Backoff::FIRST }
    }

    /// How long to wait before the next try; the one after waits twice as long.
    pub(crate) fn wait(&mut self) -> Duration {
        let now = self.next;
        self.next = (self.next * 2).min(Backoff::MOST);
        now
    }

    /// The database answered: the next loss waits the first wait again.
    pub(crate) fn reset(&mut self) {
        self.next = Backoff::FIRST;
    }
}

fn run(url: &str, mut seen: i64, mut tell: impl FnMut(Heard), stop: &AtomicBool) {
    let mut lost = false;
    let mut backoff = Backoff::new();
    while !stop.load(Ordering::Relaxed) {
        if let Ok(ledger) = PgLedger::connect(url, None) {
            if std::mem::take(&mut lost) {
                tell(Heard::Back);
            }
            // The waits start again only after a connection that stayed up: one dropped as
            // soon as it is made (a proxy with nothing behind it) keeps them growing.
            let since = std::time::Instant::now();
            if listen(&ledger, &mut seen, &mut tell, stop) && since.elapsed() >= Backoff::MOST {
                backoff.reset();
            }
        }
        if !lost && !stop.load(Ordering::Relaxed) {
            lost = true;
            tell(Heard::Lost);
        }
        // Dropped, or not reached: again after a wait that grows while it cannot be.
        let pause = backoff.wait();
        let mut waited = Duration::ZERO;
        while waited < pause && !stop.load(Ordering::Relaxed) {
            let step = STOP_EVERY.min(pause - waited);
            std::thread::sleep(step);
            waited += step;
        }
    }
}

/// Listens on `ledger`'s connection until it drops or `stop` is set: whether it got as far
/// as listening (caught up).
fn listen(ledger: &PgLedger, seen: &mut i64, tell: &mut impl FnMut(Heard), stop: &AtomicBool) -> bool {
    if ledger.client().batch_execute(&format!("LISTEN {CHANNEL}")).is_err() {
        return false;
    }
    // Listening first, then the catch-up: a row written in between is told, not lost.
    if !catch_up(ledger, seen, tell) {
        return false;
    }
    while !stop.load(Ordering::Relaxed) {
        match wait(ledger) {
            Some(true) => {
                if !catch_up(ledger, seen, tell) {
                    return true;
                }
            }
            Some(false) => {}
            None => return true,
        }
    }
    true
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

/// Tells the rows after `seen`, a page at a time (each told as it is read); whether the
/// database answered. `seen` follows each page told, so a connection lost halfway goes on
/// from there.
fn catch_up(ledger: &PgLedger, seen: &mut i64, tell: &mut impl FnMut(Heard)) -> bool {
    super::super::engine::news_pages(ledger, *seen, |rows| {
        if let Some(last) = rows.last() {
            *seen = last.seq;
        }
        tell(Heard::News(rows));
    })
    .is_ok()
}

#[cfg(test)]
mod tests {
    use super::Backoff;
    use std::time::Duration;

    #[test]
    fn reconnecting_waits_100_ms_doubling_to_a_second_and_starts_again_once_listening() {
        let mut backoff = Backoff::new();
        let waits: Vec<u64> = (0..7).map(|_| backoff.wait().as_millis() as u64).collect();
        assert_eq!(waits, [100, 200, 400, 800, 1_000, 1_000, 1_000]);
        backoff.reset();
        assert_eq!(backoff.wait(), Duration::from_millis(100));
        assert_eq!(backoff.wait(), Duration::from_millis(200));
    }

    #[test]
    fn a_database_down_for_a_minute_is_tried_a_few_times_not_in_a_tight_loop() {
        let mut backoff = Backoff::new();
        let (mut waited, mut tries) = (Duration::ZERO, 0);
        while waited < Duration::from_secs(60) {
            waited += backoff.wait();
            tries += 1;
        }
        assert!(tries <= 65, "{tries} tries in a minute: about one a second, never a tight loop");
    }
}
