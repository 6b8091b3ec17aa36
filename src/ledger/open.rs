//! Opening a ledger: the file created private, WAL and durable commits, the schema migrated
//! (or a newer one left alone, read-only), a damaged database moved aside (a file that is not
//! a ledger left alone), `notes.yaml` imported.

use super::file::{self, Found};
use super::{Ledger, LedgerError, Opened};
use crate::strings as s;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema this build reads and writes (`PRAGMA user_version`).
pub const SCHEMA: i64 = 4;

/// The migrations, by the version each brings the schema to.
const MIGRATIONS: &[(i64, &str)] = &[
    (
        1,
        "CREATE TABLE versions(slug TEXT NOT NULL, version TEXT NOT NULL, text TEXT NOT NULL,
         first_seen TEXT NOT NULL, PRIMARY KEY(slug, version)) WITHOUT ROWID;
     CREATE TABLE decisions(id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, slug TEXT NOT NULL,
         version TEXT NOT NULL, reviewer TEXT NOT NULL,
         verdict TEXT NOT NULL CHECK(verdict IN ('approved', 'changes-requested')),
         comment TEXT NOT NULL, at TEXT NOT NULL);
     CREATE INDEX decisions_by_reviewer ON decisions(slug, reviewer, id);
     CREATE TABLE comments(id TEXT PRIMARY KEY, slug TEXT NOT NULL, heading TEXT NOT NULL,
         position INTEGER NOT NULL, section TEXT NOT NULL, version TEXT NOT NULL,
         author TEXT NOT NULL, text TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0,
         deleted INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, updated TEXT NOT NULL,
         revision INTEGER NOT NULL DEFAULT 1);
     CREATE INDEX comments_by_slug ON comments(slug);
     CREATE TABLE audit(seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
         actor TEXT NOT NULL, action TEXT NOT NULL, slug TEXT NOT NULL, version TEXT NOT NULL,
         target TEXT NOT NULL, detail TEXT NOT NULL);
     CREATE INDEX audit_by_slug ON audit(slug, seq);
     CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
     CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
     CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    ),
    // The trail: each audit row carries the state it left and a hash chaining the row before;
    // the team's approval rules; requests for changes withdrawn or overridden.
    (
        2,
        "ALTER TABLE audit ADD COLUMN state TEXT NOT NULL DEFAULT '';
         ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
         CREATE TABLE policy(key TEXT PRIMARY KEY, value TEXT NOT NULL);
         CREATE TABLE lifts(uid TEXT PRIMARY KEY, slug TEXT NOT NULL, version TEXT NOT NULL,
             reviewer TEXT NOT NULL, by TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);",
    ),
    // An article's history follows it to its new slug.
    (
        3,
        "CREATE TABLE renames(old TEXT PRIMARY KEY, new TEXT NOT NULL, by TEXT NOT NULL,
             reason TEXT NOT NULL, at TEXT NOT NULL);",
    ),
    // Replies: a comment that answers another, resolved with it as one thread.
    (4, "CREATE TABLE replies(id TEXT PRIMARY KEY, parent TEXT NOT NULL);"),
];

/// How to open a ledger.
#[derive(Debug, Clone)]
pub struct Options {
    /// The file.
    pub path: PathBuf,
    /// Create the file's folder when missing (the data folder); a named ledger's folder
    /// must exist.
    pub create_dirs: bool,
    /// A `notes.yaml` whose notes and review statuses to import, once per file and user.
    pub import: Option<PathBuf>,
    /// Who is reviewing (for imported reviews without a user, and the audit log).
    pub user: String,
    /// The account every write is recorded as, whoever the write names (the command line and
    /// the local reader: the operating-system account); `None`: as each write says (a
    /// server's session names its reviewer by the key it logged in with).
    pub account: Option<String>,
    /// How long to wait for another session's write before giving up.
    pub busy_timeout: Duration,
    /// The most pages the database may grow to, as if the disk were full there (for tests of
    /// a full disk; `None`: as many as the disk holds).
    #[doc(hidden)]
    pub max_pages: Option<u32>,
}

