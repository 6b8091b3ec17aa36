//! A throwaway PostgreSQL cluster for tests: `initdb` in a temporary folder, `pg_ctl start`
//! on a free loopback port, stopped when dropped (a test that panics too). As root the
//! server programs run as the `postgres` account (PostgreSQL refuses root), the folder
//! handed to it. The programs are looked for in `ARTIKEL_PG_BIN`, else the newest
//! `/usr/lib/postgresql/*/bin`; only when they are missing is a test skipped, loudly.

use std::path::PathBuf;
use std::process::Command;

/// A running cluster; stopped and removed when dropped.
pub(crate) struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    owner: Option<(u32, u32)>,
    databases: std::sync::atomic::AtomicUsize,
    /// What `pg_ctl start` is given as the server's options.
    options: String,
}

/// The superuser `initdb` makes (trusted on loopback: no password).
const SUPERUSER: &str = "artikel";

fn server_programs() -> Option<PathBuf> {
    if let Some(bin) = std::env::var_os("ARTIKEL_PG_BIN") {
        return Some(PathBuf::from(bin));
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").is_file() && bin.join("pg_ctl").is_file())
        .collect();
    found.sort_by_key(|b| b.parent().and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok()));
    found.pop()
}

/// The `postgres` account's uid and gid, when running as root.
fn unprivileged() -> Option<(u32, u32)> {
    // SAFETY: geteuid has no preconditions; getpwnam reads a NUL-terminated name and returns
    // a pointer to static data read at once.
    unsafe {
        if libc::geteuid() != 0 {
            return None;
        }
        let pw = libc::getpwnam(c"postgres".as_ptr());
        assert!(!pw.is_null(), "running as root, and no postgres account to run the server as");
        Some(((*pw).pw_uid, (*pw).pw_gid))
    }
}

