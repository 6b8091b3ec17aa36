//! How a connection logs in: whose a key is (or why it logs nobody in), what a failed
//! attempt costs its address, and whether the connection has logged in yet.

use super::keys::fingerprint;
use super::penalty::{Method, Penalties};
use super::reviewers::{Listed, Reviewers};
use russh::keys::PublicKey;
use std::net::IpAddr;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Whether a connection has logged in, and a way to wait for it.
#[derive(Default)]
pub struct Login {
    done: AtomicBool,
    told: tokio::sync::Notify,
}

impl Login {
    /// Whether the connection has logged in.
    pub fn done(&self) -> bool {
        self.done.load(Ordering::Relaxed)
    }

    /// Waits until the connection has logged in.
    pub async fn wait(&self) {
        if !self.done() {
            self.told.notified().await;
        }
    }

    /// The connection has logged in.
    pub fn set(&self) {
        self.done.store(true, Ordering::Relaxed);
        self.told.notify_one();
    }
}

/// The reviewer `key` logs in, from the authorized keys file as it is now; when it is none,
/// why (unknown, on a line that is skipped, or the file unreadable), for the log.
pub fn reviewer_of(authorized_keys: &Path, key: &PublicKey) -> Result<Listed, String> {
    let reviewers = match Reviewers::read(authorized_keys) {
        Ok(r) => r,
        Err(e) => {
            return Err(format!("key {} (cannot read {}: {e})", fingerprint(key), authorized_keys.display()));
        }
    };
    if let Some(listed) = reviewers.reviewer_of(key) {
        return Ok(listed.clone());
    }
    Err(match reviewers.skipped_line_of(key) {
        Some((line, why)) => format!("key {}: its line {line} is skipped: {}", fingerprint(key), why.why()),
        None => format!("unknown key {}", fingerprint(key)),
    })
}

/// A failed login by `method` from `ip`, `what` it was: counted, and how long to wait before
/// answering it, with what the log says of it.
pub fn failure(penalties: &Penalties, ip: IpAddr, method: Method, what: &str) -> (Duration, String) {
    let wait = penalties.failed(ip, method, Instant::now());
    if wait.is_zero() {
        return (wait, what.to_string());
    }
    (wait, format!("{what} (answered after {:.1}s: this address failed before)", wait.as_secs_f32()))
}
