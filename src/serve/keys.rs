//! The server's host key: made on first start (ed25519, kept 0600), and at every start
//! refused when it could not serve — protected by a passphrase, of a kind or size the server
//! cannot sign with, or readable by others — so that the server never starts only to fail
//! every connection.

use russh::keys::ssh_key::{LineEnding, private::KeypairData};
use russh::keys::{Algorithm, HashAlg, PrivateKey, PublicKey};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// The smallest RSA key taken, for the host and for reviewers (as OpenSSH's `RequiredRSASize`).
pub const RSA_BITS: u32 = 2048;

/// Why a host key cannot serve.
#[derive(Debug)]
pub enum HostKeyError {
    /// The file could not be read or written.
    Io(io::Error),
    /// The file is not an OpenSSH private key.
    NotAKey(String),
    /// The key is protected by a passphrase, which a server cannot type.
    Passphrase,
    /// The server cannot sign with a key of this kind (DSA, a security key, short RSA).
    Unsupported(String),
    /// Others than its owner may read the key (the mode, e.g. 0o644).
    Exposed(u32),
}

impl HostKeyError {
    /// What to tell the operator, naming the key file `path`.
    pub fn say(&self, path: &Path) -> String {
        let path = path.display().to_string();
        match self {
            HostKeyError::Io(e) => crate::strings::serve_host_key_unreadable(&path, &e.to_string()),
            HostKeyError::NotAKey(why) => crate::strings::serve_host_key_not_a_key(&path, why),
            HostKeyError::Passphrase => crate::strings::serve_host_key_passphrase(&path),
            HostKeyError::Unsupported(kind) => crate::strings::serve_host_key_unsupported(&path, kind),
            HostKeyError::Exposed(mode) => crate::strings::serve_host_key_exposed(&path, *mode),
        }
    }
}

/// The largest host key file read.
const MAX_KEY_BYTES: u64 = 1 << 20;

/// Loads the host key at `path`, or makes a new ed25519 key there (0600) when there is none.
/// Returns the key and whether it was made now; a key that could not serve is refused.
pub fn host_key(path: &Path) -> Result<(PrivateKey, bool), HostKeyError> {
    // Read as every file of the data folder is: a FIFO there is refused, not waited on.
    match crate::regular_file::read_text(path, MAX_KEY_BYTES) {
        Ok(text) => {
            exposed(path)?;
            let key = PrivateKey::from_openssh(text.as_bytes())
                .map_err(|e| HostKeyError::NotAKey(e.to_string()))?;
            if key.is_encrypted() {
                return Err(HostKeyError::Passphrase);
            }
            if let Some(kind) = unsupported(key.public_key()) {
                return Err(HostKeyError::Unsupported(kind));
            }
            Ok((key, false))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
                .map_err(|e| HostKeyError::Io(io::Error::other(e.to_string())))?;
            let text = key
                .to_openssh(LineEnding::LF)
                .map_err(|e| HostKeyError::Io(io::Error::other(e.to_string())))?;
            write_private(path, text.as_bytes()).map_err(HostKeyError::Io)?;
            Ok((key, true))
        }
        Err(e) => Err(HostKeyError::Io(e)),
    }
}

/// Writes a new file at `path` readable by its owner only, making its folder if need be.
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

/// A private key others may read is refused, as `sshd` refuses it.
fn exposed(path: &Path) -> Result<(), HostKeyError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_err(HostKeyError::Io)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(HostKeyError::Exposed(mode));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The kind of `key` when the server can neither sign nor check signatures with it: DSA,
/// security keys (FIDO), RSA shorter than [`RSA_BITS`]; `None` for ed25519, ECDSA and RSA.
pub fn unsupported(key: &PublicKey) -> Option<String> {
    match key.algorithm() {
        Algorithm::Ed25519 | Algorithm::Ecdsa { .. } => None,
        Algorithm::Rsa { .. } => {
            let bits = key.key_data().rsa().map_or(0, |k| k.key_size());
            (bits < RSA_BITS).then(|| format!("RSA, {bits} bits"))
        }
        other => Some(other.as_str().to_string()),
    }
}

/// Whether the private key holds what signing needs (an ed25519, ECDSA or RSA key pair).
pub fn can_sign(key: &PrivateKey) -> bool {
    matches!(key.key_data(), KeypairData::Ed25519(_) | KeypairData::Ecdsa(_) | KeypairData::Rsa(_))
}

/// The fingerprint clients show for a key: `SHA256:…`.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::{Command, Stdio};

    /// A key made by OpenSSH's ssh-keygen: `kind` (`-t`), with `extra` arguments.
    fn keygen(dir: &Path, name: &str, args: &[&str]) -> std::path::PathBuf {
        let path = dir.join(name);
        let ok = Command::new("ssh-keygen")
            .args(["-q", "-C", name, "-f"])
            .arg(&path)
            .args(args)
            .stdin(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "ssh-keygen {args:?}");
        path
    }

    #[test]
    fn a_host_key_is_made_once_private_and_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("keys/host_ed25519");
        let (made, new) = host_key(&path).expect("made");
        assert!(new);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("exists").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let (again, new) = host_key(&path).expect("loaded");
        assert!(!new);
        assert_eq!(fingerprint(made.public_key()), fingerprint(again.public_key()));
        assert!(fingerprint(made.public_key()).starts_with("SHA256:"));
        assert!(can_sign(&again));
    }

    #[test]
    fn a_host_key_that_could_not_serve_is_refused_and_said_why() {
        let dir = tempfile::tempdir().expect("temp dir");
        let locked = keygen(dir.path(), "locked", &["-t", "ed25519", "-N", "hemmelig"]);
        assert!(matches!(host_key(&locked), Err(HostKeyError::Passphrase)));
        let short = keygen(dir.path(), "short", &["-t", "rsa", "-b", "1024", "-N", ""]);
        match host_key(&short) {
            Err(HostKeyError::Unsupported(kind)) => assert_eq!(kind, "RSA, 1024 bits"),
            other => panic!("a 1024-bit RSA key served: {other:?}"),
        }
        let rsa = keygen(dir.path(), "rsa", &["-t", "rsa", "-b", "2048", "-N", ""]);
        let (key, _) = host_key(&rsa).expect("RSA of 2048 bits serves");
        assert!(can_sign(&key));
        let open = keygen(dir.path(), "open", &["-t", "ed25519", "-N", ""]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&open, fs::Permissions::from_mode(0o644)).expect("chmod");
            assert!(matches!(host_key(&open), Err(HostKeyError::Exposed(0o644))));
        }
        let junk = dir.path().join("junk");
        fs::write(&junk, "not a key").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&junk, fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        assert!(matches!(host_key(&junk), Err(HostKeyError::NotAKey(_))));
    }
}
