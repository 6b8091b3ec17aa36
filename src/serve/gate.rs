//! Who may hold a place, and for how long. A connection that has not logged in never takes a
//! reviewer's place (`--max-sessions` counts logged-in connections only), and passes two
//! stages with budgets of their own:
//!
//! - **Waiting** for the client's version line: a real client sends it with its first packet,
//!   so a socket still silent after [`WAIT`] is no client's. These are cheap, [`WAITING_PER`]
//!   for each place of the next stage; when they are all taken, a newcomer takes the place of
//!   the one waiting longest (once it has waited [`WAIT`]): silent sockets, however many and
//!   from wherever, never keep a client out.
//! - **Logging in**, from the version line to the login (`--max-startups`): the key exchange
//!   and the authentication, which cost the server work. When that budget is spent, a
//!   newcomer takes the place of the stalest — one still exchanging keys before one
//!   authenticating, from the address holding the most places, the oldest first — once it has
//!   had [`STALE`] to finish; or, from an address holding fewer places than another, the
//!   place of that address's oldest, however young (one address cannot keep the budget to
//!   itself by reconnecting fast); otherwise it is turned away, told when to try again.
//!
//! A reviewer holds at most `--max-per-reviewer` connections: a login beyond that closes the
//! same reviewer's connection that has been idle longest.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// How long a connection keeps its place while waiting for the client's version line.
pub const WAIT: Duration = Duration::from_millis(100);

/// Connections waiting for a version line, for each place of those logging in.
pub const WAITING_PER: usize = 4;

/// How long a connection logging in keeps its place against newcomers: a real client
/// exchanges keys and logs in within a few round trips.
pub const STALE: Duration = Duration::from_secs(1);

/// The places there are.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Logged-in connections at once.
    pub sessions: usize,
    /// Connections logging in (past their version line) at once.
    pub startups: usize,
    /// Logged-in connections of one reviewer at once.
    pub per_reviewer: usize,
}

/// Why a connection was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Every reviewer's place is taken.
    Full,
    /// Too many connections are logging in; a place frees within this long.
    Busy(Duration),
}

/// When a connection's last key, command or request came (it is idle since).
pub type Active = Arc<Mutex<Instant>>;

/// A connection let in before it logs in: told when it has to make room.
pub struct Ticket {
    /// Fires when a newcomer took this connection's place; closed (an error) once the
    /// connection has logged in or left, when it can no longer be evicted.
    pub evicted: oneshot::Receiver<()>,
}

/// How far a connection that has not logged in has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// Waiting for the client's version line.
    Waiting,
    /// Exchanging keys.
    Exchanging,
    /// Authenticating.
    Authenticating,
}

/// The places taken.
pub struct Gate {
    limits: Limits,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    startups: HashMap<u64, Startup>,
    sessions: HashMap<u64, Place>,
}

struct Startup {
    ip: IpAddr,
    /// When it came to its stage.
    since: Instant,
    stage: Stage,
    evict: oneshot::Sender<()>,
}

struct Place {
    reviewer: String,
    active: Active,
}

