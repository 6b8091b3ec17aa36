//! The language the real binary speaks: `--lang`, then `ARTIKEL_LANG`, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English; in the reader and in the commands.

use crate::common;

use common::Session;
use std::process::{Command, Output};
use std::time::Duration;

/// `artikel ARGS` with the environment `env` (an empty value removes a variable), and every
/// language variable removed first, so only what a test gives counts.
fn artikel(args: &[&str], env: &[(&str, &str)]) -> Output {
    let data = tempfile::tempdir().expect("temp data dir");
    let mut cmd = Command::new(common::bin());
    cmd.args(args).env("ARTIKEL_DATA_DIR", data.path()).env("XDG_CACHE_HOME", data.path());
    for var in ["ARTIKEL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.output().expect("run artikel")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn artikel_lang_da_opens_the_reader_in_danish() {
    let dir = tempfile::tempdir().expect("temp data dir");
    let mut s =
        Session::start_with(&["open", "nervesmerter"], 100, 30, dir.path(), &[("ARTIKEL_LANG", "da")]);
    s.wait_text("Bibliotek");
    s.wait_text("Indhold");
    s.wait_text("? hjælp");
    s.send("?");
    s.wait_text("næste spørgsmål");
    s.send("q");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn the_flag_beats_artikel_lang_in_the_reader() {
    let dir = tempfile::tempdir().expect("temp data dir");
    let env = [("ARTIKEL_LANG", "en"), ("LC_ALL", "en_GB.UTF-8")];
    let mut s = Session::start_with(&["--lang", "da", "open", "nervesmerter"], 100, 30, dir.path(), &env);
    s.wait_text("Bibliotek");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_danish_locale_makes_the_commands_danish_and_english_is_the_default() {
    let list = |env: &[(&str, &str)]| stdout(&artikel(&["list"], env));
    assert!(list(&[("LANG", "da_DK.UTF-8")]).contains("spørgsmål"), "LANG=da_DK");
    assert!(list(&[("LC_MESSAGES", "da_DK.UTF-8"), ("LANG", "en_US.UTF-8")]).contains("spørgsmål"));
    assert!(list(&[]).contains("questions"), "nothing set: English");
    assert!(
        list(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "da_DK.UTF-8")]).contains("questions"),
        "LC_ALL first"
    );
    assert!(list(&[("ARTIKEL_LANG", "en"), ("LANG", "da_DK.UTF-8")]).contains("questions"));
    assert!(list(&[("ARTIKEL_LANG", "da"), ("LC_ALL", "C")]).contains("spørgsmål"));
}

#[test]
fn errors_and_check_findings_are_danish_but_check_json_keeps_its_rule_ids() {
    let da = [("ARTIKEL_LANG", "da")];
    let missing = artikel(&["toc", "findes-ikke"], &da);
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("ingen artikel hedder “findes-ikke”"), "{err}");
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/invalid");
    let text = stdout(&artikel(&["check", fixtures], &da));
    assert!(text.contains("fejl") && text.contains(" i ") && text.contains("filer"), "{text}");
    let ids = |env: &[(&str, &str)]| {
        let out = artikel(&["check", "--json", fixtures], env);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let rules: Vec<String> = json
            .as_array()
            .expect("a list")
            .iter()
            .map(|f| f["rule"].as_str().expect("rule").to_string())
            .collect();
        let keys: Vec<Vec<String>> = json
            .as_array()
            .expect("a list")
            .iter()
            .map(|f| f.as_object().expect("an object").keys().cloned().collect())
            .collect();
        (rules, keys)
    };
    let (da_ids, da_keys) = ids(&da);
    let (en_ids, en_keys) = ids(&[("ARTIKEL_LANG", "en")]);
    assert!(!da_ids.is_empty());
    assert_eq!((da_ids, da_keys), (en_ids, en_keys), "the same rules and keys in both languages");
}

#[test]
fn check_names_a_bundled_article_in_the_language_in_force() {
    let da = stdout(&artikel(&["check"], &[("ARTIKEL_LANG", "da")]));
    assert!(da.contains("nervesmerter.md (medfølger)"), "{da}");
    assert!(!da.contains("bundled"), "{da}");
    let json = artikel(&["check", "--json"], &[("ARTIKEL_LANG", "da")]);
    let findings: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let files: Vec<&str> =
        findings.as_array().expect("a list").iter().filter_map(|f| f["file"].as_str()).collect();
    assert!(files.contains(&"nervesmerter.md (medfølger)"), "{files:?}");
    let en = stdout(&artikel(&["check"], &[("ARTIKEL_LANG", "en")]));
    assert!(en.contains("nervesmerter.md (bundled)"), "{en}");
}
