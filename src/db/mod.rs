//! Storage. One code base serves SQLite and PostgreSQL through sqlx's `Any` driver: the
//! schema keeps to types both read the same way through it (BIGINT for flags and instants,
//! TEXT for the rest), and every query uses `$n` placeholders. Each backend has its own
//! migration folder because DDL (identity columns) differs.

pub mod audit;
pub mod challenges;
pub mod devices;
pub mod outbox;
pub mod platform;
pub mod recovery;
pub mod sessions;
pub mod setup;
pub mod throttle;
pub mod totp;
pub mod users;

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions, Executor};

pub use sqlx::Error as DbError;

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
                if let Some(dir) = sqlite.get_filename().parent() {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("creating {}", dir.display()))?;
                }
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
        Ok(Self { pool, backend })
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.pool)
            .await
            .context("applying database migrations")
    }

    /// True when the database answers a trivial query.
    pub async fn is_ready(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
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
