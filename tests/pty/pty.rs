//! The real binary in a pseudo-terminal: start-up, keys, quitting, and losing the terminal.

use crate::common;

use common::Session;
use std::time::Duration;

const TITLE: &str = "Nervesmerter – Hvad er nervesmerter?";
const FAQ: &str = "Ofte stillede spørgsmål om nervesmerter";

fn data() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp data dir")
}

/// The reader's top line: row 1, right of the sidebar's rule.
fn reader_top(rows: &[String]) -> String {
    let row = rows.get(1).map(String::as_str).unwrap_or_default();
    row.split_once('│').map_or(row, |(_, text)| text).trim().to_string()
}

#[test]
fn plain_artikel_opens_the_first_article_of_the_library() {
    let dir = data();
    let mut s = Session::start(&[], 80, 24, dir.path());
    s.wait_text("Knæsmerter – Årsager, undersøgelse og behandling");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn start_jump_to_the_faq_and_quit_cleanly() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    assert!(s.alternate_screen(), "the reader runs on the alternate screen");
    s.send("f");
    s.wait_for("the FAQ heading at the top of the reader", |rows| reader_top(rows) == FAQ);
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
    assert!(s.left_alternate_screen(), "the alternate screen is left on exit");
    let out = String::from_utf8_lossy(&s.output()).into_owned();
    assert!(out.contains("\x1b[?1049l"), "leaves the alternate screen");
    assert!(out.contains("\x1b[?25h"), "shows the cursor again");
}

#[test]
fn open_with_a_section_starts_there() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter", "--section", "helbredes"], 80, 24, dir.path());
    s.wait_for("the FAQ question at the top", |rows| reader_top(rows) == "Kan nervesmerter helbredes?");
    s.send("\x03");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0), "Ctrl-c quits");
}

#[test]
fn a_lost_terminal_ends_the_reader_promptly_without_spinning() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    let pid = s.pid();
    s.hang_up();
    let code = s.wait_exit(Duration::from_secs(2));
    assert!(code.is_some(), "still running 2 s after the terminal closed");
    assert!(common::cpu_seconds(pid).is_none(), "process {pid} is gone");
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    let before = common::cpu_seconds(s.pid()).expect("running");
    std::thread::sleep(Duration::from_millis(500));
    let idle = common::cpu_seconds(s.pid()).expect("running") - before;
    assert!(idle < 0.05, "an idle reader used {idle} s of CPU in 0.5 s");
    let status = std::process::Command::new("kill").args(["-TERM", &s.pid().to_string()]).status();
    assert!(status.expect("kill").success());
    assert_eq!(s.wait_exit(Duration::from_secs(2)), Some(143));
    assert!(s.left_alternate_screen(), "SIGTERM leaves the alternate screen");
}

