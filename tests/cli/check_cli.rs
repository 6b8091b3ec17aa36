//! `artikel check` run as editors run it: house rules found with their lines, rule files
//! overridden per folder and validated, and nothing from a draft reaching the terminal raw.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

fn artikel(args: &[&str]) -> Output {
    let data = tempfile::tempdir().expect("temp data dir");
    Command::new(common::bin())
        .env("ARTIKEL_LANG", "en")
        .env("ARTIKEL_TODAY", common::TODAY)
        .args(args)
        .env("ARTIKEL_DATA_DIR", data.path())
        // The cache of findings in the test's own folder, not the user's.
        .env("XDG_CACHE_HOME", data.path())
        .output()
        .expect("run artikel")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Each finding of `check --json DIR`: (rule, line, column).
fn json_findings(dir: &Path) -> Vec<(String, Option<u64>, Option<u64>)> {
    let out = artikel(&["check", "--json", dir.to_str().expect("path")]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json.as_array()
        .expect("a list")
        .iter()
        .map(|f| (f["rule"].as_str().expect("rule").to_string(), f["line"].as_u64(), f["column"].as_u64()))
        .collect()
}

const HEAD: &str = "---\nmetaTitle: Prøve\nlastUpdated: 01/11/2026\ndatePublished: 01/10/2026\n---\n\n";

/// An article in the house format with one mistake of each kind of house rule planted in it.
/// Line numbers are the file's (the frontmatter is lines 1–5).
fn planted() -> String {
    let long_answer = "ord ".repeat(120);
    format!(
        "{HEAD}\
         Du kan læse om knæet her, og du får svar på dine spørgsmål.\n\
         \n\
         ## Hvor gør det ondt?\n\
         \n\
         Smerten sitter foran på knæet, og du mærker den på trapper.\n\
         \n\
         ## Hvornår skal du søge læge ved knæsmerter?\n\
         \n\
         Kontakt din egen læge, hvis det ikke går over. Her siger man ikke mere.\n\
         \n\
         ## Ofte stillede spørgsmål om prøven\n\
         \n\
         ### Hvad gør jeg?\n\
         \n\
         {long_answer}\n"
    )
}

#[test]
fn each_kind_of_planted_mistake_is_reported_with_its_line() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("proeve.md"), planted()).expect("write");
    let found = json_findings(dir.path());
    let has =
        |rule: &str, line: u64, column: Option<u64>| found.contains(&(rule.to_string(), Some(line), column));
    assert!(has("norsk-sitte", 11, Some(9)), "a word form, with its column: {found:?}");
    assert!(has("soeg-hjaelp-112", 13, None), "the section without 112, on its heading's line: {found:?}");
    assert!(has("soeg-hjaelp-laegevagt", 13, None), "… and without the out-of-hours route: {found:?}");
    assert!(has("du-ikke-man", 15, Some(58)), "the voice: {found:?}");
    assert!(has("langt-svar", 19, None), "the length of an FAQ answer: {found:?}");
    assert_eq!(found.len(), 5, "nothing else: {found:?}");

    let out = artikel(&["check", dir.path().to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1), "a substitution of severity error fails the check");
    let text = stdout(&out);
    assert!(text.contains("  11:9  error   “sitter” → “sidde”"), "{text}");
    assert!(text.ends_with("3 errors, 1 warning, 1 note in 1 file\n"), "{text}");
}

#[test]
fn a_folder_of_articles_may_bring_its_own_house_rules() {
    let dir = tempfile::tempdir().expect("temp");
    let sub = dir.path().join("ryg");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join("proeve.md"), planted()).expect("write");
    let own = "version: 1\nsubstitutions:\n  - id: trapper\n    find: trapper\n    use: trappen\n    reason: vores ord\n    severity: warning\n";
    std::fs::write(dir.path().join("house-rules.yaml"), own).expect("write rules");
    let found = json_findings(dir.path());
    let rules: Vec<&str> = found.iter().map(|(r, ..)| r.as_str()).collect();
    assert_eq!(rules, ["trapper"], "the folder's rules replace the bundled ones: {found:?}");
    assert_eq!(found[0].1, Some(11));
}

