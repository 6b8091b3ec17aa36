//! The systemd unit shipped for `artikel serve` (contrib/artikel.service): it listens on
//! loopback, its paths work for a `DynamicUser`, it keeps restarting, and `systemd-analyze
//! security` rates it "OK" or better. That rating needs systemd-analyze (systemd 250 or
//! later): on a machine with systemd the test fails without it; on one without systemd at all
//! (or with ARTIKEL_NO_SYSTEMD=1) it says it skipped the rating, and checks the rest.

use std::path::Path;
use std::process::Command;

const UNIT: &str = "contrib/artikel.service";

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
fn systemd_analyze_rates_the_unit_ok_or_better() {
    let analyzed = Command::new("systemd-analyze").args(["security", "--offline=true", UNIT]).output();
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
