//! Every sentence exists in both languages: the two-language constants read from the source
//! (so a new one is covered without being listed), and every sentence function called in both.

use super::*;
use std::path::{Path, PathBuf};

/// Words spelled the same in English and Danish, which may stand alike in a `Phrase`.
const SAME_IN_BOTH: &[&str] = &["Note", "note", "Status", "problem", "link", "find"];

/// The files of this folder, but this one.
fn sources() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/strings");
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .expect("src/strings")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && !p.ends_with("tests.rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            (p, text)
        })
        .collect();
    files.sort();
    files
}

/// The string literal at the start of `text` (after blanks), as Rust reads it, and the rest.
fn literal(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &text[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                '\n' => {
                    // A continued line: the newline and the next line's indent are not in it.
                    let rest = &text[i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in 0..skip {
                        chars.next();
                    }
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// Every `Phrase::new("…", "…")` of the folder: (file, English, Danish).
fn phrases() -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for (path, text) in sources() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for (at, _) in text.match_indices("Phrase::new(") {
            let rest = &text[at + "Phrase::new(".len()..];
            let Some((en, rest)) = literal(rest) else { continue };
            let Some((da, _)) = rest.trim_start().strip_prefix(',').and_then(literal) else { continue };
            found.push((name.clone(), en, da));
        }
    }
    found
}

#[test]
fn every_phrase_has_its_english_and_a_danish_of_its_own() {
    let all = phrases();
    assert!(all.len() > 150, "the phrases are read from the source: {}", all.len());
    for (file, en, da) in all {
        assert!(!en.trim().is_empty() && !da.trim().is_empty(), "{file}: an empty side in ({en:?}, {da:?})");
        assert!(en != da || SAME_IN_BOTH.contains(&en.as_str()), "{file}: {en:?} has no Danish of its own");
    }
}

#[test]
fn no_sentence_is_a_plain_str_or_a_function_of_one_language() {
    for (path, text) in sources() {
        let file = path.display();
        for line in text.lines() {
            let l = line.trim_start();
            let one_language =
                l.starts_with("pub const ") && !l.starts_with("pub const fn") && l.contains("str =");
            assert!(!one_language, "{file}: a sentence in one language: {l}");
        }
        // A function whose text has words must choose them by the language.
        for body in text.split("\nfn ").chain(text.split("pub fn ")).skip(1) {
            let body = body.split("\n}\n").next().unwrap_or(body);
            let name = body.split('(').next().unwrap_or_default();
            let worded = body.split('"').skip(1).step_by(2).any(|lit| {
                let bare: String = lit.split('{').map(|p| p.split_once('}').map_or(p, |(_, t)| t)).collect();
                let words = bare.split(|c: char| !c.is_ascii_alphabetic());
                words.filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_lowercase())).count() >= 2
            });
            let chooses = ["Lang::Da", "pick(", "Phrase::new(", "plural("].iter().any(|w| body.contains(w));
            assert!(!worded || chooses || name.starts_with("tests"), "{file}: `{name}` speaks one language");
        }
    }
}

/// Runs `f` with this thread speaking `lang`.
fn speaking<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    set_thread_lang(Some(lang));
    let out = f();
    set_thread_lang(None);
    out
}

