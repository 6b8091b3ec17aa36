//! The reader's line to the ledger, whichever engine keeps it (an SQLite file, or a database
//! several hosts share): opened when first needed and kept while the reader runs; the
//! reader's writes go through it, it reads what one article needs, and it tells whether
//! anyone wrote since it last looked by the trail's sequence number ([`Engine::news_since`]).
//!
//! A shared ledger can be out of reach (the database restarting, the network down): every
//! operation then fails with why, at once, and the line is opened again at most once a
//! second ([`RECONNECT_EVERY`]) until it answers; what was written meanwhile is caught up by
//! sequence number.

use super::postgres::{self, Heard, Listener, PgLedger};
use super::{Comment, Decision, Engine, Head, Judged, Ledger, LedgerError, Options, Outcome, Write};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long a write of the reader's waits for another session's before it is handed back
/// as busy: the reader says it waits and tries again, instead of freezing for the busy timeout.
pub const WRITE_WAIT: Duration = Duration::from_millis(150);

/// How often a ledger out of reach is tried again.
pub const RECONNECT_EVERY: Duration = Duration::from_secs(1);

/// A ledger, whichever engine keeps it, as the reader and `serve` hold it.
pub type Shared = Box<dyn Engine + Send>;

/// Opens the ledger `options` name: a database when they name a URL (an error when it
/// cannot be reached), else the file ([`Ledger::open`], which never fails).
pub fn open_engine(options: &Options) -> Result<Shared, LedgerError> {
    if postgres::is_url(&options.path) {
        let url = options.path.to_string_lossy();
        return Ok(Box::new(PgLedger::connect(&url, options.account.clone())?));
    }
    Ok(Box::new(Ledger::open(options)))
}

/// The ledger as the event loop holds it.
pub struct Link {
    options: Options,
    engine: Option<Shared>,
    /// The last trail row seen; anyone's write after it is news.
    seen: Option<i64>,
    /// Why the ledger cannot be reached, while it cannot, and when it was last tried.
    down: Option<(LedgerError, Instant)>,
    /// Set once the ledger has been opened (or tried): until then there is no news.
    started: bool,
    /// News from the database itself, for a shared ledger ([`Link::listen`]).
    listener: Option<Listener>,
    /// Set while the listener (this line's, or its server's) cannot reach the database: a
    /// ledger out of reach is then not tried from here, so the reader never waits on a
    /// connection that cannot be made.
    unreachable: Arc<AtomicBool>,
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Link").field("place", &self.place()).field("down", &self.down).finish()
    }
}

/// What the reader holds of one article from the ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleView {
    /// The article.
    pub slug: String,
    /// Its comments, resolved ones too, oldest first.
    pub comments: Vec<Comment>,
    /// The reviewer's own latest approval, with the text it approved (if kept).
    pub mine: Option<(Decision, Option<String>)>,
    /// The latest approval by anyone, with the text it approved (if kept).
    pub anyone: Option<(Decision, Option<String>)>,
    /// Where it stands under the team's rules (approvals, who blocks), as `review status`
    /// says it; `None` until read.
    pub judged: Option<Judged>,
    /// The leads (who may override a request for changes).
    pub leads: Vec<String>,
    /// Each reply's id and the comment it answers.
    pub replies: Vec<(String, String)>,
}

impl Link {
    /// A line to the ledger `options` name; nothing is opened yet.
    pub fn new(options: Options) -> Link {
        Link {
            options,
            engine: None,
            seen: None,
            down: None,
            started: false,
            listener: None,
            unreachable: Arc::default(),
        }
    }

    /// A line to a ledger file already open (the tests', or one a caller opened itself).
    pub fn with(ledger: Ledger) -> Link {
        let options = Options::new(ledger.path());
        Link::with_engine(options, Box::new(ledger))
    }

    /// A line to `engine`, already open, which `options` name (to open it again when lost).
    pub fn with_engine(options: Options, engine: Shared) -> Link {
        let seen = engine.last_seq().ok();
        Link {
            options,
            engine: Some(engine),
            seen,
            down: None,
            started: true,
            listener: None,
            unreachable: Arc::default(),
        }
    }

