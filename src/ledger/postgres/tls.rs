//! TLS to the database, when the URL asks for it (`sslmode=require`): rustls on ring, the
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
