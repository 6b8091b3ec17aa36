//! `artikel config`, `config --path` and `config --json` through the binary, and a broken
//! settings file said once on stderr by a command that still does its work.

use std::path::Path;
use std::process::{Command, Output};

/// Runs artikel in English with the settings file `config` and an empty data folder.
fn artikel(config: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let data = tempfile::tempdir().expect("temp data dir");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_artikel"));
    cmd.args(args)
        .env("ARTIKEL_CONFIG", config)
        .env("ARTIKEL_DATA_DIR", data.path())
        .env("ARTIKEL_LANG", "en")
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run artikel")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A settings file with `text` in a new folder (kept alive by the returned guard).
fn settings_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, text).expect("write settings");
    (dir, path)
}

#[test]
fn config_path_prints_where_the_file_lives_even_when_it_does_not_exist() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("nowhere").join("settings.toml");
    let out = artikel(&path, &["config", "--path"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{}\n", path.display()));
}

#[test]
fn config_says_each_setting_and_where_it_came_from() {
    let (_dir, path) =
        settings_file("theme = \"light\"\n\nstale_months = 6\n[keys]\nnext_question = [\"]\", \"ctrl-n\"]\n");
    let out = artikel(&path, &["config", "--stale-months", "3"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(&format!("# The settings file: {}\n", path.display())), "{text}");
    assert!(text.contains("\ntheme = \"light\"  # settings file, line 1\n"), "{text}");
    assert!(text.contains("\nstale_months = 3  # flag --stale-months\n"), "{text}");
    assert!(text.contains("\nreading_width = 100  # default\n"), "{text}");
    assert!(text.contains("\nlanguage = \"en\"  # environment: ARTIKEL_LANG\n"), "{text}");
    assert!(
        text.contains("\nnext_question = [\"]\", \"ctrl-n\"]  # next question (settings file, line 5)\n"),
        "{text}"
    );
    assert!(text.contains("\nprev_question = [\"[\"]  # previous question (default)\n"), "{text}");
    // Every setting is explained above its line.
    for key in [
        "language",
        "theme",
        "reading_width",
        "sidebar_width",
        "stale_months",
        "mouse",
        "hyperlinks",
        "ledger",
    ] {
        let at = text.find(&format!("\n{key} = ")).unwrap_or_else(|| panic!("{key} listed"));
        let about: Vec<&str> = text[..at].lines().rev().take_while(|l| l.starts_with("# ")).collect();
        assert!(about.iter().map(|l| l.len()).sum::<usize>() > 40, "{key} is explained: {about:?}");
        assert!(about.iter().all(|l| l.chars().count() <= 90), "{key}'s comment is wrapped: {about:?}");
    }
    assert!(text.contains("\n[keys]\n"));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn config_output_is_itself_a_settings_file_that_says_the_same() {
    let (_dir, path) = settings_file("theme = \"mono\"\nsidebar_width = \"40%\"\n[keys]\nhelp = \"h\"\n");
    let first = stdout(&artikel(&path, &["config"], &[]));
    let (_copy_dir, copy) = settings_file(&first);
    let again = artikel(&copy, &["config", "--json"], &[]);
    assert!(stderr(&again).is_empty(), "the output reads back without a warning: {}", stderr(&again));
    let v: serde_json::Value = serde_json::from_slice(&again.stdout).expect("json");
    assert_eq!(v["settings"]["theme"]["value"], "mono");
    assert_eq!(v["settings"]["sidebar_width"]["value"], "40%");
    assert_eq!(v["keys"]["help"]["value"], serde_json::json!(["h"]));
}

#[test]
fn config_json_gives_values_and_sources() {
    let (_dir, path) = settings_file("mouse = false\nreading_width = 80\n");
    let out = artikel(&path, &["config", "--json", "--theme", "high-contrast"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["path"], path.display().to_string());
    assert_eq!(v["exists"], true);
    let s = &v["settings"];
    assert_eq!(s["mouse"], serde_json::json!({ "value": false, "from": "file", "line": 1 }));
    assert_eq!(s["reading_width"], serde_json::json!({ "value": 80, "from": "file", "line": 2 }));
    assert_eq!(
        s["theme"],
        serde_json::json!({ "value": "high-contrast", "from": "flag", "name": "--theme" })
    );
    assert_eq!(s["hyperlinks"], serde_json::json!({ "value": false, "from": "default" }));
    assert_eq!(v["keys"]["down"], serde_json::json!({ "value": ["j", "down"], "from": "default" }));
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn no_color_means_mono_whatever_the_file_says() {
    let (_dir, path) = settings_file("theme = \"light\"\n");
    let out = artikel(&path, &["config", "--json"], &[("NO_COLOR", "1")]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v["settings"]["theme"],
        serde_json::json!({ "value": "mono", "from": "environment", "name": "NO_COLOR" })
    );
}

#[test]
fn a_broken_file_is_said_once_and_the_command_still_works() {
    let (_dir, path) = settings_file("theme = \"purple\"\nstale_months = 6\nwidth = 3\n");
    let out = artikel(&path, &["list"], &[]);
    assert!(out.status.success(), "a broken settings file never stops a command");
    assert!(stdout(&out).contains("nervesmerter "));
    let err = stderr(&out);
    let shown = path.display();
    assert_eq!(
        err,
        format!(
            "{shown}, line 1: `theme` must be one of \"default\", \"high-contrast\", \"light\", \"mono\"; the default, \"default\", is used.\n\
             {shown}, line 3: there is no setting `width` (there are language, theme, reading_width, sidebar_width, stale_months, mouse, hyperlinks, ledger, keys); it is ignored.\n"
        )
    );
    let json = artikel(&path, &["config", "--json"], &[]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["settings"]["stale_months"]["value"], 6, "the good setting is used");
    assert_eq!(v["settings"]["theme"]["value"], "default");
    assert_eq!(v["warnings"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_file_that_is_not_toml_is_a_warning_not_a_refusal() {
    let (_dir, path) = settings_file("theme = \n[[[");
    let out = artikel(&path, &["config"], &[]);
    assert!(out.status.success());
    assert!(stderr(&out).contains(", line 1: this is not a valid settings file ("), "{}", stderr(&out));
    assert!(stdout(&out).contains("\ntheme = \"default\"  # default\n"));
}

#[test]
fn an_unknown_theme_flag_names_the_themes() {
    let dir = tempfile::tempdir().expect("dir");
    let out = artikel(&dir.path().join("s.toml"), &["list", "--theme", "neon"], &[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no theme `neon`: the themes are default, high-contrast, light, mono"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_says_which_action_took_a_key_from_an_action_the_file_leaves_alone() {
    let (_dir, path) = settings_file("[keys]\nnext_question = [\"ctrl-n\", \"x\"]\n");
    let text = stdout(&artikel(&path, &["config"], &[]));
    assert!(
        text.contains(
            "\nresolve = []  # in the comments list: resolve / reopen (its key x went to next_question)\n"
        ),
        "{text}"
    );
    assert!(!text.contains("resolve = []  # in the comments list: resolve / reopen (default)"), "{text}");
    assert!(text.contains("\nprev_question = [\"[\"]  # previous question (default)\n"), "{text}");
    let danish = stdout(&artikel(&path, &["config"], &[("ARTIKEL_LANG", "da")]));
    assert!(danish.contains("(dens tast x gik til next_question)\n"), "{danish}");
    let json = artikel(&path, &["config", "--json"], &[]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(json["keys"]["resolve"]["taken"], serde_json::json!([{ "key": "x", "by": "next_question" }]));
}

#[test]
fn config_never_shows_the_password_of_the_settings_files_ledger_url_and_warns_of_it() {
    let (_dir, path) = settings_file(
        "ledger = \"postgres://reviewer:hunter2@db.example:5433/review?sslmode=verify-full\"\n",
    );
    let text = artikel(&path, &["config"], &[]);
    assert!(text.status.success(), "{}", stderr(&text));
    let (out, err) = (stdout(&text), stderr(&text));
    assert!(!out.contains("hunter2") && !err.contains("hunter2"), "{out}\n{err}");
    assert!(
        out.contains("ledger = \"postgres://reviewer@db.example:5433/review?sslmode=verify-full\""),
        "{out}"
    );
    assert!(err.contains("line 1: `ledger` has a password in its URL"), "{err}");
    let json = artikel(&path, &["config", "--json"], &[]);
    let raw = stdout(&json);
    assert!(!raw.contains("hunter2"), "{raw}");
    let v: serde_json::Value = serde_json::from_str(&raw).expect("json");
    assert_eq!(
        v["settings"]["ledger"]["value"],
        "postgres://reviewer@db.example:5433/review?sslmode=verify-full"
    );
    assert_eq!(v["warnings"].as_array().map(Vec::len), Some(1));
}
