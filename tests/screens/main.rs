//! The reader drawn on ratatui's `TestBackend` (insta snapshots under `snapshots/`) and driven in-process: screens, the event loop, live reload, links, the ledger in the reader, and the properties that must never crash.
//!
//! One test binary for these modules, so the program is linked once for all of them.

#[path = "../common/mod.rs"]
mod common;
#[path = "../reader_rig/mod.rs"]
mod reader_rig;

mod check_same_findings;
mod event_loop;
mod first_run;
mod ledger_reader;
mod ledger_reader_rules;
mod library;
mod links;
mod lookup_screens;
mod nasty;
mod outline;
mod props;
mod reload;
mod screens;
mod screens_da;
mod screens_ledger;
mod settings_keys;
mod settings_themes;
