//! Makes untrusted text safe to put on a terminal: control characters become visible.
//!
//! Article text, titles and link targets pass through [`visible`] before anything else sees
//! them, so no byte of an article can reach the terminal as a control sequence.

use std::borrow::Cow;

/// Returns `s` with every terminal control character replaced by a visible stand-in.
///
/// C0 controls become caret notation (`ESC` → `^[`), DEL becomes `^?`, C1 controls and the
/// bidirectional overrides and isolates become `<U+XXXX>`. Newlines and tabs are kept:
/// the layout decides what they mean.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
    use super::visible;

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
    }
}