/// No cluster: said loudly and skipped, or a failure when `require` (`ARTIKEL_REQUIRE_PG`,
/// which CI sets) is set, so a machine without the server never passes the tests unrun.
pub(crate) fn missing(require: Option<std::ffi::OsString>) -> Option<Cluster> {
    let why = "PostgreSQL's server programs (initdb, pg_ctl) are not on this machine; \
               install Debian's postgresql package or set ARTIKEL_PG_BIN";
    if require.is_some_and(|r| !r.is_empty()) {
        panic!("ARTIKEL_REQUIRE_PG is set and {why}");
    }
    eprintln!("\n!!!! SKIPPED: {why} !!!!\n");
    None
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

impl Cluster {
    /// Starts one, or `None` (said loudly) when the server programs are not on this machine.
    #[allow(dead_code)]
    pub(crate) fn start() -> Option<Cluster> {
        Cluster::start_with(false, false)
    }

    /// Starts one that syncs its commits to disk as a real server does (for measuring).
    #[allow(dead_code)]
    pub(crate) fn start_durable() -> Option<Cluster> {
        Cluster::start_with(false, true)
    }

    /// Starts one that also takes TLS, its certificate for `localhost` signed by the
    /// authority in [`Cluster::authority`].
    #[allow(dead_code)]
    pub(crate) fn start_tls() -> Option<Cluster> {
        Cluster::start_with(true, false)
    }

    /// The PEM file of the authority that signed a TLS cluster's certificate.
    #[allow(dead_code)]
    pub(crate) fn authority(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    fn start_with(tls: bool, durable: bool) -> Option<Cluster> {
        let Some(bin) = server_programs() else {
            return missing(std::env::var_os("ARTIKEL_REQUIRE_PG"));
        };
        let owner = unprivileged();
        // As root, in /tmp: the postgres account may not reach a TMPDIR under root's home.
        let base = if owner.is_some() { PathBuf::from("/tmp") } else { std::env::temp_dir() };
        let dir = tempfile::Builder::new().prefix("artikel-pg-").tempdir_in(base).expect("temp dir");
        if let Some((uid, gid)) = owner {
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).expect("hand the folder to postgres");
        }
        let mut cluster =
            Cluster { dir, bin, port: free_port(), owner, databases: 0.into(), options: String::new() };
        let data = cluster.dir.path().join("data");
        cluster.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                SUPERUSER.as_ref(),
                "--auth=trust".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        );
        let mut options =
            format!("-p {} -k {} -c listen_addresses=127.0.0.1", cluster.port, cluster.dir.path().display());
        if !durable {
            options.push_str(" -c fsync=off -c full_page_writes=off");
        }
        if tls {
            cluster.certificates();
            let dir = cluster.dir.path().display();
            options.push_str(&format!(
                " -c ssl=on -c ssl_cert_file={dir}/server.pem -c ssl_key_file={dir}/server.key"
            ));
        }
        cluster.options = options;
        cluster.start_again();
        Some(cluster)
    }

    /// Starts the server (again, after [`Cluster::stop_fast`]), waiting until it takes
    /// connections.
    pub(crate) fn start_again(&self) {
        let data = self.dir.path().join("data");
        let log = self.dir.path().join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-o".as_ref(),
                self.options.as_ref(),
                "-l".as_ref(),
                log.as_os_str(),
                "-w".as_ref(),
                "-t".as_ref(),
                "60".as_ref(),
                "start".as_ref(),
            ],
        );
    }

    /// Stops the server as an operator's restart does (`pg_ctl stop -m fast`: connections
    /// are ended, what was committed is kept).
    #[allow(dead_code)]
    pub(crate) fn stop_fast(&self) {
        let data = self.dir.path().join("data");
        self.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "fast".as_ref(),
                "-w".as_ref(),
                "stop".as_ref(),
            ],
        );
    }

    /// An authority (`ca.pem`) and the server's key and certificate for `localhost` and
    /// 127.0.0.1 that it signed, made with `openssl`, the key the server's own.
    fn certificates(&self) {
        let dir = self.dir.path();
        std::fs::write(dir.join("ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n")
            .expect("extensions");
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
        let steps: [&[&str]; 3] = [
            &[
                &["req", "-x509"],
                &ec[..],
                &["-days", "2", "-subj", "/CN=artikel test CA", "-keyout", "ca.key", "-out", "ca.pem"],
            ]
            .concat(),
            &[&["req"], &ec[..], &["-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr"]]
                .concat(),
            &[
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                "ext.cnf",
                "-out",
                "server.pem",
            ],
        ];
        for args in steps {
            let out = Command::new("openssl").args(args).current_dir(dir).output().expect("run openssl");
            assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
        let key = dir.join("server.key");
        std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .expect("key mode");
        if let Some((uid, gid)) = self.owner {
            for file in ["server.key", "server.pem"] {
                std::os::unix::fs::chown(dir.join(file), Some(uid), Some(gid)).expect("hand over");
            }
        }
    }

    /// Runs server program `name` (as `postgres` when root); panics with its output on failure.
    fn run(&self, name: &str, args: &[&std::ffi::OsStr]) {
        let program = self.bin.join(name);
        let mut command = match self.owner {
            Some(_) => {
                let mut c = Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        let out = command.args(args).current_dir(self.dir.path()).output().expect("run a server program");
        assert!(
            out.status.success(),
            "{name} failed: {}{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
        );
    }

    /// The URL of database `db` on it.
    pub(crate) fn url(&self, db: &str) -> String {
        format!("postgres://{SUPERUSER}@127.0.0.1:{}/{db}?sslmode=disable", self.port)
    }

    /// A new, empty database; its URL.
    pub(crate) fn database(&self) -> String {
        let n = self.databases.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("ledger{n}");
        let mut client = postgres::Client::connect(&self.url("postgres"), postgres::NoTls).expect("connect");
        client.batch_execute(&format!("CREATE DATABASE {name}")).expect("create database");
        self.url(&name)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let program = self.bin.join("pg_ctl");
        let mut command = match self.owner {
            Some(_) => {
                let mut c = Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        // Immediate: nothing in a throwaway cluster is worth a checkpoint.
        let _ = command.arg("-D").arg(&data).args(["-m", "immediate", "-w", "stop"]).output();
    }
}