    /// Where the ledger is, as it may be shown (a URL without its password).
    pub fn place(&self) -> String {
        match &self.engine {
            Some(engine) => engine.place(),
            None if postgres::is_url(&self.options.path) => postgres::shown(&self.options.path),
            None => self.options.path.display().to_string(),
        }
    }

    /// Whether the ledger is a database several hosts share.
    pub fn is_shared(&self) -> bool {
        postgres::is_url(&self.options.path)
    }

    /// Opens the ledger if it is not open yet; what to tell the user about how it opened
    /// (moved aside, read-only, imported), or why it cannot be reached, the first time only.
    pub fn open(&mut self) -> Option<String> {
        match self.engine(true) {
            Ok(engine) => engine.take_message(),
            Err(e) => Some(e.reason()),
        }
    }

    /// Why the ledger cannot be reached now, if it cannot.
    pub fn down(&self) -> Option<String> {
        self.down.as_ref().map(|(e, _)| e.reason())
    }

    /// The engine, opened (again) if it is not open; while it cannot be reached, why (tried
    /// again at most every [`RECONNECT_EVERY`], unless `now`).
    fn engine(&mut self, now: bool) -> Result<&mut Shared, LedgerError> {
        self.started = true;
        if self.engine.is_none() {
            if let Some((why, at)) = &self.down
                && ((at.elapsed() < RECONNECT_EVERY && !now) || self.unreachable.load(Ordering::Acquire))
            {
                return Err(why.clone());
            }
            match open_engine(&self.options) {
                Ok(engine) => {
                    self.down = None;
                    if self.seen.is_none() {
                        self.seen = engine.last_seq().ok();
                    }
                    self.engine = Some(engine);
                }
                Err(e) => {
                    self.down = Some((e.clone(), Instant::now()));
                    return Err(e);
                }
            }
        }
        self.engine.as_mut().ok_or_else(|| LedgerError::Other(String::new()))
    }

    /// Runs `op` on the engine; a connection found gone is dropped (to be opened again) and
    /// its error said as the ledger being out of reach.
    fn run<T>(&mut self, op: impl FnOnce(&mut Shared) -> Result<T, LedgerError>) -> Result<T, LedgerError> {
        self.run_now(false, op)
    }

    /// [`Link::run`]; `now`: trying to reach a ledger out of reach at once.
    fn run_now<T>(
        &mut self,
        now: bool,
        op: impl FnOnce(&mut Shared) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        let engine = self.engine(now)?;
        let result = op(engine);
        if result.is_err() && engine.lost() {
            return Err(self.lose(result.err().unwrap_or(LedgerError::Other(String::new()))));
        }
        result
    }

    /// The connection is gone (`e` says how): it is opened again when next needed.
    fn lose(&mut self, e: LedgerError) -> LedgerError {
        let place = self.place();
        self.engine = None;
        let why = LedgerError::Other(crate::strings::pg_unreachable(&place, &e.reason()));
        self.down = Some((why.clone(), Instant::now()));
        why
    }

    /// Makes `writes`, in order: what became of each one saved, and why the next was not.
    /// A write waits at most [`WRITE_WAIT`] for another session's (then it is busy).
    pub fn write(&mut self, writes: &[Write]) -> (Vec<Outcome>, Option<LedgerError>) {
        let full = self.options.busy_timeout;
        let engine = match self.engine(false) {
            Ok(engine) => engine,
            Err(e) => return (Vec::new(), Some(e)),
        };
        let (done, error) = engine.record_waiting(writes, WRITE_WAIT, full);
        match error {
            Some(e) if engine.lost() => (done, Some(self.lose(e))),
            error => (done, error),
        }
    }

    /// Each article's latest decision, by slug, history following renames (see
    /// [`Ledger::heads_in`]).
    pub fn heads(
        &mut self,
        library: &[crate::library::Article],
        versions: Option<&[String]>,
    ) -> Result<HashMap<String, Head>, LedgerError> {
        self.run(|engine| engine.heads_in(library, versions))
    }

