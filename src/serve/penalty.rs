//! Failed logins slow down the method that failed, for the address it failed from: each
//! rejected password, unknown key or repeated "none" from an address waits longer before it
//! is answered (doubling after a few free ones, at most [`LONGEST`]). Nothing is ever refused
//! for it: a key on the list logs in at once, from any address, so a team behind one NAT or
//! bastion is never locked out by a scanner sharing its address.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A way of logging in that can fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// "none", after the one every client asks first.
    None,
    /// A password (never accepted here).
    Password,
    /// Keyboard-interactive (never accepted here).
    KeyboardInteractive,
    /// A public key that is not on the list.
    PublicKey,
}

impl Method {
    fn index(self) -> usize {
        self as usize
    }
}

/// Failures of a method that cost nothing.
const FREE: u32 = 3;
/// The first wait after them.
const FIRST: Duration = Duration::from_millis(500);
/// The longest wait.
pub const LONGEST: Duration = Duration::from_secs(8);
/// An address that failed no more for this long starts again from nothing.
const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
/// Addresses kept at most (the one that failed longest ago is forgotten first), so that
/// failures from many addresses cannot fill the memory.
const MOST_ADDRESSES: usize = 10_000;

/// The failures of each address, by method.
#[derive(Default)]
pub struct Penalties {
    inner: Mutex<HashMap<IpAddr, Record>>,
}

#[derive(Clone, Copy)]
struct Record {
    failures: [u32; 4],
    last: Instant,
}

/// The wait after `failures` earlier failures.
fn wait_after(failures: u32) -> Duration {
    if failures < FREE {
        return Duration::ZERO;
    }
    let over = failures - FREE;
    FIRST.saturating_mul(1u32 << over.min(16)).min(LONGEST)
}

impl Penalties {
    /// Counts a failure of `method` from `ip`; how long to wait before answering it.
    pub fn failed(&self, ip: IpAddr, method: Method, now: Instant) -> Duration {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if inner.len() >= MOST_ADDRESSES && !inner.contains_key(&ip) {
            let oldest = inner.iter().min_by_key(|(_, r)| r.last).map(|(ip, _)| *ip);
            if let Some(oldest) = oldest {
                inner.remove(&oldest);
            }
        }
        let record = inner.entry(ip).or_insert(Record { failures: [0; 4], last: now });
        if now.saturating_duration_since(record.last) >= FORGET_AFTER {
            record.failures = [0; 4];
        }
        let before = record.failures[method.index()];
        record.failures[method.index()] = before.saturating_add(1);
        record.last = now;
        wait_after(before)
    }

    /// The failures of `method` from `ip` that count now.
    #[cfg(test)]
    pub fn failures(&self, ip: IpAddr, method: Method, now: Instant) -> u32 {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner
            .get(&ip)
            .filter(|r| now.saturating_duration_since(r.last) < FORGET_AFTER)
            .map_or(0, |r| r.failures[method.index()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 2));
    const B: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 3));

    #[test]
    fn each_failure_after_the_free_ones_waits_longer_up_to_a_bound() {
        let p = Penalties::default();
        let t = Instant::now();
        let waits: Vec<Duration> = (0..10).map(|_| p.failed(A, Method::PublicKey, t)).collect();
        let ms = |n| Duration::from_millis(n);
        assert_eq!(&waits[..7], &[ms(0), ms(0), ms(0), ms(500), ms(1000), ms(2000), ms(4000)]);
        assert_eq!(waits[9], LONGEST);
        assert_eq!(p.failed(A, Method::PublicKey, t + FORGET_AFTER), Duration::ZERO, "forgotten in time");
    }

    #[test]
    fn only_the_failing_method_from_the_failing_address_slows_down() {
        let p = Penalties::default();
        let t = Instant::now();
        for _ in 0..20 {
            p.failed(A, Method::Password, t);
        }
        assert_eq!(p.failures(A, Method::Password, t), 20);
        assert_eq!(p.failed(A, Method::PublicKey, t), Duration::ZERO, "another method is not held back");
        assert_eq!(p.failed(B, Method::Password, t), Duration::ZERO, "nor another address");
    }
}
