//! The real binary in a pseudo-terminal: start-up, keys, the shell and its pager, reviewing, the data folder, languages and terminal safety.
//!
//! One test binary for these modules, so the program is linked once for all of them.

#[path = "../common/mod.rs"]
mod common;
#[path = "../team/mod.rs"]
mod team;

mod data_folder;
mod lang;
mod links_pty;
mod pty;
mod review;
mod review_rules_pty;
mod shell;
mod terminal_safety;
