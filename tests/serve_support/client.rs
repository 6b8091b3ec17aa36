//! A hand-made SSH client (russh's), for what OpenSSH's `ssh` will not do: many channels on
//! one connection each with a pseudo-terminal of any size, and several requests on one
//! channel.

use russh::client::{self, Handle};
use russh::keys::{PrivateKeyWithHashAlg, PublicKeyOrCertificate, load_secret_key};
use russh::{Channel, client::Msg};
use std::path::Path;
use std::sync::Arc;

/// Takes any host key: the server is the test's own, on loopback.
pub struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _key: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A connection logged in as `user` with the private key at `key`, on a runtime of its own.
pub struct Client {
    pub runtime: tokio::runtime::Runtime,
    pub handle: Handle<Trusting>,
}

impl Client {
    /// Connects to 127.0.0.1:`port` and logs in.
    pub fn login(port: u16, key: &Path, user: &str) -> Client {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let handle = runtime
            .block_on(async {
                let config = Arc::new(client::Config::default());
                let mut handle =
                    client::connect(config, ("127.0.0.1", port), Trusting).await.expect("connects");
                let key = Arc::new(load_secret_key(key, None).expect("the key"));
                let auth = handle
                    .authenticate_publickey(user, PrivateKeyWithHashAlg::new(key, None))
                    .await
                    .expect("auth");
                assert!(auth.success(), "logged in");
                // In a Result: a handle is itself a future (of the connection's end).
                Ok::<_, russh::Error>(handle)
            })
            .expect("a connection");
        Client { runtime, handle }
    }

    /// Opens a session channel with a pseudo-terminal of `cols`×`rows`, or `None` when the
    /// server refuses the channel.
    pub fn terminal(&self, cols: u32, rows: u32) -> Option<Channel<Msg>> {
        self.runtime.block_on(async {
            let channel = self.handle.channel_open_session().await.ok()?;
            channel.request_pty(false, "xterm-256color", cols, rows, 0, 0, &[]).await.ok()?;
            Some(channel)
        })
    }

    /// Ends the connection.
    pub fn disconnect(self) {
        self.runtime.block_on(async {
            let _ = self.handle.disconnect(russh::Disconnect::ByApplication, "", "").await;
        });
        self.runtime.shutdown_background();
    }
}

/// Reads what `channel` sends until it holds `wanted`, the channel closes, or `within`
/// passes: the bytes, and whether `wanted` came.
pub fn read_until(
    runtime: &tokio::runtime::Runtime,
    channel: &mut Channel<Msg>,
    wanted: &str,
    within: std::time::Duration,
) -> (Vec<u8>, bool) {
    runtime.block_on(async {
        let mut got = Vec::new();
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if String::from_utf8_lossy(&got).contains(wanted) {
                return (got, true);
            }
            match tokio::time::timeout_at(deadline, channel.wait()).await {
                Ok(Some(russh::ChannelMsg::Data { data })) => got.extend_from_slice(&data),
                Ok(Some(russh::ChannelMsg::Close) | None) | Err(_) => return (got, false),
                Ok(Some(_)) => {}
            }
        }
    })
}
