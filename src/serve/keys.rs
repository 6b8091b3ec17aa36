//! The server's host key (made on first start, kept 0600) and the reviewers' keys: who may
//! log in, and under which name.

use russh::keys::ssh_key::{AuthorizedKeys, LineEnding};
use russh::keys::{Algorithm, HashAlg, PrivateKey, PublicKey};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Loads the host key at `path`, or makes a new ed25519 key there (0600) when there is none.
/// Returns the key and whether it was made now.
pub fn host_key(path: &Path) -> io::Result<(PrivateKey, bool)> {
    match fs::read_to_string(path) {
        Ok(text) => {
            let key = PrivateKey::from_openssh(text.as_bytes()).map_err(invalid)?;
            Ok((key, false))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).map_err(invalid)?;
            let text = key.to_openssh(LineEnding::LF).map_err(invalid)?;
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                fs::create_dir_all(dir)?;
            }
            let mut options = fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options.open(path)?.write_all(text.as_bytes())?;
            Ok((key, true))
        }
        Err(e) => Err(e),
    }
}

/// The fingerprint clients show for a key: `SHA256:…`.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

fn invalid(e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

/// The reviewer a key in the authorized keys file belongs to, or `None` when it is not
/// there. The file is read at every login, so adding or removing a line takes effect at
/// the next login without a restart.
pub fn reviewer_of(authorized_keys: &Path, key: &PublicKey) -> io::Result<Option<String>> {
    let text = fs::read_to_string(authorized_keys)?;
    Ok(reviewers(&text).into_iter().find(|(k, _)| k.key_data() == key.key_data()).map(|(_, name)| name))
}

/// Each usable key of an authorized keys file with its reviewer's name: a `name="…"`
/// option, else the key's comment. Lines that do not parse, and keys without a name, are
/// left out.
pub fn reviewers(text: &str) -> Vec<(PublicKey, String)> {
    text.lines()
        .filter_map(|line| {
            let entry = AuthorizedKeys::new(line).next()?.ok()?;
            let option = entry.config_opts().iter().find_map(|o| o.strip_prefix("name=").map(unquote));
            let comment: &str = entry.public_key().comment().as_ref();
            let name = folder_name(option.unwrap_or(comment))?;
            Some((entry.public_key().clone(), name))
        })
        .collect()
}

fn unquote(s: &str) -> &str {
    s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(s)
}

/// A reviewer's name made safe as a folder name: letters, digits, `.`, `-`, `_` and `@`
/// kept, anything else `_`, no leading dot, at most 64 characters; `None` when nothing is left.
pub fn folder_name(name: &str) -> Option<String> {
    let safe: String = name
        .trim()
        .chars()
        .take(64)
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@') { c } else { '_' })
        .collect();
    let safe = safe.trim_start_matches('.').to_string();
    (!safe.is_empty()).then_some(safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANNA: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL0yjvBlc5gkV9L0OHSGNt8ebeR0VZAxWlqbqgZS+wrd";

    #[test]
    fn the_name_is_the_comment_or_the_name_option() {
        let text = format!("# reviewers\n{ANNA} anna@klinik\nname=\"bo.berg\" {ANNA} bo@laptop\nnot a key\n");
        let names: Vec<String> = reviewers(&text).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["anna@klinik", "bo.berg"]);
    }

    #[test]
    fn a_name_cannot_leave_the_data_folder() {
        assert_eq!(folder_name("../../etc").as_deref(), Some("_.._etc"));
        assert_eq!(folder_name("/root").as_deref(), Some("_root"));
        assert_eq!(folder_name(".."), None);
        assert_eq!(folder_name("  "), None);
        let text = format!("{ANNA}\n");
        assert!(reviewers(&text).is_empty(), "a key without a name is no reviewer");
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
    }
}
