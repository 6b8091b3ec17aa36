//! One SSH connection: public-key login against the authorized keys, then what its channels
//! may do — the lookup commands and the reader; everything else is refused and logged.

use super::session::{self, Reader};
use super::{Shared, exec, keys};
use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Handle, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, ChannelOpenFailure, Pty};
use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What the client asked of a session channel before starting it.
#[derive(Debug, Default, Clone)]
pub struct Asked {
    /// The pseudo-terminal: TERM, columns, rows.
    pub pty: Option<(String, u16, u16)>,
    /// LANG / LC_ALL / LC_CTYPE as the client sent them (the last one sent wins).
    pub locale: Option<String>,
    /// Whether NO_COLOR was sent (and not empty).
    pub no_color: bool,
    /// ARTIKEL_LANG, LC_ALL, LC_MESSAGES and LANG as the client sent them: its language.
    pub lang_vars: [Option<String>; 4],
}

impl Asked {
    /// The language the client's variables ask for (none: the server's).
    pub fn lang(&self) -> Option<crate::strings::Lang> {
        let [env, all, messages, lang] = self.lang_vars.each_ref().map(Option::as_deref);
        env.and_then(crate::strings::Lang::from_locale)
            .or_else(|| crate::strings::from_locale_vars([all, messages, lang]))
    }
}

/// The server's side of one connection.
pub struct Conn {
    shared: Arc<Shared>,
    id: u64,
    peer: SocketAddr,
    reviewer: Option<String>,
    /// Set at login; the accept loop reads it when the connection ends.
    pub logged_in: Arc<AtomicBool>,
    channels: HashMap<ChannelId, Asked>,
    readers: HashMap<ChannelId, Reader>,
    /// The warnings this connection's commands have put in the log already.
    warned: Arc<Mutex<HashSet<String>>>,
}

impl Conn {
    /// The handler of connection `id` from `peer`.
    pub fn new(shared: Arc<Shared>, id: u64, peer: SocketAddr) -> Conn {
        Conn {
            shared,
            id,
            peer,
            reviewer: None,
            logged_in: Arc::new(AtomicBool::new(false)),
            channels: HashMap::new(),
            readers: HashMap::new(),
            warned: Arc::new(Mutex::new(HashSet::new())),
        }
    }

    fn log(&self, what: &str) {
        let who = self.reviewer.as_deref().unwrap_or("-");
        self.shared.log.line(&format!("#{} {} {who} {what}", self.id, self.peer));
    }

    fn refuse(&self, what: &str) {
        self.log(&format!("refused {what}"));
    }

    /// The reviewer a key belongs to, from the authorized keys file as it is now.
    fn reviewer_of(&self, key: &PublicKey) -> Option<String> {
        match keys::reviewer_of(&self.shared.authorized_keys, key) {
            Ok(name) => name,
            Err(e) => {
                self.log(&format!("cannot read {}: {e}", self.shared.authorized_keys.display()));
                None
            }
        }
    }
}

impl russh::server::Handler for Conn {
    type Error = russh::Error;

    async fn auth_none(&mut self, _user: &str) -> Result<Auth, Self::Error> {
        // Every OpenSSH client asks this first, to learn the methods: not worth a line.
        Ok(Auth::reject())
    }

    async fn auth_password(&mut self, user: &str, _password: &str) -> Result<Auth, Self::Error> {
        self.refuse(&format!("password login as {}", super::log::clean(user)));
        Ok(Auth::reject())
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        self.refuse(&format!("keyboard-interactive login as {}", super::log::clean(user)));
        Ok(Auth::reject())
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.reviewer_of(offer.public_key).is_some() {
            return Ok(Auth::Accept);
        }
        self.refuse(&format!("unknown key {}", keys::fingerprint(offer.public_key)));
        Ok(Auth::reject())
    }

    async fn auth_publickey(&mut self, _user: &str, key: VerifiedPublicKey<'_>) -> Result<Auth, Self::Error> {
        let Some(name) = self.reviewer_of(key.public_key) else {
            self.refuse(&format!("unknown key {}", keys::fingerprint(key.public_key)));
            return Ok(Auth::reject());
        };
        self.reviewer = Some(name);
        self.logged_in.store(true, Ordering::Relaxed);
        self.log(&format!("login key {}", keys::fingerprint(key.public_key)));
        Ok(Auth::Accept)
    }

    async fn auth_openssh_certificate(
        &mut self,
        _user: &str,
        _certificate: &russh::keys::Certificate,
    ) -> Result<Auth, Self::Error> {
        self.refuse("certificate login");
        Ok(Auth::reject())
    }