impl Options {
    /// The ledger at `path`, with the defaults: no import, a five-second busy timeout.
    pub fn new(path: impl Into<PathBuf>) -> Options {
        Options {
            path: path.into(),
            create_dirs: false,
            import: None,
            user: crate::store::user(),
            account: None,
            busy_timeout: Duration::from_secs(5),
            max_pages: None,
        }
    }
}

impl Ledger {
    /// Opens the ledger `options` names. Never fails: see the module's documentation.
    pub fn open(options: &Options) -> Ledger {
        let path = &options.path;
        if super::postgres::is_url(path) {
            // A shared ledger opens through its own engine ([`super::open_engine`]): never a
            // file named like its URL.
            let shown = PathBuf::from(super::postgres::shown(path));
            return stand_in(&shown, Problem::Unusable(s::PG_NOT_A_FILE.to_string()));
        }
        let mut ledger = match try_open_patiently(options) {
            Ok(ledger) => ledger,
            // Only a damaged database is moved aside; any other file is not a ledger at all
            // (a YAML file named by mistake, say) and is left as it is.
            Err(Problem::Corrupt(why)) => match file::damaged(path) {
                Some(id) => match file::move_aside(path, id) {
                    Ok(aside) => match try_open_patiently(options) {
                        Ok(mut ledger) => {
                            ledger.message = Some(s::ledger_moved_aside(path, &why, &aside));
                            ledger.opened = Opened::Anew;
                            ledger
                        }
                        Err(p) => stand_in(path, p),
                    },
                    // Another session put a new ledger in its place meanwhile: that one.
                    Err(e) => try_open_patiently(options)
                        .unwrap_or_else(|_| stand_in(path, Problem::Unusable(format!("{why}; {e}")))),
                },
                None => stand_in(path, Problem::NotALedger),
            },
            Err(problem) => stand_in(path, problem),
        };
        if ledger.opened == Opened::AsFound
            && let Some(kind) = unsafe_place(path)
        {
            ledger.say(s::ledger_unsafe_place(path, &kind));
        }
        if !ledger.read_only
            && let Some(notes) = &options.import
        {
            match ledger.import(notes, options.account.as_ref().unwrap_or(&options.user)) {
                Ok(Some(n)) if n > 0 => ledger.say(s::ledger_imported(n, notes)),
                // Nothing came in (it was all there): nothing to say.
                Ok(_) => {}
                Err(e) => ledger.say(e.to_string()),
            }
        }
        ledger
    }

    /// Adds `message` to what the user is told about how the ledger opened.
    fn say(&mut self, message: String) {
        self.message = Some(match self.message.take() {
            Some(before) => format!("{before}; {message}"),
            None => message,
        });
    }
}

/// Why a ledger could not be opened for use.
enum Problem {
    /// SQLite cannot read the file: a damaged database, or not one at all.
    Corrupt(String),
    /// Another session held the file at a moment SQLite does not wait through (turning a
    /// new file to WAL, say): worth trying again.
    Busy(String),
    /// The disk is full: a new ledger cannot be made, nor the files SQLite reads through.
    Full,
    /// This file (the ledger or a side file) is a FIFO, a device or a socket.
    NotAFile(PathBuf),
    /// The file is a database of something else, or not a database at all.
    NotALedger,
    /// Anything else: it cannot be used at all.
    Unusable(String),
}

impl From<rusqlite::Error> for Problem {
    fn from(e: rusqlite::Error) -> Problem {
        use rusqlite::ErrorCode as C;
        if super::disk_full(&e) {
            return Problem::Full;
        }
        match e.sqlite_error_code() {
            Some(C::NotADatabase | C::DatabaseCorrupt) => Problem::Corrupt(e.to_string()),
            Some(C::DatabaseBusy | C::DatabaseLocked) => Problem::Busy(e.to_string()),
            _ => Problem::Unusable(e.to_string()),
        }
    }
}

impl From<io::Error> for Problem {
    fn from(e: io::Error) -> Problem {
        match e.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Problem::Full,
            _ => Problem::Unusable(e.to_string()),
        }
    }
}

