//! Planted errors: each case is a find/replace on one line of a bundled article, written by an
//! editor who had not seen the rules. Each is applied to a copy of `articles/`, and
//! `artikel check --json` must report an error on the edited line.
//!
//! `the_planted_errors_are_caught` holds the set in `tests/fixtures/planted/`. To measure another
//! set (or another build), run the ignored test with `PLANTED=path/to/set.yaml` (and
//! `ARTIKEL_BIN=path/to/artikel`): `cargo test --test cli check_planted -- --ignored --nocapture`.

use std::path::Path;
use std::process::Command;

/// One planted error.
#[derive(Debug, serde::Deserialize)]
struct Case {
    id: String,
    article: String,
    find: String,
    replace: String,
}

/// The binary to run: `ARTIKEL_BIN`, else this build's.
fn binary() -> String {
    std::env::var("ARTIKEL_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_artikel").to_string())
}

/// Whether the case's edit is reported as an error on its line; `None` when the edit does not apply.
fn caught(case: &Case) -> Option<bool> {
    let dir = tempfile::tempdir().expect("temp");
    for entry in std::fs::read_dir("articles").expect("articles/") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name");
        std::fs::copy(&path, dir.path().join(name)).expect("copy");
    }
    let file = dir.path().join(&case.article);
    let text = std::fs::read_to_string(&file).ok()?;
    let at = text.find(&case.find)?;
    let line = text[..at].matches('\n').count() + 1;
    std::fs::write(&file, text.replacen(&case.find, &case.replace, 1)).expect("write");
    let out = Command::new(binary())
        .args(["check", "--json", dir.path().to_str().expect("path")])
        .env("ARTIKEL_LANG", "en")
        .env("ARTIKEL_DATA_DIR", dir.path().join(".data"))
        .env("XDG_CACHE_HOME", dir.path().join(".cache"))
        .output()
        .expect("run artikel");
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let errors_on_line = found.as_array()?.iter().any(|f| {
        f["severity"] == "error"
            && f["line"].as_u64() == Some(line as u64)
            && f["file"].as_str().is_some_and(|p| Path::new(p).ends_with(&case.article))
    });
    Some(errors_on_line)
}

fn cases(path: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(path).expect("the planted set");
    serde_saphyr::from_str(&text).expect("a list of cases")
}

/// Each case's id and whether it was caught, and the figure.
fn measure(path: &str) -> (Vec<(String, bool)>, String) {
    let cases = cases(path);
    let results: Vec<(String, bool)> =
        cases.iter().map(|c| (c.id.clone(), caught(c).expect("the edit applies"))).collect();
    let n = results.iter().filter(|(_, c)| *c).count();
    (results, format!("{n} / {}", cases.len()))
}

#[test]
fn the_planted_errors_are_caught() {
    let (results, figure) = measure("tests/fixtures/planted/check-editor.yaml");
    let missed: Vec<&str> = results.iter().filter(|(_, c)| !c).map(|(id, _)| id.as_str()).collect();
    assert!(missed.is_empty(), "caught {figure}; missed {missed:?}");
    // The second round's tuning half: all but alcohol offered as relief beside "undgå
    // rygning" (let pass, so that advice to avoid alcohol is never called an error).
    let (results, figure) = measure("tests/fixtures/planted/check-editor-2-tune.yaml");
    let missed: Vec<&str> = results.iter().filter(|(_, c)| !c).map(|(id, _)| id.as_str()).collect();
    assert_eq!(missed, ["q22"], "caught {figure}");
}

/// The second round's other half, never tuned on: held where it was first measured (6 of 12).
#[test]
fn the_planted_errors_never_tuned_on_are_caught_as_often_as_first_measured() {
    let (results, figure) = measure("tests/fixtures/planted/check-editor-2-report.yaml");
    let caught = results.iter().filter(|(_, c)| *c).count();
    assert!(caught >= 6, "caught {figure}");
}

#[test]
#[ignore = "measures a planted set named by PLANTED"]
fn planted_set_figure() {
    let path = std::env::var("PLANTED").unwrap_or_else(|_| "tests/fixtures/planted/check-editor.yaml".into());
    let (results, figure) = measure(&path);
    for (id, caught) in &results {
        println!("{id}: {}", if *caught { "caught" } else { "missed" });
    }
    println!("caught {figure} with {}", binary());
}
