//! The reviewers' keys, from a file in OpenSSH's authorized_keys format: who may log in and
//! under which name, and every line that gives nobody a login, with its number and why — so
//! the operator is told, at start and at every `SIGHUP`, of a key that would be skipped.

use super::keys::{RSA_BITS, fingerprint, unsupported};
use russh::keys::PublicKey;
use russh::keys::ssh_key::AuthorizedKeys;
use std::collections::HashMap;
use std::io;
use std::path::Path;

/// A key that logs a reviewer in.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The key.
    pub key: PublicKey,
    /// The reviewer's name, safe as a folder name (see [`folder_name`]).
    pub name: String,
    /// Its line in the file, from 1.
    pub line: usize,
}

/// Why a line of the file logs nobody in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// The line is not a public key (OpenSSH's reason).
    NotAKey(String),
    /// The key has neither a comment nor a `name=` option.
    NoName,
    /// A kind of key the server cannot check (DSA, a security key, short RSA).
    Unsupported(String),
    /// Its name is another line's under another spelling (`anna bo` and `anna_bo` are both
    /// the folder `anna_bo`): that line's reviewer, and its line.
    Clash { name: String, other: String, other_line: usize },
}

impl Skipped {
    /// Why, for the server's log.
    pub fn why(&self) -> String {
        match self {
            Skipped::NotAKey(e) => format!("not a public key ({e})"),
            Skipped::NoName => "no name: add one as the comment after the key, or name=NAME before it".into(),
            Skipped::Unsupported(kind) => {
                format!(
                    "a {kind} key, which cannot log in here: use ed25519, ECDSA or RSA of {RSA_BITS} bits or more"
                )
            }
            Skipped::Clash { name, other, other_line } => format!(
                "“{name}” would be the same reviewer as “{other}” on line {other_line} (both are {})",
                folder_name(name).unwrap_or_default()
            ),
        }
    }
}

/// What the authorized keys file says.
#[derive(Debug, Default)]
pub struct Reviewers {
    /// The keys that log a reviewer in.
    pub listed: Vec<Listed>,
    /// The lines that do not, and why; with the key, when the line has one.
    pub skipped: Vec<(usize, Skipped, Option<PublicKey>)>,
}