#[test]
fn resizing_keeps_the_current_heading_in_view() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    s.send("]]]");
    s.wait_for("third question on top", |rows| reader_top(rows) == "Hvordan diagnosticeres nervesmerter?");
    s.resize(200, 50);
    s.wait_for("the heading still on top at 200×50", |rows| {
        rows[1].trim_end().ends_with("Hvordan diagnosticeres nervesmerter?") && rows[1].contains("Library")
    });
    s.resize(50, 14);
    s.wait_for("the heading on top at 50×14, sidebar hidden", |rows| {
        rows[1].trim() == "Hvordan diagnosticeres nervesmerter?"
    });
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_long_article_paints_at_once_and_reaches_its_end() {
    let dir = data();
    let articles = tempfile::tempdir().expect("temp");
    let text = artikel::corpus::article("Rygsmerter", 11, 3_000_000);
    std::fs::write(articles.path().join("lang.md"), &text).expect("write");
    let folder = articles.path().to_str().expect("utf-8 path");
    let mut s = Session::start(&["--articles", folder, "open", "lang"], 80, 24, dir.path());
    s.wait_text("Rygsmerter – generated article 11");
    s.send("G");
    let last_words = text.trim_end().rsplit(' ').next().expect("a last word").to_string();
    // The reader's last row: the first-run hint is under it (a fresh data folder).
    s.wait_for("the article's last words at the bottom", |rows| rows[21].contains(&last_words));
    s.wait_for("100% in the status line", |rows| rows[23].contains("100%"));
    s.send("f");
    s.wait_for("its FAQ on top", |rows| reader_top(rows) == "Ofte stillede spørgsmål om rygsmerter");
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn palette_to_an_answer_and_backspace_back() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    s.send("]]");
    s.wait_for("the second question on top", |rows| {
        reader_top(rows) == "Hvilke symptomer er forbundet med nervesmerter?"
    });
    s.send("p");
    s.wait_text("Questions");
    s.send("helbred");
    s.wait_text("? Kan nervesmerter helbredes?");
    s.send("\r");
    s.wait_for("the answer's question as the top line", |rows| {
        reader_top(rows) == "Kan nervesmerter helbredes?"
    });
    s.send("\x7f");
    s.wait_for("the previous view back", |rows| {
        reader_top(rows) == "Hvilke symptomer er forbundet med nervesmerter?"
    });
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn find_in_article_counts_its_hits() {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    s.send("/fysio");
    s.wait_for("the first of the hits counted", |rows| {
        rows[23].starts_with(" /fysio") && rows[23].contains(" 1/")
    });
    let total: String = {
        let rows = s.rows();
        let status = &rows[23];
        let at = status.find(" 1/").expect("counter") + 3;
        status[at..].chars().take_while(char::is_ascii_digit).collect()
    };
    assert!(total.parse::<usize>().is_ok_and(|n| n >= 5), "{total}");
    s.send("\r");
    s.send("nn");
    s.wait_for("the third hit counted", |rows| rows[23].contains(&format!("3/{total}")));
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
}

/// Writes a comment of `size` bytes in one burst (inside a bracketed paste or not), then Ctrl-s
/// at once: the save must happen without another key.
fn paste_then_save(size: usize, bracketed: bool) {
    let dir = data();
    let mut s = Session::start(&["open", "nervesmerter"], 80, 24, dir.path());
    s.wait_text(TITLE);
    s.send("a");
    s.wait_text("Comment · Introduction");
    let words = "knæ ryg ".repeat(size / 9 + 1);
    let end = (0..=size).rev().find(|&i| words.is_char_boundary(i)).unwrap_or(0);
    let text = &words[..end];
    let burst = if bracketed { format!("\x1b[200~{text}\x1b[201~\x13") } else { format!("{text}\x13") };
    s.send(&burst);
    s.wait_for(&format!("{size} bytes saved (bracketed: {bracketed})"), |rows| {
        rows.iter().any(|r| r.contains("Comment saved"))
    });
    s.send("q");
    assert_eq!(s.wait_exit(Duration::from_secs(5)), Some(0));
    let ledger = artikel::ledger::Ledger::open(&artikel::ledger::Options::new(dir.path().join("review.db")));
    let comments = ledger.comments(None, true).expect("read");
    assert_eq!(comments.len(), 1);
    assert!(comments[0].text == text.trim_end(), "the whole comment was saved ({size} bytes)");
}

#[test]
fn a_burst_of_a_kilobyte_or_more_is_handled_to_its_last_byte() {
    for size in [1024, 4096, 65_536] {
        paste_then_save(size, false);
        paste_then_save(size, true);
    }
}

#[test]
fn a_pasted_megabyte_is_handled_to_its_last_byte() {
    paste_then_save(1 << 20, true);
    paste_then_save(1 << 20, false);
}

#[test]
fn a_question_naming_a_warning_sign_opens_the_reader_with_its_level_of_care_said() {
    let dir = data();
    let mut s = Session::start(&["værste", "hovedpine", "i", "mit", "liv"], 100, 30, dir.path());
    s.wait_text("Hvornår skal du søge læge ved spændingshovedpine?");
    s.wait_for("the level of care", |rows| {
        rows.iter()
            .map(|r| r.trim())
            .collect::<Vec<_>>()
            .join(" ")
            .contains("⚠ Call 112 now — sudden, very severe headache")
    });
    s.send("q");
    assert!(s.wait_exit(std::time::Duration::from_secs(5)).is_some());
}
