//! `artikel check`'s cache of findings: what it prints is what a check without the cache
//! prints, an article changed by one byte or put under another rule file is checked again,
//! another day finds what is stale then, and a damaged cache file is ignored.

use std::path::Path;
use std::process::Command;

/// `check --json DIR` with the cache in `cache` (or `--no-cache`): its standard output.
fn check(dir: &Path, cache: &Path, use_cache: bool) -> String {
    check_on("2026-12-06", dir, cache, use_cache)
}

/// [`check`] on the day `today`.
fn check_on(today: &str, dir: &Path, cache: &Path, use_cache: bool) -> String {
    let data = tempfile::tempdir().expect("temp data dir");
    let mut args = vec!["check", "--json", dir.to_str().expect("path")];
    if !use_cache {
        args.push("--no-cache");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .env("ARTIKEL_TODAY", today)
        .env("ARTIKEL_DATA_DIR", data.path())
        .env("XDG_CACHE_HOME", cache)
        .args(&args)
        .output()
        .expect("run artikel");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The cache's file, wherever the platform puts it under `cache`.
fn cache_file(cache: &Path) -> Option<std::path::PathBuf> {
    let mut dirs = vec![cache.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).ok()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.file_name().is_some_and(|n| n == "check-findings.json") {
                return Some(path);
            }
        }
    }
    None
}

#[test]
fn findings_with_the_cache_are_those_without_and_a_changed_article_is_checked_again() {
    let dir = tempfile::tempdir().expect("articles");
    let cache = tempfile::tempdir().expect("cache");
    for (slug, text) in artikel::corpus::library(3, 3000) {
        std::fs::write(dir.path().join(format!("{slug}.md")), text).expect("written");
    }
    let fresh = check(dir.path(), cache.path(), false);
    assert!(fresh.contains("\"rule\": \"stale\""), "{fresh}");
    assert!(cache_file(cache.path()).is_none(), "--no-cache writes no cache");
    let cold = check(dir.path(), cache.path(), true);
    assert!(cache_file(cache.path()).is_some(), "the first run fills the cache");
    let warm = check(dir.path(), cache.path(), true);
    assert_eq!(cold, fresh);
    assert_eq!(warm, fresh);

    // Nine months earlier, fewer articles were stale: the day counts, through staleness.
    let earlier = check_on("2026-03-01", dir.path(), cache.path(), true);
    assert_ne!(earlier, warm);
    assert_eq!(earlier, check_on("2026-03-01", dir.path(), cache.path(), false));

    // One byte of one article: its last update a year later, so it is no longer stale.
    let first = dir.path().join("artikel-00001.md");
    let text = std::fs::read_to_string(&first).expect("read");
    let edited = text.replacen("lastUpdated: 21/11/2025", "lastUpdated: 21/11/2026", 1);
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    std::fs::write(&first, edited).expect("written");
    let after_edit = check(dir.path(), cache.path(), true);
    assert_ne!(after_edit, warm, "the edited article is checked again");
    assert_eq!(after_edit, check(dir.path(), cache.path(), false));

    // The same texts under a rule file of their own with no house rules.
    std::fs::write(dir.path().join("house-rules.yaml"), "version: 1\n").expect("written");
    let other_rules = check(dir.path(), cache.path(), true);
    assert_ne!(other_rules, after_edit, "the articles are checked with the new rules");
    assert_eq!(other_rules, check(dir.path(), cache.path(), false));
    assert!(!other_rules.contains("saerskrivning"), "{other_rules}");
}

#[test]
fn a_damaged_cache_file_is_ignored_and_replaced() {
    let dir = tempfile::tempdir().expect("articles");
    let cache = tempfile::tempdir().expect("cache");
    for (slug, text) in artikel::corpus::library(2, 3000) {
        std::fs::write(dir.path().join(format!("{slug}.md")), text).expect("written");
    }
    let fresh = check(dir.path(), cache.path(), false);
    assert_eq!(check(dir.path(), cache.path(), true), fresh);
    let file = cache_file(cache.path()).expect("a cache file");
    let kept = std::fs::read_to_string(&file).expect("read");
    // A finding's message changed in the file without its checksum: not believed.
    let forged = kept.replacen("stale", "fine", 1);
    assert_ne!(forged, kept);
    std::fs::write(&file, &forged).expect("written");
    assert_eq!(check(dir.path(), cache.path(), true), fresh);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), kept, "written anew");
    std::fs::write(&file, "not a cache").expect("written");
    assert_eq!(check(dir.path(), cache.path(), true), fresh);
}

#[test]
fn an_article_that_links_to_another_is_checked_again_when_the_other_changes() {
    let dir = tempfile::tempdir().expect("articles");
    let cache = tempfile::tempdir().expect("cache");
    let head = "---\nmetaTitle: Prøve\nlastUpdated: 01/11/2026\ndatePublished: 01/10/2026\n---\n\n";
    let linking = format!("{head}Læs [mere](andet.md#hvad-er-det).\n");
    std::fs::write(dir.path().join("forside.md"), linking).expect("written");
    std::fs::write(dir.path().join("andet.md"), format!("{head}## Hvad er det?\n\nTekst.\n"))
        .expect("written");
    let before = check(dir.path(), cache.path(), true);
    assert!(!before.contains("\"rule\": \"link\""), "{before}");
    // Only the linked article changes: its heading, so the anchor leads nowhere now.
    std::fs::write(dir.path().join("andet.md"), format!("{head}## Hvem er det?\n\nTekst.\n"))
        .expect("written");
    let after = check(dir.path(), cache.path(), true);
    assert!(after.contains("\"rule\": \"link\""), "{after}");
    assert_eq!(after, check(dir.path(), cache.path(), false));
}
