//! The ledger on PostgreSQL: one database that several `artikel` hosts share, named by a URL
//! (`--ledger postgres://user@host:port/db`). The same tables, the same trail and the same
//! hash chain ([`super::trail::hash`]) as the SQLite file, checked by the same
//! [`super::verify`].
//!
//! Writers on every host take one transaction-level advisory lock, so the trail grows one row
//! after another across hosts; each write notifies the channel [`CHANNEL`] when it commits.
//! TLS unless the URL says `sslmode=disable` or the database is on this machine ([`tls`]).
//! The password is never in the URL: `PGPASSWORD`, or the file `PGPASSFILE` names (else
//! `~/.pgpass`), private to its owner as libpq wants it.

mod copy;
mod history;
mod listen;
mod pass;
mod read;
mod schema;
mod tls;
mod write;

use super::LedgerError;
use crate::strings as s;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

pub use listen::{Heard, Listener};
pub use schema::SCHEMA;

/// The channel a write notifies, with the trail row it ended at.
pub const CHANNEL: &str = "artikel_ledger";

/// The advisory lock every write takes for its transaction (the trail is one chain).
const WRITE_LOCK: i64 = 0x6172_7469_6b65_6c01;

/// Whether `named` (what `--ledger` or `ARTIKEL_LEDGER` says) is a PostgreSQL URL.
pub fn is_url(named: &std::path::Path) -> bool {
    let named = named.to_string_lossy();
    named.starts_with("postgres://") || named.starts_with("postgresql://")
}

/// The URL `named` as it may be shown: without a password, whatever it held.
pub fn shown(named: &std::path::Path) -> String {
    // sslmode is read here, not by the driver (which knows no verify-full).
    match tls::split_sslmode(&named.to_string_lossy()).0.parse::<postgres::Config>() {
        Ok(config) => place(&config),
        Err(_) => "postgres://…".to_string(),
    }
}

/// The URL `named` as written, but for its password (`user:secret@` becomes `user@`): what
/// `artikel config` shows, so that it still reads as the settings file's value.
pub fn without_password(named: &str) -> String {
    let Some((scheme, rest)) = named.split_once("://") else { return named.to_string() };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    match authority.rsplit_once('@') {
        Some((userinfo, hosts)) => {
            let user = userinfo.split_once(':').map_or(userinfo, |(user, _)| user);
            format!("{scheme}://{user}@{hosts}{tail}")
        }
        None => named.to_string(),
    }
}

/// Whether the URL `named` holds a password (which is refused, and never shown).
pub fn has_password(named: &std::path::Path) -> bool {
    let text = named.to_string_lossy();
    match tls::split_sslmode(&text).0.parse::<postgres::Config>() {
        Ok(config) => config.get_password().is_some(),
        // Not read: whatever it holds is not shown, but a `user:…@` is taken as a password.
        Err(_) => text.split_once("://").is_some_and(|(_, rest)| {
            rest.split(['/', '?']).next().is_some_and(|auth| auth.contains('@') && auth.contains(':'))
        }),
    }
}

/// A ledger in a PostgreSQL database.
pub struct PgLedger {
    client: Mutex<postgres::Client>,
    place: String,
    read_only: bool,
    /// The account every write is recorded as (see [`super::Options::account`]).
    account: Option<String>,
    /// What the user should be told about how it opened.
    pub message: Option<String>,
}

impl std::fmt::Debug for PgLedger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgLedger").field("place", &self.place).field("read_only", &self.read_only).finish()
    }
}

impl PgLedger {
    /// Connects to the database `url` names, and brings its schema up to this build's (under an
    /// advisory lock, so hosts starting together do not race). Writes are recorded as
    /// `account` when given.
    ///
    /// The connection is TLS unless the URL (else `PGSSLMODE`) says `sslmode=disable`, or the
    /// database is on this machine ([`tls::wire`]); the server's certificate is checked against
    /// the file `PGSSLROOTCERT` names, else the system's roots.
    pub fn connect(url: &str, account: Option<String>) -> Result<PgLedger, LedgerError> {
        let roots = std::env::var_os("PGSSLROOTCERT").filter(|r| !r.is_empty()).map(std::path::PathBuf::from);
        PgLedger::connect_trusting(url, account, roots.as_deref())
    }

    /// [`PgLedger::connect`], TLS trusting the certificates in the PEM file `roots` (else the
    /// system's).
    pub fn connect_trusting(
        url: &str,
        account: Option<String>,
        roots: Option<&std::path::Path>,
    ) -> Result<PgLedger, LedgerError> {
        let env_mode = std::env::var("PGSSLMODE").ok();
        PgLedger::open(url, account, roots, env_mode.as_deref(), true)
    }

    /// [`PgLedger::connect`] to a database that already holds a ledger, making nothing in it
    /// (`review migrate`'s source): one without artikel's schema is refused.
    pub fn connect_existing(url: &str) -> Result<PgLedger, LedgerError> {
        let roots = std::env::var_os("PGSSLROOTCERT").filter(|r| !r.is_empty()).map(std::path::PathBuf::from);
        let env_mode = std::env::var("PGSSLMODE").ok();
        PgLedger::open(url, None, roots.as_deref(), env_mode.as_deref(), false)
    }

