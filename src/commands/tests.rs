//! The printing commands on buffers: what they write, what they warn, and that the terminal
//! they are told of (not the process's stdout) decides styling and width.

use super::*;

/// What `request` printed, warned and returned, told `terminal` of `columns`.
fn ran(
    request: &Request,
    library: &Library,
    terminal: bool,
    columns: Option<usize>,
) -> (String, Vec<String>, Result<i32, Failure>) {
    let index = OnceLock::new();
    let ledger = || Err(Failure::failed("no ledger here"));
    let shelf = Shelf { library, index: &index, ledger: &ledger };
    let (mut out, mut warnings) = (Vec::new(), Vec::new());
    let mut warn = |line: &str| warnings.push(line.to_string());
    let result = run(request, &shelf, &mut Io { out: &mut out, warn: &mut warn, terminal, columns });
    (String::from_utf8(out).expect("utf-8"), warnings, result)
}

#[test]
fn an_article_is_styled_and_fitted_only_on_the_terminal_it_is_told_of() {
    let library = Library::bundled();
    let show = Request::Show { slug: "nervesmerter".into(), width: None };
    let (plain, _, code) = ran(&show, &library, false, Some(40));
    assert_eq!(code, Ok(0));
    assert!(!plain.contains('\x1b'), "no styling into a pipe");
    assert!(plain.lines().any(|l| l.chars().count() > 40), "80 columns into a pipe, whatever the terminal");
    let (styled, _, _) = ran(&show, &library, true, Some(40));
    assert!(styled.contains("\x1b[1m"), "styled on a terminal");
    let widest = styled.lines().map(|l| crate::layout::display_width(&strip(l))).max().unwrap_or(0);
    assert!(widest <= 40, "fitted to the terminal's 40 columns: {widest}");
    let asked = Request::Show { slug: "nervesmerter".into(), width: Some(30) };
    let (narrow, _, _) = ran(&asked, &library, true, Some(100));
    assert!(narrow.lines().all(|l| crate::layout::display_width(&strip(l)) <= 30), "--width wins");
}

/// `line` without its SGR sequences.
fn strip(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            chars.by_ref().find(|c| *c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_search_says_whole_sentences_unless_on_a_terminal() {
    let library = Library::bundled();
    let search = Request::Search { words: vec!["smerter".into()], json: false, width: None };
    let (whole, _, _) = ran(&search, &library, false, Some(80));
    assert!(whole.lines().any(|l| l.chars().count() > 80), "the sentence around each hit: {whole}");
    let (cut, _, _) = ran(&search, &library, true, Some(80));
    assert!(cut.lines().all(|l| crate::layout::display_width(&strip(l)) <= 80), "cut to 80: {cut}");
}

#[test]
fn warnings_go_to_the_sink_and_the_ledger_is_asked_for_only_by_a_reading() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let library = Library::load(&[fixtures]);
    assert!(!library.warnings.is_empty(), "the fixtures have problems");
    let (out, warnings, code) = ran(&Request::List { json: false }, &library, false, None);
    assert_eq!(code, Ok(0), "a list needs no ledger");
    assert_eq!(warnings.len(), library.warnings.len());
    assert!(warnings.iter().all(|w| w.starts_with("warning: ")), "{warnings:?}");
    assert!(!out.contains("warning"), "{out}");
    let (out, _, code) =
        ran(&Request::Ledger(Reading::Log { slug: None, json: false }), &library, false, None);
    assert_eq!(code, Err(Failure::failed("no ledger here")), "the shelf's answer for the ledger");
    assert!(out.is_empty());
}

#[test]
fn a_closed_pipe_is_not_an_error_and_another_failure_is() {
    struct Closed(std::io::ErrorKind);
    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    assert_eq!(write_to(&mut Closed(std::io::ErrorKind::BrokenPipe), "x"), Ok(()));
    let full = write_to(&mut Closed(std::io::ErrorKind::StorageFull), "x").expect_err("a full disk");
    assert_eq!(full.code(), 1);
}
