//! Storage. One code base serves SQLite and PostgreSQL through sqlx's `Any` driver: the
//! schema keeps to types both read the same way through it (BIGINT for flags and instants,
//! TEXT for the rest), and every query uses `$n` placeholders. Each backend has its own
//! migration folder because DDL (identity columns) differs.

pub mod api_keys;
pub mod applications;
pub mod audit;
pub mod audit_details;
pub mod challenges;
pub mod devices;
pub mod directory;
pub mod factors;
pub mod groups;
pub mod imports;
pub mod links;
pub mod outbox;
pub mod passkeys;
pub mod platform;
pub mod recovery;
pub mod registrations;
pub mod rooms;
pub mod sealed;
pub mod sessions;
pub mod setup;
pub mod sign_in_alerts;
pub mod temporary_codes;
pub mod throttle;
pub mod totp;
pub mod users;

use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Any, AnyConnection, AnyPool, ConnectOptions, Connection, Executor, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

pub use sqlx::Error as DbError;

use crate::metrics::Metrics;

/// A transaction on either backend: services run each use case in one. On SQLite it also
/// holds the portal's write turn (see [`Db::begin`]). Queries run on `&mut *tx`.
pub struct Tx {
    // Declared first: dropped (and so rolled back) before the write turn is given up.
    inner: Transaction<'static, Any>,
    _write_turn: Option<OwnedMutexGuard<()>>,
    /// Audit events of the use case, written together at commit.
    events: Vec<audit::AuditRow>,
    /// Counts the events once they are committed.
    metrics: Arc<Metrics>,
}

impl Tx {
    fn new(
        inner: Transaction<'static, Any>,
        write_turn: Option<OwnedMutexGuard<()>>,
        metrics: Arc<Metrics>,
    ) -> Self {
        Self {
            inner,
            _write_turn: write_turn,
            events: Vec::new(),
            metrics,
        }
    }

    /// Adds an audit event, written when the transaction commits (and never if it does not).
    pub fn record(&mut self, event: audit::AuditRow) {
        self.events.push(event);
    }

    pub async fn commit(mut self) -> Result<(), DbError> {
        if !self.events.is_empty() {
            audit::record_events(&mut *self.inner, &self.events).await?;
        }
        self.inner.commit().await?;
        self.metrics
            .recorded(self.events.iter().map(audit::AuditRow::name_and_detail));
        Ok(())
    }
}

/// `count` numbered placeholders from `$first`: "$3, $4, $5".
pub(crate) fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Deref for Tx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.inner
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.inner
    }
}

/// Where a query runs: the pool, or a use case's transaction (`&mut *tx`). Every function
/// of `db/` takes one, so services compose them.
pub trait Exec<'e>: Executor<'e, Database = Any> {}
impl<'e, T: Executor<'e, Database = Any>> Exec<'e> for T {}

/// A pooled PostgreSQL connection idle this long is pinged before it is handed out.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(1);

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Self::Postgres)
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite:// or postgres://")
        }
    }
}

/// The connection pool and which backend is behind it.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// SQLite has one writer at a time. Writers of this process take turns here, in order,
    /// instead of in SQLite's busy handler, which sleeps and retries (up to 100 ms a try)
    /// while holding a pooled connection.
    write_turn: Arc<Mutex<()>>,
    /// This process's metrics: committed audit events are counted here.
    pub metrics: Arc<Metrics>,
}

