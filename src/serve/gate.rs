//! Who may open a connection: at most `--max-sessions` at once, and an address whose
//! connections keep failing to log in waits longer and longer before it may try again, so
//! a scan costs the server almost nothing (it is turned away before the key exchange).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed connections an address may have before it must wait.
const FREE_FAILURES: u32 = 3;
/// The longest wait.
const LONGEST: Duration = Duration::from_secs(600);
/// An address that failed no more for this long starts again from nothing.
const FORGET_AFTER: Duration = Duration::from_secs(3600);
/// Addresses kept at most (the oldest are forgotten first), so a scan from many
/// addresses cannot fill the memory.
const MOST_ADDRESSES: usize = 10_000;

/// Why a connection was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `--max-sessions` connections are open.
    Full,
    /// This address failed too often; it may try again after this long.
    Backoff(Duration),
}

/// The count of open connections and the failures of each address.
pub struct Gate {
    max: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    open: usize,
    failures: HashMap<IpAddr, Failures>,
}

#[derive(Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

impl Failures {
    /// Until when the address must wait (it may try when this is in the past).
    fn until(&self) -> Instant {
        let over = self.count.saturating_sub(FREE_FAILURES);
        if over == 0 {
            return self.last;
        }
        let wait = Duration::from_secs(1u64 << over.min(20)).min(LONGEST);
        self.last + wait
    }
}

impl Gate {
    /// A gate letting `max` connections in at once.
    pub fn new(max: usize) -> Gate {
        Gate { max, inner: Mutex::new(Inner::default()) }
    }

    /// Lets a connection from `ip` in (counting it open), or says why not.
    pub fn enter(&self, ip: IpAddr, now: Instant) -> Result<(), Refusal> {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = inner.failures.get(&ip).copied() {
            if now.duration_since(f.last) >= FORGET_AFTER {
                inner.failures.remove(&ip);
            } else if f.until() > now {
                // Knocking while told to wait counts as failing again.
                let f = inner.failures.entry(ip).or_insert(f);
                f.count = f.count.saturating_add(1);
                f.last = now;
                return Err(Refusal::Backoff(f.until() - now));
            }
        }
        if inner.open >= self.max {
            return Err(Refusal::Full);
        }
        inner.open += 1;
        Ok(())
    }

    /// A connection let in has ended; `logged_in` says whether it logged in (which clears
    /// the address's failures) or not (which counts one more).
    pub fn leave(&self, ip: IpAddr, logged_in: bool, now: Instant) {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.open = inner.open.saturating_sub(1);
        if logged_in {
            inner.failures.remove(&ip);
            return;
        }
        if inner.failures.len() >= MOST_ADDRESSES && !inner.failures.contains_key(&ip) {
            let oldest = inner.failures.iter().min_by_key(|(_, f)| f.last).map(|(ip, _)| *ip);
            if let Some(oldest) = oldest {
                inner.failures.remove(&oldest);
            }
        }
        let f = inner.failures.entry(ip).or_insert(Failures { count: 0, last: now });
        f.count = f.count.saturating_add(1);
        f.last = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 2));
    const B: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 3));

    #[test]
    fn failures_make_an_address_wait_longer_each_time_and_only_that_address() {
        let gate = Gate::new(64);
        let t = Instant::now();
        for _ in 0..FREE_FAILURES {
            assert_eq!(gate.enter(A, t), Ok(()));
            gate.leave(A, false, t);
        }
        assert_eq!(gate.enter(A, t), Ok(()), "the free failures cost nothing");
        gate.leave(A, false, t);
        let secs = Duration::from_secs;
        assert_eq!(gate.enter(A, t), Err(Refusal::Backoff(secs(4))), "knocking again doubles the wait");
        assert_eq!(gate.enter(B, t), Ok(()), "another address is not held back");
        let later = t + secs(4);
        assert_eq!(gate.enter(A, later), Ok(()), "after the wait, one more try");
        gate.leave(A, false, later);
        assert_eq!(gate.enter(A, later), Err(Refusal::Backoff(secs(16))));
        let much_later = later + FORGET_AFTER;
        assert_eq!(gate.enter(A, much_later), Ok(()), "failures are forgotten in time");
    }

    #[test]
    fn a_login_clears_the_failures_and_the_wait_is_bounded() {
        let gate = Gate::new(64);
        let t = Instant::now();
        for _ in 0..100 {
            gate.leave(A, false, t);
        }
        assert_eq!(gate.enter(A, t), Err(Refusal::Backoff(LONGEST)));
        gate.leave(A, true, t);
        assert_eq!(gate.enter(A, t), Ok(()));
    }

    #[test]
    fn no_more_than_max_sessions_at_once() {
        let gate = Gate::new(2);
        let t = Instant::now();
        assert_eq!(gate.enter(A, t), Ok(()));
        assert_eq!(gate.enter(B, t), Ok(()));
        assert_eq!(gate.enter(A, t), Err(Refusal::Full));
        gate.leave(B, true, t);
        assert_eq!(gate.enter(A, t), Ok(()));
    }
}