/// [`try_open`], tried again while another session holds the file, for at most the busy
/// timeout. Sessions opening a new ledger at the same moment race to make it a WAL database,
/// and SQLite answers the losers "database is locked" at once instead of waiting.
fn try_open_patiently(options: &Options) -> Result<Ledger, Problem> {
    let start = std::time::Instant::now();
    loop {
        match try_open(options) {
            Err(Problem::Busy(_)) if start.elapsed() < options.busy_timeout => {
                std::thread::sleep(Duration::from_millis(20));
            }
            done => return done,
        }
    }
}

fn try_open(options: &Options) -> Result<Ledger, Problem> {
    let path = &options.path;
    if options.create_dirs
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        crate::store::make_private_dir(dir)?;
    }
    create_private(path)?;
    let side_read_only = match file::look(path) {
        Found::Fine => None,
        Found::NotAFile(file) => return Err(Problem::NotAFile(file)),
        Found::SideReadOnly(side) => Some(side),
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(options.busy_timeout)?;
    if let Some(pages) = options.max_pages {
        conn.pragma_update(None, "max_page_count", pages)?;
    }
    let mut read_only = conn.is_readonly("main").unwrap_or(true);
    let mut message = read_only.then(|| s::ledger_read_only(path, &s::LEDGER_READ_ONLY_FILE));
    if let Some(side) = side_read_only.filter(|_| !read_only) {
        read_only = true;
        message = Some(s::ledger_read_only(path, &s::side_file_read_only(&side)));
        conn.execute_batch("PRAGMA query_only = ON")?;
    }
    let found: i64 = match conn.query_row("PRAGMA user_version", [], |r| r.get(0)) {
        Ok(v) => v,
        // A WAL ledger in a folder this user cannot write: SQLite cannot make the shared-memory
        // file it reads through. Read the file as it stands instead.
        Err(e) if read_only && e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) => {
            conn = Connection::open_with_flags(
                immutable_uri(path),
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
            )?;
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))?
        }
        Err(e) => return Err(e.into()),
    };
    // Reading the schema proves the file is a database; a damaged one fails here. One with
    // tables but no schema version is another program's: not a ledger, and never changed.
    // (Both are read at one moment: another session may be making a new ledger's schema.)
    let (version, tables): (i64, i64) = conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if version == 0 && tables > 0 {
        return Err(Problem::NotALedger);
    }
    if found > SCHEMA {
        read_only = true;
        message = Some(s::ledger_read_only(path, &s::ledger_newer(found, SCHEMA)));
        conn.execute_batch("PRAGMA query_only = ON")?;
    }
    if !read_only {
        // WAL: readers never wait for a writer, and a commit is one append to the log.
        // synchronous = FULL: the log is synced at every commit, so a decision reported saved
        // survives a power cut, not only a crash of the process (NORMAL in WAL mode may lose
        // the last commits on power loss).
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Problem::Unusable(format!("journal mode {mode}")));
        }
        conn.execute_batch("PRAGMA synchronous = FULL")?;
        let chained = migrate(&conn, found)?;
        if chained > 0 {
            message = Some(s::ledger_chained(chained));
        }
        if super::trail::restore_guards(&conn)? > 0 && found >= SCHEMA {
            message = Some(s::LEDGER_GUARDS_RESTORED.to_string());
        }
    } else if found < SCHEMA {
        return Err(Problem::Unusable(s::ledger_read_only(path, &s::LEDGER_READ_ONLY_FILE)));
    }
    Ok(Ledger {
        conn,
        path: path.clone(),
        read_only,
        message,
        pending: Vec::new(),
        opened: Opened::AsFound,
        account: options.account.clone(),
    })
}

/// Where a ledger is not safe, if it is: a network file system (NFS, SMB/CIFS, a FUSE
/// mount such as sshfs) whose locks SQLite cannot trust, or a folder a sync client copies
/// between machines (two copies then go their own ways). The file system is asked where it
/// can say (Linux); a synced folder is known by its name.
fn unsafe_place(path: &Path) -> Option<String> {
    const SYNCED: [&str; 6] = ["Dropbox", "OneDrive", "iCloud Drive", "Google Drive", "Nextcloud", "Sync"];
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if let Some(name) = dir.components().find_map(|c| {
        let c = c.as_os_str().to_string_lossy();
        SYNCED.iter().find(|s| c.starts_with(*s)).map(|s| s.to_string())
    }) {
        return Some(name);
    }
    network_file_system(&dir)
}