impl Gate {
    /// A gate with these limits (each at least 1).
    pub fn new(limits: Limits) -> Gate {
        let limits = Limits {
            sessions: limits.sessions.max(1),
            startups: limits.startups.max(1),
            per_reviewer: limits.per_reviewer.max(1),
        };
        Gate { limits, inner: Mutex::new(Inner::default()) }
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Lets connection `id` from `ip` in to wait for its version line, making room if it
    /// must, or says why not.
    pub fn enter(&self, id: u64, ip: IpAddr, now: Instant) -> Result<Ticket, Refusal> {
        let mut inner = self.inner();
        if inner.sessions.len() >= self.limits.sessions {
            return Err(Refusal::Full);
        }
        let waiting = inner.startups.values().filter(|s| s.stage == Stage::Waiting);
        if waiting.clone().count() >= self.limits.startups * WAITING_PER {
            let longest = waiting.min_by_key(|s| s.since).map(|s| s.since).unwrap_or(now);
            if now.saturating_duration_since(longest) < WAIT {
                return Err(Refusal::Busy(WAIT - now.saturating_duration_since(longest)));
            }
            let victim = inner.startups.iter().find(|(_, s)| s.stage == Stage::Waiting && s.since == longest);
            let victim = victim.map(|(id, _)| *id);
            inner.evict(victim);
        }
        let (evict, evicted) = oneshot::channel();
        inner.startups.insert(id, Startup { ip, since: now, stage: Stage::Waiting, evict });
        Ok(Ticket { evicted })
    }

    /// Connection `id` from `ip` sent its version line: it begins to log in, if there is room
    /// (made if it must be); else why not.
    pub fn version(&self, id: u64, ip: IpAddr, now: Instant) -> Result<(), Refusal> {
        let mut inner = self.inner();
        if !inner.startups.contains_key(&id) {
            // Made room for another meanwhile: it is being closed.
            return Ok(());
        }
        let logging_in = inner.startups.values().filter(|s| s.stage > Stage::Waiting).count();
        if logging_in >= self.limits.startups {
            match inner.stalest(now).or_else(|| inner.hoarded(ip)) {
                Some(victim) => inner.evict(Some(victim)),
                None => {
                    let first_stale = inner
                        .startups
                        .values()
                        .filter(|s| s.stage > Stage::Waiting)
                        .map(|s| s.since + STALE)
                        .min()
                        .unwrap_or(now + STALE);
                    return Err(Refusal::Busy(first_stale.saturating_duration_since(now)));
                }
            }
        }
        if let Some(s) = inner.startups.get_mut(&id) {
            s.stage = Stage::Exchanging;
            s.since = now;
        }
        Ok(())
    }

    /// Connection `id` has finished its key exchange and begun to log in.
    pub fn authenticating(&self, id: u64) {
        if let Some(s) = self.inner().startups.get_mut(&id) {
            s.stage = Stage::Authenticating;
        }
    }

    /// Connection `id` logged in as `reviewer`: it leaves the budget of those logging in for a
    /// reviewer's place. The connection of the same reviewer to close to make room, if any.
    pub fn login(&self, id: u64, reviewer: &str, active: Active) -> Result<Option<u64>, Refusal> {
        let mut inner = self.inner();
        inner.startups.remove(&id);
        let idle_since = |p: &Place| *p.active.lock().unwrap_or_else(|e| e.into_inner());
        let theirs: Vec<(u64, Instant)> = inner
            .sessions
            .iter()
            .filter(|(_, p)| p.reviewer == reviewer)
            .map(|(id, p)| (*id, idle_since(p)))
            .collect();
        let replaced = if theirs.len() >= self.limits.per_reviewer {
            let idlest = theirs.iter().min_by_key(|(_, since)| *since).map(|(id, _)| *id);
            idlest.and_then(|victim| inner.sessions.remove(&victim).map(|_| victim))
        } else if inner.sessions.len() >= self.limits.sessions {
            return Err(Refusal::Full);
        } else {
            None
        };
        inner.sessions.insert(id, Place { reviewer: reviewer.to_string(), active });
        Ok(replaced)
    }

    /// Connection `id` has ended (whether or not it logged in): its place is free.
    pub fn leave(&self, id: u64) {
        let mut inner = self.inner();
        if inner.startups.remove(&id).is_none() {
            inner.sessions.remove(&id);
        }
    }

    /// Connections logged in, and connections not logged in yet.
    pub fn counts(&self) -> (usize, usize) {
        let inner = self.inner();
        (inner.sessions.len(), inner.startups.len())
    }
}

impl Inner {
    /// Tells connection `victim` (if any) to make room, and frees its place.
    fn evict(&mut self, victim: Option<u64>) {
        if let Some(gone) = victim.and_then(|v| self.startups.remove(&v)) {
            let _ = gone.evict.send(());
        }
    }