impl Reviewers {
    /// Reads the text of an authorized keys file. Blank lines and `#` comments are no keys.
    pub fn parse(text: &str) -> Reviewers {
        let mut out = Reviewers::default();
        // Each folder's first spelling and its line: a second spelling is a clash.
        let mut spelled: HashMap<String, (String, usize)> = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let entry = match AuthorizedKeys::new(line).next() {
                Some(Ok(entry)) => entry,
                Some(Err(e)) => {
                    out.skipped.push((n, Skipped::NotAKey(e.to_string()), None));
                    continue;
                }
                None => continue,
            };
            let key = entry.public_key().clone();
            if let Some(kind) = unsupported(&key) {
                out.skipped.push((n, Skipped::Unsupported(kind), Some(key)));
                continue;
            }
            let option = entry.config_opts().iter().find_map(|o| o.strip_prefix("name=").map(unquote));
            let comment: &str = key.comment().as_ref();
            let spelling = option.unwrap_or(comment).trim().to_string();
            let Some(name) = folder_name(&spelling) else {
                out.skipped.push((n, Skipped::NoName, Some(key)));
                continue;
            };
            match spelled.get(&name) {
                Some((other, other_line)) if *other != spelling => {
                    let clash =
                        Skipped::Clash { name: spelling, other: other.clone(), other_line: *other_line };
                    out.skipped.push((n, clash, Some(key)));
                    continue;
                }
                Some(_) => {}
                None => {
                    spelled.insert(name.clone(), (spelling, n));
                }
            }
            out.listed.push(Listed { key, name, line: n });
        }
        out
    }

    /// Reads the file at `path` (a regular file of at most 16 MB, never waited on).
    pub fn read(path: &Path) -> io::Result<Reviewers> {
        Ok(Reviewers::parse(&crate::regular_file::read_text(path, 16 << 20)?))
    }

    /// The reviewer `key` logs in, if any.
    pub fn reviewer_of(&self, key: &PublicKey) -> Option<&Listed> {
        self.listed.iter().find(|l| l.key.key_data() == key.key_data())
    }

    /// Why `key` logs nobody in although it is in the file, if it is: its line and why.
    pub fn skipped_line_of(&self, key: &PublicKey) -> Option<(usize, &Skipped)> {
        self.skipped
            .iter()
            .find(|(_, _, k)| k.as_ref().is_some_and(|k| k.key_data() == key.key_data()))
            .map(|(n, why, _)| (*n, why))
    }

    /// The lines for the server's log: how many reviewers and keys, and each line skipped.
    pub fn report(&self, file: &str) -> Vec<String> {
        let mut names: Vec<&str> = self.listed.iter().map(|l| l.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let mut lines = vec![match names.len() {
            0 => format!("no reviewer's key in {file} yet: nobody can log in"),
            n => format!("{file}: {} key(s) of {n} reviewer(s)", self.listed.len()),
        }];
        for (n, why, key) in &self.skipped {
            let key = key.as_ref().map(|k| format!(" ({})", fingerprint(k))).unwrap_or_default();
            lines.push(format!("{file} line {n} skipped{key}: {}", why.why()));
        }
        lines
    }
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
    const BO: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEzkFZRY+SuCuLp4hbPzNVWCW/z4VX7MQifo2Ae7Iexe";
    /// A 1024-bit RSA key, made by ssh-keygen.
    const SHORT_RSA: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC8E2Es/vayrprxML+F1XMhJez5eDGoWJ+GEXSxQfr1hr/mixhVg+LuzGfDQHeStqMcq1pAQWvcfRGesO7YiAR8b2ZqR6L63CEy8Z1swXmY9dsALfhlY5/Ytu69shsLV861KA5g2fZJxTrc5e4Oyd2BbKLHASWd7s5x9+b64WLrkQ==";

    fn names(r: &Reviewers) -> Vec<(usize, String)> {
        r.listed.iter().map(|l| (l.line, l.name.clone())).collect()
    }

    #[test]
    fn the_name_is_the_comment_or_the_name_option() {
        let text = format!("# reviewers\n{ANNA} anna@klinik\nname=\"bo.berg\" {BO} bo@laptop\n");
        let r = Reviewers::parse(&text);
        assert_eq!(names(&r), [(2, "anna@klinik".into()), (3, "bo.berg".into())]);
        assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    }

    #[test]
    fn every_line_that_logs_nobody_in_is_named_with_why() {
        let text =
            format!("{ANNA}\nnot a key\n{SHORT_RSA} old@pc\n\n{BO} anna bo\n{ANNA} anna_bo\n{BO} anna bo\n");
        let r = Reviewers::parse(&text);
        assert_eq!(
            names(&r),
            [(5, "anna_bo".into()), (7, "anna_bo".into())],
            "the same spelling twice is one reviewer's two keys"
        );
        let skipped: Vec<(usize, &Skipped)> = r.skipped.iter().map(|(n, why, _)| (*n, why)).collect();
        assert_eq!(skipped[0], (1, &Skipped::NoName));
        assert!(matches!(skipped[1], (2, Skipped::NotAKey(_))));
        assert_eq!(skipped[2], (3, &Skipped::Unsupported("RSA, 1024 bits".into())));
        assert_eq!(
            skipped[3],
            (6, &Skipped::Clash { name: "anna_bo".into(), other: "anna bo".into(), other_line: 5 }),
            "two reviewers may not share a folder"
        );
        let report = r.report("keys").join("\n");
        for said in
            ["keys line 1 skipped", "keys line 2 skipped", "keys line 3 skipped", "keys line 6 skipped"]
        {
            assert!(report.contains(said), "{report}");
        }
        assert!(report.contains("on line 5"), "{report}");
        // The key of a skipped line is known for what it is, to say at login.
        let anna: PublicKey = ANNA.parse().expect("key");
        assert_eq!(r.skipped_line_of(&anna).map(|(n, _)| n), Some(1));
        assert!(r.reviewer_of(&anna).is_none());
    }

    #[test]
    fn a_name_cannot_leave_the_data_folder() {
        assert_eq!(folder_name("../../etc").as_deref(), Some("_.._etc"));
        assert_eq!(folder_name("/root").as_deref(), Some("_root"));
        assert_eq!(folder_name(".."), None);
        assert_eq!(folder_name("  "), None);
    }
}