/// A sentence function, named, called with sample words.
type Call = (&'static str, fn() -> String);

/// A call of every sentence function, by name.
#[rustfmt::skip]
const CALLS: &[Call] = &[
    ("check_missing_key", || check_missing_key("metaTitle")),
    ("check_stale", || check_stale(18, "01/01/2024")),
    ("check_not_a_question", || check_not_a_question("Om knæ")),
    ("check_empty_section", || check_empty_section("Om knæ")),
    ("check_no_answer", || check_no_answer("Hvad?")),
    ("check_asked_twice", || check_asked_twice("Hvad?", 3)),
    ("check_link_no_article", || check_link_no_article("x.md")),
    ("check_link_no_heading", || check_link_no_heading("x.md#y")),
    ("rules_not_yaml", || rules_not_yaml("x")),
    ("rules_version", || rules_version(2)),
    ("rules_bad_id", || rules_bad_id("X")),
    ("rules_id_taken", || rules_id_taken("x")),
    ("rules_find_not_words", || rules_find_not_words("x")),
    ("rules_substitution_empty", || rules_substitution_empty("x")),
    ("rules_required_empty", || rules_required_empty("x")),
    ("rules_voice_invalid", || rules_voice_invalid("x")),
    ("rules_length_invalid", || rules_length_invalid("x")),
    ("data_file_not_regular", || data_file_not_regular(10)),
    ("rules_unusable", || rules_unusable("x")),
    ("rule_length", || rule_length("Hvad?", 120, 100)),
    ("rule_required", || rule_required("Hvad?", "nævn lægen", &["læge"])),
    ("rule_more", || rule_more(3)),
    ("terminal_error", || terminal_error("x")),
    ("cannot_write", || cannot_write("x")),
    ("warning_line", || warning_line("x")),
    ("list_counts", || list_counts(2, 3)),
    ("check_summary", || check_summary(1, 2, 3, 4)),
    ("status_word", || status_word("approved").to_string()),
    ("kind_word", || kind_word("question").to_string()),
    ("ledger_not_saved", || ledger_not_saved("x")),
    ("ledger_read_only", || ledger_read_only(Path::new("r.db"), "x")),
    ("ledger_newer", || ledger_newer(3, 2)),
    ("ledger_moved_aside", || ledger_moved_aside(Path::new("r.db"), "x", Path::new("r.old"))),
    ("ledger_not_imported", || ledger_not_imported("x")),
    ("ledger_cannot_open", || ledger_cannot_open(Path::new("r.db"), "x")),
    ("not_a_regular_file", || not_a_regular_file(Path::new("r.db-shm"))),
    ("side_file_read_only", || side_file_read_only(Path::new("r.db-shm"))),
    ("ledger_imported", || ledger_imported(2, Path::new("notes.yaml"))),
    ("no_approval", || no_approval("knae", None)),
    ("no_text_kept", || no_text_kept("anne")),
    ("diff_header", || diff_header("anne", "a", "b")),
    ("comment_added", || comment_added("abcdef0123")),
    ("no_comment", || no_comment("abc")),
    ("ledger_chained", || ledger_chained(3)),
    ("trail_holds", || trail_holds(3, "abc")),
    ("trail_breaks", || trail_breaks(Some((1, "t", "a", "approved", "knae")), "x")),
    ("trail_more", || trail_more(2)),
    ("head_not_found", || head_not_found("abc")),
    ("approvals_of", || approvals_of(1, 2)),
    ("blocked_by", || blocked_by("bo", "x")),
    ("request_lifted", || request_lifted("bo", "anne", "x")),
    ("no_request", || no_request("bo", "knae")),
    ("not_all_approved", || not_all_approved(2)),
    ("policy_text", || policy_text(2, &["anne".to_string()])),
    ("renamed_from", || renamed_from("knae", false)),
    ("renamed", || renamed("knae", "knae2")),
    ("nothing_under", || nothing_under("knae")),
    ("sections_ambiguous", || sections_ambiguous("x")),
    ("comment_ambiguous", || comment_ambiguous("ab")),
    ("ledger_unsafe_place", || ledger_unsafe_place(Path::new("x.db"), "NFS")),
    ("report_policy", || report_policy(2, &[])),
    ("report_version", || report_version("abc", 1, 2)),
    ("report_decision", || report_decision("anne", "approved", "2026-01-01", "abc", true)),
    ("warning_not_utf8", || warning_not_utf8(3)),
    ("warning_not_yaml", || warning_not_yaml(Some((1, 2)), "x")),
    ("warning_not_a_date", || warning_not_a_date("lastUpdated", "i går")),
    ("warning_duplicate_slug", || warning_duplicate_slug("knae", "a.md")),
    ("warning_too_large", || warning_too_large(9 << 20, 8 << 20)),
    ("warning_cannot_read", || warning_cannot_read("x")),
    ("warning_cannot_open", || warning_cannot_open("x")),
    ("warning_cannot_open_folder", || warning_cannot_open_folder("x")),
    ("warning_cannot_read_folder", || warning_cannot_read_folder("x")),
    ("data_dir_not_a_folder", || data_dir_not_a_folder("/x", DataDirFrom::Flag)),
    ("data_dir_unusable", || data_dir_unusable("/x", DataDirFrom::Platform, "x")),
    ("width_too_small", || width_too_small(20)),
    ("width_not_a_number", || width_not_a_number(20)),
    ("synonyms_not_yaml", || synonyms_not_yaml("x")),
    ("synonyms_unknown_key", || synonyms_unknown_key("x")),
    ("synonyms_empty_group", || synonyms_empty_group(1)),
    ("synonyms_twice", || synonyms_twice("ryg", 1, 2)),
    ("synonyms_group_too_long", || synonyms_group_too_long(1, 90, 64)),
    ("synonyms_too_many", || synonyms_too_many(900, 500)),
    ("synonyms_bad_entry", || synonyms_bad_entry("expand", "x")),
    ("synonyms_not_a_map", || synonyms_not_a_map("expand")),
    ("synonyms_not_a_list", || synonyms_not_a_list("remove")),
    ("signs_not_yaml", || signs_not_yaml("x")),
    ("signs_unknown_key", || signs_unknown_key("x")),
    ("sign_missing", || sign_missing("a", "says")),
    ("sign_unknown_class", || sign_unknown_class("a", "fald")),
    ("sign_bad_level", || sign_bad_level("a", "soon")),
    ("sign_twice", || sign_twice("a", 1, 2)),
    ("signs_too_many", || signs_too_many(9, 1)),
        ("explain_article", || explain_article("Knæsmerter", "“knæet”")),
    ("explain_kinds", || explain_kinds("“hvor længe”")),
    ("explain_sign", || explain_sign("x", "y")),
    ("explain_answer", || explain_answer("Hvad?", 1.0)),
    ("warnings_found", || warnings_found(2)),
    ("not_in_article", || not_in_article("x")),
    ("review_set", || review_set("x")),
    ("copied", || copied("Hvad?", 40)),
    ("help_select_text", || help_select_text("M")),
    ("no_section", || no_section("x")),
    ("no_answer", || no_answer("x")),
    ("nothing_found", || nothing_found("x")),
    ("no_anchor", || no_anchor("x")),
    ("unknown_slug", || unknown_slug("x", "knae")),
    ("ambiguous_slug", || ambiguous_slug("n", "nakkesmerter, nervesmerter")),
    ("updated", || updated("01/01/2026")),
    ("published", || published("01/01/2026")),
    ("index_failed", || index_failed("x")),
    ("not_saved", || not_saved("x", true)),
    ("draft_not_kept", || draft_not_kept("x")),
    ("unsaved_at_exit", || unsaved_at_exit(2)),
    ("screen_too_large", || screen_too_large(500, 300)),
    ("only_common_words", || only_common_words("jeg det")),
    ("query_cut", || query_cut(32)),
    ("more_hits", || more_hits(50, 300)),
    ("find_cut", || find_cut(200)),
    ("library_title", || library_title(2)),
    ("serve_started", || serve_started("127.0.0.1:2222", "SHA256:x", true, "/k")),
    ("serve_cannot_open_log", || serve_cannot_open_log("x")),
    ("serve_cannot_listen", || serve_cannot_listen("127.0.0.1:22", "x")),
    ("serve_full", || serve_full(64)),
    ("serve_busy", || serve_busy(1)),
    ("serve_grace", || serve_grace(20)),
    ("serve_replaced", || serve_replaced(4)),
    ("serve_host_key_unreadable", || serve_host_key_unreadable("/k", "x")),
    ("serve_host_key_not_a_key", || serve_host_key_not_a_key("/k", "x")),
    ("serve_host_key_passphrase", || serve_host_key_passphrase("/k")),
    ("serve_host_key_unsupported", || serve_host_key_unsupported("/k", "RSA, 1024 bits")),
    ("serve_host_key_exposed", || serve_host_key_exposed("/k", 0o644)),
    ("store_newer", || store_newer("notes.yaml", 3)),
    ("larger_than", || larger_than(128 << 20)),
    ("store_unreadable", || store_unreadable("notes.yaml", "x")),
    ("draft_unreadable", || draft_unreadable("draft.yaml", "x")),
    ("draft_not_moved", || draft_not_moved("draft.yaml", "x", "y")),
    ("store_not_a_folder", || store_not_a_folder("/x")),
    ("store_busy", || store_busy("notes.yaml")),
    ("store_write_failed", || store_write_failed("notes.yaml", "x")),
    ("store_at", || store_at(1, 2, "x")),
    ("store_moved_aside", || store_moved_aside("notes.yaml", "x", "y")),
    ("store_not_moved", || store_not_moved("notes.yaml", "x", "y")),
    ("store_too_large", || store_too_large("notes.yaml", 401, 9 << 20, 400, 8 << 20)),
    ("key_label", || key_label("Space PgDn").to_string()),
    ("decide_title", || decide_title("knaesmerter", "1a2b3c4d")),
    ("decide_comment", || decide_comment(true)),
    ("withdraw_prompt", withdraw_prompt),
    ("override_prompt", || override_prompt("bo")),
    ("comment_head", || comment_head(true, "bo", "2026-12-01", "1a2b3c4d")),
    ("decided", || decided(false, "1a2b3c4d")),
    ("ledger_queued", || ledger_queued("x")),
    ("diff_since", || diff_since(false, "mette", "1a2b", "3c4d")),
    ("ledger_unsaved_at_exit", || ledger_unsaved_at_exit(2)),
    ("links_in_section", || links_in_section("Hvad?")),
    ("links_in_article_not_section", || links_in_article_not_section("Hvad?")),
    ("link_address", || link_address("https://x.dk")),
    ("link_no_article", || link_no_article("x.md")),
    ("link_no_heading", || link_no_heading("x.md#y")),
    ("link_broken", || link_broken("x")),
    ("config_file", || config_file("/s.toml", false)),
    ("from_file", || from_file(3)),
    ("from_env", || from_env("ARTIKEL_LANG")),
    ("from_flag", || from_flag("--lang")),
    ("settings_unreadable", || settings_unreadable("/s.toml", "x")),
    ("settings_not_toml", || settings_not_toml("/s.toml", 2, "x")),
    ("unknown_setting", || unknown_setting("/s.toml", 2, "colour", "theme")),
    ("bad_value", || bad_value("/s.toml", 2, "mouse", "true or false", "true")),
    ("unknown_action", || unknown_action("/s.toml", 2, "fly")),
    ("unknown_key", || unknown_key("/s.toml", 2, "quit", "Hyper-q")),
    ("key_twice", || key_twice("/s.toml", 2, "x", "quit", "help")),
    ("exit_key_stays", || exit_key_stays("/s.toml", 2, "exit")),
    ("settings_problems", || settings_problems(2)),
    ("unknown_theme", || unknown_theme("pink", "default, mono")),
    ("reloaded", || reloaded("x.md")),
    ("reloaded_many", || reloaded_many(3)),
    ("article_added", || article_added("x.md")),
    ("open_article_deleted", || open_article_deleted("x.md")),
    ("article_deleted", || article_deleted("x.md")),
    ("watch_failed", || watch_failed("x")),
    ("pager_failed", || pager_failed("less", "x")),
    ("man_failed", || man_failed("x")),
    ("legend_stale", || legend_stale(18)),
    ("parse_failed", || parse_failed("x")),
    ("key_went_to", || key_went_to("x", "next_question")),
    ("bundled_back", || bundled_back("x.md")),
    ("level_short", || level_short(crate::care::Level::Now).to_string()),
    ("sign_level", || sign_level("x", "y", "z", "w")),
    ("sign_not_named", || sign_not_named("x", "y", "z")),
    ("medicine_cautions", || medicine_cautions("x", "y")),
    ("medicine_dose", || medicine_dose("x", "2 g", false, "1 g")),
    ("medicine_interval", || medicine_interval("x", 2.0, 4.0)),
    ("region_number", || region_number("x", "1", "2", "m")),
    ("pg_passfile_open", || pg_passfile_open(std::path::Path::new("/x"))),
    ("pg_unreachable", || pg_unreachable("postgres://a@b/c", "y")),
    ("pg_newer", || pg_newer(3, 1)),
    ("ledger_migrated", || ledger_migrated(3, "abc")),
    ("pg_roots_unreadable", || pg_roots_unreadable(std::path::Path::new("/x"), "y")),
    ("ledger_down", || ledger_down("x")),
    ("pg_password_in_settings", || pg_password_in_settings("x.toml", 1)),
    ("pg_sslmode_unknown", || pg_sslmode_unknown("x")),
    ("ledger_source_unusable", || ledger_source_unusable(std::path::Path::new("/x"), "y")),
];

/// Functions that only put the user's or the article's own words together.
const NO_WORDS_OF_THEIR_OWN: &[&str] = &["rule_substitution", "rule_voice"];

#[test]
fn every_sentence_function_says_it_in_english_and_differently_in_danish() {
    for (name, call) in CALLS {
        let (en, da) = (speaking(Lang::En, call), speaking(Lang::Da, call));
        assert!(!en.is_empty() && !da.is_empty(), "{name}: an empty side");
        assert_ne!(en, da, "{name} says the same in Danish");
    }
    // And none is left out of the list above.
    for (path, text) in sources() {
        for name in text.lines().filter_map(|l| l.strip_prefix("pub fn ")).filter_map(|l| l.split('(').next())
        {
            let mine = !path.ends_with("lang.rs") && !NO_WORDS_OF_THEIR_OWN.contains(&name);
            let listed = CALLS.iter().any(|(n, _)| *n == name);
            assert!(!mine || listed || !ours(&path), "{}: `{name}` is not called here", path.display());
        }
    }
}

/// The files of this folder whose every function [`CALLS`] must call: all but the mechanism
/// in `lang.rs`.
fn ours(path: &Path) -> bool {
    !path.ends_with("lang.rs")
}

#[test]
fn plurals_agree_with_their_number() {
    let both = |f: fn() -> String| (speaking(Lang::En, f), speaking(Lang::Da, f));
    assert_eq!(
        both(|| warnings_found(1)),
        (
            "1 problem loading articles — press w to see".into(),
            "1 problem med at indlæse artikler — tryk w for at se".into()
        )
    );
    assert!(both(|| warnings_found(2)).1.starts_with("2 problemer med"));
    assert!(both(|| warnings_found(2)).0.starts_with("2 problems loading"));
    assert_eq!(
        both(|| unsaved_at_exit(1)).1,
        "artikel: 1 ændring af noter, bogmærker eller gennemgange kunne ikke gemmes"
    );
    assert!(both(|| unsaved_at_exit(2)).1.starts_with("artikel: 2 ændringer af"));
    assert!(both(|| unsaved_at_exit(1)).0.starts_with("artikel: 1 change to"));
    assert_eq!(
        both(|| check_summary(1, 2, 1, 3)),
        ("1 error, 2 warnings, 1 note in 3 files".into(), "1 fejl, 2 advarsler, 1 note i 3 filer".into())
    );
    assert_eq!(
        both(|| check_summary(2, 1, 3, 1)),
        ("2 errors, 1 warning, 3 notes in 1 file".into(), "2 fejl, 1 advarsel, 3 noter i 1 fil".into())
    );
    assert_eq!(both(|| library_title(1)), ("Library · 1 changed".into(), "Bibliotek · 1 ændret".into()));
    assert_eq!(both(|| library_title(2)).1, "Bibliotek · 2 ændrede");
    // An approval the text changed since and an old lastUpdated date are told apart, in
    // both languages: neither says the other's words.
    let (changed, old) = (both(|| library_title(2)), both(|| legend_stale(12)));
    for (c, o) in [(changed.0, old.0), (changed.1, old.1)] {
        assert!(!c.contains("updated") && !c.contains("opdateret") && !c.contains("forældet"), "{c}");
        assert!(!o.contains("changed") && !o.contains("ændre") && !o.contains("forældet"), "{o}");
    }
    let about = (ABOUT_STALE_MONTHS.en, ABOUT_STALE_MONTHS.da);
    assert!(!about.0.contains("is stale") && !about.1.contains("forældet"), "{about:?}");
    assert_eq!(
        both(|| copied("X", 1)),
        (
            "Sent “X” to the terminal's clipboard (OSC 52): 1 character".into(),
            "Sendte “X” til terminalens udklipsholder (OSC 52): 1 tegn".into()
        )
    );
    assert_eq!(both(|| list_counts(1, 0)).0, " 1 question    0 FAQ");
}

#[test]
fn a_phrase_pads_as_a_str_does() {
    assert_eq!(speaking(Lang::Da, || format!("[{:<8}]", SEVERITY_WARNING)), "[advarsel]");
    assert_eq!(speaking(Lang::En, || format!("[{:<8}]", SEVERITY_ERROR)), "[error   ]");
}
