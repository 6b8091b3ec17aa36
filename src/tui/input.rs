//! The terminal's bytes as events: keys, the mouse, pastes. Fed whatever a read returned, it
//! hands back every event those bytes complete, keeping an unfinished sequence for the next
//! read; so a burst of any size is handled to its last byte. The parsing itself is
//! `terminput`'s (crossterm's parser, kept as a crate of its own); the same parser can take
//! the bytes of a network channel.

use crossterm::event::Event;

/// Bytes read so far that do not yet make a whole event.
#[derive(Debug, Default)]
pub struct InputParser {
    pending: Vec<u8>,
}

impl InputParser {
    /// Parses `bytes` (one read's worth), appending the events they complete to `events`.
    pub fn feed(&mut self, bytes: &[u8], events: &mut Vec<Event>) {
        for (i, &byte) in bytes.iter().enumerate() {
            self.pending.push(byte);
            // A lone ESC followed by more bytes of the same read begins a sequence; at the
            // end of a read it is the Esc key.
            let more = i + 1 < bytes.len();
            if more && self.pending == [0x1b] {
                continue;
            }
            match terminput::Event::parse_from(&self.pending) {
                Ok(Some(event)) => {
                    if let Ok(event) = terminput_crossterm::to_crossterm(event) {
                        events.push(event);
                    }
                    self.pending.clear();
                }
                Ok(None) => {}
                // Not an event (a reply to a query nobody made, a broken sequence): dropped.
                Err(_) => self.pending.clear(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn parse(reads: &[&[u8]]) -> Vec<Event> {
        let mut parser = InputParser::default();
        let mut events = Vec::new();
        for read in reads {
            parser.feed(read, &mut events);
        }
        events
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn every_byte_of_a_long_read_becomes_an_event() {
        let mut burst = vec![b'x'; 4000];
        burst.push(b'\r');
        let events = parse(&[&burst]);
        assert_eq!(events.len(), 4001);
        assert_eq!(events.last(), Some(&key(KeyCode::Enter)));
    }

    #[test]
    fn sequences_split_across_reads_are_joined_and_a_lone_esc_is_the_key() {
        assert_eq!(parse(&[b"\x1b[", b"B"]), vec![key(KeyCode::Down)]);
        assert_eq!(parse(&[b"\x1b"]), vec![key(KeyCode::Esc)]);
        assert_eq!(
            parse(&["æ".as_bytes()[..1].as_ref(), &"æ".as_bytes()[1..]]),
            vec![key(KeyCode::Char('æ'))]
        );
        let ctrl_s = Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert_eq!(parse(&[b"\x13"]), vec![ctrl_s]);
    }

    #[test]
    fn a_bracketed_paste_is_one_event_however_it_is_split() {
        let text = "a line\r\nanother ".repeat(10_000);
        let bytes = format!("\x1b[200~{text}\x1b[201~\r").into_bytes();
        let reads: Vec<&[u8]> = bytes.chunks(1000).collect();
        let events = parse(&reads);
        assert_eq!(events, vec![Event::Paste(text), key(KeyCode::Enter)]);
    }
}
