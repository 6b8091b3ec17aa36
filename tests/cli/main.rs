//! The command line: `list`, `show`, `check`, settings, the systemd unit, the README and the strings every language needs.
//!
//! One test binary for these modules, so the program is linked once for all of them.

#[path = "../common/mod.rs"]
mod common;

mod check_cache;
mod check_cli;
mod check_planted;
mod cli;
mod lang_literals;
mod readme;
mod settings_cli;
mod systemd_unit;
