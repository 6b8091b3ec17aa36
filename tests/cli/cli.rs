//! The commands that print: list, toc, show; missing slugs, broken folders, no terminal.

use std::process::{Command, Output};

fn artikel(args: &[&str]) -> Output {
    let data = tempfile::tempdir().expect("temp data dir");
    Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        // What is stale (a note of `check`) is counted from a day that does not move.
        .env("ARTIKEL_TODAY", "2026-12-06")
        .args(args)
        .env("ARTIKEL_DATA_DIR", data.path())
        // `check`'s cache of findings in the test's own folder, not the user's.
        .env("XDG_CACHE_HOME", data.path())
        .env_remove("NO_COLOR")
        .output()
        .expect("run artikel")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn list_shows_each_bundled_article_with_its_date_and_questions() {
    let out = artikel(&["list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let line = text.lines().find(|l| l.starts_with("nervesmerter ")).expect("seed listed");
    assert!(line.contains("19/02/2025"), "{line}");
    assert!(line.contains(" 7 questions"), "{line}");
    assert!(line.contains(" 4 FAQ"), "{line}");
    assert!(line.contains("Nervesmerter – Hvad er nervesmerter? Bliv klogere her"), "{line}");
    assert!(stderr(&out).is_empty(), "no warnings for the bundled library: {}", stderr(&out));
}

#[test]
fn toc_marks_each_heading_class() {
    let out = artikel(&["toc", "nervesmerter"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 12);
    assert_eq!(lines[0], "? Hvad er årsagerne til nervesmerter?  [question]");
    assert_eq!(lines[7], "≡ Ofte stillede spørgsmål om nervesmerter  [faq]");
    assert_eq!(lines[9], "  ? Kan nervesmerter helbredes?  [faq-question]");
}

#[test]
fn list_and_toc_print_json() {
    let out = artikel(&["list", "--json"]);
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("list --json is JSON");
    let items = list.as_array().expect("an array");
    assert_eq!(items.len(), stdout(&artikel(&["list"])).lines().count(), "one per article");
    let seed = items.iter().find(|a| a["slug"] == "nervesmerter").expect("the seed listed");
    assert_eq!(seed["title"], "Nervesmerter – Hvad er nervesmerter? Bliv klogere her");
    assert_eq!(seed["last_updated"], "2025-02-19");
    assert_eq!((seed["questions"].as_u64(), seed["faq"].as_u64()), (Some(7), Some(4)));

    let out = artikel(&["toc", "nervesmerter", "--json"]);
    assert!(out.status.success());
    let toc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("toc --json is JSON");
    let headings = toc.as_array().expect("an array");
    assert_eq!(headings.len(), 12);
    assert_eq!(headings[9]["text"], "Kan nervesmerter helbredes?");
    assert_eq!(headings[9]["kind"], "faq-question");
    assert_eq!(headings[9]["anchor"], "kan-nervesmerter-helbredes");
    assert!(headings[9]["level"].as_u64() > headings[7]["level"].as_u64(), "under the FAQ");
    let slugs = stdout(&artikel(&["list", "--slugs"]));
    assert_eq!(slugs.lines().count(), items.len(), "list --slugs: a slug a line");
    assert!(slugs.lines().any(|l| l == "knaesmerter"), "{slugs}");
    let missing = artikel(&["toc", "no-such-article", "--json"]);
    assert_eq!(missing.status.code(), Some(1), "a missing article fails as without --json");
}

#[test]
fn show_prints_plain_text_wrapped_to_the_width() {
    let out = artikel(&["show", "nervesmerter", "--width", "50"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no escape codes when stdout is not a terminal");
    assert!(text.lines().all(|l| l.chars().count() <= 50), "{text}");
    assert!(text.starts_with("Nervesmerter – Hvad er nervesmerter? Bliv klogere\nher\nUpdated 19/02/2025"));
    assert!(text.contains("\nKan nervesmerter helbredes?\n"));
    assert!(text.trim_end().ends_with("dine nervesmerter."));
}

#[test]
fn show_defaults_to_80_columns_without_a_terminal() {
    let text = stdout(&artikel(&["show", "nervesmerter"]));
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!((70..=80).contains(&widest), "widest line {widest}");
}

#[test]
fn show_renders_every_kind_of_block() {
    let text = stdout(&artikel(&["--articles", "tests/fixtures/valid", "show", "knae", "--width", "40"]));
    for expected in [
        "Intro med fed og kursiv tekst og et\n→link <https://example.org>.",
        "• Slid\n  • i brusken\n• Overbelastning",
        "1. Hvil\n2. Is",
        "│ Et citat om knæ.",
        "Område │ Årsag\n───────┼──────\nKnæ    │ Slid",
        "  kode  blok",
        "En fodnote[1].\n\n[1] Fodnotens tekst.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn a_missing_slug_names_the_known_ones_and_fails() {
    for command in ["show", "toc", "open"] {
        let out = artikel(&[command, "rygsmerter"]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let err = stderr(&out);
        assert!(err.contains("no article called “rygsmerter”"), "{err}");
        assert!(err.contains("nervesmerter"), "{err}");
    }
}

#[test]
fn a_broken_article_folder_warns_per_file_and_loads_the_rest() {
    let out = artikel(&["--articles", "tests/fixtures/invalid", "list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for slug in
        ["bad-date", "broken-yaml", "no-frontmatter", "not-utf8", "unclosed-frontmatter", "nervesmerter"]
    {
        assert!(text.lines().any(|l| l.starts_with(slug)), "{slug} listed:\n{text}");
    }
    assert!(text.contains("Ødelagt frontmatter"), "broken YAML titled by its first heading");
    let err = stderr(&out);
    for expected in [
        "bad-date.md: `lastUpdated: 31/02/2024` is not a date",
        "broken-yaml.md: frontmatter is not valid YAML: line 3 column 12",
        "no-frontmatter.md: has no frontmatter",
        "not-utf8.md: not valid UTF-8",
        "unclosed-frontmatter.md: the frontmatter opened with `---` is never closed",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert_eq!(err.lines().count(), 5, "{err}");
}

#[test]
fn a_missing_folder_is_a_warning_not_a_failure() {
    let out = artikel(&["--articles", "/no/such/place", "list"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("/no/such/place: cannot open folder"));
}

#[test]
fn an_article_in_the_data_folder_replaces_the_bundled_one() {
    let data = tempfile::tempdir().expect("temp");
    std::fs::create_dir(data.path().join("articles")).expect("mkdir");
    std::fs::write(
        data.path().join("articles/nervesmerter.md"),
        "---\nmetaTitle: Lokal udgave\n---\nTekst.\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .args(["--data-dir", data.path().to_str().expect("utf-8 path"), "list"])
        .output()
        .expect("run");
    let text = stdout(&out);
    assert!(text.contains("Lokal udgave") && !text.contains("Bliv klogere"), "{text}");
}

#[test]
fn the_reader_without_a_terminal_explains_and_exits_2() {
    let out = artikel(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs a terminal"));
    assert!(stderr(&out).contains("artikel show"));
}

#[test]
fn help_and_version() {
    let help = stdout(&artikel(&["--help"]));
    for command in ["list", "toc", "show", "open", "--articles"] {
        assert!(help.contains(command), "{help}");
    }
    assert!(stdout(&artikel(&["--version"])).starts_with("artikel 0."));
}

#[test]
fn a_command_help_lists_its_own_options_then_the_global_ones_once_and_short() {
    let help = stdout(&artikel(&["faq", "--help"]));
    assert!(help.lines().count() < 35, "{} lines:\n{help}", help.lines().count());
    let own = help.find("--explain").expect("its own option");
    let global = help.find("Global options:").expect("a heading for the global ones");
    assert!(own < global, "{help}");
    for flag in ["--data-dir", "--ledger", "--lang", "--no-mouse"] {
        assert_eq!(help.matches(flag).count(), 1, "{flag} once: {help}");
        assert!(help.find(flag).unwrap_or(0) > global, "{flag} under the heading");
    }
    assert!(!help.contains("Possible values"), "no long lists of values: {help}");
    let global_lines = help[global..].lines();
    assert!(global_lines.clone().all(|l| l.chars().count() <= 80), "a line each, in 80 columns: {help}");
    assert_eq!(global_lines.filter(|l| l.trim_start().starts_with("--")).count(), 10, "{help}");
    // The whole help still names every global option.
    let top = stdout(&artikel(&["--help"]));
    for flag in ["--articles", "--color", "--stale-months", "--theme", "--hyperlinks", "--ascii"] {
        assert!(top.contains(flag), "{flag}: {top}");
    }
}

#[test]
fn faq_prints_the_best_answer_typed_without_danish_letters() {
    let out = artikel(&["faq", "kan", "nerve", "helbredes", "--width", "60"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Kan nervesmerter helbredes?");
    assert!(lines[1].ends_with("nervesmerter#kan-nervesmerter-helbredes"), "{}", lines[1]);
    assert!(text.contains("Nervesmerter kan ofte behandles effektivt"));
    assert!(text.lines().all(|l| l.chars().count() <= 60 || l.contains('#')));
    let danish = stdout(&artikel(&["faq", "knæbind"]));
    assert_eq!(stdout(&artikel(&["faq", "knaebind"])), danish, "æ and ae are the same to faq");
    assert!(danish.starts_with("Kan knæbind hjælpe?\n"));
}

#[test]
fn faq_forgives_a_typo_and_lists_the_ten_best_with_all() {
    assert!(stdout(&artikel(&["faq", "helbrdes"])).starts_with("Kan nervesmerter helbredes?"));
    let all = stdout(&artikel(&["faq", "--all", "smerter"]));
    assert_eq!(all.lines().count(), 10);
    assert!(all.lines().all(|l| l.contains("  — ") && l.contains('#')), "{all}");
}

#[test]
fn faq_and_search_say_when_nothing_matches_and_exit_1() {
    let faq = artikel(&["faq", "kvantefysik"]);
    assert_eq!(faq.status.code(), Some(1));
    assert_eq!(stderr(&faq).trim(), "artikel: no answer found for “kvantefysik”");
    assert!(stdout(&faq).is_empty());
    let search = artikel(&["search", "kvantefysik"]);
    assert_eq!(search.status.code(), Some(1));
    assert!(stderr(&search).contains("nothing found for “kvantefysik”"));
}

#[test]
fn faq_json_gives_slug_heading_anchor_score_and_answer() {
    let out = artikel(&["faq", "--json", "frossen", "skulder"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = &v[0];
    assert_eq!(first["slug"], "skuldersmerter");
    assert_eq!(first["heading"], "Hvor længe varer en frossen skulder?");
    assert_eq!(first["anchor"], "hvor-længe-varer-en-frossen-skulder");
    assert!(first["score"].as_f64().is_some_and(|s| s > 0.0));
    assert!(first["answer"].as_str().is_some_and(|a| a.starts_with("En frossen skulder går som regel over")));
    let all: serde_json::Value =
        serde_json::from_slice(&artikel(&["faq", "--all", "--json", "smerter"]).stdout).expect("JSON");
    assert_eq!(all.as_array().map(Vec::len), Some(10));
}

#[test]
fn search_prints_slug_section_and_a_snippet_for_each_hit() {
    let out = artikel(&["search", "diskusprolaps", "--width", "100"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let first = text.lines().find(|l| l.contains("årsagerne")).expect("a hit");
    assert!(first.starts_with("laendesmerter › Hvad er årsagerne til lændesmert"), "{first}");
    assert!(text.lines().all(|l| l.contains("diskusprolaps")), "{text}");
    assert!(text.lines().all(|l| l.contains(" › ") && l.contains(": ")), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&artikel(&["search", "--json", "diskusprolaps"]).stdout).expect("JSON");
    assert_eq!(json[0]["slug"], "laendesmerter");
    assert!(
        json.as_array()
            .is_some_and(|a| a.iter().any(|h| h["anchor"] == "hvad-er-årsagerne-til-lændesmerter"))
    );
    assert!(json[0]["snippet"].as_str().is_some_and(|s| s.contains("diskusprolaps")));
}

#[test]
fn no_command_prints_a_control_character_from_a_hostile_article() {
    let hostile = ["--articles", "tests/fixtures/hostile"];
    for command in [
        &["show", "hostile"][..],
        &["toc", "hostile"],
        &["list"],
        &["faq", "titel"],
        &["search", "entiteter"],
    ] {
        let args: Vec<&str> = hostile.iter().chain(command).copied().collect();
        let out = artikel(&args);
        assert!(out.status.success(), "{command:?}: {}", stderr(&out));
        let text = stdout(&out) + &stderr(&out);
        assert!(
            !text.contains('\x1b') && !text.contains('\x07') && !text.contains('\u{9b}'),
            "{command:?}: {text:?}"
        );
        assert!(!text.contains('\u{202e}'), "{command:?}");
    }
    let shown = stdout(&artikel(&["--articles", "tests/fixtures/hostile", "show", "hostile"]));
    assert!(shown.contains("Skadelig^[]0;PWNED-TITLE^G artikel"), "{shown}");
    assert!(
        shown.contains("<http://example.org/^[[38;5;196m>"),
        "a link's address is shown made safe: {shown}"
    );
}

#[test]
fn a_file_name_with_control_characters_is_shown_safely_in_warnings() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("bad\x1b]0;x\x07name.md"), "no frontmatter\n").expect("write");
    let out = artikel(&["--articles", dir.path().to_str().expect("path"), "list"]);
    let err = stderr(&out);
    assert!(err.contains("bad^[]0;x^Gname.md: has no frontmatter"), "{err}");
    assert!(!err.contains('\x1b'));
}

#[test]
fn check_reports_the_seed_articles_errors_and_broken_files_by_line() {
    // The library as shipped: the five newer articles pass; the seed article, shipped as
    // written, lacks a "when to seek help" section and sends lasting pain to a
    // physiotherapist first. Both are errors, and only there.
    let shipped = artikel(&["check"]);
    assert_eq!(shipped.status.code(), Some(1), "{}", stdout(&shipped));
    let text = stdout(&shipped);
    assert!(text.ends_with("2 errors, 6 warnings, 7 notes in 6 files\n"), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&artikel(&["check", "--json"]).stdout).expect("JSON");
    let errors: Vec<(&str, &str)> = json
        .as_array()
        .expect("a list")
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| (f["file"].as_str().unwrap_or(""), f["rule"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        errors,
        [
            ("nervesmerter.md (bundled)", "soeg-hjaelp-afsnit"),
            ("nervesmerter.md (bundled)", "fysioterapeut-foerst")
        ],
        "{text}"
    );
    let broken = artikel(&["check", "tests/fixtures/invalid"]);
    assert_eq!(broken.status.code(), Some(1), "errors fail the check");
    let text = stdout(&broken);
    assert!(
        text.contains("tests/fixtures/invalid/broken-yaml.md\n     3  error   frontmatter is not valid YAML"),
        "{text}"
    );
    assert!(
        text.contains("[required-key]") && text.contains("[encoding]") && text.contains("[date]"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&artikel(&["check", "--json", "tests/fixtures/invalid"]).stdout)
            .expect("JSON");
    let first = &json[0];
    for key in ["file", "line", "severity", "rule", "message"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
}

#[test]
fn check_passes_with_warnings_only() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(
        dir.path().join("uden.md"),
        "---\nmetaTitle: Uden FAQ\nlastUpdated: 01/11/2026\ndatePublished: 01/10/2026\n---\n\nIntro.\n\n## Om knæ\n\nTekst.\n\n## Hvornår skal du søge læge ved knæsmerter?\n\nRing 112 ved livstruende symptomer. Kontakt egen læge, eller lægevagten uden for dagtid.\n\nLægevagtens nummer er 1813 (Akuttelefonen) i Region Hovedstaden, 1818 i Region Sjælland, 70 11 07 07 i Region Syddanmark, 70 11 31 31 i Region Midtjylland og 70 15 03 00 i Region Nordjylland.\n",
    )
    .expect("write");
    let out = artikel(&["check", dir.path().to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "warnings do not fail: {}", stdout(&out));
    assert!(stdout(&out).contains("0 errors, 2 warnings"), "{}", stdout(&out));
}

#[test]
fn review_status_and_notes_report_from_the_shell() {
    let data = tempfile::tempdir().expect("temp");
    let dir = data.path().to_str().expect("path");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_artikel"))
            .env("ARTIKEL_LANG", "en")
            .args(["--data-dir", dir])
            .args(args)
            .env("ARTIKEL_ACCOUNT", "anne")
            .output()
            .expect("run")
    };
    let decided = stdout(&run(&["review", "request-changes", "knaesmerter", "-m", "kilder"]));
    assert!(decided.starts_with("knaesmerter: changes-requested "), "{decided}");
    assert_eq!(run(&["review", "maybe", "knaesmerter"]).status.code(), Some(2));
    assert_eq!(run(&["review", "approve", "nope"]).status.code(), Some(1));
    assert_eq!(stdout(&run(&["notes"])), "No comments yet.\n");
    let disk = artikel::store::Disk::new(data.path());
    let note = artikel::store::Note {
        id: "n1".into(),
        anchor: artikel::store::Anchor {
            slug: "knaesmerter".into(),
            heading: "Kan knæbind hjælpe?".into(),
            position: 99,
        },
        text: "Nævn \"evidens\", tak".into(),
        author: "anne".into(),
        created: "2026-11-29T10:00:00Z".into(),
        updated: "2026-11-29T10:00:00Z".into(),
    };
    let gone = artikel::store::Note {
        id: "n2".into(),
        anchor: artikel::store::Anchor {
            slug: "knaesmerter".into(),
            heading: "Fjernet?".into(),
            position: 3,
        },
        ..note.clone()
    };
    // Notes an older artikel wrote to notes.yaml, which the ledger imports.
    let old = artikel::store::Store { notes: vec![note, gone], ..artikel::store::Store::default() };
    std::fs::write(disk.path(), serde_saphyr::to_string(&old).expect("yaml")).expect("write notes.yaml");
    let listed = stdout(&run(&["notes", "knaesmerter"]));
    // Imported as the importer's, on the day of the import.
    let today = artikel::clock::Clock::System.today().to_string();
    assert!(
        listed
            .contains(&format!("knaesmerter › Kan knæbind hjælpe?: Nævn \"evidens\", tak  (anne, {today})")),
        "{listed}"
    );
    assert!(
        listed.contains("Fjernet? (detached)"),
        "a note whose heading is gone is kept and marked: {listed}"
    );
    let md = stdout(&run(&["notes", "export", "--format", "md"]));
    assert!(md.contains("## Knæsmerter – Årsager, undersøgelse og behandling (knaesmerter)\n\nStatus: **changes-requested** — version "), "{md}");
    assert!(md.contains("- anne: changes-requested on ") && md.contains("  > kilder\n"), "{md}");
    assert!(
        md.contains(&format!("- *Kan knæbind hjælpe?* — anne, {today} #n1\n\n  > Nævn \"evidens\", tak\n")),
        "{md}"
    );
    let csv = stdout(&run(&["notes", "export", "--format", "csv"]));
    assert!(csv.starts_with(artikel::ledger::report::CSV_HEADER));
    assert!(csv.contains("\"Nævn \"\"evidens\"\", tak\""), "quotes doubled: {csv}");
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["notes", "export", "--format", "json"]).stdout).expect("JSON");
    let knae = json["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["slug"] == "knaesmerter")
        .expect("knae");
    assert_eq!(knae["status"], "changes-requested");
    assert_eq!(knae["notes"][0]["section"], "Kan knæbind hjælpe?");
    assert_eq!(knae["notes"][1]["section"], "Fjernet? (detached)");
}

/// A file name that tries everything: an OSC title change with BEL, a C1 CSI, a right-to-left
/// override, the RLM and ALM marks, and a line end.
const EVIL_NAME: &str = "evil\x1b]0;PWNED\x07\u{9b}2J\u{202e}\u{200f}\u{61c}ny\nlinje";
/// How that name is shown: every control visible, on one line.
const EVIL_SHOWN: &str = "evil^[]0;PWNED^G<U+009B>2J<U+202E><U+200F><U+061C>ny^Jlinje";

/// A folder holding one article under [`EVIL_NAME`], with a question, an FAQ, a title with a
/// line end in it, and a heading that `check` warns about.
fn evil_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(
        dir.path().join(format!("{EVIL_NAME}.md")),
        "---\nmetaTitle: \"Ond\\nfil\"\nlastUpdated: 01/11/2026\ndatePublished: 01/10/2026\n---\n\n\
         Intro.\n\n## Hvad er ondskab?\n\nOndskab er slem.\n\n## Om ondskab\n\nMere.\n\n## Ofte stillede spørgsmål\n\n\
         ### Hvorfor findes ondskab?\n\nFordi ondskab findes.\n",
    )
    .expect("write the evil file");
    dir
}

/// What must never reach a terminal from an article's file name.
fn assert_no_raw_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for bad in ["\x1b]", "\x07", "\u{9b}", "\u{202e}", "\u{200f}", "\u{61c}", "\x1bc"] {
        assert!(!text.contains(bad), "{what}: {bad:?} reached the output raw: {text:?}");
    }
}

/// The commands that print a slug or a file name.
const NAME_COMMANDS: [&[&str]; 8] = [
    &["list"],
    &["check"],
    &["faq", "hvorfor", "ondskab"],
    &["faq", "--all", "ondskab"],
    &["search", "--width", "190", "ondskab"],
    &["faq", "--json", "ondskab"],
    &["faq", "--all", "--json", "ondskab"],
    &["search", "--json", "ondskab"],
];

#[test]
fn a_hostile_file_name_is_shown_safely_by_every_command_when_piped() {
    let dir = evil_folder();
    let folder = dir.path().to_str().expect("path");
    for command in NAME_COMMANDS.iter().copied().chain([&["check", "--json"][..]]) {
        let args: Vec<&str> = ["--articles", folder].iter().chain(command).copied().collect();
        let out = artikel(&args);
        assert_no_raw_controls(&format!("{command:?} stdout"), &out.stdout);
        assert_no_raw_controls(&format!("{command:?} stderr"), &out.stderr);
        let text = stdout(&out);
        assert!(text.contains(EVIL_SHOWN), "{command:?} shows the name: {text}");
        if command.contains(&"--json") {
            let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            let key = if command[0] == "check" { "file" } else { "slug" };
            let named = json.as_array().expect("array").iter().filter_map(|v| v[key].as_str());
            assert!(named.clone().any(|s| s.contains(EVIL_SHOWN)), "{command:?}: {text}");
        }
    }
    let list = stdout(&artikel(&["--articles", folder, "list"]));
    let line = list.lines().find(|l| l.starts_with(EVIL_SHOWN)).expect("the evil article on one line");
    assert!(line.ends_with("Ond fil"), "the title's line end is a space: {line:?}");
}

/// Runs `artikel ARGS` on a pseudo-terminal; everything it wrote, as the terminal got it.
fn on_a_terminal(args: &[&str]) -> Vec<u8> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pty = native_pty_system()
        .openpty(PtySize { rows: 40, cols: 200, pixel_width: 0, pixel_height: 0 })
        .expect("open a pty");
    let data = tempfile::tempdir().expect("temp data dir");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_artikel"));
    cmd.args(args);
    cmd.env("ARTIKEL_DATA_DIR", data.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("ARTIKEL_LANG", "en");
    cmd.env_remove("NO_COLOR");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    // Until the program closes its side (an error on Linux, or end of file elsewhere).
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    child.wait().expect("exit");
    out
}

#[test]
fn a_hostile_file_name_is_shown_safely_on_a_terminal_too() {
    let dir = evil_folder();
    let folder = dir.path().to_str().expect("path");
    for command in NAME_COMMANDS {
        let args: Vec<&str> = ["--articles", folder].iter().chain(command).copied().collect();
        let bytes = on_a_terminal(&args);
        assert_no_raw_controls(&format!("{command:?} on a terminal"), &bytes);
        let size = |n| std::num::NonZeroU16::new(n).expect("not zero");
        let mut terminal = vt100::Parser::new(size(40), size(200), 0);
        terminal.process(&bytes);
        let screen = terminal.screen().contents();
        assert!(screen.contains(EVIL_SHOWN), "{command:?} shows the name: {screen:?}");
    }
}

#[test]
fn words_the_user_typed_are_quoted_back_with_their_controls_shown() {
    let typed = "x\x1b]0;PWNED\x07\u{9b}2J\u{202e}\u{200f}\u{61c}\ny";
    let shown = "x^[]0;PWNED^G<U+009B>2J<U+202E><U+200F><U+061C>^Jy";
    for command in [
        &["show", typed][..],
        &["toc", typed],
        &["open", typed],
        &["review", "approve", typed],
        &["faq", typed],
        &["search", typed],
        &[typed],
        &["--color", typed, "list"],
        &["list", typed],
    ] {
        let out = artikel(command);
        assert!(!out.status.success(), "{command:?}");
        assert_no_raw_controls(&format!("{command:?}"), &out.stderr);
        assert!(!String::from_utf8_lossy(&out.stderr).contains('\x1b'), "{command:?}");
        let err = stderr(&out);
        // clap drops what it takes for escape sequences from the words it quotes; the rest is shown.
        let from_clap = command[0] == "--color" || command[0] == "list";
        assert!(err.contains(if from_clap { "<U+009B>2J<U+202E>" } else { shown }), "{command:?}: {err}");
    }
    let slug = stderr(&artikel(&["show", typed]));
    assert!(slug.starts_with(&format!("artikel: no article called “{shown}”")), "{slug}");
}

#[test]
fn two_files_with_one_slug_in_a_folder_tree_are_a_warning_and_a_line_end_in_a_name_stays_on_its_line() {
    let dir = tempfile::tempdir().expect("temp");
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        let text = format!("---\nmetaTitle: Knæ fra {sub}\n---\nTekst.\n");
        std::fs::write(dir.path().join(sub).join("knae.md"), text).expect("write");
    }
    std::fs::write(dir.path().join("to\nlinjer.md"), "uden forside\n").expect("write");
    let folder = dir.path().to_str().expect("path");
    let out = artikel(&["--articles", folder, "list"]);
    let (list, err) = (stdout(&out), stderr(&out));
    assert!(list.contains("Knæ fra b") && !list.contains("Knæ fra a"), "the later file is shown: {list}");
    assert!(
        err.contains(&format!(
            "{folder}/a/knae.md: has the same slug “knae” as {folder}/b/knae.md, which is shown instead"
        )),
        "{err}"
    );
    assert!(
        err.lines().any(|l| l
            == format!(
                "warning: {folder}/to^Jlinjer.md: has no frontmatter (metaTitle, lastUpdated, datePublished)"
            )),
        "{err}"
    );
    assert!(list.lines().any(|l| l.starts_with("to^Jlinjer ")), "{list}");
    let library = artikel::library::Library::load(&[dir.path().to_path_buf()]);
    assert_eq!(library.hidden.len(), 1, "the hidden article is kept for check");
    assert_eq!(library.hidden[0].title, "Knæ fra a");
}

#[test]
fn a_data_folder_that_is_a_file_is_named_with_where_it_came_from() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("data");
    std::fs::write(&file, "not a folder").expect("write");
    let path = file.to_str().expect("path");
    for command in [&["review", "approve", "knaesmerter"][..], &["notes"], &["notes", "export"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_artikel"))
            .env("ARTIKEL_LANG", "en")
            .args(command)
            .env("ARTIKEL_DATA_DIR", path)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("the data folder {path} (set by ARTIKEL_DATA_DIR) is not a folder")),
            "{command:?}: {err}"
        );
        assert!(!err.contains("os error"), "{err}");
    }
    let flag = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .args(["--data-dir", path, "review", "approve", "knaesmerter"])
        .output()
        .expect("run");
    assert!(stderr(&flag).contains("(given with --data-dir) is not a folder"), "{}", stderr(&flag));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "not a folder", "the file is left alone");
}

#[test]
fn an_empty_artikel_data_dir_is_unset_and_nothing_is_written_to_the_current_folder() {
    let home = tempfile::tempdir().expect("temp home");
    let cwd = tempfile::tempdir().expect("temp cwd");
    let out = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .args(["review", "approve", "knaesmerter"])
        .current_dir(cwd.path())
        .env("ARTIKEL_DATA_DIR", "")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(cwd.path()).expect("list").count(), 0, "the current folder is untouched");
    assert!(home.path().join("xdg/artikel/review.db").is_file(), "written to the usual data folder");
}

#[test]
fn every_line_of_show_fits_its_width_and_widths_under_10_are_refused() {
    use unicode_width::UnicodeWidthStr;
    let slugs: Vec<String> = stdout(&artikel(&["list"]))
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(slugs.len() >= 6, "{slugs:?}");
    for width in [10, 13, 21, 30, 41, 80] {
        for slug in &slugs {
            let w = width.to_string();
            let text = stdout(&artikel(&["show", slug, "--width", &w]));
            for line in text.lines() {
                assert!(line.width() <= width, "{slug} at {width}: {line:?} is {} wide", line.width());
            }
        }
    }
    let dates = stdout(&artikel(&["show", "nervesmerter", "--width", "30"]));
    assert!(dates.contains("\nUpdated 19/02/2025\nPublished 19/02/2025\n"), "a date per line: {dates}");
    for width in ["0", "9", "-3", "bred"] {
        for command in ["show", "faq", "search"] {
            let out = artikel(&[command, "nervesmerter", "--width", width]);
            assert_eq!(out.status.code(), Some(2), "{command} --width {width}");
            assert!(stderr(&out).contains("or more"), "{command} --width {width}: {}", stderr(&out));
        }
    }
}