impl Db {
    /// Connects lazily: the portal starts (and `/readyz` reports the outage) even when the
    /// database is down. SQLite files are created on first use, in WAL mode.
    pub fn connect(database_url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(database_url)?;
        let options: AnyConnectOptions = match backend {
            Backend::Sqlite => {
                // `Any` rebuilds SQLite options from a URL, so only URL parameters survive;
                // the pragmas are applied in `after_connect` below.
                let sqlite = SqliteConnectOptions::from_str(database_url)
                    .context("DATABASE_URL is not a valid SQLite URL")?
                    .create_if_missing(true);
                make_private(sqlite.get_filename())?;
                AnyConnectOptions::from_url(&sqlite.to_url_lossy())
                    .context("converting the SQLite options")?
            }
            Backend::Postgres => AnyConnectOptions::from_str(database_url)
                .context("DATABASE_URL is not a valid PostgreSQL URL")?,
        }
        .log_statements(tracing::log::LevelFilter::Debug);
        let max_connections = match backend {
            // SQLite has one writer at a time; a few connections let reads overlap it.
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            // sqlx pings every connection it hands out by default: a round trip per query
            // on the hot path. Only a connection that sat idle is tested (PostgreSQL may
            // have closed it); a SQLite file does not go away.
            .test_before_acquire(false)
            .before_acquire(move |conn, meta| {
                Box::pin(async move {
                    if backend == Backend::Postgres && meta.idle_for >= IDLE_BEFORE_PING {
                        conn.ping().await?;
                    }
                    Ok(true)
                })
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_lazy_with(options);
        Ok(Self {
            pool,
            backend,
            write_turn: Arc::new(Mutex::new(())),
            metrics: Arc::new(Metrics::new()),
        })
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.pool)
            .await
            .context("applying database migrations")?;
        users::index_unindexed_names(self)
            .await
            .context("indexing the names stored before the users search by word")
    }

    /// Begins a transaction for a use case. On SQLite it takes the write lock up front: a
    /// transaction that reads and then writes would otherwise fail, not wait, when another
    /// writer got there first.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        let write_turn = self.write_turn().await;
        let inner = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(Tx::new(inner, write_turn, self.metrics.clone()))
    }

    /// On SQLite, waits for this process's turn to write; hold it across a write that is
    /// not in a transaction. `None` on PostgreSQL, where writers do not exclude each other.
    /// Never taken while a transaction of the same task is open (it would wait for itself).
    pub async fn write_turn(&self) -> Option<OwnedMutexGuard<()>> {
        match self.backend {
            Backend::Sqlite => Some(self.write_turn.clone().lock_owned().await),
            Backend::Postgres => None,
        }
    }

    /// Begins a transaction whose reads decide its writes (count, then insert), so callers
    /// that share one of `lock_keys` take turns, across instances. SQLite: the write lock
    /// is taken up front (a concurrent writer waits for the busy timeout rather than fail
    /// on upgrading a read lock). PostgreSQL: a transaction-scoped advisory lock per key,
    /// taken in a fixed order so two callers never wait on each other.
    pub async fn begin_exclusive(&self, lock_keys: &[&str]) -> Result<Tx, DbError> {
        match self.backend {
            Backend::Sqlite => self.begin().await,
            Backend::Postgres => {
                let mut tx = self.begin().await?;
                let mut keys = lock_keys.to_vec();
                keys.sort_unstable();
                keys.dedup();
                if keys.is_empty() {
                    return Ok(tx);
                }
                // One statement takes every lock, left to right in key order.
                let locks: Vec<String> = (1..=keys.len())
                    .map(|n| format!("pg_advisory_xact_lock(hashtextextended(${n}, 0))"))
                    .collect();
                let sql = format!("SELECT 1 FROM (SELECT {}) AS locked", locks.join(", "));
                // The text holds only numbered placeholders; the keys are bound.
                let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                for key in keys {
                    query = query.bind(key);
                }
                query.execute(&mut *tx).await?;
                Ok(tx)
            }
        }
    }

    /// True when the database answers a trivial query.
    pub async fn is_ready(&self) -> bool {
        let query = sqlx::query("SELECT 1").execute(&self.pool);
        matches!(tokio::time::timeout(READY_WITHIN, query).await, Ok(Ok(_)))
    }
}

/// How long `/readyz` waits for the database before it answers 503: less than a load
/// balancer's usual check timeout.
const READY_WITHIN: Duration = Duration::from_secs(2);

/// Whether `err` says the database is out of reach (down, restarting, refusing connections,
/// or every connection busy past the wait) rather than that a statement was wrong: the
/// request may succeed in a moment, so it is answered 503, not 500.
pub fn is_outage(err: &DbError) -> bool {
    match err {
        DbError::Io(_)
        | DbError::Tls(_)
        | DbError::PoolTimedOut
        | DbError::PoolClosed
        | DbError::WorkerCrashed => true,
        // PostgreSQL's connection exceptions (class 08), a server shutting down or
        // starting up (57P01-57P03), and too many connections.
        DbError::Database(db) => db.code().is_some_and(|code| {
            code.starts_with("08") || matches!(&*code, "57P01" | "57P02" | "57P03" | "53300")
        }),
        _ => false,
    }
}

/// The SQLite database holds password hashes and sessions: its directory is created
/// owner-only and its files (the database, and the journal files SQLite gives the same
/// mode) are owner-only, whatever the umask.
fn make_private(database: &std::path::Path) -> anyhow::Result<()> {
    if let Some(dir) = database.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    if !database.exists() {
        create_private_file(database)
            .with_context(|| format!("creating {}", database.display()))?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        let path = std::path::PathBuf::from(name);
        if path.exists() {
            set_mode(&path, 0o600).with_context(|| format!("protecting {}", path.display()))?;
        }
    }
    Ok(())
}

/// Creates `dir` (and missing parents) readable by the owner only.
/// Why `backup` wrote no copy.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "twostep backup copies SQLite databases; back up PostgreSQL with pg_dump (pg_dump --format=custom --file=twostep.dump \"$DATABASE_URL\")"
    )]
    Postgres,
    #[error("{0} exists and is not empty: choose a new file")]
    Exists(String),
    #[error("writing {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Db(#[from] DbError),
}

