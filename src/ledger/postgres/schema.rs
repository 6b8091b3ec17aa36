//! The ledger's schema on PostgreSQL, owned by artikel: numbered migrations recorded in
//! `artikel_schema`, applied under a session advisory lock so that hosts starting at the same
//! moment apply each once; a current schema is only read (so a role without CREATE, or a
//! read replica, opens it). The append-only rule is kept by triggers (rows of the trail,
//! decisions, kept texts, lifts, renames and replies are never changed nor removed; comments
//! are marked deleted, never removed). Triggers stop accidents: the tables' owner or a
//! superuser can disable or drop them, so only a runtime role that does not own the tables is
//! bound by them, and only `review verify --head` against a head kept elsewhere catches an
//! owner who rewrote the chain, hashes and all. Who wrote a row is what the client says.

/// The schema this build reads and writes.
pub const SCHEMA: i64 = 2;

/// The session-level advisory lock migrations run under.
const MIGRATION_LOCK: i64 = 0x6172_7469_6b65_6c00;

/// The migrations, by the version each brings the schema to.
const MIGRATIONS: &[(i64, &str)] = &[
    (
        1,
        r#"CREATE TABLE versions(slug TEXT NOT NULL, version TEXT NOT NULL, text TEXT NOT NULL,
         first_seen TEXT NOT NULL, PRIMARY KEY(slug, version));
     CREATE TABLE decisions(id BIGSERIAL PRIMARY KEY, uid TEXT NOT NULL UNIQUE, slug TEXT NOT NULL,
         version TEXT NOT NULL, reviewer TEXT NOT NULL,
         verdict TEXT NOT NULL CHECK(verdict IN ('approved', 'changes-requested')),
         comment TEXT NOT NULL, at TEXT NOT NULL);
     CREATE INDEX decisions_by_slug ON decisions(slug, id);
     CREATE TABLE comments(id TEXT PRIMARY KEY, slug TEXT NOT NULL, heading TEXT NOT NULL,
         position BIGINT NOT NULL, section TEXT NOT NULL, version TEXT NOT NULL,
         author TEXT NOT NULL, text TEXT NOT NULL, resolved BOOLEAN NOT NULL DEFAULT false,
         deleted BOOLEAN NOT NULL DEFAULT false, created TEXT NOT NULL, updated TEXT NOT NULL,
         revision BIGINT NOT NULL DEFAULT 1);
     CREATE INDEX comments_by_slug ON comments(slug);
     CREATE TABLE audit(seq BIGINT PRIMARY KEY CHECK(seq > 0), at TEXT NOT NULL, actor TEXT NOT NULL,
         action TEXT NOT NULL, slug TEXT NOT NULL, version TEXT NOT NULL, target TEXT NOT NULL,
         detail TEXT NOT NULL, state TEXT NOT NULL, hash TEXT NOT NULL);
     CREATE INDEX audit_by_slug ON audit(slug, seq);
     CREATE TABLE policy(key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE lifts(uid TEXT PRIMARY KEY, slug TEXT NOT NULL, version TEXT NOT NULL,
         reviewer TEXT NOT NULL, "by" TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
     CREATE TABLE renames(old TEXT PRIMARY KEY, new TEXT NOT NULL, "by" TEXT NOT NULL,
         reason TEXT NOT NULL, at TEXT NOT NULL);
     CREATE TABLE replies(n BIGSERIAL, id TEXT PRIMARY KEY, parent TEXT NOT NULL);
     CREATE FUNCTION artikel_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'artikel: % is append-only', TG_TABLE_NAME; END $$;
     CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit
         FOR EACH STATEMENT EXECUTE FUNCTION artikel_append_only();
     CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON decisions
         FOR EACH STATEMENT EXECUTE FUNCTION artikel_append_only();
     CREATE TRIGGER versions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON versions
         FOR EACH STATEMENT EXECUTE FUNCTION artikel_append_only();
     CREATE TRIGGER lifts_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON lifts
         FOR EACH STATEMENT EXECUTE FUNCTION artikel_append_only();
     CREATE TRIGGER renames_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON renames
         FOR EACH STATEMENT EXECUTE FUNCTION artikel_append_only();
     CREATE TRIGGER replies_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON replies
         FOR EACH STATEMENT EXECUTE FUNCTION artikel_append_only();
     CREATE TRIGGER comments_never_removed BEFORE DELETE OR TRUNCATE ON comments
         FOR EACH STATEMENT EXECUTE FUNCTION artikel_append_only();"#,
    ),
    // Each reviewer's latest decision on an article, found in the index (`review status`,
    // the marks) instead of every decision read and sorted.
    (2, "CREATE INDEX decisions_by_reviewer ON decisions(slug, reviewer, id);"),
];

/// The version of artikel's schema the database holds (0: none), asking nothing of it that a
/// role without CREATE, or a read replica, could not answer.
pub(super) fn found(client: &mut postgres::Client) -> Result<i64, postgres::Error> {
    let exists: bool = client.query_one("SELECT to_regclass('artikel_schema') IS NOT NULL", &[])?.get(0);
    if !exists {
        return Ok(0);
    }
    Ok(client.query_one("SELECT coalesce(max(version), 0) FROM artikel_schema", &[])?.get(0))
}

/// Brings the database's schema up to [`SCHEMA`] (a newer one is left alone); returns the
/// version found before. A schema already current is only read.
pub(super) fn migrate(client: &mut postgres::Client) -> Result<i64, postgres::Error> {
    let now = found(client)?;
    if now >= SCHEMA {
        return Ok(now);
    }
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
    let done = apply(client);
    // Released on every path (and by the server when the connection goes).
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]);
    let found = done?;
    unlocked?;
    Ok(found)
}

fn apply(client: &mut postgres::Client) -> Result<i64, postgres::Error> {
    // Made only when missing: CREATE … IF NOT EXISTS still needs the right to create.
    let exists: bool = client.query_one("SELECT to_regclass('artikel_schema') IS NOT NULL", &[])?.get(0);
    if !exists {
        client.batch_execute(
            "CREATE TABLE IF NOT EXISTS artikel_schema(version BIGINT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )?;
    }
    let found: i64 = client.query_one("SELECT coalesce(max(version), 0) FROM artikel_schema", &[])?.get(0);
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > found) {
        let mut tx = client.transaction()?;
        tx.batch_execute(sql)?;
        tx.execute("INSERT INTO artikel_schema(version) VALUES ($1)", &[version])?;
        tx.commit()?;
    }
    Ok(found)
}
