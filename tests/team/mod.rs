//! A review team on the real binary: a data folder, and a folder with a copy of
//! `knaesmerter` that the tests edit; each command run as a named reviewer.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Team {
    pub data: tempfile::TempDir,
    pub articles: tempfile::TempDir,
}

impl Team {
    /// A data folder, and a folder with a copy of `knaesmerter` that the tests edit.
    pub fn new() -> Team {
        let articles = tempfile::tempdir().expect("temp");
        let text = std::fs::read_to_string("articles/knaesmerter.md").expect("article");
        std::fs::write(articles.path().join("knaesmerter.md"), text).expect("copy");
        Team { data: tempfile::tempdir().expect("temp"), articles }
    }

    /// The command `args` as `artikel` would run it here, by the account `user` (test
    /// builds take `ARTIKEL_ACCOUNT` for the operating-system account), named so too.
    pub fn command(&self, user: &str, args: &[&str]) -> Command {
        let mut command = self.bare(args);
        command.env("ARTIKEL_USER", user).env("ARTIKEL_ACCOUNT", user);
        command
    }

    /// The command `args`, with no account or name set: the process's own account.
    pub fn bare(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_artikel"));
        command
            .env("ARTIKEL_LANG", "en")
            .args(["--data-dir", path(self.data.path()), "--articles", path(self.articles.path())])
            .args(args)
            .env_remove("ARTIKEL_USER")
            .env_remove("ARTIKEL_ACCOUNT")
            .env_remove("ARTIKEL_LEDGER");
        command
    }

    pub fn as_user(&self, user: &str, args: &[&str]) -> Output {
        self.command(user, args).output().expect("run")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.as_user("anne", args)
    }

    /// The default ledger.
    pub fn ledger(&self) -> PathBuf {
        self.data.path().join("review.db")
    }

    pub fn edit(&self, from: &str, to: &str) {
        let file = self.articles.path().join("knaesmerter.md");
        let text = std::fs::read_to_string(&file).expect("article");
        assert!(text.contains(from), "{from}");
        std::fs::write(&file, text.replace(from, to)).expect("edit");
    }
}

pub fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Standard output of a command that succeeded.
pub fn out(o: &Output) -> String {
    assert!(o.status.success(), "{:?}: {}", o.status, String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

/// Standard error.
pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
