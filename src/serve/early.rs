//! Turning a connection away before its key exchange, so that the client prints why: the
//! server's version line, then an unencrypted SSH_MSG_DISCONNECT carrying the reason (RFC 4253
//! §11.1, allowed before keys are exchanged), which OpenSSH's `ssh` prints as "Received
//! disconnect from …: artikel serve is full …". It costs no key exchange, and it is bounded:
//! the client's own version line is read (so the close is not a reset that loses the
//! reason) for at most [`LINGER`].

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long a refused connection is kept to let the client read the reason.
const LINGER: Duration = Duration::from_millis(500);

/// SSH_DISCONNECT_TOO_MANY_CONNECTIONS.
pub const TOO_MANY_CONNECTIONS: u32 = 11;

/// The bytes that refuse a connection: the version line and a disconnect packet with
/// `reason` (code `code`), padded as the unencrypted transport asks.
pub fn refusal(code: u32, reason: &str) -> Vec<u8> {
    let reason = &reason.as_bytes()[..reason.len().min(1024)];
    let mut payload = vec![1u8]; // SSH_MSG_DISCONNECT
    payload.extend_from_slice(&code.to_be_bytes());
    payload.extend_from_slice(&(reason.len() as u32).to_be_bytes());
    payload.extend_from_slice(reason);
    payload.extend_from_slice(&0u32.to_be_bytes()); // no language tag
    // The packet (length, padding length, payload, padding) is a multiple of 8, with at
    // least 4 bytes of padding.
    let mut padding = 8 - (5 + payload.len()) % 8;
    if padding < 4 {
        padding += 8;
    }
    let mut out = format!("{}\r\n", super::VERSION).into_bytes();
    out.extend_from_slice(&((1 + payload.len() + padding) as u32).to_be_bytes());
    out.push(padding as u8);
    out.extend_from_slice(&payload);
    out.extend(std::iter::repeat_n(0u8, padding));
    out
}

/// Tells the client on `stream` why it is turned away, and closes the connection.
pub async fn refuse(mut stream: TcpStream, code: u32, reason: String) {
    let bytes = refusal(code, &reason);
    let _ = tokio::time::timeout(LINGER, async {
        if stream.write_all(&bytes).await.is_err() || stream.shutdown().await.is_err() {
            return;
        }
        // Read what the client sends until it closes, so that closing is not a reset.
        let mut sink = [0u8; 512];
        while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refusal_is_a_version_line_and_one_well_formed_packet() {
        let bytes = refusal(TOO_MANY_CONNECTIONS, "full");
        let line_end = bytes.windows(2).position(|w| w == b"\r\n").expect("a version line") + 2;
        assert!(bytes.starts_with(b"SSH-2.0-"));
        let packet = &bytes[line_end..];
        let length = u32::from_be_bytes(packet[..4].try_into().expect("4 bytes")) as usize;
        assert_eq!(packet.len(), 4 + length, "one whole packet");
        assert_eq!(packet.len() % 8, 0, "a multiple of the block size");
        let padding = packet[4] as usize;
        assert!(padding >= 4);
        let payload = &packet[5..4 + length - padding];
        assert_eq!(payload[0], 1, "SSH_MSG_DISCONNECT");
        assert_eq!(&payload[1..5], &TOO_MANY_CONNECTIONS.to_be_bytes());
        assert_eq!(&payload[9..13], b"full");
    }
}
