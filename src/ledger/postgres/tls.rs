//! TLS to the database, unless the URL says `sslmode=disable` or the database is on this
//! machine ([`wire`]): rustls on ring, the
//! server's certificate verified against the system's root certificates, or against the PEM
//! file `PGSSLROOTCERT` names, and its name checked against the URL's host (as libpq's
//! `verify-full`: stricter than its `require`, which checks nothing).

use super::LedgerError;
use crate::strings as s;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use std::path::Path;
use std::sync::Arc;
use tokio_postgres_rustls::MakeRustlsConnect;

/// A TLS connector trusting the certificates in `roots` (a PEM file), else the system's.
pub(super) fn connector(roots: Option<&Path>) -> Result<MakeRustlsConnect, LedgerError> {
    let mut store = rustls::RootCertStore::empty();
    match roots {
        Some(file) => {
            let certs = CertificateDer::pem_file_iter(file).map_err(|e| refused(file, &e))?;
            for cert in certs {
                store.add(cert.map_err(|e| refused(file, &e))?).map_err(|e| refused(file, &e))?;
            }
        }
        None => {
            // Certificates the system has that rustls cannot read are left out, as libpq does.
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = store.add(cert);
            }
        }
    }
    // ring, already in the tree for SSH: rustls 0.23.48 deprecates this constructor for
    // lacking post-quantum key exchange (only aws-lc-rs has it, a C build with cmake).
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| LedgerError::Other(e.to_string()))?
        .with_root_certificates(store)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

fn refused(file: &Path, e: &dyn std::fmt::Display) -> LedgerError {
    LedgerError::Other(s::pg_roots_unreadable(file, &e.to_string()))
}

/// How the connection travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wire {
    /// TLS, the server's certificate and name checked.
    Tls,
    /// Plain text: asked for with `sslmode=disable`, or to this machine itself.
    Plain,
}

/// The URL `url` without its `sslmode` (which is read here, not by the driver, which knows
/// neither `verify-ca` nor `verify-full`), and the `sslmode` it gave (the last, if several).
pub(super) fn split_sslmode(url: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else { return (url.to_string(), None) };
    let mut mode = None;
    let mut kept = Vec::new();
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("sslmode", value)) => mode = Some(value.to_string()),
            _ => kept.push(pair),
        }
    }
    if kept.is_empty() { (base.to_string(), mode) } else { (format!("{base}?{}", kept.join("&")), mode) }
}

/// How a connection to `hosts` travels, given the URL's `sslmode` (else `PGSSLMODE`'s):
/// TLS unless `sslmode=disable` says plain, or every host is this machine (a loopback
/// address, `localhost`, a Unix socket) and no `sslmode` asks for TLS. `require`,
/// `verify-ca` and `verify-full` are all TLS that checks the certificate and the host name.
pub(super) fn wire(mode: Option<&str>, hosts: &[postgres::config::Host]) -> Result<Wire, LedgerError> {
    match mode.map(str::trim).filter(|m| !m.is_empty()) {
        Some("disable") => Ok(Wire::Plain),
        Some("require" | "verify-ca" | "verify-full") => Ok(Wire::Tls),
        Some("allow" | "prefer") | None if hosts.iter().all(is_this_machine) => Ok(Wire::Plain),
        Some("allow" | "prefer") | None => Ok(Wire::Tls),
        Some(other) => Err(LedgerError::Other(s::pg_sslmode_unknown(other))),
    }
}

/// Whether `host` is this machine (a connection to it never leaves it).
pub(super) fn is_this_machine(host: &postgres::config::Host) -> bool {
    match host {
        postgres::config::Host::Unix(_) => true,
        postgres::config::Host::Tcp(name) => {
            let name = name.trim_start_matches('[').trim_end_matches(']');
            name.eq_ignore_ascii_case("localhost")
                || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
    }
}

/// Whether a password may go over a connection to `hosts` that travels as `wire`: never in
/// plain text off this machine.
pub(super) fn may_send_password(wire: Wire, hosts: &[postgres::config::Host]) -> bool {
    wire == Wire::Tls || hosts.iter().all(is_this_machine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use postgres::config::Host;

    fn tcp(name: &str) -> Vec<Host> {
        vec![Host::Tcp(name.to_string())]
    }

    #[test]
    fn a_host_elsewhere_gets_tls_unless_the_url_says_sslmode_disable() {
        let remote = tcp("db.example");
        assert_eq!(wire(None, &remote).ok(), Some(Wire::Tls), "no sslmode is TLS");
        assert_eq!(wire(Some("prefer"), &remote).ok(), Some(Wire::Tls), "prefer never falls back");
        for mode in ["require", "verify-ca", "verify-full"] {
            assert_eq!(wire(Some(mode), &remote).ok(), Some(Wire::Tls), "{mode}");
        }
        assert_eq!(wire(Some("disable"), &remote).ok(), Some(Wire::Plain));
        assert!(wire(Some("sometimes"), &remote).is_err(), "an unknown sslmode is refused");
    }

    #[test]
    fn this_machine_is_reached_plainly_unless_tls_is_asked_for() {
        for name in ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"] {
            assert_eq!(wire(None, &tcp(name)).ok(), Some(Wire::Plain), "{name}");
        }
        let socket = vec![Host::Unix("/run/postgresql".into())];
        assert_eq!(wire(None, &socket).ok(), Some(Wire::Plain));
        assert_eq!(wire(Some("require"), &tcp("127.0.0.1")).ok(), Some(Wire::Tls));
        let mixed = vec![Host::Tcp("127.0.0.1".into()), Host::Tcp("db.example".into())];
        assert_eq!(wire(None, &mixed).ok(), Some(Wire::Tls), "one host elsewhere is enough");
    }

    #[test]
    fn a_url_with_verify_full_is_shown_and_its_password_found() {
        let url = std::path::Path::new("postgres://anna:x@db.example:5433/review?sslmode=verify-full");
        assert_eq!(super::super::shown(url), "postgres://anna@db.example:5433/review");
        assert!(super::super::has_password(url));
        assert_eq!(
            super::super::without_password("postgres://anna:x@db.example/review?sslmode=verify-full"),
            "postgres://anna@db.example/review?sslmode=verify-full"
        );
    }

    #[test]
    fn a_password_goes_in_plain_text_only_to_this_machine() {
        assert!(!may_send_password(Wire::Plain, &tcp("db.example")));
        assert!(may_send_password(Wire::Tls, &tcp("db.example")));
        assert!(may_send_password(Wire::Plain, &tcp("127.0.0.1")));
    }

    #[test]
    fn sslmode_is_taken_out_of_the_url_and_the_rest_kept() {
        let (url, mode) = split_sslmode("postgres://a@h/db?sslmode=verify-full&application_name=x");
        assert_eq!(
            (url.as_str(), mode.as_deref()),
            ("postgres://a@h/db?application_name=x", Some("verify-full"))
        );
        assert_eq!(
            split_sslmode("postgres://a@h/db?sslmode=disable"),
            ("postgres://a@h/db".into(), Some("disable".into()))
        );
        assert_eq!(split_sslmode("postgres://a@h/db"), ("postgres://a@h/db".into(), None));
    }
}
