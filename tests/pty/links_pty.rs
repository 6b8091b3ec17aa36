//! The real binary in a pseudo-terminal: following a link to another article and coming back
//! to the same place, and external links as terminal hyperlinks only when asked for.

use crate::common;

use common::Session;
use std::path::Path;
use std::time::Duration;

const BETA_TITLE: &str = "Beta – målet";
const ALFA_TITLE: &str = "Alfa – om links";

/// A folder with two small articles: alfa links to beta (and outside), beta to nothing.
fn articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp articles");
    let paragraphs: String = (1..=30).map(|n| format!("Afsnit nummer {n}.\n\n")).collect();
    let alfa = format!(
        "---\nmetaTitle: {ALFA_TITLE}\nlastUpdated: 01/06/2026\ndatePublished: 01/01/2026\n---\n\nIndledning.\n\n## Hvad er årsagerne?\n\nLæs [om beta](beta.md) eller hos [FysFinder](https://fysfinder.dk).\n\n{paragraphs}"
    );
    let beta = format!(
        "---\nmetaTitle: {BETA_TITLE}\nlastUpdated: 01/06/2026\ndatePublished: 01/01/2026\n---\n\nBetas første linje.\n\n## Hvad er beta?\n\nEt afsnit.\n"
    );
    write(dir.path(), "alfa.md", &alfa);
    write(dir.path(), "beta.md", &beta);
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write article");
}

fn start(articles: &Path, data: &Path, extra: &[&str]) -> Session {
    let folder = articles.to_str().expect("utf-8 path");
    let mut args = vec!["--articles", folder];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["open", "alfa"]);
    Session::start_with(&args, 80, 24, data, &[("ARTIKEL_LANG", "en")])
}

/// The reader's rows (right of the sidebar), which say where in the text the reader is.
fn reader_rows(rows: &[String]) -> Vec<String> {
    rows.iter()
        .skip(1)
        .take(21)
        .map(|r| r.split_once('│').map_or(r.as_str(), |(_, t)| t).to_string())
        .collect()
}

#[test]
fn l_enter_follows_a_link_to_another_article_and_backspace_returns_to_the_same_place() {
    let (articles, data) = (articles(), tempfile::tempdir().expect("data"));
    let mut s = start(articles.path(), data.path(), &[]);
    s.wait_text(ALFA_TITLE);
    s.send("]");
    s.wait_for("the section at the top", |rows| rows[1].contains("Hvad er årsagerne?"));
    s.send("jjj");
    s.wait_for("three lines down", |rows| rows[1].contains("<https://fysfinder.dk>."));
    let before = reader_rows(&s.rows());
    s.send("l");
    s.wait_text("Links in “Hvad er årsagerne?”");
    s.wait_text("om beta → Beta – målet");
    s.send("\r");
    s.wait_for("beta open", |rows| {
        rows[0].contains(BETA_TITLE) && rows.iter().any(|r| r.contains("Betas første linje."))
    });
    s.send("\x7f");
    s.wait_for("alfa again at the same place", |rows| {
        rows[0].contains(ALFA_TITLE) && reader_rows(rows) == before
    });
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn external_links_are_hyperlinks_only_with_the_flag() {
    let (articles, data) = (articles(), tempfile::tempdir().expect("data"));
    for (flag, want) in [(None, false), (Some("--hyperlinks"), true)] {
        let mut s = start(articles.path(), data.path(), flag.as_slice());
        s.wait_text(ALFA_TITLE);
        s.send("]");
        s.wait_for("the links in view", |rows| rows.iter().any(|r| r.contains("→FysFinder")));
        s.send("q");
        assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
        let out = String::from_utf8_lossy(&s.output()).into_owned();
        let link = "\x1b]8;;https://fysfinder.dk\x1b\\";
        assert_eq!(out.contains(link), want, "{flag:?}");
        assert_eq!(out.contains("\x1b]8;"), want, "no other hyperlink either: {flag:?}");
        if want {
            let opened = out.find(link).expect("opened");
            let closed = out[opened..].find("\x1b]8;;\x1b\\").expect("closed after");
            assert!(out[opened..opened + closed].contains("FysFinder"), "the link's text is inside");
        }
    }
}