    async fn auth_succeeded(&mut self, session: &mut Session) -> Result<(), Self::Error> {
        self.shared.register(self.id, session.handle());
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // The channel's own message queue is not read: everything arrives here instead.
        self.channels.insert(channel.id(), Asked::default());
        reply.accept().await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(&format!("local forwarding (-L) to {}:{port}", super::log::clean(host)));
        reply.reject(ChannelOpenFailure::AdministrativelyProhibited).await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _socket_path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse("socket forwarding");
        reply.reject(ChannelOpenFailure::AdministrativelyProhibited).await;
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse("X11 channel");
        reply.reject(ChannelOpenFailure::AdministrativelyProhibited).await;
        Ok(())
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refuse(&format!("remote forwarding (-R) from {}:{port}", super::log::clean(address)));
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refuse("remote socket forwarding");
        Ok(false)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refuse("agent forwarding");
        Ok(false)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse("X11 forwarding");
        session.channel_failure(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(&format!("subsystem {}", super::log::clean(name)));
        session.channel_failure(channel)
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(asked) = self.channels.get_mut(&channel) else { return session.channel_failure(channel) };
        asked.pty = Some((term.to_string(), cells(col_width, 80), cells(row_height, 24)));
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Only what says how to draw is taken; nothing else of the client's environment.
        let Some(asked) = self.channels.get_mut(&channel) else { return session.channel_failure(channel) };
        let lang_vars = ["ARTIKEL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];
        if let Some(i) = lang_vars.iter().position(|v| *v == name) {
            asked.lang_vars[i] = Some(value.to_string());
        }
        match name {
            "LANG" | "LC_ALL" | "LC_CTYPE" => asked.locale = Some(value.to_string()),
            "LC_MESSAGES" | "ARTIKEL_LANG" => {}
            "NO_COLOR" => asked.no_color = !value.is_empty(),
            _ => return session.channel_failure(channel),
        }
        session.channel_success(channel)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(asked) = self.channels.get(&channel).cloned() else {
            return session.channel_failure(channel);
        };
        session.channel_success(channel)?;
        let line = data.to_vec();
        let shown = super::log::clean(&String::from_utf8_lossy(&line));
        let shared = self.shared.clone();
        let disk = self.shared.reviewer_disk(self.reviewer.as_deref().unwrap_or("-"));
        let ledger = self.shared.ledger.clone();
        let handle = session.handle();
        let prefix = format!("#{} {} {}", self.id, self.peer, self.reviewer.as_deref().unwrap_or("-"));
        let warned = self.warned.clone();
        tokio::spawn(async move {
            let (library, index) = (shared.library.clone(), shared.index.clone());
            let lang = asked.lang();
            let ran = tokio::task::spawn_blocking(move || {
                // A pooled thread: it speaks this client's language (or the server's) each time.
                crate::strings::set_thread_lang(lang);
                exec::run(&line, &library, &index, &disk, &ledger)
            })
            .await;
            let ran = ran.unwrap_or_else(|_| exec::Ran { status: 1, ..exec::Ran::default() });
            let verb = if ran.status == exec::REFUSED { "refused command" } else { "command" };
            shared.log.line(&format!("{prefix} {verb} {shown} → {}", ran.status));
            // The client reads its warnings on its stderr; the log says each once.
            for warning in first_time(&warned, &ran.warnings) {
                shared.log.line(&format!("{prefix} {}", super::log::clean(&warning)));
            }
            // Through a pseudo-terminal, a line ends as a terminal's does.
            let crlf = |text: Vec<u8>| if asked.pty.is_some() { to_crlf(&text) } else { text };
            finish(&handle, channel, crlf(ran.out), crlf(ran.err), ran.status).await;
        });
        Ok(())
    }

    async fn shell_request(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), Self::Error> {
        let Some(asked) = self.channels.get(&channel).cloned() else {
            return session.channel_failure(channel);
        };
        session.channel_success(channel)?;
        let handle = session.handle();
        if asked.pty.is_none() {
            self.refuse("reader without a terminal");
            let lang = asked.lang().unwrap_or_else(crate::strings::lang);
            let text = crate::strings::SERVE_NEEDS_TERMINAL.is(lang).as_bytes().to_vec();
            tokio::spawn(async move { finish(&handle, channel, Vec::new(), text, 1).await });
            return Ok(());
        }
        let name = self.reviewer.clone().unwrap_or_default();
        let (shared, id, prefix) =
            (self.shared.clone(), self.id, format!("#{} {} {name}", self.id, self.peer));
        let done = move |ending: &str| {
            shared.log.line(&format!("{prefix} reader {ending}"));
            shared.readers.lock().unwrap_or_else(|e| e.into_inner()).remove(&(id, channel));
        };
        let Ok(reader) = session::start(self.shared.clone(), &name, &asked, handle, channel, done) else {
            return session.channel_failure(channel);
        };
        let (width, height) = asked.pty.as_ref().map_or((0, 0), |p| (p.1, p.2));
        self.log(&format!("reader {width}×{height}"));
        self.shared
            .readers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((self.id, channel), reader.ender());
        idle_timer(&reader, self.shared.idle);
        self.readers.insert(channel, reader);
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(reader) = self.readers.get_mut(&channel) {
            reader.input(data);
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(reader) = self.readers.get(&channel) {
            reader.resize(cells(col_width, 80), cells(row_height, 24));
        }
        Ok(())
    }

    async fn channel_eof(&mut self, channel: ChannelId, _session: &mut Session) -> Result<(), Self::Error> {
        if let Some(reader) = self.readers.remove(&channel) {
            reader.end(session::BY_CLIENT);
        }
        Ok(())
    }

    async fn channel_close(&mut self, channel: ChannelId, _session: &mut Session) -> Result<(), Self::Error> {
        self.channels.remove(&channel);
        if let Some(reader) = self.readers.remove(&channel) {
            reader.end(session::BY_CLIENT);
        }
        Ok(())
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        // The client went away without closing its channels (killed, the network gone).
        for reader in self.readers.values() {
            reader.end(session::BY_CLIENT);
        }
        self.shared.unregister(self.id);
    }
}

/// Ends `reader` once no key has come for `idle`: one timer, woken only at the deadline.
fn idle_timer(reader: &Reader, idle: std::time::Duration) {
    let (last, ender) = (reader.last_input.clone(), reader.ender());
    tokio::spawn(async move {
        loop {
            let deadline = *last.lock().unwrap_or_else(|e| e.into_inner()) + idle;
            if std::time::Instant::now() >= deadline {
                ender.end(session::IDLE);
                return;
            }
            if ender.ended() {
                return;
            }
            tokio::time::sleep_until(deadline.into()).await;
        }
    });
}

/// Those of `warnings` not in `said` yet, which are now.
fn first_time(said: &Mutex<HashSet<String>>, warnings: &[String]) -> Vec<String> {
    let mut said = said.lock().unwrap_or_else(|e| e.into_inner());
    warnings.iter().filter(|w| said.insert((*w).clone())).cloned().collect()
}

/// Sends what a command printed, its exit status, and closes the channel.
async fn finish(handle: &Handle, channel: ChannelId, out: Vec<u8>, err: Vec<u8>, status: u32) {
    if !out.is_empty() {
        let _ = handle.data(channel, out).await;
    }
    if !err.is_empty() {
        let _ = handle.extended_data(channel, 1, err).await;
    }
    let _ = handle.exit_status_request(channel, status).await;
    let _ = handle.eof(channel).await;
    let _ = handle.close(channel).await;
}

/// A terminal size as the reader takes it: 1 to 1000 cells; 0, which a client sends when
/// it does not know (`ssh -tt` with no terminal of its own), is `unknown`.
fn cells(cells: u32, unknown: u16) -> u16 {
    if cells == 0 { unknown } else { cells.min(1000) as u16 }
}

/// `\n` as `\r\n`, as a terminal's line discipline would send it.
pub fn to_crlf(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 16);
    for &b in text {
        if b == b'\n' && out.last() != Some(&b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{cells, first_time};
    use std::collections::HashSet;
    use std::sync::Mutex;

    #[test]
    fn a_size_the_client_does_not_know_is_the_usual_one() {
        assert_eq!((cells(0, 80), cells(0, 24)), (80, 24));
        assert_eq!((cells(1, 80), cells(132, 80), cells(70_000, 24)), (1, 132, 1000));
    }

    #[test]
    fn a_connection_logs_each_warning_once() {
        let said = Mutex::new(HashSet::new());
        let warnings = ["warning: a.md: no front matter".to_string(), "warning: b.md: bad date".to_string()];
        assert_eq!(first_time(&said, &warnings), warnings.to_vec(), "the first command says them");
        assert!(first_time(&said, &warnings).is_empty(), "the next says nothing again");
        let more = ["warning: c.md: not UTF-8".to_string()];
        assert_eq!(first_time(&said, &more), more.to_vec(), "a new one is said");
    }
}
