//! Lookup from the shell: `faq`'s runner-ups, `--json` with nothing found, every `search`
//! hit, whole sentences when piped, synonyms and keywords from a folder, and bad queries.

use std::path::Path;
use std::process::{Command, Output};

/// Runs artikel with `args` and an empty data folder; stdout is a pipe.
fn run(args: &[&str]) -> (i32, String, String) {
    let data = tempfile::tempdir().expect("temp data dir");
    let out: Output = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .args(args)
        .env("ARTIKEL_DATA_DIR", data.path())
        .env("XDG_CACHE_HOME", data.path())
        .output()
        .expect("run artikel");
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).expect("UTF-8");
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

#[test]
fn faq_answers_a_question_as_people_ask_it_and_shows_two_runner_ups() {
    let (code, out, _) = run(&["faq", "hvornår", "skal", "jeg", "til", "lægen", "med", "ondt", "i", "knæet"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Hvornår skal du søge læge ved knæsmerter?\n"), "{out}");
    let see_also: Vec<&str> = out.lines().skip_while(|l| *l != "See also").skip(1).collect();
    assert_eq!(see_also.len(), 2, "{out}");
    assert!(see_also.iter().all(|l| l.starts_with("  ") && l.contains('#')), "{see_also:?}");
    let (code, json, _) = run(&["faq", "--json", "lumbago", "hvor", "længe"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let items = v.as_array().expect("an array");
    assert_eq!(items.len(), 3, "the answer and two runner-ups");
    assert_eq!(items[0]["anchor"], "hvor-længe-varer-lændesmerter");
    let scores: Vec<f64> = items.iter().map(|i| i["score"].as_f64().expect("a score")).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
}

#[test]
fn nothing_found_is_an_empty_json_array_and_exit_1() {
    for command in ["faq", "search"] {
        let (code, out, _) = run(&[command, "--json", "kvantefysik"]);
        assert_eq!((code, out.as_str()), (1, "[]\n"), "{command}");
    }
}

#[test]
fn a_query_of_only_common_words_says_so() {
    let (code, out, err) = run(&["faq", "hvad", "er", "det", "jeg", "har"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("only common words"), "{err}");
    let (code, _, err) = run(&["faq", ""]);
    assert_eq!(code, 1);
    assert!(err.contains("no answer"), "{err}");
}

#[test]
fn ten_thousand_words_and_control_characters_are_answered_not_choked_on() {
    let many: Vec<String> = std::iter::repeat_n("skulder".to_string(), 10_000).collect();
    let mut args = vec!["faq"];
    args.extend(many.iter().map(String::as_str));
    let (code, out, err) = run(&args);
    assert_eq!(code, 0);
    assert!(out.contains("skuld"), "{out}");
    assert!(err.contains("only the first"), "{err}");
    let (code, out, _) = run(&["faq", "skulder\u{1b}[2J\u{7}", "natten"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Hvorfor gør skulderen mest ondt om natten?"), "{out}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn piped_search_prints_the_whole_sentence_around_each_hit() {
    let (code, out, _) = run(&["search", "diskusprolaps"]);
    assert_eq!(code, 0);
    let line = out.lines().find(|l| l.contains("årsagerne")).expect("a hit in the causes");
    assert!(line.chars().count() > 80, "not cut to 80 columns: {line}");
    assert!(line.ends_with("nerverod."), "the sentence ends: {line}");
}

#[test]
fn search_prints_every_hit_not_the_first_hundred() {
    let dir = tempfile::tempdir().expect("dir");
    for n in 0..40 {
        let sections: String = (0..4)
            .map(|s| format!("## Hvordan hjælper hoftetræning {s}?\n\nHoftetræning hjælper.\n\n"))
            .collect();
        write(dir.path(), &format!("hofte{n}.md"), &format!("---\nmetaTitle: Hofte {n}\n---\n\n{sections}"));
    }
    let (code, out, _) = run(&["search", "--articles", &dir.path().to_string_lossy(), "hoftetræning"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 160, "every hit");
}

#[test]
fn a_folders_synonyms_and_an_articles_keywords_find_it() {
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        "hofte.md",
        "---\nmetaTitle: Hoftesmerter\nkeywords: [coxartrose]\n---\n\n## Hvad hjælper mod hoftesmerter?\n\nTræning.\n",
    );
    write(dir.path(), "synonyms.yaml", "groups:\n  - [hofte, hofteled, coxa]\n");
    let folder = dir.path().to_string_lossy().to_string();
    let (code, out, _) = run(&["faq", "--articles", &folder, "coxa", "hjælper"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Hvad hjælper mod hoftesmerter?"), "the folder's group: {out}");
    let (_, out, _) = run(&["faq", "--articles", &folder, "coxartrose"]);
    assert!(out.starts_with("Hvad hjælper mod hoftesmerter?"), "the keyword: {out}");
    let (_, out, _) = run(&["faq", "--articles", &folder, "lumbago", "hvor", "længe"]);
    assert!(out.starts_with("Hvor længe varer lændesmerter?"), "the bundled groups still count: {out}");
}

#[test]
fn a_broken_synonym_file_is_a_warning_and_the_library_is_still_searchable() {
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), "synonyms.yaml", "groups:\n  - [ryg, lænd\n");
    let folder = dir.path().to_string_lossy().to_string();
    let (code, _, err) = run(&["list", "--articles", &folder]);
    assert_eq!(code, 0);
    assert!(err.contains("synonyms.yaml") && err.contains("not valid YAML"), "{err}");
    let (code, out, _) = run(&["faq", "--articles", &folder, "nakkepude"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Hvilken pude er bedst til nakken?"), "{out}");
}

#[test]
fn a_warning_sign_gets_when_to_seek_help_with_its_level_of_care_said_first() {
    let (code, out, _) = run(&["faq", "den", "værste", "hovedpine", "i", "mit", "liv", "kom", "pludselig"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("⚠ Call 112 now — sudden, very severe headache"), "{out}");
    assert_eq!(lines.next(), Some("Hvornår skal du søge læge ved spændingshovedpine?"), "{out}");
    let (_, json, _) = run(&["faq", "--json", "folelseslos", "i", "skridtet", "og", "ondt", "i", "lænden"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v[0]["anchor"], "hvornår-skal-du-søge-læge-ved-lændesmerter");
    assert_eq!(v[0]["care"]["level"], "akut", "{json}");
    assert!(v[0]["care"]["advice"].as_str().is_some_and(|a| a.contains("right away")), "{json}");
    let (_, english, _) = run(&["faq", "the", "worst", "headache", "of", "my", "life"]);
    assert!(
        english.starts_with(
            "⚠ Call 112 now — sudden, very severe headache\nHvornår skal du søge læge ved spændingshovedpine?"
        ),
        "{english}"
    );
    let (_, calm, _) = run(&["faq", "--json", "hvor", "længe", "varer", "lændesmerter"]);
    assert!(!calm.contains("\"care\""), "no sign, no level: {calm}");
}

#[test]
fn explain_says_which_article_was_named_what_was_asked_and_why_in_the_interface_language() {
    let (code, out, _) = run(&["faq", "--explain", "mit", "knæ", "klikker,", "er", "det", "slemt"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Hvornår skal du søge læge ved knæsmerter?"), "{out}");
    let why: Vec<&str> = out.lines().skip_while(|l| *l != "Why this answer").collect();
    assert!(why.iter().any(|l| l.starts_with("1. Article: Knæsmerter, named by “knae”")), "{why:?}");
    assert!(why.iter().any(|l| l.contains("whether it is dangerous")), "{why:?}");
    let data = tempfile::tempdir().expect("temp data dir");
    let da = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .args(["--lang", "da", "faq", "--explain", "ibuprofen", "hvor", "mange", "om", "dagen"])
        .env("ARTIKEL_DATA_DIR", data.path())
        .output()
        .expect("run artikel");
    let da = String::from_utf8_lossy(&da.stdout);
    assert!(da.contains("Hvorfor dette svar"), "{da}");
    assert!(da.contains("1. Artikel: spørgsmålet nævner ingen"), "{da}");
    assert!(da.contains("2. Afsnit: spørgsmålet spørger om “behandling”"), "{da}");
    let (_, json, _) = run(&["faq", "--json", "--explain", "knæ", "hvor", "længe"]);
    assert!(json.contains("\"explain\":[\"1. Article: Knæsmerter"), "{json}");
}

#[test]
fn explain_says_when_the_kind_was_learned_from_questions_worded_alike() {
    // "hold i ryggen" and "rette mig op" are in no way of asking the table knows: questions
    // worded alike were answered by self-care, which is what wins.
    let (code, out, _) =
        run(&["faq", "--explain", "hold", "i", "ryggen", "kan", "ikke", "rette", "mig", "op"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Hvad kan du selv gøre ved lændesmerter?"), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("2. Section:")
            && l.contains("“what you can do yourself” (as questions worded alike asked)")),
        "{out}"
    );
}

#[test]
fn what_is_it_answers_with_the_articles_introduction() {
    let (code, out, _) = run(&["faq", "hvad", "er", "spændingshovedpine"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("Spændingshovedpine"), "{out}");
    assert!(lines.next().is_some_and(|l| l.ends_with("· spaendingshovedpine")), "{out}");
    assert!(out.contains("den mest almindelige form for hovedpine"), "the introduction's text: {out}");
}

#[test]
fn slugs_are_taken_with_danish_letters_and_as_a_unique_start() {
    for slug in ["knæsmerter", "knae", "knæ", "KNAESMERTER"] {
        let (code, out, err) = run(&["toc", slug]);
        assert_eq!(code, 0, "{slug}: {err}");
        assert!(out.contains("Hvad er årsagerne til knæsmerter?"), "{slug}: {out}");
    }
    let (code, _, err) = run(&["show", "n", "--no-pager"]);
    assert_eq!(code, 1);
    assert!(err.contains("“n” could be any of: nakkesmerter, nervesmerter"), "{err}");
    let (code, _, err) = run(&["show", "hofte", "--no-pager"]);
    assert_eq!(code, 1);
    assert!(err.contains("no article called “hofte”"), "{err}");
}

#[test]
fn a_body_part_decides_the_article_before_the_kind_of_question() {
    // Each names one body part and asks a kind of question another article's heading says
    // word for word.
    for (question, anchor) in [
        ("hvor længe skal jeg vente med at gå til lægen med mit knæ", "knaesmerter#"),
        ("er det farligt at gå på arbejde med ondt i lænden", "laendesmerter#"),
        ("kan man blive opereret for ondt i skulderen", "skuldersmerter#"),
        ("det sagde smæld i knæet", "knaesmerter#"),
    ] {
        let words: Vec<&str> = question.split(' ').collect();
        let (_, json, _) = run(&[&["faq", "--json"][..], &words].concat());
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let place =
            format!("{}#{}", v[0]["slug"].as_str().unwrap_or(""), v[0]["anchor"].as_str().unwrap_or(""));
        assert!(place.starts_with(anchor), "{question}: {place}");
    }
}

#[test]
fn a_folders_warning_signs_are_used_and_checked() {
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        "hofte.md",
        "---\nmetaTitle: Hoftesmerter\n---\n\nOm hoften.\n\n## Hvornår skal du søge læge ved hoftesmerter?\n\nRing 112 ved brud.\n\n## Hvad kan du selv gøre?\n\nGå ture.\n",
    );
    write(
        dir.path(),
        "warning-signs.yaml",
        "signs:\n  - id: hip-fracture\n    level: \"112\"\n    da: mistanke om hoftebrud\n    en: a suspected broken hip\n    articles: [hofte]\n    says: [hofte fald|faldt]\n    source: test\n",
    );
    let folder = dir.path().to_string_lossy().to_string();
    let (code, out, _) =
        run(&["faq", "--articles", &folder, "mormor", "faldt", "og", "har", "ondt", "i", "hoften"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(
            "⚠ Call 112 now — a suspected broken hip\nHvornår skal du søge læge ved hoftesmerter?"
        ),
        "{out}"
    );
    write(dir.path(), "warning-signs.yaml", "signs:\n  - id: x\n    level: snart\n    says: [x y]\n");
    let (_, out, _) = run(&["check", &folder]);
    assert!(
        out.contains("warning-signs.yaml") && out.contains("“snart” is not 112, akut, samme-dag or dage"),
        "{out}"
    );
}
