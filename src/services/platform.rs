//! The platform settings as every request sees them: read from the database at most once
//! every few seconds per instance, so a change reaches all instances within seconds.

use std::time::{Duration, Instant};

use tokio::sync::RwLock;

use super::Services;
use crate::db::platform::{load_platform_settings, seed_from_environment};
use crate::db::{Db, DbError, Exec};
use crate::domain::policy::PlatformSettings;

pub struct PlatformCache {
    db: Db,
    /// How long a read stays fresh (`Settings::platform_settings_ttl`, 5 s by default).
    fresh_for: Duration,
    cached: RwLock<Option<(Instant, PlatformSettings)>>,
}

impl PlatformCache {
    pub fn new(db: Db, fresh_for: Duration) -> Self {
        Self {
            db,
            fresh_for,
            cached: RwLock::new(None),
        }
    }

    pub async fn get(&self) -> Result<PlatformSettings, DbError> {
        self.get_using(&self.db.pool).await
    }

    /// As `get`, reading through `db` when the cache is stale: inside a transaction, its
    /// own connection, so a use case never waits for a second one from the pool (a burst
    /// of transactions could hold them all).
    pub async fn get_using<'e>(&self, db: impl Exec<'e>) -> Result<PlatformSettings, DbError> {
        if let Some((read_at, settings)) = self.cached.read().await.as_ref()
            && read_at.elapsed() < self.fresh_for
        {
            return Ok(settings.clone());
        }
        let settings = load_platform_settings(db).await?;
        *self.cached.write().await = Some((Instant::now(), settings.clone()));
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
