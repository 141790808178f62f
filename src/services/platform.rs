//! The platform settings as every request sees them: read from the database at most once
//! every few seconds per instance, so a change reaches all instances within seconds.

use crate::domain::language::Language;
use std::time::{Duration, Instant};

use tokio::sync::RwLock;

use super::Services;
use crate::db::platform::{load_platform_settings, seed_from_environment};
use crate::db::{Db, DbError, Exec};
use crate::domain::policy::PlatformSettings;

/// How long a request waits for the settings to be read again before it goes on with the
/// last ones read: every request reads them, and most need nothing else of the database.
const REFRESH_WITHIN: Duration = Duration::from_secs(1);
/// While the settings cannot be read, how often a request tries again.
const RETRY_EVERY: Duration = Duration::from_secs(1);

pub struct PlatformCache {
    db: Db,
    /// How long a read stays fresh (`Settings::platform_settings_ttl`, 5 s by default).
    fresh_for: Duration,
    cached: RwLock<Option<Cached>>,
}

struct Cached {
    settings: PlatformSettings,
    read_at: Instant,
    /// Set when a read again failed: the last settings serve until then.
    kept_until: Option<Instant>,
}

impl Cached {
    fn new(settings: PlatformSettings) -> Self {
        Self {
            settings,
            read_at: Instant::now(),
            kept_until: None,
        }
    }

    fn is_fresh(&self, fresh_for: Duration) -> bool {
        self.read_at.elapsed() < fresh_for
            || self.kept_until.is_some_and(|until| Instant::now() < until)
    }
}

impl PlatformCache {
    pub fn new(db: Db, fresh_for: Duration) -> Self {
        Self {
            db,
            fresh_for,
            cached: RwLock::new(None),
        }
    }

    /// The settings, read again once they are `fresh_for` old. When the database does not
    /// answer within `REFRESH_WITHIN` (down, or every connection busy), the last settings
    /// read serve on and are tried again every `RETRY_EVERY`: pages that need nothing else
    /// of the database are still served, and nothing waits for the pool here.
    pub async fn get(&self) -> Result<PlatformSettings, DbError> {
        if let Some(settings) = self.fresh().await {
            return Ok(settings);
        }
        let read = tokio::time::timeout(REFRESH_WITHIN, load_platform_settings(&self.db.pool));
        let failure = match read.await {
            Ok(Ok(settings)) => {
                *self.cached.write().await = Some(Cached::new(settings.clone()));
                return Ok(settings);
            }
            Ok(Err(err)) => err,
            Err(_) => DbError::PoolTimedOut,
        };
        match self.cached.write().await.as_mut() {
            Some(cached) => {
                tracing::warn!(error = %failure, "The platform settings could not be read again; the last ones read serve on");
                cached.kept_until = Some(Instant::now() + RETRY_EVERY);
                Ok(cached.settings.clone())
            }
            None => Err(failure),
        }
    }

    /// The platform's "Default language" alone: what every page's language may fall back
    /// to, without copying the rest of the settings.
    pub async fn default_language(&self) -> Result<Language, DbError> {
        if let Some(cached) = self.cached.read().await.as_ref()
            && cached.is_fresh(self.fresh_for)
        {
            return Ok(cached.settings.default_language);
        }
        self.get().await.map(|settings| settings.default_language)
    }

    async fn fresh(&self) -> Option<PlatformSettings> {
        let cached = self.cached.read().await;
        let cached = cached.as_ref()?;
        cached
            .is_fresh(self.fresh_for)
            .then(|| cached.settings.clone())
    }

    /// As `get`, reading through `db` when the cache is stale: inside a transaction, its
    /// own connection, so a use case never waits for a second one from the pool (a burst
    /// of transactions could hold them all).
    pub async fn get_using<'e>(&self, db: impl Exec<'e>) -> Result<PlatformSettings, DbError> {
        if let Some(settings) = self.fresh().await {
            return Ok(settings);
        }
        let settings = load_platform_settings(db).await?;
        *self.cached.write().await = Some(Cached::new(settings.clone()));
        Ok(settings)
    }
}

impl PlatformCache {
    /// Drops the cached settings: this instance reads the new ones at once.
    pub async fn forget(&self) {
        *self.cached.write().await = None;
    }
}

impl Services {
    /// The platform settings now (at most a few seconds old).
    pub async fn platform(&self) -> Result<PlatformSettings, DbError> {
        self.platform.get().await
    }

    /// The platform's "Default language" (see `PlatformCache::default_language`).
    pub async fn default_language(&self) -> Result<Language, DbError> {
        self.platform.default_language().await
    }

    /// At start: the app name and the SMS countries allowed take the environment's values
    /// unless an administrator has set them.
    pub async fn seed_platform_settings(&self) -> Result<(), DbError> {
        seed_from_environment(
            &self.db.pool,
            &self.settings.app_name,
            &self.settings.sms_allowed_countries,
        )
        .await
    }
}