#[cfg(target_os = "linux")]
fn network_file_system(dir: &Path) -> Option<String> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: `c` is a NUL-terminated path; statfs fills `st` and nothing else.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    // The magic numbers of linux/magic.h.
    #[allow(clippy::unnecessary_cast)]
    match st.f_type as i64 {
        0x6969 => Some("NFS".into()),
        0x517B => Some("SMB".into()),
        0xFF53_4D42 | 0xFE53_4D42 => Some("SMB/CIFS".into()),
        0x6573_5546 => Some("FUSE (sshfs, a sync client …)".into()),
        0x0102_1997 => Some("9p".into()),
        0x5346_414F => Some("AFS".into()),
        _ => None,
    }
}

#[cfg(not(target_os = "linux"))]
fn network_file_system(_: &Path) -> Option<String> {
    None
}

/// `file:PATH?immutable=1`, the path percent-encoded where a URI needs it.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{b:02X}")),
            b if b.is_ascii() => uri.push(char::from(*b)),
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Creates the file unless it exists: private to its owner (0600), or, in a folder whose
/// group is shared (its set-group-id bit set, so the file gets the folder's group), readable
/// and writable by that group (0660, whatever the umask). A ledger that exists keeps the
/// permissions its owner gave it, and SQLite gives its `-wal` and `-shm` files the same.
fn create_private(path: &Path) -> io::Result<()> {
    let mode = if shared_folder(path) { 0o660 } else { 0o600 };
    let mut open = fs::File::options();
    open.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut open, mode);
    match open.open(path) {
        #[cfg(unix)]
        Ok(file) => {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(fs::Permissions::from_mode(mode))
        }
        #[cfg(not(unix))]
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether `path`'s folder is a team's: set-group-id, so what is made in it is the group's.
fn shared_folder(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o2000 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Brings the schema from `found` to [`SCHEMA`], in one transaction that re-reads the
/// version under the write lock, so two sessions opening a new ledger at once migrate once.
/// Returns how many rows written before the trail was chained were chained now.
fn migrate(conn: &Connection, found: i64) -> Result<usize, Problem> {
    if found >= SCHEMA {
        return Ok(0);
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut chained = 0;
    for (to, sql) in MIGRATIONS.iter().filter(|(to, _)| *to > now) {
        tx.execute_batch(sql)?;
        if *to == 2 {
            chained = super::trail::chain_earlier(&tx)?;
        }
        tx.pragma_update(None, "user_version", to)?;
    }
    tx.commit()?;
    Ok(chained)
}

/// A ledger in memory, read-only, standing in for the file `path` that could not be opened
/// for `problem` (said in its message). Writes stay queued in it.
fn stand_in(path: &Path, problem: Problem) -> Ledger {
    let message = match problem {
        Problem::Full => s::ledger_cannot_open(path, &s::LEDGER_FULL),
        Problem::NotAFile(file) => s::ledger_cannot_open(path, &s::not_a_regular_file(&file)),
        Problem::NotALedger => s::ledger_cannot_open(path, &s::NOT_A_LEDGER),
        Problem::Corrupt(why) | Problem::Busy(why) | Problem::Unusable(why) => {
            s::ledger_read_only(path, &why)
        }
    };
    let conn = Connection::open_in_memory().unwrap_or_else(|_| {
        // Opening an in-memory database fails only when memory is exhausted.
        std::process::abort()
    });
    let _ = migrate(&conn, 0);
    let _ = super::trail::restore_guards(&conn);
    Ledger {
        conn,
        path: path.to_path_buf(),
        read_only: true,
        message: Some(message),
        pending: Vec::new(),
        opened: Opened::StandIn,
        account: None,
    }
}

impl Ledger {
    /// Why writes are refused, as the user is told.
    pub(super) fn refusal(&self) -> LedgerError {
        LedgerError::ReadOnly(self.message.clone().unwrap_or_else(|| s::LEDGER_READ_ONLY_FILE.into()))
    }
}
