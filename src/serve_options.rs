//! `artikel serve`'s options, and the durations they take (`90s`, `30m`, `2h`): read by the
//! command line, used by the server, and said to the server's operator (in English, as its log).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The longest a connection may take to log in.
pub const MOST_GRACE: Duration = Duration::from_secs(30);

/// `artikel serve`'s options.
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// The address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
    pub listen: SocketAddr,
    /// The reviewers' public keys, as in OpenSSH's authorized_keys; each key's comment (or a
    /// `name=NAME` option before it, without spaces) is the reviewer's name. Default: authorized_keys in the
    /// data folder. Read at every login, and at start and on SIGHUP to say which lines are skipped.
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// The server's private key (ed25519, ECDSA or RSA of 2048 bits or more, without a
    /// passphrase, readable by its owner only). Default: host_ed25519 in the data folder, made on
    /// first start.
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// Reviewers' connections open at once, at most (connections still logging in are not counted).
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_sessions: usize,
    /// Connections logging in at once, at most; past that, a newcomer takes the place of one that
    /// has stalled for a second, or is told to try again.
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub max_startups: usize,
    /// One reviewer's connections, and readers, open at once, at most: one more closes their
    /// one idle longest.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub max_per_reviewer: usize,
    /// Close a connection that has not logged in after this long: 30s at most.
    #[arg(long, value_name = "TIME", default_value = "20s", value_parser = parse_grace)]
    pub login_grace: Duration,
    /// Close a reader session after this long without a key: 30m, 90s, 2h.
    #[arg(long, value_name = "TIME", default_value = "30m", value_parser = parse_duration)]
    pub idle_timeout: Duration,
    /// Also append the log to this file (reopened on SIGHUP).
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
}

/// What the command line settles for the server before it starts.
#[derive(Debug, Clone)]
pub struct Ground {
    /// The data folder: the host key, the authorized keys and each reviewer's own files.
    pub data_dir: PathBuf,
    /// The team's review ledger: `--ledger`, else `ARTIKEL_LEDGER`, else `review.db` in the
    /// data folder.
    pub ledger: PathBuf,
    /// What day it is.
    pub clock: crate::clock::Clock,
}

/// `90s`, `30m`, `2h` or a number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
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
        return Err("the time must be longer than nothing".into());
    }
    Ok(Duration::from_secs(seconds))
}

/// A login grace time: a duration of at most [`MOST_GRACE`].
fn parse_grace(text: &str) -> Result<Duration, String> {
    let grace = parse_duration(text)?;
    if grace > MOST_GRACE {
        return Err(format!(
            "at most {}s: a connection that has not logged in holds a place",
            MOST_GRACE.as_secs()
        ));
    }
    Ok(grace)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_login_grace_is_half_a_minute_at_most() {
        assert_eq!(parse_grace("30s"), Ok(MOST_GRACE));
        assert_eq!(parse_grace("2s"), Ok(Duration::from_secs(2)));
        assert!(parse_grace("1m").is_err());
    }
}
