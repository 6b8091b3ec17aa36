//! Where the password comes from, as libpq finds it: `PGPASSWORD`, else the password file
//! (`PGPASSFILE`, else `~/.pgpass`), whose lines are `host:port:database:user:password`, `*`
//! matching anything, `\:` and `\\` escaped. A file others may read is not read (libpq's rule).

use super::LedgerError;
use crate::strings as s;
use std::path::{Path, PathBuf};

/// The password for `config`'s connection, if one is set anywhere.
pub(super) fn password(config: &postgres::Config) -> Result<Option<String>, LedgerError> {
    if let Some(password) = std::env::var_os("PGPASSWORD").filter(|p| !p.is_empty()) {
        return Ok(Some(password.to_string_lossy().into_owned()));
    }
    let Some(file) = passfile() else { return Ok(None) };
    let Ok(meta) = std::fs::metadata(&file) else { return Ok(None) };
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(LedgerError::Other(s::pg_passfile_open(&file)));
        }
    }
    let text = std::fs::read_to_string(&file).map_err(|e| LedgerError::Other(e.to_string()))?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(name)) => name.clone(),
        _ => "localhost".to_string(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432).to_string();
    let user = config.get_user().unwrap_or("");
    let db = config.get_dbname().unwrap_or(user);
    Ok(lookup(&text, [&host, &port, db, user]))
}

fn passfile() -> Option<PathBuf> {
    match std::env::var_os("PGPASSFILE") {
        Some(file) => Some(PathBuf::from(file)),
        None => std::env::var_os("HOME").map(|home| Path::new(&home).join(".pgpass")),
    }
}

/// The password of the first line of `text` that matches `want` (host, port, database, user).
fn lookup(text: &str, want: [&str; 4]) -> Option<String> {
    text.lines().filter(|l| !l.starts_with('#')).find_map(|line| {
        let fields = split(line);
        let [host, port, db, user, password] = <[String; 5]>::try_from(fields).ok()?;
        let fits = [host, port, db, user].iter().zip(want).all(|(f, w)| f == "*" || f == w);
        fits.then_some(password)
    })
}

/// A line's fields, split at unescaped colons, the escapes taken out.
fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut().into_iter().for_each(|f| f.extend(chars.next())),
            ':' => fields.push(String::new()),
            c => fields.last_mut().into_iter().for_each(|f| f.push(c)),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_matching_line_of_a_password_file_gives_the_password() {
        let text = "# kommentar\nandenvært:5432:*:anna:forkert\ndb.region.dk:5433:review:anna:rigtig\n\
                    *:*:*:*:reserve\n";
        assert_eq!(lookup(text, ["db.region.dk", "5433", "review", "anna"]).as_deref(), Some("rigtig"));
        assert_eq!(lookup(text, ["db.region.dk", "5432", "review", "anna"]).as_deref(), Some("reserve"));
        assert_eq!(lookup("a:1:b:c:d\n", ["a", "1", "b", "x"]), None);
    }

    #[test]
    fn escaped_colons_and_backslashes_belong_to_the_field() {
        assert_eq!(lookup("h:1:d:u:pa\\:ss\\\\ord\n", ["h", "1", "d", "u"]).as_deref(), Some("pa:ss\\ord"));
    }
}
