//! A lift as a queued write: the same rules as [`Ledger::lift`], a refusal an outcome that
//! writes nothing, and the ledger's account as the one who lifted.

use super::super::*;

const TEXT: &str = "---\nmetaTitle: Knæ\n---\nIntro.\n";

fn lift(whose: Option<&str>, by: &str) -> Write {
    Write::Lift { slug: "knae".into(), whose: whose.map(String::from), by: by.into(), reason: "fordi".into() }
}

fn actions(ledger: &Ledger) -> Vec<(String, String)> {
    let log = ledger.log(Some("knae")).expect("log");
    log.into_iter().map(|e| (e.action, e.actor)).collect()
}

#[test]
fn a_lift_write_follows_the_rules_and_a_refusal_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ledger = Ledger::open(&Options::new(dir.path().join("review.db")));
    ledger.set_policy(None, Some(&["anne".to_string()]), "anne", "leder").expect("saved").expect("ok");
    let request = Write::decide("knae", normalise(TEXT), "bo", Verdict::ChangesRequested, "Kilde?");
    ledger.submit(request).expect("saved");
    let before = actions(&ledger);
    let (done, error) = ledger.write_all(&[lift(None, "cai"), lift(Some("bo"), "cai")]);
    assert_eq!(error, None);
    assert_eq!(done, [Outcome::Refused(Refusal::NoRequest), Outcome::Refused(Refusal::NotLead)]);
    assert_eq!(actions(&ledger), before, "nothing written");
    let (done, _) = ledger.write_all(&[lift(Some("bo"), "anne")]);
    assert_eq!(done, [Outcome::Saved]);
    assert_eq!(actions(&ledger).last().expect("a row"), &("override".to_string(), "anne".to_string()));
}

#[test]
fn a_ledger_that_records_its_account_lifts_as_that_account() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("review.db");
    let mut plain = Ledger::open(&Options::new(&path));
    plain
        .submit(Write::decide("knae", normalise(TEXT), "bo", Verdict::ChangesRequested, "Kilde?"))
        .expect("ok");
    drop(plain);
    let mut as_bo = Ledger::open(&Options { account: Some("bo".into()), ..Options::new(&path) });
    // The write names someone else; the ledger records its own account: bo's own withdrawal.
    let (done, _) = as_bo.write_all(&[lift(None, "mallory")]);
    assert_eq!(done, [Outcome::Saved]);
    assert_eq!(actions(&as_bo).last().expect("a row"), &("withdraw".to_string(), "bo".to_string()));
}