    /// The places of those logging in, by address.
    fn per_ip(&self) -> HashMap<IpAddr, usize> {
        let mut per_ip: HashMap<IpAddr, usize> = HashMap::new();
        for s in self.startups.values().filter(|s| s.stage > Stage::Waiting) {
            *per_ip.entry(s.ip).or_default() += 1;
        }
        per_ip
    }

    /// The connection logging in to turn away for a newcomer: of those that have had
    /// [`STALE`], one exchanging keys before one authenticating, from the address with most,
    /// oldest first.
    fn stalest(&self, now: Instant) -> Option<u64> {
        let per_ip = self.per_ip();
        self.startups
            .iter()
            .filter(|(_, s)| s.stage > Stage::Waiting && now.saturating_duration_since(s.since) >= STALE)
            .min_by_key(|(_, s)| (s.stage, std::cmp::Reverse(per_ip[&s.ip]), s.since))
            .map(|(id, _)| *id)
    }

    /// When the address `ip` holds at least two places fewer than the address holding most:
    /// that address's oldest connection logging in.
    fn hoarded(&self, ip: IpAddr) -> Option<u64> {
        let per_ip = self.per_ip();
        let (busiest, most) = per_ip.iter().max_by_key(|(_, n)| **n).map(|(ip, n)| (*ip, *n))?;
        if per_ip.get(&ip).copied().unwrap_or(0) + 1 >= most {
            return None;
        }
        let theirs = self.startups.iter().filter(|(_, s)| s.stage > Stage::Waiting && s.ip == busiest);
        theirs.min_by_key(|(_, s)| s.since).map(|(id, _)| *id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 2));
    const B: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 3));
    const C: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 4));
    const D: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 5));

    fn gate(sessions: usize, startups: usize, per_reviewer: usize) -> Gate {
        Gate::new(Limits { sessions, startups, per_reviewer })
    }

    fn active(at: Instant) -> Active {
        Arc::new(Mutex::new(at))
    }

    /// Connection `id` from `ip` enters and sends its version line at `at`.
    fn arrive(gate: &Gate, id: u64, ip: IpAddr, at: Instant) -> Result<Ticket, Refusal> {
        let ticket = gate.enter(id, ip, at)?;
        gate.version(id, ip, at)?;
        Ok(ticket)
    }

    #[test]
    fn silent_sockets_make_room_for_newcomers_however_many_they_are() {
        let gate = gate(64, 2, 4);
        let t = Instant::now();
        let waiting = 2 * WAITING_PER;
        let mut silent: Vec<Ticket> =
            (0..waiting as u64).map(|id| gate.enter(id, A, t).expect("in")).collect();
        assert_eq!(gate.enter(99, B, t).err(), Some(Refusal::Busy(WAIT)), "not before they had their chance");
        let later = t + WAIT;
        let _client = arrive(&gate, 100, A, later).expect("a client from the same address gets in");
        assert_eq!(
            silent.iter_mut().map(|s| s.evicted.try_recv().is_ok()).filter(|gone| *gone).count(),
            1,
            "one silent socket went"
        );
        assert_eq!(gate.counts(), (0, waiting));
    }

    #[test]
    fn connections_logging_in_never_take_a_reviewers_place() {
        let gate = gate(2, 3, 4);
        let t = Instant::now();
        let _stalled: Vec<Ticket> =
            [A, B, C].iter().zip(1..).map(|(ip, id)| arrive(&gate, id, *ip, t).expect("in")).collect();
        assert_eq!(gate.counts(), (0, 3));
        // A fourth, at once, is told to try again when the first has had its chance.
        assert_eq!(arrive(&gate, 4, D, t).err(), Some(Refusal::Busy(STALE)));
        gate.leave(4);
        // Later it takes the place of a stalled one, and logs in: the budget and the
        // reviewers' places are counted apart.
        let later = t + STALE;
        let _b = arrive(&gate, 5, B, later).expect("room made");
        assert_eq!(gate.login(5, "anna", active(later)), Ok(None));
        assert_eq!(gate.counts(), (1, 2));
    }

    #[test]
    fn a_newcomer_evicts_the_stalest_from_the_busiest_address() {
        let gate = gate(64, 4, 4);
        let t = Instant::now();
        let mut a1 = arrive(&gate, 1, A, t).expect("in");
        let mut b = arrive(&gate, 2, B, t).expect("in");
        let mut a2 = arrive(&gate, 3, A, t + Duration::from_millis(10)).expect("in");
        let mut c = arrive(&gate, 4, C, t).expect("in");
        gate.authenticating(4);
        let later = t + STALE * 2;
        let _new = arrive(&gate, 5, B, later).expect("room made");
        assert!(a1.evicted.try_recv().is_ok(), "the oldest of the address with two goes first");
        assert!(b.evicted.try_recv().is_err() && a2.evicted.try_recv().is_err());
        let _new = arrive(&gate, 6, B, later).expect("room made");
        assert!(b.evicted.try_recv().is_ok(), "B holds two places now, the newcomer's and its oldest");
        assert!(c.evicted.try_recv().is_err(), "one logging in is the last to go");
        // Once logged in, a connection cannot be evicted: its ticket is closed.
        gate.login(4, "bo", active(later)).expect("logged in");
        assert!(matches!(c.evicted.try_recv(), Err(oneshot::error::TryRecvError::Closed)));
    }

    #[test]
    fn one_address_reconnecting_fast_cannot_keep_the_budget_to_itself() {
        let gate = gate(64, 4, 4);
        let t = Instant::now();
        let at = |ms| t + Duration::from_millis(ms);
        let mut flood: Vec<Ticket> = (0..4).map(|i| arrive(&gate, i + 1, A, at(i)).expect("in")).collect();
        let now = at(3);
        let ms = Duration::from_millis;
        assert_eq!(
            arrive(&gate, 5, A, now).err(),
            Some(Refusal::Busy(STALE - ms(3))),
            "A may not push itself out"
        );
        gate.leave(5);
        let _b = arrive(&gate, 6, B, now).expect("B takes a place of A's at once");
        assert!(flood[0].evicted.try_recv().is_ok(), "A's oldest made room");
        let _c = arrive(&gate, 7, C, now).expect("and so does C");
        assert!(flood[1].evicted.try_recv().is_ok());
        // A holds two, B and C one each: none holds two more than another.
        assert_eq!(arrive(&gate, 8, B, now).err(), Some(Refusal::Busy(STALE - ms(1))));
        assert!(flood.iter_mut().skip(2).all(|f| f.evicted.try_recv().is_err()));
    }

    #[test]
    fn a_full_server_turns_newcomers_away_and_a_leaving_one_frees_its_place() {
        let gate = gate(1, 4, 4);
        let t = Instant::now();
        let _a = arrive(&gate, 1, A, t).expect("in");
        let _b = arrive(&gate, 2, B, t).expect("in");
        assert_eq!(gate.login(1, "anna", active(t)), Ok(None));
        assert_eq!(gate.login(2, "bo", active(t)), Err(Refusal::Full), "no place at login");
        gate.leave(2);
        assert_eq!(gate.enter(3, B, t).err(), Some(Refusal::Full), "nor before the handshake");
        gate.leave(1);
        assert!(arrive(&gate, 3, B, t).is_ok());
        assert_eq!(gate.counts(), (0, 1));
    }

    #[test]
    fn a_reviewer_beyond_their_share_replaces_their_own_idlest_connection() {
        let gate = gate(64, 8, 2);
        let t = Instant::now();
        for id in 1..=3 {
            let _ = arrive(&gate, id, A, t).expect("in");
        }
        let busy = active(t + Duration::from_secs(5));
        assert_eq!(gate.login(1, "anna", active(t)), Ok(None));
        assert_eq!(gate.login(2, "anna", busy), Ok(None));
        assert_eq!(gate.login(3, "anna", active(t)), Ok(Some(1)), "the one idle longest makes room");
        assert_eq!(gate.counts(), (2, 0));
        let _ = arrive(&gate, 4, A, t).expect("in");
        assert_eq!(gate.login(4, "bo", active(t)), Ok(None), "another reviewer has a share of their own");
    }
}
