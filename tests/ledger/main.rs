//! The review ledger from the shell: decisions, comments, policy, identity, faults, renames, the audit trail and the shared ledger on PostgreSQL.
//!
//! One test binary for these modules, so the program is linked once for all of them.

#[path = "../../src/ledger/postgres/cluster.rs"]
mod cluster;
#[path = "../serve_support/mod.rs"]
mod support;
#[path = "../team/mod.rs"]
mod team;

mod ledger_cli;
mod ledger_details;
mod ledger_faults;
mod ledger_identity;
mod ledger_policy;
mod ledger_rename;
mod ledger_shared;
mod ledger_trail;