#[test]
fn a_broken_rule_file_is_one_clear_error_and_the_articles_are_still_checked() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("proeve.md"), format!("{HEAD}Intro.\n\n## Om det\n\nTekst.\n"))
        .expect("write");
    std::fs::write(dir.path().join("house-rules.yaml"), "version: 1\nsubstitutions:\n  - id: [x\n")
        .expect("write");
    let out = artikel(&["check", dir.path().to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    let rule_errors: Vec<&str> = text.lines().filter(|l| l.contains("[house-rules]")).collect();
    assert_eq!(rule_errors.len(), 1, "{text}");
    assert!(rule_errors[0].contains("     3  error   the house rules are not valid YAML"), "{text}");
    assert!(text.contains("[question]"), "the article is checked without house rules: {text}");
}

/// Draft links whose targets try to retitle, reset and clear the terminal.
const HOSTILE_LINKS: &str = "[a](<\x1b]0;TITLE\x07.md>) [b](&#x1b;]2;X&#x07;.md) [c](#&#x1b;c) [d](<\x1bc.md#\x1b[2J>) [e](\u{9b}2J.md)\n";

fn assert_inert(bytes: &[u8], context: &str) {
    let shown = String::from_utf8_lossy(bytes);
    assert!(!bytes.contains(&0x1b) && !bytes.contains(&0x07), "{context}: {shown}");
    assert!(!shown.contains('\u{9b}'), "{context}: a raw CSI: {shown}");
}

#[test]
fn link_targets_are_printed_visibly_piped_as_json_and_on_a_terminal() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("links.md"), format!("{HEAD}{HOSTILE_LINKS}")).expect("write");
    let path = dir.path().to_str().expect("path");
    let piped = artikel(&["check", path]);
    assert_inert(&piped.stdout, "piped");
    let text = stdout(&piped);
    assert_eq!(text.matches("[link]").count(), 5, "{text}");
    assert!(text.contains("^[]0;TITLE^G.md") && text.contains("<U+009B>2J.md"), "{text}");

    let json = artikel(&["check", "--json", path]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_inert(value.to_string().as_bytes(), "json");
    for f in value.as_array().expect("list") {
        let message = f["message"].as_str().expect("message");
        assert!(
            !message.chars().any(|c| c.is_control()),
            "decoded JSON holds no control character: {message:?}"
        );
    }

    let data = tempfile::tempdir().expect("data");
    let mut session = common::Session::start(&["check", path], 200, 50, data.path());
    session.wait_text("in 1 file");
    assert!(session.wait_exit(Duration::from_secs(10)).is_some());
    assert_inert(&session.output(), "on a terminal");
}

#[test]
fn two_files_with_one_slug_are_both_checked_and_the_hidden_one_is_warned() {
    let dir = tempfile::tempdir().expect("temp");
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        let body = format!("{HEAD}Intro.\n\n## Om {sub}\n\nTekst.\n");
        std::fs::write(dir.path().join(sub).join("knae.md"), body).expect("write");
    }
    let out = artikel(&["check", dir.path().to_str().expect("path")]);
    let text = stdout(&out);
    assert_eq!(text.matches("[duplicate-slug]").count(), 1, "{text}");
    assert!(text.contains("a/knae.md\n") && text.contains("b/knae.md\n"), "{text}");
    assert!(
        text.contains("“Om a” is not phrased") && text.contains("“Om b” is not phrased"),
        "both linted: {text}"
    );
    assert!(text.ends_with("in 2 files\n"), "{text}");
}

#[test]
fn a_folder_synonym_file_is_checked_too() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("proeve.md"), planted()).expect("write");
    let synonyms = "groups:\n  - [knæ, knæled]\n  - [knæ, ben]\nfarve: rød\n";
    std::fs::write(dir.path().join("synonyms.yaml"), synonyms).expect("write");
    let out = artikel(&["check", dir.path().to_str().expect("path")]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("[synonyms]")).collect();
    assert_eq!(lines.len(), 2, "a word in two groups and an unknown key: {text}");
    assert!(text.contains("synonyms.yaml\n"), "{text}");
    let clean = artikel(&["check"]);
    assert!(!stdout(&clean).contains("[synonyms]"), "the bundled synonyms are valid: {}", stdout(&clean));
}

#[test]
fn the_editors_page_example_rule_file_is_valid() {
    let page = std::fs::read_to_string("docs/editors.md").expect("docs/editors.md");
    let section = page.split("### House rules for `check`").nth(1).expect("the section");
    let example = section.split("```yaml\n").nth(1).and_then(|s| s.split("```").next()).expect("an example");
    let rules = artikel::check::RuleSet::parse(example).expect("the editors' page's example parses");
    assert!(!rules.substitutions.is_empty() && !rules.required.is_empty());
    assert!(rules.voice.is_some() && rules.length.is_some());
}
