//! Inputs that must open and scroll without trouble: huge, deep, wide, strange.

use artikel::app::{Action, App, update};
use artikel::library::{Article, Library, Source};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Opens `text` as an article in the reader at `w`×`h`, pages through it, jumps to its end
/// and back, drawing each time; returns the reader.
fn read_through(text: &[u8], w: u16, h: u16) -> App {
    let (article, _) = Article::from_bytes("nasty".into(), Source::Bundled, text);
    let mut library = Library::default();
    library.insert(article);
    let mut app = App::new(library, 0, artikel::clock::Clock::fixed(2026, 12, 6));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let mut draw = |app: &mut App| {
        terminal.draw(|f| artikel::ui::draw(app, f)).expect("draw");
    };
    update(&mut app, Action::Resize(w, h));
    draw(&mut app);
    for action in [
        Action::PageDown,
        Action::PageDown,
        Action::Down,
        Action::Bottom,
        Action::Up,
        Action::Top,
        Action::NextQuestion,
        Action::Faq,
    ] {
        update(&mut app, action);
        draw(&mut app);
    }
    app
}

fn check_lines(app: &App) {
    for line in app.layout.lines.iter().take(5000) {
        assert!(line.width() <= app.layout.width, "a line of {} in {}", line.width(), app.layout.width);
    }
}

#[test]
fn a_20_mb_article() {
    let text = artikel::corpus::article("Rygsmerter", 20, 20_000_000);
    let app = read_through(text.as_bytes(), 80, 24);
    assert!(app.layout.lines.len() > 300_000, "{}", app.layout.lines.len());
    assert_eq!(app.section(), app.doc.outline.faq(), "f went to the FAQ at the end");
}

#[test]
fn a_1_mb_single_line() {
    let line = "ord ".repeat(250_000);
    let app = read_through(format!("---\nmetaTitle: Lang\n---\n{line}\n").as_bytes(), 80, 24);
    assert!(app.layout.lines.len() > 10_000);
    check_lines(&app);
    let word = "x".repeat(1_000_000);
    let app = read_through(word.as_bytes(), 40, 12);
    assert_eq!(app.layout.lines.len(), 1_000_000usize.div_ceil(usize::from(app.panes().text.width)));
}

#[test]
fn ten_thousand_deep_lists_and_quotes() {
    let lists: String = (0..10_000).map(|i| format!("{}- niveau {i}\n", "  ".repeat(i))).collect();
    let app = read_through(lists.as_bytes(), 80, 24);
    check_lines(&app);
    let quotes = format!("{}dybt citat\n", "> ".repeat(10_000));
    let app = read_through(quotes.as_bytes(), 80, 24);
    check_lines(&app);
    let text: String = app.layout.lines.iter().map(|l| l.text()).collect();
    assert!(text.contains("dybt") && text.contains("citat"), "the words survive the nesting");
}

#[test]
fn a_table_with_200_columns() {
    let header: String = (0..200).map(|i| format!("| k{i} ")).collect::<String>() + "|\n";
    let rule = "|---".repeat(200) + "|\n";
    let row: String = (0..200).map(|i| format!("| v{i} ")).collect::<String>() + "|\n";
    let app = read_through(format!("{header}{rule}{row}").as_bytes(), 80, 24);
    check_lines(&app);
    let text: String = app.layout.lines.iter().map(|l| l.text()).collect();
    assert!(text.contains("k199") && text.contains("v199"), "every cell is shown");
}

#[test]
fn combining_marks_joiners_and_right_to_left_text() {
    let text = "## Spørgsmål?\n\ne\u{301}e\u{301}e\u{301} a\u{308}\u{304} 👩\u{200d}👩\u{200d}👧 👍🏽 שלום עולם مرحبا بالعالم 日本語のテキスト\n";
    for w in [1, 2, 3, 7, 40, 80] {
        let app = read_through(text.as_bytes(), w, 10);
        let all: String = app.layout.lines.iter().map(|l| l.text()).collect();
        assert!(all.contains("שלום") || w < 4, "{w}");
        assert!(all.contains('\u{200d}'), "the joiner stays inside its sequence");
    }
}

