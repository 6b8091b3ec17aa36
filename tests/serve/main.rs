//! `artikel serve` over SSH: readers, hostile clients, the operator's signals and log, and the shared ledger on PostgreSQL.
//!
//! One test binary for these modules, so the program is linked once for all of them.

#[path = "../../src/ledger/postgres/cluster.rs"]
mod cluster;
#[path = "../common/mod.rs"]
mod common;
#[path = "../reader_rig/mod.rs"]
mod reader_rig;
#[path = "../serve_support/mod.rs"]
mod support;
#[path = "../team/mod.rs"]
mod team;

mod lang_serve;
mod pg_serve;
mod serve;
mod serve_hostile;
mod serve_operator;
mod serve_reader;
mod serve_shared_ledger;
