//! The systemd unit shipped for `artikel serve` (contrib/artikel.service): it listens on
//! loopback, its paths work for a `DynamicUser`, it keeps restarting, and `systemd-analyze
//! security` rates it "OK" or better. That rating needs systemd-analyze (systemd 250 or
//! later): on a machine with systemd the test fails without it; on one without systemd at all
//! (or with ARTIKEL_NO_SYSTEMD=1) it says it skipped the rating, and checks the rest.

use std::path::Path;
use std::process::Command;

const UNIT: &str = "contrib/artikel.service";

/// The drop-in for a host whose ledger is a shared database.
const SHARED: &str = "contrib/artikel-shared-ledger.conf";

/// The value of `key=` in the unit (the last one, as systemd reads it), with continued lines
/// joined.
fn setting(unit: &str, key: &str) -> Option<String> {
    let joined = unit.replace("\\\n", " ");
    joined.lines().filter_map(|l| l.trim().strip_prefix(&format!("{key}="))).next_back().map(str::to_string)
}

#[test]
fn the_unit_listens_on_loopback_with_paths_a_dynamic_user_can_use() {
    let unit = std::fs::read_to_string(UNIT).expect("the unit");
    let exec = setting(&unit, "ExecStart").expect("ExecStart");
    let words: Vec<&str> = exec.split_whitespace().collect();
    let after = |flag: &str| words.iter().position(|w| *w == flag).and_then(|i| words.get(i + 1)).copied();
    assert!(after("--listen").is_some_and(|l| l.starts_with("127.0.0.1:")), "loopback by default: {exec}");
    assert_eq!(setting(&unit, "DynamicUser").as_deref(), Some("yes"));
    // The data folder (ledger, host key, reviewers' notes) is the state directory systemd makes
    // and gives the dynamic user; the keys are in the configuration directory it can read.
    assert_eq!(setting(&unit, "StateDirectory").as_deref(), Some("artikel"));
    assert_eq!(after("--data-dir"), Some("/var/lib/artikel"));
    assert_eq!(setting(&unit, "ConfigurationDirectory").as_deref(), Some("artikel"));
    assert!(after("--authorized-keys").is_some_and(|k| k.starts_with("/etc/artikel/")), "{exec}");
    assert!(!exec.contains("--ledger"), "the ledger is review.db in the data folder");
    // Reload is SIGHUP (the log reopened, the keys read again); a failure is retried after a
    // pause, so the start limit (5 in 10 s) is never reached.
    assert!(setting(&unit, "ExecReload").is_some_and(|r| r.contains("-HUP")));
    assert_eq!(setting(&unit, "Restart").as_deref(), Some("on-failure"));
    assert_eq!(setting(&unit, "RestartSec").as_deref(), Some("5s"));
}

/// Whether this machine has systemd (and so should have systemd-analyze).
fn has_systemd() -> bool {
    ["/run/systemd/system", "/usr/lib/systemd/systemd", "/lib/systemd/systemd"]
        .iter()
        .any(|p| Path::new(p).exists())
}

#[test]
fn the_shared_ledger_drop_in_reaches_the_database_and_keeps_its_password_out_of_sight() {
    let drop_in = std::fs::read_to_string(SHARED).expect("the drop-in");
    let environment: Vec<&str> =
        drop_in.lines().filter_map(|l| l.trim().strip_prefix("Environment=")).collect();
    assert!(environment.contains(&"ARTIKEL_CONFIG=/etc/artikel/settings.toml"), "{environment:?}");
    // The password file is a credential: systemd hands it to the service's user only.
    assert_eq!(setting(&drop_in, "LoadCredential").as_deref(), Some("pgpass:/etc/artikel/pgpass"));
    assert!(environment.contains(&"PGPASSFILE=%d/pgpass"), "{environment:?}");
    assert!(setting(&drop_in, "IPAddressAllow").is_some(), "the database is not on loopback");
    assert!(setting(&drop_in, "After").is_some_and(|a| a.contains("network-online.target")));
    // The example URL names no password (artikel refuses one).
    let url = drop_in.split("ledger = \"").nth(1).and_then(|r| r.split('"').next()).expect("an example URL");
    assert!(url.starts_with("postgres://artikel@") && url.contains("sslmode=verify-full"), "{url}");
}

/// The unit as systemd reads it with the shared ledger's drop-in (its lines last).
fn unit_with_drop_in(dir: &Path) -> std::path::PathBuf {
    let unit = std::fs::read_to_string(UNIT).expect("the unit");
    let drop_in = std::fs::read_to_string(SHARED).expect("the drop-in");
    let mut joined = String::new();
    let mut section = "";
    for line in unit.lines().chain(std::iter::once("")) {
        if line.starts_with('[') {
            section = line;
        }
        // The drop-in's [Service] lines go at the end of the unit's [Service].
        if line.starts_with("[Install]") && section == "[Install]" {
            let service = drop_in.split("[Service]").nth(1).unwrap_or_default();
            joined.push_str(service);
            joined.push('\n');
        }
        joined.push_str(line);
        joined.push('\n');
    }
    let path = dir.join("artikel.service");
    std::fs::write(&path, joined).expect("write");
    path
}

#[test]
fn systemd_analyze_rates_the_unit_ok_or_better() {
    rate(Path::new(UNIT));
}

#[test]
fn systemd_analyze_rates_the_unit_with_the_shared_ledger_drop_in_ok_or_better() {
    let dir = tempfile::tempdir().expect("dir");
    rate(&unit_with_drop_in(dir.path()));
}

/// Rates `unit` with `systemd-analyze security`: OK or better.
fn rate(unit: &Path) {
    let analyzed = Command::new("systemd-analyze").args(["security", "--offline=true"]).arg(unit).output();
    let out = match analyzed {
        Ok(out) => out,
        Err(e) if std::env::var_os("ARTIKEL_NO_SYSTEMD").is_some() || !has_systemd() => {
            eprintln!(
                "SKIPPED the rating of {UNIT}: no systemd-analyze ({e}) and no systemd on this machine"
            );
            return;
        }
        Err(e) => panic!("this machine has systemd but not systemd-analyze ({e}): install it to rate {UNIT}"),
    };
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let overall = said
        .lines()
        .find_map(|l| {
            l.split_once("Overall exposure level for artikel.service: ").map(|(_, rest)| rest.to_string())
        })
        .unwrap_or_else(|| panic!("systemd-analyze (250 or later) gave no rating:\n{said}"));
    let mut parts = overall.split_whitespace();
    let score: f64 = parts.next().and_then(|s| s.parse().ok()).expect("a score");
    let level = parts.next().unwrap_or_default();
    eprintln!("systemd-analyze security: {score} {level}");
    assert!(["OK", "SAFE", "PERFECT"].contains(&level), "rated {score} {level}:\n{said}");
    assert!(score < 5.0, "{said}");
}
