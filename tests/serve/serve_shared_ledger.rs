//! `artikel serve` on a ledger several hosts share: what a reviewer decides from another
//! host's shell is what `review status` over SSH says, and the ledger's URL stays out of the
//! log.

use crate::support;

use crate::cluster;

use crate::team;

use support::Server;
use team::{Team, out};

#[test]
fn a_decision_from_another_host_shows_over_ssh_and_the_url_is_never_logged() {
    let Some(pg) = cluster::Cluster::start() else { return };
    let url = pg.database();
    let server = Server::start(&["--ledger", &url]);
    assert!(!server.log().contains("not available yet"), "{}", server.log());
    assert!(!server.log().contains("postgres://"), "{}", server.log());
    let other = Team::new();
    out(&other.as_user("bo", &["--ledger", &url, "review", "approve", "knaesmerter", "-m", "fint"]));
    let o = server.run("anna", &["anna@127.0.0.1", "review", "status", "knaesmerter"]);
    let status = support::text(&o.stdout);
    assert!(
        status.starts_with("✓ knaesmerter ") && status.contains("bo approved"),
        "{status}{}",
        support::text(&o.stderr)
    );
}