#[test]
fn crlf_line_ends_a_byte_order_mark_an_empty_file_and_only_frontmatter() {
    let crlf = "\u{feff}---\r\nmetaTitle: Windows\r\n---\r\n\r\n## Virker det?\r\n\r\nJa.\r\n";
    let app = read_through(crlf.as_bytes(), 80, 24);
    assert_eq!(app.library.articles[0].title, "Windows");
    assert_eq!(app.doc.outline.headings[0].text, "Virker det?");
    let text: String = app.layout.lines.iter().map(|l| l.text()).collect();
    assert!(!text.contains('^'), "no carriage return shown: {text}");
    let app = read_through(b"", 80, 24);
    assert_eq!(app.layout.lines.len(), 0);
    let app = read_through(b"---\nmetaTitle: Kun forside\n---\n", 80, 24);
    assert_eq!(app.library.articles[0].title, "Kun forside");
    assert_eq!(app.percent(), 100);
}

/// Runs `artikel ARGS` and waits for it; a run that has not ended after a minute has hung
/// (the bug this guards against hung forever), and fails rather than stalling the suite.
fn run_to_the_end(args: &[&str]) -> std::process::Output {
    use std::process::{Command, Stdio};
    let data = tempfile::tempdir().expect("temp data dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_artikel"))
        .env("ARTIKEL_LANG", "en")
        .args(args)
        .env("ARTIKEL_DATA_DIR", data.path())
        .env("XDG_CACHE_HOME", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run artikel");
    for _ in 0..600 {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("artikel {args:?} hung");
}

#[test]
fn a_fifo_a_device_and_an_oversized_file_are_skipped_with_a_warning_and_nothing_hangs() {
    use artikel::library::WarningKind;
    let dir = tempfile::tempdir().expect("temp");
    let fifo = std::ffi::CString::new(dir.path().join("fifo.md").into_os_string().into_encoded_bytes())
        .expect("path without NUL");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0, "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.md")).expect("symlink");
    let big = std::fs::File::create(dir.path().join("stor.md")).expect("create");
    big.set_len(artikel::library::MAX_ARTICLE_BYTES + 1).expect("a sparse 64 MB file");
    std::fs::write(dir.path().join("god.md"), "---\nmetaTitle: God\n---\nTekst.\n").expect("write");

    let library = artikel::library::Library::load(&[dir.path().to_path_buf()]);
    assert!(library.position("god").is_some(), "the good article loads");
    for slug in ["fifo", "z", "stor"] {
        assert!(library.position(slug).is_none(), "{slug} is skipped");
    }
    let kinds: Vec<(&str, &WarningKind)> =
        library.warnings.iter().map(|w| (w.file.rsplit('/').next().unwrap_or_default(), &w.kind)).collect();
    assert!(kinds.contains(&("fifo.md", &WarningKind::NotAFile)), "{kinds:?}");
    assert!(kinds.contains(&("z.md", &WarningKind::NotAFile)), "{kinds:?}");
    assert!(
        kinds.iter().any(|(f, k)| *f == "stor.md" && matches!(k, WarningKind::TooLarge { .. })),
        "{kinds:?}"
    );

    let folder = dir.path().to_str().expect("path");
    let search = run_to_the_end(&["--articles", folder, "search", "tekst"]);
    assert!(String::from_utf8_lossy(&search.stdout).starts_with("god › "), "search ends and finds");
    for command in [&["list"][..], &["check"]] {
        let args: Vec<&str> = ["--articles", folder].iter().chain(command).copied().collect();
        let out = run_to_the_end(&args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
        // `list` and `search` warn as `file: message`; `check` puts the file above its findings.
        for (file, message) in [("fifo.md", "is not a regular file"), ("stor.md", "is larger than 64 MB")] {
            let said = err.contains(&format!("{file}: {message}"))
                || err.contains(&format!("{file}\n     -  error   {message}"));
            assert!(said, "{command:?}: {err}");
        }
    }
}

#[test]
fn reading_an_article_file_refuses_a_fifo_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("sent.md");
    let c = std::ffi::CString::new(path.clone().into_os_string().into_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
    // The walk skips a FIFO; this is the file turning into one between the walk and the read.
    assert_eq!(artikel::library::read_article_file(&path), Err(artikel::library::WarningKind::NotAFile));
}
