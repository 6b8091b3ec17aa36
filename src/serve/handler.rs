//! One SSH connection: public-key login against the authorized keys — a listed key is let
//! in at once, every failed attempt from an address is answered more slowly (see `penalty`)
//! — then what its channels may do: the lookup commands and the reader, at most
//! [`MAX_CHANNELS`] channels at once and one request on each; everything else is refused and
//! logged.

use super::asked::{Asked, cells};
use super::gate::Active;
use super::login::{self, Login};
use super::penalty::Method;
use super::reviewers::Listed;
use super::session::{self, Reader, Running};
use super::{Shared, command, keys};
use russh::keys::{Algorithm, PublicKey};
use russh::server::{Auth, ChannelOpenHandle, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, ChannelOpenFailure, Disconnect, Pty};
use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Channels one connection may have open at once (OpenSSH's `MaxSessions` is 10).
pub const MAX_CHANNELS: usize = 4;

/// The server's side of one connection.
pub struct Conn {
    shared: Arc<Shared>,
    id: u64,
    peer: SocketAddr,
    reviewer: Option<String>,
    /// The fingerprint of the key that logged in.
    key: String,
    /// Told at login: the connection's login timers then go.
    pub login: Arc<Login>,
    /// When the client last typed or asked something.
    active: Active,
    /// Whether the gate was told that this connection began to log in.
    began: bool,
    /// "none" logins asked so far (the first is every client's question for the methods).
    nones: u32,
    channels: HashMap<ChannelId, Asked>,
    /// Channels that have had their one request (a shell, a command or a subsystem).
    started: HashSet<ChannelId>,
    readers: HashMap<ChannelId, Reader>,
    /// The warnings this connection's commands have put in the log already.
    warned: Arc<Mutex<HashSet<String>>>,
}

mod conn;

impl russh::server::Handler for Conn {
    type Error = russh::Error;

    async fn auth_none(&mut self, _user: &str) -> Result<Auth, Self::Error> {
        self.begin();
        self.nones += 1;
        // Every OpenSSH client asks this first, to learn the methods: not worth a line.
        if self.nones == 1 {
            return Ok(Auth::reject());
        }
        Ok(self.failed(Method::None, "a repeated \"none\" login").await)
    }

    async fn auth_password(&mut self, user: &str, _password: &str) -> Result<Auth, Self::Error> {
        self.begin();
        Ok(self.failed(Method::Password, &format!("password login as {}", super::log::clean(user))).await)
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        self.begin();
        let what = format!("keyboard-interactive login as {}", super::log::clean(user));
        Ok(self.failed(Method::KeyboardInteractive, &what).await)
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        self.begin();
        if *offer.algorithm == (Algorithm::Rsa { hash: None }) {
            // SHA-1 signatures are refused as OpenSSH refuses them since 8.8; the client
            // offers the same key again as rsa-sha2-256/512 when it can.
            self.refuse(&format!("an ssh-rsa (SHA-1) signature of {}", keys::fingerprint(offer.public_key)));
            return Ok(Auth::reject());
        }
        match self.reviewer_of(offer.public_key) {
            Ok(_) => Ok(Auth::Accept),
            Err(why) => Ok(self.failed(Method::PublicKey, &why).await),
        }
    }

    async fn auth_publickey(&mut self, _user: &str, key: VerifiedPublicKey<'_>) -> Result<Auth, Self::Error> {
        match self.reviewer_of(key.public_key) {
            Ok(listed) => {
                self.reviewer = Some(listed.name);
                self.key = format!("{} (line {})", keys::fingerprint(key.public_key), listed.line);
                Ok(Auth::Accept)
            }
            Err(why) => {
                self.refuse(&why);
                Ok(Auth::reject())
            }
        }
    }

    async fn auth_openssh_certificate(
        &mut self,
        _user: &str,
        _certificate: &russh::keys::Certificate,
    ) -> Result<Auth, Self::Error> {
        self.begin();
        self.refuse("certificate login");
        Ok(Auth::reject())
    }

    async fn auth_succeeded(&mut self, session: &mut Session) -> Result<(), Self::Error> {
        let name = self.reviewer.clone().unwrap_or_default();
        match self.shared.gate.login(self.id, &name, self.active.clone()) {
            Err(_) => {
                self.refuse("login: every reviewer's place is taken (--max-sessions)");
                let why = crate::strings::serve_full(self.shared.gate.limits().sessions);
                session.disconnect(Disconnect::TooManyConnections, &why, "")?;
            }
            Ok(replaced) => {
                self.login.set();
                self.log(&format!("login key {}", self.key));
                if let Some(victim) = replaced {
                    let why = crate::strings::serve_replaced(self.shared.gate.limits().per_reviewer);
                    self.shared.close(victim, why, &format!("closed #{victim}: {name} logged in again"));
                }
            }
        }
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.touch();
        if self.channels.len() >= MAX_CHANNELS {
            self.refuse(&format!("a channel beyond {MAX_CHANNELS} on one connection"));
            reply.reject(ChannelOpenFailure::ResourceShortage).await;
            return Ok(());
        }
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
        let term: String = term.chars().take(64).collect();
        asked.pty = Some((term, cells(col_width, 80), cells(row_height, 24)));
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
        let value: String = value.chars().take(64).collect();
        let lang_vars = ["ARTIKEL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];
        if let Some(i) = lang_vars.iter().position(|v| *v == name) {
            asked.lang_vars[i] = Some(value.clone());
        }
        match name {
            "LANG" | "LC_ALL" | "LC_CTYPE" => asked.locale = Some(value),
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
        if !self.first_request(channel) {
            return session.channel_failure(channel);
        }
        let asked = self.channels.get(&channel).cloned().unwrap_or_default();
        session.channel_success(channel)?;
        let request = command::Request {
            line: data.to_vec(),
            asked,
            prefix: self.prefix(),
            reviewer: self.reviewer.clone().unwrap_or_else(|| "-".into()),
            warned: self.warned.clone(),
        };
        command::spawn(self.shared.clone(), session.handle(), channel, request);
        Ok(())
    }

    async fn shell_request(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), Self::Error> {
        if !self.first_request(channel) {
            return session.channel_failure(channel);
        }
        let asked = self.channels.get(&channel).cloned().unwrap_or_default();
        session.channel_success(channel)?;
        let handle = session.handle();
        if asked.pty.is_none() {
            self.refuse("reader without a terminal");
            let lang = asked.lang().unwrap_or_else(crate::strings::lang);
            let text = crate::strings::SERVE_NEEDS_TERMINAL.is(lang).as_bytes().to_vec();
            tokio::spawn(async move { command::finish(&handle, channel, Vec::new(), text, 1).await });
            return Ok(());
        }
        let name = self.reviewer.clone().unwrap_or_default();
        self.make_room_for_reader(&name);
        let (shared, id, prefix) = (self.shared.clone(), self.id, self.prefix());
        let done = move |ending: &str| {
            shared.log.line(&format!("{prefix} reader {ending}"));
            shared.readers.lock().unwrap_or_else(|e| e.into_inner()).remove(&(id, channel));
        };
        let stamp = jiff::Timestamp::now().as_millisecond();
        let session_name = format!("{stamp}-{}-{channel}", self.id);
        let reader =
            match session::start(self.shared.clone(), &name, &session_name, &asked, handle, channel, done) {
                Ok(reader) => reader,
                Err(e) => {
                    self.log(&format!("cannot start a reader: {e}"));
                    return session.close(channel);
                }
            };
        let (width, height) = asked.pty.as_ref().map_or((0, 0), |p| (p.1, p.2));
        self.log(&format!("reader {width}×{height}"));
        let running =
            Running { reviewer: name, ender: reader.ender(), last_input: reader.last_input.clone() };
        self.shared.readers.lock().unwrap_or_else(|e| e.into_inner()).insert((self.id, channel), running);
        idle_timer(&reader, self.shared.idle);
        self.readers.insert(channel, reader);
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.first_request(channel) {
            self.refuse(&format!("subsystem {}", super::log::clean(name)));
        }
        session.channel_failure(channel)
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.touch();
        let Some(reader) = self.readers.get_mut(&channel) else { return Ok(()) };
        // Waits while the reader has input not yet taken: meanwhile no window is given back to
        // the client, which stops sending.
        if reader.input(data).await.is_err() {
            self.log(&format!("closed: input not taken for {}s", session::INPUT_STALL.as_secs()));
            session.disconnect(Disconnect::ByApplication, &crate::strings::SERVE_INPUT_STALLED, "")?;
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
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.touch();
        let Some(reader) = self.readers.get_mut(&channel) else { return Ok(()) };
        if reader.resize(cells(col_width, 80), cells(row_height, 24)).await.is_err() {
            session.disconnect(Disconnect::ByApplication, &crate::strings::SERVE_INPUT_STALLED, "")?;
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
        self.started.remove(&channel);
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

/// Ends `reader` once no key has come for `idle`: one timer, woken only at the deadline, and
/// gone as soon as the reader ends.
fn idle_timer(reader: &Reader, idle: std::time::Duration) {
    let (last, ender) = (reader.last_input.clone(), reader.ender());
    tokio::spawn(async move {
        loop {
            let deadline = *last.lock().unwrap_or_else(|e| e.into_inner()) + idle;
            if std::time::Instant::now() >= deadline {
                ender.end(session::IDLE);
                return;
            }
            tokio::select! {
                () = ender.finished() => return,
                () = tokio::time::sleep_until(deadline.into()) => {}
            }
        }
    });
}