impl Db {
    /// Writes a consistent copy of a SQLite database to `path` with `VACUUM INTO` (one read
    /// transaction: what was committed when it began, while the portal goes on serving),
    /// into a file made first with mode 0600: it holds every secret the database does.
    pub async fn backup(&self, path: &std::path::Path) -> Result<u64, BackupError> {
        if self.backend == Backend::Postgres {
            return Err(BackupError::Postgres);
        }
        let shown = path.display().to_string();
        let io = |source| BackupError::Io {
            path: shown.clone(),
            source,
        };
        if std::fs::metadata(path).is_ok_and(|meta| meta.len() > 0) {
            return Err(BackupError::Exists(shown.clone()));
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(path).map_err(io)?;
        set_mode(path, 0o600).map_err(io)?;
        let target = path.to_str().ok_or_else(|| {
            io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the path is not UTF-8",
            ))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await?;
        std::fs::File::open(path)
            .and_then(|file| file.sync_all())
            .map_err(io)?;
        Ok(std::fs::metadata(path).map_err(io)?.len())
    }
}

pub fn create_private_dir(dir: &std::path::Path) -> anyhow::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("creating {}", dir.display()))?;
    set_mode(dir, 0o700).with_context(|| format!("protecting {}", dir.display()))
}

fn create_private_file(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop)
}

/// Sets the permission bits exactly (the umask does not apply to chmod).
pub fn set_mode(path: &std::path::Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// Seconds since the Unix epoch: how every instant is stored.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// Flags are stored as BIGINT 0/1 (SQLite's BOOLEAN cannot be read through `Any`).
pub(crate) fn flag(value: bool) -> i64 {
    i64::from(value)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Migrations that cannot be written alike, each with why: SQLite adds no CHECK
    /// constraint to an existing table, so triggers refuse what PostgreSQL's constraint does;
    /// SQLite adds only a VIRTUAL generated column to a table and PostgreSQL only a STORED
    /// one, and each finds the "@" with its own function (`instr`, `strpos`).
    const WRITTEN_PER_BACKEND: &[&str] = &[
        "20261206002106_two_factor_method_values.sql",
        "20261206002241_users_list.sql",
        "20261207002401_passkey_method_value.sql",
    ];

    /// The two migration folders hold the same files, line for line, but for the identity
    /// column each backend spells its own way (and the few written per backend).
    #[test]
    fn the_migration_folders_differ_only_in_identity_columns() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let names = |dir: &str| {
            let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|entry| entry.unwrap().file_name().into_string().unwrap())
                .collect();
            names.sort();
            names
        };
        assert_eq!(names("sqlite"), names("postgres"), "the same migrations");
        let identity = |line: &str| {
            matches!(
                line.trim(),
                "id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    | "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            )
        };
        for name in names("sqlite") {
            if WRITTEN_PER_BACKEND.contains(&name.as_str()) {
                continue;
            }
            let read = |dir: &str| std::fs::read_to_string(root.join(dir).join(&name)).unwrap();
            let (sqlite, postgres) = (read("sqlite"), read("postgres"));
            let (sqlite, postgres): (Vec<&str>, Vec<&str>) =
                (sqlite.lines().collect(), postgres.lines().collect());
            assert_eq!(
                sqlite.len(),
                postgres.len(),
                "{name}: the same number of lines"
            );
            for (number, (a, b)) in sqlite.iter().zip(&postgres).enumerate() {
                assert!(
                    a == b || (identity(a) && identity(b)),
                    "{name} line {}: {a:?} and {b:?} differ",
                    number + 1
                );
            }
        }
    }
}