    /// [`PgLedger::connect_trusting`], with `env_mode` as `PGSSLMODE` (what the URL's
    /// `sslmode` overrides).
    fn open(
        url: &str,
        account: Option<String>,
        roots: Option<&std::path::Path>,
        env_mode: Option<&str>,
        create: bool,
    ) -> Result<PgLedger, LedgerError> {
        let (url, url_mode) = tls::split_sslmode(url);
        // The URL is not repeated in an error: it may hold a password.
        let mut config: postgres::Config = url.parse().map_err(|e| unreachable("postgres://…", &e))?;
        if config.get_password().is_some() {
            return Err(LedgerError::Other(s::PG_PASSWORD_IN_URL.to_string()));
        }
        let wire = tls::wire(url_mode.as_deref().or(env_mode), config.get_hosts())?;
        let place = place(&config);
        if let Some(password) = pass::password(&config)? {
            // Never in plain text off this machine.
            if !tls::may_send_password(wire, config.get_hosts()) {
                return Err(LedgerError::Other(s::PG_PASSWORD_NOT_PLAIN.to_string()));
            }
            config.password(password);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        // A host gone without closing its connection is noticed; a write sent to one that
        // no longer answers fails after ten seconds instead of hanging the reader.
        config.keepalives(true).keepalives_idle(Duration::from_secs(30));
        if config.get_tcp_user_timeout().is_none() {
            config.tcp_user_timeout(Duration::from_secs(10));
        }
        let connected = match wire {
            tls::Wire::Tls => {
                config.ssl_mode(postgres::config::SslMode::Require).connect(tls::connector(roots)?)
            }
            tls::Wire::Plain => config.ssl_mode(postgres::config::SslMode::Disable).connect(postgres::NoTls),
        };
        let mut client = connected.map_err(|e| unreachable(&place, &e))?;
        // Reported saved only once on the server's disk, whatever the database's default.
        client.batch_execute(SESSION).map_err(|e| unreachable(&place, &e))?;
        let found = if create { schema::migrate(&mut client) } else { schema::found(&mut client) }
            .map_err(|e| unreachable(&place, &e))?;
        if found == 0 && !create {
            let why = s::NO_LEDGER_IN_DATABASE.to_string();
            return Err(LedgerError::Other(s::ledger_source_unusable(std::path::Path::new(&place), &why)));
        }
        let read_only = found > SCHEMA;
        let message = read_only.then(|| s::pg_newer(found, SCHEMA));
        Ok(PgLedger { client: Mutex::new(client), place, read_only, account, message })
    }

    /// The connection (one at a time: the engine's operations are each one round of queries).
    fn client(&self) -> MutexGuard<'_, postgres::Client> {
        self.client.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The session's lock_timeout, as `SET` writes it.
pub(super) const WRITE_WAIT_TEXT: &str = "5s";

/// How long a write waits for another host's (then it is refused as busy, as on SQLite), and
/// how long a transaction may sit idle before the server ends it (a host that hung).
const SESSION: &str = "SET synchronous_commit = on; SET lock_timeout = '5s'; \
     SET idle_in_transaction_session_timeout = '60s'";

/// Begins a write transaction: READ COMMITTED whatever the database's default (so every
/// statement after the lock sees the chain head the last writer committed), holding the
/// writers' lock (the trail is one chain).
fn begin(client: &mut postgres::Client) -> Result<postgres::Transaction<'_>, LedgerError> {
    let mut tx = client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::ReadCommitted)
        .start()
        .map_err(error)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK]).map_err(error)?;
    Ok(tx)
}

/// Where the database is, for messages: `postgres://user@host:port/db`, never a password.
fn place(config: &postgres::Config) -> String {
    let host = config.get_hosts().first().map_or("localhost".to_string(), |h| match h {
        postgres::config::Host::Tcp(name) => name.clone(),
        postgres::config::Host::Unix(path) => path.display().to_string(),
    });
    let port = config.get_ports().first().map_or(String::new(), |p| format!(":{p}"));
    let user = config.get_user().map_or(String::new(), |u| format!("{u}@"));
    format!("postgres://{user}{host}{port}/{}", config.get_dbname().unwrap_or(""))
}

fn unreachable(place: &str, e: &dyn std::error::Error) -> LedgerError {
    // What failed, and why, down to the cause (a certificate not trusted, say).
    let mut why = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        why.push_str(&format!(": {c}"));
        cause = c.source();
    }
    LedgerError::Other(s::pg_unreachable(place, &why))
}

/// What the database said, as a ledger error: what the server said, or why the connection
/// failed.
fn error(e: postgres::Error) -> LedgerError {
    match e.as_db_error() {
        Some(db) if db.code() == &postgres::error::SqlState::DISK_FULL => LedgerError::Full,
        Some(db) if db.code() == &postgres::error::SqlState::LOCK_NOT_AVAILABLE => LedgerError::Busy,
        Some(db) if db.code() == &postgres::error::SqlState::READ_ONLY_SQL_TRANSACTION => {
            LedgerError::ReadOnly(db.message().to_string())
        }
        Some(db) => LedgerError::Other(db.message().to_string()),
        None => LedgerError::Other(e.to_string()),
    }
}

#[cfg(test)]
pub(crate) mod cluster;
#[cfg(test)]
mod tests;
