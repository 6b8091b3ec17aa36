//! A connection's own helpers: its log lines, its reviewer, its one request per channel,
//! and the room it makes for a reader.

use super::*;

impl Conn {
    /// The handler of connection `id` from `peer`.
    pub fn new(shared: Arc<Shared>, id: u64, peer: SocketAddr) -> Conn {
        Conn {
            shared,
            id,
            peer,
            reviewer: None,
            key: String::new(),
            login: Arc::default(),
            active: Arc::new(Mutex::new(Instant::now())),
            began: false,
            nones: 0,
            channels: HashMap::new(),
            started: HashSet::new(),
            readers: HashMap::new(),
            warned: Arc::new(Mutex::new(HashSet::new())),
        }
    }

    pub(super) fn prefix(&self) -> String {
        format!("#{} {} {}", self.id, self.peer, self.reviewer.as_deref().unwrap_or("-"))
    }

    pub(super) fn log(&self, what: &str) {
        self.shared.log.line(&format!("{} {what}", self.prefix()));
    }

    pub(super) fn refuse(&self, what: &str) {
        self.log(&format!("refused {what}"));
    }

    pub(super) fn touch(&self) {
        *self.active.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
    }

    /// The key exchange is done: the gate keeps this connection longer against newcomers.
    pub(super) fn begin(&mut self) {
        if !self.began {
            self.began = true;
            self.shared.gate.authenticating(self.id);
        }
    }

    /// A failed login by `method`: counted for the address, logged, and answered after the
    /// wait the address has earned.
    pub(super) async fn failed(&self, method: Method, what: &str) -> Auth {
        let (wait, said) = login::failure(&self.shared.penalties, self.peer.ip(), method, what);
        self.refuse(&said);
        tokio::time::sleep(wait).await;
        Auth::reject()
    }

    /// The reviewer a key belongs to, or why it logs nobody in.
    pub(super) fn reviewer_of(&self, key: &PublicKey) -> Result<Listed, String> {
        login::reviewer_of(&self.shared.authorized_keys, key)
    }

    /// Whether `channel` may take its one request now (it is open and has had none).
    pub(super) fn first_request(&mut self, channel: ChannelId) -> bool {
        self.touch();
        if !self.channels.contains_key(&channel) {
            return false;
        }
        if !self.started.insert(channel) {
            self.refuse("a second request on one channel");
            return false;
        }
        true
    }

    /// A reviewer at their share of readers: the one idle longest ends to make room.
    pub(super) fn make_room_for_reader(&self, name: &str) {
        let limit = self.shared.gate.limits().per_reviewer;
        let readers = self.shared.readers.lock().unwrap_or_else(|e| e.into_inner());
        let theirs: Vec<&Running> =
            readers.values().filter(|r| r.reviewer == name && !r.ender.ended()).collect();
        if theirs.len() >= limit {
            let since = |r: &&&Running| *r.last_input.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(idlest) = theirs.iter().min_by_key(since) {
                idlest.ender.end(session::REPLACED);
            }
        }
    }
}