    /// What the reader shows of article `slug` for `reviewer`: its comments and the
    /// approvals a diff starts from.
    pub fn view(&mut self, slug: &str, reviewer: &str) -> Result<ArticleView, LedgerError> {
        self.run(|engine| view(&**engine, slug, reviewer))
    }

    /// [`Link::view`] with where the article stands under the rules, judged as `review
    /// status` judges it (`library`: the whole library, for renamed articles; `hashed`: its
    /// versions, if known).
    pub fn view_judged(
        &mut self,
        slug: &str,
        reviewer: &str,
        library: &[crate::library::Article],
        hashed: Option<&[String]>,
    ) -> Result<ArticleView, LedgerError> {
        self.run(|engine| {
            let mut view = view(&**engine, slug, reviewer)?;
            if let Some(article) = library.iter().find(|a| a.slug == slug) {
                let one = std::slice::from_ref(article);
                view.judged = engine.judge_known(one, library, hashed)?.pop();
            }
            Ok(view)
        })
    }

    /// Whether anyone wrote to the ledger since this was last asked, or it went out of reach
    /// or came back (false until the ledger is open). One query of the trail after the last
    /// row seen: cheap enough for a timer. A ledger out of reach is tried at once (the
    /// database's own news may say it is back).
    pub fn changed(&mut self) -> bool {
        if !self.started {
            return false;
        }
        let was_down = self.down.is_some();
        let seen = self.seen;
        let news = self.run_now(true, |engine| match seen {
            Some(seq) => {
                let last = super::engine::news_pages(&**engine, seq, drop)?;
                Ok((last != seq).then_some(last))
            }
            None => engine.last_seq().map(Some),
        });
        match news {
            Ok(last) => {
                let changed = last.is_some_and(|l| Some(l) != seen) || was_down;
                self.seen = last.or(seen);
                changed
            }
            Err(_) => !was_down,
        }
    }

    /// For a shared ledger: listens to the database for anyone's writes, and `poke` is called
    /// for each (and when its connection drops or comes back), so the reader asks nothing
    /// while nothing changes; while the listener cannot reach the database, a ledger out of
    /// reach is tried again only once it can. Whether it listens (a file is not listened to:
    /// it is asked).
    pub fn listen(&mut self, poke: impl Fn() + Send + 'static) -> bool {
        if !self.is_shared() {
            return false;
        }
        let url = self.options.path.to_string_lossy().into_owned();
        let since = self.seen.unwrap_or(0);
        let unreachable = self.unreachable.clone();
        self.listener = Some(PgLedger::listen(&url, since, move |heard: Heard| {
            unreachable.store(heard == Heard::Lost, Ordering::Release);
            poke();
        }));
        true
    }

    /// Takes the word of another listener (the server's, for all its sessions) on whether the
    /// database can be reached: `unreachable` is set while it cannot.
    pub fn wait_for_reach(&mut self, unreachable: Arc<AtomicBool>) {
        self.unreachable = unreachable;
    }

    /// The ledger file, if it is one and open (for tests and reports).
    pub fn ledger_ref(&self) -> Option<&Ledger> {
        self.engine.as_ref().and_then(|e| e.as_file())
    }
}

/// What the reader shows of `slug` for `reviewer` (see [`Link::view`]).
fn view(engine: &dyn Engine, slug: &str, reviewer: &str) -> Result<ArticleView, LedgerError> {
    let with_text = |d: Decision| -> Result<(Decision, Option<String>), LedgerError> {
        let text = engine.text_of(&d.slug, &d.version)?;
        Ok((d, text))
    };
    let mine = engine.last_approval(slug, Some(reviewer))?.map(with_text).transpose()?;
    let anyone = engine.last_approval(slug, None)?.map(with_text).transpose()?;
    let comments = engine.comments(Some(slug), true)?;
    let ids: std::collections::HashSet<&str> = comments.iter().map(|c| c.id.as_str()).collect();
    let mut replies = engine.replies()?;
    replies.retain(|(id, _)| ids.contains(id.as_str()));
    let leads = engine.policy()?.leads;
    Ok(ArticleView { slug: slug.to_string(), comments, mine, anyone, judged: None, leads, replies })
}
