//! Makes untrusted text safe to put on a terminal: control characters become visible.
//!
//! Article text, titles and link targets pass through [`visible`] before anything else sees
//! them, so no byte of an article can reach the terminal as a control sequence.

use std::borrow::Cow;

/// Returns `s` with every terminal control character replaced by a visible stand-in.
///
/// C0 controls become caret notation (`ESC` → `^[`), DEL becomes `^?`, C1 controls and the
/// bidirectional controls (overrides, embeddings, isolates and the marks LRM, RLM and ALM)
/// become `<U+XXXX>`. Newlines and tabs are kept: the layout decides what they mean.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !has_controls(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // A Windows line end is a line end, not a carriage return to show.
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Like [`visible`], for text that must stay on one line of output: a file name, a slug, a
/// word the user typed. Newlines, tabs and carriage returns are shown too (`^J`, `^I`, `^M`),
/// so such text can neither break a line of `list` or a warning nor hide its own shape.
pub fn inline(s: &str) -> Cow<'_, str> {
    if !s.contains(['\n', '\t', '\r']) {
        return visible(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' | '\r' => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            c => push_visible(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// Text to show as a title: on one line (every run of white space, line ends included, is one
/// space) and with its control characters visible.
pub fn title(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    visible(&one_line).into_owned()
}

/// Whether `bytes` (valid UTF-8) hold a character to escape, judged on the bytes alone:
/// C0 controls and DEL are single bytes, C1 controls are `C2 80`–`C2 9F`, and the bidi
/// controls are `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`.
fn has_controls(bytes: &[u8]) -> bool {
    // Flag 32-byte chunks with a branch-free pass (which the compiler vectorises), then look
    // closely only at the flagged ones.
    let flag = |b: u8| u8::from(b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2);
    bytes.chunks(32).enumerate().any(|(k, chunk)| {
        chunk.iter().fold(0, |acc, &b| acc | flag(b)) != 0 && controls_in(bytes, k * 32, k * 32 + chunk.len())
    })
}

/// The close look of [`has_controls`] at `bytes[from..to]`.
fn controls_in(bytes: &[u8], from: usize, to: usize) -> bool {
    (from..to).any(|i| match bytes[i] {
        b'\t' | b'\n' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xd8 => bytes.get(i + 1) == Some(&0x9c),
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0x8e..=0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

pub(crate) fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\u{7f}' => out.push_str("^?"),
        c if c < ' ' && needs_escape(c) => {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        }
        c if needs_escape(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::{has_controls, inline, needs_escape, title, visible};

    #[test]
    fn the_byte_scan_agrees_with_the_character_rules() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            // Placed so that the character straddles a 32-byte chunk boundary too.
            for pad in [1, 30, 31] {
                let s = format!("{}{c}b", "a".repeat(pad));
                assert_eq!(has_controls(s.as_bytes()), needs_escape(c), "U+{:04X} at {pad}", c as u32);
            }
        }
    }

    #[test]
    fn plain_danish_text_is_untouched() {
        assert_eq!(visible("Blæresten på ørerne\tog\n"), "Blæresten på ørerne\tog\n");
    }

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        assert_eq!(visible("a\x1b[31mb"), "a^[[31mb");
        assert_eq!(visible("bell\x07"), "bell^G");
        assert_eq!(visible("del\x7f"), "del^?");
        assert_eq!(visible("\u{9b}2J"), "<U+009B>2J");
        assert_eq!(visible("abc\u{202e}cba"), "abc<U+202E>cba");
        assert_eq!(visible("\u{2066}x\u{2069}"), "<U+2066>x<U+2069>");
        assert_eq!(visible("\u{85}"), "<U+0085>");
        assert_eq!(visible("–\u{202a}"), "–<U+202A>");
    }

    #[test]
    fn the_bidirectional_marks_are_shown_like_the_other_bidi_controls() {
        assert_eq!(visible("a\u{200f}b"), "a<U+200F>b");
        assert_eq!(visible("a\u{61c}b"), "a<U+061C>b");
        assert_eq!(visible("\u{200e}"), "<U+200E>");
        assert_eq!(visible("ت\u{200d}ي"), "ت\u{200d}ي", "a joiner is not a control");
    }

    #[test]
    fn inline_text_keeps_to_one_line() {
        assert_eq!(inline("two\nlines\tand\r\n"), "two^Jlines^Iand^M^J");
        assert_eq!(inline("evil\x1b]0;x\x07\u{9b}.md"), "evil^[]0;x^G<U+009B>.md");
        assert_eq!(inline("blære"), "blære");
    }

    #[test]
    fn a_title_is_one_line() {
        assert_eq!(title("  Ondt\ni\r\n ryggen\t\x1b "), "Ondt i ryggen ^[");
    }

    #[test]
    fn windows_line_ends_are_line_ends_and_a_lone_carriage_return_is_shown() {
        assert_eq!(visible("a\r\nb"), "a\nb");
        assert_eq!(visible("over\rwrite"), "over^Mwrite");
    }
}
