//! Terminal hyperlinks (OSC 8): which cells of a frame link where, the addresses a terminal
//! may be given, and the sequences that open and close a link.
//!
//! An address is refused unless it is `http:`, `https:` or `mailto:`, has no control
//! characters (so no ESC, BEL or ST can end the sequence early) and is not absurdly long;
//! what is left outside printable ASCII is percent-encoded, as the URI syntax wants.

use std::collections::BTreeMap;
use std::sync::Arc;

/// A run of cells on one row that links to `url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hyperlink {
    /// The first column.
    pub x: u16,
    /// The row.
    pub y: u16,
    /// How many columns.
    pub width: u16,
    /// Where it leads, as written in the article (made safe by [`safe_url`] before use).
    pub url: String,
}

/// The longest address sent; terminals cut or refuse longer ones (VTE stops at 2083).
pub const MAX_URL: usize = 2048;

/// The hyperlinked cells of a screen: (row, column) to the address, row by row.
pub type Linked = BTreeMap<(u16, u16), Arc<str>>;

/// `url` as it may be sent in OSC 8, or `None` when it must not be: a scheme other than
/// http, https or mailto; any control character (C0, DEL, C1 — ESC, BEL and ST among them);
/// longer than [`MAX_URL`] once encoded.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim_matches(' ');
    let scheme = url.split_once(':')?.0.to_ascii_lowercase();
    if !matches!(scheme.as_str(), "http" | "https" | "mailto") {
        return None;
    }
    if url.chars().any(char::is_control) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() {
            out.push(c);
        } else {
            let mut bytes = [0u8; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        if out.len() > MAX_URL {
            return None;
        }
    }
    Some(out)
}

/// The cells `links` cover inside a `width`×`height` screen, their addresses made safe
/// (links with unsafe addresses are left out).
pub fn cells(links: &[Hyperlink], width: u16, height: u16) -> Linked {
    let mut cells = Linked::new();
    for link in links.iter().filter(|l| l.y < height && l.x < width) {
        let Some(url) = safe_url(&link.url) else { continue };
        let url: Arc<str> = Arc::from(url);
        for x in link.x..link.x.saturating_add(link.width).min(width) {
            cells.insert((link.y, x), Arc::clone(&url));
        }
    }
    cells
}

/// The sequence that starts a link to `url` (already made safe), or ends one (`None`).
pub fn sequence(url: Option<&str>) -> String {
    format!("\x1b]8;;{}\x1b\\", url.unwrap_or(""))
}

/// The rows where two screens' links differ.
pub fn rows_differing(a: &Linked, b: &Linked) -> std::collections::BTreeSet<u16> {
    let mut rows = std::collections::BTreeSet::new();
    for (key, url) in a {
        if b.get(key) != Some(url) {
            rows.insert(key.0);
        }
    }
    for key in b.keys() {
        if !a.contains_key(key) {
            rows.insert(key.0);
        }
    }
    rows
}

impl<W: std::io::Write> super::Ansi<W> {
    /// Sets the hyperlinks of the next frame drawn (made safe; the unsafe left out). A frame
    /// drawn without them has none.
    pub fn set_hyperlinks(&mut self, links: &[Hyperlink]) {
        // Cut to the frame's size when it is written (it may not be the size shown now).
        self.next_links = cells(links, super::MAX_SIZE.width, super::MAX_SIZE.height);
    }

    /// Opens the hyperlink `url` for the cells written next, or closes the open one.
    pub(super) fn set_link(&mut self, url: Option<Arc<str>>) -> std::io::Result<()> {
        if self.link_pen != url {
            self.out.write_all(sequence(url.as_deref()).as_bytes())?;
            self.link_pen = url;
        }
        Ok(())
    }

    /// Whether cell (`x`, `y`) of the next frame is hyperlinked.
    pub(super) fn linked(&self, x: u16, y: u16) -> bool {
        self.next_links.contains_key(&(y, x))
    }

    /// Adds to `changed` (the columns of row `y` to write) those whose hyperlink changes.
    pub(super) fn add_relinked(&self, changed: &mut Vec<u16>, y: u16, width: u16) {
        let differs = |x: u16| self.links.get(&(y, x)) != self.next_links.get(&(y, x));
        changed.extend((0..width).filter(|&x| differs(x)));
        changed.sort_unstable();
        changed.dedup();
    }

    /// Where the blanks that end row `y` start (`tail`, from the cells), moved past its last
    /// hyperlinked cell.
    pub(super) fn linked_tail(&self, tail: Option<u16>, y: u16, width: u16) -> Option<u16> {
        let last = self.next_links.range((y, 0)..=(y, u16::MAX)).next_back().map(|(&(_, x), _)| x + 1);
        match (tail, last) {
            (Some(t), Some(end)) if end > t => (end < width).then_some(end),
            _ => tail,
        }
    }

    /// Moves the hyperlinks shown as the terminal moves rows `s.top..s.bottom` (rows scrolled
    /// in are blank: not linked).
    pub(super) fn scroll_links(&mut self, s: &super::scroll::Scroll) {
        let (top, bottom, by) = (s.top, s.bottom, s.by);
        let moved = std::mem::take(&mut self.links);
        for ((y, x), url) in moved {
            let y = if !(top..bottom).contains(&y) {
                Some(y)
            } else if s.up {
                y.checked_sub(by).filter(|&n| n >= top)
            } else {
                Some(y + by).filter(|&n| n < bottom)
            };
            if let Some(y) = y {
                self.links.insert((y, x), url);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_addresses_without_control_characters_are_sent() {
        assert_eq!(safe_url("https://fysfinder.dk/a?b=1"), Some("https://fysfinder.dk/a?b=1".into()));
        assert_eq!(safe_url("mailto:læge@x.dk"), Some("mailto:l%C3%A6ge@x.dk".into()));
        assert_eq!(safe_url("HTTP://x.dk/en side"), Some("HTTP://x.dk/en%20side".into()));
        for refused in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "x.dk",
            "https://x.dk/\x1b\\\x1b]8;;evil",
            "https://x.dk/\x07",
            "https://x.dk/\u{9c}",
            "https://x.dk/\u{7f}",
            "https://x.dk/\n",
        ] {
            assert_eq!(safe_url(refused), None, "{refused:?}");
        }
        assert_eq!(safe_url(&format!("https://x.dk/{}", "a".repeat(MAX_URL))), None, "too long");
    }

    #[test]
    fn cells_cover_each_link_inside_the_screen_and_leave_unsafe_ones_out() {
        let links = [
            Hyperlink { x: 2, y: 0, width: 3, url: "https://a.dk".into() },
            Hyperlink { x: 8, y: 1, width: 5, url: "https://b.dk".into() },
            Hyperlink { x: 0, y: 2, width: 2, url: "ftp://c.dk".into() },
        ];
        let cells = cells(&links, 10, 3);
        let keys: Vec<(u16, u16)> = cells.keys().copied().collect();
        assert_eq!(keys, [(0, 2), (0, 3), (0, 4), (1, 8), (1, 9)]);
        assert_eq!(sequence(cells.get(&(0, 2)).map(|u| &**u)), "\x1b]8;;https://a.dk\x1b\\");
        assert_eq!(sequence(None), "\x1b]8;;\x1b\\");
    }
}
